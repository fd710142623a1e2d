"""What a conversation holds between messages, and what one message gives back.

The state is plain frozen data, so the screen keeps one per browser session (Gradio deep-copies it) and
scripts can replay conversations; a `Turn` is one message's outcome, and `to_api` is the /chat JSON.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from typing import Collection

from ..answers import Answer
from ..library import PhotoRecord
from ..query import ParsedQuery
from ..query.chips import Chip, query_chips, without_chips
from ..search import EventHit, SearchResult

# A remembered moment fits in far less; CLIP reads only 77 tokens, and parsing time grows with the length.
MAX_MESSAGE_CHARS = 1_000
_INVISIBLE = {"Cc", "Cf", "Cs"}  # control, format (zero-width, direction overrides) and lone surrogate characters


def clean_message(message: str | None) -> tuple[str, bool]:
    """A message as plain words, and whether it was cut to MAX_MESSAGE_CHARS.

    Invisible characters become spaces (a lone surrogate from JSON would crash the tokenizer), runs of
    white space become one space, and an overlong message is cut at a word boundary.
    """
    text = "".join(" " if unicodedata.category(c) in _INVISIBLE else c for c in message or "")
    text = " ".join(text.split())
    if len(text) <= MAX_MESSAGE_CHARS:
        return text, False
    cut = text[: MAX_MESSAGE_CHARS + 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_MESSAGE_CHARS]), True


@dataclass(frozen=True)
class Asked:
    """The question the conversation is on: its answer, and which of its candidates is on screen (0: the answer itself)."""

    answer: Answer
    showing: int = 0

    @property
    def value(self) -> object:
        return self.answer.candidates[self.showing].value if self.showing else self.answer.value

    @property
    def text(self) -> str:
        return self.answer.candidates[self.showing].text if self.showing else self.answer.text

    @property
    def evidence(self) -> tuple[str, ...]:
        return self.answer.candidates[self.showing].evidence if self.showing else self.answer.evidence

    def next_candidate(self) -> "Asked | None":
        """The next candidate, round to the first after the last; None when the evidence gave only one answer."""
        if len(self.answer.candidates) < 2:
            return None
        return Asked(self.answer, (self.showing + 1) % len(self.answer.candidates))

    def to_api(self) -> dict:
        """The /chat API's "answer": what is on screen now (a candidate after "no, the other one"), with how it was reached."""
        return {
            "kind": self.answer.kind, "value": self.value, "text": self.text, "evidence": list(self.evidence),
            "reasoning": self.answer.reasoning, "confidence": self.answer.confidence, "why": self.answer.why,
            "candidates": [candidate.to_dict() for candidate in self.answer.candidates], "showing": self.showing,
        }


@dataclass(frozen=True)
class Choice:
    """A numbered option the user can pick by replying with its number."""

    label: str
    query: ParsedQuery
    reply: str  # template name used when picked
    offer: str = ""  # the numbered line the reply offered it with, e.g. "1. 71 photos without the place"
    restores: ChatState | None = None  # the whole earlier search it brings back ("back to the previous search")


