"""The in-app LSC session (`--topics`): the schedule as pure logic under a fake clock, then a whole session through
gradio_client against a real server, whose log `study-report --qrels` reads back to the same figures."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from gradio_client import Client

from assistant.cli import main
from assistant.studies import Judge, StudyLog, StudyRecorder, read_log, read_qrels, summarise
from assistant.studies.schedule import SessionTopic, read_session_topics, topic_progress
from assistant.studies.session import SessionRunner
from assistant.web import build_app, create_pool, launch
from conftest import free_port
from test_browser import TIMEOUT_MS, VIEWPORT, browser, save_screenshot  # noqa: F401 (browser: a fixture)

START = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
THREE_HINTS = SessionTopic("T1", "KIS", ("first", "second", "third"), limit_s=300)


class FakeClock:
    def __init__(self):
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.mark.parametrize("elapsed, hints, seconds_left, over", [
    (0, 1, 300, False),
    (29.9, 1, 270.1, False),
    (30, 2, 270, False),
    (59, 2, 241, False),
    (60, 3, 240, False),
    (200, 3, 100, False),  # no fourth hint to show
    (299.5, 3, 0.5, False),
    (300, 3, 0, True),
    (420, 3, 0, True),
])
def test_hints_every_30_s_and_a_300_s_limit(elapsed, hints, seconds_left, over):
    progress = topic_progress(THREE_HINTS, START, START + timedelta(seconds=elapsed))
    assert progress.hints == THREE_HINTS.hints[:hints]
    assert progress.seconds_left == pytest.approx(seconds_left)
    assert progress.over is over


def test_the_hint_interval_and_limit_are_the_topics_and_the_sessions():
    short = SessionTopic("T2", "QA", ("a", "b", "c"), limit_s=60)
    assert topic_progress(short, START, START + timedelta(seconds=10), hint_every_s=10).hints == ("a", "b")
    assert topic_progress(short, START, START + timedelta(seconds=60)).over


def test_topics_read_from_json_and_the_demo(tmp_path):
    demo = read_session_topics("demo")
    assert {topic.kind for topic in demo} == {"KIS", "QA"} and all(topic.hints and topic.limit_s == 300 for topic in demo)
    path = tmp_path / "topics.json"
    path.write_text(json.dumps([{"id": "X1", "text": "a pub"}, {"id": "X2", "type": "qa", "hints": ["h1", "h2"], "limit_s": 120}]))
    assert read_session_topics(path) == [SessionTopic("X1", "KIS", ("a pub",), 300.0), SessionTopic("X2", "QA", ("h1", "h2"), 120.0)]
    path.write_text(json.dumps([{"id": "X3", "type": "AVS", "text": "x"}]))
    with pytest.raises(ValueError, match="KIS and QA"):
        read_session_topics(path)


def test_without_feedback_the_participant_is_not_told_but_the_log_is(tmp_path):
    clock = FakeClock()
    study = StudyRecorder(StudyLog(tmp_path / "log.jsonl"), clock=clock)
    runner = SessionRunner(read_session_topics("demo"), study, Judge(read_qrels("demo")))
    assert runner.view(None, "s1").topic.topic_id == "DEMO-KIS-01"
    clock.advance(12)
    told = runner.submit_photo(None, "s1", "20190510_085508_000.jpg")
    assert told == {"participant": "guest-s1", "topic": "DEMO-KIS-01", "image_id": "20190510_085508_000.jpg", "elapsed_s": 12.0}
    submitted = [record for record in read_log(tmp_path / "log.jsonl").records if record["event"] == "submit"]
    assert [record["correct"] for record in submitted] == [True]


def test_after_a_restart_the_participant_carries_on_with_the_same_topic_time_left_and_hints(tmp_path):
    clock, path, topics = FakeClock(), tmp_path / "log.jsonl", read_session_topics("demo")
    before = SessionRunner(topics, StudyRecorder(StudyLog(path), clock=clock), Judge(read_qrels("demo")))
    before.view("p01", "tab-before")
    before.next_topic("p01", "tab-before")  # on to the second topic
    clock.advance(65)
    assert before.view("p01", "tab-before").progress.hints == topics[1].hints[:3]
    clock.advance(20)  # the app restarts: a new runner reads the log, and the browser comes back with a new session
    after = SessionRunner(topics, StudyRecorder(StudyLog(path), clock=clock), Judge(read_qrels("demo")))
    view = after.view("p01", "tab-after")
    assert (view.topic.topic_id, view.number, view.progress.hints) == (topics[1].topic_id, 2, topics[1].hints[:3])
    assert view.progress.seconds_left == pytest.approx(300 - 85)
    records = read_log(path).records
    assert [record["topic"] for record in records if record["event"] == "topic"] == [topics[0].topic_id, topics[1].topic_id]
    assert [(record["topic"], record["hint"]) for record in records if record["event"] == "hint"] == [
        (topics[0].topic_id, 1), (topics[1].topic_id, 1), (topics[1].topic_id, 2), (topics[1].topic_id, 3)]
    for _ in topics[1:]:  # through the last topic: a participant who finished stays finished after another restart
        after.next_topic("p01", "tab-after")
    assert SessionRunner(topics, StudyRecorder(StudyLog(path), clock=clock)).view("p01", "tab-later").topic is None


def test_a_hint_is_logged_once_however_many_tabs_show_it(tmp_path):
    clock, path = FakeClock(), tmp_path / "log.jsonl"
    runner = SessionRunner([THREE_HINTS], StudyRecorder(StudyLog(path), clock=clock))
    runner.view("p01", "tab-1")
    runner.view("p01", "tab-2")  # the same participant in a second tab
    clock.advance(30)
    assert runner.view("p01", "tab-2").progress.hints == runner.view("p01", "tab-1").progress.hints == THREE_HINTS.hints[:2]
    records = read_log(path).records
    assert [(record["event"], record.get("hint")) for record in records] == [("topic", None), ("hint", 1), ("hint", 2)]


def test_a_question_is_judged_by_its_answer_text_never_as_a_known_item(tmp_path):
    """A DRES task may list a question's evidence photos beside its answer: the topic stays a question."""
    qrels = tmp_path / "qrels.json"
    qrels.write_text(json.dumps({"tasks": [{"name": "Q1", "targets": [
        {"type": "TEXT", "target": "Electra Palace"}, {"type": "MEDIA_ITEM", "target": "20190511_150000_000.jpg"}]}]}))
    judge, clock, path = Judge(read_qrels(qrels)), FakeClock(), tmp_path / "log.jsonl"
    assert judge.kind("Q1") == "QA" and "0 KIS topics" in judge.qrels.describe()
    runner = SessionRunner([SessionTopic("Q1", "QA", ("Where did I stay?",))], StudyRecorder(StudyLog(path), clock=clock), judge, feedback=True)
    runner.view("p01", "s")
    clock.advance(10)
    assert runner.submit_answer("p01", "s", "Hotel Nikko")["correct"] is False
    clock.advance(10)
    told = runner.submit_answer("p01", "s", "the  ÉLECTRA palace hotel")  # case, accents and spacing do not matter
    assert (told["answer"], told["correct"]) == ("the ÉLECTRA palace hotel", True)
    submitted = [record for record in read_log(path).records if record["event"] == "submit"]
    assert [(record["answer"], record["kind"], record["correct"]) for record in submitted] == [
        ("Hotel Nikko", "QA", False), ("the ÉLECTRA palace hotel", "QA", True)]
    # the evidence photo given as "This is it" (an app without the session) is not an answer: neither right nor wrong
    photo = {"time": "2026-01-01T09:00:05+00:00", "participant": "p02", "event": "submit", "topic": "Q1", "image_id": "20190511_150000_000.jpg"}
    typed = {**photo, "time": "2026-01-01T09:00:30+00:00", "answer": "Electra Palace", "image_id": None}
    (task,) = summarise([{**photo, "event": "topic", "time": "2026-01-01T09:00:00+00:00"}, photo, typed], judge)
    assert (task.kind, task.correct, task.seconds_to_correct, task.wrong_before, task.submissions) == ("QA", True, 30.0, 0, 2)


