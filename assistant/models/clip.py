"""CLIP: how it wants its pixels, loading with a measured precision, and batched encoding of photos and texts.

Callers hand in photos (PIL images or uint8 arrays) or texts and get unit-length float32 numpy rows. Torch
tensors are made and used only in this module; the encoder names its device and precision as strings
(for messages and for batching choices), never hands out the model.
"""

from __future__ import annotations

import copy
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
from PIL import Image

from ..core.machine import best_thread_ms, choice_file, machine_key, one_thread, timed_choice
from ..core.settings import Settings
from .base import SHARED, load_pretrained, on_device, unit_rows
from .clip_text import TORCH, ClipTextEncoder, NumpyClipText
from .hub import CLIP_KIND, pretrained_source, text_tower_for
from .numpy_clip import ClipTextModel
from .numpy_transformer import NotSupported, local_folder

log = logging.getLogger(__name__)

# Cosine that a reduced-precision encoder must keep against fp32 on a probe batch to be used.
REDUCED_PRECISION_MIN_COSINE = 0.999
# On a CPU, a reduced precision is used only when it embeds in at most this share of fp32's time.
REDUCED_WORTH_IT = 0.9
PRECISION_ROUNDS = 3


@dataclass(frozen=True)
class ImageSpec:
    """How the model wants its pixels: read from the model's own preprocessor config."""

    short_side: int
    crop_height: int
    crop_width: int
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    resample: int = Image.Resampling.BICUBIC

    def resized_size(self, width: int, height: int) -> tuple[int, int]:
        """(width, height) after the short side becomes short_side; the long side scales with it (HF's int())."""
        scale = self.short_side / min(width, height)
        return (
            max(self.crop_width, self.short_side if width <= height else int(width * scale)),
            max(self.crop_height, self.short_side if height <= width else int(height * scale)),
        )

    def prepare(self, image: Image.Image) -> np.ndarray:
        """One PIL image as the model's input: float32 (3, H, W)."""
        return self.prepare_batch([np.asarray(image.convert("RGB"))])[0]

    def prepare_batch(self, photos: Sequence[np.ndarray]) -> np.ndarray:
        """Upright RGB uint8 arrays (H, W, 3) of any sizes as the model's input: float32 (B, 3, H, W)."""
        return self._prepare_tensor(photos, "cpu").numpy()

    def _prepare_tensor(self, photos: Sequence[np.ndarray], device):
        """Resize, centre-crop and normalise as CLIPImageProcessor does (antialiased resampling, then the
        crop): a float32 tensor (B, 3, H, W) on device.

        Done per batch in torch rather than per photo in Pillow: photos of one size are resized together with
        torch's vectorised uint8 kernels on the CPU (a quarter of Pillow's time, and the same rounding), and
        a GPU receives the uint8 crops, a quarter of the bytes of float32, to normalise itself.
        """
        import torch
        import torch.nn.functional as F

        mean = torch.tensor(self.mean, device=device).view(1, 3, 1, 1) * 255
        scale = 1 / (torch.tensor(self.std, device=device).view(1, 3, 1, 1) * 255)
        rows_by_shape: dict[tuple[int, ...], list[int]] = {}
        for row, photo in enumerate(photos):
            rows_by_shape.setdefault(photo.shape, []).append(row)
        groups = []
        for (height, width, _), rows in rows_by_shape.items():
            batch = torch.from_numpy(np.stack([photos[row] for row in rows])).permute(0, 3, 1, 2)
            new_width, new_height = self.resized_size(width, height)
            if (new_width, new_height) != (width, height):
                mode = _TORCH_RESAMPLING.get(self.resample, "bicubic")
                batch = F.interpolate(batch, size=(new_height, new_width), mode=mode, antialias=True)
            top, left = (new_height - self.crop_height) // 2, (new_width - self.crop_width) // 2
            crop = batch[:, :, top : top + self.crop_height, left : left + self.crop_width].contiguous()
            groups.append((rows, crop.to(device).float().sub_(mean).mul_(scale)))
        if len(groups) == 1:  # the usual case: one camera, one photo size
            return groups[0][1]
        prepared = torch.empty((len(photos), 3, self.crop_height, self.crop_width), dtype=torch.float32, device=device)
        for rows, pixels in groups:
            prepared[rows] = pixels
        return prepared


