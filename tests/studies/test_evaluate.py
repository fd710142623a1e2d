"""`lifelog evaluate` gives the hand-computed MRR, recall@k and QA accuracy under each tolerance, in a tiny
library of three unmistakable events (hours apart, at three places)."""

import json

import numpy as np
import pytest

from assistant.cli import main
from assistant.studies import Judge, Tolerance, parse_tolerance, read_qrels, read_run, score_run
from assistant.studies.runs import is_photo_name
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.testing.library import photo_table

CLUSTERS = {
    "cafe": ["2019-05-10T09:00:00", "2019-05-10T09:02:00", "2019-05-10T09:04:00", "2019-05-10T09:06:00"],
    "office": ["2019-05-10T12:00:00", "2019-05-10T12:03:00", "2019-05-10T12:06:00"],
    "pub": ["2019-05-10T18:00:00", "2019-05-10T18:10:00"],
}
PLACES = {"cafe": (53.3421, -6.2597), "office": (53.3855, -6.2569), "pub": (53.3448, -6.2764)}


@pytest.fixture(scope="module")
def three_events(tmp_path_factory) -> Library:
    times = [time for stamps in CLUSTERS.values() for time in stamps]
    place = [name for name, stamps in CLUSTERS.items() for _ in stamps]
    table = photo_table(
        np.array(times, dtype="datetime64[s]"), lat=[PLACES[p][0] for p in place], lng=[PLACES[p][1] for p in place],
        semantic_name=place, city="Dublin", country="Ireland", country_code="IE",
    )
    folder = tmp_path_factory.mktemp("three_events")
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    library = Library.open(folder)
    # the premise of every expected figure: one event per cluster
    events = library.event_ids
    assert [len(set(events[i : i + len(s)])) for i, s in zip((0, 4, 7), CLUSTERS.values())] == [1, 1, 1]
    assert len(set(events)) == 3
    return library


@pytest.fixture(scope="module")
def photo(three_events):
    """photo(cluster, index): the image id of the index-th photo of a cluster."""
    offsets = {"cafe": 0, "office": 4, "pub": 7}
    return lambda cluster, index: three_events.image_id(offsets[cluster] + index)


def _filler(n: int) -> list[str]:
    """Photos that are in no library and were taken months before any correct one."""
    return [f"20190101_00{minute:02d}00_000.jpg" for minute in range(n)]


