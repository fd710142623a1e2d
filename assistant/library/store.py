"""The on-disk library: a versioned manifest, a photo table and row-aligned embeddings.

Layout of a library folder:
    library.json                  manifest: format version, generation, counts, model; replacing it commits
    photos-<gen>.parquet          one row per photo (file facts, resolved time and place, caption, event)
    embeddings-<gen>.npy          float16 (rows, dim), L2-normalised, row i belongs to photo row i
    sources-<gen>-<name>.parquet  the metadata and caption rows ingested so far, reapplied on every run
    vector_index-<gen>.faiss      large libraries only: an approximate index over the embedded rows
    checkpoints/                  batches of an unfinished indexing run, so a killed run resumes
Every file is written to a temporary name, fsynced and renamed, and the manifest is replaced last, so a
reader always sees one complete generation and a crash never leaves a half-written file in use.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np
import pandas as pd

from ..core.files import write_atomically

FORMAT = "lifelog-library"
VERSION = 1
MANIFEST = "library.json"
EMBEDDING_DTYPE = np.float16  # half the bytes of float32; search computes through a fast fp16 kernel


class LibraryError(RuntimeError):
    """A library cannot be used; the message says why and what to do."""


class LibraryNotFound(LibraryError):
    pass


class LibraryDamaged(LibraryError):
    pass


class LibraryTooNew(LibraryError):
    pass


class LibraryBusy(LibraryError):
    pass


class LibraryDiskFull(LibraryError):
    """The disk had no room for a new generation; the library is left as it was, and the message says what to free."""


@dataclass
class Manifest:
    generation: int = 0
    count: int = 0
    embedding_dim: int | None = None
    model: str | None = None
    text_model: str | None = None  # the sentence model of the text-embeddings file, if there is one
    photo_roots: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    embeddings_bytes: int = 0
    # The approximate vector index, when the library has one: file, bytes, rows, dim and the faiss
    # parameters it was built with (indexing/vector_index.py); None: search scores every row exactly.
    vector_index: dict | None = None
    created: str = ""
    updated: str = ""
    format: str = FORMAT
    version: int = VERSION

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        path = folder / MANIFEST
        if not path.exists():
            raise LibraryNotFound(
                f"no library at {folder} (no {MANIFEST}); create one with: lifelog index PHOTOS_DIR --library {folder}"
            )
        try:
            raw = json.loads(path.read_text())
        except (OSError, ValueError) as error:
            raise LibraryDamaged(f"{path} is unreadable ({error}); {repair_hint(folder)}") from error
        if raw.get("format") != FORMAT:
            raise LibraryError(f"{folder} is not a lifelog library ({MANIFEST} has format {raw.get('format')!r})")
        if int(raw.get("version", 0)) > VERSION:
            raise LibraryTooNew(
                f"{folder} was written by a newer Lifelog Assistant (library format {raw['version']}, this one reads "
                f"up to {VERSION}); upgrade with: pip install -U lifelog-assistant"
            )
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{key: value for key, value in raw.items() if key in known})


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    write_atomically(path, lambda tmp: frame.to_parquet(tmp, index=False))


def write_npy(array: np.ndarray, path: Path) -> None:
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            np.save(handle, array)

    write_atomically(path, write)


def folder_bytes(folder: Path, names) -> int:
    """The bytes these files of a folder take (those that are gone count nothing)."""
    total = 0
    for name in names:
        with contextlib.suppress(OSError):
            total += (folder / name).stat().st_size
    return total


def size_text(count: float) -> str:
    """Bytes as people read them: "640 kB", "12.5 MB", "3.20 GB"."""
    return f"{count / 1e3:,.0f} kB" if count < 1e6 else f"{count / 1e6:,.1f} MB" if count < 1e9 else f"{count / 1e9:,.2f} GB"


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


@contextlib.contextmanager
def writer_lock(folder: Path) -> Iterator[None]:
    """One indexing run per library at a time; readers never need the lock."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / ".lock", "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LibraryBusy(f"another 'lifelog index' is writing to {folder}; wait for it to finish") from None
        yield
    finally:
        handle.close()


