"""Search latency and memory on a synthetic library of N photos, against bare baselines in the same run.

Builds the library through the real store code (unit 512-d embeddings shaped like a lifelog, or uniform
random with --vectors uniform, the worst case for an index; 18 months of timestamps, ~50 places; an
approximate vector index when the library is large, or as --vector-index says), then, in a fresh process,
loads it as the app does (which chooses the stored-vector kernel by timing, once per machine) and times
vector queries (a ready CLIP-like vector, no text encoding): unfiltered, and with a one-month time filter
plus a place filter, the same one query after query (what a search keeps for the next one helps) and one
never asked for before each time (vector_query_filtered_first_time_*: nothing kept helps). Prints one JSON
line with the CPU, the kernel (the index's kind when there is one), the vector-query percentiles, two
baselines measured in the same run (a bare numpy fp32 mat-vec + top-k, up to 2M photos, and the bare kernel
in its own precision + top-k), recall@100 against exact fp32, the bare index on its own (candidates,
candidates plus exact rescoring, their recall, unfiltered and with a month and a city filter), and, on its
own, the time to encode a text query with a ViT-B/32-sized CLIP.

    python benchmarks/search_latency.py --n 1000000 --json
    python benchmarks/search_latency.py --n 10000000 --library /work/bench/lib10m --json   # build once, then reuse
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np

QUERIES = 100  # recall@100 varies a lot from query to query: 30 queries gave 0.966 where 200 gave 0.992
TOP_K = 100
NUMPY_BASELINE_UP_TO = 2_000_000  # its fp32 copy of the vectors: 4 GB at a million 512-d photos per 2M
# What the searches and baselines are timed by: the wall clock, or with --cpu-time the CPU time of the whole
# process with torch and numpy on one thread each (a busy shared machine distorts wall-clock ratios: a
# memory-bound numpy mat-vec and torch's spinning threads suffer from neighbours very differently).
_clock = time.perf_counter


def _rss_mb(field: str = "VmRSS") -> float:
    """Resident memory; RssAnon leaves out memory-mapped file pages (the embeddings, the index), which the
    kernel drops under pressure and which the exact reference here reads in full."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _text_encoding_ms() -> float:
    """p50 of encoding one short text query with the real ViT-B/32 architecture (random weights: same cost)."""
    from assistant.models import load_clip
    from assistant.testing.models import save_random_clip

    with tempfile.TemporaryDirectory() as scratch:
        encoder = load_clip(str(save_random_clip(Path(scratch) / "clip", size="base")))
        texts = [f"a cup of coffee on a table number {i}" for i in range(QUERIES + 3)]
        samples = []
        for index, text in enumerate(texts):
            began = time.perf_counter()
            encoder.encode_text(text)
            if index >= 3:
                samples.append((time.perf_counter() - began) * 1000)
    return _percentiles(samples)[0]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    return round(float(np.percentile(samples, 50)), 2), round(float(np.percentile(samples, 95)), 2)


def _queries(embeddings: np.ndarray, vectors: str) -> np.ndarray:
    """Warm-up plus timed queries: CLIP-text-like ones towards the library's events, or uniform random."""
    from assistant.testing.library import lifelog_queries

    if vectors == "lifelog":
        return lifelog_queries(embeddings, QUERIES + 3)
    queries = np.random.default_rng(1).standard_normal((QUERIES + 3, embeddings.shape[1])).astype(np.float32)
    return queries / np.linalg.norm(queries, axis=1, keepdims=True)


def exact_top(embeddings: np.ndarray, queries: np.ndarray, rows: np.ndarray | None = None) -> list[set[int]]:
    """The exact fp32 top TOP_K rows (among `rows`, or all) of each query, scored a chunk at a time."""
    from assistant.indexing.vector_index import exact_top as top_rows

    return [set(found.tolist()) for found in top_rows(embeddings, queries, TOP_K, rows)]


