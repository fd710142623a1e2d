"""The words attached to each photo, gathered for the text index and embedded with a sentence model."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..library.schema import TEXT_COLUMNS


def photo_texts(photos) -> list[str]:
    """The words attached to each photo of a photo table, one string per row."""
    present = [column for column in TEXT_COLUMNS if column in photos]
    if not present:
        return [""] * len(photos)
    columns = [photos[column].fillna("").astype(str).str.strip().tolist() for column in present]
    # ". " between sources, so a sentence model reads "a cup of coffee. OMRON Pharmacy" as two statements
    return [". ".join(part for part in parts if part) for parts in zip(*columns)]


def embed_photo_texts(
    texts: Sequence[str], encoder, previous: tuple[Sequence[str], np.ndarray] | None = None, progress=None,
) -> np.ndarray | None:
    """Sentence vectors of photo words, float16, row-aligned; a photo without words (or not embedded) is a zero row.

    previous: (texts, vectors) of the last generation, made by the same model; unchanged words reuse their
    vector, so a re-index embeds only new words. With no encoder, only what previous holds is kept.
    Returns None when there is nothing to store.
    """
    known: dict[str, np.ndarray] = {}
    if previous is not None:
        old_texts, old_vectors = previous
        present = np.flatnonzero(np.any(np.asarray(old_vectors) != 0, axis=1))
        known = {old_texts[row]: old_vectors[row] for row in present}
    wanted = sorted({text for text in texts if text.strip()} - known.keys())
    if encoder is not None and wanted:
        chunk = 4096
        for start in range(0, len(wanted), chunk):
            part = wanted[start : start + chunk]
            known.update(zip(part, encoder.encode_texts(part).astype(np.float16)))
            if progress:
                progress(min(start + chunk, len(wanted)), len(wanted), "embedding photo words")
    if not known:
        return None
    dim = len(next(iter(known.values())))
    vectors = np.zeros((len(texts), dim), dtype=np.float16)
    for row, text in enumerate(texts):
        vector = known.get(text)
        if vector is not None:
            vectors[row] = vector
    return vectors
