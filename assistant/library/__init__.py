"""A person's photo library: ingestion (`index_photos`) and the read side (`Library`)."""

from __future__ import annotations

import warnings
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TypedDict

import numpy as np
import pandas as pd

from .geo import haversine_km
from .ingest import IndexReport, index_photos
from .store import LibraryBusy, LibraryDamaged, LibraryError, LibraryNotFound, LibraryTooNew, read_snapshot

__all__ = [
    "IndexReport", "Library", "LibraryBusy", "LibraryDamaged", "LibraryError", "LibraryNotFound",
    "LibraryTooNew", "PhotoRecord", "index_photos",
]

# A known place's radius: the spread of its photos, but never smaller than GPS noise.
_MIN_PLACE_RADIUS_KM = {"semantic": 0.15, "city": 3.0, "country": 50.0}


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


def _place_label(semantic_name: str, city: str, country: str) -> str:
    if semantic_name:
        return f"{semantic_name}, {city}" if city and city.lower() not in semantic_name.lower() else semantic_name
    return ", ".join(part for part in (city, country) if part)


class Library:
    """One committed generation of a library, loaded for searching (embeddings memory-mapped)."""

    def __init__(self, folder: Path):
        snapshot = read_snapshot(Path(folder))
        self.folder = snapshot.folder
        self.manifest = snapshot.manifest
        self.photos: pd.DataFrame = snapshot.photos
        self.embeddings: np.ndarray | None = snapshot.embeddings

    @classmethod
    def open(cls, folder: Path | str) -> "Library":
        return cls(Path(folder).expanduser())

    def __len__(self) -> int:
        return len(self.photos)

    @property
    def model(self) -> str | None:
        return self.manifest.model

    @property
    def photo_roots(self) -> list[Path]:
        return [Path(root) for root in self.manifest.photo_roots]

    # ---- columns the search filters on (computed once per loaded library) -------------------------
    @cached_property
    def local_seconds(self) -> np.ndarray:
        """Local wall-clock time of each photo as int64 seconds since 1970-01-01 (as if UTC)."""
        return self.photos["local_time"].to_numpy().astype("datetime64[s]").astype(np.int64)

    @cached_property
    def utc_seconds(self) -> np.ndarray:
        """When each photo was taken, int64 seconds since the epoch; ascending (rows are in time order)."""
        return self.photos["taken_at_utc"].to_numpy().astype("datetime64[s]").astype(np.int64)

    @cached_property
    def lat(self) -> np.ndarray:
        return self.photos["lat"].to_numpy(dtype=np.float64)

    @cached_property
    def lng(self) -> np.ndarray:
        return self.photos["lng"].to_numpy(dtype=np.float64)

    @cached_property
    def country_code(self) -> np.ndarray:
        return self.photos["country_code"].astype(str).to_numpy(dtype=object)

    @cached_property
    def event_ids(self) -> np.ndarray:
        return self.photos["event_id"].to_numpy(dtype=np.int64)

    def event_span(self, event_id: int) -> tuple[int, int]:
        """First and last row of an event (events are contiguous runs of rows)."""
        first = int(np.searchsorted(self.event_ids, event_id, side="left"))
        last = int(np.searchsorted(self.event_ids, event_id, side="right")) - 1
        return first, last

    @cached_property
    def embedded(self) -> np.ndarray:
        return self.photos["embedded"].to_numpy(dtype=bool)

    @cached_property
    def embedding_matrix(self):
        """The embeddings as a torch fp16 tensor sharing the memory map (torch's fp16 mat-vec is fast on CPU)."""
        import torch

        if self.embeddings is None:
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # read-only map: we never write through it
            return torch.from_numpy(np.asarray(self.embeddings))

    @cached_property
    def text_index(self):
        """BM25 over captions and other photo words, or None when the library has no words."""
        from ..text_channel import TextIndex

        name = self.manifest.files.get("text_index")
        return TextIndex.load(self.folder / name) if name else None

    @cached_property
    def _rows_by_id(self) -> dict[str, int]:
        ids = self.photos["image_id"].astype(str).tolist()
        rows = {image_id: row for row, image_id in enumerate(ids)}
        rows.update({Path(image_id).stem: row for row, image_id in enumerate(ids) if Path(image_id).stem not in rows})
        return rows

    @cached_property
    def _rows_by_path(self) -> dict[str, int]:
        return {path: row for row, path in enumerate(self.photos["path"].astype(str))}

    def row_of(self, image_id: str) -> int | None:
        """Row of a photo by its id (with or without extension), or None."""
        return self._rows_by_id.get(image_id, self._rows_by_id.get(Path(image_id).stem))

    def row_of_path(self, path: Path | str) -> int | None:
        return self._rows_by_path.get(str(Path(path).expanduser().resolve()))

    @cached_property
    def _record_columns(self) -> dict[str, np.ndarray]:
        """Plain arrays of the columns a PhotoRecord shows: building a record is then a few array reads."""
        text = ("image_id", "path", "timezone", "semantic_name", "city", "country", "caption", "time_source")
        columns = {name: self.photos[name].astype(str).to_numpy(dtype=object) for name in text}
        columns["local_time"] = self.photos["local_time"].to_numpy().astype("datetime64[s]")
        return columns

    def image_id(self, row: int) -> str:
        return self._record_columns["image_id"][int(row)]

    def local_time_iso(self, row: int) -> str:
        return str(self._record_columns["local_time"][int(row)])

    def record(self, row: int) -> PhotoRecord:
        row = int(row)
        columns = self._record_columns
        lat, lng = float(self.lat[row]), float(self.lng[row])
        semantic_name, city, country = columns["semantic_name"][row], columns["city"][row], columns["country"][row]
        return PhotoRecord(
            row=row,
            image_id=columns["image_id"][row],
            path=columns["path"][row],
            local_time=str(columns["local_time"][row]),
            timezone=columns["timezone"][row],
            lat=None if np.isnan(lat) else lat,
            lng=None if np.isnan(lng) else lng,
            place=_place_label(semantic_name, city, country),
            semantic_name=semantic_name,
            city=city,
            country=country,
            caption=columns["caption"][row],
            event_id=int(self.event_ids[row]),
            time_source=columns["time_source"][row],
        )

    def last_local_time(self) -> datetime | None:
        """The archive's 'now': relative expressions like 'last January' are relative to the last photo."""
        if not len(self):
            return None
        return pd.Timestamp(int(self.local_seconds.max()), unit="s").to_pydatetime()

    @cached_property
    def places(self):
        """The places this person has been (KnownPlace list, computed once per loaded library)."""
        return self.known_places()

    def known_places(self):
        """The places this person has been, from the library's own metadata, for the query parser."""
        from ..query import KnownPlace

        places = []
        frame = self.photos[["semantic_name", "city", "country", "country_code", "lat", "lng"]]
        for kind, column in (("semantic", "semantic_name"), ("city", "city"), ("country", "country")):
            named = frame[frame[column].astype(str) != ""]
            for name, group in named.groupby(column, sort=True):
                located = group[np.isfinite(group["lat"]) & np.isfinite(group["lng"])]
                if located.empty:
                    continue
                lat, lng = float(located["lat"].median()), float(located["lng"].median())
                spread = haversine_km(lat, lng, located["lat"].to_numpy(), located["lng"].to_numpy())
                codes = group["country_code"].astype(str)
                places.append(
                    KnownPlace(
                        name=str(name),
                        kind=kind,
                        lat=lat,
                        lng=lng,
                        radius_km=max(_MIN_PLACE_RADIUS_KM[kind], float(np.percentile(spread, 95))),
                        country_code=str(codes.mode().iloc[0]) if len(codes) else "",
                        photo_count=int(len(group)),
                    )
                )
        return places
