"""Changing planes on the way home: the afternoon at Doha's airport flying home from Bangkok is a day of the trip to
Bangkok, not a trip to Qatar of its own (the evening there on the way out stays a stop of its own: arriving in
Bangkok is not the day at Doha); a lunch whose photos have no place, between two of the trip's, is not at home; and
"when did I fly back from Bangkok" is the day that trip ended, no photo needing to say "back"."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question
from assistant.library.timeline import timeline_of

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_travel_clock import _at_home, _stay  # mornings and evenings at home; a photo every ten minutes of a stay

QATAR = dict(city="Doha", country="Qatar", country_code="QA")
THAILAND = dict(city="Bangkok", country="Thailand", country_code="TH")
SICILY = dict(city="Palermo", country="Italy", country_code="IT")
NOWHERE = dict(city="", country="", country_code="")  # no GPS fix, no town: lunch indoors
DOHA, BANGKOK = (25.2731, 51.6081), (13.7563, 100.5018)


@pytest.fixture(scope="module")
def by_way_of_doha(tmp_path_factory):
    """Dublin; Bangkok from 3 to 8 June 2019, by way of Doha both ways (two hours at its airport each time, the
    morning flight from Dublin's airport); a week later, a weekend in Palermo, flown direct."""
    first = datetime(2019, 6, 3)
    photos = _at_home((first, datetime(2019, 6, 15)), 6, start=datetime(2019, 5, 27), end=datetime(2019, 6, 22))
    photos += _stay(first.replace(hour=9), 60, DUBLIN, 53.4264, -6.2499, "Dublin Airport")
    photos += _stay(first.replace(hour=21), 120, QATAR, *DOHA, "Hamad International Airport")
    for day in range(1, 5):
        photos += _stay(first + timedelta(days=day, hours=9), 180, THAILAND, *BANGKOK, "")
        photos += _stay(first + timedelta(days=day, hours=12, minutes=10), 60, NOWHERE, float("nan"), float("nan"), "", "a bowl of noodles")
        photos += _stay(first + timedelta(days=day, hours=13, minutes=20), 420, THAILAND, *BANGKOK, "")
    last = first + timedelta(days=5)
    photos += _stay(last.replace(hour=7), 90, THAILAND, *BANGKOK, "")
    photos += _stay(last.replace(hour=15), 120, QATAR, *DOHA, "Hamad International Airport")
    for day in range(3):
        photos += _stay(datetime(2019, 6, 15 + day, 10), 480, SICILY, 38.1157, 13.3615, "")
    return _commit(tmp_path_factory.mktemp("doha") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_the_day_changing_planes_on_the_way_home_belongs_to_the_trip(by_way_of_doha):
    trips = timeline_of(by_way_of_doha).trips
    assert [(trip.country, trip.first_day, trip.last_day) for trip in trips] == [
        ("Qatar", "2019-06-03", "2019-06-03"), ("Thailand", "2019-06-04", "2019-06-08"), ("Italy", "2019-06-15", "2019-06-17")]


def test_a_photo_with_no_place_between_two_of_a_trip_is_not_at_home(by_way_of_doha):
    answer = answer_question(by_way_of_doha, "How many times did I have noodles in Dublin?")
    assert answer.value in (0, None)
    assert answer_question(by_way_of_doha, "How many times did I have noodles?").value == 4


def test_how_long_in_bangkok_is_the_whole_stay(by_way_of_doha):
    answer = answer_question(by_way_of_doha, "How long was I in Bangkok?")
    there = (datetime(2019, 6, 8, 8, 30) - datetime(2019, 6, 4, 9)).total_seconds()
    assert answer.value == pytest.approx(there, rel=0.1)


@pytest.mark.parametrize("question, day", [("When did I fly back from Bangkok?", "2019-06-08"), ("When did I fly home from Palermo?", "2019-06-17")])
def test_flying_back_is_the_end_of_the_trip(by_way_of_doha, question, day):
    answer = answer_question(by_way_of_doha, question)
    assert answer.value == day and answer.confidence in ("sure", "likely")


@pytest.fixture(scope="module")
def flown_unseen(tmp_path_factory):
    """Home in Dublin until the evening of 2 June 2019; 3 June, the day of the flight, without a photo; 4 June, a taxi
    from Bangkok's airport (a GPS fix, no town's name), then the hotel (the town known from Wi-Fi, no fix) and the city."""
    photos = _at_home((datetime(2019, 6, 3),), 6, start=datetime(2019, 5, 27), end=datetime(2019, 6, 15))
    photos = [photo for photo in photos if photo[0].date() != datetime(2019, 6, 3).date()]
    photos += _stay(datetime(2019, 6, 4, 9), 40, NOWHERE, 13.69, 100.75, "", "a view of a highway from a car")
    photos += _stay(datetime(2019, 6, 4, 9, 50), 0, THAILAND, float("nan"), float("nan"), "", "a hotel lobby")  # the town by Wi-Fi
    for day in range(4, 9):
        photos += _stay(datetime(2019, 6, day, 10), 480, THAILAND, *BANGKOK, "")
    return _commit(tmp_path_factory.mktemp("unseen") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_a_fix_with_no_town_is_no_proof_of_where_the_journey_began(flown_unseen):
    """The taxi from the airport is on the way there: the day before, with no photo, may have been the flight's."""
    answer = answer_question(flown_unseen, "When did I fly to Bangkok?")
    assert answer.value == "2019-06-04" and answer.confidence == "likely" and "begun earlier" in answer.why


@pytest.mark.parametrize("question, value", [
    ("How long was my layover in Doha on the way to Bangkok?", 2 * 3600),
    ("In which city did I change planes on the way to Bangkok?", "Doha"),
    ("Which airport did I change planes at on the way home?", "Hamad International Airport"),
    ("How many times did I change planes?", 2),  # there and back; never on the direct flight to Palermo
])
def test_changing_planes_is_a_stop_between_two_flights(by_way_of_doha, question, value):
    """No photo says 'layover' or 'change': a short stop far from the flights either side of it is one."""
    answer = answer_question(by_way_of_doha, question)
    assert answer.confidence == "likely"
    assert answer.value == pytest.approx(value, abs=15 * 60) if isinstance(value, int) and value > 100 else answer.value == value
