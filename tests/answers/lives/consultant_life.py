"""Mikkel's fourteen months as a management consultant living in Copenhagen, simulated week by week on
world.py's days (not the retiree's calendar, not nomad's script), so that answers meet a traveller's life
written by yet another hand.

A client engagement sets the week: out on Monday morning (a flight to London, a train to Hamburg, or a
flight to Helsinki with a change at Stockholm Arlanda), client offices and hotel nights, dinner with the
team, home on Thursday evening. Fridays are at his own office; weekends are at home: the running club
on Saturday mornings, the market, a cinema or a restaurant with his partner Signe, the gym on Sundays.
Also two conferences, Christmas at Signe's parents' in Aarhus, two holidays abroad (Bangkok with a change
at Doha, Palermo), a week off ill, and a week whose photos were lost with his phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from .world import Day, Place, Scene, Stay, check_order

ZONE = "Europe/Copenhagen"
FIRST, LAST = date(2024, 9, 1), date(2025, 10, 31)
NOW = datetime(2025, 10, 31, 21, 0)
PARTNER = "Signe"


def _cph(name: str, lat: float, lng: float, indoor: bool = True) -> Place:
    return Place(name, "Copenhagen", "Denmark", "DK", lat, lng, ZONE, indoor)


HOME = _cph("", 55.6880, 12.5530)  # a flat in Nørrebro: the metadata never names it
OFFICE = _cph("Nordlys Consulting", 55.6660, 12.5710)
GYM = _cph("SATS Nørrebro", 55.6950, 12.5480)
PARK = _cph("Fælledparken", 55.7000, 12.5700, indoor=False)
MARKET = _cph("Torvehallerne", 55.6840, 12.5690)
CINEMA = _cph("Grand Teatret", 55.6770, 12.5680)
DOCTOR = _cph("Lægehuset Nørrebro", 55.6900, 12.5500)
BELLA = _cph("Bella Center", 55.6375, 12.5780)
AIRPORT = _cph("Copenhagen Airport", 55.6180, 12.6508)
STATION = _cph("København H", 55.6727, 12.5646)
HOME_RESTAURANTS = (_cph("Bæst", 55.6920, 12.5560), _cph("Kødbyens Fiskebar", 55.6690, 12.5620), _cph("Madklubben Vesterbro", 55.6710, 12.5540))
AARHUS = Place("", "Aarhus", "Denmark", "DK", 56.1629, 10.2039, ZONE)
AARHUS_STATION = Place("Aarhus H", "Aarhus", "Denmark", "DK", 56.1500, 10.2045, ZONE)


SCENES = {
    "home": Scene(("a living room with a couch and a television", "a kitchen with a stove and a sink", "a man sitting on a couch with a laptop",
                   "a plate of food on a table", "a bedroom with a bed and a lamp"),
                  (("couch", 1), ("tv", 1), ("laptop", 1), ("cup", 1)), ("indoor", "room", "home")),
    "office": Scene(("a man sitting at a desk with a laptop", "an office with desks and computers", "a group of people sitting around a table",
                     "a computer monitor on a desk", "a whiteboard with writing on it"),
                    (("laptop", 1), ("person", 4), ("chair", 6), ("tv", 1)), ("office", "indoor", "work", "meeting"),
                    ("NORDLYS CONSULTING", "MØDELOKALE 3", "KANTINE")),
    "client office": Scene(("a man sitting at a desk with a laptop", "a conference room with a long table and chairs",
                            "a group of people sitting around a table with laptops", "a whiteboard with writing on it",
                            "a view of a city from an office window", "a lobby of an office building"),
                           (("laptop", 3), ("person", 5), ("chair", 8), ("cup", 2)), ("office", "indoor", "meeting", "work"),
                           ("VISITOR", "MEETING ROOM", "LEVEL 4")),
    "hotel": Scene(("a hotel room with a bed", "a bed with white sheets and pillows", "a desk with a laptop in a hotel room",
                    "a bathroom with a sink and a mirror", "a view of a city from a window"),
                   (("bed", 1), ("tv", 1), ("laptop", 1)), ("hotel", "bedroom", "indoor")),
    "hotel gym": Scene(("a gym with treadmills and a window", "a row of exercise bikes in a room", "a man running on a treadmill"),
                       (("person", 1),), ("gym", "fitness", "indoor")),
    "gym": Scene(("a gym with lots of equipment", "a man lifting weights in a gym", "a row of treadmills in a gym", "a locker room with benches"),
                 (("person", 6), ("bench", 2)), ("gym", "fitness", "indoor", "sport"), ("SATS", "HUSK AT SPRITTE AF", "OMKLÆDNING")),
    "run": Scene(("a group of people running in a park", "a path through a park with trees", "a person running on a path",
                  "a lake surrounded by trees"), (("person", 8),), ("running", "park", "outdoor", "sport"), ("NØRREBRO LØBEKLUB",)),
    "market": Scene(("a market with lots of food stalls", "a display of fruit and vegetables", "a man standing at a counter in a market",
                     "a glass case full of pastries"), (("person", 9), ("apple", 4), ("bottle", 3)), ("market", "food", "indoor", "shopping"),
                    ("TORVEHALLERNE", "HAL 2", "SMØRREBRØD 75 KR")),
    "cinema": Scene(("a dark room with a large screen", "a movie theater with red seats", "a poster of a movie on a wall",
                     "a man and a woman sitting in a theater"), (("person", 20), ("chair", 20)), ("cinema", "indoor", "dark", "movie"),
                    ("GRAND TEATRET", "SAL 2", "POPCORN")),
    "restaurant": Scene(("a plate of food on a table", "a table with glasses of wine", "a man and a woman sitting at a table in a restaurant",
                         "a group of people eating at a table", "a menu on a table"),
                        (("wine glass", 2), ("dining table", 1), ("person", 3), ("fork", 2)), ("restaurant", "food", "indoor", "dinner")),
    "airport": Scene(("a large airport terminal with people", "a man pulling a suitcase in an airport", "a view of an airplane from a window",
                      "a departure board in an airport", "a security line at an airport"),
                     (("person", 12), ("suitcase", 3), ("airplane", 1)), ("airport", "travel", "indoor"), ("DEPARTURES", "SECURITY", "GATES A-C")),
    "lounge": Scene(("a lounge with chairs and tables", "a cup of coffee next to a laptop", "a buffet with food on a counter"),
                    (("chair", 6), ("cup", 1), ("laptop", 1)), ("lounge", "airport", "indoor"), ("LOUNGE", "WIFI")),
    "plane": Scene(("a view of the wing of an airplane", "clouds seen from an airplane window", "a man sitting in an airplane seat",
                    "a tray table with a cup of coffee"), (("person", 3), ("cup", 1)), ("airplane", "sky", "travel")),
    "train": Scene(("the inside of a train with seats", "a view of a field from a train window", "a laptop on a train table",
                    "a man sitting in a train seat"), (("person", 4), ("laptop", 1)), ("train", "travel", "indoor")),
    "station": Scene(("a train station with people waiting", "a train at a platform", "a departure board at a station"),
                     (("train", 1), ("person", 10)), ("station", "train", "travel", "indoor")),
    "taxi": Scene(("a view of a street from a car window", "the back seat of a car", "a highway seen through a windshield"),
                  (("car", 4),), ("car", "street", "travel")),
    "walk": Scene(("a city street with buildings", "a sidewalk with people walking", "a street with bicycles parked"),
                  (("person", 3), ("bicycle", 2), ("car", 2)), ("street", "outdoor", "city")),
    "metro": Scene(("the inside of a subway car", "a subway station platform"), (("person", 6),), ("subway", "indoor", "travel"), ("METRO",)),
    "conference": Scene(("a large room full of people sitting in chairs", "a man speaking on a stage", "a screen showing a presentation",
                         "people standing around tables with drinks"), (("person", 40), ("chair", 30)),
                        ("conference", "indoor", "crowd", "presentation")),
    "doctor": Scene(("a waiting room with chairs", "a man sitting in a waiting room", "a doctor's office with a desk"),
                    (("chair", 5), ("person", 2)), ("clinic", "indoor", "waiting room"), ("VENTEVÆRELSE", "LÆGEHUSET NØRREBRO")),
    "ill": Scene(("a bed with a blanket", "a cup of tea on a bedside table", "a box of tissues on a table", "a man lying on a couch"),
                 (("bed", 1), ("cup", 1)), ("indoor", "bedroom", "home"), ("PARACETAMOL 500 MG",)),
    "family": Scene(("a christmas tree with lights", "a group of people sitting around a table", "a table set for dinner with candles",
                     "a living room with a fireplace"), (("person", 6), ("dining table", 1)), ("family", "christmas", "indoor", "home")),
    "sight": Scene(("a large temple with a golden roof", "a group of tourists in a square", "a street with old buildings", "a statue in front of a building"),
                   (("person", 10),), ("city", "tourism", "outdoor", "architecture")),
    "beach": Scene(("a beach with clear blue water", "a sandy beach with umbrellas", "a view of the sea and mountains"),
                   (("person", 8), ("umbrella", 4)), ("beach", "sea", "summer", "outdoor")),
    "boat": Scene(("a boat on a river", "a view of a river from a boat", "people sitting on a boat"), (("boat", 2), ("person", 6)),
                  ("river", "boat", "outdoor")),
    "street market": Scene(("a busy street market with stalls", "a stall selling fruit", "a crowd of people in a market"),
                           (("person", 15),), ("market", "street", "outdoor", "food")),
}


@dataclass(frozen=True)
class Away:
    """A city he works in or visits: its port (airport or station), hotel, client office and restaurants, how he
    gets there (`legs`: (flight or train, hub airport or None) out and back) and what his tickets say."""

    city: str
    port: Place
    hotel: Place
    office: Place | None
    restaurants: tuple[Place, ...]
    out: tuple[tuple[str, Place | None], ...]  # (flight or train, where it lands); a hub lands before the city
    back: tuple[tuple[str, Place | None], ...]
    hotel_texts: tuple[str, ...] = ()
    mode: str = "plane"


def _there(name: str, city: str, country: str, code: str, zone: str, lat: float, lng: float, indoor: bool = True) -> Place:
    return Place(name, city, country, code, lat, lng, zone, indoor)


def _london(name: str, lat: float, lng: float) -> Place:
    return _there(name, "London", "United Kingdom", "GB", "Europe/London", lat, lng)


def _hamburg(name: str, lat: float, lng: float) -> Place:
    return _there(name, "Hamburg", "Germany", "DE", "Europe/Berlin", lat, lng)


def _helsinki(name: str, lat: float, lng: float) -> Place:
    return _there(name, "Helsinki", "Finland", "FI", "Europe/Helsinki", lat, lng)


ARLANDA = _there("Stockholm Arlanda Airport", "Stockholm", "Sweden", "SE", "Europe/Stockholm", 59.6498, 17.9238)
DOHA = _there("Hamad International Airport", "Doha", "Qatar", "QA", "Asia/Qatar", 25.2731, 51.6081)
LONDON = Away("London", _london("Heathrow Airport", 51.4700, -0.4543), _london("Marlowe Hotel Canary Wharf", 51.5030, -0.0170),
              _london("Halden Insurance", 51.5049, -0.0195), (_london("The Gun", 51.5010, -0.0080), _london("Iberica Canary Wharf", 51.5055, -0.0210)),
              (("SK 501", None),), (("SK 506", None),))
HAMBURG = Away("Hamburg", _hamburg("Hamburg Hbf", 53.5530, 10.0069), _hamburg("Hotel Speicherstadt", 53.5440, 9.9950),
               _hamburg("Elbwerk Logistik", 53.5413, 9.9936), (_hamburg("Oberhafen Kantine", 53.5460, 10.0110), _hamburg("Brücke 10", 53.5450, 9.9700)),
               (("EC 391", None),), (("EC 390", None),), ("ZIMMER 412", "HOTEL SPEICHERSTADT"), "train")
HELSINKI = Away("Helsinki", _helsinki("Helsinki Airport", 60.3172, 24.9633), _helsinki("Hotel Katajanokka", 60.1670, 24.9680),
                _helsinki("Kallio Telecom", 60.1630, 24.9120), (_helsinki("Savotta", 60.1690, 24.9530), _helsinki("Ravintola Juuri", 60.1650, 24.9420)),
                (("SK 1415", ARLANDA), ("SK 706", None)), (("AY 954", None),))
STOCKHOLM = Away("Stockholm", ARLANDA, _there("Hotel Kungsholmen", "Stockholm", "Sweden", "SE", "Europe/Stockholm", 59.3320, 18.0300),
                 _there("Stockholmsmässan", "Stockholm", "Sweden", "SE", "Europe/Stockholm", 59.2690, 17.9860),
                 (_there("", "Stockholm", "Sweden", "SE", "Europe/Stockholm", 59.3290, 18.0500),), (("SK 1417", None),), (("SK 1424", None),))
BANGKOK = Away("Bangkok", _there("Suvarnabhumi Airport", "Bangkok", "Thailand", "TH", "Asia/Bangkok", 13.6900, 100.7501),
               _there("Riva Surya Bangkok", "Bangkok", "Thailand", "TH", "Asia/Bangkok", 13.7600, 100.4930), None,
               (_there("Jay Fai", "Bangkok", "Thailand", "TH", "Asia/Bangkok", 13.7525, 100.5045),
                _there("", "Bangkok", "Thailand", "TH", "Asia/Bangkok", 13.7400, 100.5100)),
               (("QR 160", DOHA), ("QR 830", None)), (("QR 831", DOHA), ("QR 161", None)))
PALERMO = Away("Palermo", _there("Palermo Airport", "Palermo", "Italy", "IT", "Europe/Rome", 38.1760, 13.0910),
               _there("Hotel Principe di Villafranca", "Palermo", "Italy", "IT", "Europe/Rome", 38.1250, 13.3510), None,
               (_there("Antica Focacceria San Francesco", "Palermo", "Italy", "IT", "Europe/Rome", 38.1170, 13.3640),
                _there("", "Palermo", "Italy", "IT", "Europe/Rome", 38.1150, 13.3600)),
               (("DY 3640", None),), (("DY 3641", None),))
SIGHTS = {  # a holiday's days out: (semantic name, scene, metres north and east of the hotel)
    "Bangkok": (("Wat Pho", "sight", -1500, -300), ("Grand Palace", "sight", -1100, -400), ("Chatuchak Market", "street market", 4400, 6000),
                ("Chao Phraya Express", "boat", -600, -200)),
    "Palermo": (("Cattedrale di Palermo", "sight", -900, 1000), ("Mercato di Ballarò", "street market", -1300, 1200),
                ("Mondello", "beach", 8000, -2500)),
}
HOLIDAYS = ((BANGKOK, date(2025, 2, 8), date(2025, 2, 18)), (PALERMO, date(2025, 7, 12), date(2025, 7, 19)))
ENGAGEMENTS = ((LONDON, date(2024, 9, 2), date(2024, 12, 13)), (HAMBURG, date(2025, 1, 6), date(2025, 5, 30)),
               (HELSINKI, date(2025, 6, 2), date(2025, 10, 24)))
CONFERENCES = (("DIGITAL SUPPLY CHAIN DAY 2024", date(2024, 11, 22), date(2024, 11, 22)),
               ("NORDIC OPERATIONS SUMMIT 2025", date(2025, 5, 13), date(2025, 5, 14)))
CHRISTMAS = (date(2024, 12, 23), date(2024, 12, 27))
ILL = (date(2025, 3, 17), date(2025, 3, 23))
DOCTOR_DAY = date(2025, 3, 18)
PHONE_LOST = (date(2025, 4, 14), date(2025, 4, 20))  # lived, but no photo survived
WORKSHOP = (date(2025, 9, 10), "OPERATING MODEL WORKSHOP", 9)  # the day, its whiteboard, how many were there
SUITCASE, SHOES, TUK_TUK = "green", "orange", "pink"
FILMS = ("THE SUBSTANCE", "CONCLAVE", "ANORA", "FLOW", "THE BRUTALIST", "A COMPLETE UNKNOWN", "MICKEY 17", "SINNERS",
         "THE PHOENICIAN SCHEME", "F1", "WEAPONS", "ONE BATTLE AFTER ANOTHER", "THE SMASHING MACHINE", "BUGONIA")
MARKET_BUYS = ("strawberries", "smoked salmon", "sourdough bread", "cherries", "cheese", "apples", "flowers", "coffee beans")
DISHES = {"Jay Fai": "a crab omelette on a plate", "Antica Focacceria San Francesco": "a plate of arancini"}
GATES = ("A12", "B7", "C31", "B9", "A20", "C26", "B15")
CODES = {"Copenhagen Airport": "CPH", "Heathrow Airport": "LHR", "Stockholm Arlanda Airport": "ARN", "Helsinki Airport": "HEL",
         "Hamad International Airport": "DOH", "Suvarnabhumi Airport": "BKK", "Palermo Airport": "PMO"}


class _Lived:
    """The stays so far, and where and when the last day ended (the next day starts from there)."""

    def __init__(self, rng: np.random.Generator):
        self.rng, self.stays, self.here, self.after = rng, [], HOME, None

    def day(self, when: date, start: str = "06:00") -> Day:
        return Day(when, self.rng, self.here, self.after, start)

    def keep(self, day: Day) -> None:
        self.stays += day.stays
        self.here, self.after = day.here, day.now


def _ticket(day: Day, number: str, origin: Place, to: Place) -> tuple[tuple[str, ...], dict]:
    """What the boarding pass or train ticket says, and the facts it holds."""
    if number.startswith("EC"):
        carriage, seat = int(day.rng.integers(21, 29)), int(day.rng.integers(11, 96))
        line = "KØBENHAVN H - HAMBURG HBF" if origin.city == "Copenhagen" else "HAMBURG HBF - KØBENHAVN H"
        return (f"{number}  {line}", f"WAGEN {carriage}  PLATZ {seat}"), {"train": number, "carriage": str(carriage)}
    gate, seat = day.pick(GATES), f"{int(day.rng.integers(3, 42))}{day.pick('ACDF')}"
    return (f"{number}  {CODES[origin.name]}-{CODES[to.name]}", f"GATE {gate}", f"SEAT {seat}"), {"flight": number, "gate": gate, "seat": seat}


def _legs(day: Day, away: Away, going: bool, first_trip: bool = False) -> None:
    """From the port he is at, every leg to the far port (a change at a hub on the way), with what he waits in."""
    legs = away.out if going else away.back
    origin = day.here
    for number, (code, hub) in enumerate(legs):
        to = hub or (away.port if going else (STATION if away.mode == "train" else AIRPORT))
        texts, facts = _ticket(day, code, origin, to)
        waiting = "station" if away.mode == "train" else "airport" if number == 0 else "layover"
        look = SCENES["station" if waiting == "station" else "airport"].with_(texts=texts)
        if first_trip and number == 0:
            look = look.with_(captions=(f"a man pulling a {SUITCASE} suitcase in an airport",))
        if waiting == "airport" and origin is AIRPORT and day.rng.random() < 0.5:
            day.go("airport", origin, 25, look, trip=away.city, leg="out" if going else "back", **facts)
            day.go("lounge", origin.near("SAS Lounge", 40, 60), 45, SCENES["lounge"], trip=away.city)
        else:
            day.go(waiting, origin, 20 if waiting == "station" else 70, look, trip=away.city, leg="out" if going else "back", **facts)
        day.travel(away.mode, to, SCENES[away.mode], via=4, trip=away.city, leg="out" if going else "back", **facts)
        origin = to


def _out(day: Day, away: Away, first_trip: bool = False) -> None:
    """Home to the far port: a taxi to the airport or the station, then the legs."""
    port = STATION if away.mode == "train" else AIRPORT
    day.travel("car", port, SCENES["taxi"], activity="taxi", trip=away.city)
    _legs(day, away, True, first_trip)


def _home_again(day: Day, away: Away) -> None:
    """From the far port home: the legs, a taxi, and the evening at home."""
    _legs(day, away, False)
    day.travel("car", HOME, SCENES["taxi"], activity="taxi", trip=away.city)
    day.go("home", HOME, 120, SCENES["home"])


def _dinner(day: Day, away: Away, place: Place, **facts) -> None:
    day.wait(20).travel("walk", place, SCENES["walk"], trip=away.city)
    dish = DISHES.get(place.name)
    look = SCENES["restaurant"].with_(captions=(dish,), texts=(place.name.upper(),)) if dish else SCENES["restaurant"]
    day.go("restaurant", place, 100, look, trip=away.city, restaurant=place.name, **facts)
    day.travel("walk", away.hotel, SCENES["walk"], trip=away.city)
    day.go("hotel", away.hotel, max(30.0, (datetime.combine(day.date, datetime.min.time()) + timedelta(hours=23.5) - day.now).total_seconds() / 60),
           SCENES["hotel"].with_(texts=away.hotel_texts), jitter=0.0, trip=away.city)


def _client_day(day: Day, away: Away, weekday: int, first_trip: bool) -> None:
    """Monday out, Tuesday and Wednesday at the client, Thursday home: the office all day, the team's dinner, the hotel."""
    facts = {"trip": away.city, "client": away.office.name}
    if weekday == 0:
        day.go("home", HOME, 40, SCENES["home"])
        _out(day, away, first_trip)
        fare = float(day.rng.uniform(55, 85))
        taxi = day.travel("car" if away.mode == "plane" else "walk", away.office, SCENES["taxi" if away.mode == "plane" else "walk"].with_(
            texts=(f"TOTAL £{fare:.2f}",) if away is LONDON else ()), activity="taxi" if away.mode == "plane" else "walk", trip=away.city)
        if away is LONDON:
            taxi.facts["fare"] = f"{fare:.2f}"
    else:
        if day.rng.random() < 0.4:
            day.at("06:30").go("hotel gym", away.hotel.near("", 0, 10), 45, SCENES["hotel gym"], trip=away.city)
        day.at("07:15").go("hotel", away.hotel, 45, SCENES["hotel"].with_(texts=away.hotel_texts), trip=away.city)
        day.travel("walk", away.office, SCENES["walk"], trip=away.city)
    look = SCENES["client office"].with_(texts=(away.office.name.upper(),))
    if day.date == WORKSHOP[0]:
        look = look.with_(captions=("a group of people standing in front of a whiteboard",), objects=(("person", WORKSHOP[2]),), texts=(WORKSHOP[1],))
    until = 15 if weekday == 3 else 18
    minutes = max(60.0, (datetime.combine(day.date, datetime.min.time()) + timedelta(hours=until) - day.now).total_seconds() / 60)
    day.go("client office", away.office, minutes, look, jitter=0.05, **facts)
    if weekday == 3:
        day.travel("car" if away.mode == "plane" else "walk", away.port, SCENES["taxi" if away.mode == "plane" else "walk"],
                   activity="taxi" if away.mode == "plane" else "walk", trip=away.city)
        _home_again(day, away)
        return
    place = away.restaurants[0] if weekday == 1 else day.pick(away.restaurants)
    _dinner(day, away, place, team=True)


