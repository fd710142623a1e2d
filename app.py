"""Lifelog Assistant: the Gradio screen, a thin shell over `assistant.conversation` and `assistant.search`.

    python app.py [--library LIB] [--model ID_OR_PATH] [--port P] [--share]
                  [--auth-file USERS] [--study-log LOG [--participant ID] [--topic T]]

With no library, the built-in demo lifelog is built on first run. The module-level `demo` makes this file
work as a Hugging Face Space as is. Scripts talk to it through the /chat, /more_like, /reset, /submit and /topic API.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # nothing is sent anywhere

import gradio as gr  # noqa: E402

from assistant.access import Authenticator  # noqa: E402
from assistant.conversation import Assistant, ChatState, Replies, Turn, chips  # noqa: E402
from assistant.library import Library, LibraryError  # noqa: E402
from assistant.library.store import Manifest  # noqa: E402
from assistant.mapview import MapPoint, render_map  # noqa: E402
from assistant.models import ModelNotAvailable, clip_for_library, shared_sentence_model  # noqa: E402
from assistant.query.online import geocoder_for  # noqa: E402
from assistant.search import EventHit, context  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.study import StudyLog, StudyRecorder  # noqa: E402
from assistant.text_channel import plural  # noqa: E402

TIMELINE_MINUTES = 20  # the strip spans this long before and after the chosen photo
TIMELINE_SIDE = 4  # photos shown on each side of it, spread over that span (a camera every 30 s takes 40)
RESULT_COLUMNS = 4

# Gradio cuts gallery captions to one line, and stretches a gallery of fewer photos than columns to the full
# width (one result became a 700 px banner); a moment's caption (number, day, time, place) must be readable,
# and the timeline is one row that scrolls sideways, however many photos it holds.
CSS = f"""
#results .caption-label, #timeline .caption-label {{ white-space: normal; text-overflow: clip; line-height: 1.25; }}
#results .grid-container {{ --grid-cols: {RESULT_COLUMNS} !important; }}
#timeline .grid-container {{ grid-auto-flow: column; grid-template-columns: none; grid-auto-columns: 104px; }}
#timeline .grid-wrap {{ overflow-x: auto; }}
"""


@dataclass
class Service:
    """The model, loaded once and shared by all sessions, and one Assistant per library (on first use, with progress).

    With logins, each account may have its own library: a participant only ever gets the Assistant of theirs.
    """

    settings: Settings
    library_given: bool
    authenticator: Authenticator | None = None
    study: StudyRecorder = field(default_factory=StudyRecorder)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._geocoder = geocoder_for(self.settings)  # online places, shared by every library; None: offline
        self._assistants: dict[Path | None, Assistant] = {}  # library folder (None: the demo) -> its Assistant
        self._notices: dict[Path | None, str] = {}
        self._roots: dict[Path, list[str]] = {}

    def library_for(self, username: str | None) -> Path | None:
        """The library a user sees: their account's, else the app's --library, else None for the demo.

        Resolved, so one folder named two ways (./lib, /home/me/lib) is loaded once.
        """
        account = self.authenticator.accounts.get(username or "") if self.authenticator else None
        if account is not None and account.library is not None:
            return account.library.expanduser().resolve()
        return self.settings.library.expanduser().resolve() if self.library_given else None

    def assistant(self, progress: gr.Progress | None = None, username: str | None = None) -> Assistant:
        library = self.library_for(username)
        loaded = self._assistants.get(library)
        if loaded is not None:  # no lock: a library being loaded must not hold up the users of another
            return loaded
        with self._lock:
            if library not in self._assistants:
                self._assistants[library] = self._load(library, progress)
            return self._assistants[library]

    def notice(self, username: str | None = None) -> str:
        return self._notices.get(self.library_for(username), "")

    def _load(self, library: Path | None, progress: gr.Progress | None) -> Assistant:
        replies = Replies()
        # "is not None": a gr.Progress with nothing tracked yet has len() 0, so it is falsy
        report = (lambda done, total, what: progress((done, total), desc=what)) if progress is not None else None
        library_path = library  # for the demo (None), the folder it is built in
        opened = Library.open(library_path) if library_path else None
        library_model = opened.model if opened else None
        if report:
            report(0, 1, "loading the CLIP model")
        notices = []
        try:
            encoder = clip_for_library(library_model, self.settings)  # one per process; ModelMismatch is a ValueError
        except ModelNotAvailable as error:
            encoder = None
            notices.append(replies("no_model_notice", reason=str(error)))
        if library_path is None:
            from assistant.demo.build import ensure_demo_library

            library_path = ensure_demo_library(self.settings.demo_dir, encoder, report)
            notices.append(replies("demo_notice"))
        opened = opened or Library.open(library_path)
        opened.embedding_matrix  # the scoring matrix is built now, under the lock, not on someone's first search
        if opened.text_model:  # loaded now, with the rest, rather than on someone's first message
            if report:
                report(0, 1, "loading the sentence model")
            try:
                shared_sentence_model(opened.text_model)
            except ModelNotAvailable as error:
                notices.append(replies("no_text_model_notice", reason=str(error)))
        self._notices[library] = "\n\n".join(notices)
        return Assistant(opened, encoder, replies=replies, geocoder=self._geocoder)

    def photo_roots(self) -> list[str]:
        """Folders the app may serve photos from: its libraries' own, nothing wider."""
        libraries = {self.library_for(None)}
        if self.authenticator:
            libraries |= {self.library_for(name) for name in self.authenticator.accounts}
        return [root for library in sorted(libraries, key=str) for root in self._roots_of(library)]

    def photo_roots_for(self, username: str | None) -> list[str]:
        """The photo folders of the one library this user sees."""
        return self._roots_of(self.library_for(username))

    def _roots_of(self, library: Path | None) -> list[str]:
        """From the manifest alone, remembered (asked on every photo request); none for a library not indexed yet."""
        if library is None:
            return [str(self.settings.demo_dir / "source" / "photos")]
        if library not in self._roots:
            try:
                self._roots[library] = [str(root) for root in Manifest.read(library).photo_roots]
            except LibraryError:
                return []
        return self._roots[library]


