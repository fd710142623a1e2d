"""When each photo was taken, as an instant (UTC) and as the local wall-clock time people remember.

Evidence, strongest first: the metadata CSV, EXIF DateTimeOriginal (+ OffsetTimeOriginal), an LSC-style
file name (UTC in LSC'22 and later), and last the file's modification time (flagged approximate).
The zone for local time: the metadata's timezone column, else the EXIF offset, else the zone at the
photo's GPS position, else the configured home zone.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from ..core.photo_names import clock_time
from ..library.schema import ZONE_FROM_EXIF, ZONE_FROM_GPS, ZONE_FROM_HOME, ZONE_FROM_METADATA, time_is_approximate

_EXIF_TIME = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")
_FIXED_ZONE = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")

def parse_exif_time(value: object) -> datetime | None:
    """EXIF `2019:01:05 16:40:08` (camera wall-clock, zone unknown) -> naive datetime, or None."""
    if not isinstance(value, str):
        return None
    match = _EXIF_TIME.match(value)
    return clock_time(match) if match else None


def parse_utc_offset(value: object) -> int | None:
    """EXIF OffsetTimeOriginal `+01:00` -> 3600 seconds, or None."""
    if not isinstance(value, str):
        return None
    match = _OFFSET.match(value)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    seconds = int(hours) * 3600 + int(minutes) * 60
    if seconds > 14 * 3600:
        return None
    return -seconds if sign == "-" else seconds


def fixed_zone_name(offset_seconds: int) -> str:
    sign = "-" if offset_seconds < 0 else "+"
    minutes = abs(int(offset_seconds)) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=4096)
def is_known_zone(name: str) -> bool:
    """True for IANA names (Europe/Dublin) and our fixed-offset names (UTC+01:00)."""
    if not isinstance(name, str) or not name:
        return False
    if _FIXED_ZONE.match(name):
        return True
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True


def _fixed_offset(zone: str) -> int | None:
    match = _FIXED_ZONE.match(zone)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    seconds = int(hours) * 3600 + int(minutes) * 60
    return -seconds if sign == "-" else seconds


def _zone_by_zone(times: np.ndarray, zones: np.ndarray, sign: int, named_zone) -> np.ndarray:
    """Shift times by each zone's offset (sign +1: UTC to local, -1: local to UTC), one vectorised step per
    zone: fixed offsets ("+01:00") by arithmetic, named zones through `named_zone(times, zone)`."""
    shifted = np.empty(len(times), dtype="datetime64[s]")
    for zone in pd.unique(zones):
        rows = zones == zone
        offset = _fixed_offset(zone)
        if offset is not None:
            shifted[rows] = times[rows] + np.timedelta64(sign * offset, "s")
        else:
            shifted[rows] = named_zone(pd.DatetimeIndex(times[rows]), zone).tz_localize(None).to_numpy().astype("datetime64[s]")
    return shifted


def utc_to_local(utc: np.ndarray, zones: np.ndarray) -> np.ndarray:
    """Wall-clock local times (datetime64[s]) for UTC instants."""
    return _zone_by_zone(utc, zones, +1, lambda index, zone: index.tz_localize("UTC").tz_convert(zone))


def local_to_utc(local: np.ndarray, zones: np.ndarray) -> np.ndarray:
    """UTC instants for wall-clock times in given zones; in a DST fold the earlier reading wins."""
    return _zone_by_zone(
        local, zones, -1,
        lambda index, zone: index.tz_localize(zone, ambiguous=np.ones(len(index), dtype=bool), nonexistent="shift_forward").tz_convert("UTC"),
    )


def resolve_times(evidence: pd.DataFrame, home_timezone: str) -> pd.DataFrame:
    """Decide every photo's instant, zone and local time from its evidence columns, vectorised.

    Evidence columns (NaT / NaN / "" where absent): meta_utc, meta_local (datetime64), meta_timezone,
    exif_time (datetime64, camera wall-clock), exif_offset_s (float), filename_utc, mtime_utc
    (datetime64), gps_timezone. Returns taken_at_utc, local_time, timezone, zone_source, utc_offset_s,
    time_source, time_approximate (from the modification time) and time_approx (see time_is_approximate).
    """
    n = len(evidence)
    exif_offset = evidence["exif_offset_s"].to_numpy(dtype=float)
    has_offset = ~np.isnan(exif_offset)
    zones, zone_source = _zones(evidence, home_timezone, exif_offset, has_offset)

    def column(name: str) -> np.ndarray:
        return pd.to_datetime(evidence[name]).to_numpy().astype("datetime64[s]")

    meta_utc, meta_local = column("meta_utc"), column("meta_local")
    exif_time, filename_utc, mtime_utc = column("exif_time"), column("filename_utc"), column("mtime_utc")

    # Weakest evidence first; each stronger source overwrites the rows it covers.
    utc = mtime_utc.copy()
    source = np.full(n, "mtime", dtype=object)

    rows = ~np.isnat(filename_utc)
    utc[rows], source[rows] = filename_utc[rows], "filename"

    rows = ~np.isnat(exif_time)
    with_offset, without_offset = rows & has_offset, rows & ~has_offset
    utc[with_offset] = exif_time[with_offset] - exif_offset[with_offset].astype("timedelta64[s]")
    utc[without_offset] = local_to_utc(exif_time[without_offset], zones[without_offset])
    source[rows] = "exif"

    rows = ~np.isnat(meta_local)
    utc[rows] = local_to_utc(meta_local[rows], zones[rows])
    source[rows] = "metadata"
    rows = ~np.isnat(meta_utc)
    utc[rows], source[rows] = meta_utc[rows], "metadata"

    local = utc_to_local(utc, zones)
    return pd.DataFrame(
        {
            "taken_at_utc": utc,
            "local_time": local,
            "timezone": zones.astype(str),
            "zone_source": zone_source.astype(str),
            "utc_offset_s": (local - utc).astype("timedelta64[s]").astype(np.int32),
            "time_source": source.astype(str),
            "time_approximate": source == "mtime",
            "time_approx": time_is_approximate(source, zone_source),
        },
        index=evidence.index,
    )


def _zones(evidence: pd.DataFrame, home_timezone: str, exif_offset: np.ndarray, has_offset: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every photo's zone and where it came from, the strongest evidence winning: the metadata's, then EXIF's
    offset, then the zone at its GPS position, else the home zone."""
    n = len(evidence)
    meta_zone = evidence["meta_timezone"].fillna("").astype(str).to_numpy()
    gps_zone = evidence["gps_timezone"].fillna("").astype(str).to_numpy()
    zones = np.full(n, home_timezone, dtype=object)
    zone_source = np.full(n, ZONE_FROM_HOME, dtype=object)
    known_gps = np.array([is_known_zone(z) for z in gps_zone], dtype=bool) if n else np.zeros(0, bool)
    zones[known_gps], zone_source[known_gps] = gps_zone[known_gps], ZONE_FROM_GPS
    zones[has_offset], zone_source[has_offset] = [fixed_zone_name(int(o)) for o in exif_offset[has_offset]], ZONE_FROM_EXIF
    known_meta = np.array([is_known_zone(z) for z in meta_zone], dtype=bool) if n else np.zeros(0, bool)
    zones[known_meta], zone_source[known_meta] = meta_zone[known_meta], ZONE_FROM_METADATA
    return zones, zone_source
