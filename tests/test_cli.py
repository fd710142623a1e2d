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


def test_search_by_image_ranks_the_library_by_likeness_to_the_example(indexed, tmp_path, tiny_encoder):
    import numpy as np
    from PIL import Image

    from assistant.library import Library

    source, library, _ = indexed
    copy = tmp_path / "copy-of-333.jpg"  # outside the library: encoded afresh, nothing pins it first
    copy.write_bytes(source.paths[333].read_bytes())
    run = lifelog("search", "--image", copy, "--library", library, "--top-k", 5, "--json")
    assert run.returncode == 0, run.stderr
    hits = json.loads(run.stdout)
    assert hits[0]["image_id"] == source.paths[333].name
    stored = Library.open(library)
    vectors = np.asarray(stored.embeddings, dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with Image.open(copy) as photo:
        query = tiny_encoder.encode_images([photo])[0].astype(np.float64)
    likeness = vectors @ (query / np.linalg.norm(query))  # cosine of every photo to the example
    fifth_best = np.sort(likeness)[-5]
    # the five most alike, up to ties within fp16 rounding of the stored vectors
    assert all(likeness[stored.row_of(hit["image_id"])] >= fifth_best - 2e-4 for hit in hits)
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


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
    assert parsed["visual"] == "coffee"
    assert [(term["kind"], term["label"], term["negated"]) for term in parsed["time"]] == [("weekday", "Sundays", False), ("day_part", "morning", False)]
    assert parsed["time"][0]["days"] == ["Sunday"]
    (place,) = parsed["place"]
    assert "Times Square" in place["label"] and not place["negated"]
    (area,) = place["areas"]
    assert abs(area["lat"] - 40.7580) < 0.01 and abs(area["lng"] - -73.9855) < 0.01  # the library's Times Square


@pytest.mark.parametrize("flag, env, expected", [
    (["--date-order", "MDY"], {}, "5 April 2020"),
    (["--date-order", "dmy"], {"LIFELOG_DATE_ORDER": "MDY"}, "4 May 2020"),  # the flag wins over the environment
    ([], {"LIFELOG_DATE_ORDER": "MDY", "LC_ALL": "en_IE.UTF-8"}, "5 April 2020"),  # the environment over the locale
    ([], {"LC_ALL": "en_US.UTF-8"}, "5 April 2020"),  # the locale's own order
    ([], {"LC_ALL": "C.UTF-8"}, "5 April 2020 or 4 May 2020"),  # none known: both readings
])
def test_the_date_order_reads_an_ambiguous_date(indexed, flag, env, expected):
    environment = {key: value for key, value in os.environ.items() if key not in ("LIFELOG_DATE_ORDER", "LC_ALL", "LC_TIME", "LANG")}
    run = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "parse", "lunch on 04/05/2020", "--now", "2021-01-01T00:00", "--library", indexed[1], *flag],
        capture_output=True, text=True, timeout=300, env={**environment, **env},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{expected} ·"), run.stdout


def test_search_needs_something_to_search_for(indexed):
    _, library, _ = indexed
    run = lifelog("search", "--library", library)
    assert run.returncode != 0 and "give a description" in run.stderr


def test_add_user_reads_the_password_from_stdin_and_stores_only_a_salted_hash(tmp_path, indexed):
    from assistant.core.access import Authenticator

    _, library, _ = indexed
    accounts = tmp_path / "users.tsv"
    run = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "add-user", str(accounts), "p01", "--library", str(library)],
        input="a long password\n", capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "a long password" not in accounts.read_text()
    check = Authenticator(accounts)
    assert check("p01", "a long password") and not check("p01", "a long password\n")
    assert check.accounts["p01"].library == library.resolve()


def test_add_user_refuses_a_folder_that_is_not_a_library(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "add-user", str(tmp_path / "users.tsv"), "p01", "--library", str(tmp_path)],
        input="a long password\n", capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2 and "error:" in run.stderr and not (tmp_path / "users.tsv").exists()


