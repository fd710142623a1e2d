"""Questions in the chat: the answer first, its evidence as the moments on screen, and the follow-ups on it.

A question is answered from the library (answers/) and its evidence photos are shown as moments.
"and in 2020?" re-asks it with the new scope (conversation.refine carries the question over), "show me"
opens the first evidence moment, and "no, the other one" steps to the next candidate when the evidence was
split. The conversation (one floor up) turns what is said here into its turns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answers import Answer, answer_parsed
from .library import Library
from .query import ParsedQuery
from .replies import Replies
from .search import EventHit, moments_of_photos

# Follow-ups are whole messages, so "show me the beach at sunset" stays a memory to search for.
SHOW_EVIDENCE = re.compile(
    r"^\s*(?:ok(?:ay)?[,\s]+)?(?:show\s+(?:me|us)(?:\s+(?:it|that|them|the\s+(?:evidence|photos?|moments?)))?|show\s+(?:it|that|them)"
    r"|let\s+me\s+see(?:\s+(?:it|that|them))?|open\s+(?:it|that))(?:[,\s]+please)?\s*[.!]*\s*$",
    re.I,
)
OTHER_ANSWER = re.compile(
    r"^\s*(?:(?:no|nope)\s*[,.!]?\s*)?(?:the\s+)?(?:other|next|another)(?:\s+(?:one|candidate|answer))?(?:[,\s]+please)?\s*[.!?]*\s*$", re.I
)
# "what about Paris?" asks the question under way again, about Paris: read as the fragment "and Paris?".
_WHAT_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+", re.I)
# A question that opens like this continues the one under way ("and how many times in 2020?").
_FOLLOW_ON = re.compile(r"^\s*(?:and|but|also|or|then|so)\b", re.I)


@dataclass(frozen=True)
class Asked:
    """The question the conversation is on: its answer, and which of its candidates is on screen (0: the answer itself).

    Plain frozen data, like the rest of the chat state, so the screen's per-session copy is a deep copy.
    """

    answer: Answer
    showing: int = 0

    @property
    def value(self) -> object:
        return self.answer.candidates[self.showing].value if self.showing else self.answer.value

    @property
    def text(self) -> str:
        return self.answer.candidates[self.showing].text if self.showing else self.answer.text

    @property
    def evidence(self) -> tuple[str, ...]:
        return self.answer.candidates[self.showing].evidence if self.showing else self.answer.evidence

    def next_candidate(self) -> "Asked | None":
        """The next candidate, round to the first after the last; None when the evidence gave only one answer."""
        if len(self.answer.candidates) < 2:
            return None
        return Asked(self.answer, (self.showing + 1) % len(self.answer.candidates))

    def to_api(self) -> dict:
        """The /chat API's "answer": what is on screen now (a candidate after "no, the other one"), with how it was reached."""
        return {
            "kind": self.answer.kind, "value": self.value, "text": self.text, "evidence": list(self.evidence),
            "reasoning": self.answer.reasoning, "confidence": self.answer.confidence, "why": self.answer.why,
            "candidates": [candidate.to_dict() for candidate in self.answer.candidates], "showing": self.showing,
        }


def is_question(query: ParsedQuery | None) -> bool:
    return query is not None and query.question is not None


def follow_up_text(text: str) -> str:
    """A message read as a follow-up of the question under way: "what about Paris?" becomes "and Paris?"."""
    return _WHAT_ABOUT.sub("and ", text, count=1)


def asks_anew(parsed: ParsedQuery, message: str) -> bool:
    """A question of its own ("How long was I at the gym?"), not one that goes on from the last ("and how often in May?")."""
    return parsed.question is not None and not _FOLLOW_ON.match(message)


def follows_up(parsed: ParsedQuery, message: str) -> bool:
    """Whether a message, after an answer, goes on from its question ("and in 2020?", "in May?", "not at weekends"):
    a follow-on word, a question mark, or no description of its own. Anything else describes a moment to find."""
    return bool(_FOLLOW_ON.match(message)) or message.rstrip().endswith("?") or not parsed.visual.strip()


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
