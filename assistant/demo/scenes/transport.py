"""Getting about: the bus, the airport gate and the aeroplane cabin."""

from __future__ import annotations

from string import capwords

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from ..canvas import H, W, WHITE, fill, gradient, mix, person, rect, room, sign, soften, vary, write
from .registry import Sketch, scene


def _scenery(img: Image.Image, box, rng: np.random.Generator) -> None:
    """A street seen from a vehicle: sky, terraced houses, trees and a pavement."""
    x0, y0, x1, y1 = box
    draw = ImageDraw.Draw(img)
    rect(img, box, (150, 185, 225), (220, 230, 240))
    ground = y0 + (y1 - y0) * 0.78
    x = x0 - 40
    while x < x1:
        w = float(rng.uniform(140, 220))
        top = y0 + (y1 - y0) * float(rng.uniform(0.25, 0.4))
        brick = vary(rng, (150, 80, 60), 25)
        draw.rectangle((x, top, x + w, ground), fill=brick)
        draw.polygon([(x - 10, top), (x + w / 2, top - 50), (x + w + 10, top)], fill=(70, 70, 80))
        for wx in (x + w * 0.15, x + w * 0.6):
            draw.rectangle((wx, top + 30, wx + w * 0.25, top + 90), fill=(230, 235, 240))
            draw.rectangle((wx, ground - 110, wx + w * 0.25, ground - 50), fill=(220, 228, 235))
        draw.rectangle((x + w * 0.42, ground - 100, x + w * 0.56, ground), fill=vary(rng, (30, 60, 120), 60))
        x += w
    for _ in range(4):
        tx = float(rng.uniform(x0, x1))
        r = float(rng.uniform(50, 90))
        draw.rectangle((tx - 8, ground - r, tx + 8, ground), fill=(80, 60, 40))
        draw.ellipse((tx - r, ground - 2.6 * r, tx + r, ground - 0.6 * r), fill=vary(rng, (60, 110, 50), 20))
    rect(img, (x0, ground, x1, y1), (150, 150, 150), (110, 110, 110))


@scene("bus", views=2, moving=True, warmth=-0.02)
def bus(s: Sketch) -> str:
    img, draw = s.img, s.draw
    route = s.props.get("route", "16 AIRPORT")
    seat = s.pick([(40, 60, 120), (60, 40, 100), (30, 90, 110)])
    if s.view == 1:
        rect(img, (0, 0, W, H), (200, 200, 196), (170, 170, 165))
        _scenery(img, (60, 90, 1220, 640), s.rng)
        soften(img, (60, 90, 1220, 640), 4)
        draw.rounded_rectangle((60, 90, 1220, 640), radius=40, outline=(45, 45, 45), width=22)
        draw.rectangle((620, 90, 650, 640), fill=(45, 45, 45))
        draw.rounded_rectangle((-60, 700, 620, H + 80), radius=70, fill=seat)
        for _ in range(120):
            x, y = s.uniform(-40, 600), s.uniform(720, H)
            draw.ellipse((x, y, x + 9, y + 9), fill=mix(seat, (230, 200, 60), 0.5))
        rect(img, (0, 640, W, 700), (190, 190, 186))
        return "looking out of a bus window at terraced houses and trees along a street"
    vx, vy = 640, 380

    def at(x: float, y: float, f: float) -> tuple[float, float]:
        return vx + x * f, vy + y * f

    far = 0.22
    rect(img, (0, 0, W, H), (175, 175, 170))
    ceiling = [at(-640, -380, 1), at(640, -380, 1), at(640, -380, far), at(-640, -380, far)]
    fill(img, ceiling, (190, 190, 186), (225, 225, 220))
    for side in (-1, 1):
        fill(img, [at(side * 640, -320, 1), at(side * 640, -320, far), at(side * 640, 80, far), at(side * 640, 80, 1)],
             (170, 200, 225), (95, 125, 80))
        for f in (1.0, 0.62, 0.4, 0.28):
            a, b = at(side * 640, -330, f), at(side * 640, 90, f)
            draw.line([a, b], fill=(50, 50, 50), width=max(3, int(26 * f)))
    fill(img, [at(-200, 580, 1), at(200, 580, 1), at(200, 580, far), at(-200, 580, far)], (105, 105, 110), (80, 80, 85))
    # The front of the saloon: windscreen glare and the route display.
    rect(img, (*at(-640, -380, far), *at(640, 580, far)), (215, 225, 230), (160, 165, 160))
    for f in (0.3, 0.45, 0.7, 1.0):
        for side in (-1, 1):
            x0, y0 = at(side * 620, 140, f)
            x1, y1 = at(side * 180, 600, f)
            draw.rounded_rectangle((min(x0, x1), y0, max(x0, x1), y1), radius=int(40 * f), fill=vary(s.rng, seat, 6))
            for _ in range(int(50 * f)):
                px, py = s.uniform(min(x0, x1), max(x0, x1)), s.uniform(y0, y1)
                draw.ellipse((px, py, px + 8 * f, py + 8 * f), fill=mix(seat, (230, 200, 60), 0.5))
            draw.rounded_rectangle((min(x0, x1) + 20 * f, y0 - 30 * f, max(x0, x1) - 20 * f, y0 + 20 * f),
                                   radius=int(15 * f), fill=(200, 200, 200))
    for f in (0.55, 0.85):
        for side in (-1, 1):
            x, y = at(side * 200, -380, f)
            draw.line([(x, y), at(side * 200, 140, f)], fill=(240, 200, 20), width=int(16 * f))
    dx0, dy0 = at(-430, -370, 0.55)
    dx1, dy1 = at(430, -250, 0.55)
    draw.rectangle((dx0 - 10, dy0 - 10, dx1 + 10, dy1 + 10), fill=(60, 60, 60))
    sign(img, (dx0, dy0, dx1, dy1), route, (12, 10, 8), (255, 150, 20), bold=1, fill_ratio=0.7)
    rect(img, (*at(-150, -380, 0.9), *at(150, -360, 0.9)), (250, 250, 245))
    return f"inside a bus with rows of seats, yellow poles and a route display showing {capwords(route)}"


