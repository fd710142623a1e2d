"""What an answer is: a value with its sentence, evidence and reasoning (and candidates when unsure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..query import ParsedQuery


@dataclass(frozen=True)
class Candidate:
    """One possible answer, when the evidence is split between several."""

    value: object
    text: str
    evidence: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"value": self.value, "text": self.text, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Answer:
    kind: str  # one of the LSC's eight labels
    value: object  # int, seconds, "YYYY-MM-DD" ..., a string; None when it cannot be answered
    text: str  # one sentence
    evidence: tuple[str, ...]  # image ids of the moments the value was computed from, best first
    reasoning: str = ""  # how it was reached: "3 trips: 2–5 Mar, 14–16 Jun, 9–12 Oct 2019"
    candidates: tuple[Candidate, ...] = ()  # when the evidence is split: up to three, most likely first
    confident: bool = True
    query: ParsedQuery | None = field(default=None, compare=False)  # the question as parsed (the chat re-asks it)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "answer": self.text, "value": self.value, "evidence": list(self.evidence),
            "reasoning": self.reasoning, "confident": self.confident, "candidates": [c.to_dict() for c in self.candidates],
        }


class NotAQuestion(ValueError):
    """The text describes a moment to find rather than asks about one."""
