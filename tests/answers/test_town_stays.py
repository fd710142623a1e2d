"""A visit in one's own town when the home has no name: the run is the run's photos, not the whole morning around it
(at home, the walk to the park, the run, the walk back), which the metadata knows only as "Dublin"."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay


@pytest.fixture(scope="module")
def saturday_runs(tmp_path_factory):
    """Four Saturday mornings in Dublin, every photo placed only by its town: an hour at home, a walk to the park, a
    run of about forty minutes, the walk back and two hours at home; then the gym (a named venue) in the afternoon."""
    photos = []
    for week in range(4):
        day = datetime(2025, 5, 3) + timedelta(days=7 * week)
        photos += _stay(day.replace(hour=7, minute=30), 60, DUBLIN, 53.3600, -6.2600, "", "a living room with a couch")
        photos += _stay(day.replace(hour=8, minute=40), 10, DUBLIN, 53.3610, -6.2580, "", "a city street with buildings")
        photos += _stay(day.replace(hour=9), 40, DUBLIN, 53.3560, -6.2500, "", "a group of people running in a park")
        photos += _stay(day.replace(hour=9, minute=50), 10, DUBLIN, 53.3610, -6.2580, "", "a city street with buildings")
        photos += _stay(day.replace(hour=10, minute=10), 120, DUBLIN, 53.3600, -6.2600, "", "a living room with a couch")
        photos += _stay(day.replace(hour=15), 60, DUBLIN, 53.3400, -6.2700, "Flyefit", "a gym with lots of equipment")
    return _commit(tmp_path_factory.mktemp("runs") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_a_run_in_a_town_with_no_named_places_lasts_as_long_as_its_photos(saturday_runs):
    answer = answer_question(saturday_runs, "How long was my run on 10 May 2025?")
    assert answer.value == pytest.approx(50 * 60, abs=10 * 60)  # 40 minutes of photos and the last one's interval


def test_a_named_venue_keeps_its_whole_stay(saturday_runs):
    assert answer_question(saturday_runs, "How long was I at Flyefit on 10 May 2025?").value == pytest.approx(70 * 60, abs=10 * 60)
