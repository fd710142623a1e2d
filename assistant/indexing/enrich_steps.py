"""Searchable first, enriched after: the enrichment steps run over a library already committed, and every
`commit_every` photos a new generation holds what they have read so far.

A library answers as soon as its metadata, captions and embeddings are in; OCR, detections and generated
captions, the slow part on a CPU, arrive generation by generation, and an open app picks each up at its next
turn. Each generation records the steps still under way (Library.enriching), so replies can say what is
still being read. An interrupted run resumes from the steps' shards (enrich/shards.py).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Sequence

from ..core.progress import Progress
from ..enrich import Enrichment, shards
from ..enrich.stages import PhotoStage, StageReport, run_stage
from ..library import store
from ..library.library import ENRICHING_FILE
from ..models import ClipEncoder, SentenceEncoder
from .commit import commit_enrichments

COMMIT_EVERY = 300  # photos read by a step between two generations

Stamp = tuple[str, int, int]  # path, size, mtime: a photo as the steps' shards know it


class _Reading:
    """What each step reads of the library's photos, how many it has read, and which steps are finished."""

    def __init__(self, library: Path, steps: Sequence[PhotoStage], stamps: list[Stamp]):
        self.wanted = {step.name: [stamp for stamp in stamps if step.wants(stamp[0])] for step in steps}
        read = {step.name: shards.done_stamps(library, step.name) for step in steps}
        self.todo = {name: [stamp for stamp in wanted if stamp not in read[name]] for name, wanted in self.wanted.items()}
        self.done = {name: len(wanted) - len(self.todo[name]) for name, wanted in self.wanted.items()}
        self.finished = {name for name, todo in self.todo.items() if not todo}

    def unfinished(self) -> dict[str, tuple[int, int]]:
        """step -> (photos read, photos it reads), for the steps still under way."""
        return {name: (self.done[name], len(wanted)) for name, wanted in self.wanted.items() if name not in self.finished}


def enrich_in_steps(
    library: Path, enrichment: Enrichment, *, encoder: ClipEncoder | None = None, text_encoder: SentenceEncoder | None = None,
    commit_every: int = COMMIT_EVERY, progress: Progress | None = None, stop: threading.Event | None = None,
) -> list[StageReport]:
    """Run the enrichment steps over the library's committed photos: zero-shot tags first, then each per-photo step,
    a generation committed every commit_every photos and the last one with nothing left to read.

    stop: set to end the run after the photos in flight (what they read is committed; the next run resumes)."""
    library = Path(library).expanduser()
    progress = progress or (lambda done, total, what: None)
    stop = stop or threading.Event()
    enrichment.check(encoder)
    with store.writer_lock(library):
        snapshot = store.read_snapshot(library)
        photos = snapshot.photos
        stamps = list(zip(photos["path"].tolist(), photos["file_size"].astype("int64").tolist(), photos["file_mtime_ns"].astype("int64").tolist()))
        steps = enrichment.photo_steps(snapshot, None)
        reading = _Reading(library, steps, stamps)
        if not enrichment.concepts and not reading.unfinished() and ENRICHING_FILE not in snapshot.manifest.files:
            return []  # nothing to read, and no generation says otherwise

        def commit() -> None:
            commit_enrichments(library, text_encoder=text_encoder, enriching=reading.unfinished())

        if enrichment.concepts:
            enrichment.add_zero_shot_tags(library, photos, snapshot.embeddings, encoder, progress)
        commit()  # the tags in, and the generation says what is still to be read
        reports = []
        for step in steps:
            if stop.is_set():
                break
            reports.append(_read_in_steps(library, step, reading, commit_every, commit, progress, stop))
    return reports


def _read_in_steps(library: Path, step: PhotoStage, reading: _Reading, commit_every: int, commit: Callable[[], None],
                   progress: Progress, stop: threading.Event) -> StageReport:
    """One step over its unread photos, commit_every at a time, each part committed as a generation."""
    todo, total = reading.todo[step.name], len(reading.wanted[step.name])
    report = StageReport(step.name, already=reading.done[step.name])
    for start in range(0, len(todo), commit_every):
        before = reading.done[step.name]
        part = run_stage(library, step, todo[start:start + commit_every],
                         lambda done, _, what: progress(before + done, total, what), stop, compact=False)
        report.done, report.failed, report.problem = report.done + part.done, report.failed + part.failed, part.problem
        reading.done[step.name] += part.done
        last = bool(part.problem) or start + commit_every >= len(todo)
        if last and not stop.is_set():  # a step that stopped as a whole is no longer being read either
            reading.finished.add(step.name)
            shards.compact(library, step.name)
        commit()
        if last or stop.is_set():
            break
    return report
