"""Finders of calendar phrases: dates, months and parts of months (years.py: parts of years, seasons, holidays,
years; week.py: weekdays, day parts). Each yields candidate `Fact`s with their spans; `choosing` picks among overlapping ones.

Why not dateparser's `search_dates`: on whole sentences it reads "I may have" as May, "Sun glasses" as a
Sunday, "a BAE 146" as a year and fills missing days from today. Here each kind of phrase has its own
small rule, checked against its neighbours: a weekday followed by a noun ("a Sunday newspaper") or inside
a title ("Saturday Night Fever") is not a time; "May" needs a date-like context; a bare number is a year
only in a plausible range and not before a unit ("2000 people").
"""

from __future__ import annotations

import re
from datetime import date

from ..holidays import rule_instance
from ..numbers import ordinal
from ..text import FUNCTION_WORDS, Span, next_word
from .days import MONTH_NAMES
from .facts import Fact, FindContext, attributive, in_title, preceded_by, years_allowed
from .terms import weekday_label
from .words import (
    AMBIGUOUS_MONTHS, DAY, DAY_OR_WORD, FLAGS, MERIDIEM, MONTH_ABBREVIATIONS, MONTH_ANY, MONTH_FULL, MONTHS,
    TEMPORAL_PREPOSITIONS, TIME_WORDS, WEEKDAY_ANY, YEAR, day_label, day_rule, month_of, month_rule, valid_day, weekday_of,
)


_DATE_DAY_MONTH = re.compile(
    rf"\b(?:(?P<weekday>{WEEKDAY_ANY})\.?,?\s+(?:the\s+)?)?(?:the\s+)?(?P<day>{DAY_OR_WORD})\s+(?:day\s+)?(?:of\s+)?"
    rf"(?P<month>{MONTH_ANY})\b\.?(?:,?\s+(?:in\s+)?(?P<year>{YEAR})\b)?", FLAGS)
_DATE_MONTH_DAY = re.compile(
    rf"\b(?:(?P<weekday>{WEEKDAY_ANY})\.?,?\s+)?(?P<month>{MONTH_ANY})\.?\s+(?:the\s+)?(?P<day>{DAY_OR_WORD})\b"
    rf"(?!\s*(?:{MERIDIEM}|o['’]?clock|[:.]\d|%|hours|hrs|minutes|mins|km|miles|people|times|years|weeks|days))"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?", FLAGS)
_DATE_RANGE = re.compile(
    rf"\b(?:(?:between|from)\s+)?(?:the\s+)?(?P<first>{DAY})\s*(?:and|to|until|till|-|–)\s*(?:the\s+)?(?P<last>{DAY})\s+(?:of\s+)?"
    rf"(?P<month>{MONTH_ANY})\b\.?(?:,?\s+(?P<year>{YEAR})\b)?", FLAGS)


def find_day_month_dates(ctx: FindContext):
    for pattern in (_DATE_DAY_MONTH, _DATE_MONTH_DAY):
        for match in pattern.finditer(ctx.text):
            month = month_of(match.group("month"))
            day = ordinal(match.group("day"))
            if month is None or day is None:
                continue
            year = int(match.group("year")) if match.group("year") else None
            if year is not None and not years_allowed(ctx, year):
                year = None
            if not valid_day(day, month, year):
                continue
            month_word = match.group("month")
            # "I may 3 ..." is not a date; a lowercase "may"/"march" needs its day written as a number.
            if month_word.lower() in AMBIGUOUS_MONTHS and month_word.islower() and not re.match(r"\d", match.group("day")):
                continue
            if pattern is _DATE_MONTH_DAY and not year and month_word.lower() in AMBIGUOUS_MONTHS and month_word.islower():
                continue
            end = match.end() if year else match.end("day") if pattern is _DATE_MONTH_DAY else match.end("month")
            if pattern is _DATE_DAY_MONTH and not year:
                end = match.end()
            start = match.start("weekday") if match.group("weekday") else match.start()
            span = (start, end)
            if year:
                fact = Fact("absolute", day_label(day, month, year), span, days=((date(year, month, day),) * 2,),
                            grain="day", anchor_day=True, strength=3)
            else:
                fact = Fact("recurring", day_label(day, month), span, rules=(day_rule(month, day),), anchor_day=True, strength=3)
            yield fact
            if match.group("weekday"):
                weekday = weekday_of(match.group("weekday"))
                if weekday is not None:
                    yield Fact("weekday", weekday_label([weekday]), match.span("weekday"), weekdays=(weekday,),
                               strength=3, within_date=True)
    for match in _DATE_RANGE.finditer(ctx.text):
        month = month_of(match.group("month"))
        first, last = ordinal(match.group("first")), ordinal(match.group("last"))
        year = int(match.group("year")) if match.group("year") else None
        if month is None or first is None or last is None or not first < last or not valid_day(last, month, year):
            continue
        label = f"{first}–{last} {MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")
        if year and years_allowed(ctx, year):
            yield Fact("absolute", label, match.span(), days=((date(year, month, first), date(year, month, last)),), strength=4)
        else:
            rule = (f"{month:02d}-{first:02d}", 0, f"{month:02d}-{last:02d}", 0)
            yield Fact("recurring", label, match.span(), rules=(rule,), strength=4)


