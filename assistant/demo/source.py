"""The demo's source folder, drawn: photos/, metadata.csv and captions.csv as an LSC release has them, and the
moments it holds (its ground truth)."""

from __future__ import annotations

import csv
import math
import os
import queue
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

import numpy as np
from PIL import Image

from ..core.files import write_atomically
from ..core.photo_names import lsc_file_name
from .camera import Camera, Shot, plan_shot
from .itinerary import ITINERARY, PLACES, Activity
from .scenes import SCENES, render

METADATA_COLUMNS = ("ImageID", "new_lat", "new_lng", "semantic_name", "city", "country", "timezone")
CAPTION_COLUMNS = ("ImageID", "Description")
JPEG_QUALITY = 85
_FRAMES_PER_VIEW = 8  # the wearer looks at one thing for a while before turning to another
_GPS_DROPOUT = 0.04  # share of photos with no position fix, as indoors in real data
_LSC_NAME = re.compile(r"^\d{8}_\d{6}_000\.jpg$")


@dataclass(frozen=True)
class DemoMoment:
    """A ground-truth moment: a description in the style of a lifelog query, and the photos it should find."""

    description: str  # how a person would remember it
    image_ids: tuple[str, ...]  # the photos of that moment


@dataclass(frozen=True)
class DemoSource:
    """Where the demo's files are, ready for ingest, and what a search of them should find."""

    photos_dir: Path
    metadata_csv: Path
    captions_csv: Path
    moments: tuple[DemoMoment, ...]  # ground truth for tests and demos


@dataclass(frozen=True)
class PlannedPhoto:
    """One photo before it is drawn: when, where, which viewpoint of its activity's scene, and the shot."""

    image_id: str
    taken_at_utc: datetime
    activity: int  # index into ITINERARY
    view: int
    shot: Shot
    lat: float | None
    lng: float | None
    semantic_name: str
    city: str
    country: str
    timezone: str

    @property
    def folder(self) -> str:
        return self.taken_at_utc.strftime("%Y-%m-%d")


def plan_photos(seed: int = 7) -> list[PlannedPhoto]:
    """Every photo of the demo in time order; pure (no drawing, no I/O) and deterministic for a seed."""
    photos: list[PlannedPhoto] = []
    for index, activity in enumerate(ITINERARY):
        rng = np.random.default_rng([seed, index])
        photos.extend(_plan_activity(index, activity, rng))
    names = [p.image_id for p in photos]
    if len(set(names)) != len(names) or names != sorted(names):
        raise AssertionError("demo itinerary overlaps itself: photo times must be unique and increasing")
    return photos


