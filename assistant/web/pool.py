"""The assistants the app serves: the model loaded once and shared, and one Assistant per library, opened on first use."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..answers import prepare_answers
from ..core.access import Authenticator
from ..chat import Assistant, Replies
from ..core.progress import ProgressWatch
from ..demo.build import enrich_demo_library, ensure_demo_library
from ..library import Library, LibraryError
from ..library.store import Manifest
from ..models import ModelNotAvailable, clip_for_library, shared_query_sentence_model
from ..models.towers import load_text_tower
from ..query.gazetteer import prepare_foreign_names
from ..query.online import geocoder_for
from ..search import prepare_scoring
from ..core.settings import Settings
from ..studies import Judge, StudyLog, StudyRecorder, parse_tolerance, read_qrels
from ..studies.schedule import HINT_EVERY_S, read_session_topics
from ..studies.session import SessionRunner

GradioProgress = Callable[..., object]  # a gr.Progress: progress((done, total), desc=what); reports through core's Progress
_WAIT_POLL_S = 0.5  # how often a visitor waiting on someone else's loading sees its progress move
log = logging.getLogger(__name__)


# Read once at load: it compiles the date reader's patterns and loads the world's towns and regions, which the
# first message naming a date or a town would otherwise wait for.
_WARM_UP_MESSAGE = "coffee in Clifden on 5 March 2019 in the evening"  # a town the world index leaves to GeoNames


@dataclass
class AssistantPool:
    """One Assistant per library, each loaded on first use (with progress), all sharing the model and the wording.

    With logins, each account may have its own library: a participant only ever gets the Assistant of theirs.
    """

    settings: Settings
    library_given: bool
    authenticator: Authenticator | None = None
    study: StudyRecorder = field(default_factory=StudyRecorder)
    replies: Replies = field(default_factory=Replies)
    session: SessionRunner | None = None  # with --topics: the app runs an LSC-style session

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._geocoder = geocoder_for(self.settings)  # online places, shared by every library; None: offline
        self._assistants: dict[Path | None, Assistant] = {}  # library folder (None: the demo) -> its Assistant
        self._notices: dict[Path | None, str] = {}
        self._roots: dict[Path, list[str]] = {}
        # in a running study: (user, browser session) -> (their topic, the Assistant it began with)
        self._topic_assistants: dict[tuple[str | None, str], tuple[str, Assistant]] = {}
        self.loading = ProgressWatch()  # the load in progress, for those who wait and for the status line
        self.enriching = ProgressWatch()  # the demo's signs being read behind the app, for the status line
        self.stop_enriching = threading.Event()  # set: the background enrichment stops after the photos in flight
        self.enrichment: threading.Thread | None = None

    def library_for(self, username: str | None) -> Path | None:
        """The library a user sees: their account's, else the app's --library, else None for the demo.

        Resolved, so one folder named two ways (./lib, /home/me/lib) is loaded once.
        """
        account = self.authenticator.accounts.get(username or "") if self.authenticator else None
        if account is not None and account.library is not None:
            return account.library.expanduser().resolve()
        return self.settings.library.expanduser().resolve() if self.library_given else None

    def assistant(self, progress: GradioProgress | None = None, username: str | None = None) -> Assistant:
        """The Assistant of this user's library, loading it first if nobody has used it yet, and opening the
        library's newest generation when `lifelog index` has committed one since (each turn asks)."""
        library = self.library_for(username)
        loaded = self._assistants.get(library)
        if loaded is not None and not self._newer_generation(library, loaded):  # no lock: a library being loaded
            return loaded  # must not hold up the users of another
        # Someone else is loading (the start-up warm-up, another visitor): show their progress while waiting.
        while not self._lock.acquire(timeout=_WAIT_POLL_S):
            if progress is not None:
                progress((self.loading.done, self.loading.total), desc=self.loading.what)
        try:
            current = self._assistants.get(library)
            if current is None:
                self._assistants[library] = self._load(library, progress)
            elif self._newer_generation(library, current):
                self._assistants[library] = self._reopened(library, current)
            return self._assistants[library]
        finally:
            self._lock.release()

    def assistant_for(self, username: str | None, session: str, progress: GradioProgress | None = None) -> Assistant:
        """The Assistant of this visitor's turn: in a running study, the one their topic began with until the topic
        ends (a new generation must not change the library under a participant mid-topic), else `assistant`'s."""
        topic = self.session.current_topic(username, session) if self.session is not None else None
        if topic is None:
            return self.assistant(progress, username)
        kept = self._topic_assistants.get((username, session))
        if kept is not None and kept[0] == topic:
            return kept[1]
        current = self.assistant(progress, username)
        self._topic_assistants[(username, session)] = (topic, current)  # the previous topic's is let go
        return current

    @staticmethod
    def _newer_generation(library: Path | None, assistant: Assistant) -> bool:
        """Whether the library's manifest names a newer generation than the assistant serves (one small read);
        the demo's too (its enrichment commits behind the app)."""
        try:
            return Manifest.read(assistant.library.folder).generation > assistant.library.manifest.generation
        except LibraryError:  # being repaired or damaged: keep serving what was opened
            return False

    def _reopened(self, library: Path | None, current: Assistant) -> Assistant:
        """The same Assistant over the library's newest generation (its model kept); the one it had if that
        generation cannot be opened whole yet (a commit still under way)."""
        try:
            opened = Library.open(current.library.folder)
            prepare_scoring(opened)
            opened.read_whole()  # the next commit removes this generation's files: read before anyone is served it
        except (LibraryError, OSError):  # a commit landed while it was read: the next turn opens the newest
            log.exception("opening the new generation of %s failed; still serving generation %s", library,
                          current.library.manifest.generation)
            return current
        if library is not None:
            self._roots.pop(library, None)  # the new generation may hold photos from a new folder
        log.info("%s: now serving generation %s (%s photos)", library, opened.manifest.generation, len(opened))
        return Assistant(opened, current.encoder, replies=self.replies, geocoder=self._geocoder, date_order=self.settings.date_order)

    def start_loading(self) -> threading.Thread:
        """Load the libraries visitors will use in a background thread, now, so the first visitor does not wait
        for the demo to be drawn and indexed; one who arrives before it is ready sees its progress."""

        def load_all() -> None:
            for username in self._usernames():
                try:
                    self.assistant(username=username)
                except Exception:  # the visitor's own request retries it and shows the error
                    log.exception("loading the library of %s failed", username or "the app")

        thread = threading.Thread(target=load_all, name="load-libraries", daemon=True)
        thread.start()
        return thread

    def _usernames(self) -> list[str | None]:
        """One user per library the app serves: each account's, or the app's own when there are no logins."""
        if self.authenticator is None:
            return [None]
        firsts = {self.library_for(name): name for name in sorted(self.authenticator.accounts, reverse=True)}
        return list(firsts.values())

    def notice(self, username: str | None = None) -> str:
        """What loading this user's library had to say (the demo, a model that could not be loaded); "" if nothing."""
        return self._notices.get(self.library_for(username), "")

    def _load(self, library: Path | None, progress: GradioProgress | None) -> Assistant:
        def report(done: int, total: int, what: str) -> None:
            self.loading(done, total, what)
            if progress is not None:  # "is not None": a gr.Progress with nothing tracked yet has len() 0, so it is falsy
                progress((done, total), desc=what)

        opened = Library.open(library) if library else None
        library_model = opened.model if opened else None
        report(0, 1, "loading the CLIP model")
        notices = []
        try:
            encoder = clip_for_library(library_model, self.settings)  # one per process; ModelMismatch is a ValueError
        except ModelNotAvailable as error:
            encoder = None
            notices.append(self.replies("no_model_notice", reason=str(error)))
        if opened is None:  # the demo, built in its folder on first run
            demo = ensure_demo_library(self.settings.demo_dir, encoder, report)
            report(0, 1, "noting what is still to be read")
            self._enrich_behind(demo)
            opened = Library.open(demo)  # the generation that says what is still being read
            notices.append(self.replies("demo_notice"))
        prepare_scoring(opened)  # the scoring matrix is built now, under the lock, not on someone's first search
        opened.read_whole()  # the next commit removes this generation's files: read before anyone is served it
        notices += self._load_text_models(opened, encoder, report)
        assistant = Assistant(opened, encoder, replies=self.replies, geocoder=self._geocoder, date_order=self.settings.date_order)
        report(0, 1, "getting the question reader ready")
        assistant.parse(_WARM_UP_MESSAGE)  # the first visitor's message would wait 1-2 s for what this loads
        report(0, 1, "getting the answers ready")
        prepare_answers(opened)  # and the first question, as long again at 100,000 photos
        # the first message in another language would wait a few seconds for the cities' foreign names: built behind
        threading.Thread(target=prepare_foreign_names, name="foreign-names", daemon=True).start()
        self.loading.finish()
        self._notices[library] = "\n\n".join(notices)
        return assistant

    def _load_text_models(self, opened: Library, encoder, report) -> list[str]:
        """The sentence model and CLIP's multilingual text tower, loaded now with the rest rather than on someone's
        first message (a ZeroGPU Space packs its models at start-up); what could not be loaded, in words."""
        notices = []
        if opened.text_model:
            report(0, 1, "loading the sentence model")
            try:
                shared_query_sentence_model(opened.text_model)
            except ModelNotAvailable as error:
                notices.append(self.replies("no_text_model_notice", reason=str(error)))
        if encoder is not None and encoder.text_tower:
            report(0, 1, "loading the multilingual CLIP text model")
            try:
                load_text_tower(encoder.text_tower, encoder)
            except ModelNotAvailable as error:  # memories not in English are then ranked by CLIP's English tower, and told so
                notices.append(self.replies("no_text_tower_notice", reason=str(error)))
        return notices

    def _enrich_behind(self, demo: Path) -> None:
        """Read the demo's signs in a thread while the app answers; each step's generation is picked up at the next turn.
        Returns once the first is committed (it says what is still to be read, so the first reply can say it too)."""
        first_committed = threading.Event()  # OCR reports progress only after it

        def progress(done: int, total: int, what: str) -> None:
            first_committed.set()
            self.enriching(done, total, what)

        def enrich() -> None:
            try:
                enrich_demo_library(demo, commit_every=self.settings.enrich_commit_every, progress=progress, stop=self.stop_enriching)
            except Exception:  # the demo stays searchable without its signs; the log says why
                log.exception("reading the signs of the demo photos failed; the demo is searched without them")
            finally:
                self.enriching.finish()
                first_committed.set()

        self.enrichment = threading.Thread(target=enrich, name="enrich-demo", daemon=True)
        self.enrichment.start()
        first_committed.wait()

    def status(self) -> str:
        """The one status line: what is being loaded or read behind the chat, and the time left; "" when nothing."""
        return " · ".join(line for line in (self.loading.line(), self.enriching.line()) if line)

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


