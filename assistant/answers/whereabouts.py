"""Where a question's moments were when their photos do not say: inside a trip, the trip's town; after the last
photo located in a place, perhaps still there."""

from __future__ import annotations

import re
from datetime import datetime

import numpy as np

from ..library.timeline import MAX_UNSEEN_TRIP_DAYS
from ..query import local_seconds_of
from ..query.text import normalize
from .answer import Answer
from .context import Context, day_range


def on_a_trip(context: Context, country: bool) -> Answer:
    """Where photos that say nothing of where they were taken were: inside a trip (between days located away, with
    none at home), the trip's town; on no trip, on days a home is known for, that home. Likely, not sure. Else, I can't tell."""
    timeline = context.timeline
    found = []
    for group in context.groups:
        numbers = np.unique(timeline.trip_of_row[group.rows])
        homes = set(timeline.home_of_row[group.rows].tolist())
        if len(numbers) == 1 and numbers[0] >= 0:
            trip = timeline.trips[int(numbers[0])]
            found.append((trip.country if country else trip.city, _within_trip(trip)))
        elif numbers.max() < 0 and len(homes) == 1 and "" not in homes:
            home = homes.pop()
            found.append((timeline.country_of(home) if country else home,
                          f"no photo then says where it was taken, but no trip was under way: at home in {home}"))
        else:
            found.append(None)
    places = {value for value, _ in filter(None, found)}
    if len(places) != 1:  # none, or visits in different places: the photos do not say which
        return context.cannot_tell(f"I can't tell: the photos of {context.about} name no place finer than {context.scope_label}.",
                                   "no place names within the place asked about", context.evidence(context.groups))
    value, why = next(filter(None, found))
    groups = [group for group, where in zip(context.groups, found) if where]
    return context.answer(value, f"{value}, as far as I can tell: {why}.", context.evidence(groups),
                          f"{len(groups)} of {len(context.groups)} visits there", confidence="likely", why=why)


def on_a_trip_unseen(context: Context, country: bool) -> Answer | None:
    """ "Where was I on 11 February" when no photo was taken that day: the trip's town, likely, when the day lies
    inside one trip (days located away before and after it, none at home between); else None."""
    time = context.parsed.time.exactly()
    for trip in context.timeline.trips:
        first, last = (datetime.fromisoformat(day) for day in (trip.first_day, trip.last_day))
        around = np.arange(-MAX_UNSEEN_TRIP_DAYS, (last - first).days + MAX_UNSEEN_TRIP_DAYS + 1)
        noons = local_seconds_of(first) + around * 86400 + 12 * 3600
        asked = time.mask(noons)
        on_trip = (around >= 0) & (around <= (last - first).days)
        if asked.any() and not (asked & ~on_trip).any():
            value = trip.country if country else trip.city
            why = f"no photo that day, but it lies within your trip to {trip.city} ({_days(trip)}), between days located there"
            return context.answer(value, f"{value}, as far as I can tell: {why}.", [], f"the trip to {trip.city}", confidence="likely", why=why)
    return None


def _within_trip(trip) -> str:
    return f"no photo then says where it was taken, but it lies within your trip to {trip.city} ({_days(trip)}), between days located there"


def _days(trip) -> str:
    return day_range(*(datetime.fromisoformat(day) for day in (trip.first_day, trip.last_day)))


def last_seen_there(context: Context, row: int) -> tuple[int, str]:
    """The last photo in the asked place (the row given, the last one located there), and why it may not be: photos
    after it, before the next located one, have no position, so you may have stayed longer. One of them that
    says it was in the place ("Last day in Sydney") is the last one there, still only likely."""
    library = context.library
    located = context.timeline.placed_rows
    following = located[located > row]
    until = int(following[0]) if len(following) else len(library)
    unlocated = np.arange(row + 1, until)
    unlocated = unlocated[library.utc_seconds[unlocated] <= library.utc_seconds[row] + MAX_UNSEEN_TRIP_DAYS * 86400]
    if not len(unlocated):
        return row, ""
    names = [normalize(area.name) for term in context.parsed.place.terms if not term.negated for area in term.areas]
    said_there = re.compile(rf"\b(?:in|at)\s+(?:{'|'.join(map(re.escape, names))})\b") if names else None
    words = library.texts(unlocated, ("caption", "ocr_text")) if said_there else {"caption": [], "ocr_text": []}
    for position in reversed(range(len(words["caption"]))):
        if said_there.search(normalize(f"{words['caption'][position]} {words['ocr_text'][position]}")):
            return int(unlocated[position]), f"no photo after {context.local(row):%d %b %Y} is located, but one says it was there"
    return row, f"the photos after it have no position until {context.local(until - 1):%d %b %Y}: you may have stayed longer"
