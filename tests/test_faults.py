"""Faults, made to happen for real: a disk that fills up during a commit, a photo folder that goes away while the
app serves it, a library copied while it is being indexed.

A full disk is made two ways. The real one: a 4 MB tmpfs mounted in a user namespace (`unshare -rm`, no root
needed), filled with ballast, so that the kernel itself refuses the commit's writes (ENOSPC) wherever they
happen; it is skipped where user namespaces are not allowed. And a deterministic one that runs everywhere:
`os.fsync` raising ENOSPC for one chosen file of the commit. That is where a full disk shows up on file
systems that allocate late (ext4's delayed allocation, XFS, NFS, thin-provisioned volumes: the write lands in
the page cache and the fsync fails), and it goes through the real write path (write_atomically, the commit's
clean-up, the CLI's error), one file at a time, which the tmpfs cannot choose.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library, LibraryDiskFull, LibraryError
from assistant.testing.photos import write_synthetic_photos
from conftest import ROOT, free_port, write_lsc_source

HOME = "Europe/Dublin"
SIZE = r"[\d,.]+ [kMG]B"


@pytest.fixture(scope="module")
def built(tmp_path_factory, tiny_encoder):
    """A committed library of 42 photos in two day folders, with captions (so a text index), and a folder of 6
    photos a later run adds."""
    folder = tmp_path_factory.mktemp("faults")
    source = write_lsc_source(folder, 42, start=datetime(2019, 1, 4, 7, 0), step_minutes=41)
    captions = folder / "captions.csv"
    captions.write_text("ImageID,Description\n" + "".join(f"{path.name},{('a cup of coffee', 'a pint in a pub')[i % 2]}\n" for i, path in enumerate(source.paths)))
    library = folder / "library"
    index_photos(library, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone=HOME, metadata_csv=source.metadata_csv, captions_csv=captions,
                 workers=1))
    more = folder / "more"
    write_synthetic_photos(more, [datetime(2019, 1, 6, 9, 0) + i * (datetime(2019, 1, 6, 9, 7) - datetime(2019, 1, 6, 9, 0)) for i in range(6)],
                           size=(320, 240), seed=5)
    return source, library, more


def library_copy(built, tmp_path) -> Path:
    copy = tmp_path / "library"
    shutil.copytree(built[1], copy)
    return copy


def generation_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.is_file() and path.name != ".lock")


def check_untouched(folder: Path, before: list[str], generation: int, count: int) -> None:
    """The library is as it was: the same generation, readable, and not a file of the failed one left behind."""
    library = Library.open(folder)
    assert (library.manifest.generation, len(library.photos)) == (generation, count)
    assert library.records(range(len(library.photos)))  # every column reads
    assert generation_files(folder) == before


# ---- disk full during a commit -----------------------------------------------------------------------

def fail_fsync_of(monkeypatch, pattern: str) -> list[str]:
    """os.fsync raises ENOSPC for files whose name matches `pattern` (the file is found from its descriptor)."""
    import assistant.core.files

    real, failed = os.fsync, []

    def fsync(descriptor):
        name = os.path.basename(os.readlink(f"/proc/self/fd/{descriptor}"))
        if re.search(pattern, name):
            failed.append(name)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(descriptor)

    monkeypatch.setattr(assistant.core.files.os, "fsync", fsync)
    return failed


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds the file being fsynced through /proc/self/fd")
@pytest.mark.parametrize("written", [r"^\.photos-", r"^\.embeddings-", r"^\.sources-\d+-metadata", r"^\.text_index-", r"^\.library\.json",
                                     r"^\.\d+\.npy"], ids=["photos", "embeddings", "metadata", "text-index", "manifest", "checkpoint"])
def test_disk_full_during_a_commit_keeps_the_last_generation_and_says_what_to_free(built, tmp_path, tiny_encoder, monkeypatch, written):
    folder = library_copy(built, tmp_path)
    before, old = generation_files(folder), Library.open(folder)
    generation, count = old.manifest.generation, len(old.photos)
    failed = fail_fsync_of(monkeypatch, written)
    with pytest.raises(LibraryDiskFull) as raised:
        index_photos(folder, built[2], IndexOptions(encoder=tiny_encoder, home_timezone=HOME, workers=1))
    assert failed, "the write meant to fail was never made"
    message = str(raised.value)
    assert "no space left on the disk of" in message and re.search(rf"Free at least {SIZE} on that disk \({SIZE} free now\)", message)
    assert "Then run the same command again" in message
    if written != r"^\.\d+\.npy":
        assert f"stays at generation {generation} ({count} photos)" in message
    check_untouched(folder, before, generation, count)
    assert not list(folder.glob(".*.tmp"))
    monkeypatch.undo()  # the disk has room again: the same command finishes the work
    report = index_photos(folder, built[2], IndexOptions(encoder=tiny_encoder, home_timezone=HOME, workers=1))
    assert report.photos_in_library == count + 6 and Library.open(folder).manifest.generation == generation + 1
    assert not (folder / "checkpoints").exists()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds the file being fsynced through /proc/self/fd")
def test_the_cli_says_what_to_free_on_a_full_disk(built, tmp_path, tiny_clip_dir, monkeypatch, capsys):
    from assistant.cli import main

    folder = library_copy(built, tmp_path)
    fail_fsync_of(monkeypatch, r"^\.embeddings-")
    command = ["index", str(built[2]), "--library", str(folder), "--model", str(tiny_clip_dir), "--precision", "fp32", "--workers", "1",
               "--home-timezone", HOME, "--text-model", "none", "--vector-index", "never"]
    assert main(command) == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]  # after the progress lines
    assert error.startswith("error: no space left on the disk of") and "Free at least" in error


SMALL_DISK_RUN = r"""
import json, os, re, shutil, sys
from pathlib import Path
from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library, LibraryDiskFull
from assistant.models import load_clip

