"""One walk over a study log: per participant and topic, what the participant did, and, with a judge, whether and
when a correct submission came and the score the LSC's judge server (DRES) would have given it.

The figures that need no ground truth (turns, hints, submissions, the first submission) come from the same walk
with or without a judge, so the plain and the judged report always agree on them.

Log records the walk reads: `topic` / `message` (a task starts at the first), `message` (a turn), `hint` (one per
hint shown), `submit` with `image_id` (a KIS submission, "This is it") or with `answer` (a QA submission; an
`answer` event is read the same way). A topic record may carry `kind` (KIS/QA) and `limit_s`, its time limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from .judge import Judge
from .log import record_time


@dataclass(frozen=True)
class DresScoring:
    """DRES's KisTaskScorer, which the LSC uses for KIS and QA tasks alike (its parameters are study-report's flags).

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
        return (f"DRES scoring: {self.max_points:g} points at the start falling linearly to {self.max_points_at_end:g} "
                f"at the time limit ({self.duration_s:g} s unless a topic sets its own), "
                f"-{self.penalty_per_wrong:g} per wrong submission before the correct one, never below 0")


# study-report's flags for DresScoring's fields: the flag and what it sets
DRES_FLAGS = {
    "max_points": ("--dres-max-points", "points for a correct submission at once"),
    "max_points_at_end": ("--dres-points-at-end", "points for a correct submission at the time limit"),
    "penalty_per_wrong": ("--dres-penalty", "points off per wrong submission before the correct one"),
    "duration_s": ("--dres-duration", "a task's time limit in seconds, unless its topic record sets one"),
}


def logged_tolerances(records: Iterable[dict]) -> list[str]:
    """The tolerances a live session judged photos under, as its topic records state them."""
    return sorted({str(record["tolerance"]) for record in records if record.get("event") == "topic" and record.get("tolerance")})


@dataclass
class TaskSummary:
    """One participant on one topic. The judged fields stay at their defaults without a judge or for a topic the
    qrels do not judge (`judged` False)."""

    participant: str
    topic: str
    kind: str | None  # "KIS" or "QA": as the log's topic record says, else as the qrels do; None when neither does
    turns: int  # chat messages in the task
    hints_seen: int
    submissions: int  # photos and answers submitted, right or wrong
    seconds_to_first: float | None  # from the task's start to its first submission
    first_submitted: str | None  # that submission: the photo's id or the answer as typed
    judged: bool = False
    correct: bool = False
    seconds_to_correct: float | None = None
    wrong_before: int = 0  # wrong submissions before the first correct one (all of them if none was correct)
    hints_to_correct: int | None = None  # hints shown when the first correct submission came
    score: float = 0.0


@dataclass
class _TaskWalk:
    """What the walk has seen of one task so far."""

    start: datetime | None = None
    limit_s: float | None = None
    logged_kind: str | None = None
    turns: int = 0
    hints: int = 0
    submissions: int = 0
    first_at: datetime | None = None
    first_submitted: str | None = None
    correct_at: datetime | None = None
    wrong_before: int = 0
    hints_to_correct: int | None = None

    def take(self, record: dict, topic: str, judge: Judge | None) -> None:
        event, moment = record.get("event"), record_time(record)
        if event in ("topic", "message") and self.start is None:
            self.start = moment
        if event == "topic" and record.get("limit_s"):
            self.limit_s = float(record["limit_s"])
        self.logged_kind = self.logged_kind or (str(record["kind"]).upper() if record.get("kind") else None)
        self.turns += event == "message"
        self.hints += event == "hint"
        if event in ("submit", "answer"):
            self._submitted(record, moment, topic, judge)

    def _submitted(self, record: dict, moment: datetime, topic: str, judge: Judge | None) -> None:
        self.submissions += 1
        if self.first_at is None:
            self.first_at, self.first_submitted = moment, _submitted_item(record)
        if judge is None or self.correct_at is not None:
            return
        verdict = judge.submission_is_correct(topic, record)
        if verdict:
            self.correct_at, self.hints_to_correct = moment, self.hints
        elif verdict is False:
            self.wrong_before += 1

    def seconds_to(self, moment: datetime | None) -> float | None:
        return (moment - self.start).total_seconds() if moment is not None and self.start is not None else None


def _submitted_item(record: dict) -> str | None:
    answer = record.get("answer")
    return str(answer) if answer is not None else (str(record["image_id"]) if record.get("image_id") is not None else None)


def summarise(records: Iterable[dict], judge: Judge | None = None, scoring: DresScoring = DresScoring()) -> list[TaskSummary]:
    """One summary per participant and topic, in that order; with a judge, each judged and scored too.

    Nothing after a task's first correct submission changes its judgement; the counts cover the whole task.
    """
    walks: dict[tuple[str, str], _TaskWalk] = {}
    for record in records:
        participant, topic = str(record.get("participant", "")), str(record.get("topic") or "-")
        walks.setdefault((participant, topic), _TaskWalk()).take(record, topic, judge)
    return [_summary(participant, topic, walk, judge, scoring) for (participant, topic), walk in sorted(walks.items())]


def _summary(participant: str, topic: str, walk: _TaskWalk, judge: Judge | None, scoring: DresScoring) -> TaskSummary:
    judged_kind = judge.kind(topic) if judge is not None else None
    summary = TaskSummary(
        participant, topic, walk.logged_kind or judged_kind, walk.turns, walk.hints, walk.submissions,
        walk.seconds_to(walk.first_at), walk.first_submitted,
    )
    if judged_kind is not None:
        seconds = walk.seconds_to(walk.correct_at)
        summary.judged, summary.correct, summary.seconds_to_correct = True, walk.correct_at is not None, seconds
        summary.wrong_before, summary.hints_to_correct = walk.wrong_before, walk.hints_to_correct
        summary.score = scoring.score(seconds, walk.wrong_before, walk.limit_s)
    return summary
