"""Turn what was read from the files, plus the metadata and caption rows, into the photo table.

This runs over the whole library on every indexing run (it is vectorised and cheap), so a corrected
metadata CSV or a new home time zone takes effect without re-reading or re-embedding any photo.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.photo_names import time_from_filename
from ..library.schema import FILE_COLUMNS, ZONE_FROM_METADATA
from . import geocode
from .timestamps import resolve_times


def _text(series: pd.Series) -> np.ndarray:
    return series.fillna("").astype(str).to_numpy(dtype=object)


def resolve_photos(
    files: pd.DataFrame, metadata: pd.DataFrame, captions: pd.Series, home_timezone: str
) -> tuple[pd.DataFrame, list[str]]:
    """The full photo table (file columns + resolved columns) and notes about metadata that matched nothing."""
    files = files.reset_index(drop=True)
    meta = metadata.reindex(files["key"]).reset_index(drop=True)

    image_id = np.where(meta["image_id"].notna(), _text(meta["image_id"]), files["file_name"].to_numpy(dtype=object))

    meta_lat, meta_lng = meta["lat"].to_numpy(dtype=float), meta["lng"].to_numpy(dtype=float)
    from_metadata = np.isfinite(meta_lat) & np.isfinite(meta_lng)
    exif_lat, exif_lng = files["exif_lat"].to_numpy(dtype=float), files["exif_lng"].to_numpy(dtype=float)
    from_exif = ~from_metadata & np.isfinite(exif_lat) & np.isfinite(exif_lng)
    lat = np.where(from_metadata, meta_lat, np.where(from_exif, exif_lat, np.nan))
    lng = np.where(from_metadata, meta_lng, np.where(from_exif, exif_lng, np.nan))
    gps_source = np.where(from_metadata, "metadata", np.where(from_exif, "exif", ""))

    found_city, found_country, country_code = geocode.reverse_geocode(lat, lng)
    meta_city, meta_country = _text(meta["city"]), _text(meta["country"])
    city = np.where(meta_city != "", meta_city, found_city)
    country = np.where(meta_country != "", meta_country, found_country)
    codes_by_name = {name.lower(): code for code, name in geocode.country_names().items()}
    named_code = np.array([codes_by_name.get(name.lower(), "") for name in country], dtype=object)
    country_code = np.where(country_code != "", country_code, named_code)

    evidence = pd.DataFrame(
        {
            "meta_utc": pd.to_datetime(meta["utc_time"]),
            "meta_local": pd.to_datetime(meta["local_time"]),
            "meta_timezone": meta["timezone"],
            "exif_time": pd.to_datetime(files["exif_time"]),
            "exif_offset_s": files["exif_offset_s"].astype(float),
            "filename_utc": pd.to_datetime([time_from_filename(name) for name in files["file_name"]]),
            "mtime_utc": pd.to_datetime(files["file_mtime_ns"].astype("int64"), unit="ns"),
            "gps_timezone": geocode.timezones_at(lat, lng),
        }
    )
    times = resolve_times(evidence, home_timezone)

    table = files[list(FILE_COLUMNS)].copy()
    table["image_id"] = image_id.astype(str)
    for column in times.columns:
        table[column] = times[column].to_numpy()
    table["lat"], table["lng"], table["gps_source"] = lat, lng, gps_source.astype(str)
    table["semantic_name"] = _text(meta["semantic_name"]).astype(str)
    table["city"], table["country"] = city.astype(str), country.astype(str)
    table["country_code"] = country_code.astype(str)
    table["caption"] = captions.reindex(files["key"]).fillna("").astype(str).to_numpy()

    notes = _unknown_zone_notes(meta, table)
    unmatched = metadata.index.difference(pd.Index(files["key"]))
    if len(unmatched):
        lines = metadata.loc[unmatched[:3], "line"].tolist()
        examples = ", ".join(f"line {line}: {metadata.at[key, 'image_id']}" for key, line in zip(unmatched[:3], lines))
        notes.append(f"{len(unmatched)} metadata rows name photos that are not in the library (e.g. {examples})")
    return table, notes


def _unknown_zone_notes(meta: pd.DataFrame, table: pd.DataFrame) -> list[str]:
    """One note per metadata row whose time zone is unknown, saying which zone was used instead."""
    zones = _text(meta["timezone"])
    rejected = np.flatnonzero((zones != "") & (table["zone_source"].to_numpy() != ZONE_FROM_METADATA))
    return [
        f"time zone {zones[row]!r} on line {int(meta.at[row, 'line'])} unknown: used the {table.at[row, 'zone_source']} ({table.at[row, 'timezone']})"
        for row in rejected
    ]


def merge_sources(previous: pd.DataFrame | None, new: pd.DataFrame | None) -> pd.DataFrame | None:
    """Rows given in this run replace earlier rows for the same photo; others are kept."""
    if new is None:
        return previous
    if previous is None or previous.empty:
        return new
    return pd.concat([previous[~previous.index.isin(new.index)], new])
