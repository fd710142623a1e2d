"""Photos with no position (film scans, a diary without GPS) still say where they were in their own words: "where was
I" and "which cities" take the town a caption or a sign names, likely, never sure; a visit whose words name two towns,
or none, can't tell; a trip is stretched to the photos beside it with no position that name its town."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import _commit  # the same small-life writer

NOWHERE = dict(city="", country="", country_code="")
SAID = {
    datetime(2002, 7, 10, 12): ("10.7.2002 - landed in Marseille, hot and tired", ""),
    datetime(2002, 7, 12, 12): ("the old port at dusk", "VIEUX PORT"),
    datetime(2002, 3, 3, 12): ("Saturday in Salamanca Market", "EDINBURGH CHORAL SOCIETY"),  # a market, a choir: no town
    datetime(2003, 3, 4, 12): ("a postcard from Rome", ""),  # names no town by "in"
    datetime(2004, 5, 6, 12): ("Last morning in Vienna", ""),
    datetime(2004, 5, 7, 12): ("back home, tea", "MARSEILLE"),  # a sign naming another town the same year
    datetime(2003, 9, 9, 12): ("a day in Bordeaux", "LYON"),  # two towns on one day's photo
}


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """A photo every fourth day at a guessed noon, 2002-2004, none placed; a few say where they were."""
    days = [datetime(2002, 1, 1, 12) + timedelta(days=4 * n) for n in range(270)]
    photos = [(day, "a cup of tea on a table", "", NOWHERE, float("nan"), float("nan"), "") for day in days if day not in SAID]
    photos += [(day, caption, "", NOWHERE, float("nan"), float("nan"), sign) for day, (caption, sign) in SAID.items()]
    return _commit(tmp_path_factory.mktemp("scans") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_where_was_i_is_the_town_a_caption_names(scans):
    answer = answer_question(scans, "Where was I on 10 July 2002?")
    assert answer.value == "Marseille" and answer.confidence == "likely" and "landed in Marseille" in answer.why


def test_which_cities_in_a_year_names_the_one_town_written(scans):
    answer = answer_question(scans, "Which cities did I visit in 2002?")
    assert answer.value in ("Marseille", ["Marseille"]) and answer.confidence == "likely"


def test_a_day_whose_words_name_no_town_cannot_tell(scans):
    assert answer_question(scans, "Where was I on 4 March 2003?").value is None
    assert answer_question(scans, "Where was I on 3 March 2002?").value is None  # a name that begins with a town's is not it


def test_every_town_written_in_a_year_is_listed_likely(scans):
    answer = answer_question(scans, "Which cities did I visit in 2004?")
    assert sorted(answer.value) == ["Marseille", "Vienna"] and answer.confidence == "likely"


def test_a_day_whose_words_name_two_towns_cannot_tell_which(scans):
    assert answer_question(scans, "Where was I on 9 September 2003?").value is None


PORTO = dict(city="Porto", country="Portugal", country_code="PT")
LISBON = dict(city="Lisbon", country="Portugal", country_code="PT")


@pytest.fixture(scope="module")
def phone(tmp_path_factory):
    """A phone at home in Porto (GPS on every photo), Dec 2019; a trip to Lisbon whose first photo, on the 6th at the
    station, has no position but reads LISBOA; GPS in Lisbon from the 7th to the 9th; home from the 10th."""
    photos = []
    for day in (datetime(2019, 12, 1) + timedelta(days=n) for n in range(20)):
        if 7 <= day.day <= 9:
            photos += [(day.replace(hour=hour), "a city street with old buildings", "", LISBON, 38.72, -9.14, "") for hour in (10, 13, 18)]
        elif day.day == 6:
            photos += [(day.replace(hour=9), "a kitchen with a table", "", PORTO, 41.15, -8.61, ""),
                       (day.replace(hour=15, minute=21), "a train station platform", "", NOWHERE, float("nan"), float("nan"), "LISBOA")]
        else:
            photos += [(day.replace(hour=hour), "a kitchen with a table", "", PORTO, 41.15, -8.61, "") for hour in (9, 19)]
    return _commit(tmp_path_factory.mktemp("phone") / "lib", photos)


def test_a_trip_begins_at_a_photo_with_no_position_that_names_its_town(phone):
    answer = answer_question(phone, "How long did I stay in Lisbon?")
    assert answer.reasoning.endswith("(2019-12-06 to 2019-12-09)") and answer.confidence == "likely"
    assert answer.value == 3 * 86400 + 2 * 3600 + 39 * 60  # from 15:21 on the 6th (not 10:00 on the 7th) to 18:00 on the 9th
