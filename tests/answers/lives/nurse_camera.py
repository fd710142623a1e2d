"""The nurse's clip-on camera, with rules of its own: awake, not the hour of the day, decides when it fires.

It fires every 2-6 minutes while she is out (all night long on a night shift), every 12-30 minutes at home,
and never while she sleeps, whatever the hour; it is forgotten on a few days, broken for ten, and mostly left
in a drawer the week she is ill. Moments are drawn on the true (UTC) clock and written on the wall clock, so
the hour that happens twice in October has photos twice and the hour skipped in March has none. GPS is lost
indoors more often than not, on trams now and then, always in the air; a semantic name comes for the named
places on some of their photos. Captions are a captioner's (generic or wrong now and then), OCR misreads
(camera.py's misreadings) among stray notices and till-roll numbers, detector labels miss and miscount.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from .camera import misread
from .nurse_life import CAMERA_BROKEN, HOSPITAL, ILL, Look
from .retiree_camera import keep_facts, photo_rows_as_table
from .world import Stay

AT_HOME = ("home", "hotel", "mother")
STRAY = ("NÖDUTGÅNG", "EXIT", "DRAG", "TRYCK", "ÖPPET", "19,90", "KR", "MOMS 12%", "SL", "WC", "RÖKNING FÖRBJUDEN", "1/2", "PANT")
GENERIC = ("a blurry photo of a room", "a dark room with a light", "a close up of a person's hand", "a white wall with a door",
           "a blurry picture of a ceiling light", "a person's feet on a floor")
GHOSTS = ("chair", "cup", "person", "cell phone", "bottle", "clock", "book")


def _moments(stay: Stay, rng: np.random.Generator) -> list[datetime]:
    """When the camera fires during a stay, on the true clock (UTC, naive)."""
    if stay.activity == "sleep":
        return []
    if stay.activity in AT_HOME:
        low, high = 12, 30
    else:
        low, high = (10, 25) if stay.activity == "plane" else (3, 8) if stay.place.name == HOSPITAL.name else (2, 6)
    start, end = stay.utc_span
    moment, found = start + timedelta(minutes=float(rng.uniform(0, low))), []
    while moment < end:
        found.append(moment.replace(microsecond=0))
        moment += timedelta(minutes=float(rng.uniform(low, high)))
    return found


def _wall_clock(moment_utc: datetime, zone: str) -> datetime:
    """The local time a camera set to `zone` writes (the repeated October hour carries fold=1 the second time)."""
    return moment_utc.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def _position(stay: Stay, share: float, rng: np.random.Generator) -> tuple[float, float, bool]:
    if stay.route:
        at = min(int(share * (len(stay.route) - 1)), len(stay.route) - 2)
        within = share * (len(stay.route) - 1) - at
        (lat_a, lng_a), (lat_b, lng_b) = stay.route[at], stay.route[at + 1]
        lat, lng = lat_a + (lat_b - lat_a) * within, lng_a + (lng_b - lng_a) * within
    else:
        lat, lng = stay.place.lat, stay.place.lng
    mode = stay.facts.get("mode")
    lost = mode == "plane" or rng.random() < (0.55 if stay.place.indoor and not stay.route else 0.2 if mode in ("tram", "train") else 0.05)
    spread = 0.003 if rng.random() < 0.04 else 0.00015
    return lat + rng.normal(0, spread), lng + rng.normal(0, spread), not lost


def _caption(look: Look, rng: np.random.Generator) -> str:
    roll = rng.random()
    return "" if roll < 0.1 else GENERIC[int(rng.integers(len(GENERIC)))] if roll < 0.25 else look.captions[int(rng.integers(len(look.captions)))]


def _photo(stay: Stay, moment_utc: datetime, rng: np.random.Generator) -> dict:
    look, place = stay.scene, stay.place
    start, end = stay.utc_span
    lat, lng, located = _position(stay, (moment_utc - start) / max(end - start, timedelta(seconds=1)), rng)
    known = located or rng.random() < 0.25
    texts = [text for text in look.texts if rng.random() < 0.3]
    stray = [STRAY[int(rng.integers(len(STRAY)))] for _ in range(int(rng.integers(0, 4)))]
    objects = {label: max(1, int(rng.binomial(count, 0.75)) + int(rng.random() < 0.1)) for label, count in look.objects if rng.random() < 0.7}
    if rng.random() < 0.3:
        ghost = GHOSTS[int(rng.integers(len(GHOSTS)))]
        objects[ghost] = objects.get(ghost, 0) + 1
    tags = {name: round(score * float(rng.uniform(0.7, 1.25)), 3) for name, score in look.tags if rng.random() < 0.55}
    return {"stay": stay, "local_time": _wall_clock(moment_utc, place.timezone), "timezone": place.timezone,
            "lat": lat if located else np.nan, "lng": lng if located else np.nan,
            "semantic_name": place.name if place.name and known and rng.random() < 0.5 else "", "city": place.city if known else "",
            "country": place.country if known else "", "country_code": place.country_code if known else "",
            "caption": _caption(look, rng), "ocr": [misread(text, rng) for text in texts] + stray, "shown": texts, "objects": objects,
            "tags": tags}


def _camera_off(stays: list[Stay], rng: np.random.Generator) -> set[date]:
    days = sorted({stay.day for stay in stays})
    broken = {day for day in days if CAMERA_BROKEN[0] <= day <= CAMERA_BROKEN[1]}
    forgotten = {day for day in days if rng.random() < 0.04}
    drawer = {day for day in days if ILL[0] <= day <= ILL[1] and rng.random() < 0.7}
    return broken | forgotten | drawer


def shoot(stays: list[Stay], seed: int = 11) -> pd.DataFrame:
    """Photograph the stays; fills each stay's image_ids and `showing`, returns the photos in time order. A day off
    means the stays starting that day (a night shift is photographed or not with the evening it began)."""
    rng = np.random.default_rng(seed)
    off = _camera_off(stays, rng)
    rows = []
    for stay in stays:
        stay.image_ids, stay.showing = [], {}
        if stay.facts.get("of", stay.day) in off:
            continue
        taken = [_photo(stay, moment, rng) for moment in _moments(stay, rng)]
        if taken:
            keep_facts(stay, taken, rng)
        rows += taken
    return photo_rows_as_table(rows)
