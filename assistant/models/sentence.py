"""The sentence model that embeds the words attached to photos (captions, concept tags, signs read)."""

from __future__ import annotations

import threading
from typing import Sequence

import numpy as np

from .base import SHARED, choose_device, loading_errors, unit_rows
from .hub import SENTENCE_KIND, pretrained_source


class SentenceEncoder:
    """A sentence-transformers model that turns texts into unit-length float32 rows."""

    def __init__(self, name: str, model):
        self.name = name
        self._model = model
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension  # renamed in v5
        self.dim = int(dimension())
        self._lock = threading.Lock()  # its fast tokenizer is not safe to call from several threads

    def encode_texts(self, texts: Sequence[str], batch_size: int = 128) -> np.ndarray:
        if not len(texts):
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            vectors = self._model.encode(list(texts), batch_size=batch_size, show_progress_bar=False, convert_to_numpy=True)
        return unit_rows(vectors)

    def encode_text(self, text: str) -> np.ndarray:
        return self.encode_texts([text])[0]


def load_sentence_model(name_or_path: str, *, device: str = "auto") -> SentenceEncoder:
    """Load a sentence-transformers model by hub id or local folder, or raise ModelNotAvailable."""
    from sentence_transformers import SentenceTransformer

    source, local_only = pretrained_source(name_or_path, SENTENCE_KIND)
    with loading_errors(name_or_path, SENTENCE_KIND):
        model = SentenceTransformer(source, device=str(choose_device(device)), local_files_only=local_only)
    model.eval()
    return SentenceEncoder(name_or_path, model)


def shared_sentence_model(name_or_path: str) -> SentenceEncoder:
    """Load a sentence model once per process; a failure is remembered too, so queries never wait on it again."""
    return SHARED.get(load_sentence_model, name_or_path)
