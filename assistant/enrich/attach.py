"""The enrichment steps' stored results attached to the photo table at every commit: words for the text channel
(`ocr_text`, `tags`, `objects`, and generated captions where the captions CSV has none) and label counts for the
query's concept filters."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..library.label_counts import LabelCounts
from ..library.schema import ENRICHED_COLUMNS  # the photo-table columns these steps fill ("" where a step has not run)
from . import shards


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
