"""Search with a told sequence and with a time anchored to a trip: the in-order moment ranks first, the found
trip's dates filter, and an event not found says so and searches everything."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.query import QueryContext
from assistant.search import SearchRequest, search
from assistant.testing.library import photo_table

DUBLIN = (53.3498, -6.2603, "Dublin", "Ireland", "IE")
TOKYO = (35.6762, 139.6503, "Tokyo", "Japan", "JP")


def build(folder: Path, photos: list[tuple[datetime, tuple, str]]) -> Library:
    """photos: (local time, place, caption), without CLIP: the captions carry the words."""
    photos = sorted(photos)
    table = photo_table(
        [time for time, _, _ in photos], lat=[place[0] for _, place, _ in photos], lng=[place[1] for _, place, _ in photos],
        city=[place[2] for _, place, _ in photos], country=[place[3] for _, place, _ in photos],
        country_code=[place[4] for _, place, _ in photos], caption=[caption for _, _, caption in photos],
    )
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def test_the_parts_in_the_order_told_beat_the_same_parts_out_of_order(tmp_path):
    photos = []
    for day, bus_after in ((3, False), (4, True), (5, False)):
        coffee = datetime(2019, 5, day, 10, 0)
        bus = coffee + (timedelta(minutes=40) if bus_after else -timedelta(minutes=40))
        photos += [(coffee + timedelta(minutes=m), DUBLIN, "a cup of coffee in a café") for m in (0, 5, 10)]
        photos += [(bus + timedelta(minutes=m), DUBLIN, "a red bus to the airport") for m in (0, 5)]
    photos += [(datetime(2019, 5, 6, 10, 0), DUBLIN, "a cup of coffee in a café"),  # the bus three hours later: too late
               (datetime(2019, 5, 6, 13, 0), DUBLIN, "a red bus to the airport")]
    library = build(tmp_path, photos)
    query = QueryContext.of(library).parse("a coffee in a café, then the bus to the airport")
    assert query.followed_by == ("the bus to the airport",)
    result = search(library, None, SearchRequest(query=query, top_k=3, group_events=False))
    shown = [hit["local_time"][:10] for hit in result.photos]
    assert shown == ["2019-05-04"] * 3 and all("coffee" in hit["caption"] for hit in result.photos)
    widened = QueryContext.of(library).parse("a coffee in a café, and later that day the bus to the airport")
    later = search(library, None, SearchRequest(query=widened, top_k=4, group_events=False))
    assert {hit["local_time"][:10] for hit in later.photos} == {"2019-05-04", "2019-05-06"}


def _life_with_a_trip(folder: Path) -> Library:
    """Home in Dublin with sushi now and then, and a trip to Tokyo from 4 to 8 May 2019."""
    photos = []
    day = datetime(2019, 3, 1)
    while day < datetime(2019, 7, 1):
        trip = datetime(2019, 5, 4) <= day <= datetime(2019, 5, 8)
        place = TOKYO if trip else DUBLIN
        photos += [(day + timedelta(hours=hour), place, "a street") for hour in (9, 13, 22)]
        if day.day % 9 == 0 or trip:
            photos.append((day + timedelta(hours=19), place, "a plate of sushi"))
        day += timedelta(days=1)
    return build(folder, photos)


def test_an_anchored_time_filters_by_the_found_trips_dates(tmp_path):
    library = _life_with_a_trip(tmp_path)
    query = QueryContext.of(library).parse("sushi the week before my trip to Japan")
    assert query.time.terms[0].label == "the week before my trip to Japan: trip to Tokyo, Japan 4–8 May 2019 → 27 Apr – 3 May 2019"
    result = search(library, None, SearchRequest(query=query, top_k=5, group_events=False))
    assert [hit["local_time"][:10] for hit in result.photos if "sushi" in hit["caption"]] == ["2019-04-27"]
    assert result.notices == []
    during = search(library, None, SearchRequest(text="sushi when I was in Japan", top_k=5, group_events=False))
    assert sorted(hit["local_time"][:10] for hit in during.photos) == [f"2019-05-0{day}" for day in range(4, 9)]


def test_an_event_not_found_is_said_and_the_rest_of_the_memory_is_searched(tmp_path):
    library = _life_with_a_trip(tmp_path)
    result = search(library, None, SearchRequest(text="sushi before my trip to Rome", top_k=40, group_events=False))
    assert "I found no trip to Rome; searching all dates" in result.notices
    assert result.query.unfound_events == ("trip to Rome",) and not result.query.time.terms
    assert np.all(["sushi" in hit["caption"] for hit in result.photos[:10]])


@pytest.mark.parametrize("memory", [
    "Sushi in der Woche vor meiner Reise nach Japan",
    "des sushis la semaine avant mon voyage au Japon",
    "sushi la semana antes de mi viaje a Japón",
    "sushi prima del mio viaggio in Giappone",
    "sushi antes da minha viagem ao Japão",
    "σούσι πριν το ταξίδι μου στην Ιαπωνία",
])
def test_a_time_anchored_to_a_trip_in_the_users_language(tmp_path, memory):
    """The trip is named in the memory's own language; its dates are the library's own, found as in English."""
    query = QueryContext.of(_life_with_a_trip(tmp_path)).parse(memory)
    assert not query.unfound_events and len(query.time.terms) == 1
    assert "trip to Tokyo, Japan 4–8 May 2019" in query.time.terms[0].label
