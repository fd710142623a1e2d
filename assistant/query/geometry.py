"""Geometry over arrays of photo positions for the place terms: within a radius (a bounding box first), in a
country or a region (the gazetteer's, reverse-geocoded), country codes compared as fixed-width text."""

from __future__ import annotations

import math
import threading
import weakref

import numpy as np

from ..core.geo import EARTH_RADIUS_KM, reverse_geocoder, within_km
from .gazetteer import region_key


def within_radius(lat: np.ndarray, lng: np.ndarray, centre_lat: float, centre_lng: float, radius_km: float) -> np.ndarray:
    """Positions within radius_km of a centre; a bounding box first so haversine runs on few rows."""
    inside = np.zeros(lat.shape, dtype=bool)
    lat_margin = radius_km / 111.0 + 1e-9
    cos_lat = math.cos(math.radians(min(89.0, abs(centre_lat) + lat_margin)))
    lng_margin = min(180.0, radius_km / (111.32 * max(cos_lat, 1e-6)))
    box = (lat >= centre_lat - lat_margin) & (lat <= centre_lat + lat_margin)
    if centre_lng - lng_margin < -180 or centre_lng + lng_margin > 180:  # the box crosses the antimeridian
        box &= np.abs((lng - centre_lng + 540.0) % 360.0 - 180.0) <= lng_margin
    else:
        box &= (lng >= centre_lng - lng_margin) & (lng <= centre_lng + lng_margin)
    rows = np.flatnonzero(box)
    # Surely inside, without trigonometry: along the centre's meridian, then along the position's parallel
    # (no longer than a parallel where the box comes nearest the equator), is a path no shorter than the
    # great circle; a city's photos, mostly near its centre, are nearly all settled so.
    widest = math.cos(math.radians(max(0.0, abs(centre_lat) - lat_margin)))
    path_km = (np.abs(lat[rows] - centre_lat) + widest * np.abs(lng[rows] - centre_lng)) * (math.pi / 180 * EARTH_RADIUS_KM)
    sure = path_km <= radius_km
    inside[rows[sure]] = True
    unsure = rows[~sure]
    if len(unsure):
        inside[unsure] = within_km(lat[unsure], lng[unsure], centre_lat, centre_lng, radius_km)
    return inside


def country_codes_at(lat: np.ndarray, lng: np.ndarray) -> np.ndarray:
    """ISO alpha-2 code of each position ('' where unknown), by offline reverse geocoding.

    Positions are rounded to ~1 km and looked up once each: an archive has a few thousand distinct places.
    """
    lat, lng = np.asarray(lat, dtype=float), np.asarray(lng, dtype=float)
    codes = np.full(lat.shape, "", dtype="U2")  # contiguous: PlaceTerm.mask views it as uint64
    known = np.isfinite(lat) & np.isfinite(lng)
    if not known.any():
        return codes
    rounded = np.column_stack((np.round(lat[known], 2), np.round(lng[known], 2)))
    distinct, inverse = np.unique(rounded, axis=0, return_inverse=True)
    found = reverse_geocoder().query([tuple(point) for point in distinct])
    codes[known] = np.array([place["cc"] for place in found], dtype="U2")[inverse.ravel()]
    return codes


def region_keys_at(lat: np.ndarray, lng: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """"CC/region" of each position's admin-1 and admin-2 regions ("IT/tuscany"), by its nearest GeoNames town."""
    def compute() -> tuple[np.ndarray, np.ndarray]:
        lat_, lng_ = np.asarray(lat, dtype=float), np.asarray(lng, dtype=float)
        first, second = np.full(lat_.shape, "", dtype=object), np.full(lat_.shape, "", dtype=object)
        known = np.isfinite(lat_) & np.isfinite(lng_)
        if known.any():
            rounded = np.column_stack((np.round(lat_[known], 2), np.round(lng_[known], 2)))
            distinct, inverse = np.unique(rounded, axis=0, return_inverse=True)
            found = reverse_geocoder().query([tuple(point) for point in distinct])
            first[known] = np.array([f"{p['cc']}/{region_key(p['admin1'])}" for p in found], dtype=object)[inverse.ravel()]
            second[known] = np.array([f"{p['cc']}/{region_key(p['admin2'])}" for p in found], dtype=object)[inverse.ravel()]
        return first, second

    return _remembered((lat, lng), compute, "regions")


# Country-code columns come in as object arrays of str; comparing those a million at a time is slow, so each
# array is converted once to fixed-width text (the library passes the same array objects every search).
# Entries die with their arrays (weak references), so a reused id() never returns a stale conversion.
_CONVERTED: dict[tuple, tuple[tuple["weakref.ref", ...], object]] = {}


_CONVERTED_LOCK = threading.Lock()


def _remembered(arrays: tuple[np.ndarray, ...], compute, what: str = "codes"):
    key = (what,) + tuple(id(array) for array in arrays)
    with _CONVERTED_LOCK:
        cached = _CONVERTED.get(key)
        if cached is not None and all(ref() is array for ref, array in zip(cached[0], arrays)):
            return cached[1]
    result = compute()
    try:
        refs = tuple(weakref.ref(array, lambda _, key=key: _CONVERTED.pop(key, None)) for array in arrays)
    except TypeError:  # not weak-referenceable (a list, a view of a temporary): just do not remember it
        return result
    with _CONVERTED_LOCK:
        _CONVERTED[key] = (refs, result)
    return result


def fixed_width_codes(country_code: np.ndarray | None, lat: np.ndarray, lng: np.ndarray) -> np.ndarray:
    """Country code per row as a 'U2' array; codes that are missing for known positions come from reverse geocoding."""
    def compute() -> np.ndarray:
        if country_code is None:
            return country_codes_at(lat, lng)
        codes = np.ascontiguousarray(np.asarray(country_code).astype("U2"))
        missing = (codes == "") & np.isfinite(lat) & np.isfinite(lng)
        if missing.any():
            codes[missing] = country_codes_at(lat[missing], lng[missing])
        return codes

    arrays = (lat, lng) if country_code is None else (country_code, lat, lng)
    return _remembered(arrays, compute)
