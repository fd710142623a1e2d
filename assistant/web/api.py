"""The scripting API: the screen's actions, JSON out, through hidden components that only carry requests.

Scripts talk to the app through /chat, /more_like, /reset, /submit and /topic; each client keeps its own
state. A session (--topics) adds /session (the topic, hints and time left), /answer and /next_topic. A call
without its values, or whose body is not JSON, is answered 4xx with the shape to send (ApiRequestCheck).
"""

from __future__ import annotations

import json
import re

import gradio as gr

from ..chat import ChatState, Turn
from .actions import Actions
from .handlers import user_errors, visitor


# What each endpoint's "data" list holds, as a caller must send it (endpoints that take nothing are not listed).
API_INPUTS = {
    "chat": ["the message, as text"],
    "more_like": ["a photo id"],
    "submit": ["a photo id"],
    "topic": ["a topic id"],
    "answer": ["the answer, as text"],
}
# Gradio's routes that run a named endpoint: /call (queued, then read with GET), /call/v2, /run and /api.
_ENDPOINT_ROUTE = re.compile(r"^(?:/gradio_api)?/(?:call(?:/v2)?|run|api)/(?P<name>[A-Za-z_]+)/?$")


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


def request_problem(name: str, body: bytes) -> tuple[int, str] | None:
    """(HTTP status, what is wrong and what is expected) for a request body that endpoint `name` cannot take; None when it can.

    Gradio answers too few values with a server error (500, or an error event with no message), and bad JSON
    with a bare "JSON decode error": a script's author should be told the shape to send.
    """
    inputs = API_INPUTS[name]
    expected = json.dumps({"data": [f"<{what}>" for what in inputs]})
    try:
        sent = json.loads(body or b"null")
    except ValueError as error:
        return 400, f"/{name}: the request body is not JSON ({error}); send {expected}"
    if not isinstance(sent, dict) or not isinstance(sent.get("data"), list):
        return 422, f"/{name}: expected a JSON object with a \"data\" list, {expected}; got {_shown(sent)}"
    if len(sent["data"]) < len(inputs):
        return 422, f"/{name}: \"data\" holds {len(sent['data'])} of its {len(inputs)} value(s) ({', '.join(inputs)}); send {expected}"
    return None


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


class ApiRequestCheck:
    """ASGI middleware: a call to an API endpoint whose body it cannot take is answered 4xx with what to send, before Gradio sees it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        route = _ENDPOINT_ROUTE.match(scope["path"]) if scope["type"] == "http" and scope["method"] == "POST" else None
        if route is None or route["name"] not in API_INPUTS:
            await self.app(scope, receive, send)
            return
        chunks, more = [], True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        problem = request_problem(route["name"], body)
        if problem is not None:
            from starlette.responses import JSONResponse

            status, error = problem
            await JSONResponse({"error": error}, status_code=status)(scope, receive, send)
            return

        replayed = False

        async def replay():  # the body once more, for Gradio; then the connection's own messages (a disconnect)
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)
