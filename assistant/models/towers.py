"""A description as a CLIP query vector, in whatever language it is written.

CLIP's own text tower reads English. A multilingual text tower is a sentence-transformers model trained so that
a text in any language lands where CLIP puts its English: sentence-transformers/clip-ViT-B-32-multilingual-v1
(DistilBERT, mean pooling, a Dense layer 768 -> 512) is aligned to openai/clip-vit-base-patch32, the default
(hub.ALIGNED_TOWERS). A non-English description is read by the tower paired with the encoder
(`ClipEncoder.with_text_tower`); without one it is read by CLIP's English tower, and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .clip_text import ClipTextEncoder
from .hub import ALIGNED_TOWERS, CLIP_TEXT_KIND, ModelNotAvailable, missing_model_message
from .sentence import SentenceEncoder, shared_sentence_model


@dataclass(frozen=True)
class DescriptionVector:
    """A description in CLIP's space, which tower read it, and why not the multilingual one when it should have."""

    vector: np.ndarray
    tower: str  # "clip" (CLIP's own, English) or the multilingual tower's name
    problem: str = ""  # a non-English description read by the English tower: why ("" otherwise)


def load_text_tower(name: str, clip: ClipTextEncoder) -> SentenceEncoder:
    """The multilingual tower, shared per process; ModelNotAvailable when it cannot be loaded or its vectors
    are not in this CLIP's space (another length: it was trained for another model)."""
    try:
        tower = shared_sentence_model(name)
    except ModelNotAvailable as error:
        raise ModelNotAvailable(str(error).replace("a sentence-embedding model", CLIP_TEXT_KIND.what)) from error
    if tower.dim != clip.dim:
        reason = f"it gives {tower.dim}-d vectors and {clip.name!r} {clip.dim}-d ones, so it was trained for another CLIP model"
        raise ModelNotAvailable(missing_model_message(name, reason, CLIP_TEXT_KIND))
    return tower


def description_vector(clip: ClipTextEncoder, text: str, language: str) -> DescriptionVector:
    """The description's CLIP query vector: by the multilingual tower when it is not English and one is paired with
    the encoder and loads; else by CLIP's own tower, with the reason when the description was not English."""
    if language == "en":
        return DescriptionVector(clip.encode_text(text), "clip")
    if clip.text_tower is None:
        known = ALIGNED_TOWERS.get(clip.name)
        which = f"{known}, " if known else ""
        problem = f"no multilingual CLIP text model is installed ({which}set {CLIP_TEXT_KIND.env} or pass {CLIP_TEXT_KIND.flag})"
        return DescriptionVector(clip.encode_text(text), "clip", problem)
    try:
        tower = load_text_tower(clip.text_tower, clip)
    except ModelNotAvailable as error:
        return DescriptionVector(clip.encode_text(text), "clip", f"the multilingual CLIP text model could not be used ({error})")
    return DescriptionVector(tower.encode_text(text), clip.text_tower)
