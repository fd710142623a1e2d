"""Finding moments: filter by time and place, rank by CLIP and the text channel, group into events.

One entry point, `search`, serves the CLI, the app and notebooks. Everything over the photo collection
is vectorised: masks over stored columns, one fp16 matrix-vector product, sparse BM25 columns.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypedDict

import numpy as np

from .library import Library, PhotoRecord
from .models import ClipEncoder, ModelNotAvailable, SentenceEncoder, shared_sentence_model
from .query import ParsedQuery, PlaceConstraints, TimeConstraints, parse_query
from .query.online import NominatimGeocoder

# Fusion: CLIP similarities are standardised over the candidates (z-scores); a caption that matches every
# query word adds up to TEXT_WEIGHT standard deviations. Captions are exact when they match, CLIP is broad.
TEXT_WEIGHT = 3.0
# Photo words that are unusually close in meaning to the description (sentence-model z-score over the
# candidates, positive part) add this much per standard deviation, as CLIP's z-score does.
SEMANTIC_WEIGHT = 1.0
# Relevance feedback (Rocchio): query = text + LIKE_WEIGHT * mean(liked) - UNLIKE_WEIGHT * mean(unliked).
LIKE_WEIGHT, UNLIKE_WEIGHT = 0.8, 0.5
# A photo this close to a rejected one is a near-duplicate of it and sinks.
NEAR_DUPLICATE_COSINE = 0.9
# Before/after: an "after X" moment must have X earlier the same local day, within this many hours.
SEQUENCE_WINDOW_HOURS = 12.0
SEQUENCE_WEIGHT = 1.5  # at most this many standard deviations for a matching earlier/later moment
SEQUENCE_MATCH_Z = 2.0  # CLIP says a photo shows X when X's z-score reaches this
# With a bf16 scoring matrix, this many best candidates per query are rescored exactly from fp16.
EXACT_RESCORE = 4096
# Relaxation hints are offered when fewer photos than this pass the constraints.
FEW_RESULTS = 5


class PhotoHit(PhotoRecord):
    score: float


class EventHit(TypedDict):
    event_id: int
    score: float
    best: PhotoHit
    start_time: str  # local wall-clock of the event's first photo
    end_time: str
    place: str
    photo_count: int  # photos in the whole event
    matching_ids: list[str]  # the event's best-scoring photos among the results, best first


@dataclass(frozen=True)
class RelaxationHint:
    """One change to the constraints and how many photos would then match."""

    label: str  # "without the place", "with December 2019 instead of November 2019"
    count: int
    query: ParsedQuery  # the relaxed query, ready to run

    def to_dict(self) -> dict:
        return {"label": self.label, "count": self.count}


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""  # a remembered moment, parsed into constraints and a visual description
    query: ParsedQuery | None = None  # already parsed (the chat passes its merged query); overrides text
    example_image: Path | None = None  # query by example: any image file, or a photo of the library
    example_id: str | None = None  # query by example: a library photo's id (it comes first)
    vector: np.ndarray | None = None  # a ready CLIP query vector (notebooks, benchmarks); combined like an example
    like_ids: tuple[str, ...] = ()  # "more like these"
    unlike_ids: tuple[str, ...] = ()  # "not like that": pushes it and its near-duplicates down
    exclude_ids: tuple[str, ...] = ()  # never return these
    top_k: int = 20
    group_events: bool = True


@dataclass
class SearchResult:
    query: ParsedQuery | None
    photos: list[PhotoHit]  # ranked, ungrouped
    events: list[EventHit]  # the same ranking grouped into moments (empty when not grouped)
    matched: int  # photos that pass the time and place constraints
    channels: list[str]  # "clip", "example", "text" (photo words), "meaning" (their sentence vectors)
    notices: list[str] = field(default_factory=list)
    hints: list[RelaxationHint] = field(default_factory=list)

    @property
    def constraints(self) -> list[str]:
        """Chip labels of the constraints applied."""
        return self.query.chips() if self.query is not None else []

    def to_dict(self) -> dict:
        return {
            "query": self.query.to_dict() if self.query else None,
            "constraints": self.constraints,
            "matched": self.matched,
            "channels": self.channels,
            "notices": self.notices,
            "hints": [hint.to_dict() for hint in self.hints],
            "events": self.events,
            "photos": self.photos,
        }


class SearchError(ValueError):
    """A search that cannot run as asked; the message says what to change."""


def parse_for_library(library: Library, text: str, geocoder: NominatimGeocoder | None = None) -> ParsedQuery:
    """Parse with the library's own places and its last photo as 'now' (and online places when given a geocoder)."""
    return parse_query(
        text, now=library.last_local_time(), places=library.places, concepts=library.concept_labels, geocoder=geocoder
    )


