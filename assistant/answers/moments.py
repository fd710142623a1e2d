"""All the moments a question is about: its scope (time, place) filters exactly, by the calendar ("last
week" is Monday to Sunday here, though search forgives a few days), and its subject is found by the search
engine's own channels and cut-offs, per word, so that every word is either found or named as not found.

- A word is found exactly when a photo's words (captions, text read, tags, objects) or its place name have
  it (the BM25 index's own words); with the library's sentence model, a word no photo has may be found by
  meaning: the photos whose words stand far out in meaning from the library's other words.
- A visit (a stay) is about the subject when its photos together hold most of the subject's weight (each
  word weighs its rarity in this library, idf), close to the best visit in scope: "dentist's waiting room"
  needs the dentist, not any room; "took my kids to the dentist" needs kids and dentist in the same visit.
- In a diary (a photo or two a visit), a word is also found where the diary says it otherwise: by the words that
  nearly always go with it ("50 lengths" for a swim), and, for shopping and cooking, by the groceries a caption lists
  ("Vic Market: bread and eggs") and the dishes the diary says elsewhere it cooked ("risotto night").
- With no word found at all and a CLIP model, the photos search's CLIP channel puts past the answers' stricter cut
  (search/scoring.py) are weak evidence.
The photos found are ranked by search's fused relevance, so the evidence shown first is what search shows.
"""

from __future__ import annotations

import dataclasses
import re
import weakref
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..core.words import terms
from ..library import Library
from ..query import ParsedQuery
from ..search import candidate_scorer
from ..search.scoring import Scorer
from .categories import SHOPPING_WORDS, grocery_list_rows
from .scope import place_rows_of, scope_mask
from .subject import COOKING_WORDS, MEAL_HOURS, nouns_in, spelled_only
from .word_rows import found_as_parts, photos_with_columns, place_name_photos, word_photos
from .words import PEOPLE, cooked_things
from .work import WORK_WORDS, workplace_photos
from ..library.timeline import Timeline, timeline_of

MATCH_SHARE = 0.5  # a visit must hold at least this share of the subject's weight ...
BELOW_BEST = 0.2  # ... and at most this much less than the best visit in scope
WORD_PHOTOS = 2  # a stay holds a word when this many of its photos have it ...
SHORT_STAY_PHOTOS = 4  # ... or one does, in a stay of fewer photos than this
# A word no photo has is found by meaning only when some of the library's distinct photo words stand out this
# far in meaning from the rest (z); measured with MiniLM on captioner-style words, true meanings stood at
# 3.9-5.2 ("cinema" for "a movie theatre", "exercise" for "lifting weights") and absent ones at 1.9-3.0.
MEANING_FOUND_Z = 3.5
MEANING_BELOW_FOUND = 0.5  # ... and then the photos whose words are at most this much (z) less close are found by it
COMPANION_JACCARD = 0.5  # a word stands in for another when most photos with either have both ...
COMPANION_MIN_PHOTOS = 10  # ... among words with this many photos (fewer say nothing about a habit)
COMPANION_REACH_S = 365 * 86400  # ... and only this near the times the word itself is written
KNOWN_DISH_CAPTIONS = 2  # a dish is known to be cooked when this many different captions say it was made or cooked ...
KNOWN_DISHES_SHOWN = 4  # ... and the answer's why names at most this many of them
CLIP_POOL = 2000  # in a library with a vector index: CLIP's best this many in scope are looked at
OTHERS_SHARE = 0.5  # a stay is someone else's occasion when this share of its photos names other people