@pytest.fixture(scope="module")
def files(photo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("evaluate")
    qrels = folder / "qrels.csv"
    qrels.write_text(
        "topic,image_id,answer,tolerance\n"
        f"T1,{photo('cafe', 1)},,\nT2,{photo('office', 0)},,\nT3,{photo('pub', 1)},,\nT4,{photo('cafe', 0)},,\n"
        "Q1,,4,\nQ2,,11 May 2019,\n"
    )
    filler = _filler(9)
    ranked = {
        # T1: pub, then a cafe photo 4 minutes from the correct one, then the correct one
        "T1": [photo("pub", 0), photo("cafe", 3), photo("cafe", 1)],
        # T2: an office photo 6 minutes from the correct one at rank 2, the correct one at rank 11
        "T2": [filler[0], photo("office", 2), *filler[1:9], photo("office", 0)],
        "T3": [photo("pub", 1)],
        "Q2": [photo("cafe", 0), "12/05/2019"],  # evidence first, then the (wrong) answer
        "Z": [photo("pub", 1)],  # not in the qrels
    }
    run = folder / "run.csv"
    run.write_text("GROUP-ID,RUN-ID,TOPIC-ID,IMAGE-ID,SECONDS-ELAPSED,SCORE\n" + "".join(
        f"LIFELOG,r1,{topic},{item},0.5,{1 - rank / 100:.2f}\n" for topic, items in ranked.items() for rank, item in enumerate(items)
    ))
    # Q1 answered as run-topics does, in the answers file beside the run; Q2 in the run itself, as some teams do
    run.with_suffix(".answers.csv").write_text("LIFELOG,r1,Q1,four\n")
    return qrels, run


# (rank of T1, rank of T2) under each tolerance; T3 is found at rank 1 and T4 is missing from the run.
HAND_RANKS = {"exact": (3, 11), "event": (2, 2), "minutes:5": (2, 11)}


@pytest.mark.parametrize("tolerance", list(HAND_RANKS))
def test_scores_match_hand_computed_figures(three_events, files, tolerance):
    qrels, run = files
    t1, t2 = HAND_RANKS[tolerance]
    scores = score_run(read_run(run), Judge(read_qrels(qrels), parse_tolerance(tolerance), three_events))
    ranks = [t1, t2, 1, None]
    overall = scores["overall"]
    assert overall["mrr"] == pytest.approx(sum(1 / r for r in ranks if r) / 4)
    for k in (1, 5, 10, 100):
        assert overall[f"recall@{k}"] == pytest.approx(sum(r is not None and r <= k for r in ranks) / 4), k
    assert [scores["topics"][t]["rank"] for t in ("T1", "T2", "T3", "T4")] == ranks
    assert scores["topics"]["T2"]["recall@10"] == float(t2 <= 10)
    assert overall["qa_accuracy"] == 0.5
    assert scores["topics"]["Q1"] == {"kind": "QA", "answer": "four", "correct": True, "qa_accuracy": 1.0}
    assert scores["topics"]["Q2"]["answer"] == "12/05/2019" and not scores["topics"]["Q2"]["correct"]
    assert scores["unjudged_topics"] == ["Z"]
    assert overall["tolerance"] == Judge(read_qrels(qrels), parse_tolerance(tolerance), three_events).tolerance.describe()


def test_cli_json(three_events, files, capsys):
    qrels, run = files
    assert main(["evaluate", str(run), "--qrels", str(qrels), "--tolerance", "event", "--library", str(three_events.folder), "--json"]) == 0
    captured = capsys.readouterr()
    printed = json.loads(captured.out)
    assert printed["overall"]["mrr"] == pytest.approx((0.5 + 0.5 + 1) / 4)
    assert printed["overall"]["recall@5"] == pytest.approx(0.75)
    assert printed["overall"]["tolerance"] == "same event as a correct image"
    assert set(printed["topics"]) == {"T1", "T2", "T3", "T4", "Q1", "Q2"}
    assert "4 KIS topics (4 images), 2 QA topics (2 accepted answers)" in captured.err
    assert "answers: 1 topics answered in" in captured.err


def test_event_tolerance_needs_a_library(files, capsys):
    qrels, run = files
    assert main(["evaluate", str(run), "--qrels", str(qrels), "--tolerance", "event"]) == 2
    assert "--library" in capsys.readouterr().err


def test_minutes_tolerance_reads_times_from_lsc_names_without_a_library(three_events, files):
    qrels, run = files
    scores = score_run(read_run(run), Judge(read_qrels(qrels), Tolerance("minutes", 5)))
    assert [scores["topics"][t]["rank"] for t in ("T1", "T2", "T3")] == [2, 11, 1]


@pytest.mark.parametrize("text, spec", [("exact", "exact"), ("Event", "event"), ("5min", "5min"), ("2.5 minutes", "2.5min"), ("minutes:5", "5min")])
def test_tolerances_read_as_the_flag_writes_them(text, spec):
    assert parse_tolerance(text).spec() == spec and parse_tolerance(spec) == parse_tolerance(text)


@pytest.mark.parametrize("tolerance, correct", [("exact", False), ("event", True), ("5min", True), ("1min", False)])
def test_a_live_session_judges_under_its_tolerance_in_the_participants_library(three_events, photo, tmp_path, tolerance, correct):
    from datetime import datetime, timezone

    from assistant.studies import StudyLog, StudyRecorder, read_log
    from assistant.studies.schedule import SessionTopic
    from assistant.studies.session import SessionRunner

    qrels = tmp_path / "qrels.csv"
    qrels.write_text(f"T1,{photo('cafe', 1)}\n")
    study = StudyRecorder(StudyLog(tmp_path / "log.jsonl"), clock=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))
    runner = SessionRunner([SessionTopic("T1", "KIS", ("coffee",))], study, Judge(read_qrels(qrels), parse_tolerance(tolerance)), feedback=True)
    assert runner.view("p01", "s").judging == parse_tolerance(tolerance).describe()  # the screen says how photos are judged
    # the same cafe visit, 4 minutes after the correct photo: a library (the participant's) knows its event and time
    assert runner.submit_photo("p01", "s", photo("cafe", 3), three_events)["correct"] is correct
    (topic,) = [record for record in read_log(tmp_path / "log.jsonl").records if record["event"] == "topic"]
    assert topic["tolerance"] == parse_tolerance(tolerance).spec()


@pytest.mark.parametrize("text", ["minutes", "minutes:x", "scene", "exact:3"])
def test_unknown_tolerances_are_refused(text):
    with pytest.raises(ValueError, match="minutes:N"):
        parse_tolerance(text)


@pytest.mark.parametrize(
    "item, photo",
    [("20190510_090000_000.jpg", True), ("B00000840_21I6X0_20180505_140657E", True), ("b.JPG", True),
     ("FR 7014", False), ("twice", False), ("11/05/2019", False)],
)
def test_a_question_topics_answer_is_the_first_item_that_is_not_a_photo(item, photo):
    assert is_photo_name(item) is photo


def test_run_topics_writes_a_duration_a_judge_can_read():
    from assistant.answers import Answer
    from assistant.studies import AcceptedAnswer, answer_matches
    from assistant.studies.topic_runs import _submitted_answer

    flight = Answer("duration", 3 * 3600 + 37 * 60, "About 3 hours 37 minutes.", ())
    assert answer_matches(_submitted_answer(flight), AcceptedAnswer("3 hours 37 minutes"))
    assert _submitted_answer(Answer("counting", 2, "Twice.", ())) == "2"
    assert _submitted_answer(Answer("time", None, "I cannot tell.", ())) == "I cannot tell."


def test_short_rows_are_named_not_scored(tmp_path):
    run = tmp_path / "r.csv"
    run.write_text("G,R,T1,a.jpg,0.1,0.9\nG,R,T1\n\nG,R,T1,b.jpg,0.1,0.8\n")
    run.with_suffix(".answers.csv").write_text("G,R,Q1\nG,R,Q2,four\n")
    read = read_run(run)
    assert [row.item for row in read.rows] == ["a.jpg", "b.jpg"]
    assert read.answers == {"Q2": "four"}
    assert read.unreadable == ["r.csv line 2", "r.answers.csv line 1"]
