"""A photo diary over decades, located only in its later years: film scans (1990-2008) with no position or
town, then a phone with GPS on some photos, a home in Lyon and then in Porto, and one trip to Rome by film
(named only in its captions) and one by phone. Where the photos say nothing of where they were, no home is
assumed and answers found by place alone are not sure."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.library.timeline import timeline_of
from assistant.testing.library import photo_table

LYON = ("Lyon", "France", "FR", 45.7640, 4.8357)
PORTO = ("Porto", "Portugal", "PT", 41.1579, -8.6291)
ROME = ("Rome", "Italy", "IT", 41.9028, 12.4964)
FILM_ROME = (date(1995, 5, 10), date(1995, 5, 14))
FILM_NEW_YORK = (date(2001, 5, 2), date(2001, 5, 6))
PHONE_ROME = (date(2013, 5, 10), date(2013, 5, 14))
UNSEEN_ROME_DAY = date(2013, 5, 12)  # the phone stayed in the hotel
MOVED = date(2011, 1, 15)
NOW = datetime(2014, 12, 31, 20, 0)


def _photos() -> list[tuple[datetime, str, tuple | None]]:
    """(local time, caption, place or None): a film photo every five days at noon, a phone photo every other day."""
    photos = []
    day = date(1990, 1, 3)
    while day < date(2009, 1, 1):
        on_trip = FILM_ROME[0] <= day <= FILM_ROME[1] or FILM_NEW_YORK[0] <= day <= FILM_NEW_YORK[1]
        if on_trip or (day - date(1990, 1, 3)).days % 5 == 0:
            caption = ("Arrived in Rome, hot" if day == FILM_ROME[0] else "New York at last!" if day == FILM_NEW_YORK[0]
                       else "sightseeing" if on_trip else "quiet day at home")
            photos.append((datetime.combine(day, datetime.min.time()).replace(hour=12), caption, None))
        day += timedelta(days=1)
    day = date(2009, 3, 1)
    while day <= NOW.date():
        on_trip = PHONE_ROME[0] <= day <= PHONE_ROME[1]
        if (on_trip and day != UNSEEN_ROME_DAY) or (not on_trip and (day - date(2009, 3, 1)).days % 2 == 0):
            home = LYON if day < MOVED else PORTO
            located = on_trip or day.day % 4 < 2  # GPS on about half the days at home
            photos.append((datetime.combine(day, datetime.min.time()).replace(hour=18), "a walk" if not on_trip else "Rome again",
                           (ROME if on_trip else home) if located else None))
        day += timedelta(days=1)
    return photos


@pytest.fixture(scope="module")
def decades(tmp_path_factory) -> Library:
    photos = _photos()
    places = [place or ("", "", "", np.nan, np.nan) for _, _, place in photos]
    table = photo_table(np.array([when for when, _, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption, _ in photos],
                        city=[p[0] for p in places], country=[p[1] for p in places], country_code=[p[2] for p in places],
                        lat=[p[3] for p in places], lng=[p[4] for p in places])
    folder = tmp_path_factory.mktemp("decades") / "lib"
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def test_a_home_located_only_in_the_later_years_is_home(decades):
    """Porto's nights, located in four of twenty-five years, are a home, not trips away from nowhere."""
    timeline = timeline_of(decades)
    assert timeline.home_city == "Porto"
    assert [trip.city for trip in timeline.trips] == ["Rome"]
    assert answer_question(decades, "How many trips did I take in 2012?", now=NOW).value in (0, None)


def test_no_home_is_assumed_before_one_was_located(decades):
    """The film years say nothing of where home was: they are neither Lyon's (the first home located) nor Porto's."""
    timeline = timeline_of(decades)
    film = decades.local_seconds < np.datetime64("2009-01-01T00:00:00").astype(np.int64)
    assert set(timeline.home_of_row[film]) == {""}
    assert set(timeline.home_of_row[~film]) == {"Lyon", "Porto"}
    first = answer_question(decades, "When was I first in Porto?", now=NOW)
    assert first.value.startswith("2011-01") and first.confidence == "likely"  # the film years might hold an earlier visit
    assert answer_question(decades, "Where was I on 3 January 1990?", now=NOW).value != "Lyon"


def test_the_first_time_somewhere_is_likely_when_earlier_photos_say_nowhere(decades):
    first = answer_question(decades, "When did I first go to Rome?", now=NOW)  # 1995's scan says "Arrived in Rome"
    assert first.value == "1995-05-10" and first.confidence == "likely" and "say nothing of where" in first.why
    last = answer_question(decades, "When was I last in Rome?", now=NOW)  # a diary: later photos with no place may hide a visit
    assert last.value == "2013-05-14" and last.confidence == "likely" and "after it say nothing of where" in last.why


