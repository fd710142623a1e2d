"""A map of where moments happened: numbered points over the library's own GPS trail and country outlines,
or over OpenStreetMap's tiles when asked for (--map-tiles) and reachable.

The outlines are Natural Earth's 1:110m countries (public domain), shipped with the package, so the map
works with no network and no tile server; at city scale the trail (trail.py) draws the streets the person
walked. The view zooms to the points, never closer than a few km, in Web Mercator (the tiles' projection).
Names are written in DejaVu Sans, also shipped (licence in data/DejaVuSans-LICENSE.txt): Pillow's
built-in font has no "é", Greek or Cyrillic, and a system font may be missing on a fresh machine.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..core.geo import EQUATOR_KM, mercator_lat, web_mercator
from .tiles import ATTRIBUTION, MAX_TILE_ZOOM, TileSource
from .trail import FINEST_ZOOM, TILE_PIXELS, Trail

_OUTLINES = resources.files("assistant") / "data" / "world_110m.json"  # package data: found in a wheel too
_FONT = resources.files("assistant") / "data" / "DejaVuSans.ttf"
_MIN_SPAN_KM = 4.0  # closer than this a moment's pins would sit alone in a blank street
_MAX_ZOOM = 18.0
_RADIUS = 10  # a marker's
_TRAIL = (60, 80, 150)
_TRAIL_FAINTEST, _TRAIL_PER_DOUBLING, _TRAIL_STRONGEST = 70, 25, 200  # alpha of a pixel passed once; more per doubling
_SEA, _LAND, _BORDER = (214, 228, 240), (246, 243, 236), (170, 170, 170)
_MARKER, _MARKER_TEXT = (200, 40, 40), (255, 255, 255)
_NAME_TEXT, _HALO = (40, 40, 40), (255, 255, 255)


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lng: float
    label: str  # shown in the marker, e.g. "3"
    name: str = ""  # written beside the marker, e.g. "Home"; once per name, so co-located moments stay legible


@lru_cache(maxsize=1)
def _countries() -> list[tuple[np.ndarray, np.ndarray]]:
    """Every ring of every country, on Web Mercator's unit square."""
    data = json.loads(_OUTLINES.read_text())
    rings = [np.asarray(ring, dtype=float) for country in data["countries"] for ring in country["rings"]]
    return [web_mercator(ring[:, 1], ring[:, 0]) for ring in rings]


@lru_cache(maxsize=4)
def map_font(size: int = 13) -> ImageFont.FreeTypeFont:
    """The font place names and marker numbers are drawn in: covers Latin, Greek and Cyrillic."""
    return ImageFont.truetype(str(_FONT), size)


