"""'Which restaurant did I go to most often' answered from a single visit that says which (the others' photos name no
place) is at most likely: one visit is no proof of the most."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay


@pytest.fixture(scope="module")
def dinners(tmp_path_factory):
    """Five Fridays of dinner out in Dublin, days at the office between; only the first dinner's photos name the place."""
    photos = []
    for week in range(5):
        friday = datetime(2024, 9, 6) + timedelta(days=7 * week)
        photos += _stay(friday.replace(hour=9), 480, DUBLIN, 53.34, -6.25, "Fitzwilliam Offices", "a man sitting at a desk with a laptop")
        photos += _stay(friday.replace(hour=19), 100, DUBLIN, 53.35 + 0.01 * week, -6.26, "Chapter One" if not week else "",
                        "people eating dinner in a restaurant")
    return _commit(tmp_path_factory.mktemp("dinners") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_the_most_from_a_single_visit_is_not_sure(dinners):
    answer = answer_question(dinners, "Which restaurant did I go to most often?")
    assert answer.value in ("Chapter One", None) and answer.confidence != "sure"