# Pillow's resampling filters as torch.nn.functional.interpolate modes (both antialiased when shrinking);
# CLIP's processors use bicubic, which also stands in for the filters torch lacks (Lanczos, box, Hamming).
_TORCH_RESAMPLING = {Image.Resampling.BICUBIC: "bicubic", Image.Resampling.BILINEAR: "bilinear"}


def _features(output):
    """transformers 5 returns an output object with the embedding in pooler_output; 4.x returned the tensor."""
    return getattr(output, "pooler_output", output)


class ClipEncoder(ClipTextEncoder):
    """A loaded CLIP model that turns photos and texts into L2-normalised float32 embeddings (on torch)."""

    engine = TORCH

    def __init__(self, name: str, model, tokenizer, image_spec: ImageSpec, device, dtype):
        import torch

        super().__init__(name, int(model.config.projection_dim), int(model.config.text_config.max_position_embeddings))
        self._model = model
        self._tokenizer = tokenizer
        self.image_spec = image_spec
        self._device = device
        self._dtype = dtype
        # Fast tokenizers are not safe to call from several threads at once; the model forward is.
        self._tokenizer_lock = threading.Lock()
        self._torch = torch
        # The forward passes, under @spaces.GPU on a ZeroGPU Space (see models.base.on_device).
        self._encode_photos = on_device(self._photo_features)
        self._encode_prepared = on_device(self._image_features)
        self._encode_tokens = on_device(self._text_features)

    @property
    def device(self) -> str:
        return str(self._device)

    @property
    def precision(self) -> str:
        return {"torch.float32": "fp32", "torch.bfloat16": "bf16", "torch.float16": "fp16"}[str(self._dtype)]

    def describe(self) -> str:
        return f"{self.name} ({self.dim}-d, {self.device}, {self.precision})"

    # ---- images -------------------------------------------------------------------------------
    def encode_pixels(self, pixels: np.ndarray) -> np.ndarray:
        """Embed a batch of prepared pixels (B, 3, H, W) from ImageSpec.prepare."""
        return self._encode_prepared(self._torch.from_numpy(pixels))

    def encode_photos(self, photos: Sequence[np.ndarray]) -> np.ndarray:
        """Embed one batch of upright RGB uint8 arrays (H, W, 3) of any sizes, prepared on the model's device."""
        return self._encode_photos(photos)

    def _photo_features(self, photos: Sequence[np.ndarray]) -> np.ndarray:
        return self._image_features(self.image_spec._prepare_tensor(photos, self._device))

    def _image_features(self, pixels) -> np.ndarray:
        """The forward pass over prepared pixels: unit rows (B, dim)."""
        with self._torch.inference_mode():
            batch = pixels.to(self._device, self._dtype)
            features = _features(self._model.get_image_features(pixel_values=batch))
            return unit_rows(features.float().cpu().numpy())

    def _text_features(self, tokens: dict) -> np.ndarray:
        """The forward pass over tokenised texts: unit rows (B, dim)."""
        with self._torch.inference_mode():
            tokens = {key: value.to(self._device) for key, value in tokens.items()}
            features = _features(self._model.get_text_features(**tokens))
            return unit_rows(features.float().cpu().numpy())

    def encode_images(self, images: Iterable[Image.Image], batch_size: int = 32) -> np.ndarray:
        """Embed PIL images in batches; for files on disk prefer the indexing pipeline, which decodes at reduced scale."""
        rows: list[np.ndarray] = []
        batch: list[np.ndarray] = []
        for image in images:
            batch.append(np.asarray(image.convert("RGB")))
            if len(batch) == batch_size:
                rows.append(self.encode_photos(batch))
                batch = []
        if batch:
            rows.append(self.encode_photos(batch))
        return np.concatenate(rows) if rows else np.zeros((0, self.dim), np.float32)

    # ---- text ---------------------------------------------------------------------------------
    def _token_count(self, text: str) -> int:
        with self._tokenizer_lock:
            return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])

    def _encode_fitting(self, texts: list[str]) -> np.ndarray:
        with self._tokenizer_lock:
            tokens = self._tokenizer(texts, padding=True, truncation=True, max_length=self.max_text_tokens, return_tensors="pt")
        return self._encode_tokens(dict(tokens))


