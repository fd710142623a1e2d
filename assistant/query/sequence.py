"""Sequences: what happened shortly before or after the remembered moment, in the order told.

"Meeting friends outside a bar, before walking to another bar" holds the clause "walking to another bar",
which happened shortly after the moment; "coffee in a café, then the bus to the airport" tells a second part
after the first. The search looks for each part nearby in time, in the order told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import FUNCTION_WORDS, Span, blank_out, overlaps

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


# "X, then Y": how far apart the parts of a told sequence may be. "Then" and its kin mean the next thing done
# (an hour); "later" more than that; "later that day", "that evening" anything the same local day.
STEP_WINDOW_HOURS = 1.0
LATER_WINDOW_HOURS = 3.0
SAME_DAY_WINDOW_HOURS = 24.0  # and the parts on the moment's own local day
# "before/after X" alone says nothing of how long: X the same day, within this many hours (as the clauses always were).
CLAUSE_WINDOW_HOURS = 12.0

# The words that begin the next part of a sequence, in English and as the other languages' renderings leave them
# ("dann", "puis", "luego", "poi", "depois" are not rendered to "then": they are read here).
_STEP_WORDS = (r"then|afterwards?|after\s+that|after\s+which|followed\s+by|later(?:\s+on)?|dann|danach|anschlie(?:ß|ss)end|"
               r"puis|ensuite|luego|despu[ée]s|poi|dopo\s+di\s+che|depois|em\s+seguida")
_SAME_DAY = r"(?:later\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)"
_STEP = re.compile(
    rf"(?P<lead>^|[,;.!?]\s*|\s)(?:(?:and|und|et|y|e|&)\s+)?(?:(?P<word>{_STEP_WORDS})\b(?:\s+(?P<day>{_SAME_DAY})\b)?"
    rf"|(?<=[,;]\s)(?P<alone>{_SAME_DAY})\b|(?<=\sand\s)(?P<and_day>{_SAME_DAY})\b)", _FLAGS)
# "back then", "my then boyfriend", "since then": "then" that tells no next step.
_NOT_A_STEP_BEFORE = {"back", "since", "until", "till", "by", "just", "only", "even", "my", "his", "her", "our", "their", "the",
                      "if", "what", "but", "so"}
_SENTENCE_END = re.compile(r"[.!?;]\s|[.!?;]$|\n")


@dataclass(frozen=True)
class SequenceSteps:
    """The parts told after the moment ("X, then Y, later that evening Z"), in order, and how far apart they may be."""

    parts: tuple[str, ...]
    spans: tuple[Span, ...]  # each part with the words that introduced it
    markers: tuple[Span, ...]  # the introducing words alone ("later that day" is no time filter of the whole memory)
    window_hours: float


def find_sequence_steps(text: str, taken: list[Span]) -> SequenceSteps:
    """The parts that follow the first one, split on "then", "and then", "afterwards", "later that day", "dann",
    "puis" ... outside the spans already taken; a part runs to the next step word or the end of its sentence."""
    markers = []
    for match in _STEP.finditer(text):
        start = match.start() + len(match.group("lead"))
        if overlaps((start, match.end()), taken) or match.end() >= len(text.rstrip(" .!?")):
            continue
        before = re.findall(r"[^\W_]+", text[max(0, match.start() - 20):start])
        said = (match.group("word") or "").lower()
        if said == "then" and before and before[-1].lower() in _NOT_A_STEP_BEFORE:
            continue
        if said.startswith("later") and not match.group("day") and not re.search(r"(?:^|[,;.!?]|\band)\s*$", text[:start]):
            continue  # "a later train", "two hours later": not the next part
        markers.append((start, match.end(), match))
    parts, spans, kept_markers, window = [], [], [], 0.0
    if markers and not _has_content(blank_out(text, taken)[:markers[0][0]]):
        markers = []  # "After that we had ice cream.": no moment told before, so no sequence
    for number, (start, body_start, match) in enumerate(markers):
        limit = markers[number + 1][0] if number + 1 < len(markers) else len(text)
        sentence_end = _SENTENCE_END.search(text, body_start, limit)
        body_end = sentence_end.start() if sentence_end else limit
        body = _LEADING_SUBJECT.sub("", _without(text, body_start, body_end, taken).strip(" ,")).strip(" ,")
        if not _has_content(body):
            continue
        parts.append(body)
        spans.append((start, body_end))
        kept_markers.append((start, body_start))
        window = max(window, _window_of(match))
    return SequenceSteps(tuple(parts), tuple(spans), tuple(kept_markers), window or STEP_WINDOW_HOURS)


def _has_content(text: str) -> bool:
    return any(word.lower() not in FUNCTION_WORDS for word in re.findall(r"[^\W_]+", text))


def _window_of(match: re.Match) -> float:
    if match.group("day") or match.group("alone") or match.group("and_day"):
        return SAME_DAY_WINDOW_HOURS
    return LATER_WINDOW_HOURS if match.group("word").lower().startswith("later") else STEP_WINDOW_HOURS


def _without(text: str, start: int, end: int, taken: list[Span]) -> str:
    """text[start:end] with the taken spans inside it left out (a time said inside a part filters the whole memory)."""
    kept, at = [], start
    for span_start, span_end in sorted(taken):
        if span_end <= at or span_start >= end:
            continue
        kept.append(text[at:span_start])
        at = max(at, span_end)
    kept.append(text[at:end])
    return " ".join(" ".join(kept).split())
