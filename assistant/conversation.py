"""The dialogue: what each new message does to the query, and what the assistant says back.

A message refines the previous query: a new constraint is added, one of a kind already present replaces
it ("actually it was in the evening"), a negation excludes beside what was said ("not at home", "not on a
Saturday"), a reference acts on a result ("more like the second one", "not that one"), and "start over"
resets. A message that describes another moment, with no cue that it refines this one, starts a new
search and offers the previous one back. The state is plain frozen data,
so the screen keeps one per browser session (Gradio deep-copies it) and scripts can replay conversations.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Collection

from . import asking
from .asking import Asked
from .library import Library
from .models import ClipEncoder
from .query import ParsedQuery, PlaceConstraints, QueryContext
from .query.chips import Chip, query_chips, without_chips
from .query.online import NominatimGeocoder
from .replies import Replies
from .search import EventHit, SearchRequest, SearchResult, moments_of_photos, neighbouring_events, search

# A command only when the whole message is one: "Clear blue sky over the harbour" is a memory.
_START_OVER = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|please|let'?s)[,\s]+)?(?:start\s*(?:over|again)|restart|reset|new\s+search|forget\s+(?:it|that|everything)"
    r"|clear(?:\s+(?:it|all|everything))?)(?:[,\s]+please)?\s*[.!]*\s*$",
    re.I,
)
# A correction needs a correction's form: "actually …", "I mean …", "no, …", "sorry, …"; "Wait staff serving dinner" is a memory.
_CORRECTION = re.compile(
    r"^\s*(?:(?:actually|i\s+mean|i\s+meant|correction)\b|(?:no|nope|sorry|wait|oops|rather)\s*[,.!:;–—-]|no\s+(?=(?:it|that)\s+was\b|it'?s\b))"
    r"[,.!:;–—-]?\s*",
    re.I,
)
# Words that tie a message to the moment already described; without one, a message with its own description is a new memory.
_REFINEMENT_CUE = re.compile(
    r"^\s*(?:and|but|plus|also|with|without|not|no|nor|or|more\s+like|less|maybe|probably|it\s+was|it'?s|it\s+had"
    r"|there\s+(?:was|were)|they\s+were|we\s+were|i\s+was)\b|\b(?:also|too|as\s+well|instead)\b",
    re.I,
)
# A detail that reads on from a description ("a room" + "with heavy curtains"), joined without a break.
_READS_ON = re.compile(r"^(?:with|without|wearing|holding|carrying|in|on|at|near|under|behind|beside|next\s+to|by|inside|outside|of)\b", re.I)
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
    "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_REFERENCE = r"(?:the\s+)?(?P<ref>last|that|this|it|(?:number|no\.?|photo|picture|moment|#)\s*\d{1,2}|\d{1,2}|\w+)(?:\s+(?:one|photo|picture|moment|image))?"
_LIKE = re.compile(rf"^\s*(?:show\s+me\s+)?(?:more|others?|ones?|photos?|something)?\s*(?:like|similar\s+to)\s+{_REFERENCE}\s*[.!]*\s*$", re.I)
_UNLIKE = re.compile(rf"^\s*(?:no[,.!]?\s+)?not\s+(?:like\s+)?{_REFERENCE}\s*[.!]*\s*$", re.I)
_CHOICE = re.compile(r"^\s*(?:option\s+|number\s+|#)?(?P<number>\d{1,2})\s*[.!)]?\s*$|^\s*(?:the\s+)?(?P<word>\w+)(?:\s+one)?\s*[.!]?\s*$", re.I)


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
    asked: Asked | None = None  # the answer on screen when the query is a question (asking.py); None during a search

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
    """The outcome of one message: the new state, the reply, and the moments to show."""

    state: ChatState
    reply: str
    moments: list[EventHit] = field(default_factory=list)
    result: SearchResult | None = None
    keeps_screen: bool = False  # a reply that only talks (a prompt, "nothing else that day"): the moments shown stay
    opened: EventHit | None = None  # a moment the turn opens, as a click on it would ("show me")

    @property
    def matching(self) -> list[EventHit]:
        """The moments that match the description, shown first."""
        return [moment for moment in self.moments if matches_description(moment)]

    @property
    def time_and_place_only(self) -> list[EventHit]:
        """The moments that only fit the time and place, shown after the matches under their own heading."""
        return [moment for moment in self.moments if not matches_description(moment)]

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
            "results": [
                {
                    "image_id": moment["best"]["image_id"],
                    "local_time": moment["best"]["local_time"],
                    "time_approx": bool(moment["best"].get("time_approx", False)),  # a file date or a guessed zone
                    "place": moment["place"],
                    "score": round(moment["score"], 4),
                    "matched": matches_description(moment),  # False: it only fits the time and place
                    "event_id": str(moment["event_id"]),
                    "start_time": moment["start_time"],
                    "end_time": moment["end_time"],
                }
                for moment in self.moments
            ],
        }


def refine(current: ParsedQuery | None, new: ParsedQuery, correction: bool) -> ParsedQuery:
    """Merge a follow-up into the query so far.

    A positive time term replaces the positive terms of its kind (two parts of the day or two periods ANDed
    would admit nothing, so a second one is a correction), a negated one is added beside them; a positive
    place replaces the positive places, negated places add up; new visual words add to the description,
    or replace it after "actually".
    """
    if current is None:
        return new
    time_terms = current.time.terms
    for term in new.time.terms:
        time_terms = _with_time_term(time_terms, term, correction)
    place_terms = current.place.terms
    if any(not term.negated for term in new.place.terms):
        place_terms = tuple(term for term in place_terms if term.negated)
    place_terms += tuple(term for term in new.place.terms if term.label not in {t.label for t in place_terms})
    visual = current.visual
    if new.visual.strip():
        visual = new.visual if correction else _joined(visual, new.visual)
    return ParsedQuery(
        text=f"{current.text} / {new.text}",
        time=dataclasses.replace(current.time, terms=time_terms),
        place=PlaceConstraints(place_terms),
        visual=visual,
        preceded_by=(new.preceded_by if correction and new.preceded_by else current.preceded_by + new.preceded_by),
        followed_by=(new.followed_by if correction and new.followed_by else current.followed_by + new.followed_by),
        ambiguous=new.ambiguous,
        # a concept named again replaces its count ("actually three cups"); new ones add up
        concepts=tuple(t for t in current.concepts if t.label not in {n.label for n in new.concepts}) + new.concepts,
        question=new.question or current.question,  # "and in 2020?" asks the same question again, in the new scope
    )


# What a time term says when: on the calendar (a period such as "March 2019" or a recurring "in April"), the
# day of the week, or the time of day. A correction replaces what it corrects: the terms of its own grain.
_TIME_GRAIN = {"period": "calendar", "calendar": "calendar", "weekday": "weekday", "day_part": "day_part"}


def _with_time_term(terms: tuple, term, correction: bool = False) -> tuple:
    """Terms with one more: a positive one replaces the positives of its kind ("in the evening" after "in the
    morning"), or after a correction of its grain ("no, it was in April" after "March 2019"); a negation is
    added beside them. Either drops its own opposite ("not on a Friday" after "on a Friday")."""
    def replaced(old) -> bool:
        if term.negated or old.negated:
            return False
        return old.kind == term.kind or (correction and _TIME_GRAIN.get(old.kind) == _TIME_GRAIN.get(term.kind))

    kept = tuple(t for t in terms if t.label != term.label and not replaced(t))
    return kept + (term,)


def _joined(description: str, detail: str) -> str:
    """One readable description: "a room" and "with heavy curtains" make "a room with heavy curtains"."""
    head, detail = description.strip().rstrip(".!?,;: "), detail.strip()
    if not head:
        return detail
    return f"{head} {detail}" if _READS_ON.match(detail) else f"{head} and {detail}"


def is_new_memory(state: ChatState, parsed: ParsedQuery, message: str) -> bool:
    """Whether a message describes another moment: a search is under way, the message has its own
    description, and nothing in it ("actually", "not", "it was", "also", "with", "more like") ties it to this one."""
    under_way = state.query is not None or state.example_id is not None
    return under_way and bool(parsed.visual.strip()) and not _REFINEMENT_CUE.search(message)


class Assistant:
    """One library and its models, answering any number of independent conversations."""

    def __init__(
        self, library: Library, encoder: ClipEncoder | None, *, replies: Replies | None = None, top_k: int = 12,
        geocoder: NominatimGeocoder | None = None,
        date_order: str | None = None,
    ):
        self.library = library
        self.encoder = encoder
        self.geocoder = geocoder  # online places (--online-places), or None to stay offline
        self.replies = replies or Replies()
        self.top_k = top_k
        self.date_order = date_order  # how users write 04/05/2020 (Settings.date_order)

    # ---- one turn per user action ---------------------------------------------------------------
    def respond(self, state: ChatState, message: str) -> Turn:
        """Understand a chat message in the context of the conversation so far, and search."""
        message, cut = clean_message(message)
        if not message:
            return Turn.talk(state, self.replies("empty_message"))
        if cut:
            turn = self.respond(state, message)
            return dataclasses.replace(turn, reply=f"{self.replies('message_cut', limit=MAX_MESSAGE_CHARS)}\n\n{turn.reply}")
        if _START_OVER.match(message):
            return self.start_over()
        if state.asked is not None and asking.SHOW_EVIDENCE.match(message):
            return self.show_evidence(state)
        if state.asked is not None and asking.OTHER_ANSWER.match(message):
            return self.other_answer(state)
        number = _choice_number(message)
        if number is not None:
            return self.choose(state, number - 1)
        reference = _LIKE.match(message) or _UNLIKE.match(message)
        if reference:
            image_id = self._resolve_reference(state, reference.group("ref"))
            if image_id is not None:
                if reference.re is _LIKE:
                    return self.more_like(state, image_id)
                return self.not_this(state, image_id)
            if reference.group("ref").lower() in _ORDINALS or re.search(r"\d", reference.group("ref")):
                template = "reference_unknown" if state.shown else "reference_nothing_shown"
                return Turn.talk(state, self.replies(template, shown=len(state.shown)))
        correction = bool(_CORRECTION.match(message))
        text = _CORRECTION.sub("", message, count=1) if correction else message
        text = asking.follow_up_text(text) if asking.is_question(state.query) else text
        parsed = QueryContext.of(self.library, geocoder=self.geocoder, date_order=self.date_order).parse(text)
        if asking.asks_anew(parsed, text):  # a question of its own starts afresh, in the last question's scope unless it names one
            scoped = asking.in_scope_of(parsed, state.query)
            turn = self._ask(ChatState(query=scoped, turns=state.turns + 1), "")
            if scoped is not parsed and turn.state.asked.value is None:  # nothing of it there: it was asked of the whole life
                turn = self._ask(ChatState(query=parsed, turns=state.turns + 1), "")
            return turn
        # after an answer, a follow-up asks it again, about what it names if it names something
        follows_answer = asking.is_question(state.query) and (correction or asking.follows_up(parsed, text))
        if not correction and not follows_answer and is_new_memory(state, parsed, text):
            previous = dataclasses.replace(state, choices=())
            state = ChatState(query=parsed, turns=state.turns + 1)
            return self._run(state, self.replies("new_search", summary=parsed.describe()), previous=previous)
        query = refine(state.query, parsed, correction or follows_answer)
        state = dataclasses.replace(state, query=query, choices=(), turns=state.turns + 1)
        return self._run(state, self.replies("understood", summary=query.describe()))

    def choose(self, state: ChatState, index: int) -> Turn:
        """Take the choice offered at this index (0-based), as clicking it or replying with its number does."""
        if not 0 <= index < len(state.choices):
            return Turn.talk(state, self.replies("no_such_choice", number=index + 1) if state.choices else self.replies("no_choices"))
        picked = state.choices[index]
        if picked.restores is not None:
            state = dataclasses.replace(picked.restores, turns=state.turns + 1)
        else:
            state = dataclasses.replace(state, query=picked.query, choices=())
        return self._run(state, self.replies(picked.reply, label=picked.label))

    # ---- questions about one's life (asking.py) ----------------------------------------------------
    def show_evidence(self, state: ChatState) -> Turn:
        """ "show me": the answer's evidence on screen, its first moment opened."""
        moments = moments_of_photos(self.library, state.asked.evidence)
        if not moments:
            return Turn.talk(state, self.replies("no_evidence"))
        first = moments[0]
        reply = self.replies("showing_evidence", when=first["start_time"].replace("T", " ")[:16], place=first["place"] or "an unknown place")
        return self._answer_turn(state, state.asked, moments, reply, opened=first)

    def other_answer(self, state: ChatState) -> Turn:
        """ "no, the other one": the next candidate and its evidence, when the evidence was split."""
        asked = state.asked.next_candidate()
        if asked is None:
            return Turn.talk(state, self.replies("no_other_answer"))
        return self._answer_turn(state, asked, moments_of_photos(self.library, asked.evidence), asking.candidate_reply(self.replies, asked))

    def _ask(self, state: ChatState, opening: str) -> Turn:
        """Answer the question the query asks: the answer first, its evidence as the moments."""
        asked, moments = asking.ask(self.library, state.query, self.encoder)
        reply = "\n\n".join(filter(None, [asking.answer_reply(self.replies, asked, moments), opening]))
        return self._answer_turn(state, asked, moments, reply)

    def _answer_turn(self, state: ChatState, asked: Asked, moments: list[EventHit], reply: str, opened: EventHit | None = None) -> Turn:
        """A turn that shows an answer's (or a candidate's) evidence as the moments on screen."""
        state = dataclasses.replace(state, asked=asked, shown=tuple(m["best"]["image_id"] for m in moments), choices=())
        return Turn(state, reply, moments, opened=opened)

    def start_over(self) -> Turn:
        """A fresh conversation ("start over", the button, the chat's bin)."""
        return Turn(ChatState(), self.replies("started_over"))

    def more_like(self, state: ChatState, image_id: str) -> Turn:
        """Query by example within the current constraints (a click on a photo, or "more like the second one")."""
        self.require_photo(image_id)
        liked = state.liked if image_id in state.liked else state.liked + (image_id,)
        state = dataclasses.replace(state, example_id=image_id, liked=liked, unliked=tuple(i for i in state.unliked if i != image_id), choices=())
        within = self.replies("more_like_within") if state.query is not None and state.query.chips() else ""
        return self._run(state, self.replies("more_like", image_id=image_id, within=within))

    def not_this(self, state: ChatState, image_id: str) -> Turn:
        self.require_photo(image_id)
        state = dataclasses.replace(
            state,
            unliked=state.unliked if image_id in state.unliked else state.unliked + (image_id,),
            liked=tuple(i for i in state.liked if i != image_id),
            example_id=None if state.example_id == image_id else state.example_id,
            choices=(),
        )
        return self._run(state, self.replies("not_this"))

    def remove_chips(self, state: ChatState, chips: list[Chip]) -> Turn:
        """Drop the parts of the search behind these chips, then search again."""
        if not chips:
            return Turn.talk(state, self.replies("nothing_changed"))
        return self._run(state.without(chips), self.replies("removed", label=", ".join(chip.label for chip in chips)))

    def around(self, state: ChatState, image_id: str, direction: str) -> Turn:
        """The moments just before or after a photo's moment, the same day, in time order."""
        self.require_photo(image_id)
        moments = neighbouring_events(self.library, image_id, direction, limit=self.top_k)
        record = self.library.record(self.library.row_of(image_id))
        time = record["local_time"].replace("T", " ")[:16]
        if not moments:
            return Turn.talk(state, self.replies("nothing_around", time=time))
        state = dataclasses.replace(state, shown=tuple(m["best"]["image_id"] for m in moments), choices=())
        return Turn(state, self.replies(direction, time=time, place=record["place"] or "an unknown place"), moments)

    # ---- internals ------------------------------------------------------------------------------
    def require_photo(self, image_id: str) -> None:
        if self.library.row_of(image_id) is None:
            raise ValueError(f"no photo {image_id!r} in this library")

    def _resolve_reference(self, state: ChatState, reference: str) -> str | None:
        reference = reference.lower().strip()
        if reference in ("that", "this", "it"):
            return state.example_id or (state.shown[0] if state.shown else None)
        if reference == "last":
            return state.shown[-1] if state.shown else None
        digits = re.search(r"\d+", reference)
        number = int(digits.group()) if digits else _ORDINALS.get(reference)
        if number is None or not 1 <= number <= len(state.shown):
            return None
        return state.shown[number - 1]

    def _run(self, state: ChatState, opening: str, *, previous: ChatState | None = None) -> Turn:
        """Search with the conversation's state and say what was found; `previous` is a search it replaced, offered back."""
        if asking.is_question(state.query) and not (state.example_id or state.liked or state.unliked):
            return self._ask(state, opening)  # a question is answered, again after any change to its scope
        state = dataclasses.replace(state, asked=None)  # a search: no answer on screen
        request = SearchRequest(
            query=state.query,
            example_id=state.example_id,
            like_ids=tuple(i for i in state.liked if i != state.example_id),
            unlike_ids=state.unliked,
            top_k=self.top_k,
        )
        result = search(self.library, self.encoder, request, QueryContext.of(self.library, geocoder=self.geocoder, date_order=self.date_order))
        moments = [m for m in result.events if matches_description(m)] + [m for m in result.events if not matches_description(m)]
        lines = [opening, *self._found(state, result, moments), *result.notices]
        choices: tuple[Choice, ...] = ()
        if state.query is not None and state.query.ambiguous:
            ambiguity = state.query.ambiguous[0]
            choices = tuple(
                Choice(
                    candidate.label, _with_place(state.query, ambiguity, candidate), "picked_place",
                    self.replies("place_choice", number=n, label=candidate.label),
                )
                for n, candidate in enumerate(ambiguity.candidates, 1)
            )
            lines.append(self.replies("ambiguous_place", phrase=ambiguity.phrase))
        elif result.hints and len(result.events) < 3:
            choices = tuple(
                Choice(hint.label, hint.query, "pick_hint", self.replies("hint_choice", number=n, count=hint.count, label=hint.label))
                for n, hint in enumerate(result.hints, 1)
            )
            lines.append(self.replies("hints_intro"))
        if previous is not None:
            summary = " · ".join(chip.label for chip in previous.chips())
            offer = self.replies("previous_choice", number=len(choices) + 1, summary=summary)
            choices += (Choice(summary, previous.query, "back_to_previous", offer, restores=previous),)
        lines += [choice.offer for choice in choices]
        state = dataclasses.replace(state, shown=tuple(m["best"]["image_id"] for m in moments), choices=choices)
        return Turn(state, "\n\n".join(lines), moments, result)

    def _found(self, state: ChatState, result: SearchResult, moments: list[EventHit]) -> list[str]:
        """What the search found, in words: the moments that match the description, then those that only fit the time and place."""
        channels = self.replies("channels_captions_only") if result.channels and result.channels[0] == "text" else ""
        matching = sum(matches_description(m) for m in moments)
        if not moments:
            return [self.replies("no_results")]
        if not matching:
            return [self.replies("only_time_and_place", shown=len(moments), channels=channels)]
        constrained = state.query is not None and state.query.chips()
        template = ("results" if constrained else "results_unconstrained") + ("_one" if matching == 1 else "")
        found = [self.replies(template, matched=result.matched, shown=matching, channels=channels)]
        if matching < len(moments):
            found.append(self.replies("rest_after", count=len(moments) - matching))
        return found


def matches_description(moment: EventHit) -> bool:
    """Whether a moment matches the description itself, not only the time and place (a hit without the flag does)."""
    return moment.get("matched", True)


def _choice_number(message: str) -> int | None:
    """The number a message picks a choice by ("2", "option 2", "the second one"); None if it is not such a reply."""
    match = _CHOICE.match(message)
    if match is None:
        return None
    return int(match.group("number")) if match.group("number") else _ORDINALS.get((match.group("word") or "").lower())


def _with_place(query: ParsedQuery, ambiguity, candidate) -> ParsedQuery:
    """The query with an ambiguous place term narrowed to the candidate the user picked."""
    terms = tuple(
        candidate if set(term.areas) >= set(candidate.areas) and len(term.areas) > 1 else term for term in query.place.terms
    )
    return dataclasses.replace(query, place=PlaceConstraints(terms), ambiguous=tuple(a for a in query.ambiguous if a is not ambiguity))
