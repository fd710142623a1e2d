"""User studies and benchmark campaigns: a crash-safe log of what participants did, its summary, and
automatic runs over a topic list in the NTCIR Lifelog / LSC submission format.
"""

from __future__ import annotations

import csv
import fcntl
import json
import logging
import os
import statistics
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from .evaluation.runs import answers_path
from .evaluation.sessions import record_time
from .core.files import write_atomically

if TYPE_CHECKING:
    from .conversation import Turn

logger = logging.getLogger(__name__)
RUN_COLUMNS = ("GROUP-ID", "RUN-ID", "TOPIC-ID", "IMAGE-ID", "SECONDS-ELAPSED", "SCORE")
MAX_IMAGES_PER_TOPIC = 100


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def new_record(participant: str, event: str, at: datetime | None = None, **fields: object) -> dict:
    """A log record stamped `at` (default now, UTC)."""
    return {"time": (at or utc_now()).isoformat(timespec="milliseconds"), "participant": participant, "event": event, **fields}


class StudyLog:
    """Append-only JSON lines, one per event, each written and fsynced before the call returns.

    A crash loses at most the line being written: the next writer starts a new line after a torn one,
    and `read_log` reports the torn line instead of letting it swallow the next event.
    """

    def __init__(self, path: Path):
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def write(self, participant: str, event: str, at: datetime | None = None, **fields: object) -> dict:
        record = new_record(participant, event, at, **fields)
        # backslashreplace: a lone surrogate (valid JSON from a client, not valid UTF-8) is kept as \\udxxx, never a crash
        line = (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8", errors="backslashreplace")
        with self._lock:
            descriptor = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX)  # other processes on the same log (two app instances) wait
                if not _ends_a_line(descriptor):
                    line = b"\n" + line  # a writer killed mid-line left it unfinished: never glue this event onto it
                _write_all(descriptor, line)
                os.fsync(descriptor)
            finally:
                os.close(descriptor)  # closing releases the flock
        return record


def _ends_a_line(descriptor: int) -> bool:
    """True when the file is empty or its last byte is a newline."""
    size = os.fstat(descriptor).st_size
    return size == 0 or os.pread(descriptor, 1, size - 1) == b"\n"


def _write_all(descriptor: int, data: bytes) -> None:
    """os.write may write only part of the bytes (a full disk, a signal); keep writing the rest."""
    remaining = memoryview(data)
    while remaining:
        remaining = remaining[os.write(descriptor, remaining):]


