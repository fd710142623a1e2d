"""Reading LSC-style metadata and caption CSVs, tolerant of the column variants different releases use.

Bad rows never stop ingestion: each problem is reported with its line number and the good rows are used.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

import pandas as pd

from ..core.photo_names import photo_key


# Canonical column -> accepted header spellings (compared lower-case with spaces, dashes and underscores removed).
_ALIASES = {
    "image_id": ("imageid", "image", "id", "filename", "file", "imagepath", "path", "imagename"),
    "lat": ("newlat", "lat", "latitude", "gpslat"),
    "lng": ("newlng", "lng", "lon", "long", "longitude", "newlon", "gpslng", "gpslon"),
    "semantic_name": ("semanticname", "semanticlocation", "location", "place", "placename"),
    "city": ("city", "town"),
    "country": ("country", "countryname"),
    "timezone": ("timezone", "tz", "localtimezone"),
    "utc_time": ("utctime", "utc", "datetimeutc", "utcdatetime", "timestamputc"),
    "local_time": ("localtime", "datetimelocal", "localdatetime"),
}
_CAPTION_SKIP = {"lat", "lng", "timezone", "utc_time", "local_time"}
_EMPTY = {"", "null", "none", "nan", "n/a", "na", "-"}


@dataclass(frozen=True)
class MetadataIssue:
    """One problem in an input file, with where it is and what was done about it."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.message}"


def _canonical(header: str) -> str:
    return re.sub(r"[\s_\-]", "", header.strip().lower())


