"""The photo table's columns, and one photo as the rest of the program sees it (`PhotoRecord`)."""

from __future__ import annotations

from typing import TypedDict

import numpy as np

# Columns that reading a file produces (kept across runs) and columns indexing derives from them and the
# metadata (recomputed on every run).
FILE_COLUMNS = (
    "path", "key", "file_name", "file_size", "file_mtime_ns", "width", "height",
    "exif_time", "exif_offset_s", "exif_lat", "exif_lng", "embedded",
)
RESOLVED_COLUMNS = (
    "image_id", "taken_at_utc", "local_time", "timezone", "zone_source", "utc_offset_s", "time_source", "time_approximate",
    "time_approx", "lat", "lng", "gps_source", "semantic_name", "city", "country", "country_code", "caption",
)
# Where a photo's time came from (time_source), strongest first, and where its time zone came from
# (zone_source; said in reports: "used the GPS time zone").
TIME_SOURCES = ("metadata", "exif", "filename", "mtime")
ZONE_FROM_METADATA, ZONE_FROM_EXIF, ZONE_FROM_GPS, ZONE_FROM_HOME = "metadata", "EXIF offset", "GPS time zone", "home time zone"
# What searching and showing photos needs; file facts (sizes, EXIF) stay on disk until the next indexing run.
SEARCH_COLUMNS = (
    "image_id", "path", "taken_at_utc", "local_time", "timezone", "time_source", "lat", "lng",
    "semantic_name", "city", "country", "country_code", "caption", "event_id", "embedded",
)
# Words found in the photo by the enrichment steps (assistant.enrich); absent from libraries made before them.
ENRICHED_COLUMNS = ("ocr_text", "tags", "objects")
# Columns whose words describe a photo, for the text index and the sentence model.
TEXT_COLUMNS = ("caption",) + ENRICHED_COLUMNS


class PhotoRecord(TypedDict):
    """One photo as the rest of the program (CLI, app, API) sees it."""

    row: int
    image_id: str
    path: str
    local_time: str  # ISO 8601 wall-clock time where the photo was taken
    timezone: str
    lat: float | None
    lng: float | None
    place: str
    semantic_name: str
    city: str
    country: str
    caption: str
    event_id: int
    time_source: str
    time_approx: bool  # the time is a guess: from the file's modification time, or in the home zone for want of a clue
    ocr_text: str  # words read in the photo ("" when OCR has not run or found nothing)
    tags: str  # zero-shot concept tags, "dog, park"
    objects: str  # detected objects, "2 cups, 1 laptop"


def time_is_approximate(time_source, zone_source) -> np.ndarray:
    """Which photos' times are guesses: timed from the file's modification time, or placed in the home
    time zone because nothing said where they were taken (their local time or their instant may be off)."""
    return (np.asarray(time_source, dtype=object) == "mtime") | (np.asarray(zone_source, dtype=object) == ZONE_FROM_HOME)
