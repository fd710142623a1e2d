"""The wearable camera: turns a drawn scene into a chest-camera photo.

A scene is drawn once per viewpoint; every frame of it then differs only as a body-worn camera's frames do:
the wearer sways (shift, tilt, zoom), the light changes, a hand sometimes crosses the lens, and walking
blurs. The wide-angle lens bends straight lines and darkens the corners, and the sensor adds grain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .canvas import H, W

PHOTO_SIZE = (1024, 768)
_SWAY = 40  # the lens image is this much larger than a photo on every side; frames are cut from it
_HALF_WIDTH = 540  # half the base canvas width the lens takes in across a photo's centre row
_BARREL = 0.12  # how much the lens bends: radius grows by 1 + k r^2 towards the corners
_MARGIN = 112  # the lens corners reach past the drawn canvas; its edge pixels are repeated this far
_MESH = (16, 12)
_GRAIN_OFFSET = 40  # grain is stored around this value so one unsigned image holds +/- noise
_LEVEL = 1.0  # per-frame tilts smaller than this (degrees) are skipped: a resampling pass costs more than all else


@dataclass(frozen=True)
class Shot:
    """How one frame differs from its neighbours in the same scene."""

    dx: int  # sway, in photo pixels
    dy: int
    tilt: float  # degrees; 0 when the camera hangs level
    exposure: float
    warmth: float  # > 0 warmer (indoor light), < 0 cooler
    hand: int  # 0 none, -1 left hand, 1 right hand in the bottom of the frame
    hand_at: tuple[float, float]  # where the hand is, as fractions of the frame
    blur: bool  # motion blur from walking or a moving vehicle
    grain_at: tuple[int, int]


def plan_shot(rng: np.random.Generator, *, moving: bool, warmth: float = 0.0, hand_rate: float = 0.1) -> Shot:
    hand = 0
    if rng.random() < hand_rate:
        hand = -1 if rng.random() < 0.5 else 1
    tilt = float(np.clip(rng.normal(0, 1.6 if moving else 0.9), -3, 3))
    limit = _SWAY - 8
    return Shot(
        dx=int(np.clip(rng.normal(0, 12), -limit, limit)),
        dy=int(np.clip(rng.normal(0, 10), -limit, limit)),
        tilt=tilt if abs(tilt) >= _LEVEL else 0.0,
        exposure=float(np.clip(rng.normal(1.0, 0.07), 0.82, 1.18)),
        warmth=float(warmth + rng.normal(0, 0.02)),
        hand=hand,
        hand_at=(float(rng.uniform(0.18, 0.4)), float(rng.uniform(0.72, 0.9))),
        blur=bool(moving and rng.random() < 0.35),
        grain_at=(int(rng.integers(0, 64)), int(rng.integers(0, 64))),
    )


class Camera:
    """Lens, vignette and sensor grain, made once per run.

    `mount` sends a drawn scene through the wide-angle lens once, into an image a little larger than a
    photo; `capture` then cuts each frame from it (shifted, sometimes tilted), so a frame costs a crop
    rather than a full lens warp.
    """

    def __init__(self, seed: int) -> None:
        w, h = PHOTO_SIZE
        rng = np.random.default_rng([seed, 0xCA3E])
        luma = rng.normal(0, 4.5, (h + 64, w + 64, 1))
        chroma = rng.normal(0, 2.0, (h + 64, w + 64, 3))
        self._grain = Image.fromarray(np.clip(_GRAIN_OFFSET + luma + chroma, 0, 255).astype(np.uint8), "RGB")
        y, x = np.mgrid[0:h, 0:w].astype(np.float32)
        r2 = ((x - w / 2) ** 2 + (y - h / 2) ** 2) / (w / 2) ** 2
        vignette = np.clip(1.0 - 0.32 * r2 - 0.12 * r2**2, 0.25, 1.0)
        layer = Image.fromarray((vignette * 255).astype(np.uint8), "L")
        self._vignette = Image.merge("RGB", (layer, layer, layer))

    def mount(self, scene: Image.Image, tilt: float = 0.0) -> Image.Image:
        """The scene as the lens sees it, hanging at `tilt` degrees, with room to sway; once per drawn scene."""
        m = _MARGIN
        padded = Image.fromarray(np.pad(np.asarray(scene), ((m, m), (m, m), (0, 0)), mode="edge"), "RGB")
        w, h = PHOTO_SIZE
        return padded.transform((w + 2 * _SWAY, h + 2 * _SWAY), Image.Transform.MESH, _lens_mesh(tilt),
                                Image.Resampling.BILINEAR)

    def capture(self, mounted: Image.Image, shot: Shot) -> Image.Image:
        """One photo cut from a `mount`ed scene."""
        w, h = PHOTO_SIZE
        x0, y0 = _SWAY + shot.dx, _SWAY + shot.dy
        if shot.tilt:
            a = np.radians(shot.tilt)
            cos, sin = float(np.cos(a)), float(np.sin(a))
            cx, cy = w / 2, h / 2
            coeffs = (cos, -sin, cx + x0 - cos * cx + sin * cy, sin, cos, cy + y0 - sin * cx - cos * cy)
            photo = mounted.transform(PHOTO_SIZE, Image.Transform.AFFINE, coeffs, Image.Resampling.BILINEAR,
                                      fillcolor=(24, 24, 24))
        else:
            photo = mounted.crop((x0, y0, x0 + w, y0 + h))
        if shot.hand:
            _draw_hand(photo, shot)
        if shot.blur:
            photo = _smear(photo, 3)
        photo = photo.point(_tone_curve(shot.exposure, shot.warmth))
        photo = ImageChops.multiply(photo, self._vignette)
        gx, gy = shot.grain_at
        grain = self._grain.crop((gx, gy, gx + w, gy + h))
        return ImageChops.add(photo, grain, 1.0, -_GRAIN_OFFSET)


def _lens_mesh(tilt: float) -> list:
    """Per cell of the lens image, the quadrilateral of the (padded) canvas it shows: a tilted barrel lens."""
    w, h = PHOTO_SIZE
    lw, lh = w + 2 * _SWAY, h + 2 * _SWAY
    nx, ny = _MESH
    cells = [(i * lw // nx, j * lh // ny, (i + 1) * lw // nx, (j + 1) * lh // ny) for j in range(ny) for i in range(nx)]
    box = np.array(cells, float)
    corners = np.stack([box[:, [0, 1]], box[:, [0, 3]], box[:, [2, 3]], box[:, [2, 1]]], axis=1)  # MESH's order
    u = (corners[..., 0] - lw / 2) / (w / 2)
    v = (corners[..., 1] - lh / 2) / (w / 2)
    bend = 1 + _BARREL * (u * u + v * v)
    px, py = u * bend * _HALF_WIDTH, v * bend * _HALF_WIDTH
    cos, sin = np.cos(np.radians(tilt)), np.sin(np.radians(tilt))
    sx = _MARGIN + W / 2 + px * cos - py * sin
    sy = _MARGIN + H / 2 + px * sin + py * cos
    quads = np.stack([sx, sy], axis=-1).reshape(len(cells), 8)
    return [(cell, tuple(quad)) for cell, quad in zip(cells, quads.tolist())]


def _smear(photo: Image.Image, step: int) -> Image.Image:
    """Horizontal motion blur: the frame averaged with itself shifted sideways, twice (a four-tap box)."""
    for shift in (step, 2 * step):
        moved = photo.copy()
        moved.paste(photo.crop((0, 0, photo.width - shift, photo.height)), (shift, 0))
        photo = ImageChops.blend(photo, moved, 0.5)
    return photo


def _tone_curve(exposure: float, warmth: float) -> list[int]:
    """Per-channel lookup table: exposure, a white balance shift and a gentle S-curve of a cheap sensor."""
    v = np.arange(256) / 255.0
    curved = v - 0.25 * np.sin(2 * np.pi * v) / (2 * np.pi)  # flatter shadows and highlights, steeper mid-tones
    table = []
    for gain in (1 + warmth, 1.0, 1 - warmth):
        table.append(np.clip(curved * exposure * gain * 255, 0, 255))
    return np.concatenate(table).astype(np.uint8).tolist()


def _draw_hand(photo: Image.Image, shot: Shot) -> None:
    """A forearm and hand reaching in from the bottom edge, out of focus because it is close to the lens."""
    w, h = PHOTO_SIZE
    q = 4
    layer = Image.new("RGBA", (w // q, h // q), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    fx, fy = shot.hand_at
    side = shot.hand
    hx = (fx if side < 0 else 1 - fx) * w / q
    hy = fy * h / q
    bx = hx + side * 70  # the arm comes from further out to the side
    sleeve = (38, 42, 58, 255)
    skin = (206, 160, 128, 255)
    wrist = (hx + side * 30, hy + 18)
    draw.polygon([(bx - 55, h / q + 4), (bx + 55, h / q + 4), (wrist[0] + 20, wrist[1] + 12),
                  (wrist[0] - 20, wrist[1] - 12)], fill=sleeve)
    draw.ellipse((hx - 34, hy - 20, hx + 34, hy + 26), fill=skin)  # the back of the hand, fingers curled forward
    for k in range(4):
        kx = hx - 30 + k * 16
        draw.ellipse((kx, hy - 30 + abs(k - 1.5) * 4, kx + 18, hy - 2), fill=skin)
    draw.ellipse((hx - side * 46 - 12, hy - 4, hx - side * 46 + 12, hy + 20), fill=skin)
    draw.polygon([(hx - side * 30, hy), (hx - side * 48, hy + 6), (hx - side * 40, hy + 20), (hx - side * 20, hy + 18)],
                 fill=skin)
    layer = layer.filter(ImageFilter.GaussianBlur(3)).resize(PHOTO_SIZE, Image.Resampling.BILINEAR)
    shadow = layer.getchannel("A").point(lambda v: v // 3)
    photo.paste(Image.new("RGB", PHOTO_SIZE, (0, 0, 0)), (0, -12), shadow)
    photo.paste(layer.convert("RGB"), (0, 0), layer.getchannel("A"))
