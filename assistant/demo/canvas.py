"""Drawing helpers the demo scenes share: gradients, soft light and shadow, perspective, signs and shelves.

Scenes are drawn on a base canvas a little larger than a photo (W x H); the camera module then crops,
warps and exposes it into 1024x768 frames. All text uses Pillow's built-in FreeType font, so the
demo looks the same on every machine and never depends on system fonts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

W, H = 1280, 960  # base canvas; the camera sees its central ~1100x825 through a wide-angle lens

RGB = tuple[int, int, int]
Point = tuple[float, float]
WHITE = (245, 245, 242)
WOOD = (150, 104, 64)


@lru_cache(maxsize=None)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(6, int(size)))


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    """Colour a blended towards b by t (0 = a, 1 = b)."""
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))  # type: ignore[return-value]


def vary(rng: np.random.Generator, color: Sequence[int], amount: int = 14) -> RGB:
    """A colour near `color`, so repeated objects (boxes, cans, seats) are not identical."""
    return tuple(int(np.clip(c + rng.integers(-amount, amount + 1), 0, 255)) for c in color)  # type: ignore


def gradient(size: tuple[int, int], start: Sequence[int], end: Sequence[int], horizontal: bool = False) -> Image.Image:
    """An RGB image fading from `start` (top, or left) to `end` (bottom, or right)."""
    size = (max(1, int(size[0])), max(1, int(size[1])))
    t = np.linspace(0.0, 1.0, 64)[:, None]
    ramp = (np.asarray(start, float) * (1 - t) + np.asarray(end, float) * t).round().astype(np.uint8)
    strip = Image.fromarray(ramp[None, :, :] if horizontal else ramp[:, None, :], "RGB")
    return strip.resize(size, Image.Resampling.BILINEAR)


def fill(img: Image.Image, points: Sequence[Point], start: Sequence[int], end: Sequence[int] | None = None,
         horizontal: bool = False) -> None:
    """Fill a polygon with a flat colour or a gradient across its bounding box."""
    if end is None:
        ImageDraw.Draw(img).polygon([tuple(p) for p in points], fill=tuple(start))
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, y0 = int(min(xs)), int(min(ys))
    x1, y1 = int(np.ceil(max(xs))), int(np.ceil(max(ys)))
    mask = Image.new("L", (x1 - x0 + 1, y1 - y0 + 1), 0)
    ImageDraw.Draw(mask).polygon([(x - x0, y - y0) for x, y in points], fill=255)
    img.paste(gradient(mask.size, start, end, horizontal), (x0, y0), mask)


def rect(img: Image.Image, box: Sequence[float], start: Sequence[int], end: Sequence[int] | None = None,
         horizontal: bool = False) -> None:
    x0, y0, x1, y1 = box
    fill(img, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], start, end, horizontal)


def glow(img: Image.Image, center: Point, radius: float, color: Sequence[int], strength: float = 0.6) -> None:
    """A soft pool of light (lamp, window, spotlight) blended over whatever is there."""
    r = max(2, int(radius))
    mask = ImageOps.invert(Image.radial_gradient("L")).resize((2 * r, 2 * r), Image.Resampling.BILINEAR)
    mask = mask.point(lambda v: int(v * strength))
    img.paste(Image.new("RGB", mask.size, tuple(color)), (int(center[0]) - r, int(center[1]) - r), mask)


def shade(img: Image.Image, points: Sequence[Point], blur: float = 14, opacity: float = 0.45,
          color: Sequence[int] = (0, 0, 0)) -> None:
    """A blurred shadow under an object; drawn at quarter size because softness hides the resolution."""
    q = 4
    pad = blur * 3
    x0 = max(0, int(min(p[0] for p in points) - pad))
    y0 = max(0, int(min(p[1] for p in points) - pad))
    x1 = min(img.width, int(max(p[0] for p in points) + pad))
    y1 = min(img.height, int(max(p[1] for p in points) + pad))
    if x1 - x0 < q or y1 - y0 < q:
        return
    mask = Image.new("L", ((x1 - x0) // q, (y1 - y0) // q), 0)
    ImageDraw.Draw(mask).polygon([((x - x0) / q, (y - y0) / q) for x, y in points], fill=int(255 * opacity))
    mask = mask.filter(ImageFilter.GaussianBlur(blur / q)).resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR)
    img.paste(Image.new("RGB", mask.size, tuple(color)), (x0, y0), mask)


def uneven_light(img: Image.Image, rng: np.random.Generator, amount: float = 0.22) -> Image.Image:
    """Multiply by a smooth random light field and a faint mottle: real surfaces are never evenly lit or clean."""
    field = 1.0 - amount + amount * rng.random((4, 5))
    light = Image.fromarray((field * 255).astype(np.uint8), "L").resize(img.size, Image.Resampling.BICUBIC)
    mottle = Image.fromarray((246 + 9 * rng.random((img.height // 6, img.width // 6))).astype(np.uint8), "L")
    light = ImageChops.multiply(light, mottle.resize(img.size, Image.Resampling.BICUBIC))
    return ImageChops.multiply(img, Image.merge("RGB", (light, light, light)))


def bloom(img: Image.Image, threshold: int = 200, strength: float = 0.5) -> Image.Image:
    """Bright areas (windows, lamps, screens) bleed into their surroundings, as through a cheap small lens."""
    q = 8
    small = img.resize((img.width // q, img.height // q), Image.Resampling.BILINEAR)
    bright = small.point(lambda v: int(max(0, v - threshold) * 255 / (255 - threshold) * strength))
    halo = bright.filter(ImageFilter.GaussianBlur(3)).resize(img.size, Image.Resampling.BILINEAR)
    return ImageChops.screen(img, halo)


def text_size(text: str, size: int, bold: int = 0) -> tuple[int, int]:
    x0, y0, x1, y1 = font(size).getbbox(text, stroke_width=bold)
    return x1 - x0, y1 - y0


def fit_size(text: str, width: float, height: float, bold: int = 0) -> int:
    """The largest font size at which `text` fits the box (one line)."""
    size = max(8, int(height))
    w, h = text_size(text, size, bold)
    while size > 8 and (w > width or h > height):
        size = int(size * min(0.95, width / max(w, 1), height / max(h, 1)) if size > 20 else size - 1)
        w, h = text_size(text, size, bold)
    return size


def write(img: Image.Image, xy: Point, text: str, size: int, color: Sequence[int], anchor: str = "la",
          bold: int = 0) -> None:
    ImageDraw.Draw(img).text(xy, text, font=font(size), fill=tuple(color), anchor=anchor,
                             stroke_width=bold, stroke_fill=tuple(color))


def sign(img: Image.Image, box: Sequence[float], text: str, bg: Sequence[int], fg: Sequence[int], *,
         fill_ratio: float = 0.62, bold: int = 2, border: Sequence[int] | None = None, radius: int = 0,
         size: int | None = None) -> None:
    """A board with one line of centred text, sized to fill the board: the legible signs OCR must read."""
    x0, y0, x1, y1 = box
    draw = ImageDraw.Draw(img)
    if border is not None:
        pad = max(3, int((y1 - y0) * 0.06))
        draw.rounded_rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), radius=radius + pad, fill=tuple(border))
    draw.rounded_rectangle((x0, y0, x1, y1), radius=radius, fill=tuple(bg))
    if size is None:
        size = fit_size(text, (x1 - x0) * 0.86, (y1 - y0) * fill_ratio, bold)
    write(img, ((x0 + x1) / 2, (y0 + y1) / 2), text, size, fg, anchor="mm", bold=bold)


def lines_of_text(img: Image.Image, origin: Point, lines: Sequence[str], size: int, color: Sequence[int],
                  spacing: float = 1.45, bold: int = 0) -> None:
    x, y = origin
    for line in lines:
        write(img, (x, y), line, size, color, bold=bold)
        y += size * spacing


def warp(img: Image.Image, tile: Image.Image, quad: Sequence[Point]) -> None:
    """Paste `tile` into the quadrilateral (top-left, top-right, bottom-right, bottom-left): a sign in perspective."""
    xs = [p[0] for p in quad]
    ys = [p[1] for p in quad]
    x0, y0 = int(min(xs)), int(min(ys))
    size = (int(np.ceil(max(xs))) - x0 + 1, int(np.ceil(max(ys))) - y0 + 1)
    local = [(x - x0, y - y0) for x, y in quad]
    tw, th = tile.size
    corners = [(0, 0), (tw, 0), (tw, th), (0, th)]
    # Solve for the 8 coefficients mapping output (local) points back to tile points.
    rows, rhs = [], []
    for (u, v), (x, y) in zip(local, corners):
        rows.append([u, v, 1, 0, 0, 0, -x * u, -x * v])
        rows.append([0, 0, 0, u, v, 1, -y * u, -y * v])
        rhs += [x, y]
    coeffs = np.linalg.solve(np.array(rows, float), np.array(rhs, float))
    rgba = tile.convert("RGBA")
    warped = rgba.transform(size, Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BILINEAR)
    img.paste(warped.convert("RGB"), (x0, y0), warped.getchannel("A"))


def room(img: Image.Image, back: Sequence[float], *, wall: Sequence[int], side: Sequence[int] | None = None,
         floor: Sequence[int], ceiling: Sequence[int] | None = None, floor_lines: int = 0,
         floor_line_color: Sequence[int] | None = None) -> None:
    """A one-point-perspective room: back wall `back`, walls, floor and ceiling running to the frame edges."""
    x0, y0, x1, y1 = back
    side = side or mix(wall, (0, 0, 0), 0.15)
    ceiling = ceiling or mix(wall, (255, 255, 255), 0.25)
    fill(img, [(0, 0), (W, 0), (x1, y0), (x0, y0)], mix(ceiling, (0, 0, 0), 0.1), ceiling)
    fill(img, [(0, 0), (x0, y0), (x0, y1), (0, H)], mix(side, (0, 0, 0), 0.25), side, horizontal=True)
    fill(img, [(W, 0), (x1, y0), (x1, y1), (W, H)], side, mix(side, (0, 0, 0), 0.25), horizontal=True)
    fill(img, [(0, H), (x0, y1), (x1, y1), (W, H)], floor, mix(floor, (0, 0, 0), 0.2))
    rect(img, back, wall, mix(wall, (0, 0, 0), 0.08))
    if floor_lines:
        draw = ImageDraw.Draw(img)
        color = tuple(floor_line_color or mix(floor, (0, 0, 0), 0.18))
        vx = (x0 + x1) / 2
        for i in range(-floor_lines, floor_lines + 1):
            bx = vx + i * (x1 - x0) / floor_lines / 2
            draw.line([(bx, y1), (vx + (bx - vx) * H / max(1.0, y1) * 2.2, H)], fill=color, width=2)
        for k in range(1, 7):
            t = (k / 7) ** 1.8
            y = y1 + (H - y1) * t
            draw.line([(0, y), (W, y)], fill=color, width=1 + k // 3)


def person(img: Image.Image, x: float, y: float, height: float, rng: np.random.Generator,
           shirt: Sequence[int] | None = None, facing_away: bool = False, legs: bool = False) -> None:
    """A soft figure, head to `y` (where furniture or the frame cuts it), or standing on legs to `y + height`."""
    draw = ImageDraw.Draw(img)
    if legs:
        trousers = vary(rng, [(40, 45, 60), (70, 60, 50), (30, 30, 35), (90, 100, 120)][int(rng.integers(4))], 10)
        feet = y + height
        shade(img, [(x - height * 0.4, feet - 6), (x + height * 0.5, feet - 6), (x + height * 0.6, feet + 10),
                    (x - height * 0.4, feet + 10)], blur=height * 0.06, opacity=0.35)
        for side in (-1, 1):
            inner, outer = x + side * height * 0.03, x + side * height * 0.36
            draw.polygon([(outer, y + height * 0.15), (inner, y + height * 0.15), (inner - side * 2, feet),
                          (outer - side * height * 0.08, feet)], fill=trousers)
            draw.ellipse((min(inner, outer - side * height * 0.1) - 4, feet - height * 0.05,
                          max(inner, outer - side * height * 0.1) + 4, feet + height * 0.03), fill=(25, 22, 20))
    shirt = shirt or vary(rng, [(60, 70, 110), (150, 40, 40), (40, 90, 60), (90, 90, 90), (200, 180, 150)]
                          [int(rng.integers(5))], 20)
    skin = vary(rng, [(224, 182, 150), (190, 140, 105), (140, 95, 70), (235, 200, 175)][int(rng.integers(4))], 8)
    hairs = [(40, 30, 25), (90, 60, 35), (160, 120, 70), (20, 20, 20), (150, 150, 150)]
    hair = vary(rng, hairs[int(rng.integers(len(hairs)))], 10)
    head = height * 0.28
    top = y - height
    shade(img, [(x - height * 0.5, y), (x - height * 0.4, y - height * 0.55), (x + height * 0.4, y - height * 0.55),
                (x + height * 0.55, y)], blur=height * 0.12, opacity=0.25)
    # Torso: sloping shoulders over a straight trunk, lit from above.
    shoulders = y - height * 0.56
    outline = [(0.16, 0.0), (0.4, 0.1), (0.46, 0.3), (0.46, 0.76)]  # (half width, depth below the shoulders)
    torso = [(x - dx * height, shoulders + dy * height) for dx, dy in reversed(outline)]
    torso += [(x + dx * height, shoulders + dy * height) for dx, dy in outline]
    fill(img, torso, mix(shirt, (255, 255, 255), 0.12), mix(shirt, (0, 0, 0), 0.3))
    for side in (-1, 1):  # where the arms hang against the body
        draw.line([(x + side * height * 0.2, y - height * 0.1), (x + side * height * 0.24, y + height * 0.2)],
                  fill=mix(shirt, (0, 0, 0), 0.35), width=max(1, int(height * 0.02)))
    draw.rectangle((x - head * 0.2, top + head * 0.9, x + head * 0.2, shoulders + 2), fill=mix(skin, (0, 0, 0), 0.15))
    if not facing_away:
        draw.chord((x - head * 0.34, shoulders - head * 0.12, x + head * 0.34, shoulders + head * 0.3), 0, 180,
                   fill=mix(skin, (0, 0, 0), 0.15))
    draw.ellipse((x - head * 0.56, top + head * 0.45, x - head * 0.4, top + head * 0.75), fill=tuple(skin))
    draw.ellipse((x + head * 0.4, top + head * 0.45, x + head * 0.56, top + head * 0.75), fill=tuple(skin))
    draw.ellipse((x - head * 0.46, top, x + head * 0.46, top + head * 1.2), fill=tuple(skin))
    if facing_away:
        draw.ellipse((x - head * 0.49, top - head * 0.05, x + head * 0.49, top + head * 1.1), fill=tuple(hair))
    else:
        draw.chord((x - head * 0.5, top - head * 0.08, x + head * 0.5, top + head * 0.75), 180, 360, fill=tuple(hair))
        draw.ellipse((x - head * 0.5, top - head * 0.04, x + head * 0.5, top + head * 0.45), fill=tuple(hair))
        for side in (-1, 1):
            ex = x + side * head * 0.18
            draw.ellipse((ex - head * 0.05, top + head * 0.58, ex + head * 0.05, top + head * 0.66), fill=(40, 30, 30))


def shelves(img: Image.Image, box: Sequence[float], rows: int, rng: np.random.Generator, *,
            palette: Sequence[Sequence[int]], board: Sequence[int] = (235, 235, 235),
            price_tags: bool = True, brand: str | None = None, brand_colors: tuple = ((250, 250, 250), (0, 80, 160)),
            brand_every: int = 0) -> None:
    """Rows of shelf boards stocked with boxes; every `brand_every`-th box carries `brand` in large print."""
    x0, y0, x1, y1 = box
    draw = ImageDraw.Draw(img)
    pitch = (y1 - y0) / rows
    count = 0
    for r in range(rows):
        top = y0 + r * pitch
        base = top + pitch * 0.9
        rect(img, (x0, top, x1, base), (70, 70, 72), (40, 40, 42))  # back of the shelf bay, in shadow
        x = x0 + 6
        while x < x1 - 20:
            w = float(rng.uniform(0.09, 0.16) * pitch * 1.6)
            h = float(rng.uniform(0.55, 0.85) * pitch * 0.9)
            if x + w > x1 - 4:
                break
            count += 1
            with_brand = bool(brand and brand_every and count % brand_every == 0)
            face = tuple(brand_colors[0]) if with_brand else vary(rng, palette[int(rng.integers(len(palette)))], 18)
            draw.rectangle((x, base - h, x + w, base), fill=face)
            draw.rectangle((x, base - h * 0.25, x + w, base), fill=mix(face, (0, 0, 0), 0.15))
            draw.rectangle((x + w, base - h + 3, x + w + 4, base), fill=mix(face, (0, 0, 0), 0.45))
            if with_brand:
                size = fit_size(brand, w * 0.9, h * 0.3, 1)
                write(img, (x + w / 2, base - h * 0.62), brand, size, brand_colors[1], anchor="mm", bold=1)
                draw.rectangle((x + w * 0.2, base - h * 0.35, x + w * 0.8, base - h * 0.12),
                               fill=mix(face, (0, 0, 0), 0.3))
            else:
                stripe = mix(face, (255, 255, 255), 0.55)
                draw.rectangle((x + 3, base - h * 0.7, x + w - 3, base - h * 0.55), fill=stripe)
            x += w + float(rng.uniform(2, 8))
        rect(img, (x0, base, x1, base + pitch * 0.1), board, mix(board, (0, 0, 0), 0.3))
        if price_tags:
            for tx in np.arange(x0 + 20, x1 - 60, float(rng.uniform(110, 160))):
                draw.rectangle((tx, base + 2, tx + 52, base + pitch * 0.09), fill=(250, 215, 40))
                write(img, (tx + 26, base + pitch * 0.05), f"{rng.uniform(0.8, 9.9):.2f}", int(pitch * 0.055),
                      (20, 20, 20), anchor="mm")


def mug(img: Image.Image, cx: float, cy: float, r: float, color: Sequence[int], drink: Sequence[int] = (70, 40, 20),
        text: str | None = None) -> None:
    """A mug seen from above-front: body, rim ellipse, drink and handle."""
    draw = ImageDraw.Draw(img)
    shade(img, [(cx - r, cy + r * 1.4), (cx + r * 1.6, cy + r * 1.2), (cx + r * 1.4, cy + r * 1.9),
                (cx - r, cy + r * 1.9)], blur=r * 0.4, opacity=0.35)
    draw.ellipse((cx + r * 0.7, cy + r * 0.2, cx + r * 1.45, cy + r * 1.2), outline=tuple(color), width=int(r * 0.18))
    rect(img, (cx - r, cy, cx + r, cy + r * 1.6), mix(color, (255, 255, 255), 0.15), mix(color, (0, 0, 0), 0.35),
         horizontal=True)
    draw.ellipse((cx - r, cy + r * 1.35, cx + r, cy + r * 1.85), fill=mix(color, (0, 0, 0), 0.3))
    draw.rectangle((cx - r, cy + r * 0.2, cx + r, cy + r * 1.6), fill=None)
    draw.ellipse((cx - r, cy - r * 0.25, cx + r, cy + r * 0.25), fill=mix(color, (255, 255, 255), 0.3))
    draw.ellipse((cx - r * 0.86, cy - r * 0.18, cx + r * 0.86, cy + r * 0.2), fill=tuple(drink))
    if text:
        write(img, (cx, cy + r * 0.85), text, int(r * 0.42), mix(color, (0, 0, 0), 0.75), anchor="mm", bold=1)


def plate(img: Image.Image, cx: float, cy: float, rx: float, color: Sequence[int] = (245, 245, 240)) -> None:
    draw = ImageDraw.Draw(img)
    ry = rx * 0.45
    shade(img, [(cx - rx, cy + ry * 0.3), (cx + rx, cy + ry * 0.3), (cx + rx * 0.9, cy + ry * 1.3),
                (cx - rx * 0.9, cy + ry * 1.3)], blur=rx * 0.15, opacity=0.3)
    draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=mix(color, (0, 0, 0), 0.08))
    draw.ellipse((cx - rx * 0.78, cy - ry * 0.74, cx + rx * 0.78, cy + ry * 0.74), fill=tuple(color))


def box3d(img: Image.Image, front: Sequence[float], depth: float, color: Sequence[int], label: str | None = None,
          label_color: Sequence[int] = (255, 255, 255), band: Sequence[int] | None = None) -> None:
    """A carton: front face with a label, and its right side and top receding up-right."""
    x0, y0, x1, y1 = front
    dx, dy = depth, -depth * 0.6
    fill(img, [(x1, y0), (x1 + dx, y0 + dy), (x1 + dx, y1 + dy), (x1, y1)], mix(color, (0, 0, 0), 0.35))
    fill(img, [(x0, y0), (x0 + dx, y0 + dy), (x1 + dx, y0 + dy), (x1, y0)], mix(color, (255, 255, 255), 0.25))
    rect(img, front, mix(color, (255, 255, 255), 0.1), mix(color, (0, 0, 0), 0.12), horizontal=True)
    if band is not None:
        rect(img, (x0, y0 + (y1 - y0) * 0.12, x1, y0 + (y1 - y0) * 0.42), band)
    if label:
        words = label.split("\n")
        size = min(fit_size(w, (x1 - x0) * 0.85, (y1 - y0) * 0.22, 1) for w in words)
        for i, word in enumerate(words):
            y = y0 + (y1 - y0) * (0.27 + 0.22 * i)
            write(img, ((x0 + x1) / 2, y), word, size, label_color, anchor="mm", bold=1)


def window(img: Image.Image, box: Sequence[float], sky: tuple = ((120, 165, 220), (215, 230, 245)),
           frame: Sequence[int] = (235, 235, 230), bars: int = 1) -> None:
    """A window showing sky over a distant skyline."""
    x0, y0, x1, y1 = box
    draw = ImageDraw.Draw(img)
    rect(img, box, sky[0], sky[1])
    rng = np.random.default_rng(int(x0 * 7 + y0))
    x = x0
    while x < x1:
        w = float(rng.uniform(30, 90))
        h = float(rng.uniform(0.1, 0.35)) * (y1 - y0)
        draw.rectangle((x, y1 - h, min(x + w, x1), y1), fill=mix((120, 125, 130), sky[1], float(rng.uniform(0, 0.5))))
        x += w
    t = max(6, int((x1 - x0) * 0.025))
    draw.rectangle(box, outline=tuple(frame), width=t)
    for i in range(1, bars + 1):
        bx = x0 + (x1 - x0) * i / (bars + 1)
        draw.rectangle((bx - t / 2, y0, bx + t / 2, y1), fill=tuple(frame))


def soften(img: Image.Image, box: Sequence[float], radius: float) -> None:
    """Blur a region: what lies beyond the focused subject, or rushes past a vehicle's window."""
    box = tuple(int(v) for v in box)
    img.paste(img.crop(box).filter(ImageFilter.GaussianBlur(radius)), box[:2])


