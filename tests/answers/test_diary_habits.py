"""A diary's habits over a year, counted as its writer would: "which dish did I cook most" gives every evening of
the year a vote (not only the last weeks'), and "my most cooked dinner" every dinner, though the diary names the
meal on few of them. The diary is built from its habits first; the questions' truths come from the habits."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.answers.subject import content_words
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.query import parse_query
from assistant.testing.library import photo_table

MELBOURNE = dict(city="Melbourne", country="Australia", country_code="AU")
# How the diarist writes an evening of cooking: the dish always; the meal by name only in the autumn's voice.
COOKED = ("Made {dish}, pretty good", "{dish} night", "cooked {dish} for the week", "Tried a new {dish} recipe")
NAMED_MEAL = "Dinner at home: we made {dish}"
OTHER = ("Coffee with Sam in town", "Read in the garden all afternoon", "Long walk by the river", "Tired after work, early night",
         "Bought bread and milk at the market")


def _year_of_dinners():
    """(photos, (day, dish, whether the caption says dinner) in order): risotto most weeks until October, then a
    late craze for laksa, written up as dinners (which the autumn weeks alone would call the favourite); a photo
    or two a day, days without any."""
    rng = random.Random(11)
    photos, cooked = [], []
    day = datetime(2015, 1, 1)
    while day.year == 2015:
        if rng.random() < 0.1:
            day += timedelta(days=1)
            continue
        if rng.random() < 0.45:
            dish = ("risotto" if rng.random() < 0.7 else rng.choice(("dal", "tacos"))) if day.month < 10 else \
                ("laksa" if rng.random() < 0.8 else "risotto")
            phrasing = NAMED_MEAL if day.month >= 10 and rng.random() < 0.5 else rng.choice(COOKED)
            cooked.append((day.date(), dish, phrasing.startswith("Dinner")))
            caption, hour = phrasing.format(dish=dish), 19
        else:
            caption, hour = rng.choice(OTHER), rng.choice((8, 12, 15))
        shots = 1 + (rng.random() < 0.3)
        photos += [(day.replace(hour=hour, minute=rng.randrange(0, 40)) + timedelta(minutes=10 * shot), caption if not shot else "")
                   for shot in range(shots)]
        day += timedelta(days=1)
    return photos, cooked


@pytest.fixture(scope="module")
def dinners(tmp_path_factory):
    photos, cooked = _year_of_dinners()
    folder = tmp_path_factory.mktemp("dinners") / "lib"
    n = len(photos)
    table = photo_table(np.array([when for when, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption in photos],
                        **{column: [value] * n for column, value in MELBOURNE.items()})  # no GPS at home
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder), cooked


def test_which_dish_most_counts_every_visit_of_the_year(dinners):
    library, cooked = dinners
    counts = Counter(dish for _, dish, _ in cooked)
    autumn = Counter(dish for day, dish, _ in cooked if day.month >= 10)
    assert counts.most_common(1)[0][0] == "risotto" and autumn.most_common(1)[0][0] == "laksa"  # the life is as meant
    answer = answer_question(library, "Which dish did I cook most in 2015?")
    assert answer.value == "risotto" and answer.confidence == "likely"


def test_the_most_cooked_dinner_is_every_dinner_not_those_that_say_dinner(dinners):
    library, cooked = dinners
    said_dinner = Counter(dish for _, dish, says in cooked if says)
    assert said_dinner.most_common(1)[0][0] == "laksa"  # the evenings that name the meal would mislead
    answer = answer_question(library, "What was my most cooked dinner in 2015?")
    assert answer.value == "risotto" and answer.confidence == "likely"
    assert "'dinner' taken as its hours" in answer.why


def _year_of_sport(folder) -> tuple[Library, Counter]:
    """A diary that never says "sport": swims on Sundays, Saturday parkruns (a word the diary makes of "park" and
    "run"), tennis now and then, staff meetings that ran over on Wednesdays (no running); picnics in the park and
    coffee between. Returns the library and the count of each sport's days."""
    rng = random.Random(5)
    photos, done = [], Counter()
    day = datetime(2015, 1, 1)
    while day.year == 2015:
        if day.weekday() == 5 and rng.random() < 0.5:
            sport, caption = "running", rng.choice(("parkrun, new PB", "Saturday parkrun w/ Sam", "parkrun in the rain"))
        elif day.weekday() == 6 and rng.random() < 0.8:
            sport, caption = "swimming", rng.choice(("Swim at the baths, 30 lengths", "Morning swim at the baths"))
        elif day.weekday() == 1 and rng.random() < 0.1:
            sport, caption = "tennis", "Tennis after work, lost again"
        elif day.weekday() == 2 and rng.random() < 0.7:
            sport, caption = "", "Staff meeting ran over, again"
        else:
            sport, caption = "", rng.choice(("Picnic in the park", "Coffee with Sam", "Read all afternoon"))
        done[sport] += bool(sport)
        photos.append((day.replace(hour=9, minute=rng.randrange(0, 50)), caption))
        day += timedelta(days=1)
    n = len(photos)
    table = photo_table(np.array([when for when, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption in photos],
                        **{column: [value] * n for column, value in MELBOURNE.items()})
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder), done


