"""Questions in the chat: the answer first, its evidence as the moments on screen, and the wording of both.

A question is answered from the library (answers/) and its evidence photos are shown as moments. A new
question that names no time or place asks within the last one's scope; "and in 2020?" asks it again
(refinement carries the question over), "show me" opens the first evidence moment, and "no, the other
one" steps to the next candidate when the evidence was split.
"""

from __future__ import annotations

import dataclasses

from ..answers import answer_parsed
from ..library import Library
from ..query import ParsedQuery
from ..search import EventHit, moments_of_photos
from .replies import Replies
from .state import Asked


def in_scope_of(parsed: ParsedQuery, previous: ParsedQuery | None) -> ParsedQuery:
    """A new question right after another, naming no time or place of its own, asks within the last one's:
    "When did I go to Rome?" then "Which hotel did I stay in?" is about the hotel in Rome."""
    if previous is None or previous.question is None or parsed.time.terms or parsed.place.terms:
        return parsed
    return dataclasses.replace(parsed, time=previous.time, place=previous.place)


def ask(library: Library, query: ParsedQuery, encoder=None) -> tuple[Asked, list[EventHit]]:
    """Answer the question in a query; the moments are its evidence, best first."""
    answer = answer_parsed(library, query, encoder=encoder)
    return Asked(answer), moments_of_photos(library, answer.evidence)


def answer_reply(replies: Replies, asked: Asked, moments: list[EventHit]) -> str:
    """The answer as the first sentence, then how it was reached, where its evidence is, and the candidates to step through."""
    answer = asked.answer
    lines = [answer.text]
    if answer.reasoning:
        lines.append(replies("answer_reasoning", reasoning=answer.reasoning))
    if answer.why:
        lines.append(replies("answer_confidence", confidence=answer.confidence, why=answer.why))
    if moments:
        lines.append(replies("answer_evidence_one" if len(moments) == 1 else "answer_evidence", count=len(moments)))
    if len(answer.candidates) > 1:
        lines.append(replies("answer_candidates", count=len(answer.candidates)))
    return "\n\n".join(lines)


def candidate_reply(replies: Replies, asked: Asked) -> str:
    """What "no, the other one" says about the candidate it moved to."""
    return replies("other_answer", number=asked.showing + 1, count=len(asked.answer.candidates), text=asked.text)
