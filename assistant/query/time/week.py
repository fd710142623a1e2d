"""Finders of the week's phrases: weekdays (not "a Sunday newspaper" or "Saturday Night Fever") and parts of the day."""

from __future__ import annotations

import re

from ..text import previous_words
from .facts import Fact, FindContext, attributive, in_title, preceded_by
from .terms import DAY_PARTS, weekday_label
from .words import FLAGS, WEEKDAY_FULL, WEEKDAYS


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
