"""Nights away: "how many nights did I spend in Rome" counts the nights between arriving and leaving (a trip's
days but one), not the days with a photo taken at night, which an afternoon arrival and a morning flight home
both lack."""

from __future__ import annotations

from datetime import datetime

import pytest

from assistant.answers import answer_question
from assistant.query import parse_query

from test_honesty import DUBLIN, ROME, _commit  # the same small-life writer
from test_travel_clock import _at_home, _stay  # mornings and evenings at home; a photo every ten minutes of a stay


@pytest.fixture(scope="module")
def four_days_in_rome(tmp_path_factory):
    """Dublin, then Rome from 3 June (landing at two, in the hotel until five) to 6 June (a morning flight home)."""
    photos = _at_home((datetime(2019, 6, 3),), 4, start=datetime(2019, 5, 20))
    photos += _stay(datetime(2019, 6, 3, 14), 180, ROME, 41.90, 12.49, "Hotel Artemide")
    for day in (4, 5):
        photos += _stay(datetime(2019, 6, day, 10), 480, ROME, 41.89, 12.48, "Colosseum")
        photos += _stay(datetime(2019, 6, day, 21), 70, ROME, 41.90, 12.49, "Hotel Artemide")
    photos += _stay(datetime(2019, 6, 6, 8), 90, ROME, 41.90, 12.49, "Hotel Artemide")
    photos += _stay(datetime(2019, 6, 6, 17), 120, DUBLIN, 53.35, -6.26, "Home")
    return _commit(tmp_path_factory.mktemp("rome") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_the_nights_counted_are_not_a_time_of_day_to_look_in():
    parsed = parse_query("How many nights did I spend in Rome?")
    assert parsed.question.unit == "night" and not parsed.time.terms


def test_nights_away_are_the_days_between_arriving_and_leaving(four_days_in_rome):
    answer = answer_question(four_days_in_rome, "How many nights did I spend in Rome?")
    assert answer.value == 3 and "night" in answer.text
    assert answer.evidence and all(int(image_id[9:11]) >= 21 for image_id in answer.evidence), "the evidence is of the nights"
    assert answer_question(four_days_in_rome, "How many days was I in Rome?").value == 4