disk, original, more, clip = map(Path, sys.argv[1:5])
library = disk / "library"
shutil.copytree(original, library)
old = Library.open(library)
size = sum(path.stat().st_size for path in library.rglob("*") if path.is_file())
ballast = disk / "ballast"
with open(ballast, "wb") as handle:  # room for the new photos' checkpoint, not for a new generation beside the old
    handle.write(b"\0" * (shutil.disk_usage(disk).free - size // 2))
encoder = load_clip(str(clip), precision="fp32")
result = {"generation": old.manifest.generation, "count": len(old.photos), "files": sorted(os.listdir(library))}
try:
    index_photos(library, more, IndexOptions(encoder=encoder, home_timezone="Europe/Dublin", workers=1, vector_index="never"))
    result["error"] = None
except LibraryDiskFull as error:
    result["error"] = str(error)
after = Library.open(library)
result["after"] = [after.manifest.generation, len(after.photos), sorted(os.listdir(library))]
result["checkpoints"] = sorted(os.listdir(library / "checkpoints")) if (library / "checkpoints").exists() else []
asked = re.search(r"Free at least ([\d,.]+) ([kMG])B", result["error"] or "")
if asked:  # free exactly what the message asks for, and run the same command again
    freed = float(asked.group(1).replace(",", "")) * {"k": 1e3, "M": 1e6, "G": 1e9}[asked.group(2)]
    os.truncate(ballast, max(0, ballast.stat().st_size - int(freed)))
    report = index_photos(library, more, IndexOptions(encoder=encoder, home_timezone="Europe/Dublin", workers=1, vector_index="never"))
    result["again"] = [Library.open(library).manifest.generation, report.photos_in_library, report.resumed]
print("RESULT " + json.dumps(result))
"""


def test_a_real_full_disk_during_a_commit(built, tmp_path, tiny_clip_dir):
    """The kernel refuses the writes: a 4 MB tmpfs in a user namespace, filled up but for half the library's size."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no user namespaces here to mount a small file system in")
    script = tmp_path / "run.py"
    script.write_text(SMALL_DISK_RUN)
    shell = 'mount -t tmpfs -o size=4m tmpfs "$1" && shift && exec "$@"'
    command = ["unshare", "-rm", "sh", "-c", shell, "sh", str(disk), sys.executable, str(script), str(disk), str(built[1]), str(built[2]),
               str(tiny_clip_dir)]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    if done.returncode != 0 and "mount" in done.stderr and "RESULT" not in done.stdout:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()[-300:]}")
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout.split("RESULT ", 1)[1])
    print(result["error"])
    assert result["error"] and "no space left on the disk of" in result["error"], result
    assert f"stays at generation {result['generation']} ({result['count']} photos)" in result["error"]
    generation, count, files = result["after"]
    assert (generation, count) == (result["generation"], result["count"]) and files == sorted(result["files"] + ["checkpoints"])
    assert len(result["checkpoints"]) == 2  # the photos read are kept: the next run resumes from them
    assert result["again"] == [result["generation"] + 1, result["count"] + 6, 6]  # freeing what it asked for was enough


# ---- a photo folder that goes away while the app serves it ------------------------------------------

