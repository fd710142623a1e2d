"""Linnea's fifteen months on a rota, simulated by a generator of its own (not world.py's days nor the
retiree's calendar), so that answers meet a life shaped by shifts rather than by the week.

The rota turns every ten days: three day shifts (07:30-20:00), a day off, three night shifts (19:30-08:00,
across midnight, so a night belongs to the evening it starts on), then three days off, the first of them
slept through. The week's habits fit around it: the choir on Wednesdays when she is free, the pool and the
dog's walks on days off, the 24-hour supermarket on the way home from some nights, her mother in
Trollhättan by train every fourth rota. A road trip through Norway, a week in Crete, a week ill, and the
clocks changing (a night shift an hour longer in October, an hour shorter in March). Sleep is a stay the
camera never sees. Times are each place's own clock; a stay across a clock change ends at the wall-clock
time it ended (`Stay.utc_span` gives how long it truly was).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from .retiree_life import Look
from .world import Place, Stay, distance_m

ZONE = "Europe/Stockholm"
FIRST, LAST = date(2025, 1, 3), date(2026, 3, 31)
NOW = datetime(2026, 3, 31, 21, 0)
ROTA = ("day", "day", "day", "off", "night", "night", "night", "slept", "off", "off")  # the ten-day cycle from FIRST


def _at(name: str, lat: float, lng: float, city: str = "Gothenburg", country: str = "Sweden", code: str = "SE", zone: str = ZONE,
        indoor: bool = True) -> Place:
    return Place(name, city, country, code, lat, lng, zone, indoor)


HOME = _at("", 57.6950, 11.9200)  # a flat in Majorna, never named
HOSPITAL = _at("Sahlgrenska Universitetssjukhuset", 57.6826, 11.9614)
SUPERMARKET = _at("ICA Nära Järntorget", 57.6998, 11.9530)
POOL = _at("Valhallabadet", 57.7004, 11.9885)
CHOIR = _at("Masthuggskyrkan", 57.6990, 11.9410)
PARK = _at("", 57.6870, 11.9400, indoor=False)  # Slottsskogen, where the dog is walked
STATION = _at("Göteborg Centralstation", 57.7089, 11.9730)
MOTHER_STATION = _at("Trollhättan C", 58.2837, 12.2886, city="Trollhättan")
MOTHER = _at("", 58.2870, 12.2950, city="Trollhättan")
AIRPORT = _at("Göteborg Landvetter Airport", 57.6628, 12.2798, city="Härryda")


def scored(*names: str) -> tuple[tuple[str, float], ...]:
    return tuple((name, 0.33 - 0.03 * rank) for rank, name in enumerate(names))


LOOKS = {
    "home": Look(("a living room with a couch and a lamp", "a kitchen with a kettle and a sink", "a woman sitting on a couch with a dog",
                  "a bowl of cereal on a table", "a dog lying on a rug"), (("couch", 1), ("dog", 1), ("cup", 1)), scored("indoor", "room", "home")),
    "ward": Look(("a hallway in a hospital", "a woman in scrubs at a computer", "a hospital room with a bed", "a nurse standing next to a bed",
                  "a cart with medical supplies in a hallway", "a desk with a computer and papers"),
                 (("person", 3), ("bed", 1), ("tv", 1), ("chair", 2)), scored("hospital", "indoor", "medical", "corridor"),
                 ("AVDELNING 33 AKUTMEDICIN", "HANDDESINFEKTION", "SAL 4", "ENDAST PERSONAL")),
    "break room": Look(("a table with cups and a microwave", "a woman eating at a table", "a kitchen with a coffee maker",
                        "a plate of food next to a cell phone"), (("cup", 3), ("microwave", 1), ("dining table", 1), ("person", 2)),
                       scored("kitchen", "indoor", "break"), ("PERSONALRUM", "DISKA DIN KOPP", "FIKA")),
    "tram": Look(("the inside of a tram with seats", "people sitting on a train", "a view of a street from a bus window",
                  "a blue and white tram on a street"), (("person", 5), ("train", 1)), scored("tram", "public transport", "indoor"),
                 ("6 KORTEDALA", "NÄSTA HÅLLPLATS", "11 SALTHOLMEN")),
    "cycle": Look(("a view of a bike lane on a street", "a person riding a bike down a street", "a handlebar of a bicycle"),
                  (("bicycle", 1), ("car", 2)), scored("street", "outdoor", "bicycle")),
    "walk": Look(("a street with buildings and trees", "a sidewalk next to a street", "a person walking down a street at night"),
                 (("car", 2), ("person", 1)), scored("street", "outdoor", "city")),
    "dog walk": Look(("a dog on a leash in a park", "a brown dog running on the grass", "a path through a park with trees",
                      "a dog sniffing the ground"), (("dog", 1), ("person", 2)), scored("park", "outdoor", "dog", "trees")),
    "supermarket": Look(("a grocery store aisle with food", "a shelf full of food in a store", "a person holding a receipt",
                         "a refrigerator full of drinks"), (("bottle", 6), ("person", 1)), scored("supermarket", "shopping", "indoor"),
                        ("ICA NÄRA", "ÖPPET 24 TIMMAR", "KVITTO", "JÄMFÖRPRIS")),
    "pool": Look(("a swimming pool with people in it", "an indoor pool with lanes", "a locker room with lockers"),
                 (("person", 6),), scored("swimming pool", "water", "indoor", "sport"), ("VALHALLABADET", "BASSÄNG 50 M", "DUSCHA FÖRE BAD")),
    "choir": Look(("a group of people singing in a church", "a choir standing in front of a piano", "sheet music on a stand",
                   "the inside of a church with candles"), (("person", 14), ("chair", 10)), scored("church", "music", "indoor", "people"),
                  ("MASTHUGGSKYRKAN", "KÖRREP ONSDAG 19.00")),
    "station": Look(("a train station with people waiting", "a departure board in a station", "a train at a platform"),
                    (("person", 10), ("train", 1)), scored("station", "train", "indoor"), ("AVGÅNGAR", "SPÅR 6")),
    "train": Look(("the inside of a train with seats", "a view of a lake from a train window", "a woman sitting in a train seat"),
                  (("person", 4), ("chair", 6)), scored("train", "travel", "indoor"), ("VÄSTTÅGEN", "VAGN 2")),
    "mother": Look(("an older woman sitting at a table", "a table with coffee and cake", "a living room with a cabinet and plates",
                    "two women sitting on a couch"), (("person", 2), ("cup", 2), ("cake", 1)), scored("home", "family", "indoor")),
    "car": Look(("a view of a road from a car", "a road with mountains in the background", "a car dashboard with a steering wheel",
                 "a road next to a lake"), (("car", 2),), scored("road", "car", "outdoor", "mountain")),
    "service station": Look(("a gas station with cars", "a cup of coffee on a counter"), (("car", 3), ("cup", 1)),
                            scored("gas station", "road"), ("CIRCLE K", "KAFFE 25 KR")),
    "hotel": Look(("a hotel room with a bed", "a bed with white sheets", "a view of a lake from a window"), (("bed", 1),),
                  scored("hotel", "bedroom", "indoor")),
    "sightseeing": Look(("a view of a fjord with mountains", "a town with colorful houses by the water", "a waterfall in the mountains",
                         "a harbor with boats"), (("person", 4), ("boat", 2)), scored("fjord", "mountain", "outdoor", "tourism")),
    "restaurant": Look(("a plate of food on a table", "a table with a glass of beer", "a woman sitting at a table in a restaurant"),
                       (("dining table", 1), ("wine glass", 1), ("person", 3)), scored("restaurant", "food", "indoor")),
    "airport": Look(("a large airport terminal with people", "a woman pulling a suitcase in an airport"), (("person", 9), ("suitcase", 2)),
                    scored("airport", "travel", "indoor"), ("AVGÅNGAR DEPARTURES", "SÄKERHETSKONTROLL")),
    "plane": Look(("a view of the wing of an airplane", "clouds from an airplane window"), (("person", 3),), scored("airplane", "sky")),
    "taxi": Look(("a view of a street from a car window", "the back seat of a car"), (("car", 3),), scored("car", "street")),
    "beach": Look(("a beach with clear blue water", "people lying on a beach", "a sandy beach with umbrellas"),
                  (("person", 8), ("umbrella", 4)), scored("beach", "sea", "summer", "outdoor")),
}


@dataclass(frozen=True)
class Town:
    """A night of the road trip: where, the hotel, and what was seen."""

    name: str
    lat: float
    lng: float
    hotel: str
    nights: int


ROAD_TRIP_START = date(2025, 6, 14)
ROAD_TRIP = (Town("Oslo", 59.9139, 10.7522, "Thon Hotel Opera", 2), Town("Lillehammer", 61.1153, 10.4662, "Scandic Lillehammer", 1),
             Town("Lom", 61.8384, 8.5686, "Fossheim Hotel", 1), Town("Geiranger", 62.1008, 7.2059, "Hotel Union Geiranger", 2),
             Town("Ålesund", 62.4722, 6.1495, "Hotel Brosundet", 1), Town("Åndalsnes", 62.5675, 7.6870, "Grand Hotel Bellevue", 1),
             Town("Hamar", 60.7945, 11.0680, "First Hotel Victoria", 1))
CAR = ("red", "a red car parked by a fjord")
CRETE = (date(2025, 9, 20), date(2025, 9, 27))
CHANIA = Place("Porto Veneziano", "Chania", "Greece", "GR", 35.5185, 24.0180, "Europe/Athens")
CHANIA_AIRPORT = Place("Chania International Airport", "Chania", "Greece", "GR", 35.5317, 24.1497, "Europe/Athens")
FLIGHT_OUT = ("SK 7711 GOT-CHQ", "GATE 14")
ILL = (date(2026, 2, 9), date(2026, 2, 15))
CAMERA_BROKEN = (date(2025, 11, 10), date(2025, 11, 19))
SCRUBS = "green"
NIGHT_BUYS = ("milk", "bread", "bananas", "yoghurt", "coffee", "eggs", "cheese")
SPEED_M_PER_MIN = {"walk": 80.0, "cycle": 260.0, "tram": 300.0, "taxi": 450.0, "car": 1250.0, "train": 1500.0, "plane": 12_000.0}


def rota(day: date) -> str:
    """What the rota says for a day (holidays and the week ill aside)."""
    return ROTA[(day - FIRST).days % len(ROTA)]


def away(day: date) -> str:
    """'road trip', 'crete', 'ill' or '' for a day at home."""
    trip_days = sum(town.nights for town in ROAD_TRIP) + 1
    if ROAD_TRIP_START <= day < ROAD_TRIP_START + timedelta(days=trip_days):
        return "road trip"
    if CRETE[0] <= day <= CRETE[1]:
        return "crete"
    return "ill" if ILL[0] <= day <= ILL[1] else ""


class Timeline:
    """The stays being lived one after another, with a clock that only moves on."""

    def __init__(self, rng: np.random.Generator):
        self.rng, self.stays, self.now, self.here = rng, [], datetime.combine(FIRST, time(6, 0)), HOME

    def minutes(self, low: float, high: float) -> timedelta:
        return timedelta(minutes=float(self.rng.uniform(low, high)))

    def at(self, day: date, clock: str) -> "Timeline":
        self.now = max(self.now, datetime.combine(day, time.fromisoformat(clock)))
        return self

    def stay(self, activity: str, place: Place, length: timedelta, look: Look | None = None, **facts) -> Stay:
        stay = Stay(activity, place, self.now, self.now + length, look or LOOKS.get(activity, LOOKS["home"]), dict(facts))
        self.stays.append(stay)
        self.now, self.here = stay.end, place
        return stay

    def until(self, activity: str, place: Place, day: date, clock: str, look: Look | None = None, **facts) -> Stay:
        """Stay from now until `clock` on `day` (on the wall clock)."""
        return self.stay(activity, place, datetime.combine(day, time.fromisoformat(clock)) - self.now, look, **facts)

    def move(self, mode: str, to: Place, look: Look | None = None, *, activity: str = "", **facts) -> Stay:
        """A journey from here to `to` along a gently winding path; the clock arrives on the destination's time."""
        origin = self.here
        shares = np.linspace(0, 1, 7)
        sideways = float(self.rng.uniform(-0.08, 0.08)) * np.sin(np.pi * shares)
        lat = origin.lat + (to.lat - origin.lat) * shares - (to.lng - origin.lng) * sideways * 0.5
        lng = origin.lng + (to.lng - origin.lng) * shares + (to.lat - origin.lat) * sideways
        route = tuple(zip(lat.tolist(), lng.tolist()))
        metres = sum(distance_m(*a, *b) for a, b in zip(route, route[1:]))
        length = timedelta(minutes=max(4.0, metres / SPEED_M_PER_MIN[mode] * float(self.rng.uniform(0.9, 1.2))))
        local = mode in ("walk", "cycle", "tram", "taxi")
        where = Place("", to.city if local else "", to.country if local else origin.country, to.country_code if local else origin.country_code,
                      to.lat, to.lng, origin.timezone, mode in ("tram", "train", "plane", "taxi"))
        stay = Stay(activity or mode, where, self.now, self.now + length, look or LOOKS[mode], {"mode": mode, **facts}, route)
        self.stays.append(stay)
        shift = ZoneInfo(to.timezone).utcoffset(stay.end) - ZoneInfo(origin.timezone).utcoffset(stay.end)
        self.now, self.here = stay.end + shift, to
        return stay


