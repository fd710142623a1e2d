"""All the moments a question is about: its scope (time, place) filters exactly, its subject's words must
be found in the photo's words (captions, text read, tags, objects) or its place name, with a relevance
cut-off rather than a top-k, since a count is only as good as the set it counts.

A word weighs its rarity (idf), so "lunch at the Harbour Grill" needs the rare words, not "lunch" alone.
A photo matches when it has most of the subject's weight, close to the best match in scope. With a CLIP
model and no word found, photos far above the rest in CLIP similarity are taken as weak evidence.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import numpy as np

from ..library import Library
from ..query import ParsedQuery
from ..search import candidate_scorer
from ..words import concept_key, plural, terms

# Words of a question that say how it asks, not what about ("did I go to the cinema" is about the cinema).
LIGHT_WORDS = frozenset(terms(
    "go went gone going goes get got getting do did done doing spend spent spending visit visited visiting have had having "
    "take took taken see saw seen stay stayed staying make made thing things time times long many much often number last first most recent "
    "recently ever different kind type sort brand colour color written write wrote say said says name named place "
    "called call i me my we our us one ones there was were is are be been am also again exactly usually city town village "
    "country date year month week day hour minute minutes hours o clock title "
    # what was eaten, bought or held is the answer, not what the photos must say
    "eat ate eaten eating drink drank drinking buy bought buying wear wore wearing hold held holding pick picked"
))
MATCH_SHARE = 0.5  # a photo must have at least this share of the subject's weight ...
BELOW_BEST = 0.2  # ... and at most this much less than the best photo in scope
# Words of everyday life that name the same thing; a captioner says "movie theatre" where one asks about
# "the cinema". (A library with a sentence model also matches by meaning in search; here words must meet.)
SAME_THING = (
    ("cinema", "movie", "film"), ("gym", "workout", "fitness"), ("haircut", "hairdresser", "barber", "hair"),
    ("dentist", "dental"), ("cafe", "coffee", "café"), ("plane", "flight", "aeroplane", "airplane", "aircraft"),
    ("supermarket", "grocery"), ("doctor", "clinic", "gp"), ("car", "vehicle"), ("restaurant", "diner", "bistro"),
    ("bike", "bicycle", "cycling"), ("television", "tv"), ("phone", "smartphone"), ("pub", "bar"),
)
_SAME = {key: keys for keys in ({concept_key(name) for name in names} for names in SAME_THING) for key in keys}
VENUE_RADIUS_KM = 2.0  # a place term this small is one venue
CLIP_MATCH_Z = 3.5  # without words: CLIP z-scores this far above the scope's mean are weak evidence
CLIP_POOL = 2000  # in a library with a vector index: CLIP's best this many in scope are looked at


@dataclass
class Moments:
    """The photos a question is about (ascending rows) and how sure the search is of that set."""

    rows: np.ndarray
    scope: np.ndarray  # bool per photo: inside the question's time and place
    subject: list[str]  # the content words looked for
    unknown: list[str] = field(default_factory=list)  # subject words no photo or place in scope has
    elsewhere: dict[str, int] = field(default_factory=dict)  # of those, how many photos outside the scope have each
    by_clip: bool = False  # found by CLIP alone (weak)
    blind: bool = False  # the library has no words and no CLIP model to look for the subject with
    time_covered: bool = True  # the library has photos from the question's time at all

    @property
    def missing_words(self) -> str:
        """Which subject words nothing in scope has, true to the whole library: "no photo's words or place
        mention cinema" only when none does; otherwise where they do appear."""
        absent = [word for word in self.unknown if not self.elsewhere.get(word)]
        outside = [f"{word} ({self.elsewhere[word]} {plural('photo', self.elsewhere[word])})" for word in self.unknown if self.elsewhere.get(word)]
        notes = [f"no photo's words or place mention {', '.join(absent)}"] if absent else []
        if outside:
            notes.append(f"only photos at other times or places mention {', '.join(outside)}")
        return "; ".join(notes)

    @property
    def confident_none(self) -> bool:
        """Nothing found, by a search that could have found it (the library's words, no hint from CLIP)."""
        return not len(self.rows) and not self.by_clip and not self.blind and self.time_covered


def scope_mask(library: Library, parsed: ParsedQuery) -> np.ndarray:
    """Photos inside the question's time and place (its concepts are what it asks about, not filters)."""
    mask = parsed.time.mask(library.local_seconds)
    for term in parsed.place.terms:
        mask &= term.mask(library.lat, library.lng, library.country_code)
    return mask


def subject_terms(text: str) -> list[str]:
    return [word for word in dict.fromkeys(terms(text)) if word not in LIGHT_WORDS]


