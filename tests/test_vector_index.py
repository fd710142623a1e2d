"""The approximate vector index of a large library: built into its generation, finds the exact top k among
its candidates (with and without a filter), refused when damaged, rebuilt by --repair, resumable."""

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from assistant.indexing import IndexOptions, commit_photo_table, index_photos
from assistant.indexing import vector_index as building
from assistant.library import Library, LibraryDamaged
from assistant.library import vector_index as reading
from assistant.testing.library import lifelog_queries, lifelog_vectors, photo_table, write_synthetic_library
from conftest import mapped_bytes, write_lsc_source

ROOT = Path(__file__).resolve().parents[1]
K = 100


@pytest.fixture(scope="module")
def lifelog_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ann") / "lib"
    return Library.open(write_synthetic_library(folder, 6000, dim=64, vectors="lifelog", vector_index="always"))


def manifest(folder):
    return json.loads((Path(folder) / "library.json").read_text())


def exact_top(library, query, rows, k=K):
    scores = np.asarray(library.embeddings[rows], dtype=np.float32) @ query
    return set(rows[np.argsort(-scores)[:k]].tolist())


def test_the_index_is_a_file_of_the_generation_listed_with_its_facts(lifelog_library):
    facts = manifest(lifelog_library.folder)["vector_index"]
    path = lifelog_library.folder / facts["file"]
    assert facts["file"] == manifest(lifelog_library.folder)["files"]["vector_index"]
    assert path.stat().st_size == facts["bytes"]
    assert facts["rows"] == 6000 and facts["dim"] == 64
    assert lifelog_library.vector_index.kind == f"faiss-{facts['factory']}" and lifelog_library.vector_index.kind.startswith("faiss-IVF")


