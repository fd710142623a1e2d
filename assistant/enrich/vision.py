"""Optional model passes over the photos: object detection (labels and counts) and captions.

Like models.py for CLIP, this module owns these models: loading (local folder or cached hub id, with a
ModelNotAvailable that says what to do), device choice and batching; callers get words, never tensors.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
from PIL import Image

from ..models import ModelKind, ModelNotAvailable, _choose_device, _first_line, _missing_model_message, pretrained_source
from ..images import open_upright
from ..photo_names import photo_key
from ..words import plural

# A detection counts when the model is at least this sure (DETR's own examples use 0.7 or 0.9).
DETECTION_MIN_SCORE = 0.7
MAX_CAPTION_TOKENS = 30
_BATCH = 8


DETECTOR_KIND = ModelKind(
    "an object-detection model", "--detector", "save_pretrained (config.json, model.safetensors and the image processor files)",
    "/path/to/object-detection",
)
CAPTIONER_KIND = ModelKind(
    "an image-to-text model", "--captioner", "save_pretrained (config.json, model.safetensors and the processor files)",
    "/path/to/image-to-text",
)


def _load(name_or_path: str, kind: ModelKind, auto_model, auto_processor, device: str):
    source, local_only = pretrained_source(name_or_path, kind)
    try:
        model = auto_model.from_pretrained(source, local_files_only=local_only)
        processor = auto_processor.from_pretrained(source, local_files_only=local_only)
    except ImportError as error:  # e.g. a DETR checkpoint that wants the timm backbone package
        raise ModelNotAvailable(f"{kind.what} {name_or_path!r} needs a package that is not installed: {_first_line(error)}") from error
    except Exception as error:  # OSError, ValueError, KeyError, or the network stack's own types
        raise ModelNotAvailable(_missing_model_message(name_or_path, _first_line(error), kind)) from error
    model.eval()
    torch_device = _choose_device(device)
    return model.to(torch_device), processor, torch_device


def describe_counts(labels: Sequence[str], counts: Sequence[int]) -> str:
    """"2 cups, 1 laptop": most frequent first."""
    order = sorted(range(len(labels)), key=lambda i: (-counts[i], labels[i]))
    return ", ".join(f"{counts[i]} {plural(labels[i], counts[i])}" for i in order)


def _batched(paths: Sequence[str], stop: threading.Event) -> Iterator[tuple[list[int], list[Image.Image], list[tuple[int, str]]]]:
    """(positions, images, failures) per batch of readable photos."""
    for start in range(0, len(paths), _BATCH):
        if stop.is_set():
            return
        positions, images, failures = [], [], []
        for position in range(start, min(start + _BATCH, len(paths))):
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
        from transformers import AutoImageProcessor, AutoModelForObjectDetection

        self.model_name = name_or_path
        self.min_score = min_score
        self._model, self._processor, self._device = _load(
            name_or_path, DETECTOR_KIND, AutoModelForObjectDetection, AutoImageProcessor, device
        )
        self._labels = self._model.config.id2label

    def wants(self, path: str) -> bool:
        return True

    def detect(self, images: list[Image.Image]) -> list[dict]:
        """Per image: {"object_labels": [...], "object_counts": [...], "objects": "2 cups, 1 laptop"}."""
        import torch

        inputs = self._processor(images=images, return_tensors="pt").to(self._device)
        with torch.inference_mode():
            outputs = self._model(**inputs)
        sizes = [(image.height, image.width) for image in images]
        found = self._processor.post_process_object_detection(outputs, threshold=self.min_score, target_sizes=sizes)
        rows = []
        for result in found:
            labels = [str(self._labels.get(int(i), int(i))) for i in result["labels"].tolist()]
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
        from transformers import AutoModelForImageTextToText, AutoProcessor

        self.model_name = name_or_path
        self._model, self._processor, self._device = _load(
            name_or_path, CAPTIONER_KIND, AutoModelForImageTextToText, AutoProcessor, device
        )
        self.captioned: set[str] = set()  # photo keys that already have a caption: skipped

    def wants(self, path: str) -> bool:
        return photo_key(Path(path).name) not in self.captioned

    def caption(self, images: list[Image.Image]) -> list[str]:
        import torch

        inputs = self._processor(images=images, return_tensors="pt").to(self._device)
        with torch.inference_mode():
            tokens = self._model.generate(**inputs, max_new_tokens=MAX_CAPTION_TOKENS)
        return [" ".join(text.split()) for text in self._processor.batch_decode(tokens, skip_special_tokens=True)]

    def results(self, paths, stop):
        for positions, images, failures in _batched(paths, stop):
            yield from failures
            if images:
                yield from ((position, {"generated_caption": text}) for position, text in zip(positions, self.caption(images)))
