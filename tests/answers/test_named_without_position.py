"""A photo named after a venue but with no position (the GPS not fixed yet, indoors) is still at that venue: a
count of visits to it includes that visit, rather than leaving it out and being sure of one fewer."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_sparse_camera import _shots

HOME = ("Home", DUBLIN, 53.35, -6.26)
LIDL = ("Lidl", DUBLIN, 53.33, -6.25)
LIDL_NO_FIX = ("Lidl", DUBLIN, float("nan"), float("nan"))


@pytest.fixture(scope="module")
def shopping(tmp_path_factory):
    """April 2019 at home in Dublin; Lidl on the four Saturdays, the GPS never fixed inside on the 6th."""
    photos = []
    for day in (datetime(2019, 4, 1) + timedelta(days=n) for n in range(30)):
        photos += _shots(day.replace(hour=8), 120, "a kitchen with a table", HOME, every=15)
        if day.weekday() == 5:
            photos += _shots(day.replace(hour=16), 45, "a shelf of cereal boxes", LIDL_NO_FIX if day.day == 6 else LIDL, every=15)
        photos += _shots(day.replace(hour=18), 180, "a living room with a sofa", HOME, every=15)
    return _commit(tmp_path_factory.mktemp("shopping") / "lib", photos)


def test_a_visit_named_without_a_position_is_counted(shopping):
    answer = answer_question(shopping, "How many times did I go to Lidl in April 2019?")
    assert answer.value == 4 and answer.confidence == "sure"