def test_study_report(tmp_path):
    log = tmp_path / "study.jsonl"
    log.write_text(
        '{"time": "2026-03-01T10:00:00", "participant": "p01", "event": "message", "topic": "T1", "message": "a pub"}\n'
        '{"time": "2026-03-01T10:00:30+00:00", "participant": "p01", "event": "message", "topic": "T1", "message": "on Friday"}\n'
        '{"time": "2026-03-01T10:00:50+00:00", "participant": "p01", "event": "cli'  # torn by a crash
        '\n{"time": "2026-03-01T10:01:12+00:00", "participant": "p01", "event": "submit", "topic": "T1", "image_id": "x.jpg", "elapsed_s": 72.0}\n'
    )
    run = lifelog("study-report", log)  # offset and naive (UTC) times mixed, one line unreadable
    assert run.returncode == 0, run.stderr
    row = next(line for line in run.stdout.splitlines() if line.startswith("p01"))
    assert row.split() == ["p01", "T1", "-", "2", "0", "1", "72.0", "x.jpg"]  # kind, turns, hints, submissions, first_s
    assert "1 unreadable line(s) (line 3) skipped" in run.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert "no study records" in lifelog("study-report", empty).stderr


def test_run_topics_writes_the_lsc_run_format(tmp_path, indexed):
    source, library, _ = indexed
    topics = tmp_path / "topics.csv"
    topics.write_text("id,text\nT1,a photo in Tokyo\nT2,a street in New York\n")
    out = tmp_path / "my-run.csv"
    run = lifelog("run-topics", topics, "--library", library, "--out", out, "--group-id", "DCU", "--top-k", 50)
    assert run.returncode == 0, run.stderr
    assert "topics" in run.stderr  # the progress bar
    rows = [line.split(",") for line in out.read_text().splitlines()]
    assert len(rows) == 100 and "100 rows for 2 topics" in run.stdout
    names = {path.name for path in source.paths}
    for group, run_id, topic, image_id, seconds, score in rows:
        assert (group, run_id) == ("DCU", "my-run") and topic in ("T1", "T2") and image_id in names
        assert float(seconds) >= 0
    for topic, text in (("T1", "a photo in Tokyo"), ("T2", "a street in New York")):  # the run answers as a search does
        searched = json.loads(lifelog("search", text, "--library", library, "--top-k", 50, "--json").stdout)
        topic_rows = [row for row in rows if row[2] == topic]
        assert [(row[3], float(row[5])) for row in topic_rows] == [(hit["image_id"], round(hit["score"], 6)) for hit in searched]
        assert len({row[4] for row in topic_rows}) == 1  # one search time per topic
    notes = json.loads((tmp_path / "my-run.notes.json").read_text())
    assert notes["channels"] == ["clip"] and notes["channels_by_topic"] == {"T1": ["clip"], "T2": ["clip"]}
    assert notes["rows"] == 100 and notes["model"] is not None
    tokyo = set(source.metadata.loc[source.metadata["city"] == "Tokyo", "ImageID"])
    new_york = set(source.metadata.loc[source.metadata["city"] == "New York", "ImageID"])
    assert {row[3] for row in rows if row[2] == "T1"} <= tokyo and {row[3] for row in rows if row[2] == "T2"} <= new_york
    too_many = lifelog("run-topics", topics, "--library", library, "--out", out, "--top-k", 101)
    assert too_many.returncode != 0 and "between 1 and 100" in too_many.stderr


def test_run_topics_without_clip_is_refused_unless_captions_only(tmp_path):
    source = write_lsc_source(tmp_path, 12)
    captions = tmp_path / "captions.csv"
    captions.write_text("ImageID,Description\n" + "".join(f"{path.name},a red bus on a wet street\n" for path in source.paths[:4]))
    library = tmp_path / "library"
    indexed = lifelog("index", source.photos_dir, "--metadata", source.metadata_csv, "--captions", captions, "--library", library, "--no-model", "--text-model", "none")
    assert indexed.returncode == 0, indexed.stderr
    topics = tmp_path / "topics.csv"
    topics.write_text("id,text\nT1,a red bus\n")
    refused = lifelog("run-topics", topics, "--library", library, "--out", tmp_path / "run.csv")
    assert refused.returncode != 0 and "--captions-only" in refused.stderr and not (tmp_path / "run.csv").exists()
    run = lifelog("run-topics", topics, "--library", library, "--out", tmp_path / "run.csv", "--captions-only", "--json")
    assert run.returncode == 0, run.stderr
    notes = json.loads(run.stdout)
    assert notes["channels"] == ["text"] and notes["model"] is None
    assert json.loads((tmp_path / "run.notes.json").read_text()) == notes
    ranked = [line.split(",")[3] for line in (tmp_path / "run.csv").read_text().splitlines()]
    assert len(ranked) == notes["rows"] and set(ranked[:4]) == {path.name for path in source.paths[:4]}  # the captioned bus photos first
