"""Times anchored to one's own life: "before my trip to Japan", "the week after the wedding", "the day I flew to
Lisbon", "on the first day of the conference", "when I was in Rome".

The phrase is read here; the event it names is looked up in the library by whoever implements `LifeEvents`
(the library: its trips away from home, and the days its photos' words name an occasion), and the time is taken
relative to the event's days (`anchored_term`). An event not found filters nothing, and the query says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from .place import PlaceTerm
from .text import Span, overlaps
from .time import PeriodTerm

_FLAGS = re.IGNORECASE

# "Before my trip" looks this far back from the day it began; "after" this far on from the day it ended.
BEFORE_AFTER_DAYS = 28
_SPAN_DAYS = {"day": 1, "week": 7, "month": 30}

# What a plain "before/after/during the X" names as an occasion of one's life, rather than something seen shortly
# before or after the moment ("after the gym", "after the concert" stay sequences): occasions of a day or several.
OCCASIONS = ("wedding", "conference", "festival", "graduation", "funeral", "christening", "reunion", "congress", "summit",
             "marathon", "hackathon", "retreat", "honeymoon")
# "the", "my", "my brother's", "Anna's": whose occasion it was.
_WHOSE = r"(?:(?:the|my|our|his|her|their)\s+(?:[^\W\d_]+['’]s\s+)?|[^\W\d_]+['’]s\s+)"
_OCCASION = _WHOSE + r"(?:[^\W\d_]+\s+){0,2}?(?P<occasion>" + "|".join(OCCASIONS) + r")\b"  # "my sister's big wedding"
# "the week after X", "the first day of X" are anchors whatever X is: any short noun phrase names the occasion.
_ANY_OCCASION = _WHOSE + r"(?P<named>[^\W\d_]+(?:\s+(?!(?:in|at|on|with|and|to|of|for|from|near|by|we|i)\b)[^\W\d_]+)?)"
# A place name: up to three capitalised words (case matters here, whatever the patterns' flags).
_PLACE = r"(?P<place>(?-i:[A-Z\u00c0-\u00de\u0386-\u03ab][^\s,.;!?]*(?:\s+[A-Z\u00c0-\u00de\u0386-\u03ab][^\s,.;!?]*){0,2}))"
_TRIP = rf"(?:(?:the\s+)?my|our|the)\s+(?:\w+\s+)?(?:trip|holiday|holidays|vacation|journey|visit|stay)\s+(?:to|in)\s+(?:the\s+)?{_PLACE}"
_EVENT = rf"(?:{_TRIP}|{_ANY_OCCASION})"
# One pattern per way of saying it (Python's re names a group once), tried in this order.
_ANCHORS = tuple(re.compile(pattern, _FLAGS) for pattern in (
    rf"\b(?:(?:in|on|during)\s+)?the\s+(?P<unit>day|week|month)\s+(?P<unit_relation>before|after)\s+{_EVENT}",
    rf"\b(?:on\s+)?the\s+(?P<edge>first|last)\s+day\s+of\s+{_EVENT}",
    rf"\b(?:on\s+)?(?P<day_of>the\s+day)\s+of\s+{_EVENT}",
    rf"\b(?:on\s+)?the\s+day\s+(?:i|we)\s+(?P<travel>flew|went|travelled|traveled|drove|arrived|left|flew\s+back|came\s+back|got\s+back|"
    rf"flew\s+home|came\s+home)\s+(?:to|in|from)\s+{_PLACE}",
    rf"\bwhen\s+(?:i|we)\s+(?:was|were)\s+(?:in|on\s+holiday\s+in|on\s+a\s+trip\s+to)\s+{_PLACE}",
    rf"\b(?:(?:just|shortly|right|not\s+long)\s+)?(?P<relation>before|after|during)\s+(?:{_TRIP}|{_OCCASION})",
))


@dataclass(frozen=True)
class LifeAnchor:
    """A time said relative to an event of one's life."""

    relation: str  # "before", "after", "during", "day_of", "first_day", "last_day", "day_before", "week_after" ...
    event: str  # what names the event: "trip to Japan", "wedding"
    place: str  # a trip's place as said ("Japan"); "" for an occasion the photos' words name
    said: str  # the phrase as written, for the chip
    span: Span
    place_term: PlaceTerm | None = None  # the place, as the place parser reads it (set by parse_query)


@dataclass(frozen=True)
class FoundEvent:
    """An event of one's life found in the library: what it is, and its first and last local day."""

    name: str  # e.g. "trip to Tokyo, Japan", "wedding"
    first_day: date
    last_day: date


class LifeEvents(Protocol):
    """What finds an anchor's event in a library (the library itself)."""

    def find_event(self, anchor: LifeAnchor) -> FoundEvent | None: ...


def find_anchors(text: str, taken: list[Span]) -> list[LifeAnchor]:
    """Anchor phrases outside the spans already taken."""
    anchors: list[LifeAnchor] = []
    matches = sorted((match for pattern in _ANCHORS for match in pattern.finditer(text)), key=lambda match: match.start())
    for match in matches:
        if overlaps(match.span(), taken + [anchor.span for anchor in anchors]):
            continue
        groups = {name: value for name, value in match.groupdict().items() if value}
        place = groups.get("place", "")
        occasion = groups.get("occasion") or groups.get("named") or ""
        event = f"trip to {place}" if place else " ".join(occasion.lower().split())
        anchors.append(LifeAnchor(_relation(groups), event, place, " ".join(match.group().split()), match.span()))
    return anchors


def _relation(groups: dict) -> str:
    if "unit" in groups:
        return f"{groups['unit'].lower()}_{groups['unit_relation'].lower()}"
    if "edge" in groups:
        return f"{groups['edge'].lower()}_day"
    if "travel" in groups:
        return "last_day" if re.search(r"back|home|left", groups["travel"], _FLAGS) else "first_day"
    if "relation" in groups:
        return groups["relation"].lower()
    return "day_of" if "day_of" in groups else "during"  # "when I was in Rome": the whole trip


def anchored_term(anchor: LifeAnchor, event: FoundEvent) -> PeriodTerm:
    """The days an anchor means, relative to its event's days; the label names the event and its dates."""
    first, last, relation = event.first_day, event.last_day, anchor.relation
    if relation == "before":
        days = (first - timedelta(days=BEFORE_AFTER_DAYS), first - timedelta(days=1))
    elif relation == "after":
        days = (last + timedelta(days=1), last + timedelta(days=BEFORE_AFTER_DAYS))
    elif relation.endswith(("_before", "_after")):
        length = _SPAN_DAYS[relation.split("_")[0]]
        days = ((first - timedelta(days=length), first - timedelta(days=1)) if relation.endswith("_before")
                else (last + timedelta(days=1), last + timedelta(days=length)))
    elif relation in ("first_day", "day_of"):
        days = (first, first)
    elif relation == "last_day":
        days = (last, last)
    else:  # during
        days = (first, last)
    label = f"{anchor.said}: {event.name} {_dates(first, last)} → {_dates(*days)}"
    return PeriodTerm.of_days(label, [days], grain="day")


def _dates(first: date, last: date) -> str:
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    return f"{first.day} {first:%b} – {last.day} {last:%b %Y}" if first.year == last.year else f"{first:%-d %b %Y} – {last:%-d %b %Y}"
