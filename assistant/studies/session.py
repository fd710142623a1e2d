"""The app as an LSC-style session (`--topics`): topics one after another, hints on schedule, a time limit,
submissions judged against the qrels and recorded in the study log, which `study-report --qrels` reads back.

The schedule itself is schedule's pure logic; where each participant stands is the recorder's, read back from
the log after a restart, so a participant carries on with the same topic, time left and hints.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .judge import QA_MATCHING, Judge
from .recorder import StudyRecorder
from .schedule import HINT_EVERY_S, SessionTopic, TopicProgress, topic_progress

if TYPE_CHECKING:
    from ..library import Library


@dataclass(frozen=True)
class SessionView:
    """Where a participant stands: the topic showing (None once every topic is done), its place in the list and
    progress, and how its submissions are judged (None without qrels)."""

    topic: SessionTopic | None
    number: int  # from 1
    total: int
    progress: TopicProgress | None
    judging: str | None = None

    def to_api(self) -> dict:
        if self.topic is None or self.progress is None:
            return {"topic": None, "number": self.number, "total": self.total, "finished": True}
        return {
            "topic": self.topic.topic_id, "kind": self.topic.kind, "number": self.number, "total": self.total, "finished": False,
            "hints": list(self.progress.hints), "seconds_left": round(self.progress.seconds_left, 3), "over": self.progress.over,
            "judging": self.judging,
        }


class SessionRunner:
    """Each participant works through the topics in order; every hint shown and every submission is logged.

    The ground truth never leaves the server: a submission's judgement is logged, and told to the participant
    only with `feedback`. A known-item photo is judged under the judge's tolerance, a question's answer as text
    (numbers, dates, durations, names), and the topic record in the log says which.
    """

    def __init__(
        self, topics: list[SessionTopic], study: StudyRecorder, judge: Judge | None = None, *, feedback: bool = False,
        hint_every_s: float = HINT_EVERY_S,
    ):
        self.topics, self.study, self.judge, self.feedback, self.hint_every_s = topics, study, judge, feedback, hint_every_s
        self._lock = threading.Lock()

    def view(self, username: str | None, session: str) -> SessionView:
        """Where this participant stands now: starts their topic on first sight and logs each hint as it first appears."""
        with self._lock:
            index = self._position(username, session)
            if index >= len(self.topics):
                return SessionView(None, index + 1, len(self.topics), None)
            topic = self.topics[index]
            self._start(username, session, topic)
            progress = topic_progress(topic, self.study.started(username, session), self.study.clock(), self.hint_every_s)
            for number in range(self.study.hints_shown(username, session) + 1, len(progress.hints) + 1):
                self.study.hint(username, session, number, progress.hints[number - 1])
        return SessionView(topic, index + 1, len(self.topics), progress, self._judging(topic))

    def current_topic(self, username: str | None, session: str) -> str | None:
        """The id of the topic this participant is on (the first before they start; None once every topic is done)."""
        with self._lock:
            index = self._position(username, session)
        return self.topics[index].topic_id if index < len(self.topics) else None

    def next_topic(self, username: str | None, session: str) -> SessionView:
        """The participant is ready: the next topic starts now (or the session ends after the last)."""
        with self._lock:
            index = self._position(username, session) + 1
            if index < len(self.topics):
                self._start(username, session, self.topics[index])
            elif index == len(self.topics):
                self.study.finish(username, session)
        return self.view(username, session)

    def submit_photo(self, username: str | None, session: str, image_id: str, library: "Library | None" = None) -> dict:
        """ "This is it" on a known-item topic; `library` (the participant's) places the photo in its event and time."""
        topic = self._open_topic(username, session, "KIS")
        correct = self.judge.for_library(library).photo_is_correct(topic.topic_id, image_id) if self._judges(topic) else None
        return self._submitted(self.study.submit(username, session, image_id, kind=topic.kind, **_judgement(correct)))

    def submit_answer(self, username: str | None, session: str, answer: str) -> dict:
        """A typed answer to a question topic, logged as typed and judged as an answer, never as a photo."""
        answer = " ".join(str(answer or "").split())
        if not answer:
            raise ValueError("Type your answer first.")
        topic = self._open_topic(username, session, "QA")
        correct = self.judge.answer_is_correct(topic.topic_id, answer) if self._judges(topic) else None
        return self._submitted(self.study.submit(username, session, answer=answer, kind=topic.kind, **_judgement(correct)))

    def _position(self, username: str | None, session: str) -> int:
        """The index of the participant's topic: the one they were on (before a restart too), else the first."""
        if self.study.finished(username, session):
            return len(self.topics)
        current = self.study.topic(username, session)
        return next((index for index, topic in enumerate(self.topics) if topic.topic_id == current), 0)

    def _start(self, username: str | None, session: str, topic: SessionTopic) -> None:
        """Make this the participant's topic; the log's topic record says how it is judged."""
        judged = {"tolerance": self.judge.tolerance.spec()} if self._judges(topic) and topic.kind == "KIS" else {}
        judged |= {"judging": self._judging(topic)} if self._judges(topic) else {}
        self.study.set_topic(username, session, topic.topic_id, kind=topic.kind, limit_s=topic.limit_s, **judged)

    def _judging(self, topic: SessionTopic) -> str | None:
        """How this topic's submissions are judged, in words for the screen and the log."""
        if not self._judges(topic):
            return None
        return self.judge.tolerance.describe() if topic.kind == "KIS" else QA_MATCHING

    def _open_topic(self, username: str | None, session: str, kind: str) -> SessionTopic:
        """The current topic, if it takes submissions of this kind and its time is not up."""
        view = self.view(username, session)
        if view.topic is None:
            raise ValueError("The session is over: every topic is done.")
        if view.progress is not None and view.progress.over:
            raise ValueError(f"Time is up for topic {view.topic.topic_id}: press Next topic.")
        if view.topic.kind != kind:
            raise ValueError("This topic asks a question: type your answer." if view.topic.kind == "QA" else "This topic asks for a photo: open it and press This is it.")
        return view.topic

    def _judges(self, topic: SessionTopic) -> bool:
        return self.judge is not None and self.judge.kind(topic.topic_id) is not None

    def _submitted(self, record: dict) -> dict:
        """What the participant is told: the judgement only with feedback."""
        shown = ("participant", "topic", "image_id", "answer", "elapsed_s") + (("correct",) if self.feedback else ())
        return {key: record[key] for key in shown if key in record}


def _judgement(correct: bool | None) -> dict:
    return {} if correct is None else {"correct": correct}
