"""Clock times on a trip: the visit a time is read from is the one its answer names, an edge stays within the
day asked, and a landing or a bedtime read from a photo's time is likely, not sure (it came between two photos);
a time, a seat or a gate printed on a sign or a boarding pass is read from it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question
from assistant.answers.names import asked_labels

from test_honesty import DUBLIN, ROME, _commit  # the same small-life writer


def _stay(start: datetime, minutes: int, place: dict, lat: float, lng: float, name: str, caption: str = "people in a room") -> list:
    return [(start + timedelta(minutes=minute), caption, name, place, lat, lng, "") for minute in range(0, minutes + 1, 10)]


def _at_home(trips: tuple[datetime, ...], days_away: int, start: datetime = datetime(2019, 5, 1), end: datetime = datetime(2019, 6, 20)) -> list:
    """Mornings and evenings at home in Dublin from `start` to the day before `end`, but for the days of the trips."""
    photos, day = [], start
    while day < end:
        if not any(first <= day < first + timedelta(days=days_away) for first in trips):
            photos += _stay(day.replace(hour=8), 60, DUBLIN, 53.35, -6.26, "Home") + _stay(day.replace(hour=20), 90, DUBLIN, 53.35, -6.26, "Home")
        day += timedelta(days=1)
    return photos


@pytest.fixture(scope="module")
def rome_twice(tmp_path_factory):
    """Three weeks at home in Dublin; two trips to Rome, each landing at Fiumicino, a hotel and the sights after."""
    trips = (datetime(2019, 5, 22), datetime(2019, 6, 5))
    photos = _at_home(trips, days_away=3)
    for first in trips:
        photos += _stay(first.replace(hour=14, minute=5), 30, ROME, 41.80, 12.25, "Fiumicino Airport")
        photos += _stay(first.replace(hour=16), 300, ROME, 41.90, 12.49, "Hotel Artemide")
        second = first + timedelta(days=1)
        photos += _stay(second.replace(hour=7, minute=30), 60, ROME, 41.90, 12.49, "Hotel Artemide")
        photos += _stay(second.replace(hour=10), 600, ROME, 41.89, 12.48, "Colosseum")
        photos += _stay(second.replace(hour=21), 70, ROME, 41.90, 12.49, "Hotel Artemide")  # the last photo of the day: 22:10
        third = first + timedelta(days=2)
        photos += _stay(third.replace(hour=8), 120, ROME, 41.90, 12.49, "Hotel Artemide")
        photos += _stay(third.replace(hour=11), 60, ROME, 41.80, 12.25, "Fiumicino Airport")
        photos += _stay(third.replace(hour=17), 120, DUBLIN, 53.35, -6.26, "Home")
    return _commit(tmp_path_factory.mktemp("rome") / "lib", sorted(photos, key=lambda photo: photo[0]))


def test_the_time_a_trip_began_is_read_from_its_first_visit(rome_twice):
    answer = answer_question(rome_twice, "What time did I land in Rome on my first trip?")
    assert answer.value == "14:05" and "22 May 2019" in answer.text and "Fiumicino" in answer.text


def test_a_landing_read_from_a_photo_is_likely_not_sure(rome_twice):
    answer = answer_question(rome_twice, "What time did I land in Rome on my second trip?")
    assert answer.value == "14:05" and answer.confidence == "likely" and "between two photos" in answer.why


def test_an_edge_asked_on_a_day_stays_within_that_day(rome_twice):
    answer = answer_question(rome_twice, "What time did I go to bed in Rome on 23 May 2019?")
    assert answer.value == "22:10" and answer.confidence == "likely"


DUBAI = dict(city="Dubai", country="United Arab Emirates", country_code="AE")
SINGAPORE = dict(city="Singapore", country="Singapore", country_code="SG")
NOWHERE = dict(city="", country="", country_code="")  # on board: no GPS, no town


def test_a_trip_reached_through_a_connection_began_when_the_journey_left_home(tmp_path):
    """Dublin to Singapore through three hours in Dubai, landing the next day: flown on the day it left home."""
    photos = _at_home((datetime(2019, 7, 1),), 8, start=datetime(2019, 6, 1), end=datetime(2019, 7, 20))
    photos += _stay(datetime(2019, 7, 1, 18), 90, DUBLIN, 53.4214, -6.27, "Dublin Airport")
    photos += _stay(datetime(2019, 7, 1, 20), 360, NOWHERE, float("nan"), float("nan"), "", "an airplane wing above the clouds")
    photos += _stay(datetime(2019, 7, 2, 2, 30), 170, DUBAI, 25.2532, 55.3657, "Dubai International Airport")
    photos += _stay(datetime(2019, 7, 2, 5, 40), 420, NOWHERE, float("nan"), float("nan"), "", "an airplane wing above the clouds")
    for offset in range(6):
        photos += _stay(datetime(2019, 7, 2, 13) + timedelta(days=offset), 480, SINGAPORE, 1.29, 103.85, "Pan Pacific Singapore")
    photos += _stay(datetime(2019, 7, 8, 13), 300, DUBLIN, 53.35, -6.26, "Home")
    library = _commit(tmp_path / "lib", sorted(photos, key=lambda photo: photo[0]))
    assert answer_question(library, "When did I fly to Singapore?").value == "2019-07-01"


@pytest.fixture(scope="module")
def rome_with_signs(tmp_path_factory):
    """A weekend in Rome whose photos read signs: the arrivals board (OCR reads one 0 as an O) when landing on
    Saturday, a boarding pass on the way home; a fortnight later an old board whose time fits no landing, and a
    late flight home on Sunday whose boarding pass is read at noon."""
    trips = (datetime(2019, 5, 25), datetime(2019, 6, 8))
    photos = _at_home(trips, days_away=2)
    boards, passes = ("ARRIVALS  EI 404  DUBLIN  LANDED 13:4O  BAGGAGE", "ARRIVALS  LANDED 19:50  EXIT"), ("DEP 12:45", "DEP 22:15")
    for first, board, boarding in zip(trips, boards, passes):
        photos += _signed(_stay(first.replace(hour=14, minute=5), 30, ROME, 41.80, 12.25, "Fiumicino Airport"), board)
        photos += _signed(_stay(first.replace(hour=16), 300, ROME, 41.90, 12.49, "Hotel Artemide"), "ROOM SERVICE  DIAL 9  GATE 2 EXIT")
        second = first + timedelta(days=1)
        photos += _stay(second.replace(hour=8), 120, ROME, 41.89, 12.48, "Colosseum")
        photos += _signed(_stay(second.replace(hour=11), 60, ROME, 41.80, 12.25, "Fiumicino Airport"),
                          f"EI 405  FCO-DUB  {boarding}  SEAT 14C  GATE B7")
        photos += _stay(second.replace(hour=17), 120, DUBLIN, 53.35, -6.26, "Home")
    return _commit(tmp_path_factory.mktemp("signs") / "lib", sorted(photos, key=lambda photo: photo[0]))


def _signed(photos: list, sign: str) -> list:
    """The stay's photos, every other one reading `sign`."""
    return [(*photo[:6], sign if index % 2 else "") for index, photo in enumerate(photos)]


