"""Building a large library's approximate vector index (faiss IVF) as part of its generation.

Below BUILD_FROM embedded photos search scores every row exactly, which is as fast and exact. Above it,
an inverted file (IVF) over the embedded rows, faiss ids = row numbers, narrows each query to a pool
that search then rescores exactly from the fp16 embeddings. The codes in the lists are 8-bit scalars up
to SQ8_UP_TO rows (512 bytes a photo) and 4-bit fast-scan product codes above (64 bytes a photo), so
ten million photos fit in 640 MB.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

from ..files import write_atomically

if TYPE_CHECKING:
    from .commit import Progress

# Measured on 2 AMD EPYC cores (see the ann-index report in the README): exact fp16 scoring of 200,000
# rows costs ~15 ms, an IVF search plus exact rescoring ~2-3 ms; below this the index is not worth its build.
BUILD_FROM = 200_000
SQ8_UP_TO = 2_000_000
CHOICES = ("auto", "always", "never")
_ADD_CHUNK = 65_536
_TRAIN_PER_LIST = 40  # k-means points per list: faiss' own floor is 39


@dataclass(frozen=True)
class IndexPlan:
    """What to build for a library of `rows` embedded photos, and how to search it."""

    factory: str  # faiss index_factory string, e.g. "IVF4096,SQ8"
    nlist: int
    nprobe: int
    oversample: int  # candidates returned per result wanted, rescored exactly by the caller


def wants_index(embedded_rows: int, choice: str) -> bool:
    """Does a library of this many embedded photos get an index? choice: auto, always or never."""
    if choice not in CHOICES:
        raise ValueError(f"vector index choice {choice!r}: pass one of {', '.join(CHOICES)}")
    return embedded_rows > 0 and (choice == "always" or (choice == "auto" and embedded_rows >= BUILD_FROM))


def plan_for(rows: int, dim: int) -> IndexPlan:
    """About 4·sqrt(rows) lists (a power of two, at most 4096 so k-means trains in minutes on 2 cores, and
    at most rows/40 so it can train at all), and enough probes and candidates for recall@100 >= 0.98 after
    exact rescoring (measured on lifelog-shaped vectors)."""
    nlist = 2 ** round(math.log2(max(4 * math.sqrt(rows), 1)))
    nlist = int(max(min(nlist, 4096, rows // _TRAIN_PER_LIST), 1))
    if rows <= SQ8_UP_TO:
        return IndexPlan(f"IVF{nlist},SQ8", nlist, nprobe=min(nlist, 32), oversample=4)
    # Past a few million rows a flat coarse quantizer makes adding every photo too slow (each is compared
    # with every list's centre); a small HNSW graph over the centres finds the nearest list instead.
    # 4-bit codes of 4 dimensions each (128 bytes a 512-d photo would be 1.3 GB at 10M; these are 64): at
    # 200k lifelog photos, 20 candidates per result rescored exactly keep recall@100 at 0.99.
    return IndexPlan(f"IVF{nlist}_HNSW32,PQ{dim // 4}x4fs", nlist, nprobe=min(nlist, 16), oversample=20)


def index_saver(vectors: np.ndarray, embedded: np.ndarray, progress: Progress | None) -> Callable[[Path], dict]:
    """save(path) for store.commit_generation: train on a sample, add the embedded rows in chunks with
    progress, write atomically; returns the facts the manifest records."""

    def save(path: Path) -> dict:
        import faiss

        report = progress or (lambda done, total, what: None)
        began = time.perf_counter()
        rows = np.flatnonzero(embedded).astype(np.int64)  # rows never embedded hold zeros: not in the index
        dim = int(vectors.shape[1])
        plan = plan_for(len(rows), dim)
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(len(os.sched_getaffinity(0)))  # the build uses every core this process may
        try:
            index = faiss.index_factory(dim, plan.factory, faiss.METRIC_INNER_PRODUCT)
            sample = np.sort(np.random.default_rng(0).choice(rows, min(len(rows), plan.nlist * _TRAIN_PER_LIST), replace=False))
            report(0, len(rows), "training the vector index")
            index.train(np.asarray(vectors[sample], dtype=np.float32))
            for start in range(0, len(rows), _ADD_CHUNK):
                chunk = rows[start : start + _ADD_CHUNK]
                index.add_with_ids(np.asarray(vectors[chunk], dtype=np.float32), chunk)
                report(start + len(chunk), len(rows), "building the vector index")
        finally:
            faiss.omp_set_num_threads(threads)
        write_atomically(path, lambda tmp: faiss.write_index(index, str(tmp)))
        return {"rows": len(rows), "dim": dim, **asdict(plan), "build_s": round(time.perf_counter() - began, 1)}

    return save
