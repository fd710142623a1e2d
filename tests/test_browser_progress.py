"""In a real browser: while a message waits for the library to load, its progress is drawn once, in the status
line, not over the chat, the chips, the galleries, the map and the input box; and the reply then comes."""

from __future__ import annotations

from playwright.sync_api import expect

from assistant.web import build_app, create_pool, launch
from conftest import free_port
from test_browser import TIMEOUT_MS, VIEWPORT, browser, last_reply, send  # noqa: F401 (browser: the fixture)

# Where Gradio's progress (its text, level and ETA bar, in each component's status tracker) is drawn now: the
# elem_id of the component holding each one that is visible
DRAWN_IN = """() => [...document.querySelectorAll('.progress-text, .progress-level, .eta-bar')]
    .filter(e => e.offsetParent !== null).map(e => (e.closest('[id]') || {}).id || '?')"""


def test_a_waiting_message_shows_one_progress_display(browser, demo_library, tiny_clip_dir):  # noqa: F811
    pool = create_pool(library=str(demo_library), model=str(tiny_clip_dir))
    demo = build_app(pool)
    port = free_port()
    launch(demo, pool, port=port, block=False)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        expect.set_options(timeout=TIMEOUT_MS)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        expect(page.locator("#notice")).to_be_hidden()  # loaded
        pool.loading(3, 10, "loading the library")
        with pool._lock:  # someone else is loading: the message waits, as the first visitors' did
            pool._assistants.clear()
            send(page, "coffee with friends in Thessaloniki")
            drawn_in = set()
            for _ in range(8):  # over a few seconds: every tracker has had time to draw
                page.wait_for_timeout(400)
                drawn_in.update(page.evaluate(DRAWN_IN))
            assert drawn_in == {"status"}
        expect(last_reply(page)).to_contain_text("Thessaloniki")  # the chat goes on once loading is done
    finally:
        context.close()
        demo.close()
