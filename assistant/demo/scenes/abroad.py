"""Thessaloniki: the hotel, the seafront and the White Tower, a taverna, the archaeological museum."""

from __future__ import annotations

from string import capwords

import numpy as np
from PIL import Image, ImageDraw

from ..canvas import (
    H, W, WHITE, checks, fill, fit_size, glow, lines_of_text, mix, person, rect, room, shade, sign, soften, vary,
    warp, window, write,
)
from .registry import Sketch, scene


def _bed(img: Image.Image, rng: np.random.Generator) -> None:
    draw = ImageDraw.Draw(img)
    rect(img, (260, 230, 1020, 470), (110, 80, 60), (80, 55, 40))
    fill(img, [(240, 470), (1040, 470), (1330, H), (-50, H)], (250, 250, 248), (215, 215, 212))
    for x in (300, 560, 800):
        draw.rounded_rectangle((x, 390, x + 200, 500), radius=40, fill=(245, 245, 245))
    fill(img, [(160, 640), (1120, 640), (1200, 760), (80, 760)], (150, 35, 45), (120, 25, 35))
    for x in (160, 1120):
        rect(img, (x - 90, 420, x + 90, 600), (100, 70, 50))
        fill(img, [(x - 70, 250), (x + 70, 250), (x + 90, 340), (x - 90, 340)], (245, 230, 190))
        draw.rectangle((x - 8, 340, x + 8, 420), fill=(180, 160, 120))
        glow(img, (x, 300), 220, (255, 210, 140), 0.5)


@scene("hotel_room", views=2, warmth=0.08)
def hotel_room(s: Sketch) -> str:
    img, draw = s.img, s.draw
    night = s.props.get("light") == "night"
    sky = ((15, 25, 60), (40, 60, 110)) if night else ((110, 160, 220), (200, 220, 240))
    hotel = s.props.get("name", "ELECTRA PALACE")
    if s.view == 0:
        room(img, (0, 40, W, 600), wall=(222, 205, 175), floor=(150, 110, 80), ceiling=(235, 225, 205))
        window(img, (1080, 90, 1280, 480), sky=sky, bars=0)
        rect(img, (1040, 60, 1100, 560), (200, 180, 140), (160, 140, 100))
        _bed(img, s.rng)
        rect(img, (1100, 720, 1280, 960), (40, 45, 60), (25, 28, 40))
        draw.rounded_rectangle((1140, 690, 1240, 720), radius=10, fill=(20, 20, 25))
        return "a hotel room with a large white bed, pillows, bedside lamps and a suitcase"
    rect(img, (0, 0, W, H), (222, 205, 175), (200, 185, 155))
    window(img, (700, 60, 1230, 520), sky=sky, bars=1)
    if not night:
        rect(img, (712, 340, 1218, 460), (40, 100, 160), (70, 130, 180))
    draw.rectangle((700, 440, 1230, 520), fill=(235, 235, 230))
    for x in range(720, 1230, 40):
        draw.rectangle((x, 440, x + 10, 520), fill=(180, 180, 175))
    draw.rectangle((80, 100, 600, 400), fill=(15, 15, 18))
    rect(img, (92, 112, 588, 388), (30, 40, 60))
    write(img, (340, 240), "WELCOME", 52, WHITE, anchor="mm", bold=2)
    write(img, (340, 310), capwords(hotel), 34, (220, 200, 140), anchor="mm", bold=1)
    fill(img, [(0, 560), (760, 560), (900, H), (0, H)], (110, 75, 50), (85, 55, 35))
    draw.polygon([(220, 640), (520, 640), (540, 760), (200, 760)], fill=(250, 248, 240))
    write(img, (370, 680), hotel, fit_size(hotel, 280, 34, 1), (120, 90, 40), anchor="mm", bold=1)
    write(img, (370, 725), "THESSALONIKI", 24, (120, 90, 40), anchor="mm", bold=1)
    draw.rectangle((600, 620, 640, 700), fill=(240, 240, 240))
    return (f"a hotel room desk with a welcome card from the {capwords(hotel)} hotel below a television, "
            "next to a window")


