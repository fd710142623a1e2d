"""An offline map of where moments happened: numbered points over country outlines.

The outlines are Natural Earth's 1:110m countries (public domain), shipped with the package, so the map
works with no network and no tile server. The view zooms to the points, never closer than a few km.
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

from PIL import Image, ImageDraw, ImageFont

_OUTLINES = resources.files("assistant") / "data" / "world_110m.json"  # package data: found in a wheel too
_FONT = resources.files("assistant") / "data" / "DejaVuSans.ttf"
_MIN_SPAN_DEGREES = 0.04  # about 4 km: closer than this the outlines say nothing
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
def _countries() -> list[list[list[tuple[float, float]]]]:
    data = json.loads(_OUTLINES.read_text())
    return [[[(x, y) for x, y in ring] for ring in country["rings"]] for country in data["countries"]]


@lru_cache(maxsize=4)
def map_font(size: int = 13) -> ImageFont.FreeTypeFont:
    """The font place names and marker numbers are drawn in: covers Latin, Greek and Cyrillic."""
    return ImageFont.truetype(str(_FONT), size)


@dataclass(frozen=True)
class _View:
    """Equirectangular projection of a lat/lng box onto the image, with the width scaled by cos(latitude)."""

    west: float
    east: float
    south: float
    north: float
    width: int
    height: int

    @classmethod
    def around(cls, points: Sequence[MapPoint], width: int, height: int) -> "_View":
        if not points:
            return cls(-180, 180, -60, 80, width, height)
        lats, lngs = [p.lat for p in points], [p.lng for p in points]
        centre_lat = (min(lats) + max(lats)) / 2
        centre_lng = (min(lngs) + max(lngs)) / 2
        squash = max(math.cos(math.radians(centre_lat)), 0.2)
        span_lat = max((max(lats) - min(lats)) * 1.3, _MIN_SPAN_DEGREES)
        span_lng = max((max(lngs) - min(lngs)) * 1.3, _MIN_SPAN_DEGREES)
        # keep the aspect ratio of the image, in ground distance
        if span_lng * squash / span_lat > width / height:
            span_lat = span_lng * squash * height / width
        else:
            span_lng = span_lat / squash * width / height
        return cls(centre_lng - span_lng / 2, centre_lng + span_lng / 2, centre_lat - span_lat / 2, centre_lat + span_lat / 2, width, height)

    def pixel(self, lng: float, lat: float) -> tuple[float, float]:
        x = (lng - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return x, y


def render_map(points: Sequence[MapPoint], width: int = 640, height: int = 360) -> Image.Image:
    """A map image with a numbered marker per point (points without a position are left out by the caller)."""
    view = _View.around(points, width, height)
    image = Image.new("RGB", (width, height), _SEA)
    draw = ImageDraw.Draw(image)
    for rings in _countries():
        for ring in rings:
            if all(lng < view.west for lng, _ in ring) or all(lng > view.east for lng, _ in ring):
                continue
            if all(lat < view.south for _, lat in ring) or all(lat > view.north for _, lat in ring):
                continue
            draw.polygon([view.pixel(lng, lat) for lng, lat in ring], fill=_LAND, outline=_BORDER)
    font = map_font()
    radius = 10
    named: set[str] = set()
    taken: list[tuple[float, float, float, float]] = []
    for point in points:  # names first, so markers are never hidden under a name
        if not point.name or point.name in named:
            continue
        x, y = view.pixel(point.lng, point.lat)
        at, anchor = (x + radius + 4, y), "lm"  # right of the marker, or left of it near the right edge
        box = draw.textbbox(at, point.name, font=font, anchor=anchor, stroke_width=3)
        if box[2] > width:
            at, anchor = (x - radius - 4, y), "rm"
            box = draw.textbbox(at, point.name, font=font, anchor=anchor, stroke_width=3)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            continue  # a better-ranked name already sits there; its marker numbers still tell them apart
        named.add(point.name)
        taken.append(box)
        draw.text(at, point.name, fill=_NAME_TEXT, font=font, anchor=anchor, stroke_width=3, stroke_fill=_HALO)
    for point in reversed(points):  # the first result is drawn last, on top
        x, y = view.pixel(point.lng, point.lat)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_MARKER, outline=(255, 255, 255), width=2)
        draw.text((x, y), point.label, fill=_MARKER_TEXT, font=font, anchor="mm")
    scale_km = (view.east - view.west) * 111.32 * math.cos(math.radians((view.north + view.south) / 2))
    draw.text((8, height - 20), f"{scale_km:,.0f} km across" if scale_km >= 10 else f"{scale_km:.1f} km across", fill=(80, 80, 80), font=font)
    return image
