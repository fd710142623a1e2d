"""Questions with their true answers, computed from a life's facts (never from answering code).

A `QA` holds the question as a person would type it, its kind, the true value (None when the honest answer
is "I can't tell") and the photos that are its evidence. The helpers pick stays by what happened and
when; only photographed stays count, since nothing else is in the lifelog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Iterable

from .world import Life, Stay

KINDS = ("time", "location", "frequency", "duration", "counting", "ocr", "color", "object", "distance")


@dataclass(frozen=True)
class QA:
    """One question and its truth: `value` None means the honest answer is "I can't tell"."""

    text: str
    kind: str
    value: object
    moments: frozenset[str] = frozenset()
    now: datetime | None = None
    life: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.text!r}: kind {self.kind!r} is not one of {KINDS}")


def ids(stays: Iterable[Stay]) -> frozenset[str]:
    return frozenset(image_id for stay in stays for image_id in stay.image_ids)


def day_of(stay: Stay) -> str:
    return stay.start.strftime("%Y-%m-%d")


def span_s(stays: list[Stay]) -> int:
    """From the first stay's start to the last one's end, in seconds (across time zones)."""
    return int((stays[-1].utc_span[1] - stays[0].utc_span[0]).total_seconds())


def first_day(stays: list[Stay]) -> tuple[str, list[Stay]]:
    """The first stay's day, and that day's stays (its evidence)."""
    return day_of(stays[0]), [s for s in stays if s.day == stays[0].day]


def last_day(stays: list[Stay]) -> tuple[str, list[Stay]]:
    """The last stay's day, and that day's stays (its evidence)."""
    return day_of(stays[-1]), [s for s in stays if s.day == stays[-1].day]


def in_city(city: str) -> Callable[[Stay], bool]:
    """Stays of a trip to `city` spent in the city itself."""
    return lambda stay: stay.place.city == city and stay.facts.get("trip") == city


@dataclass
class Asked:
    """The questions of one life, as they are written."""

    life: Life
    items: list[QA] = field(default_factory=list)

    def __call__(self, text: str, kind: str, value, evidence: Iterable[Stay] | frozenset = (), *, now: datetime | None = None) -> None:
        moments = evidence if isinstance(evidence, frozenset) else ids(evidence)
        self.items.append(QA(text, kind, value, moments, now, self.life.name))

    def stays(self, activity: str | tuple[str, ...] | None = None, *, year: int | None = None, month: int | None = None,
              on: date | None = None, between: tuple[date, date] | None = None, where: Callable[[Stay], bool] | None = None) -> list[Stay]:
        """The photographed stays doing `activity`, within the time asked, that `where` admits."""
        wanted = (activity,) if isinstance(activity, str) else activity
        found = []
        for stay in self.life.seen:
            day = stay.day
            if wanted and stay.activity not in wanted:
                continue
            if (year and day.year != year) or (month and day.month != month) or (on and day != on):
                continue
            if between and not between[0] <= day <= between[1]:
                continue
            if where and not where(stay):
                continue
            found.append(stay)
        return found

    def days(self, stays: Iterable[Stay]) -> list[date]:
        return sorted({stay.day for stay in stays})


def written(life: Life, *parts: Callable[[Asked], None]) -> list[QA]:
    """The questions each part writes of the life, in its order."""
    ask = Asked(life)
    for part in parts:
        part(ask)
    return ask.items


def top(counts: dict):
    """The one most frequent key, or None when first place is shared (a "which ... most" with no answer)."""
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    return ranked[0][0] if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None

