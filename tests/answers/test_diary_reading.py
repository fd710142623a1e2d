"""Answers read from a diary's words, as a person writes them: a colour a word or two from the thing ("painted the
front door green", "the new car - a blue Mazda"), a film's title on the day's ticket though no photo says "film",
and a sign's separate strings read apart. The questions were written from the diary, before the answers were run."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.answers.words import words_read
from assistant.enrich import shards
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.testing.library import photo_table

# (local time, caption, OCR strings as the reader returns them, two spaces apart)
PAGES = [
    (datetime(2009, 2, 21, 14, 20), "Picked up the new car - a blue Mazda 3. Sam already loves it", ""),
    (datetime(2009, 2, 21, 14, 40), "", "MAZDA  BRUNSWICK"),
    (datetime(2016, 10, 15, 14, 0), "painted the front door green. two coats.", ""),
    (datetime(2016, 10, 16, 9, 0), "a man in a red shirt walking a dog", ""),
    (datetime(2021, 2, 26, 19, 0), "pho at Pho Hung w/ Sam and Mia", "PHO HUNG  Pho tai 8.50  Pho ga 8.00"),
    (datetime(2021, 2, 26, 21, 30), "Saw Encanto at the Nova", "CINEMA NOVA  ADMIT ONE  ENCANTO  WiFi"),
]


@pytest.fixture(scope="module")
def diary(tmp_path_factory) -> Library:
    """The pages above among years of ordinary days in Melbourne (and films at the Nova), no GPS."""
    pages = list(PAGES)
    for week in range(300):
        day = datetime(2015, 1, 2, 19) + timedelta(days=7 * week)
        pages += [(day, "pho at Pho Hung w/ Sam", "PHO HUNG  Pho tai 8.50  Pho ga 8.00"), (day + timedelta(days=2), "Quiet one.", "")]
    for month, film in enumerate(("Lion", "Moana", "Coco", "Roma", "Tenet", "Dune"), start=1):
        pages.append((datetime(2020, month, 10, 20), f"movies w/ Sam - {film}", f"CINEMA NOVA  ADMIT ONE  {film.upper()}  COFFEE $3.50"))
    pages += [(datetime(2016, 3, 5, 11), "We got a dog!! Bella, from the lost dogs home", ""), (datetime(2017, 5, 14, 11), "Mia is here! 3.4 kg", ""),
              (datetime(2003, 1, 8, 9), "new kettle, finally", ""), (datetime(2016, 8, 1, 9), "the kettle broke", "")]
    pages += [(datetime(2018, 5, 20, 10), "Mia at the clinic, 9 kg and all smiles", "")]
    pages += [(datetime(2016, 4, 3, 7) + timedelta(days=17 * walk), "Walked Bella along the creek", "") for walk in range(20)]
    pages += [(datetime(2017, 6, 4, 16) + timedelta(days=30 * month), "park with Mia, swings for an hour", "") for month in range(12)]
    for week in range(30):  # tennis on Tuesdays, alone or with whoever: the journal never says; a tv in the clubhouse
        pages.append((datetime(2003, 1, 7, 18) + timedelta(days=7 * week), "Tennis at Edinburgh Gardens, lost in three sets", ""))
    pages.sort(key=lambda page: page[0])
    folder = tmp_path_factory.mktemp("reading") / "lib"
    table = photo_table(np.array([when for when, _, _ in pages], dtype="datetime64[s]"), caption=[caption for _, caption, _ in pages],
                        city="Melbourne", country="Australia", country_code="AU")
    read = np.array([bool(text) for _, _, text in pages])
    shards.write_shard(folder, "ocr", table[list(shards.STAMP)][read].assign(ocr_text=[text for _, _, text in pages if text]))
    seen = np.array([caption.startswith("Tennis") for _, caption, _ in pages])
    shards.write_shard(folder, "objects", table[list(shards.STAMP)][seen].assign(
        object_labels=[["tv"]] * int(seen.sum()), object_counts=[[1]] * int(seen.sum()), objects=["1 tv"] * int(seen.sum())))
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


@pytest.mark.parametrize("question, colour", [("What colour was the car I bought in 2009?", "blue"),
                                              ("what colour did I paint the front door", "green")])
def test_a_colour_written_near_the_thing_is_likely_its_colour(diary, question, colour):
    answer = answer_question(diary, question)
    assert (answer.value, answer.confidence) == (colour, "likely") and "near the thing" in answer.why


def test_an_owner_asked_must_be_written_near_the_colour_too(diary):
    """ "Sam already loves it" is two sentences from "a blue Mazda": nothing says what colour Sam's car is."""
    assert answer_question(diary, "What colour was Sam's car?").value is None