def _map_columns(headers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, header in enumerate(headers):
        spelled = _canonical(header)
        for column, spellings in _ALIASES.items():
            if spelled in spellings and column not in found:
                found[column] = position
    return found


def _clean(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value.lower() in _EMPTY else value


def _read_rows(path: Path):
    """Yield (line number, fields) from a CSV, reporting rows whose quoting swallowed line breaks."""
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(handle, dialect)
        start = 1
        for fields in reader:
            yield start, reader.line_num, fields
            start = reader.line_num + 1


def _rows_with_ids(path: Path, issues: list[MetadataIssue], expected: str):
    """The header, its column positions and the rows worth reading, as (line, fields): blank rows are passed
    over; rows whose quoting swallowed line breaks, and rows with no image id, are reported and skipped.
    None for an empty file (reported too)."""
    rows = _read_rows(path)
    try:
        _, _, headers = next(rows)
    except StopIteration:
        issues.append(MetadataIssue(path.name, 1, "the file is empty"))
        return None
    columns = _map_columns(headers)
    if "image_id" not in columns:
        raise ValueError(f"{path}: no image id column in header {headers!r}; expected {expected}")
    id_column = columns["image_id"]

    def readable():
        for first_line, last_line, fields in rows:
            if not any(field.strip() for field in fields):
                continue
            if last_line > first_line or any("\n" in field for field in fields):
                issues.append(MetadataIssue(path.name, first_line, f"broken quoting spans lines {first_line}-{last_line}: rows skipped"))
            elif not _clean(fields[id_column] if id_column < len(fields) else ""):
                issues.append(MetadataIssue(path.name, first_line, "no image id: row skipped"))
            else:
                yield first_line, fields

    return headers, columns, readable()


@dataclass
class MetadataTable:
    rows: pd.DataFrame  # indexed by photo_key; columns image_id, lat, lng, semantic_name, city, country, timezone, utc_time, local_time, line
    issues: list[MetadataIssue]


def read_metadata(path: Path) -> MetadataTable:
    """Read `ImageID,new_lat,new_lng,semantic_name,city,country,timezone` (and variants) into a keyed table."""
    path = Path(path)
    issues: list[MetadataIssue] = []
    records: dict[str, dict] = {}
    found = _rows_with_ids(path, issues, "ImageID (LSC format ImageID,new_lat,new_lng,semantic_name,city,country,timezone)")
    if found is None:
        return MetadataTable(empty_metadata(), issues)
    headers, columns, rows = found
    for first_line, fields in rows:
        if len(fields) < len(headers):
            fields = fields + [""] * (len(headers) - len(fields))
        value = {name: _clean(fields[position]) for name, position in columns.items()}
        record = _parse_record(value, path.name, first_line, issues)
        key = photo_key(value["image_id"])
        if key in records:
            issues.append(MetadataIssue(path.name, first_line, f"{value['image_id']} appears again (line {records[key]['line']}): the later row is used"))
        records[key] = record
    if not records:
        return MetadataTable(empty_metadata(), issues)
    table = pd.DataFrame.from_dict(records, orient="index")
    table.index.name = "key"
    return MetadataTable(table, issues)


def _parse_record(value: dict[str, str], file: str, line: int, issues: list[MetadataIssue]) -> dict:
    lat, lng = _coordinate(value.get("lat", ""), 90), _coordinate(value.get("lng", ""), 180)
    if (value.get("lat") or value.get("lng")) and (lat is None or lng is None):
        issues.append(
            MetadataIssue(file, line, f"coordinates {value.get('lat', '')!r},{value.get('lng', '')!r} unreadable: position taken from EXIF if there is one")
        )
        lat = lng = None
    zone = value.get("timezone", "")  # an unknown zone is kept: resolving says which fallback replaced it
    return {
        "image_id": PurePath(value["image_id"].replace("\\", "/")).name,
        "lat": math.nan if lat is None else lat,
        "lng": math.nan if lng is None else lng,
        "semantic_name": value.get("semantic_name", ""),
        "city": value.get("city", ""),
        "country": value.get("country", ""),
        "timezone": zone,
        "utc_time": _timestamp(value.get("utc_time", ""), file, line, issues),
        "local_time": _timestamp(value.get("local_time", ""), file, line, issues),
        "line": line,
    }


def _coordinate(text: str, limit: float) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number) or abs(number) > limit:
        return None
    return number


def _timestamp(text: str, file: str, line: int, issues: list[MetadataIssue]):
    if not text:
        return pd.NaT
    normalised = re.sub(r"^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})?$", r"\1-\2-\3 \4:\5:\6", text)
    normalised = re.sub(r"^(\d{4}):(\d{2}):(\d{2})", r"\1-\2-\3", normalised).rstrip(":")
    try:
        stamp = pd.Timestamp(normalised)
    except (ValueError, TypeError):
        issues.append(MetadataIssue(file, line, f"time {text!r} unreadable: ignored"))
        return pd.NaT
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp


def empty_metadata() -> pd.DataFrame:
    columns = ["image_id", "lat", "lng", "semantic_name", "city", "country", "timezone", "utc_time", "local_time", "line"]
    table = pd.DataFrame(columns=columns)
    table.index.name = "key"
    return table


@dataclass
class CaptionTable:
    texts: pd.Series  # photo_key -> caption or tag text
    issues: list[MetadataIssue]


def read_captions(path: Path) -> CaptionTable:
    """Read captions or concepts: an id column plus any text columns (Description, caption, tags...)."""
    path = Path(path)
    issues: list[MetadataIssue] = []
    texts: dict[str, str] = {}
    found = _rows_with_ids(path, issues, "ImageID,Description")
    if found is None:
        return CaptionTable(pd.Series(dtype=str), issues)
    headers, columns, rows = found
    id_column = columns["image_id"]
    skipped = {position for name, position in columns.items() if name in _CAPTION_SKIP}
    text_columns = [p for p in range(len(headers)) if p != id_column and p not in skipped]
    for _, fields in rows:
        image_id = _clean(fields[id_column])
        # Extra unnamed fields (tags written as a,b,c without quotes) are kept as text too.
        positions = text_columns + list(range(len(headers), len(fields)))
        parts = [_clean(fields[p]) for p in positions if p < len(fields)]
        text = "; ".join(part for part in parts if part)
        key = photo_key(image_id)
        texts[key] = f"{texts[key]}; {text}" if key in texts and text else (text or texts.get(key, ""))
    return CaptionTable(pd.Series(texts, dtype=str), issues)
