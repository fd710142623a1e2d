"""A life as stays and trips, learned from the library's own metadata (computed once per loaded library).

A stay is a run of consecutive photos at one place (semantic name, else city) without a long gap: one
visit. Home is the city where most nights are spent (the city of each day's last photo), if they spread over the months. A trip is a run
of consecutive days away from home in one country; its photos are those taken outside the home city.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd



class PhotoColumns(Protocol):
    """What a timeline reads of a library: the Library itself, which is not imported here, as it asks for its
    timeline when a time is anchored to a trip (life_events.py)."""

    utc_seconds: np.ndarray
    local_seconds: np.ndarray
    lat: np.ndarray
    lng: np.ndarray
    country_code: np.ndarray

    def __len__(self) -> int: ...

    def place_names(self, column: str) -> np.ndarray: ...

# A gap longer than this between two photos at the same place ends a stay (you left and came back).
STAY_GAP_S = 3600
SPARSE_PHOTOS_A_DAY = 6  # fewer photos a day than this (a diary's) do not show when a day began or ended
# A day with this share of its photos outside the home city is a day away (the day you fly home counts).
AWAY_SHARE = 0.25
# Two days away this close (in days) are one trip when no photo between them was located at home: the days
# between had no photos (the camera left off) or no GPS (a diary's). Holidays of up to two weeks.
MAX_UNSEEN_TRIP_DAYS = 14
# A home city is where nights are spent in at least one month of this many that have photos.
HOME_MONTHS_SHARE = 3


@dataclass(frozen=True)
class Trip:
    first_row: int
    last_row: int  # photos of the trip are the away photos between these rows
    city: str  # where most of its photos were taken
    country: str
    first_day: str  # local dates, ISO
    last_day: str


@dataclass
class Timeline:
    stay_of_row: np.ndarray  # stay number of every photo
    stay_first: np.ndarray  # first and last row of every stay
    stay_last: np.ndarray
    home_city: str
    home_country: str  # the home city's country ("" when home is never located)
    trip_of_row: np.ndarray  # trip number of every photo, -1 for photos at home
    trips: list[Trip]
    places: np.ndarray  # per photo: its semantic name, else its city ("" when neither is known)
    names: np.ndarray  # per photo: its semantic name ("" when it has none)
    cities: np.ndarray
    countries: np.ndarray
    photos_a_day: float  # the median day with photos has this many

    @property
    def diary_like(self) -> bool:
        """A photo or two a day, each one moment's only record (a diary), rather than a camera every few seconds."""
        return self.photos_a_day < SPARSE_PHOTOS_A_DAY

    def stay_seconds(self, library: PhotoColumns, stays: np.ndarray) -> np.ndarray:
        """Length of stays, from their first photo to their last."""
        utc = library.utc_seconds
        return (utc[self.stay_last[stays]] - utc[self.stay_first[stays]]).astype(np.int64)


_TIMELINES: "weakref.WeakKeyDictionary[PhotoColumns, Timeline]" = weakref.WeakKeyDictionary()


def timeline_of(library: PhotoColumns) -> Timeline:
    """The library's stays and trips, computed on first use and kept while the library is loaded."""
    timeline = _TIMELINES.get(library)
    if timeline is None:
        timeline = _TIMELINES[library] = _build(library)
    return timeline


