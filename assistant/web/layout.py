"""The screen and its HTTP API, laid out once: components, and callbacks that gather inputs, call one action and format.

Scripts talk to the app through /chat, /more_like, /reset, /submit and /topic; each client keeps its own state.
A session (--topics) adds /session (the topic, hints and time left), /answer and /next_topic.
"""

from __future__ import annotations

import functools
from typing import Callable

import gradio as gr

from ..conversation import ChatState, Turn, matches_description
from .actions import Actions, Visitor
from .pool import AssistantPool
from .presentation import chat_history, chip_choices, gallery_items, judgement_note, map_image, missing_note, session_panel

RESULT_COLUMNS = 4
SESSION_TICK_S = 1.0  # how often the screen refreshes a session's hints and countdown

# Gradio cuts gallery captions to one line, and stretches a gallery of fewer photos than columns to the full
# width (one result became a 700 px banner); a moment's caption (number, day, time, place) must be readable,
# and the timeline is one row that scrolls sideways, however many photos it holds.
CSS = f"""
#results .caption-label, #timeline .caption-label {{ white-space: normal; text-overflow: clip; line-height: 1.25; }}
#results .grid-container {{ --grid-cols: {RESULT_COLUMNS} !important; }}
#timeline .grid-container {{ grid-auto-flow: column; grid-template-columns: none; grid-auto-columns: 104px; }}
#timeline .grid-wrap {{ overflow-x: auto; }}
"""


def screen_update(turn: Turn, history: list, message: str | None, replies=None) -> tuple:
    """Every output a turn changes, in the order of build_app's turn_outputs (with `replies`, the chat says when
    photos shown are missing from their folders)."""
    if turn.keeps_screen:  # only the chat changes: the moments, chips and open moment stay as they were
        return (chat_history(history, message, turn.reply), *[gr.skip()] * 6, "", gr.skip(), gr.skip())
    current = chip_choices(turn.state)
    matching, rest = turn.matching, turn.time_and_place_only
    missing = missing_note(turn.moments, replies) if replies is not None else ""
    return (
        chat_history(history, message, f"{turn.reply}\n\n{missing}" if missing else turn.reply),
        gallery_items(matching),
        gr.update(choices=current, value=[chip_id for _, chip_id in current]),
        map_image(turn.moments),
        turn.state,
        turn.moments,
        gr.update(visible=turn.opened is not None),  # a new set of moments closes the moment panel; "show me" opens one
        "",
        gr.update(choices=[choice.offer for choice in turn.state.choices], value=None, visible=bool(turn.state.choices)),
        gr.update(value=gallery_items(rest, first_number=len(matching) + 1), visible=bool(rest)),
    )


def api_reply(turn: Turn) -> tuple[dict, ChatState]:
    """What an API call returns: the turn as JSON, and the state the client keeps for its next call."""
    return turn.to_api(), turn.state


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


