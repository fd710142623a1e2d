"""Trips as a traveller counts them: home moves with the person (months on end elsewhere), a side trip on the
way is the same journey, and a trip under way before the time asked is not counted for sure."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.library.timeline import timeline_of

from test_honesty import DUBLIN, ROME, _commit  # the same small-life writer

LISBON = dict(city="Lisbon", country="Portugal", country_code="PT")
MUNICH = dict(city="Munich", country="Germany", country_code="DE")
SINGAPORE = dict(city="Singapore", country="Singapore", country_code="SG")
KUALA_LUMPUR = dict(city="Kuala Lumpur", country="Malaysia", country_code="MY")
WHERE = {"Dublin": (DUBLIN, 53.35, -6.26), "Rome": (ROME, 41.90, 12.49), "Lisbon": (LISBON, 38.71, -9.14), "Munich": (MUNICH, 48.14, 11.57),
         "Singapore": (SINGAPORE, 1.29, 103.85), "Kuala Lumpur": (KUALA_LUMPUR, 3.16, 101.71)}
AWAY = {**{datetime(2019, 2, 1) + timedelta(days=n): "Rome" for n in range(38)},  # five weeks in Rome: a long trip, not a move
        **{datetime(2019, 5, 29) + timedelta(days=n): "Munich" for n in range(5)},  # 29 May - 2 June: under way when June began
        **{datetime(2019, 6, day): "Munich" for day in (10, 11, 12, 17, 18, 19)},
        **{datetime(2019, 7, day): "Singapore" for day in (1, 2, 3, 4, 5, 8, 9, 10)},
        **{datetime(2019, 7, day): "Kuala Lumpur" for day in (6, 7)}}  # a weekend away from Singapore, on the same journey


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """Dublin from January to April 2019, Lisbon from May (moved on 1 May), with trips from each."""
    photos, day = [], datetime(2019, 1, 1)
    while day <= datetime(2019, 9, 30):
        city = AWAY.get(day, "Dublin" if day < datetime(2019, 5, 1) else "Lisbon")
        place, lat, lng = WHERE[city]
        name = "Home" if city in ("Dublin", "Lisbon") else f"Hotel {city}"
        photos += [(day.replace(hour=hour), "a room with a window", name, place, lat, lng, "") for hour in (8, 13, 21)]
        day += timedelta(days=1)
    return _commit(tmp_path_factory.mktemp("moved") / "lib", photos)


def test_home_moves_after_months_elsewhere_but_not_for_a_long_trip(moved):
    timeline = timeline_of(moved)
    july, march = np.searchsorted(moved.local_seconds, [np.datetime64("2019-08-15", "s").astype(int), np.datetime64("2019-03-20", "s").astype(int)])
    assert timeline.home_of_row[july] == "Lisbon" and timeline.home_of_row[march] == "Dublin"
    assert {trip.city for trip in timeline.trips} == {"Rome", "Munich", "Singapore", "Kuala Lumpur"}
    assert answer_question(moved, "How many times did I go to Rome?").value == 1


def test_a_side_trip_on_the_way_is_the_same_journey(moved):
    answer = answer_question(moved, "How many times have I been to Singapore?")
    assert answer.value == 1


def test_a_trip_under_way_before_the_time_asked_is_not_counted_for_sure(moved):
    answer = answer_question(moved, "How many times did I go to Munich in June 2019?")
    assert answer.value == 2 and answer.confidence == "likely" and "29 May" in answer.why and "under way" in answer.text
    assert answer_question(moved, "How many times did I go to Munich in 2019?").value == 3


def test_no_trip_begun_in_the_time_asked_is_no_never_when_one_was_under_way(moved):
    answer = answer_question(moved, "How many times did I go to Rome in March 2019?")  # there from 1 February to 10 March
    assert answer.value == 0 and answer.confidence == "likely" and "1 Feb" in answer.why and "Never" not in answer.text


def test_the_cities_visited_for_something_done_at_home_too_are_not_home(tmp_path):
    """Work at the office at home and on two trips: the cities visited for work are the trips', not home."""
    photos, day = [], datetime(2019, 3, 1)
    while day <= datetime(2019, 4, 30):
        city = "Rome" if datetime(2019, 3, 11) <= day <= datetime(2019, 3, 13) else "Munich" if datetime(2019, 4, 8) <= day <= datetime(2019, 4, 10) else "Dublin"
        place, lat, lng = WHERE[city]
        photos += [(day.replace(hour=hour), caption, "", place, lat, lng, "")
                   for hour, caption in ((8, "a kitchen table"), (11, "a man at work with a laptop"), (21, "a bed in a room"))]
        day += timedelta(days=1)
    answer = answer_question(_commit(tmp_path / "lib", photos), "Which cities did I visit for work in 2019?")
    assert answer.value == ["Rome", "Munich"]


