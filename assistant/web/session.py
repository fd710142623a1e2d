"""The app as an LSC-style session (`--topics`): topics one after another, hints on schedule, a time limit,
submissions judged against the qrels and recorded in the study log, which `study-report --qrels` reads back.

The schedule itself is evaluation.schedule's pure logic; this keeps only where each browser session stands.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from ..evaluation import Judge
from ..evaluation.schedule import HINT_EVERY_S, SessionTopic, TopicProgress, topic_progress
from ..study import StudyRecorder


@dataclass(frozen=True)
class SessionView:
    """Where a participant stands: the topic showing (None once every topic is done), its place in the list and progress."""

    topic: SessionTopic | None
    number: int  # from 1
    total: int
    progress: TopicProgress | None

    def to_api(self) -> dict:
        if self.topic is None or self.progress is None:
            return {"topic": None, "number": self.number, "total": self.total, "finished": True}
        return {
            "topic": self.topic.topic_id, "kind": self.topic.kind, "number": self.number, "total": self.total, "finished": False,
            "hints": list(self.progress.hints), "seconds_left": round(self.progress.seconds_left, 3), "over": self.progress.over,
        }


class SessionRunner:
    """Each browser session works through the topics in order; every hint shown and every submission is logged.

    The ground truth never leaves the server: a submission's judgement is logged, and told to the participant
    only with `feedback`.
    """

    def __init__(
        self, topics: list[SessionTopic], study: StudyRecorder, judge: Judge | None = None, *, feedback: bool = False,
        hint_every_s: float = HINT_EVERY_S,
    ):
        self.topics, self.study, self.judge, self.feedback, self.hint_every_s = topics, study, judge, feedback, hint_every_s
        self._lock = threading.Lock()
        self._position: dict[str, int] = {}  # browser session -> index of its current topic
        self._hints_logged: dict[str, int] = {}  # browser session -> hints of its current topic already logged

    def view(self, username: str | None, session: str) -> SessionView:
        """Where this session stands now: starts its topic on first sight and logs each hint as it appears."""
        with self._lock:
            index = self._position.setdefault(session, 0)
            if index >= len(self.topics):
                return SessionView(None, index + 1, len(self.topics), None)
            topic = self.topics[index]
            if self.study.topic(session) != topic.topic_id:
                self.study.set_topic(username, session, topic.topic_id, kind=topic.kind, limit_s=topic.limit_s)
            progress = topic_progress(topic, self.study.started(username, session), self.study.clock(), self.hint_every_s)
            logged = self._hints_logged.get(session, 0)
            for number in range(logged + 1, len(progress.hints) + 1):
                self.study.hint(username, session, number, progress.hints[number - 1])
            self._hints_logged[session] = max(logged, len(progress.hints))
        return SessionView(topic, index + 1, len(self.topics), progress)

    def next_topic(self, username: str | None, session: str) -> SessionView:
        """The participant is ready: the next topic starts now."""
        with self._lock:
            self._position[session] = self._position.get(session, 0) + 1
            self._hints_logged[session] = 0
        return self.view(username, session)

    def submit_photo(self, username: str | None, session: str, image_id: str) -> dict:
        """ "This is it" on a known-item topic."""
        topic = self._open_topic(username, session, "KIS")
        correct = self.judge.photo_is_correct(topic.topic_id, image_id) if self._judges(topic) else None
        return self._submitted(self.study.submit(username, session, image_id, **_judgement(correct)))

    def submit_answer(self, username: str | None, session: str, answer: str) -> dict:
        """A typed answer to a question topic."""
        answer = " ".join(str(answer or "").split())
        if not answer:
            raise ValueError("Type your answer first.")
        topic = self._open_topic(username, session, "QA")
        correct = self.judge.answer_is_correct(topic.topic_id, answer) if self._judges(topic) else None
        return self._submitted(self.study.submit(username, session, answer=answer, **_judgement(correct)))

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
