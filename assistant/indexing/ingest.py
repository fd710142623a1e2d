"""Reading and embedding: read photo files, embed them, checkpoint, then resolve and commit a new generation.

The stages follow clip-retrieval's split: a reader (worker threads decode photos at reduced scale), a mapper
(the model prepares and embeds each batch; on a GPU while the next batch is decoded), a writer
(checkpoints, then one commit), and a distributor (work.py: this machine, or a Ray cluster's workers).
A run that is killed resumes from its checkpoints; photos already in the library are never redone.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from ..core.photo_names import photo_key
from ..core.progress import Progress
from ..enrich import Enrichment
from ..library import store
from ..library.checkpoints import clear_checkpoints, read_checkpoints, write_checkpoint
from ..library.schema import FILE_COLUMNS, ZONE_FROM_HOME
from ..models import ClipEncoder, SentenceEncoder
from .commit import commit_photo_table
from .metadata import empty_metadata, read_captions, read_metadata
from .photos import PhotoFile, SkippedFile, UnreadablePhoto, scan_photos
from .report import IndexReport
from .resolve import merge_sources, resolve_photos
from .vector_index import wants_index
from .work import LocalWork, PhotoWork

CHECKPOINT_EVERY = 512  # photos; also at least every CHECKPOINT_SECONDS
CHECKPOINT_SECONDS = 120.0


def _file_row(file: PhotoFile, facts, embedded: bool) -> dict:
    return {
        "path": str(file.path),
        "key": photo_key(file.path.name),
        "file_name": file.path.name,
        "file_size": file.size,
        "file_mtime_ns": file.mtime_ns,
        "width": facts.width,
        "height": facts.height,
        "exif_time": pd.Timestamp(facts.exif_time) if facts.exif_time else pd.NaT,
        "exif_offset_s": facts.exif_offset_s,
        "exif_lat": facts.exif_lat,
        "exif_lng": facts.exif_lng,
        "embedded": embedded,
    }


@dataclass(frozen=True)
class IndexOptions:
    """How one indexing run goes: its models, its inputs beside the photos, and where and how the work runs."""

    encoder: ClipEncoder | None  # None: metadata and captions only; embed later
    home_timezone: str  # the zone of photos with no time-zone evidence
    metadata_csv: Path | None = None
    captions_csv: Path | None = None
    batch_size: int = 32
    workers: int | None = None  # reader threads on this machine (default: one per core, up to 16)
    progress: Progress | None = None
    checkpoint_every: int | None = None  # photos (default CHECKPOINT_EVERY); a killed run resumes from there
    repair: bool = False  # on a damaged library, keep what checks out and redo the rest, instead of refusing
    text_encoder: SentenceEncoder | None = None
    # without a text_encoder, keep the sentence vectors of unchanged photo words (False drops the library's
    # sentence vectors, as `--text-model none` asks)
    keep_text_vectors: bool = True
    # OCR, concept tags, detections, captions (assistant.enrich), run beside the embedding; a step that fails
    # is a problem in the report, and the rest is committed
    enrichment: Enrichment | None = None
    problems: Sequence[str] = ()  # what went wrong before the run (a sentence model that did not load), for the report
    vector_index: str = "auto"  # auto (an approximate index once the library is large), always, or never
    # where the per-photo work runs (reading, embedding, enrichment stages); default this machine, with `workers`
    # reader threads (cluster.RayWork: a Ray cluster). Everything else happens here either way.
    work: PhotoWork | None = None


def index_photos(library: Path, photos_dir: Path, options: IndexOptions) -> IndexReport:
    """Add new and changed photos under photos_dir to the library; reuse everything already done."""
    started = time.monotonic()
    library = Path(library).expanduser()
    report = IndexReport(library=str(library), problems=list(options.problems), home_timezone=options.home_timezone)
    encoder, enrichment = options.encoder, options.enrichment
    if enrichment is not None:
        enrichment.check(encoder)
    progress = options.progress or (lambda done, total, what: None)
    wants_index(0, options.vector_index)  # an unknown choice fails before any work
    # reading takes turns with the model: use every core
    work = options.work or LocalWork(options.workers or min(16, os.cpu_count() or 2))
    # Parse the inputs before touching the library, so a bad CSV fails fast and changes nothing.
    metadata = read_metadata(options.metadata_csv) if options.metadata_csv else None
    captions = read_captions(options.captions_csv) if options.captions_csv else None
    for table in (metadata, captions):
        if table is not None:
            report.input_issues += [str(issue) for issue in table.issues]

    with store.writer_lock(library):
        snapshot = _snapshot(library, options.repair, report)
        report.model = _check_model(snapshot, encoder, library)
        scan = scan_photos(photos_dir)
        report.not_photos = scan.not_photos
        todo = _photos_to_read(library, scan.photos, snapshot, encoder, report)
        with work:
            stages = enrichment.start(library, scan.photos, snapshot, captions, progress, work.stage) if enrichment else None
            try:
                read_paths = _read_and_embed(
                    library, todo, encoder, options.batch_size, work, report, progress, options.checkpoint_every or CHECKPOINT_EVERY
                )
                if stages is not None:
                    report.problems += [stage.problem for stage in stages.wait() if stage.problem]
            finally:
                if stages is not None:
                    stages.stop()  # after an interruption: the stages save what they finished, then stop
        in_library = set(snapshot.photos["path"]) if snapshot else set()
        report.updated = len(read_paths & in_library)
        report.added = len(read_paths - in_library) + report.resumed
        table = _organise(library, photos_dir, snapshot, metadata, captions, options, report, progress)
    report.photos_in_library = len(table)
    report.timed_from_mtime = int((table["time_source"] == "mtime").sum())
    report.zoned_at_home = int((table["zone_source"] == ZONE_FROM_HOME).sum())
    report.seconds = time.monotonic() - started
    return report


def _snapshot(library: Path, repair: bool, report: IndexReport) -> store.Snapshot | None:
    """The library's committed generation (None: a new library); with repair, what of it checks out."""
    if repair:
        snapshot, report.repairs = store.salvage_snapshot(library, pd.DataFrame(columns=list(FILE_COLUMNS)))
        return snapshot
    try:
        return store.read_snapshot(library)
    except store.LibraryNotFound:
        return None


