"""Vision models that turn photos into words: an object detector (labels) and a captioner (a sentence).

Any Hugging Face object-detection model (DETR, YOLOS, Conditional DETR ...) or image-to-text model
(BLIP, GIT ...) loads through the same lifecycle as CLIP, with the same missing- and partial-weights checks.
"""

from __future__ import annotations

from PIL import Image

from .base import load_pretrained
from .hub import CAPTIONER_KIND, DETECTOR_KIND

# A detection counts when the model is at least this sure (DETR's own examples use 0.7 or 0.9).
DETECTION_MIN_SCORE = 0.7
MAX_CAPTION_TOKENS = 30


class Detector:
    """An object-detection model: the labels of the objects it is sure of in each photo."""

    def __init__(self, name_or_path: str, *, device: str = "auto", min_score: float = DETECTION_MIN_SCORE):
        from transformers import AutoImageProcessor, AutoModelForObjectDetection

        self.name = name_or_path
        self.min_score = min_score
        loaded = load_pretrained(name_or_path, DETECTOR_KIND, AutoModelForObjectDetection, AutoImageProcessor, device=device)
        self._model, (self._processor,), self._device = loaded.model, loaded.files, loaded.device
        self._labels = self._model.config.id2label

    def detect(self, images: list[Image.Image]) -> list[list[str]]:
        """Per photo, the label of every object found (a label repeats once per object)."""
        import torch

        inputs = self._processor(images=images, return_tensors="pt").to(self._device)
        with torch.inference_mode():
            outputs = self._model(**inputs)
        sizes = [(image.height, image.width) for image in images]
        found = self._processor.post_process_object_detection(outputs, threshold=self.min_score, target_sizes=sizes)
        return [[str(self._labels.get(int(i), int(i))) for i in result["labels"].tolist()] for result in found]


class Captioner:
    """An image-to-text model: one short caption per photo."""

    def __init__(self, name_or_path: str, *, device: str = "auto"):
        from transformers import AutoModelForImageTextToText, AutoProcessor

        self.name = name_or_path
        loaded = load_pretrained(name_or_path, CAPTIONER_KIND, AutoModelForImageTextToText, AutoProcessor, device=device)
        self._model, (self._processor,), self._device = loaded.model, loaded.files, loaded.device

    def caption(self, images: list[Image.Image]) -> list[str]:
        import torch

        inputs = self._processor(images=images, return_tensors="pt").to(self._device)
        with torch.inference_mode():
            tokens = self._model.generate(**inputs, max_new_tokens=MAX_CAPTION_TOKENS)
        return [" ".join(text.split()) for text in self._processor.batch_decode(tokens, skip_special_tokens=True)]
