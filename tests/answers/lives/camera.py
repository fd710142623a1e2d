"""A wearable camera and the enrichment models, as noisy as real ones, turning a life's stays into photos.

Every few minutes while it is on, the camera takes a photo. What the photo carries is drawn from its
stay's `Scene` with noise: a captioner's sentence (often generic, sometimes wrong, sometimes none), a few
OCR strings with dropped and misread characters among irrelevant notices, detector labels that miss and
miscount, concept tags that come and go; dark and blurred photos carry nothing; GPS drops out indoors.
Yet each stay's own facts (its detail captions, its texts, its true counts) are on at least one of its
photos, so a question about a photographed stay has its answer somewhere in the lifelog.
`write_library` commits the photos through the real store code (no image files, no CLIP).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from .world import Life, Stay

DARK_CAPTIONS = ("a blurry photo of a room", "a dark room with a light", "a black background with a white light",
                 "a blurry image of a person", "a close up of a black surface", "a blurry photo of a ceiling")
WRONG_CAPTIONS = ("a person's hand holding a cell phone", "a view of a city street", "a table with a laptop on it",
                  "a man standing in front of a building", "a white wall with a window", "a person's leg on a floor",
                  "a kitchen with a sink and a window", "a car parked on the side of the road")
IRRELEVANT_TEXTS = ("EXIT", "NO SMOKING", "OPEN", "PUSH", "WiFi", "PULL", "€3.50", "$4.99", "12:45", "SALE", "50%",
                    "GATE 12", "B7", "TOILETS", "FIRE EXIT", "STAFF ONLY", "www", "1/2", "CASH ONLY", "->")
FALSE_OBJECTS = ("chair", "bottle", "cell phone", "handbag", "potted plant", "tv", "clock", "book", "cup", "person")
CONFUSIONS = {"O": "0", "0": "O", "l": "1", "1": "l", "I": "l", "S": "5", "5": "S", "B": "8", "e": "c", "a": "o",
              "m": "rn", "E": "F", "G": "6", "i": "l", "t": "f"}


def misread(text: str, rng: np.random.Generator) -> str:
    """What OCR makes of `text`: a character dropped or confused, a word cut, or (half the time) the text itself."""
    roll = rng.random()
    if roll < 0.5 or len(text) < 3:
        return text
    if roll < 0.65:
        at = int(rng.integers(len(text)))
        return text[:at] + text[at + 1:]
    if roll < 0.85:
        spots = [i for i, character in enumerate(text) if character in CONFUSIONS]
        if spots:
            at = spots[int(rng.integers(len(spots)))]
            return text[:at] + CONFUSIONS[text[at]] + text[at + 1:]
        return text.upper()
    words = text.split()
    if len(words) > 1:
        keep = int(rng.integers(1, len(words)))
        return " ".join(words[:keep] if rng.random() < 0.5 else words[keep:])
    return text[: max(2, len(text) * 2 // 3)]


@lru_cache(maxsize=None)
def _offset_s(zone: str, day: date, hour: int) -> int:
    return int(ZoneInfo(zone).utcoffset(datetime(day.year, day.month, day.day, hour)).total_seconds())


def _camera_off(life: Life, rng: np.random.Generator) -> dict[date, tuple[datetime, datetime]]:
    """Hours the camera was switched off (privacy, a flat battery): on about a third of the days."""
    off = {}
    for day in sorted({stay.day for stay in life.stays}):
        if rng.random() < 0.33:
            start = datetime.combine(day, datetime.min.time()) + timedelta(hours=float(rng.uniform(8, 20)))
            off[day] = (start, start + timedelta(minutes=float(rng.uniform(40, 150))))
    return off


def _times(stay: Stay, every_min: float, rng: np.random.Generator) -> list[datetime]:
    step = timedelta(minutes=every_min)
    moment = stay.start + step * float(rng.uniform(0, 1))
    times = []
    while moment <= stay.end:
        times.append(moment)
        moment += step * float(rng.uniform(0.7, 1.3))
    return times


def shoot(life: Life, every_min: float = 4.0, seed: int = 0) -> pd.DataFrame:
    """Photograph the life: one photo about every `every_min` minutes of each stay the camera was on for (four
    times as often on the life's dense days).
    Fills each stay's image_ids and `showing`, sets life.photos, and returns the photo table (time order)."""
    from assistant.testing.library import photo_table

    rng = np.random.default_rng(seed)
    off = _camera_off(life, rng)
    rows = []
    for number, stay in enumerate(life.stays):
        stay.image_ids, stay.showing = [], {}
        if stay.day in life.camera_off_days:
            continue
        taken = []
        for moment in _times(stay, every_min / 4 if stay.day in life.dense_days else every_min, rng):
            window = off.get(moment.date())
            if window and window[0] <= moment < window[1]:
                continue
            taken.append(_photo(stay, number, moment, rng))
        if taken:
            _make_evident(stay, taken, rng)
        rows += taken
    table = pd.DataFrame(rows).sort_values("local_time", kind="stable").reset_index(drop=True)
    # One photo a second at most: a later one on the same second moves on a second.
    local = table["local_time"].to_numpy(dtype="datetime64[s]")
    for index in range(1, len(local)):
        if local[index] <= local[index - 1]:
            local[index] = local[index - 1] + np.timedelta64(1, "s")
    offsets = np.array([_offset_s(zone, moment.date(), moment.hour) for zone, moment in zip(table["timezone"], table["local_time"])])
    photos = photo_table(
        local, taken_at_utc=local - offsets.astype("timedelta64[s]"), timezone=table["timezone"].to_numpy(),
        utc_offset_s=offsets.astype(np.int32), lat=table["lat"].to_numpy(), lng=table["lng"].to_numpy(),
        semantic_name=table["semantic_name"].to_numpy(), city=table["city"].to_numpy(), country=table["country"].to_numpy(),
        country_code=table["country_code"].to_numpy(), caption=table["caption"].to_numpy(),
    )
    for column in ("ocr", "tags", "objects", "stay"):
        photos[f"_{column}"] = table[column].to_numpy()
    ids = photos["image_id"].to_numpy()
    for stay_number, image_id, texts in zip(table["stay"], ids, table["shown"]):
        stay = life.stays[stay_number]
        stay.image_ids.append(image_id)
        for text in texts:
            stay.showing.setdefault(text, []).append(image_id)
    _read_clean_once(life, photos)
    life.photos = photos
    return photos


def _make_evident(stay: Stay, taken: list[dict], rng: np.random.Generator) -> None:
    """Each of the stay's facts on at least one of its photos: its detail captions, its texts, its counts."""
    lit = [row for row in taken if not row["dark"]] or taken
    order = [lit[int(at)] for at in rng.permutation(len(lit))]
    details = stay.scene.details[: len(order)]  # a photo has one caption: the first details, as many as photos
    keeper = {}  # detail -> the one photo that keeps saying it
    for row in order:
        if row["caption"] in details:
            keeper.setdefault(row["caption"], id(row))
    free = [row for row in order if id(row) not in keeper.values()]
    for caption, row in zip([caption for caption in details if caption not in keeper], free):
        row["caption"] = caption
    for text in stay.scene.texts:
        if all(text not in row["shown"] for row in taken):
            row = order[int(rng.integers(len(order)))]
            row["shown"].append(text)
            row["ocr"].append(text)
    for label, count in stay.scene.counted:
        if all(row["objects"].get(label) != count for row in taken):
            order[int(rng.integers(len(order)))]["objects"][label] = count


def _read_clean_once(life: Life, photos: pd.DataFrame) -> None:
    """Make sure each stay's own text is read cleanly on at least one photo (so the truth is in the lifelog)."""
    row_of = {image_id: row for row, image_id in enumerate(photos["image_id"])}
    ocr = list(photos["_ocr"])
    for stay in life.stays:
        for text, ids in stay.showing.items():
            if not any(text in "  ".join(ocr[row_of[i]]) for i in ids):
                row = row_of[ids[0]]
                ocr[row] = list(ocr[row]) + [text]
    photos["_ocr"] = ocr


def _photo(stay: Stay, number: int, moment: datetime, rng: np.random.Generator) -> dict:
    place, scene = stay.place, stay.scene
    if stay.route:
        share = (moment - stay.start) / (stay.end - stay.start) if stay.end > stay.start else 0.0
        legs = len(stay.route) - 1
        leg = min(int(share * legs), legs - 1)
        within = share * legs - leg
        (lat_a, lng_a), (lat_b, lng_b) = stay.route[leg], stay.route[leg + 1]
        lat, lng = lat_a + (lat_b - lat_a) * within, lng_a + (lng_b - lng_a) * within
    else:
        lat, lng = place.lat, place.lng
    lat, lng = lat + rng.normal(0, 0.00008), lng + rng.normal(0, 0.00008)
    gps_lost = rng.random() < (0.25 if place.indoor else 0.05) or stay.activity == "plane"
    named = not gps_lost or rng.random() < 0.5  # the semantic name sometimes outlives a GPS drop-out (Wi-Fi)
    dark = rng.random() < scene.dark
    roll = rng.random()
    if dark:
        caption = DARK_CAPTIONS[int(rng.integers(len(DARK_CAPTIONS)))] if roll < 0.7 else ""
    elif roll < 0.08 or not scene.captions:
        caption = ""
    elif roll < 0.16:
        caption = WRONG_CAPTIONS[int(rng.integers(len(WRONG_CAPTIONS)))]
    else:
        caption = scene.captions[int(rng.integers(len(scene.captions)))]
    shown, ocr = [], []
    if not dark:
        for text in scene.texts:
            if rng.random() < 0.45:
                shown.append(text)
                ocr.append(misread(text, rng))
        for _ in range(int(rng.integers(0, 3))):
            if rng.random() < (0.4 if scene.texts else 0.15):
                ocr.append(IRRELEVANT_TEXTS[int(rng.integers(len(IRRELEVANT_TEXTS)))])
    tags = [] if dark or rng.random() < 0.15 else [tag for tag in scene.tags if rng.random() < 0.7]
    objects: dict[str, int] = {}
    if not dark:
        for label, count in scene.objects:
            if rng.random() < 0.8:
                seen = int(rng.binomial(count, 0.85)) if count > 1 else 1
                seen += int(rng.random() < 0.05)
                if seen:
                    objects[label] = objects.get(label, 0) + seen
        if rng.random() < 0.2:
            extra = FALSE_OBJECTS[int(rng.integers(len(FALSE_OBJECTS)))]
            objects[extra] = objects.get(extra, 0) + 1
    return {
        "local_time": moment.replace(microsecond=0), "stay": number, "timezone": place.timezone,
        "lat": np.nan if gps_lost else lat, "lng": np.nan if gps_lost else lng,
        "semantic_name": place.name if named else "", "city": place.city if named else "",
        "country": place.country if named else "", "country_code": place.country_code if named else "",
        "caption": caption, "ocr": ocr, "shown": shown, "tags": tags, "objects": objects, "dark": dark,
    }


def write_library(life: Life, folder: Path, *, days: int | None = None, text_encoder=None) -> Path:
    """Commit the life's photos (or those of its first `days` days) as a library, with OCR, concept tags and
    detections as the enrichment stages leave them."""
    from assistant.enrich import shards
    from assistant.enrich.vision import describe_counts
    from assistant.indexing import commit_photo_table

    photos = life.photos
    if days is not None:
        first = photos["local_time"].min()
        photos = photos[photos["local_time"] < first + np.timedelta64(days, "D")].reset_index(drop=True)
    folder = Path(folder)
    stamp = photos[list(shards.STAMP)]
    ocr = photos["_ocr"].to_numpy()
    has = np.array([bool(texts) for texts in ocr], dtype=bool)
    shards.write_shard(folder, "ocr", stamp[has].assign(ocr_text=["  ".join(texts) for texts in ocr[has]]))
    tags = photos["_tags"].to_numpy()
    has = np.array([bool(terms) for terms in tags], dtype=bool)
    rng = np.random.default_rng(len(photos))
    shards.write_shard(folder, "concepts", stamp[has].assign(
        tag_terms=[list(terms) for terms in tags[has]],
        tag_scores=[[float(score) for score in rng.uniform(0.2, 0.35, len(terms))] for terms in tags[has]]))
    objects = photos["_objects"].to_numpy()
    has = np.array([bool(found) for found in objects], dtype=bool)
    shards.write_shard(folder, "objects", stamp[has].assign(
        object_labels=[list(found) for found in objects[has]], object_counts=[list(found.values()) for found in objects[has]],
        objects=[describe_counts(list(found), list(found.values())) for found in objects[has]]))
    table = photos.drop(columns=[column for column in photos.columns if column.startswith("_")])
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[], text_encoder=text_encoder)
    return folder


