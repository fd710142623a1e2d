"""Where and when a question asks about, as exact masks over the photos: its time by the calendar ("last week" is
Monday to Sunday here, though search forgives a few days), and its place by position, or by what the photos'
metadata names when they have no position (a diary without GPS at home)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..library import Library
from ..library.timeline import Timeline, timeline_of
from ..query import ParsedQuery, PlaceTerm
from ..query.text import normalize


def scope_mask(library: Library, parsed: ParsedQuery) -> np.ndarray:
    """Photos inside the question's time (as the calendar has it) and place.

    A venue of the library's own ("Estrella") is the photos named so: a photo with no name inside its circle may
    be the café next door or the street outside (a visit is still found by its named photos)."""
    mask = parsed.time.exactly().mask(library.local_seconds)
    names = None
    for term in parsed.place.terms:
        inside = place_rows_of(library, term)
        if not term.negated and term.areas and all(area.kind == "known" for area in term.areas):
            names = library.place_names("semantic_name") if names is None else names
            inside &= np.isin(names, [area.name for area in term.areas])
        mask &= inside
    return mask


def place_rows_of(library: Library, term: PlaceTerm) -> np.ndarray:
    """The photos a place term admits: by position, by their metadata city or country when they have no position;
    for the home town, the photos that say nothing of where they were and lie on no trip (a diary's days at home,
    which name no place at all); and a trip's photos with no place, by where the trip was around them."""
    inside = term.mask(library.lat, library.lng, library.country_code, lambda positions: library.place_names("city", positions))
    if term.negated:
        return inside
    timeline = timeline_of(library)
    unknown = unplaced(library, timeline)
    if _names_home(library, timeline, term):
        inside |= unknown & (timeline.trip_of_row < 0)
    return inside | _where_the_trip_was(timeline, unknown, inside)


def unplaced(library: Library, timeline: Timeline) -> np.ndarray:
    """Per photo: nothing says where it was taken, neither a position nor a town in its metadata."""
    return ~(np.isfinite(library.lat) & np.isfinite(library.lng)) & (timeline.cities == "")


def _where_the_trip_was(timeline: Timeline, unplaced: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """Photos with no place on a trip, inside when the located photos of the same trip around them are (those before
    and after, when both are on it; else the one that is): a diary's day in Tokyo whose GPS was off."""
    rows = np.flatnonzero(unplaced & (timeline.trip_of_row >= 0))
    located = np.flatnonzero(~unplaced)
    admitted = np.zeros(len(unplaced), dtype=bool)
    if not len(rows) or not len(located):
        return admitted
    after = np.searchsorted(located, rows)
    before, after = located[np.maximum(after - 1, 0)], located[np.minimum(after, len(located) - 1)]
    trip = timeline.trip_of_row[rows]
    before_on, after_on = (before < rows) & (timeline.trip_of_row[before] == trip), (after > rows) & (timeline.trip_of_row[after] == trip)
    admitted[rows] = (before_on | after_on) & (~before_on | inside[before]) & (~after_on | inside[after])
    return admitted


def _names_home(library: Library, timeline: Timeline, term: PlaceTerm) -> bool:
    """Whether the term's place is the home town, or the home town's country (by the code its photos carry)."""
    home = normalize(timeline.home_city)
    if not home:
        return False
    if any(area.kind == "city" and normalize(area.name) == home for area in term.areas):
        return True
    codes = {area.country_code for area in term.areas if area.kind == "country" and area.country_code}
    if not codes:
        return False
    home_codes = library.country_code[timeline.cities == timeline.home_city]
    home_codes = home_codes[home_codes != ""]
    return bool(len(home_codes)) and Counter(home_codes.tolist()).most_common(1)[0][0] in codes


# A count or a list of places is sure only when this share of the question's time says where it was.
LOCATED_FOR_SURE = 0.9


def placed_share(library: Library, parsed: ParsedQuery, timeline: Timeline) -> tuple[float, str]:
    """How much of the question's time says where it was, and of what: of a diary's photos (each the only record of its
    moment), of a camera's days with photos (a visit there has many photos, and one with a place will do)."""
    in_time = parsed.time.exactly().mask(library.local_seconds)
    placed = timeline.cities[in_time] != ""
    if timeline.diary_like:
        return (float(placed.mean()) if len(placed) else 1.0), "photos"
    days = library.local_seconds[in_time] // 86400
    return len(np.unique(days[placed])) / max(len(np.unique(days)), 1), "days with photos"