class Screen:
    """The screen's own events, as the browser sends them (the queue's join, then its event stream)."""

    def __init__(self, url: str):
        self.url, self.session = url, uuid.uuid4().hex
        config = httpx.get(f"{url}config", timeout=30).json()
        self.events = {dependency.get("api_name"): dependency["id"] for dependency in config["dependencies"]}
        self.outputs = {dependency["id"]: dependency["outputs"] for dependency in config["dependencies"]}
        self.elem_ids = {component["id"]: component.get("props", {}).get("elem_id") for component in config["components"]}
        for dependency in config["dependencies"]:  # a component's own events by name too: "results.select"
            for target, trigger in dependency.get("targets", []):
                self.events.setdefault(f"{self.elem_ids.get(target)}.{trigger}", dependency["id"])

    def send(self, event: str, data: list, event_data: dict | None = None) -> dict:
        """An event's outputs by the elem_id of the component each goes to; fails with the server's message if it failed."""
        values = self._send(event, data, event_data)
        return {self.elem_ids.get(component): value for component, value in zip(self.outputs[self.events[event]], values)}

    def _send(self, event: str, data: list, event_data: dict | None = None) -> list:
        joined = httpx.post(f"{self.url}gradio_api/queue/join", timeout=30, json={
            "data": data, "fn_index": self.events[event], "session_hash": self.session, "event_data": event_data, "trigger_id": None})
        assert joined.status_code == 200, joined.text
        with httpx.stream("GET", f"{self.url}gradio_api/queue/data", params={"session_hash": self.session}, timeout=120) as stream:
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    message = json.loads(line[5:])
                    if message.get("msg") == "process_completed":
                        assert message.get("success"), message
                        return message["output"]["data"]
        raise AssertionError("the event stream ended without a result")


def shown_files(gallery: list) -> list[tuple[int, str]]:
    """(HTTP status, caption) of each photo of a gallery output, fetched as the browser fetches it."""
    return [(httpx.get(item["image"]["url"], timeout=30).status_code, item["caption"]) for item in gallery]


def test_a_photo_folder_that_goes_away_while_the_app_serves_it(built, tiny_clip_dir):
    from gradio_client import Client

    from assistant.web import build_app, create_pool, launch

    source, library, _ = built
    gone = source.photos_dir / "2019-01-05"
    pool = create_pool(library=str(library), model=str(tiny_clip_dir))
    demo = build_app(pool)
    port = free_port()
    launch(demo, pool, port=port, block=False)
    url = f"http://127.0.0.1:{port}/"
    try:
        screen, api = Screen(url), Client(url, verbose=False)
        outputs = screen.send("on_message", ["a photo on Saturday", [], None])
        assert all(status == 200 for status, _ in shown_files(outputs["results"]))
        moved = gone.with_name("moved-away")
        gone.rename(moved)
        try:
            outputs = screen.send("on_message", ["a photo on Saturday", [], None])  # only photos of the folder gone
            reply = outputs["chat"][-1]["content"][0]["text"]
            assert f"missing from {gone}" in reply, reply
            shown = shown_files(outputs["results"])
            assert shown and all(status == 200 and caption.endswith("file missing") for status, caption in shown)  # a grey box, not a broken image
            opened = screen.send("results.select", [None], {"index": 0, "value": None, "selected": True})  # its moment opened: the strip too
            assert all(status == 200 for status, _ in shown_files(opened["timeline"]))
            answer = api.predict("a photo on Saturday", api_name="/chat")
            assert answer["results"] and api.predict(answer["results"][0]["image_id"], api_name="/more_like")["results"]
            outputs = screen.send("on_message", ["a photo on Friday morning", [], None])  # the other folder is still served
            shown = shown_files(outputs["results"])
            assert shown and all(status == 200 and not caption.endswith("file missing") for status, caption in shown)
            assert "missing" not in outputs["chat"][-1]["content"][0]["text"]
        finally:
            moved.rename(gone)
        outputs = screen.send("on_message", ["a photo on Saturday", [], None])  # back: shown again
        assert all(status == 200 and not caption.endswith("file missing") for status, caption in shown_files(outputs["results"]))
    finally:
        demo.close()


# ---- a library copied while it is being indexed ----------------------------------------------------

def use(folder: Path, encoder) -> int:
    """Open a library and use every part of it (search, words, places, records); its generation."""
    from assistant.search import SearchRequest, search

    library = Library.open(folder)
    assert len(library.photos) == library.manifest.count
    library.text_index, library.concept_index, library.text_embeddings, library.vector_index  # noqa: B018
    assert len(library.records(range(len(library.photos)))) == library.manifest.count
    query = parse_for(library, "a photo in Dublin on Friday evening")
    result = search(library, encoder, SearchRequest(query=query, top_k=5))
    assert all(library.row_of(hit["best"]["image_id"]) is not None for hit in result.events)
    return library.manifest.generation


