"""`lifelog index --cluster` on a real local Ray cluster (2 CPUs): the same library, photo for photo, as a
single-machine run of the same folder (rows, embeddings, OCR text, the skip report), after a driver killed
mid-run too, with the photos' bytes sent from the driver; and nothing of Ray without --cluster."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("rapidocr_onnxruntime")

from assistant.library import Library, LibraryNotFound  # noqa: E402
from assistant.testing.models import save_random_captioner, save_random_detector  # noqa: E402
from assistant.testing.photos import text_photo, write_synthetic_photos  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZE = (320, 240)
COUNT = 24
SIGNS = {3: "MARZIPAN", 10: "KIOSK", 17: "OMRON"}
# The workers import this checkout's package; a cluster on this machine for a test needs no usage reports and
# no token (Ray 2.5x turns token authentication on by default, and a second driver would need the token).
RAY_ENV = {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "RAY_DISABLE_USAGE_STATS": "1", "RAY_AUTH_MODE": "disabled"}
ENV = {**os.environ, **RAY_ENV, "HF_HUB_OFFLINE": "1"}


@pytest.fixture(scope="module")
def cluster():
    """A local Ray cluster for the module; the tests' `lifelog index` processes join it at its address."""
    os.environ.update(RAY_ENV)
    temp = tempfile.mkdtemp(prefix="ray", dir="/tmp")  # Ray's socket paths must stay short
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _temp_dir=temp)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> Path:
    """Synthetic photos, three with a sign to read, and one corrupt file for the skip report."""
    folder = tmp_path_factory.mktemp("cluster") / "photos"
    start = datetime(2020, 3, 1, 9, 0)
    paths = write_synthetic_photos(folder, [start + timedelta(minutes=5 * i) for i in range(COUNT)], size=SIZE, seed=11)
    for at, sign in SIGNS.items():
        text_photo(sign, size=SIZE, seed=at, angle=4).save(paths[at], quality=90)
    paths[6].write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    return folder


@pytest.fixture(scope="module")
def models(tiny_clip_dir, tmp_path_factory) -> list[str]:
    """Every per-photo model: a tiny random CLIP, detector and captioner (and RapidOCR)."""
    folder = tmp_path_factory.mktemp("models")
    detector = save_random_detector(folder / "detr", ["laptop", "cup", "dog"], favour="cup")
    captioner = save_random_captioner(folder / "blip", ["a", "cup", "of", "coffee", "on", "desk"])
    return ["--model", str(tiny_clip_dir), "--ocr", "--detector", str(detector), "--captioner", str(captioner)]


def lifelog_index(photos: Path, library: Path, models: list[str], *extra: str, popen: bool = False):
    command = [sys.executable, "-m", "assistant.cli", "index", str(photos), "--library", str(library), *models,
               "--precision", "fp32", "--text-model", "none", "--batch-size", "4", *extra]
    if popen:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, env=ENV)
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture(scope="module")
def single_machine(photos, models, tmp_path_factory):
    """The library and report of an uninterrupted run on this machine alone."""
    library = tmp_path_factory.mktemp("single") / "lib"
    run = lifelog_index(photos, library, models, "--ocr-workers", "1")
    return library, run.stdout


def assert_same_library(library: Path, reference: Path) -> None:
    """Photo for photo: every row of the photo table (OCR text included) and every embedding, bit for bit."""
    ours, theirs = Library.open(library), Library.open(reference)
    ours_order, theirs_order = np.argsort(ours.photos["path"].to_numpy()), np.argsort(theirs.photos["path"].to_numpy())
    pd.testing.assert_frame_equal(ours.photos.iloc[ours_order].reset_index(drop=True), theirs.photos.iloc[theirs_order].reset_index(drop=True))
    assert np.array_equal(np.asarray(ours.embeddings)[ours_order], np.asarray(theirs.embeddings)[theirs_order])
    texts = dict(zip(ours.photos["path"], ours.photos["ocr_text"]))
    assert sorted(text for text in texts.values() if text) == sorted(SIGNS.values())
    assert (ours.photos["objects"] != "").all() and (ours.photos["caption"] != "").all()  # every step ran on every photo


