"""Finding time phrases in a remembered moment and turning them into time terms.

Why not dateparser's `search_dates`: on whole sentences it reads "I may have" as May, "Sun glasses" as a
Sunday, "a BAE 146" as a year and fills missing days from today. Here each kind of phrase has its own
small rule, checked against its neighbours: a weekday followed by a noun ("a Sunday newspaper") or inside
a title ("Saturday Night Fever") is not a time; "May" needs a date-like context; a bare number is a year
only in a plausible range and not before a unit ("2000 people").

Pipeline: find candidate phrases (each a `Fact` with its character span), keep the longest
non-overlapping ones, widen each over the words that introduce it ("on a", "sometime in", "a few days
before", "not"), then `build_terms` combines the facts into at most one term per kind, except negated
ones (a month plus a year becomes one period, "September 2019").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from .holidays import HOLIDAYS, Rule, instances_touching, relative_rule, rule_instance
from .numbers import (
    CARDINAL_PATTERN,
    ORDINAL_WORD_PATTERN,
    VAGUE_PATTERN,
    cardinal,
    ordinal,
    quantity,
)
from .text import (
    FUNCTION_WORDS,
    Span,
    negation_start,
    next_word,
    previous_words,
    title_runs,
)
from .time import (
    MONTH_NAMES,
    CalendarTerm,
    DayPartTerm,
    PeriodTerm,
    TimeTerm,
    WeekdayTerm,
    clock_text,
    day_span,
    intersect_spans,
    merge_spans,
    weekday_label,
)

_FLAGS = re.IGNORECASE

MONTHS = {name.lower(): index + 1 for index, name in enumerate(MONTH_NAMES)}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {name: index for index, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
# Months that are also ordinary words or names: they need a date-like context ("in May", "May 2019").
_AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}

_MONTH_FULL = "|".join(MONTHS)
_MONTH_ANY = _MONTH_FULL + "|" + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
_WEEKDAY_FULL = "|".join(WEEKDAYS)
_WEEKDAY_ANY = _WEEKDAY_FULL + "|" + "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_DAY_OR_WORD = rf"(?:{_DAY}|{ORDINAL_WORD_PATTERN})"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_QUANTITY = rf"(?:\d{{1,2}}|{CARDINAL_PATTERN}|{VAGUE_PATTERN})"
_CLOCK_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_MERIDIEM = r"(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"

# Words that belong to time phrases: after a weekday or year they do not make it attributive, and a
# title-case run made only of them ("Christmas Day", "New Year's Eve") is a time, not a name.
TIME_WORDS = frozenset(
    list(MONTHS) + list(MONTH_ABBREVIATIONS) + list(WEEKDAYS) + [day + "s" for day in WEEKDAYS]
    + """morning mornings afternoon afternoons evening evenings night nights tonight dawn dusk sunrise sunset noon
    midday midnight lunchtime lunch breakfast brunch dinner supper teatime day days eve week weeks weekend weekends
    month months year years time o'clock oclock am pm a.m. p.m. hours hour spring summer autumn fall winter
    summertime springtime wintertime holiday holidays break vacation christmas xmas easter new years year's new
    st saint patrick's paddy's patricks valentine's valentines halloween boxing stephen's good friday eve
    bonfire pancake shrove mardi gras ash palm holy mother's father's thanksgiving independence bloomsday
    midsummer lunar chinese festival songkran labour labor ago before after around early late mid
    """.split()
)

# Minutes after midnight; windows overlap on purpose, people disagree where "evening" starts.
DAY_PARTS: dict[str, tuple[tuple[int, int], ...]] = {
    "small hours": ((0, 330),),
    "early morning": ((240, 570),),
    "dawn": ((210, 540),),
    "morning": ((300, 750),),
    "mid-morning": ((510, 720),),
    "late morning": ((540, 780),),
    "midday": ((645, 870),),
    "lunchtime": ((660, 900),),
    "early afternoon": ((690, 960),),
    "afternoon": ((705, 1110),),
    "mid-afternoon": ((780, 1050),),
    "late afternoon": ((870, 1170),),
    "early evening": ((930, 1260),),
    "evening": ((960, 1440),),
    "late evening": ((1170, 1530),),
    "dusk": ((930, 1380),),
    "night": ((1110, 1740),),
    "late night": ((1260, 1680),),
    "midnight": ((1365, 1515),),
    "breakfast time": ((330, 690),),
    "brunch time": ((570, 870),),
    "dinner time": ((990, 1380),),
    "after work": ((960, 1320),),
    "before work": ((300, 600),),
    "after lunch": ((750, 1050),),
    "before lunch": ((510, 780),),
    "after dinner": ((1110, 1530),),
    "daytime": ((360, 1200),),
}
DAY_PART_NEIGHBOURS = {
    "early morning": ("small hours", "morning"), "dawn": ("small hours", "morning"),
    "morning": ("early morning", "midday"), "late morning": ("morning", "lunchtime"),
    "midday": ("morning", "afternoon"), "lunchtime": ("morning", "afternoon"),
    "afternoon": ("lunchtime", "evening"), "late afternoon": ("afternoon", "evening"),
    "early evening": ("afternoon", "night"), "evening": ("afternoon", "night"), "dusk": ("afternoon", "night"),
    "night": ("evening", "small hours"), "late night": ("evening", "small hours"),
}
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
_LEFT_INTRO = re.compile(
    r"(?:\b(?:sometime|some\s+time|somewhere|way\s+back|back|probably|maybe|perhaps|possibly|definitely|very|really|quite|fairly|rather|pretty|just|some|"
    r"around|about|roughly|approximately|circa|on|in|at|during|over|from|of|within|the|a|an|one|that|this)\s+)+$",
    _FLAGS,
)
# "a few days before", "the day after", "just before", "around": turn a day into days near it.
_NEAR_DAY = re.compile(
    rf"(?:(?P<quantity>{_QUANTITY})\s+(?P<unit>days?|nights?|weeks?)\s+|(?:the|that|a)\s+(?P<the>day|night|evening|morning|week|weekend|days|weeks|few\s+days)\s+"
    r"|(?P<close>just|right|shortly|immediately|not\s+long|a\s+(?:bit|little|day\s+or\s+two))\s+)?"
    r"(?P<relation>before|after|around|near|close\s+to|coming\s+up\s+to|leading\s+up\s+to|in\s+the\s+run[-\s]up\s+to|"
    r"the\s+run[-\s]up\s+to|approaching|ahead\s+of|prior\s+to|following|the\s+days?\s+(?:before|after)|(?:the\s+)?week(?:end)?\s+of)"
    r"\s+(?:the\s+)?$",
    _FLAGS,
)


@dataclass
class Fact:
    """One time phrase found in the text, before facts are combined into terms."""

    kind: str  # "recurring" | "absolute" | "years" | "weekday" | "day_part" | "clock"
    label: str
    span: Span
    negated: bool = False
    rules: tuple[Rule, ...] = ()  # recurring
    rules_south: tuple[Rule, ...] = ()  # recurring seasons, southern hemisphere
    pivot_rules: tuple[Rule, ...] = ()  # the day "a few days before" counts from (Christmas: the 25th)
    relative: str = ""  # "last" / "this" for seasons and holidays resolved against now
    days: tuple[tuple[date, date], ...] = ()  # absolute, inclusive
    seconds: tuple[tuple[int, int], ...] = ()  # absolute with clock precision ("last night")
    years: tuple[int, ...] = ()
    weekdays: tuple[int, ...] = ()
    windows: tuple[tuple[int, int], ...] = ()
    pm_windows: tuple[tuple[int, int], ...] = ()  # a clock time without am/pm: the afternoon reading
    grain: str = ""
    anchor_day: bool = False  # a single day or holiday: "a few days before" may apply
    strength: int = 0  # breaks ties between overlapping candidates


@dataclass
class _Context:
    text: str
    now: datetime
    title_words: set[int] = field(default_factory=set)  # start offsets of words inside non-time titles


# ---------------------------------------------------------------------------------------------------
# small helpers


def _month_of(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS.get(word)


def _weekday_of(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    if word.endswith("s") and word[:-1] in WEEKDAYS:
        return WEEKDAYS[word[:-1]]
    return WEEKDAY_ABBREVIATIONS.get(word)


def _month_rule(month: int) -> Rule:
    return (f"{month:02d}-01", 0, f"{month:02d}-end", 0)


def _day_rule(month: int, day: int) -> Rule:
    return (f"{month:02d}-{day:02d}", 0, f"{month:02d}-{day:02d}", 0)


def _day_label(day: int, month: int, year: int | None = None) -> str:
    return f"{day} {MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")


def _valid_day(day: int, month: int, year: int | None = None) -> bool:
    return 1 <= day <= (calendar.monthrange(year or 2020, month)[1])


def _attributive(ctx: _Context, end: int) -> bool:
    """Is the phrase ending at `end` used as an adjective: "a Sunday newspaper", "2000 people", "winter coat"?"""
    word, gap = next_word(ctx.text, end)
    if not word or gap.strip():
        return False
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in TIME_WORDS or word.isdigit() or re.fullmatch(_DAY, lower):
        return False
    return True


def _in_title(ctx: _Context, start: int, end: int) -> bool:
    return any(start <= position < end for position in ctx.title_words)


def _years_allowed(ctx: _Context, year: int) -> bool:
    return ctx.now.year - 70 <= year <= ctx.now.year + 1


def _preceded_by(ctx: _Context, start: int, words: set[str], count: int = 1) -> bool:
    return any(word in words for word in previous_words(ctx.text, start, count))


_TEMPORAL_PREPOSITIONS = {"in", "on", "during", "of", "since", "until", "till", "by", "from", "through", "throughout",
                          "last", "this", "that", "next", "every", "early", "late", "mid", "around", "before", "after",
                          "over", "between", "and", "or", "to", "was", "is", "it's", "sometime", "one", "each"}


# ---------------------------------------------------------------------------------------------------
# finders: each yields candidate Facts for one kind of phrase


def _find_numeric_dates(ctx: _Context):
    for match in re.finditer(r"(?<![\w/.:-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w/-])", ctx.text):
        year, month, day = (int(group) for group in match.groups())
        if 1 <= month <= 12 and _valid_day(day, month, year) and _years_allowed(ctx, year):
            yield Fact("absolute", _day_label(day, month, year), match.span(), days=((date(year, month, day),) * 2,),
                       grain="day", anchor_day=True, strength=3)
    for match in re.finditer(r"(?<![\w/.:-])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)", ctx.text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        year = year + 2000 if year < 100 else year
        if not _years_allowed(ctx, year):
            continue
        # Day first is what most of the world writes; a date that only works month-first is read that way,
        # and one that works both ways admits both.
        readings = {(d, m) for d, m in ((first, second), (second, first)) if 1 <= m <= 12 and _valid_day(d, m, year)}
        if not readings:
            continue
        days = tuple(sorted((date(year, m, d),) * 2 for d, m in readings))
        label = " or ".join(_day_label(d, m, year) for d, m in sorted(readings, key=lambda r: (r[1], r[0])))
        yield Fact("absolute", label, match.span(), days=days, grain="day", anchor_day=True, strength=3)


_DATE_DAY_MONTH = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAY_ANY})\.?,?\s+(?:the\s+)?)?(?:the\s+)?(?P<day>{_DAY_OR_WORD})\s+(?:day\s+)?(?:of\s+)?"
    rf"(?P<month>{_MONTH_ANY})\b\.?(?:,?\s+(?:in\s+)?(?P<year>{_YEAR})\b)?", _FLAGS)
_DATE_MONTH_DAY = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAY_ANY})\.?,?\s+)?(?P<month>{_MONTH_ANY})\.?\s+(?:the\s+)?(?P<day>{_DAY_OR_WORD})\b"
    rf"(?!\s*(?:{_MERIDIEM}|o['’]?clock|[:.]\d|%|hours|hrs|minutes|mins|km|miles|people|times|years|weeks|days))"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?", _FLAGS)
_DATE_RANGE = re.compile(
    rf"\b(?:(?:between|from)\s+)?(?:the\s+)?(?P<first>{_DAY})\s*(?:and|to|until|till|-|–)\s*(?:the\s+)?(?P<last>{_DAY})\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_ANY})\b\.?(?:,?\s+(?P<year>{_YEAR})\b)?", _FLAGS)


def _find_day_month_dates(ctx: _Context):
    for pattern in (_DATE_DAY_MONTH, _DATE_MONTH_DAY):
        for match in pattern.finditer(ctx.text):
            month = _month_of(match.group("month"))
            day = ordinal(match.group("day"))
            if month is None or day is None:
                continue
            year = int(match.group("year")) if match.group("year") else None
            if year is not None and not _years_allowed(ctx, year):
                year = None
            if not _valid_day(day, month, year):
                continue
            month_word = match.group("month")
            # "I may 3 ..." is not a date; a lowercase "may"/"march" needs its day written as a number.
            if month_word.lower() in _AMBIGUOUS_MONTHS and month_word.islower() and not re.match(r"\d", match.group("day")):
                continue
            if pattern is _DATE_MONTH_DAY and not year and month_word.lower() in _AMBIGUOUS_MONTHS and month_word.islower():
                continue
            end = match.end() if year else match.end("day") if pattern is _DATE_MONTH_DAY else match.end("month")
            if pattern is _DATE_DAY_MONTH and not year:
                end = match.end()
            start = match.start("weekday") if match.group("weekday") else match.start()
            span = (start, end)
            if year:
                fact = Fact("absolute", _day_label(day, month, year), span, days=((date(year, month, day),) * 2,),
                            grain="day", anchor_day=True, strength=3)
            else:
                fact = Fact("recurring", _day_label(day, month), span, rules=(_day_rule(month, day),), anchor_day=True, strength=3)
            yield fact
            if match.group("weekday"):
                weekday = _weekday_of(match.group("weekday"))
                if weekday is not None:
                    yield Fact("weekday", weekday_label([weekday]), match.span("weekday"), weekdays=(weekday,), strength=9)
    for match in _DATE_RANGE.finditer(ctx.text):
        month = _month_of(match.group("month"))
        first, last = ordinal(match.group("first")), ordinal(match.group("last"))
        year = int(match.group("year")) if match.group("year") else None
        if month is None or first is None or last is None or not first < last or not _valid_day(last, month, year):
            continue
        label = f"{first}–{last} {MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")
        if year and _years_allowed(ctx, year):
            yield Fact("absolute", label, match.span(), days=((date(year, month, first), date(year, month, last)),), strength=4)
        else:
            rule = (f"{month:02d}-{first:02d}", 0, f"{month:02d}-{last:02d}", 0)
            yield Fact("recurring", label, match.span(), rules=(rule,), strength=4)


# "the 29th" with no month: that day of any month, only when nothing follows that makes it a floor or a time.
_DAY_OF_MONTH = re.compile(r"\bon\s+the\s+(?P<day>(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th))\b", _FLAGS)


def _find_day_of_month(ctx: _Context):
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
    rf"first\s+few\s+days|last\s+few\s+days|first\s+couple\s+of\s+days|last\s+couple\s+of\s+days)\s+of\s+)(?P<month>{_MONTH_FULL})\b"
    rf"(?:,?\s+(?:of\s+|in\s+)?(?P<year>{_YEAR})\b)?", _FLAGS)
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


def _find_parts_of_months(ctx: _Context):
    for match in _PART_OF_MONTH.finditer(ctx.text):
        month_word = match.group("month")
        if month_word.lower() in _AMBIGUOUS_MONTHS and month_word.islower() and not match.group("year"):
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
        if year and _years_allowed(ctx, year):
            instance = rule_instance(rule, year)
            yield Fact("absolute", f"{label} {year}", match.span(), days=(instance,), grain="day" if low == high else "",
                       anchor_day=low == high, strength=5)
        else:
            yield Fact("recurring", label, match.span(), rules=(rule,), anchor_day=low == high, strength=5)
        if weekdays:
            yield Fact("weekday", "weekends", match.span("part"), weekdays=weekdays, strength=0)


_MONTH_LIST = re.compile(
    rf"\b(?P<months>(?:{_MONTH_FULL})(?:\s*(?:,|/|\bor\b|\band\b|\bto\b|\bthrough\b|\buntil\b|\binto\b|-|–)\s*(?:(?:early|late|mid)[-\s]+|in\s+)?(?:{_MONTH_FULL}))*)\b"
    rf"(?:\s*,?\s+(?:of\s+|in\s+)?(?P<year>{_YEAR})\b)?", _FLAGS)
_MONTH_ABBREVIATION_YEAR = re.compile(rf"\b(?P<month>{'|'.join(MONTH_ABBREVIATIONS)})\.?\s+(?:'|’)?(?P<year>{_YEAR}|\d{{2}})\b", _FLAGS)
_MONTH_VERBS = re.compile(r"\s+(?:have|has|had|be|been|not|i|we|you|he|she|they|it|well|also|as|to|the|a)\b", _FLAGS)


def _month_word_is_month(ctx: _Context, start: int, end: int, word: str, has_year: bool) -> bool:
    """Is this word the month? "in May" yes; "I may have" no; "April and I" (a name) no; "march on" no."""
    lower = word.lower()
    if lower not in _AMBIGUOUS_MONTHS:
        return not _in_title(ctx, start, end)
    if has_year:
        return True
    if word.islower():
        # Lowercase "may" / "march" are verbs unless a date word sits right before: "in may", "early march".
        return _preceded_by(ctx, start, {"in", "during", "of", "since", "until", "till", "early", "late", "mid", "last",
                                            "this", "through"}) and not _MONTH_VERBS.match(ctx.text, end)
    if _in_title(ctx, start, end):
        return False
    if _preceded_by(ctx, start, {"in", "during", "since", "until", "till", "early", "late", "mid", "of", "through"}):
        return True  # "in May I was...": a capitalised month right after a date preposition
    if _MONTH_VERBS.match(ctx.text, end) and lower == "may":
        return False
    if _preceded_by(ctx, start, {"or", "and"}) and re.search(
            rf"\b(?:{_MONTH_FULL}|{_YEAR})\b", ctx.text[max(0, start - 40):start], _FLAGS):
        return True  # "in May 2019, or June"
    if _preceded_by(ctx, start, {"was", "is", "it's", "being"}):
        # "It was March." / "It was March and ...": a month when nothing describes it further.
        return re.match(r"\s*(?:$|[,.;!?)]|and\b|or\b|in\b|of\b|when\b|so\b|but\b)", ctx.text[end:], _FLAGS) is not None
    return _preceded_by(ctx, start, _TEMPORAL_PREPOSITIONS - {"and", "or", "to", "was", "is", "it's", "one"})


def _find_months(ctx: _Context):
    for match in _MONTH_LIST.finditer(ctx.text):
        has_year = bool(match.group("year"))
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(_MONTH_FULL, match.group("months"), _FLAGS)]
        words = [(match.start() + s, match.start() + e, w) for s, e, w in words]
        accepted = [(s, e, w) for s, e, w in words if _month_word_is_month(ctx, s, e, w, has_year)]
        if not accepted:
            continue
        if len(accepted) < len(words):  # only part of the list is months: take the first accepted word alone
            s, e, w = accepted[0]
            year_after = has_year and e == words[-1][1]
            span, months, has_year = (s, match.end() if year_after else e), [MONTHS[w.lower()]], year_after
        else:
            span, months = (match.start(), match.end()), [MONTHS[w.lower()] for _, _, w in words]
            ranged = re.search(r"\b(?:to|through|until|into)\b|-|–", match.group("months"))
            if ranged and len(months) == 2:
                first, last = months
                months = [(first - 1 + step) % 12 + 1 for step in range((last - first) % 12 + 1)]
        if not has_year and _attributive(ctx, span[1]) and not _preceded_by(ctx, span[0], _TEMPORAL_PREPOSITIONS):
            continue  # "the September issue"
        yield _months_fact(ctx, span, months, int(match.group("year")) if has_year else None)
    for match in _MONTH_ABBREVIATION_YEAR.finditer(ctx.text):
        year = int(match.group("year"))
        year = year + 2000 if year < 100 else year
        if _years_allowed(ctx, year):
            yield _months_fact(ctx, match.span(), [MONTH_ABBREVIATIONS[match.group("month").lower()]], year)


def _months_label(months: list[int]) -> str:
    names = [MONTH_NAMES[m - 1] for m in months]
    if len(names) > 2 and all((b - a) % 12 == 1 for a, b in zip(months, months[1:])):
        return f"{names[0]}–{names[-1]}"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _months_fact(ctx: _Context, span: Span, months: list[int], year: int | None) -> Fact:
    rules = tuple(_month_rule(month) for month in months)
    label = _months_label(months)
    if year and _years_allowed(ctx, year):
        days = tuple(rule_instance(rule, year) for rule in rules)
        return Fact("absolute", f"{label} {year}", span, days=days, grain="month", strength=2)
    return Fact("recurring", label, span, rules=rules, grain="month", strength=2)


_PART_OF_YEAR = re.compile(
    rf"\b(?:(?P<edge>early|late|mid)[-\s]+(?:in\s+)?|(?:at\s+|towards?\s+|near\s+|by\s+)?the\s+(?P<part>beginning|start|end|middle|first\s+half|second\s+half|"
    rf"first\s+part|latter\s+part|last\s+part|first\s+few\s+months|last\s+few\s+months|first\s+months|last\s+months)\s+of\s+)"
    rf"(?P<year>{_YEAR}|the\s+year|this\s+year|last\s+year)\b", _FLAGS)
# (first month, first day offset, last month, last day offset) within the year; generous at the edges.
_YEAR_PARTS = {
    "early": (1, 0, 4, 30), "beginning": (1, 0, 3, 15), "start": (1, 0, 3, 15), "first few months": (1, 0, 4, 30),
    "first months": (1, 0, 4, 30), "first half": (1, 0, 7, 15), "first part": (1, 0, 5, 31),
    "mid": (4, 1, 9, 30), "middle": (4, 1, 9, 30),
    "late": (9, 1, 12, 31), "end": (10, 15, 12, 31), "second half": (6, 15, 12, 31), "latter part": (8, 1, 12, 31),
    "last part": (8, 1, 12, 31), "last few months": (9, 1, 12, 31), "last months": (9, 1, 12, 31),
}


def _find_parts_of_years(ctx: _Context):
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
        if not _years_allowed(ctx, year):
            continue
        first = date(year, first_month, max(first_day, 1))
        last = date(year, last_month, min(last_day, calendar.monthrange(year, last_month)[1]))
        yield Fact("absolute", f"{label_part} {year}", match.span(), days=((first, last),), strength=4)


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_SOUTHERN = {"spring": "autumn", "summer": "winter", "autumn": "spring", "fall": "spring", "winter": "summer"}
_SEASON = re.compile(
    rf"\b(?:(?P<relative>last|this|that|past|previous)\s+|(?P<edge>early|late|mid)[-\s]+(?:in\s+(?:the\s+)?)?|the\s+(?P<part>beginning|start|end|middle)\s+of\s+(?:the\s+)?)?"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?P<suffix>time|s)?\b(?:\s+(?:holidays?|break|vacation|months?|term|of))?"
    rf"(?:\s*,?\s+(?:of\s+|in\s+)?(?P<year>{_YEAR})\b)?", _FLAGS)


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


def _find_seasons(ctx: _Context):
    for match in _SEASON.finditer(ctx.text):
        season = match.group("season").lower()
        start = match.start("season")
        intro = match.group("relative") or match.group("edge") or match.group("part") or match.group("year")
        if season == "fall" and not (intro or _preceded_by(ctx, start, {"the", "in", "of"})):
            continue  # "I may fall", "fall over"
        if season == "spring" and _preceded_by(ctx, start, {"a", "hot", "thermal", "mineral", "coil", "water"}):
            continue  # a spring of water
        if not intro and not match.group("suffix"):
            after = ctx.text[match.end("season"):match.end()]
            if not after.strip() and _attributive(ctx, match.end("season")) and not _preceded_by(ctx, start, _TEMPORAL_PREPOSITIONS):
                continue  # "winter coat", "spring onions", "summer dress"
        if _in_title(ctx, start, match.end("season")):
            continue
        edge = (match.group("edge") or match.group("part") or "").lower()
        label_season = "autumn" if season == "fall" else season
        label = (f"{edge} {label_season}" if match.group("edge") else f"the {edge} of {label_season}" if edge else label_season)
        rules, rules_south = _season_rules(season, edge), _season_rules(_SOUTHERN[season], edge)
        year = int(match.group("year")) if match.group("year") else None
        relative = (match.group("relative") or "").lower()
        relative = "last" if relative in ("last", "past", "previous") else "this" if relative == "this" else ""
        if year and _years_allowed(ctx, year):
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
    + rf")(?![\w'’])(?:\s*,?\s+(?:of\s+|in\s+)?(?P<year>{_YEAR})\b)?",
    _FLAGS,
)


def _find_holidays(ctx: _Context):
    for match in _HOLIDAY.finditer(ctx.text):
        index = next(i for i in range(len(HOLIDAYS)) if match.group(f"h{i}"))
        holiday = HOLIDAYS[index]
        name_start, name_end = match.span(f"h{index}")
        if _in_title(ctx, name_start, name_end):
            continue
        if holiday.label == "May Day" and ctx.text[name_start:name_start + 1].islower():
            continue
        if holiday.label == "Lunar New Year" and match.group(f"h{index}").lower() in ("tet", "tết") and not ctx.text[name_start].isupper():
            continue
        year = int(match.group("year")) if match.group("year") else None
        relative = (match.group("relative") or "").lower()
        rules, label_base = holiday.rules, holiday.label
        if not year and not relative and _attributive(ctx, name_end) and not _preceded_by(ctx, name_start, _HOLIDAY_INTRODUCERS):
            event, _ = next_word(ctx.text, name_end)
            if event.lower() not in _HOLIDAY_EVENTS:
                continue  # "a Christmas jumper", "looking at Christmas lights": things seen, not the day
            # "a Christmas party", "the Halloween parade": around the day, usually a little before it.
            rules = tuple(relative_rule(rule, "around", 0, 0) for rule in holiday.pivot_rules)
            rules = tuple((a, b - 10, c, d + 2) for a, b, c, d in rules)
            label_base = f"around {holiday.label}"
        relative = "last" if relative in ("last", "past", "previous") else "this" if relative else ""
        anchor = rules is holiday.rules
        if year and _years_allowed(ctx, year):
            yield Fact("recurring", f"{label_base} {year}", match.span(), rules=rules, pivot_rules=holiday.pivot_rules,
                       years=(year,), anchor_day=anchor, strength=4)
        else:
            label = f"{relative} {label_base}" if relative else label_base
            yield Fact("recurring", label, match.span(), rules=rules, pivot_rules=holiday.pivot_rules, relative=relative,
                       anchor_day=anchor, strength=4)


_RELATIVE = re.compile(
    rf"\b(?:(?P<yesterday>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
    rf"|(?P<ago>(?P<quantity>{_QUANTITY})\s+(?P<unit>days?|nights?|weeks?|months?|years?)\s+(?:ago|back|before\s+now|earlier))"
    rf"|(?P<past>(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+(?P<past_quantity>{_QUANTITY})\s+(?P<past_unit>days|weeks|months))"
    rf"|(?P<before_last>the\s+(?P<bl_unit>week|weekend|month|year)\s+before\s+last)"
    rf"|(?P<other_day>the\s+other\s+day)"
    rf"|(?P<this>(?:earlier\s+|later\s+)?this\s+(?P<this_unit>week|weekend|month|year))"
    rf"|(?P<last>(?:last|past|previous)\s+(?P<last_unit>week|weekend|month|year|{_MONTH_FULL}|{_WEEKDAY_FULL})))\b",
    _FLAGS,
)


def range_label(first: date, last: date) -> str:
    """12-20 June 2020, 28 May - 5 June 2020, 30 December 2019 - 2 January 2020."""
    if first == last:
        return _day_label(first.day, first.month, first.year)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_NAMES[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} – {_day_label(last.day, last.month, last.year)}"
    return f"{_day_label(first.day, first.month, first.year)} – {_day_label(last.day, last.month, last.year)}"


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _find_relative(ctx: _Context):
    today = ctx.now.date()
    for match in _RELATIVE.finditer(ctx.text):
        span = match.span()
        if match.group("yesterday"):
            phrase = " ".join(match.group("yesterday").lower().split())
            if phrase == "last night":
                yesterday = today - timedelta(days=1)
                start = (yesterday - date(1970, 1, 1)).days * 86400 + 17 * 3600
                yield Fact("absolute", "last night", span, seconds=((start, start + 12 * 3600),), strength=5)
                continue
            offset = {"the day before yesterday": 2, "yesterday": 1}.get(phrase, 0)
            day = today - timedelta(days=offset)
            yield Fact("absolute", f"{phrase} ({_day_label(day.day, day.month, day.year)})", span, days=((day, day),),
                       grain="day", anchor_day=True, strength=5)
            part = {"tonight": "night", "this morning": "morning", "this afternoon": "afternoon", "this evening": "evening"}.get(phrase)
            if part:
                yield Fact("day_part", part, span, windows=DAY_PARTS[part], strength=0)
        elif match.group("ago"):
            amount = quantity(match.group("quantity"))
            if amount is None:
                continue
            yield _ago_fact(ctx, span, " ".join(match.group("ago").lower().split()), amount, match.group("unit").lower().rstrip("s"))
        elif match.group("past"):
            amount = quantity(match.group("past_quantity"))
            if amount is None:
                continue
            unit_days = {"days": 1, "weeks": 7, "months": 31}[match.group("past_unit").lower()]
            first = today - timedelta(days=amount[1] * unit_days + 1)
            yield Fact("absolute", " ".join(match.group("past").lower().split()), span, days=((first, today),), strength=5)
        elif match.group("before_last"):
            unit = match.group("bl_unit").lower()
            yield _last_unit_fact(ctx, span, unit, steps=2, label=f"the {unit} before last")
        elif match.group("other_day"):
            yield Fact("absolute", "the other day", span, days=((today - timedelta(days=10), today - timedelta(days=1)),), strength=5)
        elif match.group("this"):
            unit = match.group("this_unit").lower()
            label = " ".join(match.group("this").lower().split())
            if unit == "week":
                first = today - timedelta(days=today.weekday())
                yield Fact("absolute", label, span, days=((first, today),), strength=5)
            elif unit == "weekend":
                # Said near the archive's end, "this weekend" is the one under way or just past, or the coming one.
                saturday = today - timedelta(days=(today.weekday() - 5) % 7)
                weekends = ((saturday, saturday + timedelta(days=1)), (saturday + timedelta(days=7), saturday + timedelta(days=8)))
                yield Fact("absolute", label, span, days=weekends, strength=5)
            elif unit == "month":
                yield Fact("absolute", label, span, days=((today.replace(day=1), today),), grain="", strength=5)
            else:
                yield Fact("years", str(today.year), span, years=(today.year,), strength=5)
        else:
            unit = match.group("last_unit").lower()
            yield _last_unit_fact(ctx, span, unit, steps=1, label=" ".join(match.group("last").lower().split()))


def _ago_fact(ctx: _Context, span: Span, label: str, amount: tuple[int, int], unit: str) -> Fact:
    """ "two weeks ago": generous, people round; the further back, the rougher."""
    today = ctx.now.date()
    low, high = amount
    unit_days = {"day": 1, "night": 1, "week": 7, "month": 30.44, "year": 365.25}[unit]
    near, far = low * unit_days, high * unit_days
    slack_near = max(1, near * 0.3) if unit != "day" and unit != "night" else (0 if low <= 2 else 1)
    slack_far = max(1, far * 0.3) if unit != "day" and unit != "night" else (1 if high <= 2 else max(1, high * 0.25))
    if unit in ("week", "month"):
        slack_near, slack_far = max(slack_near, 3), max(slack_far, 4)
    if unit == "year":  # "a year ago" is rough: give it four months either side at least
        slack_near, slack_far = max(slack_near, 120), max(slack_far, 120)
    first = today - timedelta(days=round(far + slack_far))
    last = today - timedelta(days=max(0, round(near - slack_near)))
    return Fact("absolute", f"{label} ({range_label(first, last)})", span, days=((first, last),), strength=5)


def _last_unit_fact(ctx: _Context, span: Span, unit: str, steps: int, label: str) -> Fact:
    today = ctx.now.date()
    if unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * steps)
        return Fact("absolute", label, span, days=((monday - timedelta(days=2), monday + timedelta(days=8)),), strength=5)
    if unit == "weekend":
        # The most recent Saturday-Sunday that is over (today counts as over only from Monday).
        saturday = today - timedelta(days=(today.weekday() - 5) % 7 + (7 if today.weekday() >= 5 else 0))
        saturday -= timedelta(days=7 * (steps - 1))
        return Fact("absolute", f"{label} ({range_label(saturday, saturday + timedelta(days=1))})", span,
                    days=((saturday, saturday + timedelta(days=1)),), strength=5)
    if unit == "month":
        first = today.replace(day=1)
        for _ in range(steps):
            first = (first - timedelta(days=1)).replace(day=1)
        return Fact("absolute", f"{MONTH_NAMES[first.month - 1]} {first.year}", span, days=(_month_bounds(first.year, first.month),),
                    grain="month", strength=5)
    if unit == "year":
        year = today.year - steps
        return Fact("years", str(year), span, years=(year,), strength=5)
    if unit in MONTHS:
        month = MONTHS[unit]
        year = today.year if month < today.month else today.year - 1
        year -= steps - 1
        return Fact("absolute", f"{MONTH_NAMES[month - 1]} {year}", span, days=(_month_bounds(year, month),), grain="month", strength=5)
    weekday = WEEKDAYS[unit]
    # "last Tuesday": the latest one before today, or the one a week earlier - people mean either.
    latest = today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    earlier = latest - timedelta(days=7)
    return Fact("absolute", f"{label} ({_day_label(latest.day, latest.month, latest.year)} or a week before)", span,
                days=((earlier, earlier), (latest, latest)), strength=5)


_YEAR_ALONE = re.compile(rf"(?<![\w#$€£/.:,-])(?P<year>{_YEAR})(?![\w/%:-]|\.\d|,\d)(?P<s>'?s\b)?")
_YEAR_LIST = re.compile(rf"\b(?P<first>{_YEAR})\s*(?:or|and|/|-|–|to)\s*(?P<second>{_YEAR}|\d{{2}})\b")
_NOT_YEAR_BEFORE = {"number", "no", "route", "flight", "room", "bus", "gate", "platform", "model", "a", "an", "page", "size",
                    "code", "channel", "track", "episode", "series", "version", "over", "about", "around", "nearly",
                    "almost", "than", "exactly", "only", "just", "some", "the", "like", "costs", "cost", "paid", "for",
                    "x", "times", "score", "scored", "highway", "street", "road", "unit", "apartment", "floor"}
_YEAR_INTRODUCERS = {"in", "of", "since", "during", "from", "until", "till", "by", "year", "summer", "winter", "spring",
                     "autumn", "fall", "early", "late", "mid", "was", "it's", "back", "around", "circa", "and", "or", "to",
                     "through", "throughout", "sometime", "either"}


_UNIT_AFTER_NUMBER = re.compile(
    r"\s*(?:km|m|kg|g|ml|l|eur|euro|euros|dollars|pounds|calories|kcal|steps|ft|feet|metres|meters|miles|people|hours|mins|minutes"
    r"|seconds|x)\b", _FLAGS)


def _find_years(ctx: _Context):
    for match in _YEAR_LIST.finditer(ctx.text):
        first = int(match.group("first"))
        second_text = match.group("second")
        second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        if not (_years_allowed(ctx, first) and _years_allowed(ctx, second)) or not 0 < abs(second - first) <= 3:
            continue
        if not _preceded_by(ctx, match.start(), _YEAR_INTRODUCERS | {"either"}) and _attributive(ctx, match.end()):
            continue
        ranged = re.search(r"-|–|to", ctx.text[match.start():match.end()])
        years = tuple(range(min(first, second), max(first, second) + 1)) if ranged else (first, second)
        yield Fact("years", " or ".join(str(y) for y in years), match.span(), years=years, strength=2)
    for match in _YEAR_ALONE.finditer(ctx.text):
        year = int(match.group("year"))
        if match.group("s") or not _years_allowed(ctx, year):
            continue  # "the 1990s" is a decade
        before = previous_words(ctx.text, match.start(), 1)
        introduced = bool(before) and before[-1] in _YEAR_INTRODUCERS
        if before and before[-1] in _NOT_YEAR_BEFORE and not introduced:
            continue
        if not introduced and _attributive(ctx, match.end()):
            continue  # "2000 people", "a 2019 calendar"
        if _UNIT_AFTER_NUMBER.match(ctx.text, match.end()):
            continue
        yield Fact("years", str(year), match.span(), years=(year,), grain="year", strength=1)


_WEEKDAY = re.compile(rf"\b(?P<weekday>{_WEEKDAY_FULL})(?P<plural>s)?\b", _FLAGS)
_WEEKDAY_LIST_GAP = re.compile(r"\s*(?:,|\bor\b|\band\b|/)\s*(?:(?:on\s+)?an?\s+|on\s+)?", _FLAGS)
_WEEKDAY_INTRODUCERS = {"on", "that", "this", "last", "every", "one", "each", "a", "of", "or", "and", "was", "it's",
                        "sunday", "saturday", "until", "till", "by", "since", "from", "next", "previous"}


_WEEK_PART = re.compile(
    r"\b(?:(?:the|a)\s+)?(?P<word>week-?ends?|weekdays?|work\s*days?|working\s+days?|school\s+days?|mid-?week|during\s+the\s+week)\b",
    _FLAGS)


def _find_weekdays(ctx: _Context):
    for match in _WEEKDAY.finditer(ctx.text):
        start, end = match.span()
        if _in_title(ctx, start, end):
            continue  # "Saturday Night Fever", "the Sunday Times"
        before = previous_words(ctx.text, start, 1)
        introduced = bool(before) and before[-1] in _WEEKDAY_INTRODUCERS - {"a"}
        if _attributive(ctx, end) and not introduced:
            continue  # "a Sunday newspaper", "Friday drinks"
        weekday = WEEKDAYS[match.group("weekday").lower()]
        yield Fact("weekday", weekday_label([weekday]), (start, end), weekdays=(weekday,), strength=1)
    for match in _WEEK_PART.finditer(ctx.text):
        word = match.group("word").lower()
        days = (5, 6) if word.startswith("week") and "end" in word else (1, 2, 3) if word.startswith("mid") else (0, 1, 2, 3, 4)
        yield Fact("weekday", weekday_label(days), match.span(), weekdays=days, strength=1)


def _find_day_parts(ctx: _Context):
    for pattern, name in _DAY_PART_PATTERNS:
        for match in pattern.finditer(ctx.text):
            if _in_title(ctx, match.start(), match.end()):
                continue
            if name in ("morning", "night", "evening", "afternoon") and _preceded_by(ctx, match.start(), {"good"}):
                continue  # a greeting ("good night") says nothing about the time
            yield Fact("day_part", name, match.span(), windows=DAY_PARTS[name], strength=1)


_DAY_PART_PATTERNS = tuple((re.compile(rf"\b(?:{pattern})\b", _FLAGS), name) for pattern, name in _DAY_PART_PHRASES)

# Clock times. "an hour or so either side" of a stated time; ranges get half an hour of grace.
CLOCK_SLACK_MINUTES = 75
_CLOCK = (
    rf"(?:(?P<H>\d{{1,2}})(?:[:.](?P<M>\d{{2}}))?\s*(?P<mer>{_MERIDIEM})"  # 7pm, 7.30 a.m.
    rf"|(?P<H2>\d{{1,2}})[:h](?P<M2>\d{{2}})(?!\d)"  # 19:30, 19h30
    rf"|(?P<W>{_CLOCK_WORD}|\d{{1,2}})\s+o['’]?\s?clock"  # seven o'clock
    rf"|(?P<F>half|quarter)\s+(?P<rel>past|to|after)\s+(?P<FH>{_CLOCK_WORD}|\d{{1,2}}))"  # half past seven
)
_CLOCK_RE = re.compile(_CLOCK, _FLAGS)
_CLOCK_RANGE = re.compile(
    rf"\b(?:between|from)\s+(?P<a>\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:{_MERIDIEM})?|{_CLOCK_WORD})\s*(?:and|to|until|till|-|–)\s*(?P<b>\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:{_MERIDIEM})?|{_CLOCK_WORD})(?!\d)"
    rf"(?:\s*(?P<b_mer>{_MERIDIEM}))?(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening))?", _FLAGS)
_CLOCK_BARE = re.compile(
    rf"\b(?P<intro>at|around|about|roughly|approximately|after|before|by)\s+(?:about\s+|around\s+)?(?P<half>half\s+)?(?P<H>\d{{1,2}}|{_CLOCK_WORD})(?:\s*-?\s*ish)?"
    rf"(?=\s*(?:$|[,;!?)]|\.(?:\s|$)|or\s+so\b|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|on\b|and\b|that\b|when\b|with\b"
    rf"|or\b|i\b|we\b))", _FLAGS)
_CLOCK_PART = re.compile(
    rf"\b(?P<half>half\s+)?(?P<H>\d{{1,2}}|{_CLOCK_WORD})(?:[:.](?P<M>\d{{2}}))?\s+"
    rf"(?:(?:in|on)\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))\b", _FLAGS)


def _clock_value(hour_text: str, minute_text: str | None = None) -> tuple[int, int] | None:
    hour = cardinal(hour_text) if not hour_text.isdigit() else int(hour_text)
    minute = int(minute_text) if minute_text else 0
    if hour is None or hour > 24 or minute > 59:
        return None
    return hour % 24, minute


def _readings(hour: int, minute: int, meridiem: str | None) -> tuple[list[int], list[int]]:
    """(definite minutes, afternoon alternatives) of a clock time; without am/pm, 7 may be 7am or 7pm."""
    if meridiem:
        pm = meridiem.lower().startswith("p")
        if hour > 12:
            return [hour * 60 + minute], []
        hour = hour % 12 + (12 if pm else 0)
        return [hour * 60 + minute], []
    if hour >= 13 or hour == 0:
        return [hour * 60 + minute], []
    return [hour % 12 * 60 + minute], [(hour % 12 + 12) * 60 + minute]


def _around(minutes: list[int]) -> tuple[tuple[int, int], ...]:
    return tuple(((m - CLOCK_SLACK_MINUTES) % 1440, (m - CLOCK_SLACK_MINUTES) % 1440 + 2 * CLOCK_SLACK_MINUTES) for m in minutes)


def _relative_window(intro: str, minutes: list[int]) -> tuple[tuple[int, int], ...]:
    """ "after 6pm" -> 5:30pm to 2am; "before 9am" -> 4am to 9:30am; otherwise an hour or so either side."""
    intro = intro.lower()
    if intro == "after":
        return tuple(((m - 30) % 1440, (m - 30) % 1440 + 510) for m in minutes)
    if intro in ("before", "by"):
        return tuple(((m - 300) % 1440, (m - 300) % 1440 + 330) for m in minutes)
    return _around(minutes)


def _clock_fact(span: Span, intro: str, definite: list[int], afternoon: list[int], label: str) -> Fact:
    return Fact("clock", label, span, windows=_relative_window(intro, definite),
                pm_windows=_relative_window(intro, afternoon) if afternoon else (), strength=3)


def _clock_label(intro: str, definite: list[int], afternoon: list[int]) -> str:
    intro = intro.lower()
    word = {"after": "after", "before": "before", "by": "before"}.get(intro, "around")
    if afternoon:
        return f"{word} {clock_text(definite[0])} or {clock_text(afternoon[0])}"
    return f"{word} {clock_text(definite[0])}"


_CLOCK_EITHER = re.compile(
    rf"\b(?:(?P<intro>at|around|about|roughly|approximately)\s+)?(?P<a>\d{{1,2}}|{_CLOCK_WORD})\s*(?:or|-|–|to)\s*(?P<b>\d{{1,2}}|{_CLOCK_WORD})(?!\d)"
    rf"\s*(?:(?P<mer>{_MERIDIEM})|o['’]?clock|(?:in|on)\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))?", _FLAGS)


def _find_clock_alternatives(ctx: _Context):
    """ "around 5 or 6 in the evening", "at 7 or 8": an hour range, with the usual slack at both ends."""
    for match in _CLOCK_EITHER.finditer(ctx.text):
        if not (match.group("intro") or match.group("mer") or match.group("part") or match.group("night")):
            continue  # "2 or 3 people"
        first, last = _clock_value(match.group("a")), _clock_value(match.group("b"))
        if first is None or last is None or not 0 < (last[0] - first[0]) % 12 <= 3 or first[0] > 12 or last[0] > 12:
            continue
        part = (match.group("part") or ("night" if match.group("night") else "")).lower()
        meridiem = match.group("mer") or ("am" if part == "morning" else "pm" if part else None)
        if part == "night":  # "12 at night" is midnight, "2 at night" is 2am
            first, last = ((0 if h == 12 else h, m) for h, m in (first, last))
            meridiem = None if first[0] > 4 or last[0] > 4 else "am"
            first, last = ((h + 12 if 5 <= h < 12 else h, m) for h, m in (first, last))
        a_minutes, a_pm = _readings(*first, meridiem)
        b_minutes, b_pm = _readings(*last, meridiem)
        end_of = lambda a, b: b + (1440 if b < a else 0)  # noqa: E731 - "11 or 12" crosses midnight
        windows = ((a_minutes[0] - CLOCK_SLACK_MINUTES) % 1440,)
        windows = ((windows[0], windows[0] + end_of(a_minutes[0], b_minutes[0]) - a_minutes[0] + 2 * CLOCK_SLACK_MINUTES),)
        pm_windows = ()
        if a_pm and b_pm:
            start = (a_pm[0] - CLOCK_SLACK_MINUTES) % 1440
            pm_windows = ((start, start + end_of(a_pm[0], b_pm[0]) - a_pm[0] + 2 * CLOCK_SLACK_MINUTES),)
        label = f"around {clock_text(a_minutes[0])}–{clock_text(b_minutes[0])}"
        if pm_windows:
            label += f" or {clock_text(a_pm[0])}–{clock_text(b_pm[0])}"
        yield Fact("clock", label, match.span(), windows=windows, pm_windows=pm_windows, strength=4)


_CLOCK_INTRO = re.compile(
    r"\b(at|around|about|roughly|approximately|after|before|by|just\s+after|just\s+before|shortly\s+after)\s+(?:about\s+|around\s+)?$",
    _FLAGS)


def _find_clock_times(ctx: _Context):
    for match in _CLOCK_RANGE.finditer(ctx.text):
        ends = []
        b_meridiem = match.group("b_mer") or re.search(_MERIDIEM, match.group("b"), _FLAGS)
        b_meridiem = b_meridiem if isinstance(b_meridiem, str) else (b_meridiem.group() if b_meridiem else None)
        for key in ("a", "b"):
            part = match.group(key)
            found = re.match(rf"(\d{{1,2}}|{_CLOCK_WORD})(?:[:.](\d{{2}}))?\s*({_MERIDIEM})?", part, _FLAGS)
            value = _clock_value(found.group(1), found.group(2)) if found else None
            if value is None:
                break
            meridiem = found.group(3) or (b_meridiem if key == "a" else None) or b_meridiem
            if match.group("part"):
                meridiem = meridiem or ("am" if match.group("part").lower() == "morning" else "pm")
            ends.append((value, meridiem))
        if len(ends) != 2:
            continue
        (a_value, a_mer), (b_value, b_mer) = ends
        if not (a_mer or b_mer) and not any(ch.isdigit() for ch in match.group()) and not match.group("part"):
            continue
        a_minutes, a_pm = _readings(*a_value, a_mer)
        b_minutes, b_pm = _readings(*b_value, b_mer)
        windows = [(a_minutes[0] - 30, b_minutes[0] + 30 + (1440 if b_minutes[0] < a_minutes[0] else 0))]
        pm_windows = []
        if a_pm and b_pm:
            pm_windows = [(a_pm[0] - 30, b_pm[0] + 30 + (1440 if b_pm[0] < a_pm[0] else 0))]
        if windows[0][1] - windows[0][0] > 14 * 60:
            continue
        label = f"between {clock_text(a_minutes[0])} and {clock_text(b_minutes[0])}"
        yield Fact("clock", label, match.span(), windows=tuple((s % 1440, s % 1440 + e - s) for s, e in windows),
                   pm_windows=tuple((s % 1440, s % 1440 + e - s) for s, e in pm_windows), strength=4)
    for match in _CLOCK_RE.finditer(ctx.text):
        intro_match = _CLOCK_INTRO.search(ctx.text[max(0, match.start() - 30):match.start()])
        intro = intro_match.group(1).split()[-1] if intro_match else "at"
        if match.group("H"):
            value, meridiem = _clock_value(match.group("H"), match.group("M")), match.group("mer")
        elif match.group("H2"):
            value, meridiem = _clock_value(match.group("H2"), match.group("M2")), None
            if ":" not in match.group() and not intro_match:
                continue  # "2h30" alone is a duration; "at 19h30" is a time
        elif match.group("W"):
            value, meridiem = _clock_value(match.group("W")), None
        else:
            hour = _clock_value(match.group("FH"))
            if hour is None:
                continue
            offset = 30 if match.group("F").lower() == "half" else 15
            if match.group("rel").lower() == "to":
                value = ((hour[0] - 1) % 24, 60 - offset)
            else:
                value = (hour[0], offset)
            meridiem = None
        if value is None:
            continue
        start = intro_match.start() + max(0, match.start() - 30) if intro_match else match.start()
        definite, afternoon = _readings(*value, meridiem)
        yield _clock_fact((start, match.end()), intro, definite, afternoon, _clock_label(intro, definite, afternoon))
    for match in _CLOCK_PART.finditer(ctx.text):
        value = _clock_value(match.group("H"), match.group("M"))
        if value is None or value[0] > 12:
            continue
        if match.group("half"):  # "half ten" is 10:30 in Ireland and Britain
            value = (value[0], 30)
        part = (match.group("part") or "night").lower()
        meridiem = "am" if part == "morning" else "pm"
        if part == "night" and (value[0] <= 4 or value[0] == 12):  # "2 at night", "12 at night"
            value, meridiem = (value[0] % 12, value[1]), "am"
        definite, _ = _readings(*value, meridiem)
        start = match.start()
        intro = re.search(r"\b(at|around|about|roughly|approximately|after|before)\s+$", ctx.text[max(0, start - 20):start], _FLAGS)
        if intro:
            start = intro.start() + max(0, match.start() - 20)
        word = intro.group(1) if intro else "at"
        yield _clock_fact((start, match.end()), word, definite, [], _clock_label(word, definite, []))
    for match in _CLOCK_BARE.finditer(ctx.text):
        value = _clock_value(match.group("H"))
        if value is None or value[0] > 24:
            continue
        hour_text = match.group("H")
        if hour_text.isdigit() and int(hour_text) > 24:
            continue
        intro = match.group("intro").lower()
        if intro in ("after", "before", "by") and not hour_text.isdigit():
            continue  # "after one", "before two" are rarely times
        if match.group("half"):
            value = (value[0], 30)
        definite, afternoon = _readings(*value, None)
        yield _clock_fact(match.span(), intro, definite, afternoon, _clock_label(intro, definite, afternoon))


# ---------------------------------------------------------------------------------------------------
# choosing among overlapping candidates and widening spans

_FINDERS = (_find_numeric_dates, _find_day_month_dates, _find_day_of_month, _find_parts_of_months, _find_months,
            _find_parts_of_years, _find_seasons, _find_holidays, _find_relative, _find_years, _find_weekdays,
            _find_day_parts, _find_clock_alternatives, _find_clock_times)


def _title_word_starts(text: str) -> set[int]:
    """Start offsets of words in title-case runs that hold a word which is no time word ("Saturday Night Fever")."""
    starts: set[int] = set()
    for run in title_runs(text):
        lowered = [word.lower().rstrip(".") for _, _, word in run]
        if all(word in TIME_WORDS or re.fullmatch(_DAY, word) for word in lowered):
            continue
        starts.update(start for start, _, _ in run)
    return starts


def _choose(candidates: list[Fact]) -> list[Fact]:
    """Longest non-overlapping candidates; a candidate fully inside a chosen one is dropped."""
    chosen: list[Fact] = []
    ordered = sorted(candidates, key=lambda f: (-(f.span[1] - f.span[0]), -f.strength, f.span[0]))
    for fact in ordered:
        if any(fact.span[0] < other.span[1] and other.span[0] < fact.span[1] for other in chosen):
            # A weekday named inside a date ("Sunday 18th Sept") is kept: it is a second fact of the phrase.
            if fact.kind == "weekday" and fact.strength == 9:
                chosen.append(fact)
            continue
        chosen.append(fact)
    return sorted(chosen, key=lambda f: f.span[0])


def _near_day_offsets(match: re.Match) -> tuple[str, int, int, str] | None:
    """(relation, low, high, extra weekday hint) days for a "before/after/around" modifier."""
    relation = " ".join(match.group("relation").lower().split()).removeprefix("the ")
    if relation == "weekend of":  # "the weekend of the 12th": the Saturday and Sunday around it
        return "around", 0, 2, "weekend"
    if relation == "week of":
        return "around", 0, 6, ""
    if relation.startswith("day"):
        relation = relation.split()[-1]
        return relation, 1, 8, ""
    if relation in ("near", "close to", "around"):
        return "around", 0, 5, ""
    if relation in ("coming up to", "leading up to", "in the run-up to", "in the run up to", "the run-up to",
                    "the run up to", "approaching", "ahead of", "prior to"):
        return "before", 1, 14, ""
    if relation == "following":
        relation = "after"
    if match.group("quantity"):
        amount = quantity(match.group("quantity"))
        if amount is None:
            return None
        unit = match.group("unit").lower().rstrip("s")
        low, high = amount
        if unit == "week":
            return relation, max(1, 7 * low - 4), 7 * high + 4, ""
        if (low, high) == (2, 6):  # "a few days": up to about a week
            return relation, 1, 8, ""
        return relation, max(1, low - (1 if low >= 2 else 0)), high + 1 if high >= 2 else high, ""
    if match.group("the"):
        unit = " ".join(match.group("the").lower().split())
        if unit in ("day", "night", "evening", "morning"):
            return relation, 1, 1, ""
        if unit == "weekend":
            return relation, 1, 9, "weekend"
        return relation, 1, 8 if unit in ("week", "days", "few days") else 21, ""
    if match.group("close"):
        return relation, 1, 6, ""
    return relation, 1, 14, ""


def _apply_near_day(ctx: _Context, fact: Fact, chosen_spans: list[Span]) -> tuple[list[Fact], list[Span]]:
    """Widen a day or holiday with the words before it: "a few days before Christmas".

    Returns the facts and the spans of other facts the modifier swallowed ("the weekend" in "the weekend before").
    """
    if not fact.anchor_day:
        return [fact], []
    window_start = max(0, fact.span[0] - 60)
    match = _NEAR_DAY.search(ctx.text, window_start, fact.span[0])
    if not match or match.end() != fact.span[0]:
        return [fact], []
    others = [(s, e) for s, e in chosen_spans if (s, e) != fact.span and s < fact.span[0] and e > match.start()]
    if any(s < match.start() or e > fact.span[0] for s, e in others):
        return [fact], []
    offsets = _near_day_offsets(match)
    if offsets is None:
        return [fact], []
    relation, low, high, hint = offsets
    phrase = " ".join(ctx.text[match.start():match.end()].split()).lower().removesuffix(" the")
    label_base = re.sub(r"\s+\d{4}$", "", fact.label) if fact.years else fact.label
    label = f"{phrase} {label_base}" + (f" {fact.years[0]}" if fact.years and len(fact.years) == 1 else "")
    span = (match.start(), fact.span[1])
    if fact.kind == "recurring":
        rules = tuple(relative_rule(rule, relation, low, high) for rule in (fact.pivot_rules or fact.rules))
        widened = replace(fact, label=label, span=span, rules=rules, pivot_rules=(), anchor_day=False)
    else:
        shift_days = []
        for first, last in fact.days:
            if relation == "before":
                shift_days.append((first - timedelta(days=high), first - timedelta(days=low)))
            elif relation == "after":
                shift_days.append((last + timedelta(days=low), last + timedelta(days=high)))
            else:
                shift_days.append((first - timedelta(days=high), last + timedelta(days=high)))
        widened = replace(fact, label=label, span=span, days=tuple(shift_days), grain="", anchor_day=False)
    facts = [widened]
    if hint == "weekend":
        facts.append(Fact("weekday", "weekends", span, weekdays=(5, 6), strength=0))
    return facts, others


_OR_GAP = re.compile(
    r"\s*,?\s*(?:(?:maybe|perhaps|possibly|probably)\s*,?\s*)?(?:or|/)\s*(?:(?:maybe|perhaps|possibly|probably)\s+)?", _FLAGS)


def _touched_years(fact: Fact) -> tuple[int, ...]:
    if fact.kind == "years":
        return fact.years
    return tuple(sorted({year for first, last in fact.days for year in range(first.year, last.year + 1)}))


_BETWEEN_GAP = re.compile(r"\s*(?:,\s*)?(?:and|to|until|till|through|-|–)\s*(?:the\s+)?", _FLAGS)
_BETWEEN_START = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", _FLAGS)


def _first_rule(fact: Fact) -> Rule | None:
    rules = fact.pivot_rules or fact.rules
    return rules[0] if len(rules) == 1 else None


def _range_start(ctx: _Context, start: int) -> int | None:
    """Where "between"/"from" introducing the phrase at `start` begins (the phrase's span may already hold it)."""
    if re.match(r"(?:between|from)\s", ctx.text[start:start + 8], _FLAGS):
        return start
    before = _BETWEEN_START.search(ctx.text, max(0, start - 14), start)
    return before.start() if before else None


def _merge_ranges(ctx: _Context, facts: list[Fact]) -> list[Fact]:
    """ "between Christmas and New Year", "from the 3rd of May to Easter": the days from one to the other."""
    merged: list[Fact] = []
    for fact in facts:
        previous = merged[-1] if merged else None
        if (previous is None or previous.kind != "recurring" or fact.kind != "recurring" or previous.negated or fact.negated
                or previous.relative or fact.relative or not _BETWEEN_GAP.fullmatch(ctx.text, previous.span[1], fact.span[0])
                or _range_start(ctx, previous.span[0]) is None):
            merged.append(fact)
            continue
        first, last = _first_rule(previous), _first_rule(fact)
        if first is None or last is None:
            merged.append(fact)
            continue
        rule = (first[0], first[1], last[2], last[3])
        first_label = re.sub(r"\s\d{4}$", "", previous.label)
        label = f"between {first_label} and {fact.label}"
        merged[-1] = replace(previous, label=label, span=(_range_start(ctx, previous.span[0]), fact.span[1]), rules=(rule,),
                             rules_south=(), pivot_rules=(), years=previous.years or fact.years, anchor_day=False)
    return merged


def _merge_alternatives(ctx: _Context, facts: list[Fact]) -> list[Fact]:
    """ "December 2018 or January 2019", "in May 2019, or June": one remembered time, either of two."""
    merged: list[Fact] = []
    for fact in facts:
        previous = merged[-1] if merged else None
        datelike = {"absolute", "years", "recurring"}
        if (previous is None or previous.kind not in datelike or fact.kind not in datelike or previous.negated or fact.negated
                or previous.relative or fact.relative or not _OR_GAP.fullmatch(ctx.text, previous.span[1], fact.span[0])):
            merged.append(fact)
            continue
        kinds = {previous.kind, fact.kind}
        span = (previous.span[0], fact.span[1])
        label = f"{previous.label} or {fact.label}"
        if kinds == {"recurring"} and not previous.years and not fact.years:
            merged[-1] = replace(previous, label=label, span=span, rules=previous.rules + fact.rules,
                                 rules_south=(previous.rules_south or previous.rules) + (fact.rules_south or fact.rules)
                                 if previous.rules_south or fact.rules_south else (), anchor_day=False, pivot_rules=())
        elif kinds == {"years"}:
            merged[-1] = replace(previous, label=label, span=span, years=tuple(sorted(set(previous.years + fact.years))))
        elif "recurring" not in kinds or not (previous.years or fact.years):
            bound = []
            for item in (previous, fact):
                if item.kind == "recurring":
                    other = fact if item is previous else previous
                    item = _bind_years(item, item.rules, _touched_years(other), item.label)
                bound.append(item)
            days = tuple(day for item in bound for day in (item.days or tuple((date(y, 1, 1), date(y, 12, 31)) for y in item.years)))
            merged[-1] = Fact("absolute", label, span, days=tuple(sorted(set(days))))
        else:
            merged.append(fact)
    return merged


def find_facts(text: str, now: datetime) -> list[Fact]:
    """All time facts of a text, with spans that cover their introducing words."""
    ctx = _Context(text, now, _title_word_starts(text))
    candidates = [fact for finder in _FINDERS for fact in finder(ctx)]
    chosen = _choose(candidates)
    spans = [fact.span for fact in chosen]
    widened: list[Fact] = []
    swallowed: set[Span] = set()
    for fact in chosen:
        found, absorbed = _apply_near_day(ctx, fact, spans)
        widened.extend(found)
        swallowed.update(absorbed)
    widened = [fact for fact in widened if fact.span not in swallowed]
    facts = []
    taken = [fact.span for fact in widened]
    for fact in widened:
        start = fact.span[0]
        intro = _LEFT_INTRO.search(text, max(0, start - 50), start)
        if intro and intro.end() == start and not any(s < start and e > intro.start() for s, e in taken if (s, e) != fact.span):
            start = intro.start()
        negation = negation_start(text, start)
        if negation is not None and not any(s < start and e > negation for s, e in taken if (s, e) != fact.span):
            fact = replace(fact, negated=True)
            start = negation
        facts.append(replace(fact, span=(start, fact.span[1])))
    return _merge_alternatives(ctx, _merge_ranges(ctx, facts))


# ---------------------------------------------------------------------------------------------------
# combining facts into terms


def day_part_term(name: str) -> DayPartTerm:
    return DayPartTerm(name, DAY_PARTS[name])


def _minutes_set(windows) -> set[int]:
    minutes = set()
    for start, end in windows:
        minutes.update(m % 1440 for m in range(start, end))
    return minutes


def _windows_of(minutes: set[int]) -> tuple[tuple[int, int], ...]:
    """Minute set -> windows, joining the run that wraps midnight."""
    if not minutes:
        return ()
    if len(minutes) == 1440:
        return ((0, 1440),)
    ordered = sorted(minutes)
    runs = []
    start = previous = ordered[0]
    for minute in ordered[1:]:
        if minute != previous + 1:
            runs.append([start, previous + 1])
            start = minute
        previous = minute
    runs.append([start, previous + 1])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][1] == 1440:
        last = runs.pop()
        runs[0] = [last[0], 1440 + runs[0][1]]
    return tuple(sorted((a, b) for a, b in runs))


