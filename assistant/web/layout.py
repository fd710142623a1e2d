"""The app: the screen laid out (screen.py), each event wired to its handler (handlers.py), and the API (api.py)."""

from __future__ import annotations

import functools

import gradio as gr

from .actions import Actions
from .api import Api
from .handlers import ScreenHandlers
from .pool import AssistantPool
from .screen import RESULT_COLUMNS, Screen, lay_out_screen

# Gradio cuts gallery captions to one line, and stretches a gallery of fewer photos than columns to the full
# width (one result became a 700 px banner); a moment's caption (number, day, time, place) must be readable,
# and the timeline is one row that scrolls sideways, however many photos it holds.
CSS = f"""
#results .caption-label, #timeline .caption-label {{ white-space: normal; text-overflow: clip; line-height: 1.25; }}
#results .grid-container {{ --grid-cols: {RESULT_COLUMNS} !important; }}
#timeline .grid-container {{ grid-auto-flow: column; grid-template-columns: none; grid-auto-columns: 104px; }}
#timeline .grid-wrap {{ overflow-x: auto; }}
"""
HIDDEN = dict(api_visibility="undocumented")  # the screen's own events are no API


def shown_in(status: gr.Markdown) -> dict:
    """An event's progress drawn in the one status line, not over each of its outputs (the chat, the galleries,
    the map and the input box each had its own copy of the bar)."""
    return dict(show_progress="minimal", show_progress_on=[status], **HIDDEN)


def build_app(pool: AssistantPool) -> gr.Blocks:
    """The screen and the API over one pool of assistants."""
    actions, running = Actions(pool), pool.session is not None
    studying = pool.study.log is not None or running
    with gr.Blocks(title="Lifelog Assistant") as demo:
        screen = lay_out_screen(pool.replies, studying=studying, running=running, default_topic=pool.study.default_topic)
        handlers = ScreenHandlers(actions, screen)
        demo.load(handlers.on_ready, outputs=[screen.notice], **shown_in(screen.status))
        screen.status_ticker.tick(handlers.on_status, None, [screen.status], show_progress="hidden", **HIDDEN)
        wire_chat(screen, handlers)
        wire_moments(screen, handlers, actions)
        if running:
            wire_session(screen, handlers, demo)
        Api(actions).mount(screen.state, running=running)
    return demo


def wire_chat(screen: Screen, handlers: ScreenHandlers) -> None:
    """A message, a choice, a chip unticked, starting over, and a study's topic."""
    shown = shown_in(screen.status)
    said = [screen.message, screen.chatbot, screen.state]
    screen.message.submit(handlers.on_message, said, screen.turn_outputs, **shown)
    screen.send.click(handlers.on_message, said, screen.turn_outputs, **shown)
    screen.start_over.click(handlers.on_start_over, [screen.chatbot], screen.turn_outputs, **shown)
    screen.chatbot.clear(handlers.on_start_over, [screen.chatbot], screen.turn_outputs, **shown)  # the chat's own bin starts over too
    screen.choice_box.input(handlers.on_choice, [screen.choice_box, screen.chatbot, screen.state], screen.turn_outputs, **shown)
    screen.chip_box.input(handlers.on_chips, [screen.chip_box, screen.chatbot, screen.state], screen.turn_outputs, **shown)
    screen.topic_box.submit(handlers.on_topic, [screen.topic_box], None, **shown)
    screen.topic_box.blur(handlers.on_topic, [screen.topic_box], None, **shown)


def wire_moments(screen: Screen, handlers: ScreenHandlers, actions: Actions) -> None:
    """Opening a moment, and the buttons and strip of the open one."""
    shown = shown_in(screen.status)
    screen.results.select(handlers.on_select_moment, [screen.matching_moments], screen.moment_outputs, **shown)
    screen.others.select(handlers.on_select_moment, [screen.other_moments], screen.moment_outputs, **shown)
    screen.near.select(handlers.on_select_moment, [screen.near_moments], screen.moment_outputs, **shown)
    screen.timeline.select(handlers.on_timeline_click, [screen.strip_ids, screen.chatbot, screen.state], screen.turn_outputs, **shown)
    on_photo = [screen.selected, screen.chatbot, screen.state]
    buttons = {
        screen.more_button: (actions.more_like, "more like this"),
        screen.not_button: (actions.not_this, "not this"),
        screen.before_button: (functools.partial(actions.around, direction="before"), "what happened before"),
        screen.after_button: (functools.partial(actions.around, direction="after"), "what happened after"),
    }
    for button, (act, label) in buttons.items():
        button.click(handlers.on_opened_photo(act, label), on_photo, screen.turn_outputs, **shown)
    screen.this_is_it.click(handlers.on_this_is_it, [screen.selected, screen.chatbot], [screen.chatbot], **shown)


def wire_session(screen: Screen, handlers: ScreenHandlers, demo: gr.Blocks) -> None:
    """A session's topic panel kept fresh, the next topic, and a question topic's answer."""
    shown = shown_in(screen.status)
    demo.load(handlers.on_tick, None, screen.session_outputs, **shown)
    screen.ticker.tick(handlers.on_tick, None, screen.session_outputs, show_progress="hidden", **HIDDEN)
    screen.next_button.click(handlers.on_next_topic, None, screen.session_outputs, **shown)
    answered = [screen.answer_box, screen.chatbot]
    screen.answer_box.submit(handlers.on_answer, answered, [screen.chatbot, screen.answer_box], **shown)
    screen.answer_button.click(handlers.on_answer, answered, [screen.chatbot, screen.answer_box], **shown)