def _photos_to_read(library: Path, photos: list[PhotoFile], snapshot, encoder: ClipEncoder | None, report: IndexReport) -> list[PhotoFile]:
    """The photos that need reading: neither unchanged in the library nor checkpointed by a run that was killed."""
    known = _known_rows(snapshot, need_embeddings=encoder is not None)
    recovered = _recovered_rows(library, encoder)
    todo: list[PhotoFile] = []
    for file in photos:
        stamp = (file.size, file.mtime_ns)
        if known.get(str(file.path)) == stamp:
            report.unchanged += 1
        elif recovered.get(str(file.path)) == stamp:
            report.resumed += 1
        else:
            todo.append(file)
    return todo


def _organise(library: Path, photos_dir: Path, snapshot, metadata, captions, options: IndexOptions, report: IndexReport,
              progress: Progress) -> pd.DataFrame:
    """The read photos, the library's and the checkpoints', resolved against the metadata and committed as a new
    generation (zero-shot tags first, when asked for); the committed photo table."""
    encoder, enrichment = options.encoder, options.enrichment
    progress(0, 1, "organising the library")
    files, vectors = _combine(snapshot, read_checkpoints(library), encoder)
    if enrichment is not None:
        try:
            enrichment.add_zero_shot_tags(library, files, vectors, encoder, progress)
        except Exception as error:  # an optional step: the photos are committed without new tags
            report.problems.append(f"zero-shot tags failed ({type(error).__name__}: {error}); the tags of earlier runs are kept")
    metadata_rows = merge_sources(snapshot.sources.get("metadata") if snapshot else None, _keyed(metadata))
    caption_rows = merge_sources(snapshot.sources.get("captions") if snapshot else None, _captions_frame(captions))
    table, notes = resolve_photos(
        files,
        metadata_rows if metadata_rows is not None else empty_metadata(),
        caption_rows["caption"] if caption_rows is not None else pd.Series(dtype=str),
        options.home_timezone,
    )
    report.input_issues += notes
    sources = {name: rows for name, rows in (("metadata", metadata_rows), ("captions", caption_rows)) if rows is not None}
    roots = (snapshot.manifest.photo_roots if snapshot else []) + [str(Path(photos_dir).expanduser().resolve())]
    table = commit_photo_table(
        library, table, vectors, sources, model=report.model if vectors is not None else None, photo_roots=roots,
        text_encoder=options.text_encoder, keep_text_vectors=options.keep_text_vectors, previous=snapshot, progress=progress,
        vector_index=options.vector_index,
    )
    clear_checkpoints(library)
    progress(1, 1, "organising the library")
    return table


