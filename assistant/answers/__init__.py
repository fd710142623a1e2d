"""Questions about one's own life, answered from the lifelog with evidence.

    answer = answer_question(library, "How many times did I go to the cinema in 2019?")
    answer.value       # 3
    answer.text        # "3 times: 2 Mar, 14 Jun, 9 Oct 2019."
    answer.evidence    # image ids of the matching moments

The question's kind and scope come from the parser; the matching moments are all photos in scope whose
words pick them out (moments.py); they are grouped into visits or trips (visits.py, over the timeline of
stays and trips learned from the library); the value is computed from their metadata (kinds.py).
"""

from __future__ import annotations

from datetime import datetime

from ..library import Library
from ..query import ParsedQuery, parse_query
from .answer import Answer, Candidate, NotAQuestion
from .kinds import answer_parsed
from ..models.vqa import VqaModel

__all__ = ["Answer", "Candidate", "NotAQuestion", "VqaModel", "answer_parsed", "answer_question", "parse_question"]


def parse_question(library: Library, text: str, now: datetime | None = None) -> ParsedQuery:
    """Parse with the library's places and concepts; now defaults to the library's last photo."""
    return parse_query(text, now=now or library.last_local_time(), places=library.places, concepts=library.concept_labels)


def answer_question(library: Library, text: str, now: datetime | None = None, encoder=None, vqa=None) -> Answer:
    """Answer a question about one's life from the library (encoder: its CLIP model; vqa: a VqaModel; both optional)."""
    parsed = parse_question(library, text, now)
    return answer_parsed(library, parsed, now, encoder, vqa)