def _probe_images(spec: ImageSpec, count: int = 4) -> np.ndarray:
    """Deterministic, photo-like inputs (smooth gradients plus texture) for the precision check."""
    rng = np.random.default_rng(1234)
    images = []
    for _ in range(count):
        grid = np.linspace(0, 1, 256, dtype=np.float32)
        base = np.stack(np.meshgrid(grid, grid), -1) @ rng.random((2, 3), dtype=np.float32)
        noise = rng.random((256, 256, 3), dtype=np.float32) * 0.3
        pixels = np.clip((base + noise) / 1.3 * 255, 0, 255).astype(np.uint8)
        images.append(pixels)
    return spec.prepare_batch(images)


_PROBE_TEXTS = ("a cup of coffee on a desk", "a street with a bus at night", "people in a pub")


def _reduced_precision_is_faithful(encoder: ClipEncoder, reduced: ClipEncoder) -> tuple[bool, float]:
    pixels = _probe_images(encoder.image_spec)
    worst = min(
        float(np.min(np.sum(encoder.encode_pixels(pixels) * reduced.encode_pixels(pixels), axis=1))),
        float(np.min(np.sum(encoder.encode_texts(_PROBE_TEXTS) * reduced.encode_texts(_PROBE_TEXTS), axis=1))),
    )
    return worst >= REDUCED_PRECISION_MIN_COSINE, worst


def image_spec_from(processor) -> ImageSpec:
    """The ImageSpec of a CLIP image processor (its size, crop, mean, std and resampling filter)."""
    size = processor.size or {}
    crop = processor.crop_size or {}
    short_side = size.get("shortest_edge") or min(size.get("height", 224), size.get("width", 224))
    return ImageSpec(
        short_side=int(short_side),
        crop_height=int(crop.get("height", short_side)),
        crop_width=int(crop.get("width", short_side)),
        mean=tuple(float(v) for v in processor.image_mean),  # type: ignore[arg-type]
        std=tuple(float(v) for v in processor.image_std),  # type: ignore[arg-type]
        resample=int(getattr(processor, "resample", Image.Resampling.BICUBIC)),
    )


def load_clip(name_or_path: str, *, device: str = "auto", precision: str = "auto") -> ClipEncoder:
    """Load a CLIP model by hub id or local folder; raise ModelNotAvailable instead of using random weights.

    precision "auto" means fp16 on a GPU; on a CPU, the precision timed fastest here among those whose
    embeddings keep cosine >= 0.999 against fp32 on a probe batch (see fastest_cpu_precision).
    """
    import torch
    from transformers import AutoImageProcessor, AutoTokenizer, CLIPModel

    if precision not in {"auto", "fp32", "bf16", "fp16"}:
        raise ValueError(f"precision must be auto, fp32, bf16 or fp16, not {precision!r}")
    loaded = load_pretrained(name_or_path, CLIP_KIND, CLIPModel, AutoTokenizer, AutoImageProcessor, device=device)
    tokenizer, processor = loaded.files
    spec = image_spec_from(processor)
    encoder = ClipEncoder(name_or_path, loaded.model, tokenizer, spec, loaded.device, torch.float32)

    def reduced_copy(wanted: str) -> ClipEncoder:
        dtype = torch.bfloat16 if wanted == "bf16" else torch.float16
        return ClipEncoder(name_or_path, copy.deepcopy(loaded.model).to(dtype), tokenizer, spec, loaded.device, dtype)

    wanted = precision
    if precision == "auto":
        wanted = {"cuda": "fp16", "cpu": None}.get(loaded.device.type, "fp32")
        if wanted is None:
            wanted = fastest_cpu_precision(encoder, reduced_copy, loaded.model.config)
    if wanted == "fp32":
        return encoder
    reduced = reduced_copy(wanted)
    faithful, cosine = _reduced_precision_is_faithful(encoder, reduced)
    if precision == "auto" and not faithful:
        log.info("keeping fp32: %s changes embeddings too much (cosine %.5f)", wanted, cosine)
        return encoder
    return reduced


