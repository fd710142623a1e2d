"""The search engine on libraries with known answers (built through the real store code)."""

from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from assistant.library import Library
from assistant.indexing import commit_photo_table
from assistant.indexing.events import segment_events
from assistant.query import QueryContext, parse_query
from assistant.search import (
    EXACT_RESCORE, SearchError, SearchRequest, photos_around, prepare_scoring, search, similarity, stored_vectors,
)
from assistant.search import kernels
from assistant.search.kernels import KERNELS, choose_gathered_precision, choose_kernel, fastest
from assistant.search import stored as stored_module
from assistant.search.filters import admitted_rows
from assistant.search.scoring import TEXT_WEIGHT
from assistant.testing.library import photo_table
from conftest import mapped_bytes

DIM = 16
DUBLIN = (53.3498, -6.2603, "Dublin", "Ireland", "IE")
THESSALONIKI = (40.6401, 22.9444, "Thessaloniki", "Greece", "GR")


def unit(*weights):
    vector = np.zeros(DIM, np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def build(folder: Path, photos: list[dict]) -> Library:
    """photos: dicts with time, place (one of the tuples above), vector, and optional caption / name."""
    table = photo_table(
        [p["time"] for p in photos],
        lat=[p["place"][0] for p in photos], lng=[p["place"][1] for p in photos],
        city=[p["place"][2] for p in photos], country=[p["place"][3] for p in photos],
        country_code=[p["place"][4] for p in photos], semantic_name=[p.get("name", "") for p in photos],
        caption=[p.get("caption", "") for p in photos], time_approx=[p.get("time_approx", False) for p in photos],
    )
    vectors = np.stack([p["vector"] for p in photos]).astype(np.float16)
    commit_photo_table(folder, table, vectors, {}, model="test", photo_roots=[])
    return Library.open(folder)


def query(text, library):
    return parse_query(text, now=datetime(2020, 6, 30, 23, 0), places=library.places)


# The archive: 18 months, a photo at 04:00, 10:00, 16:00 and 22:00 daily; March, July and November in
# Thessaloniki, the other months in Dublin. Row i is ARCHIVE_TIMES[i] (rows are in time order).
ARCHIVE_TIMES = pd.date_range("2019-01-01 04:00", "2020-06-30 22:00", freq="6h")


def archive_place(time) -> tuple:
    return THESSALONIKI if time.month in (3, 7, 11) else DUBLIN


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    rng = np.random.default_rng(3)
    photos = [{"time": time, "place": archive_place(time), "vector": unit(*rng.normal(size=DIM))} for time in ARCHIVE_TIMES]
    return build(tmp_path_factory.mktemp("archive"), photos)


def archive_rows(month: str | None = None, city: str | None = None) -> list[int]:
    """The rows the archive holds for a year or month ("2019", "2019-04") and a city: the answer, from how it was built."""
    return [
        row for row, time in enumerate(ARCHIVE_TIMES)
        if (month is None or time.strftime("%Y-%m").startswith(month)) and (city is None or archive_place(time)[2] == city)
    ]


def test_filters_are_exact(archive):
    parsed = query("in 2019 in Dublin", archive)
    expected = archive_rows("2019", "Dublin")
    assert len(expected) == (365 - 31 - 31 - 30) * 4  # 2019 but March, July and November
    result = search(archive, None, SearchRequest(query=parsed, vector=unit(1), top_k=100_000, group_events=False))
    assert result.matched == len(expected)
    assert sorted(hit["row"] for hit in result.photos) == expected


def test_filtered_ranking_is_by_similarity(archive):
    target = archive.photos.index[(archive.photos["local_time"] >= "2019-04-10")][0]
    vector = np.asarray(archive.embeddings[target], np.float32)
    result = search(archive, None, SearchRequest(query=query("in April 2019", archive), vector=vector, top_k=5, group_events=False))
    assert result.photos[0]["row"] == target
    assert [hit["score"] for hit in result.photos] == sorted((hit["score"] for hit in result.photos), reverse=True)


def test_relaxation_hints_count_what_each_change_would_match(archive):
    parsed = query("in March 2019 in Dublin", archive)
    result = search(archive, None, SearchRequest(query=parsed, vector=unit(1)))
    assert result.matched == 0 and result.photos == []
    hints = {hint.label: hint.count for hint in result.hints}
    assert hints["without the place"] == len(archive_rows("2019-03")) == 31 * 4
    # 547 days, of which March (twice), July and November 2019 (123 days) were in Thessaloniki
    assert hints["without the time"] == len(archive_rows(city="Dublin")) == (547 - 123) * 4
    assert hints["with April 2019 instead of March 2019"] == len(archive_rows("2019-04", "Dublin")) == 30 * 4
    assert len(hints) == 4 and list(hints.values()) == sorted(hints.values(), reverse=True)
    # a hint carries the relaxed query, ready to run
    relaxed = next(hint for hint in result.hints if hint.label == "with April 2019 instead of March 2019")
    assert search(archive, None, SearchRequest(query=relaxed.query, vector=unit(1))).matched == hints["with April 2019 instead of March 2019"]


def test_no_hints_when_enough_matches(archive):
    result = search(archive, None, SearchRequest(query=query("in April 2019", archive), vector=unit(1)))
    assert result.hints == []


def test_events_group_near_identical_frames(tmp_path):
    coffee, desk, bus = unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)
    start = datetime(2019, 5, 10, 8, 0)
    photos = [{"time": start + pd.Timedelta(minutes=i), "place": DUBLIN, "vector": coffee} for i in range(20)]
    photos += [{"time": start + pd.Timedelta(minutes=40 + i), "place": DUBLIN, "vector": desk} for i in range(10)]
    photos += [{"time": start + pd.Timedelta(minutes=90 + i), "place": DUBLIN, "vector": unit(1, 0.1, 0)} for i in range(5)]
    photos += [{"time": start + pd.Timedelta(minutes=120 + i), "place": DUBLIN, "vector": bus} for i in range(5)]
    library = build(tmp_path, photos)
    result = search(library, None, SearchRequest(vector=coffee, top_k=3))
    assert len(result.events) == 3
    first, second = result.events[0], result.events[1]
    assert first["photo_count"] == 20 and first["start_time"] == "2019-05-10T08:00:00" and first["end_time"] == "2019-05-10T08:19:00"
    assert second["photo_count"] == 5  # the second coffee, separated by a gap
    assert len({hit["event_id"] for hit in result.photos[:20]}) == 1  # ungrouped results stay available
    # the third shows a desk or a bus, nothing like the coffee asked for: it is listed, but not as a match
    assert [event["matched"] for event in result.events] == [True, True, False]