@pytest.mark.parametrize("allowed", ["all", "a month (contiguous rows)", "a fifth (scattered runs)"])
def test_candidates_hold_the_exact_top_k(lifelog_library, monkeypatch, allowed):
    for cost in ("SCANNED_PER_GATHERED_ROW", "SCANNED_PER_CONTIGUOUS_ROW"):  # a filter goes through the index
        monkeypatch.setattr(reading, cost, 10**9)
    n = len(lifelog_library)
    rows = {
        "all": None,
        "a month (contiguous rows)": np.arange(n // 3, n // 3 + n // 12, dtype=np.int64),
        "a fifth (scattered runs)": np.flatnonzero(np.repeat(np.random.default_rng(2).random(n // 40) < 0.2, 40)),
    }[allowed]
    queries = lifelog_queries(lifelog_library.embeddings if rows is None else lifelog_library.embeddings[rows], 20)
    k = 20  # k x the index's oversampling (20) candidates: fewer than a month's 500 photos here
    recall = []
    for query in queries:
        candidates = lifelog_library.vector_index.candidates(query, k, rows)
        assert candidates.dtype == np.int64 and len(np.unique(candidates)) == len(candidates)
        assert len(candidates) < (n if rows is None else len(rows))  # it narrowed the search
        if rows is not None:
            assert np.isin(candidates, rows).all()
        truth = exact_top(lifelog_library, query, np.arange(n) if rows is None else rows, k)
        recall.append(len(truth & set(candidates.tolist())) / k)
    assert np.mean(recall) >= 0.98


@pytest.mark.parametrize("allowed", ["all", "a fifth (scattered runs)"])
def test_lists_scanned_on_every_core_give_what_one_faiss_search_gives(lifelog_library, allowed):
    import faiss

    index = lifelog_library.vector_index
    rows = None if allowed == "all" else np.flatnonzero(np.repeat(np.random.default_rng(2).random(150) < 0.2, 40))
    for query in lifelog_queries(lifelog_library.embeddings, 5):
        found = index.candidates(query, 5, rows)
        # a fifth of the photos allowed: the filtered search probes 5 x 2 times as many lists, here all of them
        nprobe = index.nprobe if rows is None else min(index.nlist, 10 * index.nprobe)
        params = faiss.SearchParametersIVF(nprobe=nprobe, sel=None if rows is None else faiss.IDSelectorBatch(rows))
        _, expected = index._index.search(query[None, :].astype(np.float32), 5 * index.oversample, params=params)
        assert len(found) == 5 * index.oversample and set(found.tolist()) == set(expected[0].tolist())
        scores = np.asarray(lifelog_library.embeddings[found], dtype=np.float32) @ query
        assert np.corrcoef(scores, -np.arange(len(found)))[0, 1] > 0.5  # best first (by 8-bit codes)


def test_near_only_probes_the_lists_an_unfiltered_search_would(lifelog_library):
    """Asking only whether allowed rows rank with the library's best (near misses), a filter's rows are looked for
    in the query's usual lists, not in the 2/share times as many that the filter's own best would need."""
    import faiss

    index = lifelog_library.vector_index
    rows = np.flatnonzero(np.repeat(np.random.default_rng(2).random(150) < 0.2, 40))
    widened = []
    for query in lifelog_queries(lifelog_library.embeddings, 5):
        found = set(index.candidates(query, 5, rows, near_only=True).tolist())
        params = faiss.SearchParametersIVF(nprobe=index.nprobe, sel=faiss.IDSelectorBatch(rows))
        _, expected = index._index.search(query[None, :].astype(np.float32), 5 * index.oversample, params=params)
        assert found == set(expected[0][expected[0] >= 0].tolist())
        widened.append(found != set(index.candidates(query, 5, rows).tolist()))
    assert any(widened)  # the filter's own search looks further, and finds other rows


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads resident pages from Linux's /proc")
def test_an_index_small_enough_has_its_lists_mapped_when_prepared_for_searching(lifelog_library, monkeypatch):
    """A fresh query's lists are then found mapped, not faulted in page by page while it waits."""
    import faiss

    from assistant.search import prepare_scoring, stored

    def first_list_codes(library):
        lists = library.vector_index._ivf.invlists
        first = next(number for number in range(library.vector_index.nlist) if lists.list_size(number))
        return faiss.rev_swig_ptr(lists.get_codes(first), 1)  # a view of the index's own memory map

    kept = Library.open(lifelog_library.folder)
    file_bytes = kept.vector_index.file_bytes
    assert mapped_bytes(first_list_codes(kept)) < file_bytes / 2
    prepare_scoring(kept).join()
    assert mapped_bytes(first_list_codes(kept)) >= 0.8 * file_bytes
    monkeypatch.setattr(stored, "RESIDENT_BYTES", file_bytes // 2)  # a larger index than may stay resident: left alone
    let_go = Library.open(lifelog_library.folder)
    mapping = prepare_scoring(let_go)
    if mapping is not None:  # the stored vectors may still be kept whole
        mapping.join()
    assert mapped_bytes(first_list_codes(let_go)) < file_bytes / 2


@pytest.mark.parametrize("contiguous", [True, False])
def test_few_allowed_rows_come_back_as_they_are_to_be_scored_exactly(lifelog_library, contiguous):
    rows = np.arange(1000, 1300, dtype=np.int64) if contiguous else np.arange(100, 1000, 3, dtype=np.int64)
    query = lifelog_queries(lifelog_library.embeddings, 1)[0]
    assert np.array_equal(lifelog_library.vector_index.candidates(query, K, rows), rows)
    many = np.arange(0, len(lifelog_library), 1 if contiguous else 2, dtype=np.int64)
    assert len(lifelog_library.vector_index.candidates(query, K, many)) < len(many)  # these are searched


def test_rows_without_an_embedding_are_not_in_the_index(tmp_path):
    n = 3000
    table = photo_table(np.datetime64("2020-01-01T08:00:00") + np.arange(n).astype("timedelta64[m]"))
    table["embedded"] = np.arange(n) % 3 != 0
    vectors = next(lifelog_vectors(n, 32)).astype(np.float16)
    vectors[~table["embedded"].to_numpy()] = 0
    commit_photo_table(tmp_path / "lib", table, vectors, {}, model="synthetic", photo_roots=[], vector_index="always")
    library = Library.open(tmp_path / "lib")
    assert manifest(library.folder)["vector_index"]["rows"] == 2000
    candidates = library.vector_index.candidates(np.ones(32, np.float32) / np.sqrt(32), 500)
    assert len(candidates) and (candidates % 3 != 0).all()


def test_a_small_library_stays_exact_until_it_passes_the_threshold(tmp_path, tiny_encoder, monkeypatch):
    source = write_lsc_source(tmp_path, 30)
    index_photos(tmp_path / "lib", source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    assert Library.open(tmp_path / "lib").vector_index is None
    monkeypatch.setattr(building, "BUILD_FROM", 30)
    monkeypatch.setattr(building, "USELESS_PROBE_SHARE", 1.0)  # 30 photos make one list, which every query probes
    report = index_photos(tmp_path / "lib", source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    assert report.unchanged == 30 and report.added == 0  # no new photos, and still the index is built
    assert Library.open(tmp_path / "lib").vector_index.rows == 30
    index_photos(tmp_path / "lib", source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", vector_index="never"))
    assert Library.open(tmp_path / "lib").vector_index is None


def test_a_damaged_index_is_refused_then_rebuilt_by_repair(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 30)
    folder = tmp_path / "lib"
    index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", vector_index="always"))
    path = folder / manifest(folder)["vector_index"]["file"]
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(LibraryDamaged, match="vector index.*truncated.*--repair"):
        Library.open(folder)
    with pytest.raises(LibraryDamaged, match="--repair"):
        index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", vector_index="always"))
    report = index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", vector_index="always", repair=True))
    assert any("vector index is built again" in note for note in report.repairs), report.repairs
    assert Library.open(folder).vector_index.rows == 30


def test_an_index_file_that_does_not_fit_the_library_is_refused(lifelog_library, tmp_path):
    folder = tmp_path / "lib"
    write_synthetic_library(folder, 3000, dim=64, vector_index="always")
    other = manifest(folder)
    own = folder / other["vector_index"]["file"]
    own.write_bytes((lifelog_library.folder / manifest(lifelog_library.folder)["vector_index"]["file"]).read_bytes())
    other["vector_index"]["bytes"] = own.stat().st_size  # same size as recorded: only the contents disagree
    (folder / "library.json").write_text(json.dumps(other))
    with pytest.raises(LibraryDamaged, match="holds 6000 64-d vectors.*--repair"):
        Library.open(folder).vector_index


def test_a_run_interrupted_while_building_the_index_resumes(tmp_path, tiny_encoder):
    first = write_lsc_source(tmp_path / "a", 20)
    second = write_lsc_source(tmp_path / "b", 25, start=datetime(2019, 3, 1, 6, 0), seed=1)
    folder = tmp_path / "lib"
    index_photos(folder, first.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", vector_index="always"))
    before = manifest(folder)

    def interrupt(done, total, what):
        if what == "building the vector index":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index_photos(folder, second.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", vector_index="always", progress=interrupt))
    assert manifest(folder) == before and Library.open(folder).vector_index.rows == 20  # the last generation, whole
    assert list((folder / "checkpoints").glob("*.parquet"))
    report = index_photos(folder, second.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", vector_index="always"))
    assert report.resumed == 25
    library = Library.open(folder)
    assert len(library) == 45 and library.vector_index.rows == 45
    assert not list(folder.glob(".*.tmp"))


def test_the_benchmark_reports_the_index(tmp_path):
    output = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "search_latency.py"), "--n", "3000", "--vector-index", "always",
         "--no-text-encoding", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert output.returncode == 0, output.stderr
    figures = json.loads(output.stdout.strip().splitlines()[-1])
    assert figures["kernel"].startswith("faiss-IVF") and figures["vectors"] == "lifelog"
    assert 0.9 <= figures["recall_at_100"] <= 1.0 and figures["index_build_s"] > 0
    assert figures["index_candidates_p50_ms"] > 0 and figures["index_rescored_p50_ms"] >= figures["index_candidates_p50_ms"]
    assert 0.98 <= figures["index_recall_at_100"] <= 1.0
    # a month and a place never asked for before, each search (the 18 months but maybe a partial last, 4 cities)
    assert figures["filtered_first_time_queries"] >= 17 * 4 and figures["vector_query_filtered_first_time_p50_ms"] > 0


def test_the_build_probes_more_lists_until_its_own_recall_is_high(lifelog_library, tmp_path):
    """Uniform random vectors, the worst case for an inverted file, need far more probes than a lifelog's."""
    uniform = Library.open(write_synthetic_library(tmp_path / "lib", 6000, dim=64, vectors="uniform", vector_index="always"))
    assert uniform.vector_index.nprobe > lifelog_library.vector_index.nprobe
    queries = np.random.default_rng(7).standard_normal((20, 64)).astype(np.float32)
    recall = [
        len(exact_top(uniform, query, np.arange(len(uniform))) & set(uniform.vector_index.candidates(query, K).tolist())) / K
        for query in queries / np.linalg.norm(queries, axis=1, keepdims=True)
    ]
    assert np.mean(recall) >= 0.98


def test_an_index_that_must_probe_most_lists_is_not_kept_unless_forced(tmp_path, monkeypatch):
    """When the recall check ends probing a large share of the lists, exact scoring is as fast: no index."""
    monkeypatch.setattr(building, "BUILD_FROM", 1000)
    uniform = write_synthetic_library(tmp_path / "uniform", 6000, dim=64, vectors="uniform")
    assert manifest(uniform)["vector_index"] is None and Library.open(uniform).vector_index is None
    assert not list(uniform.glob("vector_index-*"))
    lifelog = write_synthetic_library(tmp_path / "lifelog", 6000, dim=64, vectors="lifelog")
    assert Library.open(lifelog).vector_index.rows == 6000


def test_every_photo_is_stored_in_the_list_of_its_nearest_centre(tmp_path):
    """A query's exact top photos sit in its nearest lists only if every photo was added to its own
    nearest list: an approximate search of the centres while adding scattered them over thousands."""
    import faiss

    library = Library.open(write_synthetic_library(tmp_path / "lib", 6000, dim=64, vectors="lifelog", vector_index="always"))
    written = faiss.read_index(str(library.folder / manifest(library.folder)["vector_index"]["file"]))
    ivf = faiss.extract_index_ivf(written)  # a view: `written` must stay alive
    centres = ivf.quantizer.reconstruct_n(0, ivf.nlist)
    stored_in = np.empty(len(library), dtype=np.int64)
    for number in range(ivf.nlist):
        size = ivf.invlists.list_size(number)
        stored_in[faiss.rev_swig_ptr(ivf.invlists.get_ids(number), size)] = number
    scores = np.asarray(library.embeddings, dtype=np.float32) @ centres.T
    assert np.all(scores[np.arange(len(library)), stored_in] >= scores.max(axis=1) - 1e-5)
