"""The study log: append-only JSON lines, one per event, safe against crashes and against two writers at once.

Every record has a time (UTC), a participant and an event; `read_log` gives them back, naming any line a
crash cut short instead of letting it swallow the next event.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path


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




def record_time(record: dict) -> datetime:
    """A log line's time; one written without an offset is UTC, as the app writes them."""
    moment = datetime.fromisoformat(str(record["time"]))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