NOWHERE = (np.nan, np.nan, "", "", "")


def test_a_moment_is_placed_where_most_of_its_named_photos_were(tmp_path):
    start = datetime(2019, 5, 10, 8, 0)
    moments = [  # (place, semantic names of its photos), hours apart: one moment each
        (DUBLIN, ["Office", "", "Cafe Nero", "", "Cafe Nero"]),  # the most frequent name, not the first
        (THESSALONIKI, ["", "", ""]),  # no name: the city
        (NOWHERE, ["", ""]),  # no place at all
    ]
    photos = [
        {"time": start + pd.Timedelta(hours=3 * moment, minutes=minute), "place": place, "name": name, "vector": unit(1)}
        for moment, (place, names) in enumerate(moments) for minute, name in enumerate(names)
    ]
    library = build(tmp_path, photos)
    events = np.unique(library.event_ids)
    assert len(events) == 3
    expected = ["Cafe Nero, Dublin", "Thessaloniki, Greece", ""]
    assert library.event_places(events[[2, 0, 2, 1]]) == [expected[2], expected[0], expected[2], expected[1]]  # several at once
    assert [Library.open(tmp_path).event_place(int(event)) for event in events] == expected  # one at a time
    assert sorted(event["place"] for event in search(library, None, SearchRequest(vector=unit(1))).events) == sorted(expected)
    assert library.record(len(photos) - 1)["lat"] is None and library.record(len(photos) - 1)["place"] == ""


