"""Understanding a remembered moment or a question about one's life: `parse_query` (parsing.py) splits a message
into time constraints, place constraints, concepts and the visual description left for CLIP, giving a `ParsedQuery`
(parsed.py); `QueryContext.of(library, settings)` (context.py) parses against a library. The stages: time/, place/,
language/, question.py, concepts.py, sequence.py, visual.py.
"""

from __future__ import annotations

from .concepts import ConceptTerm
from .context import QueryContext
from .parsed import KINDS as QUESTION_KINDS, Chip, ParsedQuery, Question
from .parsing import parse_query
from .place import AmbiguousPlace, Area, KnownPlace, PlaceConstraints, PlaceGeocoder, PlaceTerm
from .time import CalendarTerm, DayPartTerm, PeriodTerm, TimeConstraints, TimeTerm, WeekdayTerm, day_part_term, local_seconds_of

__all__ = [
    "AmbiguousPlace", "Area", "CalendarTerm", "Chip", "ConceptTerm", "DayPartTerm", "KnownPlace", "ParsedQuery", "PeriodTerm", "PlaceConstraints",
    "PlaceGeocoder", "PlaceTerm", "QueryContext", "Question", "QUESTION_KINDS", "TimeConstraints", "TimeTerm", "WeekdayTerm", "day_part_term",
    "local_seconds_of", "parse_query",
]
