"""The retiree's wearable camera and enrichment models, with noise of their own (not camera.py's).

The camera fires every 1-5 minutes while he is out, every 10-35 minutes at home and in hotel rooms, every
8-20 minutes on a plane; never between 23:00 and 07:30, not at all on some days (forgotten, flat, the flu),
and it is switched off for an hour or two on some others. GPS jitters by metres, jumps by hundreds now and
then, fails indoors, in tunnels and in the air; the city is known from GPS or, sometimes, from Wi-Fi; a
semantic name comes only for the few named places and only on some of their photos. Captions are a
captioner's generic sentences; OCR reads several strings per stay, misspelt, among stray notices; the
detector names COCO labels with miscounts; concept tags carry scores. Each stay's facts (detail captions,
texts read cleanly, true counts) are on at least one of its photos, so the truth is somewhere in the lifelog.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from .retiree_life import FLU, Look
from .world import Life, Stay

AT_HOME = ("home", "grandchild", "hotel")
STRAY_TEXTS = ("SALIDA", "EXIT", "PROHIBIDO FUMAR", "ABIERTO", "L-V 9:00-14:00", "2,50 €", "TOTAL", "WC", "ZONA WIFI", "TANCAT",
               "EMPUJAR", "TIRAR", "3x2", "www.", "OFERTA")
GENERIC = ("a blurry photo of a room", "a close up of a person's hand", "a view of a street", "a white wall with a window",
           "a person's feet on the ground", "a blurry picture of a light")
GHOSTS = ("chair", "cup", "person", "cell phone", "handbag", "bottle", "clock", "potted plant")
LOOKALIKE = {"O": "0", "I": "1", "S": "5", "E": "F", "A": "4", "N": "M", "U": "V", "C": "G", "L": "I", "É": "E", "À": "A", "Í": "I"}


def garble(text: str, rng: np.random.Generator) -> str:
    """A misspelt reading: letters swapped, lost, doubled or mistaken, the tail cut, or the text as it is."""
    roll = rng.random()
    if roll < 0.45 or len(text) < 4:
        return text
    at = int(rng.integers(1, len(text) - 1))
    if roll < 0.6:
        return text[:at] + text[at + 1] + text[at] + text[at + 2:]
    if roll < 0.72:
        return text[:at] + text[at + 1:]
    if roll < 0.8:
        return text[:at] + text[at] + text[at:]
    if roll < 0.92:
        return "".join(LOOKALIKE.get(character, character) if rng.random() < 0.3 else character for character in text)
    return text[: max(3, int(len(text) * rng.uniform(0.4, 0.8)))]


def _every(stay: Stay, rng: np.random.Generator) -> list[datetime]:
    low, high = (10, 35) if stay.activity in AT_HOME else (8, 20) if stay.activity == "plane" else (1, 5)
    return shutter_times(stay, low, high, rng, 7.5)


def shutter_times(stay: Stay, low: float, high: float, rng: np.random.Generator, waking_hour: float) -> list[datetime]:
    """When a camera firing every `low` to `high` minutes took photos of a stay, never from 23:00 to `waking_hour`."""
    moment, times = stay.start + timedelta(minutes=float(rng.uniform(0, low))), []
    while moment < stay.end:
        if waking_hour <= moment.hour + moment.minute / 60 < 23:
            times.append(moment.replace(microsecond=0))
        moment += timedelta(minutes=float(rng.uniform(low, high)))
    return times


def _switched_off(stays: list[Stay], rng: np.random.Generator) -> tuple[set[date], dict[date, tuple[datetime, datetime]]]:
    days = sorted({stay.day for stay in stays})
    dark = {day for day in days if rng.random() < 0.06 or FLU[0] <= day <= FLU[1]}
    paused = {}
    for day in days:
        if rng.random() < 0.2:
            start = datetime.combine(day, datetime.min.time()) + timedelta(hours=float(rng.uniform(9, 20)))
            paused[day] = (start, start + timedelta(minutes=float(rng.uniform(45, 140))))
    return dark, paused


def along_route(stay: Stay, moment: datetime) -> tuple[float, float, float]:
    """Where a journey was at `moment` (on its path, by the share of its time gone) and that share; a stay, its place."""
    if not stay.route or stay.end <= stay.start:
        return stay.place.lat, stay.place.lng, 0.0
    share = (moment - stay.start) / (stay.end - stay.start)
    legs = len(stay.route) - 1
    leg = min(int(share * legs), legs - 1)
    within = share * legs - leg
    (lat_a, lng_a), (lat_b, lng_b) = stay.route[leg], stay.route[leg + 1]
    return lat_a + (lat_b - lat_a) * within, lng_a + (lng_b - lng_a) * within, share


def _where(stay: Stay, moment: datetime, rng: np.random.Generator) -> tuple[float, float, bool]:
    """(lat, lng, located): jitter, jumps, and no fix indoors, in tunnels and in the air."""
    lat, lng, share = along_route(stay, moment)
    tunnel = bool(stay.route) and stay.facts.get("mode") == "train" and (0.1 < share < 0.18 or 0.55 < share < 0.61)
    lost = stay.activity == "plane" or tunnel or rng.random() < (0.35 if stay.place.indoor else 0.04)
    jump = 0.004 if rng.random() < 0.03 else 0.0001
    return lat + rng.normal(0, jump), lng + rng.normal(0, jump), not lost


def _caption(look: Look, rng: np.random.Generator) -> str:
    roll = rng.random()
    if roll < 0.08:
        return ""
    if roll < 0.2:
        return GENERIC[int(rng.integers(len(GENERIC)))]
    return look.captions[int(rng.integers(len(look.captions)))]


def _photo(stay: Stay, moment: datetime, rng: np.random.Generator) -> dict:
    look, place = stay.scene, stay.place
    lat, lng, located = _where(stay, moment, rng)
    known = located or rng.random() < 0.3  # Wi-Fi sometimes knows the city without a fix
    texts = [text for text in look.texts if rng.random() < 0.35]
    stray = [STRAY_TEXTS[int(rng.integers(len(STRAY_TEXTS)))] for _ in range(int(rng.integers(0, 3)))]
    objects = {}
    for label, count in look.objects:
        if rng.random() < 0.75:
            objects[label] = max(1, int(rng.binomial(count, 0.8)) + int(rng.random() < 0.08))
    if rng.random() < 0.25:
        ghost = GHOSTS[int(rng.integers(len(GHOSTS)))]
        objects[ghost] = objects.get(ghost, 0) + 1
    tags = {name: round(score * float(rng.uniform(0.75, 1.2)), 3) for name, score in look.tags if rng.random() < 0.6}
    return {"stay": stay, "local_time": moment, "timezone": place.timezone, "lat": lat if located else np.nan, "lng": lng if located else np.nan,
            "semantic_name": place.name if place.name and known and rng.random() < 0.6 else "", "city": place.city if known else "",
            "country": place.country if known else "", "country_code": place.country_code if known else "",
            "caption": _caption(look, rng), "ocr": [garble(text, rng) for text in texts] + stray, "shown": texts, "objects": objects, "tags": tags}


def keep_facts(stay: Stay, photos: list[dict], rng: np.random.Generator) -> None:
    """Each detail caption on one photo, each text read cleanly once, each true count counted right once."""
    order = [photos[int(at)] for at in rng.permutation(len(photos))]
    for photo, detail in zip(order, stay.scene.details):
        photo["caption"] = detail
    for text in stay.scene.texts:
        if not any(text in photo["ocr"] for photo in photos):
            photo = order[int(rng.integers(len(order)))]
            photo["ocr"].append(text)
            photo["shown"].append(text)
    for label, count in stay.scene.counted:
        order[-1]["objects"][label] = count


def shoot(stays: list[Stay], seed: int = 7) -> pd.DataFrame:
    """Photograph the stays; fills each stay's image_ids and `showing`, returns the photos in time order."""
    rng = np.random.default_rng(seed)
    dark, paused = _switched_off(stays, rng)
    rows = []
    for stay in stays:
        stay.image_ids, stay.showing = [], {}
        window = paused.get(stay.day)
        taken = [_photo(stay, moment, rng) for moment in _every(stay, rng)
                 if stay.day not in dark and not (window and window[0] <= moment < window[1])]
        if taken:
            keep_facts(stay, taken, rng)
        rows += taken
    return photo_rows_as_table(rows)


