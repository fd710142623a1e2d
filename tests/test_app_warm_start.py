"""The app reads a first message before anyone sends one: the world's towns and regions (and the date reader's
patterns) load with the library, not on the first visitor's turn; the cities' names in other languages are built
behind it."""

from __future__ import annotations

import threading

import numpy as np

from assistant.indexing import commit_photo_table
from assistant.query import gazetteer as gazetteer_module
from assistant.query.gazetteer import world_gazetteer
from assistant.testing.library import photo_table
from assistant.web import create_pool


def test_the_question_reader_is_ready_when_the_library_is(tmp_path, monkeypatch):
    times = np.array(["2019-03-05T09:00", "2019-03-05T18:00"], dtype="datetime64[s]")
    table = photo_table(times, caption=["coffee at the desk", "dinner out"])
    commit_photo_table(tmp_path / "lib", table, None, {}, model=None, photo_roots=[])
    gazetteer = world_gazetteer()
    monkeypatch.setattr(gazetteer, "_towns", None)  # as in a fresh process: the towns not read yet
    monkeypatch.setattr(gazetteer, "_regions", None)
    gazetteer_module._foreign_city_names.cache_clear()  # and no other language's names built
    create_pool(library=str(tmp_path / "lib"), model=str(tmp_path / "no-model")).assistant()
    assert gazetteer._towns is not None and gazetteer.towns_named("clifden")
    building = next(thread for thread in threading.enumerate() if thread.name == "foreign-names")  # behind, not in the way
    building.join(timeout=120)
    assert gazetteer_module._foreign_city_names.cache_info().currsize == 1
