"""Dublin city centre: café, pharmacy, supermarket, shopping street, building site and pub."""

from __future__ import annotations

from string import capwords

from PIL import Image, ImageDraw

from ..canvas import (
    H, W, WHITE, box3d, fill, fit_size, glow, person, plate, rect, shade, shelves, sign, soften, vary, warp, window,
    write,
)
from .registry import Sketch, scene


def _espresso_machine_and_pastries(s: Sketch) -> None:
    """On the café's counter: an espresso machine with cups warming on top, and a case of pastries."""
    img, draw = s.img, s.draw
    for x in range(130, 450, 42):  # cups warming on top of the machine
        draw.rounded_rectangle((x, 368, x + 32, 398), radius=6, fill=(245, 245, 240))
    draw.rounded_rectangle((110, 398, 470, 575), radius=18, fill=(150, 150, 155))
    rect(img, (118, 404, 462, 568), (235, 235, 240), (160, 160, 165), horizontal=True)
    rect(img, (130, 415, 450, 462), (120, 25, 25), (90, 18, 18))
    for x in (200, 380):
        draw.ellipse((x - 18, 420, x + 18, 456), fill=(245, 245, 240), outline=(60, 60, 60), width=3)
        draw.line([(x, 438), (x + 10, 428)], fill=(20, 20, 20), width=3)
    for x, side in ((170, -1), (270, 1), (370, 1)):
        draw.polygon([(x, 478), (x + 50, 478), (x + 42, 500), (x + 8, 500)], fill=(200, 200, 205))
        draw.line([(x + 25, 503), (x + 25 + side * 55, 522)], fill=(25, 25, 25), width=12)
        draw.rounded_rectangle((x + 10, 522, x + 40, 550), radius=5, fill=(245, 245, 240))
    draw.line([(455, 470), (480, 540)], fill=(190, 190, 195), width=6)
    draw.rectangle((120, 552, 460, 570), fill=(50, 50, 52))
    rect(img, (760, 440, 1190, 580), (200, 220, 225), (150, 170, 175))
    for k in range(8):
        x = 790 + (k % 4) * 100
        y = 470 + (k // 4) * 52
        draw.ellipse((x, y, x + 80, y + 40), fill=vary(s.rng, (210, 160, 90), 20))
    draw.line([(760, 440), (1190, 440)], fill=(250, 250, 250), width=4)


@scene("cafe", views=2, warmth=0.08)
def cafe(s: Sketch) -> str:
    img, draw = s.img, s.draw
    name = s.props.get("name", "BEWLEY'S")
    rect(img, (0, 0, W, 600), (90, 55, 35), (60, 35, 22))
    if s.view == 0:
        sign(img, (330, 90, 950, 175), name, (110, 20, 25), (245, 225, 170), border=(200, 170, 100))
        draw.rectangle((240, 195, 1040, 490), fill=(120, 85, 50))
        rect(img, (256, 211, 1024, 474), (30, 32, 30), (40, 42, 40))
        write(img, (640, 240), "COFFEE", 48, (245, 245, 240), anchor="mm", bold=2)
        items = [("Americano", "3.20"), ("Cappuccino", "3.60"), ("Latte", "3.60"), ("Flat White", "3.40"),
                 ("Scone & jam", "2.95"), ("Hot Chocolate", "3.50")]
        for i, (item, price) in enumerate(items):
            x = 290 if i < 3 else 670
            y = 280 + (i % 3) * 60
            write(img, (x, y), item, 34, (240, 240, 235), bold=1)
            write(img, (x + 320, y), price, 34, (250, 220, 120), anchor="ra", bold=1)
        person(img, 640, 640, 300, s.rng, shirt=(30, 30, 30))
        rect(img, (0, 560, W, 610), (200, 180, 150))
        rect(img, (0, 610, W, H), (120, 75, 45), (80, 50, 30))
        for x in range(0, W, 160):
            draw.rectangle((x + 10, 640, x + 150, 930), outline=(90, 55, 30), width=5)
        _espresso_machine_and_pastries(s)
        glow(img, (640, 60), 500, (255, 210, 150), 0.25)
        return (f"a café counter with an espresso machine and pastries under a coffee menu board and a "
                f"{capwords(name)} sign")
    for k in range(4):
        person(img, 150 + k * 330 + s.uniform(-40, 40), 560, s.uniform(220, 300), s.rng)
    window(img, (300, 60, 980, 330), bars=2, frame=(70, 45, 30))
    soften(img, (0, 0, W, 560), 6)
    fill(img, [(-200, 520), (W + 200, 520), (W + 400, H), (-400, H)], (60, 60, 62), (35, 35, 38))
    plate(img, 560, 760, 230)
    draw.ellipse((400, 640, 720, 760), fill=(245, 245, 240))
    draw.ellipse((440, 600, 680, 700), fill=(250, 250, 248))
    draw.ellipse((465, 612, 655, 688), fill=(200, 160, 110))
    draw.ellipse((520, 630, 600, 670), fill=(240, 225, 200))
    draw.arc((650, 610, 740, 690), 280, 80, fill=(250, 250, 248), width=16)
    plate(img, 960, 740, 170)
    draw.ellipse((880, 660, 1040, 760), fill=(210, 165, 100))
    draw.ellipse((900, 670, 1020, 720), fill=(230, 190, 120))
    draw.ellipse((930, 680, 990, 705), fill=(170, 20, 40))
    return "a cup of cappuccino and a scone with jam on a café table"


def _braun_shelves(s: Sketch) -> None:
    """Shelves of Braun thermometer boxes under their sign, on the left of the pharmacy."""
    img, draw = s.img, s.draw
    sign(img, (80, 220, 600, 305), "Braun", WHITE, (20, 20, 20), border=(180, 180, 180), bold=2)
    for r in range(3):
        top = 330 + r * 200
        rect(img, (60, top, 620, top + 180), (80, 85, 90), (50, 52, 55))
        x = 75
        while x < 500:
            w, h = s.uniform(110, 140), s.uniform(130, 165)
            box3d(img, (x, top + 175 - h, x + w, top + 175), 10, (250, 250, 250))
            write(img, (x + w / 2, top + 175 - h * 0.7), "Braun", fit_size("Braun", w * 0.8, h * 0.24, 1),
                  (15, 15, 15), anchor="mm", bold=1)
            draw.rectangle((x + w * 0.15, top + 175 - h * 0.4, x + w * 0.85, top + 175 - h * 0.3),
                           fill=(0, 110, 170))
            x += w + s.uniform(12, 22)
        rect(img, (60, top + 175, 620, top + 195), (235, 235, 235))


def _pharmacy_wall(img: Image.Image) -> None:
    rect(img, (0, 0, W, H), (238, 240, 238), (215, 220, 218))
    for x in (200, 640, 1080):
        rect(img, (x - 150, 0, x + 150, 22), (255, 255, 250))
        glow(img, (x, 10), 200, (255, 255, 250), 0.35)


@scene("pharmacy", views=3, warmth=-0.03)
def pharmacy(s: Sketch) -> str:
    img, draw = s.img, s.draw
    omron = ((255, 255, 255), (0, 84, 164))
    _pharmacy_wall(img)
    if s.view == 0:
        sign(img, (290, 60, 990, 200), "OMRON", (0, 84, 164), WHITE, bold=3, fill_ratio=0.66)
        sign(img, (290, 205, 990, 255), "BLOOD PRESSURE MONITORS", (230, 238, 248), (0, 60, 130), bold=1)
        for r in range(3):
            top = 300 + r * 215
            rect(img, (110, top, 1170, top + 190), (80, 85, 90), (50, 52, 55))
            x = 130
            while x < 1060:
                w, h = s.uniform(150, 190), s.uniform(140, 175)
                box3d(img, (x, top + 185 - h, x + w, top + 185), 14, omron[0])
                draw.rectangle((x, top + 185 - h * 0.95, x + w, top + 185 - h * 0.82), fill=omron[1])
                write(img, (x + w / 2, top + 185 - h * 0.62), "OMRON", fit_size("OMRON", w * 0.85, h * 0.22, 1),
                      omron[1], anchor="mm", bold=1)
                draw.rounded_rectangle((x + w * 0.25, top + 185 - h * 0.42, x + w * 0.75, top + 185 - h * 0.1),
                                       radius=8, fill=(205, 210, 215))
                draw.rectangle((x + w * 0.32, top + 185 - h * 0.37, x + w * 0.68, top + 185 - h * 0.25),
                               fill=(120, 140, 130))
                x += w + s.uniform(14, 24)
            rect(img, (110, top + 185, 1170, top + 205), (235, 235, 235), (200, 200, 200))
            draw.rectangle((140, top + 186, 220, top + 204), fill=(250, 215, 40))
            write(img, (180, top + 195), f"{s.uniform(49, 89):.2f}", 15, (20, 20, 20), anchor="mm", bold=1)
        return "shelves of Omron blood pressure monitors under a blue OMRON sign in a pharmacy"
    if s.view == 1:
        sign(img, (350, 80, 970, 190), "PHARMACY", (0, 140, 70), WHITE, bold=3)
        draw.rectangle((250, 90, 330, 180), fill=(0, 140, 70))
        draw.rectangle((282, 100, 298, 170), fill=WHITE)
        draw.rectangle((260, 127, 320, 143), fill=WHITE)
        _braun_shelves(s)
        sign(img, (680, 220, 1200, 305), "VITAMINS", (245, 160, 30), WHITE, bold=2)
        shelves(img, (660, 320, 1220, 920), 3, s.rng, palette=[(230, 120, 40), (40, 150, 80), (200, 40, 90),
                                                                (250, 250, 250)])
        return "Braun thermometers on pharmacy shelves below a green PHARMACY sign, next to vitamins"
    sign(img, (330, 80, 950, 190), "PHARMACY", (0, 140, 70), WHITE, bold=3)
    shelves(img, (60, 210, 1220, 570), 3, s.rng, palette=[(250, 250, 250), (0, 84, 164), (200, 40, 60), (40, 150, 80)],
            brand="OMRON", brand_every=4, brand_colors=omron, price_tags=False)
    person(img, 820, 640, 300, s.rng, shirt=(250, 250, 250))
    rect(img, (0, 600, W, 650), (245, 245, 245))
    rect(img, (0, 650, W, H), (0, 120, 60), (0, 90, 45))
    box3d(img, (380, 400, 640, 640), 30, omron[0])
    draw.rectangle((380, 420, 640, 450), fill=omron[1])
    write(img, (510, 500), "OMRON", 56, omron[1], anchor="mm", bold=2)
    write(img, (510, 560), "M3 Comfort", 28, (60, 60, 60), anchor="mm", bold=1)
    draw.rounded_rectangle((820, 540, 940, 640), radius=10, fill=(30, 30, 35))
    rect(img, (835, 552, 925, 590), (120, 200, 140))
    return "an OMRON blood pressure monitor box on the counter of a pharmacy with a pharmacist behind"


@scene("supermarket", views=2, warmth=-0.05)
def supermarket(s: Sketch) -> str:
    img, draw = s.img, s.draw
    palette = [(220, 40, 40), (250, 200, 30), (40, 110, 200), (40, 160, 70), (240, 240, 235), (150, 60, 150),
               (240, 130, 30)]
    if s.view == 0:
        vx, vy = 640, 420
        rect(img, (0, 0, W, vy), (235, 235, 235), (210, 210, 212))
        fill(img, [(0, H), (540, 610), (740, 610), (W, H)], (200, 200, 198), (160, 160, 160))
        for y in (40, 140, 220):
            draw.rectangle((vx - (vy - y) * 1.3, y, vx + (vy - y) * 1.3, y + 14 - y * 0.03), fill=(255, 255, 250))
        for side in (-1, 1):
            tile = Image.new("RGB", (1600, 700), (80, 80, 80))
            shelves(tile, (0, 0, 1600, 700), 5, s.rng, palette=palette)
            near, far_x = (0, W)[side > 0], vx + side * 110
            quad = [(near, 70), (far_x, 300), (far_x, 610), (near, 1000)]
            if side > 0:
                quad = [(far_x, 300), (near, 70), (near, 1000), (far_x, 610)]
            warp(img, tile, quad)
        rect(img, (530, 300, 750, 610), (230, 230, 228))
        sign(img, (420, 110, 860, 200), "BREAKFAST CEREALS", (0, 80, 160), WHITE, bold=2)
        draw.line([(480, 0), (480, 110)], fill=(120, 120, 120), width=3)
        draw.line([(800, 0), (800, 110)], fill=(120, 120, 120), width=3)
        # The trolley the wearer is pushing.
        draw.rounded_rectangle((150, 860, 1130, 910), radius=25, fill=(200, 30, 40))
        for x in range(180, 1120, 40):
            draw.line([(x, 910), (x - (x - 640) * 0.15, H)], fill=(170, 170, 175), width=4)
        return ("a supermarket aisle with shelves of groceries on both sides under a BREAKFAST CEREALS sign, "
                "seen from behind a trolley")
    rect(img, (0, 0, W, H), (230, 230, 230))
    sign(img, (250, 85, 1030, 185), s.props.get("name", "TESCO"), (0, 83, 159), WHITE, bold=3)
    shelves(img, (40, 215, 1240, 900), 4, s.rng, palette=palette, brand="CORN FLAKES", brand_every=5,
            brand_colors=((250, 200, 30), (20, 110, 50)))
    sign(img, (900, 600, 1120, 660), "SPECIAL OFFER", (220, 20, 30), WHITE, bold=1)
    return "supermarket shelves stocked with cereal boxes and yellow price labels under a Tesco sign"


@scene("street", views=2, moving=True, warmth=-0.02)
def street(s: Sketch) -> str:
    img, draw = s.img, s.draw
    shop = s.props.get("shop", "MOLTON BROWN")
    if s.view == 0:
        rect(img, (0, 0, W, 120), (160, 190, 225), (200, 215, 235))
        rect(img, (0, 60, W, 770), (205, 196, 180), (185, 176, 160))
        for x in range(40, W, 190):
            for y in (110, 220):
                draw.rectangle((x, y, x + 110, y + 80), fill=(70, 80, 95))
                draw.rectangle((x, y, x + 110, y + 80), outline=(235, 230, 220), width=6)
        sign(img, (290, 320, 990, 440), shop, (18, 18, 18), (235, 225, 200), bold=2, fill_ratio=0.5)
        for x0, x1 in ((310, 600), (700, 970)):
            rect(img, (x0, 460, x1, 760), (190, 150, 100), (120, 85, 50))
            glow(img, ((x0 + x1) / 2, 600), 180, (255, 225, 170), 0.4)
            for k in range(6):
                bx = x0 + 25 + k * (x1 - x0 - 50) / 6
                draw.rounded_rectangle((bx, 620, bx + 30, 720), radius=8, fill=vary(s.rng, (150, 90, 40), 30))
                draw.rectangle((bx + 10, 600, bx + 20, 622), fill=(30, 30, 30))
        draw.rectangle((605, 460, 695, 770), fill=(25, 25, 28))
        sign(img, (0, 330, 270, 430), "CAFE", (30, 90, 60), WHITE, bold=2)
        sign(img, (1010, 330, W, 430), "BOOKS", (150, 30, 40), WHITE, bold=2)
        for x0, x1 in ((10, 260), (1020, 1270)):
            rect(img, (x0, 460, x1, 760), (110, 120, 130), (70, 80, 90))
        rect(img, (0, 770, W, H), (170, 165, 160), (130, 125, 120))
        for y in (800, 850, 920):
            draw.line([(0, y), (W, y)], fill=(140, 135, 130), width=2)
        for k in range(3):
            person(img, s.uniform(0, W), H + 40, s.uniform(330, 430), s.rng, facing_away=bool(k % 2))
        return f"the {capwords(shop)} shop front on a shopping street, with people walking past"
    vx, vy = 640, 400
    rect(img, (0, 0, W, vy), (150, 185, 230), (215, 225, 238))
    fill(img, [(0, H), (vx - 60, vy + 60), (vx + 60, vy + 60), (W, H)], (175, 168, 160), (140, 134, 128))
    names = [shop, "CAFE", "BOOKS", "SHOES"]
    for side in (-1, 1):
        tile = Image.new("RGB", (2000, 900), (200, 190, 175))
        for k in range(4):
            x = k * 500
            rect(tile, (x, 0, x + 490, 900), vary(s.rng, (200, 190, 175), 20))
            label = names[(k + (side > 0) * 2) % 4]
            board = (18, 18, 18) if label == shop else vary(s.rng, (40, 80, 120), 40)
            sign(tile, (x + 20, 420, x + 470, 520), label, board, WHITE, bold=2)
            rect(tile, (x + 30, 540, x + 460, 860), (120, 110, 100), (80, 70, 60))
            for y in (60, 220):
                draw_tile = ImageDraw.Draw(tile)
                draw_tile.rectangle((x + 60, y, x + 200, y + 120), fill=(70, 80, 95))
                draw_tile.rectangle((x + 280, y, x + 420, y + 120), fill=(70, 80, 95))
        quad = [(0, -200), (vx - 80, 170), (vx - 80, vy + 60), (0, H + 20)]
        if side > 0:  # the right-hand facade reads from the far end towards the wearer
            quad = [(vx + 80, 170), (W, -200), (W, H + 20), (vx + 80, vy + 60)]
        warp(img, tile, quad)
    for depth in sorted(s.uniform(0.2, 1.0) for _ in range(7)):  # nearer shoppers drawn last, larger
        feet = vy + 60 + (H + 200 - vy - 60) * depth
        person(img, vx + s.uniform(-500, 500) * depth, feet - 380 * depth, 380 * depth, s.rng,
               facing_away=bool(s.rng.random() < 0.5), legs=True)
    return f"a busy pedestrian shopping street with shop fronts including {capwords(shop)} and people walking"


@scene("building_site", views=1, moving=True, warmth=-0.03)
def building_site(s: Sketch) -> str:
    img, draw = s.img, s.draw
    rect(img, (0, 0, W, 420), (160, 170, 185), (205, 210, 215))
    for y in range(140, 420, 70):
        draw.rectangle((300, y, 1000, y + 16), fill=(150, 150, 148))
    for x in range(320, 1000, 120):
        draw.rectangle((x, 140, x + 16, 420), fill=(150, 150, 148))
    for x in range(300, 1010, 50):
        draw.line([(x, 120), (x, 420)], fill=(120, 110, 90), width=2)
    draw.line([(900, 20), (900, 420)], fill=(240, 190, 20), width=14)
    draw.line([(930, 20), (930, 420)], fill=(240, 190, 20), width=14)
    for y in range(40, 420, 40):
        draw.line([(900, y), (930, y + 40)], fill=(240, 190, 20), width=4)
    draw.line([(350, 40), (1250, 40)], fill=(240, 190, 20), width=16)
    draw.line([(350, 64), (1250, 64)], fill=(240, 190, 20), width=6)
    draw.line([(560, 64), (560, 260)], fill=(60, 60, 60), width=3)
    rect(img, (0, 400, W, 800), (40, 90, 70), (30, 70, 55))
    for x in range(0, W, 240):
        draw.line([(x, 400), (x, 800)], fill=(25, 60, 45), width=4)
    # The warning sign must stay readable: black on yellow, two words on two lines, as on real hoardings.
    draw.rectangle((300, 430, 960, 760), fill=(20, 20, 20))
    rect(img, (312, 442, 948, 748), (252, 212, 0))
    draw.polygon([(370, 660), (450, 500), (530, 660)], fill=(20, 20, 20))
    draw.polygon([(392, 646), (450, 532), (508, 646)], fill=(252, 212, 0))
    write(img, (450, 615), "!", 90, (20, 20, 20), anchor="mm", bold=2)
    write(img, (745, 540), "EXTREME", 82, (20, 20, 20), anchor="mm", bold=3)
    write(img, (745, 650), "CAUTION", 82, (20, 20, 20), anchor="mm", bold=3)
    draw.rectangle((1000, 460, 1230, 640), fill=(0, 80, 160))
    draw.ellipse((1075, 470, 1155, 550), fill=WHITE)
    write(img, (1115, 575), "HARD HATS", 30, WHITE, anchor="mm", bold=1)
    write(img, (1115, 612), "MUST BE WORN", 26, WHITE, anchor="mm", bold=1)
    rect(img, (0, 800, W, H), (160, 158, 155), (125, 123, 120))
    for x in range(-40, W, 80):
        draw.polygon([(x, 820), (x + 40, 820), (x + 80, 860), (x + 40, 860)], fill=(220, 30, 30))
    draw.rectangle((0, 820, W, 860), outline=(240, 240, 240), width=2)
    for x in (120, 1120):
        draw.polygon([(x, 950), (x + 50, 800), (x + 100, 950)], fill=(245, 110, 20))
        draw.polygon([(x + 26, 880), (x + 74, 880), (x + 82, 905), (x + 18, 905)], fill=WHITE)
    return "a building site hoarding with a yellow EXTREME CAUTION sign and a crane and scaffolding behind it"


def _pint(img: Image.Image, cx: float, base: float, height: float) -> None:
    draw = ImageDraw.Draw(img)
    top_w, bottom_w = height * 0.42, height * 0.32
    shade(img, [(cx - bottom_w, base), (cx + bottom_w * 1.6, base - 4), (cx + bottom_w * 1.9, base + 30),
                (cx - bottom_w, base + 30)], blur=12, opacity=0.5)
    draw.ellipse((cx - height * 0.35, base - 18, cx + height * 0.35, base + 18), fill=(230, 225, 210))
    write(img, (cx, base), "GUINNESS", int(height * 0.07), (20, 20, 20), anchor="mm", bold=1)
    fill(img, [(cx - top_w / 2, base - height), (cx + top_w / 2, base - height), (cx + bottom_w / 2, base),
               (cx - bottom_w / 2, base)], (30, 16, 10), (12, 6, 4), horizontal=True)
    draw.polygon([(cx - top_w / 2, base - height), (cx + top_w / 2, base - height),
                  (cx + top_w / 2 - 3, base - height * 0.87), (cx - top_w / 2 + 3, base - height * 0.87)],
                 fill=(238, 226, 196))
    draw.ellipse((cx - top_w / 2, base - height - 14, cx + top_w / 2, base - height + 14), fill=(245, 236, 210))
    draw.line([(cx - top_w * 0.3, base - height * 0.8), (cx - bottom_w * 0.3, base - 10)], fill=(90, 70, 60), width=5)


@scene("pub", views=2, warmth=0.16)
def pub(s: Sketch) -> str:
    img, draw = s.img, s.draw
    name = s.props.get("name", "The Brazen Head")
    rect(img, (0, 0, W, H), (75, 45, 28), (40, 24, 14))
    for x in range(0, W, 150):
        draw.rectangle((x, 0, x + 12, 560), fill=(50, 30, 18))
    rect(img, (60, 250, 1220, 470), (50, 32, 22))
    for y in (300, 380, 455):
        draw.rectangle((60, y, 1220, y + 8), fill=(110, 75, 45))
        x = 70
        while x < 1200:
            w = s.uniform(18, 30)
            h = s.uniform(50, 75)
            draw.rounded_rectangle((x, y - h, x + w, y), radius=6, fill=vary(s.rng, (60, 90, 50), 50))
            draw.rectangle((x + w * 0.2, y - h * 0.6, x + w * 0.8, y - h * 0.35), fill=(225, 215, 190))
            x += w + s.uniform(4, 14)
    for x in (200, 640, 1080):
        glow(img, (x, 230), 240, (255, 180, 90), 0.45)
    sign(img, (220, 85, 1060, 215), name, (18, 55, 38), (236, 200, 110), border=(190, 150, 80), bold=2, fill_ratio=0.58)
    rect(img, (0, 470, W, 520), (120, 72, 40), (90, 52, 28))
    rect(img, (0, 520, W, H), (70, 40, 22), (45, 25, 14))
    if s.view == 0:
        for x, h in ((230, 290), (1050, 300), (880, 250)):
            person(img, x, 560, h, s.rng, facing_away=bool(s.rng.random() < 0.5))
        fill(img, [(-200, 620), (W + 200, 620), (W + 400, H), (-400, H)], (95, 55, 30), (60, 34, 18))
        glow(img, (640, 700), 400, (255, 190, 110), 0.18)
        _pint(img, 520, 880, 330)
        _pint(img, 800, 860, 310)
        return f"two pints of stout on a table in a pub under a sign reading {name}"
    for k, label in enumerate(("GUINNESS", "SMITHWICK'S", "HARP", "CIDER")):
        x = 250 + k * 220
        draw.rectangle((x, 380, x + 28, 520), fill=(200, 200, 205))
        draw.rounded_rectangle((x - 50, 300, x + 78, 380), radius=10, fill=(20, 20, 20) if k == 0 else (120, 30, 30))
        write(img, (x + 14, 340), label, fit_size(label, 120, 34, 1), (240, 230, 200), anchor="mm", bold=1)
    person(img, 1050, 520, 320, s.rng, shirt=(20, 20, 20))
    fill(img, [(0, 580), (W, 580), (W + 200, H), (-200, H)], (110, 65, 35), (80, 46, 24))
    _pint(img, 640, 860, 300)
    return f"beer taps and a pint of stout on the bar of {name} pub"
