"""How well and how fast questions about one's life are answered, on the synthetic years the tests use.

Prints, for the dev year (tests/answers/devset.py) and the held-out year (tests/answers/heldout.py):
accuracy per kind (the right value with evidence from the right moment), the median and slowest answer
time, and the median question-parsing time; then the same dev questions on the dev year photographed
every 2.5 minutes (about 120,000 photos), for the time an answer takes at that size.

    python benchmarks/qa_quality.py            # add --json for one JSON line
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "answers"))

from devset import DEV_SPEC, dev_questions  # noqa: E402
from heldout import HELDOUT_SPEC, heldout_questions  # noqa: E402

from assistant.answers import answer_question, parse_question  # noqa: E402
from assistant.library import Library  # noqa: E402
from assistant.synthetic_life import PHOTO_EVERY, life_year, write_life_library  # noqa: E402


def cpu_name() -> str:
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return "unknown CPU"


def measure(name: str, spec, questions_of, folder: Path, every: timedelta = PHOTO_EVERY) -> dict:
    stays = life_year(spec)
    started = time.perf_counter()
    write_life_library(folder, stays, every)
    built_s = time.perf_counter() - started
    library = Library.open(folder)
    questions = questions_of(stays)
    answer_question(library, questions[0].text)  # first use builds the timeline and place words
    asked, right, seconds, parse_ms = Counter(), Counter(), [], []
    for qa in questions:
        started = time.perf_counter()
        parse_question(library, qa.text)
        parse_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        answer = answer_question(library, qa.text)
        seconds.append(time.perf_counter() - started)
        asked[qa.kind] += 1
        right[qa.kind] += answer.value == qa.value and (not qa.moments or bool(answer.evidence) and answer.evidence[0] in qa.moments)
    return {
        "world": name, "photos": len(library), "questions": len(questions), "build_s": round(built_s, 1),
        "accuracy": round(sum(right.values()) / len(questions), 3),
        "per_kind": {kind: f"{right[kind]}/{asked[kind]}" for kind in sorted(asked)},
        "median_answer_ms": round(statistics.median(seconds) * 1000, 1), "max_answer_ms": round(max(seconds) * 1000, 1),
        "median_parse_ms": round(statistics.median(parse_ms), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-large", action="store_true", help="skip the 120,000-photo year")
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        runs.append(measure("dev", DEV_SPEC, dev_questions, Path(scratch) / "dev"))
        runs.append(measure("held-out", HELDOUT_SPEC, heldout_questions, Path(scratch) / "heldout"))
        if not args.no_large:
            runs.append(measure("dev, a photo every 2.5 min", DEV_SPEC, dev_questions, Path(scratch) / "large", timedelta(minutes=2.5)))
    if args.json:
        print(json.dumps({"cpu": cpu_name(), "runs": runs}))
        return
    print(f"CPU: {cpu_name()}")
    for run in runs:
        print(f"\n{run['world']}: {run['photos']:,} photos, {run['questions']} questions (library built in {run['build_s']} s)")
        print(f"  right value with evidence from the right moment: {run['accuracy']:.1%}")
        print("  per kind: " + ", ".join(f"{kind} {score}" for kind, score in run["per_kind"].items()))
        print(f"  answer: median {run['median_answer_ms']} ms, slowest {run['max_answer_ms']} ms; parsing: median {run['median_parse_ms']} ms")


if __name__ == "__main__":
    main()
