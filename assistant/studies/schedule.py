"""The LSC's session protocol as pure functions: a topic's hints revealed one by one on a schedule, and a time limit.

Given a topic, when it started and the time now, `topic_progress` says which hints are showing, how many seconds
are left and whether the time is up; the app's runner only supplies the clock.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .qrels import packaged_study_file

HINT_EVERY_S = 30.0  # the LSC reveals a further hint every 30 s
TIME_LIMIT_S = 300.0  # and gives each topic, KIS and QA alike, five minutes


@dataclass(frozen=True)
class SessionTopic:
    """A topic as a session shows it: hints in the order they are revealed, its kind and its time limit."""

    topic_id: str
    kind: str  # "KIS": find the photo; "QA": answer the question
    hints: tuple[str, ...]
    limit_s: float = TIME_LIMIT_S


@dataclass(frozen=True)
class TopicProgress:
    hints: tuple[str, ...]  # the hints showing now, the first from the start
    seconds_left: float
    over: bool  # the time limit has passed: no more submissions


def topic_progress(topic: SessionTopic, started: datetime, now: datetime, hint_every_s: float = HINT_EVERY_S) -> TopicProgress:
    """Hint n (from 1) shows from (n - 1) * hint_every_s seconds after the start; the topic is over at its limit."""
    elapsed = max(0.0, (now - started).total_seconds())
    showing = min(len(topic.hints), 1 + math.floor(elapsed / hint_every_s))
    return TopicProgress(topic.hints[:showing], max(0.0, topic.limit_s - elapsed), elapsed >= topic.limit_s)


def read_session_topics(path: str | Path) -> list[SessionTopic]:
    """Topics from JSON: a list of {id, type (KIS/QA), text, hints, limit_s}; `demo`: the demo's own study.

    A topic without hints shows its text as its one hint; one without a type is a known-item (KIS) topic.
    """
    path = packaged_study_file(path, "topics")
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: expected a JSON list of topics, each {{id, type, text, hints, limit_s}}")
    topics = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("id") or not (entry.get("hints") or entry.get("text")):
            raise ValueError(f"{path}: topic {number} needs an id and hints (or a text): {entry}")
        kind = str(entry.get("type") or "KIS").upper()
        if kind not in ("KIS", "QA"):
            raise ValueError(f"{path}: topic {entry['id']} has type {kind!r}; a session knows KIS and QA")
        hints = tuple(str(hint) for hint in entry.get("hints") or [entry["text"]])
        topics.append(SessionTopic(str(entry["id"]), kind, hints, float(entry.get("limit_s") or TIME_LIMIT_S)))
    return topics