def build_app(pool: AssistantPool) -> gr.Blocks:
    """The screen and the API over one pool of assistants."""
    actions, replies, running = Actions(pool), pool.replies, pool.session is not None
    studying = pool.study.log is not None or running
    screen = functools.partial(screen_update, replies=replies)  # a turn's outputs, the chat saying when photos are missing
    with gr.Blocks(title="Lifelog Assistant") as demo:
        gr.Markdown("## Lifelog Assistant\nDescribe a moment you remember; refine it as you would tell a friend.")
        # visible and tall enough for the progress bar that loading (or building the demo lifelog) shows over it
        notice = gr.Markdown(replies("loading"), elem_id="notice", min_height=64)
        topic_box = gr.Textbox(label="Topic (study task)", value=pool.study.default_topic, visible=studying and not running, elem_id="topic")
        with gr.Column(visible=running, variant="panel", elem_id="session"):
            session_topic = gr.Markdown(elem_id="session-topic")
            countdown = gr.Markdown(elem_id="countdown")
            with gr.Row(visible=False) as answer_row:
                answer_box = gr.Textbox(label="Your answer", scale=4, elem_id="answer")
                answer_button = gr.Button("Submit answer", variant="primary", scale=1, elem_id="submit-answer")
            next_button = gr.Button("Next topic", size="sm", elem_id="next-topic")
        ticker = gr.Timer(SESSION_TICK_S, active=running)
        state = gr.State(ChatState())
        moments_state = gr.State([])
        strip_ids = gr.State([])
        selected = gr.State(None)
        with gr.Row():
            with gr.Column(scale=5):
                chatbot = gr.Chatbot(label="Conversation", height=460, value=[{"role": "assistant", "content": replies("welcome")}], elem_id="chat")
                choice_box = gr.Radio(label="Or click one", choices=[], type="index", visible=False, elem_id="choices")
                message = gr.Textbox(placeholder="e.g. pints in a pub on a Friday evening in Dublin", show_label=False, elem_id="message")
                with gr.Row():
                    send = gr.Button("Send", variant="primary", elem_id="send")
                    start_over = gr.Button("Start over", elem_id="start-over")
            with gr.Column(scale=7):
                chip_box = gr.CheckboxGroup(label="Search uses (untick to drop)", choices=[], elem_id="chips")
                results = gr.Gallery(label="Moments (click one to open it)", columns=RESULT_COLUMNS, height=330, allow_preview=False, elem_id="results")
                others = gr.Gallery(
                    label=replies("rest_heading"), columns=RESULT_COLUMNS, height=200, allow_preview=False, visible=False, elem_id="time-and-place-only",
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

        turn_outputs = [chatbot, results, chip_box, where, state, moments_state, panel, message, choice_box, others]

        def ready(request: gr.Request, progress=gr.Progress()):
            pool.assistant(progress, request.username)
            text = pool.notice(request.username)
            return gr.update(value=text, visible=bool(text))

        opened_outputs = [panel_text, timeline, strip_ids, selected]  # what a message that opens a moment fills ("show me")

        def opened_panel(turn: Turn, request: gr.Request) -> tuple:
            """The panel of the moment a turn opens, filled as a click on it fills it; nothing changes otherwise."""
            if turn.opened is None:
                return (gr.skip(),) * len(opened_outputs)
            text, items, ids = actions.open_moment(visitor(request), turn.opened)
            return text, items, ids, turn.opened["best"]["image_id"]

        @user_errors
        def on_message(text, history, chat_state, request: gr.Request, progress=gr.Progress()):
            turn = actions.message(visitor(request), chat_state, text, progress)
            return screen(turn, history, text) + opened_panel(turn, request)

        @user_errors
        def on_choice(index, history, chat_state, request: gr.Request):
            offer, turn = actions.choose(visitor(request), chat_state, index)
            return screen(turn, history, offer)

        @user_errors
        def on_start_over(history, request: gr.Request):
            return screen(actions.start_over(visitor(request)), history, "(start over)")

        @user_errors
        def on_chips(kept, history, chat_state, request: gr.Request):
            removed, turn = actions.keep_chips(visitor(request), chat_state, kept or [])
            return screen(turn, history, "(untick " + ", ".join(chip.label for chip in removed) + ")" if removed else None)

        def on_select_moment(first: Callable[[list], int]):
            """Open the moment clicked in a gallery whose first moment is moments[first(moments)]."""

            @user_errors
            def handler(moments, request: gr.Request, evt: gr.SelectData):
                moment = moments[first(moments) + evt.index]
                text, items, ids = actions.open_moment(visitor(request), moment)
                return gr.update(visible=True), text, items, ids, moment["best"]["image_id"]

            return handler

        @user_errors
        def on_timeline_click(ids, history, chat_state, request: gr.Request, evt: gr.SelectData):
            image_id = ids[evt.index]
            turn = actions.more_like(visitor(request), chat_state, image_id, source="timeline")
            return screen(turn, history, f"(more like photo {image_id})")

        def on_opened_photo(act: Callable[[Visitor, ChatState, str], Turn], label: str):
            """A button acting on the photo of the moment open in the panel."""

            @user_errors
            def handler(image_id, history, chat_state, request: gr.Request):
                if not image_id:
                    return screen(Turn.talk(chat_state, replies("open_a_moment")), history, f"({label})")
                return screen(act(visitor(request), chat_state, image_id), history, f"({label})")

            return handler

        @user_errors
        def on_this_is_it(image_id, history, request: gr.Request):
            if not image_id:
                return chat_history(history, "(this is it)", replies("open_a_moment"))
            submitted = actions.submit(visitor(request), image_id)
            elapsed = f" after {submitted['elapsed_s']:.0f} s" if submitted["elapsed_s"] is not None else ""
            return chat_history(history, "(this is it)", replies("submitted", image_id=image_id, elapsed=elapsed) + judgement_note(submitted))

        def session_outputs(view) -> tuple:
            """The topic panel, the countdown, and the answer box shown only for a question topic."""
            return (*session_panel(view), gr.update(visible=view.topic is not None and view.topic.kind == "QA"))

        @user_errors
        def on_tick(request: gr.Request):
            return session_outputs(actions.session_view(visitor(request)))

        @user_errors
        def on_next_topic(request: gr.Request):
            return session_outputs(actions.next_topic(visitor(request)))

        @user_errors
        def on_answer(text, history, request: gr.Request):
            submitted = actions.answer(visitor(request), text)
            return chat_history(history, f"(answer: {submitted['answer']})", "Answer recorded." + judgement_note(submitted)), ""

        def on_topic(topic, request: gr.Request):
            actions.set_topic(visitor(request), topic)

        around_before = functools.partial(actions.around, direction="before")
        around_after = functools.partial(actions.around, direction="after")
        hidden = dict(api_visibility="undocumented")
        demo.load(ready, outputs=notice, show_progress="full", **hidden)
        message.submit(on_message, [message, chatbot, state], turn_outputs + opened_outputs, **hidden)
        send.click(on_message, [message, chatbot, state], turn_outputs + opened_outputs, **hidden)
        start_over.click(on_start_over, [chatbot], turn_outputs, **hidden)
        chatbot.clear(on_start_over, [chatbot], turn_outputs, **hidden)  # the chat's own bin starts over too, not just blanks it
        choice_box.input(on_choice, [choice_box, chatbot, state], turn_outputs, **hidden)
        chip_box.input(on_chips, [chip_box, chatbot, state], turn_outputs, **hidden)
        moment_outputs = [panel, panel_text, timeline, strip_ids, selected]
        results.select(on_select_moment(lambda moments: 0), [moments_state], moment_outputs, **hidden)
        others.select(on_select_moment(lambda moments: sum(map(matches_description, moments))), [moments_state], moment_outputs, **hidden)
        timeline.select(on_timeline_click, [strip_ids, chatbot, state], turn_outputs, **hidden)
        more_button.click(on_opened_photo(actions.more_like, "more like this"), [selected, chatbot, state], turn_outputs, **hidden)
        not_button.click(on_opened_photo(actions.not_this, "not this"), [selected, chatbot, state], turn_outputs, **hidden)
        before_button.click(on_opened_photo(around_before, "what happened before"), [selected, chatbot, state], turn_outputs, **hidden)
        after_button.click(on_opened_photo(around_after, "what happened after"), [selected, chatbot, state], turn_outputs, **hidden)
        this_is_it.click(on_this_is_it, [selected, chatbot], [chatbot], **hidden)
        topic_box.submit(on_topic, [topic_box], None, **hidden)
        if running:
            session_view_outputs = [session_topic, countdown, answer_row]
            demo.load(on_tick, None, session_view_outputs, **hidden)
            ticker.tick(on_tick, None, session_view_outputs, show_progress="hidden", **hidden)
            next_button.click(on_next_topic, None, session_view_outputs, **hidden)
            answer_box.submit(on_answer, [answer_box, chatbot], [chatbot, answer_box], **hidden)
            answer_button.click(on_answer, [answer_box, chatbot], [chatbot, answer_box], **hidden)
        topic_box.blur(on_topic, [topic_box], None, **hidden)

        # The scripting API: the same actions, JSON out. Each client keeps its own state.
        @user_errors
        def api_chat(text: str, chat_state: ChatState, request: gr.Request):
            return api_reply(actions.message(visitor(request), chat_state, text))

        @user_errors
        def api_more_like(image_id: str, chat_state: ChatState, request: gr.Request):
            return api_reply(actions.more_like(visitor(request), chat_state, image_id))

        def api_reset(request: gr.Request):
            return api_reply(actions.start_over(visitor(request)))

        @user_errors
        def api_submit(image_id: str, request: gr.Request):
            return actions.submit(visitor(request), image_id)

        def api_topic(topic: str, request: gr.Request):
            return {"topic": actions.set_topic(visitor(request), topic)}

        api_text = gr.Textbox(visible=False)
        api_out = gr.JSON(visible=False)
        api_text.submit(api_chat, [api_text, state], [api_out, state], api_name="chat")
        api_id = gr.Textbox(visible=False)
        api_id.submit(api_more_like, [api_id, state], [api_out, state], api_name="more_like")
        api_reset_button = gr.Button(visible=False)
        api_reset_button.click(api_reset, None, [api_out, state], api_name="reset")
        api_submit_id = gr.Textbox(visible=False)
        api_submit_id.submit(api_submit, [api_submit_id], [api_out], api_name="submit")
        api_topic_text = gr.Textbox(visible=False)
        api_topic_text.submit(api_topic, [api_topic_text], [api_out], api_name="topic")
        if running:
            @user_errors
            def api_session(request: gr.Request):
                return actions.session_view(visitor(request)).to_api()

            @user_errors
            def api_answer(text: str, request: gr.Request):
                return actions.answer(visitor(request), text)

            @user_errors
            def api_next_topic(request: gr.Request):
                return actions.next_topic(visitor(request)).to_api()

            api_session_button = gr.Button(visible=False)
            api_session_button.click(api_session, None, [api_out], api_name="session")
            api_answer_text = gr.Textbox(visible=False)
            api_answer_text.submit(api_answer, [api_answer_text], [api_out], api_name="answer")
            api_next_button = gr.Button(visible=False)
            api_next_button.click(api_next_topic, None, [api_out], api_name="next_topic")
    return demo
