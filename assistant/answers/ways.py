"""The way to a place: how long a journey there took, how far it went and the day it went ("how long was the drive
to Montreal", "how far did I travel by bus to Athens", "how long was the flight from Amsterdam to New York", "when
did I take the train to Madrid": the way there, not the way home).

Not the time spent in the place, nor every step taken in it: the journey ends at the first photo in the place
(driven, walked or cycled: where it then stopped moving), and began where it last stood still before (a pause
longer than PAUSE_S), or, when the question names where it started ("from Amsterdam"), at the last photo there.
Its length is the time between the two ends; its distance the GPS path between consecutive photos along it. A
camera sees a journey only now and then, so both are likely, never sure; a way it did not see at all is "I can't
tell" how long, and as far as the straight line from where the photos were before.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import numpy as np

from ..core.words import terms
from ..library import Library
from ..query import ParsedQuery, PlaceTerm, QueryContext
from ..query.question_words import MEANS
from .answer import Answer
from .context import Context, human
from .measures import MAX_FLIGHT_STEP_S, SPEEDS_KMH, home_position, located_steps, metres_between
from .scope import place_rows_of

PAUSE_S = 20 * 60  # standing still longer than this before the way there (not a red light, a fuel stop): the journey began after it
MAX_JOURNEY_S = 2 * 86400  # from a named start to the place asked, at most this long
AGREE_SHARE = 0.25  # journeys whose lengths are this close (a share of the median) are one usual way
LONGEST_FLIGHT_S = 20 * 3600  # a flight's photos may stop on board for this long (the longest flights), and it is still one step
# Ways one drives oneself go on to where one stops inside the place; a train, bus or plane ends at its stop there.
_DRIVEN = frozenset({"walk", "run", "cycle", "drive", ""})
_WAY_WORDS = frozenset({"journey", "way", "ride", "trip", "commute"})
_BY = {"walk": "foot", "run": "running", "cycle": "bike", "drive": "car", "fly": "plane", "bus": "bus", "train": "train", "boat": "boat"}
_MOVING = {"walk": "walked", "run": "ran", "cycle": "cycled", "drive": "drove", "fly": "flew", "bus": "rode a bus or coach",
           "train": "took a train", "boat": "went by boat", "": "travelled"}


@dataclass(frozen=True)
class Way:
    """What a question about a journey names: where it went, where it came from (optional) and how (optional)."""

    destination: PlaceTerm
    origin: PlaceTerm | None
    means: str


def way_asked(library: Library, parsed: ParsedQuery, subject: list[str]) -> Way | None:
    """The journey a length or distance question asks about, when it names a way of moving and a place it went to,
    and nothing else to find ("how long was the drive to Montreal"; not "how long was I in Montreal")."""
    question = parsed.question
    dated = question is not None and question.kind == "time" and question.granularity == "date"  # "when did I take the train to Madrid"
    if question is None or (question.kind not in ("distance", "duration") and not dated):
        return None
    text = parsed.text
    means = next((name for name, pattern in MEANS if pattern.search(text)), "")
    if not (means or (question.kind == "distance" and re.search(r"\btravel", text, re.IGNORECASE))):
        return None
    if dated and means == "fly":  # a layover cuts a flight's journey here: the day it left home is the trip's (times.py)
        return None
    ends: dict[str, tuple[PlaceTerm, str]] = {}
    for said in _END.finditer(text):
        side = "from" if said.group(1).lower() in ("from", "out of", "leaving") else "to"
        if side not in ends and (named := _place_named(library, parsed, said.group(2))) is not None:
            ends[side] = named
    if "to" not in ends:
        return None
    named_words = set(terms(" ".join(phrase for _, phrase in ends.values())))
    others = [word for word in subject if word not in named_words and word not in _WAY_WORDS]
    if any(not any(pattern.search(word) for _, pattern in MEANS) for word in others):
        return None  # "how long was the drive to Montreal with grandma": more than the way
    return Way(ends["to"][0], ends["from"][0] if "from" in ends else None, means)


# Where a way went or came from: the words after "to" or "from" ("the train to Brussels", "from Amsterdam to New York").
_END = re.compile(r"\b(to|into|towards?|from|out\s+of|leaving)\s+(?:the\s+)?(?=((?:(?!(?:to|from|in|on|at|by|for|with|and|via)\b)"
                  r"[^\W\d_][\w'’.-]*\s*){1,4}))", re.IGNORECASE)


def _place_named(library: Library, parsed: ParsedQuery, following: str) -> tuple[PlaceTerm, str] | None:
    """The place the words after "to" or "from" name, and those words: a place the question's own parse has, else
    the longest run of them read as a place ("a flight to Tokyo" is no place constraint in a search, where the
    moment is on the flight, not in Tokyo)."""
    for term in parsed.place.terms:
        for area in term.areas:
            if not term.negated and following.lower().startswith(area.name.lower()):
                return term, area.name
    words = following.split()
    reader = QueryContext.of(library)
    for count in range(len(words), 0, -1):
        phrase = " ".join(words[:count])
        places = [term for term in reader.parse(f"in {phrase}").place.terms if not term.negated]
        if places:
            return places[0], phrase
    return None


def way_there(context: Context, way: Way) -> Answer | None:
    """The journeys to the place in the question's time, measured; None when the photos never arrive there (the
    question is then answered as any other)."""
    library = context.library
    located = np.flatnonzero(np.isfinite(library.lat) & np.isfinite(library.lng))
    inside = place_rows_of(library, way.destination)[located]
    in_time = context.parsed.time.exactly().mask(library.local_seconds[located])
    arrivals = np.flatnonzero(inside[1:] & ~inside[:-1] & in_time[1:]) + 1
    if not len(arrivals):
        return None
    utc = library.utc_seconds[located]  # only the days around the arrivals are walked
    window = slice(int(np.searchsorted(utc, utc[arrivals[0]] - MAX_JOURNEY_S)), int(np.searchsorted(utc, utc[arrivals[-1]] + 86400)))
    located, inside, arrivals = located[window], inside[window], arrivals - window.start
    metres, seconds, kmh = located_steps(library, located)
    start_in = place_rows_of(library, way.origin)[located] if way.origin is not None else None
    journeys = [journey for arrival in arrivals
                if (journey := _journey(arrival, metres, seconds, kmh, way.means, inside, start_in)) is not None]
    ordinal = context.question.ordinal
    if ordinal is not None:
        journeys = [journeys[ordinal]] if -len(journeys) <= ordinal < len(journeys) else []
    place = way.destination.areas[0].name
    if not journeys and context.question.kind == "time":
        return None  # no way there seen: the day is the trip's, as any other "when"
    if not journeys and context.question.kind == "distance":
        return _as_the_crow_flies(context, located, arrivals[-1], place)
    if not journeys:
        last = int(located[arrivals[-1]])
        return context.cannot_tell(f"I can't tell: the photos show you arriving in {place} ({context.local(last):%d %b %Y}), but not "
                                   f"the way there{' by ' + _BY[way.means] if way.means else ''}.", "no photos of the way there",
                                   [int(located[arrivals[-1] - 1]), last])
    rows = [(int(located[first]), int(located[last])) for first, last in journeys]
    if context.question.kind == "time":
        return _dated(context, rows, way, place)
    if context.question.kind == "duration":
        values = [float(library.utc_seconds[last] - library.utc_seconds[first]) for first, last in rows]
        shown = human
    else:
        values = [float(metres[first:last].sum()) for first, last in journeys]
        shown = _km
    return _measured(context, values, rows, shown, way, place)


def _as_the_crow_flies(context: Context, located: np.ndarray, arrival: int, place: str) -> Answer:
    """A way no photo saw, measured as the straight line from where the photos were before (within MAX_JOURNEY_S),
    else from home, to where they arrived: a diary's trip abroad, with no GPS on the way or at home."""
    library = context.library
    row, before = int(located[arrival]), int(located[arrival - 1]) if arrival else -1
    if before >= 0 and library.utc_seconds[row] - library.utc_seconds[before] <= MAX_JOURNEY_S:
        origin = (float(library.lat[before]), float(library.lng[before]), library.record(before)["place"] or "where you were before")
    else:
        origin = home_position(context, row)
    if origin is None:
        return context.cannot_tell(f"I can't tell how far: the photos show you arriving in {place}, but not where you came from.",
                                   "no photos of the way there, and home is never located", [row])
    metres = round(float(metres_between(origin[0], origin[1], library.lat[row], library.lng[row])), -3)
    evidence = [row] if before < 0 else [before, row]
    return context.answer_as_is(metres, f"About {metres / 1000:,.0f} km as the crow flies, from {origin[2]} to {place} "
                                f"({context.local(row):%d %b %Y}); no photo shows the way itself.", evidence,
                                f"{origin[2]} ({origin[0]:.3f}, {origin[1]:.3f}) to {place} ({library.lat[row]:.3f}, {library.lng[row]:.3f})",
                                confidence="likely", why="a straight line from where you were before to where you arrived; the way itself "
                                                         "is not in the photos, and may have been longer")


