"""The scripting API: the screen's actions, JSON out, through hidden components that only carry requests.

Scripts talk to the app through /chat, /more_like, /reset, /submit and /topic; each client keeps its own
state. A session (--topics) adds /session (the topic, hints and time left), /answer and /next_topic.
"""

from __future__ import annotations

import gradio as gr

from ..chat import ChatState, Turn
from .actions import Actions
from .handlers import user_errors, visitor


def api_reply(turn: Turn) -> tuple[dict, ChatState]:
    """What an API call returns: the turn as JSON, and the state the client keeps for its next call."""
    return turn.to_api(), turn.state


class Api:
    """Each endpoint takes one action for the caller's own state."""

    def __init__(self, actions: Actions):
        self.actions = actions

    @user_errors
    def chat(self, text: str, chat_state: ChatState, request: gr.Request):
        return api_reply(self.actions.message(visitor(request), chat_state, text))

    @user_errors
    def more_like(self, image_id: str, chat_state: ChatState, request: gr.Request):
        return api_reply(self.actions.more_like(visitor(request), chat_state, image_id))

    def reset(self, request: gr.Request):
        return api_reply(self.actions.start_over(visitor(request)))

    @user_errors
    def submit(self, image_id: str, request: gr.Request):
        return self.actions.submit(visitor(request), image_id)

    def topic(self, topic: str, request: gr.Request):
        return {"topic": self.actions.set_topic(visitor(request), topic)}

    @user_errors
    def session(self, request: gr.Request):
        return self.actions.session_view(visitor(request)).to_api()

    @user_errors
    def answer(self, text: str, request: gr.Request):
        return self.actions.answer(visitor(request), text)

    @user_errors
    def next_topic(self, request: gr.Request):
        return self.actions.next_topic(visitor(request)).to_api()

    def mount(self, state: gr.State, *, running: bool) -> None:
        """The endpoints, each on a hidden component; the session's only when the app runs one."""
        out = gr.JSON(visible=False)
        chat_text, photo_id = gr.Textbox(visible=False), gr.Textbox(visible=False)
        chat_text.submit(self.chat, [chat_text, state], [out, state], api_name="chat")
        photo_id.submit(self.more_like, [photo_id, state], [out, state], api_name="more_like")
        gr.Button(visible=False).click(self.reset, None, [out, state], api_name="reset")
        submitted_id, topic_text = gr.Textbox(visible=False), gr.Textbox(visible=False)
        submitted_id.submit(self.submit, [submitted_id], [out], api_name="submit")
        topic_text.submit(self.topic, [topic_text], [out], api_name="topic")
        if running:
            gr.Button(visible=False).click(self.session, None, [out], api_name="session")
            answer_text = gr.Textbox(visible=False)
            answer_text.submit(self.answer, [answer_text], [out], api_name="answer")
            gr.Button(visible=False).click(self.next_topic, None, [out], api_name="next_topic")
