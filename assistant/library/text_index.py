"""The text index: BM25 over the words attached to each photo (captions, text read in the photo, tags,
detected objects).

CLIP reads pictures; this reads words. BM25 matches them exactly: fused with CLIP it finds "a sign saying
Omron", and with no CLIP model at all it still answers from the captions. The index is a sparse matrix of
per-term BM25 weights, so scoring a query is a sum of a few sparse columns: milliseconds at a million
photos. (Matching words by meaning, with a sentence model, is the library's `text_embeddings`.)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Sequence

import numpy as np

from ..core.files import write_atomically
from ..core.words import terms

BM25_K1, BM25_B = 1.2, 0.75


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

    def matches(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """The photos whose words share a word with the query (ascending rows) and their BM25 scores: summed
        from the query words' sparse columns, with no array as long as the library."""
        columns = sorted({self.vocabulary[word] for word in terms(query) if word in self.vocabulary})
        if not columns:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        pointers = self.weights.indptr
        rows = np.concatenate([self.weights.indices[pointers[column] : pointers[column + 1]] for column in columns])
        weights = np.concatenate([self.weights.data[pointers[column] : pointers[column + 1]] for column in columns])
        if len(columns) == 1:  # a column lists each photo once, in row order
            return rows.astype(np.int64), weights.astype(np.float32)
        matched, summed_at = np.unique(rows, return_inverse=True)
        return matched.astype(np.int64), np.bincount(summed_at, weights=weights, minlength=len(matched)).astype(np.float32)

    def scores(self, query: str, rows: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every photo (or of the given rows) for a query; 0 where no word matches."""
        matched, summed = self.matches(query)
        if rows is None:
            scores = np.zeros(self.weights.shape[0], dtype=np.float32)
            scores[matched] = summed
            return scores
        rows = np.asarray(rows, dtype=np.int64)
        scores = np.zeros(len(rows), dtype=np.float32)
        if len(matched):
            at = np.minimum(np.searchsorted(matched, rows), len(matched) - 1)
            found = matched[at] == rows
            scores[found] = summed[at[found]]
        return scores

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
