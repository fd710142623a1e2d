"""Study logs, their report, and automatic topic runs, checked field by field."""

import csv
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from assistant.library import Library
from assistant.studies import StudyLog, read_log, report_text, summarise
from assistant.studies.topic_runs import Topic, read_topics, run_topics

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_log_lines_are_complete_json_with_the_required_fields(tmp_path):
    log = StudyLog(tmp_path / "study" / "log.jsonl")
    log.write("p01", "message", message="coffee on Friday", constraints=["Fridays"], results=["a.jpg", "b.jpg"], topic="T1")
    log.write("p01", "click", image_id="a.jpg", topic="T1")
    log.write("p01", "submit", image_id="a.jpg", elapsed_s=12.5, topic="T1")
    records = read_log(tmp_path / "study" / "log.jsonl").records
    assert [r["event"] for r in records] == ["message", "click", "submit"]
    first = records[0]
    assert set(first) == {"time", "participant", "event", "message", "constraints", "results", "topic"}
    assert first["participant"] == "p01" and first["constraints"] == ["Fridays"] and first["results"] == ["a.jpg", "b.jpg"]
    datetime.fromisoformat(first["time"])
    assert records[2]["elapsed_s"] == 12.5


def test_an_event_written_after_a_torn_line_is_kept_and_the_torn_line_reported(tmp_path):
    log = StudyLog(tmp_path / "log.jsonl")
    log.write("p01", "message", message="x")
    with open(tmp_path / "log.jsonl", "a") as handle:
        handle.write('{"time": "2026-01-01T00:00:00+00:00", "partic')  # the process died mid-write
    reading = read_log(tmp_path / "log.jsonl")
    assert [r["message"] for r in reading.records] == ["x"] and reading.unreadable_lines == [2]
    log.write("p01", "submit", image_id="it.jpg")  # the "this is it" after a crash must not be lost
    reading = read_log(tmp_path / "log.jsonl")
    assert [r["event"] for r in reading.records] == ["message", "submit"] and reading.records[1]["image_id"] == "it.jpg"
    assert reading.unreadable_lines == [2]
    assert (tmp_path / "log.jsonl").read_text().splitlines()[1] == '{"time": "2026-01-01T00:00:00+00:00", "partic'  # on its own line


def test_a_log_from_an_older_writer_gives_back_the_event_glued_to_a_torn_line(tmp_path):
    path = tmp_path / "log.jsonl"
    path.write_text(
        '{"time": "2026-01-01T00:00:00+00:00", "partic'  # torn, and the next event was glued onto it
        '{"time": "2026-01-01T00:00:05+00:00", "participant": "p01", "event": "submit", "image_id": "it.jpg"}\n'
        'not json at all\n'
        '["a list", "not a record"]\n'
    )
    reading = read_log(path)
    assert [(r["event"], r["image_id"]) for r in reading.records] == [("submit", "it.jpg")]
    assert reading.unreadable_lines == [1, 2, 3]


def test_a_line_torn_inside_a_letter_does_not_stop_the_reading(tmp_path):
    path = tmp_path / "log.jsonl"
    path.write_bytes('{"time": "2026-01-01T00:00:00+00:00", "message": "Bewley\'s Café"'.encode()[:-2])  # ends in half of "é"
    StudyLog(path).write("p01", "submit", image_id="it.jpg")
    reading = read_log(path)
    assert [r["event"] for r in reading.records] == ["submit"] and reading.unreadable_lines == [1]


def test_short_writes_are_continued_until_the_whole_line_is_written(tmp_path, monkeypatch):
    real_write = os.write

    def write_at_most_seven_bytes(descriptor, data):  # what a nearly full disk or a signal may do
        return real_write(descriptor, bytes(data[:7]))

    monkeypatch.setattr(os, "write", write_at_most_seven_bytes)
    log = StudyLog(tmp_path / "log.jsonl")
    log.write("p01", "message", message="a long message about coffee in Dublin on a Friday")
    log.write("p01", "submit", image_id="it.jpg")
    monkeypatch.undo()
    reading = read_log(tmp_path / "log.jsonl")
    assert [r["event"] for r in reading.records] == ["message", "submit"] and reading.unreadable_lines == []
    assert reading.records[0]["message"] == "a long message about coffee in Dublin on a Friday"


# A writer process that logs events 0, 1, 2, ... and, at event TEAR_AT, has written half its line when it is
# killed: its second os.write call announces itself and waits for the SIGKILL.
_TORN_WRITER = """
import os, sys, time
from assistant.studies.log import StudyLog

log, tear_at = StudyLog(sys.argv[1]), int(sys.argv[2])
real_write = os.write

def write_half_then_wait(descriptor, data):
    global calls
    calls += 1
    if calls == 1:
        return real_write(descriptor, bytes(data[: len(data) // 2]))
    print("torn", flush=True)
    time.sleep(600)

for index in range(tear_at + 1):
    if index == tear_at:
        calls, os.write = 0, write_half_then_wait
    log.write("p01", "message", message=f"event-{index}")
"""

