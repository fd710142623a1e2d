"""Distances on the Earth's surface and the nearest GeoNames town, for places in the library and places
named in a query alike."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1, lng1, lat2, lng2):
    """Great-circle distance in km; scalars or numpy arrays (vectorised, broadcasting)."""
    lat1, lng1, lat2, lng2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lng1, lat2, lng2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


@lru_cache(maxsize=1)
def reverse_geocoder():
    """GeoNames' towns of 1,000+ people, offline, loaded once per process (a second or two)."""
    import reverse_geocoder as geonames

    return geonames.RGeocoder(mode=1, verbose=False)  # mode=1: no worker processes