def _journey(arrival: int, metres, seconds, kmh, means: str, inside, start_in) -> tuple[int, int] | None:
    """(first, last) positions among the located photos of the journey that reached the place at `arrival`."""
    low, high = SPEEDS_KMH.get(means, SPEEDS_KMH[""])
    # a long step at the way's speed is on the way, unseen; a flight's photos stop on board for up to a day
    moving = (kmh >= low) & (kmh <= high) & (seconds <= (LONGEST_FLIGHT_S if means == "fly" else MAX_FLIGHT_STEP_S))
    last = arrival
    while means in _DRIVEN and last < len(moving) and moving[last] and inside[last + 1]:  # on one's own way: to where it stopped
        last += 1
    if start_in is not None:  # "from Amsterdam": the last photo there, with nothing of the place asked in between
        before = np.flatnonzero(start_in[:arrival])
        if not len(before) or inside[before[-1]:arrival].any() or seconds[before[-1]:arrival].sum() > MAX_JOURNEY_S:
            return None
        first = int(before[-1])
    else:
        first, step, paused = arrival, arrival - 1, 0.0
        while step >= 0 and not inside[step]:
            if moving[step]:
                first, paused = step, 0.0
            else:
                paused += seconds[step]
                if paused > PAUSE_S:
                    break
            step -= 1
    return (first, last) if first < arrival and moving[first:last].any() else None