def _white_tower(img: Image.Image, cx: float, base: float, height: float) -> None:
    draw = ImageDraw.Draw(img)
    r = height * 0.3
    stone_light, stone_dark = (240, 236, 222), (175, 168, 150)
    rect(img, (cx - r, base - height, cx + r, base), stone_dark, stone_light, horizontal=True)
    rect(img, (cx - r * 0.2, base - height, cx + r, base), stone_light, mix(stone_dark, (0, 0, 0), 0.05),
         horizontal=True)
    tooth = r / 5
    for k in range(10):
        x = cx - r + k * tooth
        if k % 2 == 0:
            draw.rectangle((x, base - height - tooth * 0.8, x + tooth, base - height),
                           fill=mix(stone_light, stone_dark, k / 10))
    tr = r * 0.5
    top = base - height - height * 0.2
    rect(img, (cx - tr, top, cx + tr, base - height), stone_dark, stone_light, horizontal=True)
    for k in range(6):
        if k % 2 == 0:
            x = cx - tr + k * tr / 3
            draw.rectangle((x, top - tr * 0.25, x + tr / 3, top), fill=stone_light)
    for row in range(4):
        y = base - height * (0.2 + row * 0.2)
        for col in range(-1, 2):
            x = cx + col * r * 0.55
            draw.rounded_rectangle((x - 6, y - 18, x + 6, y + 18), radius=5, fill=(60, 55, 50))
    draw.rounded_rectangle((cx - 22, base - 70, cx + 22, base), radius=20, fill=(70, 60, 50))


@scene("seafront", views=2, moving=True, warmth=0.0)
def seafront(s: Sketch) -> str:
    img, draw = s.img, s.draw
    horizon = 430
    rect(img, (0, 0, W, horizon), (70, 130, 210), (175, 210, 240))
    if s.view == 0:
        rect(img, (0, horizon, W, 560), (40, 100, 160), (70, 130, 180))
        for _ in range(40):
            x, y = s.uniform(0, W), s.uniform(horizon + 5, 555)
            draw.line([(x, y), (x + s.uniform(20, 60), y)], fill=(150, 190, 220), width=2)
        for x in (180, 330, 900, 1060, 1210):
            draw.rectangle((x - 8, 450, x + 8, 600), fill=(80, 60, 40))
            draw.ellipse((x - 90, 330, x + 90, 500), fill=vary(s.rng, (50, 105, 45), 15))
        _white_tower(img, 620, 600, 430)
        fill(img, [(0, 590), (W, 590), (W, H), (0, H)], (205, 195, 175), (170, 160, 140))
        for k in range(1, 9):
            y = 590 + (H - 590) * (k / 9) ** 1.6
            draw.line([(0, y), (W, y)], fill=(180, 170, 150), width=2)
        for feet in sorted(s.uniform(660, 1150) for _ in range(4)):  # nearer walkers drawn last, larger
            person(img, s.uniform(60, 1220), feet - (feet - 430) * 0.5, (feet - 430) * 0.5, s.rng,
                   facing_away=bool(s.rng.random() < 0.5), legs=True)
        return "the White Tower of Thessaloniki on the seafront promenade under a blue sky"
    draw.polygon([(0, horizon), (180, 360), (340, 300), (520, 380), (700, horizon)], fill=(130, 145, 170))
    fill(img, [(0, horizon), (W, horizon), (W, 520), (0, H)], (45, 105, 165), (70, 135, 185))
    for _ in range(50):
        x, y = s.uniform(0, 900), s.uniform(horizon + 5, 800)
        if y < horizon + (H - horizon) * (1 - x / W):
            draw.line([(x, y), (x + s.uniform(20, 70), y)], fill=(150, 190, 220), width=2)
    draw.polygon([(300, 455), (380, 455), (370, 470), (310, 470)], fill=WHITE)
    fill(img, [(W, 500), (W, H), (150, H), (820, 470)], (205, 195, 175), (175, 165, 145))
    for k in range(5):
        t = 0.3 + k * 0.18
        x = 820 + (W - 820) * t
        y = 470 + (H - 470) * t
        draw.line([(x, y), (x, y - 300 * t)], fill=(50, 50, 55), width=max(2, int(8 * t)))
        draw.ellipse((x - 14 * t, y - 320 * t, x + 14 * t, y - 290 * t), fill=(240, 240, 220))
    for d in sorted(s.uniform(0.3, 1.0) for _ in range(4)):
        feet = 470 + (H + 150 - 470) * d
        person(img, 820 + (W - 820) * d * 0.5 - 60, feet - (feet - 430) * 0.5, (feet - 430) * 0.5, s.rng, legs=True)
    return "the seafront promenade in Thessaloniki with the sea, a boat and mountains in the distance"