def _build(library: PhotoColumns) -> Timeline:
    n = len(library)
    names, cities, countries = (library.place_names(column) for column in ("semantic_name", "city", "country"))
    place = np.where(names != "", names, cities)
    utc = library.utc_seconds
    starts = np.ones(n, dtype=bool)
    if n:
        starts[1:] = (place[1:] != place[:-1]) | (np.diff(utc) > STAY_GAP_S)
    stay_of_row = np.cumsum(starts) - 1
    stay_first = np.flatnonzero(starts)
    stay_last = np.append(stay_first[1:] - 1, n - 1) if n else np.zeros(0, np.int64)
    days = library.local_seconds // 86400
    frame = pd.DataFrame({"day": days, "city": cities, "country": countries})
    located = frame[frame["city"] != ""]
    night_city = located.groupby("day")["city"].last()
    home_city = _home_city(night_city, days)
    at_home = located["country"][located["city"] == home_city]
    home_country = str(at_home.mode().iloc[0]) if len(at_home) else ""
    trip_of_row, trips = _trips(frame, located, night_city, home_city)
    photos_a_day = float(np.median(np.unique(days, return_counts=True)[1])) if n else 0.0
    return Timeline(stay_of_row, stay_first, stay_last, home_city, home_country, trip_of_row, trips, place, names, cities, countries,
                    photos_a_day)


def _home_city(night_city: pd.Series, days: np.ndarray) -> str:
    """Where most located nights are spent, if they are spread over the library's months (a home), not a
    few runs of days (the trips of a diary whose home photos have no GPS): "" when home is never located."""
    if not len(night_city):
        return ""
    home = str(night_city.mode().iloc[0])
    months = np.unique(days // 30)
    home_months = np.unique(night_city.index[night_city == home].to_numpy() // 30)
    return home if len(home_months) * HOME_MONTHS_SHARE >= len(months) else ""


def _trips(frame: pd.DataFrame, located: pd.DataFrame, night_city: pd.Series, home_city: str):
    """Runs of consecutive days away from home (the night away, or a good share of the photos) in one country."""
    away_rows = (frame["city"].to_numpy() != home_city) & (frame["city"].to_numpy() != "")
    by_day = located.assign(away=located["city"] != home_city).groupby("day")
    partly_away = by_day["away"].mean() >= AWAY_SHARE
    away_days = partly_away | (night_city != home_city)
    away_country = located[located["city"] != home_city].groupby("day")["country"].agg(lambda values: values.mode().iloc[0])
    days = np.array(sorted(day for day, away in away_days.items() if away and day in away_country.index), dtype=np.int64)
    trip_of_row = np.full(len(frame), -1, dtype=np.int64)
    trips: list[Trip] = []
    if not len(days):
        return trip_of_row, trips
    countries = away_country.reindex(days).to_numpy()
    # a day between two days away ends the trip only when its photos were located at home: a day without photos,
    # or whose photos have no GPS (a diary's, or the camera's fix lost), says nothing of where you were
    located_days = np.unique(located["day"].to_numpy())
    position = np.searchsorted(located_days, days)
    new_trip = np.ones(len(days), dtype=bool)
    new_trip[1:] = (np.diff(position) > 1) | (np.diff(days) > MAX_UNSEEN_TRIP_DAYS) | (countries[1:] != countries[:-1])
    trip_number = np.cumsum(new_trip) - 1
    first_days, last_days = days[new_trip], days[np.append(new_trip[1:], True)]
    row_day = frame["day"].to_numpy()
    position = np.maximum(np.searchsorted(first_days, row_day, side="right") - 1, 0)
    in_span = (row_day >= first_days[position]) & (row_day <= last_days[position])
    # on a trip's days: the photos away, and every photo of the days it bridged (none of which has GPS)
    member = in_span & (away_rows | ~np.isin(row_day, located_days))
    trip_of_row[member] = position[member]
    rows_by_trip = pd.Series(np.flatnonzero(member)).groupby(trip_of_row[member])
    for number, rows in rows_by_trip:
        rows = rows.to_numpy()
        cities = frame["city"].to_numpy()[rows]
        trip_days = days[trip_number == number]
        cities = cities[cities != ""]
        trips.append(Trip(
            int(rows[0]), int(rows[-1]), str(pd.Series(cities).mode().iloc[0]), str(countries[trip_number == number][0]),
            _iso_day(trip_days[0]), _iso_day(trip_days[-1]),
        ))
    return trip_of_row, trips


def _iso_day(day: int) -> str:
    return str(np.datetime64(int(day), "D"))