def parse_for(library: Library, text: str):
    from assistant.query import parse_query

    return parse_query(text, now=library.last_local_time(), places=library.places)


def refused_clearly(error: LibraryError) -> bool:
    message = str(error)
    return "copy the library again" in message or "repair it with: lifelog index" in message


def interleaved_copy(listing: list[str], before: Path, after: Path, switched: int, deleted: int) -> dict[str, Path]:
    """What a copier (cp -r, rsync) that lists the folder once and then copies file by file gets, when a commit
    switches the manifest after it copied `switched` files and drops the old generation's after `deleted`: name ->
    the file copied. The listing holds the new generation's files when it was made after the commit wrote them."""
    copied = {}
    for position, name in enumerate(listing):
        old = (before / name).exists() and name != "library.json"
        if position < switched or (old and position < deleted):
            source = before / name if (before / name).exists() else after / name
        else:
            source = after / name  # the new manifest, a new file; an old file is gone (the commit removed it)
        if source.exists():
            copied[name] = source
    return copied


def test_a_library_copied_during_a_commit_opens_at_one_generation_or_refuses_clearly(built, tmp_path, tiny_encoder):
    before = library_copy(built, tmp_path)
    after = tmp_path / "after"
    shutil.copytree(before, after)
    index_photos(after, built[2], IndexOptions(encoder=tiny_encoder, home_timezone=HOME, workers=1))
    generations = {Library.open(before).manifest.generation, Library.open(after).manifest.generation}
    listed_before = generation_files(before)  # listed before the commit began, or after it wrote its files
    listed_during = sorted(set(listed_before) | set(generation_files(after)))
    copies = {}  # the distinct copies those interleavings make
    for listing in (listed_before, listed_before[::-1], listed_during, listed_during[::-1]):
        for switched in range(len(listing) + 1):
            for deleted in range(switched, len(listing) + 1):
                copied = interleaved_copy(listing, before, after, switched, deleted)
                copies[tuple(sorted(copied.items()))] = copied
    outcomes = {"opened": set(), "refused": 0}
    for number, copied in enumerate(copies.values()):
        copy = tmp_path / f"copy-{number}"
        copy.mkdir()
        for name, source in copied.items():
            shutil.copy2(source, copy / name)
        try:
            outcomes["opened"].add(use(copy, tiny_encoder))
        except LibraryError as error:
            assert refused_clearly(error), error
            outcomes["refused"] += 1
        shutil.rmtree(copy)
    assert outcomes["opened"] == generations and outcomes["refused"]  # both generations seen whole, the torn copies refused


def test_copies_made_while_a_real_index_runs(built, tmp_path, tiny_encoder):
    """Copies made over and over while `index` commits generation after generation, each opening or refused clearly."""
    folder = library_copy(built, tmp_path)
    more = tmp_path / "more"
    done, failures = threading.Event(), []

    def indexing():
        try:
            for run in range(4):
                shutil.copytree(built[2], more / f"run-{run}")  # new photos each run: a checkpoint and a commit
                index_photos(folder, more, IndexOptions(encoder=tiny_encoder, home_timezone=HOME, workers=1))
        except BaseException as error:  # noqa: BLE001 - reported by the test
            failures.append(error)
        finally:
            done.set()

    def copy_now(target: Path) -> None:
        target.mkdir()
        for path in list(folder.iterdir()):  # listed once, then copied file by file; files that vanish are skipped, as cp does
            if path.is_file():
                try:
                    shutil.copy2(path, target / path.name)
                except FileNotFoundError:
                    pass
                time.sleep(0.02)  # a copier slower than the disk: commits land in the middle of copies

    thread = threading.Thread(target=indexing)
    thread.start()
    copies = []
    while not done.is_set():
        copies.append(tmp_path / f"copy-{len(copies)}")
        copy_now(copies[-1])
    thread.join()
    assert not failures, failures
    assert copies
    generations, refused = set(), 0
    for copy in copies:  # looked at once indexing is done: the copies were taken while it ran
        try:
            generations.add(use(copy, tiny_encoder))
        except LibraryError as error:
            assert refused_clearly(error), error
            refused += 1
    copy_now(tmp_path / "quiet")  # a copy made once indexing is done is the last generation, whole
    assert use(tmp_path / "quiet", tiny_encoder) == Library.open(folder).manifest.generation
