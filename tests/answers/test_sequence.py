"""A question's "after X" and "before Y": the moments soon after (or before) X the same day, never the other side."""

from __future__ import annotations

import numpy as np

from assistant.answers.visits import following, preceding
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.testing.library import photo_table

# One day: coffee at 9:00, the gym at 10:00, lunch at 11:00, coffee again at 20:00; and coffee the next morning.
TIMES = ["2019-03-04T09:00", "2019-03-04T10:00", "2019-03-04T11:00", "2019-03-04T20:00", "2019-03-05T09:00"]


def test_following_is_soon_after_and_preceding_soon_before_the_same_day(tmp_path):
    folder = tmp_path / "lib"
    commit_photo_table(folder, photo_table(np.array(TIMES, dtype="datetime64[s]")), None, {}, model=None, photo_roots=[])
    library = Library.open(folder)
    coffee, gym, lunch = np.array([0, 3, 4]), np.array([1]), np.array([2])
    everything = np.arange(len(TIMES))
    assert following(library, everything, gym).tolist() == [2]  # lunch, an hour after; not the evening's coffee
    assert preceding(library, everything, gym).tolist() == [0]  # the morning's coffee, an hour before
    assert following(library, coffee, lunch).tolist() == []  # 20:00 is too long after, the next day another day
    assert preceding(library, everything, np.array([4])).tolist() == []  # nothing that day before the second coffee
    assert following(library, everything, np.array([], dtype=np.int64)).tolist() == []
