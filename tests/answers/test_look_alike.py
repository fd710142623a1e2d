"""A sparse camera catches some visits in a single photo that says nothing of them: "a man in a white coat", with no
word of the dentist and no place. Such a photo, looking like the visits found, makes their count and their last one
likely, not sure; and whose occasion a visit was is told by its own photos, not by the walk home after it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_sparse_camera import NO_PLACE, _day_at_home, _shots

DENTIST = ("", DUBLIN, 53.338, -6.25)  # the metadata names only the city
COSTA = ("Costa", DUBLIN, 53.343, -6.26)
SEEN_AT_THE_DENTIST = (datetime(2019, 4, 3), datetime(2019, 4, 17), datetime(2019, 5, 8))
WALKED_HOME = SEEN_AT_THE_DENTIST[1]
GLIMPSED = datetime(2019, 6, 12)  # the last visit: one photo with no place and no word of the dentist
COFFEES = (datetime(2019, 4, 5), datetime(2019, 4, 12), datetime(2019, 4, 26), datetime(2019, 5, 10))


def _dentist(day: datetime) -> list[tuple]:
    chair = _shots(day.replace(hour=10), 20, "a dentist chair in a room", DENTIST, every=10)
    if day == WALKED_HOME:  # in the chair, then the neighbours' kids on the pavement outside, twice
        return chair + _shots(day.replace(hour=10, minute=25), 30, "two kids walking down a street", DENTIST, every=10)
    return chair + _shots(day.replace(hour=10, minute=20), 1, "a man in a white coat", DENTIST)


@pytest.fixture(scope="module")
def glimpsed(tmp_path_factory):
    """April to June 2019 at home in Dublin: the dentist three times, seen well (on 17 April, my own appointment, then
    the walk home with the neighbours' kids), then once in June in a single photo of the dentist in his coat, with no
    place; coffee at Costa four times, and once in June at a table with no place."""
    photos, day = [], datetime(2019, 4, 1)
    while day <= datetime(2019, 6, 30):
        photos += _day_at_home(day)
        if day in SEEN_AT_THE_DENTIST:
            photos += _dentist(day)
        if day == GLIMPSED:
            photos += _shots(day.replace(hour=10, minute=10), 1, "a man in a white coat", NO_PLACE)
        if day in COFFEES:
            photos += _shots(day.replace(hour=15), 60, "a cup of coffee on a table", COSTA, every=20)
        if day == datetime(2019, 6, 14):
            photos += _shots(day.replace(hour=15, minute=30), 1, "a cup of coffee on a table", NO_PLACE)
        day += timedelta(days=1)
    return _commit(tmp_path_factory.mktemp("glimpsed") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_a_photo_like_the_visits_after_the_last_one_found_makes_it_likely(glimpsed):
    answer = answer_question(glimpsed, "When was I last at the dentist?")
    assert answer.value == "2019-05-08" and answer.confidence == "likely"  # 12 June may have been the dentist too
    assert "'a man in a white coat' on 12 Jun 2019" in answer.why and "'dentist'" in answer.why


def test_a_photo_with_no_place_like_the_visits_to_a_named_place_makes_their_count_likely(glimpsed):
    assert answer_question(glimpsed, "How many times did I go to Costa in April 2019?").confidence == "sure"
    answer = answer_question(glimpsed, "How many times did I go to Costa?")
    assert answer.value == 4 and answer.confidence == "likely" and "no place" in answer.why


def test_whose_appointment_it_was_is_told_by_its_own_photos_not_the_walk_home(glimpsed):
    answer = answer_question(glimpsed, "How many times did I go to the dentist myself in April 2019?")
    assert answer.value == 2  # the kids on the pavement outside on 17 April do not make it their appointment
