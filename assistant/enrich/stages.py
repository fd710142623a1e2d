"""Running the per-photo enrichment stages beside embedding: a background thread works through each
stage's unfinished photos and saves them in shards as it goes, so an interrupted run resumes exactly.

OCR runs in worker processes (each with a single-threaded engine), so it spreads over as many cores
as it is given while the main thread embeds; detection and captioning run torch models in the thread.
"""

from __future__ import annotations

import contextvars
import functools
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator, Protocol, Sequence

import pandas as pd

from ..core.progress import Progress
from . import shards
from .ocr import TextReader, _start_worker, read_file, read_file_in_worker

SHARD_EVERY = 64  # photos; also at least every SHARD_SECONDS
SHARD_SECONDS = 60.0


class PhotoStage(Protocol):
    """One per-photo step: its shard folder name, its progress label, and results for a list of files."""

    name: str
    what: str

    def wants(self, path: str) -> bool: ...

    def results(self, paths: Sequence[str], stop: threading.Event) -> Iterator[tuple[int, dict | str]]:
        """Yield (position in paths, stored row or the reason the photo failed), in any order."""
        ...

    def loader(self) -> Callable[[], "PhotoStage"]:
        """A picklable recipe that loads this stage again, models and settings alike, in another process
        (a cluster's worker), which then works through its photos in its own thread."""
        ...


def default_ocr_workers() -> int:
    """Half the cores (the other half embeds), at least one."""
    return max(1, (os.cpu_count() or 2) // 2)


class OcrStage:
    """Text in photos, read by `workers` spawned processes (0: in the calling thread)."""

    name, what = "ocr", "reading text in photos (OCR)"

    def __init__(self, workers: int | None = None):
        self.workers = default_ocr_workers() if workers is None else max(0, int(workers))
        # Load an engine here either way: a missing rapidocr fails now, before any photo is read.
        self._reader = TextReader(threads=1)

    def wants(self, path: str) -> bool:
        return True

    def loader(self):
        return functools.partial(OcrStage, 0)  # a cluster's worker is one CPU: it reads in its own thread

    def results(self, paths, stop):
        if self.workers == 0:  # in this thread
            for position, path in enumerate(paths):
                if stop.is_set():
                    return
                yield position, read_file(self._reader, path)
            return
        # spawn, not fork: the parent holds torch's thread pools, which a forked child must not inherit.
        with ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"), initializer=_start_worker, initargs=(1,)) as pool:
            window: deque[tuple[int, Future]] = deque()
            queue = iter(enumerate(paths))
            try:
                while True:
                    while len(window) < self.workers * 4 and not stop.is_set():
                        item = next(queue, None)
                        if item is None:
                            break
                        window.append((item[0], pool.submit(read_file_in_worker, item[1])))
                    if not window:
                        return
                    position, future = window.popleft()
                    try:
                        result = future.result()
                    except BrokenProcessPool as error:
                        raise RuntimeError(
                            "an OCR worker process died (killed, out of memory, or started by a script without an "
                            "`if __name__ == \"__main__\":` guard: workers are spawned and import the script); the "
                            "photos read so far are saved. Run again, or pass --ocr-workers 0 (ocr_workers=0 from Python) to read in a thread"
                        ) from error
                    yield position, result
            finally:
                for _, future in window:
                    future.cancel()


@dataclass
class StageReport:
    name: str
    done: int = 0  # photos finished by this run
    already: int = 0  # photos finished by earlier runs
    failed: list[str] = field(default_factory=list)
    problem: str = ""  # why the whole step stopped early (a dead OCR worker, a detector out of memory)

    def summary(self) -> str:
        line = f"{self.name}: {self.done} photos done now, {self.already} done before"
        if self.failed:
            line += f"; {len(self.failed)} failed (retried next run), e.g. {self.failed[0]}"
        if self.problem:
            line += f"; stopped: {self.problem}"
        return line


def run_stage(library: Path, stage: PhotoStage, files: Sequence[tuple[str, int, int]], progress: Progress,
              stop: threading.Event | None = None, *, compact: bool = True) -> StageReport:
    """Work through the photos a stage has not finished (files: path, size, mtime), saving shards as it goes.

    compact: merge the stage's shards when it finishes (a caller that runs it over part of the photos at a
    time merges once, at the end)."""
    stop = stop or threading.Event()
    report = StageReport(stage.name)
    done = shards.done_stamps(library, stage.name)
    todo = [stamp for stamp in files if stamp not in done and stage.wants(stamp[0])]
    report.already = sum(1 for stamp in files if stamp in done)
    rows: list[dict] = []
    last_save = time.monotonic()

    def save() -> None:
        nonlocal rows, last_save
        if rows:
            shards.write_shard(library, stage.name, pd.DataFrame(rows))
        rows, last_save = [], time.monotonic()

    finished = 0
    progress(0, len(todo), stage.what)
    try:
        for position, result in _results_or_problem(stage, [path for path, _, _ in todo], stop, report):
            path, size, mtime = todo[position]
            if isinstance(result, str):
                report.failed.append(f"{path}: {result}")
            else:
                rows.append({"path": path, "file_size": size, "file_mtime_ns": mtime, **result})
                report.done += 1
            finished += 1
            if len(rows) >= SHARD_EVERY or time.monotonic() - last_save > SHARD_SECONDS:
                save()
            progress(finished, len(todo), stage.what)
    finally:
        save()  # whatever finished before an interruption is kept
    if compact and not stop.is_set():
        shards.compact(library, stage.name)
    return report


def _results_or_problem(stage: PhotoStage, paths: Sequence[str], stop: threading.Event, report: StageReport):
    """The stage's results until it fails as a whole; then the failure is the report's problem, not the
    run's: an optional step must not cost the photos everything else did."""
    try:
        yield from stage.results(paths, stop)
    except Exception as error:
        report.problem = (
            f"{stage.what} stopped after {report.done} photos ({type(error).__name__}: {error}); "
            "the photos it finished are kept and the rest are retried next run"
        )


class StageRun:
    """The stages running in a background thread; `wait` joins it and re-raises what went wrong there."""

    def __init__(self, library: Path, stages: Sequence[PhotoStage], files: Sequence[tuple[str, int, int]], progress: Progress):
        self.reports: list[StageReport] = []
        self._stop = threading.Event()
        # Waited on instead of Thread.join: Python 3.11's join, interrupted by Ctrl-C, can mark a running thread
        # as stopped, so a second join returns at once and the process then hangs at exit on the OCR pool.
        self._finished = threading.Event()
        self._error: BaseException | None = None

        def work() -> None:
            try:
                for stage in stages:
                    if self._stop.is_set():
                        return
                    self.reports.append(run_stage(library, stage, files, progress, self._stop))
            except BaseException as error:  # handed to the main thread by wait()
                self._error = error
            finally:
                self._finished.set()

        # In the caller's context: gr.Progress finds its event through context variables a bare thread lacks.
        context = contextvars.copy_context()
        self._thread = threading.Thread(target=context.run, args=(work,), name="enrichment", daemon=True)
        self._thread.start()

    def wait(self) -> list[StageReport]:
        self._finished.wait()
        if self._error is not None:
            raise self._error
        return self.reports

    def stop(self) -> None:
        """Ask the stages to stop after the photos in flight (their results are saved) and wait for that."""
        self._stop.set()
        self._finished.wait()
