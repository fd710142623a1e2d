"""Vicent's fourteen months, simulated and photographed by a generator of its own (not world.py's days nor
camera.py's camera), so that answers are not tuned to one way of writing a life.

The simulation walks the calendar: each day is planned from Vicent's habits (the market on Tuesdays and
Saturdays, the chess club on Thursdays, mass on Sundays, his granddaughter every other Sunday, the library,
walks on the beach), fixed appointments (the doctor, the optician, his birthday) and eight trips. The
wearable camera then fires every 1-5 minutes while he is out, every 10-35 minutes at home, never at night,
and not at all on some days. What each photo carries is drawn with its own noise: a captioner's generic
sentence (rarely naming the activity), several OCR strings per stay with misspellings and stray notices,
COCO detector labels with miscounts, scored concept tags; GPS with jitter, jumps and gaps (indoors, tunnels,
planes); a semantic place name for a few places only, and only on some of their photos.
The stays and photos are kept in world.py's records (`Place`, `Stay`, `Life`) so that truth.py can ask of
them; `write_library` commits them through the library's writing API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from .world import Life, Place, Stay, distance_m

ZONE = "Europe/Madrid"
FIRST, LAST = date(2025, 3, 1), date(2026, 4, 30)
NOW = datetime(2026, 4, 30, 21, 0)


def _at(name: str, lat: float, lng: float, city: str = "Valencia", country: str = "Spain", code: str = "ES", zone: str = ZONE,
        indoor: bool = True) -> Place:
    return Place(name, city, country, code, lat, lng, zone, indoor)


HOME = _at("", 39.4625, -0.3745)  # a flat in Russafa: the metadata never names it
MARKET = _at("Mercat Central", 39.4737, -0.3790)
CAFE = _at("Café Russafa", 39.4631, -0.3752)
BEACH = _at("", 39.4770, -0.3240, indoor=False)
CHURCH = _at("Iglesia de San Nicolás", 39.4770, -0.3780)
LIBRARY = _at("", 39.4716, -0.3822)
CHESS = _at("", 39.4681, -0.3702)
CLINIC = _at("Centro de Salud Russafa", 39.4601, -0.3718)
OPTICIAN = _at("", 39.4642, -0.3761)
PARK = _at("", 39.4622, -0.3560, indoor=False)
RESTAURANT = _at("Casa Carmela", 39.4655, -0.3285)
AIRPORT = _at("Aeropuerto de Valencia", 39.4893, -0.4816)
STATION = _at("Estación Joaquín Sorolla", 39.4601, -0.3842)


@dataclass(frozen=True)
class Look:
    """What a camera and its models could make of a stay: captioner sentences, COCO labels with true counts,
    concept tags with their typical scores, strings OCR can read; `details` are captions that carry a fact."""

    captions: tuple[str, ...]
    objects: tuple[tuple[str, int], ...] = ()
    tags: tuple[tuple[str, float], ...] = ()
    texts: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    counted: tuple[tuple[str, int], ...] = ()

    def plus(self, *, details=(), texts=(), counted=()) -> "Look":
        return Look(self.captions, self.objects, self.tags, self.texts + tuple(texts), self.details + tuple(details), self.counted + tuple(counted))


def _tags(*names: str) -> tuple[tuple[str, float], ...]:
    return tuple((name, 0.34 - 0.03 * rank) for rank, name in enumerate(names))


LOOKS = {
    "home": Look(("a living room with a couch and a television", "a kitchen with a stove and a sink", "a man sitting on a couch watching tv",
                  "a plate of food on a table", "a bowl of soup on a table", "a view of a balcony with plants"),
                 (("couch", 1), ("tv", 1), ("dining table", 1), ("cup", 1)), _tags("indoor", "room", "home", "kitchen")),
    "market": Look(("a market with lots of fruits and vegetables", "a man standing in front of a fruit stand", "a pile of oranges on a table",
                    "a group of people walking in a building", "a display of fish on ice"),
                   (("person", 6), ("orange", 8), ("banana", 3)), _tags("market", "indoor", "food", "crowd", "shopping"),
                   ("MERCAT CENTRAL", "TARONGES 1,80 €/kg", "PEIX FRESC")),
    "cafe": Look(("a cup of coffee on a table", "a man sitting at a table with a cup of coffee", "a table with a plate of food and a cup",
                  "a view of a city street with cars"), (("cup", 1), ("dining table", 1), ("person", 2)),
                 _tags("cafe", "coffee", "indoor", "table"), ("CAFÉ CON LECHE 1,60", "TOSTADA CON TOMATE", "ESMORZARS")),
    "beach": Look(("a view of a beach with people", "a sandy beach next to the ocean", "a person walking on a beach",
                   "a boardwalk next to the beach with palm trees"), (("person", 4), ("umbrella", 2)), _tags("beach", "sea", "outdoor", "sand"),
                  ("PASSEIG MARÍTIM", "PLATJA DE LA MALVA-ROSA")),
    "church": Look(("the inside of a church with pews", "a large church with a tall ceiling", "people sitting in a church",
                    "a painting on the ceiling of a building"), (("person", 12), ("bench", 4)), _tags("church", "indoor", "architecture"),
                   ("HORARIO DE MISAS", "PARROQUIA SAN NICOLÁS")),
    "library": Look(("a room full of books on shelves", "a man reading a book at a table", "a table with a laptop and books"),
                    (("book", 10), ("chair", 4), ("person", 3)), _tags("library", "books", "indoor"), ("BIBLIOTECA PÚBLICA", "SILENCI", "PRÉSTEC")),
    "chess": Look(("two men playing a game of chess", "a group of older men sitting at tables", "a chess board on a table",
                   "a man sitting at a table with a cup"), (("person", 5), ("chair", 6), ("clock", 1)), _tags("game", "indoor", "table", "people"),
                  ("CLUB D'ESCACS RUZAFA", "TORNEIG DE TARDOR")),
    "grandchild": Look(("a little girl sitting at a table", "a man and a little girl playing a board game", "a child drawing on a piece of paper",
                        "a little girl holding a stuffed animal"), (("person", 2), ("teddy bear", 1), ("dining table", 1)),
                       _tags("child", "indoor", "family", "play")),
    "park": Look(("a little girl on a slide", "a playground with a slide", "a park with trees and a path", "a large statue of a man lying down"),
                 (("person", 5),), _tags("park", "playground", "outdoor", "trees"), ("PARC GULLIVER",)),
    "doctor": Look(("a man sitting in a waiting room", "a room with a bed and a chair", "a hallway with chairs", "a desk with a computer"),
                   (("chair", 5), ("person", 3)), _tags("clinic", "waiting room", "indoor", "hospital"),
                   ("CENTRE DE SALUT", "CONSULTA 4", "TURNO A023")),
    "optician": Look(("a store with glasses on display", "a man trying on a pair of glasses", "a shelf with many pairs of glasses"),
                     (("person", 2),), _tags("store", "shop", "indoor", "glasses"), ("ÓPTICA RUSSAFA", "REVISIÓN GRATUITA")),
    "birthday": Look(("a group of people sitting around a table", "a cake with candles on a table", "a table with plates of food and glasses of wine",
                      "a large pan of paella on a table"), (("person", 8), ("wine glass", 8), ("cake", 1)), _tags("restaurant", "party", "food", "people"),
                     ("CASA CARMELA", "PAELLA VALENCIANA")),
    "fallas": Look(("a large crowd of people on a city street", "a large statue in the middle of a street", "fireworks in the night sky"),
                   (("person", 30),), _tags("festival", "crowd", "street", "outdoor"), ("FALLA CONVENT JERUSALEM", "MASCLETÀ 14:00")),
    "walk": Look(("a view of a city street with cars", "a sidewalk with trees and buildings", "a person walking down a street"),
                 (("car", 3), ("person", 2)), _tags("street", "outdoor", "city")),
    "car": Look(("a view of a highway from a car", "a car dashboard with a steering wheel", "a road with mountains in the background"),
                (("car", 3), ("truck", 1)), _tags("road", "car", "outdoor")),
    "taxi": Look(("a view of a street from a car window", "the back seat of a car"), (("car", 4),), _tags("car", "street")),
    "train": Look(("the inside of a train with seats", "a view of a field from a train window", "a man sitting in a train seat"),
                  (("person", 4), ("chair", 6)), _tags("train", "indoor", "travel"), ("SALIDA", "COCHE")),
    "station": Look(("a train station with people waiting", "a train parked at a station"), (("train", 1), ("person", 10)),
                    _tags("station", "train", "indoor"), ("SALIDAS", "ANDÉN 4")),
    "airport": Look(("a large airport terminal with people", "a man pulling a suitcase in an airport", "a view of an airplane from a window"),
                    (("person", 9), ("suitcase", 2), ("airplane", 1)), _tags("airport", "travel", "indoor"), ("SALIDAS DEPARTURES", "CONTROL DE SEGURIDAD")),
    "plane": Look(("a view of the wing of an airplane", "clouds from an airplane window", "a man sitting in an airplane seat"),
                  (("person", 3),), _tags("airplane", "sky", "travel")),
    "hotel": Look(("a hotel room with a bed", "a bed with white sheets", "a view of a city from a window", "a bathroom with a sink and a mirror"),
                  (("bed", 1), ("tv", 1)), _tags("hotel", "bedroom", "indoor")),
    "sight": Look(("a large building with a clock tower", "a group of people walking in a square", "a statue in front of a building",
                   "a city street with old buildings"), (("person", 8),), _tags("city", "architecture", "outdoor", "tourism")),
    "museum": Look(("a painting on a wall", "a room with paintings on the walls", "people looking at a painting"),
                   (("person", 6),), _tags("museum", "art", "indoor")),
    "restaurant": Look(("a plate of food on a table", "a table with a glass of wine", "a man sitting at a table with a plate of food"),
                       (("wine glass", 1), ("dining table", 1), ("person", 3)), _tags("restaurant", "food", "indoor")),
    "seaside": Look(("a beach with clear blue water", "a group of people swimming in the ocean", "a boat in the water"),
                    (("person", 6), ("boat", 1)), _tags("beach", "sea", "summer", "outdoor")),
    "service station": Look(("a gas station with cars", "a cup of coffee on a counter"), (("car", 3), ("cup", 1)),
                            _tags("gas station", "road"), ("ÁREA DE SERVICIO", "REPSOL")),
}


@dataclass(frozen=True)
class Trip:
    """A trip away: where, when, how he went, and what there was to see, eat and read."""

    city: str
    country: str
    code: str
    zone: str
    lat: float
    lng: float
    first: date
    last: date
    mode: str  # plane, train or car
    hotel: str
    sights: tuple[tuple[str, str], ...]  # (semantic name or "", look)
    restaurant: str
    dish: str  # a detail caption of the restaurant
    texts: tuple[str, ...]  # what the boarding pass, ticket or board says on the way out

    def place(self, name: str = "", north_m: float = 0, east_m: float = 0, indoor: bool = True) -> Place:
        lat = self.lat + north_m / 111_320
        return Place(name, self.city, self.country, self.code, lat, self.lng + east_m / (111_320 * np.cos(np.radians(self.lat))), self.zone, indoor)


TRIPS = (
    Trip("Madrid", "Spain", "ES", ZONE, 40.4168, -3.7038, date(2025, 4, 8), date(2025, 4, 11), "train", "Hotel Catalonia Atocha",
         (("Museo del Prado", "museum"), ("Parque del Retiro", "park"), ("", "sight")), "Casa Lucio", "a plate of fried eggs and potatoes",
         ("AVE 03063 COCHE 6 PLAZA 9A", "VALENCIA - MADRID PTA ATOCHA")),
    Trip("Rome", "Italy", "IT", "Europe/Rome", 41.9028, 12.4964, date(2025, 5, 20), date(2025, 5, 25), "plane", "Hotel Santa Maria",
         (("Colosseo", "sight"), ("Musei Vaticani", "museum"), ("", "sight")), "Da Enzo al 29", "a plate of spaghetti with sauce",
         ("VY 6104 VLC-FCO", "PUERTA B12")),
    Trip("Granada", "Spain", "ES", ZONE, 37.1773, -3.5986, date(2025, 6, 16), date(2025, 6, 19), "car", "Hotel Casa 1800",
         (("Alhambra", "sight"), ("", "sight")), "Bodegas Castañeda", "a table with small plates of tapas",
         ("ALHAMBRA NAZARÍES 14:30",)),
    Trip("Palma", "Spain", "ES", ZONE, 39.5696, 2.6502, date(2025, 7, 21), date(2025, 7, 26), "plane", "Hotel Saratoga",
         (("", "seaside"), ("Catedral de Mallorca", "sight")), "Ca'n Joan de s'Aigo", "a plate of pastries and a cup of hot chocolate",
         ("IB 3951 VLC-PMI", "PUERTA A3")),
    Trip("London", "United Kingdom", "GB", "Europe/London", 51.5072, -0.1276, date(2025, 9, 15), date(2025, 9, 19), "plane", "The Z Hotel Soho",
         (("British Museum", "museum"), ("", "sight")), "Dishoom", "a plate of curry with rice and naan",
         ("VY 7420 VLC-LGW", "PUERTA B14")),
    Trip("Marrakech", "Morocco", "MA", "Africa/Casablanca", 31.6295, -7.9811, date(2025, 11, 3), date(2025, 11, 7), "plane", "Riad Kniza",
         (("Jemaa el-Fnaa", "sight"), ("Jardin Majorelle", "park")), "Café des Épices", "a plate of couscous with vegetables",
         ("FR 8812 VLC-RAK", "PUERTA A7")),
    Trip("New York", "United States", "US", "America/New_York", 40.7128, -74.0060, date(2025, 12, 8), date(2025, 12, 14), "plane", "Hotel Edison",
         (("Central Park", "park"), ("Metropolitan Museum of Art", "museum"), ("", "sight")), "Katz's Delicatessen",
         "a pastrami sandwich on a plate", ("UA 2 VLC-EWR", "PUERTA C2")),
    Trip("Barcelona", "Spain", "ES", ZONE, 41.3874, 2.1686, date(2026, 2, 10), date(2026, 2, 13), "train", "Hotel Jazz",
         (("Sagrada Família", "sight"), ("", "sight")), "Can Solé", "a large pan of seafood rice",
         ("EUROMED 01162 COCHE 3 PLAZA 4D", "VALENCIA - BARCELONA SANTS")),
)
CAR_COLOUR = "silver"  # his own car, driven to Granada
UMBRELLA = "black"  # in the London rain
GLASSES = ("red", date(2025, 10, 7))  # new glasses, bought at the optician
BIRTHDAY = (date(2025, 9, 27), 8)  # his 75th: lunch for eight at Casa Carmela
DOCTOR_DAYS = (date(2025, 3, 18), date(2025, 5, 6), date(2025, 7, 8), date(2025, 10, 21), date(2026, 1, 27), date(2026, 3, 24))
FALLAS_DAYS = (date(2025, 3, 17), date(2025, 3, 19), date(2026, 3, 17), date(2026, 3, 18))
FLU = (date(2026, 1, 8), date(2026, 1, 16))  # in bed, camera in a drawer
MARKET_BUYS = ("oranges", "fish", "artichokes", "olives", "bread", "tomatoes", "a melon", "cheese")
SPEED_M_PER_MIN = {"walk": 75.0, "taxi": 400.0, "car": 1450.0, "train": 3300.0, "plane": 12_500.0}


class _Calendar:
    """The stays being lived, one after another; every stay's times are on its own place's clock."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.stays: list[Stay] = []

    def minutes(self, low: float, high: float) -> timedelta:
        return timedelta(minutes=float(self.rng.uniform(low, high)))

    def stay(self, activity: str, place: Place, start: datetime, length: timedelta, look: Look, **facts) -> datetime:
        self.stays.append(Stay(activity, place, start, start + length, look, dict(facts)))
        return start + length

    def move(self, mode: str, origin: Place, to: Place, start: datetime, look: Look, *, activity: str = "", bend: float = 0.06, **facts) -> datetime:
        """A journey along a gently curved path; returns the arrival on the destination's clock."""
        shares = np.linspace(0, 1, 9)
        sideways = bend * np.sin(np.pi * shares) * float(self.rng.choice((-1, 1)))
        lat = origin.lat + (to.lat - origin.lat) * shares - (to.lng - origin.lng) * sideways
        lng = origin.lng + (to.lng - origin.lng) * shares + (to.lat - origin.lat) * sideways
        route = tuple(zip(lat.tolist(), lng.tolist()))
        metres = sum(distance_m(*a, *b) for a, b in zip(route, route[1:]))
        end = start + timedelta(minutes=max(5.0, metres / SPEED_M_PER_MIN[mode]))
        local = mode in ("walk", "taxi")
        where = Place("", to.city if local else "", to.country if local else origin.country, to.country_code if local else origin.country_code,
                      to.lat, to.lng, origin.timezone, mode in ("train", "plane", "taxi"))
        self.stays.append(Stay(activity or mode, where, start, end, look, {"mode": mode, **facts}, route))
        shift = ZoneInfo(to.timezone).utcoffset(end) - ZoneInfo(origin.timezone).utcoffset(end)
        return end + shift


