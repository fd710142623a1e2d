"""Where a question's moments were when their photos do not say: inside a trip, the trip's town; after the last
photo located in a place, perhaps still there."""

from __future__ import annotations

import re
from datetime import datetime

import numpy as np

from ..library.timeline import MAX_UNSEEN_TRIP_DAYS
from ..query.text import normalize
from .answer import Answer
from .context import Context, day_range
from .scope import unplaced


def on_a_trip(context: Context, country: bool) -> Answer:
    """Where photos that say nothing of where they were taken were, when they lie inside a trip (between days
    located away, with none at home): the trip's town, likely. Else, I can't tell."""
    timeline = context.timeline
    found = []
    for group in context.groups:
        numbers = np.unique(timeline.trip_of_row[group.rows])
        found.append(timeline.trips[int(numbers[0])] if len(numbers) == 1 and numbers[0] >= 0 else None)
    trips = {id(trip): trip for trip in found if trip}
    if len(trips) != 1:  # none, or visits on different trips: the photos do not say which
        return context.cannot_tell(f"I can't tell: the photos of {context.about} name no place finer than {context.scope_label}.",
                                   "no place names within the place asked about", context.evidence(context.groups))
    trip = next(iter(trips.values()))
    value = trip.country if country else trip.city
    days = day_range(*(datetime.fromisoformat(day) for day in (trip.first_day, trip.last_day)))
    why = f"no photo then says where it was taken, but it lies within your trip to {trip.city} ({days}), between days located there"
    groups = [group for group, on_trip in zip(context.groups, found) if on_trip]
    return context.answer(value, f"{value}, as far as I can tell: {why}.", context.evidence(groups),
                          f"{len(groups)} of {len(context.groups)} visits on the trip to {trip.city}", confidence="likely", why=why)


def last_seen_there(context: Context, row: int) -> tuple[int, str]:
    """The last photo in the asked place (the row given, the last one located there), and why it may not be: photos
    after it, before the next located one, have no position, so you may have stayed longer. One of them that
    says it was in the place ("Last day in Sydney") is the last one there, still only likely."""
    library = context.library
    located = np.flatnonzero(~unplaced(library, context.timeline))
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
