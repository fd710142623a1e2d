"""Ways to score every stored CLIP vector against a query, and the choice of the fastest on this machine.

Which kernel is fastest depends on the CPU in ways its flags do not tell (an AMD EPYC with avx512_bf16
but no AMX runs a bf16 mat-vec 2.5x slower than fp16), so the candidates are timed once per machine on
a small random sample, by the CPU time one thread uses (which a busy machine does not distort), and the
winner is remembered in the user's cache folder (see `assistant.machine`).
A kernel that is not exact only picks candidates: `StoredVectors.similarity` rescores the best of them
exactly from the stored fp16 vectors.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Callable, Protocol

import numpy as np

from ..core import machine
from ..core.machine import best_thread_ms, machine_key, one_thread, timed_choice

SAMPLE_ROWS = 32_768  # the timing sample: large enough to leave the CPU caches, small enough for a few ms a run
TIMED_ROUNDS = 7
CONVERT_ROWS = 65_536  # rows converted at a time when a kernel copies the store: bounded scratch memory
# A kernel that copies the store into memory must be at least this much faster than reading the fp16 map.
COPY_WORTH_IT = 0.9
# fp16 scores of gathered rows need their best rescored in float32: worth it only when this much faster.
HALF_WORTH_IT = 0.8


class Kernel(Protocol):
    name: str
    exact: bool  # scores are float32 dot products of the stored vectors: nothing to rescore
    copied: bool  # holds its own copy of the vectors, so the file's pages need not stay resident

    def scores(self, query: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Dot products of every (or the given) stored vector with a float32 query, as float32."""


def torch_view(array: np.ndarray):
    """A torch view of a read-only memory map, without a copy."""
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # read-only map: we never write through it
        return torch.from_numpy(np.asarray(array))


def _in_chunks(stored: np.ndarray, convert: Callable[[int, np.ndarray], None]) -> None:
    """Hand the stored rows to convert(first row, float32 block) a block at a time."""
    for start in range(0, len(stored), CONVERT_ROWS):
        convert(start, np.asarray(stored[start : start + CONVERT_ROWS], dtype=np.float32))


class NumpyKernel:
    """numpy fp32 over an in-memory copy (exact; twice the memory of the fp16 file)."""

    name, exact, copied = "numpy-fp32", True, True

    def __init__(self, stored: np.ndarray):
        self.matrix = np.empty(stored.shape, dtype=np.float32)
        _in_chunks(stored, lambda start, block: self.matrix.__setitem__(slice(start, start + len(block)), block))

    def scores(self, query, rows=None):
        matrix = self.matrix if rows is None else self.matrix[rows]
        return matrix @ np.asarray(query, dtype=np.float32)


class TorchKernel:
    """A torch mat-vec in one precision: fp16 reads the memory map itself, other precisions an in-memory copy."""

    def __init__(self, stored: np.ndarray, precision: str):
        import torch

        dtype = {"fp16": torch.float16, "bf16": torch.bfloat16, "fp32": torch.float32}[precision]
        self.name, self.exact = f"torch-{precision}", precision == "fp32"
        self.copied = not (precision == "fp16" and stored.dtype == np.float16)
        if not self.copied:
            self.matrix = torch_view(stored)
        else:
            self.matrix = torch.empty(stored.shape, dtype=dtype)
            _in_chunks(stored, lambda start, block: self.matrix[start : start + len(block)].copy_(torch.from_numpy(block)))

    def scores(self, query, rows=None):
        return cosines(self.matrix, query, rows)


