"""Answers that are measured rather than counted: averages per day, week or month, and distances from GPS.

An average divides by the units the question's time covers in the library (from its first photo then to
its last; per day, the days with photos, since a day without any says nothing). A distance adds up the
steps between consecutive photos of one day at a speed that fits how one moved ("walk": 1-7 km/h), so
the jitter of a phone standing still and the jumps over gaps in the photos are left out.
"""

from __future__ import annotations

import re
from typing import Callable

import numpy as np

from ..core.geo import haversine_km
from ..query.gazetteer import world_gazetteer
from ..query.text import normalize
from .answer import Answer
from .context import Context
from .word_rows import word_rows

_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
# km/h that each way of moving covers; "" is any movement at all.
SPEEDS_KMH = {"walk": (1.0, 7.5), "run": (6.0, 22.0), "cycle": (8.0, 40.0), "drive": (15.0, 200.0), "fly": (150.0, 1100.0),
              "bus": (8.0, 120.0), "train": (15.0, 320.0), "boat": (5.0, 80.0), "": (1.0, 1100.0)}
MAX_STEP_S = 30 * 60  # photos further apart than this say nothing of the path between them ...
MAX_FLIGHT_STEP_S = 6 * 3600  # ... except a flight, whose photos stop on board
SPARSE_STEP_S = 10 * 60  # a path from photos further apart than this (median) is rough
GPS_JITTER_M = 50.0  # consecutive photos closer than this may be one place read twice
MOVED_AWAY_M = 500.0  # consecutive photos this far apart were taken in different places, whatever was seen of the way
UNSEEN_WALK_M = 1000.0  # a way made while the camera was off counts as walked up to this far
FLIGHT_MIN_M = 150_000.0  # a jump at flying speed shorter than this may be a fast train or a GPS glitch
LOCATED_FOR_FLIGHTS = 0.5  # flights are counted only where at least this share of the photos in time has GPS
# "How far is Copenhagen from home?", "how far away was the hotel from Rome": a distance between places, not a journey.
_FROM = re.compile(r"\b(?:from|out\s+of|leaving|left)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bhow\s+far\s+(?:away\s+)?(?:is|was|are|were)\s+(?!it\b)", re.IGNORECASE)


def asks_between_places(context: Context) -> bool:
    return bool(context.parsed.place.terms and _BETWEEN.search(context.parsed.text))


def distance_between(context: Context) -> Answer:
    """As the crow flies, from the place asked about to a second place named, or else to home: where the home
    town's photos were taken, or the town's centre when home photos have no GPS (a diary). Things asked about in
    the place ("how far is the hotel from the office in London") are where their photos there were taken."""
    if len(context.moments.subject) >= 2:
        return _between_things(context)
    (lat, lng, name), *others = [(area.lat, area.lng, area.name) for term in context.parsed.place.terms for area in term.areas[:1]]
    origin = others[0] if others else home_position(context)
    if origin is None:
        return context.cannot_tell(f"I can't tell how far {name} is from home: I don't know where home is.", "home is never located")
    metres = round(float(metres_between(lat, lng, origin[0], origin[1])), -3)
    text = f"About {metres / 1000:,.0f} km from {origin[2]} to {name}, as the crow flies."
    return context.answer(metres, text, context.evidence(context.groups), f"{origin[2]} ({origin[0]:.3f}, {origin[1]:.3f}) to "
                          f"{name} ({lat:.3f}, {lng:.3f})", confidence="likely", why="a straight line between the two places, not a route")


def _between_things(context: Context) -> Answer:
    """From where the photos of one thing asked about were taken (within the question's scope) to the other's."""
    library, moments = context.library, context.moments
    spots = []
    for word in moments.found:
        rows = _located(library, np.intersect1d(np.flatnonzero(moments.scope), word_rows(library, [word])))
        if len(rows):
            spots.append((float(np.median(library.lat[rows])), float(np.median(library.lng[rows])), word, rows))
    if len(spots) != 2 or len(moments.found) != len(moments.subject):
        return context.cannot_tell(f"I can't tell how far: I need two things found in the photos with GPS ({context.about}).",
                                   "not two places found to measure between", context.evidence(context.groups))
    (lat, lng, name, rows), (lat2, lng2, name2, rows2) = spots
    metres = round(float(metres_between(lat, lng, lat2, lng2)), -1)
    return context.answer(metres, f"About {metres / 1000:,.1f} km from the {name} to the {name2}, as the crow flies.",
                          [int(rows[0]), int(rows2[0])], f"{name} ({lat:.4f}, {lng:.4f}) to {name2} ({lat2:.4f}, {lng2:.4f}), the middle of "
                          "their photos' GPS", confidence="likely", why="a straight line between where their photos were taken")


