import json
import os
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from assistant.indexing import IndexOptions, index_photos, ingest
from assistant.library import Library, LibraryBusy, LibraryDamaged, LibraryError, LibraryTooNew, store
from assistant.library.checkpoints import read_checkpoints
from conftest import PLACES, write_lsc_source


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lsc")
    source = write_lsc_source(folder, 240)
    day = source.photos_dir / "2019-01-05"
    (day / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(200))
    (day / "empty.jpg").write_bytes(b"")
    (source.photos_dir / "readme.txt").write_text("not a photo")
    return source


@pytest.fixture(scope="module")
def indexed(source, tiny_encoder, tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    report = index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv))
    return folder, report


def test_report_lists_skipped_files(indexed):
    _, report = indexed
    assert report.added == 240 and report.photos_in_library == 240
    reasons = {Path(item.path).name: item.reason for item in report.skipped}
    assert sorted(reasons) == ["corrupt.jpg", "empty.jpg"]
    assert reasons["empty.jpg"] == "empty file"
    assert reasons["corrupt.jpg"].startswith(("corrupt or truncated image", "not an image")), reasons
    assert [Path(item.path).name for item in report.not_photos] == ["readme.txt"]
    summary = report.summary()
    assert "skipped 2 unreadable photos" in summary and "readme.txt" in summary


def test_every_photo_once_with_local_time_in_its_zone(indexed, source):
    library = store.read_snapshot(indexed[0])  # every stored column
    assert len(library.photos) == 240 and library.photos["image_id"].is_unique
    assert library.embeddings.shape == (240, 16)
    np.testing.assert_allclose(np.linalg.norm(np.asarray(library.embeddings, np.float32), axis=1), 1.0, atol=2e-3)
    by_id = library.photos.set_index("image_id")
    for index in (0, 45, 130, 170, 210):  # one photo at each place in PLACES
        name, city, country, lat, lng, zone = PLACES[(index // 40) % len(PLACES)]
        photo = by_id.loc[source.paths[index].name]
        utc = pd.Timestamp(source.times_utc[index])
        expected_local = utc.tz_localize("UTC").tz_convert(zone).tz_localize(None)
        assert photo["local_time"] == expected_local
        assert photo["taken_at_utc"] == utc
        assert (photo["timezone"], photo["semantic_name"], photo["city"]) == (zone, name, city)
        assert photo["time_source"] == "filename" and not photo["time_approximate"]
    assert set(library.photos["country_code"]) == {"IE", "GR", "JP", "US"}


def test_rows_are_in_time_order_and_events_follow_places(indexed):
    library = Library.open(indexed[0])
    assert library.photos["taken_at_utc"].is_monotonic_increasing
    events = library.photos["event_id"].to_numpy()
    assert events[0] == 0 and np.all(np.diff(events) >= 0)
    # a change of place always starts a new event
    place_changes = np.flatnonzero(library.photos["semantic_name"].to_numpy()[1:] != library.photos["semantic_name"].to_numpy()[:-1]) + 1
    assert np.all(np.diff(events)[place_changes - 1] == 1)


def test_second_run_adds_nothing_and_recomputes_nothing(indexed, source, tiny_encoder, monkeypatch):
    folder, _ = indexed
    before = Library.open(folder)
    calls = []
    monkeypatch.setattr(tiny_encoder, "encode_photos", lambda photos: calls.append(len(photos)))
    report = index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    assert (report.added, report.updated, report.unchanged) == (0, 0, 240)
    assert calls == []
    after = Library.open(folder)
    assert len(after) == 240
    # metadata given in the first run is remembered
    pd.testing.assert_frame_equal(before.photos.drop(columns="event_id"), after.photos.drop(columns="event_id"))


def test_new_and_changed_photos(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 30)
    folder = tmp_path / "lib"
    index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv))
    changed = source.paths[3]
    Image.new("RGB", (320, 240), "purple").save(changed)
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    new = source.photos_dir / "2019-01-05" / "20190105_235900_000.jpg"
    Image.new("RGB", (320, 240), "orange").save(new)
    report = index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    assert (report.added, report.updated, report.unchanged) == (1, 1, 29)
    library = Library.open(folder)
    assert len(library) == 31 and library.photos["path"].is_unique
    row = library.row_of(changed.name)
    fresh = tiny_encoder.encode_images([Image.open(changed)])[0]
    assert float(np.dot(np.asarray(library.embeddings[row], np.float32), fresh)) > 0.999


def test_metadata_only_then_embedding(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 12)
    folder = tmp_path / "lib"
    report = index_photos(folder, source.photos_dir, IndexOptions(encoder=None, home_timezone="UTC", metadata_csv=source.metadata_csv))
    assert report.added == 12 and report.model is None
    library = Library.open(folder)
    assert library.embeddings is None and not library.embedded.any()
    assert library.photos["semantic_name"].iloc[0] == "Home"
    report = index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    assert report.updated == 12 and report.embedded == 12
    library = Library.open(folder)
    assert library.embedded.all() and library.model == tiny_encoder.name


