"""Photos that look like the visits found but say nothing of what was asked: a visit a sparse camera caught in a single
photo whose words and place missed it ("a man in a white coat", and no word of the dentist, no name of the place).
While one lies where and when the question looks, a count of the visits, or the first or last of them, is not sure."""

from __future__ import annotations

import weakref

import numpy as np

from ..core.geo import within_km
from ..library import Library
from ..library.timeline import Timeline
from .visits import VISIT_GAP_S, Group

LOOK_LIFT = 3.0  # a caption this many times commoner among the visits' photos than in the library is their look
LOOK_ALIKE_KM = 0.5  # a photo with a position this near one of the visits' (or with none) may have been taken there
_CAPTIONS: "weakref.WeakKeyDictionary[Library, np.ndarray]" = weakref.WeakKeyDictionary()


def caption_codes(library: Library) -> np.ndarray:
    """One number per photo for its caption (the same caption, the same number; -1 for none), built once a library."""
    codes = _CAPTIONS.get(library)
    if codes is None:
        captions = np.asarray(library.texts(np.arange(len(library)), ["caption"])["caption"], dtype=object)
        values, codes = np.unique(captions.astype(str), return_inverse=True)
        codes = _CAPTIONS[library] = np.where(values[codes] == "", -1, codes).astype(np.int64)
    return codes


def looking_alike(library: Library, timeline: Timeline, groups: list[Group], found: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The photos among `rows` that may be a visit not found: outside the visits `groups` (and more than a visit's gap
    from them), not among the photos `found` for the question, captioned as photos of two or more of the visits are
    (of the one, when there is one) and seldom elsewhere, and named, located and positioned nowhere else than the
    visits were."""
    if not groups or not len(rows):
        return rows[:0]
    codes = caption_codes(library)
    extents = [np.arange(group.first_row, group.last_row + 1) for group in groups]  # all of a visit's photos, found or not
    seen = np.concatenate(extents)
    looks, visits = np.unique(np.concatenate([np.unique(codes[extent]) for extent in extents]), return_counts=True)
    looks = looks[(visits >= min(2, len(groups))) & (looks >= 0)]
    # the visits' own look: a caption of theirs LOOK_LIFT times commoner there than in the library (not a dark photo's)
    everywhere = np.bincount(codes[codes >= 0])
    there = np.bincount(codes[seen][codes[seen] >= 0], minlength=len(everywhere))
    looks = looks[there[looks] * len(codes) >= LOOK_LIFT * everywhere[looks] * len(seen)]
    rows = rows[np.isin(codes[rows], looks) & ~np.isin(rows, found)]
    utc = library.utc_seconds
    starts = utc[[group.first_row for group in groups]] - VISIT_GAP_S
    ends = utc[[group.last_row for group in groups]] + VISIT_GAP_S
    at = np.maximum(np.searchsorted(starts, utc[rows], side="right") - 1, 0)
    rows = rows[(utc[rows] < starts[at]) | (utc[rows] > ends[at])]
    names = library.place_names("semantic_name", rows)
    rows = rows[(names == "") | np.isin(names, library.place_names("semantic_name", seen))]
    rows = rows[(timeline.cities[rows] == "") | np.isin(timeline.cities[rows], timeline.cities[seen])]
    lat, lng = library.lat, library.lng
    placed = seen[np.isfinite(lat[seen]) & np.isfinite(lng[seen])]
    positioned = np.isfinite(lat[rows]) & np.isfinite(lng[rows])
    if not len(placed) or not positioned.any():
        return rows
    points = np.unique(np.round(np.column_stack([lat[placed], lng[placed]]), 3), axis=0)
    near = within_km(lat[rows[positioned]][:, None], lng[rows[positioned]][:, None], points[None, :, 0], points[None, :, 1],
                     LOOK_ALIKE_KM).any(axis=1)
    kept = ~positioned
    kept[np.flatnonzero(positioned)[near]] = True
    return rows[kept]