@dataclass
class Moments:
    """The photos a question is about (ascending rows) and what the search for them found and missed."""

    rows: np.ndarray
    scope: np.ndarray  # bool per photo: inside the question's time and place
    subject: list[str]  # the content words looked for
    by_meaning: list[str] = field(default_factory=list)  # of those, found only by meaning (the sentence model)
    as_parts: list[str] = field(default_factory=list)  # of those, found as the two words of a compound ("bookshop")
    missing: list[str] = field(default_factory=list)  # found neither way in scope
    elsewhere: dict[str, int] = field(default_factory=dict)  # of those, how many photos outside the scope have each
    by_clip: bool = False  # found by CLIP alone (weak)
    time_covered: bool = True  # the library has photos from the question's time at all
    relevance: np.ndarray | None = None  # search's fused score of each row, for ordering evidence

    in_place_of_subject: bool = False  # no word was found: everything in scope (one venue) is read instead
    as_times_of_day: list[str] = field(default_factory=list)  # meals taken as their hours (no photo names them, or what was had is asked)
    by_place_name: np.ndarray | None = None  # per row: every subject word is in its place's name (GPS-derived, not a captioner's)
    companions: dict[str, list[str]] = field(default_factory=dict)  # words that stand in for a subject word (see _companion_rows)
    as_grocery_lists: list[str] = field(default_factory=list)  # subject words also found as captions listing groceries
    word_hits: np.ndarray | None = None  # per subject word, per row: the row has it
    # per row: some subject word is in the photo's own words (not only its place's name); and the subject words
    # that some photo's own words have, anywhere in the library (so a photo could have said them)
    own_words: np.ndarray | None = None
    said_somewhere: list[str] = field(default_factory=list)

    def thin_words(self, rows: np.ndarray) -> list[str]:
        """The subject words that only one of these rows (a visit's) has: a captioner's slip, or a moment next door."""
        if self.word_hits is None or not len(rows):
            return []
        counts = self.word_hits[:, np.searchsorted(self.rows, rows)].sum(axis=1)
        return [word for word, count in zip(self.subject, counts) if count == 1 and word not in self.missing]

    def named_in(self, rows: np.ndarray) -> bool:
        """Whether some of these rows were found by their place's name rather than by the photos' words."""
        if self.by_place_name is None or not len(self.rows):
            return False
        return bool(self.by_place_name[np.searchsorted(self.rows, rows)].any())

    def whole_scope(self) -> "Moments":
        """Every photo in scope stands for the subject, whose words are still named as not found."""
        return dataclasses.replace(self, rows=np.flatnonzero(self.scope), relevance=None, in_place_of_subject=True)

    @property
    def found(self) -> list[str]:
        return [word for word in self.subject if word not in self.missing]

    def missing_text(self) -> str:
        """Which subject words nothing in scope has, true to the whole library: "no photo's words or place
        mention sister" only when none does; otherwise where they do appear."""
        absent = [f"'{word}'" for word in self.missing if not self.elsewhere.get(word)]
        outside = [f"'{word}' ({self.elsewhere[word]} photos)" for word in self.missing if self.elsewhere.get(word)]
        notes = [f"no photo's words or place mention {', '.join(absent)}"] if absent else []
        if outside:
            notes.append(f"only photos at other times or places mention {', '.join(outside)}")
        return "; ".join(notes)

    def best_first(self, rows: np.ndarray) -> np.ndarray:
        """Some of the moments' rows, the most relevant first (time order among equals)."""
        if self.relevance is None or not len(rows) or not len(self.rows):
            return rows
        at = np.minimum(np.searchsorted(self.rows, rows), len(self.rows) - 1)
        scores = np.where(self.rows[at] == rows, self.relevance[at], -np.inf)  # a visit counted by its place's name alone: last
        return rows[np.argsort(-scores, kind="stable")]


def unvisited_places_as_words(library: Library, parsed: ParsedQuery) -> ParsedQuery:
    """A place name the gazetteer knows but no photo was taken near, and which the photos' own words or place names
    have, is those words: "the Lido" is the diary's swimming pool, not Lido di Venezia; "the O2 Academy" a venue's
    sign; "the Prado" the Museo del Prado the metadata names, not a town in Brazil.
    The words are the name as the question writes it ("New York"), not the gazetteer's ("New York City"); a country
    named only to say which town ("Inverness, UK") goes with it."""
    kept, named, codes = [], [], set()
    asked = set(terms(parsed.text))
    for term in parsed.place.terms:
        names = terms(" ".join(area.name for area in term.areas))
        words = [word for word in names if word in asked] or names
        if (term.negated or not words or place_rows_of(library, term).any()
                or not all(word_photos(library, word).any() or place_name_photos(library, word).any() for word in words)):
            kept.append(term)
        else:
            named.extend(words)
            codes |= {area.country_code for area in term.areas if area.country_code}
    if not named:
        return parsed
    # "Inverness, UK": the country only says which Inverness; kept, it would ask for photos placed in the UK
    kept = [term for term in kept if term.negated or not term.areas
            or not all(area.kind == "country" and area.country_code in codes for area in term.areas)]
    return dataclasses.replace(parsed, place=dataclasses.replace(parsed.place, terms=tuple(kept)),
                               visual=" ".join([parsed.visual, *named]).strip())


