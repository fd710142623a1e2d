"""Finding photo files and reading one photo: its EXIF facts and, for the model, its pixels.

Reading is the first stage of indexing. It runs in worker threads (Pillow releases the GIL while it
decodes), and decodes JPEGs at reduced scale: CLIP needs 224 px, so decoding 1024x768 in full is waste.
"""

from __future__ import annotations

import math
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..models import ImageSpec
from .timestamps import parse_exif_time, parse_utc_offset

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})

# Without a model, photos are still decoded (at this reduced size) to find corrupt files.
_CHECK_SIDE = 64

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME, _DATETIME_ORIGINAL, _OFFSET_TIME_ORIGINAL, _OFFSET_TIME = 306, 36867, 36881, 36880


@dataclass(frozen=True)
class PhotoFile:
    path: Path  # absolute
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Scan:
    photos: list[PhotoFile] = field(default_factory=list)
    not_photos: list[SkippedFile] = field(default_factory=list)


def scan_photos(root: Path) -> Scan:
    """All JPEG, PNG and WebP files below root (recursively, sorted); other files are listed, hidden ones ignored."""
    root = Path(root).expanduser().resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"photo folder {root} does not exist or is not a folder")
    scan = Scan()
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.suffix.lower() not in PHOTO_SUFFIXES:
                scan.not_photos.append(SkippedFile(str(path), "not a JPEG, PNG or WebP file"))
                continue
            try:
                stat = path.stat()
            except OSError as error:
                scan.not_photos.append(SkippedFile(str(path), f"cannot be read ({error.strerror})"))
                continue
            scan.photos.append(PhotoFile(path, stat.st_size, stat.st_mtime_ns))
    return scan


class UnreadablePhoto(Exception):
    """A file that cannot be used as a photo; the message says why."""


@dataclass
class PhotoFacts:
    width: int
    height: int
    exif_time: object  # naive datetime (camera wall clock) or None
    exif_offset_s: float  # NaN when absent
    exif_lat: float
    exif_lng: float


def read_photo(path: Path, spec: ImageSpec | None) -> tuple[PhotoFacts, np.ndarray | None]:
    """EXIF facts and prepared pixels (None when spec is None) of one photo, or UnreadablePhoto."""
    if os.path.getsize(path) == 0:
        raise UnreadablePhoto("empty file")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                facts = _facts(image)
                if image.format == "JPEG":
                    # Decode straight to the smallest DCT scale that still covers the model's input size.
                    scale = (spec.short_side if spec else _CHECK_SIDE) / max(1, min(image.size))
                    image.draft("RGB", (math.ceil(image.size[0] * scale), math.ceil(image.size[1] * scale)))
                image.load()  # decode fully even without a model, so corrupt files are caught here
                if spec is None:
                    return facts, None
                return facts, spec.prepare(_as_rgb(ImageOps.exif_transpose(image)))
    except UnidentifiedImageError:
        raise UnreadablePhoto("not an image (unrecognised format)") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadablePhoto("image too large to decode safely (decompression-bomb limit)") from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise UnreadablePhoto(f"corrupt or truncated image ({error})") from None


def open_upright(path: Path | str, max_side: int) -> Image.Image:
    """A photo as upright RGB (EXIF orientation applied), a JPEG decoded at reduced scale near max_side:
    how the models that read photos beside CLIP (OCR, detection, captions) should see it."""
    with Image.open(path) as opened:
        opened.draft("RGB", (max_side, max_side))
        return _as_rgb(ImageOps.exif_transpose(opened))


def _as_rgb(image: Image.Image) -> Image.Image:
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


def _facts(image: Image.Image) -> PhotoFacts:
    exif = image.getexif()
    sub = exif.get_ifd(_EXIF_IFD) if exif else {}
    stamp = parse_exif_time(sub.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME))
    offset = parse_utc_offset(sub.get(_OFFSET_TIME_ORIGINAL) or sub.get(_OFFSET_TIME))
    lat, lng = _gps(exif.get_ifd(_GPS_IFD) if exif else {})
    width, height = image.size
    orientation = exif.get(0x0112) if exif else None
    if orientation in (5, 6, 7, 8):  # rotated by 90 degrees: report the size as seen
        width, height = height, width
    return PhotoFacts(width, height, stamp, math.nan if offset is None else float(offset), lat, lng)


def _gps(gps: dict) -> tuple[float, float]:
    try:
        lat = _degrees(gps[2]) * (-1 if str(gps.get(1, "N")).upper().startswith("S") else 1)
        lng = _degrees(gps[4]) * (-1 if str(gps.get(3, "E")).upper().startswith("W") else 1)
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return math.nan, math.nan
    if not (-90 <= lat <= 90 and -180 <= lng <= 180) or (lat == 0 and lng == 0):
        return math.nan, math.nan
    return lat, lng


def _degrees(value) -> float:
    degrees, minutes, seconds = (float(part) for part in value)
    return degrees + minutes / 60 + seconds / 3600
