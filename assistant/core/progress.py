"""How a long step says how far it has got: progress(done, total, what). The CLI draws it as a bar or as lines,
the app shows it in one status line (ProgressWatch), and indexing, enrichment and the demo's build report through it."""

from __future__ import annotations

import time
from typing import Callable

Progress = Callable[[int, int, str], None]


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


class ProgressWatch:
    """A Progress that remembers the latest report and when its step began, so a screen can say what is being
    done and about how long is left (from the pace since the step began)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self.what, self.done, self.total = "", 0, 0
        self._began, self._done_at_start = 0.0, 0

    def __call__(self, done: int, total: int, what: str) -> None:
        if what != self.what or done < self.done:  # a new step: its pace is measured afresh
            self._began, self._done_at_start = self._clock(), done
        self.what, self.done, self.total = what, done, total

    def finish(self) -> None:
        self.what, self.done, self.total = "", 0, 0

    def seconds_left(self) -> float | None:
        """At the pace since the step began; None before there is a pace to go by."""
        elapsed, moved = self._clock() - self._began, self.done - self._done_at_start
        if moved <= 0 or elapsed <= 0:
            return None
        return (self.total - self.done) * elapsed / moved

    def line(self) -> str:
        """'reading text in photos (OCR): 175 of 420, about 2 min left'; "" when nothing is under way."""
        if not self.what:
            return ""
        left = self.seconds_left()
        when = f", about {_duration(left)} left" if left is not None else ""
        return f"{self.what}: {self.done:,} of {self.total:,}{when}"