def _greek_salad(img: Image.Image, cx: float, cy: float, rx: float, rng: np.random.Generator) -> None:
    draw = ImageDraw.Draw(img)
    ry = rx * 0.55
    shade(img, [(cx - rx, cy + ry * 0.4), (cx + rx, cy + ry * 0.4), (cx + rx * 0.9, cy + ry * 1.3),
                (cx - rx * 0.9, cy + ry * 1.3)], blur=16, opacity=0.4)
    draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=(240, 240, 236))
    draw.ellipse((cx - rx * 0.86, cy - ry * 0.82, cx + rx * 0.86, cy + ry * 0.8), fill=(225, 225, 220))

    def spot() -> tuple[float, float]:
        a, d = rng.uniform(0, 2 * np.pi), np.sqrt(rng.uniform(0, 1)) * 0.75
        return cx + np.cos(a) * d * rx, cy + np.sin(a) * d * ry

    for _ in range(14):  # cucumber slices
        x, y = spot()
        draw.ellipse((x - 30, y - 20, x + 30, y + 20), fill=(60, 120, 40))
        draw.ellipse((x - 25, y - 16, x + 25, y + 16), fill=(205, 225, 160))
    for _ in range(12):  # tomato wedges
        x, y = spot()
        draw.pieslice((x - 40, y - 28, x + 40, y + 28), rng.uniform(0, 180), rng.uniform(200, 330), fill=(205, 35, 30))
    for _ in range(6):  # red onion and green pepper rings
        x, y = spot()
        draw.ellipse((x - 35, y - 20, x + 35, y + 20), outline=(150, 60, 140), width=5)
        x, y = spot()
        draw.ellipse((x - 30, y - 18, x + 30, y + 18), outline=(60, 150, 50), width=6)
    for _ in range(10):  # kalamata olives
        x, y = spot()
        draw.ellipse((x - 14, y - 10, x + 14, y + 10), fill=(40, 25, 35))
        draw.ellipse((x - 6, y - 6, x, y - 2), fill=(120, 100, 110))
    fx, fy = cx - rx * 0.05, cy - ry * 0.25
    feta = [(fx - 110, fy - 30), (fx + 100, fy - 45), (fx + 120, fy + 40), (fx - 95, fy + 55)]
    fill(img, feta, (252, 252, 245), (230, 230, 215))
    for _ in range(40):
        x, y = fx + rng.uniform(-90, 100), fy + rng.uniform(-30, 40)
        draw.ellipse((x, y, x + 4, y + 4), fill=(80, 110, 40))


@scene("taverna", views=2, warmth=0.1)
def taverna(s: Sketch) -> str:
    img, draw = s.img, s.draw
    name = s.props.get("name", "TAVERNA")
    blue = (20, 80, 160)
    rect(img, (0, 0, W, H), (240, 236, 226), (215, 208, 195))
    if s.view == 0:
        sign(img, (360, 80, 920, 190), name, WHITE, blue, border=blue, bold=3)
        for x in (80, 1000):
            rect(img, (x, 160, x + 200, 420), blue)
            draw.line([(x + 100, 160), (x + 100, 420)], fill=(10, 50, 110), width=6)
        for k in range(3):
            person(img, 300 + k * 340, 440, 180, s.rng)
        soften(img, (0, 160, W, 440), 5)
        cloth = checks((1400, 700), 70, (245, 245, 245), (40, 90, 180))
        warp(img, cloth, [(-60, 400), (W + 60, 400), (W + 500, H + 40), (-500, H + 40)])
        _greek_salad(img, 600, 690, 300, s.rng)
        draw.ellipse((150, 440, 290, 500), fill=(230, 225, 190))
        draw.polygon([(150, 470), (290, 470), (250, 600), (190, 600)], fill=(225, 215, 150))
        draw.line([(220, 600), (220, 700)], fill=(220, 220, 215), width=6)
        draw.ellipse((170, 690, 270, 720), fill=(220, 220, 215))
        draw.ellipse((940, 420, 1180, 540), fill=(170, 120, 60))
        for k in range(4):
            draw.ellipse((960 + k * 50, 430, 1040 + k * 50, 500), fill=vary(s.rng, (230, 200, 140), 15))
        return ("a Greek salad with a block of feta cheese, tomatoes and olives on a blue checked tablecloth "
                "in a taverna")
    rect(img, (0, 0, W, 90), (90, 150, 220), (150, 190, 235))
    for _ in range(30):  # bougainvillea over the door, behind the sign
        x, y = s.uniform(0, W), s.uniform(90, 300)
        draw.ellipse((x, y, x + 40, y + 30), fill=vary(s.rng, (200, 40, 130), 30))
    sign(img, (340, 110, 940, 250), name, WHITE, blue, border=blue, bold=3)
    for x in (120, 960):
        rect(img, (x, 280, x + 200, 560), blue)
    draw.rectangle((560, 300, 720, 600), fill=blue)
    draw.line([(0, 280), (W, 260)], fill=(60, 60, 60), width=2)
    for k in range(12):
        draw.ellipse((k * 110 + 20, 264, k * 110 + 36, 284), fill=(255, 230, 150))
    rect(img, (0, 600, W, H), (190, 180, 165), (160, 150, 135))
    for x, w in ((60, 360), (480, 320), (880, 380)):
        warp(img, checks((400, 200), 40, (245, 245, 245), (40, 90, 180)), [(x, 620), (x + w, 620), (x + w + 40, 720),
                                                                           (x - 40, 720)])
        draw.rectangle((x + w / 2 - 10, 720, x + w / 2 + 10, 860), fill=(90, 60, 40))
    person(img, 500, 760, 300, s.rng)
    return f"the front of a Greek taverna with blue shutters, a {name} sign and tables with checked tablecloths outside"


