"""The consultant's clip-on camera and enrichment models, with noise of their own.

The camera fires every 2-5 minutes on the move and out, every 6-14 minutes at a desk, in a lounge or a
conference hall, every 10-25 on a plane or a train and every 15-40 at home and in hotel rooms; never between
23:00 and 06:30. It is switched off for part of many client meetings (what is on the screen is the
client's), on a few days altogether, and every photo of the week the phone was lost is gone. GPS fails
in the air, often indoors, now and then in a train; the city comes from GPS or, sometimes, from Wi-Fi; a
place's name comes on only some of its photos. Captions are a captioner's sentences, OCR reads several
strings a stay with misreadings (`camera.misread`) among stray signs, the detector names COCO labels with
miscounts, concept tags carry scores. Each stay's facts are on at least one of its photos
(`retiree_camera.keep_facts`), and the table is built as the retiree's is.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from .camera import misread
from .consultant_life import PHONE_LOST
from .retiree_camera import along_route, keep_facts, photo_rows_as_table, shutter_times
from .world import Stay

AT_A_DESK = ("office", "client office", "conference", "lounge")
RESTING = ("home", "hotel", "ill", "family")
RIDING = ("plane", "train")
STRAY_TEXTS = ("EXIT", "UDGANG", "TOILET", "NO ENTRY", "PUSH", "TRÆK", "WIFI", "12:40", "KR 45,00", "€ 3,20", "OPEN", "LIFT", "INFO", "5 MIN")
AIRPORT_TEXTS = ("GATE A4", "GATE C12", "B 1-22", "TAX FREE", "BAGGAGE CLAIM", "TRANSFER", "ALL GATES")
BLURRED = ("a blurry photo of a room", "a blurry image of a person", "a dark picture of a ceiling")
WRONG = ("a person holding a cell phone", "a table with a laptop on it", "a view of a city street", "a white wall with a window",
         "a man in a suit standing in a room")
GHOSTS = ("cell phone", "cup", "chair", "person", "book", "handbag", "bottle")


def _moments(stay: Stay, rng: np.random.Generator) -> list[datetime]:
    low, high = (6, 14) if stay.activity in AT_A_DESK else (15, 40) if stay.activity in RESTING else (10, 25) if stay.activity in RIDING else (2, 5)
    return shutter_times(stay, low, high, rng, 6.5)


def _off(stays: list[Stay], rng: np.random.Generator) -> tuple[set[date], dict[int, tuple[datetime, datetime]]]:
    """Days with no photo (forgotten, the lost phone's week) and, per stay, a window the camera was switched off."""
    days = sorted({stay.day for stay in stays})
    dark = {day for day in days if rng.random() < 0.04 or PHONE_LOST[0] <= day <= PHONE_LOST[1]}
    paused = {}
    for number, stay in enumerate(stays):
        chance = 0.35 if stay.activity == "client office" else 0.02
        if rng.random() < chance and stay.seconds > 3600:
            start = stay.start + timedelta(seconds=float(rng.uniform(0, stay.seconds - 3600)))
            paused[number] = (start, start + timedelta(minutes=float(rng.uniform(50, 170))))
    return dark, paused


def _position(stay: Stay, moment: datetime, rng: np.random.Generator) -> tuple[float, float, bool]:
    """(lat, lng, located): along a journey's path or at the place, with jitter, rare jumps and drop-outs."""
    lat, lng, _ = along_route(stay, moment)
    lost = stay.activity == "plane" or rng.random() < (0.45 if stay.place.indoor else 0.3 if stay.activity == "train" else 0.05)
    spread = 0.003 if rng.random() < 0.02 else 0.00008
    return float(lat + rng.normal(0, spread)), float(lng + rng.normal(0, spread)), not lost


def _caption(stay: Stay, rng: np.random.Generator) -> str:
    roll = rng.random()
    if roll < 0.08:
        return ""
    if roll < 0.18:
        return WRONG[int(rng.integers(len(WRONG)))]
    return stay.scene.captions[int(rng.integers(len(stay.scene.captions)))]


def _read(stay: Stay, rng: np.random.Generator) -> tuple[list[str], list[str]]:
    """(what OCR returned, the true texts it was reading): several strings, some misread, among stray signs."""
    shown = [text for text in stay.scene.texts if rng.random() < 0.3]
    strays = AIRPORT_TEXTS if stay.activity in ("airport", "layover") else STRAY_TEXTS
    stray = [strays[int(rng.integers(len(strays)))] for _ in range(int(rng.integers(0, 3)))]
    return [misread(text, rng) for text in shown] + stray, shown


def _photo(stay: Stay, moment: datetime, rng: np.random.Generator) -> dict:
    place = stay.place
    lat, lng, located = _position(stay, moment, rng)
    known = located or rng.random() < 0.35  # Wi-Fi sometimes knows the city without a fix
    row = {"stay": stay, "local_time": moment, "timezone": place.timezone, "lat": lat if located else np.nan, "lng": lng if located else np.nan,
           "semantic_name": place.name if place.name and known and rng.random() < 0.5 else "", "city": place.city if known else "",
           "country": place.country if known else "", "country_code": place.country_code if known else ""}
    if rng.random() < stay.scene.dark:
        return {**row, "caption": BLURRED[int(rng.integers(len(BLURRED)))], "ocr": [], "shown": [], "objects": {}, "tags": {}}
    ocr, shown = _read(stay, rng)
    objects = {label: max(1, int(rng.binomial(count, 0.8))) for label, count in stay.scene.objects if rng.random() < 0.7}
    if rng.random() < 0.2:
        ghost = GHOSTS[int(rng.integers(len(GHOSTS)))]
        objects[ghost] = objects.get(ghost, 0) + 1
    tags = {name: round(float(rng.uniform(0.18, 0.36)), 3) for name in stay.scene.tags if rng.random() < 0.6}
    return {**row, "caption": _caption(stay, rng), "ocr": ocr, "shown": shown, "objects": objects, "tags": tags}


def shoot(stays: list[Stay], seed: int = 11) -> pd.DataFrame:
    """Photograph the stays; fills each stay's image_ids and `showing`, returns the photos in time order."""
    rng = np.random.default_rng(seed)
    dark, paused = _off(stays, rng)
    rows = []
    for number, stay in enumerate(stays):
        stay.image_ids, stay.showing = [], {}
        if stay.day in dark:
            continue
        window = paused.get(number)
        taken = [_photo(stay, moment, rng) for moment in _moments(stay, rng) if not (window and window[0] <= moment < window[1])]
        if taken:
            keep_facts(stay, taken, rng)
        rows += taken
    return photo_rows_as_table(rows)
