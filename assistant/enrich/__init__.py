"""What is in the photo, as words: text in photos (OCR), zero-shot concept tags, detected objects, captions.

Opt-in steps of `lifelog index` (--ocr, --concepts, --detector, --captioner). The per-photo steps run in a
background thread beside embedding and keep their results in shards beside the library (shards.py), so
they resume after an interruption and survive later runs without the flags. At every commit the results
are attached to the photo table as words for the text channel (`ocr_text`, `tags`, `objects`, and
generated captions where the captions CSV has none) and as label counts for the query's concept filters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from ..core.progress import Progress
from ..library.label_counts import LabelCounts
from ..library.schema import ENRICHED_COLUMNS  # the photo-table columns these steps fill ("" where a step has not run)
from . import shards
from .stages import OcrStage, PhotoStage, StageRun
from .tagging import PROMPT, load_vocabulary, tag_photos



@dataclass
class Enrichment:
    """The enrichment steps of one indexing run (the CLI builds it from its flags; models already loaded)."""

    ocr: bool = False
    # OCR processes (spawned: a script that indexes must start from `if __name__ == "__main__":`);
    # None: half the cores; 0: read in the background thread itself.
    ocr_workers: int | None = None
    concepts: bool = False
    vocabulary: Path | None = None  # extra concept terms, one per line
    detector: object | None = None  # vision.DetectorStage
    captioner: object | None = None  # vision.CaptionerStage
    reports: list = field(default_factory=list)

    def start(self, library: Path, files, snapshot, captions, progress: Progress,
              place: Callable[[PhotoStage], PhotoStage] | None = None):
        """Start the per-photo steps on the photos found (PhotoFile list) in a background thread, or None.

        place: where each step's photos are worked on (indexing's PhotoWork.stage); default here."""
        steps = []
        if self.ocr:
            steps.append(OcrStage(self.ocr_workers))
        if self.detector is not None:
            steps.append(self.detector)
        if self.captioner is not None:
            known = set(snapshot.sources["captions"].index) if snapshot is not None and "captions" in snapshot.sources else set()
            if captions is not None:
                known |= set(captions.texts[captions.texts.astype(str).str.strip() != ""].index)
            self.captioner.captioned = known
            steps.append(self.captioner)
        if not steps:
            return None
        if place is not None:
            steps = [place(step) for step in steps]
        stamps = [(str(file.path), int(file.size), int(file.mtime_ns)) for file in files]
        run = StageRun(Path(library), steps, stamps, progress)
        self.reports = run.reports
        return run

    def check(self, encoder) -> None:
        """Refuse before any work what cannot run: zero-shot tags score the photos' CLIP embeddings."""
        if self.concepts and encoder is None:
            raise ValueError("--concepts scores the photos' CLIP embeddings: index with a model (not --no-model)")

    def add_zero_shot_tags(self, library: Path, files: pd.DataFrame, vectors: np.ndarray | None, encoder, progress: Progress) -> None:
        """Zero-shot tags for every embedded photo (one matrix product), replacing earlier tags."""
        if not self.concepts:
            return
        progress(0, 1, "tagging concepts")
        vocabulary = load_vocabulary(self.vocabulary)
        term_vectors = encoder.encode_texts([PROMPT.format(term=term) for term in vocabulary])
        embedded = files["embedded"].to_numpy(dtype=bool)
        # no copy of the whole matrix when every photo is embedded (tag_photos reads it in chunks)
        tags = tag_photos(vectors if embedded.all() else vectors[embedded], term_vectors, vocabulary)
        rows = files.loc[embedded, list(shards.STAMP)].reset_index(drop=True)
        rows["tag_terms"], rows["tag_scores"] = tags.terms, tags.scores
        shards.replace_stage(library, "concepts", rows)
        progress(1, 1, "tagging concepts")

    def summary(self) -> list[str]:
        return [report.summary() for report in self.reports]


def _matching_rows(table: pd.DataFrame, rows: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Positions in the photo table of the stage rows whose photo is unchanged (same path, size and mtime)."""
    where = pd.MultiIndex.from_arrays([table[c].astype("int64") if c != "path" else table[c] for c in shards.STAMP]).get_indexer(
        pd.MultiIndex.from_arrays([rows[c].astype("int64") if c != "path" else rows[c] for c in shards.STAMP])
    )
    found = where >= 0
    return where[found], rows[found].reset_index(drop=True)


def _exploded(positions: np.ndarray, lists: pd.Series, counts: pd.Series | None = None):
    """(photo rows, labels, counts, counted) from per-photo lists: the label counts' entries; counts=None
    means the labels were not counted (tags), and each counts as one."""
    lengths = np.fromiter((len(items) for items in lists), dtype=np.int64, count=len(lists))
    labels = np.concatenate([np.asarray(items, dtype=object) for items in lists]) if lengths.sum() else np.zeros(0, object)
    numbers = np.concatenate([np.asarray(items, dtype=np.float32) for items in counts]) if counts is not None and lengths.sum() else np.ones(len(labels), np.float32)
    return np.repeat(positions, lengths), labels, numbers, np.full(len(labels), counts is not None)


def attach_enrichments(library: Path, table: pd.DataFrame):
    """The photo table with the enrichment columns filled from the stored results, and the label counts
    (None when no photo has tags or detections)."""
    table = table.reset_index(drop=True)  # positions below are row numbers
    for column in ENRICHED_COLUMNS:
        table[column] = ""
    entries = []
    for stage, apply in _ATTACH.items():
        rows = shards.read_stage(library, stage)
        if rows is None or not len(table):
            continue
        positions, rows = _matching_rows(table, rows)
        entry = apply(table, positions, rows)
        if entry is not None:
            entries.append(entry)
    if not entries:
        return table, None
    index = LabelCounts.build(len(table), *(np.concatenate(parts) for parts in zip(*entries)))
    return table, (None if index.is_empty else index)


def _attach_ocr(table, positions, rows):
    table.loc[positions, "ocr_text"] = rows["ocr_text"].fillna("").to_numpy()


def _attach_concepts(table, positions, rows):
    table.loc[positions, "tags"] = [", ".join(items) for items in rows["tag_terms"]]
    return _exploded(positions, rows["tag_terms"])


def _attach_objects(table, positions, rows):
    table.loc[positions, "objects"] = rows["objects"].fillna("").to_numpy()
    return _exploded(positions, rows["object_labels"], rows["object_counts"])


def _attach_captions(table, positions, rows):
    current = table["caption"].fillna("").astype(str).to_numpy()[positions]
    generated = rows["generated_caption"].fillna("").astype(str).to_numpy()
    table.loc[positions, "caption"] = np.where(np.char.str_len(current.astype(str)) > 0, current, generated)


_ATTACH = {"ocr": _attach_ocr, "concepts": _attach_concepts, "objects": _attach_objects, "captions": _attach_captions}

__all__ = ["ENRICHED_COLUMNS", "Enrichment", "attach_enrichments"]
