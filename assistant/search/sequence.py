"""Sequences: reward moments that have the parts told before them, and after them, in that order, close in time."""

from __future__ import annotations

import numpy as np

from ..library import Library
from ..models import ClipEncoder
from ..query import ParsedQuery
from .candidates import candidate_scorer

SEQUENCE_WEIGHT = 1.5  # at most this many standard deviations for each part found in its place
SEQUENCE_MATCH_Z = 2.0  # CLIP says a photo shows X when X's z-score reaches this
# A window this long or longer ("later that day") keeps the parts on the moment's own local day.
SAME_DAY_HOURS = 12.0
# In a library with a vector index, X is looked for among this many candidates (CLIP's and the words'):
# the moments that show X best, not every one of them over years.
SEQUENCE_POOL = 5000


def sequence_bonus(library: Library, encoder: ClipEncoder | None, query: ParsedQuery, rows: np.ndarray) -> np.ndarray:
    """Reward candidates by the parts of the sequence found in the order told around them.

    From the moment, the parts told after it are looked for one after another: each is the nearest photo showing it
    after the part before (the moment, for the first), at most the query's window later; the parts told before it
    likewise, backwards. A part not found in its place adds nothing, and the next part is looked for after the
    last one found: "coffee, then the bus" ranks a café with the bus half an hour later above one with the bus before.
    """
    utc, local = library.utc_seconds, library.local_seconds
    window = query.sequence_window_hours * 3600
    same_day = query.sequence_window_hours >= SAME_DAY_HOURS
    bonus = np.zeros(len(rows), dtype=np.float32)
    for parts, later in ((query.followed_by, True), (tuple(reversed(query.preceded_by)), False)):
        reached = utc[rows]  # where the chain has got to, per candidate
        for part in parts:
            hits, strength = _part_hits(library, encoder, part)
            if not len(hits):
                continue
            hit_times = utc[hits]  # ascending: rows are in time order
            at = np.searchsorted(hit_times, reached, side="right" if later else "left")
            found = (at < len(hits)) if later else (at > 0)
            nearest = np.clip(at if later else at - 1, 0, len(hits) - 1)
            found &= np.abs(hit_times[nearest] - reached) <= window
            if same_day:
                found &= local[hits[nearest]] // 86400 == local[rows] // 86400
            bonus += np.where(found, SEQUENCE_WEIGHT * np.clip(strength[nearest], 0, 1), 0).astype(np.float32)
            reached = np.where(found, hit_times[nearest], reached)
    return bonus


def _part_hits(library: Library, encoder: ClipEncoder | None, part: str) -> tuple[np.ndarray, np.ndarray]:
    """The photos that show a part (ascending rows) and how strongly, scored over the whole library (or over a pool
    of SEQUENCE_POOL candidates with a vector index): CLIP singles it out (z >= SEQUENCE_MATCH_Z), or the photo's words
    hold at least half of what the part says (idf-weighted), or the sentence model finds its meaning."""
    has_clip = encoder is not None and library.embeddings is not None
    vector = encoder.encode_text(part) if has_clip else None
    scorer = candidate_scorer(library, encoder, vector, part, None, SEQUENCE_POOL)
    strength = np.zeros(len(scorer.rows), dtype=np.float32)
    if vector is not None:
        strength = np.maximum(strength, scorer.clip_z(vector) / (2 * SEQUENCE_MATCH_Z))
    if scorer.has_text:
        strength = np.maximum(strength, scorer.text_scores(part))
    if scorer.sentence_model is not None:
        strength = np.maximum(strength, scorer.semantic_z(part) / (2 * SEQUENCE_MATCH_Z))
    shows = strength >= 0.5
    return scorer.rows[shows], strength[shows]
