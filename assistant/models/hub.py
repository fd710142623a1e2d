"""Where a model comes from (a local folder or a hub id, cached or not) and the errors that say what to do.

Every model kind (CLIP, the sentence model, the detector, the captioner) is found the same way, and a
model that cannot be had raises ModelNotAvailable naming the flag or variable that points at a local copy.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse


class ModelNotAvailable(RuntimeError):
    """The requested model cannot be loaded; the message says how to provide it."""


@dataclass(frozen=True)
class ModelKind:
    """What a kind of model is called and how a user points at it, for messages that say what to do."""

    what: str  # "a CLIP model"
    flag: str  # "--model"
    saved_with: str  # how a local folder of it is made
    example_path: str  # "/path/to/clip"
    env: str = ""  # "LIFELOG_MODEL", or "" where only the flag sets it


CLIP_KIND = ModelKind(
    "a CLIP model", "--model", "CLIPModel.save_pretrained (config.json, model.safetensors, tokenizer and preprocessor files)",
    "/path/to/clip", env="LIFELOG_MODEL",
)
SENTENCE_KIND = ModelKind(
    "a sentence-embedding model", "--text-model", "SentenceTransformer.save (modules.json, config.json, weights, tokenizer)",
    "/path/to/sentence-model", env="LIFELOG_TEXT_MODEL",
)
DETECTOR_KIND = ModelKind(
    "an object-detection model", "--detector", "save_pretrained (config.json, model.safetensors and the image processor files)",
    "/path/to/object-detection",
)
CAPTIONER_KIND = ModelKind(
    "an image-to-text model", "--captioner", "save_pretrained (config.json, model.safetensors and the processor files)",
    "/path/to/image-to-text",
)
VQA_KIND = ModelKind(
    "a visual-question-answering model", "--vqa", "save_pretrained (config.json, model.safetensors and the processor files)",
    "/path/to/vqa-model",
)


# Multilingual text towers trained to put a text in any language where a CLIP's own text tower puts its English.
ALIGNED_TOWERS = {"openai/clip-vit-base-patch32": "sentence-transformers/clip-ViT-B-32-multilingual-v1"}
CLIP_TEXT_KIND = ModelKind(
    "a multilingual CLIP text model", "--clip-text-model", "SentenceTransformer.save, with a Dense layer to CLIP's projection size",
    "/path/to/multilingual-clip-text", env="LIFELOG_CLIP_TEXT_MODEL",
)


def text_tower_for(clip_name: str, configured: str | None) -> str | None:
    """The multilingual text tower that reads non-English descriptions for this CLIP: the one configured (hub id or
    folder), else the one aligned to it when it is on this machine (never fetched mid-search); None: none ("none")."""
    if configured:
        return None if configured.strip().lower() == "none" else configured
    known = ALIGNED_TOWERS.get(clip_name)
    return known if known is not None and (_cached_on_disk(known) or is_local_reference(known)) else None


def is_local_reference(name_or_path: str) -> bool:
    """A path (relative, absolute, home) or an existing folder, rather than a hub id."""
    return name_or_path.startswith((".", "/", "~")) or Path(name_or_path).expanduser().exists()


def missing_model_message(name_or_path: str, reason: str, kind: ModelKind) -> str:
    """Why the model cannot be had and what to do about it, worded for a folder or for a hub id."""
    if is_local_reference(name_or_path):
        return (
            f"cannot load {kind.what} from {name_or_path!r}: {reason}. "
            f"Point {kind.flag}" + (f" (or {kind.env})" if kind.env else "") + f" at a folder saved with {kind.saved_with}."
        )
    return (
        f"model {name_or_path!r} is not cached and could not be downloaded ({reason}). "
        f"Connect to the internet once so it can be downloaded, or pass {kind.flag} {kind.example_path}"
        + (f" or set {kind.env} to a local folder holding the model." if kind.env else " pointing at a local folder holding the model.")
    )


def first_line(error: BaseException) -> str:
    """The first line of an error, short enough for a message (loaders raise pages of text)."""
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]


def pretrained_source(name_or_path: str, kind: ModelKind = CLIP_KIND) -> tuple[str, bool]:
    """Where to load a model from and whether to stay offline; ModelNotAvailable when it cannot be had.

    A cached hub model loads without touching the network; an uncached one needs the hub, and without a
    network the hub client retries for half a minute, so find that out first.
    """
    if is_local_reference(name_or_path):
        source = str(Path(name_or_path).expanduser())
        if not Path(source).is_dir():
            raise ModelNotAvailable(missing_model_message(name_or_path, "no such folder", kind))
        return source, False
    if _cached_on_disk(name_or_path):
        return name_or_path, True
    if not _hub_reachable():
        raise ModelNotAvailable(missing_model_message(name_or_path, "there is no network connection", kind))
    return name_or_path, False


def _cached_on_disk(repo_id: str) -> bool:
    from huggingface_hub import try_to_load_from_cache

    try:
        return isinstance(try_to_load_from_cache(repo_id, "config.json"), str)
    except Exception:  # an id that is not a valid repo name is simply not cached
        return False


def _hub_reachable(timeout: float = 3.0) -> bool:
    """Can the model hub be reached at all? Offline mode or no route answers False within seconds."""
    from huggingface_hub import constants

    if constants.HF_HUB_OFFLINE or os.environ.get("TRANSFORMERS_OFFLINE") == "1":
        return False
    endpoint = urlparse(constants.ENDPOINT)
    try:
        with socket.create_connection((endpoint.hostname, endpoint.port or 443), timeout=timeout):
            return True
    except OSError:
        return False