def _measured(context: Context, values: list[float], rows: list[tuple[int, int]], shown, way: Way, place: str) -> Answer:
    """One journey's measure; several: the usual one when most agree, else the last, unsure, with the others."""
    how = _MOVING[way.means]
    legs = [_leg(context, first, last, place) for first, last in rows]
    evidence = [row for first, last in rows[-4:] for row in (first, (first + last) // 2, last)]  # the middle: on the way
    why = "from the last photo before the way there to the first where it ended (the photos' GPS); the camera saw only part of it"
    middle = statistics.median(values)
    low, high = np.percentile(values, [25, 75])
    if len(values) == 1:
        value, text, confidence = values[0], f"About {shown(values[0])} ({how} to {place}, {legs[0]}).", "likely"
    elif high - low <= AGREE_SHARE * middle:  # the usual way, whatever one odd journey took
        value, confidence = middle, "likely"
        text = f"Usually about {shown(middle)} ({how} to {place}, {len(values)} times: {shown(min(values))}–{shown(max(values))})."
    else:
        value, confidence = values[-1], "unsure"
        text = f"Not the same each time: the last was {shown(values[-1])} ({legs[-1]}); before it " + ", ".join(map(shown, values[-6:-1])) + "."
    value = int(round(value)) if context.question.kind == "duration" else round(value, -2)
    return context.answer_as_is(value, text, evidence, "; ".join(legs), confidence=confidence, why=why)


def _dated(context: Context, rows: list[tuple[int, int]], way: Way, place: str) -> Answer:
    """The day a journey there left (the way back from the place is no journey to it); several: the last, unsure."""
    legs = [_leg(context, first, last, place) for first, last in rows]
    days = [f"{context.local(first):%Y-%m-%d}" for first, _ in rows]
    evidence = [row for first, last in rows[-4:] for row in (first, (first + last) // 2, last)]
    why = "the day the photos' GPS shows you on your way there"
    if len(rows) == 1:
        return context.answer_as_is(days[0], f"{days[0]} ({_MOVING[way.means]} to {place}, {legs[0]}).", evidence, legs[0],
                                    confidence="likely", why=why)
    return context.answer_as_is(days[-1], f"The last time was {days[-1]} ({legs[-1]}); before it " + ", ".join(days[-6:-1]) + ".",
                                evidence[-3:], "; ".join(legs), confidence="unsure", why=f"{why}; {len(rows)} journeys and the question names none")


def _leg(context: Context, first: int, last: int, place: str) -> str:
    """ "16 Nov 2018 08:42 at Thessaloniki, Greece to 13:58 in Athens, Greece" (the arrival's date when it differs)."""
    record = context.library.record
    left, arrived = context.local(first), context.local(last)
    when = f"{arrived:%H:%M}" if arrived.date() == left.date() else f"{arrived:%d %b %H:%M}"
    return f"{left:%d %b %Y %H:%M} at {record(first)['place'] or 'an unnamed place'} to {when} in {record(last)['place'] or place}"


def _km(metres: float) -> str:
    return f"{metres / 1000:,.0f} km" if metres >= 10_000 else f"{metres / 1000:.1f} km"
