"""Scoring photos against a description: the stored-vector kernel, its exact rescoring, and the fusion of channels.

`StoredVectors` is the one owner of a library's CLIP embeddings as a scoring matrix (one per loaded
library). `Scorer` puts CLIP, exact photo words (BM25) and words close in meaning on one scale.
"""

from __future__ import annotations

import mmap
import threading
import warnings
import weakref
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..library import Library
from ..models import ClipEncoder, ModelNotAvailable, SentenceEncoder, cpu_supports_bf16, shared_sentence_model

# Fusion: CLIP similarities are standardised over the candidates (z-scores); a caption that matches every
# query word adds up to TEXT_WEIGHT standard deviations. Captions are exact when they match, CLIP is broad.
TEXT_WEIGHT = 3.0
# Photo words that are unusually close in meaning to the description (sentence-model z-score over the
# candidates, positive part) add this much per standard deviation, as CLIP's z-score does.
SEMANTIC_WEIGHT = 1.0
# With a bf16 scoring matrix, this many best candidates per query are rescored exactly from fp16.
EXACT_RESCORE = 4096

_CONVERT_ROWS = 65_536  # rows converted to bf16 at a time: bounded scratch memory


def _release_pages(array: np.ndarray) -> None:
    """Let the kernel drop a read-only memory map's resident pages; later reads are of single rows here
    and there, so read only the pages they touch (no read-ahead, which would bring the whole file back)."""
    mapping = getattr(array, "_mmap", None)
    if mapping is not None and hasattr(mapping, "madvise"):
        mapping.madvise(mmap.MADV_DONTNEED)
        mapping.madvise(mmap.MADV_RANDOM)


def _shared_tensor(array: np.ndarray):
    """A torch view of a read-only memory map, without a copy (torch's fp16 mat-vec is fast on CPU)."""
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # read-only map: we never write through it
        return torch.from_numpy(np.asarray(array))


