"""Time constraints on a photo's local wall-clock time, as vectorised masks.

Every term answers `mask(local_seconds)`: int64 seconds since 1970-01-01T00:00 of the naive local time
(as if it were UTC). Date-like terms look up a per-day table, day parts a per-minute table, so a mask
over a million photos is a handful of numpy operations. `admits()` goes through `mask()` so the two
can never disagree.

A night out belongs to the day it started: photos before 04:00 also count for the previous day
("Friday night" includes 01:30 on Saturday). That is SPILL_SECONDS.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import ClassVar, Sequence

import numpy as np

from ..holidays import Rule, instances_touching
from .days import (
    EPOCH, MONTH_NAMES, SPILL_SECONDS, TABLE_FIRST, TABLE_LAST, WEEKDAY_NAMES, clock_text, day_span, day_table_mask, iso_of,
    local_seconds_of, minute_table, rules_table, weekday_table,
)


class TimeTerm:
    """One time constraint. Subclasses are frozen dataclasses with `label`, their own fields, `negated`."""

    kind: ClassVar[str] = ""
    label: str
    negated: bool

    def _admitted(self, local_seconds: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def mask(self, local_seconds: np.ndarray) -> np.ndarray:
        """Which local times pass this term (vectorised)."""
        admitted = self._admitted(np.asarray(local_seconds, dtype=np.int64))
        return ~admitted if self.negated else admitted

    def admits(self, local_time: datetime) -> bool:
        return bool(self.mask(np.array([local_seconds_of(local_time)], dtype=np.int64))[0])

    def neighbours(self) -> tuple["TimeTerm", ...]:
        """Nearby alternatives of the same kind, for "nothing found, did you mean..." hints."""
        return ()

    def _details(self) -> dict:
        return {}

    def to_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label, "negated": self.negated, **self._details()}


@dataclass(frozen=True)
class PeriodTerm(TimeTerm):
    """A span of calendar time with a known year: "September 2019", "yesterday", "Christmas Day 2019".

    spans: (start, end) local seconds, end exclusive. grain: "day", "month", "year" or "" - what the
    person named, which decides the neighbours offered when nothing is found.
    """

    kind: ClassVar[str] = "period"
    label: str
    spans: tuple[tuple[int, int], ...]
    grain: str = ""
    negated: bool = False
    # The calendar meaning when `spans` forgive a little ("last week" is searched over 11 days, counted over
    # its 7); empty when the spans are exact already. Answers count over these, search looks over `spans`.
    calendar_spans: tuple[tuple[int, int], ...] = ()

    def exactly(self) -> "PeriodTerm":
        """This period as the calendar has it (itself when it is exact already)."""
        return replace(self, spans=self.calendar_spans, calendar_spans=()) if self.calendar_spans else self

    @classmethod
    def of_days(cls, label: str, days: Sequence[tuple[date, date]], grain: str = "", negated: bool = False) -> "PeriodTerm":
        """From inclusive day ranges; each also admits the small hours after its last day."""
        return cls(label, merge_spans([day_span(first, last) for first, last in days]), grain, negated)

    def _admitted(self, local_seconds: np.ndarray) -> np.ndarray:
        admitted = np.zeros(local_seconds.shape, dtype=bool)
        for start, end in self.spans:
            admitted |= (local_seconds >= start) & (local_seconds < end)
        return admitted

    def day_ranges(self) -> list[tuple[date, date]]:
        """The whole days covered (inclusive), ignoring the small-hours spill."""
        ranges = []
        for start, end in self.spans:
            first = EPOCH + timedelta(days=start // 86400)
            last = EPOCH + timedelta(days=(end - SPILL_SECONDS - 1) // 86400)
            ranges.append((first, max(first, last)))
        return ranges

    def neighbours(self) -> tuple["TimeTerm", ...]:
        ranges = self.day_ranges()
        if not ranges:
            return ()
        first, last = ranges[0][0], ranges[-1][1]
        if self.grain == "month" and len(ranges) == 1 and first.day == 1 and first.month == last.month:
            before = (first - timedelta(days=1)).replace(day=1)
            after = last + timedelta(days=1)
            return tuple(
                PeriodTerm.of_days(f"{MONTH_NAMES[m.month - 1]} {m.year}", [(m, m.replace(day=calendar.monthrange(m.year, m.month)[1]))],
                                   "month")
                for m in (before, after)
            )
        if self.grain == "year" and len(ranges) == 1 and first.year == last.year:
            return tuple(PeriodTerm.of_days(str(year), [(date(year, 1, 1), date(year, 12, 31))], "year")
                         for year in (first.year - 1, first.year + 1))
        widen = 3 if (last - first).days < 14 else 14
        widened = [(a - timedelta(days=widen), b + timedelta(days=widen)) for a, b in ranges]
        return (PeriodTerm.of_days(f"{self.label} ±{widen} days", widened, ""),)

    def _details(self) -> dict:
        details = {"spans": [[iso_of(start), iso_of(end)] for start, end in self.spans], "grain": self.grain}
        if self.calendar_spans:
            details["calendar_spans"] = [[iso_of(start), iso_of(end)] for start, end in self.calendar_spans]
        return details


@dataclass(frozen=True)
class CalendarTerm(TimeTerm):
    """Recurring days with no year: "on 3 March", "in September", "Christmas Day", "in spring"."""

    kind: ClassVar[str] = "calendar"
    label: str
    rules: tuple[Rule, ...]
    negated: bool = False
    calendar_rules: tuple[Rule, ...] = ()  # as the calendar has them, when `rules` forgive (a season's grace); answers count over these

    def exactly(self) -> "CalendarTerm":
        """These days as the calendar has them (itself when they are exact already)."""
        return replace(self, rules=self.calendar_rules, calendar_rules=()) if self.calendar_rules else self

    def _admitted(self, local_seconds: np.ndarray) -> np.ndarray:
        return day_table_mask(rules_table(self.rules), local_seconds)

    def neighbours(self) -> tuple["TimeTerm", ...]:
        if len(self.rules) == 1:
            start_anchor, start_offset, end_anchor, end_offset = self.rules[0]
            whole_month = start_anchor.endswith("-01") and end_anchor.endswith("-end") and start_offset == end_offset == 0
            if whole_month and start_anchor[:2] == end_anchor[:2]:
                month = int(start_anchor[:2])
                return tuple(month_calendar_term((month + step - 1) % 12 + 1) for step in (-1, 1))
        instances = instances_touching(self.rules, TABLE_FIRST.year, TABLE_LAST.year)  # every year a mask covers
        short = all((last - first).days < 14 for first, last in instances)
        widen = 3 if short else 14
        widened = tuple((a, b - widen, c, d + widen) for a, b, c, d in self.rules)
        return (CalendarTerm(f"{self.label} ±{widen} days", widened),)

    def _details(self) -> dict:
        details = {"rules": [list(rule) for rule in self.rules]}
        if self.calendar_rules:
            details["calendar_rules"] = [list(rule) for rule in self.calendar_rules]
        return details


def month_calendar_term(month: int, negated: bool = False) -> CalendarTerm:
    anchor = f"{month:02d}"
    return CalendarTerm(MONTH_NAMES[month - 1], ((f"{anchor}-01", 0, f"{anchor}-end", 0),), negated)


@dataclass(frozen=True)
class WeekdayTerm(TimeTerm):
    """Days of the week: "on a Monday or a Thursday", "at the weekend". days: Monday = 0."""

    kind: ClassVar[str] = "weekday"
    label: str
    days: tuple[int, ...]
    negated: bool = False

    @classmethod
    def of(cls, days: Sequence[int], negated: bool = False) -> "WeekdayTerm":
        days = tuple(sorted(set(days)))
        return cls(weekday_label(days), days, negated)

    def _admitted(self, local_seconds: np.ndarray) -> np.ndarray:
        return day_table_mask(weekday_table(self.days), local_seconds)

    def neighbours(self) -> tuple["TimeTerm", ...]:
        if len(self.days) >= 5:
            return ()
        return tuple(WeekdayTerm.of([(day + step) % 7 for day in self.days]) for step in (-1, 1))

    def _details(self) -> dict:
        return {"days": [WEEKDAY_NAMES[day] for day in self.days]}


def weekday_label(days: Sequence[int]) -> str:
    days = tuple(sorted(set(days)))
    if days == (5, 6):
        return "weekends"
    if days == (0, 1, 2, 3, 4):
        return "weekdays"
    names = [WEEKDAY_NAMES[day] + "s" for day in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


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


@dataclass(frozen=True)
class DayPartTerm(TimeTerm):
    """Parts of the day and clock times: "evening", "around 7am", "between 2pm and 4pm".

    windows: (start, end) minutes after midnight; end may pass 1440 for windows that run past midnight.
    """

    kind: ClassVar[str] = "day_part"
    label: str
    windows: tuple[tuple[int, int], ...]
    negated: bool = False

    def _admitted(self, local_seconds: np.ndarray) -> np.ndarray:
        minute = (local_seconds % 86400) // 60
        return minute_table(self.windows)[minute]

    def neighbours(self) -> tuple["TimeTerm", ...]:
        if self.label in DAY_PART_NEIGHBOURS:
            return tuple(day_part_term(name) for name in DAY_PART_NEIGHBOURS[self.label])
        shifted = []
        for step in (-120, 120):
            windows = tuple(((start + step) % 1440, (start + step) % 1440 + (end - start)) for start, end in self.windows)
            centre = (windows[0][0] + windows[0][1]) // 2
            shifted.append(DayPartTerm(f"around {clock_text(centre)}", windows))
        return tuple(shifted)

    def _details(self) -> dict:
        return {"windows": [[clock_text(start), clock_text(end)] for start, end in self.windows]}


def day_part_term(name: str) -> DayPartTerm:
    """The term of a named part of the day: "evening" -> 4pm to midnight."""
    return DayPartTerm(name, DAY_PARTS[name])


def merge_spans(spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping union of (start, end) spans."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def intersect_spans(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    found = []
    for start_a, end_a in a:
        for start_b, end_b in b:
            start, end = max(start_a, start_b), min(end_a, end_b)
            if start < end:
                found.append((start, end))
    return merge_spans(found)


@dataclass(frozen=True)
class TimeConstraints:
    """All time terms of a query; a photo passes when every term admits it."""

    terms: tuple[TimeTerm, ...] = ()

    def mask(self, local_seconds: np.ndarray) -> np.ndarray:
        local_seconds = np.asarray(local_seconds, dtype=np.int64)
        admitted = np.ones(local_seconds.shape, dtype=bool)
        for term in self.terms:
            admitted &= term.mask(local_seconds)
        return admitted

    def admits(self, local_time: datetime) -> bool:
        return bool(self.mask(np.array([local_seconds_of(local_time)], dtype=np.int64))[0])

    def __bool__(self) -> bool:
        return bool(self.terms)

    def of_kind(self, kind: str) -> tuple[TimeTerm, ...]:
        return tuple(term for term in self.terms if term.kind == kind)

    def replacing(self, term: TimeTerm) -> "TimeConstraints":
        """These constraints with every term of `term`'s kind replaced by it ("actually, it was evening")."""
        return TimeConstraints(tuple(t for t in self.terms if t.kind != term.kind) + (term,))

    def exactly(self) -> "TimeConstraints":
        """The same constraints with every period as the calendar has it (for counting, not searching)."""
        return TimeConstraints(tuple(term.exactly() if isinstance(term, (PeriodTerm, CalendarTerm)) else term for term in self.terms))

    def to_dict(self) -> list[dict]:
        return [term.to_dict() for term in self.terms]