def _term_masks(library: Library, query: ParsedQuery | None) -> list[np.ndarray]:
    if query is None:
        return []
    masks = [term.mask(library.local_seconds) for term in query.time.terms]
    masks += [term.mask(library.lat, library.lng, library.country_code) for term in query.place.terms]
    index = library.concept_index
    masks += [term.mask(index) if index is not None else np.zeros(len(library), bool) for term in query.concepts]
    return masks


def constraint_mask(library: Library, query: ParsedQuery | None) -> np.ndarray:
    """Which photos pass all of the query's time, place and concept constraints (vectorised over the library)."""
    mask = np.ones(len(library), dtype=bool)
    for term_mask in _term_masks(library, query):
        mask &= term_mask
    return mask


def similarity(library: Library, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Cosine of every (or the given) library photo with a unit vector.

    Scored through the library's fast matrix; when that is bf16 (about 3 significant digits), the best
    EXACT_RESCORE candidates are scored again from the stored fp16 embeddings, so the ranking at the top
    is exact while the rest only feeds the score statistics.
    """
    import torch

    matrix = library.embedding_matrix
    scores = _cosines(matrix, vector, rows)
    if matrix.dtype != torch.bfloat16:
        return scores
    best = np.argpartition(-scores, EXACT_RESCORE - 1)[:EXACT_RESCORE] if len(scores) > EXACT_RESCORE else np.arange(len(scores))
    exact = torch.from_numpy(library.stored_vectors(best if rows is None else np.asarray(rows)[best]))
    # torch, not numpy: numpy's BLAS threads would spin against torch's on a small machine
    scores[best] = (exact @ torch.from_numpy(np.asarray(vector, dtype=np.float32))).numpy()
    return scores


def _cosines(matrix, vector: np.ndarray, rows: np.ndarray | None) -> np.ndarray:
    import torch

    query = torch.from_numpy(np.asarray(vector, dtype=np.float32)).to(matrix.dtype)
    if rows is not None:
        matrix = matrix.index_select(0, torch.from_numpy(np.asarray(rows, dtype=np.int64)))
    return (matrix @ query).float().numpy()


def _stored_vectors(library: Library, ids: tuple[str, ...]) -> tuple[np.ndarray, list[int]]:
    rows = []
    for image_id in ids:
        row = library.row_of(image_id)
        if row is None:
            raise SearchError(f"no photo {image_id!r} in this library")
        rows.append(row)
    usable = [row for row in rows if library.embeddings is not None and library.embedded[row]]
    vectors = library.stored_vectors(usable) if usable else np.zeros((0, 1), np.float32)
    return vectors, rows


def _example_vector(library: Library, encoder: ClipEncoder | None, image: Path) -> tuple[np.ndarray, int | None]:
    row = library.row_of_path(image)
    if row is not None and library.embeddings is not None and library.embedded[row]:
        return np.asarray(library.embeddings[row], dtype=np.float32), row
    if encoder is None:
        raise SearchError("searching by a photo outside the library needs the CLIP model; pass --model")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image) as opened:
            return encoder.encode_images([opened])[0], row
    except (OSError, UnidentifiedImageError) as error:
        raise SearchError(f"cannot read {image}: {error}") from error


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


@dataclass
class _Scorer:
    """Scores texts against a candidate set through both channels, fused on one scale."""

    library: Library
    encoder: ClipEncoder | None
    rows: np.ndarray  # candidate rows, ascending
    everything: bool  # rows is the whole library (skip the gather)

    @property
    def has_clip(self) -> bool:
        return self.encoder is not None and self.library.embeddings is not None

    @property
    def has_text(self) -> bool:
        index = self.library.text_index
        return index is not None and not index.is_empty

    def clip_z(self, vector: np.ndarray) -> np.ndarray:
        scores = similarity(self.library, vector, None if self.everything else self.rows)
        embedded = self.library.embedded[self.rows]
        if not embedded.all():
            scores = np.where(embedded, scores, np.nan)
        mean, spread = np.nanmean(scores), np.nanstd(scores)
        z = (scores - mean) / max(float(spread), 1e-6)
        return np.nan_to_num(z, nan=0.0).astype(np.float32)

    @cached_property
    def sentence_model(self) -> SentenceEncoder | None:
        """The library's sentence model, when its photo words were embedded and the model loads here."""
        if self.library.text_model is None or self.library.text_embeddings is None:
            return None
        try:
            return shared_sentence_model(self.library.text_model)
        except ModelNotAvailable:
            return None

    def semantic_z(self, text: str) -> np.ndarray:
        """How much closer in meaning than usual each candidate's words are to the text (z-score, >= 0)."""
        scores = _cosines(self.library.text_embeddings, self.sentence_model.encode_text(text), None if self.everything else self.rows)
        has_words = scores != 0  # photos without words have zero vectors
        if not has_words.any():
            return np.zeros(len(scores), dtype=np.float32)
        mean, spread = scores[has_words].mean(), scores[has_words].std()
        z = np.where(has_words, (scores - mean) / max(float(spread), 1e-6), 0.0)
        return np.clip(z, 0.0, None).astype(np.float32)

    def word_scores(self, text: str) -> np.ndarray:
        """The text channel fused: exact words (BM25) plus, when available, words close in meaning."""
        total = np.zeros(len(self.rows), dtype=np.float32)
        if self.has_text:
            total += TEXT_WEIGHT * self.text_scores(text)
        if self.sentence_model is not None:
            total += SEMANTIC_WEIGHT * self.semantic_z(text)
        return total

    def text_scores(self, text: str) -> np.ndarray:
        """BM25 scaled to 0..1 by the best possible match for this query (every word found)."""
        scores = self.library.text_index.scores(text, None if self.everything else self.rows)
        top = float(scores.max()) if len(scores) else 0.0
        return scores / top if top > 0 else scores

    def fused(self, text: str, clip_vector: np.ndarray | None = None) -> np.ndarray:
        """CLIP z-score plus the text channel's evidence, for a description (or a prepared vector)."""
        total = np.zeros(len(self.rows), dtype=np.float32)
        if clip_vector is not None:
            total += self.clip_z(clip_vector)
        elif self.has_clip and text.strip():
            total += self.clip_z(self.encoder.encode_text(text))
        if text.strip():
            total += self.word_scores(text)
        return total


def search(
    library: Library, encoder: ClipEncoder | None, request: SearchRequest, geocoder: NominatimGeocoder | None = None
) -> SearchResult:
    """Run one search: constraints filter exactly, then both channels rank what passes.

    geocoder: the online fallback for place names (`--online-places`); while it cannot reach Nominatim
    the result's notices say so.
    """
    if request.top_k < 1:
        raise SearchError("top_k must be at least 1")
    query = request.query
    if query is None and request.text.strip():
        query = parse_for_library(library, request.text, geocoder)
    term_masks = _term_masks(library, query)
    mask = np.ones(len(library), dtype=bool)
    for term_mask in term_masks:
        mask &= term_mask
    matched = int(mask.sum())
    hints = _relaxation_hints(library, query, term_masks) if matched < FEW_RESULTS and term_masks else []
    excluded = [library.row_of(image_id) for image_id in request.exclude_ids + request.unlike_ids]
    mask[[row for row in excluded if row is not None]] = False
    rows = np.flatnonzero(mask)
    scorer = _Scorer(library, encoder, rows, everything=len(rows) == len(library))

    visual = query.visual.strip() if query is not None else ""
    vector, pinned_row, channels, notices = _clip_query_vector(library, encoder, request, visual, scorer)
    scores = np.zeros(len(rows), dtype=np.float32)
    if vector is not None and len(rows):
        scores += scorer.clip_z(vector)
    if visual and (scorer.has_text or scorer.sentence_model is not None):
        scores += scorer.word_scores(visual)
        channels.append("text")
        if scorer.sentence_model is not None:
            channels.append("meaning")
    if visual and library.text_model and scorer.sentence_model is None:
        notices.append(f"sentence model {library.text_model} not available: photo words are matched exactly only")
    if visual and not channels:
        notices.append("nothing to rank by: no CLIP model and no captions; results are in time order")
    if geocoder is not None and geocoder.unreachable:
        notices.append(geocoder.unreachable)
    scores = _apply_feedback(library, request, rows, scores)
    if query is not None and len(rows) and (query.preceded_by or query.followed_by):
        scores += _sequence_bonus(library, encoder, query, rows)
    if pinned_row is not None and len(rows):
        position = np.searchsorted(rows, pinned_row)
        if position < len(rows) and rows[position] == pinned_row:
            others = np.delete(scores, position)
            scores[position] = (others.max() if len(others) else 0.0) + 1.0  # the example itself comes first

    ranked = _top(scores, request.top_k if not request.group_events else max(request.top_k * 20, 200))
    shown = ranked[: request.top_k]
    photos = [PhotoHit(**record, score=float(scores[i])) for record, i in zip(library.records(rows[shown]), shown)]
    events = _group_events(library, rows, scores, ranked, request.top_k) if request.group_events else []
    return SearchResult(query, photos, events, matched, channels, notices, hints)


def _clip_query_vector(library: Library, encoder, request: SearchRequest, visual: str, scorer: "_Scorer"):
    """The CLIP query vector (description, example, liked and unliked photos combined, Rocchio-style).

    Returns (vector or None, row to pin first or None, channels used, notices for the user).
    """
    channels: list[str] = []
    notices: list[str] = []
    pinned_row = None
    parts = []
    if request.example_image is not None:
        example, pinned_row = _example_vector(library, encoder, Path(request.example_image))
        parts.append(example)
    if request.example_id is not None:
        example, example_rows = _stored_vectors(library, (request.example_id,))
        if not len(example):
            raise SearchError(f"photo {request.example_id!r} has no CLIP embedding yet: run 'lifelog index' with a model")
        parts.append(example[0])
        pinned_row = example_rows[0]
    if request.vector is not None:
        parts.append(_unit(np.asarray(request.vector, dtype=np.float32)))
    if request.like_ids:
        if library.embeddings is None:
            raise SearchError("this library has no CLIP embeddings: run 'lifelog index' with a model to search by example")
        liked, liked_rows = _stored_vectors(library, request.like_ids)
        if len(liked):
            parts.append(liked.mean(axis=0) * (LIKE_WEIGHT if visual or parts else 1.0))
        if pinned_row is None and len(liked_rows) == 1 and not visual:
            pinned_row = liked_rows[0]
    if parts:
        channels.append("example")
    if visual and scorer.has_clip:
        parts.insert(0, encoder.encode_text(visual))
        channels.insert(0, "clip")
    elif visual and encoder is None and library.embeddings is not None:
        notices.append("CLIP model not available: ranked by captions only")
    if not parts:
        return None, pinned_row, channels, notices
    vector = _unit(np.sum(parts, axis=0))
    if request.unlike_ids and library.embeddings is not None:
        unliked, _ = _stored_vectors(library, request.unlike_ids)
        if len(unliked):
            vector = _unit(vector - UNLIKE_WEIGHT * unliked.mean(axis=0))
    return vector, pinned_row, channels, notices


def _apply_feedback(library: Library, request: SearchRequest, rows: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Sink near-duplicates of rejected photos (Rocchio alone only nudges them)."""
    if not request.unlike_ids or library.embeddings is None or not len(rows):
        return scores
    unliked, _ = _stored_vectors(library, request.unlike_ids)
    closeness = np.max([similarity(library, vector, rows) for vector in unliked], axis=0) if len(unliked) else None
    if closeness is None:
        return scores
    penalty = np.clip((closeness - NEAR_DUPLICATE_COSINE) / (1 - NEAR_DUPLICATE_COSINE), 0, 1) * 10.0
    return scores - penalty.astype(np.float32)


def _sequence_bonus(library: Library, encoder, query: ParsedQuery, rows: np.ndarray) -> np.ndarray:
    """Reward candidates that have an "after X" moment shortly before them (or a "before Y" after them).

    X and Y are scored over the whole library (they need not pass the main constraints). A photo shows X
    when CLIP singles it out (z >= SEQUENCE_MATCH_Z) or its words match at least half as well as the best
    caption does; the reward grows with the strength of that match.
    """
    everywhere = _Scorer(library, encoder, np.arange(len(library)), everything=True)
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


def _relaxation_hints(library: Library, query: ParsedQuery, term_masks: list[np.ndarray]) -> list[RelaxationHint]:
    """For few or no matches: how many photos match if one constraint is dropped or moved to a neighbour."""
    hints: list[RelaxationHint] = []
    time_terms, place_terms = list(query.time.terms), list(query.place.terms)
    everything = np.ones(len(library), dtype=bool)

    def all_but(skipped: int) -> np.ndarray:
        others = everything.copy()
        for other_index, other_mask in enumerate(term_masks):
            if other_index != skipped:
                others &= other_mask
        return others

    for index, term in enumerate(time_terms + place_terms):
        others = all_but(index)
        if index < len(time_terms):
            kept = tuple(t for t in time_terms if t is not term)
            relaxed = dataclasses.replace(query, time=TimeConstraints(terms=kept))
            noun = "the time" if len(time_terms) == 1 else f"'{term.label}'"
            hints.append(RelaxationHint(f"without {noun}", int(others.sum()), relaxed))
            for neighbour in term.neighbours():
                moved = dataclasses.replace(query, time=TimeConstraints(terms=tuple(neighbour if t is term else t for t in time_terms)))
                count = int((others & neighbour.mask(library.local_seconds)).sum())
                hints.append(RelaxationHint(f"with {neighbour.label} instead of {term.label}", count, moved))
        else:
            kept = tuple(t for t in place_terms if t is not term)
            relaxed = dataclasses.replace(query, place=PlaceConstraints(terms=kept))
            noun = "the place" if len(place_terms) == 1 else f"'{term.label}'"
            hints.append(RelaxationHint(f"without {noun}", int(others.sum()), relaxed))
    offset = len(time_terms) + len(place_terms)
    for index, term in enumerate(query.concepts):
        relaxed = dataclasses.replace(query, concepts=tuple(t for t in query.concepts if t is not term))
        hints.append(RelaxationHint(f"without '{term.chip}'", int(all_but(offset + index).sum()), relaxed))
    useful = [hint for hint in hints if hint.count > 0]
    return sorted(useful, key=lambda hint: -hint.count)[:4]


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best scores, best first; ties keep time order."""
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]


def _group_events(library: Library, rows: np.ndarray, scores: np.ndarray, ranked: np.ndarray, k: int) -> list[EventHit]:
    """The k best events: an event ranks by its best photo; the candidates are scanned best first."""
    event_ids = library.event_ids
    if len(ranked) < len(rows):
        seen_events = np.unique(event_ids[rows[ranked]])
        if len(seen_events) < k:  # the scan window held too few distinct events: rank everything
            ranked = _top(scores, len(rows))
    events: dict[int, list[int]] = {}
    for position in ranked:
        event = int(event_ids[rows[position]])
        if event not in events:
            if len(events) == k:
                continue
            events[event] = []
        if len(events[event]) < 6:
            events[event].append(int(position))
    hits = []
    best_records = library.records(rows[[positions[0] for positions in events.values()]])
    matching = iter(library.image_ids(rows[[p for positions in events.values() for p in positions]]))
    for (event, positions), record in zip(events.items(), best_records):
        first, last = library.event_span(event)
        best = positions[0]
        hits.append(
            EventHit(
                event_id=event,
                score=float(scores[best]),
                best=PhotoHit(**record, score=float(scores[best])),
                start_time=library.local_time_iso(first),
                end_time=library.local_time_iso(last),
                place=library.event_place(event),
                photo_count=last - first + 1,
                matching_ids=[next(matching) for _ in positions],
            )
        )
    return hits


def context(library: Library, image_id: str, *, minutes: float | None = 15, whole_event: bool = False) -> list[PhotoRecord]:
    """The photos around a photo, in time order: within ±minutes, or its whole event."""
    row = library.row_of(image_id)
    if row is None:
        raise SearchError(f"no photo {image_id!r} in this library")
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
    row = library.row_of(image_id)
    if row is None:
        raise SearchError(f"no photo {image_id!r} in this library")
    event = int(library.event_ids[row])
    day = library.local_seconds[row] // 86400
    events: list[EventHit] = []
    step = -1 if direction == "before" else 1
    other = event + step
    while len(events) < limit and 0 <= other <= int(library.event_ids[-1]):
        first, last = library.event_span(other)
        if first > last:
            other += step
            continue
        if library.local_seconds[last if direction == "before" else first] // 86400 != day:
            break  # the nearest end of that event is on another day
        middle = (first + last) // 2
        record = library.record(middle)
        events.append(
            EventHit(
                event_id=other, score=0.0, best=PhotoHit(**record, score=0.0),
                start_time=library.local_time_iso(first), end_time=library.local_time_iso(last),
                place=library.event_place(other), photo_count=last - first + 1, matching_ids=[record["image_id"]],
            )
        )
        other += step
    return sorted(events, key=lambda hit: hit["start_time"])
