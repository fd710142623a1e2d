"""Venues by name, for questions that ask for one: "which restaurant did I go to most", "the name of the hotel
in Lisbon", "where did I have dinner on 3 May".

A photo's venue is its place's name (semantic_name, as LSC has it) or a name its words give: the journal's
"at <Name>" ("pho at Phở Hùng w/ Sam"), a name said that way anywhere in the library and written here too
("Lucky Dumpling with Sam", a menu read as "LUCKY DUMPLING"), or a sign that names the kind of place asked
("WELCOME TO HOTEL GRACERY SHINJUKU").

Whether a venue IS the kind asked is evidence, never a list of venues: its name says so ("Toft's Cafe"), or
its visits' words do (the captioner said "cafe" at Kaph once in five visits), or, with the library's sentence
model, mean it ("diners at tables with plates of pasta"); failing any venue named or said so in the whole
library, a place to eat is one where meals are said beside its name ("Dinner at Kaze"), or, when other words of
the question found the visit ("where I had gyoza"), a visit at a meal's hours. All but the first two are
weaker: such answers are likely, never sure.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..core.words import folded, terms
from ..library import Library
from ..library.timeline import Timeline
from ..query import ParsedQuery
from .context import Context
from .moments import find_moments
from .word_rows import word_rows
from .subject import MEAL_HOURS, content_words
from .words import OCR_SEGMENTS

# Nouns for places one goes to eat: meals said beside a name are evidence of these, and of nothing else.
PLACES_TO_EAT = frozenset(folded(word) for word in terms(
    "restaurant café cafe diner bistro eatery brasserie pizzeria trattoria taverna canteen cafeteria takeaway"))
MEAL_WORDS = frozenset(terms(" ".join(MEAL_HOURS))) | frozenset(terms("meal meals menu menus"))  # a menu read: a place to eat
SAID_SHARE = 0.15  # a venue is of the kind when at least this share of its visits' words say the kind ...
SURE_SHARE = 0.5  # ... and surely so when at least this share do (or its name says it)
VENUE_PHOTOS_READ = 50  # a visit's venue is read from at most this many of its photos
MAX_NAME_WORDS = 5
# "the name of the hotel where", "which restaurant did": the noun asked for, then a word that ends its phrase.
_ASKED = re.compile(r"\b(?:which|what|name\s+of\s+(?:the|my|our|that|this)?)\s+([^\W\d_][\w'-]*)"
                    r"(?=\s+(?:did|do|does|was|were|is|are|where|that|which|i|we|have|had|most|least|in|at|on)\b|\s*[?.!]?\s*$)",
                    re.IGNORECASE)
_AT = re.compile(r"(?:\bat|@)\s+(?:the\s+)?(?=[^\W\d_])", re.IGNORECASE)
_ELIDED = re.compile(r"^[^\W\d_]{1,4}['’]([^\W\d_])")  # "d'Orsay", "dell'Arte": a connector joined to a name (not "don't")
_CONNECTORS = frozenset("de du des la le et of the da do di del y and & von van".split())
_BEFORE_NAME = frozenset(("to", "at"))  # "WELCOME TO HOTEL ...": the name follows


def asked_category(parsed: ParsedQuery) -> str | None:
    """The kind of place whose name a location question asks ("restaurant" in "which restaurant did I go to
    most"), when it is a content word of the question; None for "where" or "which city"."""
    return asked_noun(parsed) if parsed.question is not None and parsed.question.kind == "location" else None


def asked_noun(parsed: ParsedQuery) -> str | None:
    """The thing a question asks the name of or picks among ("vet" in "the name of the vet where I take Pip"),
    when it is a content word of the question."""
    question = parsed.question
    if question is None:
        return None
    subject = content_words(parsed.visual, question, has_place=bool(parsed.place.terms), language=parsed.language)
    for match in _ASKED.finditer(parsed.text):
        found = terms(match.group(1))
        if found and found[0] in subject:
            return found[0]
    return None


def name_after_at(text: str) -> str:
    """The name a journal writes after "at" or "@": capitalised words, joined by "de", "of", "&" ... ("pho at
    Phở Hùng w/ Sam" -> "Phở Hùng", "Saw Lion at the Lighthouse" -> "Lighthouse"); "" when none ("at home")."""
    for match in _AT.finditer(text):
        words = _capitalised_run(text[match.end():].split(), _CONNECTORS)
        if words:
            return " ".join(words[:MAX_NAME_WORDS])
    return ""


def name_written(caption: str, signs: str) -> str:
    """A place's name a journal writes: after "at" ("pho at Phở Hùng"), else capitalised words that say more than a
    sentence's first word ("finally saw Temple of Literature", "Hoan Kiem Lake this morning"), or that a sign of the
    same photo reads ("Louvre this morning" under "LOUVRE  ENTRY"); "" when none ("Tired, early night", "Sam and Mia")."""
    said = name_after_at(caption)
    if said:
        return said
    read = {_key(segment) for segment in OCR_SEGMENTS.split(signs)} - {""}
    tokens = caption.split()
    start = 0
    while start < len(tokens):
        words = _capitalised_run(tokens[start:], _CONNECTORS - {"and", "&", "y"})
        if len(words) >= 2 or (words and _key(words[0]) in read):
            return " ".join(words[:MAX_NAME_WORDS])
        start += max(len(words), 1)
    return ""


def _capitalised_run(tokens: list[str], connectors: frozenset[str]) -> list[str]:
    """The capitalised words the tokens begin with, joined by connectors ("Temple of Literature"), up to a comma or a stop."""
    words = []
    for token in tokens[:MAX_NAME_WORDS + 2]:
        word = token.strip(",.;:!?()\"“”")
        elided = _ELIDED.match(word)
        named = bool(word) and (word[0].isupper() or bool(elided and elided.group(1).isupper()))
        if named or (word and words and word.lower() in connectors):
            words.append(word)
        if not word or word != token or not (named or word.lower() in connectors):
            break
    while words and words[-1].lower() in connectors:
        words.pop()
    return words


def sign_name(ocr_text: str, category: str) -> str:
    """A sign's string that names the kind of place ("WELCOME TO HOTEL AVENIDA PALACE" -> "Hotel Avenida
    Palace", for "hotel"), in a reader's capitals; "" when no string of the sign has the word."""
    wanted = folded(category)
    for segment in OCR_SEGMENTS.split(ocr_text):
        tokens = segment.split()
        keys = [folded(terms(token)[0]) if terms(token) else "" for token in tokens]
        if wanted not in keys:
            continue
        start = max((at + 1 for at, token in enumerate(tokens[:keys.index(wanted)]) if token.lower() in _BEFORE_NAME), default=0)
        return " ".join(token.capitalize() if token.isupper() else token for token in tokens[start:start + MAX_NAME_WORDS])
    return ""


# Labels printed before a short code on a ticket or a sign ("SEAT 19D", "GATE B38", "PLATFORM 4"): what "which
# seat", "which gate" ask for is the code after the label, not the sign's most particular word.
_LABELS = "seat|gate|platform|room|terminal|pier|locker|carriage"
_ASKED_LABEL = re.compile(rf"\b(?:which|what)\s+({_LABELS})\b|\b({_LABELS})\s+(?:number|no\b)", re.IGNORECASE)
_CODE = r"\s*(?:no\.?|nr\.?|number|#)?\s*[:#]?\s*([A-Z]{0,2}\d{1,4}[A-Z]?)\b"


def asked_labels(text: str) -> set[str]:
    """The labels whose code a question asks for: "which gate", "what seat", "my room number" (not "Ashton Gate")."""
    return {(found.group(1) or found.group(2)).lower() for found in _ASKED_LABEL.finditer(text)}


def labelled_codes(ocr_text: str, labels: set[str]) -> list[str]:
    """The codes printed right after one of these labels in a photo's text ("SEAT 19D" -> "19D" for "seat")."""
    return [found.group(1).upper() for label in sorted(labels)
            for found in re.finditer(rf"\b{label}s?\b{_CODE}", ocr_text, re.IGNORECASE)]


def looks_misread(name: str) -> int:
    """How many words of a reading look misread by OCR: letters and digits mixed ("WELC0ME"), or a small letter
    inside a capitalised word ("AVENlDA")."""
    return sum(1 for word in name.split() if (re.search(r"\d", word) and re.search(r"[^\W\d_]", word))
               or (len(word) > 2 and word[1:].lower() != word[1:] and word[1:].upper() != word[1:]))


def _key(name: str) -> str:
    """Names compared as one: "Phở Hùng", "Pho Hung" and "PHỞ HÙNG" are one venue."""
    return " ".join(re.findall(r"[^\W_]+", folded(name.lower())))


@dataclass
class NamesRead:
    """Every photo's venue, as its place's name or its words give it, and what the library says of each."""

    keys: np.ndarray  # per photo: its venue's key ("" none)
    shown: dict[str, str]  # key -> the name as most often written
    with_meals: frozenset[str]  # keys of venues some caption or sign names with a meal or a menu ("Dinner at Kaze")


_NAMES: "weakref.WeakKeyDictionary[Library, NamesRead]" = weakref.WeakKeyDictionary()


def names_read(library: Library) -> NamesRead:
    """The venues of the whole library (read once): a place's name where it has one, else a name its words give:
    "at <Name>" or another name its caption writes (name_written), or a name written so elsewhere whose words its
    caption or text has (found through the text index; a place's metadata name is not looked for in captions: "Home"
    is too common a word)."""
    cached = _NAMES.get(library)
    if cached is not None:
        return cached
    semantic = library.place_names("semantic_name").astype(str)
    unique, inverse = np.unique(semantic, return_inverse=True)
    keys = np.array([_key(name) for name in unique], dtype=object)[inverse]
    shown = {key: str(name) for key, name in zip(keys[np.unique(inverse, return_index=True)[1]], unique) if key}
    unnamed = semantic == ""
    rows = np.flatnonzero(unnamed)
    texts = library.texts(rows, ["caption", "ocr_text"])
    said = [name_written(caption, signs) for caption, signs in zip(texts["caption"], texts["ocr_text"])]
    spelled: dict[str, str] = {}
    for name, _ in Counter(name for name in said if name).most_common():
        spelled.setdefault(_key(name), name)
    for key in sorted(spelled, key=lambda key: len(key.split())):  # a longer name written in the same words wins
        words = terms(key)
        written = word_rows(library, words) if words else rows[:0]
        keys[written[unnamed[written]]] = key
    for row, name in zip(rows, said):
        if name:
            keys[row] = _key(name)
    shown |= spelled
    meals = np.zeros(len(library), dtype=bool)
    for word in MEAL_WORDS:
        meals[word_rows(library, [word])] = True
    cached = _NAMES[library] = NamesRead(keys, shown, frozenset(keys[meals & (keys != "")]))
    return cached


def places_to_eat(library: Library, names: list[str]) -> list[bool]:
    """Per venue name: whether some caption or sign names it with a meal or a menu ("Dinner at Depot", "FUUNJI  MENU")."""
    eaten_at = names_read(library).with_meals
    return [_key(name) in eaten_at for name in names]


def category_levels(library: Library, timeline: Timeline, category: str) -> tuple[dict[str, str], bool]:
    """How sure each venue of the library is of the kind asked ("sure", "likely"), and whether any venue is of it
    by its name or its visits' words (then meals alone make no restaurant)."""
    names = names_read(library)
    named_rows = np.flatnonzero(names.keys != "")
    if not len(named_rows):
        return {}, False
    wanted = folded(category)
    stays_saying = np.zeros(len(timeline.stay_first), dtype=bool)
    stays_saying[timeline.stay_of_row[word_rows(library, [category])]] = True
    unique_keys, venue = np.unique(names.keys[named_rows].astype(str), return_inverse=True)
    venue_stays = np.unique(np.stack([venue, timeline.stay_of_row[named_rows]]), axis=1)  # one column per visit
    visits = np.bincount(venue_stays[0], minlength=len(unique_keys))
    saying = np.bincount(venue_stays[0], weights=stays_saying[venue_stays[1]], minlength=len(unique_keys))
    levels = {}
    for key, count, said in zip(unique_keys, visits, saying):
        share = said / max(count, 1)
        if wanted in key.split() or share >= SURE_SHARE:
            levels[key] = "sure"
        elif share >= SAID_SHARE:
            levels[key] = "likely"
    if levels or wanted not in PLACES_TO_EAT:
        return levels, bool(levels)
    return {key: "likely" for key in names.with_meals}, False


def visit_venue(library: Library, timeline: Timeline, rows: np.ndarray, category: str | None, saying: np.ndarray | None = None,
                of_the_kind: frozenset[str] = frozenset(), every_row: np.ndarray | None = None) -> str:
    """A visit's venue: the place's name most of its photos (`rows`, those read) have; else a sign naming the kind
    asked (read where `saying`, per photo, has the kind's word); else the name its words give most often (a clean
    reading first). Names known to be of the kind (`of_the_kind`, by their visits' words) come first, as do those
    that say it, from any of the visit's photos (`every_row`: the lunch at Casa Lucio in a day of 128 photos)."""
    names = names_read(library)
    semantic = [str(name) for name in timeline.names[rows] if name]
    placed = [str(name) for name in timeline.names[rows if every_row is None else every_row] if name]
    # of the kind asked first: the day's airport, the café of a morning at university, not where most photos were
    of_kind = [name for name in placed if category and (folded(category) in _key(name).split() or _key(name) in of_the_kind)]
    if of_kind or semantic:
        return Counter(of_kind or semantic).most_common(1)[0][0]
    signed = rows[saying[rows]] if category and saying is not None else rows[:0]
    signs = [sign_name(record.get("ocr_text") or "", category) for record in library.records(signed)] if len(signed) else []
    read = [name for name in signs if name] or [names.shown.get(key, "") for key in names.keys[rows] if key]
    if not read:
        return ""
    counted = Counter(read)
    return max(counted, key=lambda name: (counted[name], -looks_misread(name), len(name)))


def venue_values(context: Context, category: str | None) -> tuple[list[str], str, str]:
    """Each visit's venue, only of the kind asked when the question asks one ("" otherwise), and how sure and
    why: sure from names and words that say the kind, likely from a few visits' words or from meals."""
    library = context.library
    levels, strong = category_levels(library, context.timeline, category) if category else ({}, False)
    saying = np.zeros(len(library), dtype=bool)
    if category:
        saying[word_rows(library, [category])] = True
    meant = _meant_venues(context, category) if category else set()
    of_the_kind = frozenset(key for key, level in levels.items() if level == "sure")
    values, level_of = [], {}
    for group in context.groups:
        name = visit_venue(library, context.timeline, context.visit_rows(group, VENUE_PHOTOS_READ), category, saying, of_the_kind,
                           np.arange(group.first_row, group.last_row + 1) if not group.trip else group.rows)
        level = _level(context, group, category, name, levels, strong, meant) if name else ""
        values.append(name if level else "")
        if level:  # a venue is as sure as its least sure visit
            level_of[name] = max(level_of.get(name, "sure"), level, key=("sure", "likely", "meaning", "meal").index)
    counted = Counter(value for value in values if value)
    if not counted:
        return values, "sure", ""
    chosen = (min if context.question.extreme == "least" else max)(counted, key=counted.get)  # the value the answer will give
    if level_of[chosen] == "meal":
        return values, "likely", f"no photo says '{category}': {chosen} is taken for one because meals are said or had there"
    if level_of[chosen] == "meaning":
        return values, "likely", f"no photo says '{category}': the words of the visits to {chosen} mean it (the sentence model)"
    if level_of[chosen] == "likely":
        return values, "likely", f"only some visits to {chosen} say '{category}'"
    return values, "sure", ""


def _meant_venues(context: Context, category: str) -> set[str]:
    """The venues some of whose visits' words mean the kind asked by the library's sentence model ("diners at
    tables with plates of pasta" for "restaurant"), when no photo in the question's scope has the word itself."""
    if not context.has_sentence_model:
        return set()
    found = find_moments(context.library, context.parsed, [category], None, context.timeline)
    if category not in found.by_meaning:
        return set()
    stays = np.zeros(len(context.timeline.stay_first), dtype=bool)
    stays[context.timeline.stay_of_row[found.rows]] = True
    return set(names_read(context.library).keys[stays[context.timeline.stay_of_row]]) - {""}


def _level(context: Context, group, category: str | None, name: str, levels: dict[str, str], strong: bool,
           meant: set[str] = frozenset()) -> str:
    """How sure a visit's venue is of the kind asked: "sure", "likely", "meaning" (its words mean the kind), "meal"
    (a place to eat by meals), or ""."""
    key = _key(name)
    if not category or folded(category) in key.split():
        return "sure"
    if key in levels:
        return "meal" if not strong and levels[key] == "likely" and folded(category) in PLACES_TO_EAT else levels[key]
    if key in meant:
        return "meaning"
    hour = int(context.library.local_seconds[group.rows[0]] % 86400 // 3600)
    at_a_meal = any(first <= hour < last for first, last in MEAL_HOURS.values())
    # "the restaurant where I had gyoza": the dish found the visit; a meal's hours make it a place to eat
    return "meal" if folded(category) in PLACES_TO_EAT and not strong and context.moments.subject and at_a_meal else ""