def _day_part_terms(facts: list[Fact]) -> list[TimeTerm]:
    positive = [f for f in facts if not f.negated]
    terms: list[TimeTerm] = [DayPartTerm(f.label, f.windows + f.pm_windows, True) for f in facts if f.negated]
    if not positive:
        return terms
    named = [f for f in positive if f.kind == "day_part"]
    named_minutes = set.intersection(*(_minutes_set(f.windows) for f in named)) if named else set()
    minute_sets, labels = [], []
    for fact in positive:
        windows = fact.windows
        if fact.kind == "clock" and fact.pm_windows:
            am, pm = _minutes_set(fact.windows), _minutes_set(fact.pm_windows)
            if named_minutes and (am & named_minutes) and not (pm & named_minutes):
                windows, label = fact.windows, fact.label.split(" or ")[0]
            elif named_minutes and (pm & named_minutes) and not (am & named_minutes):
                windows, label = fact.pm_windows, fact.label.split(" or ")[0].split()[0] + " " + fact.label.split(" or ")[1]
            else:
                windows, label = fact.windows + fact.pm_windows, fact.label
            minute_sets.append(_minutes_set(windows))
            labels.append(label)
            continue
        minute_sets.append(_minutes_set(windows))
        labels.append(fact.label)
    together = set.intersection(*minute_sets)
    if together:
        label = ", ".join(dict.fromkeys(labels))
        terms.append(DayPartTerm(label, _windows_of(together)))
    else:  # "in the morning ... around 8pm": one of them is wrong, keep both
        terms.append(DayPartTerm(" or ".join(dict.fromkeys(labels)), _windows_of(set.union(*minute_sets))))
    return terms


