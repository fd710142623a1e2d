"""Ground truth is read from the LSC's and DRES's forms, and what was read is said plainly."""

import json

import pytest

from assistant.studies import AcceptedAnswer, read_qrels

EXPECTED_IMAGES = {"T1": ("a.jpg", "b.jpg"), "T2": ("c.jpg",)}


@pytest.mark.parametrize(
    "name, content",
    [
        ("bare.csv", "T1,a.jpg\nT1,b.jpg\nT2,c.jpg\n"),
        ("header.csv", "topic,image_id\nT1,a.jpg\nT1,b.jpg\n\nT2,c.jpg\n"),
        ("dict.json", json.dumps({"T1": ["a.jpg", "b.jpg"], "T2": "c.jpg"})),
        ("rows.json", json.dumps([{"topic": "T1", "image_id": "a.jpg"}, {"topic": "T1", "image_id": "b.jpg"}, {"topic": "T2", "image_id": "c.jpg"}])),
        ("dres.json", json.dumps([{"name": "T1", "target": [{"item": "a.jpg"}, {"item": {"name": "b.jpg"}}]}, {"name": "T2", "target": [{"item": "c.jpg"}]}])),
        ("template.json", json.dumps({"tasks": [
            {"name": "T1", "targets": [{"type": "MEDIA_ITEM", "target": "a.jpg"}, {"type": "MEDIA_ITEM", "target": "b.jpg"}]},
            {"name": "T2", "targets": [{"type": "MEDIA_ITEM", "target": "c.jpg"}]},
        ]})),
    ],
)
def test_known_item_forms(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    qrels = read_qrels(path)
    assert qrels.images == EXPECTED_IMAGES
    assert qrels.answers == {}
    assert "2 KIS topics (3 images), 0 QA topics" in qrels.describe()


def test_question_topics_with_tolerance_and_unreadable_rows(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("topic,image_id,answer,tolerance\nK1,a.jpg,,\nQ1,,3 hours,15 minutes\nQ1,,three hours,15 minutes\n,x.jpg,,\nQ2,,,\n")
    qrels = read_qrels(path)
    assert qrels.images == {"K1": ("a.jpg",)}
    assert qrels.answers == {"Q1": (AcceptedAnswer("3 hours", "15 minutes"), AcceptedAnswer("three hours", "15 minutes"))}
    assert (qrels.kind("K1"), qrels.kind("Q1"), qrels.kind("nope")) == ("KIS", "QA", None)
    described = qrels.describe()
    assert "1 KIS topics (1 images), 1 QA topics (2 accepted answers)" in described
    assert "2 unreadable rows skipped: line 5" in described and "line 6" in described


def test_dres_text_targets_are_accepted_answers(tmp_path):
    path = tmp_path / "qa.json"
    path.write_text(json.dumps([{"name": "Q1", "targets": [{"type": "TEXT", "target": "Electra Palace"}]}]))
    assert read_qrels(path).answers == {"Q1": (AcceptedAnswer("Electra Palace"),)}


def test_a_file_with_no_ground_truth_is_refused(tmp_path):
    path = tmp_path / "empty.json"
    path.write_text("[]")
    with pytest.raises(ValueError, match="holds no ground truth"):
        read_qrels(path)


def test_json_topics_with_images_and_answers(tmp_path):
    path = tmp_path / "both.json"
    path.write_text(json.dumps({"K1": {"images": ["a.jpg"]}, "Q1": {"answers": ["90 minutes", "an hour and a half"], "tolerance": "10 minutes"}}))
    qrels = read_qrels(path)
    assert qrels.images == {"K1": ("a.jpg",)}
    assert qrels.answers == {"Q1": (AcceptedAnswer("90 minutes", "10 minutes"), AcceptedAnswer("an hour and a half", "10 minutes"))}
