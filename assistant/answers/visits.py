"""Matching photos grouped into what a person would count: visits (one stay at a place) or trips."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..library import Library
from ..library.timeline import Timeline
from ..query import DayPartTerm, ParsedQuery, TimeConstraints, day_part_term
from ..query.time.days import minute_table
from ..query.time.terms import DAY_PARTS

# Matching photos closer than this are one visit, whatever the camera did in between.
VISIT_GAP_S = 90 * 60
SEQUENCE_WINDOW_S = 3 * 3600  # "right after the gym": the gym ended at most this long before
MOSTLY = 0.5  # a visit is of a part of the day when more than this share of its minutes lie in it


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


def visits_in_day_part(library: Library, timeline: Timeline, rows: np.ndarray, parsed: ParsedQuery) -> list[Group]:
    """The visits of the matching photos; only those of the part of the day asked, when one is ("when was my last
    night shift", "how many nights did I work in March")."""
    groups = visits(timeline, rows, library.utc_seconds, library.local_seconds)
    asks_nights = parsed.question is not None and parsed.question.unit == "night"
    part = _named_day_part(parsed.time) or (day_part_term("night") if asks_nights else None)
    return _of_the_day_part(library, timeline, groups, part, parsed.time.exactly()) if part else groups


def _of_the_day_part(library: Library, timeline: Timeline, groups: list[Group], part: DayPartTerm, time: TimeConstraints) -> list[Group]:
    """The visits of a part of the day ("night shifts", "a swim in the morning"): most of each whole visit's time lies
    in it, not just a photo or two (a day shift's last hour is no night shift), and one that crosses midnight is of
    the day it began, which the question's other time words must admit (the night of 24 October ends on the 25th)."""
    if not groups:
        return groups
    index, outside = np.arange(len(library)), ~time.mask(library.local_seconds)
    nearest_outside = (np.maximum.accumulate(np.where(outside, index, -1)),  # per photo: the last one outside the time, and the next
                       np.minimum.accumulate(np.where(outside, index, len(index))[::-1])[::-1])
    runs: dict = {}
    groups = [_whole_visit(library, timeline, group, nearest_outside, runs) for group in groups]
    starts = library.local_seconds[[group.first_row for group in groups]] // 60
    # a visit of one photo: that photo's minute; the clocks going back an hour may put a short visit's end before its start
    ends = np.maximum(library.local_seconds[[group.last_row for group in groups]] // 60 + 1, starts + 1)
    inside = np.concatenate([[0], np.cumsum(minute_table(part.windows))])
    mostly = (_minutes_of_part(inside, ends) - _minutes_of_part(inside, starts)) / (ends - starts) > MOSTLY
    began_then = TimeConstraints(tuple(term for term in time.terms if not isinstance(term, DayPartTerm))).mask(starts * 60)
    return [group for group, kept in zip(groups, mostly & began_then) if kept]


def _minutes_of_part(inside: np.ndarray, minute: np.ndarray) -> np.ndarray:
    """The minutes of a part of the day from the epoch to `minute`, from the part's running count over one day."""
    return minute // 1440 * inside[-1] + inside[minute % 1440]


def _whole_visit(library: Library, timeline: Timeline, group: Group, nearest_outside: tuple[np.ndarray, np.ndarray], runs: dict) -> Group:
    """A visit the time asked cut (the night's small hours on the next day, a day shift before the evening) runs on
    to the first and last photo named as its place with no gap over VISIT_GAP_S between, photos with no name
    between them too; a break inside a shift, hours from the edge of the time asked, stays a break.
    runs: _runs_at by name, kept for one question."""
    named = timeline.names[group.rows]
    if not (named != "").any():
        return group
    name, utc = named[named != ""][0], library.utc_seconds
    run, named_first, named_last = runs[name] if name in runs else runs.setdefault(name, _runs_at(library, timeline, name))
    first, last = group.first_row, group.last_row
    before, after = nearest_outside[0][first], nearest_outside[1][last]
    if before >= 0 and run[before] == run[first] >= 0 and utc[first] - utc[before] <= VISIT_GAP_S:
        first = min(first, int(named_first[run[first]]))
    if after < len(run) and run[after] == run[last] >= 0 and utc[after] - utc[last] <= VISIT_GAP_S:
        last = max(last, int(named_last[run[last]]))
    return replace(group, first_row=first, last_row=last)


def _runs_at(library: Library, timeline: Timeline, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per photo, its run of photos at a named place (-1 when named otherwise): photos so named or with no name, none
    more than VISIT_GAP_S after the one before (the camera names the place on some photos only); and per run its
    first and last photo so named."""
    fits = (timeline.names == name) | (timeline.names == "")
    joined = np.r_[False, fits[1:] & fits[:-1] & (np.diff(library.utc_seconds) <= VISIT_GAP_S)]
    run = np.where(fits, np.cumsum(~joined) - 1, -1)
    named = np.flatnonzero(timeline.names == name)
    named_first, named_last = np.zeros(run.max() + 1, np.int64), np.zeros(run.max() + 1, np.int64)
    named_first[run[named[::-1]]] = named[::-1]  # the last assignment of a run wins: its first photo so named
    named_last[run[named]] = named
    return run, named_first, named_last


def _named_day_part(time: TimeConstraints) -> DayPartTerm | None:
    """The part of the day a question names ("at night", "in the morning"), not a clock time ("at 3am")."""
    named = [term for term in time.terms if isinstance(term, DayPartTerm) and not term.negated and term.label in DAY_PARTS]
    return named[0] if named else None


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
