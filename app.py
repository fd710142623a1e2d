"""Lifelog Assistant: the Gradio screen, a thin shell over `assistant.conversation` and `assistant.search`.

    python app.py [--library LIB] [--model ID_OR_PATH] [--port P] [--share]

With no library, the built-in demo lifelog is built on first run. The module-level `demo` makes this file
work as a Hugging Face Space as is. Scripts talk to it through the /chat, /more_like and /reset API.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # nothing is sent anywhere

import gradio as gr  # noqa: E402

from assistant.conversation import Assistant, ChatState, Replies, Turn, chips  # noqa: E402
from assistant.library import Library  # noqa: E402
from assistant.mapview import MapPoint, render_map  # noqa: E402
from assistant.models import ModelNotAvailable, shared_clip  # noqa: E402
from assistant.search import EventHit, context  # noqa: E402
from assistant.settings import Settings  # noqa: E402

TIMELINE_MINUTES = 20  # the strip shows the photos this long before and after the chosen one


@dataclass
class Service:
    """The library and the model, loaded once (on first use, with progress) and shared by all sessions."""

    settings: Settings
    library_given: bool
    _assistant: Assistant | None = None
    notice: str = ""

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def assistant(self, progress: gr.Progress | None = None) -> Assistant:
        with self._lock:
            if self._assistant is None:
                self._assistant = self._load(progress)
            return self._assistant

    def _load(self, progress: gr.Progress | None) -> Assistant:
        replies = Replies()
        report = (lambda done, total, what: progress((done, total), desc=what)) if progress else None
        library_path = self.settings.library if self.library_given else None
        library_model = Library.open(library_path).model if library_path else None
        if report:
            report(0, 1, "loading the CLIP model")
        notices = []
        model = self.settings.model_for(library_model)
        if library_model and model != library_model:
            raise ValueError(f"the library was indexed with {library_model!r}, not {model!r}: start the app with --model {library_model}")
        try:
            encoder = shared_clip(model, device=self.settings.device, precision=self.settings.precision)
        except ModelNotAvailable as error:
            encoder = None
            notices.append(replies("no_model_notice", reason=str(error)))
        if library_path is None:
            from assistant.demo.build import ensure_demo_library

            library_path = ensure_demo_library(self.settings.demo_dir, encoder, report)
            notices.append(replies("demo_notice"))
        self.notice = "\n\n".join(notices)
        return Assistant(Library.open(library_path), encoder, replies=replies)

    def photo_roots(self) -> list[str]:
        """Folders the app may serve photos from: the library's own, nothing wider."""
        if self.library_given:
            return [str(root) for root in Library.open(self.settings.library).photo_roots]
        return [str(self.settings.demo_dir / "source" / "photos")]


# ---- formatting: turn results into what the components show ------------------------------------


