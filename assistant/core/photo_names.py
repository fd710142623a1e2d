"""What a photo's file name says: the key that joins it to metadata rows, and the LSC time stamp.

Indexing reads these names, the enrichment steps match captions by them, and the demo writes them.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import PurePath

_LSC_NAME = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})(?!\d)")


def photo_key(name: str) -> str:
    """The join key between files and metadata rows: file name without folders or extension, lower-case."""
    stem = PurePath(name.replace("\\", "/")).name
    return re.sub(r"\.(jpe?g|png|webp)$", "", stem, flags=re.IGNORECASE).lower()


def time_from_filename(name: str) -> datetime | None:
    """`20190105_164008_000.jpg` -> 2019-01-05 16:40:08 (naive, UTC in LSC'22+ data); None if not that form."""
    match = _LSC_NAME.search(name)
    return clock_time(match) if match else None


def clock_time(match: re.Match) -> datetime | None:
    """The naive datetime of a match's year, month, day, hour, minute and second groups; None if no such time exists."""
    try:
        return datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def lsc_file_name(taken_at_utc: datetime) -> str:
    """LSC'22+ naming, the inverse of time_from_filename: the UTC time the photo was taken."""
    return taken_at_utc.strftime("%Y%m%d_%H%M%S_000.jpg")