def test_event_segmentation_on_a_known_day():
    minutes = list(range(0, 30)) + list(range(50, 70)) + list(range(70, 90)) + list(range(90, 110))
    times = [np.datetime64("2019-05-10T08:00") + np.timedelta64(m, "m") for m in minutes]
    names = ["Home"] * 30 + ["Office"] * 20 + ["Office"] * 20 + [""] * 20
    lat = [53.39] * 30 + [53.385] * 40 + [53.30] * 10 + [53.20] * 10  # walking off, then far away
    vectors = np.vstack([np.tile(unit(1, 0), (30, 1)), np.tile(unit(0, 1), (20, 1)), np.tile(unit(0, 0, 1), (20, 1)), np.tile(unit(0, 0, 0, 1), (20, 1))])
    table = photo_table(times, semantic_name=names, lat=lat, lng=[-6.25] * 90)
    events = segment_events(table, vectors.astype(np.float16))
    boundaries = [0] + [i for i in range(1, 90) if events[i] != events[i - 1]]
    # 30: time gap and a new place; 50: same place, clearly new scene; 70: unnamed place; 80: moved 11 km
    assert boundaries == [0, 30, 50, 70, 80]


def test_feedback_excludes_a_rejected_photo_and_sinks_its_near_duplicates(tmp_path):
    cup, near_cup, other = unit(1, 0.05), unit(1, 0.08), unit(0.7, 0.7)
    start = datetime(2019, 5, 10, 8, 0)
    photos = [{"time": start + pd.Timedelta(hours=i), "place": DUBLIN, "vector": vector} for i, vector in enumerate([cup, near_cup, near_cup, other, other])]
    library = build(tmp_path, photos)
    rejected = library.image_id(0)
    before = search(library, None, SearchRequest(vector=unit(1), top_k=5, group_events=False))
    assert [hit["row"] for hit in before.photos[:3]] == [0, 1, 2]
    after = search(library, None, SearchRequest(vector=unit(1), unlike_ids=(rejected,), top_k=5, group_events=False))
    assert rejected not in [hit["image_id"] for hit in after.photos]
    assert [hit["row"] for hit in after.photos[:2]] == [3, 4]  # the near-duplicates fell below


def test_more_like_these(tmp_path):
    a, b = unit(1, 0, 0), unit(0, 1, 0)
    start = datetime(2019, 5, 10, 8, 0)
    photos = [{"time": start + pd.Timedelta(hours=i), "place": DUBLIN, "vector": v} for i, v in enumerate([a, b, unit(0.1, 1, 0), unit(1, 0.1, 0)])]
    library = build(tmp_path, photos)
    result = search(library, None, SearchRequest(like_ids=(library.image_id(1),), top_k=4, group_events=False))
    assert [hit["row"] for hit in result.photos[:2]] == [1, 2]
    with pytest.raises(SearchError, match="no photo 'nope'"):
        search(library, None, SearchRequest(like_ids=("nope",)))


def test_after_x_ranks_the_moment_with_x_earlier_that_day(tmp_path):
    pub = unit(0, 0, 1)
    photos = []
    for day, had_coffee in ((10, False), (11, True)):
        if had_coffee:
            photos += [{"time": datetime(2019, 5, day, 9, m), "place": DUBLIN, "vector": unit(1), "caption": "a cup of coffee in a café"} for m in range(5)]
        photos += [{"time": datetime(2019, 5, day, 12, m), "place": DUBLIN, "vector": unit(0, 1), "caption": "a desk with a laptop"} for m in range(5)]
        photos += [{"time": datetime(2019, 5, day, 20, 0), "place": DUBLIN, "vector": pub, "caption": "pints in a pub"}]
    library = build(tmp_path, photos)
    parsed = query("pints in a pub after a coffee", library)
    assert parsed.preceded_by and "coffee" in parsed.preceded_by[0]
    result = search(library, None, SearchRequest(query=parsed, top_k=2, group_events=False))
    assert [hit["local_time"][:10] for hit in result.photos] == ["2019-05-11", "2019-05-10"]
    assert result.photos[0]["score"] > result.photos[1]["score"]


def test_caption_only_search_without_clip(tmp_path):
    start = datetime(2019, 5, 10, 8, 0)
    captions = ["a red bus on the street", "shelves of Omron monitors in a pharmacy", "a laptop on a desk"]
    photos = [{"time": start + pd.Timedelta(hours=i), "place": DUBLIN, "vector": unit(1, i), "caption": c} for i, c in enumerate(captions)]
    library = build(tmp_path, photos)
    result = search(library, None, SearchRequest(text="the pharmacy selling Omron devices", top_k=3, group_events=False))
    assert result.photos[0]["caption"] == captions[1]
    assert result.channels == ["text"]
    assert any("captions only" in notice for notice in result.notices)


