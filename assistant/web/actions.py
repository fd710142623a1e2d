"""Every action a user can take, written once: the screen's callbacks and the HTTP API both call these.

Each action finds the user's Assistant, takes one turn, and records it in the study log; the callers
only gather inputs and format what comes back (components for the screen, JSON for the API).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from PIL import Image

from ..chat import ChatState, Turn
from ..query.chips import Chip
from ..search import EventHit
from ..studies.session import SessionRunner, SessionView
from .pool import AssistantPool, GradioProgress
from .presentation import map_image, moment_panel
from .tiles import tile_source_for
from .trail import trail_of


@dataclass(frozen=True)
class Visitor:
    """Who acts: the login name (None without logins), which picks the library, and the browser session, which the study log keeps apart."""

    username: str | None
    session: str


class Actions:
    """The user's actions on the pool's assistants, each recorded in the pool's study log."""

    def __init__(self, pool: AssistantPool):
        self.pool = pool
        self.study = pool.study
        self.tiles = tile_source_for(pool.settings)  # OpenStreetMap's, with --map-tiles; None: the map stays offline

    def message(self, visitor: Visitor, state: ChatState, text: str, progress: GradioProgress | None = None) -> Turn:
        turn = self.pool.assistant_for(visitor.username, visitor.session, progress).respond(state, text)
        self.study.message(visitor.username, visitor.session, text, turn)
        return turn

    def choose(self, visitor: Visitor, state: ChatState, index: int | None) -> tuple[str, Turn]:
        """Pick the offered choice at this index (0-based), as replying with its number does; returns what the user picked too."""
        index = -1 if index is None else index
        picked = state.choices[index].offer if 0 <= index < len(state.choices) else f"({index + 1})"
        turn = self.pool.assistant_for(visitor.username, visitor.session).choose(state, index)
        self.study.message(visitor.username, visitor.session, picked, turn)
        return picked, turn

    def start_over(self, visitor: Visitor) -> Turn:
        turn = self.pool.assistant_for(visitor.username, visitor.session).start_over()
        self.study.action(visitor.username, visitor.session, "start_over", turn)
        return turn

    def keep_chips(self, visitor: Visitor, state: ChatState, kept_ids: Collection[str]) -> tuple[list[Chip], Turn]:
        """Search without the chips the user unticked (those whose id is not among `kept_ids`); returns those too."""
        removed = [chip for chip in state.chips() if chip.id not in set(kept_ids)]
        turn = self.pool.assistant_for(visitor.username, visitor.session).remove_chips(state, removed)
        if removed:
            self.study.action(visitor.username, visitor.session, "chip_removed", turn, chips=[chip.label for chip in removed])
        return removed, turn

    def more_like(self, visitor: Visitor, state: ChatState, image_id: str, *, source: str | None = None) -> Turn:
        turn = self.pool.assistant_for(visitor.username, visitor.session).more_like(state, image_id)
        where = {"source": source} if source else {}
        self.study.action(visitor.username, visitor.session, "more_like", turn, image_id=image_id, **where)
        return turn

    def not_this(self, visitor: Visitor, state: ChatState, image_id: str) -> Turn:
        turn = self.pool.assistant_for(visitor.username, visitor.session).not_this(state, image_id)
        self.study.action(visitor.username, visitor.session, "not_this", turn, image_id=image_id)
        return turn

    def around(self, visitor: Visitor, state: ChatState, image_id: str, direction: str) -> Turn:
        """What happened "before" or "after" a photo's moment."""
        turn = self.pool.assistant_for(visitor.username, visitor.session).around(state, image_id, direction)
        self.study.action(visitor.username, visitor.session, direction, turn, image_id=image_id)
        return turn

    def open_moment(self, visitor: Visitor, moment: EventHit) -> tuple[str, list[tuple[str, str]], list[str]]:
        """The moment panel's text, timeline strip and strip photo ids."""
        panel = moment_panel(self.pool.assistant_for(visitor.username, visitor.session).open_moment(moment))
        self.study.action(visitor.username, visitor.session, "open", image_id=moment["best"]["image_id"])
        return panel

    def map_of(self, visitor: Visitor, moments: list[EventHit]) -> Image.Image | None:
        """The moments on a map over this user's library's own GPS trail (and the tiles, when on)."""
        return map_image(moments, trail_of(self.pool.assistant(username=visitor.username).library), self.tiles)

    def submit(self, visitor: Visitor, image_id: str) -> dict:
        """ "This is it": a photo of this user's library, recorded with the time since the task began (judged in a session)."""
        assistant = self.pool.assistant_for(visitor.username, visitor.session)
        assistant.require_photo(image_id)
        if self.pool.session is not None:
            return self.pool.session.submit_photo(visitor.username, visitor.session, image_id, assistant.library)
        record = self.study.submit(visitor.username, visitor.session, image_id)
        return {key: record[key] for key in ("participant", "topic", "image_id", "elapsed_s")}

    def answer(self, visitor: Visitor, text: str) -> dict:
        """A typed answer to the session's question topic."""
        return self._session().submit_answer(visitor.username, visitor.session, text)

    def session_view(self, visitor: Visitor) -> SessionView:
        """The session's topic, hints and time left now (logging each hint as it first shows)."""
        return self._session().view(visitor.username, visitor.session)

    def next_topic(self, visitor: Visitor) -> SessionView:
        return self._session().next_topic(visitor.username, visitor.session)

    def _session(self) -> SessionRunner:
        if self.pool.session is None:
            raise ValueError("This app is not running a session: start it with --topics FILE (or --topics demo).")
        return self.pool.session

    def set_topic(self, visitor: Visitor, topic: str) -> str:
        return self.study.set_topic(visitor.username, visitor.session, topic)
