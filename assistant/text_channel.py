"""The text channel: the words attached to each photo (captions, concepts, and later OCR and tags).

CLIP reads pictures; this reads words, two ways. BM25 matches them exactly: fused with CLIP it finds "a
sign saying Omron", and with no CLIP model at all it still answers from the captions. Its index is a
sparse matrix of per-term BM25 weights, so scoring a query is a sum of a few sparse columns:
milliseconds at a million photos. A sentence-embedding model, when one is available, matches them by
meaning ("a hot drink" finds "an espresso"); its vectors are stored row-aligned like CLIP's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Sequence

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
_STOPWORDS = frozenset(
    """a an and are as at be been being but by for from had has have he her him his i in into is it its me my
    of on or our she so some than that the their them then there these they this those to up was we were
    what when where which while who will with you your""".split()
)
BM25_K1, BM25_B = 1.2, 0.75


def _stem(word: str) -> str:
    """A deliberately small stemmer: possessives and plurals, so "cups" finds "cup" and "bus's" finds "bus"."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Photo-table columns whose words describe a photo: captions, and the words the enrichment steps found
# (assistant.enrich: text read in the photo, zero-shot tags, detected objects).
TEXT_COLUMNS = ("caption", "ocr_text", "tags", "objects")


def photo_texts(photos) -> list[str]:
    """The words attached to each photo of a photo table, one string per row."""
    present = [column for column in TEXT_COLUMNS if column in photos]
    if not present:
        return [""] * len(photos)
    columns = [photos[column].fillna("").astype(str).str.strip().tolist() for column in present]
    # ". " between sources, so a sentence model reads "a cup of coffee. OMRON Pharmacy" as two statements
    return [". ".join(part for part in parts if part) for parts in zip(*columns)]


def embed_photo_texts(
    texts: Sequence[str], encoder, previous: tuple[Sequence[str], np.ndarray] | None = None, progress=None,
) -> np.ndarray | None:
    """Sentence vectors of photo words, float16, row-aligned; a photo without words (or not embedded) is a zero row.

    previous: (texts, vectors) of the last generation, made by the same model; unchanged words reuse their
    vector, so a re-index embeds only new words. With no encoder, only what previous holds is kept.
    Returns None when there is nothing to store.
    """
    known: dict[str, np.ndarray] = {}
    if previous is not None:
        old_texts, old_vectors = previous
        present = np.flatnonzero(np.any(np.asarray(old_vectors) != 0, axis=1))
        known = {old_texts[row]: old_vectors[row] for row in present}
    wanted = sorted({text for text in texts if text.strip()} - known.keys())
    if encoder is not None and wanted:
        chunk = 4096
        for start in range(0, len(wanted), chunk):
            part = wanted[start : start + chunk]
            known.update(zip(part, encoder.encode_texts(part).astype(np.float16)))
            if progress:
                progress(min(start + chunk, len(wanted)), len(wanted), "embedding photo words")
    if not known:
        return None
    dim = len(next(iter(known.values())))
    vectors = np.zeros((len(texts), dim), dtype=np.float16)
    for row, text in enumerate(texts):
        vector = known.get(text)
        if vector is not None:
            vectors[row] = vector
    return vectors


def terms(text: str) -> list[str]:
    """The indexable words of a text, lower-cased, stop words dropped, lightly stemmed."""
    return [_stem(word) for word in _WORD.findall(text.lower()) if word not in _STOPWORDS]


def concept_key(label: str) -> str:
    """A concept name as tags, detections and queries compare it: its indexable words ("Cups" -> "cup")."""
    return " ".join(terms(label))


def plural(label: str, count: int) -> str:
    """"cup", 2 -> "cups" (the regular forms; the inverse of the stemmer above)."""
    if count == 1:
        return label
    if label.endswith(("s", "x", "ch", "sh")):
        return label + "es"
    return label[:-1] + "ies" if label.endswith("y") and label[-2:-1] not in "aeiou" else label + "s"


