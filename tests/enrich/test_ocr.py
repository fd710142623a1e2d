"""OCR at ingest: real RapidOCR on rendered photos, the noise rule, search by sign text, resuming."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("rapidocr_onnxruntime")

from assistant.enrich import Enrichment, shards  # noqa: E402
from assistant.enrich import stages as stage_module  # noqa: E402
from assistant.enrich.ocr import TextReader, is_meaningful  # noqa: E402
from assistant.indexing import IndexOptions, index_photos  # noqa: E402
from assistant.library import Library  # noqa: E402
from assistant.search import SearchRequest, search  # noqa: E402
from assistant.testing.photos import synthetic_photo, text_photo, write_synthetic_photos  # noqa: E402

SIZE = (480, 360)


@pytest.fixture(scope="module")
def reader() -> TextReader:
    return TextReader()


@pytest.mark.parametrize(
    "text, look",
    [
        ("EXTREME CAUTION", dict(angle=12)),
        ("Molton Brown", dict(background=(200, 40, 40), angle=-8)),
        ("OMRON", dict(background=(250, 220, 40), ink=(20, 20, 20))),
        ("Pharmacy 24", dict(background=(30, 140, 60), angle=25)),
    ],
)
def test_reads_text_at_angles_and_on_coloured_boards(reader, text, look):
    strings = reader.read(text_photo(text, size=SIZE, seed=3, **look))
    assert [item.text for item in strings] == [text]
    assert all(0.75 <= item.confidence <= 1 for item in strings)


def test_a_photo_with_no_text_gives_no_strings(reader):
    assert reader.read(synthetic_photo(11, SIZE)) == []


@pytest.mark.parametrize(
    "text, confidence, kept",
    [("OMRON", 0.99, True), ("OMRON", 0.6, False), ("Li", 0.95, True), ("Li", 0.85, False), ("I", 0.99, False),
     ("--", 0.99, False), ("Extreme Caution", 0.8, True)],
)
def test_noise_rule(text, confidence, kept):
    assert is_meaningful(text, confidence) is kept


def _photos_with_one_sign(folder: Path, count: int = 8, sign: str = "MARZIPAN", at: int = 4) -> tuple[Path, list[Path]]:
    start = datetime(2020, 3, 1, 9, 0)
    paths = write_synthetic_photos(folder, [start + timedelta(minutes=5 * i) for i in range(count)], size=SIZE, seed=5)
    text_photo(sign, size=SIZE, seed=5 * 1_000_003 + at, angle=6).save(paths[at], quality=90)
    return folder, paths


def test_a_word_only_on_a_sign_finds_the_photo(tmp_path, tiny_encoder):
    photos, paths = _photos_with_one_sign(tmp_path / "photos")
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", enrichment=Enrichment(ocr=True, ocr_workers=0)))
    library = Library.open(tmp_path / "lib")
    row = library.row_of_path(paths[4])
    assert library.record(row)["ocr_text"] == "MARZIPAN"
    assert sum(bool(library.record(r)["ocr_text"]) for r in range(len(library))) == 1
    result = search(library, tiny_encoder, SearchRequest(text="the sign said Marzipan", group_events=False, top_k=3))
    assert paths[4].name in [hit["image_id"] for hit in result.photos]

    # The moment view shows the words read in the photo.
    from assistant.chat import Assistant
    from assistant.web.presentation import moment_panel

    (moment,) = [event for event in search(library, None, SearchRequest(text="Marzipan", top_k=20)).events
                 if event["best"]["image_id"] == paths[4].name]
    text, _, _ = moment_panel(Assistant(library, tiny_encoder).open_moment(moment))
    assert "Words in the photo: MARZIPAN" in text

    # A later run without --ocr keeps what OCR found.
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    assert Library.open(tmp_path / "lib").record(row)["ocr_text"] == "MARZIPAN"


class Interrupt(KeyboardInterrupt):
    pass


def test_an_interrupted_ocr_pass_resumes_without_redoing_or_dropping(tmp_path, monkeypatch):
    photos, paths = _photos_with_one_sign(tmp_path / "photos", count=7)
    library = tmp_path / "lib"
    index_photos(library, photos, IndexOptions(encoder=None, home_timezone="UTC"))  # indexed before OCR was asked for
    monkeypatch.setattr(stage_module, "SHARD_EVERY", 2)
    read = []
    original = TextReader.read

    def counting_read(self, image):
        read.append(Path(image).name)
        return original(self, image)

    monkeypatch.setattr(TextReader, "read", counting_read)

    def interrupt_after_five(done, total, what):
        if what.startswith("reading text") and done == 5:
            raise Interrupt

    with pytest.raises(Interrupt):
        index_photos(library, photos, IndexOptions(encoder=None, home_timezone="UTC", progress=interrupt_after_five,
                     enrichment=Enrichment(ocr=True, ocr_workers=0)))
    saved = shards.read_stage(library, "ocr")
    assert len(saved) == 5 and len(read) == 5  # two full shards and the last photo, saved on the way out
    first_pass = set(read)

    read.clear()
    enrichment = Enrichment(ocr=True, ocr_workers=0)
    index_photos(library, photos, IndexOptions(encoder=None, home_timezone="UTC", enrichment=enrichment))
    assert sorted(read) == sorted({p.name for p in paths} - first_pass)  # only the two not done, once each
    (report,) = enrichment.reports
    assert (report.done, report.already) == (2, 5)
    stored = shards.read_stage(library, "ocr")
    assert sorted(stored["path"]) == sorted(str(p) for p in paths)
    assert len(list(shards.stage_folder(library, "ocr").glob("*.parquet"))) == 1  # merged once complete
    assert Library.open(library).record(Library.open(library).row_of_path(paths[4]))["ocr_text"] == "MARZIPAN"

    # A changed photo is read again; the others are not.
    read.clear()
    text_photo("KIOSK", size=SIZE, seed=1).save(paths[0], quality=90)
    index_photos(library, photos, IndexOptions(encoder=None, home_timezone="UTC", enrichment=Enrichment(ocr=True, ocr_workers=0)))
    assert read == [paths[0].name]
    assert Library.open(library).record(Library.open(library).row_of_path(paths[0]))["ocr_text"] == "KIOSK"


def test_ocr_in_worker_processes(tmp_path):
    """The default path: OCR in a separate process beside the main thread."""
    photos, paths = _photos_with_one_sign(tmp_path / "photos", count=3, sign="KIOSK", at=2)
    paths[1].write_bytes(b"not a jpeg")  # a broken file is reported, not fatal
    report = stage_module.run_stage(
        tmp_path / "lib", stage_module.OcrStage(workers=1),
        [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths], lambda *a: None,
    )
    assert report.done == 2 and len(report.failed) == 1
    rows = shards.read_stage(tmp_path / "lib", "ocr").set_index("path")
    assert rows.loc[str(paths[2]), "ocr_text"] == "KIOSK" and rows.loc[str(paths[2]), "ocr_confidences"][0] > 0.9
    assert list(rows.loc[str(paths[0]), "ocr_strings"]) == [] and rows.loc[str(paths[0]), "ocr_text"] == ""


def test_the_command_line_reads_signs_in_worker_processes(tmp_path):
    """`lifelog index --ocr` as a user runs it (OCR in a worker process), then a search by the sign's word."""
    import json
    import os
    import subprocess
    import sys

    photos, paths = _photos_with_one_sign(tmp_path / "photos", count=4, at=1)

    def lifelog(*args):
        return subprocess.run([sys.executable, "-m", "assistant.cli", *map(str, args)], capture_output=True, text=True,
                              timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})

    run = lifelog("index", photos, "--library", tmp_path / "lib", "--no-model", "--ocr", "--ocr-workers", "1")
    assert run.returncode == 0, run.stderr
    assert "ocr: 4 photos done now, 0 done before" in run.stdout
    assert "reading text in photos (OCR)" in run.stderr  # the progress bar
    found = lifelog("search", "marzipan", "--library", tmp_path / "lib", "--json", "--top-k", "3")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits[0]["image_id"] == paths[1].name and hits[0]["ocr_text"] == "MARZIPAN"


