"""CLIP's text side, whatever computes it: texts of any length as unit rows in CLIP's space.

Two engines: torch (`clip.ClipEncoder`, which embeds photos too and is loaded whole) and numpy (`NumpyClipText`,
CLIP's text tower alone, numpy_clip.py), for a process that embeds only a description or a question and would
otherwise spend seconds importing torch. Both split a long text into parts that fit CLIP's context and average
them, here, so they give the same vectors.
"""

from __future__ import annotations

import copy
import re
from abc import ABC, abstractmethod
from typing import Callable, Sequence

import numpy as np

from .base import unit_rows
from .numpy_clip import ClipTextModel

NUMPY = "numpy"
TORCH = "torch"


class ClipTextEncoder(ABC):
    """Texts as L2-normalised float32 CLIP embeddings; a text longer than CLIP's context is the mean of its parts."""

    engine: str  # NUMPY or TORCH

    def __init__(self, name: str, dim: int, max_text_tokens: int):
        self.name = name
        self.dim = dim
        self.max_text_tokens = max_text_tokens
        self.text_tower: str | None = None  # a multilingual text tower aligned to this model (models.towers), if any
        self._paired: dict[str, ClipTextEncoder] = {}  # this model with each tower asked for, made once

    @abstractmethod
    def _token_count(self, text: str) -> int:
        """The text's tokens, without the start and end tokens."""

    @abstractmethod
    def _encode_fitting(self, texts: list[str]) -> np.ndarray:
        """Unit rows of texts that each fit the context (a longer one truncated, as CLIP's tokenizer truncates)."""

    def with_text_tower(self, name: str | None):
        """This model (shared, not copied) with the multilingual text tower that reads non-English descriptions:
        itself when that is its tower already, else the same pairing each time it is asked for."""
        if name == self.text_tower:
            return self
        if name not in self._paired:
            paired = copy.copy(self)
            paired.text_tower, paired._paired = name, {}
            self._paired[name] = paired
        return self._paired[name]

    def text_parts(self, text: str) -> list[str]:
        """Split text into parts that each fit CLIP's context, at sentence, then clause, then word breaks.

        CLIP silently truncates at 77 tokens; memories are often longer, so each part is encoded and the
        parts are averaged instead of dropping the end of the description.
        """
        budget = self.max_text_tokens - 2  # start and end tokens
        text = " ".join(text.split())
        if self._token_count(text) <= budget:
            return [text]
        parts: list[str] = []
        for piece in _split_into_pieces(text, budget, self._token_count):
            if parts and self._token_count(parts[-1] + " " + piece) <= budget:
                parts[-1] = parts[-1] + " " + piece
            else:
                parts.append(piece)
        return parts

    def encode_texts(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Embed texts; a text longer than CLIP's context is the normalised mean of its parts."""
        owners: list[int] = []
        parts: list[str] = []
        for index, text in enumerate(texts):
            for part in self.text_parts(text):
                owners.append(index)
                parts.append(part)
        if not parts:
            return np.zeros((len(texts), self.dim), np.float32)
        vectors = np.concatenate([self._encode_fitting(parts[start : start + batch_size]) for start in range(0, len(parts), batch_size)])
        summed = np.zeros((len(texts), self.dim), np.float32)
        np.add.at(summed, np.asarray(owners), vectors)
        return unit_rows(summed)

    def encode_text(self, text: str) -> np.ndarray:
        return self.encode_texts([text])[0]


class NumpyClipText(ClipTextEncoder):
    """CLIP's text tower computed in numpy (numpy_clip.ClipTextModel): texts only, no photos."""

    engine = NUMPY

    def __init__(self, name: str, model: ClipTextModel):
        super().__init__(name, model.dim, model.longest)
        self._model = model

    def _token_count(self, text: str) -> int:
        return self._model.token_count(text)

    def _encode_fitting(self, texts: list[str]) -> np.ndarray:
        return unit_rows(self._model.embed(texts))


def _split_into_pieces(text: str, budget: int, count: Callable[[str], int]) -> list[str]:
    """Sentence, then clause, then word pieces, each within the token budget."""
    pieces: list[str] = []
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        if count(sentence) <= budget:
            pieces.append(sentence)
            continue
        for clause in re.split(r"(?<=,)\s+", sentence):
            if count(clause) <= budget:
                pieces.append(clause)
                continue
            words: list[str] = []
            for word in clause.split():
                if words and count(" ".join(words + [word])) > budget:
                    pieces.append(" ".join(words))
                    words = []
                words.append(word)
            if words:
                pieces.append(" ".join(words))
    return [piece for piece in pieces if piece]
