"""User studies and benchmark campaigns: a crash-safe log of what participants did, its summary, and
automatic runs over a topic list in the NTCIR Lifelog / LSC submission format.
"""

from __future__ import annotations

import csv
import json
import os
import statistics
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .files import write_atomically

if TYPE_CHECKING:
    from .conversation import Turn

RUN_COLUMNS = ("GROUP-ID", "RUN-ID", "TOPIC-ID", "IMAGE-ID", "SECONDS-ELAPSED", "SCORE")
MAX_IMAGES_PER_TOPIC = 100


def new_record(participant: str, event: str, **fields: object) -> dict:
    return {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"), "participant": participant, "event": event, **fields}


class StudyLog:
    """Append-only JSON lines, one per event, each written and fsynced before the call returns.

    A crash loses at most the line being written; a torn last line is skipped when the log is read.
    """

    def __init__(self, path: Path):
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def write(self, participant: str, event: str, **fields: object) -> dict:
        record = new_record(participant, event, **fields)
        # backslashreplace: a lone surrogate (valid JSON from a client, not valid UTF-8) is kept as \\udxxx, never a crash
        line = (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8", errors="backslashreplace")
        with self._lock:
            descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(descriptor, line)
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        return record


class StudyRecorder:
    """What the app records in a study: every turn, click and "this is it", per participant and topic.

    A task is one participant on one topic; it starts at its first message (or when its topic is set) and
    ends at the first submission, as `summarise` counts it. Start times are read back from an existing log,
    so a restarted app still measures elapsed time from the real start. Without a log nothing is written,
    but submissions are still acknowledged with their elapsed time.
    """

    def __init__(self, log: StudyLog | None = None, *, participant: str | None = None, topic: str | None = None):
        self.log = log
        self.fixed_participant = participant
        self.default_topic = topic or ""
        self._lock = threading.Lock()
        self._topics: dict[str, str] = {}  # browser session -> topic chosen in it
        self._started: dict[tuple[str, str], datetime] = {}  # (participant, topic) -> start of the task
        if log is not None and log.path.exists():
            for record in read_log(log.path):
                if record.get("event") in ("topic", "message"):
                    key = (str(record.get("participant", "")), str(record.get("topic") or ""))
                    self._started.setdefault(key, _utc(record["time"]))

    def participant(self, username: str | None, session: str) -> str:
        """--participant if given, else the login name, else a name for this browser session."""
        return self.fixed_participant or username or f"guest-{session[:8]}"

    def topic(self, session: str) -> str:
        return self._topics.get(session, self.default_topic)

    def set_topic(self, username: str | None, session: str, topic: str) -> str:
        """Start a task in this browser session (recorded only when the topic changes); returns the topic."""
        topic = " ".join(str(topic or "").split())
        with self._lock:
            changed = self.topic(session) != topic
            self._topics[session] = topic
        if changed:
            self._record(username, session, "topic")
        return topic

    def message(self, username: str | None, session: str, message: str, turn: "Turn") -> dict:
        """A chat message: what was typed, the constraints understood and the photos shown in reply."""
        return self._record(username, session, "message", message=message, **_shown(turn))

    def action(self, username: str | None, session: str, action: str, turn: "Turn | None" = None, **fields: object) -> dict:
        """A click: a moment opened, more like / not this, before / after, a chip removed, start over."""
        return self._record(username, session, "click", action=action, **fields, **(_shown(turn) if turn else {}))

    def submit(self, username: str | None, session: str, image_id: str) -> dict:
        """ "This is it": the photo chosen, and seconds since the task started (None if it never did)."""
        participant, topic = self.participant(username, session), self.topic(session)
        started = self._started.get((participant, topic))
        elapsed = round((datetime.now(timezone.utc) - started).total_seconds(), 3) if started else None
        return self._record(username, session, "submit", image_id=image_id, elapsed_s=elapsed)

    def _record(self, username: str | None, session: str, event: str, **fields: object) -> dict:
        participant, topic = self.participant(username, session), self.topic(session)
        fields = {"topic": topic or None, "session": session, **fields}
        record = self.log.write(participant, event, **fields) if self.log is not None else new_record(participant, event, **fields)
        if event in ("topic", "message"):
            with self._lock:
                self._started.setdefault((participant, topic), _utc(record["time"]))
        return record


def _utc(stamp: str) -> datetime:
    """A log line's time; one written by hand without an offset is taken as UTC, as the app writes them."""
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _shown(turn: "Turn") -> dict:
    api = turn.to_api()
    return {"constraints": api["constraints"], "matched": api["matched"], "results": [hit["image_id"] for hit in api["results"]]}


def read_log(path: Path) -> Iterator[dict]:
    """The records of a study log; a line cut short by a crash is skipped."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


@dataclass
class TaskSummary:
    participant: str
    topic: str
    turns: int
    found: bool
    seconds_to_find: float | None
    submitted: str | None


def summarise(records: Iterable[dict]) -> list[TaskSummary]:
    """One summary per participant and topic: turns taken and time from the first message to "this is it".

    A task starts at its first message (or a topic start) and ends at the first submission; later
    messages on a found topic are not counted.
    """
    tasks: dict[tuple[str, str], dict] = {}
    for record in records:
        key = (str(record.get("participant", "")), str(record.get("topic") or "-"))
        task = tasks.setdefault(key, {"turns": 0, "start": None, "found": None, "submitted": None})
        stamp = datetime.fromisoformat(record["time"])
        if task["found"] is not None:
            continue
        if record["event"] in ("topic", "message") and task["start"] is None:
            task["start"] = stamp
        if record["event"] == "message":
            task["turns"] += 1
        if record["event"] == "submit":
            task["found"] = stamp
            task["submitted"] = record.get("image_id")
    return [
        TaskSummary(
            participant, topic, task["turns"], task["found"] is not None,
            (task["found"] - task["start"]).total_seconds() if task["found"] is not None and task["start"] else None,
            task["submitted"],
        )
        for (participant, topic), task in sorted(tasks.items())
    ]


def report_text(summaries: list[TaskSummary]) -> str:
    """A plain table per task, then per-topic and overall figures."""
    lines = [f"{'participant':<14} {'topic':<10} {'turns':>5} {'found':>5} {'seconds':>8}  submitted"]
    for s in summaries:
        seconds = f"{s.seconds_to_find:.1f}" if s.seconds_to_find is not None else "-"
        lines.append(f"{s.participant:<14} {s.topic:<10} {s.turns:>5} {'yes' if s.found else 'no':>5} {seconds:>8}  {s.submitted or '-'}")
    lines.append("")
    lines.append(f"{'topic':<10} {'tasks':>5} {'found':>5} {'median s':>9} {'median turns':>13}")
    for topic in sorted({s.topic for s in summaries}):
        group = [s for s in summaries if s.topic == topic]
        times = [s.seconds_to_find for s in group if s.seconds_to_find is not None]
        lines.append(
            f"{topic:<10} {len(group):>5} {sum(s.found for s in group):>5} "
            f"{(f'{statistics.median(times):.1f}' if times else '-'):>9} {statistics.median(s.turns for s in group):>13}"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class Topic:
    topic_id: str
    text: str


def read_topics(path: Path) -> list[Topic]:
    """Topics from a CSV (columns id and text, any common spelling) or JSON (a list of objects, or id -> text)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return [Topic(str(key), str(value)) for key, value in data.items()]
        return [Topic(str(_field(item, "id")), str(_field(item, "text"))) for item in data]
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return [Topic(str(_field(row, "id")), str(_field(row, "text"))) for row in csv.DictReader(handle)]


_SPELLINGS = {"id": ("id", "topic", "topic_id", "topicid", "topic-id", "query_id"), "text": ("text", "description", "query", "topic_text", "title")}


def _field(row: dict, name: str) -> object:
    lowered = {str(key).strip().lower(): value for key, value in row.items()}
    for spelling in _SPELLINGS[name]:
        if spelling in lowered and lowered[spelling] not in (None, ""):
            return lowered[spelling]
    raise ValueError(f"a topic has no {name} field (looked for {', '.join(_SPELLINGS[name])}): {row}")


def run_topics(
    library, encoder, topics: list[Topic], out: Path, *, group_id: str, run_id: str, top_k: int = MAX_IMAGES_PER_TOPIC,
    progress: Callable[[int, int, str], None] | None = None, date_order: str | None = None,
) -> int:
    """Answer each topic automatically and write a submission file; returns the number of rows written.

    SECONDS-ELAPSED is the time the search for that topic took (an automatic run has no user to wait for).
    """
    from .search import SearchRequest, search

    if not 1 <= top_k <= MAX_IMAGES_PER_TOPIC:
        raise ValueError(f"top_k must be between 1 and {MAX_IMAGES_PER_TOPIC} (the submission format's limit), not {top_k}")
    rows = []
    for done, topic in enumerate(topics):
        if progress:
            progress(done, len(topics), "topics")
        began = time.perf_counter()
        result = search(library, encoder, SearchRequest(text=topic.text, top_k=top_k, group_events=False, date_order=date_order))
        elapsed = time.perf_counter() - began
        rows += [(group_id, run_id, topic.topic_id, hit["image_id"], f"{elapsed:.3f}", f"{hit['score']:.6f}") for hit in result.photos]
    if progress:
        progress(len(topics), len(topics), "topics")

    def write(tmp: Path) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)  # submission files carry no header row; columns as RUN_COLUMNS

    write_atomically(Path(out), write)
    return len(rows)