def _resolve_relative_recurring(fact: Fact, rules: tuple[Rule, ...], now: datetime) -> Fact:
    """ "last summer", "last Christmas": the latest occurrence that is over; "this summer": this year's."""
    today = now.date()
    instances = instances_touching(rules, today.year - 2, today.year)
    if fact.relative == "last":
        over = [i for i in instances if i[1] < today]
        chosen = over[-1:] if over else []
    else:
        current = [i for i in instances if i[0] <= today <= i[1]]
        this_year = [i for i in instances if i[0].year == today.year or i[1].year == today.year]
        chosen = current or this_year[-1:]
    if not chosen:
        return replace(fact, kind="recurring", relative="")
    first, last = chosen[0]
    year_text = str(first.year) if first.year == last.year else f"{first.year}/{last.year % 100:02d}"
    base = fact.label.split(" ", 1)[1] if " " in fact.label else fact.label
    return replace(fact, kind="absolute", label=f"{base} {year_text}", days=tuple(chosen), relative="")


def _belongs_to_year(first: date, last: date, year: int, season: bool) -> bool:
    """Does an occurrence count as "in `year`"? Most of its days must be, except that a season touching the
    year counts ("winter 2019" may be January 2019 or December 2019)."""
    inside_first, inside_last = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
    if inside_first > inside_last:
        return False
    return season or 2 * ((inside_last - inside_first).days + 1) >= (last - first).days + 1


