"""Questions about one's own life, answered from the lifelog with evidence.

    answer = answer_question(library, "How many times did I go to the cinema in 2019?")
    answer.value       # 3
    answer.text        # "3 times."
    answer.confidence  # "sure", "likely" or "unsure", and answer.why says why
    answer.evidence    # image ids of the matching moments

The question is parsed as the chat and search parse it (its kind, scope and subject); the moments are all
photos in scope whose words, or meaning, pick out every word of the subject (moments.py, subject.py); they
are grouped into visits or trips (visits.py, over the stays and trips learned from the library: library/timeline.py);
the value is computed from them (kinds.py, measures.py, reading.py), as sure as its evidence allows
(context.py, answer.py).
"""

from __future__ import annotations

from ..models.vqa import VqaModel
from .answer import CONFIDENCE, Answer, Candidate, NotAQuestion
from .kinds import answer_parsed
from .question import answer_question, prepare_answers

__all__ = ["CONFIDENCE", "Answer", "Candidate", "NotAQuestion", "VqaModel", "answer_parsed", "answer_question", "prepare_answers"]