@scene("airport", views=2, warmth=-0.03)
def airport(s: Sketch) -> str:
    img, draw = s.img, s.draw
    board = s.props.get("board", "DEPARTURES")
    city = s.props.get("city", "THESSALONIKI")
    flight = s.props.get("flight", "FR 7014")
    gate = s.props.get("gate", "102")
    room(img, (80, 30, 1200, 600), wall=(200, 205, 210), floor=(175, 175, 170), ceiling=(235, 235, 235))
    if s.view == 0:
        rect(img, (100, 60, 1180, 640), (10, 20, 60))
        draw.rectangle((100, 60, 1180, 640), outline=(90, 90, 95), width=12)
        write(img, (140, 82), board, 64, (255, 210, 40), bold=2)
        clock = s.props.get("clock", "12:40")  # local time now, and when our flight leaves or landed
        write(img, (1140, 92), clock, 48, WHITE, anchor="ra", bold=1)
        rows = [(s.props.get("at", "13:30"), flight, city, gate, "BOARDING" if board == "DEPARTURES" else "LANDED")]
        others = ["LONDON", "AMSTERDAM", "PARIS CDG", "MANCHESTER", "BERLIN", "MADRID", "FRANKFURT", "ROME"]
        if board == "ARRIVALS":
            others = ["ATHENS", "MUNICH", "LARNACA", "MILAN", "VIENNA", "BRUSSELS"]
        for k, place in enumerate(s.rng.permutation(others)[:5]):
            hh = int(clock[:2]) + (k + 2) // 3
            number = f"{s.pick(['EI', 'FR', 'BA', 'KL'])} {int(s.rng.integers(100, 999))}"
            rows.append((f"{hh}:{(k * 17 + 5) % 60:02d}", number, str(place), str(int(s.rng.integers(100, 130))),
                         s.pick(["ON TIME", "GO TO GATE", "DELAYED"])))
        for i, row in enumerate(rows):
            y = 180 + i * 72
            if i % 2 == 0:
                draw.rectangle((110, y - 8, 1170, y + 56), fill=(20, 34, 84))
            color = (255, 210, 40) if i == 0 else WHITE
            for x, text in zip((130, 280, 480, 900, 990), row):
                write(img, (x, y), text, 40 if x != 990 else 32, color, bold=1)
        for k in range(6):
            person(img, 150 + k * 210 + s.uniform(-30, 30), H + 20, s.uniform(280, 340), s.rng, facing_away=True)
        if board == "ARRIVALS":
            return f"an arrivals board at an airport showing flight {flight} from {capwords(city)} has landed"
        return f"an airport departures board listing flight {flight} to {capwords(city)} boarding at gate {gate}"
    # The gate: tall windows onto the apron with an aircraft, seats in front.
    rect(img, (0, 60, W, 560), (150, 190, 230), (220, 230, 240))
    rect(img, (0, 420, W, 560), (120, 120, 118), (100, 100, 98))
    plane_y = 330
    fill(img, [(150, plane_y), (1100, plane_y - 10), (1180, plane_y + 40), (1100, plane_y + 95), (150, plane_y + 100),
               (90, plane_y + 50)], (250, 250, 250), (200, 200, 205))
    tail = [(980, plane_y), (1080, plane_y - 170), (1150, plane_y - 170), (1110, plane_y + 10)]
    wing = [(500, plane_y + 80), (760, plane_y + 80), (560, plane_y + 170), (420, plane_y + 170)]
    draw.polygon(tail, fill=(20, 50, 120))
    draw.polygon(wing, fill=(190, 190, 195))
    draw.ellipse((480, plane_y + 110, 600, plane_y + 170), fill=(160, 160, 165))
    for x in range(250, 1000, 32):
        draw.ellipse((x, plane_y + 30, x + 14, plane_y + 46), fill=(40, 50, 70))
    for x in range(0, W + 1, 213):
        draw.rectangle((x - 8, 60, x + 8, 560), fill=(70, 75, 80))
    draw.rectangle((0, 50, W, 70), fill=(70, 75, 80))
    sign(img, (120, 110, 470, 200), f"GATE {gate}", (20, 20, 25), (255, 210, 40), bold=2)
    for row_y, f in ((620, 0.6), (720, 0.8), (840, 1.0)):
        for k in range(-2, 9):
            x = 640 + (k - 3) * 190 * f
            draw.rounded_rectangle((x, row_y, x + 170 * f, row_y + 160 * f), radius=int(20 * f), fill=(45, 48, 55))
    for k in range(3):
        person(img, 300 + k * 330 + s.uniform(-40, 40), 660, 170, s.rng, facing_away=True)
    return f"an aircraft outside the window of departure gate {gate} at an airport, with rows of seats"


