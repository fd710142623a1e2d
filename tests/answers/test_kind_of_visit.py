"""A visit is of the kind asked when one of its places is: a morning's photos run on without a break from home
through the lecture halls to a café, so "which café did I go to most" counts that café, not the university where
most of the morning's photos were (which would leave only the cafés visited on their own to be counted)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer

HOME = ("Home", DUBLIN, 53.35, -6.26)
UNIVERSITY = ("Trinity College", DUBLIN, 53.344, -6.254)
STREET = ("", DUBLIN, 53.346, -6.258)
BEAN_THERE = ("Bean There", DUBLIN, 53.343, -6.256)  # after lectures, on eight weekdays
CORNER_CAFE = ("Corner Cafe", DUBLIN, 53.36, -6.27)  # on its own, on four Saturdays
CAFE = ("a cafe with tables and chairs", "two cups of coffee on a table")


def _shots(start: datetime, minutes: int, captions: tuple[str, ...], where) -> list[tuple]:
    name, place, lat, lng = where
    return [(start + timedelta(minutes=at), captions[at // 10 % len(captions)], name, place, lat, lng, "")
            for at in range(0, minutes, 10)]


@pytest.fixture(scope="module")
def mornings(tmp_path_factory):
    """April 2019, a photo every ten minutes: home, a walk, lectures until 11:30 and a walk to Bean There on eight
    weekdays, the whole morning without a break; the Corner Cafe on four Saturday afternoons, between two homes."""
    photos = []
    for day in (datetime(2019, 4, 1) + timedelta(days=n) for n in range(30)):
        photos += _shots(day.replace(hour=7, minute=30), 30, ("a kitchen with a table", "a person holding a cup of coffee"), HOME)
        if day.weekday() < 4 and len({photo[0].date() for photo in photos if photo[2] == "Bean There"}) < 8:
            photos += _shots(day.replace(hour=8), 30, ("a person walking down a sidewalk",), STREET)
            photos += _shots(day.replace(hour=8, minute=30), 180, ("a classroom with a projector screen",), UNIVERSITY)
            photos += _shots(day.replace(hour=11, minute=30), 20, ("a person walking down a sidewalk",), STREET)
            photos += _shots(day.replace(hour=11, minute=50), 60, CAFE, BEAN_THERE)
        elif day.weekday() == 5:
            photos += _shots(day.replace(hour=15), 50, CAFE, CORNER_CAFE)
        photos += _shots(day.replace(hour=18), 120, ("a living room with a sofa",), HOME)
    return _commit(tmp_path_factory.mktemp("mornings") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_a_cafe_at_the_end_of_a_morning_at_university_is_counted(mornings):
    answer = answer_question(mornings, "Which café did I go to most often?")
    assert answer.value == "Bean There"
    assert answer.confidence == "sure" and answer.evidence
    shown = mornings.photos.set_index("image_id").semantic_name[list(answer.evidence)]
    assert set(shown) == {"Bean There"}  # the café's photos, not the lectures before it