def test_exif_only_photos_get_place_and_zone_from_gps(tmp_path, tiny_encoder):
    from test_photos import exif_with

    photos = tmp_path / "camera"
    photos.mkdir()
    gps = (("N", (40.0, 38.0, 0.0)), ("E", (22.0, 56.0, 0.0)))  # Thessaloniki
    Image.new("RGB", (64, 48), "white").save(photos / "IMG_0001.jpg", exif=exif_with(time="2019:07:01 20:15:00", gps=gps))
    Image.new("RGB", (64, 48), "gray").save(photos / "IMG_0002.jpg")
    os.utime(photos / "IMG_0002.jpg", (1_560_000_000, 1_560_000_000))
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=tiny_encoder, home_timezone="America/New_York"))
    by_id = store.read_snapshot(tmp_path / "lib").photos.set_index("image_id")
    first = by_id.loc["IMG_0001.jpg"]
    assert first["timezone"] == "Europe/Athens" and first["local_time"] == pd.Timestamp("2019-07-01 20:15")
    assert first["taken_at_utc"] == pd.Timestamp("2019-07-01 17:15")
    assert (first["city"], first["country"], first["country_code"], first["gps_source"]) == ("Thessaloniki", "Greece", "GR", "exif")
    second = by_id.loc["IMG_0002.jpg"]
    assert second["time_source"] == "mtime" and second["time_approximate"]
    assert second["timezone"] == "America/New_York"
    assert second["local_time"] == pd.Timestamp(datetime(2019, 6, 8, 9, 20))  # 13:20 UTC in New York summer time


def test_unknown_metadata_zone_is_reported_with_the_zone_used_instead(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 4)
    rows = source.metadata.assign(new_lat=35.6895, new_lng=139.6917)  # in Tokyo
    rows.loc[1, "timezone"] = "Not/AZone"
    rows.to_csv(source.metadata_csv, index=False)
    report = index_photos(tmp_path / "lib", source.photos_dir, IndexOptions(encoder=None, home_timezone="UTC", metadata_csv=source.metadata_csv))
    assert "time zone 'Not/AZone' on line 3 unknown: used the GPS time zone (Asia/Tokyo)" in report.input_issues
    photo = store.read_snapshot(tmp_path / "lib").photos.set_index("image_id").loc[rows.loc[1, "ImageID"]]
    assert (photo["timezone"], photo["zone_source"]) == ("Asia/Tokyo", "GPS time zone")


def test_captions_are_stored(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 5)
    captions = tmp_path / "captions.csv"
    captions.write_text("ImageID,Description\n" + f"{source.paths[2].name},a bowl of soup on a table\n")
    index_photos(tmp_path / "lib", source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", captions_csv=captions))
    library = Library.open(tmp_path / "lib")
    assert library.record(library.row_of(source.paths[2].name))["caption"] == "a bowl of soup on a table"
    assert library.record(library.row_of(source.paths[1].name))["caption"] == ""


def test_another_model_is_refused(indexed, source, tmp_path):
    from assistant.models import load_clip
    from assistant.testing.models import save_random_clip

    other = load_clip(str(save_random_clip(tmp_path / "other", seed=1)), precision="fp32")
    with pytest.raises(LibraryError, match="was indexed with model"):
        index_photos(indexed[0], source.photos_dir, IndexOptions(encoder=other, home_timezone="UTC"))


def test_interrupted_run_resumes_from_checkpoints(tmp_path, tiny_encoder, monkeypatch):
    source = write_lsc_source(tmp_path, 50)
    folder = tmp_path / "lib"
    monkeypatch.setattr(ingest, "CHECKPOINT_EVERY", 8)

    def stop_after_20(done, total, what):
        if what.startswith("reading") and done >= 20:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", batch_size=4, progress=stop_after_20))
    with pytest.raises(store.LibraryNotFound):
        Library.open(folder)  # nothing committed yet, and nothing half-written is visible
    saved = sum(len(rows) for rows, _ in read_checkpoints(folder))
    assert 16 <= saved <= 20

    embedded = []
    original = tiny_encoder.encode_photos
    monkeypatch.setattr(tiny_encoder, "encode_photos", lambda photos: embedded.append(len(photos)) or original(photos))
    report = index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv))
    assert report.resumed == saved and report.added == 50 and sum(embedded) == 50 - saved
    library = Library.open(folder)
    assert len(library) == 50 and library.photos["path"].is_unique and library.embedded.all()
    assert not (folder / "checkpoints").exists()


def test_damage_is_detected(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 6)
    folder = tmp_path / "lib"
    index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    manifest = json.loads((folder / "library.json").read_text())
    embeddings = folder / manifest["files"]["embeddings"]
    embeddings.write_bytes(embeddings.read_bytes()[:-20])
    with pytest.raises(LibraryDamaged, match="truncated.*lifelog index"):
        Library.open(folder)


def test_row_count_mismatch_is_detected(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 6)
    folder = tmp_path / "lib"
    index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    manifest = json.loads((folder / "library.json").read_text())
    photos = pd.read_parquet(folder / manifest["files"]["photos"])
    photos.iloc[:5].to_parquet(folder / manifest["files"]["photos"])
    with pytest.raises(LibraryDamaged, match="5 rows, manifest says 6"):
        Library.open(folder)


def test_newer_format_is_refused(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 3)
    index_photos(tmp_path / "lib", source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    manifest = json.loads((tmp_path / "lib" / "library.json").read_text())
    manifest["version"] = store.VERSION + 1
    (tmp_path / "lib" / "library.json").write_text(json.dumps(manifest))
    with pytest.raises(LibraryTooNew, match="newer Lifelog Assistant"):
        Library.open(tmp_path / "lib")


def test_missing_library_says_how_to_create_one(tmp_path):
    with pytest.raises(store.LibraryNotFound, match="lifelog index PHOTOS_DIR"):
        Library.open(tmp_path / "nothing")


def test_one_writer_at_a_time(tmp_path):
    with store.writer_lock(tmp_path):
        with pytest.raises(LibraryBusy):
            with store.writer_lock(tmp_path):
                pass
