"""Regions named like towns: "in Kerry", "in Tuscany", "in Bavaria", "in Galway".

A name that is only a region (an admin-1 or admin-2 region of GeoNames) admits the whole region. A name
that is both a town and its county ("Galway") means the town, unless the memory is about the countryside
("hiking in Galway") or the library's own places there lie outside the town: then the whole region.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from ..gazetteer import Region, WorldGazetteer, place_words
from ..geometry import within_radius
from .known import KnownIndex
from .model import Area, PlaceTerm

# Of several regions with one name in the preferred countries or none, more than this says too little.
MOST_REGIONS_PER_NAME = 3


def region_area(region: Region) -> Area:
    return Area("region", region.name, region.lat, region.lng, region.radius_km, region.country_code)


def regions_named(gazetteer: WorldGazetteer, key: str, prefer: set[str]) -> list[Region]:
    """The regions a name may mean, in the preferred countries if any is there; [] when too many fit."""
    regions = gazetteer.regions_named(key)
    preferred = [region for region in regions if region.country_code in prefer]
    regions = preferred or regions
    return regions if len(regions) <= MOST_REGIONS_PER_NAME else []


@lru_cache(maxsize=1)
def _countryside_pattern() -> re.Pattern:
    words = sorted(place_words()["countryside_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\b", re.IGNORECASE)


def about_the_countryside(text: str) -> bool:
    """ "hiking in the hills", "a drive along the coast": a memory of the land around towns, not of a town."""
    return _countryside_pattern().search(text) is not None


def library_reaches_beyond_town(known: KnownIndex, region: Region, town_areas: tuple[Area, ...]) -> bool:
    """Does the library hold places in the region but outside the town's circle (the photos say "county")?"""
    if not len(known.spots):
        return False
    lat, lng = known.spots[:, 0], known.spots[:, 1]
    in_town = np.zeros(len(lat), dtype=bool)
    for area in town_areas:
        in_town |= within_radius(lat, lng, area.lat, area.lng, area.radius_km)
    return bool((PlaceTerm(region.name, (region_area(region),)).mask(lat, lng) & ~in_town).any())