def test_a_count_by_place_is_likely_when_photos_of_that_time_say_nowhere(decades):
    every = answer_question(decades, "How many times have I been to Rome?", now=NOW)
    assert every.value == 2 and every.confidence == "likely"  # 1995's trip only in the caption of an unplaced scan
    assert "say nothing of where" in every.why
    in_2013 = answer_question(decades, "How many times did I go to Rome in 2013?", now=NOW)  # some of 2013's phone photos lack GPS too
    assert in_2013.value == 1 and in_2013.confidence == "likely"


def test_the_days_of_a_trip_whose_ends_no_photo_shows_are_likely(decades):
    """A photo every other day shows neither when the trip began nor when it ended."""
    days = answer_question(decades, "How many days was I in Rome in 2013?", now=NOW)
    assert days.value == 5 and days.confidence == "likely" and "may have been longer" in days.why


def test_a_city_never_located_is_found_by_its_name_as_the_question_writes_it(decades):
    """The gazetteer calls it "New York City"; the scans' captions say "New York"."""
    went = answer_question(decades, "When did I go to New York?", now=NOW)
    assert went.value == "2001-05-02" and went.confidence == "likely"


def test_a_day_at_home_without_gps_is_at_home_likely(decades):
    unplaced_at_home = next(when for when, _, place in _photos() if place is None and when.year == 2012)
    where = answer_question(decades, f"Where was I on {unplaced_at_home:%d %B %Y}?", now=NOW)
    assert where.value == "Porto" and where.confidence == "likely" and "at home" in where.why
    country = answer_question(decades, f"Which country was I in on {unplaced_at_home:%d %B %Y}?", now=NOW)
    assert country.value == "Portugal" and country.confidence == "likely"


def test_a_day_without_photos_is_the_trip_it_lies_in_likely_and_else_unknown(decades):
    inside = answer_question(decades, f"Where was I on {UNSEEN_ROME_DAY:%d %B %Y}?", now=NOW)
    assert inside.value == "Rome" and inside.confidence == "likely" and "within your trip to Rome" in inside.why
    shot = {when.date() for when, _, _ in _photos()}
    at_home = next(date(2012, 6, 1) + timedelta(days=n) for n in range(10) if date(2012, 6, 1) + timedelta(days=n) not in shot)
    assert answer_question(decades, f"Where was I on {at_home:%d %B %Y}?", now=NOW).value is None  # no photo, no trip: who knows


LISBON = ("Lisbon", "Portugal", "PT", 38.7223, -9.1393)
MADRID = ("Madrid", "Spain", "ES", 40.4168, -3.7038)


