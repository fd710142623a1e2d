"""The built-in demo lifelog: LSC-shaped files, plausible times and places, consistent ground truth, legible signs."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from assistant.demo import (
    CAPTION_COLUMNS, METADATA_COLUMNS, DemoSource, draw_photo, plan_photos, write_demo_source,
)
from assistant.demo.itinerary import ITINERARY, PLACES
from assistant.demo.scenes import SCENES
from assistant.indexing.metadata import read_captions, read_metadata
from assistant.core.photo_names import time_from_filename

SEED = 7


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[DemoSource, list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    source = write_demo_source(tmp_path_factory.mktemp("demo"), seed=SEED, progress=lambda d, t: calls.append((d, t)))
    return source, calls


@pytest.fixture(scope="module")
def metadata(demo) -> dict[str, dict[str, str]]:
    with open(demo[0].metadata_csv, newline="", encoding="utf-8") as handle:
        return {row["ImageID"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def captions(demo) -> dict[str, str]:
    with open(demo[0].captions_csv, newline="", encoding="utf-8") as handle:
        return {row["ImageID"]: row["Description"] for row in csv.DictReader(handle)}


def _photo_files(source: DemoSource) -> dict[str, Path]:
    return {path.name: path for path in source.photos_dir.glob("*/*.jpg")}


def _local_time(image_id: str, zone: str) -> datetime:
    return time_from_filename(image_id).replace(tzinfo=timezone.utc).astimezone(ZoneInfo(zone))


def test_csv_headers_are_exactly_lsc_style(demo):
    source, _ = demo
    for path, header in ((source.metadata_csv, METADATA_COLUMNS), (source.captions_csv, CAPTION_COLUMNS)):
        with open(path, newline="", encoding="utf-8") as handle:
            assert tuple(next(csv.reader(handle))) == header
    assert METADATA_COLUMNS == ("ImageID", "new_lat", "new_lng", "semantic_name", "city", "country", "timezone")
    assert CAPTION_COLUMNS == ("ImageID", "Description")


def test_every_photo_is_in_both_csvs(demo, metadata, captions):
    files = _photo_files(demo[0])
    assert 300 <= len(files) <= 450
    assert set(files) == set(metadata) == set(captions)
    assert all(len(text.split()) >= 5 for text in captions.values())


def test_the_library_reads_both_csvs_without_complaint(demo, metadata):
    source, _ = demo
    table = read_metadata(source.metadata_csv)
    texts = read_captions(source.captions_csv)
    assert table.issues == [] and texts.issues == []
    assert len(table.rows) == len(texts.texts) == len(metadata)


def test_file_names_are_utc_times_and_local_times_are_waking_hours(demo, metadata):
    files = _photo_files(demo[0])
    local_days = Counter()
    for image_id, row in metadata.items():
        utc = time_from_filename(image_id)
        assert utc is not None and image_id == utc.strftime("%Y%m%d_%H%M%S_000.jpg")
        assert files[image_id].parent.name == utc.strftime("%Y-%m-%d")
        local = _local_time(image_id, row["timezone"])
        assert 6 <= local.hour <= 23, (image_id, local)
        local_days[local.strftime("%A %Y-%m-%d")] += 1
    assert 3 <= len(local_days) <= 4
    assert any(day.startswith("Friday") for day in local_days)
    assert any(day.startswith(("Saturday", "Sunday")) for day in local_days)
    assert {row["timezone"] for row in metadata.values()} == {"Europe/Dublin", "Europe/Athens"}


def test_local_time_differs_from_file_name_time(metadata):
    """In May, Dublin is UTC+1 and Thessaloniki UTC+3: a reader that takes names as local time is wrong by hours."""
    offsets = {_local_time(i, row["timezone"]).utcoffset().total_seconds() / 3600 for i, row in metadata.items()}
    assert offsets == {1.0, 3.0}


def test_photos_are_1024x768_jpegs(demo):
    files = sorted(_photo_files(demo[0]).values())
    for path in files:
        with Image.open(path) as image:
            assert (image.format, image.size) == ("JPEG", (1024, 768))
    for path in files[:: len(files) // 12]:
        with Image.open(path) as image:
            image.load()
            assert image.mode == "RGB"


def test_coordinates_are_where_the_place_is(metadata):
    by_name = {place.semantic_name: place for place in PLACES.values()}
    missing = 0
    for row in metadata.values():
        if not row["new_lat"]:
            assert not row["new_lng"]
            missing += 1
            continue
        lat, lng = float(row["new_lat"]), float(row["new_lng"])
        if row["timezone"] == "Europe/Dublin":
            assert 53.25 < lat < 53.45 and -6.35 < lng < -6.15, row
        else:
            assert 40.45 < lat < 40.70 and 22.85 < lng < 23.05, row
        if row["semantic_name"]:
            place = by_name[row["semantic_name"]]
            assert abs(lat - place.lat) < 0.002 and abs(lng - place.lng) < 0.003, row
            assert (row["city"], row["country"], row["timezone"]) == (place.city, place.country, place.timezone)
    assert 0 < missing < len(metadata) * 0.2
    assert any(not row["semantic_name"] and row["new_lat"] for row in metadata.values())  # on the bus, walking


def test_moments_reference_existing_photos(demo, metadata):
    moments = demo[0].moments
    assert 10 <= len(moments) <= 20
    assert len({m.description for m in moments}) == len(moments)
    for moment in moments:
        assert moment.image_ids and set(moment.image_ids) <= set(metadata)
        assert list(moment.image_ids) == sorted(moment.image_ids)


@pytest.mark.parametrize("words, semantic_name, weekday, hours", [
    ("Omron", "Hickey's Pharmacy", "Friday", (9, 11)),
    ("Brazen Head", "The Brazen Head", "Friday", (18, 22)),
    ("White Tower", "White Tower of Thessaloniki", "Sunday", (9, 11)),
    ("Tesco", "Tesco Drumcondra", "Saturday", (9, 11)),
    ("building site", "", "Friday", (10, 11)),
    ("flight to Greece", "", "Saturday", (13, 18)),
])
def test_moments_agree_with_metadata(demo, metadata, words, semantic_name, weekday, hours):
    (moment,) = [m for m in demo[0].moments if words in m.description]
    for image_id in moment.image_ids:
        row = metadata[image_id]
        local = _local_time(image_id, row["timezone"])
        assert row["semantic_name"] == semantic_name
        assert local.strftime("%A") == weekday and hours[0] <= local.hour < hours[1], (image_id, local)


def test_captions_describe_what_the_moment_shows(demo, captions):
    expectations = {"Omron": "pharmacy", "Brazen Head": "The Brazen Head", "Greek salad": "taverna",
                    "krater": "museum", "EXTREME CAUTION": "EXTREME CAUTION"}
    for words, caption_word in expectations.items():
        (moment,) = [m for m in demo[0].moments if words in m.description]
        assert any(caption_word.lower() in captions[i].lower() for i in moment.image_ids), words


def test_progress_counts_up_to_the_number_of_photos(demo, metadata):
    _, calls = demo
    total = len(metadata)
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert {t for _, t in calls} == {total}


def test_same_seed_same_photos_and_metadata(demo, captions):
    assert plan_photos(SEED) == plan_photos(SEED)
    assert [p.image_id for p in plan_photos(SEED + 1)] != [p.image_id for p in plan_photos(SEED)]
    files = _photo_files(demo[0])
    plan = plan_photos(SEED)
    for photo in (plan[0], plan[len(plan) // 2], plan[-1]):
        image, caption = draw_photo(photo, SEED)
        encoded = io.BytesIO()
        image.save(encoded, "JPEG", quality=85)
        assert encoded.getvalue() == files[photo.image_id].read_bytes()
        assert caption == captions[photo.image_id]


def test_itinerary_uses_registered_scenes_and_places():
    assert len(SCENES) >= 12
    for activity in ITINERARY:
        assert activity.scene in SCENES
        assert activity.place in PLACES and (activity.to is None or activity.to in PLACES)
        assert activity.views is None or all(v < SCENES[activity.scene].views for v in activity.views)


def test_signs_are_legible_to_ocr(demo, captions):
    rapidocr = pytest.importorskip("rapidocr_onnxruntime")
    ocr = rapidocr.RapidOCR()
    files = _photo_files(demo[0])

    def first_photo(moment_words: str, caption_words: str) -> Path:
        (moment,) = [m for m in demo[0].moments if moment_words in m.description]
        return next(files[i] for i in moment.image_ids if caption_words in captions[i])

    cases = [(first_photo("Omron", "OMRON sign"), ["OMRON"]),
             (first_photo("building site", "EXTREME CAUTION"), ["EXTREME", "CAUTION"]),
             (first_photo("Brazen Head", "The Brazen Head"), ["BRAZENHEAD"])]
    for path, words in cases:
        found, _ = ocr(str(path))
        text = "".join(line[1] for line in found or []).upper().replace(" ", "")
        for word in words:
            assert word in text, (path.name, text)
