"""A synthetic year of someone's life with known facts, for testing and measuring question answering.

`life_year(spec)` draws the stays (home, work, gym, cinema, trips abroad ...) from a `LifeSpec`: its places,
weekly routine, trips, and the words a captioner, OCR and detector would attach to the photos. Every stay
keeps its facts (the film on the poster, the people at the meeting), so a test knows the true answer of
a question. `write_life_library` commits the photos as a library through the real store code, without
image files or CLIP: captions, OCR text, tags and detected objects carry the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from .library import photo_table

PHOTO_EVERY = timedelta(minutes=10)


@dataclass(frozen=True)
class Venue:
    name: str  # the metadata's semantic_name
    city: str
    country: str
    country_code: str
    lat: float
    lng: float


@dataclass
class Stay:
    """One stay at one place, with what the photos there show."""

    kind: str  # "gym", "cinema", "trip-hotel" ...
    venue: Venue
    start: datetime
    end: datetime  # the last photo's time
    caption: str
    tags: tuple[str, ...] = ()
    objects: dict[str, int] = field(default_factory=dict)
    sign: str = ""  # text read on the first photo
    facts: dict = field(default_factory=dict)  # the true answers: {"food": "ramen", "persons": 5, ...}
    image_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TripSpec:
    city: str
    country: str
    country_code: str
    lat: float
    lng: float
    first_day: date
    days: int
    hotel: str
    airport: str
    car_colour: str = ""  # a rental car, driven on the first day
    beer: str = ""  # the brand read at the home airport before leaving


@dataclass(frozen=True)
class OccasionSpec:
    """Days out of the routine that the photos' words name (a wedding, a conference), at home or away."""

    kind: str  # the stays' kind and true answer: "wedding", "conference"
    venue: Venue
    first_day: date
    days: int
    caption: str  # what a captioner says of its photos
    hours: tuple[str, str] = ("09:00", "17:30")
    sign: str = ""  # text read on each day's first photo (a banner, a badge)


@dataclass(frozen=True)
class LifeSpec:
    """Who the person is: places, routine and the words their photos carry (dev and held-out worlds differ in all)."""

    year: int
    home: Venue
    work: Venue
    meeting_room: Venue
    restaurants: tuple[Venue, ...]
    foods: tuple[str, ...]
    breakfasts: tuple[str, ...]
    gym: Venue
    gym_days: tuple[int, ...]  # weekdays, Monday 0
    gym_morning: bool
    pool: Venue
    swim_dates: tuple[date, ...]
    dinner_after_swim: Venue
    cinema: Venue
    cinema_dates: tuple[date, ...]
    films: tuple[str, ...]
    dentist: Venue
    dentist_dates: tuple[date, ...]
    barber: Venue
    haircut_dates: tuple[date, ...]
    market: Venue
    market_day: int
    goods: tuple[str, ...]
    market_signs: tuple[str, ...]
    scarf_colours: tuple[str, ...]
    park: Venue
    cafe: Venue
    airport: Venue
    trips: tuple[TripSpec, ...]
    meeting_day: int
    words: dict  # caption per kind: {"gym": "lifting weights at the gym", ...}
    occasions: tuple[OccasionSpec, ...] = ()


def _at(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock))


def life_year(spec: LifeSpec) -> list[Stay]:
    """Every stay of the year, in time order (deterministic: the spec decides everything)."""
    stays: list[Stay] = []
    trip_days = {trip.first_day + timedelta(days=offset): (trip, offset) for trip in spec.trips for offset in range(trip.days)}
    occasion_days = {occasion.first_day + timedelta(days=offset): occasion for occasion in spec.occasions for offset in range(occasion.days)}
    day = date(spec.year, 1, 1)
    while day.year == spec.year:
        if day in occasion_days:
            stays += _occasion_day(spec, day, occasion_days[day])
        elif day in trip_days:
            stays += _trip_day(spec, day, *trip_days[day])
        elif day.weekday() < 5:
            stays += _work_day(spec, day)
        else:
            stays += _weekend_day(spec, day)
        day += timedelta(days=1)
    for earlier, later in zip(stays, stays[1:]):
        if later.start <= earlier.end:
            raise ValueError(f"the spec makes {earlier.kind} and {later.kind} overlap on {later.start:%Y-%m-%d}")
    return stays


def _stay(kind: str, venue: Venue, day: date, start: str, end: str, caption: str, **details) -> Stay:
    return Stay(kind, venue, _at(day, start), _at(day, end), caption, **details)


