"""The one owner of a library's CLIP embeddings for scoring (one per loaded library): the kernel measured fastest
here (numpy in a cold process that has not imported torch), exact rescoring of its best candidates, and the resident
pages kept in bounds. A library with a vector index never gets a kernel: only the pools its index picks are scored,
exactly, from the stored vectors."""

from __future__ import annotations

import mmap
import threading
import weakref
from collections import OrderedDict
from functools import cached_property

import numpy as np

from ..core.machine import numpy_blas_on_one_thread
from ..library import Library
from ..library.vector_index import VectorIndex
from .kernels import KERNELS, Kernel, NumpyBlocksKernel, choose_gathered_precision, choose_kernel, torch_imported, torch_view


SPREAD_SAMPLE = 4096  # photos (evenly spaced) that tell the library's own score spread for a query


# With a kernel that only approximates (fp16, bf16, int8), this many best candidates per query are
# rescored exactly from the stored vectors, so the top of the ranking is exact.
EXACT_RESCORE = 4096


# Scoring many gathered rows in fp16 (when that is timed faster here), this many of the best are rescored in float32.
GATHERED_RESCORE = 1024


# Many scattered rows gathered for exact scoring (a filter's) are kept for the next queries over the same rows, the
# last ones up to this many bytes: a conversation refines its description within the same time and place. Gathering
# a month and a city's 13,272 rows of a million photos took about 2 ms here, more than scoring them. Rows are kept
# from the second time they are asked for: the first time they are scored a chunk at a time (SCORED_CHUNK rows) in
# a small buffer kept for the next search, as a filter asked for once would only churn fresh memory. Allocating each
# filter's 13-17 MB afresh faulted 3,000-9,000 pages in a third of such searches, 10-25 ms of CPU each (AMD EPYC).
GATHERED_KEPT_BYTES = 64 << 20
SEEN_ROW_SETS = 64
SCORED_CHUNK = 2048


# A stored-vector file up to this size stays resident whole, mapped on a thread of its own when the library is
# prepared for searching: a million photos' (0.95 GiB of 512-d fp16). Each query reads a few thousand scattered
# rows from it (an index's pool, an in-memory kernel's exact rescoring), and faulting them in query after query
# doubled a pooled search's CPU time here (13.9 ms of one core at a million photos, 7.0 once mapped). Of a
# larger file (ten million photos': the 6 GB resident-memory target), the pages read are let go each time about
# this much may have been read.
RESIDENT_BYTES = 1 << 30


_PAGE = 4096


# Scoring candidates that are more than 1/GATHER_SHARE of the library (a year of ten): score every photo and
# pick theirs, rather than gather their rows first (a copy of most of the matrix).
GATHER_SHARE = 4


_THRESHOLD_SAMPLE = 65_536  # scores sampled to find the top few thousand of a million without partitioning all


def _release_pages(array: np.ndarray) -> None:
    """Let the kernel drop a read-only memory map's resident pages; later reads are of single rows here
    and there, so read only the pages they touch (no read-ahead, which would bring the whole file back)."""
    mapping = getattr(array, "_mmap", None)
    if mapping is not None and hasattr(mapping, "madvise"):
        mapping.madvise(mmap.MADV_DONTNEED)
        mapping.madvise(mmap.MADV_RANDOM)