@scene("plane", views=2, moving=True, warmth=-0.02)
def plane(s: Sketch) -> str:
    img, draw = s.img, s.draw
    rect(img, (0, 0, W, H), (215, 215, 210), (175, 175, 170), horizontal=True)
    if s.view == 0:
        draw.rounded_rectangle((390, 130, 890, 700), radius=170, fill=(150, 150, 150))
        box = (425, 165, 855, 665)
        view = gradient((430, 500), (70, 120, 200), (190, 215, 240))
        cloud = ImageDraw.Draw(view)
        for _ in range(40):
            x, y = s.uniform(-60, 430), s.uniform(300, 520)
            r = s.uniform(30, 80)
            cloud.ellipse((x - r * 1.6, y - r * 0.6, x + r * 1.6, y + r * 0.6), fill=vary(s.rng, (248, 248, 250), 6))
        cloud.polygon([(0, 330), (300, 390), (330, 420), (0, 470)], fill=(170, 172, 178))
        cloud.polygon([(0, 330), (300, 390), (310, 398), (0, 345)], fill=(210, 212, 218))
        view = view.filter(ImageFilter.GaussianBlur(2))
        mask = Image.new("L", view.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, 430, 500), radius=150, fill=255)
        img.paste(view, box[:2], mask)
        rect(img, (470, 150, 810, 230), (240, 240, 238), (220, 220, 218))
        draw.rounded_rectangle((-100, 600, 360, H + 100), radius=80, fill=(30, 50, 110))
        return "clouds and the wing of the aircraft seen through an aeroplane window"
    rect(img, (0, 0, W, 120), (230, 230, 228), (200, 200, 198))
    for cx in (-180, 640, 1460):
        draw.rounded_rectangle((cx - 390, 90, cx + 390, H + 200), radius=120, fill=(25, 45, 105))
        draw.rounded_rectangle((cx - 300, 110, cx + 300, 260), radius=40, fill=(235, 235, 230))
    draw.rounded_rectangle((330, 420, 950, 800), radius=20, fill=(45, 55, 85))
    draw.rounded_rectangle((580, 430, 700, 460), radius=8, fill=(80, 80, 90))
    rect(img, (380, 760, 900, 900), (20, 35, 80))
    rect(img, (430, 700, 640, 800), (240, 240, 240))
    write(img, (535, 745), "SAFETY", 38, (200, 30, 30), anchor="mm", bold=2)
    return "the back of the seat in front with a folded tray table and a safety card on an aeroplane"