def episode_life(name: str, who: str, stays: list[Stay], rows: list[dict], home_timezone: str, first: date, last: date) -> Life:
    """A journal-like life from its episodes and the photos taken of some of them (dicts: stay, local_time, timezone,
    lat, lng, city, country, country_code, caption, ocr, shown, objects; approximate when the time is a guess, as a
    film scan's): the photo table in time order (photos on one second a second apart), each stay's image ids and the
    texts shown on them, and the days from first to last without a photo."""
    from assistant.testing.library import photo_table

    rows = sorted(rows, key=lambda row: row["local_time"])
    local = np.array([row["local_time"] for row in rows], dtype="datetime64[s]")
    for index in range(1, len(local)):
        if local[index] <= local[index - 1]:
            local[index] = local[index - 1] + np.timedelta64(1, "s")
    offsets = np.array([_offset_s(row["timezone"], row["local_time"].date(), row["local_time"].hour) for row in rows])
    approximate = np.array([row.get("approximate", False) for row in rows], dtype=bool)
    photos = photo_table(
        local, taken_at_utc=local - offsets.astype("timedelta64[s]"), timezone=[row["timezone"] for row in rows],
        utc_offset_s=offsets.astype(np.int32), lat=[row["lat"] for row in rows], lng=[row["lng"] for row in rows],
        city=[row["city"] for row in rows], country=[row["country"] for row in rows], country_code=[row["country_code"] for row in rows],
        caption=[row["caption"] for row in rows], time_approximate=approximate, time_approx=approximate,
        zone_source=np.where(approximate, "home", "metadata"),
    )
    photos["_ocr"] = [row["ocr"] for row in rows]
    photos["_tags"] = [[] for _ in rows]
    photos["_objects"] = [row["objects"] for row in rows]
    for row, image_id in zip(rows, photos["image_id"]):
        row["stay"].image_ids.append(image_id)
        for text in row["shown"]:
            row["stay"].showing.setdefault(text, []).append(image_id)
    shot = {row["local_time"].date() for row in rows}
    off = frozenset(first + timedelta(days=n) for n in range((last - first).days + 1)) - shot
    person = Life(name, who, stays, home_timezone, off)
    person.photos = pd.DataFrame(photos)
    return person


