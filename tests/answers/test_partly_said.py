"""A camera shows the beach, seldom the walking: "when did I last walk on the beach" is the last visit whose photos
say both, but a later visit to the beach whose photos say only "beach" may be the last walk there, so the date is
likely, not sure. Nothing later on the beach, the date is sure."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_sparse_camera import _shots

HOME = ("Home", DUBLIN, 53.35, -6.26)
STREET = ("", DUBLIN, 53.346, -6.258)
BEACH = ("Sandymount Strand", DUBLIN, 53.33, -6.21)
WALKED = (datetime(2019, 4, 7), datetime(2019, 4, 14))  # photos of walking on the beach
SEEN = (datetime(2019, 4, 21), datetime(2019, 4, 28))  # photos of the beach alone


@pytest.fixture(scope="module")
def beach(tmp_path_factory):
    """April 2019 at home in Dublin, a walk down the street every day; Sunday mornings at the beach."""
    photos = []
    for day in (datetime(2019, 4, 1) + timedelta(days=n) for n in range(30)):
        photos += _shots(day.replace(hour=8), 60, "a kitchen with a table", HOME, every=15)
        photos += _shots(day.replace(hour=12), 30, "a person walking down a street", STREET, every=15)
        if day in WALKED or day in SEEN:
            seen = "a person walking on a beach" if day in WALKED else "a sandy beach next to the ocean"
            photos += _shots(day.replace(hour=10), 60, seen, BEACH, every=15)
        photos += _shots(day.replace(hour=18), 180, "a living room with a sofa", HOME, every=15)
    return _commit(tmp_path_factory.mktemp("beach") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_a_later_visit_that_says_only_the_place_makes_the_last_time_likely(beach):
    answer = answer_question(beach, "When did I last walk on the beach?")
    assert answer.value == "2019-04-14" and answer.confidence == "likely" and "28 Apr 2019" in answer.why


def test_nothing_earlier_on_the_beach_leaves_the_first_time_sure(beach):
    answer = answer_question(beach, "When did I first walk on the beach?")
    assert answer.value == "2019-04-07" and answer.confidence == "sure"