def test_a_landing_printed_on_the_arrivals_board_is_read_from_it(rome_with_signs):
    answer = answer_question(rome_with_signs, "What time did my plane land in Rome on 25 May 2019?")
    assert answer.value == "13:40" and answer.confidence == "likely" and "LANDED 13:4O" in answer.why
    assert "LANDED" in rome_with_signs.record(rome_with_signs.row_of(answer.evidence[0]))["ocr_text"]  # the board comes first


def test_a_departure_printed_on_the_boarding_pass_is_read_from_it(rome_with_signs):
    answer = answer_question(rome_with_signs, "What time did I leave Rome on 26 May 2019?")
    assert answer.value == "12:45" and answer.confidence == "likely" and "DEP 12:45" in answer.why


def test_a_sign_whose_time_fits_no_landing_is_not_read(rome_with_signs):
    answer = answer_question(rome_with_signs, "What time did I land in Rome on 8 June 2019?")
    assert answer.value == "14:05" and answer.confidence == "likely" and "between two photos" in answer.why


def test_a_boarding_pass_read_the_next_day_says_nothing_of_a_bedtime(rome_with_signs):
    answer = answer_question(rome_with_signs, "What time did I go to bed in Rome on 8 June 2019?")
    assert answer.value == "21:00" and "between two photos" in answer.why


def test_a_seat_or_a_gate_is_the_code_printed_after_its_label(rome_with_signs):
    assert answer_question(rome_with_signs, "What seat did I have on 26 May 2019?").value == "14C"
    assert answer_question(rome_with_signs, "Which gate did I fly out of Rome from on 26 May 2019?").value == "B7"


def test_a_room_number_no_sign_prints_is_not_read_from_other_words(rome_with_signs):
    answer = answer_question(rome_with_signs, "What was my room number at Hotel Artemide?")
    assert answer.value is None  # "ROOM SERVICE  DIAL 9" prints no room's number


@pytest.mark.parametrize("text, labels", [
    ("Which gate did my flight leave from?", {"gate"}),
    ("What was my hotel room number in London?", {"room"}),
    ("what seat did I have on the train", {"seat"}),
    ("name the band I saw at Ashton Gate", set()),  # a place's name, not a code asked for
    ("Which platform did the train to Cork leave from?", {"platform"}),
])
def test_the_label_whose_code_is_asked(text, labels):
    assert asked_labels(text) == labels
