"""Which photos a search scores: every one that passes the filters in a small library, a pool in a large one.

A library with a vector index is searched on a pool: the index's candidates for the CLIP query (rescored
exactly), the photos whose words best match the description (and CLIP's best among those that match when
more do than the pool holds; all of them when there is no CLIP vector), and the example photo. A photo
outside the pool is not scored at all: its CLIP score is below the pool's lowest (the index's promise)
and its words match worse, so it could not have ranked above the pool. Everything after (fusion,
penalties, events) runs on the candidates alone, whichever way they were chosen.
"""

from __future__ import annotations

import numpy as np

from ..library import Library
from ..models import ClipEncoder
from .scoring import Scorer
from .stored import among, top_positions, vector_index

# Candidates the index gives per query (and best word matches taken): 20 per result shown, as the event
# grouping scans, and never fewer than POOL_MIN, so a few results still have a fair field.
POOL_PER_RESULT = 20
POOL_MIN = 500


def pool_size(top_k: int) -> int:
    return max(top_k * POOL_PER_RESULT, POOL_MIN)


def candidate_scorer(
    library: Library, encoder: ClipEncoder | None, vector: np.ndarray | None, text: str, allowed: np.ndarray | None,
    size: int, excluded: np.ndarray | None = None, pinned_row: int | None = None, *, near_only: bool = False,
) -> Scorer:
    """A scorer over the candidates for a CLIP vector and a description (either may be absent).

    allowed: the ascending rows that pass the filters (None: every row); excluded: rows never to score.
    Without a vector index every allowed row is a candidate, scored exactly as small libraries always were.
    near_only: only allowed rows that could rank with the library's best are wanted (VectorIndex.candidates).
    """
    index = vector_index(library)
    if index is None:
        rows = np.arange(len(library)) if allowed is None else allowed
        return Scorer(library, encoder, _without(rows, excluded))
    parts = []
    # an index hands back k x its oversampling: ask for the k whose exact order matters, so the pool is about `size`
    index_k = max(1, size // getattr(index, "oversample", 1))
    if vector is not None and library.embeddings is not None:
        parts.append(np.asarray(index.candidates(vector, index_k, allowed, near_only=near_only), dtype=np.int64))
    words = library.text_index
    if text and words is not None and not words.is_empty:
        matched, scores = words.matches(text)
        if allowed is not None:
            inside = among(matched, allowed)
            matched, scores = matched[inside], scores[inside]
        if vector is None:  # words are all there is to rank by, and cheap: every match is a candidate
            parts.append(matched)
        else:  # the best matches, and CLIP's best among the rest (a captioner repeats itself: BM25 ties a lot)
            parts.append(matched[top_positions(scores, size)])
            if len(matched) > size:
                parts.append(np.asarray(index.candidates(vector, index_k, matched), dtype=np.int64))
    if vector is None:  # nothing for CLIP to pick by: the full path ranks unmatched photos in time order
        parts.append(allowed[:size] if allowed is not None else np.arange(min(size, len(library)), dtype=np.int64))
    if pinned_row is not None and (allowed is None or among(np.array([pinned_row]), allowed)[0]):
        parts.append(np.array([pinned_row], dtype=np.int64))
    pool = distinct_rows(np.concatenate(parts)) if parts else np.zeros(0, np.int64)
    # the index hands back every allowed row when they are few: then they are scored as a small library's are
    covers_all = allowed is not None and len(pool) == len(allowed)
    # rows near the query rank with the library's best: the library's statistics are theirs (and already read)
    population = None if near_only else allowed
    return Scorer(library, encoder, _without(pool, excluded), pooled=not covers_all, population=population)


def distinct_rows(rows: np.ndarray) -> np.ndarray:
    """The rows ascending, each once. A stable sort, not np.unique: a filter's rows come in row order
    already, which it sorts in microseconds (np.unique hashes them first: a millisecond for a month's)."""
    rows = np.sort(rows, kind="stable")
    kept = np.ones(len(rows), dtype=bool)
    kept[1:] = rows[1:] != rows[:-1]
    return rows[kept]


def _without(rows: np.ndarray, excluded: np.ndarray | None) -> np.ndarray:
    return rows if excluded is None or not len(excluded) else rows[~np.isin(rows, excluded)]