def _commute(line: Timeline, to: Place, day: date) -> Stay:
    """To or from work: the tram most days, the bike on some dry summer days."""
    if 5 <= day.month <= 9 and line.rng.random() < 0.5:
        return line.move("cycle", to)
    walk_to_stop = line.here.near("", 120, 80, indoor=False)
    line.move("walk", walk_to_stop, LOOKS["walk"])
    return line.move("tram", to, tram="6")


def _ward(line: Timeline, of: date, until_day: date, until: str, break_after: tuple[float, float], shift: str) -> None:
    """A shift on the ward (`of` the day it began), with half an hour in the break room somewhere in the middle."""
    line.stay("ward", HOSPITAL, line.minutes(*break_after), LOOKS["ward"].plus(details=(f"a nurse in {SCRUBS} scrubs in a hallway",)),
              shift=shift, of=of)
    line.stay("break room", HOSPITAL, line.minutes(25, 40), shift=shift, of=of)
    line.until("ward", HOSPITAL, until_day, until, shift=shift, of=of)


def _dog(line: Timeline, length: tuple[float, float]) -> None:
    park = PARK.near("", float(line.rng.uniform(-300, 300)), float(line.rng.uniform(-300, 300)), indoor=False)
    line.move("walk", park, LOOKS["dog walk"], activity="dog walk")
    line.stay("dog walk", park, line.minutes(*length))
    line.move("walk", HOME, LOOKS["dog walk"], activity="dog walk")


