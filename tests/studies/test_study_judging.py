"""`study-report --qrels` judges each submission, times the first correct one, scores it as DRES does, and draws;
the plain and the judged report come from one walk over the log, so they agree on every figure both show."""

import json
import re

import pytest

from assistant.cli import main
from assistant.studies import DresScoring, Judge, TaskSummary, read_log, read_qrels, report_text, summarise

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

# By hand: DRES KIS score = 50 + 50 * (1 - t / 300) - 10 * wrong, never below 0. Turns and hints count the
# whole task; hints_to_correct those shown when the correct submission came.
def _task(participant, topic, kind, turns, hints, submissions, first_s, first, judged, correct, seconds, wrong, hints_ok, score):
    return TaskSummary(participant, topic, kind, turns, hints, submissions, first_s, first, judged, correct, seconds, wrong, hints_ok, score)


EXPECTED = [
    _task("p1", "Q1", "QA", 0, 2, 2, 30.0, "three", True, True, 90.0, 1, 2, 50 + 50 * (1 - 90 / 300) - 10),
    _task("p1", "T1", "KIS", 3, 2, 2, 40.0, WRONG_PHOTO, True, True, 60.0, 1, 2, 50 + 50 * (1 - 60 / 300) - 10),
    _task("p2", "Q1", "QA", 0, 0, 2, 10.0, "five", True, False, None, 2, None, 0.0),
    _task("p2", "T1", "KIS", 1, 1, 1, 150.0, "20190510_090200_000.jpg", True, True, 150.0, 0, 1, 75.0),
    _task("p3", "T2", "KIS", 0, 0, 7, 10.0, WRONG_PHOTO, True, True, 299.0, 6, 0, 0.0),
    _task("p3", "practice", None, 0, 0, 1, 30.0, WRONG_PHOTO, False, False, None, 0, None, 0.0),
]


@pytest.fixture
def study(tmp_path):
    log, qrels = tmp_path / "session.jsonl", tmp_path / "qrels.csv"
    log.write_text("\n".join(LOG) + "\n")
    qrels.write_text(QRELS)
    return log, qrels


def test_judged_tasks_match_hand_computed_values(study):
    log, qrels = study
    tasks = summarise(read_log(log).records, Judge(read_qrels(qrels)))
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
    rows = _rows(printed)
    assert len(rows) == len(EXPECTED)
    for task in EXPECTED:
        kind, turns, hints, submissions, first_s, correct, seconds, wrong, hints_ok, score, submitted = rows[(task.participant, task.topic)]
        assert kind == (task.kind or "-") and (int(turns), int(hints), int(submissions)) == (task.turns, task.hints_seen, task.submissions)
        assert (first_s, submitted) == (_seconds(task.seconds_to_first), task.first_submitted)
        assert correct == ("yes" if task.correct else "no" if task.judged else "unjudged")
        assert seconds == _seconds(task.seconds_to_correct) and hints_ok == str(task.hints_to_correct if task.hints_to_correct is not None else "-")
        assert (int(wrong), float(score)) == (task.wrong_before, round(task.score, 1))
    # topic, tasks, submitted, median first_s, median turns, correct, median correct_s, mean score
    assert re.search(r"^T1\s+2\s+2\s+95\.0\s+2\.0\s+2\s+105\.0\s+77\.5$", printed, re.MULTILINE)  # medians of 40 and 150 s, 60 and 150 s
    for name in ("session-time-to-correct.png", "session-success.png"):
        png = (plots / name).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000, name


def test_the_dres_parameters_are_flags(study, capsys):
    log, qrels = study
    flags = ["--dres-max-points", "1000", "--dres-points-at-end", "500", "--dres-penalty", "100", "--dres-duration", "600"]
    assert main(["study-report", str(log), "--qrels", str(qrels), "--plots", str(log.parent), *flags]) == 0
    printed = capsys.readouterr().out
    assert "1000 points at the start falling linearly to 500 at the time limit (600 s" in printed and "-100 per wrong" in printed
    assert _rows(printed)[("p2", "T1")][9] == "875.0"  # p2/T1's own topic record sets no limit: 500 + 500 * (1 - 150 / 600)
    assert _rows(printed)[("p1", "T1")][9] == f"{500 + 500 * (1 - 60 / 300) - 100:.1f}"  # p1/T1's sets 300 s


def _seconds(value):
    return f"{value:.1f}" if value is not None else "-"


def _rows(printed: str) -> dict[tuple[str, str], list[str]]:
    """A report's task rows by participant and topic; the submission (free text) is the last column."""
    rows = {}
    for line in printed.splitlines():
        cells = line.split(maxsplit=12 if "correct" in printed else 7)
        if cells and cells[0] in ("p1", "p2", "p3"):
            rows[(cells[0], cells[1])] = cells[2:]
    return rows


def test_the_plain_and_the_judged_report_agree_on_every_figure_they_share(study, capsys):
    log, qrels = study
    records = read_log(log).records
    plain, judged = summarise(records), summarise(records, Judge(read_qrels(qrels)))
    shared = ("participant", "topic", "turns", "hints_seen", "submissions", "seconds_to_first", "first_submitted")
    assert [[getattr(task, name) for name in shared] for task in plain] == [[getattr(task, name) for name in shared] for task in judged]
    assert main(["study-report", str(log)]) == 0
    plain_rows = _rows(capsys.readouterr().out)
    assert main(["study-report", str(log), "--qrels", str(qrels), "--plots", str(log.parent)]) == 0
    judged_rows = _rows(capsys.readouterr().out)
    assert plain_rows.keys() == judged_rows.keys() and len(plain_rows) == len(EXPECTED)
    for task, cells in plain_rows.items():  # kind, turns, hints, subm, first_s ... submitted: the same in both
        assert cells[1:5] + cells[-1:] == judged_rows[task][1:5] + judged_rows[task][-1:]
    assert plain_rows[("p1", "Q1")][-1] == "three"  # a typed answer is reported as typed


def test_without_qrels_the_plain_summary_is_printed(study, capsys):
    log, _ = study
    assert main(["study-report", str(log)]) == 0
    printed = capsys.readouterr().out
    assert "DRES" not in printed and "correct" not in printed
    assert report_text(summarise(read_log(log).records)) + "\n" == printed