def home_position(context: Context, row: int | None = None) -> tuple[float, float, str] | None:
    """Where home is (the home of the photo's day, after a move): the median of its photos' GPS, else the town's centre."""
    library = context.library
    home = context.timeline.home_city if row is None else str(context.timeline.home_of_row[row])
    if not home:
        return None
    at_home = (context.timeline.cities == home) & np.isfinite(library.lat) & np.isfinite(library.lng)
    if at_home.any():
        return float(np.median(library.lat[at_home])), float(np.median(library.lng[at_home])), f"home ({home})"
    codes = set(library.country_code[context.timeline.cities == home]) - {""}
    towns = world_gazetteer().cities.get(normalize(home), [])
    town = next((town for town in towns if town.country_code in codes), towns[0] if towns else None)
    return (town.lat, town.lng, f"home ({home})") if town else None


def units_in_scope(context: Context, unit: str) -> float:
    """How many days, weeks or months the question's time covers in the library."""
    library = context.library
    in_time = context.parsed.time.exactly().mask(library.local_seconds)
    days = np.unique(library.local_seconds[in_time] // 86400)
    if not len(days):
        return 0.0
    if unit == "day":
        return float(len(days))
    return (int(days[-1]) - int(days[0]) + 1) / _UNIT_DAYS[unit]


def average(context: Context, total: float, reasoning: str, shown: Callable[[float], str], whole: bool = False,
            evidence: list | None = None) -> Answer:
    """ "On average, how many times a week": the total over the units in scope (whole: in whole units, as seconds are),
    shown by the evidence of what was counted (the question's visits unless given: the flights)."""
    unit = context.question.per
    units = units_in_scope(context, unit)
    if not units:
        return context.nothing_found()
    value = int(round(total / units)) if whole else round(total / units, 1)
    over = f"{round(units, 1):g} {unit}s" if unit != "day" else f"{int(units)} days with photos"
    text = f"About {shown(value)} a {unit} ({shown(total)} over {over})."
    return context.answer(value, text, context.evidence(context.groups) if evidence is None else evidence, reasoning,
                          confidence="likely", why=f"an average over {over}")


def distance(context: Context, rows: np.ndarray) -> Answer:
    """How far one moved (walked, cycled, ...) over the photos, from their GPS."""
    library, means = context.library, context.question.means
    low, high = SPEEDS_KMH.get(means, SPEEDS_KMH[""])
    rows = _located(library, rows)
    if len(rows) < 2:
        return context.cannot_tell(f"I can't tell how far: too few photos with GPS ({context.scope_label or 'in the library'}).",
                                   "no GPS path")
    local = library.local_seconds[rows]
    metres, seconds, kmh = located_steps(library, rows)
    longest = MAX_FLIGHT_STEP_S if means in ("fly", "") else MAX_STEP_S
    same_day = local[1:] // 86400 == local[:-1] // 86400
    at_speed = (kmh >= low) & (seconds <= longest)
    # a slower step of the day, past GPS jitter, is a way made while the camera was off or the photos were few: on foot
    # (or any way, when no way is asked) it is made at least in that straight line; a drive or a flight is not that slow
    gap = (kmh < low) | (seconds > longest) if means in ("walk", "") else np.zeros_like(at_speed)
    if means == "walk":  # a longer way unseen may have been by bus or car
        gap &= metres <= UNSEEN_WALK_M
    moving = (seconds > 0) & same_day & (kmh <= high) & (metres >= GPS_JITTER_M) & (at_speed | gap)
    if means == "fly":  # a flight is a jump as flights() counts them, overnight or with hours at the airports around it
        moving = _flying(metres, seconds, kmh)
    gapped = bool((moving & gap).any())
    how = {"walk": "walked", "run": "ran", "cycle": "cycled", "drive": "drove", "fly": "flew", "bus": "rode a bus or tram",
           "train": "took a train", "boat": "went by boat"}.get(means, "travelled")
    if not moving.any() and (metres >= MOVED_AWAY_M).any():  # somewhere else later, the way there unseen: not "nowhere"
        return context.cannot_tell(f"I can't tell how far you {how} ({context.scope_label}): the photos show you in different "
                                   f"places, but not the way between them at {low:g}–{high:g} km/h.", "the way between places is not in the photos",
                                   rows[np.flatnonzero(metres >= MOVED_AWAY_M)[:3]].tolist())
    if not moving.any():
        return context.answer(0.0, f"I found no stretch where you {how} ({context.scope_label}).", rows[:3].tolist(),
                              f"{len(rows)} photos with GPS, none moving at {low:g}–{high:g} km/h", confidence="likely",
                              why="no steps between photos at that speed")
    steps = np.flatnonzero(moving)
    evidence = rows[steps[:: max(1, len(steps) // 12)]][:12].tolist()
    if means == "fly":  # the photos on board (no GPS in the air) first, as flights() shows them
        evidence = [row for step in steps for row in (*range(rows[step] + 1, rows[step + 1])[:2], rows[step], rows[step + 1])][:12]
    sparse = float(np.median(seconds)) > SPARSE_STEP_S and means != "fly"  # a flight is a straight line whatever the photos
    if context.question.usual:  # "how far is it to walk to school": one day's way, as it usually is
        return _usual_distance(context, metres[steps], local[steps] // 86400, evidence, how, gapped)
    value = round(float(metres[moving].sum()), -1)
    text = f"{'At least' if gapped else 'About'} {value / 1000:.1f} km ({how}, from the GPS of {len(steps) + 1} photos)."
    reasoning = f"{len(steps)} steps between photos at up to {high:g} km/h add up to {value / 1000:.2f} km"
    why = "a path drawn through the photos' GPS" + (", which are far apart" if sparse else "")
    if gapped:
        why += "; where the camera was off or the photos were few, a straight line stands for the way"
    return context.answer(value, text, evidence, reasoning, confidence="unsure" if sparse else "likely", why=why)


def _usual_distance(context: Context, metres: np.ndarray, days: np.ndarray, evidence: list[int], how: str, gapped: bool) -> Answer:
    """The median over the days of each day's distance: what a way usually is, not all of them added up."""
    each_day = np.bincount(np.unique(days, return_inverse=True)[1], weights=metres)
    value = round(float(np.median(each_day)), -1)
    low, high = (round(float(np.percentile(each_day, share)) / 1000, 1) for share in (25, 75))
    spread = f", mostly {low:g}–{high:g} km" if len(each_day) > 2 and high > low else ""
    text = f"Usually {'at least ' if gapped else 'about '}{value / 1000:.1f} km ({how}, over {len(each_day)} days{spread})."
    return context.answer(value, text, evidence, f"median of {len(each_day)} days' distances", confidence="likely",
                          why=f"a typical day's distance over {len(each_day)} days")


def flights(context: Context) -> Answer:
    """ "How many times did I fly (to Berlin)": jumps between consecutive photos too far and too fast for the ground,
    in the question's time, landing or taking off in its place. A long flight with the camera off for hours is
    slower than a plane on paper and is missed, so the count is likely, and no GPS is no "never"."""
    library = context.library
    rows = np.flatnonzero(context.parsed.time.exactly().mask(library.local_seconds))
    if not len(rows):
        return context.nothing_found()
    located = _located(library, rows)
    if len(located) < LOCATED_FOR_FLIGHTS * len(rows) or len(located) < 2:
        return context.cannot_tell("I can't tell how many flights: too few photos have GPS.", "flights are counted from the GPS")
    low, high = SPEEDS_KMH["fly"]
    metres, seconds, kmh = located_steps(library, located)
    flying = _flying(metres, seconds, kmh)
    if context.moments.subject or context.parsed.place.terms:  # "to Berlin": it lands there; "from Berlin": it takes off
        placed = np.isin(located, context.moments.rows) if context.moments.subject else context.moments.scope[located]
        flying &= placed[:-1] if _FROM.search(context.parsed.text) else placed[1:]
    steps = np.flatnonzero(flying)
    ends = [[int(located[step]), int(located[step + 1])] for step in steps]
    # the photos taken on board (no GPS in the air) lie between the two ends: the flight itself, shown first
    on_board = [list(range(start + 1, end))[:2] for start, end in ends]
    legs = [f"{context.library.record(start)['place'] or 'somewhere'} → {context.library.record(end)['place'] or 'somewhere'}"
            for start, end in ends]
    count = len(steps)
    reasoning = f"{count} jumps of {FLIGHT_MIN_M / 1000:g}+ km at {low:g}–{high:g} km/h between consecutive photos"
    evidence = [row for (start, end), flown in zip(ends, on_board) for row in (*flown, start, end)][:12]
    if context.question.per:  # "on average, how many flights a month"
        return average(context, count, reasoning, lambda value: f"{value:g} flights", evidence=evidence)
    text = f"{count} {'flight' if count == 1 else 'flights'}" + (f": {'; '.join(legs[:6])}." if count else ", as far as the GPS shows.")
    return context.answer(count, text, evidence, reasoning, confidence="likely",
                          why="counted from the GPS: a jump between consecutive photos too far and fast for the ground; a flight "
                              "with the camera off for many hours around it looks slower and is missed")


def _flying(metres: np.ndarray, seconds: np.ndarray, kmh: np.ndarray) -> np.ndarray:
    """Steps between consecutive photos too far and too fast for the ground: flights."""
    low, high = SPEEDS_KMH["fly"]
    return (metres >= FLIGHT_MIN_M) & (seconds > 0) & (kmh >= low) & (kmh <= high)


def _located(library, rows: np.ndarray) -> np.ndarray:
    """The rows whose photos have GPS."""
    return rows[np.isfinite(library.lat[rows]) & np.isfinite(library.lng[rows])]


def located_steps(library, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Metres, seconds and km/h from each of these (located, time-ordered) photos to the next."""
    metres = metres_between(library.lat[rows[:-1]], library.lng[rows[:-1]], library.lat[rows[1:]], library.lng[rows[1:]])
    seconds = np.diff(library.utc_seconds[rows]).astype(np.float64)
    return metres, seconds, np.divide(metres * 3.6, seconds, out=np.zeros_like(metres), where=seconds > 0)


def metres_between(lat1, lng1, lat2, lng2) -> np.ndarray:
    return haversine_km(lat1, lng1, lat2, lng2) * 1000.0