def _day_shift(line: Timeline, day: date) -> None:
    line.at(day, "06:05").stay("home", HOME, line.minutes(35, 50))
    _commute(line, HOSPITAL, day)
    line.at(day, "07:20")
    _ward(line, day, day, "20:10", (270, 330), "day")
    _commute(line, HOME, day)
    line.until("home", HOME, day, "22:30")


def _night_shift(line: Timeline, day: date) -> None:
    """From the evening of `day` to the morning after; some mornings the 24-hour supermarket on the way home."""
    line.at(day, "18:40")
    _commute(line, HOSPITAL, day)
    line.at(day, "19:15")
    after = day + timedelta(days=1)
    _ward(line, day, after, "08:05", (390, 430), "night")
    if line.rng.random() < 0.5:
        line.move("walk", SUPERMARKET) if line.rng.random() < 0.3 else line.move("tram", SUPERMARKET, tram="6")
        bought = NIGHT_BUYS[int(line.rng.integers(len(NIGHT_BUYS)))]
        total = f"{float(line.rng.integers(40, 260)) + float(line.rng.choice((0.0, 0.5, 0.9))):.2f}".replace(".", ",")
        look = LOOKS["supermarket"].plus(details=(f"{bought} in a shopping basket",), texts=(f"TOTALT {total} KR",))
        line.stay("supermarket", SUPERMARKET, line.minutes(12, 25), look, bought=bought, total=total)
        line.move("walk", HOME)
    else:
        _commute(line, HOME, after)
    line.stay("home", HOME, line.minutes(20, 40), after_night=True)