def cosines(matrix, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """One torch matrix-vector product in the matrix's own precision (of all rows, or of the given ones), as float32."""
    import torch

    query = torch.from_numpy(np.asarray(vector, dtype=np.float32)).to(matrix.dtype)
    if rows is not None:
        matrix = matrix.index_select(0, torch.from_numpy(np.asarray(rows, dtype=np.int64)))
    return (matrix @ query).float().numpy()


def torch_imported() -> bool:
    """Whether torch is imported in this process already (a warm app, a CLIP on torch). Without it stored vectors
    are scored in numpy: a cold `lifelog ask` or `lifelog search` would pay seconds to import torch for
    milliseconds of arithmetic."""
    return "torch" in sys.modules


def stored_cosines(stored: np.ndarray, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Cosines of stored fp16 rows (all, or the given ones) with a unit vector, as float32: by torch in fp16 when
    torch is imported already (several times faster); else by numpy in float32, a block at a time."""
    if torch_imported():
        return cosines(torch_view(stored), vector, rows)
    return numpy_cosines(stored, vector, rows)


def numpy_cosines(stored: np.ndarray, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Cosines of stored fp16 rows (all, or the given ones) with a unit vector, in numpy float32."""
    vector = np.asarray(vector, dtype=np.float32)
    with machine.numpy_blas_on_one_thread():
        if rows is not None:
            return np.asarray(stored[np.asarray(rows, dtype=np.int64)], dtype=np.float32) @ vector
        scores = np.empty(len(stored), dtype=np.float32)

        def score(start: int, block: np.ndarray) -> None:
            scores[start : start + len(block)] = block @ vector

        _in_chunks(stored, score)
        return scores


class NumpyBlocksKernel:
    """numpy float32 over the fp16 file in place, a block at a time (exact, no copy): the kernel of a process without
    torch (see torch_imported), which would spend longer importing torch than it saves."""

    name, exact, copied = "numpy-fp32-blocks", True, False

    def __init__(self, stored: np.ndarray):
        self.stored = stored

    def scores(self, query, rows=None):
        return numpy_cosines(self.stored, query, rows)


def _int8_rows(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per-row int8: each row scaled so its largest component is ±127 (unit vectors lose ~3 digits)."""
    scale = np.maximum(np.abs(block).max(axis=1), 1e-12) / 127
    return np.round(block / scale[:, None]).astype(np.int8), scale.astype(np.float32)


class Int8Kernel:
    """Per-row int8 weights with a bf16 query (torch's weight-only int8 mat-mul): half the bytes of fp16."""

    name, exact, copied = "torch-int8", False, True

    def __init__(self, stored: np.ndarray):
        import torch

        self.weights = torch.empty(stored.shape, dtype=torch.int8)
        self.scale = torch.empty(len(stored), dtype=torch.float32)

        def convert(start, block):
            weights, scale = _int8_rows(block)
            self.weights[start : start + len(block)] = torch.from_numpy(weights)
            self.scale[start : start + len(block)] = torch.from_numpy(scale)

        _in_chunks(stored, convert)
        self.scale = self.scale.to(torch.bfloat16)

    def scores(self, query, rows=None):
        import torch

        weights, scale = self.weights, self.scale
        if rows is not None:
            index = torch.from_numpy(np.asarray(rows, dtype=np.int64))
            weights, scale = weights.index_select(0, index), scale.index_select(0, index)
        vector = torch.from_numpy(np.asarray(query, dtype=np.float32)).to(torch.bfloat16)[None]
        return torch._weight_int8pack_mm(vector, weights, scale)[0].float().numpy()


KERNELS: dict[str, Callable[[np.ndarray], Kernel]] = {
    "torch-fp16": lambda stored: TorchKernel(stored, "fp16"),
    "torch-bf16": lambda stored: TorchKernel(stored, "bf16"),
    "torch-fp32": lambda stored: TorchKernel(stored, "fp32"),
    "numpy-fp32": NumpyKernel,
    "torch-int8": Int8Kernel,
}
DEFAULT_KERNEL = "torch-fp16"  # reads the fp16 file in place: no copy, and exact enough to rescore from


def _stored_sample(rows: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    """Random unit vectors stored as a library stores them (fp16), to time kernels on."""
    sample = rng.standard_normal((rows, dim), dtype=np.float32)
    return (sample / np.linalg.norm(sample, axis=1, keepdims=True)).astype(np.float16)


def time_kernels(dim: int, rows: int = SAMPLE_ROWS) -> dict[str, float]:
    """CPU milliseconds per query of each kernel that works here, on one thread, on random unit vectors.

    The CPU time of one thread, not wall time (see `machine.best_thread_ms`): the kernels all spread over
    cores alike, so one thread ranks them as all the cores would.
    """
    sample = _stored_sample(rows, dim, np.random.default_rng(0))
    query = sample[0].astype(np.float32)
    with one_thread() as numpy_on_one_thread:
        kernels = {}
        for name, build in KERNELS.items():
            if name.startswith("numpy") and not numpy_on_one_thread:
                continue
            try:
                kernels[name] = build(sample)
                kernels[name].scores(query)  # warm-up
            except Exception:  # noqa: BLE001 (an op this torch build lacks is simply not a candidate)
                kernels.pop(name, None)
        return best_thread_ms({name: lambda kernel=kernel: kernel.scores(query) for name, kernel in kernels.items()}, TIMED_ROUNDS)


def fastest(timings: dict[str, float]) -> str:
    """The fastest kernel; one that copies the store must beat reading the fp16 map by a margin."""
    if not timings:
        return DEFAULT_KERNEL
    best = min(timings, key=timings.get)
    if DEFAULT_KERNEL in timings and timings[best] > COPY_WORTH_IT * timings[DEFAULT_KERNEL]:
        return DEFAULT_KERNEL
    return best


def time_gathered(dim: int, rows: int = SAMPLE_ROWS // 2) -> dict[str, float]:
    """CPU milliseconds of one thread to score scattered stored rows: in fp16 as stored, and converted to fp32."""
    import torch

    rng = np.random.default_rng(0)
    stored = torch.from_numpy(_stored_sample(2 * SAMPLE_ROWS, dim, rng))
    picked = torch.from_numpy(np.sort(rng.choice(len(stored), rows, replace=False)))
    query = stored[0].float()
    work = {
        "fp32": lambda: (stored.index_select(0, picked).float() @ query).numpy(),
        "fp16": lambda: (stored.index_select(0, picked) @ query.half()).float().numpy(),
    }
    with one_thread():
        try:
            work["fp16"]()
        except RuntimeError:  # a torch build without half mat-vec on the CPU
            work.pop("fp16")
        work["fp32"]()
        return best_thread_ms(work, TIMED_ROUNDS)


def choose_gathered_precision(dim: int, choice_file: Path | None = None) -> str:
    """fp16 or fp32: which scores many gathered stored rows faster on this machine (timed once, remembered)."""

    def choose() -> tuple[str, dict]:
        timings = time_gathered(dim)
        return ("fp16" if timings.get("fp16", float("inf")) < HALF_WORTH_IT * timings["fp32"] else "fp32"), timings

    return timed_choice(choice_file or machine.choice_file("vector_kernel.json"), machine_key(f"{dim}-d gathered rows"), choose, {"fp16", "fp32"}.__contains__)


def choose_kernel(dim: int, choice_file: Path | None = None) -> str:
    """This machine's fastest kernel for dim-wide vectors: remembered, or timed now (once) and remembered."""

    def choose() -> tuple[str, dict]:
        timings = time_kernels(dim)
        return fastest(timings), timings

    return timed_choice(choice_file or machine.choice_file("vector_kernel.json"), machine_key(f"{dim}-d"), choose, KERNELS.__contains__)
