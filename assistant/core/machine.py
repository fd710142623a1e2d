"""What this machine is, and choices timed on it once and remembered.

Which kernel or precision is fastest depends on the CPU in ways its flags do not tell (an AMD EPYC with
avx512_bf16 but no AMX runs a bf16 mat-vec 2.5x slower than fp16), so choices are timed, on one thread by
the CPU time it uses (which a busy machine does not distort), and remembered in the user's cache folder,
keyed by what the timing depends on.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import platform
import threading
import time
from contextlib import contextmanager, nullcontext
from functools import cache
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
import platformdirs

from .files import write_atomically

CHOICE_FILE_VERSION = 1


def cpu_model() -> str:
    """The CPU's model name as the system reports it (lscpu's "Model name")."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def machine_key(what: str) -> str:
    """What a timing depends on: the CPU model, how many cores we may use, the library versions, and what was timed."""
    import torch

    return f"{cpu_model()} | {usable_cores()} cores | torch {torch.__version__} | numpy {np.__version__} | {what}"


@contextmanager
def one_thread() -> Iterator[bool]:
    """torch and numpy's BLAS on the calling thread only, for as long as a timing takes.

    Yields whether numpy's BLAS could be limited too (without threadpoolctl it keeps its own threads,
    which `time.thread_time` does not see).
    """
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        threadpool_limits = None
    try:
        with threadpool_limits(1) if threadpool_limits else nullcontext():
            yield threadpool_limits is not None
    finally:
        torch.set_num_threads(threads)


_blas_lock = threading.Lock()
_blas_holders = 0
_blas_limit = None  # threadpoolctl's limiter while some block holds numpy's BLAS to one thread


@cache
def _blas_controller():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def numpy_blas_on_one_thread() -> Iterator[None]:
    """numpy's BLAS on one thread while the block runs (for the whole process: BLAS has one setting).

    A query's products are small (a sentence's few tokens through a small transformer, cosines with some thousands of
    stored rows), yet OpenBLAS splits them over its threads, which on a busy 2-core machine wait for each other a
    time slice at a time: one question's vector took 0.5-1.3 s of CPU with two threads, 13 ms with one. Blocks that
    overlap (nested, or on several threads) share the limit, lifted when the last one ends.
    """
    global _blas_holders, _blas_limit
    with _blas_lock:
        if _blas_holders == 0:
            _blas_limit = _blas_controller().limit(limits=1, user_api="blas")
        _blas_holders += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_holders -= 1
            if _blas_holders == 0:
                _blas_limit.restore_original_limits()


def best_thread_ms(work: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The fewest CPU milliseconds of this thread each piece of work took, taking turns round after round.

    CPU time, not wall time: on a busy machine the wall clock mostly measures the neighbours (how long we
    wait for a core, and threads spinning while their partner waits), while the work done is the same.
    """
    timings = {name: float("inf") for name in work}
    for _ in range(rounds):
        for name, run in work.items():
            began = time.thread_time()
            run()
            timings[name] = min(timings[name], (time.thread_time() - began) * 1000)
    return {name: round(ms, 3) for name, ms in timings.items()}


def cache_file(name: str) -> Path:
    """A file in the user's cache folder: what is slow to compute and safe to lose."""
    return Path(platformdirs.user_cache_dir("lifelog-assistant", appauthor=False)) / name


def choice_file(name: str) -> Path:
    """Where the choices timed on this machine are remembered (the user's cache folder)."""
    return cache_file(name)


def timed_choice(file: Path, key: str, choose: Callable[[], tuple[str, dict]], valid: Callable[[str], bool]) -> str:
    """The choice remembered in file under key, or choose() now (once) and remember it with its timings.

    choose() returns (the choice, its timings); a remembered choice that valid() rejects is made again.
    """
    try:
        remembered = json.loads(file.read_text())
        if remembered.get("version") != CHOICE_FILE_VERSION:
            remembered = {}
    except (OSError, ValueError):
        remembered = {}
    machines = remembered.get("machines", {})
    known = machines.get(key)
    if known is not None and valid(known.get("choice", "")):
        return known["choice"]
    choice, timings = choose()
    machines[key] = {"choice": choice, "timings_ms": timings, "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": CHOICE_FILE_VERSION, "machines": machines}, indent=1)
        write_atomically(file, lambda path: path.write_text(text))
    except OSError:
        pass  # a read-only cache folder: time again next time
    return choice


def kept_in_cache(name: str, build):
    """build()'s result, pickled in the user's cache folder under `name` (which must change whenever what it holds
    would), so that a fresh process loads in a fraction of a second what takes seconds to build."""
    cached = cache_file(name)
    try:
        with cached.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # not built yet, or written by other code: build it
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError):  # a read-only cache folder: build again next time
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cached, lambda tmp: tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    return value
