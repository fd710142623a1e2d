"""A life as stays and trips, learned from the library's own metadata (computed once per loaded library).

A stay is a run of consecutive photos at one place (semantic name, else city) without a long gap: one
visit. Home is the city where most nights are spent (the city of each day's last photo), if they spread over the months;
after a move (months on end with hardly a night there), the city where those months' nights are spent. A trip is a run
of consecutive days away from home in one country; its photos are those taken outside the home city of their day, and
those of the days around it that say nothing of where they were but kept its time zone.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Protocol

import numpy as np



class PhotoColumns(Protocol):
    """What a timeline reads of a library: the Library itself, which is not imported here, as it asks for its
    timeline when a time is anchored to a trip (life_events.py)."""

    utc_seconds: np.ndarray
    local_seconds: np.ndarray
    lat: np.ndarray
    lng: np.ndarray
    country_code: np.ndarray

    def __len__(self) -> int: ...

    def place_names(self, column: str, rows: np.ndarray | None = None) -> np.ndarray: ...

# A gap longer than this between two photos at the same place ends a stay (you left and came back).
STAY_GAP_S = 3600
SPARSE_PHOTOS_A_DAY = 6  # fewer photos a day than this (a diary's) do not show when a day began or ended
# A day with this share of its photos outside the home city is a day away (the day you fly home counts).
AWAY_SHARE = 0.25
# Two days away this close (in days) are one trip when no photo between them was located at home: the days
# between had no photos (the camera left off) or no GPS (a diary's). Holidays of up to two weeks.
MAX_UNSEEN_TRIP_DAYS = 14
# A day away of fewer hours than this in another country, right after a trip's, is changing planes on the way home.
TRANSIT_HOURS = 6
# A home city is where nights are spent in at least one month of this many that have photos.
HOME_MONTHS_SHARE = 3
# Over decades located only in part, a home is seen in at least this many months (a city of a few trips is not).
HOME_MIN_MONTHS = 6
# Home has moved when this many months in a row (of those with located nights) spend under this share of their nights there.
MOVED_MONTHS, MOVED_HOME_SHARE = 3, 0.1


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
    home_city: str  # where most nights are spent
    home_country: str  # the home city's country ("" when home is never located)
    home_of_row: np.ndarray  # per photo: the home city of its day (home_city, or where one had moved to; "" before any was located)
    homes: tuple[str, ...]  # the home cities home_of_row names, in the order lived in
    trip_of_row: np.ndarray  # trip number of every photo, -1 for photos at home
    trips: list[Trip]
    places: np.ndarray  # per photo: its semantic name, else its city ("" when neither is known)
    names: np.ndarray  # per photo: its semantic name ("" when it has none)
    cities: np.ndarray
    countries: np.ndarray
    photos_a_day: float  # the median day with photos has this many
    unplaced: np.ndarray  # per photo: nothing says where it was taken, neither a position nor a town in its metadata
    placed_rows: np.ndarray  # the other photos' rows, ascending

    @property
    def diary_like(self) -> bool:
        """A photo or two a day, each one moment's only record (a diary), rather than a camera every few seconds."""
        return self.photos_a_day < SPARSE_PHOTOS_A_DAY

    def country_of(self, city: str) -> str:
        """The country a city's photos name most ("" when none does)."""
        countries = self.countries[(self.cities == city) & (self.countries != "")]
        return str(_modes(np.zeros(len(countries)), countries)[1][0]) if len(countries) else ""

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
    located = cities != ""
    nights = _last_of_each(days[located], cities[located])
    home_city = _home_city(nights, days)
    at_home = countries[located & (cities == home_city)]
    home_country = str(_modes(np.zeros(len(at_home)), at_home)[1][0]) if len(at_home) else ""
    moves = _moves(nights, home_city)
    known_from = _home_known_from(nights, home_city, moves) if home_city else np.iinfo(np.int64).min
    home_of_row = _homes_on(days, home_city, moves, known_from)
    trip_of_row, trips = _trips(days, cities, countries, located, nights, home_of_row, _homes_on(nights[0], home_city, moves, known_from),
                                library.local_seconds)
    trip_of_row, trips = _continued_in_its_zone(trip_of_row, trips, located, days, library.local_seconds - utc)
    photos_a_day = float(np.median(np.unique(days, return_counts=True)[1])) if n else 0.0
    homes = tuple(city for city in dict.fromkeys(home_of_row.tolist()) if city)
    unplaced = ~(np.isfinite(library.lat) & np.isfinite(library.lng)) & ~located
    return Timeline(stay_of_row, stay_first, stay_last, home_city, home_country, home_of_row, homes, trip_of_row, trips, place, names, cities,
                    countries, photos_a_day, unplaced, np.flatnonzero(~unplaced))


