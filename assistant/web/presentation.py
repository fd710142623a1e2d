"""Presentation: moments turned into what the screen shows (gallery captions, the map, the moment panel, the chat)."""

from __future__ import annotations

import functools
import math
import os
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from ..chat import ChatState, OpenedMoment
from ..search import EventHit
from ..core.words import plural
from .mapview import MapPoint, render_map
from .tiles import TileSource
from .trail import Trail

if TYPE_CHECKING:
    from ..studies.session import SessionView


def when(local_time: str) -> str:
    """A local time as the screen writes it: "Fri 03 May 2019, 19:07"."""
    return datetime.fromisoformat(local_time).strftime("%a %d %b %Y, %H:%M")


def gallery_items(moments: list[EventHit], first_number: int = 1) -> list[tuple[str | Image.Image, str]]:
    """(photo, caption) per moment, numbered as the chat and the map number them."""
    # the time of the photo shown, which passed the filters; a moment may have begun hours before
    return [
        shown_photo(m["best"]["path"], f"{n}. {when(m['best']['local_time'])}{' (time approximate)' if m['best'].get('time_approx') else ''} · {m['place'] or 'unknown place'}")
        for n, m in enumerate(moments, first_number)
    ]


def shown_photo(path: str, caption: str) -> tuple[str | Image.Image, str]:
    """(the photo's file, caption), or a grey box that says so when the file is gone (its folder moved or unplugged
    while the app serves it): a path that is not there would be a broken image, refused by the server."""
    if os.path.exists(path):
        return path, caption
    return _missing_photo(), f"{caption} · file missing"


@functools.lru_cache(maxsize=1)
def _missing_photo() -> Image.Image:
    image = Image.new("RGB", (320, 240), (222, 222, 222))
    ImageDraw.Draw(image).text((160, 120), "photo file missing", fill=(90, 90, 90), anchor="mm")
    return image


def missing_note(moments: list[EventHit], replies) -> str:
    """What to tell the user when photos shown are missing from their folders; "" when all are there."""
    missing = [m["best"]["path"] for m in moments if not os.path.exists(m["best"]["path"])]
    if not missing:
        return ""
    folders = sorted({str(Path(path).parent) for path in missing})
    named = ", ".join(folders[:3]) + (f" and {len(folders) - 3} other folders" if len(folders) > 3 else "")
    return replies("photos_missing", count=len(missing), folders=named)


def map_image(moments: list[EventHit], trail: Trail | None = None, tiles: TileSource | None = None) -> Image.Image | None:
    """The moments as numbered points on a map, over the library's trail and the tiles when given; None when none
    of them has a position."""
    points = [
        MapPoint(m["best"]["lat"], m["best"]["lng"], str(n), m["best"]["semantic_name"] or m["best"]["city"])
        for n, m in enumerate(moments, 1)
        if m["best"]["lat"] is not None and m["best"]["lng"] is not None
    ]
    return render_map(points, trail=trail, tiles=tiles) if points else None


def chip_choices(state: ChatState) -> list[tuple[str, str]]:
    """(label, chip id) of each chip, as a checkbox group takes its choices."""
    return [(chip.label, chip.id) for chip in state.chips()]


def chat_history(history: list | None, message: str | None, reply: str) -> list[dict]:
    """The chat with the user's message (if any) and the assistant's reply added."""
    history = list(history or [])
    if message:
        history.append({"role": "user", "content": message})
    history.append({"role": "assistant", "content": reply})
    return history


def _plain(text: str) -> str:
    """Words read off a photo, shown as themselves: Markdown's special characters escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~-])", r"\\\1", text)


def moment_panel(opened: OpenedMoment) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Markdown for an opened moment, its timeline strip (path, caption) and the strip's photo ids."""
    moment, best = opened.moment, opened.moment["best"]
    span = when(moment["start_time"]) + ("" if moment["end_time"] == moment["start_time"] else f" – {moment['end_time'][11:16]}")
    count = f"{moment['photo_count']} {plural('photo', moment['photo_count'])}"
    lines = [
        f"**{span}** · {moment['place'] or 'unknown place'}",
        *([opened.time_note] if opened.time_note else []),
        f"{count} in this moment. Click a photo in the strip to find more like it.",
    ]
    if best["caption"]:
        lines.append(f"*{best['caption']}*")
    found = [(label, best.get(key, "")) for label, key in (("Words in the photo", "ocr_text"), ("Tags", "tags"), ("Objects", "objects"))]
    lines += [f"{label}: {_plain(value)}" for label, value in found if value]
    items = [shown_photo(r["path"], r["local_time"][11:16] + (" ◀" if r["image_id"] == best["image_id"] else "")) for r in opened.strip]
    return "\n\n".join(lines), items, [r["image_id"] for r in opened.strip]


def session_panel(view: "SessionView") -> tuple[str, str]:
    """The session's topic panel (its hints so far) and its countdown, as markdown."""
    if view.topic is None or view.progress is None:
        return f"### Session finished\nAll {view.total} topics are done. Thank you!", ""
    task = "find the photo, open it and press **This is it**" if view.topic.kind == "KIS" else "type your answer below"
    hints = "\n".join(f"{number}. {hint}" for number, hint in enumerate(view.progress.hints, 1))
    panel = f"### Topic {view.number} of {view.total}: {view.topic.topic_id} ({view.topic.kind})\n{hints}\n\n*To do: {task}.*"
    if view.judging:
        panel += f"\n\n*Judged: {view.judging}.*"
    if view.progress.over:
        return panel, "**Time is up.** Press **Next topic** when you are ready."
    minutes, seconds = divmod(int(math.ceil(view.progress.seconds_left)), 60)
    return panel, f"**Time left: {minutes}:{seconds:02d}**"


def judgement_note(submitted: dict) -> str:
    """What a participant is told of a submission's judgement: nothing unless the session gives feedback."""
    if "correct" not in submitted:
        return ""
    return " **Correct!**" if submitted["correct"] else " **Not correct** — keep trying."
