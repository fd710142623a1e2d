"""Committing a generation: every file of it under its numbered name, then the manifest that switches to it.

A commit either completes or leaves the last generation as it was: the new generation's files are removed when
anything fails before the manifest names them, and a full disk says what to free (LibraryDiskFull).
"""

from __future__ import annotations

import contextlib
import errno
import json
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from ..core.files import write_atomically
from .store import (
    EMBEDDING_DTYPE, MANIFEST, LibraryDamaged, LibraryDiskFull, LibraryError, LibraryNotFound, Manifest, folder_bytes, now_iso,
    size_text, write_npy, write_parquet,
)


def commit_generation(
    folder: Path,
    photos: pd.DataFrame,
    embeddings: np.ndarray | None,
    sources: dict[str, pd.DataFrame],
    *,
    model: str | None,
    photo_roots: list[str],
    derived: dict[str, tuple[str, Callable[[Path], None]]] | None = None,
    text_model: str | None = None,
    vector_index: Callable[[Path], dict | None] | None = None,
) -> Manifest:
    """Write a new complete generation and switch the manifest to it; then drop older generations' files.

    derived: name -> (file suffix, save(path)) for files computed from this generation (e.g. the text index).
    vector_index: save(path) -> the facts to record (rows, dim, parameters), or None when it decided
    against writing one.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        previous = Manifest.read(folder)
    except (LibraryNotFound, LibraryDamaged):  # damaged: only reached through `index --repair`
        previous = Manifest(created=now_iso())
    generation = previous.generation + 1
    files: dict[str, str] = {}  # named before each is written, so that a failed commit removes what it wrote
    try:
        _write_generation_files(folder, generation, files, photos, embeddings, sources, derived or {})
        manifest = _write_manifest(folder, generation, files, photos, embeddings, vector_index, model=model, text_model=text_model,
                                   photo_roots=photo_roots, created=previous.created or now_iso())
    except BaseException as error:
        if _committed_generation(folder) != generation:  # the manifest still names the last generation: drop the new one's files
            for name in files.values():
                with contextlib.suppress(OSError):
                    (folder / name).unlink()
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise LibraryDiskFull(_disk_full_message(folder, previous, generation, photos, embeddings, error)) from error
        raise
    current = set(files.values()) | {MANIFEST}
    for stale in folder.glob("*-[0-9][0-9][0-9][0-9][0-9][0-9]*"):
        if stale.name not in current and stale.is_file():
            stale.unlink()  # readers that still map an old file keep it alive until they close it
    return manifest


def _write_generation_files(folder: Path, generation: int, files: dict[str, str], photos: pd.DataFrame, embeddings: np.ndarray | None,
                            sources: dict[str, pd.DataFrame], derived: dict[str, tuple[str, Callable[[Path], None]]]) -> None:
    """A generation's photo table, embeddings, sources and derived files, each named in `files` as it is written."""
    files["photos"] = f"photos-{generation:06d}.parquet"
    write_parquet(photos.reset_index(drop=True), folder / files["photos"])
    if embeddings is not None:
        if len(embeddings) != len(photos):
            raise ValueError(f"{len(embeddings)} embeddings for {len(photos)} photos")
        files["embeddings"] = f"embeddings-{generation:06d}.npy"
        write_npy(np.ascontiguousarray(embeddings, dtype=EMBEDDING_DTYPE), folder / files["embeddings"])
    for name, table in sources.items():
        files[f"source:{name}"] = f"sources-{generation:06d}-{name}.parquet"
        write_parquet(table.reset_index(), folder / files[f"source:{name}"])
    for name, (suffix, save) in derived.items():
        files[name] = f"{name}-{generation:06d}.{suffix}"
        save(folder / files[name])


def _write_manifest(folder: Path, generation: int, files: dict[str, str], photos: pd.DataFrame, embeddings: np.ndarray | None,
                    vector_index, *, model: str | None, text_model: str | None, photo_roots: list[str], created: str) -> Manifest:
    """The vector index (when it decides to write one), then the manifest naming every file: the switch."""
    index_facts = None
    index_file = f"vector_index-{generation:06d}.faiss"
    files["vector_index"] = index_file  # named before it is written, so that a failed write is cleaned up
    facts = vector_index(folder / index_file) if vector_index is not None else None
    if facts is not None:
        index_facts = {"file": index_file, "bytes": (folder / index_file).stat().st_size, **facts}
    else:
        del files["vector_index"]
    manifest = Manifest(
        generation=generation,
        count=len(photos),
        embedding_dim=None if embeddings is None else int(embeddings.shape[1]),
        model=model,
        text_model=text_model,
        photo_roots=sorted(set(photo_roots)),
        files=files,
        embeddings_bytes=(folder / files["embeddings"]).stat().st_size if "embeddings" in files else 0,
        vector_index=index_facts,
        created=created,
        updated=now_iso(),
    )
    write_atomically(folder / MANIFEST, lambda tmp: tmp.write_text(json.dumps(asdict(manifest), indent=2)))
    return manifest


def _committed_generation(folder: Path) -> int | None:
    try:
        return Manifest.read(folder).generation
    except LibraryError:
        return None


def _disk_full_message(folder: Path, previous: Manifest, generation: int, photos: pd.DataFrame, embeddings, error: OSError) -> str:
    """What a commit that ran out of disk left (the last generation, the checkpoints) and how much to free for the next."""
    current = folder_bytes(folder, previous.files.values())
    vectors = 0 if embeddings is None else len(embeddings) * embeddings.shape[1] * np.dtype(EMBEDDING_DTYPE).itemsize
    others = current - previous.embeddings_bytes
    # the new generation: its vectors, and the rest grown with the number of photos (about 2 kB a photo for a first one)
    needed = vectors + (others * len(photos) / previous.count if previous.count and others > 0 else 2_000 * len(photos))
    free = shutil.disk_usage(folder).free
    checkpoints = folder / "checkpoints"
    saved = folder_bytes(checkpoints, (path.name for path in checkpoints.glob("*"))) if checkpoints.is_dir() else 0
    kept = (f"the library stays at generation {previous.generation} ({previous.count} photos)" if previous.generation
            else "nothing was committed")
    resume = f"; the photos read so far are kept in {checkpoints} ({size_text(saved)}), so the next run resumes" if saved else ""
    return (
        f"no space left on the disk of {folder} to commit generation {generation} ({error.strerror or error}): {kept}{resume}. "
        f"Free at least {size_text(max(needed * 1.1 - free, 1e5))} on that disk ({size_text(free)} free now): the new generation "
        f"takes about {size_text(needed)} beside the current one ({size_text(current)}) until the commit removes the old; "
        f"or move the library to a bigger disk. Then run the same command again."
    )