def _sleep_until(line: Timeline, day: date, clock: str) -> None:
    line.until("sleep", line.here, day, clock, LOOKS["home"])


def _free(line: Timeline, day: date, index: int) -> None:
    """A day off: the dog, the pool, the choir on Wednesdays, her mother every fourth rota."""
    line.at(day, "08:00").stay("home", HOME, line.minutes(40, 70))
    cycle = (day - FIRST).days // len(ROTA)
    if ROTA[index] == "off" and index == 8 and cycle % 4 == 1:
        line.at(day, "09:40").move("tram", STATION, tram="6")
        line.stay("station", STATION, line.minutes(10, 20))
        line.move("train", MOTHER_STATION)
        line.move("walk", MOTHER)
        line.stay("mother", MOTHER, line.minutes(200, 260), who="her mother")
        line.move("walk", MOTHER_STATION)
        line.move("train", STATION)
        line.move("tram", HOME, tram="6")
    else:
        _dog(line, (35, 60))
        if index in (3, 9) and line.rng.random() < 0.75:
            line.at(day, "10:30").move("cycle", POOL)
            line.stay("pool", POOL, line.minutes(45, 75), lengths=int(line.rng.integers(20, 41)))
            line.move("cycle", HOME)
    line.stay("home", HOME, line.minutes(60, 120))
    if day.weekday() == 2:
        line.at(day, "18:35").move("walk", CHOIR)
        line.at(day, "19:00").stay("choir", CHOIR, line.minutes(110, 125), LOOKS["choir"].plus(counted=(("person", 16),)))
        line.move("walk", HOME)
    elif line.now < datetime.combine(day, time(18, 0)):
        line.at(day, "18:00")
        _dog(line, (20, 35))
    line.until("home", HOME, day, "22:45")


