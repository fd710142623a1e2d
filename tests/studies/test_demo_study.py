"""The demo ships a study: topics and qrels about its four days, true to the demo's own ground truth."""

import json
from datetime import datetime

from assistant.cli import main
from assistant.demo import plan_photos
from assistant.demo.itinerary import ITINERARY, PLACES
from assistant.studies import answer_matches, packaged_study_file, read_qrels
from assistant.studies.answer_match import duration_seconds
from assistant.studies.topic_runs import read_topics

# Each demo KIS topic is one of the itinerary's remembered moments.
KIS_MOMENTS = {
    "DEMO-KIS-01": "buying an Omron blood pressure monitor in a pharmacy in Dublin",
    "DEMO-KIS-02": "seeing the Derveni krater in the Archaeological Museum of Thessaloniki on Sunday",
    "DEMO-KIS-03": "pints of Guinness with friends in The Brazen Head on Friday evening",
    "DEMO-KIS-04": "waiting at the gate in Dublin Airport for the flight to Thessaloniki",
    "DEMO-KIS-05": "walking past the Molton Brown shop on Grafton Street",
}


def _activity(scene: str, day: str | None = None):
    return [a for a in ITINERARY if a.scene == scene and (day is None or a.day == day)]


def _flight():
    (plane,) = _activity("plane")
    return plane


def test_kis_qrels_are_the_photos_of_each_moment():
    qrels = read_qrels("demo")
    plan = plan_photos()
    for topic, moment in KIS_MOMENTS.items():
        index = next(i for i, activity in enumerate(ITINERARY) if activity.moment == moment)
        assert set(qrels.images[topic]) == {p.image_id for p in plan if p.activity == index}, topic
    assert qrels.unreadable == []


def test_qa_answers_are_the_itinerary_facts():
    answers = read_qrels("demo").answers
    flight = _flight()
    facts = {
        "DEMO-QA-01": next(a.props["flight"] for a in _activity("airport") if a.place == "dublin_airport"),
        "DEMO-QA-02": str(len(_activity("bus", "2019-05-09"))),
        "DEMO-QA-03": flight.day,
        "DEMO-QA-05": PLACES["hotel"].semantic_name,
        "DEMO-QA-06": PLACES["brazen_head"].semantic_name,
    }
    for topic, fact in facts.items():
        assert any(answer_matches(fact, accepted) for accepted in answers[topic]), (topic, fact)
    minutes = (datetime.fromisoformat(f"{flight.day}T{flight.end}") - datetime.fromisoformat(f"{flight.day}T{flight.start}")).seconds / 60
    assert [duration_seconds(accepted.text) / 60 for accepted in answers["DEMO-QA-04"]] == [minutes]


def test_topics_file_has_hints_in_order_for_every_judged_topic():
    path = packaged_study_file("demo", "topics")
    topics = json.loads(path.read_text())
    qrels = read_qrels("demo")
    assert {t["id"] for t in topics} == set(qrels.images) | set(qrels.answers)
    for topic in topics:
        assert topic["type"] == qrels.kind(topic["id"]) and len(topic["hints"]) >= 2 and topic["limit_s"] == 300
        assert topic["text"] == " ".join(topic["hints"])
    assert [t.topic_id for t in read_topics(path)] == [t["id"] for t in topics]


def test_run_topics_demo_then_evaluate_demo(demo_library, tiny_clip_dir, tmp_path, capsys):
    run = tmp_path / "demo-run.csv"
    assert main(["run-topics", "demo", "--library", str(demo_library), "--model", str(tiny_clip_dir), "--out", str(run), "--top-k", "20"]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(run), "--qrels", "demo", "--tolerance", "event", "--library", str(demo_library), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores["topics"]) == set(KIS_MOMENTS) | {f"DEMO-QA-0{n}" for n in range(1, 7)}
    assert scores["overall"]["kis_topics"] == 5 and 0 <= scores["overall"]["mrr"] <= 1
    assert 0 <= scores["overall"]["qa_accuracy"] <= 1  # judged whether or not run-topics answers the questions in words
