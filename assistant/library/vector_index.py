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

# A filtered search meets the filter's rows as rarely as the filter keeps them, so it probes more lists
# (1/share times, and twice that: a filter's best rows lie further from the query, in lists ranked lower),
# passing over the rows outside the filter at a bit test each. Scoring the allowed rows exactly instead costs
# about as much as passing over this many listed rows per allowed row: a gathered row 25, a row of one
# contiguous run (a time filter on time-ordered rows, scored as a slice) 5. Measured at 1M photos on 2 cores.
_FILTERED_PROBE_FACTOR = 2.0
SCANNED_PER_GATHERED_ROW = 25
SCANNED_PER_CONTIGUOUS_ROW = 5


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
        None for all. When rows are few (exact scoring of them costs less than the filtered search, see
        above), they are returned as they are: the caller scores them all exactly."""
        import faiss

        wanted = k * self.oversample
        nprobe, selector = self.nprobe, None
        if rows is not None:
            rows = np.asarray(rows, dtype=np.int64)
            nprobe = min(self.nlist, math.ceil(self.nprobe * self.rows / max(len(rows), 1) * _FILTERED_PROBE_FACTOR))
            contiguous = len(rows) > 0 and int(rows[-1]) - int(rows[0]) + 1 == len(rows)
            scanned = nprobe * self.rows / self.nlist
            per_row = SCANNED_PER_CONTIGUOUS_ROW if contiguous else SCANNED_PER_GATHERED_ROW
            if len(rows) <= max(wanted, scanned / per_row):
                return rows
            selector = _selector(rows, contiguous)
        params = faiss.SearchParametersIVF(sel=selector, nprobe=nprobe)
        vector = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
        _, found = self._index.search(vector, min(wanted, self.rows), params=params)
        found = found[0]
        return found[found >= 0]


def _selector(rows: np.ndarray, contiguous: bool):
    """The cheapest faiss selector for these sorted rows: a range when they are contiguous, else a bitmap
    (one bit per row: constant-time membership, built in a millisecond; a hash set costs more to build)."""
    import faiss

    first, last = int(rows[0]), int(rows[-1])
    if contiguous:
        return faiss.IDSelectorRange(first, last + 1)
    mask = np.zeros(last + 1, dtype=bool)
    mask[rows] = True
    bitmap = np.packbits(mask, bitorder="little")
    selector = faiss.IDSelectorBitmap(len(bitmap), faiss.swig_ptr(bitmap))
    selector.referenced_bitmap = bitmap  # faiss keeps a pointer only: the array must outlive the selector
    return selector
