"""Reading LSC-style metadata and caption CSVs, tolerant of the column variants different releases use.

Bad rows never stop ingestion: each problem is reported with its line number and the good rows are used.
"""

from __future__ import annotations

import codecs
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


def _as_windows_1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """A decoding error handler: bytes that are no UTF-8 read as Windows-1252, what a spreadsheet saves on Windows."""
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("lifelog-windows-1252", _as_windows_1252)


def _encoding(path: Path) -> tuple[str, int | None]:
    """How the file is written: UTF-16 or UTF-32 by their BOM, else UTF-8 (a BOM or none); with the line of the
    first byte that is no UTF-8 (it and any others are read as Windows-1252), or None."""
    with open(path, "rb") as handle:
        start = handle.read(4)
        if start.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            return "utf-32", None
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", None
        handle.seek(0)
        decoder, line = codecs.getincrementaldecoder("utf-8")(), 1
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return "utf-8-sig", line + chunk[: max(0, error.start)].count(b"\n")
            line += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "utf-8-sig", line
    return "utf-8-sig", None


def _delimiter(header: str) -> str:
    """The separator that splits the header line into the most known columns (ties: the comma). Not guessed from
    the rows, as csv.Sniffer does: a name that opens with an apostrophe made it read ' as the quote character."""
    return max(",;\t|", key=lambda delimiter: len(_map_columns(next(csv.reader([header], delimiter=delimiter), []))))


def _read_rows(path: Path, issues: list[MetadataIssue]):
    """Yield (first line, last line, fields) from a CSV in any of the encodings _encoding tells apart."""
    encoding, first_bad_line = _encoding(path)
    if first_bad_line is not None:
        issues.append(MetadataIssue(
            path.name, first_bad_line, "not UTF-8 (first on this line): such bytes read as Windows-1252; save the file as UTF-8 if names look wrong"))
    with open(path, newline="", encoding=encoding, errors="lifelog-windows-1252" if encoding == "utf-8-sig" else "replace") as handle:
        header = handle.readline()
        while header and not header.strip():  # blank lines before the header
            header = handle.readline()
        handle.seek(0)
        reader = csv.reader(handle, csv.excel, delimiter=_delimiter(header))
        start = 1
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:  # a field over the csv module's size limit: that row is skipped, the rest read
                issues.append(MetadataIssue(path.name, start, f"unreadable row ({error}): row skipped"))
            else:
                yield start, reader.line_num, fields
            start = reader.line_num + 1


def _rows_with_ids(path: Path, issues: list[MetadataIssue], expected: str):
    """The header, its column positions and the rows worth reading, as (line, fields): blank rows are passed
    over; rows whose quoting swallowed line breaks, and rows with no image id, are reported and skipped.
    None for an empty file (reported too)."""
    rows = _read_rows(path, issues)
    try:
        headers = next(fields for _, _, fields in rows if any(field.strip() for field in fields))
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