def find_moments(library: Library, parsed: ParsedQuery, subject: list[str], encoder=None, timeline: Timeline | None = None) -> Moments:
    """The photos in scope that the subject's words (or, failing every word, CLIP) pick out (timeline: the
    library's stays, which visits are counted in)."""
    scope = scope_mask(library, parsed)
    if parsed.time.terms and not parsed.time.exactly().mask(library.local_seconds).any():  # "in 2020" in a library of 2019
        return Moments(np.zeros(0, np.int64), scope, subject, time_covered=False)
    if not subject:
        return Moments(np.flatnonzero(scope), scope, subject)
    nouns = nouns_in(parsed.text)  # "the park": a noun, whose verb's forms ("parked") are something else
    words = np.stack([word_photos(library, word, noun=word in nouns) for word in subject])
    named = np.stack([place_name_photos(library, word) for word in subject])
    # a count is sure of a place found by its name when the word names what the place is ("Ted Reeve Arena" for
    # "arena") or is a name no photo's own words have ("Ianos"), not a common word inside a name ("Park Hyatt")
    named_surely = np.stack([place_name_photos(library, word, as_head=bool(found.any())) for word, found in zip(subject, words)])
    hits = words | named
    for position, word in enumerate(subject):  # "how many night shifts": no photo says "shift"; the workplace's photos are the shifts
        if word in WORK_WORDS and not hits[position].any():
            hits[position] = workplace_photos(library, timeline or timeline_of(library))
    # "lunch at the souvlaki place": the midday visits, when no photo there says lunch; "my most cooked dinner", "how often
    # did I cook dinner": every dinner counts, whether or not its photo says "dinner" (a diary names the meal on some days)
    asks_most_had = parsed.question is not None and parsed.question.kind == "object" and bool(parsed.question.extreme)
    cooked = bool(COOKING_WORDS & set(subject))  # "cook dinner": the dinners cooked, however the diary says so
    meals = [word for position, word in enumerate(subject)
             if word in MEAL_HOURS and (asks_most_had or cooked or not hits[position, scope].any())]
    if meals:
        hours = (library.local_seconds % 86400) // 3600
        for word in meals:
            first, last = MEAL_HOURS[word]
            scope = scope & (hours >= first) & (hours < last)
        kept = [position for position, word in enumerate(subject) if word not in meals]
        subject, hits, named, named_surely = [subject[position] for position in kept], hits[kept], named[kept], named_surely[kept]
        if not subject:
            return Moments(np.flatnonzero(scope), scope, subject, as_times_of_day=meals)
    scope_rows = np.flatnonzero(scope)
    timeline = timeline or timeline_of(library)
    companions, as_lists = _said_otherwise(library, subject, hits) if timeline.diary_like else ({}, [])  # a camera's many photos need none
    by_meaning = _found_by_meaning(library, subject, hits, scope_rows, spelled_only(parsed.text))
    for position, rows in by_meaning.items():
        hits[position, rows] = True
    in_scope = hits[:, scope].sum(axis=1)
    missing = [word for word, count in zip(subject, in_scope) if count == 0]
    elsewhere = {word: int(hits[subject.index(word)].sum()) for word in missing}
    meaning = [subject[position] for position in by_meaning if subject[position] not in missing]
    as_parts = [word for word in subject if word not in missing and found_as_parts(library, word)]
    found = dict(subject=subject, by_meaning=meaning, as_parts=as_parts, missing=missing, elsewhere=elsewhere, as_times_of_day=meals,
                 companions={word: names for word, names in companions.items() if names and word not in missing},
                 as_grocery_lists=[word for word in as_lists if word not in missing])
    if len(missing) == len(subject):
        model = _loaded(encoder) if library.embeddings is not None and scope.any() else None
        if model is not None:
            return Moments(_clip_rows(library, model, parsed.visual, scope), scope, by_clip=True, **found)
        return Moments(np.zeros(0, np.int64), scope, **found)
    rows = _visits_about(library, hits, scope, timeline)
    relevance = Scorer(library, None, rows).relevance(None, " ".join(subject)).scores if len(rows) else None
    in_scope = named[:, scope].any(axis=1)
    by_name = named_surely[:, rows].all(axis=0) if in_scope.all() and in_scope.any() else np.zeros(len(rows), bool)
    own = (words | (hits & ~named))[:, rows].any(axis=0)
    said = [word for word, anywhere in zip(subject, words.any(axis=1)) if anywhere]
    return Moments(rows, scope, relevance=relevance, by_place_name=by_name, word_hits=hits[:, rows], own_words=own, said_somewhere=said, **found)


