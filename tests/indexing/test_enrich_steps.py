"""Searchable first, enriched after: OCR over a committed library arrives in generations, each one readable and
saying what is still being read; the last is complete; an interrupted run resumes; the reply names what is unread."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("rapidocr_onnxruntime")

from assistant.chat import Assistant, ChatState  # noqa: E402
from assistant.enrich import Enrichment  # noqa: E402
from assistant.indexing import IndexOptions, index_photos  # noqa: E402
from assistant.indexing.enrich_steps import enrich_in_steps  # noqa: E402
from assistant.library import Library  # noqa: E402
from assistant.testing.photos import text_photo, write_synthetic_photos  # noqa: E402

SIZE = (480, 360)
SIGNS = {1: "MARZIPAN", 3: "KIOSK", 5: "PHARMACY"}  # photo number -> the sign in it


def signed_photos(folder: Path) -> list[Path]:
    """Six photos, three with a sign."""
    paths = write_synthetic_photos(folder, [datetime(2020, 3, 1, 9) + timedelta(minutes=5 * i) for i in range(6)], size=SIZE, seed=5)
    for number, sign in SIGNS.items():
        text_photo(sign, size=SIZE, seed=number, angle=6).save(paths[number], quality=90)
    return paths


def signed_library(folder: Path, encoder=None) -> tuple[Path, list[Path]]:
    """The six photos indexed without OCR: searchable, signs unread."""
    paths = signed_photos(folder / "photos")
    index_photos(folder / "lib", folder / "photos", IndexOptions(encoder=encoder, home_timezone="UTC"))
    return folder / "lib", paths


def signs_in(library: Library) -> list[str]:
    return sorted(text for text in library.photos["ocr_text"] if text)


def test_enrichment_is_committed_in_steps_each_readable_the_last_complete(tmp_path):
    library, _ = signed_library(tmp_path)
    first = Library.open(library).manifest.generation
    seen = {}

    def open_each_generation(done, total, what):  # called as each part begins: the last commit has landed
        opened = Library.open(library)
        seen[opened.manifest.generation] = (opened.enriching, signs_in(opened))

    enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=2, progress=open_each_generation)
    assert seen == {
        first + 1: ({"ocr": (0, 6)}, []),
        first + 2: ({"ocr": (2, 6)}, ["MARZIPAN"]),
        first + 3: ({"ocr": (4, 6)}, ["KIOSK", "MARZIPAN"]),
    }
    last = Library.open(library)
    assert last.manifest.generation == first + 4
    assert last.enriching == {} and signs_in(last) == ["KIOSK", "MARZIPAN", "PHARMACY"]
    # nothing left: a second run commits nothing
    enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=2)
    assert Library.open(library).manifest.generation == first + 4


def test_an_interrupted_enrichment_resumes_where_it_stopped(tmp_path):
    library, _ = signed_library(tmp_path)
    stop, read = threading.Event(), []

    def stop_after_three(done, total, what):
        read.append(done)
        if done == 3:
            stop.set()

    enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=2, progress=stop_after_three, stop=stop)
    stopped = Library.open(library)
    assert stopped.enriching == {"ocr": (3, 6)} and signs_in(stopped) == ["MARZIPAN"]
    (report,) = enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=2)
    assert (report.already, report.done) == (3, 3)  # nothing read twice
    finished = Library.open(library)
    assert finished.enriching == {} and signs_in(finished) == ["KIOSK", "MARZIPAN", "PHARMACY"]


def test_the_reply_names_what_is_still_being_read(tmp_path, tiny_encoder):
    library, _ = signed_library(tmp_path, tiny_encoder)
    replies = {}

    def ask_as_it_goes(done, total, what):
        replies[done] = Assistant(Library.open(library), tiny_encoder).respond(ChatState(), "a sign at the kiosk").reply

    enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=4, progress=ask_as_it_goes)
    assert "signs read in 0 of 6 photos so far" in replies[0]
    assert "signs read in 4 of 6 photos so far" in replies[4]
    after = Assistant(Library.open(library), tiny_encoder).respond(ChatState(), "a sign at the kiosk").reply
    assert "Still reading" not in after and "signs read" not in after


def test_lifelog_index_searchable_first_commits_then_enriches_in_steps(tmp_path):
    signed_photos(tmp_path / "photos")
    run = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "index", tmp_path / "photos", "--library", tmp_path / "lib", "--no-model",
         "--home-timezone", "UTC", "--ocr", "--ocr-workers", "0", "--searchable-first", "--commit-every", "4"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert run.returncode == 0, run.stderr
    assert "searchable now" in run.stdout and "ocr: 6 photos done now, 0 done before" in run.stdout
    library = Library.open(tmp_path / "lib")
    # the searchable commit, the enrichment's first (nothing read yet), after 4 photos, after all 6
    assert library.manifest.generation == 4
    assert library.enriching == {} and signs_in(library) == ["KIOSK", "MARZIPAN", "PHARMACY"]
