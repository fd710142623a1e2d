"""The command line end to end, as a user runs it (separate processes, the real console entry point)."""

import json
import os
import subprocess
import sys

import pytest

from conftest import write_lsc_source


def lifelog(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *map(str, args)], capture_output=True, text=True, timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})},
    )


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, tiny_clip_dir):
    """600 LSC-style photos in six time zones, plus corrupt, empty and non-photo files."""
    folder = tmp_path_factory.mktemp("cli")
    source = write_lsc_source(folder, 600)
    (source.photos_dir / "2019-01-05" / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (source.photos_dir / "2019-01-06" / "empty.jpg").write_bytes(b"")
    (source.photos_dir / "notes.txt").write_text("not a photo")
    library = folder / "library"
    run = lifelog("index", source.photos_dir, "--metadata", source.metadata_csv, "--library", library, "--model", tiny_clip_dir)
    return source, library, run


def test_index_succeeds_and_reports_skipped_files(indexed):
    _, _, run = indexed
    assert run.returncode == 0, run.stderr
    assert "600 photos (600 added, 0 updated, 0 unchanged)" in run.stdout
    assert "skipped 2 unreadable photos" in run.stdout
    assert "corrupt.jpg" in run.stdout and "empty.jpg: empty file" in run.stdout and "notes.txt" in run.stdout


def test_unfiltered_search_returns_every_photo_once(indexed, tiny_clip_dir):
    source, library, _ = indexed
    run = lifelog("search", "a photo", "--library", library, "--top-k", 100000, "--json")
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert len(results) == 600
    assert sorted(hit["image_id"] for hit in results) == sorted(path.name for path in source.paths)
    assert set(results[0]) >= {"image_id", "path", "local_time", "lat", "lng", "place", "score"}
    by_id = {hit["image_id"]: hit for hit in results}
    tokyo = by_id[source.paths[170].name]  # photo 170 is at the Tokyo hotel: UTC 01:50 is 10:50 local
    assert tokyo["local_time"] == "2019-01-06T10:50:00" and tokyo["place"].startswith("Hotel Nikko")


def test_search_by_image_returns_the_example_first(indexed):
    source, library, _ = indexed
    example = source.paths[333]
    run = lifelog("search", "--image", example, "--library", library, "--top-k", 5, "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)[0]["image_id"] == example.name


def test_readable_table_and_events(indexed):
    _, library, _ = indexed
    run = lifelog("search", "people in New York", "--library", library, "--events", "--top-k", 3)
    assert run.returncode == 0, run.stderr
    assert "understood: near New York" in run.stdout and "Times Square" in run.stdout


def test_second_index_leaves_the_count_unchanged(indexed, tiny_clip_dir):
    source, library, _ = indexed
    run = lifelog("index", source.photos_dir, "--library", library)  # the library remembers its model
    assert run.returncode == 0, run.stderr
    assert "600 photos (0 added, 0 updated, 600 unchanged)" in run.stdout


def test_missing_model_says_what_to_do(tmp_path):
    source = write_lsc_source(tmp_path, 2)
    run = lifelog("index", source.photos_dir, "--library", tmp_path / "lib", env={"LIFELOG_MODEL": "someone/not-a-cached-clip"})
    assert run.returncode != 0
    assert "not cached" in run.stderr and "LIFELOG_MODEL" in run.stderr and "--model" in run.stderr
    assert not (tmp_path / "lib" / "library.json").exists()


def test_parse_json(indexed):
    _, library, _ = indexed
    run = lifelog("parse", "coffee at Times Square on a Sunday morning", "--library", library, "--json")
    assert run.returncode == 0, run.stderr
    parsed = json.loads(run.stdout)
    assert parsed["visual"].startswith("coffee")


def test_search_needs_something_to_search_for(indexed):
    _, library, _ = indexed
    run = lifelog("search", "--library", library)
    assert run.returncode != 0 and "give a description" in run.stderr
