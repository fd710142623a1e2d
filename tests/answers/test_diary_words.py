"""A diary's words, as a person writes them: one photo a day with a sentence, the same habit in several
phrasings ("Swam 40 lengths", "30 lengths this morning"), numbers written in the text, a pool named like a town
abroad ("the Lido"), and nouns that look like verbs ("a bowl of pasta" is no bowling). The questions were
written from the life, before the answers were run."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.library.timeline import timeline_of
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.query import QueryContext
from assistant.search import SearchRequest, search
from assistant.testing.library import photo_table

BRISTOL = dict(city="Bristol", country="United Kingdom", country_code="GB")
# How the diarist writes a swim; most say swim or swam, all say lengths, some name the Lido.
SWIMS = ("Swam {n} lengths before work", "{n} lengths this morning, legs tired", "Morning swim at the Lido, {n} lengths",
         "Quick swim, {n} lengths, cold water", "Lido was busy, swam {n} lengths")
OTHER_DAYS = ("Dinner at home, we made a bowl of {dish}", "Coffee with Sam in town", "Read in the garden all afternoon",
              "Bought {dish} and bread at the market", "Long walk by the river", "Rain all day, cards at home",
              "Tired after work, early night", "Cooked {dish} for the neighbours")
DISHES = ("pasta", "curry", "soup", "risotto", "noodles")


def _diary(photos_a_day: int = 1):
    """(photos, swims): photo = (local time, caption); swims: (day, lengths) in order."""
    rng = random.Random(7)
    photos, swims = [], []
    day = datetime(2015, 1, 1)
    while day < datetime(2017, 1, 1):
        if rng.random() < 0.08:  # days without a photo
            day += timedelta(days=1)
            continue
        if day.weekday() in (1, 3) and rng.random() < 0.8:
            lengths = rng.choice((20, 30, 40, 50, 60))
            caption, hour = rng.choice(SWIMS).format(n=lengths), 7
            swims.append((day.date(), lengths))
        else:
            caption, hour = rng.choice(OTHER_DAYS).format(dish=rng.choice(DISHES)), rng.choice((12, 18, 20))
        photos += [(day.replace(hour=hour, minute=rng.randrange(0, 50)) + timedelta(minutes=shot), caption) for shot in range(photos_a_day)]
        day += timedelta(days=1)
    return photos, swims


def _library(folder, photos) -> Library:
    times = np.array([when for when, _ in photos], dtype="datetime64[s]")
    n = len(photos)
    table = photo_table(times, caption=[caption for _, caption in photos], city=[BRISTOL["city"]] * n,
                        country=[BRISTOL["country"]] * n, country_code=[BRISTOL["country_code"]] * n)  # no GPS at home
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


@pytest.fixture(scope="module")
def diary(tmp_path_factory):
    photos, swims = _diary()
    return _library(tmp_path_factory.mktemp("diary") / "lib", photos), swims


def test_a_habit_written_several_ways_is_counted_whole(diary):
    library, swims = diary
    answer = answer_question(library, "How many times did I swim in 2015?")
    assert answer.value == sum(1 for day, _ in swims if day.year == 2015)  # "30 lengths this morning" was a swim too
    assert answer.confidence == "likely" and "'length'" in answer.why  # says which words stood in for "swim"


def test_a_camera_log_does_not_stand_words_in_for_each_other(tmp_path):
    """Photos every few minutes: a visit shows its subject many times, and a word that goes with it (the office's
    desk) is not the subject (a desk at home is not the office)."""
    photos = []
    for offset in range(28):
        day = datetime(2019, 5, 1) + timedelta(days=offset)
        at = "a desk with a keyboard in an office" if day.weekday() < 5 else "a desk with a keyboard at home"
        photos += [(day.replace(hour=9) + timedelta(minutes=5 * shot), at) for shot in range(40)]
    library = _library(tmp_path / "lib", photos)
    assert not timeline_of(library).diary_like
    answer = answer_question(library, "How many days did I go into the office in May 2019?")
    assert answer.value == sum(1 for offset in range(28) if (datetime(2019, 5, 1) + timedelta(days=offset)).weekday() < 5)


def test_numbers_written_in_the_diary_are_counted(diary):
    library, swims = diary
    day, lengths = swims[40]
    answer = answer_question(library, f"How many lengths did I swim on {day:%d %B %Y}?")
    assert answer.value == lengths and answer.confidence == "likely"
    average = answer_question(library, "On average, how many lengths did I swim in 2016?")
    in_2016 = [lengths for day, lengths in swims if day.year == 2016]
    assert average.value == pytest.approx(sum(in_2016) / len(in_2016), abs=0.05)


def test_a_verb_is_found_in_its_other_forms_but_a_noun_is_not_a_verb(diary):
    library, swims = diary
    assert answer_question(library, "When did I last go swimming?").value == swims[-1][0].isoformat()  # "Swam", "swim"
    bowling = answer_question(library, "How many times did I go bowling?")
    assert bowling.value is None and "'bowling'" in bowling.text  # "a bowl of pasta" is no bowling


def test_a_doing_said_as_a_noun_is_found_as_its_verb(tmp_path):
    """ "Go for a swim": the swim is the doing, which the diary writes "swam out to the buoy" as often as "sea swim";
    a noun of its own ("the park") still has no verb forms ("parked")."""
    days = [datetime(2018, 6, 1) + timedelta(days=n) for n in range(30)]
    captions = ["swam out to the buoy and back" if n % 3 == 0 else "Sea swim, cold!" if n % 3 == 1 else "Parked by the library"
                for n in range(30)]
    library = _library(tmp_path / "lib", [(day.replace(hour=8), caption) for day, caption in zip(days, captions)])
    assert answer_question(library, "How many times did I go for a swim in June 2018?").value == 20
    assert answer_question(library, "How many times did I go to the park in June 2018?").value in (0, None)


def test_a_word_that_goes_with_a_habit_stands_in_for_it_only_near_its_years(tmp_path):
    """ "Ben" goes with every hillwalk of 2015-2016 ("hillwalking - Ben Ledi"); "Ben Youssef" in 2021 is another
    word, not the last hillwalk."""
    walks = [(datetime(2015, 3, 7) + timedelta(days=28 * n)).replace(hour=10) for n in range(12)]
    other = [(datetime(2015, 3, 10) + timedelta(days=9 * n)).replace(hour=18) for n in range(60)]
    photos = sorted([(when, f"hillwalking - Ben {name}") for when, name in zip(walks, ("Ledi", "Lomond", "Vorlich") * 4)]
                    + [(when, "quiet day, read all afternoon") for when in other] + [(datetime(2021, 4, 2, 11), "Medersa Ben Youssef")])
    library = _library(tmp_path / "lib", photos)
    last = answer_question(library, "When did I go hillwalking for the last time?", now=datetime(2021, 12, 31))
    assert last.value == walks[-1].date().isoformat()


def test_starting_a_habit_is_its_first_time(diary):
    library, swims = diary
    assert answer_question(library, "In what year did I start swimming?").value == str(swims[0][0].year)


def test_a_place_name_nobody_went_to_is_the_diarys_word(diary):
    """Lido di Venezia is in the gazetteer; this diarist never left Bristol, and 'the Lido' is the pool."""
    library, _ = diary
    answer = answer_question(library, "How many times did I go to the Lido in 2016?")
    named = [row for row in range(len(library)) if "Lido" in library.records([row])[0]["caption"]
             and library.records([row])[0]["local_time"].startswith("2016")]
    assert answer.value == len(named) > 0


def test_a_verb_with_no_thing_named_is_the_subject(diary):
    """ "how often did I cook": the days the diary says so, not every day of the year (cook only frames "cook curry")."""
    library, _ = diary
    cooked = [row for row in range(len(library)) if library.records([row])[0]["caption"].startswith("Cooked")
              and library.records([row])[0]["local_time"].startswith("2016")]
    assert answer_question(library, "How often did I cook in 2016?").value == len(cooked) > 0


def test_a_season_is_counted_by_the_calendar_not_the_search_grace(diary):
    """Search forgives a season two weeks either side; a count of spring 2016 is March to May."""
    library, swims = diary
    in_spring = [day for day, _ in swims if day.year == 2016 and 3 <= day.month <= 5]
    assert answer_question(library, "How many times did I swim in the spring of 2016?").value == len(in_spring)
    assert answer_question(library, "How many times did I swim in the spring?").value == sum(1 for day, _ in swims if 3 <= day.month <= 5)


def test_a_town_the_metadata_names_is_that_town_without_gps(diary, tmp_path):
    """A diary without GPS whose photos say "Bristol" was in Bristol: a count there is every swim, and search's
    place filter admits them too. Where only some photos name the town, those that name no place at all, on no
    trip, were at home: still Bristol, and the home country."""
    library, swims = diary
    in_2015 = sum(1 for day, _ in swims if day.year == 2015)
    assert answer_question(library, "How many times did I swim in Bristol in 2015?").value == in_2015
    assert answer_question(library, "How many times did I swim in the UK in 2015?").value == in_2015
    found = search(library, None, SearchRequest(query=QueryContext.of(library).parse("swimming in Bristol"), top_k=5))
    assert found.matched == len(library)
    photos, _ = _diary()
    table = photo_table(np.array([when for when, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption in photos],
                        **{column: [value if row % 2 else "" for row in range(len(photos))] for column, value in BRISTOL.items()})
    commit_photo_table(tmp_path / "half", table, None, {}, model=None, photo_roots=[])
    half_named = Library.open(tmp_path / "half")
    assert answer_question(half_named, "How many times did I swim in Bristol in 2015?").value == in_2015
    assert answer_question(half_named, "How many times did I swim in the UK in 2015?").value == in_2015
    assert answer_question(half_named, "How many times did I swim in Spain in 2015?").value in (0, None)


def test_a_trip_goes_on_through_days_without_gps_until_a_day_at_home(tmp_path):
    """GPS on some days of a trip only (a phone's diary): the days between, photographed without GPS, are still the
    trip. A day located at home ends it. And "when was I last in Lyon" is the last photo there, not the trip's end."""
    lyon, paris = (45.76, 4.84, "Lyon"), (48.86, 2.35, "Paris")
    days = [(datetime(2016, 7, 3), lyon), (datetime(2016, 7, 4), lyon), *[(datetime(2016, 7, day), None) for day in range(5, 11)],
            (datetime(2016, 7, 11), lyon), (datetime(2016, 7, 12), paris),  # one trip, on to Paris by train
            (datetime(2016, 7, 20), "home"), (datetime(2016, 8, 1), lyon), (datetime(2016, 8, 2), "home"), (datetime(2016, 8, 3), lyon)]
    times, captions, cities, countries, codes, lats, lngs = [], [], [], [], [], [], []
    for day, where in days:
        located = isinstance(where, tuple)
        times.append(day.replace(hour=19))
        captions.append("Dinner out, tired feet" if where != "home" else "Home again, laundry")
        cities.append(where[2] if located else "Bristol" if where == "home" else "")
        countries.append("France" if located else "United Kingdom" if where == "home" else "")
        codes.append("FR" if located else "GB" if where == "home" else "")
        lats.append(where[0] if located else float("nan"))
        lngs.append(where[1] if located else float("nan"))
    photos, _ = _diary()
    home = [(when, "Coffee at home", "Bristol", "United Kingdom", "GB", float("nan"), float("nan"))
            for when, _ in photos if not datetime(2016, 7, 1) <= when < datetime(2016, 8, 10)]
    rows = sorted(home + list(zip(times, captions, cities, countries, codes, lats, lngs)), key=lambda row: row[0])
    columns = dict(zip(("caption", "city", "country", "country_code", "lat", "lng"), (list(values) for values in list(zip(*rows))[1:])))
    table = photo_table(np.array([row[0] for row in rows], dtype="datetime64[s]"), **columns)
    commit_photo_table(tmp_path / "lib", table, None, {}, model=None, photo_roots=[])
    library = Library.open(tmp_path / "lib")
    trips = timeline_of(library).trips
    assert [(trip.first_day, trip.last_day) for trip in trips] == [("2016-07-03", "2016-07-12"), ("2016-08-01", "2016-08-01"),
                                                                   ("2016-08-03", "2016-08-03")]
    assert answer_question(library, "How many times did I go to Lyon in 2016?").value == 3
    assert answer_question(library, "How many days was I in France in July 2016?").value == 10
    assert answer_question(library, "When was I last in Lyon in July 2016?").value == "2016-07-11"
    assert answer_question(library, "How many days was I in Paris in July 2016?").value == 1  # the trip's Paris part
    cities = answer_question(library, "Which cities did I visit in July 2016?")  # 5 of 11 July photos have a place
    assert set(cities.value) >= {"Lyon", "Paris"} and cities.confidence == "likely" and "45%" in cities.why


def _trip_then_home(folder, last_caption: str, last_located: bool = False) -> Library:
    """A diary at home in Bristol (no GPS, the town named), a week in Lyon with GPS on its first and fourth days,
    then a last day away captioned `last_caption` (without GPS unless last_located), then home again."""
    lyon = dict(city="Lyon", country="France", country_code="FR", lat=45.76, lng=4.84)
    home = dict(BRISTOL, lat=float("nan"), lng=float("nan"))
    bare = dict(city="", country="", country_code="", lat=float("nan"), lng=float("nan"))
    days = [(datetime(2016, 6, day), home, "Coffee at home") for day in range(1, 30)]
    days += [(datetime(2016, 7, 3), lyon, "Landed, hot"), (datetime(2016, 7, 4), bare, "The cathedral, so many steps"),
             (datetime(2016, 7, 6), lyon, "Market this morning"), (datetime(2016, 7, 8), lyon if last_located else bare, last_caption)]
    days += [(datetime(2016, 7, day), home, "Laundry day") for day in range(10, 31)]
    columns = {name: [where[name] for _, where, _ in days] for name in ("city", "country", "country_code", "lat", "lng")}
    table = photo_table(np.array([when.replace(hour=18) for when, _, _ in days], dtype="datetime64[s]"),
                        caption=[caption for _, _, caption in days], **columns)
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def test_a_day_without_gps_inside_a_trip_was_on_the_trip(tmp_path):
    """Where was I on a trip's day without GPS: the trip's town, likely; when was I last there: the last located day,
    only likely when photos without a position follow it, and the day a later photo says it was there."""
    library = _trip_then_home(tmp_path / "named", "Last day in Lyon, train home tonight")
    where = answer_question(library, "Where was I on 4 July 2016?")
    assert (where.value, where.confidence) == ("Lyon", "likely") and "trip to Lyon" in where.why
    assert answer_question(library, "Where was I on 15 July 2016?").value != "Lyon"
    cathedral = answer_question(library, "When did I visit the cathedral in Lyon?")  # in Lyon: the trip's located days around it
    assert cathedral.value == "2016-07-04" and cathedral.confidence != "unsure"
    last = answer_question(library, "When was I last in Lyon?")
    assert (last.value, last.confidence) == ("2016-07-08", "likely")
    unsaid = answer_question(_trip_then_home(tmp_path / "unsaid", "Rain all day"), "When was I last in Lyon?")
    assert (unsaid.value, unsaid.confidence) == ("2016-07-06", "likely") and "stayed longer" in unsaid.why
    located = answer_question(_trip_then_home(tmp_path / "located", "Rain all day", last_located=True), "When was I last in Lyon?")
    # home next, named "Bristol" though without GPS: no stay longer unseen, but nothing shows the 9th, which may have been there too
    assert (located.value, located.confidence) == ("2016-07-08", "likely") and "stayed longer" not in located.why
    assert "ended later" in located.why


def test_a_diary_does_not_show_when_a_day_ended(diary):
    answer = answer_question(diary[0], "What time did I go to bed on 3 March 2015?")
    assert answer.value is None and answer.confidence == "unsure"


def _trip_abroad(folder, gps_days: int, zone_hours: int) -> Library:
    """A diary at home in Bristol (UTC, no GPS), then six days in Hanoi whose GPS was on for the first `gps_days`
    only, the camera's clock `zone_hours` ahead, then home again."""
    hanoi = dict(city="Hanoi", country="Vietnam", country_code="VN", lat=21.03, lng=105.85)
    bare = dict(city="", country="", country_code="", lat=float("nan"), lng=float("nan"))
    home = dict(BRISTOL, lat=float("nan"), lng=float("nan"))
    days = [(datetime(2016, 6, day), home, 0, "Coffee at home") for day in range(1, 30)]
    days += [(datetime(2016, 7, day), hanoi if day < 3 + gps_days else bare, zone_hours, caption)
             for day, caption in zip(range(3, 9), ("Landed in Hanoi", "The lake this morning", "Temple, so hot", "Walked for hours",
                                                   "Lazy day, books and coffee", "Airport. Long way home."))]
    days += [(datetime(2016, 7, day), home, 0, "Laundry day") for day in range(10, 31)]
    local = np.array([when.replace(hour=18) for when, _, _, _ in days], dtype="datetime64[s]")
    offsets = np.array([hours * 3600 for _, _, hours, _ in days])
    columns = {name: [where[name] for _, where, _, _ in days] for name in ("city", "country", "country_code", "lat", "lng")}
    table = photo_table(local, taken_at_utc=local - offsets.astype("timedelta64[s]"), utc_offset_s=offsets.astype(np.int32),
                        caption=[caption for _, _, _, caption in days], **columns)
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def test_days_without_gps_in_a_trips_time_zone_are_the_trip(tmp_path):
    """The GPS was off for the last days in Hanoi, but the camera's clock still kept Hanoi's time: those days were the
    trip, so it lasted six days. The same days in home's own time zone say nothing of where they were."""
    abroad = _trip_abroad(tmp_path / "abroad", gps_days=2, zone_hours=7)
    assert [(trip.first_day, trip.last_day) for trip in timeline_of(abroad).trips] == [("2016-07-03", "2016-07-08")]
    stay = answer_question(abroad, "How long was I in Hanoi in 2016?")
    assert stay.value == 5 * 86400 and stay.confidence == "likely"
    assert answer_question(abroad, "Where was I on 7 July 2016?").value == "Hanoi"
    same_zone = _trip_abroad(tmp_path / "same", gps_days=2, zone_hours=0)
    assert [(trip.first_day, trip.last_day) for trip in timeline_of(same_zone).trips] == [("2016-07-03", "2016-07-04")]
