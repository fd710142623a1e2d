"""Changing planes: the stops between two flights of one journey ("how long was my layover in Doha on the way to
Bangkok", "which airport did I change planes at on the way to Helsinki", "how many times did I change planes at
Arlanda").

A stop is a short stretch of photos in a town away from home (under LAYOVER_S), flown to and flown from: the
photos just before were taken far away (FLOWN_KM) and so were those just after, in another town again, each within
a journey's two days (MAX_JOURNEY_S: the night after landing may pass without a located photo). The town the journey went on to is where it was going ("on the way to Bangkok"); a place the question
names otherwise is the stop's own ("at Arlanda", "in Doha"). Found from where the photos were, so likely, never sure:
a camera off in the terminal hides a stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from ..core.geo import haversine_km
from ..core.words import plural, terms
from ..query.text import normalize
from .answer import Answer
from .context import Context, human
from .measures import flights
from .scope import place_rows_of
from .times import LAYOVER_S
from .visits import Group
from .ways import MAX_JOURNEY_S

CONNECTION = re.compile(r"\b(?:chang(?:e|ed|ing)\s+(?:planes?|flights?)|layovers?|stopovers?|connections?|connecting\s+flights?)\b",
                        re.IGNORECASE)
FLOWN_KM = 300  # the step to and from a stop this long at least: flown
WHY = "a stop between two flights, found from where the photos were taken: a stop the camera missed is not among them"


@dataclass(frozen=True)
class Stop:
    """A stop on the way: its photos, its town and the town the journey went on to."""

    group: Group
    town: str
    onward: str


def by_the_flights(context: Context) -> Answer | None:
    """Questions answered from where the photos flew between: a stop between two flights, or the flights counted
    ("how many times did I fly"); None for any other question."""
    question = context.question
    if CONNECTION.search(context.parsed.text) and question.kind in ("frequency", "location", "duration", "time"):
        return connection_answer(context)
    if question.kind == "frequency" and question.means == "fly" and not context.moments.missing:
        return flights(context)
    return None


def connections(context: Context) -> list[Stop]:
    """Every stop between two flights in the library, in time order."""
    library, timeline = context.library, context.timeline
    located = np.flatnonzero((timeline.cities != "") & np.isfinite(library.lat))
    towns, utc = timeline.cities[located], library.utc_seconds
    starts = np.r_[0, np.flatnonzero(towns[1:] != towns[:-1]) + 1] if len(located) else np.zeros(0, int)
    ends = np.r_[starts[1:] - 1, len(located) - 1] if len(located) else np.zeros(0, int)
    found = []
    for run in range(1, len(starts) - 1):
        first, last = located[starts[run]], located[ends[run]]
        before, after = located[ends[run - 1]], located[starts[run + 1]]
        town = str(towns[starts[run]])
        if (town == timeline.home_of_row[first] or towns[ends[run - 1]] == towns[starts[run + 1]]
                or utc[last] - utc[first] > LAYOVER_S or max(utc[first] - utc[before], utc[after] - utc[last]) > MAX_JOURNEY_S
                or min(haversine_km(library.lat[first], library.lng[first], library.lat[before], library.lng[before]),
                       haversine_km(library.lat[last], library.lng[last], library.lat[after], library.lng[after])) < FLOWN_KM):
            continue
        rows = np.arange(first, last + 1)
        found.append(Stop(Group(rows, int(first), int(last), trip=False), town, str(towns[starts[run + 1]])))
    return found


def connection_answer(context: Context) -> Answer:
    """How many stops, where, how long or when, of those in the time asked, on the way to the town asked, at the place asked."""
    stops = _asked(context)
    if not stops:
        return context.cannot_tell("I can't tell: I found no stop between two flights there and then.", "no stop between two flights found")
    groups = [stop.group for stop in stops]
    # found by where the photos were, not by their words: no word of the question is missing from them
    placed = Context(context.library, context.parsed, replace(context.moments, subject=[], missing=[], by_meaning=[], as_parts=[]),
                     groups, False, context.timeline, context.vqa)
    kind = context.question.kind
    if kind == "frequency":
        return placed.answer(len(stops), f"{len(stops)} {plural('time', len(stops))}.", placed.evidence(groups),
                             f"{len(stops)} {plural('stop', len(stops))}: {placed.listed(groups)}", confidence="likely", why=WHY)
    if kind == "duration":  # of several stops and none singled out, the most recent, unsure
        group, stop = groups[-1], stops[-1]
        seconds = int(context.library.utc_seconds[group.last_row] - context.library.utc_seconds[group.first_row])
        several = f"the most recent of {len(stops)} stops: {placed.listed(groups)}" if len(stops) > 1 else ""
        return placed.answer(seconds, f"{human(seconds, in_days=False)} (at {_venue(context, stop)}, {placed.when(group)}).",
                             placed.evidence([group]), f"from the first photo there to the last: {placed.listed([group])}",
                             confidence="unsure" if several else "likely", why=several or WHY)
    if kind == "location":
        values = [_venue(context, stop) if context.question.granularity != "city" else stop.town for stop in stops]
    else:
        values = [placed.local(group.first_row).strftime("%Y-%m-%d") for group in groups]
    return placed.valued([(value, placed.evidence([group])) for value, group in zip(values, groups)], "at", "likely", WHY)


def _asked(context: Context) -> list[Stop]:
    """The stops in the question's time, going on to the town named after "to", at the other places it names."""
    parsed, library = context.parsed, context.library
    time = parsed.time.exactly().mask(library.local_seconds)
    stops = [stop for stop in connections(context) if time[stop.group.first_row]]
    for term in parsed.place.terms:
        if any(_after_to(parsed.text, area.name) for area in term.areas):
            stops = [stop for stop in stops if normalize(stop.onward) in {normalize(area.name) for area in term.areas}]
        else:
            inside = place_rows_of(library, term)
            stops = [stop for stop in stops if inside[stop.group.rows].any()]
    said = set(terms(" ".join(found.group(0) for found in CONNECTION.finditer(parsed.text)))) | {"way"}  # "on the way to"
    if "home" in context.moments.subject:  # "on the way home": going on to the town one lived in then
        stops = [stop for stop in stops if stop.onward == context.timeline.home_of_row[stop.group.first_row]]
    for word in [word for word in context.moments.subject if word not in said | {"home"}]:  # "to Bangkok", "at Arlanda"
        onward = _after_to(parsed.text, word)
        stops = [stop for stop in stops if word in terms(stop.onward if onward else _venue(context, stop) + " " + stop.town)]
    return stops


def _after_to(text: str, name: str) -> bool:
    return bool(re.search(rf"\b(?:to|for)\s+(?:the\s+)?{re.escape(name)}\b", text, re.IGNORECASE))


def _venue(context: Context, stop: Stop) -> str:
    names = [str(name) for name in context.timeline.names[stop.group.rows] if name]
    return max(set(names), key=names.count) if names else stop.town