def _home_day(line: Timeline, day: date) -> None:
    """One day of the rota at home, from waking to sleep (a night shift runs on into the next day)."""
    index = (day - FIRST).days % len(ROTA)
    shift = ROTA[index]
    if shift == "day":
        _day_shift(line, day)
    elif shift == "night":
        if index == 4:  # the first night: a morning up, an afternoon nap
            line.at(day, "08:30").stay("home", HOME, line.minutes(60, 90))
            _dog(line, (40, 60))
            line.until("home", HOME, day, "13:30")
            _sleep_until(line, day, "17:00")
        else:
            _sleep_until(line, day, "15:00")
        line.stay("home", HOME, line.minutes(30, 50))
        _dog(line, (25, 40))
        line.until("home", HOME, day, "18:35")
        _night_shift(line, day)
        return
    elif shift == "slept":
        _sleep_until(line, day, "14:30")
        line.stay("home", HOME, line.minutes(40, 60))
        _dog(line, (30, 50))
        line.until("home", HOME, day, "22:45")
    else:
        _free(line, day, index)
    _sleep_until(line, day + timedelta(days=1), "06:00" if ROTA[(index + 1) % len(ROTA)] == "day" else "07:45")


def _road_trip_day(line: Timeline, day: date) -> None:
    """Driving north town by town, a sight and dinner in each, a hotel each night; home on the last day."""
    nth = (day - ROAD_TRIP_START).days
    arrivals = np.cumsum([0] + [town.nights for town in ROAD_TRIP])
    facts = {"trip": "road trip"}
    line.at(day, "08:00")
    if nth in arrivals:
        where = HOME if nth == 0 else line.here
        line.stay("home" if nth == 0 else "hotel", where, line.minutes(40, 60), **({} if nth == 0 else facts))
        town = ROAD_TRIP[list(arrivals).index(nth)] if nth < arrivals[-1] else None
        to = _at(town.hotel, town.lat, town.lng, city=town.name, country="Norway", code="NO", zone="Europe/Oslo") if town else HOME
        halfway = _at("", (line.here.lat + to.lat) / 2, (line.here.lng + to.lng) / 2 + 0.05, city="", indoor=False)
        line.at(day, "09:15").move("car", halfway, **facts)
        line.stay("service station", halfway, line.minutes(20, 35), **facts)
        line.move("car", to, **facts)
        if town is None:
            line.until("home", HOME, day, "22:30")
            _sleep_until(line, day + timedelta(days=1), "07:45")
            return
        line.stay("hotel", to, line.minutes(40, 70), **facts, town=town.name)
    town = next(town for town, start in zip(ROAD_TRIP, arrivals) if start <= nth < start + town.nights)
    hotel = _at(town.hotel, town.lat, town.lng, city=town.name, country="Norway", code="NO", zone="Europe/Oslo")
    sight = hotel.near("", 900, -600, indoor=False)
    line.move("walk", sight, **facts)
    look = LOOKS["sightseeing"].plus(details=(CAR[1],)) if town.name == "Geiranger" else LOOKS["sightseeing"]
    line.stay("sightseeing", sight, line.minutes(90, 150), look, **facts, town=town.name)
    line.at(day, "18:30").stay("restaurant", sight.near("", 150, 100), line.minutes(60, 90), **facts, town=town.name)
    line.move("walk", hotel, **facts)
    line.until("hotel", hotel, day, "22:30", **facts, town=town.name)
    _sleep_until(line, day + timedelta(days=1), "07:30")


