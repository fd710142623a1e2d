"""Finders of phrases relative to now: "yesterday", "two weeks ago", "last Tuesday", "this weekend"."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..numbers import quantity
from ..text import Span
from .days import MONTH_NAMES
from .facts import Fact, FindContext
from .terms import DAY_PARTS
from .words import FLAGS, MONTH_FULL, MONTHS, QUANTITY, WEEKDAY_FULL, WEEKDAYS, day_label

_RELATIVE = re.compile(
    rf"\b(?:(?P<yesterday>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
    rf"|(?P<ago>(?P<quantity>{QUANTITY})\s+(?P<unit>days?|nights?|weeks?|months?|years?)\s+(?:ago|back|before\s+now|earlier))"
    rf"|(?P<past>(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+(?P<past_quantity>{QUANTITY})\s+(?P<past_unit>days|weeks|months))"
    rf"|(?P<before_last>the\s+(?P<bl_unit>week|weekend|month|year)\s+before\s+last)"
    rf"|(?P<other_day>the\s+other\s+day)"
    rf"|(?P<this>(?:earlier\s+|later\s+)?this\s+(?P<this_unit>week|weekend|month|year))"
    rf"|(?P<last>(?:last|past|previous)\s+(?P<last_unit>week|weekend|month|year|{MONTH_FULL}|{WEEKDAY_FULL})))\b",
    FLAGS,
)


def range_label(first: date, last: date) -> str:
    """12-20 June 2020, 28 May - 5 June 2020, 30 December 2019 - 2 January 2020."""
    if first == last:
        return day_label(first.day, first.month, first.year)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_NAMES[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} – {day_label(last.day, last.month, last.year)}"
    return f"{day_label(first.day, first.month, first.year)} – {day_label(last.day, last.month, last.year)}"


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def find_relative(ctx: FindContext):
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
            yield Fact("absolute", f"{phrase} ({day_label(day.day, day.month, day.year)})", span, days=((day, day),),
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


def _ago_fact(ctx: FindContext, span: Span, label: str, amount: tuple[int, int], unit: str) -> Fact:
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
    return Fact("absolute", f"{label} ({range_label(first, last)})", span, days=((first, last),), strength=5,
                calendar_days=(_calendar_ago(today, low, high, unit),))


def _calendar_ago(today: date, low: int, high: int, unit: str) -> tuple[date, date]:
    """ "two weeks ago" as the calendar has it: the days, weeks (Monday to Sunday), months or years that many back."""
    if unit in ("day", "night"):
        return today - timedelta(days=high), today - timedelta(days=low)
    if unit == "week":
        monday = today - timedelta(days=today.weekday())
        return monday - timedelta(weeks=high), monday - timedelta(weeks=low) + timedelta(days=6)
    if unit == "month":
        latest = _months_back(today.replace(day=1), low)
        return _months_back(today.replace(day=1), high), _month_bounds(latest.year, latest.month)[1]
    return date(today.year - high, 1, 1), date(today.year - low, 12, 31)


def _months_back(first: date, steps: int) -> date:
    month = first.year * 12 + first.month - 1 - steps
    return date(month // 12, month % 12 + 1, 1)


def _last_unit_fact(ctx: FindContext, span: Span, unit: str, steps: int, label: str) -> Fact:
    today = ctx.now.date()
    if unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * steps)
        return Fact("absolute", label, span, days=((monday - timedelta(days=2), monday + timedelta(days=8)),), strength=5,
                    calendar_days=((monday, monday + timedelta(days=6)),))
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
    return Fact("absolute", f"{label} ({day_label(latest.day, latest.month, latest.year)} or a week before)", span,
                days=((earlier, earlier), (latest, latest)), strength=5)

