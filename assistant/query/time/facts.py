"""A `Fact` is one time phrase found in the text, before facts are combined into terms; with the context the
finders read (the text, "now", words inside titles) and the small tests they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..holidays import Rule, rule_instance
from ..text import FUNCTION_WORDS, Span, next_word, previous_words, title_runs
from .words import DAY, TIME_WORDS


@dataclass
class Fact:
    """One time phrase found in the text, before facts are combined into terms."""

    kind: str  # "recurring" | "absolute" | "years" | "weekday" | "day_part" | "clock"
    label: str
    span: Span
    negated: bool = False
    rules: tuple[Rule, ...] = ()  # recurring
    rules_south: tuple[Rule, ...] = ()  # recurring seasons, southern hemisphere
    calendar_rules: tuple[Rule, ...] = ()  # what the calendar says, when `rules` forgive (a season's two weeks' grace)
    calendar_rules_south: tuple[Rule, ...] = ()
    pivot_rules: tuple[Rule, ...] = ()  # the day "a few days before" counts from (Christmas: the 25th)
    relative: str = ""  # "last" / "this" for seasons and holidays resolved against now
    days: tuple[tuple[date, date], ...] = ()  # absolute, inclusive
    calendar_days: tuple[tuple[date, date], ...] = ()  # what the calendar says, when `days` forgive ("last week": its 7 days)
    seconds: tuple[tuple[int, int], ...] = ()  # absolute with clock precision ("last night")
    years: tuple[int, ...] = ()
    weekdays: tuple[int, ...] = ()
    windows: tuple[tuple[int, int], ...] = ()
    pm_windows: tuple[tuple[int, int], ...] = ()  # a clock time without am/pm: the afternoon reading
    grain: str = ""
    anchor_day: bool = False  # a single day or holiday: "a few days before" may apply
    strength: int = 0  # breaks ties between overlapping candidates
    within_date: bool = False  # a weekday named inside a date ("Sunday 18th Sept"), kept beside the date


@dataclass
class FindContext:
    """What every finder reads: the text, the archive's "now" for relative phrases, and words inside titles."""

    text: str
    now: datetime
    title_words: set[int] = field(default_factory=set)  # start offsets of words inside non-time titles
    date_order: str | None = None  # "DMY" or "MDY" for 04/05/2020; None: both readings


def attributive(ctx: FindContext, end: int) -> bool:
    """Is the phrase ending at `end` used as an adjective: "a Sunday newspaper", "2000 people", "winter coat"?"""
    word, gap = next_word(ctx.text, end)
    if not word or gap.strip():
        return False
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in TIME_WORDS or word.isdigit() or re.fullmatch(DAY, lower):
        return False
    return True


def in_title(ctx: FindContext, start: int, end: int) -> bool:
    return any(start <= position < end for position in ctx.title_words)


def years_allowed(ctx: FindContext, year: int) -> bool:
    return ctx.now.year - 70 <= year <= ctx.now.year + 1


def preceded_by(ctx: FindContext, start: int, words: set[str], count: int = 1) -> bool:
    return any(word in words for word in previous_words(ctx.text, start, count))


def title_word_starts(text: str) -> set[int]:
    """Start offsets of words in title-case runs that hold a word which is no time word ("Saturday Night Fever").
    After a place's preposition, the time words that end a run are a time of their own: "in Galway Friday evening"."""
    starts: set[int] = set()
    for run in title_runs(text):
        timely = [word.lower().rstrip(".") in TIME_WORDS or re.fullmatch(DAY, word.lower()) is not None for _, _, word in run]
        if all(timely):
            continue
        if previous_words(text, run[0][0], 1) in (["in"], ["near"]):  # not "at": "at TGI Fridays" is a restaurant
            while timely[-1]:
                run, timely = run[:-1], timely[:-1]
        starts.update(start for start, _, _ in run)
    return starts


def _belongs_to_year(first: date, last: date, year: int, season: bool) -> bool:
    """Does an occurrence count as "in `year`"? Most of its days must be, except that a season touching the
    year counts ("winter 2019" may be January 2019 or December 2019)."""
    inside_first, inside_last = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
    if inside_first > inside_last:
        return False
    return season or 2 * ((inside_last - inside_first).days + 1) >= (last - first).days + 1


def bind_years(fact: Fact, rules: tuple[Rule, ...], years: tuple[int, ...], label: str) -> Fact:
    """A recurring day in given years: "September" + 2019 -> September 2019."""
    days = _instances_in(fact, rules, years)
    calendar_days = _instances_in(fact, fact.calendar_rules, years) if fact.calendar_rules else set()
    single_day = len(rules) == 1 and rules[0][0] == rules[0][2] and rules[0][1] == rules[0][3]
    grain = ""
    if len(years) == 1 and len(rules) == 1:
        grain = "month" if fact.grain == "month" else "day" if single_day else ""
    return Fact("absolute", label, fact.span, negated=fact.negated, days=tuple(sorted(days)), grain=grain,
                calendar_days=tuple(sorted(calendar_days)))


def _instances_in(fact: Fact, rules: tuple[Rule, ...], years: tuple[int, ...]) -> set[tuple[date, date]]:
    """Each rule's instance that belongs to each year (a winter to the year it starts in)."""
    days = set()
    for rule in rules:
        for year in years:
            for candidate_year in (year - 1, year, year + 1):
                instance = rule_instance(rule, candidate_year)
                if instance and _belongs_to_year(*instance, year, season=bool(fact.rules_south)):
                    days.add(instance)
    return days


def touched_years(fact: Fact) -> tuple[int, ...]:
    if fact.kind == "years":
        return fact.years
    return tuple(sorted({year for first, last in fact.days for year in range(first.year, last.year + 1)}))

