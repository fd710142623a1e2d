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

from ..words import concept_key, plural
from .numbers import cardinal

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
_ARTICLES = {"a", "an", "the", "some", "my", "our", "his", "her", "their", "at", "least"}
_LONGEST = 4  # words in a concept name


@dataclass(frozen=True)
class ConceptTerm:
    """The photo must show at least `count` of a concept (`label` is the library's concept key, a stem such
    as "sunglass"; `said` the words as written, "sunglasses", which the chip shows)."""

    label: str
    count: int = 1
    said: str = ""

    @property
    def chip(self) -> str:
        words = self.said or self.label
        if self.count == 1:
            return f"with {words}"
        return f"with {self.count} {plural(words, self.count) if words == self.label else words}"

    def mask(self, concept_index) -> np.ndarray:
        """Which photos show it (vectorised over the library's concept counts)."""
        return concept_index.shows(self.label, self.count)

    def to_dict(self) -> dict:
        return {"label": self.label, "count": self.count, "said": self.said}

    @classmethod
    def from_dict(cls, record: dict) -> "ConceptTerm":
        return cls(str(record["label"]), int(record.get("count", 1)), str(record.get("said", "")))


def find_concepts(text: str, labels: Sequence[str] | None) -> list[ConceptTerm]:
    """Concept filters stated in the text, for the concepts the library knows (longest name first)."""
    known = set(labels or ())
    if not known or not text:
        return []
    words = [match.group(0) for match in _WORD.finditer(text)]
    found: dict[str, ConceptTerm] = {}
    position = 0
    while position < len(words):
        for length in range(min(_LONGEST, len(words) - position), 0, -1):
            span = words[position : position + length]
            key = concept_key(" ".join(span))
            if key in known and concept_key(span[0]) and concept_key(span[-1]):  # no stop word at either end
                count = _stated_count(words[:position])
                if count is not None:
                    if key not in found or count > found[key].count:
                        found[key] = ConceptTerm(key, count, " ".join(span).lower())
                position += length - 1
                break
        position += 1
    return list(found.values())


def _stated_count(before: list[str]) -> int | None:
    """How many the words just before a concept ask for: "two" -> 2, "with a" -> 1; None if no filter is meant."""
    lowered = [word.lower() for word in before[-4:]]
    number = cardinal(lowered[-1]) if lowered else None
    if number is not None and number >= 1:
        return number
    while lowered and lowered[-1] in _ARTICLES:
        lowered.pop()
    return 1 if lowered and lowered[-1] == "with" else None
