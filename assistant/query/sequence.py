"""Before/after clauses: what happened shortly before or after the remembered moment.

"Meeting friends outside a bar, before walking to another bar" holds the clause "walking to another bar",
which happened shortly after the moment; the search looks for it nearby in time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import FUNCTION_WORDS, Span, overlaps

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class SequenceClause:
    relation: str  # "after": the clause happened shortly before the moment; "before": shortly after it
    text: str
    span: Span  # including the "after"/"before" word


_CLAUSE_START = re.compile(r"\b(?:(?:just|right|shortly|straight|soon|immediately|not\s+long)\s+)?(?P<relation>after|before)\s+", _FLAGS)
_CLAUSE_END = re.compile(
    r"[.;!?]|,|\n|\s+(?:and\s+)?(?:then|but|while|whereas)\b|\s+(?:and|,)\s+(?=(?:just\s+|right\s+|shortly\s+)?(?:after|before)\b)"
    r"|\s+(?=(?:i|we|he|she|they)\s+(?!was\b|were\b|had\b)\w)", _FLAGS)
# "after that", "before long", "after all" point back at the story, not at something the camera saw.
_ANAPHORIC = re.compile(r"(?:that|this|which|then|long|all|it|a\s+while|a\s+bit|a\s+time|some\s+time|the\s+fact|hand|\W|$)", _FLAGS)
# "looking after", "named after": not a sequence.
_NOT_SEQUENCE_BEFORE = {"named", "called", "look", "looks", "looked", "looking", "take", "takes", "took", "ask", "asked", "asking",
                        "day", "days", "week", "weeks", "night", "nights", "year", "years", "month", "months", "hour", "hours",
                        "minutes", "soon", "ever", "long", "shortly", "just", "right"}
_LEADING_SUBJECT = re.compile(r"^(?:i|we|he|she|they|you)\s+(?:had\s+|have\s+|was\s+|were\s+)?", _FLAGS)


def find_sequence_clauses(text: str, taken: list[Span]) -> list[SequenceClause]:
    """ "after X" / "before Y" clauses outside the time phrases already found."""
    clauses = []
    for match in _CLAUSE_START.finditer(text):
        if overlaps(match.span(), taken):
            continue
        word_before = re.findall(r"[^\W_]+", text[max(0, match.start() - 20):match.start()])
        qualified = match.group().lower().startswith(("just", "right", "shortly"))
        if word_before and word_before[-1].lower() in _NOT_SEQUENCE_BEFORE and not qualified:
            continue
        body_start = match.end()
        if _ANAPHORIC.match(text, body_start):
            continue
        end_match = _CLAUSE_END.search(text, body_start)
        body_end = end_match.start() if end_match else len(text)
        for start, _ in taken:  # a time phrase ends the clause: "before dinner at 8pm"
            if body_start <= start < body_end:
                body_end = start
        body = _LEADING_SUBJECT.sub("", text[body_start:body_end].strip()).strip(" ,")
        if not any(word.lower() not in FUNCTION_WORDS for word in re.findall(r"[^\W_]+", body)):
            continue
        clauses.append(SequenceClause(match.group("relation").lower(), body, (match.start(), body_end)))
    return clauses
