"""Text in photos: RapidOCR (PP-OCRv4 detection and recognition, ONNX models shipped in its wheel: offline).

Recognised strings keep their confidences; noise is dropped before it can reach search: strings the
recogniser is unsure of, and strings too short to mean anything (a lone letter read off a texture).
"""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from ..core.images import open_upright
from ..models import ModelNotAvailable

# RapidOCR's own cut-off is 0.5; at that level textures and foliage still come out as words.
MIN_CONFIDENCE = 0.75
# A string needs this many letters or digits; short ones (codes, "EXIT") must be read surer still.
MIN_CHARACTERS = 2
SHORT_CHARACTERS, SHORT_MIN_CONFIDENCE = 3, 0.9
# Photos are read at this long side at most: signs stay legible, detection time stays bounded.
MAX_SIDE = 1280


@dataclass(frozen=True)
class ReadString:
    text: str
    confidence: float


def is_meaningful(text: str, confidence: float) -> bool:
    """Keep a recognised string? (the noise rule, in one place)"""
    characters = sum(character.isalnum() for character in text)
    if characters < MIN_CHARACTERS or confidence < MIN_CONFIDENCE:
        return False
    return characters > SHORT_CHARACTERS or confidence >= SHORT_MIN_CONFIDENCE


def _engine(threads: int):
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as error:
        raise ModelNotAvailable(
            "OCR needs the rapidocr-onnxruntime package (its wheel carries the models): pip install rapidocr-onnxruntime"
        ) from error
    return RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)


def _bgr_pixels(image: Image.Image) -> np.ndarray:
    if image.mode != "RGB":
        image = image.convert("RGB")
    if max(image.size) > MAX_SIDE:
        scale = MAX_SIDE / max(image.size)
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.BILINEAR)
    return np.ascontiguousarray(np.asarray(image)[:, :, ::-1])


class TextReader:
    """One loaded OCR engine; `read` is safe to call from one thread at a time per reader."""

    def __init__(self, threads: int = 1):
        self._engine = _engine(threads)
        self._lock = threading.Lock()

    def read(self, image: Image.Image | Path | str) -> list[ReadString]:
        """The meaningful strings in a photo, in reading order, with the recogniser's confidence."""
        if not isinstance(image, Image.Image):
            image = open_upright(image, MAX_SIDE)  # a sideways sign is not read
        with self._lock:
            found, _ = self._engine(_bgr_pixels(image))
        strings = [ReadString(str(text).strip(), float(score)) for _, text, score in (found or [])]
        return [item for item in strings if is_meaningful(item.text, item.confidence)]


def ocr_row(strings: list[ReadString]) -> dict:
    """The stored form of a photo's strings: the text the search indexes, and each string with its confidence."""
    return {
        "ocr_text": " ".join(item.text for item in strings),
        "ocr_strings": [item.text for item in strings],
        "ocr_confidences": [round(item.confidence, 4) for item in strings],
    }


# ---- worker processes: each holds its own engine ---------------------------------------------------
_worker_reader: TextReader | None = None


def _start_worker(threads: int) -> None:
    global _worker_reader
    # Ctrl-C is the parent's to handle: it stops handing out photos and saves what the workers finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    _worker_reader = TextReader(threads)


def read_file(reader: TextReader, path: str) -> dict | str:
    """OCR one photo file: its stored row, or the reason it could not be read."""
    try:
        return ocr_row(reader.read(path))
    except Exception as error:  # one bad file must not stop the stage; it is reported and retried next run
        return f"{type(error).__name__}: {error}"


def read_file_in_worker(path: str) -> dict | str:
    return read_file(_worker_reader, path)  # type: ignore[arg-type]
