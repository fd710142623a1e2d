"""The read side of a person's photo library: one committed generation, loaded for searching and showing."""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..query.anchors import FoundEvent, LifeAnchor
from .columns import coded_array, floats_or_none, modal_rows, optional_columns, search_arrays, single_chunk, strings, text_arrays
from .known_places import PLACE_COLUMNS, known_places_from_codes, read_known_places
from .label_counts import LabelCounts
from .life_events import find_life_event
from .schema import ENRICHED_COLUMNS, SEARCH_COLUMNS, PhotoRecord, time_is_approximate
from .store import LibraryDamaged, Manifest, PhotoTable, check_files, check_sources, check_vector_index_file, read_embeddings, repair_hint
from .text_index import TextIndex
from .vector_index import VectorIndex

# Read when a library opens: what search filters on and the places a query can name. The other columns
# (ids, paths, words: only for showing photos) are read meanwhile on another thread, and known places found.
_FILTER_COLUMNS = ("taken_at_utc", "local_time", "lat", "lng", "event_id", "embedded", "time_approx", "semantic_name", "city", "country", "country_code")
# String columns whose values repeat (a few hundred names over millions of photos): kept as a code per
# photo into their distinct values, never as a string per photo.
# The generation's file of enrichment steps still under way when it was committed (indexing/commit.py writes it).
ENRICHING_FILE = "enriching"
_REPEATING_COLUMNS = ("semantic_name", "city", "country", "country_code", "timezone", "time_source", "zone_source")


@lru_cache(maxsize=1 << 16)  # a few thousand distinct places: a search shows two hundred rows' labels
def _place_label(semantic_name: str, city: str, country: str) -> str:
    if semantic_name:
        return f"{semantic_name}, {city}" if city and city.lower() not in semantic_name.lower() else semantic_name
    return ", ".join(part for part in (city, country) if part)