def skip_report(stdout: str) -> list[str]:
    return [line.strip() for line in stdout.splitlines() if line.startswith("  ") and "corrupt" in line]


def test_a_cluster_run_is_the_single_machine_library_photo_for_photo(cluster, photos, single_machine, models, tmp_path):
    reference, reference_report = single_machine
    run = lifelog_index(photos, tmp_path / "lib", models, "--cluster", cluster)
    assert f"indexing on the Ray cluster at {cluster}" in run.stderr
    assert "reading and embedding photos: 24/24" in run.stderr and "(OCR): 24/24" in run.stderr  # the progress lines
    assert_same_library(tmp_path / "lib", reference)
    assert len(skip_report(run.stdout)) == 1 and skip_report(run.stdout) == skip_report(reference_report)
    assert "ocr: 23 photos done now, 0 done before; 1 failed" in run.stdout


def test_a_driver_killed_mid_run_resumes_on_the_cluster(cluster, photos, single_machine, models, tmp_path):
    library = tmp_path / "lib"
    run = lifelog_index(photos, library, models, "--cluster", cluster, "--checkpoint-every", "4", popen=True)
    deadline = time.monotonic() + 180
    while not list((library / "checkpoints").glob("*.parquet")):
        assert run.poll() is None, f"the run ended before it could be killed:\n{run.stderr.read()}"
        assert time.monotonic() < deadline, "no checkpoint appeared in time"
        time.sleep(0.005)
    run.send_signal(signal.SIGKILL)
    run.wait()
    with pytest.raises(LibraryNotFound):
        Library.open(library)  # killed before its commit

    resumed = lifelog_index(photos, library, models, "--cluster", cluster)
    assert "recovered from an interrupted run" in resumed.stdout
    assert_same_library(library, single_machine[0])
    assert not (library / "checkpoints").exists()


def test_photos_only_the_driver_sees_go_to_the_workers_as_bytes(cluster, photos, single_machine, models, tmp_path):
    from assistant.indexing.cluster import RayWork

    sent = RayWork(send_photos=True).sources([str(path) for path in sorted(photos.rglob("*.jpg"))[:2]])
    assert ray.get(sent) == [path.read_bytes() for path in sorted(photos.rglob("*.jpg"))[:2]]
    run = lifelog_index(photos, tmp_path / "lib", models, "--cluster", cluster, "--cluster-send-photos", "--cluster-workers", "1")
    assert_same_library(tmp_path / "lib", single_machine[0])
    assert skip_report(run.stdout) == skip_report(single_machine[1])


def index_in_python(prelude: str, photos: Path, library: Path, *extra: str, after: str = "pass") -> subprocess.CompletedProcess:
    """`lifelog index --no-model` in a fresh Python, after `prelude` and before `after` (statements on one line)."""
    argv = ["index", str(photos), "--library", str(library), "--no-model", "--text-model", "none", *extra]
    script = f"import sys; {prelude}; from assistant.cli import main; code = main({argv!r}); {after}; sys.exit(code)"
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=ENV)


def test_without_cluster_nothing_of_ray_is_imported(photos, tmp_path):
    run = index_in_python("pass", photos, tmp_path / "lib", after="print('ray imported' if 'ray' in sys.modules else 'no ray')")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "no ray"


def test_cluster_without_ray_installed_says_what_to_install(photos, tmp_path):
    run = index_in_python("sys.modules['ray'] = None", photos, tmp_path / "lib", "--cluster", "auto")  # as if not installed
    assert run.returncode == 1
    assert "pip install 'lifelog-assistant[cluster]'" in run.stderr
    assert not (tmp_path / "lib").exists()