def without_others(library: Library, timeline: Timeline, rows: np.ndarray, subject: list[str]) -> np.ndarray:
    """ "How many times did I go to the dentist myself": the rows of stays that are not someone else's occasion, as
    most of its photos found say when their words or their place's name name other people ("Leslieville Kids Dental")."""
    people = [word for word in sorted(PEOPLE) if word not in subject]
    if not len(rows) or not people:
        return rows
    theirs = np.zeros(len(library), dtype=bool)
    for word in people:
        theirs |= word_photos(library, word) | place_name_photos(library, word)
    so_far = np.concatenate([[0], np.cumsum(theirs)])
    # the occasion: the stay's photos from the first found in it to the last, not the walk home after the dentist ("two
    # kids walking down a street") that the stay may run on into
    stays, at = np.unique(timeline.stay_of_row[rows], return_inverse=True)
    first, last = np.full(len(stays), len(library)), np.zeros(len(stays), dtype=np.int64)
    np.minimum.at(first, at, rows)
    np.maximum.at(last, at, rows)
    return rows[((so_far[last + 1] - so_far[first]) / (last - first + 1) < OTHERS_SHARE)[at]]


def _visits_about(library: Library, hits: np.ndarray, scope: np.ndarray, timeline: Timeline) -> np.ndarray:
    """The photos with any subject word in the visits (stays) that hold most of the subject's weight."""
    n = len(library)
    counts = hits.sum(axis=1)
    in_scope = hits[:, scope].sum(axis=1)
    weights = np.where(in_scope > 0, np.log1p(n / np.maximum(counts, 1)), 0.0)
    rows = np.flatnonzero(hits.any(axis=0) & scope)
    if not len(rows) or weights.sum() == 0:
        return np.zeros(0, np.int64)
    stays = timeline.stay_of_row[rows]
    unique_stays, stay_index = np.unique(stays, return_inverse=True)
    # which words each stay's photos hold together: a word on one photo of a long stay may be the captioner's slip
    seen = np.zeros((len(unique_stays), hits.shape[0]), dtype=np.int64)
    for position in range(hits.shape[0]):
        np.add.at(seen[:, position], stay_index[hits[position, rows]], 1)
    photos = timeline.stay_last[unique_stays] - timeline.stay_first[unique_stays] + 1
    held = seen >= np.minimum(WORD_PHOTOS, np.maximum(photos // SHORT_STAY_PHOTOS, 1))[:, None]
    held &= ~_next_door(hits[:, rows], rows, stay_index, seen, timeline.stay_first[unique_stays], timeline.stay_last[unique_stays])
    coverage = (held @ weights) / weights.sum()
    best = float(coverage.max())
    if best < MATCH_SHARE:
        return np.zeros(0, np.int64)
    kept = coverage >= max(MATCH_SHARE, best - BELOW_BEST)
    return rows[kept[stay_index]]


def _next_door(hits: np.ndarray, rows: np.ndarray, stay_index: np.ndarray, seen: np.ndarray, first: np.ndarray,
               last: np.ndarray) -> np.ndarray:
    """Per stay and subject word: the word is only on the stay's first or last photo, which has none of the other
    words, while the rest of the stay holds each of them on several photos: the moment next door, not this one ("two
    kids walking down a street" as one leaves one's own dentist is not the kids' dentist)."""
    nextdoor = np.zeros(seen.shape, dtype=bool)
    if hits.shape[0] < 2:
        return nextdoor
    stays = np.arange(len(first))
    for position in range(hits.shape[0]):
        others = np.delete(np.arange(hits.shape[0]), position)
        lone = hits[position] & (seen[stay_index, position] == 1) & ~hits[others].any(axis=0)
        at_edge = lone & ((rows == first[stay_index]) | (rows == last[stay_index]))
        solid = (seen[:, others] >= WORD_PHOTOS).all(axis=1)
        nextdoor[:, position] = np.isin(stays, stay_index[at_edge]) & solid
    return nextdoor


def _said_otherwise(library: Library, subject: list[str], hits: np.ndarray) -> tuple[dict[str, list[str]], list[str]]:
    """A diary's other ways of saying a subject word, added to its hits: the words that go with it (_companion_rows),
    a list of groceries for "shopping", a dish it says elsewhere it made for "cook". Returns the companions of each
    word and the words found as grocery lists."""
    companions, as_lists = {}, []
    for position, word in enumerate(subject):
        extra, companions[word] = _companion_rows(library, hits[position])
        said = library.local_seconds[hits[position]]
        if len(said):  # a habit written otherwise while it is also written so; years away from it, another sense ("Ben Youssef")
            extra &= (library.local_seconds >= said.min() - COMPANION_REACH_S) & (library.local_seconds <= said.max() + COMPANION_REACH_S)
            companions[word] = companions[word] if extra.any() else []
        if word in SHOPPING_WORDS:  # "the grocery shopping": the diary's lists of what it bought
            extra |= grocery_list_rows(library) & ~hits[position]
            as_lists.append(word)
        if word in COOKING_WORDS:  # "how often did I cook": also "risotto night", where the diary says elsewhere it made risotto
            dishes, known = _cooked_rows(library)
            extra |= dishes & ~hits[position]
            companions[word] += known[:KNOWN_DISHES_SHOWN]
        hits[position] |= extra
    return companions, as_lists


def _companion_rows(library: Library, word_hits: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """The photos of the words that, in this library, nearly always go with the word, and those words: in a diary
    where "Swam 60 lengths at the Lido" is written twice a week, "50 lengths this morning" was a swim too. A word is
    a companion when most of the photos with either word have both (Jaccard over photos); numbers never are."""
    index = library.text_index
    count = int(word_hits.sum())
    if index is None or count < COMPANION_MIN_PHOTOS:
        return np.zeros(len(library), bool), []
    words_of_photo, names = _words_by_photo(library)
    together = np.bincount(words_of_photo[np.flatnonzero(word_hits)].indices, minlength=index.weights.shape[1])
    photos = np.diff(index.weights.indptr)
    jaccard = together / np.maximum(photos + count - together, 1)
    columns = [column for column in np.flatnonzero((jaccard >= COMPANION_JACCARD) & (together < photos))
               if not names[column].isdigit()]
    return photos_with_columns(library, columns) & ~word_hits, sorted(names[column] for column in columns)


_COOKED: "weakref.WeakKeyDictionary[Library, tuple[np.ndarray, list[str]]]" = weakref.WeakKeyDictionary()


def _cooked_rows(library: Library) -> tuple[np.ndarray, list[str]]:
    """The photos whose caption names a dish the library's captions say, in at least KNOWN_DISH_CAPTIONS different
    ones, was cooked or made ("Made risotto", "cooked risotto for the week": then "risotto night" was cooking too),
    and those dishes, the most written first."""
    cached = _COOKED.get(library)
    if cached is None:
        captions = library.texts(np.arange(len(library)), ["caption"])["caption"]
        said = Counter(dish for caption in set(captions) for dish in set(cooked_things(caption)))
        known = [dish for dish, count in said.most_common() if count >= KNOWN_DISH_CAPTIONS]
        pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(known, key=len, reverse=True)))})\b", re.IGNORECASE) if known else None
        rows = np.array([bool(pattern and caption and pattern.search(caption)) for caption in captions], dtype=bool)
        cached = _COOKED[library] = (rows, known)
    return cached


