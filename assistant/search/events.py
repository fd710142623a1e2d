"""Events: photos grouped into moments, each shown by one photo; the one way an `EventHit` is made."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..library import Library
from .results import EventHit, PhotoHit
from .scoring import top_positions

# An event lists at most this many of its best-scoring photos among the results.
MATCHING_PER_EVENT = 6


def event_hits(library: Library, event_ids: list[int], shown_rows: list[int], scores: list[float], matching_ids: list[list[str]]) -> list[EventHit]:
    """Events as hits, each shown by one of its photos with a score (all records read at once)."""
    hits = []
    for event, record, score, matching in zip(event_ids, library.records(shown_rows), scores, matching_ids):
        first, last = library.event_span(event)
        hits.append(
            EventHit(
                event_id=event,
                score=score,
                best=PhotoHit(**record, score=score),
                start_time=library.local_time_iso(first),
                end_time=library.local_time_iso(last),
                place=library.event_place(event),
                photo_count=last - first + 1,
                matching_ids=matching,
            )
        )
    return hits


def moments_of_photos(library: Library, image_ids: Sequence[str]) -> list[EventHit]:
    """The moments these photos belong to, in the order the photos come (an answer's evidence, best first),
    each shown by its first photo here."""
    shown: dict[int, int] = {}  # event -> the row of its first photo here
    matching: dict[int, list[str]] = {}
    for image_id in image_ids:
        row = library.row_of(image_id)
        if row is not None:
            event = int(library.event_ids[row])
            shown.setdefault(event, row)
            matching.setdefault(event, []).append(image_id)
    return event_hits(library, list(shown), list(shown.values()), [0.0] * len(shown), list(matching.values()))


def group_events(library: Library, rows: np.ndarray, scores: np.ndarray, ranked: np.ndarray, k: int) -> list[EventHit]:
    """The k best events: an event ranks by its best photo; the candidates are scanned best first."""
    event_ids = library.event_ids
    if len(ranked) < len(rows):
        seen_events = np.unique(event_ids[rows[ranked]])
        if len(seen_events) < k:  # the scan window held too few distinct events: rank everything
            ranked = top_positions(scores, len(rows))
    events: dict[int, list[int]] = {}
    for position in ranked:
        event = int(event_ids[rows[position]])
        if event not in events:
            if len(events) == k:
                continue
            events[event] = []
        if len(events[event]) < MATCHING_PER_EVENT:
            events[event].append(int(position))
    best = [positions[0] for positions in events.values()]
    matching = iter(library.image_ids(rows[[p for positions in events.values() for p in positions]]))
    return event_hits(
        library,
        list(events),
        rows[best].tolist(),
        [float(scores[position]) for position in best],
        [[next(matching) for _ in positions] for positions in events.values()],
    )
