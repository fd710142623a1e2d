"""A visit is of a part of the day when most of its time lies in it, not when a photo or two does: a day shift on the
ward until 19:30 is no night shift though its last hour is evening, and a night shift across midnight is of the
evening it began (the one begun on 28 February is no March night) and lasts until the morning."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay

HOSPITAL = "St James's Hospital"
ROTA = [date(2019, 1, 1) + timedelta(days=offset) for offset in range(94)]  # a workplace is one month after month


def _turn(day: date) -> int:
    """The rota turns every six days: two day shifts, two night shifts (one begins on 28 February), two days off."""
    return (day - date(2019, 2, 26)).days % 6


DAYS = [day for day in ROTA if _turn(day) in (0, 1)]  # 07:00 to 19:30; the last shift of all is one
NIGHTS = [day for day in ROTA if _turn(day) in (2, 3)]  # 19:30 to 08:00



def _shift(day: date, hour: int, minute: int, minutes: int) -> list:
    start = datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)
    photos = _stay(start, minutes, DUBLIN, 53.339, -6.295, HOSPITAL, "a woman in scrubs at a computer")
    # the camera names the place on some photos only, so a shift is many short stays
    return [(time, caption, name if index % 3 == 0 else "", *rest) for index, (time, caption, name, *rest) in enumerate(photos)]


@pytest.fixture(scope="module")
def shifts(tmp_path_factory):
    """A nurse's rota from January to early April 2019, at home before and after a day shift, in the afternoon otherwise."""
    photos = [photo for day in NIGHTS for photo in _shift(day, 19, 30, 750)]
    photos += [photo for day in DAYS for photo in _shift(day, 7, 0, 750)]
    for day in ROTA:
        at_home = ((6, 30), (20, 60)) if day in DAYS else ((14, 120),)
        for hour, minutes in at_home:
            start = datetime.combine(day, datetime.min.time()).replace(hour=hour)
            photos += _stay(start, minutes, DUBLIN, 53.35, -6.26, "Home", "a dog lying on a sofa")
    return _commit(tmp_path_factory.mktemp("shifts") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_night_shifts_are_counted_by_the_evenings_they_began(shifts):
    answer = answer_question(shifts, "How many night shifts did I work in March 2019?")
    assert date(2019, 2, 28) in NIGHTS and answer.value == sum(day.month == 3 for day in NIGHTS)


def test_the_last_night_shift_is_not_a_day_shift_that_ended_in_the_evening(shifts):
    answer = answer_question(shifts, "When was my last night shift?")
    assert answer.value == NIGHTS[-1].isoformat() and ROTA[-1] in DAYS


def test_a_night_shift_lasts_until_the_morning(shifts):
    answer = answer_question(shifts, f"How long was my night shift that started on {NIGHTS[-2]:%d %B %Y}?")
    assert abs(answer.value - 12.5 * 3600) <= 15 * 60
