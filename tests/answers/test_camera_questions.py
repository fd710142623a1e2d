"""Questions over a wearable camera's day-long stream of photos: a photo every ten minutes of a stay, named places
from GPS, captions in a captioner's words. Each test builds the few stays its question needs, beside days at home,
and writes the truth from those stays."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

import pytest

from assistant.answers import answer_question
from assistant.answers.subject import content_words
from assistant.enrich import shards
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.query import parse_query
from assistant.testing.library import photo_table

HOME = ("Home", 40.6262, 22.9528, "Thessaloniki")
CINEMA = ("Olympion Cinema", 40.6397, 22.9301, "Thessaloniki")
FAMILY = ("", 37.0389, 22.1142, "Kalamata")
TRAM_STOP = ("", 40.6300, 22.9400, "Thessaloniki")
WAREHOUSE = ("Costco Wholesale", 40.6500, 22.9900, "Thessaloniki")
KIDS_DENTIST = ("Leslieville Kids Dental", 40.6230, 22.9600, "Thessaloniki")
OWN_DENTIST = ("", 40.6100, 22.9200, "Thessaloniki")  # a dentist's flat: no venue name
BOOKSTORE = ("Ianos Bookstore", 40.6350, 22.9380, "Thessaloniki")
LIBRARY = ("AUTh Central Library", 40.6325, 22.9560, "Thessaloniki")
PARK = ("", 40.6420, 22.9500, "Thessaloniki")  # a park with no name
SUPERMARKET = ("Masoutis", 40.6249, 22.9542, "Thessaloniki")
EVERY_MIN = 10


def _library(folder, stays) -> Library:
    """stays: (start, minutes, (name, lat, lng, city), [captions, or (caption, text read) pairs, taken in turn]); a photo
    every EVERY_MIN minutes of each."""
    times, captions, read, places = [], [], [], []
    for start, minutes, place, said in sorted(stays, key=lambda stay: stay[0]):
        for shot in range(max(1, minutes // EVERY_MIN)):
            times.append(start + timedelta(minutes=EVERY_MIN * shot))
            caption, text = said[shot % len(said)] if isinstance(said[shot % len(said)], tuple) else (said[shot % len(said)], "")
            captions.append(caption)
            read.append(text)
            places.append(place)
    n = len(times)
    names, lats, lngs, cities = (list(column) for column in zip(*places))
    table = photo_table(np.array(times, dtype="datetime64[s]"), caption=captions, semantic_name=names, lat=lats, lng=lngs,
                        city=cities, country=["Greece"] * n, country_code=["GR"] * n)
    has_text = np.array([bool(text) for text in read])
    if has_text.any():
        shards.write_shard(folder, "ocr", table[list(shards.STAMP)][has_text].assign(ocr_text=np.array(read, dtype=object)[has_text]))
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def _evenings_at_home(first: datetime, days: int) -> list:
    return [(first + timedelta(days=day, hours=19), 60, HOME, ["a living room with a couch and a television"]) for day in range(days)]


def _film(day: datetime) -> tuple:
    return (day.replace(hour=20), 120, CINEMA, ["a movie theater with red seats", "a dark room with a large screen"])


def test_which_month_most_when_every_month_had_as_many_visits_is_no_month(tmp_path):
    """Once to the cinema in each of three months: no month is "the most", however the last one came out."""
    once_a_month = [_film(datetime(2019, month, 12)) for month in (3, 4, 5)]
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2019, 3, 1), 92) + once_a_month)
    answer = answer_question(library, "In which month did I go to the cinema the most")
    assert answer.value is None and answer.confidence == "unsure"
    assert {candidate.value for candidate in answer.candidates} == {"2019-03", "2019-04", "2019-05"}  # the tied months are offered


def test_which_month_most_when_one_month_had_more_visits(tmp_path):
    films = [_film(datetime(2019, 3, 12)), _film(datetime(2019, 4, 5)), _film(datetime(2019, 4, 19)), _film(datetime(2019, 4, 26)),
             _film(datetime(2019, 5, 12))]
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2019, 3, 1), 92) + films)
    assert answer_question(library, "In which month did I go to the cinema the most").value == "2019-04"


def test_days_of_a_trip_counted_only_inside_the_time_asked_are_not_sure(tmp_path):
    """Ten days with the family from 26 December: "in December" counts six of them, and says the trip went on."""
    away = [datetime(2018, 12, 26) + timedelta(days=day) for day in range(10)]
    home = [stay for stay in _evenings_at_home(datetime(2018, 12, 1), 60) if stay[0].date() not in {day.date() for day in away}]
    family = [(day.replace(hour=10), 240, FAMILY, ["a family sitting around a dinner table"]) for day in away]
    seen_leaving_and_back = [(away[0].replace(hour=8), 60, HOME, ["a bed with a white blanket"]),
                             (away[-1].replace(hour=16), 60, HOME, ["a bed with a white blanket"])]
    library = _library(tmp_path / "lib", home + family + seen_leaving_and_back)
    answer = answer_question(library, "How many days was I in Kalamata in December 2018?")
    assert answer.value == 6 and answer.confidence == "likely" and "26 Dec 2018–4 Jan 2019" in answer.why


def test_a_route_asked_is_the_sign_with_its_number_not_a_notice_as_often_read(tmp_path):
    """On the tram to work, "NEXT STOP" is read on more photos than "501 QUEEN": a route is a number, so the route's sign."""
    ride = [("the inside of a tram with people", "NEXT STOP")] * 3 + [("the inside of a tram with people", "501 QUEEN")]
    rides = [(datetime(2024, 3, 4) + timedelta(days=day, hours=8), 40, TRAM_STOP, ride) for day in range(10)]
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2024, 3, 4), 10) + rides)
    assert answer_question(library, "What tram route did I take in March 2024?").value.startswith("501")


