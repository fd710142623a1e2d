"""From candidate facts to the facts of a text: keep the longest non-overlapping ones, widen each over the
words that introduce it ("on a", "sometime in", "a few days before", "not"), and merge ranges ("between
Christmas and New Year") and alternatives ("December 2018 or January 2019")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from ..holidays import Rule, relative_rule
from ..numbers import quantity
from ..text import Span, negation_start
from .clock import find_clock_alternatives, find_clock_times
from .dates import find_day_month_dates, find_day_of_month, find_months, find_parts_of_months
from .week import find_day_parts, find_weekdays
from .years import find_holidays, find_parts_of_years, find_seasons, find_years
from .facts import Fact, FindContext, bind_years, preceded_by, title_word_starts, touched_years
from .relative import find_relative
from .written import find_written_dates
from .words import FLAGS, QUANTITY

_LEFT_INTRO = re.compile(
    r"(?:\b(?:sometime|some\s+time|somewhere|way\s+back|back|probably|maybe|perhaps|possibly|definitely|very|really|quite|fairly|rather|pretty|just|some|"
    r"around|about|roughly|approximately|circa|on|in|at|during|over|from|of|within|the|a|an|one|that|this)\s+)+$",
    FLAGS,
)
# "a few days before", "the day after", "just before", "around": turn a day into days near it.
_NEAR_DAY = re.compile(
    rf"(?:(?P<quantity>{QUANTITY})\s+(?P<unit>days?|nights?|weeks?)\s+|(?:the|that|a)\s+(?P<the>day|night|evening|morning|week|weekend|days|weeks|few\s+days)\s+"
    r"|(?P<close>just|right|shortly|immediately|not\s+long|a\s+(?:bit|little|day\s+or\s+two))\s+)?"
    r"(?P<relation>before|after|around|near|close\s+to|coming\s+up\s+to|leading\s+up\s+to|in\s+the\s+run[-\s]up\s+to|"
    r"the\s+run[-\s]up\s+to|approaching|ahead\s+of|prior\s+to|following|the\s+days?\s+(?:before|after)|(?:the\s+)?week(?:end)?\s+of)"
    r"\s+(?:the\s+)?$",
    FLAGS,
)


_FINDERS = (find_written_dates, find_day_month_dates, find_day_of_month, find_parts_of_months, find_months,
            find_parts_of_years, find_seasons, find_holidays, find_relative, find_years, find_weekdays,
            find_day_parts, find_clock_alternatives, find_clock_times)


def _choose(candidates: list[Fact]) -> list[Fact]:
    """Longest non-overlapping candidates; a candidate fully inside a chosen one is dropped."""
    chosen: list[Fact] = []
    ordered = sorted(candidates, key=lambda f: (-(f.span[1] - f.span[0]), -f.strength, f.span[0]))
    for fact in ordered:
        if any(fact.span[0] < other.span[1] and other.span[0] < fact.span[1] for other in chosen):
            if fact.within_date:  # "Sunday 18th Sept": the weekday is a second fact of the phrase
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


def _apply_near_day(ctx: FindContext, fact: Fact, chosen_spans: list[Span]) -> tuple[list[Fact], list[Span]]:
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
    r"\s*,?\s*(?:(?:maybe|perhaps|possibly|probably)\s*,?\s*)?(?:or|/)\s*(?:(?:maybe|perhaps|possibly|probably)\s+)?", FLAGS)


_BETWEEN_GAP = re.compile(r"\s*(?:,\s*)?(?:and|to|until|till|through|-|–)\s*(?:the\s+)?", FLAGS)
_BETWEEN_START = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", FLAGS)


def _first_rule(fact: Fact) -> Rule | None:
    rules = fact.pivot_rules or fact.rules
    return rules[0] if len(rules) == 1 else None


def _range_start(ctx: FindContext, start: int) -> int | None:
    """Where "between"/"from" introducing the phrase at `start` begins (the phrase's span may already hold it)."""
    if re.match(r"(?:between|from)\s", ctx.text[start:start + 8], FLAGS):
        return start
    before = _BETWEEN_START.search(ctx.text, max(0, start - 14), start)
    return before.start() if before else None


def _merge_ranges(ctx: FindContext, facts: list[Fact]) -> list[Fact]:
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


def _merge_alternatives(ctx: FindContext, facts: list[Fact]) -> list[Fact]:
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
                    item = bind_years(item, item.rules, touched_years(other), item.label)
                bound.append(item)
            days = tuple(day for item in bound for day in (item.days or tuple((date(y, 1, 1), date(y, 12, 31)) for y in item.years)))
            merged[-1] = Fact("absolute", label, span, days=tuple(sorted(set(days))))
        else:
            merged.append(fact)
    return merged


_NAME_INTRODUCERS = {"called", "named", "titled", "entitled"}


def find_facts(text: str, now: datetime, date_order: str | None = None) -> list[Fact]:
    """All time facts of a text, with spans that cover their introducing words; date_order reads 04/05/2020 (DMY, MDY; None: both ways)."""
    ctx = FindContext(text, now, title_word_starts(text), date_order)
    candidates = [fact for finder in _FINDERS for fact in finder(ctx)
                  if not preceded_by(ctx, fact.span[0], _NAME_INTRODUCERS)]  # "a film called Friday" is a name
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