def test_example_from_a_file_outside_the_library(tmp_path, tiny_encoder):
    from assistant.testing.photos import synthetic_photo

    images = [synthetic_photo(seed, (64, 48)) for seed in range(3)]
    vectors = tiny_encoder.encode_images(images)
    start = datetime(2019, 5, 10, 8, 0)
    library = build(tmp_path / "lib", [{"time": start + pd.Timedelta(hours=i), "place": DUBLIN, "vector": v} for i, v in enumerate(vectors)])
    outside = tmp_path / "outside.png"
    images[2].save(outside)
    result = search(library, tiny_encoder, SearchRequest(example_image=outside, top_k=1, group_events=False))
    assert result.photos[0]["row"] == 2
    with pytest.raises(SearchError, match="cannot read"):
        search(library, tiny_encoder, SearchRequest(example_image=tmp_path / "missing.png"))


def test_photos_around_a_photo(archive):
    image_id = archive.image_id(100)
    around = photos_around(archive, image_id, minutes=13 * 60)
    assert [record["row"] for record in around] == [98, 99, 100, 101, 102]  # photos 6 hours apart
    event = photos_around(archive, image_id, whole_event=True)
    assert all(record["event_id"] == archive.event_ids[100] for record in event)


def test_bad_requests(archive):
    with pytest.raises(SearchError, match="top_k"):
        search(archive, None, SearchRequest(vector=unit(1), top_k=0))
    # a photo to leave out that the library does not have is said, not silently ignored (a caption-only search too)
    for request in (SearchRequest(text="Dublin", exclude_ids=("20990101_000000_000",)), SearchRequest(text="Dublin", unlike_ids=("nope.jpg",))):
        with pytest.raises(SearchError, match="no photo"):
            search(archive, None, request)