def _plan_activity(index: int, activity: Activity, rng: np.random.Generator) -> list[PlannedPhoto]:
    place = PLACES[activity.place]
    zone = ZoneInfo(place.timezone)
    start = datetime.fromisoformat(f"{activity.day}T{activity.start}").replace(tzinfo=zone)
    end = datetime.fromisoformat(f"{activity.day}T{activity.end}").replace(tzinfo=zone)
    times = []
    clock = start + timedelta(seconds=float(rng.uniform(0, 50)))
    while clock <= end:
        times.append(clock.astimezone(timezone.utc).replace(microsecond=0))
        clock += timedelta(minutes=float(rng.uniform(*activity.every)))
    scene = SCENES[activity.scene]
    views = list(activity.views if activity.views is not None else range(scene.views))
    order = [views[i] for i in rng.permutation(len(views))]
    runs = max(1, min(len(order) * 2, math.ceil(len(times) / _FRAMES_PER_VIEW)))
    destination = PLACES[activity.to] if activity.to else None
    planned = []
    for k, taken in enumerate(times):
        progress = k / max(1, len(times) - 1)
        lat: float | None
        lng: float | None
        if destination is None:
            lat = place.lat + float(rng.normal(0, 0.00012))
            lng = place.lng + float(rng.normal(0, 0.00018))
        else:
            lat = place.lat + (destination.lat - place.lat) * progress + float(rng.normal(0, 0.0002))
            lng = place.lng + (destination.lng - place.lng) * progress + float(rng.normal(0, 0.0003))
        if not activity.gps or rng.random() < _GPS_DROPOUT:
            lat = lng = None
        planned.append(PlannedPhoto(
            image_id=lsc_file_name(taken),
            taken_at_utc=taken,
            activity=index,
            view=order[min(runs - 1, k * runs // len(times)) % len(order)],
            shot=plan_shot(rng, moving=scene.moving, warmth=scene.warmth),
            lat=lat,
            lng=lng,
            semantic_name="" if destination else place.semantic_name,
            city="" if not activity.gps else place.city,
            country="" if not activity.gps else place.country,
            timezone=place.timezone,
        ))
    return planned


def write_demo_source(dest: Path, *, seed: int = 7, progress: Callable[[int, int], None] | None = None,
                      workers: int | None = None) -> DemoSource:
    """Draw the demo lifelog into `dest` (photos/, metadata.csv, captions.csv) and return its ground truth.

    Photos are written first and the two CSVs last, atomically, so a folder with both CSVs is complete.
    Drawing runs in threads: Pillow releases the GIL while it warps, filters and encodes.
    """
    dest = Path(dest)
    photos_dir = dest / "photos"
    metadata_csv = dest / "metadata.csv"
    captions_csv = dest / "captions.csv"
    for stale in (metadata_csv, captions_csv):  # until the new ones are written, the folder reads as unfinished
        stale.unlink(missing_ok=True)
    plan = plan_photos(seed)
    captions = _draw_photos(plan, photos_dir, seed, progress, workers)
    _remove_stale_photos(photos_dir, {photo.image_id for photo in plan})
    write_atomically(metadata_csv, lambda tmp: _write_csv(tmp, METADATA_COLUMNS, [_metadata_row(p) for p in plan]))
    write_atomically(captions_csv, lambda tmp: _write_csv(tmp, CAPTION_COLUMNS,
                                                          [(p.image_id, captions[p.image_id]) for p in plan]))
    return DemoSource(photos_dir, metadata_csv, captions_csv, _moments(plan))


def _draw_photos(plan: list[PlannedPhoto], photos_dir: Path, seed: int, progress: Callable[[int, int], None] | None,
                 workers: int | None) -> dict[str, str]:
    """Draw and save every planned photo on a few threads (Pillow releases the GIL while it warps, filters and
    encodes); each photo's caption by its id."""
    total = len(plan)
    by_activity: dict[int, list[PlannedPhoto]] = {}
    for photo in plan:
        by_activity.setdefault(photo.activity, []).append(photo)
    for folder in {photo.folder for photo in plan}:
        (photos_dir / folder).mkdir(parents=True, exist_ok=True)
    camera = Camera(seed)
    captions: dict[str, str] = {}
    done_queue: queue.Queue = queue.Queue()
    stop = threading.Event()

    def draw_activity(index: int) -> None:
        scenes: dict[int, tuple[Image.Image, str]] = {}  # drawn once per viewpoint, shared by its frames
        try:
            for photo in by_activity[index]:
                if stop.is_set():
                    return
                if photo.view not in scenes:
                    scenes[photo.view] = _mounted_scene(photo, seed, camera)
                base, caption = scenes[photo.view]
                camera.capture(base, photo.shot).save(photos_dir / photo.folder / photo.image_id, "JPEG",
                                                      quality=JPEG_QUALITY)
                captions[photo.image_id] = caption
                done_queue.put(None)
        except BaseException as error:  # surfaced in the calling thread below
            done_queue.put(error)

    if progress:
        progress(0, total)
    workers = workers or max(1, min(2, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="demo") as pool:
        # Longest activities first, so the two threads finish together.
        for index in sorted(by_activity, key=lambda i: -len(by_activity[i])):
            pool.submit(draw_activity, index)
        try:
            for done in range(1, total + 1):
                message = done_queue.get()
                if isinstance(message, BaseException):
                    raise message
                if progress:
                    progress(done, total)
        except BaseException:  # a drawing error, or the caller's progress callback giving up
            stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise

    return captions


def draw_photo(photo: PlannedPhoto, seed: int = 7) -> tuple[Image.Image, str]:
    """One photo of the plan and its caption, exactly as `write_demo_source` draws it (for tests and previews)."""
    camera = Camera(seed)
    mounted, caption = _mounted_scene(photo, seed, camera)
    return camera.capture(mounted, photo.shot), caption


def _mounted_scene(photo: PlannedPhoto, seed: int, camera: Camera) -> tuple[Image.Image, str]:
    """The drawn viewpoint a photo belongs to, seen through the lens; seeded by viewpoint, not by draw order."""
    activity = ITINERARY[photo.activity]
    rng = np.random.default_rng([seed, photo.activity, photo.view, 1])
    scene, caption = render(activity.scene, photo.view, rng, activity.props)
    hang = float(np.clip(rng.normal(0, 1.2), -3, 3))  # how the camera sits on the wearer's clothes
    return camera.mount(scene, hang), caption


def _moments(plan: list[PlannedPhoto]) -> tuple[DemoMoment, ...]:
    grouped: dict[str, list[str]] = {}
    for photo in plan:
        description = ITINERARY[photo.activity].moment
        if description:
            grouped.setdefault(description, []).append(photo.image_id)
    return tuple(DemoMoment(description, tuple(ids)) for description, ids in grouped.items())


def _metadata_row(photo: PlannedPhoto) -> tuple:
    lat = "" if photo.lat is None else f"{photo.lat:.6f}"
    lng = "" if photo.lng is None else f"{photo.lng:.6f}"
    return (photo.image_id, lat, lng, photo.semantic_name, photo.city, photo.country, photo.timezone)


def _write_csv(path: Path, header: tuple[str, ...], rows: list[tuple]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _remove_stale_photos(photos_dir: Path, keep: set[str]) -> None:
    """Drop photos a previous run with another seed left behind; only our own LSC-named JPEGs are touched."""
    for path in photos_dir.glob("*/*.jpg"):
        if _LSC_NAME.match(path.name) and path.name not in keep:
            path.unlink()
