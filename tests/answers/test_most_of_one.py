"""'Which restaurant did I go to most often' answered from a single visit that says which (the others' photos name no
place) is at most likely: one visit is no proof of the most; and 'which cinema do I go to' looks at the visits to places
known to be cinemas, not at whole days whose photos run together."""

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


@pytest.fixture(scope="module")
def evenings_out(tmp_path_factory):
    """Four weekdays in Dublin: the office (named), home (known only by its town), the Lighthouse Cinema in the evening
    (named, its photos saying 'cinema'), home again; one day after another, no gap long enough to part them."""
    photos = []
    for day in range(4):
        date = datetime(2024, 10, 7) + timedelta(days=day)
        photos += _stay(date.replace(hour=9), 480, DUBLIN, 53.34, -6.25, "Fitzwilliam Offices", "a man sitting at a desk with a laptop")
        photos += _stay(date.replace(hour=17, minute=10), 110, DUBLIN, 53.36, -6.26, "", "a living room with a couch")
        photos += _stay(date.replace(hour=19, minute=10), 130, DUBLIN, 53.348, -6.278, "Lighthouse Cinema", "people sitting in a cinema")
        photos += _stay(date.replace(hour=21, minute=30), 80, DUBLIN, 53.36, -6.26, "", "a living room with a couch")
    return _commit(tmp_path_factory.mktemp("evenings") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_which_cinema_looks_at_the_visits_to_cinemas(evenings_out):
    """Not at the day the photos run together with, whose most photographed place is the office."""
    answer = answer_question(evenings_out, "Which cinema do I go to?")
    assert answer.value == "Lighthouse Cinema"