def _check_model(snapshot: store.Snapshot | None, encoder: ClipEncoder | None, library: Path) -> str | None:
    """The model the library's embeddings come from; refuse to mix two models in one library."""
    existing = snapshot.manifest.model if snapshot else None
    if encoder is None:
        return existing
    if existing and existing != encoder.name:
        raise store.LibraryError(
            f"{library} was indexed with model {existing!r}, not {encoder.name!r}; "
            f"pass --model {existing} or index into a new --library"
        )
    if snapshot and snapshot.manifest.embedding_dim and snapshot.manifest.embedding_dim != encoder.dim:
        raise store.LibraryError(f"{library} holds {snapshot.manifest.embedding_dim}-d embeddings; {encoder.name} makes {encoder.dim}-d")
    return encoder.name


def _known_rows(snapshot: store.Snapshot | None, need_embeddings: bool) -> dict[str, tuple[int, int]]:
    """path -> (size, mtime) of rows that need no work; with a model, rows not yet embedded need work."""
    if snapshot is None:
        return {}
    photos = snapshot.photos
    usable = photos["embedded"].to_numpy() | (not need_embeddings)
    stamps = zip(photos["file_size"].tolist(), photos["file_mtime_ns"].tolist())
    return {path: stamp for path, stamp, ok in zip(photos["path"], stamps, usable) if ok}


def _recovered_rows(library: Path, encoder: ClipEncoder | None) -> dict[str, tuple[int, int]]:
    recovered = {}
    for rows, vectors in read_checkpoints(library):
        if encoder is not None and vectors is None:
            continue  # saved by a run without a model: redo with the model
        for path, size, mtime in zip(rows["path"], rows["file_size"], rows["file_mtime_ns"]):
            recovered[path] = (int(size), int(mtime))
    return recovered


def _read_and_embed(library, todo, encoder, batch_size, work, report, progress, checkpoint_every) -> set[str]:
    """Read (and embed) the files where `work` runs them, checkpointing here as it goes; returns the paths read successfully."""
    read_paths: set[str] = set()
    rows: list[dict] = []
    vectors: list[np.ndarray] = []
    last_checkpoint = time.monotonic()

    def checkpoint() -> None:
        nonlocal rows, vectors, last_checkpoint
        if rows:
            write_checkpoint(library, pd.DataFrame(rows), np.concatenate(vectors) if encoder else None)
        rows, vectors, last_checkpoint = [], [], time.monotonic()

    done = 0
    progress(0, len(todo), "reading and embedding photos" if encoder else "reading photos")
    for batch in work.embedded_batches(todo, encoder, batch_size):
        read = list(zip(batch.files, batch.results))
        good = [(file, facts) for file, facts in read if not isinstance(facts, UnreadablePhoto)]
        report.skipped += [SkippedFile(str(file.path), str(reason)) for file, reason in read if isinstance(reason, UnreadablePhoto)]
        if batch.vectors is not None:
            vectors.append(batch.vectors)
            report.embedded += len(good)
        rows += [_file_row(file, facts, encoder is not None) for file, facts in good]
        read_paths.update(str(file.path) for file, _ in good)
        done += len(batch.files)
        progress(done, len(todo), "reading and embedding photos" if encoder else "reading photos")
        if len(rows) >= checkpoint_every or time.monotonic() - last_checkpoint > CHECKPOINT_SECONDS:
            checkpoint()
    checkpoint()
    return read_paths


def _combine(snapshot, checkpoints, encoder) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Existing rows plus checkpointed rows; a photo read again replaces its old row (newest wins)."""
    frames, vector_parts = [], []
    dim = encoder.dim if encoder else (snapshot.manifest.embedding_dim if snapshot else None)
    if snapshot is not None and len(snapshot.photos):
        frames.append(snapshot.photos[list(FILE_COLUMNS)])
        if dim:
            vector_parts.append(
                np.asarray(snapshot.embeddings) if snapshot.embeddings is not None else np.zeros((len(snapshot.photos), dim), store.EMBEDDING_DTYPE)
            )
    for rows, vectors in checkpoints:
        if encoder is not None and vectors is None:
            continue
        frames.append(rows[list(FILE_COLUMNS)])
        if dim:
            vector_parts.append(vectors if vectors is not None else np.zeros((len(rows), dim), store.EMBEDDING_DTYPE))
    if not frames:
        return pd.DataFrame(columns=list(FILE_COLUMNS)), None
    files = pd.concat(frames, ignore_index=True)
    keep = ~files["path"].duplicated(keep="last")
    files = files[keep].reset_index(drop=True)
    vectors = np.concatenate(vector_parts)[keep.to_numpy()] if dim else None
    return files, vectors


def _keyed(metadata) -> pd.DataFrame | None:
    return None if metadata is None else metadata.rows


def _captions_frame(captions) -> pd.DataFrame | None:
    if captions is None:
        return None
    frame = captions.texts.rename("caption").to_frame()
    frame.index.name = "key"
    return frame
