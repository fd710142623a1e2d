"""A Hugging Face Space start, simulated: where the app listens and keeps the demo, its start-up load with
progress for early visitors, and a fresh install from a clean clone answering over gradio_client."""

import os
import threading
import time
from pathlib import Path

import pytest

from assistant.core.settings import Settings, default_demo_dir
from conftest import clean_environment, free_port, start_app, stop_app


# ---- settings on a Space ----------------------------------------------------------------------------


def test_on_a_space_the_app_listens_where_the_space_says(monkeypatch):
    monkeypatch.setenv("SPACE_ID", "someone/lifelog")
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7861")
    settings = Settings.resolve()
    assert (settings.host, settings.port) == ("0.0.0.0", 7861)
    assert Settings.resolve(host="127.0.0.1", port=9000).host == "127.0.0.1"  # a flag still wins


def test_a_space_that_names_no_address_is_reached_from_outside(monkeypatch):
    monkeypatch.setenv("SPACE_ID", "someone/lifelog")
    monkeypatch.delenv("GRADIO_SERVER_NAME", raising=False)
    assert Settings.resolve().host == "0.0.0.0"


def test_off_a_space_the_app_listens_on_this_machine_only(monkeypatch):
    for variable in ("SPACE_ID", "GRADIO_SERVER_NAME", "GRADIO_SERVER_PORT"):
        monkeypatch.delenv(variable, raising=False)
    settings = Settings.resolve()
    assert (settings.host, settings.port) == ("127.0.0.1", 7860)


def test_the_demo_lives_in_persistent_storage_on_a_space_that_has_it(monkeypatch, tmp_path):
    monkeypatch.setenv("SPACE_ID", "someone/lifelog")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_demo_dir(tmp_path) == tmp_path / "lifelog-assistant" / "demo"
    assert default_demo_dir(tmp_path / "no-storage") == tmp_path / "cache" / "lifelog-assistant" / "demo"
    monkeypatch.delenv("SPACE_ID")  # elsewhere a folder called /data is somebody else's
    assert default_demo_dir(tmp_path) == tmp_path / "cache" / "lifelog-assistant" / "demo"


@pytest.mark.parametrize("locale, order", [("en_US.UTF-8", "MDY"), ("en_IE.UTF-8", "DMY"), ("fr_FR", "DMY"), ("C.UTF-8", None)])
def test_the_date_order_defaults_to_the_locale(monkeypatch, locale, order):
    monkeypatch.delenv("LIFELOG_DATE_ORDER", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_TIME", locale)
    assert Settings.resolve().date_order == order
    assert Settings.resolve(date_order="mdy").date_order == "MDY"
    with pytest.raises(ValueError, match="DMY"):
        Settings.resolve(date_order="YDM")


# ---- the start-up load ------------------------------------------------------------------------------


def test_a_visitor_who_arrives_during_the_start_up_load_sees_its_progress(demo_library, tiny_clip_dir, monkeypatch):
    """The pool loads when the app starts; a visitor arriving meanwhile waits for that load, watching its progress."""
    from assistant.web import pool as pool_module

    entered, held = threading.Event(), threading.Event()
    real_clip_for_library = pool_module.clip_for_library

    def held_clip_for_library(*args, **kwargs):  # the start-up load stays busy until the visitor has seen progress
        entered.set()
        held.wait(60)
        return real_clip_for_library(*args, **kwargs)

    monkeypatch.setattr(pool_module, "clip_for_library", held_clip_for_library)
    pool = pool_module.create_pool(library=str(demo_library), model=str(tiny_clip_dir))
    loading = pool.start_loading()
    assert entered.wait(60)  # the start-up load is under way before anyone visits
    seen, got = [], []
    visitor = threading.Thread(target=lambda: got.append(pool.assistant(lambda fraction, desc: seen.append((fraction, desc)))))
    visitor.start()
    deadline = time.monotonic() + 30
    while not seen and time.monotonic() < deadline:
        time.sleep(0.1)
    held.set()
    visitor.join(60)
    loading.join(60)
    assert ((0, 1), "loading the CLIP model") in seen
    assert got and got[0] is pool.assistant()  # loaded once, by the start-up load, and shared


# ---- a Space start from a clean clone ----------------------------------------------------------------


def test_a_space_starts_from_a_clean_clone_and_answers_from_the_demo(fresh_install, tmp_path):
    """`python app.py` as a Space runs it: its variables, a new HOME, no hub; the demo is built at start-up, before any visit."""
    from gradio_client import Client

    from assistant.demo import plan_photos
    from assistant.demo.itinerary import ITINERARY

    port = free_port()
    home = tmp_path / "home"
    home.mkdir()
    env = clean_environment(home, SPACE_ID="test/lifelog-assistant", GRADIO_SERVER_NAME="127.0.0.1", GRADIO_SERVER_PORT=str(port))
    storage = Path("/data")
    demo = (storage if storage.is_dir() and os.access(storage, os.W_OK) else home / ".cache") / "lifelog-assistant" / "demo"
    process = start_app([fresh_install.python, "app.py"], cwd=fresh_install.clone, env=env, port=port, log=tmp_path / "app.log")
    try:
        deadline = time.monotonic() + 600
        while not (demo / "library" / "library.json").exists():  # nobody has visited: the start-up build makes it
            assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "app.log").read_text()[-6000:]
            time.sleep(2)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        reply = client.predict("pints of Guinness with friends in The Brazen Head on Friday evening", api_name="/chat")
    finally:
        stop_app(process)
    pints = {photo.image_id for photo in plan_photos() if "Brazen Head" in (ITINERARY[photo.activity].moment or "")}
    assert reply["results"], reply["reply"]
    assert {hit["image_id"] for hit in reply["results"][:3]} & pints, reply
