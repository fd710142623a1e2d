"""The study's two figures as PNG files: time to a correct submission per topic and participant, and the
share of tasks solved against time (one minus the survival curve of unsolved tasks)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..core.files import write_atomically
from .tasks import TaskSummary


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise RuntimeError("plots need matplotlib: pip install 'lifelog-assistant[study]' (or pip install matplotlib)") from None
    matplotlib.use("Agg")  # files only: no window, no display needed
    import matplotlib.pyplot as pyplot

    return pyplot


def write_study_plots(tasks: list[TaskSummary], folder: Path, stem: str, time_limit_s: float) -> list[Path]:
    """Write `<stem>-time-to-correct.png` and `<stem>-success.png` in folder; returns their paths."""
    pyplot = _pyplot()
    judged = [task for task in tasks if task.judged]
    topics = sorted({task.topic for task in judged})
    participants = sorted({task.participant for task in judged})
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)  # --plots may name a folder that is not there yet
    paths = [folder / f"{stem}-time-to-correct.png", folder / f"{stem}-success.png"]

    figure, axes = pyplot.subplots(figsize=(max(6, 1.2 * len(topics) + 3), 4))
    width = 0.8 / max(1, len(participants))
    for offset, participant in enumerate(participants):
        seconds = [next((t.seconds_to_correct for t in judged if t.topic == topic and t.participant == participant), None)
                   for topic in topics]
        heights = [value if value is not None else np.nan for value in seconds]
        axes.bar(np.arange(len(topics)) + offset * width, heights, width, label=participant)
    axes.axhline(time_limit_s, color="grey", linestyle="--", linewidth=1, label="time limit")
    axes.set_xticks(np.arange(len(topics)) + width * (len(participants) - 1) / 2, topics)
    axes.set_ylabel("seconds to the first correct submission")
    axes.set_title("Time to correct (no bar: not solved)")
    axes.legend(fontsize="small")
    _save(figure, paths[0], pyplot)

    figure, axes = pyplot.subplots(figsize=(6, 4))
    for label, group in (("all", judged), *((kind, [t for t in judged if t.kind == kind]) for kind in ("KIS", "QA"))):
        if not group or (label != "all" and len(group) == len(judged)):
            continue
        solved = np.sort([t.seconds_to_correct for t in group if t.seconds_to_correct is not None])
        steps = np.concatenate([[0.0], solved, [time_limit_s]])
        share = np.concatenate([[0.0], np.arange(1, len(solved) + 1), [len(solved)]]) / len(group)
        axes.step(steps, share, where="post", label=f"{label} ({len(group)} tasks)")
    axes.set_xlim(0, time_limit_s)
    axes.set_ylim(0, 1.02)
    axes.set_xlabel("seconds since the topic started")
    axes.set_ylabel("share of tasks solved")
    axes.set_title("Success against time")
    axes.legend(fontsize="small")
    _save(figure, paths[1], pyplot)
    return paths


def _save(figure, path: Path, pyplot) -> None:
    figure.tight_layout()
    write_atomically(path, lambda tmp: figure.savefig(tmp, format="png", dpi=100))
    pyplot.close(figure)
