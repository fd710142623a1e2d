"""A cinema's own sign is read on every visit there; the film's title, perhaps once. "What movie did we see in May"
read as the sign is not sure: the same words are read there on other days, so they may be the place's and not the
film's. A misreading read as often at a visit as the word itself gives way to the spelling the library reads most."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer

HOME = ("Home", DUBLIN, 53.35, -6.26)
CINEMA = ("Lighthouse Cinema", DUBLIN, 53.348, -6.278)
FILMS = {datetime(2019, 3, 9): "PADDINGTON", datetime(2019, 4, 13): "DUMBO", datetime(2019, 5, 18): "ALADDIN",
         datetime(2019, 6, 8): "TOY STORY 4"}
SIGN = {datetime(2019, 6, 8): "LIGHTHOUS"}  # misread that night


@pytest.fixture(scope="module")
def films(tmp_path_factory):
    """March to June 2019 at home in Dublin; a film at the Lighthouse Cinema on a Saturday of each month: its sign read
    on three photos (misread in June), the film's title on one."""
    photos = []
    for day in (datetime(2019, 3, 1) + timedelta(days=n) for n in range(122)):
        photos += [(day.replace(hour=8) + timedelta(minutes=at), "a kitchen with a table", *HOME, "") for at in range(0, 120, 30)]
        if day in FILMS:
            photos += [(day.replace(hour=20, minute=at), "a movie theater with rows of seats", *CINEMA, sign)
                       for at, sign in ((0, SIGN.get(day, "LIGHTHOUSE")), (10, FILMS[day]), (20, f"{SIGN.get(day, 'LIGHTHOUSE')}  EXIT"),
                                        (30, SIGN.get(day, "LIGHTHOUSE")))]
        photos += [(day.replace(hour=18) + timedelta(minutes=at), "a living room with a sofa", *HOME, "") for at in range(0, 120, 30)]
    return _commit(tmp_path_factory.mktemp("films") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_the_place_sign_read_on_other_days_is_not_sure(films):
    answer = answer_question(films, "What movie did we see in May 2019?")
    assert answer.confidence != "sure" and "other days" in answer.why
    misread = answer_question(films, "What movie did we see in June 2019?")  # "LIGHTHOUS" here, "LIGHTHOUSE" on other days
    assert misread.confidence != "sure" and "other days" in misread.why


SHOP = ("Tesco", DUBLIN, 53.344, -6.262)


@pytest.fixture(scope="module")
def shelves(tmp_path_factory):
    """Saturdays of April 2019 at Tesco, "ACTIVIA" read on a shelf each time; on the 27th misread "ACTVIA" first and read
    right once after (as often there, but the library reads "ACTIVIA" far more)."""
    photos = []
    for day in (datetime(2019, 4, 6) + timedelta(days=7 * n) for n in range(4)):
        signs = ("ACTVIA", "ACTIVIA") if day.day == 27 else ("ACTIVIA", "ACTIVIA")
        photos += [(day.replace(hour=11, minute=at), "a supermarket shelf with yogurt", *SHOP, sign)
                   for at, sign in ((0, signs[0]), (10, signs[1]))]
    return _commit(tmp_path_factory.mktemp("shelves") / "lib", photos)


def test_a_misreading_as_often_as_the_word_gives_way_to_the_library_spelling(shelves):
    answer = answer_question(shelves, "What brand did I see at the supermarket on 27/04/2019?")
    assert answer.value == "ACTIVIA"
