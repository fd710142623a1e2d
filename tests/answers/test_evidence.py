"""What an answer shows for what it counts: a photo of every moment, not the first few moments' photos."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.testing.library import photo_table


def swims(tmp_path_factory, days: int) -> tuple[Library, list[set[str]]]:
    """One morning a week of photos at home, with a three-photo swim in the middle of each; the swims' image ids."""
    times, captions = [], []
    for day in range(days):
        start = datetime(2019, 3, 4, 8) + timedelta(days=7 * day)
        for minute in range(0, 120, 10):
            times.append(start + timedelta(minutes=minute))
            captions.append("swimming in a pool" if 40 <= minute < 70 else "a kitchen table")
    table = photo_table(np.array(times, dtype="datetime64[s]"), caption=captions, semantic_name="Home", city="Dublin",
                        country="Ireland", country_code="IE", lat=53.35, lng=-6.26)
    folder = tmp_path_factory.mktemp(f"swims{days}") / "lib"
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    library = Library.open(folder)
    rows = np.flatnonzero(np.array(captions) == "swimming in a pool").reshape(days, 3)
    return library, [set(library.image_ids(day_rows)) for day_rows in rows]


@pytest.mark.parametrize("days, photos_each", [(7, 1), (2, 3)])
def test_a_count_shows_every_moment_it_counts(tmp_path_factory, days, photos_each):
    library, swim_ids = swims(tmp_path_factory, days)
    answer = answer_question(library, "How many times did I go swimming in 2019?")
    assert answer.value == days
    shown = [sum(image_id in swim for image_id in answer.evidence) for swim in swim_ids]
    assert shown == [photos_each] * days  # every swim, each as often: none left out for the first ones' extra photos