def photo_rows_as_table(rows: list[dict]) -> pd.DataFrame:
    """The photos as a photo table in the order they were taken (UTC), each stay given its image ids and `showing`;
    a row holds its stay, local time and zone, place columns, caption, and what OCR, tags and detector found."""
    from assistant.testing.library import photo_table

    offsets = np.array([int(ZoneInfo(row["timezone"]).utcoffset(row["local_time"]).total_seconds()) for row in rows])
    local = np.array([row["local_time"] for row in rows], dtype="datetime64[s]")
    utc = local - offsets.astype("timedelta64[s]")
    order = np.argsort(utc, kind="stable")
    rows, local, utc, offsets = [rows[i] for i in order], local[order], utc[order], offsets[order]
    photos = photo_table(local, taken_at_utc=utc, utc_offset_s=offsets.astype(np.int32),
                         **{column: [row[column] for row in rows] for column in
                            ("timezone", "lat", "lng", "semantic_name", "city", "country", "country_code", "caption")})
    for row, image_id in zip(rows, photos["image_id"]):
        row["stay"].image_ids.append(image_id)
        for text in row["shown"]:
            row["stay"].showing.setdefault(text, []).append(image_id)
    photos["_ocr"] = [row["ocr"] for row in rows]
    photos["_tags"] = [row["tags"] for row in rows]
    photos["_objects"] = [row["objects"] for row in rows]
    return photos


