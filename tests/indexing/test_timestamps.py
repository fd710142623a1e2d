from datetime import datetime

import numpy as np
import pandas as pd
import pytest

from assistant.indexing.timestamps import (
    fixed_zone_name,
    is_known_zone,
    parse_exif_time,
    parse_utc_offset,
    resolve_times,
)
from assistant.core.photo_names import time_from_filename


@pytest.mark.parametrize(
    "name, expected",
    [
        ("20190105_164008_000.jpg", datetime(2019, 1, 5, 16, 40, 8)),
        ("2019-01-05/20190105_164008_000.jpg", datetime(2019, 1, 5, 16, 40, 8)),
        ("B00000001_21I6X0_20180505_140531E.JPG", datetime(2018, 5, 5, 14, 5, 31)),
        ("20191345_164008_000.jpg", None),  # month 13
        ("IMG_1234.jpg", None),
        ("120190105_164008_000.jpg", None),  # digits run on: not a date stamp
    ],
)
def test_time_from_filename(name, expected):
    assert time_from_filename(name) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019:01:05 16:40:08", datetime(2019, 1, 5, 16, 40, 8)),
        ("2019-01-05 16:40:08", datetime(2019, 1, 5, 16, 40, 8)),
        ("0000:00:00 00:00:00", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_exif_time(value, expected):
    assert parse_exif_time(value) == expected


@pytest.mark.parametrize("value, expected", [("+01:00", 3600), ("-05:30", -19800), ("+0900", 32400), ("+25:00", None), ("x", None)])
def test_parse_utc_offset(value, expected):
    assert parse_utc_offset(value) == expected


def test_zone_names():
    assert is_known_zone("Europe/Dublin") and is_known_zone("UTC+05:30")
    assert not is_known_zone("Not/AZone") and not is_known_zone("")
    assert fixed_zone_name(-19800) == "UTC-05:30"


def _evidence(**columns):
    row = {
        "meta_utc": pd.NaT, "meta_local": pd.NaT, "meta_timezone": "", "exif_time": pd.NaT, "exif_offset_s": np.nan,
        "filename_utc": pd.NaT, "mtime_utc": pd.Timestamp("2020-02-02 02:02:02"), "gps_timezone": "",
    }
    row.update(columns)
    return pd.DataFrame([row])


T = pd.Timestamp


@pytest.mark.parametrize(
    "evidence, local, zone, source",
    [
        # LSC file name (UTC) + metadata zone: summer time in Dublin is UTC+1.
        (dict(filename_utc=T("2019-07-05 16:40:08"), meta_timezone="Europe/Dublin"), "2019-07-05 17:40:08", "Europe/Dublin", "filename"),
        # ... and winter time is UTC+0.
        (dict(filename_utc=T("2019-01-05 16:40:08"), meta_timezone="Europe/Dublin"), "2019-01-05 16:40:08", "Europe/Dublin", "filename"),
        # metadata zone beats the GPS zone and the EXIF offset
        (dict(filename_utc=T("2019-01-05 16:00"), meta_timezone="Asia/Tokyo", gps_timezone="Europe/Dublin", exif_offset_s=3600.0), "2019-01-06 01:00", "Asia/Tokyo", "filename"),
        # EXIF time with offset: the instant is exact, and local time is what the camera showed.
        (dict(exif_time=T("2019-03-01 09:00"), exif_offset_s=-18000.0), "2019-03-01 09:00", "UTC-05:00", "exif"),
        # EXIF time beats the file name
        (dict(exif_time=T("2019-03-01 09:00"), exif_offset_s=3600.0, filename_utc=T("2000-01-01 00:00")), "2019-03-01 09:00", "UTC+01:00", "exif"),
        # EXIF wall-clock without offset: read in the GPS zone
        (dict(exif_time=T("2019-08-01 09:00"), gps_timezone="Europe/Athens"), "2019-08-01 09:00", "Europe/Athens", "exif"),
        # no zone evidence at all: the home zone
        (dict(filename_utc=T("2019-08-01 09:00")), "2019-08-01 10:00", "Europe/Dublin", "filename"),
        # unknown zone names are ignored, the next rule applies
        (dict(filename_utc=T("2019-08-01 09:00"), meta_timezone="Not/AZone", gps_timezone="Asia/Tokyo"), "2019-08-01 18:00", "Asia/Tokyo", "filename"),
        # metadata UTC time beats everything
        (dict(meta_utc=T("2019-08-01 09:00"), exif_time=T("2019-01-01 00:00"), meta_timezone="America/New_York"), "2019-08-01 05:00", "America/New_York", "metadata"),
        # metadata local time is read in the metadata zone
        (dict(meta_local=T("2019-08-01 09:00"), meta_timezone="America/New_York"), "2019-08-01 09:00", "America/New_York", "metadata"),
        # nothing but the file's modification time
        (dict(), "2020-02-02 02:02:02", "Europe/Dublin", "mtime"),
    ],
)
def test_resolve_times(evidence, local, zone, source):
    resolved = resolve_times(_evidence(**evidence), home_timezone="Europe/Dublin").iloc[0]
    assert resolved["local_time"] == pd.Timestamp(local)
    assert resolved["timezone"] == zone
    assert resolved["time_source"] == source
    assert resolved["time_approximate"] == (source == "mtime")
    offset = (resolved["local_time"] - resolved["taken_at_utc"]).total_seconds()
    assert resolved["utc_offset_s"] == offset


def test_resolve_times_dst_fold_and_gap():
    # 2019-10-27 01:30 happened twice in Dublin; 2019-03-31 01:30 never happened.
    frame = pd.concat(
        [
            _evidence(exif_time=T("2019-10-27 01:30"), meta_timezone="Europe/Dublin"),
            _evidence(exif_time=T("2019-03-31 01:30"), meta_timezone="Europe/Dublin"),
        ],
        ignore_index=True,
    )
    resolved = resolve_times(frame, home_timezone="UTC")
    assert resolved["taken_at_utc"].iloc[0] == pd.Timestamp("2019-10-27 00:30")  # the first (summer-time) reading
    assert resolved["taken_at_utc"].iloc[1] == pd.Timestamp("2019-03-31 01:00")  # shifted forward past the gap
