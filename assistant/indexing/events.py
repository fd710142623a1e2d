"""Splitting the photo stream into events: the moments people remember ("coffee at the café").

A new event starts at a time gap, a change of place, or a clear visual change. Twenty near-identical
frames of one coffee then come back as one moment instead of twenty results.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.geo import haversine_km


@dataclass(frozen=True)
class EventRules:
    max_gap_minutes: float = 15.0  # camera off, asleep, or simply a different moment
    place_change_km: float = 0.5  # between consecutive GPS fixes, when no place names are known
    min_visual_similarity: float = 0.70  # cosine between the mean of frames before and after a cut
    visual_window: int = 3  # frames averaged on each side, so one odd frame does not cut an event
    min_event_minutes: float = 2.0  # a visual cut needs this much time since the last boundary


def segment_events(photos: pd.DataFrame, embeddings: np.ndarray | None, rules: EventRules = EventRules()) -> np.ndarray:
    """Event id (0, 1, 2 ...) for each row of a table sorted by taken_at_utc."""
    n = len(photos)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    seconds = photos["taken_at_utc"].to_numpy().astype("datetime64[s]").astype(np.int64)
    boundary = np.zeros(n, dtype=bool)
    boundary[0] = True
    boundary[1:] |= np.diff(seconds) > rules.max_gap_minutes * 60

    names = photos["semantic_name"].fillna("").astype(str).to_numpy()
    named = names != ""
    boundary[1:] |= named[1:] & named[:-1] & (names[1:] != names[:-1])
    lat, lng = photos["lat"].to_numpy(dtype=float), photos["lng"].to_numpy(dtype=float)
    moved = haversine_km(lat[:-1], lng[:-1], lat[1:], lng[1:]) > rules.place_change_km
    boundary[1:] |= moved & ~(named[1:] & named[:-1])  # NaN distances compare False

    if embeddings is not None and "embedded" in photos:
        boundary |= _visual_cuts(seconds, boundary, embeddings, photos["embedded"].to_numpy(dtype=bool), rules)
    return np.cumsum(boundary) - 1


def _visual_cuts(seconds, boundary, embeddings, embedded, rules: EventRules) -> np.ndarray:
    """Rows where the look of the scene changes clearly between the frames before and after."""
    n = len(seconds)
    window = rules.visual_window
    similarity, norms = _window_similarity(embeddings, embedded, window)
    candidate = np.zeros(n, dtype=bool)
    candidate[1:] = (norms > 0) & (similarity < rules.min_visual_similarity)
    # Keep only the sharpest cut among neighbours, and none too soon after another boundary.
    score = np.ones(n)
    score[1:] = similarity
    cuts = np.zeros(n, dtype=bool)
    last_boundary_time = seconds[0]
    for row in np.flatnonzero(candidate | boundary):
        if boundary[row]:
            last_boundary_time = seconds[row]
            continue
        lo, hi = max(0, row - window + 1), min(n, row + window)
        if score[row] == score[lo:hi].min() and seconds[row] - last_boundary_time >= rules.min_event_minutes * 60:
            cuts[row] = True
            last_boundary_time = seconds[row]
    return cuts


def _window_similarity(embeddings: np.ndarray, embedded: np.ndarray, window: int, chunk: int = 65536):
    """Cosine between the summed `window` frames before and after each row boundary (rows 1..n-1).

    Works in chunks so a million fp16 embeddings never become one float32 copy in memory.
    """
    n = len(embedded)
    similarity = np.ones(max(n - 1, 0))
    norms = np.zeros(max(n - 1, 0))
    for start in range(1, n, chunk):
        stop = min(n, start + chunk)
        lo, hi = max(0, start - window), min(n, stop + window)
        vectors = np.asarray(embeddings[lo:hi], dtype=np.float32) * embedded[lo:hi, None]
        cumulative = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), np.cumsum(vectors, axis=0)])
        index = np.arange(start, stop) - lo
        before = cumulative[index] - cumulative[np.maximum(index - window, 0)]
        after = cumulative[np.minimum(index + window, hi - lo)] - cumulative[index]
        product = np.linalg.norm(before, axis=1) * np.linalg.norm(after, axis=1)
        similarity[start - 1 : stop - 1] = np.einsum("ij,ij->i", before, after) / np.maximum(product, 1e-12)
        norms[start - 1 : stop - 1] = product
    return similarity, norms
