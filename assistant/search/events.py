"""Events: photos grouped into moments, each shown by one photo; the one way an `EventHit` is made."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..library import Library
from .results import EventHit, PhotoHit
from .stored import top_positions

# An event lists at most this many of its best-scoring photos among the results.
MATCHING_PER_EVENT = 6


def event_hits(
    library: Library, event_ids: list[int], shown_rows: list[int], scores: list[float], matching_ids: list[list[str]], matched: list[bool],
) -> list[EventHit]:
    """Events as hits, each shown by one of its photos with a score (records, spans, times and places of
    all of them read at once)."""
    first, last = library.event_spans(event_ids)
    return [
        EventHit(
            event_id=event, score=score, best=PhotoHit(**record, score=score), start_time=start_time, end_time=end_time, place=place,
            photo_count=photo_count, matching_ids=matching, matched=fits,
        )
        for event, record, score, start_time, end_time, place, photo_count, matching, fits in zip(
            event_ids, library.records(shown_rows), scores, library.local_times_iso(first), library.local_times_iso(last),
            library.event_places(event_ids), (last - first + 1).tolist(), matching_ids, matched,
        )
    ]


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
    return event_hits(library, list(shown), list(shown.values()), [0.0] * len(shown), list(matching.values()), [True] * len(shown))


def group_events(
    library: Library, rows: np.ndarray, scores: np.ndarray, ranked: np.ndarray, k: int, described: np.ndarray | None = None,
) -> list[EventHit]:
    """The k best events, those that show the description first: an event ranks by its best photo, and
    matches when one of its listed photos does (`described`: per candidate; None: every event matches)."""
    if not len(ranked):
        return []
    by_event, starts = _by_event(library.event_ids[rows[ranked]])
    if len(starts) < k and len(ranked) < len(rows):  # the scan window held too few distinct events: rank everything
        ranked = top_positions(scores, len(rows))
        by_event, starts = _by_event(library.event_ids[rows[ranked]])
    counts = np.diff(np.append(starts, len(ranked)))
    chosen = np.argsort(by_event[starts], kind="stable")[:k]  # the k events whose best photos rank highest, best first
    listed_counts = np.minimum(counts[chosen], MATCHING_PER_EVENT)
    listed_ends = np.cumsum(listed_counts)
    listed_starts = listed_ends - listed_counts
    # each chosen event's best few photos (positions among the candidates), best first, event after event
    listed = ranked[by_event[np.repeat(starts[chosen] - listed_starts, listed_counts) + np.arange(listed_ends[-1])]]
    best = listed[listed_starts]
    ids = library.image_ids(rows[listed])
    hits = event_hits(
        library,
        library.event_ids[rows[best]].tolist(),
        rows[best].tolist(),
        scores[best].tolist(),
        [ids[start:end] for start, end in zip(listed_starts.tolist(), listed_ends.tolist())],
        [True] * len(chosen) if described is None else np.logical_or.reduceat(described[listed], listed_starts).tolist(),
    )
    return sorted(hits, key=lambda hit: not hit["matched"])  # stable: by score within each part


def _by_event(ranked_events: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A ranking's positions grouped by event, each event's in rank order (a stable sort), and where each
    event's group starts."""
    by_event = np.argsort(ranked_events, kind="stable")
    grouped = ranked_events[by_event]
    return by_event, np.flatnonzero(np.append(True, grouped[1:] != grouped[:-1]))
