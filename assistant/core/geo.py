"""Distances on the Earth's surface and the nearest GeoNames town, for places in the library and places
named in a query alike."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

EARTH_RADIUS_KM = 6371.0088
EQUATOR_KM = 40075.017
MERCATOR_MAX_LAT = 85.0511  # Web Mercator's square world stops here (OpenStreetMap's tiles too)


def _haversine(lat1, lng1, lat2, lng2):
    """The haversine of the central angle between positions in degrees (0 to 1)."""
    lat1, lng1, lat2, lng2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lng1, lat2, lng2))
    return np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2


def haversine_km(lat1, lng1, lat2, lng2):
    """Great-circle distance in km; scalars or numpy arrays (vectorised, broadcasting)."""
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(_haversine(lat1, lng1, lat2, lng2), 0, 1)))


def within_km(lat1, lng1, lat2, lng2, radius_km: float) -> np.ndarray:
    """haversine_km(...) <= radius_km, without the arcsine and root: the haversine of the distance is compared
    with the radius's own (both grow with the distance up to half the Earth's circumference)."""
    if radius_km >= np.pi * EARTH_RADIUS_KM:
        return np.ones(np.broadcast(np.asarray(lat1), np.asarray(lat2)).shape, dtype=bool)
    return _haversine(lat1, lng1, lat2, lng2) <= np.sin(radius_km / (2 * EARTH_RADIUS_KM)) ** 2


def web_mercator(lat, lng) -> tuple[np.ndarray, np.ndarray]:
    """Positions on Web Mercator's unit square (OpenStreetMap's tiles): x 0 at 180°W to 1 at 180°E, y 0 in the north
    to 1 in the south; scalars or numpy arrays. Latitudes beyond ±85.05° are drawn at the edge."""
    lat = np.radians(np.clip(np.asarray(lat, dtype=float), -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT))
    x = (np.asarray(lng, dtype=float) + 180.0) / 360.0
    y = (1.0 - np.arcsinh(np.tan(lat)) / np.pi) / 2.0
    return x, y


def mercator_lat(y):
    """The latitude at a Web Mercator y (the inverse of web_mercator's y)."""
    return np.degrees(np.arctan(np.sinh(np.pi * (1.0 - 2.0 * np.asarray(y, dtype=float)))))


@lru_cache(maxsize=1)
def reverse_geocoder():
    """GeoNames' towns of 1,000+ people, offline, loaded once per process (a second or two)."""
    import reverse_geocoder as geonames

    return geonames.RGeocoder(mode=1, verbose=False)  # mode=1: no worker processes
