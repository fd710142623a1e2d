"""The read side of a person's photo library: one committed generation, loaded for searching and showing."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from ..geo import haversine_km
from ..query import KnownPlace
from .label_counts import LabelCounts
from .schema import ENRICHED_COLUMNS, SEARCH_COLUMNS, PhotoRecord, time_is_approximate
from .store import LibraryDamaged, Manifest, read_snapshot, repair_hint
from .text_index import TextIndex
from .vector_index import VectorIndex

# A known place's radius: the spread of its photos, but never smaller than GPS noise.
_MIN_PLACE_RADIUS_KM = {"semantic": 0.15, "city": 3.0, "country": 50.0}


def _single_chunk(photos: pd.DataFrame) -> pd.DataFrame:
    """String columns as one Arrow chunk each: taking rows from a many-chunk column costs milliseconds a call."""
    import pyarrow as pa

    for name in photos.columns:
        chunks = getattr(photos[name].array, "_pa_array", None)  # pandas' Arrow-backed strings; else left alone
        if isinstance(chunks, pa.ChunkedArray) and chunks.num_chunks > 1:
            array = photos[name].array
            photos[name] = type(array)(pa.chunked_array([chunks.combine_chunks()]), dtype=array.dtype)  # same dtype, one chunk
    return photos


def _place_label(semantic_name: str, city: str, country: str) -> str:
    if semantic_name:
        return f"{semantic_name}, {city}" if city and city.lower() not in semantic_name.lower() else semantic_name
    return ", ".join(part for part in (city, country) if part)


def _strings(column) -> list[str]:
    """An Arrow string column as Python strings, a missing one as ""."""
    import pyarrow.compute as pc

    return (pc.fill_null(column, "") if column.null_count else column).to_pylist()


def _floats_or_none(values: np.ndarray) -> list[float | None]:
    return np.where(np.isnan(values), None, values).tolist()


def _modal_rows(codes: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """For each run of rows first..last, the first row holding the run's most frequent code (ties: the
    smallest code), or -1 where none of its rows has one (code -1); all runs in one sort."""
    shown = np.full(len(first), -1, dtype=np.int64)
    lengths = last - first + 1
    run = np.repeat(np.arange(len(first)), lengths)
    rows = np.arange(len(run)) + np.repeat(first - (np.cumsum(lengths) - lengths), lengths)
    named = codes[rows] >= 0
    run, rows = run[named], rows[named]
    if not len(rows):
        return shown
    order = np.lexsort((codes[rows], run))  # by run, then code; stable, so each code's rows stay in row order
    run, rows = run[order], rows[order]
    code = codes[rows]
    starts = np.flatnonzero(np.r_[True, (run[1:] != run[:-1]) | (code[1:] != code[:-1])])  # one per (run, code)
    owner, sizes = run[starts], np.diff(np.r_[starts, len(run)])
    biggest = np.lexsort((-sizes, owner))  # by run, then size down; stable, so equal sizes keep the smaller code first
    biggest = biggest[np.r_[True, owner[biggest][1:] != owner[biggest][:-1]]]
    shown[owner[biggest]] = rows[starts[biggest]]
    return shown


def _present(folder: Path, columns: tuple[str, ...]) -> tuple[str, ...]:
    """Which of these columns the committed photo table has (read from the Parquet schema alone)."""
    import pyarrow.parquet as pq

    try:
        names = set(pq.read_schema(folder.expanduser() / Manifest.read(folder.expanduser()).files["photos"]).names)
    except (OSError, KeyError, ValueError):
        return ()  # read_snapshot reports the damage
    return tuple(column for column in columns if column in names)


def _optional_columns(folder: Path) -> tuple[str, ...]:
    """The enrichment columns the library has, and time_approx, or for a library made before that
    column, the zone_source it is derived from."""
    present = _present(folder, ENRICHED_COLUMNS + ("time_approx", "zone_source"))
    return tuple(column for column in present if not (column == "zone_source" and "time_approx" in present))


class Library:
    """One committed generation of a library, loaded for searching (embeddings memory-mapped)."""

    def __init__(self, folder: Path):
        folder = Path(folder)
        snapshot = read_snapshot(folder, columns=SEARCH_COLUMNS + _optional_columns(folder))
        self.folder = snapshot.folder
        self.manifest = snapshot.manifest
        self.photos: pd.DataFrame = _single_chunk(snapshot.photos)
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
    def utc_offset_range(self) -> tuple[int, int]:
        """The smallest and largest local-minus-UTC offset of any photo, in seconds (how far apart the two
        time orders can be)."""
        if not len(self):
            return 0, 0
        offsets = self.local_seconds - self.utc_seconds
        return int(offsets.min()), int(offsets.max())

    @cached_property
    def lat(self) -> np.ndarray:
        return self.photos["lat"].to_numpy(dtype=np.float64)

    @cached_property
    def lng(self) -> np.ndarray:
        return self.photos["lng"].to_numpy(dtype=np.float64)

    @cached_property
    def country_code(self) -> np.ndarray:
        return self.photos["country_code"].to_numpy(dtype="U2")  # fixed width: fast to compare, 8 MB per million

    @cached_property
    def event_ids(self) -> np.ndarray:
        return self.photos["event_id"].to_numpy(dtype=np.int64)

    def event_spans(self, event_ids) -> tuple[np.ndarray, np.ndarray]:
        """First and last row of each event (events are contiguous runs of rows): two binary searches for them all."""
        event_ids = np.asarray(event_ids, dtype=np.int64)
        return np.searchsorted(self.event_ids, event_ids, side="left"), np.searchsorted(self.event_ids, event_ids, side="right") - 1

    def event_span(self, event_id: int) -> tuple[int, int]:
        first, last = self.event_spans([event_id])
        return int(first[0]), int(last[0])

    def event_places(self, event_ids) -> list[str]:
        """The place each event happened: its most frequent named place (transit frames often have none).
        Remembered per event; the ones not yet known are found together, vectorised."""
        event_ids = np.asarray(event_ids, dtype=np.int64).tolist()
        known = self._event_places
        new = np.array(sorted({event for event in event_ids if event not in known}), dtype=np.int64)
        if len(new):
            first, last = self.event_spans(new)
            semantic, city = self._place_codes
            shown = _modal_rows(semantic, first, last)
            unnamed = np.flatnonzero(shown < 0)
            shown[unnamed] = _modal_rows(city, first[unnamed], last[unnamed])  # no named place: the city
            known.update(zip(new.tolist(), self._place_labels(shown)))
        return [known[event] for event in event_ids]

    def event_place(self, event_id: int) -> str:
        return self.event_places([event_id])[0]

    @cached_property
    def _event_places(self) -> dict[int, str]:
        return {}

    def _place_labels(self, rows: np.ndarray) -> list[str]:
        """Each row's place as shown ("Brazen Head, Dublin"), "" for row -1."""
        if not len(rows):
            return []
        taken = self._text_table.select(["semantic_name", "city", "country"]).take(np.maximum(rows, 0))
        labels = map(_place_label, *(_strings(column) for column in taken.columns))
        return [label if row >= 0 else "" for row, label in zip(rows.tolist(), labels)]

    @cached_property
    def _place_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """semantic_name and city as integer codes (-1: none), so events' most frequent places are found by sorting integers."""
        coded = []
        for column in ("semantic_name", "city"):
            codes, names = pd.factorize(self.photos[column])
            empty = np.flatnonzero(np.asarray(names, dtype=object) == "")
            coded.append(np.where(np.isin(codes, empty), -1, codes))
        return tuple(coded)

    @cached_property
    def time_approx(self) -> np.ndarray:
        """Which photos' times are guesses (schema.time_is_approximate): the same rule for libraries made
        before indexing wrote the column."""
        if "time_approx" in self.photos:
            return self.photos["time_approx"].to_numpy(dtype=bool)
        zone_source = self.photos["zone_source"].to_numpy(dtype=object) if "zone_source" in self.photos else ""
        return time_is_approximate(self.photos["time_source"].to_numpy(dtype=object), zone_source)

    @cached_property
    def embedded(self) -> np.ndarray:
        return self.photos["embedded"].to_numpy(dtype=bool)

    @property
    def text_model(self) -> str | None:
        return self.manifest.text_model

    @cached_property
    def text_embeddings(self):
        """Sentence vectors of each photo's words, fp16 memory-mapped (zero rows: no words), or None."""
        name = self.manifest.files.get("text_embeddings")
        if not name:
            return None
        try:
            vectors = np.load(self.folder / name, mmap_mode="r")
        except (OSError, ValueError) as error:
            raise LibraryDamaged(f"{self.folder / name} is unreadable ({error}); {repair_hint(self.folder)}") from error
        if len(vectors) != len(self):
            raise LibraryDamaged(f"{self.folder / name} has {len(vectors)} rows for {len(self)} photos; {repair_hint(self.folder)}")
        return vectors

    @cached_property
    def vector_index(self) -> VectorIndex | None:
        """The approximate index that narrows vector search on a large library; None: score every row exactly."""
        facts = self.manifest.vector_index
        if not facts:
            return None
        return VectorIndex.load(self.folder, facts, count=len(self), dim=self.manifest.embedding_dim)

    @cached_property
    def text_index(self) -> TextIndex | None:
        """BM25 over captions and other photo words, or None when the library has no words."""
        name = self.manifest.files.get("text_index")
        return TextIndex.load(self.folder / name) if name else None

    @cached_property
    def concept_index(self) -> LabelCounts | None:
        """How many of each label (tags, detected objects) every photo shows, for the query's concept
        filters; None before any were found."""
        name = self.manifest.files.get("concept_index")
        return LabelCounts.load(self.folder / name) if name else None

    @cached_property
    def concept_labels(self) -> list[str]:
        """The concepts this library's photos show, for the query parser's concept filters."""
        return list(self.concept_index.labels) if self.concept_index is not None else []

    @cached_property
    def _id_lookup(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sorted 64-bit hashes of ids, paths and id stems with their rows: 16 bytes per entry, not a dict."""
        ids = self.photos["image_id"].to_numpy(dtype=object)
        stems = np.array([name.rsplit(".", 1)[0] for name in ids], dtype=object)
        keys = np.concatenate([ids, self.photos["path"].to_numpy(dtype=object), stems])
        hashes = pd.util.hash_array(keys, categorize=False)
        rows = np.tile(np.arange(len(ids), dtype=np.int64), 3)
        order = np.argsort(hashes, kind="stable")
        return hashes[order], rows[order], order

    def _row_for(self, key: str, column: str) -> int | None:
        hashes, rows, _ = self._id_lookup
        wanted = pd.util.hash_array(np.array([key], dtype=object), categorize=False)[0]
        position = int(np.searchsorted(hashes, wanted))
        while position < len(hashes) and hashes[position] == wanted:
            row = int(rows[position])
            value = self._text(column, row)
            if value == key or (column == "image_id" and value.rsplit(".", 1)[0] == key):
                return row
            position += 1
        return None

    def row_of(self, image_id: str) -> int | None:
        """Row of a photo by its id (with or without extension), or None."""
        return self._row_for(str(image_id), "image_id")

    def row_of_path(self, path: Path | str) -> int | None:
        return self._row_for(str(Path(path).expanduser().resolve()), "path")

    @cached_property
    def _text_columns(self) -> dict:
        """The string columns' arrays (Arrow-backed, no copy): reading one cell is then a couple of µs."""
        return {name: self.photos[name].array for name in self.photos.columns if pd.api.types.is_string_dtype(self.photos[name].dtype)}

    @cached_property
    def _text_table(self):
        """The string columns as one Arrow table (no copy): a batch of rows is one `take` of them all."""
        import pyarrow as pa

        return pa.table({name: pa.array(array) for name, array in self._text_columns.items()})

    def _text(self, column: str, row: int) -> str:
        value = self._text_columns[column][row]
        return "" if value is None or value is pd.NA else str(value)

    def image_id(self, row: int) -> str:
        return self._text("image_id", int(row))

    def image_ids(self, rows) -> list[str]:
        return _strings(self._text_table.column("image_id").take(np.asarray(rows, dtype=np.int64)))

    @cached_property
    def _local_times(self) -> np.ndarray:
        return self.local_seconds.astype("datetime64[s]")

    def local_times_iso(self, rows) -> list[str]:
        """Local wall-clock times of some rows, ISO 8601 to the second ("2019-03-01T10:00:00")."""
        return self._local_times[np.asarray(rows, dtype=np.int64)].astype(str).tolist()

    def record(self, row: int) -> PhotoRecord:
        return self.records([row])[0]

    def records(self, rows) -> list[PhotoRecord]:
        """Photos as records, several at once: one Arrow take of the string columns, and each field read for
        all rows in one vectorised step (a per-row lookup cost milliseconds per search)."""
        rows = np.asarray(rows, dtype=np.int64)
        taken = self._text_table.take(rows)
        text = {name: _strings(taken.column(name)) for name in taken.column_names}
        blank = [""] * len(rows)
        fields = {  # in PhotoRecord's order
            "row": rows.tolist(),
            "image_id": text["image_id"],
            "path": text["path"],
            "local_time": self.local_times_iso(rows),
            "timezone": text["timezone"],
            "lat": _floats_or_none(self.lat[rows]),
            "lng": _floats_or_none(self.lng[rows]),
            "place": list(map(_place_label, text["semantic_name"], text["city"], text["country"])),
            "semantic_name": text["semantic_name"],
            "city": text["city"],
            "country": text["country"],
            "caption": text["caption"],
            "event_id": self.event_ids[rows].tolist(),
            "time_source": text["time_source"],
            "time_approx": self.time_approx[rows].tolist(),
            **{column: text.get(column, blank) for column in ENRICHED_COLUMNS},
        }
        return [dict(zip(fields, values)) for values in zip(*fields.values())]

    def last_local_time(self) -> datetime | None:
        """The archive's 'now': relative expressions like 'last January' are relative to the last photo."""
        return pd.Timestamp(int(self.local_seconds.max()), unit="s").to_pydatetime() if len(self) else None

    def first_local_time(self) -> datetime | None:
        """Where the archive begins: recurring phrases ("at Easter, in March") are compared over its own years."""
        return pd.Timestamp(int(self.local_seconds.min()), unit="s").to_pydatetime() if len(self) else None

    @cached_property
    def places(self):
        """The places this person has been (KnownPlace list, computed once per loaded library)."""
        return self.known_places()

    def known_places(self):
        """The places this person has been, from the library's own metadata, for the query parser."""
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
