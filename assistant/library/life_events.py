"""The events of one's life that a time may be anchored to ("before my trip to Japan", "the week after the wedding"):
trips away from home (timeline.py), and the days the photos' words name an occasion (captions, OCR, tags)."""

from __future__ import annotations

from datetime import date
from typing import Protocol

import numpy as np

from ..query.anchors import FoundEvent, LifeAnchor
from ..query.text import normalize
from .text_index import TextIndex
from .timeline import PhotoColumns, timeline_of


class EventColumns(PhotoColumns, Protocol):
    """What finding an event reads of a library (the Library, which asks: it is not imported here)."""

    text_index: TextIndex | None


# An occasion's photos on days at most this far apart are one occasion (a conference's days, a wedding past midnight).
OCCASION_GAP_DAYS = 1


def find_life_event(library: EventColumns, anchor: LifeAnchor) -> FoundEvent | None:
    """The trip to the anchor's place (the latest, when there were several), or the occasion its words name."""
    return _trip(library, anchor) if anchor.place else _occasion(library, anchor.event)


def _trip(library: EventColumns, anchor: LifeAnchor) -> FoundEvent | None:
    timeline = timeline_of(library)
    wanted = normalize(anchor.place)
    matching = []
    for number, trip in enumerate(timeline.trips):
        if anchor.place_term is not None:
            rows = np.flatnonzero(timeline.trip_of_row[trip.first_row:trip.last_row + 1] == number) + trip.first_row
            there = anchor.place_term.mask(library.lat[rows], library.lng[rows], library.country_code[rows],
                                           lambda positions, rows=rows: library.place_names("city", rows[positions])).mean() >= 0.5
        else:  # a name the place parser does not know: the trip's own city or country names it
            there = wanted in (normalize(trip.city), normalize(trip.country))
        if there:
            matching.append(trip)
    if not matching:
        return None
    trip = matching[-1]
    which = f" (the last of {len(matching)})" if len(matching) > 1 else ""
    return FoundEvent(f"trip to {trip.city}, {trip.country}{which}", date.fromisoformat(trip.first_day), date.fromisoformat(trip.last_day))


def _occasion(library: EventColumns, words: str) -> FoundEvent | None:
    """The run of days whose photos' words hold every word of the occasion, with the most such photos."""
    index = library.text_index
    if index is None or index.is_empty or not words.split():
        return None
    rows = None
    for word in words.split():
        matched, _ = index.matches(word)
        rows = matched if rows is None else np.intersect1d(rows, matched)
    if rows is None or not len(rows):
        return None
    days = np.unique(library.local_seconds[rows] // 86400, return_counts=True)
    starts = np.flatnonzero(np.r_[True, np.diff(days[0]) > OCCASION_GAP_DAYS])
    photos = np.add.reduceat(days[1], starts)
    best = int(np.argmax(photos))
    first = days[0][starts[best]]
    last = days[0][(starts[best + 1] if best + 1 < len(starts) else len(days[0])) - 1]
    return FoundEvent(words, _day(first), _day(last))


def _day(epoch_day: int) -> date:
    return date.fromisoformat(str(np.datetime64(int(epoch_day), "D")))
