"""One progress display: every event of the screen draws its progress in the status line alone (once it was drawn
over the chat, the chips, the galleries, the map and the input box at once), and the status line says what is
being loaded or read behind the chat, with the time left."""

from __future__ import annotations

from assistant.core.progress import ProgressWatch
from assistant.web import build_app, create_pool


def test_every_event_draws_its_progress_in_the_status_line_only(tmp_path):
    demo = build_app(create_pool(library=str(tmp_path / "library")))
    config = demo.get_config_file()
    components = {component["id"]: component for component in config["components"]}
    (status,) = [number for number, component in components.items() if component["props"].get("elem_id") == "status"]
    drawn_on = set()
    for event in config["dependencies"]:
        visible = [number for number in event["outputs"]
                   if components[number]["type"] != "state" and components[number]["props"].get("visible", True) is not False]
        if event["show_progress"] == "hidden" or not visible:
            continue
        drawn_on.update(event["show_progress_on"] or visible)  # None: over every output
    assert drawn_on == {status}


def test_the_status_line_says_what_is_being_done_and_the_time_left():
    now = [0.0]
    watch = ProgressWatch(clock=lambda: now[0])
    assert watch.line() == ""
    watch(0, 420, "reading text in photos (OCR)")
    assert watch.line() == "reading text in photos (OCR): 0 of 420"  # no pace yet: no guess
    now[0] = 60.0
    watch(60, 420, "reading text in photos (OCR)")
    assert watch.line() == "reading text in photos (OCR): 60 of 420, about 6 min left"
    now[0] = 70.0
    watch(0, 10, "embedding photo words")  # a new step: its own pace
    now[0] = 80.0
    watch(5, 10, "embedding photo words")
    assert watch.line() == "embedding photo words: 5 of 10, about 10 s left"
    watch.finish()
    assert watch.line() == ""