def _crete_day(line: Timeline, day: date) -> None:
    """A week in Chania: the flight out and home, the beach and the old harbour between."""
    facts = {"trip": "Crete"}
    if day in CRETE:
        going = day == CRETE[0]
        line.at(day, "07:00").stay("home" if going else "hotel", HOME if going else CHANIA, line.minutes(40, 60), **({} if going else facts))
        line.move("taxi", AIRPORT if going else CHANIA_AIRPORT, **facts)
        line.stay("airport", line.here, line.minutes(90, 120), LOOKS["airport"].plus(texts=FLIGHT_OUT) if going else None, **facts)
        line.move("plane", CHANIA_AIRPORT if going else AIRPORT, **facts)
        line.move("taxi", CHANIA if going else HOME, **facts)
        line.stay("hotel" if going else "home", line.here, line.minutes(120, 180), **({"trip": "Crete"} if going else {}))
    else:
        line.at(day, "08:30").stay("hotel", CHANIA, line.minutes(50, 70), **facts)
        beach = CHANIA.near("", 600, -2500, indoor=False)
        line.move("taxi", beach, **facts)
        line.stay("beach", beach, line.minutes(150, 240), **facts)
        line.move("taxi", CHANIA, **facts)
        line.at(day, "19:30").stay("restaurant", CHANIA.near("", 120, 200), line.minutes(70, 100), **facts)
        line.move("walk", CHANIA, **facts)
        line.stay("hotel", CHANIA, line.minutes(60, 90), **facts)
    _sleep_until(line, day + timedelta(days=1), "07:00" if day + timedelta(days=1) in CRETE else "07:45")


def live(seed: int = 33) -> list[Stay]:
    """Every stay of the fifteen months, in time order."""
    line = Timeline(np.random.default_rng(seed))
    day = FIRST
    while day <= LAST:
        trip = away(day)
        if trip == "road trip":
            _road_trip_day(line, day)
        elif trip == "crete":
            _crete_day(line, day)
        elif trip == "ill":
            line.at(day, "09:30").stay("home", HOME, line.minutes(300, 500), ill=True)
            _sleep_until(line, day + timedelta(days=1), "09:00")
        else:
            _home_day(line, day)
        day += timedelta(days=1)
    return line.stays
