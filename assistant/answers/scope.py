"""Where and when a question asks about, as exact masks over the photos: its time by the calendar ("last week" is
Monday to Sunday here, though search forgives a few days), and its place by position, or by what the photos'
metadata names when they have no position (a diary without GPS at home)."""

from __future__ import annotations

import weakref
from collections import Counter

import numpy as np

from ..library import Library
from ..library.timeline import Timeline, timeline_of
from ..query import ParsedQuery, PlaceTerm
from ..query.text import normalize
from ..core.words import terms
from .word_rows import word_photos

# Where one was is known for sure only when nearly every photo of the time asked says where it was taken.
LOCATED_FOR_SURE = 0.9
UNNAMED_VISIT_GAP_S = 2 * 3600  # photos at a venue this far from any that name it are another visit, unnamed


def scope_mask(library: Library, parsed: ParsedQuery) -> np.ndarray:
    """Photos inside the question's time (as the calendar has it) and place.

    A venue of the library's own ("Estrella") is the photos named so: a photo with no name inside its circle may
    be the café next door or the street outside (a visit is still found by its named photos); a photo named so
    with no position (the GPS not fixed yet) is inside by its name."""
    mask = parsed.time.exactly().mask(library.local_seconds)
    names = None
    for term in parsed.place.terms:
        inside = place_rows_of(library, term)
        if not term.negated and term.areas and all(area.kind == "known" for area in term.areas):
            names = library.place_names("semantic_name") if names is None else names
            unpositioned = ~(np.isfinite(library.lat) & np.isfinite(library.lng))
            inside = (inside | unpositioned) & np.isin(names, [area.name for area in term.areas])
        mask &= inside
    return mask


