"""Progress of long commands on the terminal: tqdm bars on a terminal, plain lines when piped (CI, logs)."""

from __future__ import annotations

import sys
from typing import TextIO


def progress_bar(stream: TextIO | None = None):
    """Adapt the progress(done, total, what) callback to tqdm bars, one per stage, on a terminal; piped or
    in CI, to plain lines instead of thousands of carriage returns."""
    from tqdm import tqdm

    stream = stream or sys.stderr
    if not stream.isatty():
        return progress_lines(stream)
    bars: dict[str, tqdm] = {}

    def progress(done: int, total: int, what: str) -> None:
        bar = bars.get(what)
        if bar is None:
            bar = bars[what] = tqdm(total=total, desc=what, unit="photo" if total > 1 else "step", leave=True, file=stream)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return progress


def progress_lines(stream: TextIO):
    """progress(done, total, what) as a line when a step starts, every 10 % of it, and when it ends."""
    printed: dict[str, int] = {}  # step -> the last tenth printed

    def progress(done: int, total: int, what: str) -> None:
        tenth = 10 if done >= total else done * 10 // total
        if printed.get(what) == tenth:
            return
        printed[what] = tenth
        if total == 1:
            print(f"{what}: {'done' if done >= total else 'started'}", file=stream, flush=True)
        else:
            print(f"{what}: {done}/{total} ({tenth * 10} %)", file=stream, flush=True)

    return progress