@pytest.mark.parametrize("kernel", sorted(KERNELS))
def test_the_top_of_the_ranking_is_exact_whatever_the_kernel(tmp_path, kernel):
    from assistant.testing.library import write_synthetic_library

    library = Library.open(write_synthetic_library(tmp_path / "lib", 3 * EXACT_RESCORE, dim=64))
    prepare_scoring(library, kernel)
    assert stored_vectors(library).kernel.name == kernel
    stored = np.asarray(library.embeddings, dtype=np.float32)
    for seed in range(5):
        query = np.random.default_rng(seed).standard_normal(64).astype(np.float32)
        query /= np.linalg.norm(query)
        exact = stored @ query
        result = search(library, None, SearchRequest(vector=query, top_k=50, group_events=False))
        assert [hit["row"] for hit in result.photos] == list(np.argsort(-exact, kind="stable")[:50])
        scores = similarity(library, query)
        top = np.argsort(-exact)[:100]
        assert np.allclose(scores[top], exact[top], atol=1e-5)  # rescored exactly where it matters
        assert np.allclose(scores, exact, atol=0.02)  # and close everywhere else
        month = np.flatnonzero(library.photos["local_time"].dt.month.to_numpy() == 3)  # a filter: a subset of rows
        assert np.allclose(similarity(library, query, month)[np.argsort(-exact[month])[:20]], np.sort(exact[month])[::-1][:20], atol=1e-5)


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads resident pages from Linux's /proc")
def test_a_stored_vector_file_small_enough_is_kept_resident_whole_and_a_larger_one_is_let_go(tmp_path, monkeypatch):
    from assistant.testing.library import write_synthetic_library

    folder = write_synthetic_library(tmp_path / "lib", 3 * EXACT_RESCORE, dim=64)
    file_bytes = Library.open(folder).embeddings.nbytes
    kept = Library.open(folder)
    prepare_scoring(kept, "numpy-fp32").join()  # an in-memory kernel: the file is still read for exact rows
    assert mapped_bytes(kept.embeddings) >= file_bytes
    stored_module._release_pages(kept.embeddings)
    assert mapped_bytes(kept.embeddings) < file_bytes / 2
    prepare_scoring(kept, "numpy-fp32").join()  # sample and kernel already built: only the mapping reads the file
    assert mapped_bytes(kept.embeddings) >= file_bytes
    monkeypatch.setattr(stored_module, "RESIDENT_BYTES", file_bytes // 2)
    let_go = Library.open(folder)
    assert prepare_scoring(let_go, "numpy-fp32") is None
    assert mapped_bytes(let_go.embeddings) < file_bytes / 2


@pytest.mark.parametrize(
    "timings, expected",
    [
        ({"torch-fp16": 2.0, "torch-int8": 1.5, "torch-bf16": 6.3, "numpy-fp32": 5.2}, "torch-int8"),  # an AMD EPYC
        ({"torch-fp16": 2.0, "torch-bf16": 1.0, "torch-int8": 1.5}, "torch-bf16"),  # a CPU with AMX
        ({"torch-fp16": 2.0, "torch-bf16": 1.95}, "torch-fp16"),  # a copy that is hardly faster is not worth its memory
        ({}, "torch-fp16"),
    ],
)
def test_the_fastest_kernel_is_chosen_from_its_timing(timings, expected):
    assert fastest(timings) == expected


def test_the_kernel_choice_is_timed_once_per_machine(tmp_path, monkeypatch):
    choice_file = tmp_path / "cache" / "vector_kernel.json"
    monkeypatch.setattr(kernels, "time_kernels", lambda dim: {"torch-fp16": 2.0, "torch-int8": 1.0})
    assert choose_kernel(512, choice_file) == "torch-int8"

    def must_not_time(dim):
        raise AssertionError("timed again")

    monkeypatch.setattr(kernels, "time_kernels", must_not_time)
    assert choose_kernel(512, choice_file) == "torch-int8"  # remembered
    monkeypatch.setattr(kernels, "machine_key", lambda dim: "another CPU")
    monkeypatch.setattr(kernels, "time_kernels", lambda dim: {"torch-fp16": 2.0, "torch-bf16": 1.0})
    assert choose_kernel(512, choice_file) == "torch-bf16"  # another machine measures for itself


@pytest.mark.parametrize("timings, expected", [({"fp32": 20.0, "fp16": 4.0}, "fp16"), ({"fp32": 20.0, "fp16": 18.0}, "fp32"), ({"fp32": 20.0}, "fp32")])
def test_the_precision_of_gathered_rows_is_timed_once_per_machine(tmp_path, monkeypatch, timings, expected):
    choice_file = tmp_path / "cache" / "vector_kernel.json"
    monkeypatch.setattr(kernels, "time_gathered", lambda dim: timings)
    assert choose_gathered_precision(512, choice_file) == expected  # fp16 must be clearly faster: its best are rescored
    monkeypatch.setattr(kernels, "time_gathered", lambda dim: pytest.fail("timed again"))
    assert choose_gathered_precision(512, choice_file) == expected


@pytest.mark.parametrize("order", ["ascending", "shuffled", "a run"])
def test_many_gathered_rows_scored_in_fp16_are_float32_exact_at_the_top(monkeypatch, order):
    import torch  # noqa: F401  (fp16 gathering is for a process that already loaded torch, as the app's CLIP did)

    monkeypatch.setattr(stored_module, "choose_gathered_precision", lambda dim: "fp16")
    rng = np.random.default_rng(4)
    vectors = rng.standard_normal((60_000, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    stored = vectors.astype(np.float16)
    rows = {"ascending": np.sort(rng.choice(60_000, 20_000, replace=False)), "a run": np.arange(5_000, 25_000),
            "shuffled": rng.permutation(60_000)[:20_000]}[order]
    query = vectors[rows[7]]
    scores = stored_module.StoredVectors(stored, np.ones(60_000, bool)).exact(query, rows)
    float32 = stored[rows].astype(np.float32) @ query
    best = np.argsort(-float32)[:100]
    assert np.allclose(scores[best], float32[best], atol=1e-6)  # the top (well inside the rescored best): float32
    assert np.abs(scores - float32).max() < 2e-3  # the rest: fp16 dot products, close enough for statistics
    assert not np.allclose(scores, float32, atol=1e-6)  # (and they were fp16: this test would not notice otherwise)


def captioned_library(folder: Path, captions: list[str]) -> Library:
    """One photo per caption, each an hour apart (so each is its own moment), all in Dublin, no CLIP model."""
    start = datetime(2019, 5, 10, 8, 0)
    photos = [{"time": start + pd.Timedelta(hours=i), "place": DUBLIN, "vector": unit(1), "caption": caption} for i, caption in enumerate(captions)]
    return build(folder, photos)


def test_a_caption_sharing_one_word_earns_a_fraction_of_the_text_weight(tmp_path):
    description = "a red double-decker bus in the rain"  # five words that count: red, double, decker, bus, rain
    others = ["a cup of coffee on a desk", "a shop front with a green awning", "a pharmacy counter"]
    library = captioned_library(tmp_path / "partial", ["a wet street in the rain"] + others)
    result = search(library, None, SearchRequest(text=description, top_k=4, group_events=False))
    wet_street = next(hit for hit in result.photos if hit["caption"] == "a wet street in the rain")
    assert 0 < wet_street["score"] < TEXT_WEIGHT / 4  # one word of five: a fraction, though it is the best caption here
    library = captioned_library(tmp_path / "full", ["a red double-decker bus in the rain"] + others)
    result = search(library, None, SearchRequest(text=description, top_k=1, group_events=False))
    assert result.photos[0]["score"] >= 0.9 * TEXT_WEIGHT  # every word: the full weight


def test_moments_that_only_pass_the_filters_come_after_the_matches(tmp_path):
    captions = ["a red bus at a stop", "a cup of coffee on a desk", "a shop front with a green awning", "a pharmacy counter",
                "coffee and a croissant", "a bus driver", "a laptop on a table"]
    library = captioned_library(tmp_path, captions)
    result = search(library, None, SearchRequest(text="coffee in Dublin", top_k=10))
    assert result.matched == len(captions)  # all seven pass the place filter
    assert sorted(event["best"]["caption"] for event in result.events if event["matched"]) == ["a cup of coffee on a desk", "coffee and a croissant"]
    assert [event["matched"] for event in result.events] == [True, True] + [False] * 5  # the matches first, then the rest


def test_without_a_description_every_moment_that_passes_the_filters_is_asked_for(archive):
    result = search(archive, None, SearchRequest(query=query("in April 2019", archive), top_k=5))
    assert len(result.events) == 5 and all(event["matched"] for event in result.events)


def test_reading_stored_rows_keeps_them_in_the_order_asked(archive):
    rows = [5, 2, 9, 2]
    assert np.array_equal(stored_vectors(archive).rows(rows), np.asarray(archive.embeddings[rows], dtype=np.float32))
    assert [record["row"] for record in archive.records(rows)] == rows and archive.record(9) == archive.records([9])[0]


def test_recurring_phrases_are_compared_over_the_librarys_own_years(archive):
    # The archive holds 2019-01 to 2020-06, when Easter fell in April: "at Easter, in March" can only mean either.
    parsed = QueryContext.of(archive).parse("At Easter, in March")
    assert [term.label for term in parsed.time.terms] == ["Easter or March"]


def test_a_negated_thing_with_no_label_index_leaves_every_photo_in(archive):
    # A query parsed with labels this library lacks (it was never tagged): no photo is known to show a dog,
    # so "not with a dog" removes nothing, while "with a dog" can find nothing for sure.
    in_thessaloniki = int((archive.photos["city"] == "Thessaloniki").sum())
    negated = parse_query("not with a dog in Thessaloniki", now=datetime(2020, 6, 30), places=archive.places, concepts=["dog"])
    required = parse_query("with a dog in Thessaloniki", now=datetime(2020, 6, 30), places=archive.places, concepts=["dog"])
    assert [concept.negated for concept in negated.concepts] == [True] and [concept.negated for concept in required.concepts] == [False]
    assert search(archive, None, SearchRequest(query=negated)).matched == in_thessaloniki > 0
    assert search(archive, None, SearchRequest(query=required)).matched == 0


def test_matched_events_are_listed_before_better_scored_ones_that_only_pass_the_filters(tmp_path):
    from assistant.search.events import group_events

    library = captioned_library(tmp_path, ["a bus", "a coffee", "a shop", "a coffee cup"])  # one moment each
    rows = np.arange(4)
    scores = np.array([3.0, 2.0, 1.0, 0.5], np.float32)  # e.g. a bonus lifted the bus above the coffees
    described = np.array([False, True, False, True])
    events = group_events(library, rows, scores, np.argsort(-scores), 4, described)
    assert [event["best"]["caption"] for event in events] == ["a coffee", "a coffee cup", "a bus", "a shop"]
    assert [event["matched"] for event in events] == [True, True, False, False]


def test_the_example_comes_first_and_counts_as_a_match_however_far_from_the_rest(tmp_path):
    start = datetime(2019, 5, 10, 8, 0)
    photos = [{"time": start + pd.Timedelta(hours=i), "place": DUBLIN, "vector": unit(1, 0)} for i in range(30)]
    photos.append({"time": start + pd.Timedelta(hours=30), "place": DUBLIN, "vector": unit(0, 1)})  # the example: unlike the rest
    library = build(tmp_path, photos)
    example = library.image_id(30)
    # a vector and a liked photo both pull towards the rest: the example ends far below the best by CLIP
    request = SearchRequest(vector=unit(1, 0), like_ids=(library.image_id(0),), example_id=example, top_k=5)
    result = search(library, None, request)
    assert result.events[0]["best"]["image_id"] == example and result.events[0]["matched"]


def test_photos_with_approximate_times_are_kept_by_a_time_filter_but_rank_lower(tmp_path):
    coffee = unit(1, 0.2)
    photos = [
        {"time": datetime(2019, 3, 5, 9), "place": DUBLIN, "vector": coffee, "caption": "a cup of coffee"},
        {"time": datetime(2019, 3, 6, 9), "place": DUBLIN, "vector": unit(0, 1), "caption": "a bus stop"},
        # the camera's clock was unset: a file date in June, so March cannot be ruled out
        {"time": datetime(2019, 6, 1, 9), "place": DUBLIN, "vector": coffee, "caption": "a cup of coffee", "time_approx": True},
        {"time": datetime(2019, 6, 2, 9), "place": DUBLIN, "vector": coffee, "caption": "a cup of coffee"},  # known: June
        {"time": datetime(2019, 6, 3, 9), "place": THESSALONIKI, "vector": coffee, "caption": "a cup of coffee", "time_approx": True},
    ]
    library = build(tmp_path, photos)
    ids = list(library.photos["image_id"])
    result = search(library, None, SearchRequest(text="coffee in Dublin in March 2019", group_events=False))
    assert [hit["image_id"] for hit in result.photos] == [ids[0], ids[2], ids[1]]  # the known March coffee first
    assert result.matched == 2 and [hit["time_approx"] for hit in result.photos] == [False, True, False]
    assert any("approximate times" in notice for notice in result.notices)
    # without a time filter nothing is uncertain: the two Dublin coffees tie and nothing is said
    untimed = search(library, None, SearchRequest(text="coffee in Dublin", group_events=False))
    assert {hit["image_id"] for hit in untimed.photos[:3]} == {ids[0], ids[2], ids[3]}
    assert not any("approximate times" in notice for notice in untimed.notices)


def test_a_querys_mean_and_spread_over_the_library_sample_are_those_of_its_sampled_cosines():
    """Read off the sample's moments (no row scored per query), they are the mean and standard deviation of the
    query's cosines with the sampled rows: those that hold an embedding, evenly spaced."""
    rng = np.random.default_rng(6)
    vectors = rng.standard_normal((30_000, 64)).astype(np.float32) + 0.3  # not centred: the mean matters
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    embedded = rng.random(30_000) > 0.2
    stored = stored_module.StoredVectors(vectors.astype(np.float16), embedded)
    sampled = stored.sample_rows()
    assert embedded[sampled].all() and len(sampled) >= stored_module.SPREAD_SAMPLE
    for seed in range(3):
        query = vectors[seed * 1000]
        cosines = vectors.astype(np.float16).astype(np.float32)[sampled] @ query
        mean, spread = stored.sample_statistics(query)
        assert mean == pytest.approx(float(cosines.mean()), abs=1e-6)
        assert spread == pytest.approx(float(cosines.std()), rel=1e-4)
        for within in (np.arange(5_000, 25_000), np.arange(100, 3_000)):  # most of the library's sample; too little of it
            rows = stored.sample_rows(within)
            assert rows.min() >= within[0] and rows.max() <= within[-1] and embedded[rows].all()
            cosines = vectors.astype(np.float16).astype(np.float32)[rows] @ query
            assert stored.sample_statistics(query, within) == pytest.approx((cosines.mean(), cosines.std()), rel=1e-4)
    assert stored_module.StoredVectors(vectors.astype(np.float16), np.zeros(30_000, bool)).sample_statistics(query) is None


def test_a_filter_is_found_once_per_library_and_a_new_generation_finds_its_own(tmp_path):
    """The rows a time and place admit are kept for the searches that repeat them (read-only, as they are
    shared); a library's next generation, opened anew, finds its own rows and its own sample statistics."""
    march = [datetime(2019, 3, day, 10) for day in (3, 4, 5)]
    first = build(tmp_path / "lib", [{"time": time, "place": DUBLIN, "vector": unit(1, 0)} for time in march])
    remembered = admitted_rows(first, query("in March 2019 in Dublin", first))
    assert remembered.tolist() == [0, 1, 2]
    assert admitted_rows(first, query("in March 2019 in Dublin", first)) is remembered  # not found again
    with pytest.raises(ValueError):
        remembered[0] = 2
    assert admitted_rows(first, query("in April 2019 in Dublin", first)).tolist() == []
    prepare_scoring(first)
    later = march + [datetime(2019, 3, 20, 10), datetime(2019, 4, 1, 10)]
    vectors = [unit(1, 0), unit(1, 0), unit(1, 0), unit(0, 1), unit(1, 1)]
    second = build(tmp_path / "lib", [{"time": time, "place": DUBLIN, "vector": vector} for time, vector in zip(later, vectors)])
    assert second.manifest.generation > first.manifest.generation
    assert admitted_rows(second, query("in March 2019 in Dublin", second)).tolist() == [0, 1, 2, 3]
    assert stored_vectors(first).sample_statistics(unit(1, 0)) == pytest.approx((1.0, 0.0), abs=1e-3)
    cosines = np.array([1, 1, 1, 0, 0.5 ** 0.5])  # the new generation's own photos (every one sampled)
    assert stored_vectors(second).sample_statistics(unit(1, 0)) == pytest.approx((cosines.mean(), cosines.std()), abs=1e-3)


def fp16_scored_vectors(monkeypatch, seed: int) -> tuple[np.ndarray, np.ndarray, "stored_module.StoredVectors"]:
    """40,000 random unit vectors, stored in fp16, whose many gathered rows are scored in fp16 by torch (as in the app)."""
    import torch  # noqa: F401

    monkeypatch.setattr(stored_module, "choose_gathered_precision", lambda dim: "fp16")
    vectors = np.random.default_rng(seed).standard_normal((40_000, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    stored = vectors.astype(np.float16)
    return vectors, stored, stored_module.StoredVectors(stored, np.ones(40_000, bool))


def test_rows_asked_for_once_are_scored_a_chunk_at_a_time_and_kept_from_the_second_time(monkeypatch):
    vectors, stored, owner = fp16_scored_vectors(monkeypatch, 6)
    rng = np.random.default_rng(6)
    rows = np.sort(rng.choice(40_000, 3 * stored_module.SCORED_CHUNK + 123, replace=False))  # chunks, the last one short
    query = vectors[rows[-5]]
    first = owner.exact(query, rows)
    assert not owner._kept_gathered  # asked for once: nothing gathered whole, nothing kept
    second = owner.exact(query, rows)
    assert len(owner._kept_gathered) == 1  # asked for again: gathered whole and kept for the next time
    np.testing.assert_array_equal(first, second)  # each row's score is the same however the rows were read
    np.testing.assert_array_equal(second, owner.exact(query, rows))
    assert np.abs(first - stored[rows].astype(np.float32) @ query).max() < 2e-3
    assert first[-5] == pytest.approx(1.0, abs=1e-3) and np.argmax(first) == len(rows) - 5


def test_gathered_rows_kept_for_the_next_query_are_only_reused_for_the_same_rows(monkeypatch):
    vectors, stored, owner = fp16_scored_vectors(monkeypatch, 5)
    rows = np.arange(0, 40_000, 3)
    shifted = rows.copy()
    shifted[1:-1] += 1  # as many rows, the same first, middle and last: asked apart, they must be read apart
    shifted[len(rows) // 2] = rows[len(rows) // 2]
    for asked in (rows, shifted, rows, shifted):
        query = vectors[asked[5]]
        scores = owner.exact(query, asked)
        assert np.abs(scores - stored[asked].astype(np.float32) @ query).max() < 2e-3
        assert scores[5] == pytest.approx(1.0, abs=1e-3)
