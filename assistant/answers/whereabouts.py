"""Where a question's moments were when their photos do not say: inside a trip, the trip's town; with no position,
the town their own words name ("landed in Marseille"), which may stretch a trip; after the last photo located in a
place, perhaps still there."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

import numpy as np

from ..library.timeline import MAX_UNSEEN_TRIP_DAYS
from ..library import Library
from ..query import local_seconds_of
from ..query.gazetteer import place_words, world_gazetteer
from ..query.text import normalize
from .answer import Answer
from .context import Context, day_range

# "landed in Marseille", "Last morning in Vienna", "Arrived in Inverness": a capitalised name after "in" ("at" names a
# venue as often: "dinner at Paris", the restaurant)
_SAID_IN = re.compile(r"\bin\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


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


def town_written(library: Library, rows: np.ndarray) -> tuple[str, str, str] | None:
    """The one town that the photos' own words name, as the gazetteer spells it, with its country and the words that
    say it: a caption's "landed in Edinburgh", a sign that reads only "INVERNESS" (a film scan or a diary has no
    position, but says where it was). None when they name no town, or several."""
    gazetteer, skipped = world_gazetteer(), _skipped_names()
    texts = library.texts(rows, ("caption", "ocr_text"))
    named: dict[str, tuple[str, str, str]] = {}
    for caption, signs in zip(texts["caption"], texts["ocr_text"]):
        phrases = [(name, caption) for name in _SAID_IN.findall(caption or "")]
        phrases += [(line, line) for line in re.split(r"\s{2,}", signs or "") if line.strip()]
        for phrase, words in phrases:
            city = _city_named(gazetteer, phrase, skipped)
            if city is not None:
                named.setdefault(city.name, (city.name, gazetteer.countries[city.country_code].name, words.strip()))
    return next(iter(named.values())) if len(named) == 1 else None


def written_beside(context: Context, row: int, step: int, town: str) -> int:
    """The trip's edge stretched by its own words: the farthest photo before (step -1) or after (step 1) a row, among
    those with no position right beside it (within a few days), whose words name the trip's town ("LISBOA" read at
    the station the afternoon before the first GPS fix there); the row itself when none does."""
    library, placed = context.library, ~context.timeline.unplaced
    names = {town, *gazetteer_spellings({town})}  # the library's "Marrakech" is the gazetteer's "Marrakesh"
    reach = library.utc_seconds[row] + step * MAX_UNSEEN_TRIP_DAYS * 86400
    farthest, beside = row, row + step
    while 0 <= beside < len(library) and not placed[beside] and (library.utc_seconds[beside] - reach) * step <= 0:
        written = town_written(library, np.array([beside]))
        if written is not None and written[0] in names:
            farthest = beside
        beside += step
    return farthest


def gazetteer_spellings(towns: set[str]) -> dict[str, str]:
    """The gazetteer's name of each of some towns the library names, to the library's own spelling."""
    gazetteer, skipped = world_gazetteer(), _skipped_names()
    return {city.name: town for town in towns if (city := _city_named(gazetteer, town, skipped)) is not None}


@lru_cache(maxsize=1)
def _skipped_names() -> frozenset[str]:
    """Town names that are mostly words or people's names ("Bath", "Paris"): not read as towns from free text."""
    return frozenset(place_words()["common_word_places"]) | frozenset(place_words()["first_names"])


def _city_named(gazetteer, phrase: str, skipped: set[str]):
    """The biggest city the whole phrase names ("New York"; not "Salamanca Market", nor the sign "EDINBURGH CHORAL
    SOCIETY"), or None."""
    key = normalize(phrase)
    cities = gazetteer.cities_named(key) if key and key not in skipped else []
    return cities[0] if cities and cities[0].country_code in gazetteer.countries else None


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