def _when(local_time: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(local_time).strftime("%a %d %b %Y, %H:%M")


def gallery_items(moments: list[EventHit]) -> list[tuple[str, str]]:
    return [(m["best"]["path"], f"{n}. {_when(m['start_time'])} · {m['place'] or 'unknown place'}") for n, m in enumerate(moments, 1)]


def map_image(moments: list[EventHit]):
    points = [
        MapPoint(m["best"]["lat"], m["best"]["lng"], str(n))
        for n, m in enumerate(moments, 1)
        if m["best"]["lat"] is not None and m["best"]["lng"] is not None
    ]
    return render_map(points) if points else None


def chip_update(state: ChatState):
    current = chips(state)
    return gr.update(choices=current, value=[key for _, key in current])


def _chat_history(history: list, message: str | None, reply: str) -> list:
    history = list(history or [])
    if message:
        history.append({"role": "user", "content": message})
    history.append({"role": "assistant", "content": reply})
    return history


def render(turn: Turn, history: list, message: str | None):
    """Every output a turn changes, in the order of TURN_OUTPUTS."""
    return (
        _chat_history(history, message, turn.reply),
        gallery_items(turn.moments),
        chip_update(turn.state),
        map_image(turn.moments),
        turn.state,
        turn.moments,
        gr.update(visible=False),  # a new set of moments closes the moment panel
        "",
    )


def _plain(text: str) -> str:
    """Words read off a photo, shown as themselves: Markdown's special characters escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~-])", r"\\\1", text)


def moment_panel(assistant: Assistant, moment: EventHit):
    """Markdown and timeline strip for one moment."""
    best = moment["best"]
    strip = context(assistant.library, best["image_id"], minutes=TIMELINE_MINUTES)
    lines = [
        f"**{_when(moment['start_time'])} – {moment['end_time'][11:16]}** · {moment['place'] or 'unknown place'}",
        f"{moment['photo_count']} photos in this moment. Click a photo in the strip to find more like it.",
    ]
    if best["caption"]:
        lines.append(f"*{best['caption']}*")
    found = [(label, best.get(key, "")) for label, key in (("Words in the photo", "ocr_text"), ("Tags", "tags"), ("Objects", "objects"))]
    lines += [f"{label}: {_plain(value)}" for label, value in found if value]
    items = [(r["path"], r["local_time"][11:16] + (" ◀" if r["image_id"] == best["image_id"] else "")) for r in strip]
    return "\n\n".join(lines), items, [r["image_id"] for r in strip]


# ---- the screen ---------------------------------------------------------------------------------


def user_errors(handler):
    """Show a bad request (unknown photo, unreadable input) as a message, not as a server error."""

    @functools.wraps(handler)
    def wrapped(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except ValueError as error:
            raise gr.Error(str(error)) from error

    return wrapped


def build_app(service: Service) -> gr.Blocks:
    with gr.Blocks(title="Lifelog Assistant") as demo:
        gr.Markdown("## Lifelog Assistant\nDescribe a moment you remember; refine it as you would tell a friend.")
        notice = gr.Markdown(visible=False, elem_id="notice")
        state = gr.State(ChatState())
        moments_state = gr.State([])
        strip_ids = gr.State([])
        selected = gr.State(None)
        with gr.Row():
            with gr.Column(scale=5):
                chatbot = gr.Chatbot(label="Conversation", height=460, value=[{"role": "assistant", "content": Replies()("welcome")}])
                message = gr.Textbox(placeholder="e.g. pints in a pub on a Friday evening in Dublin", show_label=False, elem_id="message")
                with gr.Row():
                    send = gr.Button("Send", variant="primary", elem_id="send")
                    start_over = gr.Button("Start over", elem_id="start-over")
            with gr.Column(scale=7):
                chip_box = gr.CheckboxGroup(label="Search uses (untick to drop)", choices=[], elem_id="chips")
                results = gr.Gallery(label="Moments (click one to open it)", columns=4, height=330, allow_preview=False, elem_id="results")
                with gr.Group(visible=False, elem_id="moment") as panel:
                    panel_text = gr.Markdown()
                    timeline = gr.Gallery(label="Around this moment", columns=8, rows=1, height=140, allow_preview=False, elem_id="timeline")
                    with gr.Row():
                        more_button = gr.Button("More like this", elem_id="more-like")
                        not_button = gr.Button("Not this", elem_id="not-this")
                        before_button = gr.Button("What happened before", elem_id="before")
                        after_button = gr.Button("What happened after", elem_id="after")
                where = gr.Image(label="Where", type="pil", height=300, interactive=False, elem_id="map")

        turn_outputs = [chatbot, results, chip_box, where, state, moments_state, panel, message]

        def ready(progress=gr.Progress()):
            service.assistant(progress)
            return gr.update(value=service.notice, visible=bool(service.notice))

        @user_errors
        def on_message(text, history, chat_state, progress=gr.Progress()):
            turn = service.assistant(progress).respond(chat_state, text)
            return render(turn, history, text)

        @user_errors
        def on_reset(history):
            fresh = ChatState()
            return render(Turn(fresh, Replies()("started_over")), history, None)

        @user_errors
        def on_chips(kept, history, chat_state):
            removed = [key for _, key in chips(chat_state) if key not in set(kept or [])]
            if not removed:
                return render(Turn(chat_state, "Nothing changed."), history, None)
            return render(service.assistant().remove_chips(chat_state, removed), history, None)

        @user_errors
        def on_select_moment(moments, evt: gr.SelectData):
            moment = moments[evt.index]
            text, items, ids = moment_panel(service.assistant(), moment)
            return gr.update(visible=True), text, items, ids, moment["best"]["image_id"]

        @user_errors
        def on_timeline_click(ids, history, chat_state, evt: gr.SelectData):
            image_id = ids[evt.index]
            return render(service.assistant().more_like(chat_state, image_id), history, f"(more like photo {image_id})")

        def act(action, label):
            @user_errors
            def handler(image_id, history, chat_state):
                if not image_id:
                    return render(Turn(chat_state, "Open a moment first."), history, None)
                turn = getattr(service.assistant(), action)(chat_state, image_id)
                return render(turn, history, f"({label})")

            return handler

        def around(direction):
            @user_errors
            def handler(image_id, history, chat_state):
                turn = service.assistant().around(chat_state, image_id, direction)
                return render(turn, history, f"(what happened {direction})")

            return handler

        hidden = dict(api_visibility="undocumented")
        demo.load(ready, outputs=notice, **hidden)
        message.submit(on_message, [message, chatbot, state], turn_outputs, **hidden)
        send.click(on_message, [message, chatbot, state], turn_outputs, **hidden)
        start_over.click(on_reset, [chatbot], turn_outputs, **hidden)
        chip_box.input(on_chips, [chip_box, chatbot, state], turn_outputs, **hidden)
        results.select(on_select_moment, [moments_state], [panel, panel_text, timeline, strip_ids, selected], **hidden)
        timeline.select(on_timeline_click, [strip_ids, chatbot, state], turn_outputs, **hidden)
        more_button.click(act("more_like", "more like this"), [selected, chatbot, state], turn_outputs, **hidden)
        not_button.click(act("not_this", "not this"), [selected, chatbot, state], turn_outputs, **hidden)
        before_button.click(around("before"), [selected, chatbot, state], turn_outputs, **hidden)
        after_button.click(around("after"), [selected, chatbot, state], turn_outputs, **hidden)

        # The scripting API: same conversations, JSON out. Each client keeps its own state.
        api_text = gr.Textbox(visible=False)
        api_out = gr.JSON(visible=False)

        @user_errors
        def api_chat(text: str, chat_state: ChatState):
            turn = service.assistant().respond(chat_state, text)
            return turn.to_api(), turn.state

        @user_errors
        def api_more_like(image_id: str, chat_state: ChatState):
            turn = service.assistant().more_like(chat_state, image_id)
            return turn.to_api(), turn.state

        def api_reset():
            return {"reply": Replies()("started_over"), "constraints": [], "matched": 0, "results": []}, ChatState()

        api_text.submit(api_chat, [api_text, state], [api_out, state], api_name="chat")
        api_id = gr.Textbox(visible=False)
        api_id.submit(api_more_like, [api_id, state], [api_out, state], api_name="more_like")
        api_reset_button = gr.Button(visible=False)
        api_reset_button.click(api_reset, None, [api_out, state], api_name="reset")
    return demo


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Lifelog Assistant: find moments in your lifelog by describing them.")
    parser.add_argument("--library", help="library folder (env LIFELOG_LIBRARY); default: the built-in demo library")
    parser.add_argument("--model", help="CLIP model id or folder (env LIFELOG_MODEL)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 7860)))
    parser.add_argument("--host", default=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"), help="address to listen on (default: this machine only)")
    parser.add_argument("--share", action="store_true", help="also publish a temporary public link (off unless asked)")
    return parser.parse_args(argv)


def create_service(library: str | None = None, model: str | None = None) -> Service:
    library = library or os.environ.get("LIFELOG_LIBRARY")
    return Service(Settings.resolve(library=library, model=model), library_given=bool(library))


def launch(demo: gr.Blocks, service: Service, *, host: str = "127.0.0.1", port: int = 7860, share: bool = False, block: bool = True):
    """Start serving, with photos served only from the library's own folders."""
    demo.queue(default_concurrency_limit=4)
    return demo.launch(
        server_name=host, server_port=port, share=share, allowed_paths=service.photo_roots(),
        prevent_thread_lock=not block, quiet=not block,
    )


service = create_service()
demo = build_app(service)  # module level, so a Hugging Face Space runs this file as is

if __name__ == "__main__":
    arguments = parse_args()
    if arguments.library or arguments.model:
        service = create_service(arguments.library, arguments.model)
        demo = build_app(service)
    launch(demo, service, host=arguments.host, port=arguments.port, share=arguments.share)
