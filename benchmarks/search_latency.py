"""Search latency and memory on a synthetic library of N photos, against bare baselines in the same run.

Builds the library through the real store code (random unit 512-d embeddings, 18 months of
timestamps, ~50 places), then, in a fresh process, loads it as the app does (which chooses the stored-
vector kernel by timing, once per machine) and times vector queries (a ready CLIP vector, no text
encoding): unfiltered, and with a one-month time filter plus a place filter. Prints one JSON line with
the CPU, the kernel, the vector-query percentiles, two baselines measured in the same run (a bare numpy
fp32 mat-vec + top-k, and the bare kernel in its own precision + top-k), recall@100 against exact fp32,
and, on its own, the time to encode a text query with a ViT-B/32-sized CLIP (random weights).

    python benchmarks/search_latency.py --n 1000000 --json
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

QUERIES = 30
TOP_K = 100


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _text_encoding_ms() -> float:
    """p50 of encoding one short text query with the real ViT-B/32 architecture (random weights: same cost)."""
    from assistant.models import load_clip
    from assistant.testing import save_random_clip

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


def measure(folder: Path, kernel: str | None, text_encoding: bool) -> dict:
    """Runs in a fresh process so load time and memory are what a starting app sees."""
    load_before = os.getloadavg()[0]
    began = time.perf_counter()
    from assistant.library import Library
    from assistant.query import parse_query
    from assistant.search import SearchRequest, prepare_scoring, search, stored_vectors
    from assistant.machine import cpu_model, usable_cores

    imports_s = time.perf_counter() - began
    began = time.perf_counter()
    library = Library.open(folder)
    for column in ("local_seconds", "lat", "lng", "country_code", "event_ids", "embedded", "utc_seconds", "places"):
        getattr(library, column)
    prepare_scoring(library, kernel)
    load_s = time.perf_counter() - began
    chosen = stored_vectors(library).kernel

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

    def bare(score) -> list[float]:
        """A bare mat-vec plus top-k, as a baseline: no filters, statistics, rescoring or events."""
        samples = []
        for vector in vectors:
            began = time.perf_counter()
            scores = score(vector)
            top = np.argpartition(-scores, TOP_K)[:TOP_K]
            top[np.argsort(-scores[top])]
            samples.append((time.perf_counter() - began) * 1000)
        return samples[3:]

    same_precision = bare(chosen.scores)
    matrix = np.asarray(library.embeddings, dtype=np.float32)  # the exact fp32 reference and the numpy baseline
    numpy_fp32 = bare(lambda vector: matrix @ vector)
    recall = []
    for vector, result in zip(vectors[3:], unfiltered_results):
        exact = np.argpartition(-(matrix @ vector), TOP_K)[:TOP_K]
        recall.append(len({hit["row"] for hit in result.photos} & set(exact.tolist())) / TOP_K)
    u50, u95 = _percentiles(unfiltered)
    f50, f95 = _percentiles(filtered)
    n50, _ = _percentiles(numpy_fp32)
    s50, _ = _percentiles(same_precision)
    return {
        "cpu": cpu_model(), "cores": usable_cores(), "n": len(library), "kernel": chosen.name,
        "vector_query_unfiltered_p50_ms": u50, "vector_query_unfiltered_p95_ms": u95,
        "vector_query_filtered_p50_ms": f50, "vector_query_filtered_p95_ms": f95,
        "baseline_numpy_fp32_p50_ms": n50, f"baseline_bare_{chosen.name}_p50_ms": s50,
        "vector_query_vs_numpy_fp32": round(u50 / n50, 3), f"vector_query_vs_bare_{chosen.name}": round(u50 / s50, 3),
        "recall_at_100_vs_exact_fp32": round(float(np.mean(recall)), 4),
        "text_encoding_p50_ms": _text_encoding_ms() if text_encoding else None,
        "load_s": round(load_s, 2), "imports_s": round(imports_s, 2), "rss_mb": round(rss_mb, 1),
        "filtered_matches": filtered_results[0].matched,
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--kernel", help="score with this kernel instead of the one timed fastest here (e.g. torch-fp16)")
    parser.add_argument("--no-text-encoding", action="store_true", help="skip timing text encoding")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: the fresh process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.kernel, not args.no_text_encoding)))
        return 0
    from assistant.testing import write_synthetic_library

    with tempfile.TemporaryDirectory() as scratch:
        began = time.perf_counter()
        write_synthetic_library(Path(scratch) / "library", args.n)
        if not args.json:
            print(f"built a {args.n:,}-photo library in {time.perf_counter() - began:.1f} s", file=sys.stderr)
        output = subprocess.run(
            [sys.executable, __file__, "--measure", str(Path(scratch) / "library")]
            + (["--kernel", args.kernel] if args.kernel else []) + (["--no-text-encoding"] if args.no_text_encoding else []),
            capture_output=True, text=True, check=False,
        )
    if output.returncode:
        sys.stderr.write(output.stderr)
        return output.returncode
    print(output.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
