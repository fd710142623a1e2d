"""The screen's callbacks: each gathers its inputs, takes one action, and returns {component: value} for what
it changes (a component left out stays as it is)."""

from __future__ import annotations

import functools
from typing import Callable

import gradio as gr

from ..chat import ChatState, Turn
from ..search import EventHit
from .actions import Actions, Visitor
from .presentation import chat_history, chip_choices, gallery_items, judgement_note, map_image, missing_note, session_panel
from .screen import Screen


def user_errors(handler: Callable) -> Callable:
    """Show a bad request (unknown photo, unreadable input) as a message, not as a server error."""

    @functools.wraps(handler)
    def wrapped(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except ValueError as error:
            raise gr.Error(str(error)) from error

    return wrapped


def visitor(request: gr.Request) -> Visitor:
    return Visitor(request.username, request.session_hash or "")


def turn_update(screen: Screen, turn: Turn, history: list, message: str | None, replies=None,
                map_of: Callable[[list[EventHit]], object] = map_image) -> dict:
    """What a turn changes: the chat always; the moments, chips, map and choices unless the turn only talks.
    A new set of moments closes the open moment; with `replies`, the chat says when photos shown are missing
    from their folders; `map_of` draws the moments' map (the screen's: over the library's trail)."""
    missing = missing_note(turn.moments, replies) if replies is not None else ""
    chat = {screen.chatbot: chat_history(history, message, f"{turn.reply}\n\n{missing}" if missing else turn.reply), screen.message: ""}
    if turn.keeps_screen:
        return chat
    matching, rest, near = turn.matching, turn.time_and_place_only, turn.near_misses
    current = chip_choices(turn.state)
    return chat | {
        screen.results: gallery_items(matching),
        screen.others: gr.update(value=gallery_items(rest, first_number=len(matching) + 1), visible=bool(rest)),
        screen.near: gr.update(value=gallery_items(near, first_number=len(turn.moments) + 1), visible=bool(near)),
        screen.chip_box: gr.update(choices=current, value=[chip_id for _, chip_id in current]),
        screen.where: map_of(turn.moments),
        screen.state: turn.state,
        screen.matching_moments: matching,
        screen.other_moments: rest,
        screen.near_moments: near,
        screen.panel: gr.update(visible=turn.opened is not None),
        screen.choice_box: gr.update(choices=[choice.offer for choice in turn.state.choices], value=None, visible=bool(turn.state.choices)),
    }


class ScreenHandlers:
    """The screen's callbacks over the shared actions; layout.py says which event calls which. Named on_…, as
    Gradio names an event after its function and the API's endpoints (api.py) have the plain names."""

    def __init__(self, actions: Actions, screen: Screen):
        self.actions, self.screen, self.replies = actions, screen, actions.pool.replies

    def turn_update(self, turn: Turn, history: list, message: str | None, request: gr.Request) -> dict:
        """What the turn changes on this visitor's screen, its map drawn over their library's trail."""
        return turn_update(self.screen, turn, history, message, self.replies, functools.partial(self.actions.map_of, visitor(request)))

    def on_ready(self, request: gr.Request, progress=gr.Progress()) -> dict:
        """Load this visitor's library (with progress over the notice), then say what loading had to say."""
        self.actions.pool.assistant(progress, request.username)
        text = self.actions.pool.notice(request.username)
        return {self.screen.notice: gr.update(value=text, visible=bool(text))}

    def on_status(self) -> dict:
        """The status line: what is being loaded or read behind the chat, and the time left."""
        line = self.actions.pool.status()
        return {self.screen.status: f"⏳ {line}" if line else ""}

    @user_errors
    def on_message(self, text, history, chat_state, request: gr.Request, progress=gr.Progress()) -> dict:
        turn = self.actions.message(visitor(request), chat_state, text, progress)
        opened = self._opened(turn.opened, request) if turn.opened is not None else {}
        return self.turn_update(turn, history, text, request) | opened

    @user_errors
    def on_choice(self, index, history, chat_state, request: gr.Request) -> dict:
        offer, turn = self.actions.choose(visitor(request), chat_state, index)
        return self.turn_update(turn, history, offer, request)

    @user_errors
    def on_start_over(self, history, request: gr.Request) -> dict:
        return self.turn_update(self.actions.start_over(visitor(request)), history, "(start over)", request)

    @user_errors
    def on_chips(self, kept, history, chat_state, request: gr.Request) -> dict:
        removed, turn = self.actions.keep_chips(visitor(request), chat_state, kept or [])
        said = "(untick " + ", ".join(chip.label for chip in removed) + ")" if removed else None
        return self.turn_update(turn, history, said, request)

    @user_errors
    def on_select_moment(self, moments: list[EventHit], request: gr.Request, evt: gr.SelectData) -> dict:
        """Open the moment clicked in a gallery (`moments`: that gallery's)."""
        return self._opened(moments[evt.index], request)

    @user_errors
    def on_timeline_click(self, ids, history, chat_state, request: gr.Request, evt: gr.SelectData) -> dict:
        image_id = ids[evt.index]
        turn = self.actions.more_like(visitor(request), chat_state, image_id, source="timeline")
        return self.turn_update(turn, history, f"(more like photo {image_id})", request)

    def on_opened_photo(self, act: Callable[[Visitor, ChatState, str], Turn], label: str) -> Callable:
        """A button acting on the photo of the moment open in the panel."""

        @user_errors
        def handler(image_id, history, chat_state, request: gr.Request) -> dict:
            if not image_id:
                return self.turn_update(Turn.talk(chat_state, self.replies("open_a_moment")), history, f"({label})", request)
            return self.turn_update(act(visitor(request), chat_state, image_id), history, f"({label})", request)

        return handler

    @user_errors
    def on_this_is_it(self, image_id, history, request: gr.Request) -> dict:
        if not image_id:
            return {self.screen.chatbot: chat_history(history, "(this is it)", self.replies("open_a_moment"))}
        submitted = self.actions.submit(visitor(request), image_id)
        elapsed = f" after {submitted['elapsed_s']:.0f} s" if submitted["elapsed_s"] is not None else ""
        reply = self.replies("submitted", image_id=image_id, elapsed=elapsed) + judgement_note(submitted)
        return {self.screen.chatbot: chat_history(history, "(this is it)", reply)}

    @user_errors
    def on_tick(self, request: gr.Request) -> dict:
        return self._session(self.actions.session_view(visitor(request)))

    @user_errors
    def on_next_topic(self, request: gr.Request) -> dict:
        return self._session(self.actions.next_topic(visitor(request)))

    @user_errors
    def on_answer(self, text, history, request: gr.Request) -> dict:
        submitted = self.actions.answer(visitor(request), text)
        reply = "Answer recorded." + judgement_note(submitted)
        return {self.screen.chatbot: chat_history(history, f"(answer: {submitted['answer']})", reply), self.screen.answer_box: ""}

    def on_topic(self, topic, request: gr.Request) -> None:
        self.actions.set_topic(visitor(request), topic)

    def _opened(self, moment: EventHit, request: gr.Request) -> dict:
        """The moment panel filled for this moment, and shown."""
        text, items, ids = self.actions.open_moment(visitor(request), moment)
        screen = self.screen
        return {
            screen.panel: gr.update(visible=True), screen.panel_text: text, screen.timeline: items, screen.strip_ids: ids,
            screen.selected: moment["best"]["image_id"],
        }

    def _session(self, view) -> dict:
        """The topic panel, the countdown, and the answer box shown only for a question topic."""
        topic, countdown = session_panel(view)
        asks = view.topic is not None and view.topic.kind == "QA"
        return {self.screen.session_topic: topic, self.screen.countdown: countdown, self.screen.answer_row: gr.update(visible=asks)}
