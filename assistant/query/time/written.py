"""Explicit dates, however they are written, read by dateparser once our grammar has isolated them:
"29/04/2020", "04/29/2020" (the date order decides 04/05/2020), "2020-04-29", "April 29th, 2020",
"le 29 avril 2020", "29. April 2020", "29 de abril de 2020", "29 aprile 2020", "29 april 2020".

dateparser knows how some sixty languages write months; what it cannot do is find a date in a sentence
(`search_dates` reads "I may have" as May), so it only ever sees one isolated phrase. REQUIRE_PARTS keeps
it from filling a missing day, month or year in from today; PREFER_DATES_FROM says which way an incomplete
date would lean, were one ever let through.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from ...core.settings import DATE_ORDERS
from .facts import Fact, FindContext, years_allowed
from .words import day_label

# dateparser's languages in its own order of use, script and regional variants left out: those whose month
# names are matched. Loading their tables takes about half a second, once, on the first date written out.
LANGUAGE_COUNT = 60
# Only its absolute-date parser: the relative ("in 3 days") and timestamp parsers cost time and are our grammar's job.
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past", "PARSERS": ["absolute-time"]}
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")

# 2019-05-03, 2004/01/19, 2004.01.19 (year first: always year, month, day), and 3/5/2019, 03.05.19
_NUMERIC = re.compile(r"(?<![\w/.:-])(?:\d{4}(?P<ysep>[-/.])\d{1,2}(?P=ysep)\d{1,2}|\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)(?:\d{4}|\d{2}))(?![\w/-]|\.\d)")
_DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:\.|st|nd|rd|th|er|º|°)?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,})\.?\s+(?:de\s+|del\s+)?(?P<year>\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b(?P<month>[^\W\d_]{3,})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")


@functools.cache
def month_words() -> dict[str, tuple[int, tuple[str, ...]]]:
    """Each month name or abbreviation dateparser knows, lower case -> (month, the languages that write it so)."""
    from dateparser.data.languages_info import language_order
    from dateparser.languages.loader import default_loader

    found: dict[str, tuple[int, list[str]]] = {}
    for language in [code for code in language_order if "-" not in code][:LANGUAGE_COUNT]:
        info = default_loader.get_locale(language).info
        for month, key in enumerate(_MONTH_KEYS, 1):
            for word in info.get(key, []):
                known_month, languages = found.setdefault(word.lower(), (month, []))
                if known_month == month:  # a word that names two months in two languages is left to the first
                    languages.append(language)
    return {word: (month, tuple(languages)) for word, (month, languages) in found.items()}


@functools.cache
def _parser(language: str, date_order: str | None):
    """One dateparser per language and order, built once: building one costs more than a parse."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings={**_SETTINGS, "DATE_ORDER": date_order} if date_order else _SETTINGS)


@functools.lru_cache(maxsize=4096)
def read_date(phrase: str, languages: tuple[str, ...], date_order: str | None = None) -> date | None:
    """dateparser's reading of one isolated date phrase in the first of these languages that reads it, or None
    when none reads a complete, real date (one language at a time: dateparser weighing several is slower)."""
    for language in languages:
        found = _parser(language, date_order).get_date_data(phrase).date_obj
        if found is not None:
            return found.date()
    return None


def find_written_dates(ctx: FindContext):
    """Facts for the explicit dates of a text: numeric ones, and a day, a month name in any known language and a year."""
    for match in _NUMERIC.finditer(ctx.text):
        phrase = match.group()
        if match.group("ysep"):  # year first is read one way only, whatever the separator
            readings = {reading for reading in [_year_first(phrase)] if reading}
            yield from _date_fact(ctx, match.span(), readings)
            continue
        # An order given decides 04/05/2020; with none, a date that reads both ways admits both.
        orders = (ctx.date_order,) if ctx.date_order else DATE_ORDERS
        readings = {reading for order in orders if (reading := read_date(phrase, ("en",), order))}
        yield from _date_fact(ctx, match.span(), readings)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(ctx.text):
            month, languages = month_words().get(match.group("month").lower(), (0, ()))
            if not languages:
                continue
            reading = read_date(match.group(), languages)
            if reading is not None and (reading.day, reading.month, reading.year) == (int(match.group("day")), month, int(match.group("year"))):
                yield from _date_fact(ctx, match.span(), {reading})


def _year_first(phrase: str) -> date | None:
    year, month, day = (int(part) for part in re.split(r"[-/.]", phrase))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_fact(ctx: FindContext, span: tuple[int, int], readings: set[date]):
    readings = {reading for reading in readings if years_allowed(ctx, reading.year)}
    if readings:
        ordered = sorted(readings)
        yield Fact("absolute", " or ".join(day_label(d.day, d.month, d.year) for d in ordered), span,
                   days=tuple((d, d) for d in ordered), grain="day", anchor_day=True, strength=3)
