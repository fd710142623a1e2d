"""Flights counted from the GPS: no photo need say "plane", and a ground journey is not a flight."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.answers.names import visit_venue
from assistant.library.timeline import timeline_of

from test_honesty import DUBLIN, ROME, _commit  # the same small-life writer

BELFAST = dict(city="Belfast", country="United Kingdom", country_code="GB")
CORK = dict(city="Cork", country="Ireland", country_code="IE")


def _stay(start: datetime, place: dict, lat: float, lng: float, name: str = "", photos: int = 6) -> list:
    return [(start + timedelta(minutes=10 * step), "people standing in a hall", name, place, lat, lng, "") for step in range(photos)]


@pytest.fixture(scope="module")
def travels(tmp_path_factory):
    photos = _stay(datetime(2019, 5, 1, 9), DUBLIN, 53.35, -6.26)
    photos += _stay(datetime(2019, 5, 2, 6), DUBLIN, 53.4214, -6.27, "Dublin Airport")
    photos.append((datetime(2019, 5, 2, 9), "a view of clouds from a window", "", DUBLIN, float("nan"), float("nan"), ""))  # on board
    photos += _stay(datetime(2019, 5, 2, 12), ROME, 41.90, 12.49)  # 1,880 km in about five hours: flown
    photos += _stay(datetime(2019, 5, 5, 9), ROME, 41.80, 12.25, "Fiumicino Airport")
    photos += _stay(datetime(2019, 5, 5, 15), DUBLIN, 53.35, -6.26)  # and back
    photos += _stay(datetime(2019, 5, 8, 8), BELFAST, 54.60, -5.93)  # 140 km by the morning train: too slow to be flown
    photos += _stay(datetime(2019, 5, 10, 9), DUBLIN, 53.35, -6.26)
    photos += _stay(datetime(2019, 5, 11, 8), CORK, 51.90, -8.47)  # 220 km overnight, the camera off: not a flight
    return _commit(tmp_path_factory.mktemp("flights") / "lib", photos)


@pytest.mark.parametrize("question, flights", [
    ("How many times did I fly?", 2),
    ("how many flights did I take in May 2019", 2),
    ("How many times did I fly to Rome?", 1),
    ("How many times did I fly from Rome?", 1),
    ("How many times did I fly between 6 and 12 May 2019?", 0),  # by train to Belfast, by road to Cork
])
def test_flights_are_counted_from_the_gps(travels, question, flights):
    answer = answer_question(travels, question)
    assert answer.kind == "frequency" and answer.value == flights and answer.confidence == "likely" and "GPS" in answer.why


def test_a_flight_names_where_it_took_off_and_landed(travels):
    answer = answer_question(travels, "How many times did I fly to Rome?")
    assert "Dublin Airport" in answer.text and "Rome" in answer.text
    assert len(answer.evidence) == 3 and answer.evidence[0].startswith("20190502_0900")  # the photo on board first


def test_flights_in_a_time_without_photos_are_not_never(travels):
    answer = answer_question(travels, "How many times did I fly in June 2019?")
    assert answer.value is None and "no photos" in answer.text


def test_without_gps_flights_cannot_be_counted(tmp_path):
    photos = [(time, caption, name, place, float("nan"), float("nan"), text)
              for time, caption, name, place, _, _, text in _stay(datetime(2019, 5, 1, 9), DUBLIN, 0, 0)]
    answer = answer_question(_commit(tmp_path / "lib", photos), "How many times did I fly?")
    assert answer.value is None and "GPS" in answer.text


NEW_YORK = dict(city="New York", country="United States", country_code="US")


def test_a_flight_overnight_is_flown_distance_not_nothing(tmp_path):
    """Dublin Airport at nine in the evening, New York the next morning: 5,100 km flown, though the photos on either
    side are eight hours and a date apart."""
    photos = _stay(datetime(2019, 5, 1, 21), DUBLIN, 53.4214, -6.27, "Dublin Airport") + _stay(datetime(2019, 5, 2, 6), NEW_YORK, 40.6413, -73.7781)
    answer = answer_question(_commit(tmp_path / "lib", photos), "How far did I fly in May 2019?")
    assert answer.value == pytest.approx(5_100_000, rel=0.03) and answer.confidence == "likely"


def test_places_changed_with_the_way_unseen_is_not_zero(tmp_path):
    """At home, then a kilometre away half an hour later: a run that no photo saw is "I can't tell", not 0 km."""
    photos = _stay(datetime(2019, 5, 3, 8), DUBLIN, 53.35, -6.26, "Home", photos=2) + _stay(datetime(2019, 5, 3, 8, 40), DUBLIN, 53.359, -6.26, "Park", photos=2)
    answer = answer_question(_commit(tmp_path / "lib", photos), "How far did I run on 3 May 2019?")
    assert answer.value is None and "different places" in answer.text


def test_how_far_one_thing_is_from_another_is_between_their_photos(tmp_path):
    """ "How far is the hotel from the office in Rome": between where the hotel's photos and the office's were taken
    (1.5 km), not from home to Rome."""
    photos = _stay(datetime(2019, 5, 1, 9), DUBLIN, 53.35, -6.26, "Home")
    photos += [(datetime(2019, 5, 2, 8) + timedelta(minutes=10 * n), "a hotel room with a bed", "", ROME, 41.9000, 12.4900, "") for n in range(4)]
    photos += [(datetime(2019, 5, 2, 10) + timedelta(minutes=10 * n), "an office with desks", "", ROME, 41.9135, 12.4900, "") for n in range(4)]
    answer = answer_question(_commit(tmp_path / "lib", photos), "How far is the hotel from the office in Rome?")
    assert answer.value == pytest.approx(1500, rel=0.02) and "hotel" in answer.text and "office" in answer.text


def test_the_airport_landed_at_is_the_trips_first_and_left_from_its_last(tmp_path):
    """A day in Rome that begins at the airport and goes on to a long day at the office is read as the airport when
    an airport is asked; "landed at" is each trip's first airport visit, "left from" its last."""
    photos = []
    for month in range(1, 13):  # at home in Dublin through the year
        photos += _stay(datetime(2019, month, 20, 9), DUBLIN, 53.35, -6.26) + _stay(datetime(2019, month, 24, 9), DUBLIN, 53.35, -6.26)
    for month in (3, 6, 9):
        photos += _stay(datetime(2019, month, 1, 9), DUBLIN, 53.35, -6.26, photos=12)
        photos += _stay(datetime(2019, month, 2, 12), ROME, 41.80, 12.25, "Fiumicino Airport", photos=3)  # landed
        photos += _stay(datetime(2019, month, 2, 14), ROME, 41.90, 12.49, "Office Roma", photos=12)
        photos += _stay(datetime(2019, month, 4, 9), ROME, 41.90, 12.49, "Office Roma", photos=12)
        photos += _stay(datetime(2019, month, 5, 16), ROME, 41.79, 12.59, "Ciampino Airport", photos=3)  # left
        photos += _stay(datetime(2019, month, 6, 9), DUBLIN, 53.35, -6.26, photos=12)
    library = _commit(tmp_path / "lib", sorted(photos, key=lambda photo: photo[0]))
    landed = answer_question(library, "Which airport did I land at in Rome?")
    assert landed.value == "Fiumicino Airport" and all("_12" in image for image in landed.evidence[:3])
    left = answer_question(library, "Which airport did I leave from in Rome?")
    assert left.value == "Ciampino Airport" and all("_16" in image for image in left.evidence[:3])
    assert answer_question(library, "Which airport did I fly out of in Rome?").value == "Ciampino Airport"  # no "fly" to find
    arrival_day = np.flatnonzero(library.local_seconds // 86400 == np.datetime64("2019-03-02", "D").astype(np.int64))
    assert visit_venue(library, timeline_of(library), arrival_day, "airport") == "Fiumicino Airport"  # 3 photos of 15
    assert visit_venue(library, timeline_of(library), arrival_day, None) == "Office Roma"


def test_flights_on_average_are_an_average_not_the_count(travels):
    """Two flights over 1–11 May 2019 (11 days with photos at either end): about 1.3 a week, not "2"."""
    answer = answer_question(travels, "On average, how many times a week did I fly in May 2019?")
    assert answer.value == 1.3 and "a week" in answer.text and answer.confidence == "likely"
    assert answer.evidence[0].startswith("20190502_0900")  # shown by the flights counted (on board first), not May's first photos