@dataclass
class Snapshot:
    """One complete generation of a library, as read from disk."""

    folder: Path
    manifest: Manifest
    photos: pd.DataFrame
    embeddings: np.ndarray | None  # memory-mapped float16 (rows, dim), or None before any photo was embedded
    sources: dict[str, pd.DataFrame]


def repair_hint(folder: Path) -> str:
    return f"repair it with: lifelog index PHOTOS_DIR --library {folder} --repair"


class PhotoTable:
    """The committed photo table, held open so that its columns can be read when they are needed, even after
    a later generation has replaced the file (an open file outlives its name)."""

    def __init__(self, folder: Path, manifest: Manifest):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.folder, self.manifest = folder, manifest
        try:
            self._file = pa.memory_map(str(folder / manifest.files["photos"]))
            self._file_metadata = pq.read_metadata(self._file)
            self.columns = tuple(self._file_metadata.schema.to_arrow_schema().names)
        except (OSError, KeyError, ValueError) as error:
            raise self._damaged(error) from error

    def _damaged(self, error: Exception) -> LibraryDamaged:
        return LibraryDamaged(f"the photo table of {self.folder} is missing or damaged ({error}); {repair_hint(self.folder)}")

    def _counted(self, rows: int) -> None:
        if rows != self.manifest.count:
            raise LibraryDamaged(
                f"{self.folder}: photo table has {rows} rows, manifest says {self.manifest.count}; {repair_hint(self.folder)}"
            )

    def stored_as_codes(self, columns: Sequence[str]) -> tuple[str, ...]:
        """Those of the columns stored in under 4 bytes a row: a plain string takes a 4-byte length alone,
        so their pages hold dictionary codes (words that repeat), which are cheap to read as codes."""
        metadata = self._file_metadata
        stored = {
            name: sum(metadata.row_group(group).column(self.columns.index(name)).total_uncompressed_size for group in range(metadata.num_row_groups))
            for name in columns
        }
        return tuple(name for name, size in stored.items() if size < 4 * max(1, metadata.num_rows))

    def frame(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """All columns, or only `columns`, as a DataFrame."""
        try:
            photos = pd.read_parquet(self._file, columns=list(columns) if columns else None)
        except (OSError, KeyError, ValueError) as error:
            raise self._damaged(error) from error
        self._counted(len(photos))
        return photos

    def arrow(self, columns: Sequence[str], repeating: Sequence[str] = ()):
        """Some columns as an Arrow table, the `repeating` string columns dictionary-encoded (a code per
        photo, no string), decoded in parallel."""
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(
                self._file, columns=list(columns), pre_buffer=True, read_dictionary=[name for name in repeating if name in columns]
            )
        except (OSError, KeyError, ValueError) as error:
            raise self._damaged(error) from error
        self._counted(table.num_rows)
        return table


def read_embeddings(folder: Path, manifest: Manifest) -> np.ndarray | None:
    if not manifest.files.get("embeddings"):
        return None
    path = folder / manifest.files["embeddings"]
    try:
        if path.stat().st_size != manifest.embeddings_bytes:
            raise ValueError(f"{path.stat().st_size} bytes on disk, {manifest.embeddings_bytes} expected (truncated?)")
        embeddings = np.load(path, mmap_mode="r")
    except (OSError, ValueError) as error:
        raise LibraryDamaged(f"the embeddings of {folder} are missing or damaged ({error}); {repair_hint(folder)}") from error
    if embeddings.shape != (manifest.count, manifest.embedding_dim):
        raise LibraryDamaged(
            f"{folder}: embeddings have shape {embeddings.shape}, expected ({manifest.count}, {manifest.embedding_dim}); {repair_hint(folder)}"
        )
    return embeddings


def _source_damaged(folder: Path, file: str, error: Exception) -> LibraryDamaged:
    return LibraryDamaged(f"{folder}: {file} is missing or damaged ({error}); {repair_hint(folder)}")


def _read_source(folder: Path, file: str) -> pd.DataFrame:
    try:
        return pd.read_parquet(folder / file).set_index("key")
    except (OSError, ValueError, KeyError) as error:
        raise _source_damaged(folder, file, error) from error


def check_vector_index_file(folder: Path, facts: dict) -> None:
    """The index file is there with the size the manifest recorded (a stat, no reading); else LibraryDamaged."""
    path = Path(folder) / facts["file"]
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LibraryDamaged(f"the vector index of {folder} is missing ({error}); {repair_hint(folder)}") from error
    if size != facts["bytes"]:
        raise LibraryDamaged(
            f"the vector index {path} has {size} bytes, {facts['bytes']} expected (truncated?); {repair_hint(folder)}"
        )


def check_files(folder: Path, manifest: Manifest) -> None:
    """Every file the manifest names is there (a stat each); else LibraryDamaged naming them: a copy made while a
    commit replaced the generation holds the manifest of one and the files of another."""
    missing = [name for name in manifest.files.values() if not (folder / name).is_file()]
    if missing:
        shown = ", ".join(missing[:4]) + (f" and {len(missing) - 4} more" if len(missing) > 4 else "")
        raise LibraryDamaged(
            f"{folder}: {shown} of generation {manifest.generation} {'is' if len(missing) == 1 else 'are'} missing (a copy made while "
            f"'lifelog index' was committing, or files deleted): copy the library again once indexing is done, or {repair_hint(folder)}"
        )


def _source_files(manifest: Manifest) -> dict[str, str]:
    return {name.removeprefix("source:"): file for name, file in manifest.files.items() if name.startswith("source:")}


def check_sources(folder: Path, manifest: Manifest) -> None:
    """The ingested metadata files are there and complete (their Parquet footers read); else LibraryDamaged."""
    import pyarrow.parquet as pq

    for file in _source_files(manifest).values():
        try:
            pq.read_metadata(folder / file)
        except (OSError, ValueError) as error:
            raise _source_damaged(folder, file, error) from error


def read_snapshot(folder: Path) -> Snapshot:
    """Read the committed generation whole and check that its parts agree.

    Damage raises LibraryDamaged with what to do about it.
    """
    folder = Path(folder).expanduser()
    manifest = Manifest.read(folder)
    photos = PhotoTable(folder, manifest).frame()
    embeddings = read_embeddings(folder, manifest)
    sources = {name: _read_source(folder, file) for name, file in _source_files(manifest).items()}
    if manifest.vector_index:
        check_vector_index_file(folder, manifest.vector_index)
    return Snapshot(folder, manifest, photos, embeddings, sources)


def salvage_snapshot(folder: Path, empty_photos: pd.DataFrame) -> tuple[Snapshot | None, list[str]]:
    """What `index --repair` keeps of a damaged library, and notes on what it dropped.

    Each part is kept only if it checks out on its own: an unreadable photo table means every photo is
    read again (empty_photos stands in for it), and embeddings that do not fit the table are dropped, so
    their photos are embedded again. Nothing is guessed: a row is either verified or redone.
    """
    folder = Path(folder).expanduser()
    try:
        manifest = Manifest.read(folder)
    except LibraryNotFound:
        return None, []
    except LibraryDamaged as error:
        return None, [f"{error}: the whole library is rebuilt from the photos"]
    notes = []
    try:
        photos = PhotoTable(folder, manifest).frame()
    except LibraryDamaged as error:
        notes.append(f"{error}: every photo is read again")
        photos = empty_photos
    embeddings = None
    if len(photos):
        try:
            embeddings = read_embeddings(folder, manifest)
        except LibraryDamaged as error:
            photos = photos.assign(embedded=False)
            notes.append(f"{error}: {len(photos)} photos are embedded again")
    sources = {}
    for name, file in _source_files(manifest).items():
        try:
            sources[name] = _read_source(folder, file)
        except LibraryDamaged as error:
            notes.append(f"{error}: give the {name} file again to restore it")
    if manifest.vector_index:
        try:
            check_vector_index_file(folder, manifest.vector_index)
        except LibraryDamaged as error:
            notes.append(f"{error}: the vector index is built again")
    manifest.count = len(photos)
    return Snapshot(folder, manifest, photos, embeddings, sources), notes