def _bind_years(fact: Fact, rules: tuple[Rule, ...], years: tuple[int, ...], label: str) -> Fact:
    """A recurring day in given years: "September" + 2019 -> September 2019."""
    days = set()
    for rule in rules:
        for year in years:
            for candidate_year in (year - 1, year, year + 1):
                instance = rule_instance(rule, candidate_year)
                if instance and _belongs_to_year(*instance, year, season=bool(fact.rules_south)):
                    days.add(instance)
    single_day = len(rules) == 1 and rules[0][0] == rules[0][2] and rules[0][1] == rules[0][3]
    grain = ""
    if len(years) == 1 and len(rules) == 1:
        grain = "month" if fact.grain == "month" else "day" if single_day else ""
    return Fact("absolute", label, fact.span, negated=fact.negated, days=tuple(sorted(days)), grain=grain)


def _years_label(years: tuple[int, ...]) -> str:
    years = tuple(sorted(set(years)))
    if len(years) > 2 and years == tuple(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return " or ".join(str(y) for y in years)


def _spans_of(fact: Fact) -> tuple[tuple[int, int], ...]:
    if fact.seconds:
        return merge_spans(fact.seconds)
    if fact.years and not fact.days:
        return merge_spans([day_span(date(y, 1, 1), date(y, 12, 31)) for y in fact.years])
    return merge_spans([day_span(first, last) for first, last in fact.days])


def _period_term(facts: list[Fact]) -> PeriodTerm | None:
    if not facts:
        return None
    spans = [(_spans_of(f), f) for f in facts]
    together = spans[0][0]
    for other, _ in spans[1:]:
        together = intersect_spans(together, other)
    if together:
        narrowest = min(spans, key=lambda item: sum(e - s for s, e in item[0]))
        label = narrowest[1].label if narrowest[0] == together else " & ".join(dict.fromkeys(f.label for f in facts))
        grain = narrowest[1].grain if narrowest[0] == together else ""
        if narrowest[1].years and not narrowest[1].days and len(narrowest[1].years) == 1:
            grain = "year"
        return PeriodTerm(label, together, grain)
    union = merge_spans([span for item, _ in spans for span in item])
    return PeriodTerm(" or ".join(dict.fromkeys(f.label for f in facts)), union, "")


def _reference_days(rules: tuple[Rule, ...]) -> set[date]:
    found = set()
    for first, last in instances_touching(rules, 2019, 2020):
        day = first
        while day <= last:
            found.add(day)
            day += timedelta(days=1)
    return found


def build_terms(facts: list[Fact], now: datetime, southern: bool = False) -> list[TimeTerm]:
    """Combine facts into terms: at most one positive term per kind, plus one per negated fact."""
    terms: list[TimeTerm] = []
    resolved: list[Fact] = []
    for fact in facts:
        if fact.kind == "recurring":
            rules = fact.rules_south if (southern and fact.rules_south) else fact.rules
            fact = replace(fact, rules=rules)
            if fact.relative:
                fact = _resolve_relative_recurring(fact, rules, now)
            elif fact.years:
                fact = _bind_years(fact, rules, fact.years, fact.label)
        resolved.append(fact)

    negated = [f for f in resolved if f.negated]
    positive = [f for f in resolved if not f.negated]
    for fact in negated:
        if fact.kind == "recurring":
            terms.append(CalendarTerm(fact.label, fact.rules, True))
        elif fact.kind in ("absolute", "years"):
            terms.append(PeriodTerm(fact.label, _spans_of(fact), fact.grain, True))
        elif fact.kind == "weekday":
            terms.append(WeekdayTerm(fact.label, fact.weekdays, True))

    recurring = [f for f in positive if f.kind == "recurring"]
    years = [f for f in positive if f.kind == "years"]
    absolute = [f for f in positive if f.kind == "absolute"]
    if recurring and years:
        bound_years = tuple(sorted({y for f in years for y in f.years}))
        year_text = _years_label(bound_years)
        absolute += [_bind_years(f, f.rules, bound_years, f"{f.label} {year_text}") for f in recurring]
        recurring, years = [], []
    elif recurring and absolute:
        touched = sorted({y for f in absolute for s, e in _spans_of(f) for y in range(
            (date(1970, 1, 1) + timedelta(seconds=s)).year, (date(1970, 1, 1) + timedelta(seconds=e - 1)).year + 1)})
        if touched and len(touched) <= 3:
            absolute += [_bind_years(f, f.rules, tuple(touched), f.label) for f in recurring]
            recurring = []
    period = _period_term(absolute + years)
    if period:
        terms.append(period)

    if recurring:
        day_sets = [_reference_days(f.rules) for f in recurring]
        if len(recurring) == 1 or set.intersection(*day_sets):
            terms.extend(CalendarTerm(f.label, f.rules) for f in recurring)
        else:
            rules = tuple(rule for f in recurring for rule in f.rules)
            terms.append(CalendarTerm(" or ".join(dict.fromkeys(f.label for f in recurring)), rules))

    weekdays = sorted({d for f in positive if f.kind == "weekday" for d in f.weekdays})
    if weekdays:
        weekday_term = WeekdayTerm.of(weekdays)
        if period is None or _period_has_weekday(period, weekday_term):
            terms.append(weekday_term)

    terms.extend(_day_part_terms([f for f in resolved if f.kind in ("day_part", "clock")]))
    return terms


def _period_has_weekday(period: PeriodTerm, weekdays: WeekdayTerm) -> bool:
    """False when a remembered weekday contradicts a remembered date; then the date wins."""
    for first, last in period.day_ranges():
        if (last - first).days >= 6:
            return True
        day = first
        while day <= last:
            if day.weekday() in weekdays.days:
                return True
            day += timedelta(days=1)
    return False
