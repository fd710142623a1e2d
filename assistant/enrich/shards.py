"""Results of the enrichment stages (OCR, detections, captions, concept tags), kept beside the library.

Layout:  <library>/enrichments/<stage>/<NNNNNN>.parquet
Each shard is a batch of finished photos (path, file_size, file_mtime_ns and the stage's columns),
written atomically. A photo is done for a stage when a shard holds a row with its current size and mtime,
so an interrupted stage resumes where it stopped and a changed photo is redone. Shards outlive every
indexing run, with or without the stage's flag; when a stage finishes, its shards are merged into one
(the merged shard is written before the old ones are removed, and newer rows win on reading).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.files import write_atomically

FOLDER = "enrichments"
STAMP = ("path", "file_size", "file_mtime_ns")


def stage_folder(library: Path, stage: str) -> Path:
    return Path(library) / FOLDER / stage


def _shard_paths(library: Path, stage: str) -> list[Path]:
    return sorted(stage_folder(library, stage).glob("[0-9]*.parquet"))


def write_shard(library: Path, stage: str, rows: pd.DataFrame) -> Path:
    """Save a batch of finished photos for a stage; the batch counts as done once the rename lands."""
    folder = stage_folder(library, stage)
    folder.mkdir(parents=True, exist_ok=True)
    number = 1 + max((int(path.stem) for path in _shard_paths(library, stage)), default=0)
    path = folder / f"{number:06d}.parquet"
    write_atomically(path, lambda tmp: rows.reset_index(drop=True).to_parquet(tmp, index=False))
    return path


def read_stage(library: Path, stage: str) -> pd.DataFrame | None:
    """Every photo a stage has finished, one row per path (the newest row wins), or None if none."""
    frames = []
    for path in _shard_paths(library, stage):
        try:
            frames.append(pd.read_parquet(path))
        except (OSError, ValueError):
            continue  # a damaged shard's photos are simply redone
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return None
    rows = pd.concat(frames, ignore_index=True)
    return rows[~rows["path"].duplicated(keep="last")].reset_index(drop=True)


def done_stamps(library: Path, stage: str) -> set[tuple[str, int, int]]:
    rows = read_stage(library, stage)
    if rows is None:
        return set()
    return set(zip(rows["path"].tolist(), rows["file_size"].astype("int64").tolist(), rows["file_mtime_ns"].astype("int64").tolist()))


def replace_stage(library: Path, stage: str, rows: pd.DataFrame) -> None:
    """Make `rows` the stage's whole content: one new shard, then the older shards go."""
    older = _shard_paths(library, stage)
    write_shard(library, stage, rows)
    for path in older:
        path.unlink(missing_ok=True)


def compact(library: Path, stage: str) -> None:
    """Merge a stage's shards into one, so a library of a million photos keeps a handful of files."""
    if len(_shard_paths(library, stage)) > 1:
        rows = read_stage(library, stage)
        if rows is not None:
            replace_stage(library, stage, rows)
