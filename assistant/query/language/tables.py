"""Per-language word tables, built once per language on first use: dateparser's locale data (months,
weekdays, "yesterday", "last week", small numbers), CLDR through Babel (month names in their genitive and
stand-alone forms, weekdays, day periods) and `grammar` (what neither has). Each maps a phrase, as a tuple of
matching keys, to the English the one grammar reads and the kind of word it is.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..time.days import MONTH_NAMES, WEEKDAY_NAMES
from . import grammar
from .phrases import PHRASES

# The languages a message is told to be in; any other language dateparser knows can be asked for by name.
SUPPORTED = ("en", "de", "fr", "es", "it", "pt", "el", "nl")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
# dateparser's relative words for the past, as the English grammar says them (its future ones never name a moment).
_RELATIVE = {"0 day ago": "today", "1 day ago": "yesterday", "2 day ago": "the day before yesterday", "0 week ago": "this week",
             "1 week ago": "last week", "0 month ago": "this month", "1 month ago": "last month", "0 year ago": "this year",
             "1 year ago": "last year"}
# Babel day periods -> the grammar's day parts.
_DAY_PERIODS = {"morning1": "morning", "morning2": "late morning", "afternoon1": "afternoon", "afternoon2": "afternoon",
                "evening1": "evening", "evening2": "evening", "night1": "night", "night2": "night", "midnight": "midnight",
                "noon": "lunchtime"}
_SEASONS = {"spring", "summer", "autumn", "winter"}
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def key(word: str) -> str:
    """How a word is matched: lower case, accents and Greek final sigma ignored."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ς", "σ")


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(key(token) for token in _TOKEN.findall(phrase))


@dataclass(frozen=True)
class Entry:
    english: str
    kind: str  # "month", "weekday", "unit", "season", "holiday", "part", "number", "last", "ago_before", "ago_after",
    # "venue", "venue_glue", "year_glue", "event" (a trip, a wedding: what a time may be anchored to), "word"


@dataclass(frozen=True)
class LanguageTable:
    language: str
    phrases: dict[tuple[str, ...], Entry]
    longest: int
    venue_glue: frozenset[str]
    year_glue: frozenset[str]
    name_glue: frozenset[str]
    noun_glue: frozenset[str]
    needs_before: dict[str, frozenset[str]]
    openings: dict[tuple[str, ...], str]  # how a question opens, spelled exactly (casefolded, accents kept)
    asked_openings: dict[tuple[str, ...], str]  # ... and those that are a question only with "?"


def _kind_of(english: str) -> str:
    lower = english.lower().removeprefix("the ")
    if lower in (name.lower() for name in MONTH_NAMES):
        return "month"
    if lower.rstrip("s") in (name.lower() for name in WEEKDAY_NAMES):
        return "weekday"
    if lower.rstrip("s") in _UNITS or lower.rstrip("s") == "weekend":
        return "unit"
    if lower in _SEASONS:
        return "season"
    if english[:1].isupper():
        return "holiday"
    if english == "after|to":
        return "after_or_to"
    if lower == "last":
        return "last"
    return "word"


