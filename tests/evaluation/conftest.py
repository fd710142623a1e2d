"""A tiny library of three unmistakable events (hours apart, at three places) for judging under tolerances."""

import numpy as np
import pytest

from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.testing import photo_table

CLUSTERS = {
    "cafe": ["2019-05-10T09:00:00", "2019-05-10T09:02:00", "2019-05-10T09:04:00", "2019-05-10T09:06:00"],
    "office": ["2019-05-10T12:00:00", "2019-05-10T12:03:00", "2019-05-10T12:06:00"],
    "pub": ["2019-05-10T18:00:00", "2019-05-10T18:10:00"],
}
PLACES = {"cafe": (53.3421, -6.2597), "office": (53.3855, -6.2569), "pub": (53.3448, -6.2764)}


@pytest.fixture(scope="module")
def three_events(tmp_path_factory) -> Library:
    times = [time for stamps in CLUSTERS.values() for time in stamps]
    place = [name for name, stamps in CLUSTERS.items() for _ in stamps]
    table = photo_table(
        np.array(times, dtype="datetime64[s]"), lat=[PLACES[p][0] for p in place], lng=[PLACES[p][1] for p in place],
        semantic_name=place, city="Dublin", country="Ireland", country_code="IE",
    )
    folder = tmp_path_factory.mktemp("three_events")
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    library = Library.open(folder)
    # the premise of every expected figure: one event per cluster
    events = library.event_ids
    assert [len(set(events[i : i + len(s)])) for i, s in zip((0, 4, 7), CLUSTERS.values())] == [1, 1, 1]
    assert len(set(events)) == 3
    return library


@pytest.fixture(scope="module")
def photo(three_events):
    """photo(cluster, index): the image id of the index-th photo of a cluster."""
    offsets = {"cafe": 0, "office": 4, "pub": 7}
    return lambda cluster, index: three_events.image_id(offsets[cluster] + index)
