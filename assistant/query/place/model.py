"""The place model: areas, place terms and their vectorised masks over photo positions, and the online geocoder's shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..gazetteer import region_key
from ..geometry import fixed_width_codes, region_keys_at, within_radius
from ..text import normalize


@dataclass(frozen=True)
class KnownPlace:
    """A place from the library's metadata, where this person has actually taken photos."""

    name: str  # "Dublin City University", "Home", "Dublin", "Ireland"
    kind: str  # "semantic" (metadata semantic_name) | "city" | "country"
    lat: float  # centre of the photos taken there
    lng: float
    radius_km: float  # spread of the photos there
    country_code: str  # ISO 3166 alpha-2, "" if unknown
    photo_count: int


@dataclass(frozen=True)
class Area:
    """A circle (known place, city, geocoded), a whole country (kind "country", decided by country_code) or a
    GeoNames region (kind "region", decided by name; its circle only spans it)."""

    kind: str  # "known" | "city" | "country" | "region" | "geocoded"
    name: str
    lat: float
    lng: float
    radius_km: float
    country_code: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "lat": round(self.lat, 6), "lng": round(self.lng, 6),
                "radius_km": round(self.radius_km, 3), "country_code": self.country_code}


def _as_float_array(values) -> np.ndarray:
    return np.atleast_1d(np.asarray(values, dtype=np.float64))


def _in_region(area: Area, lat: np.ndarray, lng: np.ndarray) -> np.ndarray:
    """Positions whose nearest GeoNames town lies in the region (kind "region": its name as GeoNames writes it)."""
    first, second = region_keys_at(lat, lng)
    key = f"{area.country_code}/{region_key(area.name)}"
    return (first == key) | (second == key)


def _named_town(areas: tuple[Area, ...], unlocated: np.ndarray, cities_at) -> np.ndarray:
    """Which photos without a position have a town's name as their metadata city."""
    towns = [normalize(area.name) for area in areas if area.kind == "city"]
    named = np.zeros(unlocated.shape, dtype=bool)
    positions = np.flatnonzero(unlocated)
    if towns and len(positions):
        spelled, inverse = np.unique(np.asarray(cities_at(positions)).astype(str), return_inverse=True)
        named[positions] = np.isin([normalize(name) for name in spelled], towns)[inverse]
    return named


@dataclass(frozen=True)
class PlaceTerm:
    """One place constraint: admitted when inside ANY of its areas (or, when negated, inside none)."""

    label: str  # chip text: "near Dublin", "Ireland", "not: Home"
    areas: tuple[Area, ...]
    negated: bool = False

    def mask(self, lat, lng, country_code=None, cities_at=None) -> np.ndarray:
        """Which photos pass. A photo without a position (NaN) is inside by what its metadata names: its
        country code for a country, its city for a town (cities_at(positions): the metadata cities of the
        photos at those positions): a diary without GPS at home still says "Melbourne". Otherwise an unknown
        position fails a positive term and passes a negated one."""
        lat, lng = _as_float_array(lat), _as_float_array(lng)
        inside = np.zeros(lat.shape, dtype=bool)
        named = np.zeros(lat.shape, dtype=bool)
        countries = [area.country_code for area in self.areas if area.kind == "country" and area.country_code]
        if countries:
            codes = fixed_width_codes(country_code, lat, lng)
            # Two UCS-4 characters are 8 bytes: compared as integers, a continent's 50 codes take a few ms.
            inside |= np.isin(codes.view(np.uint64), np.array(countries, dtype="U2").view(np.uint64))
            if country_code is not None:
                named |= inside
        for area in self.areas:
            if area.kind == "region":
                inside |= _in_region(area, lat, lng)
            elif area.kind != "country":
                inside |= within_radius(lat, lng, area.lat, area.lng, area.radius_km)
        located = np.isfinite(lat) & np.isfinite(lng)
        if cities_at is not None:
            named |= _named_town(self.areas, ~located, cities_at)
        inside = (inside & located) | named
        return ~inside if self.negated else inside

    def admits(self, lat: float, lng: float) -> bool:
        return bool(self.mask(np.array([lat], dtype=float), np.array([lng], dtype=float))[0])

    def to_dict(self) -> dict:
        return {"label": self.label, "negated": self.negated, "areas": [area.to_dict() for area in self.areas]}


@dataclass(frozen=True)
class PlaceConstraints:
    """All place terms of a query; a position passes when every term admits it."""

    terms: tuple[PlaceTerm, ...] = ()

    def mask(self, lat, lng, country_code=None, cities_at=None) -> np.ndarray:
        lat, lng = _as_float_array(lat), _as_float_array(lng)
        admitted = np.ones(lat.shape, dtype=bool)
        for term in self.terms:
            admitted &= term.mask(lat, lng, country_code, cities_at)
        return admitted

    def admits(self, lat: float, lng: float) -> bool:
        return bool(self.mask(np.array([lat], dtype=float), np.array([lng], dtype=float))[0])

    def __bool__(self) -> bool:
        return bool(self.terms)

    def to_dict(self) -> list[dict]:
        return [term.to_dict() for term in self.terms]


@dataclass(frozen=True)
class AmbiguousPlace:
    """A place phrase that fits several known places; until the user picks, the constraint admits any of them."""

    phrase: str  # what the user wrote, e.g. "the airport"
    candidates: tuple[PlaceTerm, ...]

    def to_dict(self) -> dict:
        return {"phrase": self.phrase, "candidates": [candidate.to_dict() for candidate in self.candidates]}


def place_term_from_dict(record: dict) -> PlaceTerm:
    """Rebuild a term from its `to_dict()` output, for ParsedQuery.from_dict."""
    areas = tuple(Area(a["kind"], a["name"], float(a["lat"]), float(a["lng"]), float(a["radius_km"]), a.get("country_code", ""))
                  for a in record["areas"])
    return PlaceTerm(record["label"], areas, bool(record.get("negated", False)))


class PlaceGeocoder(Protocol):
    """An online fallback: an Area for a place name, or None. Only used when the caller passes one."""

    def locate(self, phrase: str) -> Area | None: ...