def test_a_trip_whose_first_days_went_unphotographed_may_have_begun_earlier(tmp_path):
    """A diary: home on 1 March, nothing until Rome on the 5th. The trip began between the two, so "the 5th" is
    likely; a trip whose first day is photographed at home that morning begins that day for sure."""
    home, rome = WHERE["Dublin"], WHERE["Rome"]
    days = [(datetime(2019, 2, day), home) for day in range(1, 28)] + [(datetime(2019, 3, 1), home)]
    days += [(datetime(2019, 3, day), rome) for day in (5, 6, 7)] + [(datetime(2019, 3, day), home) for day in range(8, 31)]
    days = [(day.replace(hour=12), where) for day, where in days]
    days += [(datetime(2019, 4, 2, 8), home), (datetime(2019, 4, 2, 20), WHERE["Munich"]), (datetime(2019, 4, 3, 12), WHERE["Munich"])]
    photos = [(day, "a room with a window", "", place, lat, lng, "") for day, (place, lat, lng) in days]
    library = _commit(tmp_path / "lib", photos)
    rome_answer = answer_question(library, "When did I go to Rome?")
    assert rome_answer.value == "2019-03-05" and rome_answer.confidence == "likely" and "begun earlier" in rome_answer.why
    munich = answer_question(library, "When did I go to Munich?")
    assert munich.value == "2019-04-02" and munich.confidence == "sure"
    assert answer_question(library, "Which month did I go to Rome?").confidence == "sure"  # March, whichever day


@pytest.mark.parametrize("home_named, confidence", [(False, "likely"), (True, "sure")])
def test_trips_counted_in_a_diary_that_names_no_place_at_home_may_miss_one(tmp_path, home_named, confidence):
    """A photo a day, home photos mostly without GPS or a town: a trip whose photos also named none would be missed, so two
    trips to Rome are likely; when every photo names its town, they are sure."""
    bare = (dict(city="", country="", country_code=""), float("nan"), float("nan"))
    away = {datetime(2019, 3, day) for day in (5, 6, 7, 20, 21)}
    days = [datetime(2019, 2, 1) + timedelta(days=n) for n in range(70)]
    home = [WHERE["Dublin"] if home_named or number % 10 == 0 else bare for number in range(len(days))]  # named now and then
    photos = [(day.replace(hour=12), "a room with a window", "", *(WHERE["Rome"] if day in away else at_home), "")
              for day, at_home in zip(days, home)]
    answer = answer_question(_commit(tmp_path / "lib", photos), "How many times did I go to Rome?")
    assert answer.value == 2 and answer.confidence == confidence
    assert home_named or "say nothing of where" in answer.why