def create_pool(
    library: str | None = None, model: str | None = None, *, auth_file: str | None = None,
    study_log: str | None = None, participant: str | None = None, topic: str | None = None, topics: str | None = None,
    qrels: str | None = None, feedback: bool = False, hint_every: float | None = None, tolerance: str | None = None, **settings: object,
) -> AssistantPool:
    """The pool for the app's options (its flags); no library here or in LIFELOG_LIBRARY means the demo.

    topics (a file or "demo") makes the app a session, judged against qrels (a file or "demo") when given, a photo
    under tolerance (exact, event or Nmin; default exact). settings: other Settings given explicitly (date_order,
    host, port); None means "not given".
    """
    library = library or os.environ.get("LIFELOG_LIBRARY")
    resolved = Settings.resolve(library=library, model=model, **settings)
    study = StudyRecorder(StudyLog(Path(study_log)) if study_log else None, participant=participant, topic=topic)
    session = None
    if topics:
        judge = _live_judge(qrels, tolerance, resolved)
        session = _session_runner(topics, study, judge, study_log=study_log, topic=topic, feedback=feedback, hint_every=hint_every)
    elif tolerance:
        raise ValueError("--tolerance judges a session's photos: give it with --topics and --qrels")
    return AssistantPool(
        resolved, library_given=bool(library), authenticator=Authenticator(Path(auth_file)) if auth_file else None, study=study,
        session=session,
    )


