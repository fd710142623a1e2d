"""A real `lifelog index` process killed with SIGKILL mid-run: readers keep the last committed library,
and the next run resumes from the checkpoints to exactly the full library."""

import signal
import subprocess
import sys
import time
from datetime import datetime

import numpy as np
import pytest

from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library, LibraryNotFound
from conftest import write_lsc_source


def start_index(photos_dir, library, model, *extra):
    command = [sys.executable, "-m", "assistant.cli", "index", str(photos_dir), "--library", str(library), "--model", str(model),
               "--precision", "fp32", "--batch-size", "4", "--workers", "1", "--checkpoint-every", "8", *map(str, extra)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_checkpoints(process, library, count, timeout=120):
    """Return once the running index has `count` checkpoint batches on disk."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(list((library / "checkpoints").glob("*.parquet"))) >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"the run ended before it could be killed:\n{process.stderr.read()}")
        time.sleep(0.005)
    process.kill()
    pytest.fail("no checkpoint appeared in time")


def kill_after_checkpoints(process, library, count):
    """SIGKILL the run once `count` checkpoint batches are on disk (nothing is given a chance to clean up)."""
    wait_for_checkpoints(process, library, count)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


def embeddings_by_path(folder):
    library = Library.open(folder)
    return {path: np.asarray(library.embeddings[row], dtype=np.float32) for row, path in enumerate(library.photos["path"])}


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    # 35 photos on the first evening, 125 the next day: a small committed library, then a long run.
    return write_lsc_source(tmp_path_factory.mktemp("killed"), 160, start=datetime(2019, 1, 5, 20, 0))


@pytest.fixture(scope="module")
def reference(source, tiny_encoder, tmp_path_factory):
    """The library an uninterrupted run builds."""
    folder = tmp_path_factory.mktemp("reference")
    index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv))
    return embeddings_by_path(folder)


def test_killed_first_run_resumes_to_exactly_the_full_library(source, reference, tiny_clip_dir, tmp_path):
    library = tmp_path / "lib"
    run = start_index(source.photos_dir, library, tiny_clip_dir, "--metadata", source.metadata_csv)
    kill_after_checkpoints(run, library, 3)
    with pytest.raises(LibraryNotFound):
        Library.open(library)  # nothing committed, and nothing half-written is visible

    resumed = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "index", str(source.photos_dir), "--library", str(library), "--model", str(tiny_clip_dir),
         "--precision", "fp32", "--metadata", str(source.metadata_csv)],
        capture_output=True, text=True, timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "recovered from an interrupted run" in resumed.stdout
    rebuilt = embeddings_by_path(library)
    assert sorted(rebuilt) == sorted(reference)  # every photo, exactly once
    for path, vector in reference.items():
        assert np.allclose(rebuilt[path], vector, atol=2e-3), path
    assert not (library / "checkpoints").exists()


def test_readers_see_the_last_committed_library_while_a_run_is_killed(source, reference, tiny_encoder, tiny_clip_dir, tmp_path):
    library = tmp_path / "lib"
    first_day = sorted(source.photos_dir.iterdir())[0]
    index_photos(library, first_day, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    before = Library.open(library)
    committed = len(before)
    assert 0 < committed < len(reference)

    run = start_index(source.photos_dir, library, tiny_clip_dir)
    wait_for_checkpoints(run, library, 1)
    during = Library.open(library)  # opened mid-run: the committed generation, whole
    assert len(during) == committed and during.embeddings.shape[0] == committed
    kill_after_checkpoints(run, library, 3)
    after_kill = Library.open(library)
    assert len(after_kill) == committed and after_kill.photos["path"].tolist() == before.photos["path"].tolist()

    index_photos(library, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    assert sorted(embeddings_by_path(library)) == sorted(reference)
