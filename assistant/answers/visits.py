"""Matching photos grouped into what a person would count: visits (one stay at a place) or trips."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..library import Library
from ..library.timeline import Timeline

# Matching photos closer than this are one visit, whatever the camera did in between.
VISIT_GAP_S = 90 * 60
SEQUENCE_WINDOW_S = 3 * 3600  # "right after the gym": the gym ended at most this long before


@dataclass(frozen=True)
class Group:
    """One visit or trip: the matching photos in it, and its whole extent (first and last photo)."""

    rows: np.ndarray  # matching photos, ascending
    first_row: int
    last_row: int
    trip: bool


def visits(timeline: Timeline, rows: np.ndarray, utc_seconds: np.ndarray, local_seconds: np.ndarray) -> list[Group]:
    """One group per visit that has a matching photo, in time order.

    A visit is what a person would count once: matching photos less than VISIT_GAP_S apart (a stay the camera
    split, a photo without GPS in between, the office before and after lunch, a night out past midnight); lunch
    and dinner at the same taverna are two.
    """
    if not len(rows):
        return []
    stays = timeline.stay_of_row[rows]
    place = timeline.names[rows]  # a venue's name; a photo with only a city (or no GPS) fits any venue in it
    gap = np.diff(utc_seconds[rows])
    same_place = (place[1:] == place[:-1]) | (place[1:] == "") | (place[:-1] == "")
    together = (stays[1:] == stays[:-1]) | ((gap <= VISIT_GAP_S) & same_place)
    cuts = np.flatnonzero(~together) + 1
    return [
        Group(part, int(timeline.stay_first[stays_part[0]]), int(timeline.stay_last[stays_part[-1]]), trip=False)
        for part, stays_part in zip(np.split(rows, cuts), np.split(stays, cuts))
    ]


def own_photos_in_town(timeline: Timeline, group: Group) -> Group:
    """A visit measured by its own photos when its stay is known only by its town (a home the metadata never names: the
    morning at home, the walk, the run, the walk back are one stay of "Dublin"); a venue's by its whole stay."""
    if timeline.names[group.first_row] or timeline.names[group.last_row] or group.trip:
        return group
    return replace(group, first_row=int(group.rows[0]), last_row=int(group.rows[-1]))


def trips(timeline: Timeline, rows: np.ndarray, utc_seconds: np.ndarray | None = None) -> list[Group]:
    """One group per trip away from home that has a matching photo, in time order; with utc_seconds, also one per
    visit of the matching photos on no trip and away from home (an outing): a day out whose few photos the day's at
    home outweigh."""
    numbers = timeline.trip_of_row[rows]
    cities, homes = timeline.cities[rows], timeline.home_of_row[rows]
    # away from the home of the day; or a photo with no place when no home is known then (a scan whose caption names the town)
    outside = (numbers < 0) & (((cities != "") & (cities != homes)) | ((cities == "") & (homes == "")))
    if utc_seconds is not None and outside.any():
        outings = visits(timeline, rows[outside], utc_seconds, utc_seconds)
        return sorted(trips(timeline, rows) + outings, key=lambda group: group.first_row)
    away = rows[numbers >= 0]
    numbers = numbers[numbers >= 0]
    cuts = np.flatnonzero(np.diff(numbers)) + 1
    groups = []
    for part, numbers_part in zip(np.split(away, cuts), np.split(numbers, cuts)):
        if len(part):
            trip = timeline.trips[int(numbers_part[0])]
            groups.append(Group(part, trip.first_row, trip.last_row, trip=True))
    return groups


def journeys(timeline: Timeline, groups: list[Group]) -> list[Group]:
    """Trips one after the other with no photo at home between them (Singapore, a weekend in Kuala Lumpur, Singapore
    again) are one journey, as a person counts "how many times did I go to Singapore"."""
    joined: list[Group] = []
    for group in groups:
        between = slice(joined[-1].last_row + 1, group.first_row) if joined else slice(0, 0)
        if joined and not (timeline.cities[between] == timeline.home_of_row[between]).any():
            last = joined[-1]
            joined[-1] = Group(np.concatenate([last.rows, group.rows]), last.first_row, group.last_row, trip=True)
        else:
            joined.append(group)
    return joined


def mostly_away(timeline: Timeline, rows: np.ndarray) -> bool:
    return bool(len(rows)) and float((timeline.trip_of_row[rows] >= 0).mean()) > 0.5


def following(library: Library, rows: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """The rows that come within SEQUENCE_WINDOW_S after one of `earlier`, the same local day ("after the gym")."""
    if not len(rows) or not len(earlier):
        return rows[:0]
    times, anchors = library.local_seconds[rows], np.sort(library.local_seconds[earlier])
    position = np.searchsorted(anchors, times, side="right") - 1
    anchor = anchors[np.maximum(position, 0)]
    return rows[_soon_the_same_day(times, anchor, times - anchor) & (position >= 0)]


def preceding(library: Library, rows: np.ndarray, later: np.ndarray) -> np.ndarray:
    """The rows that come within SEQUENCE_WINDOW_S before one of `later`, the same local day ("before the cinema")."""
    if not len(rows) or not len(later):
        return rows[:0]
    times, anchors = library.local_seconds[rows], np.sort(library.local_seconds[later])
    position = np.searchsorted(anchors, times, side="left")
    anchor = anchors[np.minimum(position, len(anchors) - 1)]
    return rows[_soon_the_same_day(times, anchor, anchor - times) & (position < len(anchors))]


def _soon_the_same_day(times: np.ndarray, anchor: np.ndarray, gap: np.ndarray) -> np.ndarray:
    return (anchor // 86400 == times // 86400) & (gap > 0) & (gap <= SEQUENCE_WINDOW_S)
