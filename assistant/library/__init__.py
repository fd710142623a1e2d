"""A person's photo library: the on-disk store (store.py), its columns (schema.py) and the read API
(`Library`). Writing a library is indexing's job (assistant.indexing)."""

from .library import Library
from .schema import ENRICHED_COLUMNS, SEARCH_COLUMNS, PhotoRecord
from .store import LibraryBusy, LibraryDamaged, LibraryDiskFull, LibraryError, LibraryNotFound, LibraryTooNew

__all__ = [
    "ENRICHED_COLUMNS", "Library", "LibraryBusy", "LibraryDamaged", "LibraryDiskFull", "LibraryError", "LibraryNotFound",
    "LibraryTooNew", "PhotoRecord", "SEARCH_COLUMNS",
]
