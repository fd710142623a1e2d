"""Cold start of the app as a new user (or a Hugging Face Space) meets it: from `python app.py` in a clone to the
page served, to the first reply to a memory, and to the demo fully enriched (its signs read behind the app).

Space-style: SPACE_ID set and no persistent /data, so the demo is built in a fresh cache under a new HOME. Run
`none` starts with nothing built; run `built` restarts with the library the first run left. The hub is offline
(HF_HUB_OFFLINE=1) unless --online: without a cached CLIP the app answers from captions, places, times and signs.
Prints one JSON line: per run, seconds from the process start.

    python benchmarks/cold_start.py --clone /path/to/clone --python /path/to/clone/.venv/bin/python
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MESSAGE = "coffee with friends in Thessaloniki"
POLL_S = 1.0


def _cpu() -> str:
    try:
        names = [line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")]
        return names[0] if names else platform.processor()
    except OSError:
        return platform.processor()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(home: Path, port: int, online: bool) -> dict[str, str]:
    """A fresh machine's: a new HOME, a Space's SPACE_ID, nothing of this session's LIFELOG_* or PYTHONPATH."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith(("LIFELOG_", "HF_", "XDG_", "GRADIO_", "SPACE_", "PYTHON"))}
    offline = {} if online else {"HF_HUB_OFFLINE": "1"}
    return {**kept, **offline, "HOME": str(home), "SPACE_ID": "cold-start/benchmark", "GRADIO_SERVER_PORT": str(port),
            "GRADIO_ANALYTICS_ENABLED": "False"}


def _wait_for(check, timeout_s: float, what: str):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(POLL_S)
    raise TimeoutError(f"{what} did not happen within {timeout_s:.0f} s")


def _page_served(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def _demo_enriched(home: Path) -> bool:
    """The demo's newest generation has nothing left to read, and its signs are read (when OCR runs)."""
    from assistant.enrich import shards
    from assistant.library import Library, LibraryError

    library = home / ".cache" / "lifelog-assistant" / "demo" / "library"
    try:
        opened = Library.open(library)
    except LibraryError:
        return False
    return not opened.enriching and len(shards.done_stamps(library, "ocr")) >= len(opened)


def measure_start(clone: Path, python: Path, home: Path, label: str, *, online: bool, timeout_s: float) -> dict:
    """One start of the app: seconds from the process start to the page, the first reply and the demo enriched."""
    from gradio_client import Client

    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    log = home / f"app-{label}.log"
    started = time.monotonic()
    with open(log, "w") as output:
        process = subprocess.Popen([str(python), "app.py"], cwd=clone, env=_environment(home, port, online), stdout=output, stderr=subprocess.STDOUT)
    def page_served() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        return _page_served(url)

    try:
        _wait_for(page_served, timeout_s, "the page")
        served = time.monotonic() - started
        print(f"[{label}] page served after {served:.1f} s", file=sys.stderr, flush=True)
        try:
            reply = Client(url, verbose=False).predict(MESSAGE, api_name="/chat")
        except Exception as error:
            raise RuntimeError(f"the first message failed ({error}); the app's log:\n{log.read_text()[-4000:]}") from error
        replied = time.monotonic() - started
        print(f"[{label}] first reply after {replied:.1f} s: {reply['reply'][:200]!r}", file=sys.stderr, flush=True)
        _wait_for(lambda: _demo_enriched(home), timeout_s, "the demo's enrichment")
        enriched = time.monotonic() - started
        print(f"[{label}] demo enriched after {enriched:.1f} s", file=sys.stderr, flush=True)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "library": label, "page_served_s": round(served, 1), "first_reply_s": round(replied, 1),
        "first_reply_after_page_s": round(replied - served, 1), "enriched_s": round(enriched, 1),
        "results": len(reply["results"]), "reply_says_still_reading": "Still reading" in reply["reply"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clone", type=Path, default=ROOT, help="the clone to start app.py in (default: this one)")
    parser.add_argument("--python", type=Path, default=Path(sys.executable), help="its venv's python (default: this one)")
    parser.add_argument("--online", action="store_true", help="let the app reach the hub (default: offline, as a machine without the model)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds each stage may take")
    args = parser.parse_args()
    sys.path.insert(0, str(args.clone))  # read the demo library with the clone's own code
    with tempfile.TemporaryDirectory(prefix="cold-start-") as scratch:
        home = Path(scratch)
        runs = [measure_start(args.clone, args.python, home, label, online=args.online, timeout_s=args.timeout) for label in ("none", "built")]
    print(json.dumps({"cpu": _cpu(), "cores": os.cpu_count(), "message": MESSAGE, "online": args.online, "runs": runs}))


if __name__ == "__main__":
    main()
