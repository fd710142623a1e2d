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
from assistant.testing.models import save_random_clip  # noqa: E402
from assistant.testing.photos import write_synthetic_photos  # noqa: E402


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


# ---- a fresh install, as a Space or a lab gets it (tests/test_space.py, tests/test_packaging.py) ----------

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class FreshInstall:
    """A clean clone of the committed HEAD and a new venv holding only gradio (the Space's version) and requirements.txt."""

    clone: Path
    python: Path

    @property
    def bin(self) -> Path:
        return self.python.parent


def space_sdk_version() -> str:
    """The Gradio a Space installs: `sdk_version` in the YAML block that opens README.md."""
    import re

    block = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("---")[1]
    return re.search(r"^sdk_version:\s*(\S+)", block, re.M).group(1)


def run_checked(command: list, **kwargs) -> "subprocess.CompletedProcess":
    """Run a command; on failure, fail the test with its output (pip's, say), not just an exit status."""
    import subprocess

    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done


@pytest.fixture(scope="session")
def fresh_install(tmp_path_factory) -> FreshInstall:
    """What a Space builds from a push (pip install gradio -r requirements.txt in the repository), once per session.

    A clone, not this folder: only committed files travel, so a file that works only in this source tree shows up.
    """
    import sys

    scratch = tmp_path_factory.mktemp("fresh-install")
    clone = scratch / "clone"
    run_checked(["git", "clone", "--quiet", ROOT, clone])
    run_checked([sys.executable, "-m", "venv", scratch / "venv"], env=outside_environment())
    python = scratch / "venv" / "bin" / "python"
    install = [python, "-m", "pip", "install", "--quiet", f"gradio=={space_sdk_version()}", "-r", "requirements.txt"]
    run_checked(install, cwd=clone, env=outside_environment())
    return FreshInstall(clone, python)


def outside_environment() -> dict[str, str]:
    """This environment without what this test session set up: no LIFELOG_*, HF_*, XDG_*, GRADIO_* or PYTHONPATH
    (pip, say, would take a package on PYTHONPATH as installed and leave it out of the venv)."""
    import os

    return {key: value for key, value in os.environ.items()
            if not key.startswith(("LIFELOG_", "HF_", "XDG_", "GRADIO_", "TRANSFORMERS_", "SPACE_", "PYTHON"))}


def clean_environment(home: Path, **variables: str) -> dict[str, str]:
    """The environment of a fresh machine: a new HOME, no hub, the demo without OCR (a minute instead of several)."""
    return {**outside_environment(), "HOME": str(home), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
            "LIFELOG_DEMO_OCR": "0", **variables}


def start_app(command: list, *, cwd: Path, env: dict[str, str], port: int, log: Path, timeout_s: float = 300):
    """Start an app server (its output to `log`) and wait until it answers on the port; fails with its output if it exits first."""
    import socket
    import subprocess
    import time

    with open(log, "w") as output:
        process = subprocess.Popen([str(part) for part in command], cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the app exited with {process.returncode} before serving:\n{log.read_text()[-6000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(1)
    stop_app(process)
    pytest.fail(f"the app did not answer on port {port} within {timeout_s:.0f} s:\n{log.read_text()[-6000:]}")


def stop_app(process) -> None:
    import subprocess

    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def mapped_bytes(array) -> int:
    """How much of the memory map under this array (a numpy view of mapped memory) is resident (Linux: /proc/self/smaps)."""
    address, inside = array.ctypes.data, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        span = line.split(" ", 1)[0]
        if "-" in span and all(part and set(part) <= set("0123456789abcdef") for part in span.split("-")):
            start, end = (int(part, 16) for part in span.split("-"))
            inside = start <= address < end
        elif inside and line.startswith("Rss:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("the array is not memory-mapped")
