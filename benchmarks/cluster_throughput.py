"""Indexing throughput on a local Ray cluster with 1 and 2 worker CPUs, against the single-machine run in the same run.

Generates 1024x768 JPEGs (a sign on every fourth, for OCR), builds a real-size ViT-B/32 CLIP with random
weights (the real one's compute), and indexes the same folder three ways: on this machine alone
(index_photos as `lifelog index` runs it), and with `--cluster` on a local Ray cluster of 1 and of 2 CPUs
(one actor per CPU). Each way runs CLIP only on --images photos and CLIP with OCR on --ocr-images photos.
Prints photos_per_s per workload and way (a fresh library each time; on Ray this includes the actors loading
their models, as a real run does), the largest difference of a Ray run's embeddings from the single-machine
run's (0.0: bit for bit), the CPU model and the load average before and after: on a shared machine the
figures move with the neighbours' load.

    python benchmarks/cluster_throughput.py --images 128 --ocr-images 32 --json
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np


def write_photos(folder: Path, count: int) -> Path:
    from assistant.testing.photos import text_photo, write_synthetic_photos

    start = datetime(2020, 3, 1, 9, 0)
    paths = write_synthetic_photos(folder, [start + timedelta(seconds=30 * i) for i in range(count)], seed=3)
    for index in range(0, count, 4):
        text_photo(f"Platform {index}", seed=index, angle=index % 7).save(paths[index], quality=85)
    return folder


def largest_difference(library: Path, reference: Path) -> float:
    """The largest difference between the two libraries' embeddings of the same photo (0.0: bit for bit the same)."""
    from assistant.library import Library

    ours, theirs = Library.open(library), Library.open(reference)
    order = np.argsort(ours.photos["path"].to_numpy()), np.argsort(theirs.photos["path"].to_numpy())
    return float(np.abs(np.asarray(ours.embeddings, np.float32)[order[0]] - np.asarray(theirs.embeddings, np.float32)[order[1]]).max())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=128, help="photos for CLIP only")
    parser.add_argument("--ocr-images", type=int, default=32, help="photos for CLIP with OCR")
    parser.add_argument("--cpus", type=int, nargs="+", default=[1, 2], help="Ray cluster sizes (worker CPUs)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--precision", default="auto")
    parser.add_argument("--scratch", type=Path, help="folder for the photos and libraries (default: the system temp folder)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()
    os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")

    import ray

    from assistant.enrich import Enrichment
    from assistant.indexing import IndexOptions, index_photos
    from assistant.indexing.cluster import RayWork
    from assistant.models import load_clip
    from assistant.testing.models import save_random_clip
    from assistant.core.machine import cpu_model

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        scratch = Path(scratch)
        encoder = load_clip(str(save_random_clip(scratch / "clip", size="base")), precision=args.precision)
        workloads = {
            "clip": (write_photos(scratch / "clip-photos", args.images), None),
            "clip_ocr": (write_photos(scratch / "ocr-photos", args.ocr_images), lambda: Enrichment(ocr=True)),
        }
        libraries: dict[tuple[str, str], Path] = {}

        def rate(name: str, way: str, work=None) -> float:
            photos, enrichment = workloads[name]
            library = libraries[name, way] = scratch / f"{name}-{way}"
            report = index_photos(library, photos, IndexOptions(encoder=encoder, home_timezone="UTC", batch_size=args.batch_size,
                                  enrichment=enrichment() if enrichment else None, work=work))
            return round(report.photos_in_library / report.seconds, 2)

        figures = {name: {"single_machine": rate(name, "single_machine")} for name in workloads}
        for cpus in args.cpus:
            ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
            try:
                for name in workloads:
                    figures[name][f"ray_{cpus}_cpu"] = rate(name, f"ray_{cpus}_cpu", RayWork(actors=cpus, device="cpu"))
            finally:
                ray.shutdown()
        differences = {way: largest_difference(libraries[name, way], libraries[name, "single_machine"])
                       for name, way in libraries if way != "single_machine"}
    result = {
        "photos_per_s": figures, "largest_embedding_difference_vs_single_machine": differences,
        "images": args.images, "ocr_images": args.ocr_images, "batch_size": args.batch_size,
        "precision": encoder.precision, "cpu": cpu_model(), "cores": os.cpu_count(),
        "load_average_before": [round(v, 2) for v in load_before], "load_average_after": [round(v, 2) for v in os.getloadavg()],
    }
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
