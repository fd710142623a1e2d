"""A night worker's questions: "where was I at 3am on 9 May" asks the place of that moment (the hospital whose name
the photos carry), not the town, which a whole day still gets ("where was I on 9 May"); "where do I work" is the place
of long stretches on many days, though no photo says "work"; a night that began the evening before the day asked is
not surely of that day."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay

HOSPITAL = "St Vincent's University Hospital"


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """March to May 2019: nights on the ward every other evening or so (20:00 to 07:30), afternoons at home, Saturdays at a café."""
    photos, day = [], datetime(2019, 3, 1)
    while day < datetime(2019, 6, 1):
        photos += _stay(day.replace(hour=14), 120, DUBLIN, 53.35, -6.26, "")
        if day.day % 2 or day.day % 5 == 0:  # two nights in a row now and then (9 and 10 May)
            photos += _stay(day.replace(hour=20), 690, DUBLIN, 53.317, -6.213, HOSPITAL, "a hallway in a hospital")
        elif day.weekday() == 5:
            photos += _stay(day.replace(hour=10), 90, DUBLIN, 53.343, -6.262, "Bewley's Café", "a cup of coffee on a table")
        day += timedelta(days=1)
    return _commit(tmp_path_factory.mktemp("nights") / "lib", sorted(photos, key=lambda photo: photo[0]))


@pytest.mark.parametrize(("question", "place"), [
    ("Where was I at 3am on 10 May 2019?", HOSPITAL),  # the night of 9 May, on the ward
    ("Where was I at around 11am on 4 May 2019?", "Bewley's Café"),
    ("Where was I on 10 May 2019?", "Dublin"),  # a whole day: its town
])
def test_a_clock_time_asks_the_place_of_that_moment(nights, question, place):
    answer = answer_question(nights, question)
    assert answer.value == place and answer.confidence in ("sure", "likely")


def test_work_is_the_place_of_long_stretches_on_many_days(nights):
    answer = answer_question(nights, "Where do I work?")
    assert answer.value == HOSPITAL and answer.confidence in ("sure", "likely")


def test_a_night_that_began_the_evening_before_is_not_surely_of_the_day_asked(nights):
    for day in (12, 10):  # the night before only; the night before and another that began that evening
        answer = answer_question(nights, f"The night shift I finished on the morning of {day} May 2019: what date did it start?")
        assert answer.value == f"2019-05-{day - 1:02d}" or answer.confidence != "sure", day


def test_a_home_with_a_name_is_not_a_workplace(tmp_path):
    """Long days at a place called "Home", its days beginning and ending there: no workplace, whatever else is asked."""
    photos, day = [], datetime(2019, 3, 1)
    while day < datetime(2019, 6, 1):
        photos += _stay(day.replace(hour=8), 600, DUBLIN, 53.35, -6.26, "Home")
        day += timedelta(days=1)
    answer = answer_question(_commit(tmp_path / "lib", photos), "Where do I work?")
    assert answer.value != "Home"
