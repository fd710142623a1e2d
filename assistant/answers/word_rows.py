"""Which photos have a word: in any of the forms the index stems it to ("swim" finds "swimming" and "swam"),
without accents ("café" is "cafe"), as the head of a compound ("parkrun" is a run), a compound as its two words
("bookshop": "books" and "shop"), or in their place's name.

The answers look words up here, one by one, so that every word of a question is either found or named as not
found (moments.py); the text index is search's own (BM25's words).
"""

from __future__ import annotations

import weakref

import numpy as np

from ..core.words import folded, terms
from ..library import Library


# English verbs whose past forms the -ed rule cannot make: "when did I last swim" finds "swam" and "swum".
_IRREGULAR = [forms.split() for forms in (
    "swim swam swum", "eat ate eaten", "run ran", "drink drank drunk", "buy bought", "see saw seen", "ride rode ridden",
    "fly flew flown", "drive drove driven", "take took taken", "write wrote written", "meet met", "sit sat", "sing sang sung",
    "bring brought", "catch caught", "teach taught", "think thought", "wear wore worn", "win won", "lose lost", "give gave given",
    "make made", "feel felt", "leave left", "sleep slept", "spend spent", "build built", "send sent", "read", "hold held",
    "begin began begun", "choose chose chosen", "fall fell fallen", "find found", "get got gotten", "go went gone",
    "speak spoke spoken", "steal stole stolen", "swing swung", "throw threw thrown", "wake woke woken", "cut", "put", "hit")]
_IRREGULAR_FORMS = {form: set(forms) for forms in _IRREGULAR for form in forms}


def _forms(word: str, irregular: bool = True, noun: bool = False) -> set[str]:
    """A word, its -ing/-ed and (unless told not to) irregular forms as the index stems them ("swim" finds "swimming"
    and "swam", "drive" finds "driving"), without accents too ("café" finds "cafe"); a stem in -y may be a plural in
    -ies of a word in -ie ("movies" stems to "movy", "movie" stays "movie"). A noun has no past: "the park" is not "a car
    parked on the road", though "a run" is "running"."""
    stem = word[:-1] if word.endswith("e") and len(word) > 3 else word
    doubled = word + word[-1] if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou" else word
    forms = {word, stem + "ing", doubled + "ing", word + "ing"} | (set() if noun else {stem + "ed", doubled + "ed"})
    if word.endswith("y"):
        forms.add(word[:-1] + "ie")
    for base in _IRREGULAR_FORMS.get(word, ()) if irregular and not noun else ():
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


def word_rows(library: Library, words: list[str]) -> np.ndarray:
    """Photos whose words or place name have every one of these words (for "right after the gym")."""
    mask = np.ones(len(library), dtype=bool)
    for word in words:
        mask &= word_photos(library, word) | place_name_photos(library, word)
    return np.flatnonzero(mask) if words else np.zeros(0, np.int64)


COMPOUND_HEAD_LETTERS = 3  # "parkrun" is "park" + "run"; "rerun" is no run


def activity_rows(library: Library, noun: str, verb: str = "") -> np.ndarray:
    """Photos (bool per photo) whose words name an activity: its noun ("swimming"), its verb in its regular forms
    ("swim", "swimming"; an irregular past is mostly something else: "the meeting ran over"), or a word the library
    writes as another of its words and then one of these ("parkrun": park + run)."""
    if library.text_index is None:
        return np.zeros(len(library), dtype=bool)
    vocabulary, tails = _folded_vocabulary(library), _compound_tails(library)
    forms = {form for word in (noun, verb) if word for form in _forms(word, irregular=False)}
    return photos_with_columns(library, [column for form in forms for column in vocabulary.get(form, []) + tails.get(form, [])])


_COMPOUND_TAILS: "weakref.WeakKeyDictionary[Library, dict[str, list[int]]]" = weakref.WeakKeyDictionary()


def _compound_tails(library: Library) -> dict[str, list[int]]:
    """The library's words that are another of its words and then something ("parkrun"), by that something ("run")."""
    tails = _COMPOUND_TAILS.get(library)
    if tails is None:
        vocabulary, tails = _folded_vocabulary(library), {}
        for term, columns in vocabulary.items():
            for cut in range(COMPOUND_HEAD_LETTERS, len(term) - 1):
                if term[:cut] in vocabulary:
                    tails.setdefault(term[cut:], []).extend(columns)
        _COMPOUND_TAILS[library] = tails
    return tails


_FOLDED_VOCABULARY: "weakref.WeakKeyDictionary[Library, dict[str, list[int]]]" = weakref.WeakKeyDictionary()


def _folded_vocabulary(library: Library) -> dict[str, list[int]]:
    """The text index's words without accents, each with its columns."""
    vocabulary = _FOLDED_VOCABULARY.get(library)
    if vocabulary is None:
        vocabulary = _FOLDED_VOCABULARY[library] = {}
        for term, column in library.text_index.vocabulary.items():
            vocabulary.setdefault(folded(term), []).append(column)
    return vocabulary


def word_photos(library: Library, word: str, noun: bool = False) -> np.ndarray:
    """Which photos have the word (noun: the question writes it as one, "the park": none of its verb's forms)."""
    if library.text_index is None:
        return np.zeros(len(library), dtype=bool)
    columns = _columns(library, word, noun)
    return photos_with_columns(library, columns) if columns else _compound_photos(library, word, _folded_vocabulary(library))


def found_as_parts(library: Library, word: str) -> bool:
    """Whether the word is in no photo itself, only its two parts are ("bookshop"): weaker than the word."""
    return library.text_index is not None and not _columns(library, word) and bool(
        _compound_photos(library, word, _folded_vocabulary(library)).any())


def _columns(library: Library, word: str, noun: bool = False) -> list[int]:
    """The text index's columns of the word's forms, or of its verb's ("swimming" in no photo: "swim", "swam")."""
    vocabulary = _folded_vocabulary(library)
    columns = [column for form in _forms(word, noun=noun) for column in vocabulary.get(form, ())]
    if not columns and not noun:  # "swimming" in no photo: its verb, "swim", in any form ("swam"), if the photos use it as a verb
        verbs = [base for base in _bases(word) if any(form in vocabulary for form in _past_forms(base))]
        columns = [column for base in verbs for form in _forms(base) for column in vocabulary.get(form, ())]
    return columns


def _compound_photos(library: Library, word: str, vocabulary: dict[str, list[int]]) -> np.ndarray:
    """A compound no photo has, as its two words on one photo: "bookshop" is a photo with "books" and "shop" (a
    captioner's "book store" tagged "shop"); none when the word splits into no two words of the library."""
    for cut in range(COMPOUND_HEAD_LETTERS, len(word) - COMPOUND_HEAD_LETTERS + 1):
        head, tail = ([column for form in _forms(part) for column in vocabulary.get(form, ())] for part in (word[:cut], word[cut:]))
        if head and tail:
            return photos_with_columns(library, head) & photos_with_columns(library, tail)
    return np.zeros(len(library), dtype=bool)


def photos_with_columns(library: Library, columns) -> np.ndarray:
    """Which photos have any of these words (columns of the text index)."""
    index, mask = library.text_index, np.zeros(len(library), dtype=bool)
    for column in columns:
        mask[index.weights.indices[index.weights.indptr[column]:index.weights.indptr[column + 1]]] = True
    return mask


_PLACE_WORDS: "weakref.WeakKeyDictionary[Library, list[tuple[np.ndarray, list[set[str]]]]]" = weakref.WeakKeyDictionary()


def place_name_photos(library: Library, word: str, as_head: bool = False) -> np.ndarray:
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
