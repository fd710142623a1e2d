"""Indexing throughput end to end (decode + preprocess + embed + store) against the bare model.

Generates M 1024x768 JPEGs, builds a real-size ViT-B/32 CLIP with random weights (same compute as the
real one), and prints one JSON line: images_per_s (end to end), model_images_per_s (forward pass on
already-prepared tensors, same batches), ratio, and the precision and device used.

    python benchmarks/index_throughput.py --images 256 --json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--precision", default="auto")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from PIL import Image

    from assistant.library import index_photos
    from assistant.library.photos import read_photo
    from assistant.models import load_clip
    from assistant.synthetic import save_random_clip, write_synthetic_photos

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        start = datetime(2019, 1, 1, 8, 0)
        paths = write_synthetic_photos(scratch / "photos", [start + timedelta(seconds=30 * i) for i in range(args.images)])
        encoder = load_clip(str(save_random_clip(scratch / "clip", size="base")), precision=args.precision)

        # The bare model: the same batches, pixels prepared beforehand and not timed. Timed before and after
        # the end-to-end run and the better rate kept, so warm-up or a busy moment cannot flatter the ratio.
        pixels = np.stack([read_photo(path, encoder.image_spec)[1] for path in paths])

        def bare_model_rate() -> float:
            began = time.perf_counter()
            for offset in range(0, len(pixels), args.batch_size):
                encoder.encode_pixels(pixels[offset : offset + args.batch_size])
            return len(pixels) / (time.perf_counter() - began)

        encoder.encode_pixels(pixels[: args.batch_size])  # warm-up
        model_rate = bare_model_rate()
        began = time.perf_counter()
        report = index_photos(
            scratch / "library", scratch / "photos", encoder=encoder, home_timezone="UTC",
            batch_size=args.batch_size, workers=args.workers,
        )
        end_to_end = report.embedded / (time.perf_counter() - began)
        assert report.embedded == args.images, report.summary()
        model_rate = max(model_rate, bare_model_rate())

        # Full decode without draft mode, for reference: what reduced-scale decoding saves per image.
        began = time.perf_counter()
        for path in paths[:32]:
            with Image.open(path) as image:
                encoder.image_spec.prepare(image.convert("RGB"))
        full_decode_ms = (time.perf_counter() - began) / min(32, len(paths)) * 1000
        began = time.perf_counter()
        for path in paths[:32]:
            read_photo(path, encoder.image_spec)
        draft_decode_ms = (time.perf_counter() - began) / min(32, len(paths)) * 1000

    figures = {
        "images": args.images,
        "images_per_s": round(end_to_end, 2),
        "model_images_per_s": round(model_rate, 2),
        "ratio": round(end_to_end / model_rate, 3),
        "precision": encoder.precision,
        "device": encoder.device,
        "decode_prepare_ms_full": round(full_decode_ms, 1),
        "decode_prepare_ms_draft": round(draft_decode_ms, 1),
    }
    print(json.dumps(figures))
    if not args.json:
        print(f"end to end {end_to_end:.1f} images/s = {end_to_end / model_rate:.0%} of the bare model", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
