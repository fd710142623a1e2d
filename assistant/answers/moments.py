"""All the moments a question is about: its scope (time, place) filters exactly, by the calendar ("last
week" is Monday to Sunday here, though search forgives a few days), and its subject is found by the search
engine's own channels and cut-offs, per word, so that every word is either found or named as not found.

- A word is found exactly when a photo's words (captions, text read, tags, objects) or its place name have
  it (the BM25 index's own words); with the library's sentence model, a word no photo has may be found by
  meaning: the photos whose words stand far out in meaning from the library's other words.
- A visit (a stay) is about the subject when its photos together hold most of the subject's weight (each
  word weighs its rarity in this library, idf), close to the best visit in scope: "dentist's waiting room"
  needs the dentist, not any room; "took my kids to the dentist" needs kids and dentist in the same visit.
- With no word found at all and a CLIP model, the photos CLIP puts far above the rest are weak evidence.
The photos found are ranked by search's fused relevance, so the evidence shown first is what search shows.
"""

from __future__ import annotations

import dataclasses
import unicodedata
import weakref
from dataclasses import dataclass, field

import numpy as np

from ..core.words import terms
from ..library import Library
from ..query import ParsedQuery
from ..search import candidate_scorer
from ..search.scoring import Scorer
from .scope import place_rows_of, scope_mask
from .subject import MEAL_HOURS, spelled_only
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
CLIP_MATCH_Z = 3.5  # without words: CLIP z-scores this far above the scope's mean are weak evidence
CLIP_POOL = 2000  # in a library with a vector index: CLIP's best this many in scope are looked at


@dataclass
class Moments:
    """The photos a question is about (ascending rows) and what the search for them found and missed."""

    rows: np.ndarray
    scope: np.ndarray  # bool per photo: inside the question's time and place
    subject: list[str]  # the content words looked for
    by_meaning: list[str] = field(default_factory=list)  # of those, found only by meaning (the sentence model)
    missing: list[str] = field(default_factory=list)  # found neither way in scope
    elsewhere: dict[str, int] = field(default_factory=dict)  # of those, how many photos outside the scope have each
    by_clip: bool = False  # found by CLIP alone (weak)
    time_covered: bool = True  # the library has photos from the question's time at all
    relevance: np.ndarray | None = None  # search's fused score of each row, for ordering evidence

    in_place_of_subject: bool = False  # no word was found: everything in scope (one venue) is read instead
    as_times_of_day: list[str] = field(default_factory=list)  # meals no photo names, taken as their hours instead
    by_place_name: np.ndarray | None = None  # per row: every subject word is in its place's name (GPS-derived, not a captioner's)
    companions: dict[str, list[str]] = field(default_factory=dict)  # words that stand in for a subject word (see _companion_rows)
    word_hits: np.ndarray | None = None  # per subject word, per row: the row has it

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
        if self.relevance is None or not len(rows):
            return rows
        scores = self.relevance[np.searchsorted(self.rows, rows)]
        return rows[np.argsort(-scores, kind="stable")]