def _work_day(spec: LifeSpec, day: date) -> list[Stay]:
    words, number = spec.words, day.timetuple().tm_yday
    stays = [_stay("breakfast", spec.home, day, "06:30", "07:20", words["breakfast"], tags=(spec.breakfasts[number % len(spec.breakfasts)],),
                   facts={"food": spec.breakfasts[number % len(spec.breakfasts)]})]
    gym = day.weekday() in spec.gym_days
    if gym and spec.gym_morning:
        stays.append(_stay("gym", spec.gym, day, "07:30", "08:30", words["gym"], objects={"dumbbell": 2}))
    if day.weekday() == spec.meeting_day:
        persons = 3 + (number // 7) % 6
        stays += [_stay("office", spec.work, day, "09:00", "09:50", words["office"], objects={"screen": 2, "laptop": 1}),
                  _stay("meeting", spec.meeting_room, day, "10:00", "11:00", words["meeting"], objects={"person": persons, "laptop": 3},
                        facts={"persons": persons}),
                  _stay("office", spec.work, day, "11:10", "12:30", words["office"], objects={"screen": 2, "laptop": 1})]
    else:
        stays.append(_stay("office", spec.work, day, "09:00", "12:30", words["office"], objects={"screen": 2, "laptop": 1}))
    restaurant = spec.restaurants[number % len(spec.restaurants)]
    food = spec.foods[(number // len(spec.restaurants)) % len(spec.foods)]
    stays.append(_stay("lunch", restaurant, day, "12:40", "13:20", words["lunch"].format(food=food), tags=(food,), facts={"food": food}))
    if day in spec.dentist_dates:
        stays += [_stay("office", spec.work, day, "13:30", "14:40", words["office"], objects={"screen": 2, "laptop": 1}),
                  _stay("dentist", spec.dentist, day, "15:00", "15:50", words["dentist"])]
    else:
        stays.append(_stay("office", spec.work, day, "13:30", "17:30", words["office"], objects={"screen": 2, "laptop": 1}))
    evening = "18:00"
    if gym and not spec.gym_morning:
        stays.append(_stay("gym", spec.gym, day, "18:00", "19:10", words["gym"], objects={"dumbbell": 2}))
        evening = "19:30"
    if day in spec.swim_dates:
        food = spec.foods[(number + 3) % len(spec.foods)]
        stays += [_stay("swim", spec.pool, day, "18:00", "19:00", words["swim"]),
                  _stay("dinner", spec.dinner_after_swim, day, "19:30", "20:20", words["dinner"].format(food=food), tags=(food,), facts={"food": food})]
        evening = "20:40"
    if day in spec.cinema_dates:
        film = spec.films[spec.cinema_dates.index(day) % len(spec.films)]
        stays.append(_stay("cinema", spec.cinema, day, "19:00" if evening < "19:00" else "20:45", "21:30" if evening < "19:00" else "23:00",
                           words["cinema"], sign=film, facts={"film": film}))
        return stays
    stays.append(_stay("home", spec.home, day, evening, "22:30", words["home"]))
    return stays


def _weekend_day(spec: LifeSpec, day: date) -> list[Stay]:
    words, week = spec.words, day.isocalendar()[1]
    stays = [_stay("home", spec.home, day, "08:00", "09:30", words["home"])]
    if day.weekday() == spec.market_day:
        good = spec.goods[week % len(spec.goods)]
        colour = spec.scarf_colours[week % len(spec.scarf_colours)] if good == "scarf" else ""
        caption = words["market"] + (f" with a {colour} scarf" if colour else "")
        sign = spec.market_signs[week % len(spec.market_signs)]
        stays.append(_stay("market", spec.market, day, "10:00", "11:30", caption, tags=(good,), sign=sign,
                           facts={"good": good, "colour": colour, "sign": sign}))
    else:
        dogs, cups = 1 + week % 4, 1 + (week // 2) % 3
        stays += [_stay("park", spec.park, day, "10:00", "11:20", words["park"], objects={"dog": dogs}, facts={"dogs": dogs}),
                  _stay("cafe", spec.cafe, day, "11:40", "12:20", words["cafe"], objects={"cup": cups}, facts={"cups": cups})]
    if day in spec.haircut_dates:
        stays.append(_stay("haircut", spec.barber, day, "12:40", "13:20", words["haircut"]))
    if day in spec.cinema_dates:
        film = spec.films[spec.cinema_dates.index(day) % len(spec.films)]
        stays += [_stay("home", spec.home, day, "14:00", "18:30", words["home"]),
                  _stay("cinema", spec.cinema, day, "19:00", "21:30", words["cinema"], sign=film, facts={"film": film})]
    else:
        stays.append(_stay("home", spec.home, day, "14:00", "22:30", words["home"]))
    return stays


def _trip_day(spec: LifeSpec, day: date, trip: TripSpec, offset: int) -> list[Stay]:
    words = spec.words
    hotel = Venue(trip.hotel, trip.city, trip.country, trip.country_code, trip.lat + 0.004, trip.lng - 0.003)
    sights = Venue(f"Old Town {trip.city}", trip.city, trip.country, trip.country_code, trip.lat - 0.006, trip.lng + 0.005)
    airport = Venue(trip.airport, trip.city, trip.country, trip.country_code, trip.lat + 0.15, trip.lng + 0.12)
    stays: list[Stay] = []
    if offset == 0:
        stays += [_stay("home", spec.home, day, "06:30", "07:30", words["home"]),
                  _stay("airport", spec.airport, day, "09:00", "10:40", words["airport"], sign=trip.beer, facts={"brand": trip.beer}),
                  _stay("hotel", hotel, day, "15:00", "16:00", words["hotel"])]
        if trip.car_colour:
            stays.append(_stay("car", sights, day, "16:30", "18:00", words["car"].format(colour=trip.car_colour), tags=("car",),
                               facts={"colour": trip.car_colour}))
        stays.append(_stay("hotel", hotel, day, "20:00", "22:30", words["hotel"]))
    elif offset < trip.days - 1:
        stays += [_stay("hotel", hotel, day, "08:00", "09:00", words["hotel"]),
                  _stay("sights", sights, day, "10:00", "17:00", words["sights"]),
                  _stay("hotel", hotel, day, "19:00", "22:30", words["hotel"])]
    else:
        stays += [_stay("hotel", hotel, day, "08:00", "09:30", words["hotel"]),
                  _stay("away-airport", airport, day, "11:00", "12:30", words["airport"]),
                  _stay("home", spec.home, day, "19:00", "22:30", words["home"])]
    for stay in stays:
        stay.facts.setdefault("trip", trip.city)
    return stays


def _occasion_day(spec: LifeSpec, day: date, occasion: OccasionSpec) -> list[Stay]:
    """Breakfast at home, the occasion, and home again unless it lasts into the night."""
    start, end = occasion.hours
    stays = [_stay("home", spec.home, day, "07:00", "08:00", spec.words["home"]),
             _stay(occasion.kind, occasion.venue, day, start, end, occasion.caption, sign=occasion.sign, facts={"occasion": occasion.kind})]
    if end < "21:30":
        stays.append(_stay("home", spec.home, day, "21:30", "22:30", spec.words["home"]))
    return stays


def photo_rows(stays: list[Stay], every: timedelta = PHOTO_EVERY) -> pd.DataFrame:
    """One photo every `every` of each stay, from its start to its end; fills each stay's image_ids."""
    times, owner = [], []
    for number, stay in enumerate(stays):
        count = int((stay.end - stay.start) / every) + 1
        times += [stay.start + every * step for step in range(count)]
        owner += [number] * count
    local = np.array(times, dtype="datetime64[s]")
    owner = np.array(owner)
    first = np.r_[True, owner[1:] != owner[:-1]]
    venue = [stays[number].venue for number in owner]
    rng = np.random.default_rng(0)
    table = photo_table(
        local,
        lat=np.array([v.lat for v in venue]) + rng.normal(0, 0.0002, len(owner)),
        lng=np.array([v.lng for v in venue]) + rng.normal(0, 0.0002, len(owner)),
        semantic_name=[v.name for v in venue], city=[v.city for v in venue], country=[v.country for v in venue],
        country_code=[v.country_code for v in venue],
        # every third photo is a plain view, as a captioner says of a photo where nothing happens
        caption=[stays[number].caption if index % 3 else "a blurry view" for index, number in enumerate(owner)],
    )
    for number, stay in enumerate(stays):
        stay.image_ids = table["image_id"].to_numpy()[owner == number].tolist()
    table["_stay"] = owner
    table["_sign"] = [stays[number].sign if is_first else "" for number, is_first in zip(owner, first)]
    return table


def write_life_library(folder: Path, stays: list[Stay], every: timedelta = PHOTO_EVERY, text_encoder=None) -> Path:
    """Commit the year as a library: photo table, and OCR, tags and detections as the enrichment steps leave them
    (a photo every 10 minutes makes about 30,000; every 2.5 minutes about 120,000); text_encoder: a sentence
    model to embed the photos' words with (the meaning channel)."""
    from ..enrich import shards
    from ..enrich.vision import describe_counts
    from ..indexing import commit_photo_table

    table = photo_rows(stays, every)
    folder = Path(folder)
    stamp = table[list(shards.STAMP)].reset_index(drop=True)
    owner = table["_stay"].to_numpy()
    signs = table["_sign"].to_numpy()
    shards.write_shard(folder, "ocr", stamp[signs != ""].assign(ocr_text=signs[signs != ""]))
    tagged = np.array([bool(stays[number].tags) for number in owner])
    tags = stamp[tagged].assign(tag_terms=[list(stays[number].tags) for number in owner[tagged]],
                                tag_scores=[[0.3] * len(stays[number].tags) for number in owner[tagged]])
    shards.write_shard(folder, "concepts", tags)
    counted = np.array([bool(stays[number].objects) for number in owner])
    objects = [stays[number].objects for number in owner[counted]]
    shards.write_shard(folder, "objects", stamp[counted].assign(
        object_labels=[list(found) for found in objects], object_counts=[list(found.values()) for found in objects],
        objects=[describe_counts(list(found), list(found.values())) for found in objects]))
    commit_photo_table(folder, table.drop(columns=["_stay", "_sign"]), None, {}, model=None, photo_roots=[], text_encoder=text_encoder)
    return folder
