"""Studies and runs that judge themselves: ground truth (qrels), tolerant judging, run metrics, DRES scores, plots."""

from .answer_match import AcceptedAnswer, answer_matches
from .judge import Judge, Tolerance, parse_tolerance
from .qrels import Qrels, packaged_study_file, read_qrels
from .runs import CUTOFFS, RunFile, RunRow, read_run, score_run, score_text
from .sessions import DresScoring, JudgedTask, judge_sessions, judged_report_text

__all__ = [
    "AcceptedAnswer", "answer_matches", "Judge", "Tolerance", "parse_tolerance", "Qrels", "packaged_study_file", "read_qrels",
    "CUTOFFS", "RunFile", "RunRow", "read_run", "score_run", "score_text", "DresScoring", "JudgedTask", "judge_sessions",
    "judged_report_text",
]
