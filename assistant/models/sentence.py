"""The sentence model that embeds the words attached to photos (captions, concept tags, signs read).

Two ways to run one: sentence-transformers (torch; fast on batches, so indexing uses it) and, for a process that
embeds only a question or a description, the same model computed in numpy (numpy_transformer.py), which spares
seconds of imports. Both give the same vectors; a model the numpy encoder does not reproduce runs on torch.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable, Sequence

import numpy as np

from .base import SHARED, choose_device, loading_errors, on_device, unit_rows
from .hub import SENTENCE_KIND, pretrained_source
from .numpy_transformer import BertSentenceModel, NotSupported, local_folder

log = logging.getLogger(__name__)

NUMPY = "numpy"
SENTENCE_TRANSFORMERS = "sentence-transformers"


class SentenceEncoder:
    """A sentence model that turns texts into unit-length float32 rows; `engine` says what computes them."""

    def __init__(self, name: str, embed: Callable[[list[str], int], np.ndarray], dim: int, engine: str):
        self.name = name
        self.dim = dim
        self.engine = engine  # NUMPY or SENTENCE_TRANSFORMERS
        self._embed_batches = embed
        self._lock = threading.Lock()  # a fast tokenizer is not safe to call from several threads
        # torch's forward passes run under @spaces.GPU on a ZeroGPU Space; numpy's stay on the CPU
        self._encode = on_device(self._embed) if engine == SENTENCE_TRANSFORMERS else self._embed

    def encode_texts(self, texts: Sequence[str], batch_size: int = 128) -> np.ndarray:
        if not len(texts):
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            return self._encode(list(texts), batch_size)

    def _embed(self, texts: list[str], batch_size: int) -> np.ndarray:
        return unit_rows(self._embed_batches(texts, batch_size))

    def encode_text(self, text: str) -> np.ndarray:
        return self.encode_texts([text])[0]


def load_sentence_model(name_or_path: str, *, device: str = "auto") -> SentenceEncoder:
    """Load a sentence-transformers model by hub id or local folder, or raise ModelNotAvailable."""
    from sentence_transformers import SentenceTransformer

    source, local_only = pretrained_source(name_or_path, SENTENCE_KIND)
    with loading_errors(name_or_path, SENTENCE_KIND):
        model = SentenceTransformer(source, device=str(choose_device(device)), local_files_only=local_only)
    model.eval()
    dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension  # renamed in v5

    def embed(texts: list[str], batch_size: int) -> np.ndarray:
        return model.encode(texts, batch_size=batch_size, show_progress_bar=False, convert_to_numpy=True)

    return SentenceEncoder(name_or_path, embed, int(dimension()), SENTENCE_TRANSFORMERS)


def shared_sentence_model(name_or_path: str) -> SentenceEncoder:
    """Load a sentence model once per process; a failure is remembered too, so queries never wait on it again."""
    return SHARED.get(load_sentence_model, name_or_path)


def load_query_sentence_model(name_or_path: str) -> SentenceEncoder:
    """The sentence model for a few short texts at a time (questions, descriptions): computed in numpy when the
    numpy encoder reproduces it, else the shared sentence-transformers one (the log says why)."""
    source, cached = pretrained_source(name_or_path, SENTENCE_KIND)
    try:
        model = BertSentenceModel.from_folder(local_folder(source, cached))
    except NotSupported as reason:
        log.info("sentence model %r runs on sentence-transformers, not numpy: %s", name_or_path, reason)
        return shared_sentence_model(name_or_path)
    return SentenceEncoder(name_or_path, model.embed, model.dim, NUMPY)


def shared_query_sentence_model(name_or_path: str) -> SentenceEncoder:
    """The query sentence model, loaded once per process (a failure remembered too)."""
    return SHARED.get(load_query_sentence_model, name_or_path)

