"""OCR throughput at ingest: the real `--ocr` stage (worker processes, shards) over 1024x768 photos.

Generates M 1024x768 JPEGs, a share of them with a sign (words on a coloured board, tilted) and the rest
photo-like scenes without text, runs the OCR stage as `lifelog index --ocr` does, and prints one JSON
line: images_per_s, hours_per_100k_photos, workers, cores, and how many photos had words read.

    python benchmarks/ocr_throughput.py --images 64 --json
    python benchmarks/ocr_throughput.py --images 64 --workers 4 --json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

SIGNS = ["OMRON Pharmacy", "Extreme Caution", "Molton Brown", "Platform 4", "Bewleys Cafe", "NO PARKING", "Exit", "Braun"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=64)
    parser.add_argument("--workers", type=int, default=None, help="OCR processes (default: as lifelog index --ocr, half the cores)")
    parser.add_argument("--text-share", type=float, default=0.5, help="share of the photos that show a sign")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from assistant.enrich import shards
    from assistant.enrich.stages import OcrStage, default_ocr_workers, run_stage
    from assistant.testing.photos import text_photo, write_synthetic_photos

    workers = default_ocr_workers() if args.workers is None else args.workers
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        start = datetime(2019, 1, 1, 8, 0)
        paths = write_synthetic_photos(scratch / "photos", [start + timedelta(seconds=30 * i) for i in range(args.images)])
        signed = round(args.images * args.text_share)
        for index in range(signed):
            text_photo(SIGNS[index % len(SIGNS)], angle=(index % 7 - 3) * 5.0, seed=index,
                       background=((40 * index) % 256, 90, 160)).save(paths[index], quality=85)
        files = [(str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in paths]
        stage = OcrStage(workers)
        began = time.perf_counter()
        report = run_stage(scratch / "library", stage, files, lambda *progress: None)
        seconds = time.perf_counter() - began
        rows = shards.read_stage(scratch / "library", "ocr")
        with_words = int((rows["ocr_text"] != "").sum())
    assert report.done == args.images, report.summary()
    rate = args.images / seconds
    figures = {
        "images": args.images,
        "images_per_s": round(rate, 3),
        "hours_per_100k_photos": round(100_000 / rate / 3600, 2),
        "workers": workers,
        "cores": os.cpu_count(),
        "photos_with_signs": signed,
        "photos_with_words_read": with_words,
    }
    print(json.dumps(figures))
    if not args.json:
        print(f"{rate:.2f} photos/s with {workers} OCR workers: {figures['hours_per_100k_photos']} h per 100,000 photos", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