class StudyRecorder:
    """What the app records in a study: every turn, click and "this is it", per participant and topic.

    A task is one participant on one topic; it starts at its first message (or when its topic is set) and
    ends at the first submission, as `summarise` counts it. Start times are read back from an existing log,
    so a restarted app still measures elapsed time from the real start. Without a log nothing is written,
    but submissions are still acknowledged with their elapsed time. `clock` stamps every record (tests fake it).
    """

    def __init__(
        self, log: StudyLog | None = None, *, participant: str | None = None, topic: str | None = None, clock: Callable[[], datetime] = utc_now,
    ):
        self.log = log
        self.clock = clock
        self.fixed_participant = participant
        self.default_topic = topic or ""
        self._lock = threading.Lock()
        self._topics: dict[str, str] = {}  # browser session -> topic chosen in it
        self._started: dict[tuple[str, str], datetime] = {}  # (participant, topic) -> start of the task
        if log is not None and log.path.exists():
            reading = read_log(log.path)
            if reading.unreadable_lines:  # the app restarts after a crash: say what the crash cost
                logger.warning("%s: %s", log.path, reading.unreadable_summary())
            for record in reading.records:
                if record.get("event") in ("topic", "message"):
                    key = (str(record.get("participant", "")), str(record.get("topic") or ""))
                    self._started.setdefault(key, record_time(record))

    def participant(self, username: str | None, session: str) -> str:
        """--participant if given, else the login name, else a name for this browser session."""
        return self.fixed_participant or username or f"guest-{session[:8]}"

    def topic(self, session: str) -> str:
        return self._topics.get(session, self.default_topic)

    def set_topic(self, username: str | None, session: str, topic: str, **fields: object) -> str:
        """Start a task in this browser session (recorded, with `fields` such as limit_s, only when the topic changes); returns the topic."""
        topic = " ".join(str(topic or "").split())
        with self._lock:
            changed = self.topic(session) != topic
            self._topics[session] = topic
        if changed:
            self._record(username, session, "topic", **fields)
        return topic

    def hint(self, username: str | None, session: str, number: int, text: str) -> dict:
        """A hint shown to the participant (numbered from 1), as judged sessions count them."""
        return self._record(username, session, "hint", hint=number, text=text)

    def message(self, username: str | None, session: str, message: str, turn: "Turn") -> dict:
        """A chat message: what was typed, the constraints understood and the photos shown in reply."""
        return self._record(username, session, "message", message=message, **_shown(turn))

    def action(self, username: str | None, session: str, action: str, turn: "Turn | None" = None, **fields: object) -> dict:
        """A click: a moment opened, more like / not this, before / after, a chip removed, start over."""
        return self._record(username, session, "click", action=action, **fields, **(_shown(turn) if turn else {}))

    def submit(self, username: str | None, session: str, image_id: str | None = None, **fields: object) -> dict:
        """ "This is it" (the photo chosen) or, with answer=..., a typed answer; with seconds since the task started
        (None if it never did) and any `fields` (correct: the judgement, when the session has qrels)."""
        participant, topic = self.participant(username, session), self.topic(session)
        started = self._started.get((participant, topic))
        now = self.clock()
        elapsed = round((now - started).total_seconds(), 3) if started else None
        chosen = {"image_id": image_id} if image_id is not None else {}
        return self._record(username, session, "submit", at=now, **chosen, elapsed_s=elapsed, **fields)

    def started(self, username: str | None, session: str) -> datetime | None:
        """When this session's current task started (None if it has not)."""
        return self._started.get((self.participant(username, session), self.topic(session)))

    def _record(self, username: str | None, session: str, event: str, at: datetime | None = None, **fields: object) -> dict:
        participant, topic = self.participant(username, session), self.topic(session)
        fields = {"topic": topic or None, "session": session, **fields}
        at = at or self.clock()
        record = self.log.write(participant, event, at, **fields) if self.log is not None else new_record(participant, event, at, **fields)
        if event in ("topic", "message"):
            with self._lock:
                self._started.setdefault((participant, topic), record_time(record))
        return record


def _shown(turn: "Turn") -> dict:
    api = turn.to_api()
    return {"constraints": api["constraints"], "matched": api["matched"], "results": [hit["image_id"] for hit in api["results"]]}


@dataclass
class StudyLogReading:
    """The records of a study log, and the numbers (from 1) of the lines that held no readable record.

    A record is a JSON object with at least a time and an event, as StudyLog writes them.
    """

    records: list[dict]
    unreadable_lines: list[int]

    def unreadable_summary(self) -> str:
        """E.g. "2 unreadable line(s) (line 7, 12)"."""
        return f"{len(self.unreadable_lines)} unreadable line(s) (line {', '.join(map(str, self.unreadable_lines))})"


# Every record begins with its time (see new_record): where a torn line was glued to the next record
# by an older writer, the record is found again from its own beginning.
_RECORD_START = '{"time": '


def read_log(path: Path) -> StudyLogReading:
    """Every readable record of a study log; a line cut short by a crash is counted, not silently dropped."""
    records, unreadable = [], []
    with open(path, encoding="utf-8", errors="backslashreplace") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            record = _parse_record(line)
            if record is None:
                unreadable.append(number)
                glued = line.rfind(_RECORD_START)
                record = _parse_record(line[glued:]) if glued > 0 else None
            if record is not None:
                records.append(record)
    return StudyLogReading(records, unreadable)


def _parse_record(text: str) -> dict | None:
    try:
        record = json.loads(text)
    except json.JSONDecodeError:
        return None
    return record if isinstance(record, dict) and "time" in record and "event" in record else None


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
        stamp = record_time(record)  # logs may mix offset and naive times (edited by hand, older writers)
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


class CaptionsOnlyRefused(ValueError):
    """A topic run would be ranked without CLIP, and nobody asked for a caption-only run."""


