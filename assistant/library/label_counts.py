"""The label counts: how many of each label (a zero-shot tag, a detected object) every photo shows.

The enrichment steps find the labels; indexing builds this index at each commit; the query's concept
filters ("with a dog", "two cups") ask it which photos qualify. It is stored as the library's
`concept_index` file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.files import write_atomically
from ..core.words import concept_key


@dataclass
class LabelCounts:
    """How many of each label every photo shows (photos x labels, sparse): tags count 1, detections their number."""

    counts: object  # scipy.sparse.csc_matrix float32
    labels: list[str]  # label keys (words.concept_key)
    counted: np.ndarray  # per label: True when a detector counted it (tags only say "present")

    @classmethod
    def build(cls, n_photos: int, rows: np.ndarray, labels: np.ndarray, counts: np.ndarray, counted: np.ndarray) -> "LabelCounts":
        """From parallel arrays (photo row, label, count, whether counted by a detector); a label given twice
        for a photo keeps the larger count."""
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
        """Which photos show at least this many of a label; a label no detector counted only says present."""
        position = self._positions.get(concept_key(label))
        if position is None:
            return np.zeros(self.counts.shape[0], bool)
        return self.count(label) >= (at_least if self.counted[position] else 1)

    def count(self, label: str) -> np.ndarray:
        """How many of a label each photo shows (0 where none)."""
        key = concept_key(label)
        if key not in self._positions:
            return np.zeros(self.counts.shape[0], np.float32)
        return self.counts[:, self._positions[key]].toarray().ravel()

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {label: position for position, label in enumerate(self.labels)}

    def save(self, path: Path) -> None:
        def write(tmp: Path) -> None:
            with open(tmp, "wb") as handle:
                np.savez(handle, data=self.counts.data, indices=self.counts.indices, indptr=self.counts.indptr,
                         shape=np.asarray(self.counts.shape), labels=np.asarray(self.labels, dtype=str), counted=self.counted)

        write_atomically(path, write)

    @classmethod
    def load(cls, path: Path) -> "LabelCounts":
        from scipy import sparse

        with np.load(path, allow_pickle=False) as saved:
            counts = sparse.csc_matrix((saved["data"], saved["indices"], saved["indptr"]), shape=tuple(saved["shape"]))
            return cls(counts, [str(label) for label in saved["labels"]], saved["counted"].astype(bool))