def find_moments(library: Library, parsed: ParsedQuery, subject: list[str], encoder=None, away=None) -> Moments:
    """The photos in scope that the subject's words (or, failing them, CLIP) pick out.

    away(rows) says whether photos are mostly on a trip: "what date did I fly to Rome" has no photo saying
    "fly", and a trip or a single venue in scope is then what the question is about.
    """
    scope = scope_mask(library, parsed)
    if parsed.time.terms and not parsed.time.mask(library.local_seconds).any():  # "in 2020" in a library of 2019
        return Moments(np.zeros(0, np.int64), scope, subject, time_covered=False)
    if not subject:
        return Moments(np.flatnonzero(scope), scope, subject)
    hits, weights, unknown = _term_hits(library, subject, scope)
    elsewhere = {word: int(hits[subject.index(word)].sum()) for word in unknown}
    if weights.sum() == 0 and _scope_is_the_subject(library, parsed, scope, away):
        return Moments(np.flatnonzero(scope), scope, [], unknown, elsewhere)
    if weights.sum() > 0:
        coverage = (weights @ hits) / weights.sum()
        in_scope = np.where(scope, coverage, 0.0)
        best = float(in_scope.max()) if len(in_scope) else 0.0
        cutoff = max(MATCH_SHARE, best - BELOW_BEST)
        rows = np.flatnonzero(in_scope >= cutoff) if best >= MATCH_SHARE else np.zeros(0, np.int64)
        if len(rows) or encoder is None:
            return Moments(rows, scope, [word for word in subject if word not in unknown], unknown, elsewhere)
    if encoder is not None and library.embeddings is not None and scope.any():
        return Moments(_clip_rows(library, encoder, parsed.visual, scope), scope, subject, unknown, elsewhere, by_clip=True)
    blind = library.text_index is None or library.text_index.is_empty
    return Moments(np.zeros(0, np.int64), scope, subject, unknown, elsewhere, blind=blind)


def _scope_is_the_subject(library: Library, parsed: ParsedQuery, scope: np.ndarray, away) -> bool:
    """A place in scope that is one venue ("at the cafe") or a trip away ("in Rome"), not the home town, or a
    sequence clause ("right after the gym")."""
    if (parsed.preceded_by or parsed.followed_by) and scope.any():
        return True  # "what did I eat right after my swim": what comes after is the subject
    if not parsed.place.terms or not scope.any():
        return False
    venue = all(area.radius_km <= VENUE_RADIUS_KM for term in parsed.place.terms for area in term.areas)
    return venue or (away is not None and away(np.flatnonzero(scope)))


def rows_matching(library: Library, words: list[str]) -> np.ndarray:
    """Photos whose words or place name have most of these words (for "right after the gym")."""
    hits, weights, _ = _term_hits(library, words)
    if weights.sum() == 0:
        return np.zeros(0, np.int64)
    return np.flatnonzero((weights @ hits) / weights.sum() >= MATCH_SHARE)


def _term_hits(library: Library, subject: list[str], scope: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Per subject word: which photos have it (words or place name), its weight (idf over the library), and
    the words no photo in scope has (they cannot pick anything out, so they weigh nothing)."""
    n = len(library)
    hits = np.zeros((len(subject), n), dtype=np.float32)
    for position, word in enumerate(subject):
        hits[position] = _word_rows(library, word) | _place_rows(library, word)
    found = hits.sum(axis=1)
    in_scope = found if scope is None else hits[:, scope].sum(axis=1)
    weights = np.where(in_scope > 0, np.log1p(n / np.maximum(found, 1)), 0.0)
    return hits, weights, [word for word, count in zip(subject, in_scope) if count == 0]


def _forms(word: str) -> set[str]:
    """A word and its -ing/-ed forms as the index stems them ("swim" finds "swimming", "drive" finds "driving");
    a stem in -y may be a plural in -ies of a word in -ie ("movies" stems to "movy", "movie" stays "movie")."""
    stem = word[:-1] if word.endswith("e") and len(word) > 3 else word
    doubled = word + word[-1] if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou" else word
    forms = {word, stem + "ing", stem + "ed", doubled + "ing", doubled + "ed", word + "ing"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ie")
    return forms | _SAME.get(word[:-1] + "ie" if word.endswith("y") else word, set())


def _word_rows(library: Library, word: str) -> np.ndarray:
    index = library.text_index
    mask = np.zeros(len(library), dtype=bool)
    if index is None:
        return mask
    columns = [index.vocabulary[form] for form in _forms(word) if form in index.vocabulary]
    for column in columns:
        start, end = index.weights.indptr[column], index.weights.indptr[column + 1]
        mask[index.weights.indices[start:end]] = True
    return mask


_PLACE_WORDS: "weakref.WeakKeyDictionary[Library, tuple[np.ndarray, list[set[str]]]]" = weakref.WeakKeyDictionary()


def _place_rows(library: Library, word: str) -> np.ndarray:
    """Photos whose semantic place name has the word ("cinema" in "Lighthouse Cinema")."""
    cached = _PLACE_WORDS.get(library)
    if cached is None:
        names = library.place_names("semantic_name")
        unique, inverse = np.unique(names, return_inverse=True)
        cached = _PLACE_WORDS[library] = (inverse, [set(terms(name)) for name in unique])
    inverse, name_words = cached
    wanted = _forms(word)
    named = [code for code, words in enumerate(name_words) if words & wanted]
    return np.isin(inverse, named) if named else np.zeros(len(library), dtype=bool)


def _clip_rows(library: Library, encoder, text: str, scope: np.ndarray) -> np.ndarray:
    vector = encoder.encode_text(text)
    scorer = candidate_scorer(library, encoder, vector, "", np.flatnonzero(scope), CLIP_POOL)
    return scorer.rows[scorer.clip_z(vector) >= CLIP_MATCH_Z]
