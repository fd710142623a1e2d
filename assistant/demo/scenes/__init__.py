"""The scene registry: one small drawing function per kind of place the demo lifelogger visits.

Each function draws one viewpoint (`sketch.view`) of its scene on the base canvas and returns a caption
that says what it drew, so captions always match pictures. Text on signs, boards and boxes is large and
high-contrast on purpose: CLIP and OCR must be able to read it, as they can on real lifelog photos.
"""

from . import abroad, home, town, transport, work  # noqa: F401  (importing a module registers its scenes)
from .registry import SCENES, Scene, Sketch, render, scene

__all__ = ["SCENES", "Scene", "Sketch", "render", "scene"]
