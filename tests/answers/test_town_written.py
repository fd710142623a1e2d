"""Photos with no position (film scans, a diary without GPS) still say where they were in their own words: "where was
I" and "which cities" take the one town a caption or a sign names, likely, never sure; two towns named, or none, and
it can't tell."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import _commit  # the same small-life writer

NOWHERE = dict(city="", country="", country_code="")
SAID = {
    datetime(2002, 7, 10, 12): ("10.7.2002 - landed in Marseille, hot and tired", ""),
    datetime(2002, 7, 12, 12): ("the old port at dusk", "VIEUX PORT"),
    datetime(2003, 3, 4, 12): ("a postcard from Rome", ""),  # names no town by "in", "at" or "to"
    datetime(2004, 5, 6, 12): ("Last morning in Vienna", ""),
    datetime(2004, 5, 7, 12): ("back home, tea", "MARSEILLE"),  # a sign naming another town the same year
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


def test_two_towns_written_cannot_tell_which(scans):
    answer = answer_question(scans, "Which cities did I visit in 2004?")
    assert answer.value is None and answer.confidence == "unsure"