def test_a_title_is_read_from_the_days_photos_when_none_says_what_was_asked(diary):
    """No photo says "film"; on the day, the ticket's particular string is the title, not the menu nor the WiFi sign."""
    answer = answer_question(diary, "Which film did I see on 26 February 2021?")
    assert answer.value is not None and answer.value.upper() == "ENCANTO"
    assert answer.confidence == "likely" and "'film'" in answer.why and not answer.candidates  # the menu is read on 300 other nights
    assert answer_question(diary, "Which film did I see in February 2021?").value is None  # a month is not read whole


def test_the_questions_own_words_misread_are_not_the_answer():
    photo = {"ocr_text": "ARRIVALS  LH 716  FRANKFUT  LANDED"}
    rarity = {"arrival": 1.0, "lh": 2.0, "716": 5.0, "frankfut": 9.0, "landed": 1.0}.get
    read = words_read([photo], [True], lambda key: rarity(key, 1.0), True, {"flight", "number", "frankfurt"})
    assert Counter(read).most_common(1)[0][0] == "716"


def test_who_is_read_from_whom_the_captions_name(diary):
    """A person asked is a person written ("w/ Sam"), never a thing seen (the clubhouse tv); none written: I can't tell."""
    assert answer_question(diary, "Who did I play tennis with in 2003?").value is None
    assert answer_question(diary, "Who did I have pho with in 2016?").value == "Sam"


def test_a_price_is_a_sum_written_with_the_thing(diary):
    """The menu's "Pho tai 8.50" is the pho's price; the coffee's "$3.50" on the ticket's photo is not the ticket's, and
    a flight code or a film's title is no price at all."""
    pho = answer_question(diary, "How much did the pho cost in 2016?")
    assert pho.value in ("8.50", "8.00") and pho.confidence != "sure"
    assert answer_question(diary, "How much was the pho in 2016?").value == pho.value  # "how much was" asks a price too
    assert answer_question(diary, "How much did the cinema tickets cost in January 2020?").value is None


LYON_DAYS = [  # (day of July 2016, caption, sign read)
    (3, "Landed in Lyon, finally", ""), (4, "Fourvière this morning", "FOURVIÈRE  ENTRY"), (5, "finally saw Vieux Lyon", ""),
    (5, "Dinner at Café Comptoir Abel - quenelles!", "CAFÉ COMPTOIR ABEL  MENU"),
    (6, "Musée des Confluences. Crowds!", "MUSÉE DES CONFLUENCES  ENTRY"),
    (7, "quenelles at Café Comptoir Abel", ""), (8, "Rain all afternoon, nap at the hotel", ""), (9, "Lazy day, books and coffee", ""),
]


@pytest.fixture(scope="module")
def lyon(tmp_path_factory) -> Library:
    """A diary at home in Bristol (no GPS, the town named), then a week in Lyon with GPS, its sights and a café."""
    home = dict(city="Bristol", country="United Kingdom", country_code="GB", lat=float("nan"), lng=float("nan"))
    away = dict(city="Lyon", country="France", country_code="FR", lat=45.76, lng=4.84)
    pages = [(datetime(2016, 6, day, 18), "Coffee at home", "", home) for day in range(1, 30)]
    pages += [(datetime(2016, 7, day, 19 if "quenelles" in caption else 10), caption, sign, away) for day, caption, sign in LYON_DAYS]
    pages += [(datetime(2016, 7, day, 18), "Laundry day", "", home) for day in range(12, 31)]
    folder = tmp_path_factory.mktemp("lyon") / "lib"
    columns = {name: [where[name] for _, _, _, where in pages] for name in ("city", "country", "country_code", "lat", "lng")}
    table = photo_table(np.array([when for when, _, _, _ in pages], dtype="datetime64[s]"), caption=[caption for _, caption, _, _ in pages],
                        **columns)
    read = np.array([bool(sign) for _, _, sign, _ in pages])
    shards.write_shard(folder, "ocr", table[list(shards.STAMP)][read].assign(ocr_text=[sign for _, _, sign, _ in pages if sign]))
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