def _krater(img: Image.Image, cx: float, base: float, height: float) -> None:
    draw = ImageDraw.Draw(img)
    profile = [(0.16, 0.0), (0.1, 0.05), (0.07, 0.12), (0.12, 0.2), (0.3, 0.45), (0.32, 0.6), (0.26, 0.72),
               (0.2, 0.78), (0.24, 0.9), (0.3, 1.0)]
    left = [(cx - w * height, base - y * height) for w, y in profile]
    right = [(cx + w * height, base - y * height) for w, y in reversed(profile)]
    fill(img, left + right, (120, 80, 30), (225, 180, 90), horizontal=True)
    rect(img, (cx - 0.28 * height, base - 0.62 * height, cx + 0.28 * height, base - 0.5 * height), (150, 105, 40))
    for k in range(7):
        x = cx - 0.24 * height + k * 0.08 * height
        draw.ellipse((x, base - 0.6 * height, x + 0.05 * height, base - 0.52 * height), fill=(90, 60, 20))
    for side in (-1, 1):
        x = cx + side * 0.3 * height
        draw.arc((x - 0.12 * height, base - 1.08 * height, x + 0.12 * height, base - 0.8 * height), 0, 360,
                 fill=(150, 110, 45), width=int(height * 0.03))


@scene("museum", views=2, warmth=0.06)
def museum(s: Sketch) -> str:
    img, draw = s.img, s.draw
    room(img, (0, 0, W, 640), wall=(48, 46, 52), floor=(60, 58, 62), ceiling=(30, 30, 32))
    if s.view == 0:
        glow(img, (640, 380), 420, (255, 230, 180), 0.35)
        rect(img, (380, 680, 900, H), (70, 70, 75), (45, 45, 50))
        rect(img, (380, 120, 900, 680), (70, 78, 82), (55, 60, 64))
        _krater(img, 640, 660, 460)
        draw.rectangle((380, 120, 900, 680), outline=(170, 180, 185), width=4)
        draw.line([(400, 140), (520, 660)], fill=(120, 130, 135), width=3)
        draw.rectangle((930, 400, 1210, 620), fill=(238, 232, 215))
        write(img, (950, 420), "DERVENI", 44, (30, 30, 30), bold=2)
        write(img, (950, 470), "KRATER", 44, (30, 30, 30), bold=2)
        lines_of_text(img, (950, 530), ["Bronze, c. 330 BC", "Derveni, Thessaloniki"], 22, (60, 60, 60))
        return "the bronze Derveni krater in a spotlit glass case with a plaque in a museum"
    sign(img, (220, 90, 1060, 190), "THE GOLD OF MACEDON", (110, 20, 25), (235, 195, 100), bold=2)
    for x in (170, 640, 1110):
        glow(img, (x, 450), 230, (255, 230, 180), 0.35)
        rect(img, (x - 160, 330, x + 160, 560), (60, 65, 70), (40, 42, 45))
        draw.rectangle((x - 160, 330, x + 160, 560), outline=(170, 180, 185), width=3)
        rect(img, (x - 170, 560, x + 170, H), (70, 70, 75), (45, 45, 50))
        draw.ellipse((x - 100, 380, x + 100, 510), outline=(230, 185, 60), width=14)
        for k in range(14):
            a = k / 14 * 2 * np.pi
            lx, ly = x + np.cos(a) * 100, 445 + np.sin(a) * 65
            draw.ellipse((lx - 16, ly - 9, lx + 16, ly + 9), fill=(240, 200, 80))
    person(img, 420, H + 40, 420, s.rng, facing_away=True)
    return "a museum gallery with gold wreaths in spotlit glass cases under a sign for The Gold of Macedon"
