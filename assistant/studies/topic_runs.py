"""Automatic runs over a topic list: each topic answered as a search (and a question topic as a question),
written in the NTCIR Lifelog / LSC submission format with the run's notes beside it.
"""

from __future__ import annotations

import csv
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from ..answers import answer_parsed
from ..core.files import write_atomically
from ..query import QueryContext
from ..search import SearchRequest, search
from .runs import answers_path

RUN_COLUMNS = ("GROUP-ID", "RUN-ID", "TOPIC-ID", "IMAGE-ID", "SECONDS-ELAPSED", "SCORE")
MAX_IMAGES_PER_TOPIC = 100


@dataclass(frozen=True)
class Topic:
    topic_id: str
    text: str


def read_topics(path: Path) -> list[Topic]:
    """Topics from a CSV (columns id and text, any common spelling) or JSON (a list of objects, or id -> text)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return [Topic(str(key), str(value)) for key, value in data.items()]
        return [Topic(str(_field(item, "id")), str(_field(item, "text"))) for item in data]
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return [Topic(str(_field(row, "id")), str(_field(row, "text"))) for row in csv.DictReader(handle)]


_SPELLINGS = {"id": ("id", "topic", "topic_id", "topicid", "topic-id", "query_id"), "text": ("text", "description", "query", "topic_text", "title")}


def _field(row: dict, name: str) -> object:
    lowered = {str(key).strip().lower(): value for key, value in row.items()}
    for spelling in _SPELLINGS[name]:
        if spelling in lowered and lowered[spelling] not in (None, ""):
            return lowered[spelling]
    raise ValueError(f"a topic has no {name} field (looked for {', '.join(_SPELLINGS[name])}): {row}")


class CaptionsOnlyRefused(ValueError):
    """A topic run would be ranked without CLIP, and nobody asked for a caption-only run."""


@dataclass
class TopicRun:
    """What a topic run wrote and how it ranked: the run's notes, kept beside the run file."""

    run_file: str
    group_id: str
    run_id: str
    topics: int
    rows: int
    model: str | None  # the CLIP model, or None for a caption-only run
    text_model: str | None
    channels: list[str]  # every channel any topic was ranked by, e.g. ["clip", "text", "meaning"]
    channels_by_topic: dict[str, list[str]]
    notices: list[str]

    def to_dict(self) -> dict:
        return asdict(self)


def notes_path(run_file: Path) -> Path:
    """Where a run's notes go: run.csv -> run.notes.json."""
    return Path(run_file).with_suffix(".notes.json")


def run_topics(
    library, encoder, topics: list[Topic], out: Path, *, group_id: str, run_id: str, top_k: int = MAX_IMAGES_PER_TOPIC,
    captions_only: bool = False, progress: Callable[[int, int, str], None] | None = None, date_order: str | None = None,
) -> TopicRun:
    """Answer each topic automatically, write a submission file and its notes (channels used per topic).

    Without a CLIP encoder the run would be ranked by photo words only: refused unless captions_only,
    so that a caption-only run is never submitted by accident. SECONDS-ELAPSED is the time the search
    for that topic took (an automatic run has no user to wait for). A question topic ("How many times did
    I ...?") is also answered: its evidence photos come first in the run, and the answer's text goes to a
    file beside it, OUT.answers.csv (QA submissions are free text).
    """
    if not 1 <= top_k <= MAX_IMAGES_PER_TOPIC:
        raise ValueError(f"top_k must be between 1 and {MAX_IMAGES_PER_TOPIC} (the submission format's limit), not {top_k}")
    if encoder is None and not captions_only:
        missing = "this library has no CLIP embeddings (index it with a model)" if library.embeddings is None else "no CLIP model is loaded (pass --model)"
        raise CaptionsOnlyRefused(f"{missing}: the run would be ranked by photo words only; pass --captions-only if that is what you want")
    rows, answers, channels_by_topic, notices = [], [], {}, []
    context = QueryContext.of(library, date_order=date_order)
    for done, topic in enumerate(topics):
        if progress:
            progress(done, len(topics), "topics")
        began = time.perf_counter()
        query = context.parse(topic.text)
        result = search(library, encoder, SearchRequest(query=query, top_k=top_k, group_events=False), context)
        hits = [(hit["image_id"], hit["score"]) for hit in result.photos]
        if query.question is not None:
            answer = answer_parsed(library, query, encoder=encoder)
            evidence = list(answer.evidence)
            top = max((score for _, score in hits), default=0.0)
            hits = [(image_id, top + len(evidence) - rank) for rank, image_id in enumerate(evidence)] + [hit for hit in hits if hit[0] not in evidence]
            answers.append((group_id, run_id, topic.topic_id, _submitted_answer(answer)))
        elapsed = time.perf_counter() - began
        rows += [(group_id, run_id, topic.topic_id, image_id, f"{elapsed:.3f}", f"{score:.6f}") for image_id, score in hits[:top_k]]
        channels_by_topic[topic.topic_id] = list(result.channels)
        notices += [notice for notice in result.notices if notice not in notices]
    if progress:
        progress(len(topics), len(topics), "topics")
    used = {channel for channels in channels_by_topic.values() for channel in channels}
    run = TopicRun(
        run_file=str(out), group_id=group_id, run_id=run_id, topics=len(topics), rows=len(rows),
        model=library.model if encoder is not None else None, text_model=library.text_model,
        channels=[channel for channel in _CHANNEL_ORDER if channel in used], channels_by_topic=channels_by_topic, notices=notices,
    )

    def write(tmp: Path, table: list) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(table)  # submission files carry no header row; columns as RUN_COLUMNS

    write_atomically(Path(out), lambda tmp: write(tmp, rows))
    if answers:
        write_atomically(answers_path(out), lambda tmp: write(tmp, answers))
    write_atomically(notes_path(out), lambda tmp: tmp.write_text(json.dumps(run.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"))
    return run


def _submitted_answer(answer) -> str:
    """An answer as a judge reads it: its value, with the unit a duration's bare seconds would lack."""
    if answer.value is None:
        return answer.text
    return f"{answer.value} seconds" if answer.kind == "duration" else str(answer.value)


_CHANNEL_ORDER = ("clip", "multilingual clip", "example", "text", "meaning")  # as SearchResult.channels names them
