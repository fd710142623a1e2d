"""A remembered moment or a question, understood: `ParsedQuery` holds the constraints to filter on, the text to
match against the pixels and, for a question about one's life, the `Question` it asks; a `Chip` is one part of it
as the user sees it (typed, so that removing one drops exactly that part). `parse_query` (parsing.py) makes one."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .concepts import ConceptTerm
from .place import AmbiguousPlace, PlaceConstraints, place_term_from_dict
from .sequence import CLAUSE_WINDOW_HOURS
from .time import TimeConstraints, time_term_from_dict

KINDS = ("time", "location", "frequency", "duration", "counting", "ocr", "color", "object", "distance")


@dataclass(frozen=True)
class Question:
    """What a question asks for; its scope (time, place) and subject are the rest of the parsed query."""

    kind: str  # one of KINDS
    granularity: str = ""  # time: "date", "month", "year", "weekday", "clock"; location: "place", "city", "country"
    ordinal: int | None = None  # which visit or trip: 0 first, 1 second, -1 last; None: not said
    unit: str = ""  # frequency: "visit", "trip", "day", "week", "month"; ordinal anchors: "trip" or "visit"
    now: str = ""  # "assuming today is 1 July 2020" as said (the parser resolves it to a date)
    counted: str = ""  # counting: what is counted ("people", "cups")
    every: bool = False  # location: all of them are asked for ("which countries did I visit")
    extreme: str = ""  # "most" or "least": the one seen most or least often ("which café did I go to most", "my favourite")
    per: str = ""  # "day", "week", "month", "year": an average per unit ("how many times a week")
    edge: str = ""  # time: "start" (arrive, wake up) or "end" (leave, go to bed) of the visit; "" the moment itself
    usual: bool = False  # "usually", "typically", "on a typical day": what is typical over the visits, not one of them
    means: str = ""  # distance: "walk", "run", "cycle", "drive", "fly", "bus", "train", "boat"; "" any travel

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict | None) -> "Question | None":
        return cls(**record) if record else None


@dataclass(frozen=True)
class Chip:
    """One part of a search: which kind of term, which one of that kind, and the words shown for it."""

    kind: str  # "time", "place", "concept", "sequence", "visual"; the conversation adds "example", "like", "unlike"
    key: str  # which one: its position among the query's terms of that kind, or a photo id; "" for the description
    label: str  # what the user reads, e.g. "Fridays", "not: Home", "looking for: a bus"

    @property
    def id(self) -> str:
        """One string naming the chip, e.g. "time:0" or "visual": what a checkbox sends back."""
        return f"{self.kind}:{self.key}" if self.key else self.kind


_DESCRIBE_VISUAL_CHARS = 80
_SEQUENCE_MOMENT_CHARS = 40


@dataclass(frozen=True)
class ParsedQuery:
    """A remembered moment, understood: constraints to filter on and text to match against the pixels."""

    text: str
    time: TimeConstraints
    place: PlaceConstraints
    visual: str
    preceded_by: tuple[str, ...] = ()  # "after X" -> X happened shortly before the moment
    followed_by: tuple[str, ...] = ()  # "before Y", "then Y" -> Y happened shortly after the moment (in the order told)
    sequence_window_hours: float = CLAUSE_WINDOW_HOURS  # how far apart the parts of the sequence may be (sequence.py's windows)
    ambiguous: tuple[AmbiguousPlace, ...] = ()  # place phrases that fit several known places
    concepts: tuple[ConceptTerm, ...] = ()  # things the photo must show ("with a dog", "two cups")
    question: Question | None = None  # what a question about one's life asks for; None for a remembered moment
    language: str = "en"  # the language the description is written in (detected per message, or as set)
    unfound_events: tuple[str, ...] = ()  # "trip to Japan": anchors of the time not found in the library (no filter)

    def chips(self) -> list[Chip]:
        """The filter chips: time terms, then places, then concepts, each in the order parsed."""
        chips = [Chip("time", str(i), f"not: {term.label}" if term.negated else term.label) for i, term in enumerate(self.time.terms)]
        chips += [Chip("unfound", str(i), f"no {event} found: all dates searched") for i, event in enumerate(self.unfound_events)]
        chips += [Chip("place", str(i), term.label) for i, term in enumerate(self.place.terms)]
        return chips + [Chip("concept", str(i), term.chip) for i, term in enumerate(self.concepts)]

    def sequence_label(self) -> str:
        """The parts in the order told, the one the photos show marked: "in order: coffee (shown) → the bus (each within an hour)"."""
        window = self.sequence_window_hours
        within = ("the same day" if window >= 24 else "an hour" if window == 1 else f"{window:g} hours")
        moment = self.visual.strip(" .,;")
        if len(moment) > _SEQUENCE_MOMENT_CHARS:
            moment = moment[:_SEQUENCE_MOMENT_CHARS - 1].rsplit(" ", 1)[0] + "…"
        parts = [*self.preceded_by, f"{moment} (shown)" if moment else "the photos shown", *self.followed_by]
        return f"in order: {' → '.join(parts)} (each within {within})"

    def describe(self) -> str:
        """e.g. "Fridays · evening · September 2019 · near Dublin · looking for: friends outside a bar"."""
        parts = [chip.label for chip in self.chips()]
        if self.preceded_by or self.followed_by:
            parts.append(self.sequence_label())
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
            "sequence_window_hours": self.sequence_window_hours,
            "ambiguous": [place.to_dict() for place in self.ambiguous],
            "concepts": [term.to_dict() for term in self.concepts],
            "question": self.question.to_dict() if self.question else None,
            "language": self.language,
            "unfound_events": list(self.unfound_events),
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
            sequence_window_hours=float(record.get("sequence_window_hours", CLAUSE_WINDOW_HOURS)),
            ambiguous=ambiguous,
            concepts=tuple(ConceptTerm.from_dict(term) for term in record.get("concepts", [])),
            question=Question.from_dict(record.get("question")),
            language=record.get("language", "en"),
            unfound_events=tuple(record.get("unfound_events", [])),
        )
