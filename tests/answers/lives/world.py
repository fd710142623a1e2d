"""A life lived stay by stay: places, the stays a day is made of, and the facts each stay keeps.

A life is written as a walk through its days (`Day.go`, `Day.travel`): each stay has a place, a start and
an end, what happened there (`facts`: who came, what was eaten or bought, the film on the poster, the
people counted) and what a camera and the enrichment models would make of it (`Scene`). The camera
(`camera.py`) turns stays into photos later, with its own noise; true answers come from the facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np

EARTH_RADIUS_M = 6_371_000.0


@dataclass(frozen=True)
class Place:
    """Where a stay happens; `name` is the semantic name the metadata gives ("" when it names only the city)."""

    name: str
    city: str
    country: str
    country_code: str
    lat: float
    lng: float
    timezone: str
    indoor: bool = True

    def near(self, name: str, north_m: float, east_m: float, *, indoor: bool = True) -> "Place":
        """Another place of the same city, `north_m` and `east_m` metres away."""
        lat = self.lat + north_m / 111_320
        lng = self.lng + east_m / (111_320 * np.cos(np.radians(self.lat)))
        return Place(name, self.city, self.country, self.country_code, float(lat), float(lng), self.timezone, indoor)


@dataclass(frozen=True)
class Scene:
    """What the photos of a stay can show: captioner sentences, detector labels with true counts, concept
    tags, and the strings OCR can read there (signs, posters, packaging, irrelevant notices)."""

    captions: tuple[str, ...]
    objects: tuple[tuple[str, int], ...] = ()
    tags: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    dark: float = 0.06  # the share of photos too dark or blurred to say anything
    details: tuple[str, ...] = ()  # captions that carry the stay's facts: at least one photo says each
    counted: tuple[tuple[str, int], ...] = ()  # objects whose count is a fact: at least one photo counts each right

    def with_(self, *, captions=(), objects=(), tags=(), texts=()) -> "Scene":
        """The scene with a stay's own details on top of its activity's look; the details are evident in
        at least one photo of the stay (a fact no photo shows has no answer but "I can't tell")."""
        return Scene(tuple(captions) + self.captions, tuple(objects) + self.objects, tuple(tags) + self.tags,
                     tuple(texts) + self.texts, self.dark, self.details + tuple(captions), self.counted + tuple(objects))


def distance_m(lat1, lng1, lat2, lng2) -> float:
    lat1, lng1, lat2, lng2 = map(np.radians, (lat1, lng1, lat2, lng2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    return float(2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a)))


@dataclass
class Stay:
    """One stay (or one journey, when `route` is set) and its true facts; the camera fills `image_ids`."""

    activity: str
    place: Place
    start: datetime
    end: datetime
    scene: Scene
    facts: dict = field(default_factory=dict)
    route: tuple[tuple[float, float], ...] = ()  # the true path of a journey, (lat, lng) points
    image_ids: list[str] = field(default_factory=list)
    showing: dict[str, list[str]] = field(default_factory=dict)  # OCR string -> the photos it was read on (noisy or not)

    @property
    def seconds(self) -> int:
        """How long it lasted (a flight's end is on the clock of where it left from, like its start)."""
        return int((self.end - self.start).total_seconds())

    @property
    def utc_span(self) -> tuple[datetime, datetime]:
        zone = ZoneInfo(self.place.timezone)
        return tuple((moment - zone.utcoffset(moment)).replace(tzinfo=None) for moment in (self.start, self.end))

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def metres(self) -> float:
        """The length of a journey's true path (0 for a stay)."""
        return sum(distance_m(*a, *b) for a, b in zip(self.route, self.route[1:]))

    @property
    def photographed(self) -> bool:
        return bool(self.image_ids)


SPEEDS_M_PER_MIN = {"walk": 80.0, "run": 170.0, "cycle": 260.0, "bus": 330.0, "tram": 330.0, "subway": 550.0,
                    "car": 600.0, "drive": 1300.0, "streetcar": 300.0, "coach": 1100.0, "train": 1600.0, "ferry": 450.0, "plane": 12_000.0}


class Day:
    """One day being lived: a clock that moves on as stays and journeys are added."""

    def __init__(self, day: date, rng: np.random.Generator, here: Place, after: datetime | None = None, start: str = "07:00"):
        self.date, self.rng = day, rng
        self.now = max(datetime.combine(day, time.fromisoformat(start)), after or datetime.min)
        self.here = here  # where the day starts: where the day before ended
        self.stays: list[Stay] = []

    def at(self, clock: str) -> "Day":
        """Move the clock on to `clock` (never back)."""
        moment = datetime.combine(self.date, time.fromisoformat(clock))
        self.now = max(self.now, moment)
        return self

    def wait(self, minutes: float) -> "Day":
        self.now += timedelta(minutes=minutes)
        return self

    def go(self, activity: str, place: Place, minutes: float, scene: Scene, jitter: float = 0.15, **facts) -> Stay:
        """Stay at `place` for about `minutes` (±jitter), from now."""
        length = minutes * (1 + self.rng.uniform(-jitter, jitter))
        stay = Stay(activity, place, self.now, self.now + timedelta(minutes=length), scene, dict(facts))
        self.stays.append(stay)
        self.now, self.here = stay.end, place
        return stay

    def travel(self, mode: str, to: Place, scene: Scene, *, via: int = 3, activity: str = "", **facts) -> Stay:
        """Journey from where the day is to `to` by `mode`, along a slightly winding path (its activity is the
        mode, unless the journey is part of something else: the walk to school is the school run)."""
        start = self.here
        points = [(start.lat, start.lng)]
        for step in range(1, via + 1):
            share = step / (via + 1)
            wobble = self.rng.normal(0, 0.0015 if mode != "plane" else 0.05, 2)
            points.append((start.lat + (to.lat - start.lat) * share + wobble[0], start.lng + (to.lng - start.lng) * share + wobble[1]))
        points.append((to.lat, to.lng))
        route = tuple(points)
        metres = sum(distance_m(*a, *b) for a, b in zip(route, route[1:]))
        minutes = max(4.0, metres / SPEEDS_M_PER_MIN[mode])
        local = mode in ("walk", "run", "cycle", "bus", "tram", "subway", "streetcar")
        place = Place("", to.city if local else "", to.country if local else start.country, to.country_code if local else start.country_code,
                      to.lat, to.lng, start.timezone, indoor=mode in ("subway", "train", "plane", "bus", "tram", "streetcar"))
        stay = Stay(activity or mode, place, self.now, self.now + timedelta(minutes=minutes), scene, {"mode": mode, **facts}, route)
        self.stays.append(stay)
        # On arrival the clock is the destination's: a flight west lands "earlier" than it took off.
        self.now, self.here = stay.end + _zone_shift(start.timezone, to.timezone, stay.end), to
        return stay

    def pick(self, options):
        return options[int(self.rng.integers(len(options)))]


def _zone_shift(origin: str, destination: str, moment: datetime) -> timedelta:
    return ZoneInfo(destination).utcoffset(moment) - ZoneInfo(origin).utcoffset(moment)


def check_order(stays: list[Stay]) -> list[Stay]:
    """Stays in time order, never overlapping (a life that overlaps is a bug in its script)."""
    for earlier, later in zip(stays, stays[1:]):
        if later.utc_span[0] < earlier.utc_span[1] - timedelta(seconds=1):
            raise ValueError(f"{earlier.activity} and {later.activity} overlap on {later.start:%Y-%m-%d %H:%M}")
    return stays


@dataclass
class Life:
    """A person's stays, the days the camera stayed at home, and the photos it took (after `camera.shoot`)."""

    name: str
    who: str  # one line: who this is
    stays: list[Stay]
    home_timezone: str
    camera_off_days: frozenset[date] = frozenset()
    photos: object = None  # the photo table, once shot
    dense_days: frozenset[date] = frozenset()  # days the camera took a photo every few minutes, four times its usual rate

    @property
    def seen(self) -> list[Stay]:
        """The stays at least one photo shows: all anyone can know from the lifelog."""
        return [stay for stay in self.stays if stay.image_ids]
