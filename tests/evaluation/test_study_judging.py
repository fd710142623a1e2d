"""`study-report --qrels` judges each submission, times the first correct one, scores it as DRES does, and draws."""

import json
import re

import pytest

from assistant.cli import main
from assistant.evaluation import DresScoring, Judge, JudgedTask, judge_sessions, read_qrels
from assistant.study import read_log

QRELS = "topic,image_id,answer,tolerance\nT1,20190510_090200_000.jpg,,\nT2,20190510_120000_000.jpg,,\nQ1,,4,\n"
WRONG_PHOTO = "20190510_180000_000.jpg"


def _line(minute_second: str, participant: str, event: str, topic: str, **fields) -> str:
    return json.dumps({"time": f"2026-03-01T10:{minute_second}+00:00", "participant": participant, "event": event, "topic": topic, **fields})


LOG = [
    # p1 on T1: two hints, two turns, a wrong photo at 40 s, the right one at 60 s; a turn after it does not count
    _line("00:00", "p1", "topic", "T1", limit_s=300), _line("00:00", "p1", "hint", "T1", hint="first"),
    _line("00:05", "p1", "message", "T1", message="a pharmacy"), _line("00:20", "p1", "message", "T1", message="in Dublin"),
    _line("00:30", "p1", "hint", "T1", hint="second"), _line("00:40", "p1", "submit", "T1", image_id=WRONG_PHOTO),
    _line("01:00", "p1", "submit", "T1", image_id="20190510_090200_000"), _line("01:10", "p1", "message", "T1", message="more"),
    # p1 on Q1: "three" is wrong at 30 s, "four times" right at 90 s
    _line("05:00", "p1", "topic", "Q1"), _line("05:00", "p1", "hint", "Q1"), _line("05:30", "p1", "answer", "Q1", answer="three"),
    _line("05:30", "p1", "hint", "Q1"), _line("06:30", "p1", "submit", "Q1", answer="It was four times"),
    # p2 on T1: right first time at 150 s (a line written without an offset is UTC)
    _line("10:00", "p2", "topic", "T1"), _line("10:00", "p2", "hint", "T1"), _line("10:10", "p2", "message", "T1", message="x"),
    json.dumps({"time": "2026-03-01T10:12:30", "participant": "p2", "event": "submit", "topic": "T1", "image_id": "20190510_090200_000.jpg"}),
    # p2 on Q1: two wrong answers, never right
    _line("20:00", "p2", "topic", "Q1"), _line("20:10", "p2", "answer", "Q1", answer="five"), _line("20:20", "p2", "answer", "Q1", answer="six"),
    # p3 on T2: six wrong photos, then the right one at 299 s: the penalties outweigh what is left
    _line("30:00", "p3", "topic", "T2"), *(_line(f"30:{10 + s:02d}", "p3", "submit", "T2", image_id=WRONG_PHOTO) for s in range(6)),
    _line("34:59", "p3", "submit", "T2", image_id="20190510_120000_000.jpg"),
    # p3 on a practice topic the qrels do not judge
    _line("40:00", "p3", "topic", "practice"), _line("40:30", "p3", "submit", "practice", image_id=WRONG_PHOTO),
]

# By hand: DRES KIS score = 50 + 50 * (1 - t / 300) - 10 * wrong, never below 0.
EXPECTED = [
    JudgedTask("p1", "Q1", "QA", True, 90.0, 1, 2, 0, 50 + 50 * (1 - 90 / 300) - 10, 2),
    JudgedTask("p1", "T1", "KIS", True, 60.0, 1, 2, 2, 50 + 50 * (1 - 60 / 300) - 10, 2),
    JudgedTask("p2", "Q1", "QA", False, None, 2, 0, 0, 0.0, 2),
    JudgedTask("p2", "T1", "KIS", True, 150.0, 0, 1, 1, 75.0, 1),
    JudgedTask("p3", "T2", "KIS", True, 299.0, 6, 0, 0, 0.0, 7),
    JudgedTask("p3", "practice", None, False, None, 1, 0, 0, 0.0, 1),
]


@pytest.fixture
def study(tmp_path):
    log, qrels = tmp_path / "session.jsonl", tmp_path / "qrels.csv"
    log.write_text("\n".join(LOG) + "\n")
    qrels.write_text(QRELS)
    return log, qrels


def test_judged_tasks_match_hand_computed_values(study):
    log, qrels = study
    tasks = judge_sessions(read_log(log).records, Judge(read_qrels(qrels)))
    assert [t.__dict__ | {"score": pytest.approx(t.score)} for t in tasks] == [e.__dict__ for e in EXPECTED]


def test_dres_score_is_clamped_to_the_task():
    scoring = DresScoring()
    assert scoring.score(0.0, 0) == 100.0
    assert scoring.score(400.0, 0) == 50.0  # late submissions earn what the end of the task does
    assert scoring.score(150.0, 0, duration_s=600) == 87.5
    assert scoring.score(None, 0) == 0.0


def test_report_and_log_agree_field_by_field_and_plots_are_written(study, tmp_path, capsys):
    log, qrels = study
    plots = tmp_path / "plots" / "new"  # not there yet: the report makes it
    assert main(["study-report", str(log), "--qrels", str(qrels), "--plots", str(plots)]) == 0
    printed = capsys.readouterr().out
    assert "100 points at the start falling linearly to 50 at the time limit (300 s" in printed
    assert "-10 per wrong submission" in printed and "tolerance: exact image" in printed
    rows = {}
    for line in printed.splitlines():
        cells = line.split()
        if len(cells) == 9 and cells[0] in ("p1", "p2", "p3"):
            rows[(cells[0], cells[1])] = cells[2:]
    assert len(rows) == len(EXPECTED)
    for task in EXPECTED:
        kind, correct, seconds, wrong, hints, turns, score = rows[(task.participant, task.topic)]
        assert kind == (task.kind or "-")
        assert correct == ("yes" if task.correct else "no" if task.kind else "unjudged")
        assert seconds == (f"{task.seconds_to_correct:.1f}" if task.seconds_to_correct is not None else "-")
        assert (int(wrong), int(hints), int(turns), float(score)) == (task.wrong_before, task.hints_seen, task.turns, round(task.score, 1))
    assert re.search(r"^T1\s+2\s+2\s+105\.0\s+77\.5$", printed, re.MULTILINE)  # median of 60 and 150 s, mean of 80 and 75
    for name in ("session-time-to-correct.png", "session-success.png"):
        png = (plots / name).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000, name


def test_without_qrels_the_old_summary_is_printed(study, capsys):
    log, _ = study
    assert main(["study-report", str(log)]) == 0
    assert "DRES" not in capsys.readouterr().out
