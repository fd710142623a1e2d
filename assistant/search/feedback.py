"""Query by example and relevance feedback: "more like these" and "not this" (Rocchio on CLIP vectors)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..library import Library
from ..models import ClipEncoder
from ..models.towers import description_vector
from ..query.language import language_name
from .results import SearchError, SearchRequest, photo_row
from .stored import similarity, stored_vectors

# Relevance feedback (Rocchio): query = text + LIKE_WEIGHT * mean(liked) - UNLIKE_WEIGHT * mean(unliked).
LIKE_WEIGHT, UNLIKE_WEIGHT = 0.8, 0.5
# A photo this close to a rejected one is a near-duplicate of it and sinks.
NEAR_DUPLICATE_COSINE = 0.9


def vectors_of_photos(library: Library, ids: tuple[str, ...]) -> tuple[np.ndarray, list[int]]:
    """The stored CLIP vectors of the photos that have one, and the rows of all of them (unknown ids refused)."""
    rows = [photo_row(library, image_id) for image_id in ids]
    usable = [row for row in rows if library.embeddings is not None and library.embedded[row]]
    vectors = stored_vectors(library).rows(usable) if usable else np.zeros((0, 1), np.float32)
    return vectors, rows


def _example_vector(library: Library, encoder: ClipEncoder | None, image: Path) -> tuple[np.ndarray, int | None]:
    row = library.row_of_path(image)
    if row is not None and library.embeddings is not None and library.embedded[row]:
        return np.asarray(library.embeddings[row], dtype=np.float32), row
    if encoder is None:
        raise SearchError("searching by a photo outside the library needs the CLIP model; pass --model")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image) as opened:
            return encoder.encode_images([opened])[0], row
    except (OSError, UnidentifiedImageError) as error:
        raise SearchError(f"cannot read {image}: {error}") from error


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def clip_query_vector(library: Library, encoder: ClipEncoder | None, request: SearchRequest, visual: str, language: str = "en"):
    """The CLIP query vector (description, example, liked and unliked photos combined, Rocchio-style); a description
    not in English (language) is read by the encoder's multilingual text tower when it has one (models.towers).

    Returns (vector or None, row to pin first or None, channels used, notices for the user).
    """
    channels: list[str] = []
    notices: list[str] = []
    pinned_row = None
    parts = []
    if request.example_image is not None:
        example, pinned_row = _example_vector(library, encoder, Path(request.example_image))
        parts.append(example)
    if request.example_id is not None:
        example, example_rows = vectors_of_photos(library, (request.example_id,))
        if not len(example):
            raise SearchError(f"photo {request.example_id!r} has no CLIP embedding yet: run 'lifelog index' with a model")
        parts.append(example[0])
        pinned_row = example_rows[0]
    if request.vector is not None:
        parts.append(_unit(np.asarray(request.vector, dtype=np.float32)))
    if request.like_ids:
        if library.embeddings is None:
            raise SearchError("this library has no CLIP embeddings: run 'lifelog index' with a model to search by example")
        liked, liked_rows = vectors_of_photos(library, request.like_ids)
        if len(liked):
            parts.append(liked.mean(axis=0) * (LIKE_WEIGHT if visual or parts else 1.0))
        if pinned_row is None and len(liked_rows) == 1 and not visual:
            pinned_row = liked_rows[0]
    if parts:
        channels.append("example")
    if visual and encoder is not None and library.embeddings is not None:
        described = description_vector(encoder, visual, language)
        parts.insert(0, described.vector)
        channels.insert(0, "clip" if described.tower == "clip" else "multilingual clip")
        if described.problem:
            name = language_name(language)
            notices.append(f"Your memory is in {name}, and {described.problem}, so the pictures are ranked by CLIP's "
                           f"English text model, which reads {name} poorly.")
    elif visual and encoder is None and library.embeddings is not None:
        notices.append("CLIP model not available: ranked by captions only")
    if not parts:
        return None, pinned_row, channels, notices
    vector = _unit(np.sum(parts, axis=0))
    if request.unlike_ids and library.embeddings is not None:
        unliked, _ = vectors_of_photos(library, request.unlike_ids)
        if len(unliked):
            vector = _unit(vector - UNLIKE_WEIGHT * unliked.mean(axis=0))
    return vector, pinned_row, channels, notices


def sink_near_duplicates(library: Library, request: SearchRequest, rows: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Sink near-duplicates of rejected photos (Rocchio alone only nudges them)."""
    if not request.unlike_ids or library.embeddings is None or not len(rows):
        return scores
    unliked, _ = vectors_of_photos(library, request.unlike_ids)
    if not len(unliked):
        return scores
    closeness = np.max([similarity(library, vector, rows) for vector in unliked], axis=0)
    penalty = np.clip((closeness - NEAR_DUPLICATE_COSINE) / (1 - NEAR_DUPLICATE_COSINE), 0, 1) * 10.0
    return scores - penalty.astype(np.float32)
