"""The enrichment steps of one indexing run: started beside embedding, zero-shot tags from the embeddings, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from ..core.progress import Progress
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
        steps = self.photo_steps(snapshot, captions)
        if not steps:
            return None
        if place is not None:
            steps = [place(step) for step in steps]
        stamps = [(str(file.path), int(file.size), int(file.mtime_ns)) for file in files]
        run = StageRun(Path(library), steps, stamps, progress)
        self.reports = run.reports
        return run

    def photo_steps(self, snapshot, captions) -> list[PhotoStage]:
        """The per-photo steps asked for, in the order they run; the captioner told which photos already have a caption."""
        steps: list[PhotoStage] = []
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
        return steps

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