def _live_judge(qrels: str | None, tolerance: str | None, settings: Settings) -> Judge | None:
    """The session's judge: the qrels under the tolerance; each participant's library places photos at judging time."""
    if not qrels:
        if tolerance:
            raise ValueError("--tolerance needs --qrels: there is no ground truth to judge against")
        return None
    judge = Judge(read_qrels(qrels), parse_tolerance(tolerance or "exact"), date_order=settings.date_order)
    log.info("%s; photos judged: %s", judge.qrels.describe(), judge.tolerance.describe())
    return judge


def _session_runner(
    topics: str, study: StudyRecorder, judge: Judge | None, *, study_log: str | None, topic: str | None, feedback: bool, hint_every: float | None,
) -> SessionRunner:
    """The LSC-style session over these topics, refusing --topic and warning of what the session would lack."""
    if topic:
        raise ValueError("--topic names one task; with --topics the session sets each topic itself: drop --topic")
    if not study_log:
        log.warning("--topics without --study-log: the session runs, but nothing is recorded for study-report")
    if feedback and judge is None:
        log.warning("--feedback without --qrels: there is no ground truth to tell participants about")
    return SessionRunner(read_session_topics(topics), study, judge, feedback=feedback, hint_every_s=hint_every or HINT_EVERY_S)
