"""Opening a photo as the models see it: upright (EXIF orientation applied) and RGB."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageOps


def open_upright(path: Path | str, max_side: int) -> Image.Image:
    """A photo as upright RGB (EXIF orientation applied), a JPEG decoded at reduced scale near max_side:
    how the models that read photos beside CLIP (OCR, detection, captions) should see it."""
    with Image.open(path) as opened:
        opened.draft("RGB", (max_side, max_side))
        return as_rgb(ImageOps.exif_transpose(opened))


def as_rgb(image: Image.Image) -> Image.Image:
    """RGB for the model; 16-bit and float greyscale are rescaled rather than clipped to white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        values = np.asarray(image, dtype=np.float64)
        high = 65535.0 if image.mode.startswith("I;16") or values.max() > 255 else 255.0
        image = Image.fromarray(np.clip(values / high * 255.0, 0, 255).astype(np.uint8), "L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    return image.convert("RGB")
