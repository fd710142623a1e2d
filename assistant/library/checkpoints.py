"""Checkpoints of an unfinished indexing run: batches of newly read photos (and their embeddings) saved as they
are read, so that a killed run resumes from them; cleared once a generation is committed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .store import EMBEDDING_DTYPE, write_npy, write_parquet


def write_checkpoint(folder: Path, rows: pd.DataFrame, embeddings: np.ndarray | None) -> None:
    """Save a batch of newly read photos; the parquet file is written last and marks the batch complete."""
    checkpoints = Path(folder) / "checkpoints"
    checkpoints.mkdir(parents=True, exist_ok=True)
    number = 1 + max((int(p.stem) for p in checkpoints.glob("[0-9]*.parquet")), default=0)
    if embeddings is not None:
        write_npy(np.asarray(embeddings, dtype=EMBEDDING_DTYPE), checkpoints / f"{number:06d}.npy")
    write_parquet(rows, checkpoints / f"{number:06d}.parquet")


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