def _idf(documents_with_term: np.ndarray, documents: int) -> np.ndarray:
    """BM25's inverse document frequency of each term, over the photos that have words."""
    n = max(1, documents)
    return np.log1p((n - documents_with_term + 0.5) / (documents_with_term + 0.5)).astype(np.float32)


@dataclass
class TextIndex:
    """BM25 weights (photos x terms, CSC) and the vocabulary."""

    weights: object  # scipy.sparse.csc_matrix, float32
    vocabulary: dict[str, int]

    @classmethod
    def build(cls, texts: Sequence[str]) -> "TextIndex":
        from scipy import sparse

        vocabulary: dict[str, int] = {}
        rows, columns = [], []
        lengths = np.zeros(len(texts), dtype=np.float32)
        for row, text in enumerate(texts):
            words = terms(text) if text else []
            lengths[row] = len(words)
            for word in words:
                rows.append(row)
                columns.append(vocabulary.setdefault(word, len(vocabulary)))
        counts = sparse.coo_matrix(
            (np.ones(len(rows), np.float32), (np.asarray(rows, np.int64), np.asarray(columns, np.int64))),
            shape=(len(texts), len(vocabulary)),
        ).tocsr()
        counts.sum_duplicates()
        documents_with_term = np.bincount(counts.indices, minlength=len(vocabulary)).astype(np.float32)
        idf = _idf(documents_with_term, int((lengths > 0).sum()))
        average = float(lengths[lengths > 0].mean()) if lengths.any() else 1.0
        row_of_entry = np.repeat(np.arange(len(texts)), np.diff(counts.indptr))
        tf = counts.data
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[row_of_entry] / average)
        counts.data = (idf[counts.indices] * tf * (BM25_K1 + 1) / (tf + norm)).astype(np.float32)
        return cls(counts.tocsc(), vocabulary)

    @property
    def is_empty(self) -> bool:
        return not self.vocabulary

    def scores(self, query: str, rows: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every photo (or of the given rows) for a query; 0 where no word matches."""
        columns = sorted({self.vocabulary[word] for word in terms(query) if word in self.vocabulary})
        size = self.weights.shape[0] if rows is None else len(rows)
        if not columns:
            return np.zeros(size, dtype=np.float32)
        summed = np.asarray(self.weights[:, columns].sum(axis=1), dtype=np.float32).ravel()
        return summed if rows is None else summed[rows]

    @cached_property
    def _best_per_word(self) -> tuple[np.ndarray, float]:
        """The best any photo scores for each word, and what a word no photo has would score (once, at average length)."""
        best = self.weights.max(axis=0).toarray().ravel().astype(np.float32)
        documents = int(np.count_nonzero(np.bincount(self.weights.indices, minlength=self.weights.shape[0])))
        return best, float(_idf(np.zeros(1, np.float32), documents)[0])

    def best_possible(self, query: str) -> float:
        """What the query could score at most: every word of it scored as well as the best photo scores it.

        A query word no photo has counts too, so a caption that shares one word of seven scores a fraction
        of this, however the other captions look.
        """
        best, unseen = self._best_per_word
        return float(sum(best[self.vocabulary[word]] if word in self.vocabulary else unseen for word in set(terms(query))))

    def save(self, path: Path) -> None:
        from scipy import sparse

        from .library.store import write_atomically

        def write(tmp: Path) -> None:
            with open(tmp, "wb") as handle:
                np.savez(
                    handle,
                    data=self.weights.data, indices=self.weights.indices, indptr=self.weights.indptr,
                    shape=np.asarray(self.weights.shape), words=np.asarray(list(self.vocabulary), dtype=object).astype(str),
                )

        assert isinstance(self.weights, sparse.csc_matrix)
        write_atomically(path, write)

    @classmethod
    def load(cls, path: Path) -> "TextIndex":
        from scipy import sparse

        with np.load(path, allow_pickle=False) as saved:
            weights = sparse.csc_matrix((saved["data"], saved["indices"], saved["indptr"]), shape=tuple(saved["shape"]))
            vocabulary = {str(word): index for index, word in enumerate(saved["words"])}
        return cls(weights, vocabulary)
