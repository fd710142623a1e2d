"""Whether a submitted photo is correct for a topic, under an explicit tolerance.

LSC judges accept any photo of the same scene, so an exact-image check undercounts; the tolerance says how
far from a correct image a submission may be: the same image, the same event (the library's events), or
within ±N minutes of one. Every score is reported with the tolerance it was computed under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..core.photo_names import photo_key, time_from_filename
from .answer_match import answer_matches
from .qrels import Qrels

if TYPE_CHECKING:
    from ..library import Library


@dataclass(frozen=True)
class Tolerance:
    kind: str = "exact"  # "exact", "event" or "minutes"
    minutes: float = 0.0

    def describe(self) -> str:
        return {"exact": "exact image", "event": "same event as a correct image"}.get(
            self.kind, f"within ±{self.minutes:g} min of a correct image"
        )

    def spec(self) -> str:
        """The tolerance as --tolerance takes it: exact, event or Nmin."""
        return self.kind if self.kind != "minutes" else f"{self.minutes:g}min"


# How a question topic's answer is judged, in words (the screen and the reports say it)
QA_MATCHING = "answers matched tolerantly against the accepted ones (numbers, dates, durations, names; case and accents ignored)"
_MINUTES = re.compile(r"(?:minutes:\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*min(?:utes?)?)")


def parse_tolerance(text: str) -> Tolerance:
    """'exact', 'event', or minutes as 'Nmin' (also 'N minutes', 'minutes:N')."""
    spec = text.strip().lower()
    if spec in ("exact", "event"):
        return Tolerance(spec)
    if (minutes := _MINUTES.fullmatch(spec)) is not None:
        return Tolerance("minutes", float(minutes.group(1) or minutes.group(2)))
    raise ValueError(f"tolerance {text!r} is not one of exact, event, Nmin (e.g. 5min) or minutes:N")


class Judge:
    """Judges submissions against qrels: photos under a tolerance, answers by tolerant matching."""

    def __init__(self, qrels: Qrels, tolerance: Tolerance = Tolerance(), library: "Library | None" = None, date_order: str | None = None):
        self.qrels, self.tolerance, self.library, self.date_order = qrels, tolerance, library, date_order
        self._keys = {topic: {photo_key(image) for image in images} for topic, images in qrels.images.items()}
        self._events: dict[str, set[int]] = {}
        self._times: dict[str, np.ndarray] = {}
        self._by_library: dict[int, Judge] = {}

    def for_library(self, library: "Library | None") -> "Judge":
        """This judge placing photos in `library`'s events and times (the app's participants may each have theirs)."""
        if library is None or library is self.library:
            return self
        if id(library) not in self._by_library:
            self._by_library[id(library)] = Judge(self.qrels, self.tolerance, library, self.date_order)
        return self._by_library[id(library)]

    def kind(self, topic: str) -> str | None:
        return self.qrels.kind(topic)

    def submission_is_correct(self, topic: str, record: dict) -> bool | None:
        """A logged submission judged as its topic asks: a question's by its answer text, a known item's by its photo.
        None when the qrels do not judge the topic or the submission is not of the kind the topic asks for."""
        kind = self.kind(topic)
        if kind == "QA" and record.get("answer") is not None:
            return self.answer_is_correct(topic, str(record["answer"]))
        if kind == "KIS" and record.get("image_id") is not None:
            return self.photo_is_correct(topic, str(record["image_id"]))
        return None

    def photo_is_correct(self, topic: str, image_id: str) -> bool:
        """A KIS submission: the image, or one close enough to a correct image under the tolerance."""
        if self.tolerance.kind == "event" and self.library is None:
            raise ValueError("event tolerance needs the library whose events are meant: pass --library")
        if topic not in self._keys:
            return False
        if photo_key(image_id) in self._keys[topic]:
            return True
        if self.tolerance.kind == "event":
            row = self.library.row_of(image_id)
            return row is not None and int(self.library.event_ids[row]) in self._correct_events(topic)
        if self.tolerance.kind == "minutes":
            taken = self._utc_seconds([image_id])[0]
            correct = self._correct_times(topic)
            return bool(np.isfinite(taken) and len(correct) and np.min(np.abs(correct - taken)) <= self.tolerance.minutes * 60)
        return False

    def answer_is_correct(self, topic: str, answer: str) -> bool:
        """A QA submission: says what one of the accepted answers says."""
        return any(answer_matches(answer, accepted, self.date_order) for accepted in self.qrels.answers.get(topic, ()))

    def _correct_events(self, topic: str) -> set[int]:
        if topic not in self._events:
            rows = [self.library.row_of(image) for image in self.qrels.images[topic]]
            self._events[topic] = {int(self.library.event_ids[row]) for row in rows if row is not None}
        return self._events[topic]

    def _correct_times(self, topic: str) -> np.ndarray:
        if topic not in self._times:
            times = self._utc_seconds(list(self.qrels.images[topic]))
            self._times[topic] = times[np.isfinite(times)]
        return self._times[topic]

    def _utc_seconds(self, image_ids: list[str]) -> np.ndarray:
        """When each photo was taken (seconds, UTC): from the library, else from an LSC file name; NaN if unknown."""
        seconds = np.full(len(image_ids), np.nan)
        for position, image_id in enumerate(image_ids):
            row = self.library.row_of(image_id) if self.library is not None else None
            if row is not None:
                seconds[position] = float(self.library.utc_seconds[row])
            elif (named := time_from_filename(image_id)) is not None:
                seconds[position] = (np.datetime64(named, "s") - np.datetime64(0, "s")).astype(np.int64)
        return seconds
