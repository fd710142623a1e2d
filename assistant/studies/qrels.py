"""Ground truth for a study or a run: known-item topics -> correct image ids, question topics -> accepted answers.

Read from the forms the LSC and DRES use: a CSV of `topic,image_id` rows (with or without a header; a header
may add `answer` and `tolerance` columns for question topics), or JSON: `{topic: [ids]}`,
`{topic: {"images": [...], "answers": [...], "tolerance": ...}}`, a list of `{"topic", "image_id" | "answer"}`
rows, or DRES task templates (`{"name", "targets": [{"type", "target"}]}`, also inside `{"tasks": [...]}`).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .answer_match import AcceptedAnswer

_TOPIC = ("topic", "topic_id", "topicid", "topic-id", "query_id", "id", "name")
_IMAGE = ("image_id", "imageid", "image-id", "image", "item", "target", "shot")
_ANSWER = ("answer", "answers", "text")
_TOLERANCE = ("tolerance",)


@dataclass
class Qrels:
    """Correct images per known-item (KIS) topic and accepted answers per question (QA) topic."""

    images: dict[str, tuple[str, ...]] = field(default_factory=dict)
    answers: dict[str, tuple[AcceptedAnswer, ...]] = field(default_factory=dict)
    source: str = ""
    unreadable: list[str] = field(default_factory=list)  # "line 7: ..." for every row that said nothing usable

    def kind(self, topic: str) -> str | None:
        """'QA' for a topic with accepted answers (any images it lists are its evidence, not targets), 'KIS' for
        one with correct images only, None for a topic the ground truth does not judge."""
        return "QA" if topic in self.answers else "KIS" if topic in self.images else None

    def describe(self) -> str:
        """What was read, so a wrong column or file is noticed before any score is believed."""
        known_items = [topic for topic in self.images if topic not in self.answers]
        image_count = sum(len(self.images[topic]) for topic in known_items)
        answer_count = sum(len(answers) for answers in self.answers.values())
        text = (f"qrels {self.source}: {len(known_items)} KIS topics ({image_count} images), "
                f"{len(self.answers)} QA topics ({answer_count} accepted answers)")
        if self.unreadable:
            shown = "; ".join(self.unreadable[:5]) + (" …" if len(self.unreadable) > 5 else "")
            text += f"; {len(self.unreadable)} unreadable rows skipped: {shown}"
        return text

    def _add(self, topic: object, image: object = None, answer: object = None, tolerance: object = None, where: str = "") -> None:
        topic = str(topic or "").strip()
        image, answer = str(image or "").strip(), str(answer or "").strip()
        if not topic or not (image or answer):
            self.unreadable.append(f"{where}: no topic and image id or answer")
            return
        if image:
            self.images[topic] = (*self.images.get(topic, ()), image)
        if answer:
            accepted = AcceptedAnswer(answer, str(tolerance or "").strip())
            self.answers[topic] = (*self.answers.get(topic, ()), accepted)


def packaged_study_file(name: str | Path, kind: str) -> Path:
    """`demo` names the demo's own study file of that kind ("topics" or "qrels"); anything else is a path."""
    if str(name) == "demo":
        return Path(str(resources.files("assistant") / "data" / ("demo_topics.json" if kind == "topics" else "demo_qrels.csv")))
    return Path(name)


def read_qrels(path: str | Path) -> Qrels:
    """Ground truth from a CSV or JSON file in any of the forms above (`demo`: the demo's own)."""
    path = packaged_study_file(path, "qrels")
    qrels = Qrels(source=str(path))
    if path.suffix.lower() == ".json":
        _read_json(json.loads(path.read_text(encoding="utf-8")), qrels)
    else:
        _read_csv(path, qrels)
    if not qrels.images and not qrels.answers:
        raise ValueError(f"{path} holds no ground truth: expected topic,image_id rows or JSON topic -> ids ({qrels.describe()})")
    return qrels


def _column(header: list[str], spellings: tuple[str, ...]) -> int | None:
    lowered = [cell.strip().lower() for cell in header]
    return next((lowered.index(spelling) for spelling in spellings if spelling in lowered), None)


def _read_csv(path: Path, qrels: Qrels) -> None:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = [row for row in csv.reader(handle)]
    header = rows[0] if rows else []
    topic_at, image_at, answer_at = _column(header, _TOPIC), _column(header, _IMAGE), _column(header, _ANSWER)
    has_header = topic_at is not None and (image_at is not None or answer_at is not None)
    if not has_header:  # the LSC's bare form: topic,image_id
        topic_at, image_at, answer_at = 0, 1, None
    tolerance_at = _column(header, _TOLERANCE) if has_header else None
    for number, row in enumerate(rows[1:] if has_header else rows, start=2 if has_header else 1):
        if not any(cell.strip() for cell in row):
            continue

        def cell(at: int | None) -> str:
            return row[at] if at is not None and at < len(row) else ""

        qrels._add(cell(topic_at), cell(image_at), cell(answer_at), cell(tolerance_at), where=f"line {number}")


def _pick(entry: dict, spellings: tuple[str, ...]) -> object:
    lowered = {str(key).lower(): value for key, value in entry.items()}
    return next((lowered[s] for s in spellings if lowered.get(s) not in (None, "", [])), None)


def _item_id(item: object) -> str:
    """A DRES media item is a name or an object with one (`{"name": ...}`, `{"mediaItemName": ...}`)."""
    if isinstance(item, dict):
        return str(_pick(item, ("name", "mediaitemname", "id", "item", "target")) or "")
    return str(item or "")


def _read_json(document: object, qrels: Qrels) -> None:
    if isinstance(document, dict) and isinstance(document.get("tasks"), list):
        document = document["tasks"]  # a DRES evaluation template
    if isinstance(document, dict):
        for topic, truth in document.items():
            if isinstance(truth, dict):
                tolerance = _pick(truth, _TOLERANCE)
                for image in _as_list(_pick(truth, ("images", "image_ids", *_IMAGE))):
                    qrels._add(topic, _item_id(image), where=f"topic {topic}")
                for answer in _as_list(_pick(truth, _ANSWER)):
                    qrels._add(topic, answer=answer, tolerance=tolerance, where=f"topic {topic}")
            else:
                for image in _as_list(truth) or [None]:
                    qrels._add(topic, _item_id(image), where=f"topic {topic}")
        return
    for number, entry in enumerate(document if isinstance(document, list) else [], start=1):
        if not isinstance(entry, dict):
            qrels.unreadable.append(f"entry {number}: not an object")
            continue
        topic = _pick(entry, _TOPIC)
        targets = _pick(entry, ("targets", "target"))
        if isinstance(targets, list):  # DRES: {"name", "targets": [{"type": "TEXT"|"MEDIA_ITEM", "target"/"item"}]}
            for target in targets:
                if isinstance(target, dict) and str(target.get("type", "")).upper() == "TEXT":
                    qrels._add(topic, answer=_pick(target, ("target", "text", "answer")), where=f"entry {number}")
                else:
                    qrels._add(topic, _item_id(_pick(target, ("item", "target", "name")) if isinstance(target, dict) else target),
                               where=f"entry {number}")
            continue
        qrels._add(topic, _item_id(_pick(entry, _IMAGE)), _pick(entry, _ANSWER), _pick(entry, _TOLERANCE), where=f"entry {number}")


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [] if value in (None, "") else [value]