def time_term_from_dict(record: dict) -> TimeTerm:
    """Rebuild a term from its `to_dict()` output, for ParsedQuery.from_dict."""
    kind, label, negated = record["kind"], record["label"], bool(record.get("negated", False))
    if kind == "period":
        spans, calendar_spans = (
            tuple((local_seconds_of(datetime.fromisoformat(a)), local_seconds_of(datetime.fromisoformat(b))) for a, b in record.get(key, []))
            for key in ("spans", "calendar_spans"))
        return PeriodTerm(label, spans, record.get("grain", ""), negated, calendar_spans)
    if kind == "calendar":
        rules, calendar_rules = (tuple((a, int(b), c, int(d)) for a, b, c, d in record.get(key, ())) for key in ("rules", "calendar_rules"))
        return CalendarTerm(label, rules, negated, calendar_rules)
    if kind == "weekday":
        return WeekdayTerm(label, tuple(WEEKDAY_NAMES.index(name) for name in record["days"]), negated)
    if kind == "day_part":
        return DayPartTerm(label, tuple(_window_from_text(a, b) for a, b in record["windows"]), negated)
    raise ValueError(f"unknown time term kind {kind!r}; expected period, calendar, weekday or day_part")


def _minute_from_text(text: str) -> int:
    if text == "midnight":
        return 0
    if text == "noon":
        return 720
    clock, suffix = text[:-2], text[-2:]
    hour, _, minute = clock.partition(":")
    return (int(hour) % 12 + (12 if suffix == "pm" else 0)) * 60 + int(minute or 0)


def _window_from_text(start_text: str, end_text: str) -> tuple[int, int]:
    start, end = _minute_from_text(start_text), _minute_from_text(end_text)
    return (start, end if end > start else end + 1440)
