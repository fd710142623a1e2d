"""Finding moments: filter by time and place, rank by CLIP and the text channel, group into events.

One entry point, `search`, serves the CLI, the app and notebooks. Everything over the photo collection
is vectorised: masks over stored columns, one matrix-vector product, sparse BM25 columns. A library with
a vector index is ranked on a pool of candidates instead (candidates.py); the steps are the same.
"""

from __future__ import annotations

import numpy as np

from ..library import Library
from ..models import ClipEncoder
from ..query import ParsedQuery, QueryContext
from .candidates import candidate_scorer, pool_size
from .events import group_events
from .feedback import clip_query_vector, sink_near_duplicates
from .filters import admitted_rows, term_masks
from .near_misses import near_misses
from .relaxation import FEW_RESULTS, relaxation_hints
from .results import PhotoHit, SearchError, SearchRequest, SearchResult, photo_row
from .sequence import sequence_bonus
from .stored import top_positions

# A photo whose time is approximate (a file date, or a zone guessed from --home-timezone) cannot be checked
# against a time filter: it is kept, but ranks this much lower than an equal photo whose time is known.
UNCERTAIN_TIME_PENALTY = 2.0


def _missing_parts(library: Library, query, context: QueryContext | None, visual: str, channels: list, no_sentence_model: bool
                   ) -> list[str]:
    """What this search had to do without, said: a sentence model, any channel, an event the time hangs on, the network."""
    notices = []
    if visual and library.text_model and no_sentence_model:
        notices.append(f"sentence model {library.text_model} not available: photo words are matched exactly only")
    if visual and not channels:
        notices.append("nothing to rank by: no CLIP model and no captions; results are in time order")
    if query is not None:  # the rest of the memory is searched over every date
        notices += [f"I found no {event}; searching all dates" for event in query.unfound_events]
    if context is not None and context.offline_notice():
        notices.append(context.offline_notice())
    return notices


def search(
    library: Library, encoder: ClipEncoder | None, request: SearchRequest, context: QueryContext | None = None
) -> SearchResult:
    """Run one search: constraints filter exactly, then both channels rank what passes.

    context: what the request's text is parsed against (default: `QueryContext.of(library)`); while its online
    geocoder (`--online-places`) cannot reach Nominatim, the result's notices say so.
    """
    if request.top_k < 1:
        raise SearchError("top_k must be at least 1")
    query = request.query
    if query is None and request.text.strip():
        context = context or QueryContext.of(library)
        query = context.parse(request.text)
    # never shown (unknown ids refused)
    excluded = np.array([photo_row(library, image_id) for image_id in request.exclude_ids + request.unlike_ids], np.int64)
    allowed = admitted_rows(library, query)  # None: every photo passes (no mask as long as the library is made)
    matched = len(library) if allowed is None else len(allowed)
    uncertain, hints = None, []
    if allowed is not None and (matched < FEW_RESULTS or (query.time.terms and library.time_approx.any())):
        masks = term_masks(library, query)  # each constraint over every photo: for hints, and approximate times
        hints = relaxation_hints(library, query, masks) if matched < FEW_RESULTS else []
        uncertain = _uncertain_times(library, query, masks)
        uncertain[allowed] = False
        allowed = np.union1d(allowed, np.flatnonzero(uncertain))

    visual = query.visual.strip() if query is not None else ""
    language = query.language if query is not None else "en"
    vector, pinned_row, channels, notices = clip_query_vector(library, encoder, request, visual, language)
    scorer = candidate_scorer(library, encoder, vector, visual, allowed, pool_size(request.top_k), excluded, pinned_row)
    rows = scorer.rows
    relevance = scorer.relevance(vector, visual)
    scores, channels = relevance.scores, channels + relevance.channels
    # which candidates show what was described (or the example); None: nothing was, the filters are the request
    described = relevance.described if visual or vector is not None else None
    notices += _missing_parts(library, query, context, visual, channels, scorer.sentence_model is None)
    if uncertain is not None and uncertain.any():
        scores -= UNCERTAIN_TIME_PENALTY * uncertain[rows]
        notices.append(
            f"{int(uncertain.sum())} photos with approximate times (file dates or a guessed time zone) fit everything "
            "but the time, which cannot be checked for them: they are shown, ranked lower"
        )
    scores = sink_near_duplicates(library, request, rows, scores)
    if query is not None and len(rows) and (query.preceded_by or query.followed_by):
        scores += sequence_bonus(library, encoder, query, rows)
    if pinned_row is not None and len(rows):
        _pin_first(rows, scores, described, pinned_row)

    ranked = top_positions(scores, request.top_k if not request.group_events else max(request.top_k * 20, 200))
    shown = ranked[: request.top_k]
    photos = [PhotoHit(**record, score=score) for record, score in zip(library.records(rows[shown]), scores[shown].tolist())]
    events = group_events(library, rows, scores, ranked, request.top_k, described) if request.group_events else []
    near = near_misses(library, encoder, query, vector, visual, allowed, excluded, request.top_k, relevance) if query is not None else None
    return SearchResult(query, photos, events, matched, channels, notices, hints, near)


def _pin_first(rows: np.ndarray, scores: np.ndarray, described: np.ndarray | None, pinned_row: int) -> None:
    """The example photo itself first, and shown as what was asked for whatever the description's cut-off says."""
    position = np.searchsorted(rows, pinned_row)
    if position < len(rows) and rows[position] == pinned_row:
        others = np.delete(scores, position)
        scores[position] = (others.max() if len(others) else 0.0) + 1.0
        if described is not None:
            described[position] = True


def _uncertain_times(library: Library, query: ParsedQuery, masks: list[np.ndarray]) -> np.ndarray:
    """Photos with approximate times that every constraint but the time ones admits (none without time terms)."""
    time_terms = len(query.time.terms)
    if not time_terms:
        return np.zeros(len(library), dtype=bool)
    uncertain = library.time_approx.copy()
    for other in masks[time_terms:]:
        uncertain &= other
    return uncertain
