"""Where one works, learned from the photos: no photo of a shift says "work" or "shift", yet "how many night shifts
did I work in March", "where do I work" and "when did I get home after work" ask about the place one spends long
stretches of many days at, month after month (the hospital, the office).

The workplace is the named place (not a home: where most of its days began and ended) with the most days of at least WORKDAY_S between its first and last photo, when
it has at least WORKDAYS of them over WORK_MONTHS months or more; its photos are those named so, and the unnamed ones
(no place name, or only the town) between two of its photos less than STAY_GAP_S apart (the camera names a place on
some of its photos only).
"""

from __future__ import annotations

import weakref

import numpy as np

from ..library import Library
from ..library.timeline import STAY_GAP_S, Timeline

WORK_WORDS = frozenset({"work", "shift", "job", "workplace"})  # the keys terms() gives ("shifts" -> "shift")
WORKDAY_S = 4 * 3600
WORKDAYS = 20
WORK_MONTHS = 3
HOME_DAYS_SHARE = 0.5  # a place where this share of its days began and ended is a home

_WORKPLACES: "weakref.WeakKeyDictionary[Library, np.ndarray]" = weakref.WeakKeyDictionary()


def workplace_photos(library: Library, timeline: Timeline) -> np.ndarray:
    """Per photo: whether it was taken at the workplace (all False when the photos show none); kept per library."""
    found = _WORKPLACES.get(library)
    if found is None:
        found = _WORKPLACES[library] = _workplace_photos(library, timeline)
    return found


def _workplace_photos(library: Library, timeline: Timeline) -> np.ndarray:
    names, utc = timeline.names, library.utc_seconds
    at = np.zeros(len(names), dtype=bool)
    named = np.flatnonzero(names != "")
    if not len(named):
        return at
    days = library.local_seconds[named] // 86400
    keys, place = np.unique(names[named], return_inverse=True)
    order = np.lexsort((days, place))  # photos by place, then day
    pair = np.stack([place[order], days[order]])
    starts = np.r_[True, (pair[:, 1:] != pair[:, :-1]).any(axis=0)]
    first, last = np.flatnonzero(starts), np.r_[np.flatnonzero(starts)[1:], len(order)] - 1
    spans = utc[named[order[last]]] - utc[named[order[first]]]
    long_days = spans >= WORKDAY_S
    counted = np.bincount(pair[0, first][long_days], minlength=len(keys))
    counted[_homes(library, names, keys)] = 0
    best = int(np.argmax(counted))
    workdays = pair[1, first][long_days & (pair[0, first] == best)]
    if counted[best] < WORKDAYS or len(np.unique(workdays // 30)) < WORK_MONTHS:
        return at
    workplace = names == keys[best]
    # an unnamed photo between two of the workplace's, with no other place named between and no long gap, is there too
    index = np.arange(len(names))
    has_name = names != ""
    before = np.maximum.accumulate(np.where(has_name, index, -1))
    after = np.minimum.accumulate(np.where(has_name, index, len(names))[::-1])[::-1]
    inside = (~has_name) & (before >= 0) & (after < len(names))
    between = np.flatnonzero(inside)
    bounded = workplace[before[between]] & workplace[after[between]] & (utc[after[between]] - utc[before[between]] <= 2 * STAY_GAP_S)
    at[between[bounded]] = True
    return at | workplace


def _homes(library: Library, names: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The named places (indexes into keys) where most of their days began and ended: a home ("Home", a flat's name),
    not where one works (a night shift ends one day there and begins the next, a day or two in six)."""
    days = library.local_seconds // 86400
    starts = np.r_[True, days[1:] != days[:-1]]
    first, last = np.flatnonzero(starts), np.r_[np.flatnonzero(starts)[1:], len(days)] - 1
    slept = names[first][names[first] == names[last]]
    at_all = np.array([len(np.unique(days[names == key])) for key in keys])
    both = np.array([np.count_nonzero(slept == key) for key in keys])
    return both >= HOME_DAYS_SHARE * at_all