def checks(size: tuple[int, int], cell: int, a: Sequence[int], b: Sequence[int]) -> Image.Image:
    """A checked pattern (tablecloth, floor tiles) to be warped into perspective."""
    w, h = size
    y, x = np.mgrid[0:h, 0:w]
    odd = ((x // cell + y // cell) % 2).astype(bool)
    out = np.where(odd[..., None], np.array(b, np.uint8), np.array(a, np.uint8))
    return Image.fromarray(out.astype(np.uint8), "RGB")


def table_top(img: Image.Image, top: float, color: Sequence[int] = WOOD, grain: bool = True,
              spread: float = 300) -> None:
    """A table top seen from chest height, filling the bottom of the frame."""
    fill(img, [(-spread / 3, top), (W + spread / 3, top), (W + spread, H), (-spread, H)], mix(color, (0, 0, 0), 0.12),
         mix(color, (255, 255, 255), 0.08))
    if grain:
        draw = ImageDraw.Draw(img)
        rng = np.random.default_rng(int(top))
        for _ in range(26):
            x = float(rng.uniform(-spread / 3, W + spread / 3))
            spread_x = (x - W / 2) * (1 + spread / W * 2)
            draw.line([(x, top), (W / 2 + spread_x, H)], fill=mix(color, (0, 0, 0), float(rng.uniform(0.1, 0.25))),
                      width=int(rng.integers(1, 4)))