# "the 29th" with no month: that day of any month, only when nothing follows that makes it a floor or a time.
_DAY_OF_MONTH = re.compile(r"\bon\s+the\s+(?P<day>(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th))\b", FLAGS)


def find_day_of_month(ctx: FindContext):
    for match in _DAY_OF_MONTH.finditer(ctx.text):
        word, gap = next_word(ctx.text, match.end())
        if word and not gap.strip() and word.lower() not in FUNCTION_WORDS and word.lower() not in TIME_WORDS:
            continue  # "on the 1st floor", "on the 2nd attempt"
        day = int(re.match(r"\d+", match.group("day")).group())
        rules = tuple((f"{month:02d}-{day:02d}", 0, f"{month:02d}-{day:02d}", 0) for month in range(1, 13))
        yield Fact("recurring", f"the {match.group('day').lower()} of a month", match.span(), rules=rules, anchor_day=True, strength=1)


_PART_OF_MONTH = re.compile(
    rf"\b(?:(?P<edge>early|late|mid)[-\s]+(?:in\s+)?|(?:at\s+|towards?\s+|near\s+|around\s+|by\s+)?the\s+(?P<part>very\s+beginning|very\s+end|beginning|start|end|middle|"
    rf"first\s+half|second\s+half|first\s+week|second\s+week|third\s+week|last\s+week|first\s+weekend|last\s+weekend|last\s+day|first\s+day|"
    rf"first\s+few\s+days|last\s+few\s+days|first\s+couple\s+of\s+days|last\s+couple\s+of\s+days)\s+of\s+)(?P<month>{MONTH_FULL})\b"
    rf"(?:,?\s+(?:of\s+|in\s+)?(?P<year>{YEAR})\b)?", FLAGS)
# (first day offset from the 1st, last day offset from the 1st) or from the month's end when "end" is set.
_MONTH_PARTS = {
    "early": ("start", -2, 12), "beginning": ("start", -2, 10), "start": ("start", -2, 10), "very beginning": ("start", -1, 4),
    "mid": ("start", 7, 24), "middle": ("start", 7, 24), "first half": ("start", -1, 16), "second half": ("end", -17, 1),
    "first week": ("start", 0, 8), "second week": ("start", 6, 15), "third week": ("start", 13, 22),
    "first few days": ("start", 0, 6), "first couple of days": ("start", 0, 3), "first day": ("start", 0, 0),
    "late": ("end", -13, 3), "end": ("end", -9, 2), "very end": ("end", -4, 1), "last week": ("end", -8, 0),
    "last few days": ("end", -6, 0), "last couple of days": ("end", -3, 0), "last day": ("end", 0, 0),
    "first weekend": ("start", 0, 9), "last weekend": ("end", -9, 0),
}


def find_parts_of_months(ctx: FindContext):
    for match in _PART_OF_MONTH.finditer(ctx.text):
        month_word = match.group("month")
        if month_word.lower() in AMBIGUOUS_MONTHS and month_word.islower() and not match.group("year"):
            continue
        month = MONTHS[month_word.lower()]
        part = " ".join((match.group("edge") or match.group("part")).lower().split())
        edge, low, high = _MONTH_PARTS[part]
        anchor = f"{month:02d}-01" if edge == "start" else f"{month:02d}-end"
        rule = (anchor, low, anchor, high)
        name = MONTH_NAMES[month - 1]
        label = f"{part} {name}" if match.group("edge") else f"the {part} of {name}"
        year = int(match.group("year")) if match.group("year") else None
        weekdays = (5, 6) if "weekend" in part else ()
        if year and years_allowed(ctx, year):
            instance = rule_instance(rule, year)
            yield Fact("absolute", f"{label} {year}", match.span(), days=(instance,), grain="day" if low == high else "",
                       anchor_day=low == high, strength=5)
        else:
            yield Fact("recurring", label, match.span(), rules=(rule,), anchor_day=low == high, strength=5)
        if weekdays:
            yield Fact("weekday", "weekends", match.span("part"), weekdays=weekdays, strength=0)


_MONTH_LIST = re.compile(
    rf"\b(?P<months>(?:{MONTH_FULL})(?:\s*(?:,|/|\bor\b|\band\b|\bto\b|\bthrough\b|\buntil\b|\binto\b|-|–)\s*(?:(?:early|late|mid)[-\s]+|in\s+)?(?:{MONTH_FULL}))*)\b"
    rf"(?:\s*,?\s+(?:of\s+|in\s+)?(?P<year>{YEAR})\b)?", FLAGS)
_MONTH_ABBREVIATION_YEAR = re.compile(rf"\b(?P<month>{'|'.join(MONTH_ABBREVIATIONS)})\.?\s+(?:'|’)?(?P<year>{YEAR}|\d{{2}})\b", FLAGS)
_MONTH_VERBS = re.compile(r"\s+(?:have|has|had|be|been|not|i|we|you|he|she|they|it|well|also|as|to|the|a)\b", FLAGS)


