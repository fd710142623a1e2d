"""Message-to-results time of the chat app through gradio_client, on a library of N photos.

Builds a synthetic library (through the real store code; rows show a few real JPEGs), starts the real
app with a real-size ViT-B/32 (random weights: the same compute as the real model), warms it up, then
times /chat over a scripted set of conversations. Model loading is excluded. Prints one JSON line with
n, turns, p50_ms, p95_ms.

    python benchmarks/chat_latency.py --n 100000 --json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

import numpy as np

CONVERSATIONS = [
    ["coffee with a laptop on a Friday morning", "actually it was in the afternoon", "not in Paris"],
    ["a bus in the rain in Dublin last winter", "it was in the evening", "more like the second one"],
    ["dinner with friends in Thessaloniki in summer 2019", "on a Saturday", "not that one"],
    ["shopping in London in March 2019", "around lunchtime"],
    ["walking by the river at sunset", "in Paris", "in September"],
]


@contextlib.contextmanager
def synthetic_app(n: int) -> Iterator[str]:
    """A real app server on a synthetic library of n photos with a real-size random ViT-B/32; yields its URL.

    The model is loaded and the library opened before the URL is handed out, so timings exclude them.
    """
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    from gradio_client import Client

    from assistant.models import shared_clip
    from assistant.testing import save_random_clip, write_synthetic_library, write_synthetic_photos
    from assistant.web import build_app, create_pool, launch

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        photos = write_synthetic_photos(scratch / "photos", [datetime(2019, 1, 1) + timedelta(minutes=i) for i in range(24)])
        model = str(save_random_clip(scratch / "clip", size="base"))
        write_synthetic_library(scratch / "library", n, photo_files=photos, model=model)
        service = create_pool(library=str(scratch / "library"))
        shared_clip(model)  # model loading is excluded from the figures
        demo = build_app(service)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        launch(demo, service, port=port, block=False)
        url = f"http://127.0.0.1:{port}/"
        Client(url, verbose=False).predict("warm up: a cup of coffee", api_name="/chat")  # loads the library and models
        try:
            yield url
        finally:
            demo.close()


def percentiles(samples: list[float]) -> dict:
    return {"p50_ms": round(float(np.percentile(samples, 50)), 1), "p95_ms": round(float(np.percentile(samples, 95)), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="times each conversation is replayed")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from gradio_client import Client

    with synthetic_app(args.n) as url:
        client = Client(url, verbose=False)
        samples = []
        for _ in range(args.rounds):
            for conversation in CONVERSATIONS:
                client.predict(api_name="/reset")
                for message in conversation:
                    began = time.perf_counter()
                    reply = client.predict(message, api_name="/chat")
                    samples.append((time.perf_counter() - began) * 1000)
                    assert "reply" in reply
    print(json.dumps({"n": args.n, "turns": len(samples), **percentiles(samples)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
