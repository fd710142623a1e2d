"""Study logs, their report, and automatic topic runs, checked field by field."""

import csv
import json
import multiprocessing
from datetime import datetime, timedelta

import pytest

from assistant.library import Library
from assistant.study import StudyLog, Topic, read_log, read_topics, report_text, run_topics, summarise


def test_log_lines_are_complete_json_with_the_required_fields(tmp_path):
    log = StudyLog(tmp_path / "study" / "log.jsonl")
    log.write("p01", "message", message="coffee on Friday", constraints=["Fridays"], results=["a.jpg", "b.jpg"], topic="T1")
    log.write("p01", "click", image_id="a.jpg", topic="T1")
    log.write("p01", "submit", image_id="a.jpg", elapsed_s=12.5, topic="T1")
    records = list(read_log(tmp_path / "study" / "log.jsonl"))
    assert [r["event"] for r in records] == ["message", "click", "submit"]
    first = records[0]
    assert set(first) == {"time", "participant", "event", "message", "constraints", "results", "topic"}
    assert first["participant"] == "p01" and first["constraints"] == ["Fridays"] and first["results"] == ["a.jpg", "b.jpg"]
    datetime.fromisoformat(first["time"])
    assert records[2]["elapsed_s"] == 12.5


def test_a_torn_last_line_is_skipped(tmp_path):
    log = StudyLog(tmp_path / "log.jsonl")
    log.write("p01", "message", message="x")
    with open(tmp_path / "log.jsonl", "a") as handle:
        handle.write('{"time": "2026-01-01T00:00:00+00:00", "partic')  # the process died mid-write
    assert [r["message"] for r in read_log(tmp_path / "log.jsonl")] == ["x"]
    log.write("p01", "message", message="y")  # appending after a torn line still works...
    assert [r.get("message") for r in read_log(tmp_path / "log.jsonl")] == ["x"]  # ...though it shares the torn line


def _append_many(path, participant):
    log = StudyLog(path)
    for index in range(50):
        log.write(participant, "message", message=f"{participant}-{index}")