def unnamed_days_at_venue(library: Library, parsed: ParsedQuery) -> int:
    """Days of the question's time when photos stood inside a venue of the library's own (by position) hours away
    from any photo carrying its name: a visit there that went unnamed (a place's name comes on only some photos),
    so a count of its visits by name may fall short."""
    time = parsed.time.exactly().mask(library.local_seconds)
    positioned = np.isfinite(library.lat) & np.isfinite(library.lng)
    missed = 0
    for term in parsed.place.terms:
        if term.negated or not term.areas or not all(area.kind == "known" for area in term.areas):
            continue
        named = np.isin(library.place_names("semantic_name"), [area.name for area in term.areas])
        named_at = np.sort(library.local_seconds[time & named])
        unnamed_at = library.local_seconds[place_rows_of(library, term) & positioned & time & ~named]
        if not len(named_at) or not len(unnamed_at):
            continue
        after = np.searchsorted(named_at, unnamed_at)
        nearest = np.minimum(np.abs(unnamed_at - named_at[np.maximum(after - 1, 0)]), np.abs(named_at[np.minimum(after, len(named_at) - 1)] - unnamed_at))
        missed += len(np.unique(unnamed_at[nearest > UNNAMED_VISIT_GAP_S] // 86400))
    return missed


def place_rows_of(library: Library, term: PlaceTerm) -> np.ndarray:
    """The photos a place term admits: by position, by their metadata city or country when they have no position;
    for the home town, the photos that say nothing of where they were and lie on no trip nor between two of a trip's
    (a diary's days at home, which name no place at all); and a trip's photos with no place, by where the trip was
    around them."""
    inside = term.mask(library.lat, library.lng, library.country_code, lambda positions: library.place_names("city", positions))
    if term.negated:
        return inside
    timeline = timeline_of(library)
    unknown = timeline.unplaced
    inside |= unknown & (timeline.trip_of_row < 0) & ~_within_a_trip(timeline, len(library)) & _at_home_named(library, timeline, term)
    if inside.any():  # a town photographed at other times: a photo with no position that names it was there too
        inside |= unknown & _town_written(library, term)
    return inside | _where_the_trip_was(timeline, inside)


def _within_a_trip(timeline: Timeline, n: int) -> np.ndarray:
    """Per photo: it lies between a trip's first and last photo away (a lunch indoors in Hamburg, its GPS lost), so it
    was not taken at home, though it says nothing of where it was."""
    edges = np.zeros(n + 1, dtype=np.int64)
    for trip in timeline.trips:
        edges[trip.first_row] += 1
        edges[trip.last_row + 1] -= 1
    return np.cumsum(edges[:n]) > 0


def _town_written(library: Library, term: PlaceTerm) -> np.ndarray:
    """Per photo: its caption names the term's town ("Arrived in Rome" on a film scan that has no position). Only
    the caption, one's own words: a sign may name a town elsewhere ("Paris Baguette", "Edinburgh Choral Society")."""
    named = np.zeros(len(library), dtype=bool)
    for area in term.areas:
        if area.kind == "city" and (words := frozenset(terms(area.name))):
            named[_captions_naming(library, words)] = True
    return named


_CAPTIONS_NAMING: "weakref.WeakKeyDictionary[Library, dict[frozenset[str], np.ndarray]]" = weakref.WeakKeyDictionary()


def _captions_naming(library: Library, words: frozenset[str]) -> np.ndarray:
    """The photos whose caption has every word of a town's name, found once per library and town: a question asks
    for a town's photos several times (its scope, its moments, the trips around them)."""
    found = _CAPTIONS_NAMING.setdefault(library, {})
    if words not in found:
        rows = np.flatnonzero(np.logical_and.reduce([word_photos(library, word, noun=True) for word in words]))
        captions = library.texts(rows, ["caption"])["caption"]
        found[words] = rows[[words <= set(terms(caption)) for caption in captions]]
    return found[words]


def whereabouts_unknown(timeline: Timeline) -> np.ndarray:
    """Per photo: nothing says where it was, nor where it could have been: no position or town, on no trip, on a day
    no home is known for (a film scan of 1990 in a library located only from 2009). In a diary, any photo with no
    place: each is a moment's only record, and one may be a trip's, taken for home."""
    unknown = timeline.unplaced
    return unknown if timeline.diary_like else unknown & (timeline.trip_of_row < 0) & (timeline.home_of_row == "")


def _where_the_trip_was(timeline: Timeline, inside: np.ndarray) -> np.ndarray:
    """Photos with no place on a trip, inside when the located photos of the same trip around them are (those before
    and after, when both are on it; else the one that is): a diary's day in Tokyo whose GPS was off."""
    rows = np.flatnonzero(timeline.unplaced & (timeline.trip_of_row >= 0))
    located = timeline.placed_rows
    admitted = np.zeros(len(inside), dtype=bool)
    if not len(rows) or not len(located):
        return admitted
    after = np.searchsorted(located, rows)
    before, after = located[np.maximum(after - 1, 0)], located[np.minimum(after, len(located) - 1)]
    trip = timeline.trip_of_row[rows]
    before_on, after_on = (before < rows) & (timeline.trip_of_row[before] == trip), (after > rows) & (timeline.trip_of_row[after] == trip)
    admitted[rows] = (before_on | after_on) & (~before_on | inside[before]) & (~after_on | inside[after])
    return admitted


def _at_home_named(library: Library, timeline: Timeline, term: PlaceTerm) -> np.ndarray:
    """Per photo: its day's home is the term's place, or in the term's country (by the code its photos carry). Each
    home counts for its own days only: Lyon's unplaced photos are not Porto's, and nothing is home before a home was
    ever located."""
    named = np.zeros(len(library), dtype=bool)
    cities = {normalize(area.name) for area in term.areas if area.kind == "city"}
    codes = {area.country_code for area in term.areas if area.kind == "country" and area.country_code}
    for home in timeline.homes:
        home_codes = library.country_code[timeline.cities == home]
        home_codes = home_codes[home_codes != ""]
        in_country = bool(codes) and bool(len(home_codes)) and Counter(home_codes.tolist()).most_common(1)[0][0] in codes
        if normalize(home) in cities or in_country:
            named |= timeline.home_of_row == home
    return named
