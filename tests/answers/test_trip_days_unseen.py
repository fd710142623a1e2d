"""A trip's days are counted from its first photo there to its last, so a day in between with no photo at all (the
camera off) is counted as spent there: likely, never sure, as nothing shows where that day was."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer

BERLIN = dict(city="Berlin", country="Germany", country_code="DE")
PARIS = dict(city="Paris", country="France", country_code="FR")


HOME = ("a living room with a sofa", DUBLIN, 53.35, -6.26)
TRIPS = {"Berlin": ("a city street with old buildings", BERLIN, 52.52, 13.40),
         "Paris": ("a view of a city street with cars", PARIS, 48.86, 2.35)}


def _hours(day: datetime, first: int, last: int, caption: str, place: dict, lat: float, lng: float) -> list[tuple]:
    return [(day.replace(hour=first) + timedelta(minutes=at), caption, "", place, lat, lng, "") for at in range(0, 60 * (last - first), 30)]


@pytest.fixture(scope="module")
def trips(tmp_path_factory):
    """April 2019 at home in Dublin; Berlin 5-9 April, the camera off on the 6th; Paris 15-17 April, every day seen.
    Each trip leaves home in the morning of its first day and is home in the evening of its last."""
    photos = []
    for day in (datetime(2019, 4, 1) + timedelta(days=n) for n in range(30)):
        trip = "Berlin" if 5 <= day.day <= 9 else "Paris" if 15 <= day.day <= 17 else ""
        if not trip:
            photos += _hours(day, 8, 20, *HOME)
            continue
        first, last = day.day in (5, 15), day.day in (9, 17)
        photos += _hours(day, 7, 9, *HOME) if first else []
        photos += _hours(day, 13 if first else 8, 16 if last else 20, *TRIPS[trip]) if day.day != 6 else []
        photos += _hours(day, 19, 22, *HOME) if last else []
    return _commit(tmp_path_factory.mktemp("trips") / "lib", photos)


def test_a_day_without_photos_within_a_trip_makes_its_days_likely(trips):
    answer = answer_question(trips, "How many days was I in Berlin?")
    assert answer.value == 5 and answer.confidence == "likely" and "without a photo" in answer.why


def test_a_trip_seen_every_day_is_counted_for_sure(trips):
    answer = answer_question(trips, "How many days was I in Paris?")
    assert answer.value == 3 and answer.confidence == "sure"


def test_a_count_of_trips_gives_every_reason_it_is_not_sure(tmp_path):
    """A ski trip found by its photos' words, whose camera was off two whole days: both doubts are said, neither
    hides the other (home between two trips would look the same; words can miss a trip)."""
    photos = []
    for day in (datetime(2019, 2, 1) + timedelta(days=n) for n in range(28)):
        away = 10 <= day.day <= 16
        if not away:
            photos += _hours(day, 8, 20, *HOME)
        elif day.day not in (12, 13):
            photos += _hours(day, 8, 20, "a person skiing down a snowy slope", dict(city="Innsbruck", country="Austria", country_code="AT"),
                             47.26, 11.39)
    answer = answer_question(_commit(tmp_path / "lib", photos), "How many ski trips did I take in February 2019?")
    assert answer.value == 1 and answer.confidence == "likely"
    assert "whole days without photos" in answer.why and "counted from the photos' words" in answer.why