# ---- formatting: turn results into what the components show ------------------------------------


def _when(local_time: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(local_time).strftime("%a %d %b %Y, %H:%M")


def gallery_items(moments: list[EventHit]) -> list[tuple[str, str]]:
    # the time of the photo shown, which passed the filters; a moment may have begun hours before
    return [(m["best"]["path"], f"{n}. {_when(m['best']['local_time'])} · {m['place'] or 'unknown place'}") for n, m in enumerate(moments, 1)]


def map_image(moments: list[EventHit]):
    points = [
        MapPoint(m["best"]["lat"], m["best"]["lng"], str(n), m["best"]["semantic_name"] or m["best"]["city"])
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
    """Every output a turn changes, in the order of the handlers' turn_outputs."""
    if turn.keeps_screen:  # only the chat changes: the moments, chips and open moment stay as they were
        return (_chat_history(history, message, turn.reply), *[gr.skip()] * 6, "", gr.skip())
    return (
        _chat_history(history, message, turn.reply),
        gallery_items(turn.moments),
        chip_update(turn.state),
        map_image(turn.moments),
        turn.state,
        turn.moments,
        gr.update(visible=False),  # a new set of moments closes the moment panel
        "",
        gr.update(choices=[choice.offer for choice in turn.state.choices], value=None, visible=bool(turn.state.choices)),
    )


def _spread(records: list, count: int) -> list:
    """At most `count` records, evenly spaced, keeping the first and the last."""
    if len(records) <= count:
        return records
    step = (len(records) - 1) / (count - 1)
    return [records[round(i * step)] for i in range(count)]


def _plain(text: str) -> str:
    """Words read off a photo, shown as themselves: Markdown's special characters escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~-])", r"\\\1", text)


def moment_panel(assistant: Assistant, moment: EventHit):
    """Markdown and timeline strip for one moment."""
    best = moment["best"]
    strip = context(assistant.library, best["image_id"], minutes=TIMELINE_MINUTES)
    span = _when(moment["start_time"]) + ("" if moment["end_time"] == moment["start_time"] else f" – {moment['end_time'][11:16]}")
    count = f"{moment['photo_count']} {plural('photo', moment['photo_count'])}"
    lines = [
        f"**{span}** · {moment['place'] or 'unknown place'}",
        f"{count} in this moment. Click a photo in the strip to find more like it.",
    ]
    if best["caption"]:
        lines.append(f"*{best['caption']}*")
    chosen = next(i for i, r in enumerate(strip) if r["image_id"] == best["image_id"])
    strip = _spread(strip[:chosen], TIMELINE_SIDE) + [strip[chosen]] + _spread(strip[chosen + 1:], TIMELINE_SIDE)
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
        # visible and tall enough for the progress bar that loading (or building the demo lifelog) shows over it
        notice = gr.Markdown(Replies()("loading"), elem_id="notice", min_height=64)
        topic_box = gr.Textbox(
            label="Topic (study task)", value=service.study.default_topic, visible=service.study.log is not None, elem_id="topic",
        )
        state = gr.State(ChatState())
        moments_state = gr.State([])
        strip_ids = gr.State([])
        selected = gr.State(None)
        with gr.Row():
            with gr.Column(scale=5):
                chatbot = gr.Chatbot(label="Conversation", height=460, value=[{"role": "assistant", "content": Replies()("welcome")}], elem_id="chat")
                choice_box = gr.Radio(label="Or click one", choices=[], type="index", visible=False, elem_id="choices")
                message = gr.Textbox(placeholder="e.g. pints in a pub on a Friday evening in Dublin", show_label=False, elem_id="message")
                with gr.Row():
                    send = gr.Button("Send", variant="primary", elem_id="send")
                    start_over = gr.Button("Start over", elem_id="start-over")
            with gr.Column(scale=7):
                chip_box = gr.CheckboxGroup(label="Search uses (untick to drop)", choices=[], elem_id="chips")
                results = gr.Gallery(label="Moments (click one to open it)", columns=RESULT_COLUMNS, height=330, allow_preview=False, elem_id="results")
                with gr.Column(visible=False, elem_id="moment", variant="panel") as panel:
                    panel_text = gr.Markdown()
                    timeline = gr.Gallery(label="Around this moment", rows=1, height=140, allow_preview=False, elem_id="timeline")
                    with gr.Row():
                        more_button = gr.Button("More like this", elem_id="more-like", size="sm", min_width=60)
                        not_button = gr.Button("Not this", elem_id="not-this", size="sm", min_width=60)
                        before_button = gr.Button("What happened before", elem_id="before", size="sm", min_width=60)
                        after_button = gr.Button("What happened after", elem_id="after", size="sm", min_width=60)
                        this_is_it = gr.Button(
                            "This is it", variant="primary", size="sm", min_width=60, visible=service.study.log is not None, elem_id="this-is-it",
                        )
                where = gr.Image(label="Where", type="pil", height=300, interactive=False, elem_id="map")

        turn_outputs = [chatbot, results, chip_box, where, state, moments_state, panel, message, choice_box]
        study = service.study

        def who(request: gr.Request) -> tuple[str | None, str]:
            """The login name (None without logins) and the browser session: whose library, whose study record."""
            return request.username, request.session_hash or ""

        def ready(request: gr.Request, progress=gr.Progress()):
            service.assistant(progress, request.username)
            text = service.notice(request.username)
            return gr.update(value=text, visible=bool(text))

        @user_errors
        def on_message(text, history, chat_state, request: gr.Request, progress=gr.Progress()):
            turn = service.assistant(progress, request.username).respond(chat_state, text)
            study.message(*who(request), text, turn)
            return render(turn, history, text)

        @user_errors
        def on_choice(index, history, chat_state, request: gr.Request):
            offer = chat_state.choices[index].offer
            turn = service.assistant(username=request.username).respond(chat_state, str(index + 1))
            study.message(*who(request), offer, turn)
            return render(turn, history, offer)

        @user_errors
        def on_reset(history, request: gr.Request):
            turn = Turn(ChatState(), Replies()("started_over"))
            study.action(*who(request), "start_over", turn)
            return render(turn, history, "(start over)")

        @user_errors
        def on_chips(kept, history, chat_state, request: gr.Request):
            current = chips(chat_state)
            removed = [key for _, key in current if key not in set(kept or [])]
            if not removed:
                return render(Turn.talk(chat_state, Replies()("nothing_changed")), history, None)
            labels = [label for label, key in current if key in removed]
            turn = service.assistant(username=request.username).remove_chips(chat_state, removed)
            study.action(*who(request), "chip_removed", turn, chips=labels)
            return render(turn, history, "(untick " + ", ".join(labels) + ")")

        @user_errors
        def on_select_moment(moments, request: gr.Request, evt: gr.SelectData):
            moment = moments[evt.index]
            text, items, ids = moment_panel(service.assistant(username=request.username), moment)
            study.action(*who(request), "open", image_id=moment["best"]["image_id"])
            return gr.update(visible=True), text, items, ids, moment["best"]["image_id"]

        @user_errors
        def on_timeline_click(ids, history, chat_state, request: gr.Request, evt: gr.SelectData):
            image_id = ids[evt.index]
            turn = service.assistant(username=request.username).more_like(chat_state, image_id)
            study.action(*who(request), "more_like", turn, image_id=image_id, source="timeline")
            return render(turn, history, f"(more like photo {image_id})")

        def act(action, label):
            @user_errors
            def handler(image_id, history, chat_state, request: gr.Request):
                if not image_id:
                    return render(Turn.talk(chat_state, Replies()("open_a_moment")), history, f"({label})")
                turn = getattr(service.assistant(username=request.username), action)(chat_state, image_id)
                study.action(*who(request), action, turn, image_id=image_id)
                return render(turn, history, f"({label})")

            return handler

        def around(direction):
            @user_errors
            def handler(image_id, history, chat_state, request: gr.Request):
                turn = service.assistant(username=request.username).around(chat_state, image_id, direction)
                study.action(*who(request), direction, turn, image_id=image_id)
                return render(turn, history, f"(what happened {direction})")

            return handler

        def submission(image_id: str, request: gr.Request) -> dict:
            """ "This is it": a photo of this user's library, recorded with the time since the task began."""
            service.assistant(username=request.username).require_photo(image_id)
            record = study.submit(*who(request), image_id)
            return {key: record[key] for key in ("participant", "topic", "image_id", "elapsed_s")}

        @user_errors
        def on_this_is_it(image_id, history, request: gr.Request):
            if not image_id:
                return _chat_history(history, "(this is it)", Replies()("open_a_moment"))
            submitted = submission(image_id, request)
            elapsed = f" after {submitted['elapsed_s']:.0f} s" if submitted["elapsed_s"] is not None else ""
            return _chat_history(history, "(this is it)", Replies()("submitted", image_id=image_id, elapsed=elapsed))

        def on_topic(topic, request: gr.Request):
            study.set_topic(*who(request), topic)

        hidden = dict(api_visibility="undocumented")
        demo.load(ready, outputs=notice, show_progress="full", **hidden)
        message.submit(on_message, [message, chatbot, state], turn_outputs, **hidden)
        send.click(on_message, [message, chatbot, state], turn_outputs, **hidden)
        start_over.click(on_reset, [chatbot], turn_outputs, **hidden)
        chatbot.clear(on_reset, [chatbot], turn_outputs, **hidden)  # the chat's own bin starts over too, not just blanks it
        choice_box.input(on_choice, [choice_box, chatbot, state], turn_outputs, **hidden)
        chip_box.input(on_chips, [chip_box, chatbot, state], turn_outputs, **hidden)
        results.select(on_select_moment, [moments_state], [panel, panel_text, timeline, strip_ids, selected], **hidden)
        timeline.select(on_timeline_click, [strip_ids, chatbot, state], turn_outputs, **hidden)
        more_button.click(act("more_like", "more like this"), [selected, chatbot, state], turn_outputs, **hidden)
        not_button.click(act("not_this", "not this"), [selected, chatbot, state], turn_outputs, **hidden)
        before_button.click(around("before"), [selected, chatbot, state], turn_outputs, **hidden)
        after_button.click(around("after"), [selected, chatbot, state], turn_outputs, **hidden)
        this_is_it.click(on_this_is_it, [selected, chatbot], [chatbot], **hidden)
        topic_box.submit(on_topic, [topic_box], None, **hidden)
        topic_box.blur(on_topic, [topic_box], None, **hidden)

        # The scripting API: same conversations, JSON out. Each client keeps its own state.
        api_text = gr.Textbox(visible=False)
        api_out = gr.JSON(visible=False)

        @user_errors
        def api_chat(text: str, chat_state: ChatState, request: gr.Request):
            turn = service.assistant(username=request.username).respond(chat_state, text)
            study.message(*who(request), text, turn)
            return turn.to_api(), turn.state

        @user_errors
        def api_more_like(image_id: str, chat_state: ChatState, request: gr.Request):
            turn = service.assistant(username=request.username).more_like(chat_state, image_id)
            study.action(*who(request), "more_like", turn, image_id=image_id)
            return turn.to_api(), turn.state

        def api_reset(request: gr.Request):
            turn = Turn(ChatState(), Replies()("started_over"))
            study.action(*who(request), "start_over", turn)
            return turn.to_api(), turn.state

        @user_errors
        def api_submit(image_id: str, request: gr.Request):
            return submission(image_id, request)

        def api_topic(topic: str, request: gr.Request):
            return {"topic": study.set_topic(*who(request), topic)}

        api_text.submit(api_chat, [api_text, state], [api_out, state], api_name="chat")
        api_id = gr.Textbox(visible=False)
        api_id.submit(api_more_like, [api_id, state], [api_out, state], api_name="more_like")
        api_reset_button = gr.Button(visible=False)
        api_reset_button.click(api_reset, None, [api_out, state], api_name="reset")
        api_submit_id = gr.Textbox(visible=False)
        api_submit_id.submit(api_submit, [api_submit_id], [api_out], api_name="submit")
        api_topic_text = gr.Textbox(visible=False)
        api_topic_text.submit(api_topic, [api_topic_text], [api_out], api_name="topic")
    return demo


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Lifelog Assistant: find moments in your lifelog by describing them.")
    parser.add_argument("--library", help="library folder (env LIFELOG_LIBRARY); default: the built-in demo library")
    parser.add_argument("--model", help="CLIP model id or folder (env LIFELOG_MODEL)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 7860)))
    parser.add_argument("--host", default=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"), help="address to listen on (default: this machine only)")
    parser.add_argument("--share", action="store_true", help="also publish a temporary public link (off unless asked)")
    parser.add_argument("--auth-file", help="require a login; accounts (and each one's library) from `lifelog add-user`")
    parser.add_argument("--study-log", help="record every turn, click and submission as JSON lines in this file")
    parser.add_argument("--participant", help="participant id in the study log (default: the login name)")
    parser.add_argument("--topic", help="the task's topic id in the study log (default: none; participants can set one)")
    parser.add_argument("--online-places", action="store_true", default=None,
                        help="ask Nominatim about place names the offline gazetteer does not know (env LIFELOG_ONLINE_PLACES)")
    return parser.parse_args(argv)


def create_service(
    library: str | None = None, model: str | None = None, *, auth_file: str | None = None,
    study_log: str | None = None, participant: str | None = None, topic: str | None = None, online_places: bool | None = None,
) -> Service:
    library = library or os.environ.get("LIFELOG_LIBRARY")
    return Service(
        Settings.resolve(library=library, model=model, online_places=online_places), library_given=bool(library),
        authenticator=Authenticator(Path(auth_file)) if auth_file else None,
        study=StudyRecorder(StudyLog(Path(study_log)) if study_log else None, participant=participant, topic=topic),
    )


# Gradio's queue, set deliberately. A search is CPU work (numpy masks; torch's mat-vec already uses every
# core), so running more searches at once than there are cores adds no throughput, only memory and
# contention: each event listener runs up to one search per core (2 to 8) and the rest wait in arrival
# order, so with twenty participants typing at once everyone waits about the same. The limit is per
# listener (the screen's message box and /chat each have it), so a study in the browser and a script on
# the API do not starve each other. The shared Assistant keeps no per-user state (each session's
# ChatState travels with the request), the model's tokenizer is behind a lock, the study log's writes too.
CONCURRENCY_PER_EVENT = max(2, min(8, os.cpu_count() or 2))
# Waiting requests beyond this are refused at once ("queue is full") rather than left to time out: 20
# participants with a message and a click in flight each, plus room for scripts.
QUEUE_SIZE = 64


def launch(demo: gr.Blocks, service: Service, *, host: str = "127.0.0.1", port: int = 7860, share: bool = False, block: bool = True):
    """Start serving: on this machine only unless told, with a login if configured, photos only from the libraries' folders."""
    demo.queue(default_concurrency_limit=CONCURRENCY_PER_EVENT, max_size=QUEUE_SIZE)
    middleware = []
    if service.authenticator is not None:  # one library per account: narrow Gradio's app-wide allowed_paths per login
        from starlette.middleware import Middleware

        from assistant.access import PhotoAccess

        middleware.append(Middleware(PhotoAccess, all_roots=service.photo_roots, roots_for=service.photo_roots_for, login_of=functools.partial(_login_of, demo)))
    return demo.launch(
        server_name=host, server_port=port, share=share, allowed_paths=service.photo_roots(), css=CSS,
        auth=service.authenticator, auth_message="Log in with the name and password you were given for this study.",
        prevent_thread_lock=not block, quiet=not block, app_kwargs={"middleware": middleware},
    )


def _login_of(demo: gr.Blocks, request) -> str | None:
    """The account a request is logged in as, read as Gradio's own login check reads it (its session cookie)."""
    server = demo.server_app
    token = request.cookies.get(f"access-token-{server.cookie_id}") or request.cookies.get(f"access-token-unsecure-{server.cookie_id}")
    return server.tokens.get(token)


service = create_service()
demo = build_app(service)  # module level, so a Hugging Face Space runs this file as is

if __name__ == "__main__":
    arguments = parse_args()
    if arguments.library or arguments.model or arguments.auth_file or arguments.study_log or arguments.online_places:
        service = create_service(
            arguments.library, arguments.model, auth_file=arguments.auth_file,
            study_log=arguments.study_log, participant=arguments.participant, topic=arguments.topic,
            online_places=arguments.online_places,
        )
        demo = build_app(service)
    launch(demo, service, host=arguments.host, port=arguments.port, share=arguments.share)