@functools.cache
def language_table(language: str) -> LanguageTable:
    """The table of one language (built on first use, about 10 ms; English has none)."""
    phrases: dict[tuple[str, ...], Entry] = {}

    def add(phrase: str, english: str, kind: str | None = None, replace: bool = True) -> None:
        words = phrase_key(phrase)
        if words and (replace or words not in phrases):
            phrases[words] = Entry(english, kind or _kind_of(english))

    _add_dateparser(language, add)
    _add_cldr(language, add)
    for phrase, english in PHRASES.get(language, {}).items():
        add(phrase, english)
    for english, phrases_of_part in grammar.PART_OF.get(language, {}).items():
        for phrase in phrases_of_part:
            add(phrase, english, "word")
    for phrase, english in grammar.SEASON_COMPOUNDS.get(language, {}).items():
        add(phrase, english, "season")
    for phrase, minutes in grammar.CLOCK_MINUTES.get(language, {}).items():
        add(phrase, str(minutes), "minutes_before" if phrase in grammar.MINUTES_BEFORE_HOUR else "minutes")
    for phrase, english in grammar.DAY_MOMENTS.get(language, {}).items():
        add(phrase, english, "part")
    for phrase, english in grammar.ROUTINE.get(language, {}).items():
        add(phrase, english, "part")
    for phrase, english in grammar.PLACE_WORDS.get(language, {}).items():
        add(phrase, english, "vehicle" if english in grammar.VEHICLES else "word")
    for phrase, english in grammar.FRAME_VERBS.get(language, {}).items():
        add(phrase, english, "word", replace=False)
    for phrase, english in grammar.LIFE_EVENTS.get(language, {}).items():
        add(phrase, english, "event" if english not in ("my", "our") else "word")
    for value, word in enumerate(grammar.NUMBERS.get(language, []), 1):
        add(word, _NUMBER_WORDS[value - 1], "number")
    for phrase, english in grammar.NUMBER_FORMS.get(language, {}).items():
        add(phrase, english, "number")
    for phrase in grammar.LAST_AFTER.get(language, []):
        add(phrase, "last", "last")
    for phrase in grammar.AGO_AFTER.get(language, []):
        add(phrase, "ago", "ago_after")
    for phrase in grammar.AGO_BEFORE.get(language, []):
        add(phrase, "ago", "ago_before")
    for phrase, english in grammar.VENUES.get(language, {}).items():
        add(phrase, english, "venue")
    for weekday in range(7):
        names = [words for words, entry in phrases.items() if entry.kind == "weekday" and entry.english == WEEKDAY_NAMES[weekday]
                 and len(words) == 1]
        for (name,) in names:
            for part_word, part in grammar.WEEKDAY_COMPOUNDS.get(language, {}).items():
                add(name + part_word, f"{WEEKDAY_NAMES[weekday]} {part}", "weekday")
    return LanguageTable(language, phrases, max((len(words) for words in phrases), default=1),
                         frozenset(key(word) for word in grammar.VENUE_GLUE.get(language, [])),
                         frozenset(key(word) for word in grammar.YEAR_GLUE.get(language, [])),
                         frozenset(grammar.NAME_GLUE if language != "de" else ()),
                         frozenset(key(word) for word in grammar.NOUN_GLUE),
                         {key(word): frozenset(key(before) for before in words_before)
                          for word, words_before in grammar.NEEDS_BEFORE.get(language, {}).items()},
                         _spelled(grammar.QUESTION_OPENINGS.get(language, {})), _spelled(grammar.QUESTION_WORDS_ASKED.get(language, {})))


def _spelled_key(phrase: str) -> tuple[str, ...]:
    """A phrase's words as spelled, in any case: "cuándo" asks, "cuando" may not."""
    return tuple(token.casefold() for token in _TOKEN.findall(phrase))


def _spelled(phrases: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {_spelled_key(phrase): english for phrase, english in phrases.items()}


def _add_dateparser(language: str, add) -> None:
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (ValueError, KeyError):
        return
    for month, name in enumerate(MONTH_NAMES, 1):
        for word in info.get(name.lower(), []):
            if len(word) >= 4 and "." not in word:  # abbreviations ("mar", "sex", "set") are ordinary words too
                add(word, name, "month")
    for name in WEEKDAY_NAMES:
        for word in info.get(name.lower(), []):
            if len(word) >= 4 and "." not in word:
                add(word, name, "weekday")
    for unit in _UNITS:
        for word in info.get(unit, []):
            if len(word) >= 3:
                add(word, unit, "unit", replace=False)
    for relative, english in _RELATIVE.items():
        for phrase in info.get("relative-type", {}).get(relative, []):
            if len(phrase) >= 3:
                add(phrase, english, "word")
    for simplification in info.get("simplifications", []):
        for word, value in simplification.items():
            if value.isdecimal() and 1 <= int(value) <= 12 and re.fullmatch(r"[^\W\d_]+", word):
                add(word, _NUMBER_WORDS[int(value) - 1], "number")


def _add_cldr(language: str, add) -> None:
    """Month names in every form CLDR has (Greek genitive "Μαΐου" and nominative "Μάιος"), weekdays, plurals, day periods."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return
    for context in ("format", "stand-alone"):
        for month, name in locale.months.get(context, {}).get("wide", {}).items():
            add(name, MONTH_NAMES[month - 1], "month")
            if language == "el" and name.endswith("ς"):  # accusative: "τον Μάιο του 2019"
                add(name[:-1], MONTH_NAMES[month - 1], "month", replace=False)
        for weekday, name in locale.days.get(context, {}).get("wide", {}).items():
            add(name, WEEKDAY_NAMES[weekday], "weekday")
            add(name + "s", WEEKDAY_NAMES[weekday] + "s", "weekday", replace=False)  # "samstags", "les samedis"
            if language == "el":  # genitive: "ένα πρωί Τετάρτης", "του Σαββάτου"
                add(name + "ς", WEEKDAY_NAMES[weekday], "weekday", replace=False)
                add(name[:-1] + "ου" if name.endswith("ο") else name, WEEKDAY_NAMES[weekday], "weekday", replace=False)
        for period, name in locale.day_periods.get(context, {}).get("wide", {}).items():
            if period in _DAY_PERIODS and len(name) >= 3:
                add(name, _DAY_PERIODS[period], "part", replace=False)
