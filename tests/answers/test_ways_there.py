"""The way to a place, measured from the GPS: "how long was the drive to Galway" is the drive, not the day in Galway;
"the flight from Dublin to Rome" is from the last photo at the airport to the first in Rome; a way no photo saw is
"I can't tell"."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question
from assistant.core.geo import haversine_km

from test_honesty import DUBLIN, ROME, _commit  # the same small-life writer

GALWAY = dict(city="Galway", country="Ireland", country_code="IE")
BELFAST = dict(city="Belfast", country="United Kingdom", country_code="GB")
CORK = dict(city="Cork", country="Ireland", country_code="IE")
HOME, GALWAY_AT, BELFAST_AT = (53.35, -6.26), (53.27, -9.05), (54.60, -5.93)
KILKENNY, KILKENNY_AT = dict(city="Kilkenny", country="Ireland", country_code="IE"), (52.65, -7.25)
NOWHERE = dict(city="", country="Ireland", country_code="IE")


def _still(start: datetime, place: dict, at: tuple[float, float], minutes: int, name: str = "") -> list:
    return [(start + timedelta(minutes=step), "a room with a table", name, place, at[0], at[1], "") for step in range(0, minutes, 10)]


def _on_the_road(start: datetime, origin, destination, minutes: int, caption: str, every: int = 10) -> list:
    """Photos every few minutes along a straight way, leaving the origin at start and arriving at the end."""
    steps = minutes // every
    return [(start + timedelta(minutes=every * step), caption, "", NOWHERE,
             origin[0] + (destination[0] - origin[0]) * step / steps, origin[1] + (destination[1] - origin[1]) * step / steps, "")
            for step in range(1, steps)]


@pytest.fixture(scope="module")
def ways(tmp_path_factory):
    morning = datetime(2019, 6, 1, 7)
    photos = _still(morning, DUBLIN, HOME, 100, "Home")  # 7:00-8:30 at home
    photos += _on_the_road(morning + timedelta(minutes=100), HOME, GALWAY_AT, 150, "a view of a motorway from a car")  # 8:40-11:10
    photos += _still(morning + timedelta(minutes=250), GALWAY, GALWAY_AT, 300)  # 11:10-16:00 in Galway
    for day in (10, 17, 24):  # the train to Belfast, two hours and a quarter each time
        photos += _still(datetime(2019, 6, day, 7), DUBLIN, HOME, 60, "Home")
        photos += _on_the_road(datetime(2019, 6, day, 8), HOME, BELFAST_AT, 135, "a seat on a train", every=15)
        photos += _still(datetime(2019, 6, day, 10, 15), BELFAST, BELFAST_AT, 120)
        photos += _still(datetime(2019, 6, day, 19), DUBLIN, HOME, 60, "Home")
    photos += _still(datetime(2019, 7, 1, 6), DUBLIN, (53.4214, -6.27), 60, "Dublin Airport")  # 6:00-6:50 at the gate
    photos.append((datetime(2019, 7, 1, 8), "a view of clouds from a window", "", DUBLIN, float("nan"), float("nan"), ""))  # on board
    photos += _still(datetime(2019, 7, 1, 10, 20), ROME, (41.80, 12.25), 30, "Fiumicino Airport")  # landed 10:20
    photos += _still(datetime(2019, 7, 8, 20), KILKENNY, KILKENNY_AT, 30)
    photos += _still(datetime(2019, 7, 9, 15), CORK, (51.90, -8.47), 60)  # in Cork next day: the way there unseen
    photos.sort(key=lambda photo: photo[0])
    return _commit(tmp_path_factory.mktemp("ways") / "lib", photos)


def test_the_drive_there_is_from_leaving_to_arriving(ways):
    answer = answer_question(ways, "How long was the drive to Galway?")
    assert answer.kind == "duration" and answer.confidence == "likely"
    assert abs(answer.value - 150 * 60) <= 10 * 60  # 8:40 to 11:10, not the five hours in Galway
    assert any(image_id.startswith("20190601_09") for image_id in answer.evidence)  # a photo on the way


def test_how_far_the_drive_went_is_its_gps_path(ways):
    answer = answer_question(ways, "how far did I drive to Galway")
    straight = float(haversine_km(*HOME, *GALWAY_AT)) * 1000
    assert answer.kind == "distance" and answer.value == pytest.approx(straight, rel=0.05) and answer.confidence == "likely"


def test_the_time_in_the_place_is_still_the_stay_there(ways):
    answer = answer_question(ways, "How long was I in Galway?")
    assert answer.value > 4 * 3600  # the day there, not the way
    trip = answer_question(ways, "How long was my trip to Galway?")  # no way of moving named: the stay, not the drive
    assert trip.value > 4 * 3600


def test_a_train_taken_several_times_is_its_usual_length(ways):
    answer = answer_question(ways, "How long did the train to Belfast take?")
    assert abs(answer.value - 135 * 60) <= 15 * 60 and answer.confidence == "likely" and answer.text.startswith("Usually")
    assert "3 times" in answer.text


def test_a_flight_named_from_where_it_left_is_from_the_last_photo_there(ways):
    answer = answer_question(ways, "How long was the flight from Dublin to Rome?")
    assert abs(answer.value - (10 * 3600 + 20 * 60 - (6 * 3600 + 50 * 60))) <= 10 * 60  # 6:50 at the gate to 10:20 in Rome
    assert "Dublin Airport" in answer.text and answer.confidence == "likely"
    assert any(image_id.startswith("20190701_0800") for image_id in answer.evidence)  # the photo on board


def test_a_way_no_photo_saw_is_not_measured(ways):
    answer = answer_question(ways, "How long was the drive to Cork?")
    assert answer.value is None and answer.confidence == "unsure" and "not the way there" in answer.text


def test_a_way_with_other_words_is_not_only_the_way(ways):
    """ "The drive to Galway with my sister": the sister is looked for, and named as not found, not dropped."""
    answer = answer_question(ways, "How long was the drive to Galway with my sister?")
    assert answer.value is None and "sister" in answer.text


def test_journeys_of_different_lengths_are_unsure(tmp_path):
    photos = []
    for day, minutes in ((3, 90), (10, 240)):  # the same drive, once through a storm
        photos += _still(datetime(2019, 6, day, 7), DUBLIN, HOME, 60, "Home")
        photos += _on_the_road(datetime(2019, 6, day, 8), HOME, GALWAY_AT, minutes, "a view of a motorway from a car")
        photos += _still(datetime(2019, 6, day, 8) + timedelta(minutes=minutes), GALWAY, GALWAY_AT, 60)
    answer = answer_question(_commit(tmp_path / "lib", photos), "How long was the drive to Galway?")
    assert answer.confidence == "unsure" and answer.text.startswith("Not the same each time")
    assert abs(answer.value - 250 * 60) <= 10 * 60 and "before it 1 h 40 min" in answer.text  # from the last photo at home, 7:50


def test_a_distance_no_photo_saw_is_the_straight_line_from_where_you_were(ways):
    answer = answer_question(ways, "How far did I drive to Cork?")  # Kilkenny the evening before, Cork the next afternoon
    straight = float(haversine_km(*KILKENNY_AT, 51.90, -8.47)) * 1000
    assert answer.value == pytest.approx(straight, abs=1000) and answer.confidence == "likely" and "crow flies" in answer.text


def test_a_trip_long_after_the_last_located_photo_is_measured_from_home(tmp_path):
    photos = _still(datetime(2019, 6, 1, 9), DUBLIN, HOME, 60, "Home") + _still(datetime(2019, 6, 20, 9), ROME, (41.90, 12.49), 60)
    answer = answer_question(_commit(tmp_path / "lib", photos), "how far did I travel to Rome")
    assert answer.value == pytest.approx(float(haversine_km(*HOME, 41.90, 12.49)) * 1000, abs=1000)
    assert "from home (Dublin)" in answer.text and answer.confidence == "likely"


def test_the_day_of_a_journey_there_is_the_way_out_not_the_way_back(tmp_path):
    """"When did I take the train to Cork": the day the train went there (3 June), not the day of the train seen at
    Cork's station on the way home (6 June)."""
    cork_at = (51.90, -8.47)
    photos = _still(datetime(2019, 6, 3, 7), DUBLIN, HOME, 60, "Home")
    photos += _on_the_road(datetime(2019, 6, 3, 8), HOME, cork_at, 150, "a seat on a train", every=15)
    for day in (3, 4, 5):
        photos += _still(datetime(2019, 6, day, 10, 30) if day == 3 else datetime(2019, 6, day, 9), CORK, cork_at, 240)
    photos += [(datetime(2019, 6, 6, 9, minute), "a train at a station", "Kent Station", CORK, *cork_at, "") for minute in (0, 10, 20)]
    photos += _on_the_road(datetime(2019, 6, 6, 9, 30), cork_at, HOME, 150, "a seat on a train", every=15)
    photos += _still(datetime(2019, 6, 6, 12, 30), DUBLIN, HOME, 60, "Home")
    library = _commit(tmp_path / "lib", sorted(photos, key=lambda photo: photo[0]))
    answer = answer_question(library, "When did I take the train to Cork?")
    assert answer.value == "2019-06-03" and answer.confidence == "likely"