def test_which_sport_counts_the_sports_the_diary_names(tmp_path):
    """No photo says "sport": each visit that names one (its noun, its verb "swim", or a word ending in it, "parkrun";
    not "ran", which in "the meeting ran over" is no run) votes for it; found by a list of sports and by words, the
    answer is likely, and says which sports it saw."""
    library, done = _year_of_sport(tmp_path / "lib")
    meetings = sum(1 for row in range(len(library)) if "ran over" in library.records([row])[0]["caption"])
    assert done["swimming"] > done["running"] > done["tennis"] > 0 and done["running"] + meetings > done["swimming"]
    most = answer_question(library, "Which sport did I do most in 2015?")
    assert most.value == "swimming" and most.confidence == "likely" and "running, swimming, tennis" in most.why
    least = answer_question(library, "which sport did I do least in 2015")
    assert least.value == "tennis"


def test_grocery_shopping_is_what_the_diary_says_it_bought(tmp_path):
    """ "Bought apples and milk", "Market: bread, eggs and spinach", "Out of milk, went to the shop": a diary says what
    it bought far more often than "grocery shopping". A dinner that names one thing ("roast chicken", "fish and
    chips at the beach") is no shopping."""
    rng = random.Random(3)
    shopping = ("Bought apples and milk", "Market: bread, eggs and spinach", "Out of milk, went to the shop",
                "Grocery shopping, the usual", "Picked up bananas, coffee and rice on the way home")
    other = ("Roast chicken for dinner", "Fish and chips at the beach", "Coffee with Sam in town", "Read all afternoon")
    photos, shopped = [], 0
    day = datetime(2016, 1, 1)
    while day.year == 2016:
        if day.weekday() == 5 and rng.random() < 0.8:
            caption, shopped = rng.choice(shopping), shopped + 1
        else:
            caption = rng.choice(other)
        photos.append((day.replace(hour=10, minute=rng.randrange(0, 50)), caption))
        day += timedelta(days=1)
    n = len(photos)
    table = photo_table(np.array([when for when, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption in photos],
                        **{column: [value] * n for column, value in MELBOURNE.items()})
    commit_photo_table(tmp_path / "lib", table, None, {}, model=None, photo_roots=[])
    library = Library.open(tmp_path / "lib")
    answer = answer_question(library, "How often did I do the grocery shopping in 2016?")
    assert answer.value == shopped and answer.confidence == "likely" and "lists groceries (2 or more" in answer.why


def test_cooking_dinner_is_every_evening_the_diary_names_a_dish_it_cooks(dinners):
    """ "risotto night", "Tried a new dal recipe": cooking, since the diary says elsewhere that it made risotto and
    dal; "cook dinner at home" is those evenings (dinner is when, home is where a diary without GPS always is)."""
    library, cooked = dinners
    answer = answer_question(library, "How many times did I cook dinner at home in 2015?")
    assert answer.value == len(cooked) and answer.confidence == "likely"
    assert "'dinner' taken as its hours" in answer.why and "risotto" in answer.why


def test_which_dish_is_read_from_the_cooking_not_from_the_cake_with_coffee(tmp_path):
    """ "Had coffee and cake with Sam" most afternoons says what was had, not cooked: "which dish did I cook most" reads
    the visits where the diary says it cooked, when it does. And "Tried a new risotto recipe" is risotto, since the
    diary says elsewhere it made risotto."""
    rng = random.Random(9)
    photos, cooked = [], Counter()
    day = datetime(2015, 1, 1)
    while day.year == 2015:
        if rng.random() < 0.4:
            dish = rng.choices(("risotto", "dal", "tacos"), weights=(0.45, 0.35, 0.2))[0]
            new = dish == "risotto" and rng.random() < 0.7
            caption = "Tried a new risotto recipe" if new else rng.choice(("Made {}, pretty good", "cooked {} for the week")).format(dish)
            photos.append((day.replace(hour=19, minute=rng.randrange(0, 40)), caption))
            cooked[dish] += 1
        if rng.random() < 0.6:
            photos.append((day.replace(hour=15, minute=rng.randrange(0, 40)), "Had coffee and cake with Sam"))
        day += timedelta(days=1)
    n = len(photos)
    table = photo_table(np.array([when for when, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption in photos],
                        **{column: [value] * n for column, value in MELBOURNE.items()})
    commit_photo_table(tmp_path / "lib", table, None, {}, model=None, photo_roots=[])
    library = Library.open(tmp_path / "lib")
    assert cooked.most_common(1)[0][0] == "risotto"
    answer = answer_question(library, "Which dish did I cook most often in 2015?")
    assert answer.value == "risotto" and answer.confidence == "likely"


@pytest.mark.parametrize("question, subject", [
    ("How many times did I cook dinner at home in 2015?", ["cook", "dinner"]),  # dinner is when it was cooked; home, where
    ("How many times did I buy lunch in 2015?", ["lunch"]),  # the lunch is what was bought: it must be found
    ("How often did I cook at home in 2015?", ["cook"]),
    ("How often did I stay at home in 2015?", ["home"]),  # no verb of doing: home is what is asked
])
def test_a_meal_after_cooking_says_when_and_at_home_says_where(question, subject):
    parsed = parse_query(question)
    assert content_words(parsed.visual, parsed.question, has_place=bool(parsed.place.terms)) == subject