@dataclass(frozen=True)
class ChatState:
    query: ParsedQuery | None = None
    example_id: str | None = None  # query by example: the photo clicked or referred to
    liked: tuple[str, ...] = ()
    unliked: tuple[str, ...] = ()  # "not this": left out, and its near-duplicates sink
    shown: tuple[str, ...] = ()  # best photo of each moment on screen, in order, for "the second one"
    choices: tuple[Choice, ...] = ()  # options offered in the last reply
    turns: int = 0
    asked: Asked | None = None  # the answer on screen when the query is a question; None during a search

    @property
    def under_way(self) -> bool:
        """Whether a search is under way: something described, or a photo to find more like."""
        return self.query is not None or self.example_id is not None

    @property
    def asking(self) -> bool:
        """Whether the conversation is on a question (its follow-ups ask it again)."""
        return self.query is not None and self.query.question is not None

    def chips(self) -> list[Chip]:
        """Everything the current search uses, in the order shown; removing a chip drops that part."""
        chips = query_chips(self.query) if self.query is not None else []
        if self.example_id:
            chips.append(Chip("example", self.example_id, f"like: photo {self.example_id}"))
        chips += [Chip("like", image_id, f"like: photo {image_id}") for image_id in self.liked if image_id != self.example_id]
        chips += [Chip("unlike", image_id, f"not: photo {image_id}") for image_id in self.unliked]
        return chips

    def without(self, chips: Collection[Chip]) -> "ChatState":
        """This state with the parts of the search behind these chips removed."""
        photos = {chip.key for chip in chips if chip.kind in ("example", "like", "unlike")}
        dropped_example = any(chip.kind == "example" for chip in chips)
        return dataclasses.replace(
            self,
            query=without_chips(self.query, chips) if self.query is not None else None,
            example_id=None if dropped_example else self.example_id,
            liked=tuple(i for i in self.liked if i not in photos),
            unliked=tuple(i for i in self.unliked if i not in photos),
        )


@dataclass
class Turn:
    """The outcome of one message: the new state, the reply, and the moments to show (search puts the matches first)."""

    state: ChatState
    reply: str
    moments: list[EventHit] = field(default_factory=list)
    result: SearchResult | None = None
    keeps_screen: bool = False  # a reply that only talks (a prompt, "nothing else that day"): the moments shown stay
    opened: EventHit | None = None  # a moment the turn opens, as a click on it would ("show me")

    @property
    def matching(self) -> list[EventHit]:
        """The moments that match the description, shown first."""
        return [moment for moment in self.moments if moment["matched"]]

    @property
    def time_and_place_only(self) -> list[EventHit]:
        """The moments that only fit the time and place, shown after the matches under their own heading."""
        return [moment for moment in self.moments if not moment["matched"]]

    @property
    def near_misses(self) -> list[EventHit]:
        """Moments just outside the remembered time that match it well, when none inside it does (their own heading)."""
        return self.result.near_misses.events if self.result is not None and self.result.near_misses is not None else []

    @classmethod
    def talk(cls, state: ChatState, reply: str) -> "Turn":
        """A reply with no new moments, leaving the screen as it was."""
        return cls(state, reply, keeps_screen=True)

    def to_api(self) -> dict:
        """The JSON the /chat API returns."""
        return {
            "reply": self.reply,
            "constraints": [chip.label for chip in self.state.chips()],
            "matched": self.result.matched if self.result else 0,
            "answer": self.state.asked.to_api() if self.state.asked else None,  # null while searching for a memory
            "opened": self.opened["best"]["image_id"] if self.opened else None,
            "choices": [choice.offer for choice in self.state.choices],  # reply with a number to pick one
            "results": [_moment_to_api(moment) for moment in self.moments],
            # just outside the remembered time, never among the results: "Nothing in September matches well; ..."
            "near_misses": [_moment_to_api(moment) for moment in self.near_misses],
            "near_misses_sentence": self.result.near_misses.sentence if self.near_misses else None,
        }


def _moment_to_api(moment: EventHit) -> dict:
    best = moment["best"]
    return {
        "image_id": best["image_id"],
        "local_time": best["local_time"],
        "time_approx": bool(best.get("time_approx", False)),  # a file date or a guessed zone
        "place": moment["place"],
        "score": round(moment["score"], 4),
        "matched": moment["matched"],  # False: it only fits the time and place
        "event_id": str(moment["event_id"]),
        "start_time": moment["start_time"],
        "end_time": moment["end_time"],
    }


@dataclass(frozen=True)
class OpenedMoment:
    """A moment opened on screen: the moment, the photos around its best one (in time order), and whether its time is a guess."""

    moment: EventHit
    strip: list[PhotoRecord]
    time_note: str = ""  # what to say about an approximate time; "" when the time is known