def test_concurrent_writers_never_interleave_lines(tmp_path):
    path = tmp_path / "log.jsonl"
    processes = [multiprocessing.Process(target=_append_many, args=(path, f"p{n}")) for n in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    records = list(read_log(path))
    assert len(records) == 200 and len({r["message"] for r in records}) == 200


def test_summary_per_participant_and_topic():
    start = datetime(2026, 3, 1, 10, 0)

    def at(seconds, participant, event, **fields):
        return {"time": (start + timedelta(seconds=seconds)).isoformat(), "participant": participant, "event": event, **fields}

    records = [
        at(0, "p1", "topic", topic="T1"),
        at(5, "p1", "message", topic="T1"), at(20, "p1", "message", topic="T1"), at(50, "p1", "submit", topic="T1", image_id="x.jpg"),
        at(60, "p1", "message", topic="T1"),  # after finding it: not counted
        at(0, "p2", "message", topic="T1"), at(30, "p2", "message", topic="T1"),
    ]
    summaries = {(s.participant, s.topic): s for s in summarise(records)}
    assert summaries[("p1", "T1")].turns == 2 and summaries[("p1", "T1")].seconds_to_find == 50 and summaries[("p1", "T1")].submitted == "x.jpg"
    assert not summaries[("p2", "T1")].found and summaries[("p2", "T1")].seconds_to_find is None
    text = report_text(list(summaries.values()))
    assert "p1" in text and "50.0" in text and "T1" in text


@pytest.mark.parametrize(
    "name, content",
    [
        ("topics.csv", "id,text\nT1,coffee on a Friday\nT2,a pub in Dublin\n"),
        ("topics.json", json.dumps([{"topic_id": "T1", "description": "coffee on a Friday"}, {"id": "T2", "text": "a pub in Dublin"}])),
        ("topics2.json", json.dumps({"T1": "coffee on a Friday", "T2": "a pub in Dublin"})),
    ],
)
def test_read_topics(tmp_path, name, content):
    path = tmp_path / name.replace("2", "")
    path.write_text(content)
    assert read_topics(path) == [Topic("T1", "coffee on a Friday"), Topic("T2", "a pub in Dublin")]


def test_run_file_format(tmp_path, demo_library, tiny_encoder):
    library = Library.open(demo_library)
    topics = [Topic("LSC01", "pints in The Brazen Head on Friday evening"), Topic("LSC02", "a museum in Thessaloniki")]
    written = run_topics(library, tiny_encoder, topics, tmp_path / "run.csv", group_id="DCU", run_id="run1")
    rows = list(csv.reader(open(tmp_path / "run.csv")))
    assert len(rows) == written
    assert {row[2] for row in rows} == {"LSC01", "LSC02"}
    for topic in ("LSC01", "LSC02"):
        topic_rows = [row for row in rows if row[2] == topic]
        assert 0 < len(topic_rows) <= 100
        scores = [float(row[5]) for row in topic_rows]
        assert scores == sorted(scores, reverse=True)
    for group, run, topic, image_id, seconds, score in rows:
        assert (group, run) == ("DCU", "run1")
        assert library.row_of(image_id) is not None and image_id.endswith(".jpg")
        assert float(seconds) >= 0
    from assistant.geo import haversine_km

    for row in (row for row in rows if row[2] == "LSC01"):  # every answer is at the pub (by position)
        record = library.record(library.row_of(row[3]))
        assert haversine_km(record["lat"], record["lng"], 53.3448, -6.2764) < 0.5, record["place"]


def test_recorder_measures_from_the_task_start_even_after_a_restart(tmp_path):
    from assistant.conversation import ChatState, Turn
    from assistant.study import StudyRecorder

    path = tmp_path / "log.jsonl"
    path.write_text('{"time": "2020-01-01T10:00:00", "participant": "p01", "event": "message", "topic": "T1", "message": "x"}\n')
    recorder = StudyRecorder(StudyLog(path), topic="T1")  # a restarted app, reading the log it wrote before
    recorder.message("p01", "s1", "a pub", Turn(ChatState(), "reply"))
    submitted = recorder.submit("p01", "s1", "a.jpg")
    assert submitted["elapsed_s"] > 365 * 24 * 3600  # since 2020, not since this run began
    assert submitted["participant"] == "p01" and submitted["topic"] == "T1" and submitted["session"] == "s1"


def test_recorder_participants_topics_and_clicks(tmp_path):
    from assistant.conversation import ChatState, Turn
    from assistant.study import StudyRecorder

    recorder = StudyRecorder(StudyLog(tmp_path / "log.jsonl"))
    assert recorder.participant(None, "0123456789abcdef") == "guest-01234567" and recorder.participant("p01", "s") == "p01"
    assert StudyRecorder(participant="P9").participant("p01", "s") == "P9"
    assert recorder.set_topic("p01", "s1", "  T2 ") == "T2"
    recorder.set_topic("p01", "s1", "T2")  # unchanged: not recorded again
    recorder.action("p01", "s1", "chip_removed", Turn(ChatState(), "reply"), chips=["evening"])
    recorder.action("p01", "s2", "open", image_id="b.jpg")  # another tab: no topic set there
    records = list(read_log(tmp_path / "log.jsonl"))
    assert [(r["event"], r["topic"]) for r in records] == [("topic", "T2"), ("click", "T2"), ("click", None)]
    assert records[1]["action"] == "chip_removed" and records[1]["chips"] == ["evening"] and records[1]["results"] == []
    assert records[2]["image_id"] == "b.jpg" and "results" not in records[2]
    assert StudyRecorder().submit(None, "s3", "c.jpg")["elapsed_s"] is None  # no log, no task started: still answered
