"""Finding photo files and reading one photo: its EXIF facts and, for the model, its pixels.

Reading is the first stage of indexing. It runs in worker threads (the decoders release the GIL), and
decodes JPEGs at reduced scale: CLIP needs 224 px, so decoding 1024x768 in full is waste. libjpeg-turbo
(through simplejpeg) scales by eighths while it decodes, so a 1024x768 photo comes out at 384x288; Pillow
only halves, to 512x384, for a third more decoding and resizing. Pillow reads everything else, and any JPEG
that simplejpeg refuses, so its checks and error messages still decide what counts as corrupt.
"""

from __future__ import annotations

import io
import math
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import simplejpeg
from PIL import Image, ImageOps, UnidentifiedImageError

from ..core.images import as_rgb
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
    """EXIF facts and, when spec is given, the upright RGB pixels (uint8, H x W x 3) at the smallest decoding
    scale that keeps the short side at least spec.short_side; or UnreadablePhoto.

    Without a spec the photo is still decoded (at a small scale), so corrupt files are caught here.
    """
    return decode_photo(photo_bytes(path), spec)


def photo_bytes(path: Path | str) -> bytes:
    """A photo file's bytes, or UnreadablePhoto (also where a cluster's driver sends the bytes to its workers)."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise UnreadablePhoto(f"cannot be read ({error.strerror or error})") from None


def read_photo_safely(source: str | bytes | UnreadablePhoto, spec: ImageSpec | None):
    """read_photo for a path or the bytes, as a result: (facts, pixels) or the UnreadablePhoto (never raises,
    so one bad file never takes an indexing run down; it is reported instead)."""
    if isinstance(source, UnreadablePhoto):
        return source
    try:
        return decode_photo(source, spec) if isinstance(source, bytes) else read_photo(Path(source), spec)
    except UnreadablePhoto as error:
        return error
    except Exception as error:
        return UnreadablePhoto(f"unexpected error while reading ({type(error).__name__}: {error})")


def decode_photo(data: bytes, spec: ImageSpec | None) -> tuple[PhotoFacts, np.ndarray | None]:
    """read_photo for a photo's bytes."""
    if not data:
        raise UnreadablePhoto("empty file")
    short_side = spec.short_side if spec else _CHECK_SIDE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:  # reads the header and EXIF only
                facts = _facts(image)
                pixels = _decode_scaled_jpeg(data, image, short_side) if image.format == "JPEG" else None
                if pixels is None:
                    pixels = _decode_with_pillow(image, short_side)
    except UnidentifiedImageError:
        raise UnreadablePhoto("not an image (unrecognised format)") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadablePhoto("image too large to decode safely (decompression-bomb limit)") from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise UnreadablePhoto(f"corrupt or truncated image ({error})") from None
    return facts, pixels if spec else None


# EXIF orientation -> the transpose that shows the photo upright (as ImageOps.exif_transpose does).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _decode_scaled_jpeg(data: bytes, image: Image.Image, short_side: int) -> np.ndarray | None:
    """libjpeg-turbo's decode at the smallest eighth-scale with both sides >= short_side, turned upright;
    None when it refuses the file (damage, or a JPEG flavour it lacks), so that Pillow decides."""
    try:
        pixels = simplejpeg.decode_jpeg(data, colorspace="RGB", min_height=short_side, min_width=short_side)
    except ValueError:
        return None
    transpose = _UPRIGHT.get(image.getexif().get(0x0112))
    return pixels if transpose is None else np.asarray(Image.fromarray(pixels).transpose(transpose))


def _decode_with_pillow(image: Image.Image, short_side: int) -> np.ndarray:
    """Pillow's decode, upright RGB; a large photo is box-reduced to at most twice short_side first, which
    Pillow's own thumbnailing (reducing_gap=2) finds indistinguishable from resampling in one step."""
    if image.format == "JPEG":
        scale = short_side / max(1, min(image.size))
        image.draft("RGB", (math.ceil(image.size[0] * scale), math.ceil(image.size[1] * scale)))
    image.load()
    upright = as_rgb(ImageOps.exif_transpose(image))
    factor = min(upright.size) // (2 * short_side)
    return np.asarray(upright.reduce(factor) if factor >= 2 else upright)


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