@dataclass(frozen=True)
class MapView:
    """A window onto Web Mercator's world (OpenStreetMap's projection): its centre on the unit square, a zoom (the
    world is 256 * 2**zoom pixels wide; fractional between tile zooms) and the image's size."""

    centre_x: float
    centre_y: float
    zoom: float
    width: int
    height: int

    @classmethod
    def around(cls, points: Sequence[MapPoint], width: int, height: int) -> "MapView":
        """The closest view that holds every point with a margin, never closer than a few km across."""
        if not points:
            return cls(0.5, float(web_mercator(10.0, 0.0)[1]), math.log2(width / TILE_PIXELS), width, height)
        xs, ys = web_mercator([p.lat for p in points], [p.lng for p in points])
        centre_x, centre_y = (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2
        shortest = _MIN_SPAN_KM / (EQUATOR_KM * max(math.cos(math.radians(float(mercator_lat(centre_y)))), 0.05))
        span_x, span_y = max((xs.max() - xs.min()) * 1.3, shortest), max((ys.max() - ys.min()) * 1.3, shortest)
        zoom = math.log2(min(width / span_x, height / span_y) / TILE_PIXELS)
        return cls(float(centre_x), float(centre_y), min(zoom, _MAX_ZOOM), width, height)

    @property
    def world_pixels(self) -> float:
        return TILE_PIXELS * 2.0**self.zoom

    def box(self, zoom: float) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the view in world pixels at another zoom (a tile zoom, a trail's)."""
        size = TILE_PIXELS * 2.0**zoom
        half_w, half_h = self.width / 2 * size / self.world_pixels, self.height / 2 * size / self.world_pixels
        return self.centre_x * size - half_w, self.centre_y * size - half_h, self.centre_x * size + half_w, self.centre_y * size + half_h

    def pixels(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """Image pixels of unit-square positions (arrays)."""
        size = self.world_pixels
        return (np.asarray(x) - self.centre_x) * size + self.width / 2, (np.asarray(y) - self.centre_y) * size + self.height / 2

    def pixel(self, lng: float, lat: float) -> tuple[float, float]:
        x, y = self.pixels(*web_mercator(lat, lng))
        return float(x), float(y)

    def km_across(self) -> float:
        return self.width / self.world_pixels * EQUATOR_KM * math.cos(math.radians(float(mercator_lat(self.centre_y))))


def render_map(points: Sequence[MapPoint], width: int = 640, height: int = 360, *, trail: Trail | None = None,
               tiles: TileSource | None = None) -> Image.Image:
    """A map image with a numbered marker per point (points without a position are left out by the caller), over
    OpenStreetMap's tiles when `tiles` has them at hand, else over country outlines; `trail` drawn faintly on either."""
    view = MapView.around(points, width, height)
    image = _tiled(view, tiles) if tiles is not None else None
    tiled = image is not None
    if image is None:
        image = _outlines(view)
    if trail is not None:
        _draw_trail(image, view, trail)
    draw = ImageDraw.Draw(image)
    _draw_names(draw, view, points)
    _draw_markers(draw, view, points)
    font = map_font()
    scale_km = view.km_across()
    draw.text((8, height - 20), f"{scale_km:,.0f} km across" if scale_km >= 10 else f"{scale_km:.1f} km across", fill=(80, 80, 80), font=font)
    if tiled:  # the tiles' licence asks for it, on the map itself
        draw.text((width - 6, height - 6), ATTRIBUTION, fill=_NAME_TEXT, font=map_font(11), anchor="rd", stroke_width=2, stroke_fill=_HALO)
    return image


def _tiled(view: MapView, tiles: TileSource) -> Image.Image | None:
    """The tiles under the view, at the nearest whole zoom, scaled to the view's; None when they are not at hand."""
    zoom = max(0, min(MAX_TILE_ZOOM, round(view.zoom)))
    left, top, right, bottom = view.box(zoom)
    mosaic = tiles.mosaic(zoom, math.floor(left), math.floor(top), math.ceil(right), math.ceil(bottom))
    if mosaic is None:
        return None
    return mosaic.resize((view.width, view.height), Image.Resampling.LANCZOS, box=(left % 1, top % 1, left % 1 + right - left, top % 1 + bottom - top))


def _outlines(view: MapView) -> Image.Image:
    """Country outlines over the sea, drawn offline."""
    image = Image.new("RGB", (view.width, view.height), _SEA)
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = view.box(0)
    for x, y in _countries():
        if x.max() * TILE_PIXELS < left or x.min() * TILE_PIXELS > right or y.max() * TILE_PIXELS < top or y.min() * TILE_PIXELS > bottom:
            continue
        px, py = view.pixels(x, y)
        draw.polygon(list(zip(px.tolist(), py.tolist())), fill=_LAND, outline=_BORDER)
    return image


def _draw_trail(image: Image.Image, view: MapView, trail: Trail) -> None:
    """Every place the photos were, faint, darker where the person went often: the trail's cells at the view's zoom,
    each a pixel or two (a trail pixel is 1 to 2 view pixels wide), so however many photos, at most one cell a pixel."""
    zoom = max(0, min(FINEST_ZOOM, math.floor(view.zoom)))
    left, top, right, bottom = view.box(zoom)
    cells = trail.cells(zoom).inside(left, top, right, bottom)
    grow = 2.0 ** (view.zoom - zoom)  # view pixels per trail pixel, 1 to 2
    ix = ((cells.x - left) * grow).astype(np.int64)
    iy = ((cells.y - top) * grow).astype(np.int64)
    inside = (ix >= 0) & (ix < view.width) & (iy >= 0) & (iy < view.height)
    strength = np.clip(_TRAIL_FAINTEST + _TRAIL_PER_DOUBLING * np.log2(cells.visits[inside]), 0, _TRAIL_STRONGEST).astype(np.uint8)
    alpha = np.zeros((view.height, view.width), np.uint8)
    alpha[iy[inside], ix[inside]] = strength  # cells are distinct pixels: no two write the same one
    if grow > 1:  # a cell covers up to two pixels each way: fill them, so lines stay unbroken
        np.maximum(alpha[:, 1:], alpha[:, :-1], out=alpha[:, 1:])
        np.maximum(alpha[1:, :], alpha[:-1, :], out=alpha[1:, :])
    image.paste(_TRAIL, mask=Image.fromarray(alpha, "L"))


def _draw_names(draw: ImageDraw.ImageDraw, view: MapView, points: Sequence[MapPoint]) -> None:
    """Each name once, beside its first marker, unless it would cover a name already written (names first, so
    markers are never hidden under a name)."""
    font, width = map_font(), view.width
    named: set[str] = set()
    taken: list[tuple[float, float, float, float]] = []
    for point in points:
        if not point.name or point.name in named:
            continue
        x, y = view.pixel(point.lng, point.lat)
        at, anchor = (x + _RADIUS + 4, y), "lm"  # right of the marker, or left of it near the right edge
        box = draw.textbbox(at, point.name, font=font, anchor=anchor, stroke_width=3)
        if box[2] > width:
            at, anchor = (x - _RADIUS - 4, y), "rm"
            box = draw.textbbox(at, point.name, font=font, anchor=anchor, stroke_width=3)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            continue  # a better-ranked name already sits there; its marker numbers still tell them apart
        named.add(point.name)
        taken.append(box)
        draw.text(at, point.name, fill=_NAME_TEXT, font=font, anchor=anchor, stroke_width=3, stroke_fill=_HALO)


def _draw_markers(draw: ImageDraw.ImageDraw, view: MapView, points: Sequence[MapPoint]) -> None:
    font = map_font()
    for point in reversed(points):  # the first result is drawn last, on top
        x, y = view.pixel(point.lng, point.lat)
        draw.ellipse((x - _RADIUS, y - _RADIUS, x + _RADIUS, y + _RADIUS), fill=_MARKER, outline=(255, 255, 255), width=2)
        draw.text((x, y), point.label, fill=_MARKER_TEXT, font=font, anchor="mm")
