"""Optional model passes over the photos: object detection (labels and counts) and captions.

The models themselves (loading, device, clear errors) live in models.vision; these stages feed them
batches of photos read from disk and turn their words into the columns the library stores.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
from PIL import Image

from ..core.images import open_upright
from ..core.photo_names import photo_key
from ..core.words import plural
from ..models.vision import DETECTION_MIN_SCORE, Captioner, Detector

BATCH = 8  # photos per model call (a cluster's worker is handed as many: the same batches)


def describe_counts(labels: Sequence[str], counts: Sequence[int]) -> str:
    """"2 cups, 1 laptop": most frequent first."""
    order = sorted(range(len(labels)), key=lambda i: (-counts[i], labels[i]))
    return ", ".join(f"{counts[i]} {plural(labels[i], counts[i])}" for i in order)


def _batched(paths: Sequence[str], stop: threading.Event) -> Iterator[tuple[list[int], list[Image.Image], list[tuple[int, str]]]]:
    """(positions, images, failures) per batch of readable photos."""
    for start in range(0, len(paths), BATCH):
        if stop.is_set():
            return
        positions, images, failures = [], [], []
        for position in range(start, min(start + BATCH, len(paths))):
            try:
                images.append(open_upright(paths[position], 1024))
                positions.append(position)
            except Exception as error:  # reported, retried next run
                failures.append((position, f"{type(error).__name__}: {error}"))
        yield positions, images, failures


class DetectorStage:
    """Object detection with any Hugging Face object-detection model (DETR, YOLOS, Conditional DETR ...)."""

    name, what = "objects", "detecting objects"

    def __init__(self, name_or_path: str, *, device: str = "auto", min_score: float = DETECTION_MIN_SCORE):
        self._detector = Detector(name_or_path, device=device, min_score=min_score)
        self._recipe = functools.partial(DetectorStage, name_or_path, device=device, min_score=min_score)

    def wants(self, path: str) -> bool:
        return True

    def loader(self):
        return self._recipe

    def detect(self, images: list[Image.Image]) -> list[dict]:
        """Per image: {"object_labels": [...], "object_counts": [...], "objects": "2 cups, 1 laptop"}."""
        rows = []
        for labels in self._detector.detect(images):
            names, counts = np.unique(np.asarray(labels, dtype=object), return_counts=True) if labels else ([], [])
            names, counts = [str(n) for n in names], [int(c) for c in counts]
            rows.append({"object_labels": names, "object_counts": counts, "objects": describe_counts(names, counts)})
        return rows

    def results(self, paths, stop):
        for positions, images, failures in _batched(paths, stop):
            yield from failures
            if images:
                yield from zip(positions, self.detect(images))


class CaptionerStage:
    """Captions from an image-to-text model (BLIP, GIT, ...) for photos the captions CSV says nothing about."""

    name, what = "captions", "writing captions"

    def __init__(self, name_or_path: str, *, device: str = "auto"):
        self._captioner = Captioner(name_or_path, device=device)
        self._recipe = functools.partial(CaptionerStage, name_or_path, device=device)
        self.captioned: set[str] = set()  # photo keys that already have a caption: skipped (decided by the driver)

    def loader(self):
        return self._recipe

    def wants(self, path: str) -> bool:
        return photo_key(Path(path).name) not in self.captioned

    def results(self, paths, stop):
        for positions, images, failures in _batched(paths, stop):
            yield from failures
            if images:
                yield from ((position, {"generated_caption": text}) for position, text in zip(positions, self._captioner.caption(images)))