def _month_word_is_month(ctx: FindContext, start: int, end: int, word: str, has_year: bool) -> bool:
    """Is this word the month? "in May" yes; "I may have" no; "April and I" (a name) no; "march on" no."""
    lower = word.lower()
    if lower not in AMBIGUOUS_MONTHS:
        return not in_title(ctx, start, end)
    if has_year:
        return True
    if word.islower():
        # Lowercase "may" / "march" are verbs unless a date word sits right before: "in may", "early march".
        return preceded_by(ctx, start, {"in", "during", "of", "since", "until", "till", "early", "late", "mid", "last",
                                            "this", "through"}) and not _MONTH_VERBS.match(ctx.text, end)
    if in_title(ctx, start, end):
        return False
    if preceded_by(ctx, start, {"in", "during", "since", "until", "till", "early", "late", "mid", "of", "through"}):
        return True  # "in May I was...": a capitalised month right after a date preposition
    if _MONTH_VERBS.match(ctx.text, end) and lower == "may":
        return False
    if preceded_by(ctx, start, {"or", "and"}) and re.search(
            rf"\b(?:{MONTH_FULL}|{YEAR})\b", ctx.text[max(0, start - 40):start], FLAGS):
        return True  # "in May 2019, or June"
    if preceded_by(ctx, start, {"was", "is", "it's", "being"}):
        # "It was March." / "It was March and ...": a month when nothing describes it further.
        return re.match(r"\s*(?:$|[,.;!?)]|and\b|or\b|in\b|of\b|when\b|so\b|but\b)", ctx.text[end:], FLAGS) is not None
    return preceded_by(ctx, start, TEMPORAL_PREPOSITIONS - {"and", "or", "to", "was", "is", "it's", "one"})


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+months?\s+of\s+)?$", FLAGS)
_RANGE_OPENING = re.compile(rf"\b(?:from|between|since|{MONTH_FULL})\b", FLAGS)


def find_months(ctx: FindContext):
    for match in _MONTH_LIST.finditer(ctx.text):
        has_year = bool(match.group("year"))
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(MONTH_FULL, match.group("months"), FLAGS)]
        words = [(match.start() + s, match.start() + e, w) for s, e, w in words]
        accepted = [(s, e, w) for s, e, w in words if _month_word_is_month(ctx, s, e, w, has_year)]
        # a range: "from March to June", "May to September", "between March and May" (the phrase from "between" on)
        between = re.search(r"\band\b", match.group("months")) and _BETWEEN_BEFORE.search(ctx.text, max(0, match.start() - 30), match.start())
        ranged = re.search(r"\b(?:to|through|until|into)\b|-|–", match.group("months")) or between
        if accepted and ranged and len(words) == 2:
            accepted = words  # a range from or to a month is months at both ends: "from March to June", "May to September"
        if not accepted:
            continue
        if len(accepted) < len(words):  # only part of the list is months: take the first accepted word alone
            s, e, w = accepted[0]
            year_after = has_year and e == words[-1][1]
            span, months, has_year = (s, match.end() if year_after else e), [MONTHS[w.lower()]], year_after
        else:
            span, months = (between.start() if between else match.start(), match.end()), [MONTHS[w.lower()] for _, _, w in words]
            if ranged and len(months) == 2:
                first, last = months
                months = [(first - 1 + step) % 12 + 1 for step in range((last - first) % 12 + 1)]
        if not has_year and attributive(ctx, span[1]) and not preceded_by(ctx, span[0], TEMPORAL_PREPOSITIONS):
            continue  # "the September issue"
        if not has_year and preceded_by(ctx, span[0], {"to"}) and not _RANGE_OPENING.search(ctx.text[max(0, span[0] - 60):span[0]]):
            continue  # "dancing to September": "to" makes a month only as the end of a range ("from May to June")
        yield _months_fact(ctx, span, months, int(match.group("year")) if has_year else None)
    for match in _MONTH_ABBREVIATION_YEAR.finditer(ctx.text):
        year = int(match.group("year"))
        year = year + 2000 if year < 100 else year
        if years_allowed(ctx, year):
            yield _months_fact(ctx, match.span(), [MONTH_ABBREVIATIONS[match.group("month").lower()]], year)


def _months_label(months: list[int]) -> str:
    names = [MONTH_NAMES[m - 1] for m in months]
    if len(names) > 2 and all((b - a) % 12 == 1 for a, b in zip(months, months[1:])):
        return f"{names[0]}–{names[-1]}"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _months_fact(ctx: FindContext, span: Span, months: list[int], year: int | None) -> Fact:
    rules = tuple(month_rule(month) for month in months)
    label = _months_label(months)
    if year and years_allowed(ctx, year):
        days = tuple(rule_instance(rule, year) for rule in rules)
        return Fact("absolute", f"{label} {year}", span, days=days, grain="month", strength=2)
    return Fact("recurring", label, span, rules=rules, grain="month", strength=2)


