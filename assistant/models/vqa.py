"""Asking photos directly (`--vqa MODEL`): any transformers visual-question-answering model, a classifier
over answers (ViLT) or one that writes them (BLIP). The answers ask it about evidence photos for colour,
object and word questions when the photos' own words do not say the answer."""

from __future__ import annotations

from typing import Sequence

from ..core.images import open_upright
from .base import load_pretrained
from .hub import VQA_KIND

_MAX_ANSWER_TOKENS = 10


class VqaModel:
    """A loaded VQA model; callers get an answer per photo, never tensors."""

    def __init__(self, name_or_path: str, device: str = "auto"):
        from transformers import AutoModelForVisualQuestionAnswering, AutoProcessor

        self.name = name_or_path
        loaded = load_pretrained(name_or_path, VQA_KIND, AutoModelForVisualQuestionAnswering, AutoProcessor, device=device)
        self._model, (self._processor,), self._device = loaded.model, loaded.files, loaded.device

    def ask(self, paths: Sequence[str], question: str) -> list[tuple[int, str, float]]:
        """(position in paths, answer, confidence) for each readable photo."""
        import torch

        positions, images = [], []
        for position, path in enumerate(paths):
            try:
                images.append(open_upright(path, 1024))
                positions.append(position)
            except Exception:  # noqa: BLE001 - a photo that cannot be read is simply not asked
                continue
        if not images:
            return []
        inputs = self._processor(images=images, text=[question] * len(images), return_tensors="pt", padding=True).to(self._device)
        with torch.inference_mode():
            if self._model.can_generate():
                written = self._processor.batch_decode(self._model.generate(**inputs, max_new_tokens=_MAX_ANSWER_TOKENS), skip_special_tokens=True)
                return [(position, text.strip(), 1.0) for position, text in zip(positions, written) if text.strip()]
            probabilities = self._model(**inputs).logits.float().sigmoid()
        scores, labels = probabilities.max(dim=-1)
        names = self._model.config.id2label
        return [(position, str(names[int(label)]), float(score)) for position, label, score in zip(positions, labels, scores)]