def photographed_life(name: str, who: str, stays: list[Stay], photos: pd.DataFrame, zone: str, first: date, last: date) -> Life:
    """The life lived and photographed: its days from `first` to `last` without a photo are the camera's days off."""
    off = frozenset(first + timedelta(days=n) for n in range((last - first).days + 1)) - set(photos["local_time"].dt.date)
    person = Life(name, who, stays, zone, off)
    person.photos = photos
    return person


def write_life(person: Life, folder: Path, *, days: int | None = None, text_encoder=None) -> Path:
    """The life's photos (or its first `days` days) committed as a library."""
    photos = person.photos
    if days is not None:
        photos = photos[photos["local_time"] < photos["local_time"].min() + np.timedelta64(days, "D")].reset_index(drop=True)
    return write_library(photos, folder, text_encoder=text_encoder)


def write_library(photos: pd.DataFrame, folder: Path, *, text_encoder=None) -> Path:
    """Commit the photos with what the OCR, concept and detector stages would have left, through the library's API."""
    from assistant.enrich import shards
    from assistant.enrich.vision import describe_counts
    from assistant.indexing import commit_photo_table

    folder = Path(folder)
    stamp = photos[list(shards.STAMP)]
    read, tagged, found = (photos[column].map(bool).to_numpy() for column in ("_ocr", "_tags", "_objects"))
    shards.write_shard(folder, "ocr", stamp[read].assign(ocr_text=photos.loc[read, "_ocr"].map("  ".join).to_list()))
    tags = photos.loc[tagged, "_tags"]
    shards.write_shard(folder, "concepts", stamp[tagged].assign(tag_terms=tags.map(list).to_list(), tag_scores=tags.map(lambda t: list(t.values())).to_list()))
    counts = photos.loc[found, "_objects"]
    shards.write_shard(folder, "objects", stamp[found].assign(
        object_labels=counts.map(list).to_list(), object_counts=counts.map(lambda c: list(c.values())).to_list(),
        objects=counts.map(lambda c: describe_counts(list(c), list(c.values()))).to_list()))
    table = photos.drop(columns=[column for column in photos.columns if column.startswith("_")])
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[], text_encoder=text_encoder)
    return folder