@pytest.mark.parametrize("question", ["How many sights did I see in Lyon?", "how many places did I go sightseeing in Lyon",
                                      "How many different places did I visit in Lyon?"])
def test_sights_are_the_places_a_diary_names_on_a_trip_but_not_where_it_ate(lyon, question):
    answer = answer_question(lyon, question)
    assert answer.value == 3 and answer.confidence == "likely"  # Fourvière, Vieux Lyon, Musée des Confluences
    assert "Café Comptoir Abel" in answer.why  # left out, as a place to eat, and said so


def test_the_sights_listed_are_named_by_the_diary_or_its_signs(lyon):
    answer = answer_question(lyon, "Which sights did I visit in Lyon?")
    assert set(answer.value) == {"Fourvière", "Vieux Lyon", "Musée des Confluences"}


@pytest.mark.parametrize("caption, sign, name", [
    ("Hoan Kiem Lake this morning", "", "Hoan Kiem Lake"), ("finally saw Temple of Literature", "", "Temple of Literature"),
    ("Louvre this morning", "LOUVRE  ENTRY", "Louvre"), ("Louvre this morning", "", ""),  # one word: a sentence's first, unless a sign says it
    ("Musée d'Orsay. Crowds!", "", "Musée d'Orsay"), ("pho at Phở Hùng w/ Sam and Mia", "", "Phở Hùng"),
    ("movies w/ Sam and Mia", "", ""), ("Tired, early night", "", ""), ("I don't Know why", "", "")])
def test_a_place_name_a_journal_writes(caption, sign, name):
    from assistant.answers.names import name_written

    assert name_written(caption, sign) == name


@pytest.mark.parametrize("question, when", [("what year did we get Bella", "2016"), ("When was Mia born?", "2017-05-14")])
def test_getting_someone_is_when_they_first_appear(diary, question, when):
    """Bella is walked twenty times after the day we got her; Mia is in the park every month after her birth."""
    answer = answer_question(diary, question)
    assert (answer.value, answer.confidence) == (when, "likely") and "first" in answer.why


def test_a_thing_first_seen_as_the_library_begins_may_have_come_before(diary):
    answer = answer_question(diary, "When did we buy the kettle?")
    assert answer.value == "2003-01-08" and answer.confidence == "unsure"


@pytest.mark.parametrize("question, kilograms", [("How much did Mia weigh when she was born?", 3.4), ("How much did Mia weigh in 2018?", 9.0),
                                                 ("How much did Bella weigh?", None)])
def test_a_weight_is_read_as_written_beside_the_name(diary, question, kilograms):
    """ "Mia is here! 3.4 kg" at her birth, "9 kg" at the clinic a year on; nothing says what Bella weighs."""
    answer = answer_question(diary, question)
    assert answer.value == kilograms and answer.confidence == ("likely" if kilograms else "unsure")


def test_a_word_on_a_sign_weighs_once_a_photo_whatever_its_case():
    """A menu's "PHO HUNG  Pho tai  Pho ga" says "pho" once as far as how particular the photo's reading is."""
    rarity = {"pho": 3.0, "hung": 3.0, "tai": 1.0, "ga": 1.0}.get
    read = words_read([{"ocr_text": "PHO HUNG  Pho tai  Pho ga"}], [False], lambda key: rarity(key, 1.0), False, set())
    assert read["PHO HUNG"] == 3.0


@pytest.mark.parametrize("question, money, beginning", [
    ("How much did I spend on groceries in 2019?", True, False), ("what did I spend the afternoon doing", False, False),
    ("How much time did I spend at the gym?", False, False), ("What was my salary at the bank?", True, False),
    ("When did we get Bella?", False, True), ("When did I get back from Hanoi?", False, False),
    ("when did I buy my new coat", False, True), ("When was Mia born?", False, True),
    ("How much was a café con leche at my café?", True, False), ("how much is the pho at Pho Hung", True, False),
    ("How much was I at the gym in May?", False, False)])
def test_what_a_question_asks_for(question, money, beginning):
    from assistant.answers.subject import asks_beginning, asks_money

    assert (asks_money(question), asks_beginning(question)) == (money, beginning)
