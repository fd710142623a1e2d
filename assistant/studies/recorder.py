"""What the app records in a study, per participant: every turn, click, hint and submission, in the study log.

A participant's place in the study is read back from the log when the app starts again: the topic they work on,
when its task started and how many of its hints they were shown. So a restarted app (or a second browser tab)
carries on where the participant was, and never logs a hint twice.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from .log import StudyLog, new_record, read_log, record_time, utc_now

if TYPE_CHECKING:
    from ..chat import Turn

logger = logging.getLogger(__name__)


class StudyRecorder:
    """Records a study's events; a task is one participant on one topic, from its first message (or topic start).

    Without a log nothing is written, but submissions are still acknowledged with their elapsed time. `clock`
    stamps every record (tests fake it).
    """

    def __init__(
        self, log: StudyLog | None = None, *, participant: str | None = None, topic: str | None = None, clock: Callable[[], datetime] = utc_now,
    ):
        self.log = log
        self.clock = clock
        self.fixed_participant = participant
        self.default_topic = topic or ""
        self._lock = threading.Lock()
        self._topics: dict[str, str] = {}  # participant -> the topic they chose or were given
        self._started: dict[tuple[str, str], datetime] = {}  # (participant, topic) -> start of the task
        self._hints: dict[tuple[str, str], int] = {}  # (participant, topic) -> hints already logged
        self._finished: set[str] = set()  # participants who went through every topic of a session
        if log is not None and log.path.exists():
            reading = read_log(log.path)
            if reading.unreadable_lines:  # the app restarts after a crash: say what the crash cost
                logger.warning("%s: %s", log.path, reading.unreadable_summary())
            for record in reading.records:
                self._remember(record)

    def participant(self, username: str | None, session: str) -> str:
        """--participant if given, else the login name, else a name for this browser session."""
        return self.fixed_participant or username or f"guest-{session[:8]}"

    def topic(self, username: str | None, session: str) -> str:
        """The topic this participant works on: the last one set (in this run or, before a restart, in the log)."""
        return self._topics.get(self.participant(username, session), self.default_topic)

    def set_topic(self, username: str | None, session: str, topic: str, **fields: object) -> str:
        """Start a task (recorded, with `fields` such as limit_s, only when the topic changes); returns the topic."""
        topic = " ".join(str(topic or "").split())
        participant = self.participant(username, session)
        with self._lock:
            changed = self._topics.get(participant, self.default_topic) != topic or participant in self._finished
            self._topics[participant] = topic
            self._finished.discard(participant)
        if changed:
            self._record(username, session, "topic", **fields)
        return topic

    def started(self, username: str | None, session: str) -> datetime | None:
        """When this participant's current task started (None if it has not)."""
        return self._started.get(self._task(username, session))

    def hints_shown(self, username: str | None, session: str) -> int:
        """How many hints of the current topic this participant has been shown (and logged)."""
        return self._hints.get(self._task(username, session), 0)

    def hint(self, username: str | None, session: str, number: int, text: str) -> dict | None:
        """A hint shown to the participant (numbered from 1), logged the first time only; None when it was already."""
        task = self._task(username, session)
        with self._lock:
            if self._hints.get(task, 0) >= number:
                return None
            self._hints[task] = number
        return self._record(username, session, "hint", hint=number, text=text)

    def finish(self, username: str | None, session: str) -> dict:
        """The participant went through every topic of the session."""
        with self._lock:
            self._finished.add(self.participant(username, session))
        return self._record(username, session, "finished")

    def finished(self, username: str | None, session: str) -> bool:
        return self.participant(username, session) in self._finished

    def message(self, username: str | None, session: str, message: str, turn: "Turn") -> dict:
        """A chat message: what was typed, the constraints understood and the photos shown in reply."""
        return self._record(username, session, "message", message=message, **_shown(turn))

    def action(self, username: str | None, session: str, action: str, turn: "Turn | None" = None, **fields: object) -> dict:
        """A click: a moment opened, more like / not this, before / after, a chip removed, start over."""
        return self._record(username, session, "click", action=action, **fields, **(_shown(turn) if turn else {}))

    def submit(self, username: str | None, session: str, image_id: str | None = None, **fields: object) -> dict:
        """ "This is it" (the photo chosen) or, with answer=..., a typed answer; with seconds since the task started
        (None if it never did) and any `fields` (correct: the judgement, when the session has qrels)."""
        started = self.started(username, session)
        now = self.clock()
        elapsed = round((now - started).total_seconds(), 3) if started else None
        chosen = {"image_id": image_id} if image_id is not None else {}
        return self._record(username, session, "submit", at=now, **chosen, elapsed_s=elapsed, **fields)

    def _task(self, username: str | None, session: str) -> tuple[str, str]:
        return self.participant(username, session), self.topic(username, session)

    def _record(self, username: str | None, session: str, event: str, at: datetime | None = None, **fields: object) -> dict:
        participant, topic = self._task(username, session)
        fields = {"topic": topic or None, "session": session, **fields}
        at = at or self.clock()
        record = self.log.write(participant, event, at, **fields) if self.log is not None else new_record(participant, event, at, **fields)
        if event in ("topic", "message"):
            with self._lock:
                self._started.setdefault((participant, topic), record_time(record))
        return record

    def _remember(self, record: dict) -> None:
        """Take one record of the log written before this run: where its participant stands."""
        participant, event = str(record.get("participant", "")), record.get("event")
        task = (participant, str(record.get("topic") or ""))
        if event in ("topic", "message"):
            self._started.setdefault(task, record_time(record))
        if event == "topic":
            self._topics[participant] = task[1]
            self._finished.discard(participant)
        elif event == "hint":
            number = record.get("hint")  # older logs may name a hint instead of numbering it
            self._hints[task] = max(self._hints.get(task, 0), number) if isinstance(number, int) else self._hints.get(task, 0) + 1
        elif event == "finished":
            self._finished.add(participant)


def _shown(turn: "Turn") -> dict:
    api = turn.to_api()
    return {"constraints": api["constraints"], "matched": api["matched"], "results": [hit["image_id"] for hit in api["results"]]}