def fastest_cpu_precision(encoder: ClipEncoder, reduced_copy: Callable[[str], ClipEncoder], config) -> str:
    """The precision that embeds photos fastest on this CPU among those that keep the embeddings (cosine
    >= REDUCED_PRECISION_MIN_COSINE against fp32): timed once per machine and architecture, then remembered.

    Timed, not read off the CPU's flags: an AMD EPYC with avx512_bf16 but no AMX runs bf16 no faster than fp32.
    """
    vision = config.vision_config
    architecture = f"CLIP {vision.hidden_size}x{vision.num_hidden_layers} patch {vision.patch_size} at {vision.image_size} px"

    def choose() -> tuple[str, dict]:
        candidates = {"fp32": encoder}
        for reduced in ("bf16", "fp16"):
            candidate = reduced_copy(reduced)
            if _reduced_precision_is_faithful(encoder, candidate)[0]:
                candidates[reduced] = candidate
        timings = time_precisions(candidates, _probe_images(encoder.image_spec))
        best = min(timings, key=timings.get)
        return (best if timings[best] <= REDUCED_WORTH_IT * timings["fp32"] else "fp32"), timings

    return timed_choice(choice_file("clip_precision.json"), machine_key(architecture), choose, {"fp32", "bf16", "fp16"}.__contains__)


def time_precisions(candidates: dict[str, ClipEncoder], pixels) -> dict[str, float]:
    """CPU milliseconds of one thread each encoder takes to embed the probe batch, at best."""
    with one_thread():
        for candidate in candidates.values():
            candidate.encode_pixels(pixels)  # warm-up
        return best_thread_ms({name: lambda candidate=candidate: candidate.encode_pixels(pixels) for name, candidate in candidates.items()}, PRECISION_ROUNDS)


def shared_clip(name_or_path: str, *, device: str = "auto", precision: str = "auto") -> ClipEncoder:
    """Load a CLIP model once per process and share it (the app's sessions and the CLI use this)."""
    return SHARED.get(load_clip, name_or_path, device=device, precision=precision)


class ModelMismatch(ValueError):
    """A library's vectors were made by one CLIP and another was asked for: their scores would not compare."""


def _library_clip_name(library_model: str | None, settings: Settings) -> str:
    """The CLIP asked for, else the library's own; ModelMismatch when the one asked for is not the library's."""
    name = settings.model_for(library_model)
    if library_model and name != library_model:
        raise ModelMismatch(f"the library was indexed with {library_model!r}, not {name!r}; pass --model {library_model}")
    return name


def clip_for_library(library_model: str | None, settings: Settings) -> ClipEncoder:
    """The shared CLIP a library is searched or extended with: the one asked for, else the library's own, paired
    with its multilingual text tower when one is configured or on this machine.

    Raises ModelMismatch when the one asked for is not the one the library was indexed with, and
    ModelNotAvailable when it cannot be loaded.
    """
    name = _library_clip_name(library_model, settings)
    encoder = shared_clip(name, device=settings.device, precision=settings.precision)
    return encoder.with_text_tower(text_tower_for(name, settings.clip_text_model))


def load_numpy_clip_text(name_or_path: str) -> NumpyClipText:
    """CLIP's text tower in numpy; NotSupported saying why when numpy does not reproduce the model, ModelNotAvailable
    when it cannot be had."""
    source, cached = pretrained_source(name_or_path, CLIP_KIND)
    return NumpyClipText(name_or_path, ClipTextModel.from_folder(local_folder(source, cached)))


def clip_text_for_library(library_model: str | None, settings: Settings) -> tuple[ClipTextEncoder, str]:
    """CLIP's text side for a process that embeds only texts (a search or a question from the command line), as
    clip_for_library chooses and pairs it: in numpy when numpy reproduces the model (on the CPU whatever the device:
    a description takes milliseconds there, and importing torch seconds), else the whole model on torch.

    Returns (encoder, why it runs on torch: "" when in numpy). Raises as clip_for_library does.
    """
    name = _library_clip_name(library_model, settings)
    try:
        encoder: ClipTextEncoder = SHARED.get(load_numpy_clip_text, name)
    except NotSupported as reason:
        why = f"CLIP {name!r} reads the description on torch, which takes seconds to load, not in numpy: {reason}"
        log.info("%s", why)
        return clip_for_library(library_model, settings), why
    return encoder.with_text_tower(text_tower_for(name, settings.clip_text_model)), ""
