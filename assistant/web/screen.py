"""The screen's components, laid out once and held by name, so a handler says which one it changes.

`lay_out_screen` must run inside a `gr.Blocks`; what the components do is wired in layout.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ..chat import ChatState, Replies

RESULT_COLUMNS = 4
SESSION_TICK_S = 1.0  # how often the screen refreshes a session's hints and countdown
STATUS_TICK_S = 2.0  # how often the status line asks what is being loaded or read behind the chat


@dataclass(frozen=True, eq=False)
class Screen:
    """Every component of the screen, by name; the gr.State ones hold what the browser session carries."""

    notice: gr.Markdown
    status: gr.Markdown  # the one progress display: what is being done behind the chat, and the time left
    status_ticker: gr.Timer
    topic_box: gr.Textbox  # a study's task name, typed by the experimenter
    session_topic: gr.Markdown
    countdown: gr.Markdown
    answer_row: gr.Row
    answer_box: gr.Textbox
    answer_button: gr.Button
    next_button: gr.Button
    ticker: gr.Timer
    chatbot: gr.Chatbot
    choice_box: gr.Radio
    message: gr.Textbox
    send: gr.Button
    start_over: gr.Button
    chip_box: gr.CheckboxGroup
    results: gr.Gallery  # the moments that match the description
    others: gr.Gallery  # the moments that only fit the time and place
    near: gr.Gallery  # near misses: moments just outside the remembered time that match the description well
    panel: gr.Column  # the open moment
    panel_text: gr.Markdown
    timeline: gr.Gallery
    more_button: gr.Button
    not_button: gr.Button
    before_button: gr.Button
    after_button: gr.Button
    this_is_it: gr.Button
    where: gr.Image
    state: gr.State  # the ChatState
    matching_moments: gr.State  # the moments in `results`, in order
    other_moments: gr.State  # the moments in `others`, in order
    near_moments: gr.State  # the moments in `near`, in order
    strip_ids: gr.State  # the photo ids of the open moment's timeline
    selected: gr.State  # the photo id of the open moment

    @property
    def turn_outputs(self) -> list:
        """Everything a turn may change: the chat, the moments, the chips, the map, the choices, and the open moment."""
        return [
            self.chatbot, self.message, self.results, self.others, self.near, self.chip_box, self.where, self.state,
            self.matching_moments, self.other_moments, self.near_moments, self.choice_box, *self.moment_outputs,
        ]

    @property
    def moment_outputs(self) -> list:
        """What opening a moment fills."""
        return [self.panel, self.panel_text, self.timeline, self.strip_ids, self.selected]

    @property
    def session_outputs(self) -> list:
        return [self.session_topic, self.countdown, self.answer_row]


def lay_out_screen(replies: Replies, *, studying: bool, running: bool, default_topic: str | None) -> Screen:
    """The components in their places: a session's panel on top, the chat on the left, the moments on the right."""
    gr.Markdown("## Lifelog Assistant\nDescribe a moment you remember; refine it as you would tell a friend.")
    notice = gr.Markdown(replies("loading"), elem_id="notice")
    # every event draws its progress here and nowhere else, tall enough for Gradio's bar
    status = gr.Markdown(elem_id="status", min_height=48)
    topic_box = gr.Textbox(label="Topic (study task)", value=default_topic, visible=studying and not running, elem_id="topic")
    session = _session_panel(running)
    with gr.Row():
        with gr.Column(scale=5):
            chat = _chat_column(replies)
        with gr.Column(scale=7):
            moments = _moments_column(replies, studying)
    return Screen(
        notice=notice, status=status, status_ticker=gr.Timer(STATUS_TICK_S), topic_box=topic_box, **session, **chat, **moments,
        state=gr.State(ChatState()), matching_moments=gr.State([]), other_moments=gr.State([]), near_moments=gr.State([]),
        strip_ids=gr.State([]), selected=gr.State(None),
    )


def _session_panel(running: bool) -> dict:
    """A session's topic, its countdown, the answer box of a question topic, and the button to the next topic."""
    with gr.Column(visible=running, variant="panel", elem_id="session"):
        session_topic = gr.Markdown(elem_id="session-topic")
        countdown = gr.Markdown(elem_id="countdown")
        with gr.Row(visible=False) as answer_row:
            answer_box = gr.Textbox(label="Your answer", scale=4, elem_id="answer")
            answer_button = gr.Button("Submit answer", variant="primary", scale=1, elem_id="submit-answer")
        next_button = gr.Button("Next topic", size="sm", elem_id="next-topic")
    return dict(
        session_topic=session_topic, countdown=countdown, answer_row=answer_row, answer_box=answer_box, answer_button=answer_button,
        next_button=next_button, ticker=gr.Timer(SESSION_TICK_S, active=running),
    )


def _chat_column(replies: Replies) -> dict:
    chatbot = gr.Chatbot(label="Conversation", height=460, value=[{"role": "assistant", "content": replies("welcome")}], elem_id="chat")
    choice_box = gr.Radio(label="Or click one", choices=[], type="index", visible=False, elem_id="choices")
    message = gr.Textbox(placeholder="e.g. pints in a pub on a Friday evening in Dublin", show_label=False, elem_id="message")
    with gr.Row():
        send = gr.Button("Send", variant="primary", elem_id="send")
        start_over = gr.Button("Start over", elem_id="start-over")
    return dict(chatbot=chatbot, choice_box=choice_box, message=message, send=send, start_over=start_over)


def _moments_column(replies: Replies, studying: bool) -> dict:
    """The chips, the matching moments, those that only fit the time and place, the near misses, the open moment and the map."""
    chip_box = gr.CheckboxGroup(label="Search uses (untick to drop)", choices=[], elem_id="chips")
    results = gr.Gallery(label="Moments (click one to open it)", columns=RESULT_COLUMNS, height=330, allow_preview=False, elem_id="results")
    others = gr.Gallery(
        label=replies("rest_heading"), columns=RESULT_COLUMNS, height=200, allow_preview=False, visible=False, elem_id="time-and-place-only",
    )
    near = gr.Gallery(
        label=replies("near_misses_heading"), columns=RESULT_COLUMNS, height=200, allow_preview=False, visible=False, elem_id="near-misses",
    )
    with gr.Column(visible=False, elem_id="moment", variant="panel") as panel:
        panel_text = gr.Markdown()
        timeline = gr.Gallery(label="Around this moment", rows=1, height=140, allow_preview=False, elem_id="timeline")
        with gr.Row():
            more_button = gr.Button("More like this", elem_id="more-like", size="sm", min_width=60)
            not_button = gr.Button("Not this", elem_id="not-this", size="sm", min_width=60)
            before_button = gr.Button("What happened before", elem_id="before", size="sm", min_width=60)
            after_button = gr.Button("What happened after", elem_id="after", size="sm", min_width=60)
            this_is_it = gr.Button("This is it", variant="primary", size="sm", min_width=60, visible=studying, elem_id="this-is-it")
    where = gr.Image(label="Where", type="pil", height=300, interactive=False, elem_id="map")
    return dict(
        chip_box=chip_box, results=results, others=others, near=near, panel=panel, panel_text=panel_text, timeline=timeline, more_button=more_button,
        not_button=not_button, before_button=before_button, after_button=after_button, this_is_it=this_is_it, where=where,
    )