def test_an_errand_named_by_where_it_goes_is_a_visit_there(tmp_path):
    """ "My last Costco run": the last visit to Costco; no photo need say "run"."""
    shopping = [(datetime(2024, month, 3, 12), 80, WAREHOUSE, ["a large warehouse store with shelves", "a cart full of boxes"])
                for month in (1, 2, 3)]
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2024, 1, 1), 90) + shopping)
    answer = answer_question(library, "when was my last Costco run")
    assert answer.value == "2024-03-03" and answer.confidence == "sure"


@pytest.mark.parametrize("question, subject", [
    ("when was my last Costco run", ["costco"]),
    ("how many times did I do the school run in May", ["school"]),
    ("when was my last morning run", ["run"]),  # a word of when: the run is the thing done
    ("how many times did I go for a run in May", ["run"]),
    ("How many hours did I work at the bookshop in March 2019?", ["bookshop"]),  # working there: the place is what shows
    ("how often did I work out", ["work", "out"]),
    ("On average, how many times a week did I work out at a gym in 2025?", ["gym"]),  # the gym says what working out was
    ("how many times did we eat out in Paris", []),  # eating out in Paris: the place says where
    ("tell me how many times we ate out at Libretto in March", ["libretto"]),  # at Libretto, which the photos' words name
    ("How often did I eat out in 2012?", ["out"]),  # with no place, meals out must be found, not every moment of 2012
])
def test_a_run_to_somewhere_is_an_errand_and_a_run_alone_is_running(question, subject):
    parsed = parse_query(question)
    assert content_words(parsed.visual, parsed.question, has_place=bool(parsed.place.terms)) == subject


def test_a_number_asked_is_never_read_surely_from_a_notice(tmp_path):
    """ "What seat did I have": the cabin's photos read a notice "B7" and "TOILETS", and no boarding pass; a string
    with a number counts more when a number is asked, so a notice's number may win, but never surely."""
    cabin = [("the inside of an airplane with rows of seats", ""), ("the inside of an airplane with rows of seats", "B7"),
             ("a tray of food on an airplane seat", "TOILETS")]
    flight = [(datetime(2023, 5, 8, 10), 120, ("", float("nan"), float("nan"), ""), cabin)]
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2023, 5, 1), 14) + flight)
    answer = answer_question(library, "What seat did I have on May 8, 2023?")
    assert answer.value is None or answer.confidence != "sure"


