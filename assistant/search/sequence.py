"""Before/after: reward moments that have the described earlier (or later) moment the same day."""

from __future__ import annotations

import numpy as np

from ..library import Library
from ..models import ClipEncoder
from ..query import ParsedQuery
from .candidates import candidate_scorer

# Before/after: an "after X" moment must have X earlier the same local day, within this many hours.
SEQUENCE_WINDOW_HOURS = 12.0
SEQUENCE_WEIGHT = 1.5  # at most this many standard deviations for a matching earlier/later moment
SEQUENCE_MATCH_Z = 2.0  # CLIP says a photo shows X when X's z-score reaches this
# In a library with a vector index, X is looked for among this many candidates (CLIP's and the words'):
# the moments that show X best, not every one of them over years.
SEQUENCE_POOL = 5000


def sequence_bonus(library: Library, encoder: ClipEncoder | None, query: ParsedQuery, rows: np.ndarray) -> np.ndarray:
    """Reward candidates that have an "after X" moment shortly before them (or a "before Y" after them).

    X and Y are scored over the whole library (they need not pass the main constraints), or over a pool of
    SEQUENCE_POOL candidates for them in a library with a vector index. A photo shows X when CLIP singles
    it out (z >= SEQUENCE_MATCH_Z) or its words hold at least half of what the clause says (idf-weighted);
    the reward grows with the strength of that match.
    """
    utc = library.utc_seconds
    local = library.local_seconds
    has_clip = encoder is not None and library.embeddings is not None
    bonus = np.zeros(len(rows), dtype=np.float32)
    for clauses, earlier in ((query.preceded_by, True), (query.followed_by, False)):
        for clause in clauses:
            vector = encoder.encode_text(clause) if has_clip else None
            scorer = candidate_scorer(library, encoder, vector, clause, None, SEQUENCE_POOL)
            strength = np.zeros(len(scorer.rows), dtype=np.float32)
            if vector is not None:
                strength = np.maximum(strength, scorer.clip_z(vector) / (2 * SEQUENCE_MATCH_Z))
            if scorer.has_text:
                strength = np.maximum(strength, scorer.text_scores(clause))
            if scorer.sentence_model is not None:
                strength = np.maximum(strength, scorer.semantic_z(clause) / (2 * SEQUENCE_MATCH_Z))
            shows = strength >= 0.5
            hits, hit_strength = scorer.rows[shows], strength[shows]
            if not len(hits):
                continue
            hit_times = utc[hits]  # ascending: rows are in time order
            at = np.searchsorted(hit_times, utc[rows], side="left" if earlier else "right")
            valid = (at > 0) if earlier else (at < len(hits))
            nearest = np.clip(at - 1 if earlier else at, 0, len(hits) - 1)
            other = hits[nearest]
            gap = np.abs(utc[rows] - utc[other])
            valid &= (gap <= SEQUENCE_WINDOW_HOURS * 3600) & (local[other] // 86400 == local[rows] // 86400) & (other != rows)
            bonus += np.where(valid, SEQUENCE_WEIGHT * np.clip(hit_strength[nearest], 0, 1), 0).astype(np.float32)
    return bonus