def _bare_index(library, queries: np.ndarray, rows: np.ndarray | None, truth: list[set[int]]) -> tuple[float, float, float]:
    """p50 of the index's candidates alone, and of candidates plus exact fp16 rescoring to the top TOP_K,
    and that top's recall@TOP_K against exact fp32."""
    candidates_ms, rescored_ms, recall = [], [], []
    for index, query in enumerate(queries):
        began = _clock()
        candidates = library.vector_index.candidates(query, TOP_K, rows)
        found = _clock()
        candidates = np.sort(candidates)  # reading the map in row order; a contiguous run as a slice
        contiguous = candidates[-1] - candidates[0] + 1 == len(candidates)
        stored = library.embeddings[candidates[0] : candidates[-1] + 1] if contiguous else library.embeddings[candidates]
        scores = np.asarray(stored, dtype=np.float32) @ query
        top = candidates[np.argpartition(-scores, min(TOP_K, len(scores) - 1))[:TOP_K]]
        done = _clock()
        if index >= 3:
            candidates_ms.append((found - began) * 1000)
            rescored_ms.append((done - began) * 1000)
            recall.append(len(set(top.tolist()) & truth[index - 3]) / TOP_K)
    return _percentiles(candidates_ms)[0], _percentiles(rescored_ms)[0], round(float(np.mean(recall)), 4)


def _index_figures(library, queries: np.ndarray, month: np.ndarray, city: np.ndarray, truth: list[set[int]]) -> dict:
    """The bare index's own speed and recall: unfiltered, and with a month's and a city's photos allowed."""
    figures = {}
    for name, rows in (("", None), ("month_", month), ("city_", city)):
        expected = truth if rows is None else exact_top(library.embeddings, queries[3:], rows)
        c50, r50, recall = _bare_index(library, queries, rows, expected)
        figures |= {f"index_{name}candidates_p50_ms": c50, f"index_{name}rescored_p50_ms": r50, f"index_{name}recall_at_100": recall}
    return figures | {"index_month_rows": len(month), "index_city_rows": len(city)}


def measure(folder: Path, kernel: str | None, text_encoding: bool, vectors_kind: str, index_only: bool, cpu_time: bool = False) -> dict:
    """Runs in a fresh process so load time and memory are what a starting app sees."""
    if not cpu_time:
        return _measure(folder, kernel, text_encoding, vectors_kind, index_only) | {"clock": "wall"}
    global _clock
    from assistant.core.machine import one_thread

    _clock = time.process_time
    with one_thread():
        return _measure(folder, kernel, text_encoding, vectors_kind, index_only) | {"clock": "process CPU time, one thread"}


