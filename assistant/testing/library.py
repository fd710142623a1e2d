"""For tests and benchmarks only: synthetic libraries committed through the real indexing code, lifelog-shaped
CLIP vectors and queries, and complete photo tables at given times."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)


def lifelog_vectors(n: int, dim: int = 512, *, seed: int = 0, chunk: int = 65536) -> Iterator[np.ndarray]:
    """Unit float32 vectors shaped like a lifelog, in row order, `chunk` rows at a time (10M x 512 would not fit).

    A few thousand scene centres (home, desk, street ...); events of ~40 consecutive photos, each around one
    scene; the photos of an event near-duplicates of its centre (cosine ~0.94 to each other, ~0.8 between
    events of one scene, ~0.2 between scenes), all sharing one direction as CLIP's image embeddings do.
    """
    rng = np.random.default_rng(seed)
    scenes = _unit(rng.standard_normal((min(3000, max(8, n // 300)), dim), dtype=np.float32))
    shared = 0.6 * _unit(rng.standard_normal(dim, dtype=np.float32))
    for offset in range(0, n, chunk):
        size = min(chunk, n - offset)
        lengths = rng.geometric(1 / 40, size // 10 + 2)  # more events than the chunk needs; the rest are cut off
        event = np.repeat(np.arange(len(lengths)), lengths)[:size]
        noise = lambda rows: rng.standard_normal((rows, dim), dtype=np.float32) / np.sqrt(dim)  # noqa: E731 (norm ~1)
        centres = _unit(shared + scenes[rng.integers(0, len(scenes), len(lengths))] + 0.5 * noise(len(lengths)))
        yield _unit(centres[event] + 0.25 * noise(size))


def uniform_vectors(n: int, dim: int = 512, *, seed: int = 0, chunk: int = 65536) -> Iterator[np.ndarray]:
    """Unit float32 vectors uniform on the sphere, `chunk` rows at a time: the worst case for an index."""
    rng = np.random.default_rng(seed)
    for offset in range(0, n, chunk):
        yield _unit(rng.standard_normal((min(chunk, n - offset), dim), dtype=np.float32))


def lifelog_queries(embeddings: np.ndarray, count: int, *, seed: int = 1) -> np.ndarray:
    """Query vectors as CLIP's text encoder gives them: towards a random photo's event, at a text-to-image
    cosine of 0.2-0.35, the rest noise (float32, unit)."""
    from ..indexing.vector_index import text_like_queries

    return text_like_queries(embeddings, np.arange(len(embeddings)), count, np.random.default_rng(seed))


def write_synthetic_library(
    folder: Path, n: int, *, dim: int = 512, places: int = 50, seed: int = 0, photo_files: Sequence[Path] = (),
    model: str = "synthetic", captions: Sequence[str] = (), text_encoder=None, vectors: str = "uniform",
    vector_index: str = "auto", progress=None,
) -> Path:
    """A library of n photos through the real store code: unit fp16 embeddings (`vectors`: "uniform" random,
    or "lifelog"-shaped, see lifelog_vectors), a photo every ~30 s of waking hours over 18 months, and
    `places` named places in a few countries. Rows point at `photo_files` in turn (so an app can show them),
    or at no file at all. With `captions`, each photo gets one at random (BM25 is built over them) and
    `text_encoder` embeds them (the sentence-model channel). vector_index: auto, always or never."""
    from ..indexing import commit_photo_table
    from ..indexing.commit import time_order
    from ..library.store import EMBEDDING_DTYPE

    rng = np.random.default_rng(seed)
    start = np.datetime64("2019-01-01T07:00:00")
    span_days = 548
    day = np.sort(rng.integers(0, span_days, n))
    seconds_in_day = rng.integers(0, 16 * 3600, n)  # 07:00 to 23:00
    order = np.lexsort((seconds_in_day, day))
    local = start + (day[order] * 86400 + seconds_in_day[order]).astype("timedelta64[s]")
    centres = [(53.35, -6.26, "Dublin", "Ireland", "IE", "Europe/Dublin"), (51.51, -0.13, "London", "United Kingdom", "GB", "Europe/London"),
               (40.64, 22.94, "Thessaloniki", "Greece", "GR", "Europe/Athens"), (48.86, 2.35, "Paris", "France", "FR", "Europe/Paris")]
    place_centre = rng.integers(0, len(centres), places)
    place_offset = rng.normal(0, 0.05, (places, 2))
    # Consecutive photos stay at one place for a while, as a lifelog does.
    stay = np.repeat(rng.integers(0, places, n // 40 + 1), 40)[:n]
    centre = place_centre[stay]
    columns = {name: np.array([c[index] for c in centres], dtype=object)[centre] for index, name in enumerate(
        ("lat", "lng", "city", "country", "country_code", "timezone"))}
    lat = columns.pop("lat").astype(float) + place_offset[stay, 0] + rng.normal(0, 0.0005, n)
    lng = columns.pop("lng").astype(float) + place_offset[stay, 1] + rng.normal(0, 0.0005, n)
    names = np.array([f"Place {i}" for i in range(places)], dtype=object)[stay]
    table = photo_table(local, lat=lat, lng=lng, semantic_name=names, **columns)
    # In the commit's own order (time, then id), so it never reorders, which would copy every vector.
    table = table.iloc[time_order(table)].reset_index(drop=True)
    if photo_files:
        table["path"] = np.array([str(Path(p).resolve()) for p in photo_files], dtype=object)[np.arange(n) % len(photo_files)]
    if len(captions):
        table["caption"] = np.asarray(captions, dtype=object)[rng.integers(0, len(captions), n)]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    # Written chunk by chunk into a memory-mapped scratch file in the library folder, which the commit reads
    # from as it writes the generation's own copy: ten million rows never sit in memory, and never as float32.
    staged = folder / f".synthetic-embeddings-{os.getpid()}.npy"
    embeddings = np.lib.format.open_memmap(staged, mode="w+", dtype=EMBEDDING_DTYPE, shape=(n, dim))
    blocks = {"lifelog": lifelog_vectors, "uniform": uniform_vectors}[vectors](n, dim, seed=seed)
    offset = 0
    for block in blocks:
        embeddings[offset : offset + len(block)] = block
        offset += len(block)
    embeddings.flush()
    roots = sorted({str(Path(p).resolve().parent) for p in photo_files})
    try:
        commit_photo_table(folder, table, embeddings, {}, model=model, photo_roots=roots, text_encoder=text_encoder,
                           vector_index=vector_index, progress=progress)
    finally:
        del embeddings
        staged.unlink(missing_ok=True)
    return folder


def photo_table(local_times, **columns):
    """A complete photo table (every stored column) for photos at these local times, as if taken in UTC;
    `columns` override the defaults (lat, lng, semantic_name, city, country, country_code, caption ...)."""
    import pandas as pd

    from ..library.schema import FILE_COLUMNS, RESOLVED_COLUMNS

    local = np.asarray(local_times, dtype="datetime64[s]")
    n = len(local)
    ids = np.array([f"{str(t).replace('-', '').replace(':', '').replace('T', '_')}_{i % 1000:03d}.jpg" for i, t in enumerate(local)], dtype=object)
    table = pd.DataFrame({
        "path": "/synthetic/" + ids, "key": ids, "file_name": ids, "file_size": np.full(n, 100_000), "file_mtime_ns": np.zeros(n, np.int64),
        "width": np.full(n, 1024), "height": np.full(n, 768), "exif_time": pd.NaT, "exif_offset_s": np.nan, "exif_lat": np.nan,
        "exif_lng": np.nan, "embedded": np.ones(n, bool), "image_id": ids, "taken_at_utc": local, "local_time": local,
        "timezone": "UTC", "zone_source": "metadata", "utc_offset_s": np.zeros(n, np.int32), "time_source": "filename", "time_approximate": False,
        "time_approx": False,
        "lat": np.nan, "lng": np.nan, "gps_source": "metadata", "semantic_name": "", "city": "", "country": "",
        "country_code": "", "caption": "",
    })
    unknown = set(columns) - set(table.columns)
    if unknown:
        raise ValueError(f"not photo-table columns: {sorted(unknown)}")
    for name, values in columns.items():
        table[name] = values
    return table[list(FILE_COLUMNS) + list(RESOLVED_COLUMNS)]
