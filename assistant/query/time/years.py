"""Finders of the year's phrases: parts of years ("early 2019"), seasons (by hemisphere), holidays, and years alone
("in 2019", "the nineties"), a bare number only in a plausible range and not before a unit ("2000 people")."""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..holidays import HOLIDAYS, Rule, relative_rule
from ..text import next_word, previous_words, sentence_start
from .facts import Fact, FindContext, attributive, in_title, preceded_by, years_allowed
from .words import FLAGS, TEMPORAL_PREPOSITIONS, YEAR


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


SEASON_GRACE_DAYS = 14
_SOUTHERN = {"spring": "autumn", "summer": "winter", "autumn": "spring", "fall": "spring", "winter": "summer"}


_SEASON = re.compile(
    rf"\b(?:(?P<relative>last|this|that|past|previous)\s+|(?P<edge>early|late|mid)[-\s]+(?:in\s+(?:the\s+)?)?|the\s+(?P<part>beginning|start|end|middle)\s+of\s+(?:the\s+)?)?"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?P<suffix>time|s)?\b(?:\s+(?:holidays?|break|vacation|months?|term|of))?"
    rf"(?:\s*,?\s+(?:of\s+|in\s+)?(?P<year>{YEAR})\b)?", FLAGS)


def _season_rules(season: str, edge: str, grace: int = SEASON_GRACE_DAYS) -> tuple[Rule, ...]:
    first, last = _SEASONS[season]
    start, end = f"{first:02d}-01", f"{last:02d}-end"
    # Meteorological seasons, searched with two weeks' grace: people's seasons follow the weather, not the
    # calendar (counted without it, grace=0).
    if edge in ("early", "beginning", "start"):
        return ((start, -grace, start, 35),)
    if edge in ("late", "end"):
        return ((end, -35, end, grace),)
    if edge in ("mid", "middle"):
        return ((start, 20, end, -20),)
    return ((start, -grace, end, grace),)


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
        exact = dict(calendar_rules=_season_rules(season, edge, 0), calendar_rules_south=_season_rules(_SOUTHERN[season], edge, 0))
        year = int(match.group("year")) if match.group("year") else None
        relative = (match.group("relative") or "").lower()
        relative = "last" if relative in ("last", "past", "previous") else "this" if relative == "this" else ""
        if year and years_allowed(ctx, year):
            yield Fact("recurring", f"{label} {year}", match.span(), rules=rules, rules_south=rules_south, years=(year,), strength=3,
                       **exact)
        else:
            yield Fact("recurring", (f"{relative} {label}" if relative else label), match.span(), rules=rules,
                       rules_south=rules_south, relative=relative, strength=2, **exact)


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