# ---- a whole session against a real server ---------------------------------------------------------


@pytest.fixture()
def session_server(tmp_path, demo_library, tiny_clip_dir):
    """The demo study served with live feedback, its clock faked; yields (url, log path, clock)."""
    log = tmp_path / "study.jsonl"
    service = create_pool(
        library=str(demo_library), model=str(tiny_clip_dir), study_log=str(log), topics="demo", qrels="demo", feedback=True, tolerance="2min",
    )
    clock = FakeClock()
    service.study.clock = clock
    demo = build_app(service)
    port = free_port()
    launch(demo, service, port=port, block=False)
    yield f"http://127.0.0.1:{port}/", log, clock
    demo.close()


def test_a_whole_session_is_judged_and_the_report_agrees_with_the_log(session_server, tmp_path, capsys):
    url, log, clock = session_server
    client = Client(url, verbose=False)
    topics = read_session_topics("demo")
    qrels = read_qrels("demo")

    shown = client.predict(api_name="/session")
    assert (shown["topic"], shown["kind"], shown["hints"], shown["seconds_left"]) == ("DEMO-KIS-01", "KIS", list(topics[0].hints[:1]), 300)
    assert shown["judging"] == "within ±2 min of a correct image"
    clock.advance(30)
    shown = client.predict(api_name="/session")
    assert shown["hints"] == list(topics[0].hints[:2]) and shown["seconds_left"] == 270

    clock.advance(5)
    wrong = client.predict(qrels.images["DEMO-KIS-02"][0], api_name="/submit")
    assert (wrong["correct"], wrong["elapsed_s"]) == (False, 35)
    clock.advance(10)
    right = client.predict(qrels.images["DEMO-KIS-01"][0], api_name="/submit")
    assert (right["correct"], right["elapsed_s"]) == (True, 45)

    for _ in range(5):  # the participant is ready for the next topic, on to the first question
        shown = client.predict(api_name="/next_topic")
    assert (shown["topic"], shown["kind"]) == ("DEMO-QA-01", "QA")
    with pytest.raises(Exception, match="asks a question"):
        client.predict(qrels.images["DEMO-KIS-01"][0], api_name="/submit")
    clock.advance(20)
    assert client.predict("FR 1234", api_name="/answer")["correct"] is False
    clock.advance(5)
    answered = client.predict("FR 7014", api_name="/answer")
    assert (answered["correct"], answered["elapsed_s"]) == (True, 25)
    assert "images" not in json.dumps(answered) and "FR 7014" == answered["answer"]  # only what was typed comes back

    shown = client.predict(api_name="/next_topic")
    clock.advance(301)
    assert client.predict(api_name="/session")["over"] is True
    with pytest.raises(Exception, match="Time is up"):
        client.predict("2", api_name="/answer")

    records = read_log(log).records
    participant = records[0]["participant"]
    hints = [(record["topic"], record["hint"]) for record in records if record["event"] == "hint"]
    assert hints[:2] == [("DEMO-KIS-01", 1), ("DEMO-KIS-01", 2)] and ("DEMO-QA-01", 1) in hints
    judged_live = [(record["topic"], record.get("image_id") or record["answer"], record["correct"]) for record in records if record["event"] == "submit"]
    assert judged_live == [
        ("DEMO-KIS-01", qrels.images["DEMO-KIS-02"][0], False), ("DEMO-KIS-01", qrels.images["DEMO-KIS-01"][0], True),
        ("DEMO-QA-01", "FR 1234", False), ("DEMO-QA-01", "FR 7014", True),
    ]
    first_topic = next(r for r in records if r["event"] == "topic")
    assert (first_topic["limit_s"], first_topic["tolerance"], first_topic["judging"]) == (300, "2min", "within ±2 min of a correct image")

    tasks = {task.topic: task for task in summarise(records, Judge(qrels))}
    expected = {"DEMO-KIS-01": (True, 45.0, 1, 2), "DEMO-QA-01": (True, 25.0, 1, 1), "DEMO-QA-02": (False, None, 0, len(topics[6].hints))}
    for topic, (correct, seconds, wrong_before, hints_seen) in expected.items():
        hints = tasks[topic].hints_to_correct if correct else tasks[topic].hints_seen  # hints needed, or all shown
        assert (tasks[topic].correct, tasks[topic].seconds_to_correct, tasks[topic].wrong_before, hints) == (correct, seconds, wrong_before, hints_seen)

    capsys.readouterr()
    assert main(["study-report", str(log), "--qrels", "demo", "--plots", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "tolerance: within ±2 min of a correct image" in printed  # as the session judged live, read from its log
    assert all(Path(line.removeprefix("plot: ")).stat().st_size for line in printed.splitlines() if line.startswith("plot: "))
    rows = {line.split()[1]: line.split(maxsplit=12) for line in printed.splitlines() if line.startswith(participant)}
    for topic, (correct, seconds, wrong_before, hints_seen) in expected.items():
        shown_correct, shown_seconds, shown_wrong, shown_hints_to_correct = rows[topic][7:11]
        shown_hints = shown_hints_to_correct if correct else rows[topic][4]
        assert (shown_correct, shown_seconds, int(shown_wrong), int(shown_hints)) == (
            "yes" if correct else "no", f"{seconds:.1f}" if seconds is not None else "-", wrong_before, hints_seen)


def test_a_restarted_app_resumes_the_participant_over_http(tmp_path, demo_library, tiny_clip_dir):
    log, clock = tmp_path / "study.jsonl", FakeClock()

    def serve():
        service = create_pool(library=str(demo_library), model=str(tiny_clip_dir), study_log=str(log), topics="demo", participant="p01")
        service.study.clock = clock
        demo = build_app(service)
        port = free_port()
        launch(demo, service, port=port, block=False)
        return demo, Client(f"http://127.0.0.1:{port}/", verbose=False)

    demo, client = serve()
    assert client.predict(api_name="/session")["topic"] == "DEMO-KIS-01"
    client.predict(api_name="/next_topic")
    clock.advance(40)
    before = client.predict(api_name="/session")
    demo.close()
    clock.advance(15)  # the app is down for a while, then starts again on the same log
    demo, client = serve()
    after = client.predict(api_name="/session")
    demo.close()
    assert (after["topic"], after["number"], after["hints"]) == (before["topic"], 2, before["hints"]) and len(after["hints"]) == 2
    assert after["seconds_left"] == before["seconds_left"] - 15
    hints = [(record["topic"], record["hint"]) for record in read_log(log).records if record["event"] == "hint"]
    assert hints == [("DEMO-KIS-01", 1), ("DEMO-KIS-02", 1), ("DEMO-KIS-02", 2)]


# ---- the same session in a real browser ----------------------------------------------------------


def test_the_browser_shows_the_topic_its_hints_on_schedule_and_a_countdown(browser, session_server):
    from playwright.sync_api import expect

    url, log, clock = session_server
    topics = read_session_topics("demo")
    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    panel, countdown = page.locator("#session-topic"), page.locator("#countdown")
    expect(panel).to_contain_text("DEMO-KIS-01")
    expect(panel).to_contain_text(topics[0].hints[0])
    expect(panel).not_to_contain_text(topics[0].hints[1])
    expect(countdown).to_contain_text("Time left: 5:00")
    expect(panel).to_contain_text("Judged: within ±2 min of a correct image")
    expect(page.locator("#answer")).to_be_hidden()  # a known-item topic: This is it, no answer box
    clock.advance(30)
    expect(panel).to_contain_text(topics[0].hints[1])  # the timer brings the second hint
    expect(countdown).to_contain_text("Time left: 4:30")
    save_screenshot(page, "session-topic.png")
    for number in range(2, 7):
        page.locator("#next-topic").click()
        expect(panel).to_contain_text(f"Topic {number} of {len(topics)}")
    expect(panel).to_contain_text("DEMO-QA-01")
    page.locator("#answer textarea").fill("FR 7014")
    page.locator("#submit-answer").click()
    expect(page.locator("#chat")).to_contain_text("Correct!")
    context.close()
    assert any(record.get("answer") == "FR 7014" and record["correct"] for record in read_log(log).records)


def test_a_session_sets_its_own_topics():
    with pytest.raises(ValueError, match="drop --topic"):
        create_pool(topics="demo", topic="T1")


def test_a_tolerance_is_for_a_judged_session():
    with pytest.raises(ValueError, match="--topics"):
        create_pool(tolerance="5min")
    with pytest.raises(ValueError, match="--qrels"):
        create_pool(topics="demo", tolerance="5min")
    with pytest.raises(ValueError, match="Nmin"):
        create_pool(topics="demo", qrels="demo", tolerance="scene")
    assert create_pool(topics="demo", qrels="demo", tolerance="event").session.judge.tolerance.spec() == "event"
