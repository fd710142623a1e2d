"""A question as text: parsed in its context (the library's own, or the user's settings), then answered."""

from __future__ import annotations

from datetime import datetime

from ..library import Library
from ..library.timeline import timeline_of
from ..query import QueryContext
from ..query.geometry import region_keys_at
from .answer import Answer
from .kinds import answer_parsed
from .names import names_read


def answer_question(library: Library, text: str, now: datetime | None = None, encoder=None, vqa=None, *,
                    context: QueryContext | None = None) -> Answer:
    """Answer a question about one's life from the library (encoder: its CLIP model, or a function that loads it
    when an answer must look at the photos, returning None when it cannot; vqa: a VqaModel; both optional),
    parsed as the chat and search parse it: in context (`QueryContext.of(library, settings)`; default: the library's own,
    with now as its "now")."""
    parsed = (context or QueryContext.of(library, now=now)).parse(text)
    return answer_parsed(library, parsed, now, encoder, vqa)


def prepare_answers(library: Library) -> None:
    """Read once what questions about a library need (its stays and trips, the venues its photos name, the regions
    its photos were taken in), so that a first question does not wait for it: a second or two each at 100,000 photos
    ("which dentist do the kids go to", "which theme park did we go to in Florida")."""
    timeline_of(library)
    names_read(library)
    region_keys_at(library.lat, library.lng)