def _measure(folder: Path, kernel: str | None, text_encoding: bool, vectors_kind: str, index_only: bool) -> dict:
    load_before = os.getloadavg()[0]
    began = time.perf_counter()
    from assistant.library import Library
    from assistant.core.machine import cpu_model, usable_cores
    from assistant.search import prepare_scoring, stored_vectors

    imports_s = time.perf_counter() - began
    began = time.perf_counter()
    library = Library.open(folder)
    # In the app's order (web/pool.py): CLIP is loaded (torch imported: search then reads and scores stored rows
    # with torch, as a cold `lifelog search` without torch does with numpy), scoring is prepared while the library
    # reads its shown columns and finds its known places on other threads; load ends when both are in.
    import torch  # noqa: F401

    mapping = prepare_scoring(library, kernel)
    for column in ("local_seconds", "lat", "lng", "country_code", "event_ids", "embedded", "utc_seconds", "places", "vector_index"):
        getattr(library, column)
    library.image_ids([0])
    load_s = time.perf_counter() - began
    if mapping is not None:  # the stored vectors kept resident whole, mapped after load (searches meanwhile fault rows in)
        mapping.join()
    mapped_s = time.perf_counter() - began
    vectors = _queries(library.embeddings, vectors_kind)
    # The exact reference reads every row: through a map of its own, let go after, so that the app's
    # resident memory below is not the reference's (at 10M it would count 10 GB of mapped file pages).
    reference = np.load(library.embeddings.filename, mmap_mode="r") if isinstance(library.embeddings, np.memmap) else library.embeddings
    truth = exact_top(reference, vectors[3:])
    del reference
    figures = {"cpu": cpu_model(), "cores": usable_cores(), "n": len(library), "vectors": vectors_kind}
    if not index_only:
        figures |= _search_figures(library, vectors, truth)
    # What the app holds once it has searched; the baselines below may add a brute-force kernel's copy.
    figures |= {"rss_mb": round(_rss_mb(), 1), "rss_anon_mb": round(_rss_mb("RssAnon"), 1)}
    index = library.vector_index
    if index is not None:
        month_rows = np.flatnonzero((library.local_seconds >= _epoch("2019-03-01")) & (library.local_seconds < _epoch("2019-04-01")))
        city_rows = np.flatnonzero(library.place_names("city") == "Dublin")
        figures |= _index_figures(library, vectors, month_rows, city_rows, truth)
    chosen = stored_vectors(library, kernel).kernel
    figures |= {"scoring_kernel": chosen.name}
    if not index_only:
        figures |= _baselines(library, chosen, vectors, figures["vector_query_unfiltered_p50_ms"])
    return figures | {
        "kernel": index.kind if index is not None else chosen.name,
        "index_build_s": library.manifest.vector_index.get("build_s") if index is not None else None,
        "text_encoding_p50_ms": _text_encoding_ms() if text_encoding else None,
        "load_s": round(load_s, 2), "stored_vectors_mapped_s": round(mapped_s, 2) if mapping is not None else None,
        "imports_s": round(imports_s, 2),
        "rss_anon_with_baselines_mb": round(_rss_mb("RssAnon"), 1),
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def _first_time_filters(library, context) -> list:
    """A month and a city each, every pair once, and the neighbouring months (which near misses search) of a city
    last asked for 20 or more queries before: the library's whole months (not its last, maybe partial) in steps
    of three, a step's four largest cities in turn. So nothing a search keeps for the next (a filter's rows, the
    rows gathered to score them: 16 filters at most) is there yet."""
    names, counts = np.unique(library.place_names("city"), return_counts=True)
    cities = [city for city in names[np.argsort(-counts, kind="stable")] if city][:4]
    first, last = (np.datetime64(int(library.local_seconds[row]), "s").astype("datetime64[M]") for row in (0, -1))
    months = [month.astype(object).strftime("%B %Y") for month in np.arange(first, last)]
    pairs = [(months[month], city) for step in range(3) for month in range(step, len(months), 3) for city in cities]
    return [context.parse(f"in {month} in {city}") for month, city in pairs[:QUERIES]]


def _search_figures(library, vectors: np.ndarray, truth: list[set[int]]) -> dict:
    """search() itself, unfiltered and with a month and a place (the same one query after query, as a conversation
    refining its description repeats it; and one never asked for before each time), and its recall@100 against
    exact fp32."""
    from assistant.query import QueryContext
    from assistant.search import SearchRequest, search

    context = QueryContext.of(library, now=datetime(2020, 6, 30))
    month = context.parse("in March 2019 in Dublin")
    assert month.time and month.place, month.describe()
    warm_up = context.parse("in June 2020 in Dublin")  # among the first-time filters, but 60 queries after this

    def timed(queries: list) -> tuple[list[float], list]:
        samples, results = [], []
        for vector in vectors[:3]:
            search(library, None, SearchRequest(vector=vector, query=warm_up if queries[0] is not None else None, top_k=20))
        for vector, query in zip(vectors[3:], queries):
            began = _clock()
            result = search(library, None, SearchRequest(vector=vector, query=query, top_k=TOP_K, group_events=True))
            samples.append((_clock() - began) * 1000)
            results.append(result)
        return samples, results

    unfiltered, unfiltered_results = timed([None] * QUERIES)
    first_time, _ = timed(_first_time_filters(library, context))
    filtered, filtered_results = timed([month] * QUERIES)
    recall = round(float(np.mean([
        len({hit["row"] for hit in result.photos} & exact) / TOP_K for result, exact in zip(unfiltered_results, truth)
    ])), 4)
    u50, u95 = _percentiles(unfiltered)
    f50, f95 = _percentiles(filtered)
    first50, first95 = _percentiles(first_time)
    return {
        "vector_query_unfiltered_p50_ms": u50, "vector_query_unfiltered_p95_ms": u95,
        "vector_query_filtered_p50_ms": f50, "vector_query_filtered_p95_ms": f95,
        "vector_query_filtered_first_time_p50_ms": first50, "vector_query_filtered_first_time_p95_ms": first95,
        "filtered_first_time_queries": len(first_time),
        "recall_at_100": recall, "recall_at_100_vs_exact_fp32": recall, "filtered_matches": filtered_results[0].matched,
    }


def _baselines(library, chosen, vectors: np.ndarray, unfiltered_p50: float) -> dict:
    """Bare mat-vec plus top-k in the same run: numpy fp32 (up to 2M photos) and the chosen kernel alone."""

    def bare(score) -> list[float]:
        samples = []
        for vector in vectors:
            began = _clock()
            scores = score(vector)
            top = np.argpartition(-scores, TOP_K)[:TOP_K]
            top[np.argsort(-scores[top])]
            samples.append((_clock() - began) * 1000)
        return samples[3:]

    s50, _ = _percentiles(bare(chosen.scores))
    n50 = None
    if len(library) <= NUMPY_BASELINE_UP_TO:
        matrix = np.asarray(library.embeddings, dtype=np.float32)
        n50, _ = _percentiles(bare(lambda vector: matrix @ vector))
        del matrix
    return {
        "baseline_numpy_fp32_p50_ms": n50, f"baseline_bare_{chosen.name}_p50_ms": s50,
        "vector_query_vs_numpy_fp32": round(unfiltered_p50 / n50, 3) if n50 else None,
        f"vector_query_vs_bare_{chosen.name}": round(unfiltered_p50 / s50, 3),
    }


def _epoch(day: str) -> int:
    return int(np.datetime64(day, "s").astype(np.int64))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--kernel", help="score with this kernel instead of the one timed fastest here (e.g. torch-fp16)")
    parser.add_argument("--no-text-encoding", action="store_true", help="skip timing text encoding")
    parser.add_argument("--vectors", choices=["lifelog", "uniform"], default="lifelog",
                        help="embeddings shaped like a lifelog (events of near-duplicates around scenes), or uniform random (the worst case)")
    parser.add_argument("--vector-index", choices=["auto", "always", "never"], default="auto",
                        help="build the approximate vector index as `lifelog index` would (auto), always, or never")
    parser.add_argument("--library", type=Path, help="build the library here, or reuse the one already here (same --n and --vectors)")
    parser.add_argument("--index-only", action="store_true",
                        help="time the vector index on its own, not search() (at 10M each brute-force query reads 10 GB)")
    parser.add_argument("--cpu-time", action="store_true",
                        help="time searches and baselines by the process's CPU time, torch and numpy on one thread (a busy machine)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: the fresh process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.kernel, not args.no_text_encoding, args.vectors, args.index_only, args.cpu_time)))
        return 0
    from assistant.library.store import Manifest
    from assistant.testing.library import write_synthetic_library

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.library or Path(scratch) / "library"
        if (folder / "library.json").exists():
            if Manifest.read(folder).count != args.n:
                print(f"{folder} holds {Manifest.read(folder).count:,} photos, not --n {args.n:,}", file=sys.stderr)
                return 2
        else:
            began = time.perf_counter()
            write_synthetic_library(folder, args.n, vectors=args.vectors, vector_index=args.vector_index)
            if not args.json:
                print(f"built a {args.n:,}-photo library in {time.perf_counter() - began:.1f} s", file=sys.stderr)
        output = subprocess.run(
            [sys.executable, __file__, "--measure", str(folder), "--vectors", args.vectors] + (["--index-only"] if args.index_only else [])
            + (["--kernel", args.kernel] if args.kernel else []) + (["--no-text-encoding"] if args.no_text_encoding else [])
            + (["--cpu-time"] if args.cpu_time else []),
            capture_output=True, text=True, check=False,
        )
    if output.returncode:
        sys.stderr.write(output.stderr)
        return output.returncode
    print(output.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
