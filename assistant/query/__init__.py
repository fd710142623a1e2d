"""Understanding a remembered moment: `parse_query` splits a description into time constraints, place
constraints and the visual description left for CLIP.

    q = parse_query("Friends outside a bar in Dublin. It was a Friday evening in September 2019.",
                    now=datetime(2020, 6, 30, 23, 59))
    q.time.admits(datetime(2019, 9, 6, 19, 7))   # True
    q.place.admits(53.34, -6.27)                 # True
    q.visual                                     # "Friends outside a bar."

Parsing is pure (no I/O) unless the caller passes an online `geocoder`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Sequence

from .chips import Chip, filter_chips
from .concepts import ConceptTerm, find_concepts
from .language import detect_languages, render
from .question import KINDS as QUESTION_KINDS, Question, read_question
from .place import (
    AmbiguousPlace,
    Area,
    KnownPlace,
    PlaceConstraints,
    PlaceGeocoder,
    PlaceTerm,
    find_places,
    place_term_from_dict,
    southern_hemisphere,
)
from .sequence import find_sequence_clauses
from .text import blank_out
from .time import (
    CalendarTerm,
    DayPartTerm,
    PeriodTerm,
    TimeConstraints,
    TimeTerm,
    WeekdayTerm,
    build_terms,
    day_part_term,
    find_facts,
    local_seconds_of,
    time_term_from_dict,
)
from .visual import visual_description

__all__ = [
    "AmbiguousPlace", "Area", "CalendarTerm", "Chip", "ConceptTerm", "DayPartTerm", "KnownPlace", "ParsedQuery", "PeriodTerm", "PlaceConstraints",
    "PlaceGeocoder", "PlaceTerm", "Question", "QUESTION_KINDS", "TimeConstraints", "TimeTerm", "WeekdayTerm", "day_part_term", "local_seconds_of",
    "parse_query",
]

_DESCRIBE_VISUAL_CHARS = 80


@dataclass(frozen=True)
class ParsedQuery:
    """A remembered moment, understood: constraints to filter on and text to match against the pixels."""

    text: str
    time: TimeConstraints
    place: PlaceConstraints
    visual: str
    preceded_by: tuple[str, ...] = ()  # "after X" -> X happened shortly before the moment
    followed_by: tuple[str, ...] = ()  # "before Y" -> Y happened shortly after the moment
    ambiguous: tuple[AmbiguousPlace, ...] = ()  # place phrases that fit several known places
    concepts: tuple[ConceptTerm, ...] = ()  # things the photo must show ("with a dog", "two cups")
    question: Question | None = None  # what a question about one's life asks for; None for a remembered moment

    def chips(self) -> list[Chip]:
        """The filter chips: time terms, then places, then concepts, each in the order parsed."""
        return filter_chips(self)

    def describe(self) -> str:
        """e.g. "Fridays · evening · September 2019 · near Dublin · looking for: friends outside a bar"."""
        parts = [chip.label for chip in self.chips()]
        parts += [f"after: {clause}" for clause in self.preceded_by]
        parts += [f"then: {clause}" for clause in self.followed_by]
        visual = self.visual
        if len(visual) > _DESCRIBE_VISUAL_CHARS:
            visual = visual[:_DESCRIBE_VISUAL_CHARS - 1].rsplit(" ", 1)[0] + "…"
        parts.append(f"looking for: {visual}" if visual else "looking for: anything")
        return " · ".join(parts)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "time": self.time.to_dict(),
            "place": self.place.to_dict(),
            "visual": self.visual,
            "preceded_by": list(self.preceded_by),
            "followed_by": list(self.followed_by),
            "ambiguous": [place.to_dict() for place in self.ambiguous],
            "concepts": [term.to_dict() for term in self.concepts],
            "question": self.question.to_dict() if self.question else None,
        }

    @classmethod
    def from_dict(cls, record: dict) -> "ParsedQuery":
        """The inverse of to_dict: a query saved as JSON (say, `lifelog parse --json` output) read back."""
        ambiguous = tuple(
            AmbiguousPlace(item["phrase"], tuple(place_term_from_dict(c) for c in item["candidates"]))
            for item in record.get("ambiguous", [])
        )
        return cls(
            text=record.get("text", ""),
            time=TimeConstraints(tuple(time_term_from_dict(t) for t in record.get("time", []))),
            place=PlaceConstraints(tuple(place_term_from_dict(p) for p in record.get("place", []))),
            visual=record.get("visual", ""),
            preceded_by=tuple(record.get("preceded_by", [])),
            followed_by=tuple(record.get("followed_by", [])),
            ambiguous=ambiguous,
            concepts=tuple(ConceptTerm.from_dict(term) for term in record.get("concepts", [])),
            question=Question.from_dict(record.get("question")),
        )


def parse_query(
    text: str,
    now: datetime | None = None,
    places: Sequence[KnownPlace] | None = None,
    *,
    geocoder: PlaceGeocoder | None = None,
    concepts: Sequence[str] | None = None,
    since: datetime | None = None,
    date_order: str | None = None,
    language: str | None = None,
) -> ParsedQuery:
    """Understand a remembered moment.

    now anchors relative expressions ("last January"); a library passes its last photo's time, so that
    they are relative to the archive. places are the library's own places, matched before the world
    gazetteer. geocoder (optional, e.g. `NominatimGeocoder`) is asked about names nothing offline knows.
    concepts are the library's concept labels (tags, detected objects) that "with a dog" may filter on.
    since is the library's first photo: recurring phrases are compared over its years (default: 30 years).
    date_order ("DMY", "MDY") reads 04/05/2020 as the user writes dates; None admits both readings.
    language ("de", "el", any dateparser knows, "auto" or None: told per message) is the message's language;
    another than English is rendered word for word into the English the grammar reads (`language`), and
    what it found is mapped back onto the message's own words.
    """
    text = text or ""
    now = (now or datetime.now()).replace(tzinfo=None)
    languages = detect_languages(text) if language in (None, "", "auto") else (language.lower(),)
    rendering = render(text, languages) if languages != ("en",) else None
    read = rendering.text if rendering else text  # what the grammar reads
    asked = read_question(read)
    question = _with_resolved_now(asked.question, now, date_order)
    if question is not None and question.now:
        now = datetime.fromisoformat(question.now)
    question_spans = list(asked.spans)
    facts = find_facts(blank_out(read, question_spans), now, date_order)
    time_spans = [fact.span for fact in facts] + question_spans
    clauses = find_sequence_clauses(read, time_spans)
    clause_spans = [clause.span for clause in clauses]
    blanked = blank_out(read, time_spans + clause_spans)
    found = find_places(read, blanked, places, geocoder, languages=tuple(code for code in languages if code != "en"))
    southern = southern_hemisphere(found.terms, places)
    archive_years = range(since.year, now.year + 1) if since is not None and since <= now else None
    time_terms = build_terms(facts, now, southern, archive_years)
    taken = time_spans + clause_spans + found.spans
    if rendering:  # the words the grammar used, as spans of the message itself
        taken = rendering.original_spans(taken)
    concept_terms, negated_concept_spans = find_concepts(blank_out(text, taken), concepts)
    visual = visual_description(text, taken + negated_concept_spans)
    return ParsedQuery(
        text=text,
        time=TimeConstraints(tuple(time_terms)),
        place=PlaceConstraints(_first_of_each(found.terms)),  # a place said twice is one chip, where first said
        visual=visual,
        preceded_by=tuple(clause.text for clause in clauses if clause.relation == "after"),
        followed_by=tuple(clause.text for clause in clauses if clause.relation == "before"),
        ambiguous=tuple(found.ambiguous),
        concepts=tuple(concept_terms),
        question=question,
    )


def _with_resolved_now(question: Question | None, now: datetime, date_order: str | None) -> Question | None:
    """ "assuming today is 1 July 2020": the question's now as the end of that day (ISO), or "" when unreadable."""
    if question is None or not question.now:
        return question
    facts = find_facts(question.now, now, date_order)
    days = [term.day_ranges()[-1][-1] for term in build_terms(facts, now) if isinstance(term, PeriodTerm)]
    return replace(question, now=f"{days[0].isoformat()}T23:59:59" if days else "")


def _first_of_each(terms) -> tuple:
    """Place terms with repeats dropped, in the order they were first said."""
    kept: dict[str, object] = {}
    for term in terms:
        kept.setdefault(term.label, term)
    return tuple(kept.values())