def test_ctrl_c_during_ocr_keeps_what_was_read(tmp_path):
    """A real interruption (SIGINT to `lifelog index --ocr`), then the same command again. Enough photos
    remain after the signal that the run cannot finish first, even on a busy machine."""
    count = 40
    import os
    import re
    import signal
    import subprocess
    import sys

    start = datetime(2020, 3, 1, 9, 0)
    paths = write_synthetic_photos(tmp_path / "photos", [start + timedelta(minutes=5 * i) for i in range(count)], size=SIZE, seed=8)
    for index, path in enumerate(paths):
        text_photo(f"Sign {index}", size=SIZE, seed=index, angle=index % 5).save(path, quality=90)
    command = [sys.executable, "-m", "assistant.cli", "index", str(tmp_path / "photos"), "--library", str(tmp_path / "lib"),
               "--no-model", "--ocr", "--ocr-workers", "1"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    # Ctrl-C as a terminal sends it: a test run started in the background (SIGINT ignored, which children inherit) too
    default_ctrl_c = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, preexec_fn=default_ctrl_c)
    seen = b""
    while process.poll() is None:  # interrupt once the progress lines (stderr is a pipe) show photos read
        seen += os.read(process.stderr.fileno(), 256)
        if any(int(done) >= 2 for done in re.findall(rb"\(OCR\): (\d+)/%d " % count, seen)):
            process.send_signal(signal.SIGINT)
            break
    _, rest = process.communicate(timeout=300)
    assert process.returncode == 130, (seen + rest).decode(errors="replace")
    first = shards.read_stage(tmp_path / "lib", "ocr")
    assert first is not None and 2 <= len(first) < count, (seen + rest).decode(errors="replace")

    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"ocr: {count - len(first)} photos done now, {len(first)} done before" in again.stdout
    stored = shards.read_stage(tmp_path / "lib", "ocr")
    assert sorted(stored["path"]) == sorted(str(p) for p in paths)
    assert set(first["path"]) <= set(stored["path"])
    library = Library.open(tmp_path / "lib")
    assert library.record(library.row_of_path(paths[7]))["ocr_text"] == "Sign 7"
