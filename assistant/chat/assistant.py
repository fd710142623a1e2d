"""The Assistant: one library and its models, answering any number of conversations.

`respond` names a message's intent (intents.py) and dispatches it to one handler; the screen's clicks
(more like this, not this, a chip unticked, what happened before) call the same handlers directly.
A handler changes the state, then searches (search/) or answers (questions.py), and words the reply.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from ..library import Library, PhotoRecord
from ..models import ClipEncoder
from ..query import ParsedQuery, QueryContext
from ..query.chips import Chip
from ..query.language import language_name
from ..query.online import NominatimGeocoder
from ..search import EventHit, SearchRequest, SearchResult, moments_of_photos, neighbouring_events, photos_around, search
from .intents import (
    Choose, Correction, Empty, FollowUpQuestion, Intent, Memory, MoreLike, Negation, NewMemory, NotThis, OtherAnswer, Question,
    Refinement, ShowEvidence, StartOver, UnknownReference, classify,
)
from .questions import answer_reply, ask, candidate_reply, in_scope_of
from .refinement import refine, with_place
from .replies import Replies
from .state import MAX_MESSAGE_CHARS, Asked, ChatState, Choice, OpenedMoment, Turn, clean_message

TIMELINE_MINUTES = 20  # an opened moment's strip spans this long before and after the chosen photo
TIMELINE_SIDE = 4  # photos shown on each side of it, spread over that span (a camera every 30 s takes 40)


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
        self.context = QueryContext.of(library, geocoder=geocoder, date_order=date_order)

    def parse(self, text: str) -> ParsedQuery:
        """A message read against this library: its places, concepts and dates."""
        return self.context.parse(text)

    # ---- one turn per message: classify, then dispatch ---------------------------------------------
    def respond(self, state: ChatState, message: str) -> Turn:
        """Understand a chat message in the context of the conversation so far, and act on it."""
        message, cut = clean_message(message)
        intent = classify(message, state, self.parse)
        turn = self.dispatch(state, intent)
        parsed = getattr(intent, "parsed", None)
        if parsed is not None and parsed.language != "en":  # reply templates exist in English only (prompts/replies.toml)
            turn = dataclasses.replace(turn, reply=f"{turn.reply}\n\n{self.replies('english_replies', language=language_name(parsed.language))}")
        if cut:
            turn = dataclasses.replace(turn, reply=f"{self.replies('message_cut', limit=MAX_MESSAGE_CHARS)}\n\n{turn.reply}")
        still_reading = self.still_reading()
        if still_reading and not turn.keeps_screen:  # what was searched may lack words not read yet
            turn = dataclasses.replace(turn, reply=f"{turn.reply}\n\n{still_reading}")
        return turn

    def still_reading(self) -> str:
        """What the library's enrichment steps had still to read when its generation was committed; "" if nothing."""
        steps = [self.replies(f"reading_{step}", done=done, total=total) for step, (done, total) in self.library.enriching.items()]
        return self.replies("still_reading", steps="; ".join(steps)) if steps else ""

    def dispatch(self, state: ChatState, intent: Intent) -> Turn:
        """The one handler for each intent."""
        handlers: dict[type, Callable[[], Turn]] = {
            Empty: lambda: Turn.talk(state, self.replies("empty_message")),
            StartOver: self.start_over,
            ShowEvidence: lambda: self.show_evidence(state),
            OtherAnswer: lambda: self.other_answer(state),
            Choose: lambda: self.choose(state, intent.number - 1),
            MoreLike: lambda: self.more_like(state, intent.image_id),
            NotThis: lambda: self.not_this(state, intent.image_id),
            UnknownReference: lambda: self.unknown_reference(state),
            Question: lambda: self.ask_anew(state, intent.parsed),
            NewMemory: lambda: self.new_search(state, intent.parsed),
            FollowUpQuestion: lambda: self.refined(state, intent.parsed, correction=True),
            Correction: lambda: self.refined(state, intent.parsed, correction=True),
            Negation: lambda: self.refined(state, intent.parsed, correction=False),
            Refinement: lambda: self.refined(state, intent.parsed, correction=False),
            Memory: lambda: self.refined(state, intent.parsed, correction=False),
        }
        return handlers[type(intent)]()

    # ---- the handlers ------------------------------------------------------------------------------
    def refined(self, state: ChatState, parsed: ParsedQuery, *, correction: bool) -> Turn:
        """The query so far with what a message adds, or with what it corrects replaced."""
        query = refine(state.query, parsed, correction)
        state = dataclasses.replace(state, query=query, choices=(), turns=state.turns + 1)
        return self._update(state, self.replies("understood", summary=query.describe()))

    def new_search(self, state: ChatState, parsed: ParsedQuery) -> Turn:
        """Another moment: searched afresh, the previous search offered back."""
        previous = dataclasses.replace(state, choices=())
        fresh = ChatState(query=parsed, turns=state.turns + 1)
        return self._update(fresh, self.replies("new_search", summary=parsed.describe()), previous=previous)

    def ask_anew(self, state: ChatState, parsed: ParsedQuery) -> Turn:
        """A question of its own, asked in the last question's scope unless it names one; asked of the whole
        life when nothing of it is in that scope."""
        scoped = in_scope_of(parsed, state.query)
        turn = self._ask(ChatState(query=scoped, turns=state.turns + 1), "")
        if scoped is not parsed and turn.state.asked.value is None:
            turn = self._ask(ChatState(query=parsed, turns=state.turns + 1), "")
        return turn

    def choose(self, state: ChatState, index: int) -> Turn:
        """Take the choice offered at this index (0-based), as clicking it or replying with its number does."""
        if not 0 <= index < len(state.choices):
            return Turn.talk(state, self.replies("no_such_choice", number=index + 1) if state.choices else self.replies("no_choices"))
        picked = state.choices[index]
        if picked.restores is not None:
            state = dataclasses.replace(picked.restores, turns=state.turns + 1)
        else:
            state = dataclasses.replace(state, query=picked.query, choices=())
        return self._update(state, self.replies(picked.reply, label=picked.label))

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
        return self._answer_turn(state, asked, moments_of_photos(self.library, asked.evidence), candidate_reply(self.replies, asked))

    def unknown_reference(self, state: ChatState) -> Turn:
        template = "reference_unknown" if state.shown else "reference_nothing_shown"
        return Turn.talk(state, self.replies(template, shown=len(state.shown)))

    def start_over(self) -> Turn:
        """A fresh conversation ("start over", the button, the chat's bin)."""
        return Turn(ChatState(), self.replies("started_over"))

    def more_like(self, state: ChatState, image_id: str) -> Turn:
        """Query by example within the current constraints (a click on a photo, or "more like the second one")."""
        self.require_photo(image_id)
        liked = state.liked if image_id in state.liked else state.liked + (image_id,)
        state = dataclasses.replace(state, example_id=image_id, liked=liked, unliked=tuple(i for i in state.unliked if i != image_id), choices=())
        within = self.replies("more_like_within") if state.query is not None and state.query.chips() else ""
        return self._update(state, self.replies("more_like", image_id=image_id, within=within))

    def not_this(self, state: ChatState, image_id: str) -> Turn:
        self.require_photo(image_id)
        state = dataclasses.replace(
            state,
            unliked=state.unliked if image_id in state.unliked else state.unliked + (image_id,),
            liked=tuple(i for i in state.liked if i != image_id),
            example_id=None if state.example_id == image_id else state.example_id,
            choices=(),
        )
        return self._update(state, self.replies("not_this"))

    def remove_chips(self, state: ChatState, chips: list[Chip]) -> Turn:
        """Drop the parts of the search behind these chips, then search again."""
        if not chips:
            return Turn.talk(state, self.replies("nothing_changed"))
        return self._update(state.without(chips), self.replies("removed", label=", ".join(chip.label for chip in chips)))

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

    def open_moment(self, moment: EventHit) -> OpenedMoment:
        """A moment opened: its best photo mid-strip, with a few photos spread over the minutes either side."""
        best = moment["best"]
        strip = photos_around(self.library, best["image_id"], minutes=TIMELINE_MINUTES)
        chosen = next(i for i, record in enumerate(strip) if record["image_id"] == best["image_id"])
        strip = _spread(strip[:chosen], TIMELINE_SIDE) + [strip[chosen]] + _spread(strip[chosen + 1:], TIMELINE_SIDE)
        return OpenedMoment(moment, strip, self.replies("time_approximate") if best.get("time_approx") else "")

    def require_photo(self, image_id: str) -> None:
        if self.library.row_of(image_id) is None:
            raise ValueError(f"no photo {image_id!r} in this library")

    # ---- searching and answering -------------------------------------------------------------------
    def _update(self, state: ChatState, opening: str, *, previous: ChatState | None = None) -> Turn:
        """The state's query acted on: a question is answered again (after any change to its scope), anything
        else searched for; `previous` is a search it replaced, offered back."""
        if state.asking and not (state.example_id or state.liked or state.unliked):
            return self._ask(state, opening)
        return self._search(dataclasses.replace(state, asked=None), opening, previous)

    def _search(self, state: ChatState, opening: str, previous: ChatState | None) -> Turn:
        """Search with the conversation's state and say what was found."""
        request = SearchRequest(
            query=state.query,
            example_id=state.example_id,
            like_ids=tuple(i for i in state.liked if i != state.example_id),
            unlike_ids=state.unliked,
            top_k=self.top_k,
        )
        result = search(self.library, self.encoder, request, self.context)
        lines = [opening, *self._found(state, result), *result.notices]
        if result.near_misses is not None:
            lines.append(self.replies("near_misses", sentence=result.near_misses.sentence))
        choices, intro = self._offers(state, result, previous)
        lines += [intro] if intro else []
        lines += [choice.offer for choice in choices]
        near = result.near_misses.events if result.near_misses is not None else []  # numbered after the exact moments
        state = dataclasses.replace(state, shown=tuple(m["best"]["image_id"] for m in result.events + near), choices=choices)
        return Turn(state, "\n\n".join(lines), result.events, result)

    def _offers(self, state: ChatState, result: SearchResult, previous: ChatState | None) -> tuple[tuple[Choice, ...], str]:
        """The numbered choices a search offers, and the line that introduces them: which of an ambiguous
        place was meant, or a relaxed search when little was found; then the previous search, back."""
        choices: tuple[Choice, ...] = ()
        intro = ""
        if state.query is not None and state.query.ambiguous:
            ambiguity = state.query.ambiguous[0]
            choices = tuple(
                Choice(candidate.label, with_place(state.query, ambiguity, candidate), "picked_place",
                       self.replies("place_choice", number=n, label=candidate.label))
                for n, candidate in enumerate(ambiguity.candidates, 1)
            )
            intro = self.replies("ambiguous_place", phrase=ambiguity.phrase)
        elif result.hints and len(result.events) < 3:
            choices = tuple(
                Choice(hint.label, hint.query, "pick_hint", self.replies("hint_choice", number=n, count=hint.count, label=hint.label))
                for n, hint in enumerate(result.hints, 1)
            )
            intro = self.replies("hints_intro")
        if previous is not None:
            summary = " · ".join(chip.label for chip in previous.chips())
            offer = self.replies("previous_choice", number=len(choices) + 1, summary=summary)
            choices += (Choice(summary, previous.query, "back_to_previous", offer, restores=previous),)
        return choices, intro

    def _found(self, state: ChatState, result: SearchResult) -> list[str]:
        """What the search found, in words: the moments that match the description, then those that only fit the time and place."""
        channels = self.replies("channels_captions_only") if result.channels and result.channels[0] == "text" else ""
        moments = result.events
        matching = sum(moment["matched"] for moment in moments)
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

    def _ask(self, state: ChatState, opening: str) -> Turn:
        """Answer the question the query asks: the answer first, its evidence as the moments."""
        asked, moments = ask(self.library, state.query, self.encoder)
        reply = "\n\n".join(filter(None, [answer_reply(self.replies, asked, moments), opening]))
        return self._answer_turn(state, asked, moments, reply)

    def _answer_turn(self, state: ChatState, asked: Asked, moments: list[EventHit], reply: str, opened: EventHit | None = None) -> Turn:
        """A turn that shows an answer's (or a candidate's) evidence as the moments on screen."""
        state = dataclasses.replace(state, asked=asked, shown=tuple(m["best"]["image_id"] for m in moments), choices=())
        return Turn(state, reply, moments, opened=opened)


def _spread(records: list[PhotoRecord], count: int) -> list[PhotoRecord]:
    """At most `count` records, evenly spaced, keeping the first and the last."""
    if len(records) <= count:
        return records
    step = (len(records) - 1) / (count - 1)
    return [records[round(i * step)] for i in range(count)]