def photographed_less(life: Life, every: int, rng: np.random.Generator) -> None:
    """The life as a camera `every` times sparser would have kept it (about one photo in `every`), to show what a dense
    camera hides: visits glimpsed in a photo or two, days of few photos. Each stay seen keeps a photo, and each of its
    facts (a detail caption, a text read cleanly, a true count) one photo that shows it, so the questions written for
    the life still have their truths in the lifelog."""
    photos = life.photos
    ids, captions = photos["image_id"].to_numpy(), photos["caption"].to_numpy()
    ocr, objects = photos["_ocr"].to_numpy(), photos["_objects"].to_numpy()
    keep = rng.random(len(photos)) < 1 / every
    row_of = {image_id: row for row, image_id in enumerate(ids)}
    for stay in life.seen:
        rows = [row_of[image_id] for image_id in stay.image_ids]
        facts = [rows, *([row for row in rows if captions[row] == detail] for detail in stay.scene.details[: len(rows)])]
        facts += [[row_of[i] for i in shown if text in "  ".join(ocr[row_of[i]])] or [row_of[shown[0]]] for text, shown in stay.showing.items()]
        facts += [[row for row in rows if objects[row].get(label) == count] for label, count in stay.scene.counted]
        for showing_fact in facts:
            if showing_fact and not keep[showing_fact].any():
                keep[showing_fact[int(rng.integers(len(showing_fact)))]] = True
    kept = set(ids[keep])
    for stay in life.stays:
        stay.image_ids = [image_id for image_id in stay.image_ids if image_id in kept]
        stay.showing = {text: [i for i in shown if i in kept] for text, shown in stay.showing.items() if any(i in kept for i in shown)}
    days = set(photos["local_time"].dt.date)
    life.photos = photos[keep].reset_index(drop=True)
    life.camera_off_days = life.camera_off_days | (days - set(life.photos["local_time"].dt.date))
