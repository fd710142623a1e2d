"""Search latency and memory on a synthetic library of N photos, against a bare numpy baseline.

Builds the library through the real store code (random unit 512-d embeddings, 18 months of
timestamps, ~50 places), then, in a fresh process, loads it as the app does and times vector queries
(no text encoder): unfiltered, and with a one-month time filter plus a place filter. Prints one JSON
line: n, unfiltered_p50_ms, unfiltered_p95_ms, filtered_p50_ms, filtered_p95_ms, load_s, rss_mb,
plus the baseline (float32 numpy mat-vec + top-k over the same N, same run) and recall@100 against it.

    python benchmarks/search_latency.py --n 1000000 --json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np

QUERIES = 30
TOP_K = 100


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    return round(float(np.percentile(samples, 50)), 2), round(float(np.percentile(samples, 95)), 2)


def measure(folder: Path) -> dict:
    """Runs in a fresh process so load time and memory are what a starting app sees."""
    began = time.perf_counter()
    from assistant.library import Library
    from assistant.query import parse_query
    from assistant.search import SearchRequest, prepare_scoring, search

    imports_s = time.perf_counter() - began
    began = time.perf_counter()
    library = Library.open(folder)
    for column in ("local_seconds", "lat", "lng", "country_code", "event_ids", "embedded", "utc_seconds", "places"):
        getattr(library, column)
    prepare_scoring(library)
    load_s = time.perf_counter() - began

    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((QUERIES + 3, library.embeddings.shape[1])).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    month = parse_query("in March 2019 in Dublin", now=datetime(2020, 6, 30), places=library.places)
    assert month.time and month.place, month.describe()

    def timed(query) -> tuple[list[float], list]:
        samples, results = [], []
        for vector in vectors[:3]:  # warm-up
            search(library, None, SearchRequest(vector=vector, query=query, top_k=20))
        for vector in vectors[3:]:
            began = time.perf_counter()
            result = search(library, None, SearchRequest(vector=vector, query=query, top_k=TOP_K, group_events=True))
            samples.append((time.perf_counter() - began) * 1000)
            results.append(result)
        return samples, results

    unfiltered, unfiltered_results = timed(None)
    filtered, filtered_results = timed(month)
    rss_mb = _rss_mb()

    # Baseline: float32 copy of the same embeddings, numpy mat-vec plus top-k.
    matrix = np.asarray(library.embeddings, dtype=np.float32)
    baseline, recall = [], []
    for vector, result in zip(vectors[3:], unfiltered_results):
        began = time.perf_counter()
        scores = matrix @ vector
        top = np.argpartition(-scores, TOP_K)[:TOP_K]
        top = top[np.argsort(-scores[top])]
        baseline.append((time.perf_counter() - began) * 1000)
        ours = {hit["row"] for hit in result.photos}
        recall.append(len(ours & set(top.tolist())) / TOP_K)
    u50, u95 = _percentiles(unfiltered)
    f50, f95 = _percentiles(filtered)
    b50, _ = _percentiles(baseline)
    return {
        "n": len(library),
        "unfiltered_p50_ms": u50, "unfiltered_p95_ms": u95,
        "filtered_p50_ms": f50, "filtered_p95_ms": f95,
        "load_s": round(load_s, 2), "imports_s": round(imports_s, 2), "rss_mb": round(rss_mb, 1),
        "baseline_numpy_fp32_p50_ms": b50, "unfiltered_vs_baseline": round(u50 / b50, 3),
        "recall_at_100": round(float(np.mean(recall)), 4),
        "filtered_matches": filtered_results[0].matched,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: the fresh process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    from assistant.testing import write_synthetic_library

    with tempfile.TemporaryDirectory() as scratch:
        began = time.perf_counter()
        write_synthetic_library(Path(scratch) / "library", args.n)
        if not args.json:
            print(f"built a {args.n:,}-photo library in {time.perf_counter() - began:.1f} s", file=sys.stderr)
        output = subprocess.run(
            [sys.executable, __file__, "--measure", str(Path(scratch) / "library")], capture_output=True, text=True, check=False
        )
    if output.returncode:
        sys.stderr.write(output.stderr)
        return output.returncode
    print(output.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