@pytest.fixture(scope="module")
def day_out(tmp_path_factory):
    """Two weekends in Galway (driven there after breakfast at home, back for the night), and a day out there with
    three photos between a day's many at home: that day is not a day away, yet it is a time one went to Galway."""
    galway = dict(city="Galway", country="Ireland", country_code="IE")
    photos, day, weekends = [], datetime(2019, 5, 1), (datetime(2019, 5, 10), datetime(2019, 5, 11), datetime(2019, 6, 1), datetime(2019, 6, 2))
    while day < datetime(2019, 7, 1):
        away = range(11, 21) if day in weekends else ()
        for hour in (*range(7, 10), *range(17, 23)):
            place, lat, lng, name = (galway, 53.27, -9.05, "Eyre Square") if hour in away else (DUBLIN, 53.35, -6.26, "Home")
            photos += [(day.replace(hour=hour, minute=minute), "people in a room", name, place, lat, lng, "") for minute in (0, 30)]
        photos += [(day.replace(hour=hour, minute=minute), "a square", "Eyre Square", galway, 53.27, -9.05, "") for hour in away if hour < 17
                   for minute in (0, 30)]
        day += timedelta(days=1)
    photos += [(datetime(2019, 6, 20, 13, minute), "a church", "Galway Cathedral", galway, 53.275, -9.057, "") for minute in (0, 20, 40)]
    return _commit(tmp_path_factory.mktemp("day_out") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_a_day_out_with_few_photos_is_a_trip_too_but_only_likely(day_out):
    answer = answer_question(day_out, "How many times did I go to Galway?")
    assert answer.value == 3 and answer.confidence == "likely" and "20 Jun 2019" in answer.why
    assert answer_question(day_out, "How many times did I go to Dublin?").confidence == "sure"  # home is no day out


@pytest.mark.parametrize("text", ["When was I last in Galway?", "When did I last go to Galway?"])
def test_the_last_time_there_may_be_a_day_out(day_out, text):
    assert answer_question(day_out, text).value == "2019-06-20"


@pytest.fixture(scope="module")
def phone_died(tmp_path_factory):
    """Mornings and evenings at home in Dublin; on 10 June 2019 the photos stop at 06:40 (the phone died), and the
    next, the morning after, are at a hotel in Rome, where four days are spent."""
    photos, day = [], datetime(2019, 5, 1)
    while day < datetime(2019, 6, 30):
        rome = datetime(2019, 6, 10) < day < datetime(2019, 6, 15)
        place, lat, lng, name = (ROME, 41.90, 12.49, "Hotel Artemide") if rome else (DUBLIN, 53.35, -6.26, "Home")
        hours = (6,) if day == datetime(2019, 6, 10) else range(9, 20) if rome else (*range(8, 10), *range(18, 22))
        photos += [(day.replace(hour=hour, minute=minute), "a room", name, place, lat, lng, "") for hour in hours for minute in (0, 20, 40)]
        day += timedelta(days=1)
    return _commit(tmp_path_factory.mktemp("phone_died") / "lib", photos)


@pytest.mark.parametrize("text, place, confidence", [
    ("Where was I on 10 June 2019?", "Dublin", "likely"),  # the next photos are in Rome: gone there that day, unseen?
    ("Which country was I in on 10 June 2019?", "Ireland", "likely"),
    ("Where was I on 9 June 2019?", "Dublin", "sure"),  # a night's gap, and home again the morning after
    ("Where was I on 12 June 2019?", "Rome", "sure"),
    ("Where was I on 11 June 2019?", "Rome", "sure"),  # from 09:00: most of the day is seen there, however it was reached
])
def test_a_day_whose_photos_stop_before_a_journey_is_only_likely(phone_died, text, place, confidence):
    answer = answer_question(phone_died, text)
    assert (answer.value, answer.confidence) == (place, confidence)
    assert confidence == "sure" or "Rome" in answer.why or "Italy" in answer.why



def test_two_trips_with_an_unphotographed_weekend_home_between_are_one_only_likely(tmp_path):
    """Two working weeks in Rome, home for the weekend between them with the camera forgotten: the photos show one
    trip of twelve days, which two trips would look like too; a trip photographed every day stays sure."""
    photos, day = [], datetime(2019, 9, 1)
    rome = {datetime(2019, 9, day) for day in (9, 10, 11, 12, 13, 16, 17, 18, 19, 20)} | {datetime(2019, 10, day) for day in range(7, 12)}
    while day < datetime(2019, 10, 31):
        place, lat, lng, name = (ROME, 41.90, 12.49, "Hotel Artemide") if day in rome else (DUBLIN, 53.35, -6.26, "Home")
        if day not in (datetime(2019, 9, 14), datetime(2019, 9, 15)):
            photos += [(day.replace(hour=hour), "a room", name, place, lat, lng, "") for hour in range(8, 22, 2)]
        day += timedelta(days=1)
    library = _commit(tmp_path / "lib", photos)
    answer = answer_question(library, "How many times did I go to Rome in September 2019?")
    assert answer.value == 1 and answer.confidence == "likely" and "9–20 Sep 2019" in answer.why
    assert answer_question(library, "How many times did I go to Rome in October 2019?").confidence == "sure"
