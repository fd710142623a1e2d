"""Home: breakfast in the kitchen and an evening in front of the television."""

from __future__ import annotations

from PIL import Image, ImageDraw

from ..canvas import (
    H, W, WHITE, WOOD, box3d, fill, fit_size, glow, mix, mug, person, plate, rect, room, shade, sign, table_top,
    vary, window, write,
)
from .registry import Sketch, scene


def _tiles(img: Image.Image, box, color, size: int = 64) -> None:
    x0, y0, x1, y1 = box
    rect(img, box, color, mix(color, (0, 0, 0), 0.08))
    draw = ImageDraw.Draw(img)
    grout = mix(color, (0, 0, 0), 0.18)
    for x in range(int(x0), int(x1), size):
        draw.line([(x, y0), (x, y1)], fill=grout, width=2)
    for y in range(int(y0), int(y1), size):
        draw.line([(x0, y), (x1, y)], fill=grout, width=2)


def _cabinets(img: Image.Image, box, color) -> None:
    x0, y0, x1, y1 = box
    rect(img, box, color, mix(color, (0, 0, 0), 0.15))
    draw = ImageDraw.Draw(img)
    n = max(1, int((x1 - x0) // 170))
    for i in range(n):
        a = x0 + (x1 - x0) * i / n
        b = x0 + (x1 - x0) * (i + 1) / n
        draw.rectangle((a + 8, y0 + 8, b - 8, y1 - 8), outline=mix(color, (0, 0, 0), 0.3), width=3)
        draw.rounded_rectangle((b - 30, (y0 + y1) / 2 - 20, b - 22, (y0 + y1) / 2 + 20), radius=3, fill=(200, 200, 200))


def _kettle(img: Image.Image, cx: float, base: float, size: float) -> None:
    draw = ImageDraw.Draw(img)
    shade(img, [(cx - size * 0.6, base - 5), (cx + size * 0.8, base - 5), (cx + size, base + 15),
                (cx - size * 0.6, base + 15)], blur=10, opacity=0.4)
    fill(img, [(cx - size * 0.45, base - size * 1.1), (cx + size * 0.45, base - size * 1.1), (cx + size * 0.55, base),
               (cx - size * 0.55, base)], (120, 120, 125), (225, 225, 230), horizontal=True)
    draw.polygon([(cx - size * 0.5, base - size * 0.7), (cx - size * 0.95, base - size * 1.05),
                  (cx - size * 0.9, base - size * 1.1), (cx - size * 0.48, base - size * 0.9)], fill=(170, 170, 175))
    draw.arc((cx - size * 0.2, base - size * 1.55, cx + size * 0.75, base - size * 0.5), 250, 80, fill=(40, 40, 40),
             width=int(size * 0.12))
    draw.rectangle((cx - size * 0.5, base - size * 0.12, cx + size * 0.55, base), fill=(40, 40, 40))


def _toast(img: Image.Image, cx: float, cy: float, w: float, angle_shift: float) -> None:
    draw = ImageDraw.Draw(img)
    h = w * 0.55
    pts = [(cx - w / 2 + angle_shift, cy - h / 2), (cx + w / 2 + angle_shift, cy - h / 2 - 8),
           (cx + w / 2, cy + h / 2), (cx - w / 2, cy + h / 2 + 6)]
    draw.polygon(pts, fill=(160, 100, 40))
    inner = [(x * 0.86 + cx * 0.14, y * 0.82 + cy * 0.18) for x, y in pts]
    fill(img, inner, (222, 170, 95), (200, 140, 70))
    draw.ellipse((cx - w * 0.12, cy - h * 0.12, cx + w * 0.12, cy + h * 0.1), fill=(250, 225, 120))


@scene("kitchen", views=2, warmth=0.05)
def kitchen(s: Sketch) -> str:
    img, draw = s.img, s.draw
    tile = vary(s.rng, (232, 226, 210), 8)
    _tiles(img, (0, 0, W, 560), tile)
    cupboard = s.pick([(170, 128, 88), (235, 235, 230), (95, 120, 110)])
    if s.view == 0:
        _cabinets(img, (0, 0, 500, 230), cupboard)
        window(img, (730, 40, 1120, 360), bars=1)
        rect(img, (0, 400, W, 440), (80, 80, 86), (60, 60, 66))
        _kettle(img, 250, 410, 150)
        table_top(img, 500, vary(s.rng, WOOD, 10))
        # Cereal box: brand band and name in print as large as on a real box seen across a table.
        box3d(img, (290, 150, 540, 570), 34, (245, 200, 40))
        rect(img, (290, 190, 540, 270), (200, 30, 40))
        write(img, (415, 230), "Kellogg's", fit_size("Kellogg's", 220, 56, 1), WHITE, anchor="mm", bold=1)
        write(img, (415, 340), "CORN", 74, (20, 110, 50), anchor="mm", bold=2)
        write(img, (415, 420), "FLAKES", fit_size("FLAKES", 230, 74, 2), (20, 110, 50), anchor="mm", bold=2)
        draw.ellipse((340, 460, 490, 540), fill=(240, 240, 235))
        box3d(img, (580, 330, 680, 560), 22, (248, 248, 248), "MILK", WHITE, band=(40, 110, 220))
        draw.ellipse((150, 640, 500, 820), fill=(230, 230, 228))
        draw.ellipse((175, 655, 475, 790), fill=(250, 248, 240))
        for _ in range(45):
            x, y = s.uniform(200, 450), s.uniform(670, 775)
            draw.ellipse((x - 12, y - 7, x + 12, y + 7), fill=vary(s.rng, (225, 170, 70), 18))
        plate(img, 790, 760, 210)
        _toast(img, 740, 750, 180, 10)
        _toast(img, 840, 770, 170, -8)
        mug(img, 1060, 560, 70, s.pick([(200, 60, 50), (40, 90, 160), (240, 240, 240)]))
        draw.line([(560, 880), (700, 640)], fill=(190, 190, 195), width=9)
        return ("a breakfast table with a box of Kellogg's Corn Flakes, a bowl of cereal, toast and a mug of coffee "
                "in a kitchen")
    _cabinets(img, (0, 0, 380, 260), cupboard)
    _cabinets(img, (900, 0, W, 260), cupboard)
    window(img, (420, 60, 860, 400), bars=1)
    fill(img, [(0, 540), (W, 540), (W, H), (0, H)], (185, 180, 172), (150, 145, 138))
    rect(img, (0, 520, W, 545), (120, 118, 112))
    _kettle(img, 260, 640, 190)
    # Toaster: a chrome box with two slots.
    rect(img, (760, 470, 1060, 660), (150, 150, 155), (230, 230, 235), horizontal=True)
    draw.rounded_rectangle((800, 480, 1020, 500), radius=6, fill=(30, 30, 30))
    draw.rounded_rectangle((800, 515, 1020, 535), radius=6, fill=(30, 30, 30))
    draw.rectangle((1060, 560, 1080, 590), fill=(40, 40, 40))
    box3d(img, (560, 470, 700, 650), 20, (60, 40, 30), "COFFEE", (240, 220, 180))
    mug(img, 620, 760, 75, s.pick([(200, 60, 50), (40, 90, 160), (240, 240, 240)]))
    return "a kitchen counter with a kettle, a toaster, a jar of coffee and a mug under a window"


@scene("living_room", views=1, warmth=0.12)
def living_room(s: Sketch) -> str:
    img, draw = s.img, s.draw
    room(img, (140, 40, 1140, 620), wall=vary(s.rng, (196, 176, 146), 8), floor=(120, 86, 60), ceiling=(210, 200, 185))
    window(img, (940, 90, 1120, 430), sky=((14, 20, 45), (35, 45, 80)), frame=(220, 215, 205))
    rect(img, (900, 70, 960, 500), (120, 40, 40), (80, 25, 25))
    rect(img, (1100, 70, 1160, 500), (120, 40, 40), (80, 25, 25))
    # Bookcase.
    rect(img, (150, 120, 330, 620), (100, 70, 45))
    for y in range(150, 600, 95):
        x = 160
        while x < 318:
            w = s.uniform(10, 22)
            draw.rectangle((x, y + s.uniform(0, 20), x + w, y + 85), fill=vary(s.rng, (140, 100, 80), 60))
            x += w + 1
    # Television showing the news, with a readable headline strip.
    rect(img, (370, 500, 900, 620), (60, 45, 35), (40, 30, 22))
    draw.rectangle((360, 150, 910, 470), fill=(15, 15, 18))
    rect(img, (372, 162, 898, 458), (20, 60, 130), (40, 110, 190), horizontal=True)
    person(img, 740, 458, 240, s.rng, shirt=(40, 40, 60))
    sign(img, (372, 360, 898, 410), "WEATHER: RAIN SPREADING EAST", (245, 245, 245), (20, 20, 20), bold=1)
    sign(img, (372, 320, 520, 360), "NEWS", (200, 20, 30), WHITE, bold=2)
    write(img, (400, 190), "9:00", 30, WHITE, bold=1)
    glow(img, (640, 300), 330, (90, 140, 220), 0.25)
    glow(img, (1230, 350), 300, (255, 200, 120), 0.55)
    fill(img, [(1170, 330), (1270, 330), (1300, 430), (1140, 430)], (240, 220, 170))
    table_top(img, 700, (110, 75, 45), spread=150)
    draw.rounded_rectangle((520, 800, 700, 840), radius=12, fill=(25, 25, 28))
    for k in range(4):
        draw.ellipse((540 + k * 35, 812, 555 + k * 35, 827), fill=(90, 90, 95))
    mug(img, 900, 760, 55, (230, 230, 225))
    draw.polygon([(180, 760), (420, 740), (450, 900), (160, 920)], fill=(210, 60, 70))
    write(img, (300, 790), "TV Guide", 34, WHITE, anchor="mm", bold=1)
    return "a living room in the evening with the news on the television and a lamp switched on"
