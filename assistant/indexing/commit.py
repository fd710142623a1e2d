"""Committing a photo table: time order, events, enrichments, the text index and sentence vectors, then
one new library generation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.progress import Progress
from ..enrich import attach_enrichments
from ..library import store
from ..library.generation import commit_generation
from ..library.library import ENRICHING_FILE
from ..library.known_places import known_places_of, save_known_places
from ..library.text_index import TextIndex
from ..models import SentenceEncoder
from .events import segment_events
from .photo_words import embed_photo_texts, photo_texts
from .vector_index import index_saver, wants_index



def commit_photo_table(
    library: Path, table: pd.DataFrame, vectors: np.ndarray | None, sources: dict[str, pd.DataFrame], *,
    model: str | None, photo_roots: list[str], text_encoder: SentenceEncoder | None = None,
    keep_text_vectors: bool = True, previous: store.Snapshot | None = None, progress: Progress | None = None,
    vector_index: str = "auto", enriching: dict[str, tuple[int, int]] | None = None,
) -> pd.DataFrame:
    """Put rows in time order, segment events, attach the enrichments, build the text index, sentence
    vectors and (for a large library, or as vector_index says: auto, always, never) the vector index,
    commit one generation.

    enriching: the enrichment steps still under way, step -> (photos done, photos it reads), recorded with
    the generation so that its readers can say what is still being read."""
    order = time_order(table)
    if not np.array_equal(order, np.arange(len(order))):  # already in order: no copy of the vectors
        table = table.iloc[order].reset_index(drop=True)
        vectors = vectors[order] if vectors is not None else None
    table["event_id"] = segment_events(table, vectors)
    table, label_counts = attach_enrichments(library, table)
    texts = photo_texts(table)
    text_index = TextIndex.build(texts)
    derived = {} if text_index.is_empty else {"text_index": ("npz", text_index.save)}
    if label_counts is not None:
        derived["concept_index"] = ("npz", label_counts.save)  # the file keeps its name: same library format
    text_model, earlier = _earlier_text_vectors(previous, text_encoder) if text_encoder or keep_text_vectors else (None, None)
    text_vectors = embed_photo_texts(texts, text_encoder, earlier, progress)
    if text_vectors is not None:
        derived["text_embeddings"] = ("npy", lambda path: store.write_npy(text_vectors, path))
    derived["known_places"] = ("json", lambda path: save_known_places(known_places_of(table), path))
    if enriching:
        steps = {step: {"done": done, "total": total} for step, (done, total) in enriching.items()}
        derived[ENRICHING_FILE] = ("json", lambda path: path.write_text(json.dumps(steps)))
    embedded = table["embedded"].to_numpy(dtype=bool)
    index = vectors is not None and wants_index(int(embedded.sum()), vector_index)
    commit_generation(
        library, table, vectors, sources, model=model, photo_roots=photo_roots, derived=derived,
        text_model=text_model if text_vectors is not None else None,
        vector_index=index_saver(vectors, embedded, progress, forced=vector_index == "always") if index else None,
    )
    return table


def commit_enrichments(library: Path, *, text_encoder: SentenceEncoder | None = None, progress: Progress | None = None,
                       enriching: dict[str, tuple[int, int]] | None = None) -> pd.DataFrame:
    """The library's generation committed again with what the enrichment steps have stored so far: a new
    generation (the caller holds the writer lock). Its vector index is kept or left out as before."""
    snapshot = store.read_snapshot(library)
    kept_index = "always" if snapshot.manifest.vector_index else "never"
    return commit_photo_table(
        library, snapshot.photos, None if snapshot.embeddings is None else np.asarray(snapshot.embeddings), snapshot.sources,
        model=snapshot.manifest.model, photo_roots=snapshot.manifest.photo_roots, text_encoder=text_encoder, previous=snapshot,
        progress=progress, vector_index=kept_index, enriching=enriching,
    )


def time_order(table: pd.DataFrame) -> np.ndarray:
    """The order of a library's rows: by time taken, then by id."""
    return np.lexsort((table["image_id"].to_numpy(), table["taken_at_utc"].to_numpy()))


def _earlier_text_vectors(previous: store.Snapshot | None, encoder: SentenceEncoder | None):
    """(model name, (texts, vectors) of the last generation that this run may reuse, or None)."""
    name = encoder.name if encoder is not None else None
    if previous is None or not previous.manifest.text_model or not len(previous.photos):
        return name, None
    if name is not None and name != previous.manifest.text_model:
        return name, None  # another model: every text is embedded afresh
    file = previous.manifest.files.get("text_embeddings")
    try:
        vectors = np.load(previous.folder / file, mmap_mode="r") if file else None
    except (OSError, ValueError):
        vectors = None  # unreadable: embed again rather than fail the run
    if vectors is None or len(vectors) != len(previous.photos):
        return name, None
    return previous.manifest.text_model, (photo_texts(previous.photos), vectors)
