"""Concept filters: "with a dog", "two cups" -- things the photo must show, from the library's own concepts.

Only the concepts a library has found (zero-shot tags, detected objects) are recognised, and only in an
explicit form, "with (a|the|N) X" or "N X", so a plain mention ("a dog in a park") stays a description for
the rankers instead of becoming a strict filter. The words stay in the visual description too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..core.words import concept_key, plural
from .numbers import cardinal
from .text import Span, negation_start

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
_ARTICLES = {"a", "an", "the", "some", "my", "our", "his", "her", "their", "at", "least"}
_LONGEST = 4  # words in a concept name


@dataclass(frozen=True)
class ConceptTerm:
    """The photo must show at least `count` of a concept (`label` is the library's concept key, a stem such
    as "sunglass"; `said` the words as written, "sunglasses", which the chip shows). Negated ("not with a
    dog", "without a dog"), the photo must not show that many."""

    label: str
    count: int = 1
    said: str = ""
    negated: bool = False

    @property
    def chip(self) -> str:
        words = self.said or self.label
        if self.count == 1:
            shown = f"with {words}"
        else:
            shown = f"with {self.count} {plural(words, self.count) if words == self.label else words}"
        return f"not: {shown}" if self.negated else shown

    def mask(self, concept_index) -> np.ndarray:
        """Which photos pass (vectorised over the library's concept counts)."""
        shows = concept_index.shows(self.label, self.count)
        return ~shows if self.negated else shows

    def to_dict(self) -> dict:
        return {"label": self.label, "count": self.count, "said": self.said, "negated": self.negated}

    @classmethod
    def from_dict(cls, record: dict) -> "ConceptTerm":
        return cls(str(record["label"]), int(record.get("count", 1)), str(record.get("said", "")), bool(record.get("negated", False)))


def find_concepts(text: str, labels: Sequence[str] | None) -> tuple[list[ConceptTerm], list[Span]]:
    """Concept filters stated in the text, for the concepts the library knows (longest name first), and the
    spans of the negated ones ("not with a dog"), which must not reach the visual description: CLIP reads
    "not with a dog" as a dog."""
    known = set(labels or ())
    if not known or not text:
        return [], []
    matches = list(_WORD.finditer(text))
    words = [match.group(0) for match in matches]
    found: dict[str, ConceptTerm] = {}
    negated_spans: list[Span] = []
    position = 0
    while position < len(words):
        for length in range(min(_LONGEST, len(words) - position), 0, -1):
            span = words[position : position + length]
            key = concept_key(" ".join(span))
            if key in known and concept_key(span[0]) and concept_key(span[-1]):  # no stop word at either end
                stated = _stated(text, matches[:position])
                if stated is not None:
                    count, negated, start = stated
                    if key not in found or count > found[key].count:
                        found[key] = ConceptTerm(key, count, " ".join(span).lower(), negated)
                    if negated:
                        negated_spans.append((start, matches[position + length - 1].end()))
                position += length - 1
                break
        position += 1
    return list(found.values()), negated_spans


def _stated(text: str, before: list[re.Match]) -> tuple[int, bool, int] | None:
    """(how many, negated, where the asking starts) of the words just before a concept: "two" -> 2, "with a"
    -> 1; "not with a", "without a", "with no" are negated. None if no filter is meant."""
    recent = before[-4:]
    lowered = [match.group(0).lower() for match in recent]
    number = cardinal(lowered[-1]) if lowered else None
    if number is not None and number >= 1:
        return number, False, recent[-1].start()
    at, negated = len(lowered) - 1, False
    while at >= 0 and (lowered[at] in _ARTICLES or lowered[at] == "no"):
        negated |= lowered[at] == "no"
        at -= 1
    if at < 0 or lowered[at] not in ("with", "without"):
        return None
    negation = negation_start(text, recent[at].start())
    negated |= lowered[at] == "without" or negation is not None
    return 1, negated, recent[at].start() if negation is None else negation
