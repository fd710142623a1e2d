"""Concepts: zero-shot tags from stored CLIP embeddings, and the per-photo concept counts search filters on.

Tagging costs one matrix product: every photo's embedding against the text embeddings of
"a photo of {term}" for each term of a vocabulary (assistant/data/concepts.txt, extendable).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from ..text_channel import concept_key

PROMPT = "a photo of {term}"
# The threshold rule. Raw cosines are not comparable across photos or terms, so each score is judged
# against its own photo's distribution over the whole vocabulary: after removing each term's typical
# score in this library (its median over the photos: a term that matches every photo says nothing about
# any one, while a concept in a third of the photos keeps its tags), a tag is kept when it stands
# TAG_MIN_Z standard deviations above that photo's mean score, i.e. clearly apart from the vocabulary's
# bulk (about 1 term in 4,000 under a normal spread); at most MAX_TAGS per photo.
TAG_MIN_Z = 3.5
MAX_TAGS = 5
# Below this many photos, a term's typical score is too noisy to subtract; above the sample size, a
# random sample of photos gives the medians.
MIN_PHOTOS_TO_CENTRE, CENTRE_SAMPLE = 10, 10_000
_CHUNK = 65536  # photos per block of the product: bounded memory at a million photos


def load_vocabulary(extra: Path | None = None) -> list[str]:
    """The built-in terms plus those of an extra file (one per line, # comments), without duplicates."""
    text = resources.files("assistant").joinpath("data/concepts.txt").read_text(encoding="utf-8")
    if extra is not None:
        try:
            text += "\n" + Path(extra).expanduser().read_text(encoding="utf-8")
        except OSError as error:
            raise FileNotFoundError(f"cannot read the vocabulary file {extra}: {error}") from error
    seen: dict[str, None] = {}
    for line in text.splitlines():
        term = " ".join(line.split("#", 1)[0].split()).lower()
        if term:
            seen.setdefault(term, None)
    return list(seen)


@dataclass(frozen=True)
class Tags:
    terms: list[list[str]]  # per photo, best first
    scores: list[list[float]]  # the z-scores behind them


def tag_photos(image_vectors: np.ndarray, term_vectors: np.ndarray, vocabulary: Sequence[str]) -> Tags:
    """Confident vocabulary terms for each photo (unit image vectors (n, d), unit term vectors (m, d))."""
    terms_matrix = np.asarray(term_vectors, dtype=np.float32)
    n = len(image_vectors)
    centre = np.zeros(len(vocabulary), np.float32)
    if n >= MIN_PHOTOS_TO_CENTRE:
        sample = np.sort(np.random.default_rng(0).choice(n, min(n, CENTRE_SAMPLE), replace=False))
        centre = np.median(np.asarray(image_vectors[sample], dtype=np.float32) @ terms_matrix.T, axis=0)
    keep = min(MAX_TAGS, len(vocabulary))
    tags: list[list[str]] = []
    scores: list[list[float]] = []
    for start in range(0, n, _CHUNK):
        block = np.asarray(image_vectors[start : start + _CHUNK], dtype=np.float32) @ terms_matrix.T - centre
        z = (block - block.mean(axis=1, keepdims=True)) / np.maximum(block.std(axis=1, keepdims=True), 1e-6)
        best = np.argpartition(-z, keep - 1, axis=1)[:, :keep]
        best_z = np.take_along_axis(z, best, axis=1)
        order = np.argsort(-best_z, axis=1)
        best, best_z = np.take_along_axis(best, order, axis=1), np.take_along_axis(best_z, order, axis=1)
        confident = best_z >= TAG_MIN_Z
        for row_terms, row_z, row_ok in zip(best, best_z, confident):
            tags.append([vocabulary[t] for t in row_terms[row_ok]])
            scores.append([round(float(value), 3) for value in row_z[row_ok]])
    return Tags(tags, scores)


@dataclass
class ConceptIndex:
    """How many of each concept every photo shows (photos x concepts, sparse): tags count 1, detections their number."""

    counts: object  # scipy.sparse.csc_matrix float32
    labels: list[str]  # concept keys
    counted: np.ndarray  # per label: True when a detector counted it (tags only say "present")

    @classmethod
    def build(cls, n_photos: int, rows: np.ndarray, labels: np.ndarray, counts: np.ndarray, counted: np.ndarray) -> "ConceptIndex":
        """From parallel arrays (photo row, label, count, whether counted by a detector); a label given twice
        for a photo keeps the larger count."""
        import pandas as pd
        from scipy import sparse

        entries = pd.DataFrame({"row": np.asarray(rows, np.int64), "label": pd.Series(labels, dtype=object),
                                "count": np.asarray(counts, np.float32), "counted": np.asarray(counted, bool)})
        unique = entries["label"].drop_duplicates()
        entries["key"] = entries["label"].map(dict(zip(unique, (concept_key(label) for label in unique))))
        entries = entries[entries["key"] != ""].groupby(["row", "key"], sort=False).agg({"count": "max", "counted": "any"}).reset_index()
        codes, keys = pd.factorize(entries["key"])
        matrix = sparse.coo_matrix(
            (entries["count"].to_numpy(np.float32), (entries["row"].to_numpy(), codes)), shape=(n_photos, len(keys))
        )
        counted_labels = np.zeros(len(keys), bool)
        np.logical_or.at(counted_labels, codes, entries["counted"].to_numpy(bool))
        return cls(matrix.tocsc(), [str(key) for key in keys], counted_labels)

    @property
    def is_empty(self) -> bool:
        return not self.labels

    def shows(self, label: str, at_least: int = 1) -> np.ndarray:
        """Which photos show at least this many of a concept; a concept no detector counted only says present."""
        position = self._positions.get(concept_key(label))
        if position is None:
            return np.zeros(self.counts.shape[0], bool)
        return self.count(label) >= (at_least if self.counted[position] else 1)

    def count(self, label: str) -> np.ndarray:
        """How many of a concept each photo shows (0 where none)."""
        key = concept_key(label)
        if key not in self._positions:
            return np.zeros(self.counts.shape[0], np.float32)
        return self.counts[:, self._positions[key]].toarray().ravel()

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {label: position for position, label in enumerate(self.labels)}

    def save(self, path: Path) -> None:
        from ..library.store import write_atomically

        def write(tmp: Path) -> None:
            with open(tmp, "wb") as handle:
                np.savez(handle, data=self.counts.data, indices=self.counts.indices, indptr=self.counts.indptr,
                         shape=np.asarray(self.counts.shape), labels=np.asarray(self.labels, dtype=str), counted=self.counted)

        write_atomically(path, write)

    @classmethod
    def load(cls, path: Path) -> "ConceptIndex":
        from scipy import sparse

        with np.load(path, allow_pickle=False) as saved:
            counts = sparse.csc_matrix((saved["data"], saved["indices"], saved["indptr"]), shape=tuple(saved["shape"]))
            return cls(counts, [str(label) for label in saved["labels"]], saved["counted"].astype(bool))
