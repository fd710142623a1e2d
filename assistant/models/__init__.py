"""The models: where they come from (hub), one loading lifecycle (base), CLIP, the sentence model, vision models.

Callers ask for embeddings or words; a model that cannot be had raises ModelNotAvailable saying what to do.
"""

from .clip import (
    ClipEncoder,
    ImageSpec,
    ModelMismatch,
    clip_for_library,
    clip_text_for_library,
    image_spec_from,
    load_clip,
    shared_clip,
)
from .clip_text import ClipTextEncoder
from .hub import (
    CAPTIONER_KIND,
    CLIP_KIND,
    DETECTOR_KIND,
    SENTENCE_KIND,
    ModelKind,
    ModelNotAvailable,
    pretrained_source,
)
from .sentence import SentenceEncoder, load_query_sentence_model, load_sentence_model, shared_query_sentence_model, shared_sentence_model
from .vision import Captioner, Detector

__all__ = [
    "CAPTIONER_KIND", "CLIP_KIND", "DETECTOR_KIND", "SENTENCE_KIND", "Captioner", "ClipEncoder", "ClipTextEncoder", "Detector", "ImageSpec",
    "ModelKind", "ModelMismatch", "ModelNotAvailable", "SentenceEncoder", "clip_for_library", "clip_text_for_library",
    "image_spec_from", "load_clip", "load_query_sentence_model", "load_sentence_model", "pretrained_source", "shared_clip",
    "shared_query_sentence_model", "shared_sentence_model",
]