def unvisited_places_as_words(library: Library, parsed: ParsedQuery) -> ParsedQuery:
    """A place name the gazetteer knows but no photo was taken near, and which the photos' own words have, is
    those words: "the Lido" is the diary's swimming pool, not Lido di Venezia; "the O2 Academy" a venue's sign.
    The words are the name as the question writes it ("New York"), not the gazetteer's ("New York City")."""
    kept, named = [], []
    asked = set(terms(parsed.text))
    for term in parsed.place.terms:
        names = terms(" ".join(area.name for area in term.areas))
        words = [word for word in names if word in asked] or names
        if (term.negated or not words or place_rows_of(library, term).any()
                or not all(_word_rows(library, word).any() for word in words)):
            kept.append(term)
        else:
            named.extend(words)
    if not named:
        return parsed
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
    words = np.stack([_word_rows(library, word) for word in subject])
    named = np.stack([_place_rows(library, word) for word in subject])
    # a count is sure of a place found by its name when the word names what the place is ("Ted Reeve Arena" for
    # "arena") or is a name no photo's own words have ("Ianos"), not a common word inside a name ("Park Hyatt")
    named_surely = np.stack([_place_rows(library, word, as_head=bool(found.any())) for word, found in zip(subject, words)])
    hits = words | named
    meals = [word for position, word in enumerate(subject) if word in MEAL_HOURS and not hits[position, scope].any()]
    if meals:  # "lunch at the souvlaki place": the midday visits, when no photo there says lunch
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
    companions = {}
    for position, word in enumerate(subject if timeline.diary_like else ()):  # a camera's many photos a visit need none
        extra, companions[word] = _companion_rows(library, hits[position])
        hits[position] |= extra
    by_meaning = _found_by_meaning(library, subject, hits, scope_rows, spelled_only(parsed.text))
    for position, rows in by_meaning.items():
        hits[position, rows] = True
    in_scope = hits[:, scope].sum(axis=1)
    missing = [word for word, count in zip(subject, in_scope) if count == 0]
    elsewhere = {word: int(hits[subject.index(word)].sum()) for word in missing}
    meaning = [subject[position] for position in by_meaning if subject[position] not in missing]
    found = dict(subject=subject, by_meaning=meaning, missing=missing, elsewhere=elsewhere, as_times_of_day=meals,
                 companions={word: names for word, names in companions.items() if names and word not in missing})
    if len(missing) == len(subject):
        model = _loaded(encoder) if library.embeddings is not None and scope.any() else None
        if model is not None:
            return Moments(_clip_rows(library, model, parsed.visual, scope), scope, by_clip=True, **found)
        return Moments(np.zeros(0, np.int64), scope, **found)
    rows = _visits_about(library, hits, scope, timeline)
    relevance = Scorer(library, None, rows).relevance(None, " ".join(subject)).scores if len(rows) else None
    in_scope = named[:, scope].any(axis=1)
    by_name = named_surely[:, rows].all(axis=0) if in_scope.all() and in_scope.any() else np.zeros(len(rows), bool)
    return Moments(rows, scope, relevance=relevance, by_place_name=by_name, word_hits=hits[:, rows], **found)


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
    coverage = (held @ weights) / weights.sum()
    best = float(coverage.max())
    if best < MATCH_SHARE:
        return np.zeros(0, np.int64)
    kept = coverage >= max(MATCH_SHARE, best - BELOW_BEST)
    return rows[kept[stay_index]]


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
    return _photos_with(library, columns) & ~word_hits, sorted(names[column] for column in columns)


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


# English verbs whose past forms the -ed rule cannot make: "when did I last swim" finds "swam" and "swum".
_IRREGULAR = [forms.split() for forms in (
    "swim swam swum", "eat ate eaten", "run ran", "drink drank drunk", "buy bought", "see saw seen", "ride rode ridden",
    "fly flew flown", "drive drove driven", "take took taken", "write wrote written", "meet met", "sit sat", "sing sang sung",
    "bring brought", "catch caught", "teach taught", "think thought", "wear wore worn", "win won", "lose lost", "give gave given",
    "make made", "feel felt", "leave left", "sleep slept", "spend spent", "build built", "send sent", "read", "hold held",
    "begin began begun", "choose chose chosen", "fall fell fallen", "find found", "get got gotten", "go went gone",
    "speak spoke spoken", "steal stole stolen", "swing swung", "throw threw thrown", "wake woke woken", "cut", "put", "hit")]
_IRREGULAR_FORMS = {form: set(forms) for forms in _IRREGULAR for form in forms}