class Library:
    """One committed generation of a library, loaded for searching (embeddings memory-mapped).

    Opening reads only what search filters on, as numpy arrays; the ids, paths and words are read, and the
    known places found, on two threads meanwhile (whatever needs them waits for them).
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder).expanduser()
        self.manifest = Manifest.read(self.folder)
        check_files(self.folder, self.manifest)
        self._table = PhotoTable(self.folder, self.manifest)
        self._columns = SEARCH_COLUMNS + optional_columns(self._table.columns)  # what `photos` holds
        filtered = [column for column in _FILTER_COLUMNS if column in self._columns]
        self._arrays = search_arrays(self._table.arrow(filtered, _REPEATING_COLUMNS))
        self.embeddings: np.ndarray | None = read_embeddings(self.folder, self.manifest)
        check_sources(self.folder, self.manifest)
        if self.manifest.vector_index:
            check_vector_index_file(self.folder, self.manifest.vector_index)
        shown = [column for column in self._columns if column not in filtered]
        workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="library-open")
        coded = _REPEATING_COLUMNS + self._table.stored_as_codes(shown)
        self._shown_text: Future = workers.submit(lambda: text_arrays(self._table.arrow(shown, coded)))
        places_file = self.manifest.files.get("known_places")  # libraries written before it: worked out here
        self._known_places: Future = read_known_places(self.folder, places_file) if places_file else workers.submit(
            known_places_from_codes, {column: self._arrays[column] for column in PLACE_COLUMNS}, self.lat, self.lng)
        workers.shutdown(wait=False)  # its threads end when both are done

    @classmethod
    def open(cls, folder: Path | str) -> "Library":
        return cls(Path(folder).expanduser())

    def __len__(self) -> int:
        return len(self.embedded)

    @cached_property
    def photos(self) -> pd.DataFrame:
        """The photo table's searched and shown columns, as pandas (read from disk on first use: search
        itself works from the arrays below)."""
        return single_chunk(self._table.frame(self._columns))

    @property
    def model(self) -> str | None:
        return self.manifest.model

    @property
    def photo_roots(self) -> list[Path]:
        return [Path(root) for root in self.manifest.photo_roots]

    # ---- columns the search filters on (read when the library opens) ---------------------------------
    @property
    def local_seconds(self) -> np.ndarray:
        """Local wall-clock time of each photo as int64 seconds since 1970-01-01 (as if UTC)."""
        return self._arrays["local_time"]

    @property
    def utc_seconds(self) -> np.ndarray:
        """When each photo was taken, int64 seconds since the epoch; ascending (rows are in time order)."""
        return self._arrays["taken_at_utc"]

    @cached_property
    def utc_offset_range(self) -> tuple[int, int]:
        """The smallest and largest local-minus-UTC offset of any photo, in seconds (how far apart the two
        time orders can be)."""
        if not len(self):
            return 0, 0
        offsets = self.local_seconds - self.utc_seconds
        return int(offsets.min()), int(offsets.max())

    @property
    def lat(self) -> np.ndarray:
        return self._arrays["lat"]

    @property
    def lng(self) -> np.ndarray:
        return self._arrays["lng"]

    @cached_property
    def country_code(self) -> np.ndarray:
        """Fixed width: fast to compare, 8 MB per million (each distinct code converted once, as pandas would)."""
        values, codes = self._arrays["country_code"]
        return pd.Series(np.append(values, None), dtype="str").to_numpy(dtype="U2")[codes]  # -1 (null): the last

    def place_names(self, column: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Every photo's (or these rows') semantic_name, city or country as an object array ("" where none), built
        from the codes held since open: asking the photo table for it would read ten million strings."""
        values, codes = self._arrays[column]
        codes = codes if rows is None else codes[rows]
        return np.append(np.asarray(values, dtype=object), "")[codes]  # -1 (none): the last

    @property
    def event_ids(self) -> np.ndarray:
        return self._arrays["event_id"]

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
            shown = modal_rows(semantic, first, last)
            unnamed = np.flatnonzero(shown < 0)
            shown[unnamed] = modal_rows(city, first[unnamed], last[unnamed])  # no named place: the city
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
        text = self.texts(np.maximum(rows, 0), ("semantic_name", "city", "country"))
        labels = map(_place_label, text["semantic_name"], text["city"], text["country"])
        return [label if row >= 0 else "" for row, label in zip(rows.tolist(), labels)]

    @cached_property
    def _place_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """semantic_name and city as integer codes (-1: none), so events' most frequent places are found by
        sorting integers; numbered in order of first appearance, as pandas factorises the names (ties go the same way)."""
        coded = []
        for column in ("semantic_name", "city"):
            values, codes = self._arrays[column]
            first, seen = pd.factorize(codes)
            named = seen >= 0
            numbers = np.where(named & (np.append(values, "")[seen] != ""), np.cumsum(named) - 1, -1).astype(np.int32)
            coded.append(numbers[first])
        return tuple(coded)

    @cached_property
    def time_approx(self) -> np.ndarray:
        """Which photos' times are guesses (schema.time_is_approximate): the same rule for libraries made
        before indexing wrote the column."""
        if "time_approx" in self._arrays:
            return self._arrays["time_approx"]
        zone_source = self.photos["zone_source"].to_numpy(dtype=object) if "zone_source" in self.photos else ""
        return time_is_approximate(self.photos["time_source"].to_numpy(dtype=object), zone_source)

    @property
    def embedded(self) -> np.ndarray:
        return self._arrays["embedded"]

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

    def read_whole(self) -> None:
        """Read (or map) every file of this generation now. The next commit removes them; a reader that keeps this
        generation after it (a turn in flight, a study topic) would otherwise find a file it had not read yet gone."""
        for name in ("text_embeddings", "vector_index", "text_index", "concept_index", "enriching"):
            getattr(self, name)

    @cached_property
    def enriching(self) -> dict[str, tuple[int, int]]:
        """The enrichment steps (ocr, objects, captions) still reading this library's photos when this generation
        was committed: step -> (photos done, photos it reads); empty when nothing was left to read."""
        name = self.manifest.files.get(ENRICHING_FILE)
        if not name:
            return {}
        try:
            steps = json.loads((self.folder / name).read_text())
            return {step: (int(counts["done"]), int(counts["total"])) for step, counts in steps.items()}
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise LibraryDamaged(f"{self.folder / name} is unreadable ({error}); {repair_hint(self.folder)}") from error

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
        ids = self._text_columns["image_id"].to_numpy(dtype=object)
        stems = np.array([name.rsplit(".", 1)[0] for name in ids], dtype=object)
        keys = np.concatenate([ids, self._text_columns["path"].to_numpy(dtype=object), stems])
        hashes = pd.util.hash_array(keys, categorize=False)
        rows = np.tile(np.arange(len(ids), dtype=np.int64), 3)
        order = np.argsort(hashes, kind="stable")
        return hashes[order], rows[order], order

    def _row_for(self, key: str, column: str) -> int | None:
        try:
            key.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (JSON allows one): no stored id or path holds one, and hashing it fails
            return None
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
        """The string columns' arrays (Arrow-backed, one chunk, repeating names coded): reading one cell is then
        a couple of µs. Waits for the shown columns' reading, begun when the library opened."""
        places = {name: coded_array(*self._arrays[name]) for name in PLACE_COLUMNS}
        return places | self._shown_text.result()

    @cached_property
    def _text_table(self):
        """The string columns as one Arrow table (no copy): a batch of rows is one `take` of them all."""
        import pyarrow as pa

        return pa.table({name: pa.array(array) for name, array in self._text_columns.items()})

    @cached_property
    def _decoders(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Each coded string column as its words ("" last, for none) and each row's position among them, so a
        batch of rows is decoded by two numpy takes: Arrow's own decoding of a hundred coded strings cost
        ~110 µs a column, 2.5 ms a search."""
        import pyarrow as pa

        decoders = {}
        for name in self._text_table.column_names:
            column = self._text_table.column(name)
            if pa.types.is_dictionary(column.type):
                column = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
                words = np.array(strings(column.dictionary) + [""], dtype=object)
                decoders[name] = words, (column.indices.fill_null(-1) if column.null_count else column.indices).to_numpy()
        return decoders

    def texts(self, rows: np.ndarray, columns) -> dict[str, list[str]]:
        """Some string columns (caption, ocr_text ...) of some rows as Python strings ("" where missing), without whole records."""
        plain = [name for name in columns if name not in self._decoders]
        taken = self._text_table.select(plain).take(rows)
        text = {name: strings(taken.column(name)) for name in plain}
        for name in columns:
            if name in self._decoders:
                words, codes = self._decoders[name]
                text[name] = words[codes[rows]].tolist()
        return text

    def _text(self, column: str, row: int) -> str:
        value = self._text_columns[column][row]
        return "" if value is None or value is pd.NA else str(value)

    def image_id(self, row: int) -> str:
        return self._text("image_id", int(row))

    def image_ids(self, rows) -> list[str]:
        return strings(self._text_table.column("image_id").take(np.asarray(rows, dtype=np.int64)))

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
        text = self.texts(rows, self._text_table.column_names)
        blank = [""] * len(rows)
        fields = {  # in PhotoRecord's order
            "row": rows.tolist(),
            "image_id": text["image_id"],
            "path": text["path"],
            "local_time": self.local_times_iso(rows),
            "timezone": text["timezone"],
            "lat": floats_or_none(self.lat[rows]),
            "lng": floats_or_none(self.lng[rows]),
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

    def find_event(self, anchor: LifeAnchor) -> FoundEvent | None:
        """The trip or occasion a time is anchored to ("before my trip to Japan"), or None (life_events.py)."""
        return find_life_event(self, anchor)

    @property
    def places(self):
        """The places this person has been (KnownPlace list, found once per loaded library, as it opens)."""
        return self._known_places.result()