def test_my_own_visits_are_not_those_named_for_other_people(tmp_path):
    """Twice to the kids' dentist (named so on its photos), twice to one's own: "myself" counts one's own two."""
    chair = ["a dentist chair in a room", "a person sitting in a dentist chair"]
    kids = [(datetime(2024, month, 26, 15), 60, KIDS_DENTIST, chair) for month in (2, 8)]
    own = [(datetime(2024, month, 19, 10), 50, OWN_DENTIST, chair) for month in (3, 9)]
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2024, 1, 1), 300) + kids + own)
    assert answer_question(library, "How many times did I go to the dentist in 2024?").value == 4
    mine = answer_question(library, "How many times did I go to the dentist myself in 2024?")
    assert mine.value == 2 and mine.confidence in ("sure", "likely")


def _saturdays_at_the_bookshop() -> list:
    """Saturday shifts at a bookshop the captioner calls "a shop full of books", and afternoons at a library of books."""
    shift = ["a shop full of books", "a woman standing behind a counter"]
    saturdays = [(datetime(2019, 3, 2) + timedelta(weeks=week, hours=9, minutes=40), 240, BOOKSTORE, shift) for week in range(4)]
    reading = [(datetime(2019, 3, 5) + timedelta(weeks=week, hours=14), 90, LIBRARY, ["a shelf filled with lots of books"])
               for week in range(4)]
    return saturdays + reading


def test_a_compound_no_photo_has_is_found_as_its_two_words_on_one_photo_and_said_so(tmp_path):
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2019, 3, 1), 31) + _saturdays_at_the_bookshop())
    answer = answer_question(library, "which day of the week did I usually go to the bookshop")
    assert answer.value == "Saturday" and answer.confidence == "likely" and "'bookshop' found as two words" in answer.why
    last = answer_question(library, "when did I last go to the bookshop")  # not the library, which has books but no shop
    assert last.value == "2019-03-23" and last.confidence == "likely"


def test_a_noun_asked_is_not_found_as_a_verb_of_the_same_stem(tmp_path):
    """ "The park" is three Sundays in a park, not the mornings a captioner called "a car parked on the side of the road"."""
    sundays = [(datetime(2024, 8, 11 + 7 * week, 14), 90, PARK, ["two kids playing in a park", "a little boy on a swing"]) for week in range(3)]
    mornings = [(datetime(2024, 8, 1 + day, 7, 20), 30, HOME, ["a car parked on the side of the road"]) for day in range(0, 28, 3)]
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2024, 8, 1), 31) + sundays + mornings)
    assert answer_question(library, "remind me how many times we went to the park in August 2024").value == 3


def test_a_sign_misread_once_is_not_rare_for_it(tmp_path):
    """The supermarket's own sign ("ΜΑΣΟΥΤΗΣ") is on every visit; once OCR dropped its first letter. A misreading of
    a common sign is as common as the sign: the brand seen that day is the pasta's, "BARILLA"."""
    aisle = "a supermarket aisle"
    weeks = [datetime(2019, 1, 5) + timedelta(weeks=week, hours=15) for week in range(12)]
    shop = [(day, 30, SUPERMARKET, [(aisle, "ΜΑΣΟΥΤΗΣ"), (aisle, "BARILLA" if week % 4 == 1 else ""), (aisle, "ΜΑΣΟΥΤΗΣ")])
            for week, day in enumerate(weeks[:-1])]
    shop.append((weeks[-1], 30, SUPERMARKET, [(aisle, "ΑΣΟΥΤΗΣ"), (aisle, "BARILLA"), (aisle, "")]))
    library = _library(tmp_path / "lib", _evenings_at_home(datetime(2019, 1, 1), 90) + shop)
    answer = answer_question(library, f"what brand did I see at the supermarket on {weeks[-1]:%d/%m/%Y}")
    assert answer.value == "BARILLA"