@dataclass
class TopicRun:
    """What a topic run wrote and how it ranked: the run's notes, kept beside the run file."""

    run_file: str
    group_id: str
    run_id: str
    topics: int
    rows: int
    model: str | None  # the CLIP model, or None for a caption-only run
    text_model: str | None
    channels: list[str]  # every channel any topic was ranked by, e.g. ["clip", "text", "meaning"]
    channels_by_topic: dict[str, list[str]]
    notices: list[str]

    def to_dict(self) -> dict:
        return asdict(self)


def notes_path(run_file: Path) -> Path:
    """Where a run's notes go: run.csv -> run.notes.json."""
    return Path(run_file).with_suffix(".notes.json")


def run_topics(
    library, encoder, topics: list[Topic], out: Path, *, group_id: str, run_id: str, top_k: int = MAX_IMAGES_PER_TOPIC,
    captions_only: bool = False, progress: Callable[[int, int, str], None] | None = None, date_order: str | None = None,
) -> TopicRun:
    """Answer each topic automatically, write a submission file and its notes (channels used per topic).

    Without a CLIP encoder the run would be ranked by photo words only: refused unless captions_only,
    so that a caption-only run is never submitted by accident. SECONDS-ELAPSED is the time the search
    for that topic took (an automatic run has no user to wait for). A question topic ("How many times did
    I ...?") is also answered: its evidence photos come first in the run, and the answer's text goes to a
    file beside it, OUT.answers.csv (QA submissions are free text).
    """
    from .answers import answer_parsed
    from .query import QueryContext
    from .search import SearchRequest, search

    if not 1 <= top_k <= MAX_IMAGES_PER_TOPIC:
        raise ValueError(f"top_k must be between 1 and {MAX_IMAGES_PER_TOPIC} (the submission format's limit), not {top_k}")
    if encoder is None and not captions_only:
        missing = "this library has no CLIP embeddings (index it with a model)" if library.embeddings is None else "no CLIP model is loaded (pass --model)"
        raise CaptionsOnlyRefused(f"{missing}: the run would be ranked by photo words only; pass --captions-only if that is what you want")
    rows, answers, channels_by_topic, notices = [], [], {}, []
    for done, topic in enumerate(topics):
        if progress:
            progress(done, len(topics), "topics")
        began = time.perf_counter()
        query = QueryContext.of(library, date_order=date_order).parse(topic.text)
        result = search(library, encoder, SearchRequest(query=query, top_k=top_k, group_events=False))
        hits = [(hit["image_id"], hit["score"]) for hit in result.photos]
        if query.question is not None:
            answer = answer_parsed(library, query, encoder=encoder)
            evidence = list(answer.evidence)
            top = max((score for _, score in hits), default=0.0)
            hits = [(image_id, top + len(evidence) - rank) for rank, image_id in enumerate(evidence)] + [hit for hit in hits if hit[0] not in evidence]
            answers.append((group_id, run_id, topic.topic_id, _submitted_answer(answer)))
        elapsed = time.perf_counter() - began
        rows += [(group_id, run_id, topic.topic_id, image_id, f"{elapsed:.3f}", f"{score:.6f}") for image_id, score in hits[:top_k]]
        channels_by_topic[topic.topic_id] = list(result.channels)
        notices += [notice for notice in result.notices if notice not in notices]
    if progress:
        progress(len(topics), len(topics), "topics")
    used = {channel for channels in channels_by_topic.values() for channel in channels}
    run = TopicRun(
        run_file=str(out), group_id=group_id, run_id=run_id, topics=len(topics), rows=len(rows),
        model=library.model if encoder is not None else None, text_model=library.text_model,
        channels=[channel for channel in _CHANNEL_ORDER if channel in used], channels_by_topic=channels_by_topic, notices=notices,
    )

    def write(tmp: Path, table: list) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(table)  # submission files carry no header row; columns as RUN_COLUMNS

    write_atomically(Path(out), lambda tmp: write(tmp, rows))
    if answers:
        write_atomically(answers_path(out), lambda tmp: write(tmp, answers))
    write_atomically(notes_path(out), lambda tmp: tmp.write_text(json.dumps(run.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"))
    return run


def _submitted_answer(answer) -> str:
    """An answer as a judge reads it: its value, with the unit a duration's bare seconds would lack."""
    if answer.value is None:
        return answer.text
    return f"{answer.value} seconds" if answer.kind == "duration" else str(answer.value)


_CHANNEL_ORDER = ("clip", "example", "text", "meaning")  # as SearchResult.channels names them