_WORDS_BY_PHOTO: "weakref.WeakKeyDictionary[Library, tuple[object, list[str]]]" = weakref.WeakKeyDictionary()


def _words_by_photo(library: Library) -> tuple[object, list[str]]:
    """The text index's photo-by-word matrix, row-major (which words each photo has), and each column's word."""
    cached = _WORDS_BY_PHOTO.get(library)
    if cached is None:
        index = library.text_index
        names = [""] * index.weights.shape[1]
        for term, column in index.vocabulary.items():
            names[column] = term
        cached = _WORDS_BY_PHOTO[library] = (index.weights.tocsr(), names)
    return cached


def _found_by_meaning(library: Library, subject: list[str], hits: np.ndarray, scope_rows: np.ndarray, spelled: set[str]) -> dict[int, np.ndarray]:
    """For each word no photo in scope has, but a person or a name (spelled): the photos whose words mean it, when
    the library has a sentence model and some distinct photo words stand out that far in meaning from the rest (a
    z-score over distinct words, so that a caption repeated on every office photo does not set the scale)."""
    absent = [position for position, word in enumerate(subject) if not hits[position, scope_rows].any() and word not in spelled]
    if not absent or not len(scope_rows):
        return {}
    model = Scorer(library, None, scope_rows).sentence_model
    if model is None:
        return {}
    distinct, text_of_row = _distinct_words(library)
    found = {}
    for position in absent:
        closeness = distinct @ model.encode_text(subject[position])
        z = (closeness - closeness.mean()) / max(float(closeness.std()), 1e-6)
        if len(z) and float(z.max()) >= MEANING_FOUND_Z:
            meant = np.flatnonzero(z >= MEANING_FOUND_Z - MEANING_BELOW_FOUND)
            rows = scope_rows[np.isin(text_of_row[scope_rows], meant)]
            if len(rows):
                found[position] = rows
    return found