class StoredVectors:
    """A library's CLIP embeddings, for scoring: this machine's fastest kernel for every query, the fp16 file for exact rows."""

    def __init__(self, embeddings: np.ndarray, embedded: np.ndarray, kernel_name: str | None = None):
        self.embeddings = embeddings  # the memory-mapped fp16 file
        self.embedded = embedded  # which rows hold a real embedding
        self.kernel_name = kernel_name  # None: the kernel timed fastest on this machine (see kernels.choose_kernel)
        self._bytes_read = 0  # pages read since the file's pages were last let go (at most)
        self._last_sample: tuple[bytes, np.ndarray] | None = None  # the last query's library sample scores
        self._kept_gathered: OrderedDict[tuple, tuple[np.ndarray, object]] = OrderedDict()  # rows -> their fp16 tensor
        self._seen_row_sets: OrderedDict[tuple, None] = OrderedDict()  # keys (_gathered) of rows asked for once
        self._kept_lock = threading.Lock()
        self._chunk_buffers: list = []  # spare SCORED_CHUNK-row tensors, one per search scoring rows a chunk at a time

    def prepare(self, kernel: bool = True, index: VectorIndex | None = None) -> threading.Thread | None:
        """Read the spread sample (and its moments), and choose and build the kernel (not for a library with a vector index),
        now (at load, under the caller's lock), not on someone's first search. A file that stays resident
        whole (the stored vectors, and the vector index's lists when it is small enough) is mapped meanwhile
        on a thread of its own, returned (None: the files are too large to keep)."""
        self._spread_moments  # noqa: B018 (cached properties: reading them builds them)
        if kernel:
            # a process that prepares (the app) serves many queries: the kernel timed fastest, even if it imports torch
            self.kernel_name = self.kernel_name or choose_kernel(self.embeddings.shape[1])
            self.kernel  # noqa: B018
        index = index if index is not None and index.file_bytes <= RESIDENT_BYTES else None
        if not self._kept_whole and index is None:
            return None
        mapping = threading.Thread(
            target=_map_every_page, args=(self.embeddings if self._kept_whole else None, index), name="stored-vectors-pages", daemon=True,
        )
        mapping.start()
        return mapping

    @property
    def _kept_whole(self) -> bool:
        return isinstance(self.embeddings, np.memmap) and self.embeddings.nbytes <= RESIDENT_BYTES

    @cached_property
    def kernel(self) -> Kernel:
        if self.kernel_name is None and not torch_imported():  # a cold command's few queries (see torch_imported)
            return NumpyBlocksKernel(self.embeddings)
        kernel = KERNELS[self.kernel_name or choose_kernel(self.embeddings.shape[1])](self.embeddings)
        if kernel.copied and not self._kept_whole:
            _release_pages(self.embeddings)  # the map stays for exact rows; its pages need not stay resident
        return kernel

    @cached_property
    def _spread_rows(self) -> np.ndarray:
        embedded = np.flatnonzero(self.embedded)
        return embedded[:: max(1, len(embedded) // SPREAD_SAMPLE)]

    @cached_property
    def _spread_vectors(self) -> np.ndarray:
        return self.rows(self._spread_rows)  # float32, 8 MB: for its moments, and a large filter's share of it

    def _library_sample_within(self, within: np.ndarray) -> np.ndarray | None:
        """Which of the library's sample rows are among these (ascending) rows, when enough of them are to
        stand for them (their vectors are already in memory); None when too few are."""
        inside = among(self._spread_rows, within)
        return inside if np.count_nonzero(inside) >= SPREAD_SAMPLE // 4 else None

    def sample_rows(self, within: np.ndarray | None = None) -> np.ndarray:
        """About SPREAD_SAMPLE evenly spaced embedded rows of the library (or of the given ascending rows)."""
        if within is None:
            return self._spread_rows
        inside = self._library_sample_within(within)
        if inside is not None:
            return self._spread_rows[inside]
        spaced = within[:: max(1, len(within) // SPREAD_SAMPLE)]
        return spaced[self.embedded[spaced]]

    @cached_property
    def _spread_moments(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The library sample's mean vector and covariance (None: no photo is embedded). A query's mean and
        spread over the sample are then mean . v and sqrt(v . covariance v): a 512x512 product per query
        instead of scoring the 4,096 sampled rows (8 MB read, 0.8 ms of a million-photo search here)."""
        vectors = self._spread_vectors
        if not len(vectors):
            return None
        mean = vectors.mean(axis=0, dtype=np.float64)
        centred = vectors - mean.astype(np.float32)
        with numpy_blas_on_one_thread():
            covariance = (centred.T @ centred) / np.float32(len(vectors))
        return mean, covariance

    def sample_statistics(self, vector: np.ndarray, within: np.ndarray | None = None) -> tuple[float, float] | None:
        """The mean and standard deviation of a query's cosines with `sample_rows(within)`: the statistics of
        a query over many photos without scoring them all (None: no sampled row)."""
        if within is None:
            if self._spread_moments is None:
                return None
            mean, covariance = self._spread_moments
            vector = np.asarray(vector, dtype=np.float32)
            variance = float(vector @ (covariance @ vector))
            return float(mean @ vector), max(variance, 0.0) ** 0.5
        inside = self._library_sample_within(within)
        # enough of the library's sample among them: its vectors are in memory; too few: read their own sample
        scores = self._library_sample_scores(vector)[inside] if inside is not None else self.exact(vector, self.sample_rows(within))
        return (float(scores.mean()), float(scores.std())) if len(scores) else None

    def _library_sample_scores(self, vector: np.ndarray) -> np.ndarray:
        """The library sample's cosines with a query (read-only), for a filter that holds a fair share of it.
        The last query's are kept: one search may ask twice (its scorer's filter, then its near misses')."""
        key = np.asarray(vector, dtype=np.float32).tobytes()
        last = self._last_sample  # (key, scores): read once, as another thread may replace it meanwhile
        if last is not None and last[0] == key:
            return last[1]
        scores = _exact_cosines(self._spread_vectors, vector)
        scores.flags.writeable = False
        self._last_sample = (key, scores)
        return scores

    def exact(self, vector: np.ndarray, rows) -> np.ndarray:
        """Cosines of some rows with a unit vector from the stored vectors (no kernel), float32 at the top.

        Many rows (a filter's) are scored in the precision timed fastest here for gathered rows; in fp16
        (within about 2e-4), the best GATHERED_RESCORE of them are scored again in float32.
        """
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) <= 4 * GATHERED_RESCORE or not torch_imported() or self._gathered_precision == "fp32":
            return _exact_cosines(self.rows(rows), vector)
        import torch

        query = torch.from_numpy(np.asarray(vector, dtype=np.float32)).to(self._stored.dtype)
        gathered = self._gathered(rows)
        scores = (gathered @ query).float().numpy() if gathered is not None else self._scored_in_chunks(rows, query)
        # in row order: reading the best again from the map costs less than picking them out of the gathered rows
        best = np.sort(top_positions(scores, GATHERED_RESCORE))
        scores[best] = _exact_cosines(self.rows(rows[best]), vector)
        return scores

    def _scored_in_chunks(self, rows: np.ndarray, query) -> np.ndarray:
        """The rows' scores in the stored precision, gathered SCORED_CHUNK rows at a time into a buffer kept for
        the next search (no fresh memory; each chunk is scored while in the CPU's cache)."""
        import torch

        with self._kept_lock:
            buffer = self._chunk_buffers.pop() if self._chunk_buffers else None
        if buffer is None:  # (as many are ever made as searches have scored at once)
            buffer = torch.empty((SCORED_CHUNK, self.embeddings.shape[1]), dtype=self._stored.dtype)
        scores = np.empty(len(rows), dtype=np.float32)
        try:
            for start in range(0, len(rows), SCORED_CHUNK):
                chunk = rows[start : start + SCORED_CHUNK]
                scores[start : start + len(chunk)] = (self._read(chunk, buffer[: len(chunk)]) @ query).float().numpy()
        finally:
            with self._kept_lock:
                self._chunk_buffers.append(buffer)
        return scores

    @cached_property
    def _gathered_precision(self) -> str:
        return choose_gathered_precision(self.embeddings.shape[1])

    @cached_property
    def _stored(self):
        return torch_view(self.embeddings)

    def rows(self, rows) -> np.ndarray:
        """The stored (fp16) embeddings of some rows as float32, in the order asked (read in row order)."""
        if not torch_imported():
            return np.asarray(self.embeddings[np.asarray(rows, dtype=np.int64)], dtype=np.float32)
        # torch converts fp16 several times faster than numpy (which has no vectorised half floats)
        return self._read(rows).float().numpy()

    def _gathered(self, rows: np.ndarray):
        """The stored fp16 rows as a torch tensor (_read), the last few gathered kept (GATHERED_KEPT_BYTES); None the
        first time these rows are asked for (to be scored a chunk at a time: see SCORED_CHUNK)."""
        key = (len(rows), int(rows[0]), int(rows[len(rows) // 2]), int(rows[-1]))
        with self._kept_lock:
            kept = self._kept_gathered.get(key)
            if kept is not None and np.array_equal(kept[0], rows):
                self._kept_gathered.move_to_end(key)
                return kept[1]
            if key not in self._seen_row_sets:  # (rows that only share the key are read apart all the same)
                self._seen_row_sets[key] = None
                while len(self._seen_row_sets) > SEEN_ROW_SETS:
                    self._seen_row_sets.popitem(last=False)
                return None
        gathered = self._read(rows)
        if gathered.untyped_storage().data_ptr() == self._stored.untyped_storage().data_ptr() or gathered.nbytes > GATHERED_KEPT_BYTES:
            return gathered  # a run of the map itself (nothing was copied), or too large to keep
        with self._kept_lock:
            self._kept_gathered[key] = (rows.copy(), gathered)
            while sum(tensor.nbytes for _, tensor in self._kept_gathered.values()) > GATHERED_KEPT_BYTES:
                self._kept_gathered.popitem(last=False)
        return gathered

    def _read(self, rows, out=None):
        """The stored fp16 rows as a torch tensor, in the order asked (read in row order); into `out` (a tensor
        of as many rows) when they are ascending and not one run (a run is a slice of the map itself).

        Of a file larger than RESIDENT_BYTES that the kernel does not score in place, the pages read are let
        go once RESIDENT_BYTES may have been read, so a large file never becomes resident.
        """
        import torch

        rows = np.asarray(rows, dtype=np.int64)
        steps = np.diff(rows)
        if len(rows) > 1 and rows[-1] - rows[0] + 1 == len(rows) and (steps == 1).all():
            vectors = self._stored[rows[0] : rows[-1] + 1]  # a run (a time window): a slice, no gather
        elif (steps >= 0).all():  # a pool or a filter's rows: already in row order, nothing to put back
            vectors = torch.index_select(self._stored, 0, torch.from_numpy(rows), out=out)
        else:
            order = torch.from_numpy(np.argsort(rows, kind="stable"))
            vectors = torch.empty((len(rows), self.embeddings.shape[1]), dtype=self._stored.dtype)
            vectors[order] = self._stored.index_select(0, torch.from_numpy(rows)[order])
        in_place = "kernel" in self.__dict__ and not self.kernel.copied  # (asking must not build one)
        if not in_place and not self._kept_whole:
            self._bytes_read += len(rows) * max(self.embeddings.strides[0], _PAGE)
            if self._bytes_read > RESIDENT_BYTES:
                _release_pages(self.embeddings)
                self._bytes_read = 0
        return vectors

    def similarity(self, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Cosine of every (or the given) photo with a unit vector.

        An approximate kernel's best EXACT_RESCORE candidates are scored again in float32 from the stored
        vectors, so the ranking at the top is exact while the rest only feeds the score statistics.
        """
        vector = np.asarray(vector, dtype=np.float32)
        if rows is not None and len(rows) * GATHER_SHARE > len(self.embeddings):
            scores = self.kernel.scores(vector)[rows]  # gathering most of the matrix costs more than scoring it all
        else:
            scores = self.kernel.scores(vector, rows)
        if self.kernel.exact:
            return scores
        best = top_positions(scores, EXACT_RESCORE) if len(scores) > EXACT_RESCORE else np.arange(len(scores))
        scores[best] = self.exact(vector, best if rows is None else np.asarray(rows)[best])
        return scores


def _map_every_page(array: np.memmap | None, index: VectorIndex | None) -> None:
    """Read a byte of every page of a memory map (and of the index's lists), so that later reads of scattered
    rows find them mapped."""
    if array is not None:
        np.asarray(array).reshape(-1).view(np.uint8)[::_PAGE].max()
    if index is not None:
        index.map_lists()


def among(rows: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Which of the rows are among the allowed ones (ascending), without a mask as long as the library."""
    if not len(allowed):
        return np.zeros(len(rows), dtype=bool)
    at = np.minimum(np.searchsorted(allowed, rows), len(allowed) - 1)
    return allowed[at] == rows


def _exact_cosines(vectors: np.ndarray, vector: np.ndarray) -> np.ndarray:
    if not torch_imported():
        with numpy_blas_on_one_thread():
            return vectors @ np.asarray(vector, dtype=np.float32)
    import torch

    # torch, not numpy: numpy's BLAS threads would spin against torch's on a small machine
    return (torch.from_numpy(vectors) @ torch.from_numpy(np.asarray(vector, dtype=np.float32))).numpy()


_per_library: weakref.WeakKeyDictionary[Library, StoredVectors] = weakref.WeakKeyDictionary()


_per_library_lock = threading.Lock()


def stored_vectors(library: Library, kernel: str | None = None) -> StoredVectors | None:
    """The owner of the library's CLIP vectors for scoring (one per loaded library), or None when it has none.

    kernel: score with this one (benchmarks, tests) rather than the one timed fastest on this machine.
    """
    if library.embeddings is None:
        return None
    with _per_library_lock:
        vectors = _per_library.get(library)
        if vectors is None or (kernel is not None and kernel != vectors.kernel_name):
            vectors = _per_library[library] = StoredVectors(library.embeddings, library.embedded, kernel)
        return vectors


def vector_index(library: Library):
    """The library's approximate vector index (`VectorIndex`: candidates(query, k, rows)), or None when it
    is small enough to score exactly."""
    return getattr(library, "vector_index", None)


def prepare_scoring(library: Library, kernel: str | None = None) -> threading.Thread | None:
    """Choose and build the library's scoring kernel now: call it when a library is loaded for searching.
    With a vector index there is no kernel (its memory is what the index saves): only the spread sample.
    Returns the thread that maps a file kept resident whole, still running (None: no such file)."""
    vectors = stored_vectors(library, kernel)
    if vectors is None:
        return None
    index = vector_index(library)
    return vectors.prepare(kernel=index is None, index=index if isinstance(index, VectorIndex) else None)


def similarity(library: Library, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Cosine of every (or the given) library photo with a unit vector; exact at the top of the ranking.

    With a vector index, callers ask only about pools, which are scored exactly (all rows would be read).
    """
    if vector_index(library) is not None:
        return stored_vectors(library).exact(vector, np.arange(len(library)) if rows is None else rows)
    return stored_vectors(library).similarity(vector, rows)


def top_positions(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best scores, best first; ties keep time order.

    Over many scores, a threshold read off an evenly spaced sample first narrows them to a few more than k
    with one comparison pass, which is several times cheaper than partitioning them all.
    """
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    step = len(scores) // _THRESHOLD_SAMPLE
    if step > 1 and k * 4 <= _THRESHOLD_SAMPLE:
        sample = scores[::step]
        rank = min(len(sample) - 1, 2 * k // step + 16)  # enough of a margin that rarely fewer than k pass
        threshold = np.partition(sample, len(sample) - 1 - rank)[len(sample) - 1 - rank]
        passing = np.flatnonzero(scores >= threshold)
        if len(passing) >= k:
            best = passing[np.argpartition(-scores[passing], k - 1)[:k]]
            return best[np.lexsort((best, -scores[best]))]
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]