def _own_office_day(day: Day, friday: bool) -> None:
    """A day at his own firm's office, the metro both ways; on Fridays dinner out with Signe or the gym."""
    day.at("06:45").go("home", HOME, 60, SCENES["home"])
    day.travel("subway", OFFICE, SCENES["metro"], activity="metro")
    day.go("office", OFFICE, 480, SCENES["office"], jitter=0.06)
    day.travel("subway", HOME, SCENES["metro"], activity="metro")
    if friday and day.rng.random() < 0.6:
        place = day.pick(HOME_RESTAURANTS)
        day.wait(40).travel("walk", place, SCENES["walk"])
        day.go("restaurant", place, 110, SCENES["restaurant"], restaurant=place.name, who=PARTNER)
        day.travel("walk", HOME, SCENES["walk"])
    elif friday:
        _gym(day)
    day.go("home", HOME, 150, SCENES["home"])


def _gym(day: Day) -> None:
    day.travel("walk", GYM, SCENES["walk"])
    day.go("gym", GYM, 70, SCENES["gym"])
    day.travel("walk", HOME, SCENES["walk"])


def _saturday(day: Day, first_run: bool) -> None:
    """The running club in Fælledparken, the market, and an evening at the cinema or a restaurant with Signe."""
    day.at("07:30").go("home", HOME, 70, SCENES["home"])
    day.travel("walk", PARK, SCENES["walk"])
    turn = PARK.near("", float(day.rng.uniform(2000, 3500)), float(day.rng.uniform(-800, 800)), indoor=False)
    look = SCENES["run"].with_(captions=(f"a pair of {SHOES} running shoes on a path",)) if first_run else SCENES["run"]
    day.at("09:00").travel("run", turn, look, via=4, club=True)
    day.travel("run", PARK, SCENES["run"], via=4, club=True)
    day.travel("walk", HOME, SCENES["walk"])
    day.go("home", HOME, 50, SCENES["home"])
    bought = MARKET_BUYS[(day.date.toordinal() // 7) % len(MARKET_BUYS)]
    day.travel("walk", MARKET, SCENES["walk"])
    day.go("market", MARKET, 55, SCENES["market"].with_(captions=(f"a bag of {bought} on a counter",)), bought=bought)
    day.travel("walk", HOME, SCENES["walk"])
    day.go("home", HOME, 300, SCENES["home"])
    roll = day.rng.random()
    if roll < 0.45:
        film = FILMS[(day.date.year * 12 + day.date.month) % len(FILMS)]
        day.travel("walk", CINEMA, SCENES["walk"])
        day.go("cinema", CINEMA, 140, SCENES["cinema"].with_(texts=(film,)), film=film, who=PARTNER)
        day.travel("walk", HOME, SCENES["walk"])
    elif roll < 0.75:
        place = day.pick(HOME_RESTAURANTS)
        day.travel("walk", place, SCENES["walk"])
        day.go("restaurant", place, 110, SCENES["restaurant"], restaurant=place.name, who=PARTNER)
        day.travel("walk", HOME, SCENES["walk"])
    day.go("home", HOME, 90, SCENES["home"])


def _sunday(day: Day) -> None:
    day.at("08:00").go("home", HOME, 120, SCENES["home"])
    if day.rng.random() < 0.75:
        _gym(day)
    day.go("home", HOME, 180, SCENES["home"])
    if day.rng.random() < 0.5:
        day.travel("walk", PARK, SCENES["walk"], who=PARTNER)
        day.travel("walk", HOME, SCENES["walk"], who=PARTNER)
    day.go("home", HOME, 200, SCENES["home"])


def _conference_day(day: Day, name: str, first: date, last: date) -> None:
    """A conference: Bella Center by metro, or two days at Stockholmsmässan with a flight each way and a hotel night."""
    look = SCENES["conference"].with_(texts=(name, "REGISTRATION"))
    if first == last:  # the one-day conference is at home, at the Bella Center
        day.at("07:00").go("home", HOME, 50, SCENES["home"])
        day.travel("subway", BELLA, SCENES["metro"], activity="metro")
        day.go("conference", BELLA, 480, look, conference=name)
        day.travel("subway", HOME, SCENES["metro"], activity="metro")
        day.go("home", HOME, 200, SCENES["home"])
        return
    facts = {"trip": STOCKHOLM.city, "conference": name}
    if day.date == first:
        day.go("home", HOME, 40, SCENES["home"])
        _out(day, STOCKHOLM)
        day.travel("car", STOCKHOLM.office, SCENES["taxi"], activity="taxi", trip=STOCKHOLM.city)
        day.go("conference", STOCKHOLM.office, 390, look, **facts)
        day.travel("car", STOCKHOLM.hotel, SCENES["taxi"], activity="taxi", trip=STOCKHOLM.city)
        _dinner(day, STOCKHOLM, STOCKHOLM.restaurants[0])
        return
    day.at("07:00").go("hotel", STOCKHOLM.hotel, 50, SCENES["hotel"], trip=STOCKHOLM.city)
    day.travel("car", STOCKHOLM.office, SCENES["taxi"], activity="taxi", trip=STOCKHOLM.city)
    day.go("conference", STOCKHOLM.office, 400, look, **facts)
    day.travel("car", STOCKHOLM.port, SCENES["taxi"], activity="taxi", trip=STOCKHOLM.city)
    _home_again(day, STOCKHOLM)


def _christmas_day(day: Day) -> None:
    """Christmas at Signe's parents' in Aarhus: the train there on the first day and home on the last."""
    house, facts = AARHUS, {"trip": "Aarhus", "who": PARTNER}
    if day.date == CHRISTMAS[0]:
        day.at("08:00").go("home", HOME, 60, SCENES["home"])
        day.travel("car", STATION, SCENES["taxi"], activity="taxi")
        day.go("station", STATION, 20, SCENES["station"].with_(texts=("IC 137  KØBENHAVN H - AARHUS H",)), **facts)
        day.travel("train", AARHUS_STATION, SCENES["train"], **facts)
        day.travel("walk", house, SCENES["walk"], **facts)
    elif day.date == CHRISTMAS[1]:
        day.at("08:00").go("family", house, 150, SCENES["family"], **facts)
        day.travel("walk", AARHUS_STATION, SCENES["walk"], **facts)
        day.go("station", AARHUS_STATION, 20, SCENES["station"], **facts)
        day.travel("train", STATION, SCENES["train"], **facts)
        day.travel("car", HOME, SCENES["taxi"], activity="taxi")
        day.go("home", HOME, 200, SCENES["home"])
        return
    else:
        day.at("08:30").go("family", house, 240, SCENES["family"], **facts)
        day.travel("walk", house.near("", 900, 400, indoor=False), SCENES["walk"], **facts)
        day.travel("walk", house, SCENES["walk"], **facts)
    day.go("family", house, 300, SCENES["family"], **facts)


def _ill_day(day: Day) -> None:
    day.at("08:30").go("ill", HOME, 90, SCENES["ill"], ill=True)
    if day.date == DOCTOR_DAY:
        day.travel("walk", DOCTOR, SCENES["walk"])
        day.go("doctor", DOCTOR, 40, SCENES["doctor"])
        day.travel("walk", HOME, SCENES["walk"])
    day.go("ill", HOME, 600, SCENES["ill"], ill=True)


def _holiday_day(day: Day, away: Away, first: date, last: date) -> None:
    """A day of a holiday: there, or a sight or two with lunch and dinner, or home again."""
    facts = {"trip": away.city, "holiday": True}
    if day.date == first:
        day.at("10:00").go("home", HOME, 60, SCENES["home"])
        _out(day, away)
        day.travel("car", away.hotel, SCENES["taxi"], activity="taxi", **facts)
        day.go("hotel", away.hotel, 120, SCENES["hotel"], **facts)
        return
    if day.date == last:
        day.at("06:30").go("hotel", away.hotel, 60, SCENES["hotel"], **facts)
        day.travel("car", away.port, SCENES["taxi"], activity="taxi", **facts)
        _home_again(day, away)
        return
    number = (day.date - first).days
    if day.now.hour < 12:
        day.at("08:00").go("hotel", away.hotel, 60, SCENES["hotel"], **facts)
        name, scene, north, east = SIGHTS[away.city][number % len(SIGHTS[away.city])]
        sight = away.hotel.near(name, north, east, indoor=False)
        ride = "tuk tuk" if away is BANGKOK and number == 2 else "taxi"
        look = SCENES["taxi"].with_(captions=(f"a {TUK_TUK} tuk tuk on a street",)) if ride == "tuk tuk" else SCENES["taxi"]
        day.travel("car", sight, look, activity=ride, **facts)
        day.go("sightseeing" if scene != "beach" else "beach", sight, 180, SCENES[scene], sight=name, **facts)
        lunch = away.restaurants[1].near("", north / 2, east / 2)
        day.travel("walk", lunch, SCENES["walk"], **facts)
        day.go("restaurant", lunch, 60, SCENES["restaurant"], **facts)
        day.travel("car", away.hotel, SCENES["taxi"], activity="taxi", **facts)
        day.go("hotel", away.hotel, 120, SCENES["hotel"], **facts)
    _dinner(day, away, away.restaurants[0] if number == 2 else away.restaurants[1], who=PARTNER, holiday=True)


def _within(day: date, spans) -> tuple | None:
    return next((span for span in spans if span[1] <= day <= span[2]), None)


def _plan(lived: _Lived, when: date, first_trips: set) -> None:
    """One day, from what the calendar holds: a holiday, a conference, Christmas, the flu, a client week, or home."""
    day = lived.day(when)
    weekday = when.weekday()
    holiday, conference = _within(when, HOLIDAYS), _within(when, CONFERENCES)
    engagement = _within(when, ENGAGEMENTS)
    monday = when - timedelta(days=weekday)
    conference_week = any(monday <= first <= monday + timedelta(days=6) for _, first, _ in CONFERENCES)
    if holiday:
        _holiday_day(day, *holiday)
    elif conference:
        _conference_day(day, *conference)
    elif CHRISTMAS[0] <= when <= CHRISTMAS[1]:
        _christmas_day(day)
    elif ILL[0] <= when <= ILL[1]:
        _ill_day(day)
    elif weekday == 5:
        _saturday(day, first_run=when.day <= 7 and when.month in (9, 6))
    elif weekday == 6:
        _sunday(day)
    elif engagement and weekday <= 3 and not conference_week and not _within(monday, HOLIDAYS):
        away = engagement[0]
        _client_day(day, away, weekday, first_trip=away.city not in first_trips)
        if weekday == 3:
            first_trips.add(away.city)
    else:
        _own_office_day(day, friday=weekday == 4)
    lived.keep(day)


def live(seed: int = 2024) -> list[Stay]:
    """Every stay of the fourteen months, in time order."""
    lived = _Lived(np.random.default_rng(seed))
    first_trips: set[str] = set()
    when = FIRST
    while when <= LAST:
        _plan(lived, when, first_trips)
        when += timedelta(days=1)
    return check_order(lived.stays)
