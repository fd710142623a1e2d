"""Message-to-results time of the chat app under load: many gradio_client sessions chatting at once.

The same synthetic library (every text channel on: captions, BM25, MiniLM sentence vectors), real-size
random ViT-B/32 and real app server as chat_latency.py, run in a process of its own (as it would be: the users are elsewhere); each of --clients threads here has its own
session and replays the scripted conversations --rounds times, all at once. Prints one JSON line with n,
clients, turns, p50_ms, p95_ms (per message, as each user waits) and turns_per_s (the whole server).

    python benchmarks/chat_load.py --clients 20 --n 100000 --json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chat_latency import ALL_CHANNELS, CONVERSATIONS, percentiles, synthetic_app  # noqa: E402


def serve(n: int) -> None:
    """The server process: print the URL once ready, serve until stdin closes."""
    with synthetic_app(n) as url:
        print(url, flush=True)
        sys.stdin.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1, help="times each client replays the conversations")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.n)
        return 0

    from gradio_client import Client

    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--n", str(args.n)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if args.json else None, text=True,
    )
    samples: list[float] = []
    failures: list[str] = []
    try:
        url = server.stdout.readline().strip()
        if not url.startswith("http"):
            raise SystemExit(f"the server did not start (it said {url!r})")
        clients = [Client(url, verbose=False) for _ in range(args.clients)]
        start = threading.Barrier(args.clients + 1)

        def user(index: int) -> None:
            client = clients[index]
            start.wait()
            for _ in range(args.rounds):
                for conversation in CONVERSATIONS[index % len(CONVERSATIONS):] + CONVERSATIONS[: index % len(CONVERSATIONS)]:
                    client.predict(api_name="/reset")
                    for message in conversation:
                        began = time.perf_counter()
                        try:
                            reply = client.predict(message, api_name="/chat")
                        except Exception as error:  # a refused or failed request is a finding, not a crash of the benchmark
                            failures.append(f"{type(error).__name__}: {error}")
                            continue
                        samples.append((time.perf_counter() - began) * 1000)
                        if "reply" not in reply:
                            failures.append(f"no reply: {reply}")

        threads = [threading.Thread(target=user, args=(index,)) for index in range(args.clients)]
        for thread in threads:
            thread.start()
        start.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
    finally:
        server.stdin.close()
        server.wait(timeout=60)
    figures = {
        "n": args.n, "channels": ALL_CHANNELS, "clients": args.clients, "turns": len(samples), "failures": len(failures), **percentiles(samples),
        "turns_per_s": round(len(samples) / wall, 1),
    }
    print(json.dumps(figures))
    if failures and not args.json:
        print("\n".join(failures[:5]), file=sys.stderr)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
