"""Building a large library's approximate vector index (faiss IVF) as part of its generation.

Below BUILD_FROM embedded photos search scores every row exactly, which is as fast and exact. Above it,
an inverted file (IVF) over the embedded rows, faiss ids = row numbers, narrows each query to a pool
that search then rescores exactly from the fp16 embeddings. The codes in the lists are 8-bit scalars
(512 bytes a photo): 4-bit product codes (64 bytes) lost a fifth of the exact top 100 of ten million
lifelog-shaped photos even with every list probed and 20 candidates per result. The file is memory-mapped
when read, so only the lists a query probes become resident.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from ..core.files import write_atomically
from ..core.progress import Progress

# Measured on 2 AMD EPYC cores (see the ann-index report in the README): exact fp16 scoring of 200,000
# rows costs ~15 ms, an IVF search plus exact rescoring ~2-3 ms; below this the index is not worth its build.
BUILD_FROM = 200_000
CHOICES = ("auto", "always", "never")
_ADD_CHUNK = 65_536
_TRAIN_PER_LIST = 40  # k-means points per list: faiss' own floor is 39
# Candidates per result wanted, rescored exactly: as many as search's pool takes (search.candidates), so the
# recall check below measures what search gets. 8-bit codes order them well enough that 4 per result held
# 0.99 of 100 queries' top 100, but a few queries lose much more with 4 than with 20.
CANDIDATES_PER_RESULT = 20
# The build checks its own recall on sample queries and probes more lists until it is this high, a margin
# over the 0.98 promised: vectors less clustered than a lifelog's (uniform random at worst) need many more.
CALIBRATION_RECALL = 0.99
# An index that must probe this share of its lists to be right is no faster than scoring every row exactly.
USELESS_PROBE_SHARE = 0.25
# A few queries' top 100 lie in lists far down their ranking (a list whose centre sits between scenes); 100
# queries met 0.99 at probes where another 200 met 0.982, so the check asks 300.
_CALIBRATION_QUERIES = 300
_EXACT_CHUNK = 262_144


@dataclass(frozen=True)
class IndexPlan:
    """What to build for a library of `rows` embedded photos, and how to search it."""

    factory: str  # faiss index_factory string, e.g. "IVF4096,SQ8"
    nlist: int
    nprobe: int  # lists probed per query: the plan's guess, then what the build's recall check found
    oversample: int  # candidates returned per result wanted, rescored exactly by the caller


def wants_index(embedded_rows: int, choice: str) -> bool:
    """Does a library of this many embedded photos get an index? choice: auto, always or never."""
    if choice not in CHOICES:
        raise ValueError(f"vector index choice {choice!r}: pass one of {', '.join(CHOICES)}")
    return embedded_rows > 0 and (choice == "always" or (choice == "auto" and embedded_rows >= BUILD_FROM))


def plan_for(rows: int, dim: int) -> IndexPlan:
    """About 4·sqrt(rows) lists (a power of two, at most 4096 so k-means trains in minutes on 2 cores, and
    at most rows/40 so it can train at all), candidates per result (measured on lifelog-shaped vectors), and
    probes to start the build's recall check from.

    The lists' centres are searched exactly (a flat quantizer), while adding as when searching: an HNSW graph
    over the centres put a third of ten million lifelog-shaped photos in lists other than their nearest (one
    list got 918,000), so a text query's exact top 100, all in its nearest list or two, was scattered over
    thousands. Exact assignment is one matrix product per chunk added (~2 s per 65,536 rows at 4,096 lists).
    """
    nlist = 2 ** round(math.log2(max(4 * math.sqrt(rows), 1)))
    nlist = int(max(min(nlist, 4096, rows // _TRAIN_PER_LIST), 1))
    return IndexPlan(f"IVF{nlist},SQ8", nlist, nprobe=min(nlist, 32), oversample=CANDIDATES_PER_RESULT)


def index_saver(vectors: np.ndarray, embedded: np.ndarray, progress: Progress | None, *, forced: bool = False) -> Callable[[Path], dict | None]:
    """save(path) for store.commit_generation: train on a sample, add the embedded rows in chunks with
    progress, check its recall, write atomically; returns the facts the manifest records, or None (nothing
    written) when the vectors are so unclustered that exact scoring is as fast, unless the index is forced."""

    def save(path: Path) -> dict | None:
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
            report(0, 1, "checking the vector index's recall")
            plan = replace(plan, nprobe=calibrated_nprobe(index, vectors, rows, plan))
        finally:
            faiss.omp_set_num_threads(threads)
        if plan.nprobe > USELESS_PROBE_SHARE * plan.nlist and not forced:
            return None
        write_atomically(path, lambda tmp: _write_index(index, tmp))
        return {"rows": len(rows), "dim": dim, **asdict(plan), "build_s": round(time.perf_counter() - began, 1)}

    return save


def _write_index(index, path: Path) -> None:
    """faiss.write_index through a Python file: a full disk is an OSError (ENOSPC) that says so, not faiss's RuntimeError."""
    import faiss

    with open(path, "wb") as handle:
        faiss.write_index(index, faiss.PyCallbackIOWriter(handle.write))


