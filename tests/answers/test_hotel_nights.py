"""Nights at a hotel: "how many nights did I spend at the Hotel Speicherstadt" counts the nights slept there (an
evening in the room and the breakfast after are one night), not the days a photo was taken there; and a count of
visits to a place found by its name is not sure when photos at the same spot on other days carry no name; and its
weeks are counted from Monday."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay

HAMBURG = dict(city="Hamburg", country="Germany", country_code="DE")
BERLIN = dict(city="Berlin", country="Germany", country_code="DE")
WEEKS = (datetime(2025, 1, 6), datetime(2025, 1, 13), datetime(2025, 1, 20))  # Mondays


def _client_week(monday: datetime, town: dict, hotel: tuple[float, float, str], named_nights: tuple[int, ...] = (0, 1, 2)) -> list:
    """Monday to Thursday away: the client's office by day, the hotel in the evenings (Monday to Wednesday) and at
    breakfast (Tuesday to Thursday); the hotel's name only on the nights in `named_nights` (0: Monday's)."""
    lat, lng, name = hotel
    photos = []
    for number in range(4):
        day = monday + timedelta(days=number)
        if number:  # the breakfast after night number-1
            photos += _stay(day.replace(hour=7, minute=10), 40, town, lat, lng, name if number - 1 in named_nights else "", "a hotel room with a bed")
        photos += _stay(day.replace(hour=9), 480, town, lat + 0.01, lng + 0.01, "Client office", "a man sitting at a desk with a laptop")
        if number < 3:
            photos += _stay(day.replace(hour=21), 90, town, lat, lng, name if number in named_nights else "", "a hotel room with a bed")
    return photos


@pytest.fixture(scope="module")
def weeks_away(tmp_path_factory):
    """Weekends at home in Dublin; three weeks in Hamburg, every photo of the hotel named; two in Berlin, where
    the second week's Tuesday night in the hotel (its evening and the breakfast after) carries no name."""
    photos = []
    for monday in WEEKS:
        photos += _client_week(monday, HAMBURG, (53.5440, 9.9950, "Hotel Speicherstadt"))
        photos += _stay(monday + timedelta(days=5, hours=10), 120, DUBLIN, 53.35, -6.26, "Home")
    for monday in (datetime(2025, 2, 3), datetime(2025, 2, 10)):
        photos += _client_week(monday, BERLIN, (52.5163, 13.3777, "Hotel Adlon"), (0, 1, 2) if monday.day == 3 else (0, 2))
    return _commit(tmp_path_factory.mktemp("nights") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_the_nights_at_a_hotel_are_the_nights_slept_there(weeks_away):
    answer = answer_question(weeks_away, "How many nights did I spend at the Hotel Speicherstadt?")
    assert answer.value == 9, "three nights a week, Monday to Wednesday, not the four days a photo was taken there"
    assert answer.confidence == "sure"


def test_a_count_by_a_place_name_that_some_visits_lack_is_not_sure(weeks_away):
    answer = answer_question(weeks_away, "How many nights did I spend at the Hotel Adlon?")
    assert answer.value == 5 and answer.confidence == "likely"
    assert "no name" in answer.why


def test_weeks_are_counted_from_monday(weeks_away):
    """Three Monday-to-Thursday weeks are three weeks, though numpy's weeks begin on a Thursday."""
    assert answer_question(weeks_away, "How many weeks did I stay at the Hotel Speicherstadt?").value == 3
