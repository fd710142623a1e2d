"""Work at the university: the desk and the meeting room."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from ..canvas import H, W, WHITE, fill, lines_of_text, mug, person, rect, room, table_top, vary, window, write
from .registry import Sketch, scene


def _laptop(img: Image.Image, screen, rng: np.random.Generator, subject: str) -> None:
    x0, y0, x1, y1 = screen
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((x0 - 14, y0 - 14, x1 + 14, y1 + 8), radius=14, fill=(30, 30, 32))
    rect(img, screen, (250, 250, 252))
    rect(img, (x0, y0, x1, y0 + 44), (20, 100, 190))
    write(img, (x0 + 16, y0 + 8), "Inbox", 30, WHITE, bold=1)
    rows = [("Cathal", subject), ("Aoife", "Lunch on Friday?"), ("LSC 2019", "Call for papers"),
            ("IT Services", "Password expiry"), ("Niamh", "Slides for Monday")]
    for i, (who, what) in enumerate(rows):
        y = y0 + 60 + i * 52
        if y > y1 - 40:
            break
        write(img, (x0 + 16, y), who, 24, (20, 20, 20), bold=1)
        write(img, (x0 + 16, y + 26), what, 20, (90, 90, 90))
        draw.line([(x0, y + 50), (x1, y + 50)], fill=(220, 220, 225))
    kx0, ky0 = x0 - 20, y1 + 10
    keyboard = [(kx0, ky0), (x1 + 20, ky0), (x1 + 90, ky0 + 200), (kx0 - 70, ky0 + 200)]
    fill(img, keyboard, (200, 200, 205), (170, 170, 175))
    for r in range(5):
        t = r / 5
        ya = ky0 + 18 + t * 120
        left = kx0 + 20 - t * 35
        right = x1 + 2 + t * 35
        n = 13
        for c in range(n):
            a = left + (right - left) * c / n
            draw.rectangle((a + 2, ya, a + (right - left) / n - 3, ya + 18), fill=(45, 45, 48))
    draw.rectangle(((kx0 + x1) / 2 - 60, ky0 + 150, (kx0 + x1) / 2 + 80, ky0 + 192), fill=(185, 185, 190))


@scene("office", views=2, warmth=-0.04)
def office(s: Sketch) -> str:
    img, draw = s.img, s.draw
    rect(img, (0, 0, W, 520), vary(s.rng, (215, 218, 220), 6), (190, 192, 195))
    window(img, (900, 30, 1260, 420), bars=0)
    for y in range(40, 420, 22):
        draw.line([(905, y), (1255, y)], fill=(235, 235, 230), width=10)
    table_top(img, 500, (228, 226, 220), grain=False, spread=200)
    if s.view == 0:
        draw.rectangle((330, 380, 350, 520), fill=(40, 40, 42))
        draw.rectangle((250, 510, 430, 530), fill=(40, 40, 42))
        draw.rectangle((60, 110, 620, 420), fill=(25, 25, 28))
        rect(img, (74, 124, 606, 406), WHITE)
        rect(img, (74, 124, 606, 160), (30, 120, 70))
        write(img, (84, 128), "Budget 2019.xlsx", 26, WHITE, bold=1)
        for r in range(9):
            for c in range(5):
                y, x = 170 + r * 26, 84 + c * 104
                draw.rectangle((x, y, x + 104, y + 26), outline=(200, 200, 200))
                if c and r:
                    write(img, (x + 96, y + 4), f"{int(s.rng.integers(100, 9999)):,}", 18, (40, 40, 40), anchor="ra")
                elif r:
                    label = ["Travel", "Staff", "Equip", "Cloud", "Misc", "Events", "Books", "Total"][r - 1]
                    write(img, (x + 6, y + 4), label, 18, (40, 40, 40))
        _laptop(img, (660, 180, 1130, 470), s.rng, "Re: LSC submission deadline")
        mug(img, 280, 700, 62, s.pick([(240, 240, 240), (30, 60, 110)]), text="DCU")
        draw.polygon([(0, 790), (360, 770), (390, 960), (0, 960)], fill=(250, 248, 235))
        for y in range(800, 960, 26):
            draw.line([(10, y), (370, y - 18)], fill=(160, 190, 220), width=2)
        draw.line([(120, 900), (330, 830)], fill=(20, 40, 120), width=8)
        return "an office desk with a laptop showing an email inbox, a monitor with a spreadsheet and a DCU coffee mug"
    draw.rectangle((600, 560, 680, 640), fill=(40, 40, 42))
    draw.rectangle((150, 60, 1130, 590), fill=(20, 20, 22))
    rect(img, (170, 80, 1110, 570), (30, 32, 40))
    code = ["def search(query, photos):", "    \"\"\"Rank photos for a query.\"\"\"", "    text = encode_text(query)",
            "    scores = photos @ text", "    order = np.argsort(-scores)", "    return order[:100]", "",
            "def main():", "    results = search(\"pharmacy\", index)"]
    colors = [(200, 120, 220), (120, 200, 120), (220, 220, 220), (220, 220, 220), (220, 220, 220), (240, 160, 90),
              (220, 220, 220), (200, 120, 220), (120, 190, 240)]
    for i, (line, color) in enumerate(zip(code, colors)):
        write(img, (200, 100 + i * 48), f"{i + 41}", 26, (110, 110, 120))
        write(img, (260, 100 + i * 48), line, 30, color)
    draw.polygon([(1020, 90), (1110, 90), (1110, 170), (1030, 175)], fill=(250, 235, 110))
    write(img, (1065, 120), "LSC", 26, (40, 40, 40), anchor="mm", bold=1)
    write(img, (1065, 148), "31 May", 18, (40, 40, 40), anchor="mm")
    fill(img, [(200, 700), (1000, 700), (1060, 880), (150, 880)], (40, 40, 44))
    for r in range(5):
        y = 712 + r * 33
        for c in range(16):
            x = 215 + c * 50 - r * 10
            draw.rectangle((x, y, x + 42 + r * 1.2, y + 26), fill=(65, 65, 70))
    draw.ellipse((1100, 760, 1190, 900), fill=(50, 50, 55))
    return "a computer monitor showing program code above a keyboard and a mouse on an office desk"


@scene("meeting", views=2, warmth=-0.04)
def meeting(s: Sketch) -> str:
    img, draw = s.img, s.draw
    if s.view == 0:
        room(img, (200, 60, 1080, 560), wall=(226, 226, 222), floor=(100, 100, 110), ceiling=(240, 240, 240))
        window(img, (1120, 120, 1270, 560), bars=0)
        rect(img, (290, 110, 990, 450), WHITE, (235, 235, 235))
        draw.rectangle((290, 110, 990, 450), outline=(160, 160, 165), width=10)
        write(img, (640, 175), "SPRINT PLANNING", 62, (20, 50, 170), anchor="mm", bold=2)
        lines_of_text(img, (330, 240), ["- demo library", "- search by date", "- LSC deadline 31 May"], 40,
                      (30, 30, 30), spacing=1.3, bold=1)
        draw.ellipse((800, 260, 950, 400), outline=(200, 30, 40), width=5)
        write(img, (875, 330), "v1.0", 40, (200, 30, 40), anchor="mm", bold=1)
        fill(img, [(470, 520), (810, 520), (1180, H), (100, H)], (110, 78, 50), (80, 55, 35))
        for x, y, h in ((350, 700, 250), (430, 600, 180), (930, 700, 250), (850, 600, 180), (640, 560, 130)):
            person(img, x, y, h, s.rng)
        for x, y, w in ((470, 640, 120), (720, 640, 120)):
            fill(img, [(x, y - 70), (x + w, y - 70), (x + w, y), (x, y)], (30, 30, 35))
            rect(img, (x + 6, y - 64, x + w - 6, y - 6), (200, 220, 240))
        return "a meeting room with people around a table and a whiteboard that says SPRINT PLANNING"
    rect(img, (0, 0, W, H), (225, 225, 222), (200, 200, 198))
    rect(img, (120, 60, 1160, 700), WHITE, (238, 238, 238))
    draw.rectangle((120, 60, 1160, 700), outline=(160, 160, 165), width=12)
    write(img, (640, 130), "SEARCH PIPELINE", 64, (20, 50, 170), anchor="mm", bold=2)
    for i, word in enumerate(("QUERY", "CLIP", "RANK")):
        x = 200 + i * 330
        draw.rectangle((x, 300, x + 240, 420), outline=(30, 30, 30), width=5)
        write(img, (x + 120, 360), word, 50, (30, 30, 30), anchor="mm", bold=2)
        if i < 2:
            draw.line([(x + 250, 360), (x + 320, 360)], fill=(200, 30, 40), width=6)
            draw.polygon([(x + 320, 345), (x + 335, 360), (x + 320, 375)], fill=(200, 30, 40))
    write(img, (200, 520), "time + place filters", 40, (200, 30, 40), bold=1)
    rect(img, (0, 760, W, H), (110, 78, 50), (80, 55, 35))
    person(img, 60, H, 360, s.rng)
    return "a whiteboard with a diagram of a search pipeline from query to CLIP to ranking in a meeting room"
