"""How a message changes the query so far: what it adds, and what a correction replaces.

A new constraint is added; one of a kind already present replaces it ("actually it was in the evening");
a correction replaces what it corrects, the time of its own grain (a month replaces a month or a period,
a day part a day part, and rules out the one it corrected) and the place; a negation is added beside what was said ("not at home", "not on a
Saturday").
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from ..query import ParsedQuery, PlaceConstraints
from ..query.time.terms import DAY_PARTS

# A detail that reads on from a description ("a room" + "with heavy curtains"), joined without a break.
_READS_ON = re.compile(r"^(?:with|without|wearing|holding|carrying|in|on|at|near|under|behind|beside|next\s+to|by|inside|outside|of)\b", re.I)
# What a time term says when: on the calendar (a period such as "March 2019" or a recurring "in April"), the
# day of the week, or the time of day. A correction replaces what it corrects: the terms of its own grain.
_MINUTES_OF_A_DAY = np.arange(24 * 60) * 60  # as local seconds of 1 January 1970
_TIME_GRAIN = {"period": "calendar", "calendar": "calendar", "weekday": "weekday", "day_part": "day_part"}


def refine(current: ParsedQuery | None, new: ParsedQuery, correction: bool) -> ParsedQuery:
    """Merge a follow-up into the query so far.

    A positive time term replaces the positive terms of its kind (two parts of the day or two periods ANDed
    would admit nothing, so a second one is a correction), or of its grain after a correction; a negated one
    is added beside them; a positive place replaces the positive places, negated places add up; new visual
    words add to the description, or replace it after "actually".
    """
    if current is None:
        return new
    time_terms = current.time.terms
    for term in new.time.terms:
        time_terms = _with_time_term(time_terms, term, correction)
    visual, language = current.visual, current.language
    if new.visual.strip():
        visual = new.visual if correction else _joined(visual, new.visual)
        # the description's language: the new words' when they replace it or are not English (a multilingual
        # tower reads English too), else the one it was written in
        language = new.language if correction or new.language != "en" else current.language
    return ParsedQuery(
        text=f"{current.text} / {new.text}",
        time=dataclasses.replace(current.time, terms=time_terms),
        place=PlaceConstraints(_place_terms(current.place.terms, new.place.terms)),
        visual=visual,
        preceded_by=(new.preceded_by if correction and new.preceded_by else current.preceded_by + new.preceded_by),
        followed_by=(new.followed_by if correction and new.followed_by else current.followed_by + new.followed_by),
        sequence_window_hours=new.sequence_window_hours if new.preceded_by or new.followed_by else current.sequence_window_hours,
        ambiguous=new.ambiguous,
        # a concept named again replaces its count ("actually three cups"); new ones add up
        concepts=tuple(t for t in current.concepts if t.label not in {n.label for n in new.concepts}) + new.concepts,
        language=language,
        question=new.question or current.question,  # "and in 2020?" asks the same question again, in the new scope
        unfound_events=tuple(dict.fromkeys(current.unfound_events + new.unfound_events)),
    )


def _with_time_term(terms: tuple, term, correction: bool = False) -> tuple:
    """Terms with one more: a positive one replaces the positives of its kind ("in the evening" after "in the
    morning"), or after a correction of its grain ("no, it was in April" after "March 2019"); a negation is
    added beside them. Either drops its own opposite ("not on a Friday" after "on a Friday").

    The named parts of the day overlap on purpose (DAY_PARTS), so a corrected one that overlaps its correction
    is also ruled out: "no, it was in the afternoon" after "in the morning" admits no 11:50, which both admit."""
    def replaced(old) -> bool:
        if term.negated or old.negated:
            return False
        return old.kind == term.kind or (correction and _TIME_GRAIN.get(old.kind) == _TIME_GRAIN.get(term.kind))

    kept = tuple(t for t in terms if t.label != term.label and not replaced(t))
    ruled_out = tuple(
        dataclasses.replace(t, negated=True) for t in terms
        if correction and t.label != term.label and replaced(t) and _overlapping_day_parts(t, term)
    )
    return kept + ruled_out + (term,)


def _overlapping_day_parts(old, new) -> bool:
    """Whether two named parts of the day both admit some minute of the day (the morning and the afternoon do)."""
    if old.label not in DAY_PARTS or new.label not in DAY_PARTS:
        return False
    return bool((old.mask(_MINUTES_OF_A_DAY) & new.mask(_MINUTES_OF_A_DAY)).any())


def _place_terms(current: tuple, new: tuple) -> tuple:
    """A positive place replaces the positive places ("no, in Rome"); negated places add up ("not at home")."""
    if any(not term.negated for term in new):
        current = tuple(term for term in current if term.negated)
    return current + tuple(term for term in new if term.label not in {t.label for t in current})


def _joined(description: str, detail: str) -> str:
    """One readable description: "a room" and "with heavy curtains" make "a room with heavy curtains"."""
    head, detail = description.strip().rstrip(".!?,;: "), detail.strip()
    if not head:
        return detail
    return f"{head} {detail}" if _READS_ON.match(detail) else f"{head} and {detail}"


def with_place(query: ParsedQuery, ambiguity, candidate) -> ParsedQuery:
    """The query with an ambiguous place term narrowed to the candidate the user picked."""
    terms = tuple(
        candidate if set(term.areas) >= set(candidate.areas) and len(term.areas) > 1 else term for term in query.place.terms
    )
    return dataclasses.replace(query, place=PlaceConstraints(terms), ambiguous=tuple(a for a in query.ambiguous if a is not ambiguity))
