"""The study report as text: a row per task, then per-topic and overall figures; judged, the same table with the
judgement's columns added, so the figures both show are printed from the same summaries."""

from __future__ import annotations

import statistics

from .judge import QA_MATCHING, Judge
from .tasks import DresScoring, TaskSummary

_LEGEND = ("first_s: seconds from the task's start to its first submission; correct_s: to the first correct one; "
           "wrong: wrong submissions before it; hints_ok: hints shown by then")


def report_text(tasks: list[TaskSummary], judge: Judge | None = None, scoring: DresScoring | None = None) -> str:
    """Without a judge: what each participant did on each topic; with one, also how it was judged and scored."""
    judged = judge is not None
    lines = [judge.qrels.describe(), f"tolerance: {judge.tolerance.describe()}", f"QA: {QA_MATCHING}",
             (scoring or DresScoring()).describe(), _LEGEND, ""] if judged else []
    lines.append(f"{'participant':<14} {'topic':<10} {'kind':<4} {'turns':>5} {'hints':>5} {'subm':>4} {'first_s':>8}"
                 + (f" {'correct':>8} {'correct_s':>9} {'wrong':>5} {'hints_ok':>8} {'score':>6}" if judged else "") + "  submitted")
    lines += [_task_row(task, judged) for task in tasks]
    lines += ["", f"{'topic':<10} {'tasks':>5} {'submitted':>9} {'median first_s':>14} {'median turns':>12}"
              + (f" {'correct':>7} {'median correct_s':>16} {'mean score':>10}" if judged else "")]
    lines += [_group_line(topic, [task for task in tasks if task.topic == topic], judged) for topic in sorted({task.topic for task in tasks})]
    lines.append(_group_line("overall", [task for task in tasks if task.judged or not judged], judged))
    return "\n".join(lines)


def _seconds(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else "-"


def _task_row(task: TaskSummary, judged: bool) -> str:
    row = (f"{task.participant:<14} {task.topic:<10} {task.kind or '-':<4} {task.turns:>5} {task.hints_seen:>5} "
           f"{task.submissions:>4} {_seconds(task.seconds_to_first):>8}")
    if judged:
        correct = ("yes" if task.correct else "no") if task.judged else "unjudged"
        hints = task.hints_to_correct if task.hints_to_correct is not None else "-"
        row += f" {correct:>8} {_seconds(task.seconds_to_correct):>9} {task.wrong_before:>5} {hints:>8} {task.score:>6.1f}"
    return f"{row}  {task.first_submitted or '-'}"


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.1f}" if values else "-"


def _group_line(name: str, group: list[TaskSummary], judged: bool) -> str:
    firsts = [task.seconds_to_first for task in group if task.seconds_to_first is not None]
    turns = _median([task.turns for task in group])
    line = f"{name:<10} {len(group):>5} {sum(task.submissions > 0 for task in group):>9} {_median(firsts):>14} {turns:>12}"
    if judged:
        times = [task.seconds_to_correct for task in group if task.seconds_to_correct is not None]
        mean_score = f"{statistics.fmean(task.score for task in group):.1f}" if group else "-"
        line += f" {sum(task.correct for task in group):>7} {_median(times):>16} {mean_score:>10}"
    return line