def calibrated_nprobe(index, vectors: np.ndarray, rows: np.ndarray, plan: IndexPlan) -> int:
    """The fewest probes (from a quarter of the plan's, half as many again each step, as every probe costs
    scanning time) at which the candidates, rescored exactly, hold CALIBRATION_RECALL of the exact top k of
    sample text-like queries."""
    import faiss

    k = min(100, max(1, len(rows) // 10))
    queries = text_like_queries(vectors, rows, min(_CALIBRATION_QUERIES, len(rows)), np.random.default_rng(1))
    truth = exact_top(vectors, queries, k, rows)
    nprobe = max(1, plan.nprobe // 4)
    while True:
        _, found = index.search(queries, k * plan.oversample, params=faiss.SearchParametersIVF(nprobe=nprobe))
        hits = 0
        for query, candidates, expected in zip(queries, found, truth):
            candidates = np.sort(candidates[candidates >= 0])
            scores = np.asarray(vectors[candidates], dtype=np.float32) @ query
            hits += len(np.intersect1d(candidates[np.argsort(-scores)[:k]], expected))
        if hits >= CALIBRATION_RECALL * k * len(queries) or nprobe >= plan.nlist:
            return nprobe
        nprobe = min(plan.nlist, max(nprobe + 1, round(1.5 * nprobe)))


def text_like_queries(vectors: np.ndarray, rows: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """Queries as CLIP's text encoder gives them: towards a stored photo (one of `rows`) at a text-to-image
    cosine of 0.2-0.35, the rest noise orthogonal to it (float32, unit rows)."""
    targets = _unit(np.asarray(vectors[np.sort(rng.choice(rows, count, replace=False))], dtype=np.float32))
    noise = rng.standard_normal(targets.shape, dtype=np.float32)
    noise = _unit(noise - np.sum(noise * targets, axis=1, keepdims=True) * targets)
    cosine = rng.uniform(0.2, 0.35, (count, 1)).astype(np.float32)
    return _unit(cosine * targets + np.sqrt(1 - cosine**2) * noise)


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int, rows: np.ndarray | None = None) -> np.ndarray:
    """The exact float32 top k rows (among sorted `rows`, or all) of each query, (queries, k), unordered;
    scored a chunk of rows at a time, so ten million stored vectors never become one float32 copy."""
    rows = np.arange(len(vectors)) if rows is None else rows
    best_rows = np.empty((len(queries), 0), dtype=np.int64)
    best_scores = np.empty((len(queries), 0), dtype=np.float32)
    for start in range(0, len(rows), _EXACT_CHUNK):
        chunk = rows[start : start + _EXACT_CHUNK]
        contiguous = chunk[-1] - chunk[0] + 1 == len(chunk)
        block = np.asarray(vectors[chunk[0] : chunk[-1] + 1] if contiguous else vectors[chunk], dtype=np.float32)
        scores = np.concatenate([best_scores, queries @ block.T], axis=1)
        candidates = np.concatenate([best_rows, np.broadcast_to(chunk, (len(queries), len(chunk)))], axis=1)
        keep = np.argpartition(-scores, min(k, scores.shape[1]) - 1, axis=1)[:, :k]
        best_scores, best_rows = np.take_along_axis(scores, keep, 1), np.take_along_axis(candidates, keep, 1)
    return best_rows


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)
