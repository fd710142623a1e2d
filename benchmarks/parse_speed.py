"""How long parse_query takes per description, after warm-up (the gazetteer loads once per process).

Parses every development-set text (tests/query/devset.json) several times and prints one JSON line:
median_ms and p95_ms per parse, first_parse_ms (the cold start, loading the gazetteer) and mask_ms (time
constraints over a 1,000,000-photo archive, median per query with constraints).

    python benchmarks/parse_speed.py --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

import numpy as np

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "query" / "devset.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    started = time.perf_counter()
    from assistant.query import KnownPlace, parse_query

    devset = json.loads(args.devset.read_text())
    places = [KnownPlace(**record) for record in devset["known_places"]]
    cases = [(item["text"], datetime.fromisoformat(item["now"]), places if item["uses_known_places"] else None)
             for item in devset["items"]]
    cases += [(text, datetime(2020, 6, 30, 23, 59), None) for text in devset["negatives"]]

    parse_query(cases[0][0], now=cases[0][1], places=cases[0][2])
    first_parse_ms = (time.perf_counter() - started) * 1000
    for text, now, known in cases:  # warm-up: lazy indexes, regex caches, known-place index
        parse_query(text, now=now, places=known)

    timings = []
    for _ in range(args.rounds):
        for text, now, known in cases:
            start = time.perf_counter()
            parse_query(text, now=now, places=known)
            timings.append((time.perf_counter() - start) * 1000)

    rng = np.random.default_rng(0)
    archive = rng.integers(1_546_300_800, 1_593_561_600, size=1_000_000, dtype=np.int64)  # 2019-01-01 .. 2020-07-01
    mask_timings = []
    for text, now, known in cases[:40]:
        query = parse_query(text, now=now, places=known)
        if query.time:
            query.time.mask(archive[:1000])  # build the term's tables outside the timing
            start = time.perf_counter()
            query.time.mask(archive)
            mask_timings.append((time.perf_counter() - start) * 1000)

    figures = {
        "parses": len(timings),
        "median_ms": round(float(np.median(timings)), 3),
        "p95_ms": round(float(np.percentile(timings, 95)), 3),
        "first_parse_ms": round(first_parse_ms, 1),
        "mask_ms_1m_photos": round(float(np.median(mask_timings)), 2) if mask_timings else None,
    }
    print(json.dumps(figures))
    if not args.json:
        print(f"slowest parse {max(timings):.2f} ms over {len(cases)} texts x {args.rounds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
