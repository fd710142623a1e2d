"""A question as text: parsed in its context (the library's own, or the user's settings), then answered."""

from __future__ import annotations

from datetime import datetime

from ..library import Library
from ..query import QueryContext
from .answer import Answer
from .kinds import answer_parsed


def answer_question(library: Library, text: str, now: datetime | None = None, encoder=None, vqa=None, *,
                    context: QueryContext | None = None) -> Answer:
    """Answer a question about one's life from the library (encoder: its CLIP model, or a function that loads it
    when an answer must look at the photos, returning None when it cannot; vqa: a VqaModel; both optional),
    parsed as the chat and search parse it: in context (`QueryContext.of(library, settings)`; default: the library's own,
    with now as its "now")."""
    parsed = (context or QueryContext.of(library, now=now)).parse(text)
    return answer_parsed(library, parsed, now, encoder, vqa)