def _located_years(folder, trips: dict, swims: set[date] = frozenset(), moved: date = date(2000, 1, 1)) -> Library:
    """A photo every evening of 2015-2016, located at home (in Lyon until `moved`, then in Porto) or on the trips
    given (first day: (place, days)); a morning photo on the days in `swims` says "Sea swim at Foz"."""
    photos, day = [], date(2015, 1, 1)
    while day <= date(2016, 12, 31):
        started = [first for first, (_, days) in trips.items() if first <= day < first + timedelta(days=days)]
        place = trips[started[0]][0] if started else LYON if day < moved else PORTO
        if day in swims:
            photos.append((datetime.combine(day, datetime.min.time()).replace(hour=8), "Sea swim at Foz", PORTO))
        photos.append((datetime.combine(day, datetime.min.time()).replace(hour=19), "a day", place))
        day += timedelta(days=1)
    table = photo_table(np.array([when for when, _, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption, _ in photos],
                        city=[p[0] for _, _, p in photos], country=[p[1] for _, _, p in photos],
                        country_code=[p[2] for _, _, p in photos], lat=[p[3] for _, _, p in photos], lng=[p[4] for _, _, p in photos])
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def test_the_city_visited_most_is_counted_by_trips(tmp_path):
    """Two short trips to Lisbon and a long one to Madrid, from Porto: Lisbon is visited most, though Madrid has more
    days of photos; the question names no place or time, and still has one."""
    trips = {date(2016, 3, 4): (LISBON, 3), date(2016, 6, 10): (MADRID, 12), date(2016, 10, 7): (LISBON, 2)}
    assert answer_question(_located_years(tmp_path / "lib", trips), "Which city did I visit most?").value == "Lisbon"


def test_the_year_most_is_the_year_with_most_occasions_not_the_latest(tmp_path):
    trips = {date(2015, 2, 6): (LISBON, 3), date(2015, 5, 8): (MADRID, 3), date(2015, 9, 4): (LISBON, 3), date(2016, 4, 1): (MADRID, 4)}
    swims = {date(2015, 6, 1) + timedelta(days=7 * week) for week in range(12)} | {date(2016, 7, 4), date(2016, 7, 11)}
    library = _located_years(tmp_path / "lib", trips, swims)
    assert answer_question(library, "Which year did I travel the most?").value == "2015"
    most = answer_question(library, "Which year did I swim the most?")
    assert most.value == "2015" and most.confidence != "unsure"


def test_abroad_is_away_from_the_country_lived_in_then_and_needs_no_place_or_time(tmp_path):
    """Lisbon from Lyon was abroad; Lisbon from Porto was not."""
    trips = {date(2015, 6, 5): (LISBON, 4), date(2016, 6, 3): (LISBON, 4), date(2016, 9, 9): (MADRID, 5)}
    library = _located_years(tmp_path / "lib", trips, moved=date(2016, 1, 1))
    assert answer_question(library, "How many trips abroad did I take in 2015?").value == 1
    assert answer_question(library, "How many trips abroad did I take in 2016?").value == 1
    assert answer_question(library, "When did I last go abroad?").value == "2016-09-09"


def test_a_city_of_trips_in_three_months_running_is_no_home(tmp_path):
    """A diary without GPS at home: its three trips to Lisbon, one a month, are the only located nights, and still trips."""
    photos, day = [], date(2018, 1, 1)
    trips = (date(2018, 1, 12), date(2018, 2, 9), date(2018, 3, 9))
    while day <= date(2019, 12, 31):
        away = any(first <= day < first + timedelta(days=4) for first in trips)
        photos.append((datetime.combine(day, datetime.min.time()).replace(hour=19), "a day", LISBON if away else ("", "", "", np.nan, np.nan)))
        day += timedelta(days=1)
    table = photo_table(np.array([when for when, _, _ in photos], dtype="datetime64[s]"), caption=[caption for _, caption, _ in photos],
                        city=[p[0] for _, _, p in photos], country=[p[1] for _, _, p in photos],
                        country_code=[p[2] for _, _, p in photos], lat=[p[3] for _, _, p in photos], lng=[p[4] for _, _, p in photos])
    commit_photo_table(tmp_path / "lib", table, None, {}, model=None, photo_roots=[])
    timeline = timeline_of(Library.open(tmp_path / "lib"))
    assert timeline.home_city == "" and [trip.city for trip in timeline.trips] == ["Lisbon"] * 3


def test_a_country_named_to_say_which_town_goes_with_the_town(decades):
    """ "New York, USA": the country says which New York; when only the photos' words name the town (a film
    scan's caption), the country must not ask for photos placed in it, or the trip is never found."""
    answer = answer_question(decades, "When did I go to New York, USA?", now=NOW)
    assert answer.value is not None and answer.value.startswith("2001-05")


def test_a_caption_naming_a_town_photographed_at_other_times_places_a_scan_there(decades):
    """Rome is located in 2013; the 1995 scan with no position says "Arrived in Rome": that was a time in Rome too,
    likely (the scans around it say nowhere)."""
    first = answer_question(decades, "When was I first in Rome?", now=NOW)
    assert first.value == "1995-05-10" and first.confidence == "likely"


def test_photos_whose_times_are_guesses_give_no_length(tmp_path):
    """Two film scans of one visit, dated by hand at noon a second apart: how long it lasted is unknown, not two seconds."""
    local = np.array([datetime(1995, 5, 3, 12, 0, 0), datetime(1995, 5, 3, 12, 0, 1), datetime(1995, 5, 9, 12, 0, 0)], dtype="datetime64[s]")
    guessed = np.array([True, True, True])
    table = photo_table(local, caption=["the museum, rain outside", "museum cafe", "quiet day"], time_approximate=guessed, time_approx=guessed)
    commit_photo_table(tmp_path / "lib", table, None, {}, model=None, photo_roots=[])
    stay = answer_question(Library.open(tmp_path / "lib"), "How long was I at the museum on 3 May 1995?", now=NOW)
    assert stay.value is None and "guess" in stay.why


def test_a_move_no_photo_writes_is_where_home_changed(decades):
    """No caption says "moving day": the move to Porto is where the photos' home went from Lyon to Porto (likely, it
    fell between two photos); the move to Lyon came before any home was located, so when is unknown."""
    porto = answer_question(decades, "When did we move to Porto?", now=NOW)
    assert porto.value.startswith("2011-01") and porto.confidence == "likely"
    assert answer_question(decades, "What year did I move to Porto?", now=NOW).value == "2011"
    assert answer_question(decades, "What year did I move to Lyon?", now=NOW).value is None