# A writer that logs large events as fast as it can until it is killed, wherever it happens to be.
_ENDLESS_WRITER = """
import sys
from assistant.studies.log import StudyLog

log = StudyLog(sys.argv[1])
index = 0
while True:
    log.write("p01", "message", message=f"event-{index}", padding="x" * 2_000_000)
    index += 1
"""


def _writer(script, *args):
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))},
    )


def test_a_writer_killed_mid_line_loses_only_that_line(tmp_path):
    path = tmp_path / "log.jsonl"
    writer = _writer(_TORN_WRITER, path, 40)
    assert writer.stdout.readline().strip() == "torn"  # half of event 40 is on disk
    os.kill(writer.pid, signal.SIGKILL)
    assert writer.wait(timeout=60) == -signal.SIGKILL
    assert not path.read_bytes().endswith(b"\n")
    StudyLog(path).write("p01", "submit", image_id="it.jpg")  # a new writer (the restarted app) appends
    reading = read_log(path)
    assert [r.get("message") for r in reading.records] == [f"event-{index}" for index in range(40)] + [None]
    assert reading.records[-1]["image_id"] == "it.jpg"
    assert reading.unreadable_lines == [41]
    assert json.loads(path.read_text().splitlines()[41])["image_id"] == "it.jpg"  # a line of its own, not glued to the torn one


def test_a_writer_killed_at_any_moment_loses_at_most_the_line_being_written(tmp_path):
    path = tmp_path / "log.jsonl"
    writer = _writer(_ENDLESS_WRITER, path)
    deadline = time.monotonic() + 120
    while (not path.exists() or path.read_bytes().count(b"\n") < 3) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(random.uniform(0, 0.05))
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=60)
    complete = path.read_bytes().count(b"\n")  # lines that ended before the kill
    StudyLog(path).write("p01", "submit", image_id="it.jpg")
    reading = read_log(path)
    assert [r["message"] for r in reading.records[:-1]] == [f"event-{index}" for index in range(complete)]
    assert reading.records[-1]["image_id"] == "it.jpg"
    assert reading.unreadable_lines in ([], [complete + 1])


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
    records = read_log(path).records
    assert len(records) == 200 and len({r["message"] for r in records}) == 200


def test_summary_per_participant_and_topic():
    start = datetime(2026, 3, 1, 10, 0)

    def at(seconds, participant, event, **fields):
        return {"time": (start + timedelta(seconds=seconds)).isoformat(), "participant": participant, "event": event, **fields}

    records = [
        at(0, "p1", "topic", topic="T1"),
        at(5, "p1", "message", topic="T1"), at(20, "p1", "message", topic="T1"), at(50, "p1", "submit", topic="T1", image_id="x.jpg"),
        at(60, "p1", "message", topic="T1"),  # after the submission: still a turn of the task
        at(0, "p2", "message", topic="T1"), at(30, "p2", "message", topic="T1"),
    ]
    summaries = {(s.participant, s.topic): s for s in summarise(records)}
    found = summaries[("p1", "T1")]
    assert (found.turns, found.submissions, found.seconds_to_first, found.first_submitted) == (3, 1, 50, "x.jpg")
    assert summaries[("p2", "T1")].submissions == 0 and summaries[("p2", "T1")].seconds_to_first is None
    text = report_text(list(summaries.values()))
    assert "p1" in text and "50.0" in text and "T1" in text


def test_summary_of_a_log_mixing_offset_and_naive_times():
    records = [  # naive times are UTC, as the app writes them; a hand-edited line may lack the offset
        {"time": "2026-03-01T10:00:00", "participant": "p1", "event": "message", "topic": "T1"},
        {"time": "2026-03-01T11:00:30+01:00", "participant": "p1", "event": "message", "topic": "T1"},
        {"time": "2026-03-01T10:01:15+00:00", "participant": "p1", "event": "submit", "topic": "T1", "image_id": "x.jpg"},
    ]
    (summary,) = summarise(records)
    assert summary.turns == 2 and summary.submissions == 1 and summary.seconds_to_first == 75


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
    run = run_topics(library, tiny_encoder, topics, tmp_path / "run.csv", group_id="DCU", run_id="run1")
    rows = list(csv.reader(open(tmp_path / "run.csv")))
    assert len(rows) == run.rows and run.topics == 2 and run.channels[0] == "clip"
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
    from assistant.core.geo import haversine_km

    for row in (row for row in rows if row[2] == "LSC01"):  # every answer is at the pub (by position)
        record = library.record(library.row_of(row[3]))
        assert haversine_km(record["lat"], record["lng"], 53.3448, -6.2764) < 0.5, record["place"]


