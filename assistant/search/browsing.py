"""Browsing from a photo: the photos around it, and the moments just before or after its own."""

from __future__ import annotations

import numpy as np

from ..library import Library, PhotoRecord
from .events import event_hits
from .results import EventHit, photo_row


def photos_around(library: Library, image_id: str, *, minutes: float | None = 15, whole_event: bool = False) -> list[PhotoRecord]:
    """The photos around a photo, in time order: within ±minutes, or its whole event."""
    row = photo_row(library, image_id)
    if whole_event:
        first, last = library.event_span(int(library.event_ids[row]))
        return library.records(np.arange(first, last + 1))
    utc = library.utc_seconds
    window = int((minutes or 0) * 60)
    first = int(np.searchsorted(utc, utc[row] - window, side="left"))
    last = int(np.searchsorted(utc, utc[row] + window, side="right"))
    return library.records(np.arange(first, last))


def neighbouring_events(library: Library, image_id: str, direction: str, *, limit: int = 6) -> list[EventHit]:
    """The events just before (or after) a photo's event on the same local day, nearest first in time order.

    Each is represented by its middle photo, the frame most typical of the moment.
    """
    if direction not in ("before", "after"):
        raise ValueError("direction must be 'before' or 'after'")
    row = photo_row(library, image_id)
    day = library.local_seconds[row] // 86400
    step = -1 if direction == "before" else 1
    found: list[int] = []
    middles: list[int] = []
    other = int(library.event_ids[row]) + step
    while len(found) < limit and 0 <= other <= int(library.event_ids[-1]):
        first, last = library.event_span(other)
        if first <= last:
            if library.local_seconds[last if direction == "before" else first] // 86400 != day:
                break  # the nearest end of that event is on another day
            found.append(other)
            middles.append((first + last) // 2)
        other += step
    middle_ids = [[image_id] for image_id in library.image_ids(middles)]
    hits = event_hits(library, found, middles, [0.0] * len(found), middle_ids, [True] * len(found))  # asked for: nothing to match
    return sorted(hits, key=lambda hit: hit["start_time"])
