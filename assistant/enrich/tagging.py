"""Zero-shot tags: the vocabulary terms each photo clearly shows, from its stored CLIP embedding.

Tagging costs one matrix product: every photo's embedding against the text embeddings of
"a photo of {term}" for each term of a vocabulary (assistant/data/concepts.txt, extendable).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

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