_DISTINCT_WORDS: "weakref.WeakKeyDictionary[Library, tuple[np.ndarray, np.ndarray]]" = weakref.WeakKeyDictionary()


def _distinct_words(library: Library) -> tuple[np.ndarray, np.ndarray]:
    """The library's distinct photo-word vectors (float32) and, per photo, which one it has (-1: no words)."""
    cached = _DISTINCT_WORDS.get(library)
    if cached is None:
        vectors = np.ascontiguousarray(library.text_embeddings)
        keys = vectors.view(np.dtype((np.void, vectors.dtype.itemsize * vectors.shape[1]))).ravel()
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        distinct = vectors[first].astype(np.float32)
        has_words = distinct.any(axis=1)
        renumbered = np.cumsum(has_words) - 1
        cached = _DISTINCT_WORDS[library] = (distinct[has_words], np.where(has_words[inverse], renumbered[inverse], -1))
    return cached


def _loaded(encoder):
    """The CLIP model, or None: `encoder` is the model, or a function that loads it (None when it cannot), called
    only here, when no word of the question is in the photos (a cold `lifelog ask` mostly never loads CLIP)."""
    return encoder() if callable(encoder) and not hasattr(encoder, "encode_text") else encoder


def _clip_rows(library: Library, encoder, text: str, scope: np.ndarray) -> np.ndarray:
    """The photos in scope that search's CLIP channel puts past the answers' stricter cut (Scorer.asserted_by_clip)."""
    vector = encoder.encode_text(text)
    scorer = candidate_scorer(library, encoder, vector, "", np.flatnonzero(scope), CLIP_POOL)
    return scorer.rows[scorer.asserted_by_clip(vector)]