def _forms(word: str) -> set[str]:
    """A word, its -ing/-ed and irregular forms as the index stems them ("swim" finds "swimming" and "swam", "drive"
    finds "driving"), without accents too ("café" finds "cafe"); a stem in -y may be a plural in -ies of a word in
    -ie ("movies" stems to "movy", "movie" stays "movie")."""
    stem = word[:-1] if word.endswith("e") and len(word) > 3 else word
    doubled = word + word[-1] if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou" else word
    forms = {word, stem + "ing", stem + "ed", doubled + "ing", doubled + "ed", word + "ing"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ie")
    for base in _IRREGULAR_FORMS.get(word, ()):
        forms |= {base, base + "ing", (base[:-1] if base.endswith("e") else base) + "ing"}
    return {folded(form) for form in forms}


def _bases(word: str) -> list[str]:
    """The verbs an -ing or -ed form may come from: "swimming" -> swim, "landed" -> land, "shopping" -> shop,
    "hiking" -> hik, hike (only tried when the form itself is in no photo; "bowling" is not "a bowl")."""
    for ending in ("ing", "ed"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            if stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return [stem[:-1]]
            return [stem, stem + "e"]
    return []


def _past_forms(verb: str) -> set[str]:
    """How the photos would write the verb in the past ("swam", "landed"): a noun ("a bowl") has none."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {stem + "ed", verb + verb[-1] + "ed"} | (_IRREGULAR_FORMS.get(verb, set()) - {verb})


def folded(word: str) -> str:
    """A word without its accents, as words are compared here ("café", "Café" and "cafe" are one)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def word_rows(library: Library, words: list[str]) -> np.ndarray:
    """Photos whose words or place name have every one of these words (for "right after the gym")."""
    mask = np.ones(len(library), dtype=bool)
    for word in words:
        mask &= _word_rows(library, word) | _place_rows(library, word)
    return np.flatnonzero(mask) if words else np.zeros(0, np.int64)


_FOLDED_VOCABULARY: "weakref.WeakKeyDictionary[Library, dict[str, list[int]]]" = weakref.WeakKeyDictionary()


def _word_rows(library: Library, word: str) -> np.ndarray:
    index = library.text_index
    if index is None:
        return np.zeros(len(library), dtype=bool)
    vocabulary = _FOLDED_VOCABULARY.get(library)
    if vocabulary is None:
        vocabulary = _FOLDED_VOCABULARY[library] = {}
        for term, column in index.vocabulary.items():
            vocabulary.setdefault(folded(term), []).append(column)
    columns = [column for form in _forms(word) for column in vocabulary.get(form, ())]
    if not columns:  # "swimming" in no photo: its verb, "swim", in any form ("swam"), if the photos use it as a verb
        verbs = [base for base in _bases(word) if any(form in vocabulary for form in _past_forms(base))]
        columns = [column for base in verbs for form in _forms(base) for column in vocabulary.get(form, ())]
    return _photos_with(library, columns)


def _photos_with(library: Library, columns) -> np.ndarray:
    """Which photos have any of these words (columns of the text index)."""
    index, mask = library.text_index, np.zeros(len(library), dtype=bool)
    for column in columns:
        mask[index.weights.indices[index.weights.indptr[column]:index.weights.indptr[column + 1]]] = True
    return mask


_PLACE_WORDS: "weakref.WeakKeyDictionary[Library, list[tuple[np.ndarray, list[set[str]]]]]" = weakref.WeakKeyDictionary()


def _place_rows(library: Library, word: str, as_head: bool = False) -> np.ndarray:
    """Photos whose place's name, city or country has the word ("cinema" in "Lighthouse Cinema", "sofia" in Sofia);
    as_head: only as the name's last word, which says what the place is ("arena" in "Ted Reeve Arena")."""
    cached = _PLACE_WORDS.get(library)
    if cached is None:
        cached = _PLACE_WORDS[library] = []
        for column in ("semantic_name", "city", "country"):
            unique, inverse = np.unique(library.place_names(column), return_inverse=True)
            cached.append((inverse, [[folded(term) for term in terms(name)] for name in unique]))
    wanted = _forms(word)
    mask = np.zeros(len(library), dtype=bool)
    for inverse, name_words in cached:
        named = [code for code, words in enumerate(name_words) if set(words[-1:] if as_head else words) & wanted]
        if named:
            mask |= np.isin(inverse, named)
    return mask


def _loaded(encoder):
    """The CLIP model, or None: `encoder` is the model, or a function that loads it (None when it cannot), called
    only here, when no word of the question is in the photos (a cold `lifelog ask` mostly never loads CLIP)."""
    return encoder() if callable(encoder) and not hasattr(encoder, "encode_text") else encoder


def _clip_rows(library: Library, encoder, text: str, scope: np.ndarray) -> np.ndarray:
    vector = encoder.encode_text(text)
    scorer = candidate_scorer(library, encoder, vector, "", np.flatnonzero(scope), CLIP_POOL)
    return scorer.rows[scorer.clip_z(vector) >= CLIP_MATCH_Z]
