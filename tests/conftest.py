"""Shared fixtures: a tiny random CLIP built on the fly, and LSC-style photo folders with metadata."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

# Tests never reach a model hub: a hub id must fail fast instead of waiting on the network.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# The demo's OCR pass (~420 photos) is measured by benchmarks, not repeated by every test session.
os.environ.setdefault("LIFELOG_DEMO_OCR", "0")

from assistant.models import load_clip  # noqa: E402
from assistant.testing import save_random_clip, write_synthetic_photos  # noqa: E402


@pytest.fixture(scope="session")
def tiny_clip_dir(tmp_path_factory) -> Path:
    return save_random_clip(tmp_path_factory.mktemp("tiny-clip"))


@pytest.fixture(scope="session")
def tiny_encoder(tiny_clip_dir):
    return load_clip(str(tiny_clip_dir), precision="fp32")


# Places with their zones: the mix of time zones is what the local-time rules must get right.
PLACES = [
    ("Home", "Dublin", "Ireland", 53.3861, -6.2578, "Europe/Dublin"),
    ("Dublin City University", "Dublin", "Ireland", 53.3855, -6.2566, "Europe/Dublin"),
    ("The Brazen Head", "Dublin", "Ireland", 53.3448, -6.2764, "Europe/Dublin"),
    ("Aristotelous Square", "Thessaloniki", "Greece", 40.6323, 22.9410, "Europe/Athens"),
    ("Hotel Nikko", "Tokyo", "Japan", 35.6895, 139.6917, "Asia/Tokyo"),
    ("Times Square", "New York", "United States", 40.7580, -73.9855, "America/New_York"),
]


@dataclass
class LscSource:
    photos_dir: Path
    metadata_csv: Path
    paths: list[Path]
    times_utc: list[datetime]
    metadata: pd.DataFrame  # the rows written, with the place each photo is at


def write_lsc_source(folder: Path, count: int, *, start=datetime(2019, 1, 5, 6, 0), step_minutes=7, seed=0) -> LscSource:
    """`count` photos every few minutes, a place per ~40 photos cycling through PLACES, and an LSC metadata CSV."""
    times = [start + timedelta(minutes=step_minutes * i) for i in range(count)]
    photos_dir = Path(folder) / "photos"
    paths = write_synthetic_photos(photos_dir, times, size=(320, 240), seed=seed)
    rows = []
    for index, path in enumerate(paths):
        name, city, country, lat, lng, zone = PLACES[(index // 40) % len(PLACES)]
        rows.append(
            {"ImageID": path.name, "new_lat": lat, "new_lng": lng, "semantic_name": name, "city": city, "country": country, "timezone": zone}
        )
    metadata = pd.DataFrame(rows)
    metadata_csv = Path(folder) / "metadata.csv"
    metadata.to_csv(metadata_csv, index=False)
    return LscSource(photos_dir, metadata_csv, paths, times, metadata)


@pytest.fixture(scope="session")
def demo_library(tmp_path_factory, tiny_encoder) -> Path:
    """The built-in demo lifelog (drawn photos, LSC metadata, captions), indexed with the tiny CLIP."""
    from assistant.demo.build import ensure_demo_library

    return ensure_demo_library(tmp_path_factory.mktemp("demo"), tiny_encoder)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def app_server(demo_library, tiny_clip_dir):
    """A real app server on the demo library with the tiny CLIP; yields its URL."""
    from assistant.web import build_app, create_pool, launch

    service = create_pool(library=str(demo_library), model=str(tiny_clip_dir))
    demo = build_app(service)
    port = free_port()
    launch(demo, service, port=port, block=False)
    yield f"http://127.0.0.1:{port}/"
    demo.close()
