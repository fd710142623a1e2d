"""Where the per-photo work of indexing runs: reading and embedding photos, and the enrichment stages.

The seam clip-retrieval calls its distributor. `index_photos` has one flow (scan, skip the unchanged,
resume, checkpoint, report, commit) and hands the per-photo work to a PhotoWork: LocalWork runs it here
(reader threads, the model, OCR processes), cluster.RayWork on the actors of a Ray cluster.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol, Sequence

import numpy as np

from ..enrich.stages import PhotoStage
from ..models import ClipEncoder
from .photos import PhotoFacts, PhotoFile, UnreadablePhoto, read_photo_safely


@dataclass
class EmbeddedBatch:
    """One batch of files, read and (with a model) embedded."""

    files: list[PhotoFile]
    results: list[PhotoFacts | UnreadablePhoto]  # per file, in order
    vectors: np.ndarray | None  # one row per readable file, in order; None without a model or readable files


class PhotoWork(Protocol):
    """Runs the per-photo work of one indexing run; entered for the run's duration (a cluster's actors live that long)."""

    def __enter__(self) -> "PhotoWork": ...

    def __exit__(self, *exc) -> None: ...

    def embedded_batches(self, files: list[PhotoFile], encoder: ClipEncoder | None, batch_size: int) -> Iterator[EmbeddedBatch]:
        """The files in batches of batch_size, read and embedded, in the files' order."""
        ...

    def stage(self, stage: PhotoStage) -> PhotoStage:
        """The enrichment stage as it runs here (the stage itself, or one that hands its photos to the workers)."""
        ...


def embed_read(read: Sequence[tuple[PhotoFacts, np.ndarray | None] | UnreadablePhoto], encoder: ClipEncoder | None):
    """(facts or UnreadablePhoto per photo, the readable photos' vectors as one batch): the same batch whether
    it runs here or on a cluster's worker, so both give the same vectors."""
    pixels = [result[1] for result in read if not isinstance(result, UnreadablePhoto)]
    vectors = encoder.encode_photos(pixels) if encoder is not None and pixels else None
    return [result if isinstance(result, UnreadablePhoto) else result[0] for result in read], vectors


def batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class LocalWork:
    """This machine: `workers` reader threads decode each batch, the model embeds it, OCR runs in its own processes."""

    def __init__(self, workers: int):
        self.workers = workers

    def __enter__(self) -> "LocalWork":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def stage(self, stage: PhotoStage) -> PhotoStage:
        return stage

    def embedded_batches(self, files, encoder, batch_size):
        for chunk, read in _read_batches(files, encoder, batch_size, self.workers):
            yield EmbeddedBatch(chunk, *embed_read(read, encoder))


def _read_batches(
    files: list[PhotoFile], encoder: ClipEncoder | None, batch_size: int, workers: int
) -> Iterator[tuple[list[PhotoFile], list]]:
    """Batches of (files, (facts, pixels) or UnreadablePhoto per file) in order, each read by all the worker threads.

    Whether the next batch is read while the caller embeds this one depends on where the model runs. On a GPU
    the CPU is free, so reading overlaps the model. On a CPU the model already keeps every core busy, and
    readers beside it only make its threads wait for each other; reading and embedding take turns instead,
    each with all the cores (on 2 cores, four paired runs of 256 photos: 80-85 % of the bare model taking
    turns, 76-82 % overlapped).
    """
    spec = encoder.image_spec if encoder else None
    ahead = 0 if encoder is not None and encoder.device == "cpu" else 1
    chunks = batches(files, batch_size)
    in_flight: deque[tuple[list[PhotoFile], list[Future]]] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo-reader") as pool:
        while True:
            while len(in_flight) <= ahead and (chunk := next(chunks, None)) is not None:
                in_flight.append((chunk, [pool.submit(read_photo_safely, str(file.path), spec) for file in chunk]))
            if not in_flight:
                return
            chunk, futures = in_flight.popleft()
            yield chunk, [future.result() for future in futures]
