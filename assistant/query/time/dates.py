"""Finders of calendar phrases: dates, months, parts of months and years, seasons, holidays, years, weekdays,
day parts. Each yields candidate `Fact`s with their spans; `choosing` picks among overlapping ones.

Why not dateparser's `search_dates`: on whole sentences it reads "I may have" as May, "Sun glasses" as a
Sunday, "a BAE 146" as a year and fills missing days from today. Here each kind of phrase has its own
small rule, checked against its neighbours: a weekday followed by a noun ("a Sunday newspaper") or inside
a title ("Saturday Night Fever") is not a time; "May" needs a date-like context; a bare number is a year
only in a plausible range and not before a unit ("2000 people").
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..holidays import HOLIDAYS, Rule, relative_rule, rule_instance
from ..numbers import ordinal
from ..text import FUNCTION_WORDS, Span, next_word, previous_words, sentence_start
from .facts import Fact, FindContext, attributive, in_title, preceded_by, years_allowed
from .terms import DAY_PARTS, MONTH_NAMES, weekday_label
from .words import (
    AMBIGUOUS_MONTHS,
    DAY,
    DAY_OR_WORD,
    FLAGS,
    MERIDIEM,
    MONTH_ABBREVIATIONS,
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    TEMPORAL_PREPOSITIONS,
    TIME_WORDS,
    WEEKDAY_ANY,
    WEEKDAY_FULL,
    WEEKDAYS,
    YEAR,
    day_label,
    day_rule,
    month_of,
    month_rule,
    valid_day,
    weekday_of,
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


_RANGE_OPENING = re.compile(rf"\b(?:from|between|since|{MONTH_FULL})\b", FLAGS)


def find_months(ctx: FindContext):
    for match in _MONTH_LIST.finditer(ctx.text):
        has_year = bool(match.group("year"))
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(MONTH_FULL, match.group("months"), FLAGS)]
        words = [(match.start() + s, match.start() + e, w) for s, e, w in words]
        accepted = [(s, e, w) for s, e, w in words if _month_word_is_month(ctx, s, e, w, has_year)]
        ranged = re.search(r"\b(?:to|through|until|into)\b|-|–", match.group("months"))
        if accepted and ranged and len(words) == 2:
            accepted = words  # a range from or to a month is months at both ends: "from March to June", "May to September"
        if not accepted:
            continue
        if len(accepted) < len(words):  # only part of the list is months: take the first accepted word alone
            s, e, w = accepted[0]
            year_after = has_year and e == words[-1][1]
            span, months, has_year = (s, match.end() if year_after else e), [MONTHS[w.lower()]], year_after
        else:
            span, months = (match.start(), match.end()), [MONTHS[w.lower()] for _, _, w in words]
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


_PART_OF_YEAR = re.compile(
    rf"\b(?:(?P<edge>early|late|mid)[-\s]+(?:in\s+)?|(?:at\s+|towards?\s+|near\s+|by\s+)?the\s+(?P<part>beginning|start|end|middle|first\s+half|second\s+half|"
    rf"first\s+part|latter\s+part|last\s+part|first\s+few\s+months|last\s+few\s+months|first\s+months|last\s+months)\s+of\s+)"
    rf"(?P<year>{YEAR}|the\s+year|this\s+year|last\s+year)\b", FLAGS)
# (first month, first day offset, last month, last day offset) within the year; generous at the edges.
_YEAR_PARTS = {
    "early": (1, 0, 4, 30), "beginning": (1, 0, 3, 15), "start": (1, 0, 3, 15), "first few months": (1, 0, 4, 30),
    "first months": (1, 0, 4, 30), "first half": (1, 0, 7, 15), "first part": (1, 0, 5, 31),
    "mid": (4, 1, 9, 30), "middle": (4, 1, 9, 30),
    "late": (9, 1, 12, 31), "end": (10, 15, 12, 31), "second half": (6, 15, 12, 31), "latter part": (8, 1, 12, 31),
    "last part": (8, 1, 12, 31), "last few months": (9, 1, 12, 31), "last months": (9, 1, 12, 31),
}


def find_parts_of_years(ctx: FindContext):
    for match in _PART_OF_YEAR.finditer(ctx.text):
        part = " ".join((match.group("edge") or match.group("part")).lower().split())
        first_month, first_day, last_month, last_day = _YEAR_PARTS[part]
        which = " ".join(match.group("year").lower().split())
        label_part = part if match.group("edge") else f"the {part} of"
        rule = (f"{first_month:02d}-{max(first_day, 1):02d}", 0, f"{last_month:02d}-{last_day:02d}", 0)
        if which == "the year":
            yield Fact("recurring", f"{label_part} the year", match.span(), rules=(rule,), strength=4)
            continue
        year = ctx.now.year if which == "this year" else ctx.now.year - 1 if which == "last year" else int(which)
        if not years_allowed(ctx, year):
            continue
        first = date(year, first_month, max(first_day, 1))
        last = date(year, last_month, min(last_day, calendar.monthrange(year, last_month)[1]))
        yield Fact("absolute", f"{label_part} {year}", match.span(), days=((first, last),), strength=4)


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_SOUTHERN = {"spring": "autumn", "summer": "winter", "autumn": "spring", "fall": "spring", "winter": "summer"}
_SEASON = re.compile(
    rf"\b(?:(?P<relative>last|this|that|past|previous)\s+|(?P<edge>early|late|mid)[-\s]+(?:in\s+(?:the\s+)?)?|the\s+(?P<part>beginning|start|end|middle)\s+of\s+(?:the\s+)?)?"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?P<suffix>time|s)?\b(?:\s+(?:holidays?|break|vacation|months?|term|of))?"
    rf"(?:\s*,?\s+(?:of\s+|in\s+)?(?P<year>{YEAR})\b)?", FLAGS)


def _season_rules(season: str, edge: str) -> tuple[Rule, ...]:
    first, last = _SEASONS[season]
    start, end = f"{first:02d}-01", f"{last:02d}-end"
    # Meteorological seasons, with two weeks' grace: people's seasons follow the weather, not the calendar.
    if edge in ("early", "beginning", "start"):
        return ((start, -14, start, 35),)
    if edge in ("late", "end"):
        return ((end, -35, end, 14),)
    if edge in ("mid", "middle"):
        return ((start, 20, end, -20),)
    return ((start, -14, end, 14),)


def _the_without_preposition(ctx: FindContext, start: int) -> bool:
    """Is the word at `start` preceded by "the" that no time preposition introduces ("The spring broke")?"""
    before = previous_words(ctx.text, start, 2)
    return bool(before) and before[-1] == "the" and (len(before) < 2 or before[-2] not in TEMPORAL_PREPOSITIONS)


def find_seasons(ctx: FindContext):
    for match in _SEASON.finditer(ctx.text):
        season = match.group("season").lower()
        start = match.start("season")
        intro = match.group("relative") or match.group("edge") or match.group("part") or match.group("year")
        if season == "fall" and not (intro or preceded_by(ctx, start, {"the", "in", "of"})):
            continue  # "I may fall", "fall over"
        if season == "spring" and preceded_by(ctx, start, {"a", "hot", "thermal", "mineral", "coil", "water"}):
            continue  # a spring of water
        if season == "spring" and not intro and _the_without_preposition(ctx, start):
            continue  # "the spring in the old armchair"; but "in the spring", "it was the spring we moved"
        if not match.group("year") and ctx.text[start].isupper() and not sentence_start(ctx.text, start) and re.match(
                r"\s+of\b", ctx.text[match.end("season"):]):
            continue  # "a Summer of '69 t-shirt", "the Summer of Love": a title
        if not intro and not match.group("suffix"):
            after = ctx.text[match.end("season"):match.end()]
            if not after.strip() and attributive(ctx, match.end("season")) and not preceded_by(ctx, start, TEMPORAL_PREPOSITIONS):
                continue  # "winter coat", "spring onions", "summer dress"
        if in_title(ctx, start, match.end("season")):
            continue
        edge = (match.group("edge") or match.group("part") or "").lower()
        label_season = "autumn" if season == "fall" else season
        label = (f"{edge} {label_season}" if match.group("edge") else f"the {edge} of {label_season}" if edge else label_season)
        rules, rules_south = _season_rules(season, edge), _season_rules(_SOUTHERN[season], edge)
        year = int(match.group("year")) if match.group("year") else None
        relative = (match.group("relative") or "").lower()
        relative = "last" if relative in ("last", "past", "previous") else "this" if relative == "this" else ""
        if year and years_allowed(ctx, year):
            yield Fact("recurring", f"{label} {year}", match.span(), rules=rules, rules_south=rules_south, years=(year,), strength=3)
        else:
            yield Fact("recurring", (f"{relative} {label}" if relative else label), match.span(), rules=rules,
                       rules_south=rules_south, relative=relative, strength=2)


_HOLIDAY_EVENTS = {"party", "parties", "parade", "celebration", "celebrations", "festival", "fireworks", "concert", "dance",
                   "disco", "ball", "do", "bash", "drinks", "dinner", "lunch", "meal", "mass", "service", "fair", "night",
                   "eve", "weekend", "morning", "evening", "afternoon", "day", "holiday", "holidays", "break"}
_HOLIDAY_INTRODUCERS = {"on", "during", "over", "around", "before", "after", "until", "till", "since", "of", "by"}
_HOLIDAY = re.compile(
    r"\b(?:(?P<relative>last|this|that|past|previous)\s+)?(?:"
    + "|".join(f"(?P<h{index}>{'|'.join(holiday.phrases)})" for index, holiday in enumerate(HOLIDAYS))
    + rf")(?![\w'’])(?:\s*,?\s+(?:of\s+|in\s+)?(?P<year>{YEAR})\b)?",
    FLAGS,
)


def find_holidays(ctx: FindContext):
    for match in _HOLIDAY.finditer(ctx.text):
        index = next(i for i in range(len(HOLIDAYS)) if match.group(f"h{i}"))
        holiday = HOLIDAYS[index]
        name_start, name_end = match.span(f"h{index}")
        if in_title(ctx, name_start, name_end):
            continue
        if holiday.label == "May Day" and ctx.text[name_start:name_start + 1].islower():
            continue
        if holiday.label == "Lunar New Year" and match.group(f"h{index}").lower() in ("tet", "tết") and not ctx.text[name_start].isupper():
            continue
        year = int(match.group("year")) if match.group("year") else None
        relative = (match.group("relative") or "").lower()
        rules, label_base = holiday.rules, holiday.label
        introduced = preceded_by(ctx, name_start, _HOLIDAY_INTRODUCERS - {"of"})  # "a bag of Easter eggs" is no day
        if not year and not relative and attributive(ctx, name_end) and not introduced:
            event, _ = next_word(ctx.text, name_end)
            if event.lower() not in _HOLIDAY_EVENTS:
                continue  # "a Christmas jumper", "looking at Christmas lights": things seen, not the day
            # "a Christmas party", "the Halloween parade": around the day, usually a little before it.
            rules = tuple(relative_rule(rule, "around", 0, 0) for rule in holiday.pivot_rules)
            rules = tuple((a, b - 10, c, d + 2) for a, b, c, d in rules)
            label_base = f"around {holiday.label}"
        relative = "last" if relative in ("last", "past", "previous") else "this" if relative else ""
        anchor = rules is holiday.rules
        if year and years_allowed(ctx, year):
            yield Fact("recurring", f"{label_base} {year}", match.span(), rules=rules, pivot_rules=holiday.pivot_rules,
                       years=(year,), anchor_day=anchor, strength=4)
        else:
            label = f"{relative} {label_base}" if relative else label_base
            yield Fact("recurring", label, match.span(), rules=rules, pivot_rules=holiday.pivot_rules, relative=relative,
                       anchor_day=anchor, strength=4)


_YEAR_ALONE = re.compile(rf"(?<![\w#$€£/.:,-])(?P<year>{YEAR})(?:(?P<s>'?s)\b|(?![\w/%:-]|\.\d|,\d))")
_DECADE_INTRODUCERS = [[word, "the"] for word in ("in", "during", "throughout", "through")]
_YEAR_LIST = re.compile(rf"\b(?P<first>{YEAR})\s*(?:or|and|/|-|–|to)\s*(?P<second>{YEAR}|\d{{2}})\b")
_NOT_YEAR_BEFORE = {"number", "no", "route", "flight", "room", "bus", "gate", "platform", "model", "a", "an", "page", "size",
                    "code", "channel", "track", "episode", "series", "version", "over", "about", "around", "nearly",
                    "almost", "than", "exactly", "only", "just", "some", "the", "like", "costs", "cost", "paid", "for",
                    "x", "times", "score", "scored", "highway", "street", "road", "unit", "apartment", "floor", "film", "movie",
                    "song", "album", "book", "game", "edition", "pin", "password", "total", "price"}
# Nouns whose value a year-like number may be: "our room number was 1984".
_NUMBERED_NOUNS = _NOT_YEAR_BEFORE - {"a", "an", "the", "over", "about", "around", "nearly", "almost", "than", "exactly", "only",
                                      "just", "some", "like", "for", "x", "times"}
_YEAR_INTRODUCERS = {"in", "of", "since", "during", "from", "until", "till", "by", "year", "summer", "winter", "spring",
                     "autumn", "fall", "early", "late", "mid", "was", "it's", "back", "around", "circa", "and", "or", "to",
                     "through", "throughout", "sometime", "either"}


_UNIT_AFTER_NUMBER = re.compile(
    r"\s*(?:km|m|kg|g|ml|l|eur|euro|euros|dollars|pounds|calories|kcal|steps|ft|feet|metres|meters|miles|people|hours|mins|minutes"
    r"|seconds|x)\b", FLAGS)


def find_years(ctx: FindContext):
    for match in _YEAR_LIST.finditer(ctx.text):
        first = int(match.group("first"))
        second_text = match.group("second")
        second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        if not (years_allowed(ctx, first) and years_allowed(ctx, second)) or not 0 < abs(second - first) <= 3:
            continue
        if not preceded_by(ctx, match.start(), _YEAR_INTRODUCERS | {"either"}) and attributive(ctx, match.end()):
            continue
        ranged = re.search(r"-|–|to", ctx.text[match.start():match.end()])
        years = tuple(range(min(first, second), max(first, second) + 1)) if ranged else (first, second)
        yield Fact("years", " or ".join(str(y) for y in years), match.span(), years=years, strength=2)
    for match in _YEAR_ALONE.finditer(ctx.text):
        year = int(match.group("year"))
        if match.group("s"):  # "in the 2010s": a decade ("a 1990s jukebox" is a style)
            if year % 10 == 0 and years_allowed(ctx, year) and previous_words(ctx.text, match.start(), 2)[-2:] in _DECADE_INTRODUCERS:
                yield Fact("years", f"the {year}s", match.span(), years=tuple(range(year, year + 10)), strength=2)
            continue
        if not years_allowed(ctx, year):
            continue
        before = previous_words(ctx.text, match.start(), 2)
        introduced = bool(before) and before[-1] in _YEAR_INTRODUCERS
        if before and before[-1] in _NOT_YEAR_BEFORE and not introduced:
            continue
        if (not introduced or before[-1] == "of") and attributive(ctx, match.end()):
            continue  # "2000 people", "a 2019 calendar", "a bottle of 2015 Rioja"
        if len(before) == 2 and before[-1] in ("was", "is") and before[-2] in _NUMBERED_NOUNS:
            continue  # "our room number was 1984"
        if _UNIT_AFTER_NUMBER.match(ctx.text, match.end()):
            continue
        yield Fact("years", str(year), match.span(), years=(year,), grain="year", strength=1)


_WEEKDAY = re.compile(rf"\b(?P<weekday>{WEEKDAY_FULL})(?P<plural>s)?\b", FLAGS)
_WEEKDAY_INTRODUCERS = {"on", "that", "this", "last", "every", "one", "each", "a", "of", "or", "and", "was", "it's",
                        "sunday", "saturday", "until", "till", "by", "since", "from", "next", "previous"}


_WEEK_PART = re.compile(
    r"\b(?:(?:the|a)\s+)?(?P<word>week-?ends?|weekdays?|work\s*days?|working\s+days?|school\s+days?|mid-?week|during\s+the\s+week)\b",
    FLAGS)


_DAY_AFTER_WEEKDAY = re.compile(r"\s+the\s+\d{1,2}(?:st|nd|rd|th)\b", FLAGS)


def find_weekdays(ctx: FindContext):
    for match in _WEEKDAY.finditer(ctx.text):
        start, end = match.span()
        if in_title(ctx, start, end):
            continue  # "Saturday Night Fever", "the Sunday Times"
        before = previous_words(ctx.text, start, 1)
        introduced = bool(before) and before[-1] in _WEEKDAY_INTRODUCERS - {"a"}
        if attributive(ctx, end) and not introduced:
            continue  # "a Sunday newspaper", "Friday drinks"
        dated = _DAY_AFTER_WEEKDAY.match(ctx.text, end)
        if dated and attributive(ctx, dated.end()):
            continue  # "a Friday the 13th movie poster": a title used as an adjective
        weekday = WEEKDAYS[match.group("weekday").lower()]
        yield Fact("weekday", weekday_label([weekday]), (start, end), weekdays=(weekday,), strength=1)
    for match in _WEEK_PART.finditer(ctx.text):
        word = match.group("word").lower()
        days = (5, 6) if word.startswith("week") and "end" in word else (1, 2, 3) if word.startswith("mid") else (0, 1, 2, 3, 4)
        yield Fact("weekday", weekday_label(days), match.span(), weekdays=days, strength=1)


_DAY_PART_PHRASES: tuple[tuple[str, str], ...] = (
    (r"(?:the\s+)?(?:small|wee|early)\s+hours(?:\s+of\s+the\s+morning)?", "small hours"),
    (r"first\s+thing(?:\s+in\s+the\s+morning)?", "early morning"),
    (r"early\s+(?:in\s+the\s+|one\s+|that\s+|on\s+a\s+|on\s+the\s+)?morning|early[-\s]morning", "early morning"),
    (r"(?:around\s+|at\s+)?(?:dawn|daybreak|sunrise|first\s+light)", "dawn"),
    (r"mid[-\s]?morning", "mid-morning"),
    (r"late\s+(?:in\s+the\s+)?morning|late[-\s]morning", "late morning"),
    (r"mornings?", "morning"),
    (r"mid[-\s]?day|noon(?:time)?|lunch\s*-?\s*time|(?:at|around|during|over)\s+lunch|lunch\s+hour", "lunchtime"),
    (r"early\s+(?:in\s+the\s+)?afternoon|early[-\s]afternoon", "early afternoon"),
    (r"mid[-\s]?afternoon", "mid-afternoon"),
    (r"late\s+(?:in\s+the\s+)?afternoon|late[-\s]afternoon", "late afternoon"),
    (r"afternoons?", "afternoon"),
    (r"early\s+(?:in\s+the\s+)?evening|early[-\s]evening", "early evening"),
    (r"late\s+(?:in\s+the\s+)?evening|late[-\s]evening", "late evening"),
    (r"evenings?", "evening"),
    (r"(?:at\s+)?(?:dusk|sunset|twilight|nightfall|sundown)", "dusk"),
    (r"late\s+(?:at\s+|one\s+|that\s+|in\s+the\s+)?night|late[-\s]night|in\s+the\s+middle\s+of\s+the\s+night", "late night"),
    (r"(?:around\s+|at\s+)?midnight", "midnight"),
    (r"night\s*-?\s*time|nights?", "night"),
    (r"(?:at|during|over|around)\s+breakfast|breakfast\s*-?\s*time|before\s+breakfast", "breakfast time"),
    (r"(?:at|during|over|around)\s+brunch", "brunch time"),
    (r"(?:at|during|over|around)\s+(?:dinner|supper|tea)|(?:dinner|supper|tea)\s*-?\s*time", "dinner time"),
    (r"after\s+work(?:ing)?", "after work"),
    (r"before\s+work(?:ing)?", "before work"),
    (r"after\s+lunch", "after lunch"),
    (r"before\s+lunch", "before lunch"),
    (r"after\s+(?:dinner|supper)", "after dinner"),
    (r"(?:during\s+the\s+day|in\s+the\s+day\s*time|daytime|in\s+daylight|broad\s+daylight)", "daytime"),
)


def find_day_parts(ctx: FindContext):
    for pattern, name in _DAY_PART_PATTERNS:
        for match in pattern.finditer(ctx.text):
            if in_title(ctx, match.start(), match.end()):
                continue
            if name in ("morning", "night", "evening", "afternoon") and preceded_by(ctx, match.start(), {"good"}):
                continue  # a greeting ("good night") says nothing about the time
            yield Fact("day_part", name, match.span(), windows=DAY_PARTS[name], strength=1)


_DAY_PART_PATTERNS = tuple((re.compile(rf"\b(?:{pattern})\b", FLAGS), name) for pattern, name in _DAY_PART_PHRASES)
