"""One loading lifecycle for every model: find its source, load it whole, place it on a device, share it.

1. source: `hub.pretrained_source` (a local folder, a cached hub id, or the hub if it can be reached);
2. load: `load_pretrained` turns whatever a loader raises into ModelNotAvailable and refuses a model
   with missing weights rather than running it on random ones;
3. predict: each model's own methods, which take photos or texts and give numpy arrays or words; their
   forward passes go through `on_device`, which on a ZeroGPU Space runs them under `@spaces.GPU`;
4. share: `SHARED.get` loads a model once per process for every session, remembering failures too.
"""

from __future__ import annotations

import os
import threading
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterator, TypeVar

import numpy as np

from .hub import ModelKind, ModelNotAvailable, first_line, missing_model_message, pretrained_source

Loaded = TypeVar("Loaded")


def choose_device(requested: str):
    """The torch device for "auto" (a GPU when there is one, else Apple's, else the CPU) or as named."""
    zero_gpu_decorator()  # on a ZeroGPU Space, spaces must patch torch's CUDA before anything asks about it
    import torch

    if requested != "auto":
        return torch.device(requested)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def zero_gpu_decorator() -> Callable | None:
    """`spaces.GPU` when this runs on a Hugging Face ZeroGPU Space, else None.

    A Space sets SPACE_ID; ZeroGPU hardware sets SPACES_ZERO_GPU, the flag the spaces package itself
    reads (elsewhere its decorator returns the function unchanged, so it is not even imported there).
    """
    if not os.environ.get("SPACE_ID") or os.environ.get("SPACES_ZERO_GPU", "").lower() not in {"1", "t", "true"}:
        return None
    try:
        import spaces
    except ImportError:
        return None
    return spaces.GPU


# Forward passes (bound methods, held weakly so a discarded model is freed) that run under @spaces.GPU.
_forwards: list[weakref.WeakMethod] = []


def _run_forward(position: int, *inputs):
    """Run a registered forward pass; on ZeroGPU this runs in spaces' GPU worker, a fork holding the same models."""
    return _forwards[position]()(*inputs)


def on_device(forward: Callable[..., Loaded]) -> Callable[..., Loaded]:
    """A model's bound forward method itself, or on a ZeroGPU Space a call that runs it under `@spaces.GPU`.

    ZeroGPU attaches a GPU only while a decorated call runs, in a forked worker that receives the call's
    arguments and returns its result by pickling: so a forward pass takes and returns tensors, arrays or
    words, never the model, and reaches its model through this registry. Models must be loaded before
    the app starts (ZeroGPU packs them at start-up), which is also when these are registered.
    """
    decorator = zero_gpu_decorator()
    if decorator is None:
        return forward
    _forwards.append(weakref.WeakMethod(forward))
    return partial(decorator(_run_forward), len(_forwards) - 1)


@contextmanager
def loading_errors(name_or_path: str, kind: ModelKind) -> Iterator[None]:
    """Turn what a loader raises (missing files, a bad config, a package not installed, the network
    stack's own types) into a ModelNotAvailable that says what to do."""
    try:
        yield
    except ModelNotAvailable:
        raise
    except ImportError as error:  # e.g. a DETR checkpoint that wants the timm backbone package
        raise ModelNotAvailable(f"{kind.what} {name_or_path!r} needs a package that is not installed: {first_line(error)}") from error
    except Exception as error:
        raise ModelNotAvailable(missing_model_message(name_or_path, first_line(error), kind)) from error


@dataclass(frozen=True)
class Pretrained:
    """A transformers model loaded whole, in eval mode on its device, with its tokenizer or processor files."""

    model: Any
    files: tuple[Any, ...]
    device: Any  # torch.device


def load_pretrained(name_or_path: str, kind: ModelKind, model_class, *file_classes, device: str = "auto") -> Pretrained:
    """Load a transformers model and its companions (tokenizer, processor) by hub id or local folder.

    transformers fills weights missing from a checkpoint with random ones and only logs it; a model that
    silently answers at random is worse than none, so any missing weight raises ModelNotAvailable.
    """
    from transformers.utils import logging as hf_logging

    source, local_only = pretrained_source(name_or_path, kind)
    hf_logging.disable_progress_bar()
    with loading_errors(name_or_path, kind):
        model, loading_info = model_class.from_pretrained(source, output_loading_info=True, local_files_only=local_only)
        files = tuple(file_class.from_pretrained(source, local_files_only=local_only) for file_class in file_classes)
    missing = sorted(loading_info.get("missing_keys") or [])
    if missing:
        reason = f"{len(missing)} weights are missing (e.g. {missing[0]}); refusing to use random weights"
        raise ModelNotAvailable(missing_model_message(name_or_path, reason, kind))
    model.eval()
    torch_device = choose_device(device)
    return Pretrained(model.to(torch_device), files, torch_device)


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length as float32: what every encoder returns, so a dot product is a cosine."""
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


class SharedModels:
    """Models loaded once per process and shared by the app's sessions and the CLI's commands.

    A ModelNotAvailable is remembered as well, so a session never waits on the hub for a model that
    was already found missing. One lock: two sessions asking at once load the model once. Reentrant, as a
    loader may ask for another shared model (the query sentence model falls back to the shared one).
    """

    def __init__(self):
        self._loaded: dict[tuple, object] = {}
        self._lock = threading.RLock()

    def get(self, load: Callable[..., Loaded], name_or_path: str, **options) -> Loaded:
        """`load(name_or_path, **options)` the first time these arguments are asked for, the same answer after."""
        key = (load.__module__, load.__qualname__, name_or_path, tuple(sorted(options.items())))
        with self._lock:
            if key not in self._loaded:
                try:
                    self._loaded[key] = load(name_or_path, **options)
                except ModelNotAvailable as error:
                    self._loaded[key] = error
            loaded = self._loaded[key]
        if isinstance(loaded, ModelNotAvailable):
            raise loaded
        return loaded  # type: ignore[return-value]


SHARED = SharedModels()