def test_recorder_measures_from_the_task_start_even_after_a_restart(tmp_path):
    from assistant.chat import ChatState, Turn
    from assistant.studies import StudyRecorder

    path = tmp_path / "log.jsonl"
    path.write_text('{"time": "2020-01-01T10:00:00", "participant": "p01", "event": "message", "topic": "T1", "message": "x"}\n')
    recorder = StudyRecorder(StudyLog(path), topic="T1")  # a restarted app, reading the log it wrote before
    recorder.message("p01", "s1", "a pub", Turn(ChatState(), "reply"))
    submitted = recorder.submit("p01", "s1", "a.jpg")
    assert submitted["elapsed_s"] > 365 * 24 * 3600  # since 2020, not since this run began
    assert submitted["participant"] == "p01" and submitted["topic"] == "T1" and submitted["session"] == "s1"


def test_a_restarted_recorder_warns_of_lines_a_crash_cut_short(tmp_path, caplog):
    from assistant.studies import StudyRecorder

    path = tmp_path / "log.jsonl"
    path.write_text('{"time": "2020-01-01T10:00:00", "participant": "p01", "event": "message", "topic": "T1"}\n{"time": "2020-01-01T10:0')
    with caplog.at_level("WARNING", logger="assistant.studies.recorder"):
        StudyRecorder(StudyLog(path))
    assert "1 unreadable line(s) (line 2)" in caplog.text


def test_a_restarted_recorder_puts_each_participant_back_on_the_topic_they_chose(tmp_path):
    from assistant.studies import StudyRecorder

    path = tmp_path / "log.jsonl"
    StudyRecorder(StudyLog(path), topic="T1").set_topic("p01", "s1", "T2")
    again = StudyRecorder(StudyLog(path), topic="T1")  # the app restarts; p01 comes back in a new browser session
    assert again.topic("p01", "s9") == "T2" and again.topic("p02", "s8") == "T1"
    again.set_topic("p01", "s9", "T2")  # where they already were: no second topic record
    assert [record["topic"] for record in read_log(path).records] == ["T2"]


def test_recorder_participants_topics_and_clicks(tmp_path):
    from assistant.chat import ChatState, Turn
    from assistant.studies import StudyRecorder

    recorder = StudyRecorder(StudyLog(tmp_path / "log.jsonl"))
    assert recorder.participant(None, "0123456789abcdef") == "guest-01234567" and recorder.participant("p01", "s") == "p01"
    assert StudyRecorder(participant="P9").participant("p01", "s") == "P9"
    assert recorder.set_topic("p01", "s1", "  T2 ") == "T2"
    recorder.set_topic("p01", "s1", "T2")  # unchanged: not recorded again
    recorder.action("p01", "s1", "chip_removed", Turn(ChatState(), "reply"), chips=["evening"])
    recorder.action("p01", "s2", "open", image_id="b.jpg")  # another tab of the same participant: the same task
    recorder.action("p02", "s3", "open", image_id="b.jpg")  # another participant: no topic set
    records = read_log(tmp_path / "log.jsonl").records
    assert [(r["event"], r["topic"]) for r in records] == [("topic", "T2"), ("click", "T2"), ("click", "T2"), ("click", None)]
    assert records[1]["action"] == "chip_removed" and records[1]["chips"] == ["evening"] and records[1]["results"] == []
    assert records[2]["image_id"] == "b.jpg" and "results" not in records[2]
    assert StudyRecorder().submit(None, "s3", "c.jpg")["elapsed_s"] is None  # no log, no task started: still answered


def test_a_run_without_clip_is_refused_unless_asked_for_and_says_how_it_was_ranked(tmp_path, demo_library):
    from assistant.studies.topic_runs import CaptionsOnlyRefused

    library = Library.open(demo_library)
    topics = [Topic("T1", "a red double-decker bus"), Topic("T2", "on a Friday in 2019")]  # T2 has nothing to rank by
    with pytest.raises(CaptionsOnlyRefused, match="--captions-only"):
        run_topics(library, None, topics, tmp_path / "run.csv", group_id="G", run_id="r")
    assert not (tmp_path / "run.csv").exists()
    run = run_topics(library, None, topics, tmp_path / "run.csv", group_id="G", run_id="r", captions_only=True)
    assert run.model is None and run.channels_by_topic["T1"][0] == "text" and run.channels_by_topic["T2"] == []
    assert "clip" not in run.channels and json.loads((tmp_path / "run.notes.json").read_text()) == run.to_dict()