def cosines(matrix, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """One matrix-vector product in the matrix's own precision (of all rows, or of the given ones), as float32."""
    import torch

    query = torch.from_numpy(np.asarray(vector, dtype=np.float32)).to(matrix.dtype)
    if rows is not None:
        matrix = matrix.index_select(0, torch.from_numpy(np.asarray(rows, dtype=np.int64)))
    return (matrix @ query).float().numpy()


class StoredVectors:
    """A library's CLIP embeddings, for scoring: a fast matrix for every query, the fp16 file for exact rows."""

    def __init__(self, embeddings: np.ndarray):
        self.embeddings = embeddings  # the memory-mapped fp16 file
        self._scores_from_copy = False  # set when the matrix is an in-memory bf16 copy of the map

    def prepare(self) -> None:
        """Build the scoring matrix now (at load, under the caller's lock), not on someone's first search."""
        self.matrix  # noqa: B018 (a cached property: reading it builds it)

    @cached_property
    def matrix(self):
        """The embeddings as a torch tensor to score against: bf16 in memory on CPUs with native bf16, where
        its mat-vec is about twice as fast as fp16's (and faster than numpy's fp32), else the fp16 memory
        map itself. bf16 ranks only roughly: `similarity` rescores its best candidates from the fp16 file.
        """
        matrix = _shared_tensor(self.embeddings)
        if not cpu_supports_bf16():
            return matrix
        import torch

        converted = torch.empty(matrix.shape, dtype=torch.bfloat16)
        for start in range(0, len(matrix), _CONVERT_ROWS):
            converted[start : start + _CONVERT_ROWS] = matrix[start : start + _CONVERT_ROWS]
        self._scores_from_copy = True
        _release_pages(self.embeddings)  # the map stays for exact rows; its pages need not stay resident
        return converted

    def rows(self, rows) -> np.ndarray:
        """The stored (fp16) embeddings of some rows as float32, in the order asked (read in row order).

        When scoring uses an in-memory copy, the file's pages are let go again afterwards, so reading a few
        thousand scattered rows per query never makes the whole file resident.
        """
        rows = np.asarray(rows, dtype=np.int64)
        order = np.argsort(rows, kind="stable")
        vectors = np.empty((len(rows), self.embeddings.shape[1]), dtype=np.float32)
        vectors[order] = self.embeddings[rows[order]]
        if self._scores_from_copy:
            _release_pages(self.embeddings)
        return vectors

    def similarity(self, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Cosine of every (or the given) photo with a unit vector.

        When the matrix is bf16 (about 3 significant digits), the best EXACT_RESCORE candidates are scored
        again from the stored fp16 embeddings, so the ranking at the top is exact while the rest only feeds
        the score statistics.
        """
        import torch

        scores = cosines(self.matrix, vector, rows)
        if self.matrix.dtype != torch.bfloat16:
            return scores
        best = np.argpartition(-scores, EXACT_RESCORE - 1)[:EXACT_RESCORE] if len(scores) > EXACT_RESCORE else np.arange(len(scores))
        exact = torch.from_numpy(self.rows(best if rows is None else np.asarray(rows)[best]))
        # torch, not numpy: numpy's BLAS threads would spin against torch's on a small machine
        scores[best] = (exact @ torch.from_numpy(np.asarray(vector, dtype=np.float32))).numpy()
        return scores


_per_library: weakref.WeakKeyDictionary[Library, StoredVectors] = weakref.WeakKeyDictionary()
_per_library_lock = threading.Lock()


def stored_vectors(library: Library) -> StoredVectors | None:
    """The library's scoring matrix owner (one per loaded library), or None when it has no CLIP embeddings."""
    if library.embeddings is None:
        return None
    with _per_library_lock:
        vectors = _per_library.get(library)
        if vectors is None:
            vectors = _per_library[library] = StoredVectors(library.embeddings)
        return vectors


def prepare_scoring(library: Library) -> None:
    """Build the library's scoring matrix now: call it when a library is loaded for searching."""
    vectors = stored_vectors(library)
    if vectors is not None:
        vectors.prepare()


def similarity(library: Library, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Cosine of every (or the given) library photo with a unit vector; exact at the top of the ranking."""
    return stored_vectors(library).similarity(vector, rows)


def top_positions(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best scores, best first; ties keep time order."""
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]


@dataclass
class Scorer:
    """Scores texts against a candidate set through both channels, fused on one scale."""

    library: Library
    encoder: ClipEncoder | None
    rows: np.ndarray  # candidate rows, ascending

    @cached_property
    def _gathered_rows(self) -> np.ndarray | None:
        """The rows to gather before scoring, or None when the candidates are the whole library (no gather)."""
        return None if len(self.rows) == len(self.library) else self.rows

    @property
    def has_clip(self) -> bool:
        return self.encoder is not None and self.library.embeddings is not None

    @property
    def has_text(self) -> bool:
        index = self.library.text_index
        return index is not None and not index.is_empty

    def clip_z(self, vector: np.ndarray) -> np.ndarray:
        """CLIP similarity standardised over the candidates (photos without an embedding score 0)."""
        scores = similarity(self.library, vector, self._gathered_rows)
        embedded = self.library.embedded[self.rows]
        if not embedded.all():
            scores = np.where(embedded, scores, np.nan)
        mean, spread = np.nanmean(scores), np.nanstd(scores)
        z = (scores - mean) / max(float(spread), 1e-6)
        return np.nan_to_num(z, nan=0.0).astype(np.float32)

    @cached_property
    def sentence_model(self) -> SentenceEncoder | None:
        """The library's sentence model, when its photo words were embedded and the model loads here."""
        if self.library.text_model is None or self.library.text_embeddings is None:
            return None
        try:
            return shared_sentence_model(self.library.text_model)
        except ModelNotAvailable:
            return None

    @cached_property
    def _text_vectors(self):
        return _shared_tensor(self.library.text_embeddings)

    def semantic_z(self, text: str) -> np.ndarray:
        """How much closer in meaning than usual each candidate's words are to the text (z-score, >= 0)."""
        scores = cosines(self._text_vectors, self.sentence_model.encode_text(text), self._gathered_rows)
        has_words = scores != 0  # photos without words have zero vectors
        if not has_words.any():
            return np.zeros(len(scores), dtype=np.float32)
        mean, spread = scores[has_words].mean(), scores[has_words].std()
        z = np.where(has_words, (scores - mean) / max(float(spread), 1e-6), 0.0)
        return np.clip(z, 0.0, None).astype(np.float32)

    def word_scores(self, text: str) -> np.ndarray:
        """The text channel fused: exact words (BM25) plus, when available, words close in meaning."""
        total = np.zeros(len(self.rows), dtype=np.float32)
        if self.has_text:
            total += TEXT_WEIGHT * self.text_scores(text)
        if self.sentence_model is not None:
            total += SEMANTIC_WEIGHT * self.semantic_z(text)
        return total

    def text_scores(self, text: str) -> np.ndarray:
        """BM25 scaled to 0..1 by the best match among the candidates."""
        scores = self.library.text_index.scores(text, self._gathered_rows)
        top = float(scores.max()) if len(scores) else 0.0
        return scores / top if top > 0 else scores
