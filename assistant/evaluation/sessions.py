"""Judging a study log against qrels: per participant and topic, whether and when a correct submission came,
and the score the LSC's judge server (DRES) would have given it.

Log records the judging reads: `topic` / `message` (a task starts at the first), `message` (a turn), `hint`
(one per hint shown), `submit` with `image_id` (a KIS submission, "This is it") or with `answer` (a QA
submission; an `answer` event is read the same way). A topic record may carry `limit_s`, the task's time limit.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable

from .judge import Judge


@dataclass(frozen=True)
class DresScoring:
    """DRES's KisTaskScorer, which the LSC uses for KIS and QA tasks alike (its defaults).

    A correct submission at time t of a task lasting D scores
    max(0, at_end + (max_points - at_end) * (1 - t / D) - penalty * wrong submissions before it); none scores 0.
    """

    max_points: float = 100.0
    max_points_at_end: float = 50.0
    penalty_per_wrong: float = 10.0
    duration_s: float = 300.0

    def score(self, seconds_to_correct: float | None, wrong_before: int, duration_s: float | None = None) -> float:
        if seconds_to_correct is None:
            return 0.0
        duration = duration_s or self.duration_s
        remaining = 1.0 - min(max(seconds_to_correct / duration, 0.0), 1.0)
        return max(0.0, self.max_points_at_end + (self.max_points - self.max_points_at_end) * remaining - self.penalty_per_wrong * wrong_before)

    def describe(self) -> str:
        return (f"DRES KIS scoring: {self.max_points:g} points at the start falling linearly to {self.max_points_at_end:g} "
                f"at the time limit ({self.duration_s:g} s unless a topic sets its own), "
                f"-{self.penalty_per_wrong:g} per wrong submission before the correct one, never below 0")


@dataclass
class JudgedTask:
    participant: str
    topic: str
    kind: str | None  # "KIS", "QA", or None when the qrels do not judge this topic
    correct: bool
    seconds_to_correct: float | None
    wrong_before: int  # wrong submissions before the first correct one (all of them if none was correct)
    hints_seen: int
    turns: int
    score: float
    submissions: int


def record_time(record: dict) -> datetime:
    """A log line's time; one written without an offset is UTC, as the app writes them."""
    moment = datetime.fromisoformat(str(record["time"]))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def judge_sessions(records: Iterable[dict], judge: Judge, scoring: DresScoring = DresScoring()) -> list[JudgedTask]:
    """One judged task per participant and topic; nothing after a task's first correct submission counts."""
    tasks: dict[tuple[str, str], dict] = {}
    for record in records:
        key = (str(record.get("participant", "")), str(record.get("topic") or "-"))
        task = tasks.setdefault(key, {"start": None, "correct_at": None, "wrong": 0, "hints": 0, "turns": 0, "submissions": 0, "limit": None})
        if task["correct_at"] is not None:
            continue
        event, moment = record.get("event"), record_time(record)
        if event in ("topic", "message") and task["start"] is None:
            task["start"] = moment
        if event == "topic" and record.get("limit_s"):
            task["limit"] = float(record["limit_s"])
        task["turns"] += event == "message"
        task["hints"] += event == "hint"
        if event in ("submit", "answer"):
            task["submissions"] += 1
            if _is_correct(judge, key[1], record):
                task["correct_at"] = moment
            else:
                task["wrong"] += 1
    judged = []
    for (participant, topic), task in sorted(tasks.items()):
        start = task["start"]
        seconds = (task["correct_at"] - start).total_seconds() if task["correct_at"] is not None and start is not None else None
        judged.append(JudgedTask(
            participant, topic, judge.kind(topic), task["correct_at"] is not None, seconds, task["wrong"], task["hints"],
            task["turns"], scoring.score(seconds, task["wrong"], task["limit"]), task["submissions"],
        ))
    return judged


def _is_correct(judge: Judge, topic: str, record: dict) -> bool:
    if record.get("answer") is not None:
        return judge.answer_is_correct(topic, str(record["answer"]))
    return judge.photo_is_correct(topic, str(record.get("image_id") or ""))


def judged_report_text(tasks: list[JudgedTask], judge: Judge, scoring: DresScoring) -> str:
    """What was judged and how, a row per task, then per-topic and overall figures."""
    lines = [judge.qrels.describe(), f"tolerance: {judge.tolerance.describe()}", scoring.describe(), ""]
    lines.append(f"{'participant':<14} {'topic':<10} {'kind':<4} {'correct':>7} {'seconds':>8} {'wrong':>5} {'hints':>5} {'turns':>5} {'score':>6}")
    for task in tasks:
        seconds = f"{task.seconds_to_correct:.1f}" if task.seconds_to_correct is not None else "-"
        correct = "yes" if task.correct else "no" if task.kind else "unjudged"
        lines.append(f"{task.participant:<14} {task.topic:<10} {task.kind or '-':<4} {correct:>7} {seconds:>8} {task.wrong_before:>5} "
                     f"{task.hints_seen:>5} {task.turns:>5} {task.score:>6.1f}")
    lines.append("")
    lines.append(f"{'topic':<10} {'tasks':>5} {'correct':>7} {'median s':>9} {'mean score':>10}")
    for topic in sorted({task.topic for task in tasks}):
        lines.append(_group_line(topic, [task for task in tasks if task.topic == topic]))
    lines.append(_group_line("overall", [task for task in tasks if task.kind]))
    return "\n".join(lines)


def _group_line(name: str, group: list[JudgedTask]) -> str:
    times = [task.seconds_to_correct for task in group if task.seconds_to_correct is not None]
    median = f"{statistics.median(times):.1f}" if times else "-"
    mean_score = f"{statistics.fmean(task.score for task in group):.1f}" if group else "-"
    return f"{name:<10} {len(group):>5} {sum(task.correct for task in group):>7} {median:>9} {mean_score:>10}"
