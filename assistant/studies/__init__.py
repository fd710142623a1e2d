"""User studies and benchmark campaigns, in one home: the live log and what the app records in it, topics and the
session schedule, ground truth (qrels) and tolerant judging, the one walk over a log behind both reports, run
files and their scores, and automatic topic runs (`topic_runs`, which searches, is imported by name)."""

from .answer_match import AcceptedAnswer, answer_matches
from .judge import QA_MATCHING, Judge, Tolerance, parse_tolerance
from .log import StudyLog, StudyLogReading, read_log, record_time
from .qrels import Qrels, packaged_study_file, read_qrels
from .recorder import StudyRecorder
from .report import report_text
from .runs import CUTOFFS, RunFile, RunRow, read_run, score_run, score_text
from .tasks import DresScoring, TaskSummary, logged_tolerances, summarise

__all__ = [
    "AcceptedAnswer", "answer_matches", "QA_MATCHING", "Judge", "Tolerance", "parse_tolerance", "StudyLog", "StudyLogReading",
    "read_log", "record_time", "Qrels", "packaged_study_file", "read_qrels", "StudyRecorder", "report_text", "CUTOFFS",
    "RunFile", "RunRow", "read_run", "score_run", "score_text", "DresScoring", "TaskSummary", "logged_tolerances", "summarise",
]
