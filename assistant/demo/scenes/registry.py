"""The registry every scene module adds itself to, and `render`, which draws one viewpoint of a scene."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from ..canvas import H, W, bloom, uneven_light


@dataclass
class Sketch:
    """What a scene function draws with: the canvas, its own random stream, the viewpoint and texts to show."""

    img: Image.Image
    rng: np.random.Generator
    view: int
    props: Mapping[str, str] = field(default_factory=dict)

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.img)

    def uniform(self, low: float, high: float) -> float:
        return float(self.rng.uniform(low, high))

    def pick(self, options):
        return options[int(self.rng.integers(len(options)))]


@dataclass(frozen=True)
class Scene:
    name: str
    draw: Callable[[Sketch], str]
    views: int  # distinct viewpoints the function can draw
    moving: bool  # frames taken on the move (walking, a bus) are sometimes motion-blurred
    warmth: float  # white balance of the place's light: > 0 tungsten, < 0 daylight/fluorescent


SCENES: dict[str, Scene] = {}


def scene(name: str, *, views: int = 1, moving: bool = False, warmth: float = 0.0):
    def register(function: Callable[[Sketch], str]) -> Callable[[Sketch], str]:
        SCENES[name] = Scene(name, function, views, moving, warmth)
        return function

    return register


def render(name: str, view: int, rng: np.random.Generator, props: Mapping[str, str] | None = None
           ) -> tuple[Image.Image, str]:
    """Draw one viewpoint of a scene; returns the base canvas and its caption."""
    sketch = Sketch(Image.new("RGB", (W, H), (128, 128, 128)), rng, view % SCENES[name].views, dict(props or {}))
    caption = SCENES[name].draw(sketch)
    img = bloom(uneven_light(sketch.img, rng)).filter(ImageFilter.BoxBlur(0.7))
    return img, caption
