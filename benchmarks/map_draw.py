"""How long the map takes with the library's GPS trail under it, at a million photos.

A synthetic city life: days of walks and drives along a street grid (a photo every 30 s) and stays with GPS
noise, in one city. Prints one JSON line: trail_build_s (once per library generation, on the first map),
then draw_ms p50/p95 of city-scale maps around random moments with the trail and, in the same run, without it.

    python benchmarks/map_draw.py --json
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

CITY = (53.3498, -6.2603)
BLOCK_M = 120.0  # the street grid's spacing


def city_life(photos: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lat, lng, utc seconds) of a life in one city: legs along the street grid between stays, 30 s apart."""
    rng = np.random.default_rng(seed)
    legs = photos // 60
    # each leg: a stay of 30 photos at a street corner, then 30 photos walking along one street
    corners = rng.integers(-40, 40, (legs, 2)) * BLOCK_M
    heading = np.array([[1, 0], [-1, 0], [0, 1], [0, -1]])[rng.integers(0, 4, legs)] * rng.uniform(20, 60, (legs, 1))
    stay = corners[:, None, :] + rng.normal(0, 8, (legs, 30, 2))
    walk = corners[:, None, :] + heading[:, None, :] * np.arange(1, 31)[None, :, None]
    metres = np.concatenate([stay, walk], axis=1).reshape(-1, 2)
    lat = CITY[0] + metres[:, 1] / 111_320
    lng = CITY[1] + metres[:, 0] / (111_320 * np.cos(np.radians(CITY[0])))
    order = np.arange(len(lat))
    gaps = np.where(order % 600 == 0, 8 * 3600, np.where(order % 60 == 0, 20 * 60, 30))  # 20 min between legs, a night every ten
    return lat, lng, 1_500_000_000 + np.cumsum(gaps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--draws", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()

    from assistant.core.machine import cpu_model
    from assistant.web.mapview import MapPoint, render_map
    from assistant.web.trail import Trail

    lat, lng, seconds = city_life(args.photos)
    began = time.perf_counter()
    trail = Trail(lat, lng, seconds)
    build_s = time.perf_counter() - began
    rng = np.random.default_rng(1)
    views = [[MapPoint(lat[i], lng[i], str(n)) for n, i in enumerate(rng.integers(0, len(lat), 6), 1)] for _ in range(args.draws)]
    timings: dict[str, list[float]] = {"with_trail": [], "without_trail": []}
    for points in views:  # taking turns, so a busy moment of the machine falls on both alike
        for name, drawn_trail in (("with_trail", trail), ("without_trail", None)):
            began = time.perf_counter()
            render_map(points, trail=drawn_trail)
            timings[name].append((time.perf_counter() - began) * 1000)
    figures = {
        "photos": args.photos, "cpu": cpu_model(), "trail_build_s": round(build_s, 2),
        **{f"{name}_ms_p50": round(float(np.percentile(ms, 50)), 1) for name, ms in timings.items()},
        **{f"{name}_ms_p95": round(float(np.percentile(ms, 95)), 1) for name, ms in timings.items()},
    }
    if not args.json:
        print(f"{args.photos:,} photos: trail built in {build_s:.2f} s; a map draw takes "
              f"{figures['with_trail_ms_p50']} ms with the trail, {figures['without_trail_ms_p50']} ms without (p50)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
