"""Message-to-results time of the chat app under load: many gradio_client sessions chatting at once.

The same synthetic library (every text channel on: captions, BM25, MiniLM sentence vectors), real-size
random ViT-B/32 and real app server as chat_latency.py, run in a process of its own (as it would be: the users are elsewhere); each of --clients threads here has its own
session and replays the scripted conversations --rounds times, all at once. Prints one JSON line with n,
clients, turns, p50_ms, p95_ms (per message, as each user waits) and turns_per_s (the whole server).

    python benchmarks/chat_load.py --clients 20 --n 100000 --json

The soak (--minutes): every client keeps going until the time is up, with memories, refinements, questions
and a click on a result ("more like this") after each search; the server's resident memory is read after the
warm-up, every minute and at the end, and any error is counted (there should be none, and the memory should stay flat).

    python benchmarks/chat_load.py --clients 50 --n 100000 --minutes 10 --json
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

# The soak mixes questions about one's life, and their follow-ups, among the memories.
QUESTIONS = [
    ["how many times did I have coffee in 2019?", "and in the evening?"],
    ["when did I last take a taxi in Dublin?"],
    ["where did I have dinner with friends in summer 2019"],
]


def server_rss_mb(pid: int) -> float:
    """The server process's resident memory (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


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
    parser.add_argument("--minutes", type=float, default=0.0,
                        help="soak: replay memories, questions and clicks until this many minutes have passed (instead of --rounds)")
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

        soak = args.minutes > 0
        scripts = CONVERSATIONS + QUESTIONS if soak else CONVERSATIONS

        def timed(client, *values, api_name: str) -> dict | None:
            began = time.perf_counter()
            try:
                reply = client.predict(*values, api_name=api_name)
            except Exception as error:  # a refused or failed request is a finding, not a crash of the benchmark
                failures.append(f"{api_name}: {type(error).__name__}: {error}")
                return None
            samples.append((time.perf_counter() - began) * 1000)
            if "reply" not in reply:
                failures.append(f"{api_name}: no reply: {reply}")
            return reply

        def user(index: int) -> None:
            client = clients[index]
            start.wait()
            rounds = 0
            while (time.perf_counter() < deadline[0]) if soak else rounds < args.rounds:
                rounds += 1
                for conversation in scripts[index % len(scripts):] + scripts[: index % len(scripts)]:
                    client.predict(api_name="/reset")
                    for message in conversation:
                        reply = timed(client, message, api_name="/chat")
                        if soak and reply and reply.get("results"):  # a click on the first result: more like this
                            timed(client, reply["results"][0]["image_id"], api_name="/more_like")

        clients[0].predict("warm up: a cup of coffee", api_name="/chat")  # the library and models loaded, before memory is read
        rss_start = server_rss_mb(server.pid)
        deadline = [time.perf_counter() + 60 * args.minutes]
        threads = [threading.Thread(target=user, args=(index,)) for index in range(args.clients)]
        for thread in threads:
            thread.start()
        start.wait()
        began = time.perf_counter()
        deadline[0] = began + 60 * args.minutes
        rss_by_minute = []  # whether memory levels off (caches, sessions) or keeps growing (a leak)
        while time.perf_counter() + 60 <= deadline[0]:
            time.sleep(60 - (time.perf_counter() - began) % 60)
            rss_by_minute.append(server_rss_mb(server.pid))
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        rss_end = server_rss_mb(server.pid)
    finally:
        server.stdin.close()
        server.wait(timeout=60)
    figures = {
        "n": args.n, "channels": ALL_CHANNELS, "clients": args.clients, "turns": len(samples), "failures": len(failures), **percentiles(samples),
        "turns_per_s": round(len(samples) / wall, 1), "minutes": round(wall / 60, 1),
        "server_rss_mb_start": rss_start, "server_rss_mb_by_minute": rss_by_minute, "server_rss_mb_end": rss_end,
    }
    print(json.dumps(figures))
    if failures and not args.json:
        print("\n".join(failures[:5]), file=sys.stderr)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
