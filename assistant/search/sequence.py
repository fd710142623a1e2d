"""Before/after: reward moments that have the described earlier (or later) moment the same day."""

from __future__ import annotations

import numpy as np

from ..library import Library
from ..models import ClipEncoder
from ..query import ParsedQuery
from .scoring import Scorer

# Before/after: an "after X" moment must have X earlier the same local day, within this many hours.
SEQUENCE_WINDOW_HOURS = 12.0
SEQUENCE_WEIGHT = 1.5  # at most this many standard deviations for a matching earlier/later moment
SEQUENCE_MATCH_Z = 2.0  # CLIP says a photo shows X when X's z-score reaches this


def sequence_bonus(library: Library, encoder: ClipEncoder | None, query: ParsedQuery, rows: np.ndarray) -> np.ndarray:
    """Reward candidates that have an "after X" moment shortly before them (or a "before Y" after them).

    X and Y are scored over the whole library (they need not pass the main constraints). A photo shows X
    when CLIP singles it out (z >= SEQUENCE_MATCH_Z) or its words hold at least half of what the clause says
    (idf-weighted); the reward grows with the strength of that match.
    """
    everywhere = Scorer(library, encoder, np.arange(len(library)))
    utc = library.utc_seconds
    day = library.local_seconds // 86400
    bonus = np.zeros(len(rows), dtype=np.float32)
    for clauses, earlier in ((query.preceded_by, True), (query.followed_by, False)):
        for clause in clauses:
            strength = np.zeros(len(library), dtype=np.float32)
            if everywhere.has_clip:
                strength = np.maximum(strength, everywhere.clip_z(encoder.encode_text(clause)) / (2 * SEQUENCE_MATCH_Z))
            if everywhere.has_text:
                strength = np.maximum(strength, everywhere.text_scores(clause))
            if everywhere.sentence_model is not None:
                strength = np.maximum(strength, everywhere.semantic_z(clause) / (2 * SEQUENCE_MATCH_Z))
            hits = np.flatnonzero(strength >= 0.5)
            if not len(hits):
                continue
            hit_times = utc[hits]  # ascending: rows are in time order
            at = np.searchsorted(hit_times, utc[rows], side="left" if earlier else "right")
            valid = (at > 0) if earlier else (at < len(hits))
            other = hits[np.clip(at - 1 if earlier else at, 0, len(hits) - 1)]
            gap = np.abs(utc[rows] - utc[other])
            valid &= (gap <= SEQUENCE_WINDOW_HOURS * 3600) & (day[other] == day[rows]) & (other != rows)
            bonus += np.where(valid, SEQUENCE_WEIGHT * np.clip(strength[other], 0, 1), 0).astype(np.float32)
    return bonus