def _clock(day: date, hhmm: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm))


def _home_day(cal: _Calendar, day: date, week: int) -> None:
    """A day at home in Valencia, from his habits and appointments."""
    now = cal.stay("home", HOME, _clock(day, "08:00") + cal.minutes(0, 30), cal.minutes(50, 90), LOOKS["home"])
    weekday = day.weekday()
    if day in DOCTOR_DAYS:
        now = cal.move("walk", HOME, CLINIC, max(now, _clock(day, "09:20")), LOOKS["walk"])
        now = cal.stay("doctor", CLINIC, now, cal.minutes(35, 75), LOOKS["doctor"])
        now = cal.move("walk", CLINIC, HOME, now, LOOKS["walk"])
    elif weekday in (1, 5):
        bought = MARKET_BUYS[(day.toordinal() // 3) % len(MARKET_BUYS)]
        now = cal.move("walk", HOME, MARKET, max(now, _clock(day, "09:30")), LOOKS["walk"])
        now = cal.stay("market", MARKET, now, cal.minutes(50, 90), LOOKS["market"], bought=bought)
        if weekday == 5:
            now = cal.move("walk", MARKET, CAFE, now, LOOKS["walk"])
            now = cal.stay("cafe", CAFE, now, cal.minutes(30, 50), LOOKS["cafe"])
        now = cal.move("walk", CAFE if weekday == 5 else MARKET, HOME, now, LOOKS["walk"])
    elif weekday == 0 or (weekday == 4 and cal.rng.random() < 0.5):
        now = cal.move("taxi", HOME, BEACH, max(now, _clock(day, "09:45")), LOOKS["taxi"])
        north = Place("", "Valencia", "Spain", "ES", BEACH.lat + float(cal.rng.uniform(1800, 3600)) / 111_320, BEACH.lng - 0.002, ZONE, False)
        now = cal.move("walk", BEACH, north, now, LOOKS["beach"], activity="beach walk", bend=0.01)
        now = cal.move("taxi", north, HOME, now, LOOKS["taxi"])
    elif weekday == 2 and cal.rng.random() < 0.7:
        now = cal.move("walk", HOME, LIBRARY, max(now, _clock(day, "11:00")), LOOKS["walk"])
        now = cal.stay("library", LIBRARY, now, cal.minutes(60, 120), LOOKS["library"])
        now = cal.move("walk", LIBRARY, HOME, now, LOOKS["walk"])
    elif weekday == 6:
        now = cal.move("walk", HOME, CHURCH, max(now, _clock(day, "10:30")), LOOKS["walk"])
        now = cal.stay("church", CHURCH, now, cal.minutes(55, 70), LOOKS["church"])
        now = cal.move("walk", CHURCH, HOME, now, LOOKS["walk"])
    elif cal.rng.random() < 0.5:
        now = cal.stay("cafe", CAFE, max(now, _clock(day, "10:30")), cal.minutes(30, 60), LOOKS["cafe"])
    _special(cal, day, now)
    now = cal.stay("home", HOME, max(cal.stays[-1].end, _clock(day, "14:00")), cal.minutes(150, 200), LOOKS["home"])
    now = _afternoon(cal, day, week, now)
    cal.stay("home", HOME, max(now, _clock(day, "19:30")), cal.minutes(150, 200), LOOKS["home"])


def _special(cal: _Calendar, day: date, now: datetime) -> None:
    """The one-off days: the optician, his birthday lunch, the Fallas."""
    if day == GLASSES[1]:
        now = cal.stay("optician", OPTICIAN, max(now, _clock(day, "11:30")), cal.minutes(30, 45),
                       LOOKS["optician"].plus(details=(f"a pair of {GLASSES[0]} glasses on a counter",)), bought="glasses")
    elif day == BIRTHDAY[0]:
        now = cal.move("taxi", HOME, RESTAURANT, max(now, _clock(day, "13:15")), LOOKS["taxi"])
        now = cal.stay("birthday", RESTAURANT, now, cal.minutes(170, 200), LOOKS["birthday"].plus(counted=(("person", BIRTHDAY[1]),)),
                       guests=BIRTHDAY[1])
        cal.move("taxi", RESTAURANT, HOME, now, LOOKS["taxi"])
    elif day in FALLAS_DAYS:
        square = HOME.near("Plaça de l'Ajuntament", 1300, -350, indoor=False)
        now = cal.move("walk", HOME, square, max(now, _clock(day, "12:30")), LOOKS["walk"])
        now = cal.stay("fallas", square, now, cal.minutes(80, 110), LOOKS["fallas"])
        cal.move("walk", square, HOME, now, LOOKS["walk"])


def _afternoon(cal: _Calendar, day: date, week: int, now: datetime) -> datetime:
    """Chess on Thursdays; his granddaughter every other Sunday (to the park in the warm months)."""
    if day.weekday() == 3 and day not in FALLAS_DAYS:
        now = cal.move("walk", HOME, CHESS, max(now, _clock(day, "17:00")), LOOKS["walk"])
        now = cal.stay("chess", CHESS, now, cal.minutes(130, 170), LOOKS["chess"])
        return cal.move("walk", CHESS, HOME, now, LOOKS["walk"])
    if day.weekday() == 6 and week % 2 == 0:
        now = cal.stay("grandchild", HOME, max(now, _clock(day, "16:30")), cal.minutes(60, 90), LOOKS["grandchild"], who="Lucía")
        if 4 <= day.month <= 10:
            now = cal.move("walk", HOME, PARK, now, LOOKS["walk"], who="Lucía")
            now = cal.stay("park", PARK, now, cal.minutes(50, 80), LOOKS["park"], who="Lucía")
            now = cal.move("walk", PARK, HOME, now, LOOKS["walk"], who="Lucía")
    return now


def _there_and_back(cal: _Calendar, trip: Trip, day: date, going: bool) -> datetime:
    """The journey out (or home): to the airport or station and on, or the drive with a coffee on the way."""
    hotel = trip.place(trip.hotel, 300, -200)
    origin, to = (HOME, hotel) if going else (hotel, HOME)
    now = _clock(day, "09:30" if going else "10:00")
    facts = {"trip": trip.city}
    if trip.mode == "car":
        halfway = _at("", (origin.lat + to.lat) / 2 + 0.05, (origin.lng + to.lng) / 2, city="", indoor=False)
        now = cal.move("car", origin, halfway, now, LOOKS["car"], **facts)
        now = cal.stay("service station", halfway, now, cal.minutes(20, 30), LOOKS["service station"], **facts)
        return cal.move("car", halfway, to, now, LOOKS["car"], **facts)
    port_here = AIRPORT if trip.mode == "plane" else STATION
    port_there = trip.place("", -9000 if trip.mode == "plane" else -800, 6000 if trip.mode == "plane" else 300)
    first, second = (port_here, port_there) if going else (port_there, port_here)
    kind = "airport" if trip.mode == "plane" else "station"
    now = cal.move("taxi", origin, first, now, LOOKS["taxi"], **facts)
    look = LOOKS[kind].plus(texts=trip.texts) if going else LOOKS[kind]
    now = cal.stay(kind, first, now, cal.minutes(80, 110) if kind == "airport" else cal.minutes(25, 40), look, **facts)
    now = cal.move(trip.mode, first, second, now, LOOKS[trip.mode], bend=0.02, **facts)
    return cal.move("taxi", second, to, now + cal.minutes(10, 25), LOOKS["taxi"], **facts)


def _trip_day(cal: _Calendar, trip: Trip, day: date) -> None:
    """A day away: out or home again, or sights, a walk between them, lunch, and the hotel at night."""
    hotel = trip.place(trip.hotel, 300, -200)
    facts = {"trip": trip.city}
    if day == trip.first:
        now = cal.stay("home", HOME, _clock(day, "07:45"), cal.minutes(60, 90), LOOKS["home"])
        now = _there_and_back(cal, trip, day, going=True)
        cal.stay("hotel", hotel, now, cal.minutes(120, 180), LOOKS["hotel"], **facts)
        return
    if day == trip.last:
        cal.stay("hotel", hotel, _clock(day, "08:00"), cal.minutes(60, 80), LOOKS["hotel"], **facts)
        now = _there_and_back(cal, trip, day, going=False)
        cal.stay("home", HOME, now, cal.minutes(90, 150), LOOKS["home"])
        return
    number = (day - trip.first).days - 1
    now = cal.stay("hotel", hotel, _clock(day, "08:00"), cal.minutes(50, 70), LOOKS["hotel"], **facts)
    here = hotel
    for turn in range(2):
        name, look = trip.sights[(2 * number + turn) % len(trip.sights)]
        sight = trip.place(name, 1200 * (turn + 1) * (-1) ** number, 900 * (number % 3 - 1), indoor=look == "museum")
        now = cal.move("walk", here, sight, now + cal.minutes(10, 30), LOOKS["walk"], **facts)
        look = LOOKS[look]
        if trip.city == "London" and turn == 0:
            look = look.plus(details=(f"a person holding a {UMBRELLA} umbrella on a street",))
        if trip.mode == "car" and name == trip.sights[0][0]:  # no boarding pass on a drive: the tickets are for the first sight
            look = look.plus(texts=trip.texts)
        now = cal.stay("sightseeing", sight, now, cal.minutes(100, 160), look, **facts, sight=name)
        here = sight
        if turn == 0:
            named = number == 0
            eatery = trip.place(trip.restaurant if named else "", 200, 250)
            look = LOOKS["restaurant"].plus(details=(trip.dish,), texts=(trip.restaurant.upper(),)) if named else LOOKS["restaurant"]
            now = cal.stay("restaurant", eatery, now + cal.minutes(5, 15), cal.minutes(60, 90), look, **facts,
                           restaurant=trip.restaurant if named else "")
    now = cal.move("walk", here, hotel, now, LOOKS["walk"], **facts)
    cal.stay("hotel", hotel, now + cal.minutes(60, 120), cal.minutes(90, 120), LOOKS["hotel"], **facts)


def live(seed: int = 75) -> list[Stay]:
    """Every stay of the fourteen months, in time order."""
    cal = _Calendar(np.random.default_rng(seed))
    trip_of = {trip.first + timedelta(days=n): trip for trip in TRIPS for n in range((trip.last - trip.first).days + 1)}
    day = FIRST
    while day <= LAST:
        trip = trip_of.get(day)
        if trip:
            _trip_day(cal, trip, day)
        elif FLU[0] <= day <= FLU[1]:
            cal.stay("home", HOME, _clock(day, "09:00"), cal.minutes(300, 600), LOOKS["home"], ill=True)
        else:
            _home_day(cal, day, day.isocalendar()[1])
        day += timedelta(days=1)
    return cal.stays
