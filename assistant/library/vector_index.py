"""The read side of a library's approximate vector index (faiss IVF): candidates for the exact scoring.

A large library keeps `vector_index-<gen>.faiss` beside its embeddings (indexing/vector_index.py builds
it). The index only narrows the search: it proposes a few times k rows, which the caller rescores exactly
from the stored fp16 vectors, so its compression costs recall only when the true top k miss the pool.
faiss is imported here, when a library has an index, and nowhere else on the read side.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .store import LibraryDamaged, check_vector_index_file, repair_hint

# Filters that leave at most this many rows are scored exactly, row by row, rather than searched: at 1M
# photos on 2 cores, scoring 50,000 gathered fp16 rows costs about what a filtered index search does.
EXACT_BELOW = 10_000
# A filtered search should meet at least this many allowed rows per candidate it returns, so that the
# filter's rows in the probed lists are enough to hold the true top k.
_MET_PER_CANDIDATE = 4


class VectorIndex:
    """An IVF index over a library's embedded rows (faiss ids are row numbers), loaded memory-mapped."""

    def __init__(self, index, *, kind: str, rows: int, nprobe: int, oversample: int):
        self._index = index
        self.kind = kind
        self.rows = rows  # how many rows the index holds (the embedded ones)
        self.nprobe = nprobe
        self.oversample = oversample
        self.nlist = int(index.nlist)

    @classmethod
    def load(cls, folder: Path, facts: dict, *, count: int, dim: int | None) -> "VectorIndex":
        """Open the index the manifest describes (facts: its manifest entry); damage raises LibraryDamaged."""
        import faiss

        path = Path(folder) / facts["file"]
        check_vector_index_file(folder, facts)
        try:
            index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
        except RuntimeError as error:
            raise LibraryDamaged(f"the vector index {path} is unreadable ({error}); {repair_hint(folder)}") from error
        if index.ntotal != facts["rows"] or index.d != dim or facts["rows"] > count:
            raise LibraryDamaged(
                f"the vector index {path} holds {index.ntotal} {index.d}-d vectors, the library {facts['rows']} "
                f"embedded {dim}-d photos of {count}; {repair_hint(folder)}"
            )
        return cls(index, kind=f"faiss-{facts['factory']}", rows=facts["rows"], nprobe=facts["nprobe"], oversample=facts["oversample"])

    def candidates(self, query: np.ndarray, k: int, rows: np.ndarray | None = None) -> np.ndarray:
        """Rows (int64, best first by approximate score) among which the exact top k almost surely lies
        (recall@k >= 0.98 after the caller rescores them exactly). rows: the allowed rows (sorted int64),
        None for all. When rows are few (at most EXACT_BELOW, or the pool itself), they are returned as they are:
        scoring a small subset exactly beats searching the index."""
        import faiss

        wanted = k * self.oversample
        if rows is not None and len(rows) <= max(EXACT_BELOW, wanted):
            return np.asarray(rows, dtype=np.int64)
        nprobe = self.nprobe
        selector = None
        if rows is not None:
            selector = _selector(rows)
            # Each probed list holds rows/nlist rows on average, of which a share len(rows)/self.rows is allowed.
            met_per_probe = len(rows) / self.nlist
            nprobe = max(nprobe, math.ceil(_MET_PER_CANDIDATE * wanted / met_per_probe))
        params = faiss.SearchParametersIVF(sel=selector, nprobe=min(nprobe, self.nlist))
        vector = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
        _, found = self._index.search(vector, min(wanted, self.rows), params=params)
        found = found[0]
        return found[found >= 0]


def _selector(rows: np.ndarray):
    """The cheapest faiss selector for these sorted rows: a range when they are contiguous (a time filter on
    time-ordered rows), else a bitmap (one bit per row: constant-time membership, built in a millisecond)."""
    import faiss

    rows = np.asarray(rows, dtype=np.int64)
    first, last = int(rows[0]), int(rows[-1])
    if last - first + 1 == len(rows):
        return faiss.IDSelectorRange(first, last + 1)
    mask = np.zeros(last + 1, dtype=bool)
    mask[rows] = True
    bitmap = np.packbits(mask, bitorder="little")
    selector = faiss.IDSelectorBitmap(len(bitmap), faiss.swig_ptr(bitmap))
    selector.referenced_bitmap = bitmap  # faiss keeps a pointer only: the array must outlive the selector
    return selector
