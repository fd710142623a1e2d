"""Scoring run files (`run-topics`' or any team's NTCIR Lifelog / LSC submission) against qrels.

A run row is GROUP-ID,RUN-ID,TOPIC-ID,IMAGE-ID,SECONDS-ELAPSED,SCORE; a topic's rows are ranked in file order.
A question topic's answer is read from RUN.answers.csv beside the run (GROUP-ID,RUN-ID,TOPIC-ID,ANSWER, as
`run-topics` writes it) or, for a topic it does not answer, from the topic's first run row whose IMAGE-ID is not
a photo name (other teams' single-file form); photo rows of a question topic are its evidence, not judged.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..core.photo_names import time_from_filename
from .judge import Judge

CUTOFFS = (1, 5, 10, 100)
_PHOTO_FILE = re.compile(r"\.(jpe?g|png|webp)$", re.IGNORECASE)


@dataclass(frozen=True)
class RunRow:
    topic: str
    item: str  # an image id, or the answer text for a question topic
    seconds: str = ""
    score: str = ""


@dataclass
class RunFile:
    rows: list[RunRow] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # "run.csv line 7" for every row with fewer than four columns
    answers: dict[str, str] = field(default_factory=dict)  # topic -> answer text, from the answers file
    answers_file: str | None = None


def is_photo_name(item: str) -> bool:
    """An image id as runs write them (`20190509_071012_000.jpg`, `B00001234_21I6X0_…JPG`), not answer text."""
    item = item.strip()
    return bool(_PHOTO_FILE.search(item)) or time_from_filename(item) is not None


def answers_path(run_file: str | Path) -> Path:
    """Where run-topics writes a run's answers: run.csv -> run.answers.csv."""
    return Path(run_file).with_suffix(".answers.csv")


def _submission_rows(path: Path, unreadable: list[str]) -> Iterator[list[str]]:
    """The rows of a submission file with at least four columns; blank lines and a GROUP-ID header are left out,
    and any shorter row is noted in unreadable."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not any(cell.strip() for cell in row) or (number == 1 and row[0].strip().upper() == "GROUP-ID"):
                continue
            if len(row) < 4:
                unreadable.append(f"{path.name} line {number}")
                continue
            yield [cell.strip() for cell in row]


def read_run(path: str | Path, answers: str | Path | None = None) -> RunFile:
    """The rows of a run file, and its answers file (default: beside it, when there is one)."""
    run = RunFile()
    run.rows = [RunRow(row[2], row[3], *row[4:6]) for row in _submission_rows(Path(path), run.unreadable)]
    answers = Path(answers) if answers is not None else answers_path(path)
    if answers.exists():
        run.answers_file = str(answers)
        for row in _submission_rows(answers, run.unreadable):
            run.answers.setdefault(row[2], row[3])
    return run


def _ranking_figures(first_correct: int | None) -> dict[str, float]:
    figures = {"mrr": 1.0 / first_correct if first_correct else 0.0}
    figures.update({f"recall@{k}": float(first_correct is not None and first_correct <= k) for k in CUTOFFS})
    return figures


def score_run(run: RunFile, judge: Judge) -> dict:
    """Per topic and overall: MRR and recall@1/5/10/100 for KIS topics, accuracy for QA topics.

    Known-item search has one target moment however many photos show it, so recall@k is 1 when a correct
    photo is among the first k and 0 otherwise; a judged topic missing from the run scores 0.
    """
    ranked: dict[str, list[str]] = {}
    for row in run.rows:
        ranked.setdefault(row.topic, []).append(row.item)
    topics: dict[str, dict] = {}
    for topic in (topic for topic in judge.qrels.images if judge.kind(topic) == "KIS"):  # a question's images are its evidence
        items = [item for item in ranked.get(topic, []) if item][: max(CUTOFFS)]
        first = next((rank for rank, item in enumerate(items, 1) if judge.photo_is_correct(topic, item)), None)
        topics[topic] = {"kind": "KIS", "rank": first, **_ranking_figures(first)}
    for topic in judge.qrels.answers:
        answer = run.answers.get(topic) or next((item for item in ranked.get(topic, []) if item and not is_photo_name(item)), None)
        correct = answer is not None and judge.answer_is_correct(topic, answer)
        topics[topic] = {"kind": "QA", "answer": answer, "correct": correct, "qa_accuracy": float(correct)}
    kis = [figures for figures in topics.values() if figures["kind"] == "KIS"]
    overall: dict = {"tolerance": judge.tolerance.describe(), "kis_topics": len(kis)}
    overall.update({name: (sum(f[name] for f in kis) / len(kis) if kis else 0.0) for name in ("mrr", *(f"recall@{k}" for k in CUTOFFS))})
    qa = [figures for figures in topics.values() if figures["kind"] == "QA"]
    if qa:
        overall.update({"qa_topics": len(qa), "qa_accuracy": sum(f["qa_accuracy"] for f in qa) / len(qa)})
    unjudged = sorted(set(ranked) - set(topics))
    return {"overall": overall, "topics": dict(sorted(topics.items())), "unjudged_topics": unjudged}


def score_text(scores: dict) -> str:
    """A table per topic, then the overall figures, with the tolerance they hold under."""
    overall = scores["overall"]
    lines = [f"tolerance: {overall['tolerance']}", f"{'topic':<12} {'kind':<4} {'rank':>5} {'RR':>6} {'R@1':>4} {'R@5':>4} {'R@10':>5} {'R@100':>6}  answer"]
    for topic, figures in scores["topics"].items():
        if figures["kind"] == "KIS":
            lines.append(f"{topic:<12} KIS  {figures['rank'] or '-':>5} {figures['mrr']:>6.3f} {figures['recall@1']:>4.0f} "
                         f"{figures['recall@5']:>4.0f} {figures['recall@10']:>5.0f} {figures['recall@100']:>6.0f}")
        else:
            lines.append(f"{topic:<12} QA   {'':>5} {'':>6} {'':>4} {'':>4} {'':>5} {'':>6}  "
                         f"{'correct' if figures['correct'] else 'wrong'}: {figures['answer'] or '(none)'}")
    lines.append("")
    lines.append(f"overall over {overall['kis_topics']} KIS topics: MRR {overall['mrr']:.3f}, "
                 + ", ".join(f"recall@{k} {overall[f'recall@{k}']:.3f}" for k in CUTOFFS))
    if "qa_accuracy" in overall:
        lines.append(f"QA accuracy over {overall['qa_topics']} topics: {overall['qa_accuracy']:.3f}")
    if scores["unjudged_topics"]:
        lines.append(f"not in the qrels (not scored): {', '.join(scores['unjudged_topics'])}")
    return "\n".join(lines)
