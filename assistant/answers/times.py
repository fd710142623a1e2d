"""When something happened: a date, month, year, weekday or clock time read from the edge of a visit or trip.

A clock time read from the first or last photo of a visit ("what time did I land", "when did I go to bed") is
likely, not sure: the moment itself came between that photo and the one before or after it. A sign that prints the
moment next to the photo ("LANDED 09:20" on an arrivals board, "DEP 10:25" on a boarding pass) says it better.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

import numpy as np

from ..core.words import plural, terms
from ..query.text import normalize
from .answer import Answer
from .context import Context, unsure_text
from .subject import asks_beginning, asks_last_presence
from .visits import VISIT_GAP_S
from .whereabouts import last_seen_there
from .word_rows import word_photos, word_rows

_GRANULARITY_FORMAT = {"date": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y", "weekday": "%A", "clock": "%H:%M"}
LAYOVER_S = 8 * 3600  # a stop in another town this short, between flights, is a connection on the way
JOURNEY_LOOKBACK_S = 2 * 86400  # how far back the way to a trip is followed
LIBRARY_START_S = 30 * 86400  # a thing first seen this soon after the library's first photo may have come before it
# A clock printed after a word of arriving (a visit's start) or leaving (its end); OCR reads 0 as O and 1 as l or I.
_DIGIT = r"[0-9OolI]"
_SIGNED_CLOCK = {side: re.compile(rf"\b(?:{words})\b\W{{0,3}}({_DIGIT}{{1,2}})[:.h]({_DIGIT}{{2}})\b", re.IGNORECASE)
                 for side, words in (("start", "landed|arrived|arr"), ("end", "dep|departs|departed|departure|departing"))}
SIGN_BEFORE_PHOTO_S = 3 * 3600  # a landing is printed at most this long before the photo of it; a departure after


def time_answer(context: Context) -> Answer:
    """When: a date, month, year, weekday or clock, read from the start or end of the visit or trip asked about."""
    question = context.question
    pattern = _GRANULARITY_FORMAT[question.granularity or "date"]
    side = question.edge or ("last there" if question.ordinal == -1 and asks_last_presence(context.parsed.text) else "")
    # "when was I last in Lyon": the last photo there, not the end of a trip that went on to Paris
    edge = {"start": lambda group: group.first_row, "end": lambda group: group.last_row,
            "last there": lambda group: group.rows[-1]}.get(side, lambda group: group.rows[0])
    if question.usual and len(context.groups) > 1:
        return _usual_time(context, edge, pattern)
    if question.granularity == "clock" and question.edge and context.timeline.diary_like:
        return context.cannot_tell("I can't tell: a photo or two a day does not show when a day began or ended.",
                                   "too few photos a day for the time of an arrival, a departure or bed", context.evidence(context.groups))
    if context.parsed.time.terms:  # "what time did I go to bed on 12 May": the edge within the day asked, not the trip's
        edge = _within_scope(context, edge)
    # "when did I fly to Singapore": when it left home ("arrive": when it landed); a photo or two a day shows no connections
    arrival = edge
    if context.by_trip and not side and question.granularity != "clock" and not context.timeline.diary_like:
        edge = _from_journey_start(context, edge)
    values = [context.local(edge(group)).strftime(pattern) for group in context.groups]
    if question.ordinal is None and len(set(values)) > 1 and asks_beginning(context.parsed.text):
        return _first_appearance(context, values)
    if question.extreme and question.granularity in ("year", "month", "weekday"):  # "which year did I swim most": counted
        return context.valued([(value, context.evidence([group])) for value, group in zip(values, context.groups)], "in")
    if question.ordinal is None and len(set(values)) > 1:
        recent = context.groups[-1]  # several occasions and none singled out: the most recent is meant, but say so
        candidates = context.latest_first(values, context.groups, [context.evidence([group]) for group in context.groups])
        text = unsure_text(f"{values[-1]}, the most recent of {len(values)} occasions.", candidates)
        return context.answer(values[-1], text, context.evidence([recent]), f"{len(values)} occasions: {context.listed(context.groups)}",
                              candidates, "unsure", "several occasions and the question names none")
    # "the first time": the first; "when did I land on my first trip" (the trip already chosen): its first visit, or its last for a leaving
    chosen = -1 if question.ordinal is None or side == "end" and len(context.groups) > 1 else 0
    group, value = context.groups[chosen], values[chosen]
    thin = context.thinly_found(group)
    if question.granularity == "clock" and side and not thin:  # the moment itself fell between two photos
        thin = f"the {'last' if side in ('end', 'last there') else 'first'} photo's time: the moment itself came between two photos"
    way_there = _way_there(context, group) if context.by_trip and side in ("", "start") else []  # "when did we fly to Orlando": the flight
    row, stayed = last_seen_there(context, int(edge(group))) if side == "last there" else (int(edge(group)), "")
    value = context.local(row).strftime(pattern) if stayed else value
    signed = _signed_clock(context, group, side, row) if question.granularity == "clock" and side in ("start", "end") else None
    if signed:  # the moment itself, printed on a sign near the photo, rather than the photo's own time
        value, row, thin = signed
    evidence = list(dict.fromkeys([*way_there, row, *context.evidence([group])]))  # and the photo the time is read from
    # found by its place alone: photos that say nothing of where they were may hide an earlier (later, another) time there
    unseen = (context.unplaced_then(after=group.last_row) if question.ordinal == -1 else
              context.unplaced_then() if question.ordinal is None else context.unplaced_then(before=group.first_row))
    edge_unseen = _unseen_edge(context, row, value, pattern, side) if context.by_trip and question.granularity != "clock" else ""
    arrived = context.local(int(arrival(group))).strftime(pattern)
    overnight = f"the journey began {value} and arrived {arrived}" if arrived != value else ""  # "when did I go": either is meant
    alike = (context.looks_like_more(after=group.last_row) if question.ordinal == -1 else
             context.looks_like_more(before=group.first_row) if question.ordinal == 0 else "")
    # every occasion that gave this value (they agree), since one of them may have begun before the time asked
    cut = "; ".join(dict.fromkeys(filter(None, (_cut_by_the_time_asked(context, one, pattern) for one in context.groups)))
                    ) if context.parsed.time.terms and not context.by_trip else ""
    doubt = "; ".join(filter(None, [thin, stayed, edge_unseen, overnight, unseen, cut, _partly_said_beyond(context, group, question.ordinal),
                                    alike]))
    return context.answer(value, f"{value} ({context.when(group)}, {context.where(group)}).", evidence,
                          f"{len(context.groups)} matching {plural('visit', len(context.groups))}: {context.listed(context.groups)}",
                          confidence="likely" if doubt else "sure", why=doubt)


def _cut_by_the_time_asked(context: Context, group, pattern: str) -> str:
    """ "The night shift I finished on the morning of 18 August: when did it start": an occasion that ran on from
    before the time asked (the photo before it, outside that time, less than a visit's gap earlier at the same place),
    or past it, has another date (clock) at its edge than within the time asked."""
    library, scope, names = context.library, context.moments.scope, context.timeline.names
    inside = {context.local(int(row)).strftime(pattern) for row in (group.rows[0], group.rows[-1])}
    beyond = []
    for side, row, step in (("began", int(group.first_row), -1), ("ended", int(group.last_row), 1)):
        neighbour = row + step
        if not scope[row]:  # the visit's own edge lies outside the time asked
            neighbour = row
        elif not 0 <= neighbour < len(library) or scope[neighbour] or (
                abs(int(library.utc_seconds[neighbour]) - int(library.utc_seconds[row])) > VISIT_GAP_S
                or "" not in (names[neighbour], names[row]) and names[neighbour] != names[row]):
            continue
        outside = context.local(neighbour).strftime(pattern)
        if outside not in inside:
            beyond.append(f"it {side} outside the time asked ({outside})")
    return "; ".join(beyond)


def _partly_said_beyond(context: Context, group, ordinal: int | None) -> str:
    """ "When did I last walk on the beach": a later visit whose photos say "beach" but not "walk" (a camera shows the
    beach, seldom the walking) may be the last time. The rarest of several subject words, said in the time and place
    asked beyond the visit chosen (after the last, before the first), makes the date likely."""
    words = context.moments.subject
    if len(words) < 2 or ordinal not in (0, -1):
        return ""
    said_of = {word: word_rows(context.library, [word]) for word in words}
    rarest = min(words, key=lambda word: len(said_of[word]))
    said = said_of[rarest][context.moments.scope[said_of[rarest]]]
    beyond = said[said > group.last_row] if ordinal == -1 else said[said < group.first_row]
    if not len(beyond):
        return ""
    others = "', '".join(word for word in words if word != rarest)
    return f"photos on {context.local(int(beyond[ordinal])):%d %b %Y} say '{rarest}' but not '{others}'"


def _signed_clock(context: Context, group, side: str, row: int) -> tuple[str, int, str] | None:
    """The clock a sign of the visit prints for its start or end ("LANDED 09:20"), the one most photos read, if it
    fits the photo's time (a landing before the first photo there, a departure after the last) and is read within
    hours of it (not a boarding pass days later, on the same trip); else None."""
    rows = np.arange(group.first_row, group.last_row + 1)
    hours_on = (context.library.utc_seconds[rows] - context.library.utc_seconds[row]) * (1 if side == "start" else -1)
    rows = rows[(hours_on >= 0) & (hours_on <= SIGN_BEFORE_PHOTO_S)]
    seen = context.local(row)
    seen_s = seen.hour * 3600 + seen.minute * 60
    read: list[tuple[str, int, str]] = []
    for shown, text in zip(rows, context.library.texts(rows, ["ocr_text"])["ocr_text"]):
        for found in _SIGNED_CLOCK[side].finditer(text):
            hour, minute = (int(part.translate(_AS_DIGITS)) for part in found.groups())
            ahead_s = ((seen_s - (hour * 3600 + minute * 60)) * (1 if side == "start" else -1)) % 86400
            if hour < 24 and minute < 60 and ahead_s <= SIGN_BEFORE_PHOTO_S:
                read.append((f"{hour:02d}:{minute:02d}", int(shown), found.group(0)))
    if not read:
        return None
    clock = Counter(clock for clock, _, _ in read).most_common(1)[0][0]
    shown, sign = next((shown, sign) for said, shown, sign in read if said == clock)
    return clock, shown, f"read from a sign in the photos ('{sign}'), not from the photos' own times"


_AS_DIGITS = str.maketrans("OolI", "0011")


def _unseen_edge(context: Context, row: int, value: str, pattern: str, side: str) -> str:
    """Why a trip's date may lie before (after, for its end) the photo it is read from: the photo next to it, not on
    the trip, was taken on another day (month, year) than the value says, so the trip may have begun then; a diary's
    first photo in Oslo is often its second day there. Only a photo that says where it was can: one with no place
    may be on the trip already. '' when the photos pin it at the question's grain."""
    step = 1 if side in ("end", "last there") else -1
    neighbour = context.placed_beside(row, step)
    if neighbour is None:
        return f"no photo {'after' if step > 0 else 'before'} it says where it was: the trip may have {'ended later' if step > 0 else 'begun earlier'}"
    seen = context.local(neighbour)
    if seen.strftime(pattern) == value:
        return ""
    return f"no photo says where you were between {min(seen, context.local(row)):%d %b %Y} and {max(seen, context.local(row)):%d %b %Y}: the trip may have " + (
        "ended later" if neighbour > row else "begun earlier")


def _first_appearance(context: Context, values: list[str]) -> Answer:
    """ "When did we get Bella": the first of the occasions that show her, likely (the photos may have missed the day);
    unsure when that is the library's first month, which may have begun after it."""
    first = context.groups[0]
    library_began = int(context.library.local_seconds.min()) if len(context.library) else 0
    early = context.library.local_seconds[first.first_row] - library_began < LIBRARY_START_S
    why = ("the library begins then: it may have come before" if early else
           f"the first of {len(values)} occasions that show it: got, bought or born then, or soon before")
    return context.answer(values[0], f"{values[0]} ({context.when(first)}, {context.where(first)}), when it first appears.",
                          context.evidence([first]), f"{len(values)} occasions: {context.listed(context.groups)}",
                          confidence="unsure" if early else "likely", why=why)


def _within_scope(context: Context, edge):
    """The edge of a visit or trip if it lies in the question's time and place, else its first or last matching photo."""
    scope = context.moments.scope

    def inside(group) -> int:
        row = int(edge(group))
        if scope[row]:
            return row
        return int(group.rows[0]) if row <= group.rows[0] else int(group.rows[-1])
    return inside


def _way_there(context: Context, group, shown: int = 2) -> list[int]:
    """A few photos of the journey that began a trip: the same day's photos right before it, away from home or
    nowhere a town is known (on a plane, on the road)."""
    library, timeline = context.library, context.timeline
    day, row, journey = library.local_seconds[group.first_row] // 86400, group.first_row - 1, []
    while row >= 0 and library.local_seconds[row] // 86400 == day and timeline.cities[row] != timeline.home_of_row[row]:
        journey.append(row)
        row -= 1
    return [int(row) for row in journey[:: max(1, len(journey) // shown)][:shown]]


def _usual_time(context: Context, edge, pattern: str) -> Answer:
    """ "What time did I usually leave the office": the median over the visits, and how much they vary."""
    minutes = [context.local(edge(group)).hour * 60 + context.local(edge(group)).minute for group in context.groups]
    middle = int(statistics.median(minutes))
    value = f"{middle // 60:02d}:{middle % 60:02d}" if pattern == "%H:%M" else Counter(
        context.local(edge(group)).strftime(pattern) for group in context.groups).most_common(1)[0][0]
    spread = statistics.pstdev(minutes)
    return context.answer(value, f"Usually {value} (over {len(minutes)} visits, give or take {round(spread)} minutes).",
                          context.evidence(context.groups), f"median of {len(minutes)} visits: {context.listed(context.groups)}",
                          confidence="likely", why="a typical value over several visits")


def _from_journey_start(context: Context, edge):
    """A trip reached through a connection (Amsterdam, a few hours in Dubai, Singapore) began when the journey
    left home, perhaps the day before it landed: the first photo after home on the way there, instead of the first
    one in the place asked about."""
    library, timeline = context.library, context.timeline
    cities, utc = timeline.cities, library.utc_seconds

    def journey_start(group) -> int:
        arrived = int(edge(group))
        row, start, connected = arrived - 1, arrived, False
        while row >= 0 and utc[arrived] - utc[row] <= JOURNEY_LOOKBACK_S:
            city = cities[row]
            if city and city == timeline.home_of_row[row]:
                break
            first, probe = row, row - 1  # how long the town goes back (photos without a town within it included)
            while city and probe >= 0 and cities[probe] in (city, "") and utc[row] - utc[probe] <= LAYOVER_S:
                first, probe = (probe if cities[probe] == city else first), probe - 1
            if city and probe >= 0 and cities[probe] == city:
                break  # longer than a connection: a stay
            connected, start, row = connected or bool(city), first, first - 1
        return start if connected else arrived
    return journey_start


# Verbs of moving house: "when did we move to Porto" asks when the home changed, which a diary may never write.
_MOVE_WORDS = frozenset(terms("move moved moving relocate relocated relocating"))
MOVE_PHOTOS_BETWEEN = 4  # of the photos between the old home and the new, where the move fell, this many are shown (naming the new first)


def moved_in(context: Context) -> Answer | None:
    """ "When did we move to Porto", when no photo says so: where home changed to the town asked about, between the
    last photo placed at the old home and the first placed at the new (likely: the move fell between them; the photos
    between, which say nowhere, are shown with them). Before it no home was ever located: when one moved in is
    unknown. None unless a move to a home town is asked."""
    subject, question = context.moments.subject, context.question
    if question.kind != "time" or not subject or context.moments.found or not set(subject) <= _MOVE_WORDS:
        return None
    timeline = context.timeline
    asked = {normalize(area.name) for term in context.parsed.place.terms if not term.negated for area in term.areas if area.kind == "city"}
    home = next((city for city in timeline.homes if normalize(city) in asked), None)
    if home is None:
        return None
    moved = int(np.flatnonzero(timeline.home_of_row == home)[0])
    before = str(timeline.home_of_row[moved - 1]) if moved else ""
    if not before or before == home:
        return context.cannot_tell(f"I can't tell when you moved to {home}: no photo before {context.local(moved):%d %b %Y} says where home was.",
                                   "no home known before it", [moved])
    placed = np.flatnonzero(timeline.cities == before)
    left = int(placed[placed < moved][-1]) if (placed < moved).any() else moved - 1
    arrived = int(np.flatnonzero((timeline.cities == home) & (np.arange(len(timeline.cities)) >= moved))[0])
    value = context.local(arrived).strftime(_GRANULARITY_FORMAT[question.granularity or "date"])
    why = f"no photo says the move itself: home was {before} on {context.local(left):%d %b %Y}, {home} on {context.local(arrived):%d %b %Y}"
    between = np.arange(left + 1, arrived)
    naming = np.logical_and.reduce([word_photos(context.library, word, noun=True) for word in terms(home)])[between]  # "the new house in Porto"
    evidence = [left, *np.concatenate([between[naming], between[~naming]])[:MOVE_PHOTOS_BETWEEN].tolist(), arrived]
    return context.answer(value, f"{value}: {why.split(': ', 1)[1]}.", evidence, why, confidence="likely", why=why)
