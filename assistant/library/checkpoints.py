"""Checkpoints of an unfinished indexing run: batches of newly read photos (and their embeddings) saved as they
are read, so that a killed run resumes from them; cleared once a generation is committed."""

from __future__ import annotations

import contextlib
import errno
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from .store import EMBEDDING_DTYPE, LibraryDiskFull, LibraryError, Manifest, folder_bytes, size_text, write_npy, write_parquet


def write_checkpoint(folder: Path, rows: pd.DataFrame, embeddings: np.ndarray | None) -> None:
    """Save a batch of newly read photos; the parquet file is written last and marks the batch complete."""
    checkpoints = Path(folder) / "checkpoints"
    checkpoints.mkdir(parents=True, exist_ok=True)
    number = 1 + max((int(p.stem) for p in checkpoints.glob("[0-9]*.parquet")), default=0)
    try:
        if embeddings is not None:
            write_npy(np.asarray(embeddings, dtype=EMBEDDING_DTYPE), checkpoints / f"{number:06d}.npy")
        write_parquet(rows, checkpoints / f"{number:06d}.parquet")
    except OSError as error:
        with contextlib.suppress(OSError):
            (checkpoints / f"{number:06d}.npy").unlink()
        if error.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise LibraryDiskFull(_disk_full_message(Path(folder), rows, embeddings, error)) from error


def _disk_full_message(folder: Path, rows: pd.DataFrame, embeddings, error: OSError) -> str:
    """What to free when a batch of photos read could not be saved: room for it, and for a commit beside the library."""
    try:
        library = folder_bytes(folder, Manifest.read(folder).files.values())
    except LibraryError:
        library = 0
    batch = (0 if embeddings is None else np.asarray(embeddings).size * np.dtype(EMBEDDING_DTYPE).itemsize) + 2_000 * len(rows)
    return (
        f"no space left on the disk of {folder} to save a batch of {len(rows)} photos read ({error.strerror or error}): the library "
        f"stays as it was, and the batches saved before are kept, so the next run resumes. Free at least {size_text(batch + library)} "
        f"on that disk ({size_text(shutil.disk_usage(folder).free)} free now): room for this batch, and for a new generation beside the "
        f"current one ({size_text(library)}) when the run commits; or move the library to a bigger disk. Then run the same command again."
    )


def read_checkpoints(folder: Path) -> list[tuple[pd.DataFrame, np.ndarray | None]]:
    """Batches saved by earlier, unfinished runs; a batch whose files disagree is ignored (it is redone)."""
    batches = []
    for rows_path in sorted((Path(folder) / "checkpoints").glob("[0-9]*.parquet")):
        try:
            rows = pd.read_parquet(rows_path)
            vectors_path = rows_path.with_suffix(".npy")
            vectors = np.load(vectors_path) if vectors_path.exists() else None
        except (OSError, ValueError):
            continue
        if vectors is not None and len(vectors) != len(rows):
            continue
        batches.append((rows, vectors))
    return batches


def clear_checkpoints(folder: Path) -> None:
    checkpoints = Path(folder) / "checkpoints"
    if checkpoints.is_dir():
        for path in checkpoints.iterdir():
            path.unlink()
        checkpoints.rmdir()
