"""What a search is asked and what it answers: requests, photo and event hits, relaxation hints, errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

import numpy as np

from ..library import Library, PhotoRecord
from ..query import ParsedQuery


class PhotoHit(PhotoRecord):
    score: float


class EventHit(TypedDict):
    event_id: int
    score: float
    best: PhotoHit
    start_time: str  # local wall-clock of the event's first photo
    end_time: str
    place: str
    photo_count: int  # photos in the whole event
    matching_ids: list[str]  # the event's best-scoring photos among the results, best first
    matched: bool  # it shows the description (or example); False: it only passes the time and place filters


@dataclass(frozen=True)
class RelaxationHint:
    """One change to the constraints and how many photos would then match."""

    label: str  # "without the place", "with December 2019 instead of November 2019"
    count: int
    query: ParsedQuery  # the relaxed query, ready to run

    def to_dict(self) -> dict:
        return {"label": self.label, "count": self.count}


@dataclass(frozen=True)
class NearMisses:
    """Moments just outside the remembered time that show the description well, when none inside it does:
    kept apart from the exact results, with the sentence that says so."""

    remembered: str  # the time as understood, with its preposition: "in September 2019", "on Fridays"
    found_in: str  # where these moments are: "early October 2019", "Saturdays"
    events: list[EventHit]

    @property
    def sentence(self) -> str:
        return f"Nothing {self.remembered} matches well; these are from {self.found_in}."

    def to_dict(self) -> dict:
        return {"sentence": self.sentence, "remembered": self.remembered, "found_in": self.found_in, "events": self.events}


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""  # a remembered moment, parsed into constraints and a visual description (search's context)
    query: ParsedQuery | None = None  # already parsed (the chat passes its merged query); overrides text
    example_image: Path | None = None  # query by example: any image file, or a photo of the library
    example_id: str | None = None  # query by example: a library photo's id (it comes first)
    vector: np.ndarray | None = None  # a ready CLIP query vector (notebooks, benchmarks); combined like an example
    like_ids: tuple[str, ...] = ()  # "more like these"
    unlike_ids: tuple[str, ...] = ()  # "not like that": pushes it and its near-duplicates down
    exclude_ids: tuple[str, ...] = ()  # never return these
    top_k: int = 20
    group_events: bool = True


@dataclass
class SearchResult:
    query: ParsedQuery | None
    photos: list[PhotoHit]  # ranked, ungrouped
    events: list[EventHit]  # the same ranking grouped into moments (empty when not grouped)
    matched: int  # photos that pass the time and place constraints
    channels: list[str]  # "clip" or "multilingual clip" (its text tower), "example", "text" (photo words), "meaning" (their sentence vectors)
    notices: list[str] = field(default_factory=list)
    hints: list[RelaxationHint] = field(default_factory=list)
    near_misses: NearMisses | None = None  # never mixed into photos or events

    @property
    def constraints(self) -> list[str]:
        """Chip labels of the constraints applied."""
        return [chip.label for chip in self.query.chips()] if self.query is not None else []

    def to_dict(self) -> dict:
        return {
            "query": self.query.to_dict() if self.query else None,
            "constraints": self.constraints,
            "matched": self.matched,
            "channels": self.channels,
            "notices": self.notices,
            "hints": [hint.to_dict() for hint in self.hints],
            "events": self.events,
            "photos": self.photos,
            "near_misses": self.near_misses.to_dict() if self.near_misses else None,
        }


class SearchError(ValueError):
    """A search that cannot run as asked; the message says what to change."""


def photo_row(library: Library, image_id: str) -> int:
    """The row of a photo named by the user or the screen; a SearchError when the library has no such photo."""
    row = library.row_of(image_id)
    if row is None:
        raise SearchError(f"no photo {image_id!r} in this library")
    return row
