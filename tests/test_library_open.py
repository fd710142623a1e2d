"""Opening a library reads only what search needs, as arrays and codes; everything it derives must equal
what the stored photo table says, for a table written in many row groups (as a large library's is), with
missing values, photos without a position and places that share a name across countries."""

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from assistant.core.geo import haversine_km
from assistant.indexing import commit_photo_table
from assistant.library import Library, LibraryDamaged
from assistant.library.known_places import known_places_of
from assistant.library.schema import SEARCH_COLUMNS
from assistant.query import KnownPlace
from assistant.testing.library import photo_table, write_synthetic_library

N = 3000
MIN_RADIUS_KM = {"semantic": 0.15, "city": 3.0, "country": 50.0}
CITIES = [("Dublin", "Ireland", "IE", 53.35, -6.26), ("London", "United Kingdom", "GB", 51.51, -0.13),
          ("Paris", "France", "FR", 48.86, 2.35), ("Ålesund", "Norway", "NO", 62.47, 6.15)]


def _photos_file(folder):
    return folder / json.loads((folder / "library.json").read_text())["files"]["photos"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A committed library whose photo table was then rewritten in row groups of 250 rows (each with its
    own dictionaries), with some names, codes and positions missing."""
    rng = np.random.default_rng(3)
    local = np.datetime64("2020-01-01T08:00:00") + np.cumsum(rng.integers(20, 4000, N)).astype("timedelta64[s]")
    stay = np.repeat(rng.integers(0, 40, N // 25 + 1), 25)[:N]  # 40 places, visited in runs of 25 photos
    city = rng.integers(0, len(CITIES), 40)[stay]
    columns = {name: np.array([c[i] for c in CITIES], dtype=object)[city] for i, name in enumerate(("city", "country", "country_code"))}
    lat = np.array([c[3] for c in CITIES])[city] + rng.normal(0, 0.02, N)
    lng = np.array([c[4] for c in CITIES])[city] + rng.normal(0, 0.02, N)
    names = np.array([f"Place {i:02d}" for i in range(40)], dtype=object)[stay]
    names[stay % 7 == 0] = ""  # transit: no named place
    lat[stay == 3] = np.nan  # a place never located
    lat[rng.random(N) < 0.05] = np.nan
    table = photo_table(local, lat=lat, lng=lng, semantic_name=names, **columns)
    table["time_approx"] = rng.random(N) < 0.1
    folder = tmp_path_factory.mktemp("open") / "lib"
    vectors = rng.standard_normal((N, 8)).astype(np.float32)
    commit_photo_table(folder, table, vectors / np.linalg.norm(vectors, axis=1, keepdims=True), {}, model="synthetic",
                       photo_roots=[], vector_index="never")
    stored = pq.read_table(_photos_file(folder)).to_pandas()
    stored.loc[stored.index % 97 == 5, "semantic_name"] = None
    stored.loc[stored.index % 89 == 7, "city"] = None
    stored.loc[stored.index % 83 == 11, "country_code"] = None
    tie = np.flatnonzero(stored["semantic_name"] == "Place 05")[:40]  # as many "ZZ" (seen first) as "IE": a tie
    stored.loc[stored.index[tie], "country_code"] = np.where(np.arange(len(tie)) % 2 == 0, "ZZ", "IE")
    stored.loc[stored.index[np.flatnonzero(stored["semantic_name"] == "Place 05")[40:]], "country_code"] = None
    pq.write_table(pa.Table.from_pandas(stored, preserve_index=False), _photos_file(folder), row_group_size=250)
    # The known places written with the generation were of the table before this rewrite: as a library
    # written before they were, this one works them out from its table when it opens.
    manifest = json.loads((folder / "library.json").read_text())
    (folder / manifest["files"].pop("known_places")).unlink()
    (folder / "library.json").write_text(json.dumps(manifest))
    return folder


@pytest.fixture(scope="module")
def stored(folder):
    return pd.read_parquet(_photos_file(folder))


@pytest.fixture(scope="module")
def library(folder):
    return Library.open(folder)


def test_the_table_is_read_in_many_chunks_with_their_own_dictionaries(folder):
    table = pq.read_table(_photos_file(folder), columns=["city"], read_dictionary=["city"])
    dictionaries = {tuple(chunk.dictionary.to_pylist()) for chunk in table["city"].chunks}
    assert table["city"].num_chunks > 1 and len(dictionaries) > 1


def test_search_arrays_are_the_stored_columns(library, stored):
    assert len(library) == N
    assert np.array_equal(library.local_seconds, (stored["local_time"] - pd.Timestamp("1970-01-01")).dt.total_seconds().to_numpy().astype(np.int64))
    assert np.array_equal(library.utc_seconds, (stored["taken_at_utc"] - pd.Timestamp("1970-01-01")).dt.total_seconds().to_numpy().astype(np.int64))
    assert np.array_equal(library.lat, stored["lat"].to_numpy(), equal_nan=True)
    assert np.array_equal(library.lng, stored["lng"].to_numpy(), equal_nan=True)
    assert np.array_equal(library.event_ids, stored["event_id"].to_numpy())
    assert np.array_equal(library.embedded, stored["embedded"].to_numpy()) and library.embedded.dtype == bool
    assert np.array_equal(library.time_approx, stored["time_approx"].to_numpy())
    codes = stored["country_code"]
    assert library.country_code.dtype == np.dtype("U2")
    assert library.country_code[codes.notna().to_numpy()].tolist() == codes.dropna().tolist()


def test_place_names_are_the_stored_names_with_none_as_empty(library, stored):
    for column in ("semantic_name", "city", "country"):
        names = library.place_names(column)
        assert names.dtype == object and names.tolist() == stored[column].fillna("").tolist()


def test_place_codes_number_names_by_first_appearance(library, stored):
    for codes, column in zip(library._place_codes, ("semantic_name", "city")):
        names = stored[column].to_numpy(dtype=object)
        first_seen = list(dict.fromkeys(name for name in names if isinstance(name, str)))
        expected = [first_seen.index(name) if isinstance(name, str) and name else -1 for name in names]
        assert codes.tolist() == expected


def _expected_places(stored) -> list[KnownPlace]:
    """Each name's located photos: their median position, the 95th percentile of distances from it, the
    most common country code (ties: the first alphabetically), and how many photos bear the name."""
    places = []
    for kind, column in (("semantic", "semantic_name"), ("city", "city"), ("country", "country")):
        for name in sorted(stored[column].dropna().unique()):
            group = stored[stored[column] == name]
            located = group[np.isfinite(group["lat"]) & np.isfinite(group["lng"])]
            if name == "" or located.empty:
                continue
            lat, lng = float(np.median(located["lat"])), float(np.median(located["lng"]))
            spread = haversine_km(lat, lng, located["lat"].to_numpy(), located["lng"].to_numpy())
            counts = group["country_code"].dropna().value_counts()
            code = min(counts.index[counts == counts.max()]) if len(counts) else ""
            radius = max(MIN_RADIUS_KM[kind], float(np.percentile(spread, 95)))
            places.append(KnownPlace(name=name, kind=kind, lat=lat, lng=lng, radius_km=radius, country_code=code, photo_count=len(group)))
    return places


def test_known_places_are_each_names_median_and_spread(library, stored):
    expected = _expected_places(stored)
    assert library.places == expected == known_places_of(library.photos)  # worked out as it opens == as committed
    assert "Place 03" not in {place.name for place in expected}  # never located
    assert next(place for place in expected if place.name == "Place 05").country_code == "IE"


def test_a_generation_carries_its_known_places_and_a_damaged_file_is_refused(tmp_path):
    """Written with the generation, read as they are: the same places a library works out from its table."""
    folder = write_synthetic_library(tmp_path / "lib", 3000, dim=8, places=30)
    manifest = json.loads((folder / "library.json").read_text())
    written = folder / manifest["files"]["known_places"]
    library = Library.open(folder)
    assert len(library.places) > 30 and library.places == known_places_of(library.photos)
    written.write_text(written.read_text()[:-20])
    with pytest.raises(LibraryDamaged, match="known places.*--repair"):
        Library.open(folder)


def test_photos_and_records_show_the_stored_values(library, stored):
    pd.testing.assert_frame_equal(library.photos, stored[list(library.photos.columns)])
    assert set(SEARCH_COLUMNS) <= set(library.photos.columns)
    rows = np.array([0, 5, 7, 11, 1234, N - 1])
    for record, row in zip(library.records(rows), rows):
        photo = stored.iloc[row]
        for column in ("image_id", "path", "timezone", "time_source", "semantic_name", "city", "country", "caption"):
            assert record[column] == (photo[column] if isinstance(photo[column], str) else ""), (column, row)
    assert library.image_ids(rows) == stored["image_id"].iloc[rows].tolist()
    assert library.row_of(stored["image_id"].iloc[1234]) == 1234


def test_a_loaded_library_reads_on_after_a_new_generation_replaces_its_files(folder, tmp_path):
    copy = tmp_path / "lib"
    copy.mkdir()
    for path in folder.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    library = Library.open(copy)
    old_file = _photos_file(copy)
    table = pd.read_parquet(old_file)
    commit_photo_table(copy, table, np.asarray(library.embeddings, dtype=np.float32), {}, model="synthetic", photo_roots=[], vector_index="never")
    assert not old_file.exists()
    assert library.records([N - 1])[0]["image_id"] == table["image_id"].iloc[N - 1]
    assert library.photos["path"].tolist() == table["path"].tolist()


def test_a_damaged_source_file_is_refused_with_the_repair_hint(folder, tmp_path):
    copy = tmp_path / "lib"
    copy.mkdir()
    for path in folder.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    manifest = json.loads((copy / "library.json").read_text())
    manifest["files"]["source:metadata"] = "sources-000001-metadata.parquet"
    (copy / "library.json").write_text(json.dumps(manifest))
    pd.DataFrame({"key": ["a"], "value": [1]}).to_parquet(copy / "sources-000001-metadata.parquet")
    assert len(Library.open(copy)) == N
    source = copy / "sources-000001-metadata.parquet"
    source.write_bytes(source.read_bytes()[:-30])
    with pytest.raises(LibraryDamaged, match="sources-000001-metadata.parquet.*--repair"):
        Library.open(copy)
