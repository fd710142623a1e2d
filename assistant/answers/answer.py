"""What an answer is: a value with its sentence, evidence, how it was reached and how sure it is, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..query import ParsedQuery

# How sure an answer is. "sure": its evidence supports it (the photos' own words, every word of the question
# found); "likely": it rests on something weaker (words matched by meaning, a detector's count, a typical
# value, a GPS path, a VQA model's reading, a "never" from photos that might have missed it); "unsure": the
# evidence is split or only looks like it (CLIP), and the answer comes with its candidates.
CONFIDENCE = ("sure", "likely", "unsure")


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
    kind: str  # one of the question kinds (the LSC's eight, and distance)
    value: object  # int, seconds, metres, "YYYY-MM-DD" ..., a string or a list; None: I can't tell
    text: str  # what the user reads: the answer first, hedged when it is not sure
    evidence: tuple[str, ...]  # image ids of the moments the value was computed from, best first
    reasoning: str = ""  # how it was reached: "3 trips: 2–5 Mar, 14–16 Jun, 9–12 Oct 2019"
    candidates: tuple[Candidate, ...] = ()  # when the evidence is split: up to three, most likely first
    confidence: str = "sure"  # one of CONFIDENCE
    why: str = ""  # why that confidence: which words were found, and how
    query: ParsedQuery | None = field(default=None, compare=False)  # the question as parsed (the chat re-asks it)

    def __post_init__(self):
        if self.confidence not in CONFIDENCE:
            raise ValueError(f"confidence must be one of {CONFIDENCE}, not {self.confidence!r}")

    @property
    def sure(self) -> bool:
        return self.confidence == "sure"

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "answer": self.text, "value": self.value, "evidence": list(self.evidence),
            "reasoning": self.reasoning, "confidence": self.confidence, "why": self.why,
            "candidates": [c.to_dict() for c in self.candidates],
        }


class NotAQuestion(ValueError):
    """The text describes a moment to find rather than asks about one."""
