"""A visit is about every word of the question only when its photos say so: a word on the visit's first or last photo
alone, a photo that has none of the other words the rest of the visit is full of, is the moment next door ("two
kids walking down a street" as one leaves one's own dentist), not the kids' dentist."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import _commit  # the same small-life writer

TORONTO = dict(city="Toronto", country="Canada", country_code="CA")
HOME = ("Home", 43.6629, -79.3331)
OWN_DENTIST = ("Scotia Plaza", 43.6495, -79.3797)
KIDS_DENTIST = ("Leslieville Dental", 43.6602, -79.3255)
SCHOOL = ("", 43.6660, -79.3382)
OWN_VISITS = (datetime(2024, 3, 12, 10), datetime(2024, 9, 24, 10), datetime(2024, 12, 10, 10))
KIDS_VISITS = (datetime(2024, 2, 26, 15), datetime(2024, 8, 22, 15))


def _visit(start: datetime, captions: list[str], where: tuple) -> list[tuple]:
    name, lat, lng = where
    return [(start + timedelta(minutes=9 * at), caption, name, TORONTO, lat, lng, "") for at, caption in enumerate(captions)]


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """2024 at home in Toronto; one's own dentist thrice, the last visit's last photo the kids met on the way out;
    the kids' dentist twice; the walk to school on eleven mornings, 'kids' on its first photo, the school on its last."""
    photos = []
    for day in (datetime(2024, 1, 1) + timedelta(days=n) for n in range(366)):
        photos += _visit(day.replace(hour=19), ["a living room with a couch", "a kitchen with a table"], HOME)
        if day.month == 1 and day.weekday() < 5 and day.day <= 15:
            photos += _visit(day.replace(hour=8, minute=20), ["two kids walking down a street", "a street with trees and houses",
                                                              "a school building with a fence"], SCHOOL)
    for start in OWN_VISITS:
        own = ["a person sitting in a dentist chair", "a dentist chair in a room", "a room with a dentist chair and a lamp",
               "a dentist chair in a room"]
        photos += _visit(start, own + (["two kids walking down a street"] if start == OWN_VISITS[-1] else []), OWN_DENTIST)
    for start in KIDS_VISITS:
        photos += _visit(start, ["a little girl sitting in a dentist chair", "two kids in a dentist waiting room",
                                 "a kid in a dentist chair"], KIDS_DENTIST)
    return _commit(tmp_path_factory.mktemp("nextdoor") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_the_kids_met_on_the_way_out_are_not_the_kids_dentist(year):
    assert answer_question(year, "How many times did the kids see the dentist in 2024?").value == 2
    assert answer_question(year, "When did I last take the kids to the dentist?").value == "2024-08-22"


def test_ones_own_dentist_still_counts_that_visit(year):
    assert answer_question(year, "How many times did I go to the dentist in 2024?").value == 5


def test_a_short_walk_with_each_word_on_one_photo_still_counts(year):
    assert answer_question(year, "How many times did I walk the kids to school in January?").value == 11
