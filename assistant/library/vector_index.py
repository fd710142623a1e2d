"""The read side of a library's approximate vector index (faiss IVF): candidates for the exact scoring.

A large library keeps `vector_index-<gen>.faiss` beside its embeddings (indexing/vector_index.py builds
it). The index only narrows the search: it proposes a few times k rows, which the caller rescores exactly
from the stored fp16 vectors, so its compression costs recall only when the true top k miss the pool.
faiss is imported here, when a library has an index, and nowhere else on the read side.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from pathlib import Path

import numpy as np

from ..core.machine import usable_cores
from .store import LibraryDamaged, check_vector_index_file, repair_hint

# A filtered search meets the filter's rows as rarely as the filter keeps them, so it probes more lists
# (1/share times, and twice that: a filter's best rows lie further from the query, in lists ranked lower),
# passing over the rows outside the filter at a bit test each. Scoring the allowed rows exactly instead costs
# about as much as passing over this many listed rows per allowed row: a gathered row 25, a row of one
# contiguous run (a time filter on time-ordered rows, scored as a slice) 5. Measured at 1M photos on 2 cores.
_FILTERED_PROBE_FACTOR = 2.0
SCANNED_PER_GATHERED_ROW = 25
SCANNED_PER_CONTIGUOUS_ROW = 5
_PAGE = 4096


class VectorIndex:
    """An IVF index over a library's embedded rows (faiss ids are row numbers), loaded memory-mapped."""

    def __init__(self, index, *, kind: str, rows: int, nprobe: int, oversample: int, file_bytes: int):
        self._index = index
        self.kind = kind
        self.rows = rows  # how many rows the index holds (the embedded ones)
        self.file_bytes = file_bytes  # the size of its memory-mapped file
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
        return cls(
            index, kind=f"faiss-{facts['factory']}", rows=facts["rows"], nprobe=facts["nprobe"], oversample=facts["oversample"],
            file_bytes=facts["bytes"],
        )

    def map_lists(self) -> None:
        """Read a byte of every page of the lists' codes and ids, so that searches find them mapped. A list's
        first search otherwise faults its pages in while the query waits: at a million photos (528 MB) a fresh
        query faulted 75 times (1 once mapped), a fraction of a millisecond from the page cache, a read from
        disk each when the file is not in it (the first searches after building or opening a library)."""
        import faiss

        lists = self._ivf.invlists
        for list_no in range(self.nlist):
            size = lists.list_size(list_no)
            if not size:
                continue
            codes, ids = lists.get_codes(list_no), lists.get_ids(list_no)
            faiss.rev_swig_ptr(codes, size * lists.code_size)[::_PAGE].max()
            faiss.rev_swig_ptr(ids, size)[:: _PAGE // 8].max()
            lists.release_codes(list_no, codes)
            lists.release_ids(list_no, ids)

    def candidates(self, query: np.ndarray, k: int, rows: np.ndarray | None = None, *, near_only: bool = False) -> np.ndarray:
        """Rows (int64, best first by approximate score) among which the exact top k almost surely lies
        (recall@k >= 0.98 after the caller rescores them exactly). rows: the allowed rows (sorted int64),
        None for all. When rows are few (exact scoring of them costs less than the filtered search, see
        above), they are returned as they are: the caller scores them all exactly.

        near_only: only allowed rows that could rank with the library's own best are wanted (near misses ask
        whether any beats a score found elsewhere), so the query's usual lists are probed, not more for a filter.
        """
        wanted = k * self.oversample
        nprobe, selector = self.nprobe, None
        if rows is not None:
            rows = np.asarray(rows, dtype=np.int64)
            if not near_only:
                nprobe = min(self.nlist, math.ceil(self.nprobe * self.rows / max(len(rows), 1) * _FILTERED_PROBE_FACTOR))
            contiguous = len(rows) > 0 and int(rows[-1]) - int(rows[0]) + 1 == len(rows)
            scanned = nprobe * self.rows / self.nlist
            per_row = SCANNED_PER_CONTIGUOUS_ROW if contiguous else SCANNED_PER_GATHERED_ROW
            if len(rows) <= max(wanted, scanned / per_row):
                return rows
            selector = _selector(rows, contiguous)
        return self._search(np.asarray(query, dtype=np.float32).reshape(1, -1), min(wanted, self.rows), nprobe, selector)

    def _search(self, vector: np.ndarray, wanted: int, nprobe: int, selector) -> np.ndarray:
        """The best `wanted` rows in the query's nprobe nearest lists, best first. faiss scans one query's
        lists on one thread, so the lists are dealt out to one search per core and the results merged: the
        same rows, in 1.7 ms instead of 3.9 at 90 probes of a million photos, 5.6 instead of 13-16 ms at 60
        of ten million (AMD EPYC, 2 cores)."""
        import faiss

        vector = np.ascontiguousarray(vector)
        centre_scores, lists = self._ivf.quantizer.search(vector, nprobe)
        parts = min(usable_cores(), nprobe)

        def scan(part: int) -> tuple[np.ndarray, np.ndarray]:
            assigned = np.ascontiguousarray(lists[:, part::parts])
            scores = np.ascontiguousarray(centre_scores[:, part::parts])
            found_scores, found = np.empty((1, wanted), np.float32), np.empty((1, wanted), np.int64)
            self._ivf.search_preassigned_c(
                1, faiss.swig_ptr(vector), wanted, faiss.swig_ptr(assigned), faiss.swig_ptr(scores),
                faiss.swig_ptr(found_scores), faiss.swig_ptr(found), False,
                faiss.SearchParametersIVF(sel=selector, nprobe=assigned.shape[1]),
            )
            return found_scores[0], found[0]

        # the calling thread scans a share itself rather than wait idle for one more thread to wake
        others = [self._scanners.submit(scan, part) for part in range(1, parts)]
        results = [scan(0)] + [other.result() for other in others]
        scores = np.concatenate([scores for scores, _ in results])
        found = np.concatenate([rows for _, rows in results])
        kept = found >= 0
        scores, found = scores[kept], found[kept]
        best = np.argpartition(-scores, wanted - 1)[:wanted] if len(found) > wanted else np.arange(len(found))
        return found[best[np.argsort(-scores[best], kind="stable")]]

    @cached_property
    def _ivf(self):
        import faiss

        return faiss.extract_index_ivf(self._index)  # a view: self._index keeps it alive

    @cached_property
    def _scanners(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max(1, usable_cores() - 1), thread_name_prefix="vector-index")


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
