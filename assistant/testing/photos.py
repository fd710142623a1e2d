"""For tests and benchmarks only: synthetic photos (a smooth colour field with shapes, or a sign with words on
it), written as LSC-named JPEGs that go through exactly the indexing code real photos do."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Sequence

import numpy as np
from PIL import Image

from ..core.photo_names import lsc_file_name


def synthetic_photo(seed: int, size: tuple[int, int] = (1024, 768)) -> Image.Image:
    """A photo-like image (smooth colour field, shapes, noise) that differs clearly from one seed to the next."""
    rng = np.random.default_rng(seed)
    width, height = size
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    field = np.zeros((height, width, 3), np.float32)
    for channel in range(3):
        fx, fy, phase = rng.uniform(0.5, 4, 2).tolist() + [rng.uniform(0, 6.3)]
        field[..., channel] = 0.5 + 0.5 * np.sin(xs / width * fx * 6.28 + ys / height * fy * 6.28 + phase)
    field = field * rng.uniform(0.4, 1.0, 3) + rng.uniform(0, 0.3, 3)
    for _ in range(int(rng.integers(2, 6))):
        x0, y0 = rng.integers(0, width), rng.integers(0, height)
        radius = rng.integers(width // 20, width // 4)
        inside = (xs - x0) ** 2 + (ys - y0) ** 2 < radius**2
        field[inside] = rng.uniform(0, 1, 3)
    field += rng.normal(0, 0.03, field.shape).astype(np.float32)
    return Image.fromarray((np.clip(field, 0, 1) * 255).astype(np.uint8))


def text_photo(text: str, *, size: tuple[int, int] = (1024, 768), background=(40, 90, 160), ink=(250, 250, 245),
               angle: float = 0.0, seed: int = 0) -> Image.Image:
    """A synthetic photo with a sign reading `text` on a coloured board, tilted by `angle` degrees (OCR tests, benchmarks)."""
    from PIL import ImageDraw, ImageFont

    photo = synthetic_photo(seed, size)
    font = ImageFont.load_default(size=max(12, size[1] // 9))
    left, top, right, bottom = font.getbbox(text)
    board = Image.new("RGBA", (right - left + size[1] // 8, bottom - top + size[1] // 10), (*background, 255))
    ImageDraw.Draw(board).text((board.width // 2, board.height // 2), text, font=font, fill=(*ink, 255), anchor="mm")
    board = board.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    photo.paste(board, ((size[0] - board.width) // 2, (size[1] - board.height) // 2), board)
    return photo


def write_synthetic_photos(
    folder: Path, times_utc: Sequence[datetime], *, size: tuple[int, int] = (1024, 768), seed: int = 0, quality: int = 85
) -> list[Path]:
    """One JPEG per time, named LSC-style and sorted into day folders."""
    paths = []
    for index, taken in enumerate(times_utc):
        path = Path(folder) / taken.strftime("%Y-%m-%d") / lsc_file_name(taken)
        path.parent.mkdir(parents=True, exist_ok=True)
        synthetic_photo(seed * 1_000_003 + index, size).save(path, quality=quality)
        paths.append(path)
    return paths