def _last_of_each(days: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each day (ascending) and its last value in row order: of located photos' cities, where each night was spent."""
    order = np.argsort(days, kind="stable")  # stable: within a day, rows keep their order
    last = _runs(days[order])[1]
    return days[order][last], values[order][last]


def _runs(ordered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal values begins and where it ends, as masks over the sorted values."""
    change = ordered[1:] != ordered[:-1]
    if not len(ordered):
        return change, change
    return np.append(True, change), np.append(change, True)


def _modes(groups: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each group (ascending) and its most frequent value; a tie goes to the smallest value, as pandas' mode() gives."""
    if not len(values):
        return np.zeros(0, groups.dtype), np.zeros(0, values.dtype)
    group_keys, group_codes = np.unique(groups, return_inverse=True)
    uniques, value_codes = np.unique(values, return_inverse=True)
    pairs, counts = np.unique(group_codes.astype(np.int64) * len(uniques) + value_codes, return_counts=True)
    pair_group, pair_value = np.divmod(pairs, len(uniques))
    order = np.lexsort((pair_value, -counts, pair_group))  # by group, the most frequent first, then the smallest
    return group_keys, uniques[pair_value[order[_runs(pair_group[order])[0]]]]


def _home_city(nights: tuple[np.ndarray, np.ndarray], days: np.ndarray) -> str:
    """Where most located nights are spent, if they are spread over the library's months (a home), not a
    few runs of days (the trips of a diary whose home photos have no GPS): "" when home is never located.
    Over decades of photos located only in the later years (film scans, then a phone), the months are those
    from the first night located there to the last: a home of ten years is not a trip for want of GPS in 1990."""
    night_days, night_cities = nights
    if not len(night_cities):
        return ""
    home = str(_modes(np.zeros(len(night_cities)), night_cities)[1][0])
    months = np.unique(days // 30)
    home_months = np.unique(night_days[night_cities == home] // 30)
    while_seen = months[(months >= home_months[0]) & (months <= home_months[-1])]
    spread = len(home_months) * HOME_MONTHS_SHARE >= len(months) or (
        len(home_months) >= HOME_MIN_MONTHS and len(home_months) * HOME_MONTHS_SHARE >= len(while_seen))
    return home if spread else ""


def _moves(nights: tuple[np.ndarray, np.ndarray], home_city: str) -> list[tuple[int, int, str]]:
    """(since, until, city): the days home was elsewhere. A move is a run of at least MOVED_MONTHS months that
    hardly spend a night in home_city; home is then where most of the run's nights are spent, from the day after
    the last night in home_city before the run until the first night there after it. A long trip is not months on end."""
    night_days, night_cities = nights
    if not home_city or not len(night_days):
        return []
    months = night_days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    keys, first = np.unique(months, return_index=True)
    at_home = night_cities == home_city
    away = np.add.reduceat(at_home.astype(float), first) / np.diff(np.append(first, len(months))) < MOVED_HOME_SHARE
    starts = np.flatnonzero(away & ~np.append(False, away[:-1]))
    ends = np.flatnonzero(away & ~np.append(away[1:], False))
    moves = []
    for start, end in zip(starts, ends):
        if end - start + 1 < MOVED_MONTHS:
            continue
        in_run = (months >= keys[start]) & (months <= keys[end])
        before, after = night_days[at_home & (months < keys[start])], night_days[at_home & (months > keys[end])]
        city = str(_modes(np.zeros(int(in_run.sum())), night_cities[in_run])[1][0])
        # when it never was home before, from the first night located in the new home (and the unseen days just before)
        since = int(before[-1]) + 1 if len(before) else int(night_days[in_run & (night_cities == city)][0]) - MAX_UNSEEN_TRIP_DAYS
        until = int(after[0]) if len(after) else np.iinfo(np.int64).max
        moves.append((since, until, city))
    return moves


def _homes_on(days: np.ndarray, home_city: str, moves: list[tuple[int, int, str]], known_from: int) -> np.ndarray:
    """The home city of each day: home_city, or where one had moved to; "" before `known_from` (see _home_known_from):
    the film scans of years before the phone say nothing of where one lived then."""
    homes = np.full(len(days), home_city, dtype=object)
    for since, until, city in moves:
        homes[(days >= since) & (days < until)] = city
    homes[days < known_from] = ""
    return homes


def _home_known_from(nights: tuple[np.ndarray, np.ndarray], home_city: str, moves: list[tuple[int, int, str]]) -> int:
    """The first day a home is known: the first night located at one (home_city, or the first place moved to), less
    the days before it that may go unseen as a trip's may; before it, nothing says where home was."""
    night_days, night_cities = nights
    at_home = night_days[night_cities == home_city]
    firsts = ([int(at_home[0]) - MAX_UNSEEN_TRIP_DAYS] if len(at_home) else []) + [since for since, _, _ in moves]
    return min(firsts, default=np.iinfo(np.int64).max)


def _trips(days: np.ndarray, cities: np.ndarray, countries: np.ndarray, located: np.ndarray, nights: tuple[np.ndarray, np.ndarray],
           home_of_row: np.ndarray, night_home: np.ndarray, seconds: np.ndarray):
    """Runs of consecutive days away from home (the night away, or a good share of the photos) in one country, but
    for the days of changing planes on the way (see _one_journey)."""
    away_rows = located & (cities != home_of_row)
    night_days, night_cities = nights  # the located days, ascending
    located_day = np.searchsorted(night_days, days[located])
    away_share = np.bincount(located_day, weights=away_rows[located]) / np.bincount(located_day)
    away_days = night_days[(away_share >= AWAY_SHARE) | (night_cities != night_home)]
    country_days, away_country = _modes(days[away_rows], countries[away_rows])  # where each day away was mostly spent
    trip_days = away_days[np.isin(away_days, country_days)]
    trip_of_row = np.full(len(days), -1, dtype=np.int64)
    if not len(trip_days):
        return trip_of_row, []
    trip_countries = away_country[np.searchsorted(country_days, trip_days)]
    # a day between two days away ends the trip only when its photos were located at home: a day without photos,
    # or whose photos have no GPS (a diary's, or the camera's fix lost), says nothing of where you were
    position = np.searchsorted(night_days, trip_days)
    new_trip = np.ones(len(trip_days), dtype=bool)
    new_trip[1:] = ((np.diff(position) > 1) | (np.diff(trip_days) > MAX_UNSEEN_TRIP_DAYS)
                    | ((trip_countries[1:] != trip_countries[:-1]) & ~_one_journey(trip_days, days, countries, seconds, away_rows)))
    first_day = np.flatnonzero(new_trip)
    last_day = np.append(first_day[1:] - 1, len(trip_days) - 1)
    # on a trip's days: the photos away, and every photo of the days it bridged (none of which has GPS)
    span = np.maximum(np.searchsorted(trip_days[first_day], days, side="right") - 1, 0)
    in_span = (days >= trip_days[first_day][span]) & (days <= trip_days[last_day][span])
    members = np.flatnonzero(in_span & (away_rows | ~np.isin(days, night_days)))  # ascending
    trip_of_row[members] = span[members]
    numbers, first_row, last_row = _first_and_last(trip_of_row[members], members)
    placed = members[cities[members] != ""]
    city = _modes(trip_of_row[placed], cities[placed])[1]  # where most of its located photos were taken
    country = _modes(trip_of_row[placed], countries[placed])[1]
    trips = [
        Trip(int(first_row[index]), int(last_row[index]), str(city[index]), str(country[index]),
             _iso_day(trip_days[first_day[number]]), _iso_day(trip_days[last_day[number]]))
        for index, number in enumerate(numbers)
    ]
    return trip_of_row, trips


def _one_journey(trip_days: np.ndarray, days: np.ndarray, countries: np.ndarray, seconds: np.ndarray, away_rows: np.ndarray) -> np.ndarray:
    """Per pair of consecutive days away in two countries: one trip all the same when the days share a country (home
    from Bangkok by way of Doha, the day's photos in both) or the later was spent only a few hours away (changing
    planes on the way home). A stop on the way there stays apart: arriving in Tokyo is not the day in Frankfurt."""
    away = np.flatnonzero(away_rows)
    order = np.argsort(days[away], kind="stable")
    away_days, away_seconds, away_countries = days[away][order], seconds[away][order], countries[away][order]
    starts, ends = np.searchsorted(away_days, trip_days, "left"), np.searchsorted(away_days, trip_days, "right")
    seen_in = [set(away_countries[start:end].tolist()) for start, end in zip(starts, ends)]
    hours = np.array([(away_seconds[start:end].max() - away_seconds[start:end].min()) / 3600 if end > start else 0.0
                      for start, end in zip(starts, ends)])
    shared = np.array([bool(before & after) for before, after in zip(seen_in, seen_in[1:])], dtype=bool)
    return shared | (hours[1:] < TRANSIT_HOURS)


def _continued_in_its_zone(trip_of_row: np.ndarray, trips: list[Trip], located: np.ndarray, days: np.ndarray, offsets: np.ndarray
                           ) -> tuple[np.ndarray, list[Trip]]:
    """A trip also holds the photos with no place on the days just before and after it that were taken in its time
    zone, when that zone is not the one of the nearest located photo beyond them (home's): a diary's last days in
    Hanoi, GPS off, the camera's clock still on Hanoi's time. A trip in home's own zone is not extended, nor is a
    trip's last day (the flight home keeps the zone it left from)."""
    n = len(trip_of_row)
    if not trips or not n:
        return trip_of_row, trips
    # runs of consecutive photos with no place, in one zone, on no trip
    loose = ~located & (trip_of_row < 0)
    starts = np.ones(n, dtype=bool)
    starts[1:] = ~loose[:-1] | (offsets[1:] != offsets[:-1])
    run = np.cumsum(starts) - 1
    run_first = np.flatnonzero(starts)
    run_last = np.append(run_first[1:] - 1, n - 1)
    located_rows = np.flatnonzero(located)
    extended = []
    for number, trip in enumerate(trips):
        first, last = trip.first_row, trip.last_row
        after, before = last + 1, first - 1
        if after < n and loose[after] and offsets[after] == offsets[last] and days[after] > days[last]:
            end = int(run_last[run[after]])
            following = located_rows[np.searchsorted(located_rows, end, side="right"):][:1]
            if not len(following) or offsets[following[0]] != offsets[last]:
                trip_of_row[after:end + 1], last = number, end
        if before >= 0 and loose[before] and offsets[before] == offsets[first] and days[before] < days[first]:
            begin = int(run_first[run[before]])
            preceding = located_rows[:np.searchsorted(located_rows, begin)][-1:]
            if not len(preceding) or offsets[preceding[0]] != offsets[first]:
                trip_of_row[begin:before + 1], first = number, begin
        extended.append(trip if (first, last) == (trip.first_row, trip.last_row) else
                        Trip(first, last, trip.city, trip.country, _iso_day(int(days[first])), _iso_day(int(days[last]))))
    return trip_of_row, extended


def _first_and_last(groups: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each group (ascending) with its first and last row, of rows given ascending (a trip's rows need not be
    consecutive among all trips': local days can run backwards across a flight west)."""
    order = np.argsort(groups, kind="stable")
    first, last = _runs(groups[order])
    return groups[order][first], rows[order][first], rows[order][last]


def _iso_day(day: int) -> str:
    return str(np.datetime64(int(day), "D"))
