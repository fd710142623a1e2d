"""The library's own places (where this person has actually been: "DCU", "home", "the office"), indexed once per
places list for the phrase finder, and what they admit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from ..gazetteer import WorldGazetteer, city_radius_km, place_words
from ..text import normalize
from .model import Area, KnownPlace, PlaceTerm

# Photos of a known place are spread over its radius; a little more covers GPS noise at its edge.
KNOWN_PLACE_MARGIN_KM = 0.1


@dataclass
class KnownIndex:
    """Lookup tables over the library's places, built once per places list."""

    names: dict[str, list[KnownPlace]] = field(default_factory=dict)  # normalised name or alias
    initials: dict[str, list[KnownPlace]] = field(default_factory=dict)  # "DCU"
    heads: dict[str, list[KnownPlace]] = field(default_factory=dict)  # "airport" -> places named "... Airport"
    home: list[KnownPlace] = field(default_factory=list)
    work: list[KnownPlace] = field(default_factory=list)
    country_codes: set[str] = field(default_factory=set)
    max_words: int = 1
    all_southern: bool = False
    spots: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))  # (lat, lng) of every place


_GLUE_WORDS = {"of", "the", "and", "de", "at", "for", "in"}


def build_known_index(places: Sequence[KnownPlace]) -> KnownIndex:
    words_lists = place_words()
    facility_nouns = [normalize(noun) for noun in words_lists["facility_nouns"]]
    home_names = {normalize(name) for name in words_lists["home_names"]}
    work_words = set(words_lists["work_name_words"])
    index = KnownIndex()
    for place in places:
        full = normalize(place.name)
        bare_name = re.sub(r"\([^)]*\)", " ", place.name)
        keys = {full, normalize(bare_name)}
        keys |= {normalize(inner) for inner in re.findall(r"\(([^)]+)\)", place.name)}
        keys |= {key[4:] for key in list(keys) if key.startswith("the ")}
        for key in keys:
            if len(key) >= 2:
                index.names.setdefault(key, []).append(place)
        significant = [word for word in re.findall(r"[^\W_]+", bare_name) if word.lower() not in _GLUE_WORDS]
        if len(significant) >= 2:
            index.initials.setdefault("".join(word[0] for word in significant).upper(), []).append(place)
        if place.kind == "semantic":
            for noun in facility_nouns:
                if re.search(rf"\b{re.escape(noun)}\b", full):
                    index.heads.setdefault(noun, []).append(place)
            if full in home_names:
                index.home.append(place)
            if work_words & set(full.split()):
                index.work.append(place)
        if place.country_code:
            index.country_codes.add(place.country_code)
    index.max_words = max([len(key.split()) for key in index.names] + [1])
    index.all_southern = bool(places) and all(place.lat < 0 for place in places)
    index.spots = np.array([(place.lat, place.lng) for place in places], dtype=float).reshape(-1, 2)
    return index


_KNOWN_CACHE: dict[int, tuple[Sequence[KnownPlace], int, KnownIndex]] = {}


def known_index(places: Sequence[KnownPlace] | None) -> KnownIndex:
    """The index for a places list; the library passes the same list every time, so it is built once."""
    if not places:
        return KnownIndex()
    cached = _KNOWN_CACHE.get(id(places))
    if cached is not None and cached[0] is places and cached[1] == len(places):
        return cached[2]
    index = build_known_index(places)
    if len(_KNOWN_CACHE) > 8:
        _KNOWN_CACHE.clear()
    _KNOWN_CACHE[id(places)] = (places, len(places), index)
    return index


def known_area(place: KnownPlace, gazetteer: WorldGazetteer | None) -> Area:
    if place.kind == "country" and place.country_code:
        return Area("country", place.name, place.lat, place.lng, place.radius_km, place.country_code)
    if place.kind == "city":
        radius = place.radius_km
        lat, lng = place.lat, place.lng
        if gazetteer is not None:
            namesakes = [city for city in gazetteer.cities_named(normalize(place.name), {place.country_code})
                         if city.country_code == place.country_code]
            if namesakes:
                radius = max(radius, city_radius_km(namesakes[0].population))
        return Area("city", place.name, lat, lng, radius + KNOWN_PLACE_MARGIN_KM, place.country_code)
    return Area("known", place.name, place.lat, place.lng, place.radius_km + KNOWN_PLACE_MARGIN_KM, place.country_code)


def known_label(place: KnownPlace) -> str:
    return f"near {place.name}" if place.kind == "city" else place.name


def southern_hemisphere(terms: Sequence[PlaceTerm], places: Sequence[KnownPlace] | None) -> bool:
    """Seasons flip south of the equator: decided by the place constraint, else by where the library's photos are."""
    positive = [term for term in terms if not term.negated]
    if positive:
        return all(area.lat < 0 for term in positive for area in term.areas)
    return known_index(places).all_southern

