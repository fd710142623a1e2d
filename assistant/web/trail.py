"""The library's own GPS trail, the offline map's base: every place the person has been, so streets and routes show.

Consecutive photos close in time and space are joined (a walk, a drive); photos far apart in either (a flight,
a night's gap) are not. The trail is rasterised once per library generation at the finest zoom the map shows,
then merged cell by cell into every coarser zoom, so drawing a map only picks its own zoom's cells inside the
view: a grid at the map's scale, however many photos lie under it.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

import numpy as np

from ..core.geo import haversine_km, web_mercator
from ..library import Library

JOIN_SECONDS = 15 * 60  # photos further apart in time are not joined by a line
JOIN_KM = 3.0  # nor those further apart on the ground: a flight, a gap in the GPS
FINEST_ZOOM = 14  # about 6 m a pixel in Dublin; the map never shows less than ~4 km across, drawn from zoom 14 at most
TILE_PIXELS = 256  # a zoom's world is TILE_PIXELS * 2**zoom pixels wide, as OpenStreetMap's tiles count them
_MAX_SAMPLES_PER_STEP = 512  # a longer step is drawn dotted at the finest zoom (only a fast drive makes one)
_STEPS_PER_CHUNK = 100_000  # steps rasterised at once, which bounds the memory a million photos take


@dataclass(frozen=True)
class TrailCells:
    """The trail at one zoom: the pixels it passes through (world pixels at that zoom), sorted by x, and how often."""

    x: np.ndarray  # int32 (a zoom-14 world is 2**22 pixels wide)
    y: np.ndarray  # int32
    visits: np.ndarray  # int32: photos and line samples that fell in the pixel

    def inside(self, left: float, top: float, right: float, bottom: float) -> "TrailCells":
        """The cells in a box of this zoom's world pixels."""
        start, stop = np.searchsorted(self.x, [np.floor(left), np.ceil(right)])
        y = self.y[start:stop]
        keep = (y >= np.floor(top)) & (y <= np.ceil(bottom))
        return TrailCells(self.x[start:stop][keep], y[keep], self.visits[start:stop][keep])


class Trail:
    """Where the photos were, as cells at every zoom from 0 to FINEST_ZOOM."""

    def __init__(self, lat: np.ndarray, lng: np.ndarray, utc_seconds: np.ndarray):
        lat, lng = np.asarray(lat, dtype=float), np.asarray(lng, dtype=float)
        placed = np.isfinite(lat) & np.isfinite(lng)
        lat, lng, seconds = lat[placed], lng[placed], np.asarray(utc_seconds)[placed]
        self.photos = len(lat)
        joined = (np.diff(seconds) <= JOIN_SECONDS) & (haversine_km(lat[:-1], lng[:-1], lat[1:], lng[1:]) <= JOIN_KM)
        x, y = web_mercator(lat, lng)
        scale = TILE_PIXELS * 2.0**FINEST_ZOOM
        finest = _rasterise(x * scale, y * scale, joined)
        self._zooms = [finest]
        for _ in range(FINEST_ZOOM):  # each coarser zoom: four pixels become one
            self._zooms.append(_merged(self._zooms[-1].x // 2, self._zooms[-1].y // 2, self._zooms[-1].visits))
        self._zooms.reverse()

    @classmethod
    def of(cls, library: Library) -> "Trail":
        return cls(library.lat, library.lng, library.utc_seconds)

    def cells(self, zoom: int) -> TrailCells:
        return self._zooms[max(0, min(FINEST_ZOOM, zoom))]


def _rasterise(x: np.ndarray, y: np.ndarray, joined: np.ndarray) -> TrailCells:
    """Pixels of the finest zoom under each photo and along each joined step (one sample a pixel), with counts."""
    keys = [_keys(np.floor(x).astype(np.int64), np.floor(y).astype(np.int64))]
    steps = np.flatnonzero(joined)
    for chunk in range(0, len(steps), _STEPS_PER_CHUNK):
        first = steps[chunk:chunk + _STEPS_PER_CHUNK]
        dx, dy = x[first + 1] - x[first], y[first + 1] - y[first]
        samples = np.clip(np.ceil(np.maximum(np.abs(dx), np.abs(dy))), 1, _MAX_SAMPLES_PER_STEP).astype(np.int64)
        step = np.repeat(np.arange(len(first)), samples)
        start = np.repeat(np.cumsum(samples) - samples, samples)
        fraction = (np.arange(len(step)) - start + 0.5) / samples[step]  # inside the step: its photos are counted above
        keys.append(_keys(np.floor(x[first][step] + dx[step] * fraction).astype(np.int64),
                          np.floor(y[first][step] + dy[step] * fraction).astype(np.int64)))
    unique, visits = np.unique(np.concatenate(keys), return_counts=True)
    return _cells(unique, visits)


def _keys(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """One sortable int64 per pixel, x first (so a run of x is one slice of the sorted cells)."""
    return (x.astype(np.int64) << 32) | y


def _cells(keys: np.ndarray, visits: np.ndarray) -> TrailCells:
    """Sorted unique keys back into cells, kept as int32: half the memory (a million photos make ~2M cells)."""
    return TrailCells((keys >> 32).astype(np.int32), (keys & 0xFFFFFFFF).astype(np.int32), visits.astype(np.int32))


def _merged(x: np.ndarray, y: np.ndarray, visits: np.ndarray) -> TrailCells:
    unique, inverse = np.unique(_keys(x, y), return_inverse=True)
    return _cells(unique, np.bincount(inverse, weights=visits))


_trails: "weakref.WeakKeyDictionary[Library, Trail]" = weakref.WeakKeyDictionary()
_trails_lock = threading.Lock()


def trail_of(library: Library) -> Trail:
    """The library's trail, worked out on first use and kept while that generation is open (a new one gets its own)."""
    with _trails_lock:  # two visitors' first maps work it out once
        trail = _trails.get(library)
        if trail is None:
            trail = _trails[library] = Trail.of(library)
        return trail
