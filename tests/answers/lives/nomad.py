"""Jonas, a management consultant who lives out of a suitcase, January 2023 - November 2024: based in
Amsterdam, then (from 16 March 2024) in Lisbon, flying most weeks to a client in another city and often
another time zone.

The life is simulated first and written down after. A project is a city and a weekly rhythm: London (Monday
to Thursday, every week, early 2023), New York (every other week, Monday to Friday, back on the red-eye),
Singapore (three trips of two weeks through Dubai, with a weekend in Kuala Lumpur), Brussels by train
(early 2024), Munich from Lisbon (weekly, spring and summer 2024) and Tokyo through Frankfurt (three trips
of ten days, autumn 2024). Between them: the office, the gym, a run in the park, groceries, a coffee at the
Starbucks round the corner; two family holidays (Crete in August 2023, Cape Town at Christmas 2023, where
the phone stayed off for four days) and a move. Flights take as long as their distance; on landing the
clock is the destination's, so a long flight east lands the next day. The camera follows its own rules:
a photo every quarter of an hour most days, every few minutes on some, none on days the phone was off or
forgotten (a whole London week among them); GPS drops out indoors and always in the air; boarding passes,
gate signs and arrivals boards are read by a noisy OCR.
Truths come from the simulated stays (`facts`), never from the words written about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from .truth import Asked, day_of
from .world import Day, Life, Place, Scene, Stay, check_order, distance_m

AMS_ZONE, LIS_ZONE = "Europe/Amsterdam", "Europe/Lisbon"
FIRST, LAST = date(2023, 1, 2), date(2024, 11, 29)
MOVED = date(2024, 3, 16)
NOW = datetime(2024, 11, 30, 18, 0)


@dataclass(frozen=True)
class Base:
    """The places of a home city."""

    home: Place
    office: Place
    gym: Place
    grocer: Place
    cafe: Place
    park: Place
    airport: Place
    to_airport: str  # how the airport is reached: "train" or "car" (a taxi)


AMSTERDAM = Base(
    home=Place("Home", "Amsterdam", "Netherlands", "NL", 52.3600, 4.8852, AMS_ZONE),
    office=Place("WTC Amsterdam", "Amsterdam", "Netherlands", "NL", 52.3421, 4.8735, AMS_ZONE),
    gym=Place("Basic-Fit Amsterdam Overtoom", "Amsterdam", "Netherlands", "NL", 52.3618, 4.8790, AMS_ZONE),
    grocer=Place("Albert Heijn", "Amsterdam", "Netherlands", "NL", 52.3589, 4.8871, AMS_ZONE),
    cafe=Place("Starbucks", "Amsterdam", "Netherlands", "NL", 52.3625, 4.8830, AMS_ZONE),
    park=Place("Vondelpark", "Amsterdam", "Netherlands", "NL", 52.3580, 4.8686, AMS_ZONE, indoor=False),
    airport=Place("Amsterdam Airport Schiphol", "Amsterdam", "Netherlands", "NL", 52.3105, 4.7683, AMS_ZONE),
    to_airport="train")
LISBON = Base(
    home=Place("Home", "Lisbon", "Portugal", "PT", 38.7139, -9.1394, LIS_ZONE),
    office=Place("WeWork Avenida da Liberdade", "Lisbon", "Portugal", "PT", 38.7200, -9.1460, LIS_ZONE),
    gym=Place("Holmes Place Chiado", "Lisbon", "Portugal", "PT", 38.7110, -9.1420, LIS_ZONE),
    grocer=Place("Pingo Doce", "Lisbon", "Portugal", "PT", 38.7150, -9.1375, LIS_ZONE),
    cafe=Place("Starbucks", "Lisbon", "Portugal", "PT", 38.7125, -9.1405, LIS_ZONE),
    park=Place("Ribeira das Naus", "Lisbon", "Portugal", "PT", 38.7065, -9.1395, LIS_ZONE, indoor=False),
    airport=Place("Humberto Delgado Airport", "Lisbon", "Portugal", "PT", 38.7742, -9.1342, LIS_ZONE),
    to_airport="car")


def _place(name, city, country, code, lat, lng, zone, indoor=True) -> Place:
    return Place(name, city, country, code, lat, lng, zone, indoor)


LON, NYC, SIN, TYO = "Europe/London", "America/New_York", "Asia/Singapore", "Asia/Tokyo"
LHR = _place("Heathrow Airport", "London", "United Kingdom", "GB", 51.4700, -0.4543, LON)
JFK = _place("John F. Kennedy International Airport", "New York", "United States", "US", 40.6413, -73.7781, NYC)
CHANGI = _place("Singapore Changi Airport", "Singapore", "Singapore", "SG", 1.3644, 103.9915, SIN)
DXB = _place("Dubai International Airport", "Dubai", "United Arab Emirates", "AE", 25.2532, 55.3657, "Asia/Dubai")
KUL = _place("Kuala Lumpur International Airport", "Sepang", "Malaysia", "MY", 2.7456, 101.7072, "Asia/Kuala_Lumpur")
MUC = _place("Munich Airport", "Munich", "Germany", "DE", 48.3538, 11.7861, "Europe/Berlin")
FRA = _place("Frankfurt Airport", "Frankfurt", "Germany", "DE", 50.0379, 8.5622, "Europe/Berlin")
HND = _place("Haneda Airport", "Tokyo", "Japan", "JP", 35.5494, 139.7798, TYO)
HER = _place("Heraklion International Airport", "Heraklion", "Greece", "GR", 35.3397, 25.1803, "Europe/Athens")
CPT = _place("Cape Town International Airport", "Cape Town", "South Africa", "ZA", -33.9715, 18.6021, "Africa/Johannesburg")
AMS_CENTRAAL = _place("Amsterdam Centraal", "Amsterdam", "Netherlands", "NL", 52.3791, 4.9003, AMS_ZONE)
BRU_MIDI = _place("Bruxelles-Midi", "Brussels", "Belgium", "BE", 50.8357, 4.3365, "Europe/Brussels")

AIRLINES = {"KL": "KLM", "BA": "British Airways", "EK": "Emirates", "SQ": "Singapore Airlines", "HV": "Transavia",
            "TP": "TAP Air Portugal", "LH": "Lufthansa", "NH": "ANA"}


@dataclass(frozen=True)
class Leg:
    """One flight of a journey: its number, where from and to, and when it leaves (the first leg by the clock,
    a connection after a layover of so many minutes)."""

    number: str
    origin: Place
    dest: Place
    codes: str
    dep: str = ""
    layover_min: int = 0


@dataclass(frozen=True)
class Project:
    """A client city and how the week there goes."""

    city: str
    hotel: Place
    office: Place
    restaurants: tuple[tuple[Place, str], ...]  # (the place, what is eaten there), the first the usual one
    out: tuple[Leg, ...]
    back: tuple[Leg, ...]
    sights: tuple[Place, ...] = ()
    train: tuple[Place, Place] | None = None  # by train instead of flying: (from, to)


def _near(base: Place, name: str, north_m: float, east_m: float, indoor: bool = True) -> Place:
    return base.near(name, north_m, east_m, indoor=indoor)


PROJECTS = {
    "London": Project(
        "London", _near(LHR, "Hilton Garden Inn London City", 4690, 26440), _near(LHR, "One Canada Square", 3870, 29530),
        ((_near(LHR, "Dishoom Shoreditch", 6050, 26330), "chicken ruby"), (_near(LHR, "Flat Iron", 4790, 22310), "steak")),
        (Leg("KL 1001", AMSTERDAM.airport, LHR, "AMS-LHR", "07:05"),), (Leg("BA 430", LHR, AMSTERDAM.airport, "LHR-AMS", "18:40"),)),
    "New York": Project(
        "New York", _near(JFK, "New York Marriott Marquis", 13040, -17840), _near(JFK, "One World Trade Center", 7890, -19900),
        ((_near(JFK, "Joe's Pizza", 9850, -19010), "pizza"), (_near(JFK, "Katz's Delicatessen", 8990, -17770), "pastrami sandwich")),
        (Leg("KL 641", AMSTERDAM.airport, JFK, "AMS-JFK", "10:25"),), (Leg("KL 644", JFK, AMSTERDAM.airport, "JFK-AMS", "18:05"),),
        sights=(_near(JFK, "Central Park", 15520, -15940, indoor=False),)),
    "Singapore": Project(
        "Singapore", _near(CHANGI, "Pan Pacific Singapore", -8300, -14670), _near(CHANGI, "Marina Bay Financial Centre", -9520, -15630),
        ((_near(CHANGI, "Maxwell Food Centre", -9360, -16270), "chicken rice"), (_near(CHANGI, "Lau Pa Sat", -9260, -15660), "satay")),
        (Leg("EK 148", AMSTERDAM.airport, DXB, "AMS-DXB", "14:35"), Leg("EK 354", DXB, CHANGI, "DXB-SIN", layover_min=175)),
        (Leg("EK 353", CHANGI, DXB, "SIN-DXB", "21:55"), Leg("EK 147", DXB, AMSTERDAM.airport, "DXB-AMS", layover_min=150)),
        sights=(_near(CHANGI, "Gardens by the Bay", -9140, -14190, indoor=False),)),
    "Brussels": Project(
        "Brussels", _place("Motel One Brussels", "Brussels", "Belgium", "BE", 50.8477, 4.3602, "Europe/Brussels"),
        _place("Berlaymont", "Brussels", "Belgium", "BE", 50.8434, 4.3826, "Europe/Brussels"),
        ((_place("Fin de Siècle", "Brussels", "Belgium", "BE", 50.8497, 4.3490, "Europe/Brussels"), "carbonnade"),),
        (), (), train=(AMS_CENTRAAL, BRU_MIDI)),
    "Munich": Project(
        "Munich", _near(MUC, "Motel One München-Sendlinger Tor", -24420, -14660), _near(MUC, "Highlight Towers", -19660, -13230),
        ((_near(MUC, "Augustiner-Keller", -23450, -17390), "schnitzel"), (_near(MUC, "Hofbräuhaus", -23380, -14740), "pork knuckle")),
        (Leg("LH 1793", LISBON.airport, MUC, "LIS-MUC", "06:10"),), (Leg("LH 1792", MUC, LISBON.airport, "MUC-LIS", "18:25"),)),
    "Tokyo": Project(
        "Tokyo", _near(HND, "Park Hotel Tokyo", 12710, -1600), _near(HND, "Marunouchi Building", 14640, -1430),
        ((_near(HND, "Ichiran Shibuya", 12360, -7230), "ramen"), (_near(HND, "Sushi Dai", 12840, -830), "sushi")),
        (Leg("LH 1167", LISBON.airport, FRA, "LIS-FRA", "06:00"), Leg("LH 716", FRA, HND, "FRA-HND", layover_min=130)),
        (Leg("NH 223", HND, FRA, "HND-FRA", "10:20"), Leg("LH 1172", FRA, LISBON.airport, "FRA-LIS", layover_min=120)),
        sights=(_place("Fushimi Inari Taisha", "Kyoto", "Japan", "JP", 34.9671, 135.7727, TYO, indoor=False),)),
}


def _weeks(first: date, last: date, every: int = 1) -> list[date]:
    return [first + timedelta(weeks=n) for n in range(0, (last - first).days // 7 + 1, every)]


# Each trip: its project, the day it leaves and the day it comes back (the return flight's day).
TRIPS = ([("London", monday, monday + timedelta(days=3)) for monday in _weeks(date(2023, 1, 9), date(2023, 4, 24))
          if monday != date(2023, 2, 20)]
         + [("New York", monday, monday + timedelta(days=4)) for monday in _weeks(date(2023, 5, 8), date(2023, 7, 10), 2)]
         + [("Singapore", monday, monday + timedelta(days=11)) for monday in (date(2023, 9, 4), date(2023, 10, 2), date(2023, 11, 6))]
         + [("Brussels", tuesday, tuesday + timedelta(days=2)) for tuesday in _weeks(date(2024, 1, 9), date(2024, 3, 5))]
         + [("Munich", monday, monday + timedelta(days=3)) for monday in _weeks(date(2024, 4, 8), date(2024, 7, 8))
            if monday != date(2024, 5, 20)]
         + [("Tokyo", monday, monday + timedelta(days=10)) for monday in (date(2024, 9, 2), date(2024, 10, 7), date(2024, 11, 11))])
HOLIDAYS = {"Crete": (date(2023, 8, 5), date(2023, 8, 15)), "Cape Town": (date(2023, 12, 21), date(2024, 1, 3))}
PHONE_OFF = (frozenset(date(2023, 12, 26) + timedelta(days=n) for n in range(4))  # Cape Town: the phone stayed in the safe
             | frozenset(date(2023, 3, 13) + timedelta(days=n) for n in range(5)))  # a broken phone: a London week unseen
UMBRELLA_DAY = date(2023, 2, 7)  # a rainy London Tuesday: a new umbrella

LOOK = {
    "home": Scene(("a living room with a couch and a television", "a man sitting on a couch with a laptop", "a kitchen with a stove and a sink",
                   "a bed with a white blanket", "a suitcase on a bed"), (("couch", 1), ("laptop", 1), ("tv", 1)), ("home", "indoor", "room")),
    "breakfast": Scene(("a cup of coffee and a croissant on a table", "a bowl of cereal on a kitchen table", "a person holding a cup of coffee"),
                       (("cup", 1), ("bowl", 1), ("dining table", 1)), ("breakfast", "kitchen", "indoor")),
    "office": Scene(("a man sitting at a desk with a laptop", "an office with desks and chairs", "a computer monitor on a desk",
                     "a laptop on a desk next to a cup of coffee"), (("laptop", 1), ("chair", 3), ("tv", 1), ("cup", 1)), ("office", "work", "indoor")),
    "meeting": Scene(("a group of people sitting around a table", "a conference room with a large screen", "a whiteboard with writing on it",
                      "people sitting at a table with laptops"), (("person", 5), ("laptop", 3), ("chair", 6)), ("meeting", "office", "indoor")),
    "train": Scene(("the inside of a train with seats", "a view of a field from a train window", "a train at a station platform",
                    "a man sitting on a train with a laptop"), (("train", 1), ("person", 3)), ("train", "transport", "travel")),
    "taxi": Scene(("a view of a highway from a car", "the back seat of a car", "a city street seen through a car window",
                   "a car dashboard with a steering wheel"), (("car", 4),), ("car", "road", "driving")),
    "airport": Scene(("a large airport terminal with people", "a man pulling a suitcase in an airport", "a departures board in an airport",
                      "people waiting in line at a security check", "a view of an airplane from an airport window"),
                     (("person", 8), ("suitcase", 2), ("airplane", 1)), ("airport", "terminal", "travel", "indoor"), ("DEPARTURES", "SECURITY")),
    "plane": Scene(("an airplane wing above the clouds", "a view of the clouds from an airplane window", "a tray of food on an airplane seat",
                    "the inside of an airplane with rows of seats", "a dark airplane cabin with a screen"),
                   (("person", 4), ("tv", 1)), ("airplane", "flight", "sky", "travel"), dark=0.2),
    "arrival": Scene(("a crowd of people in an airport", "a baggage carousel with suitcases", "a man pulling a suitcase in an airport"),
                     (("person", 10), ("suitcase", 4)), ("airport", "arrivals", "travel", "indoor"), ("BAGGAGE RECLAIM", "EXIT")),
    "hotel": Scene(("a hotel room with a bed and a desk", "a bed with white sheets and pillows", "a hotel lobby with chairs",
                    "a view of a city from a hotel window", "a suitcase on a hotel bed"), (("bed", 1), ("tv", 1), ("suitcase", 1)),
                   ("hotel", "bedroom", "indoor")),
    "hotel breakfast": Scene(("a buffet with plates of food", "a plate of eggs and bacon", "a cup of coffee on a table in a restaurant"),
                             (("cup", 1), ("dining table", 1), ("person", 3)), ("breakfast", "buffet", "hotel", "indoor")),
    "restaurant": Scene(("a plate of food on a table", "a restaurant with people sitting at tables", "a glass of beer on a table",
                         "a man eating at a restaurant"), (("dining table", 1), ("person", 4), ("cup", 1)), ("restaurant", "food", "dinner", "indoor")),
    "gym": Scene(("a gym with treadmills and exercise equipment", "a person running on a treadmill", "a room full of exercise machines"),
                 (("person", 3),), ("gym", "fitness", "indoor")),
    "run": Scene(("a path through a park with trees", "a person running in a park", "a pond with ducks in a park"),
                 (("person", 2),), ("park", "running", "outdoor")),
    "groceries": Scene(("a grocery store with fruits and vegetables", "a shopping basket with food", "a shelf of bottles in a store"),
                       (("bottle", 5), ("apple", 3), ("person", 2)), ("supermarket", "grocery", "indoor")),
    "cafe": Scene(("a cup of coffee on a table", "a person holding a cup of coffee", "a cafe with people sitting at tables"),
                  (("cup", 1), ("chair", 2)), ("cafe", "coffee", "indoor"), ("STARBUCKS",)),
    "sight": Scene(("a crowd of people walking in a park", "a city skyline with tall buildings", "a large group of people taking pictures"),
                   (("person", 12),), ("sightseeing", "tourist", "outdoor")),
    "beach": Scene(("a woman and a boy on a beach", "a beach with umbrellas and people", "the sea with waves on a sandy beach",
                    "a boy building a sand castle"), (("person", 6), ("umbrella", 3)), ("beach", "sea", "summer", "outdoor")),
    "pool": Scene(("a swimming pool with lounge chairs", "a boy jumping into a pool", "a pool with palm trees"),
                  (("person", 5), ("chair", 6)), ("pool", "resort", "summer", "outdoor")),
    "family dinner": Scene(("a family sitting at a table at a restaurant", "a plate of fish and a salad", "a boy eating ice cream"),
                           (("person", 3), ("dining table", 1), ("wine glass", 2)), ("restaurant", "family", "dinner")),
    "moving": Scene(("a room full of cardboard boxes", "a stack of boxes in an empty room", "a man carrying a box"),
                    (("person", 1),), ("boxes", "moving", "indoor"), ("FRAGILE", "THIS SIDE UP")),
}


def _clock(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _fly(day: Day, legs: tuple[Leg, ...], rng, **facts) -> None:
    """Wait at the airport till the first leg leaves (at its clock), fly, connect, and come out into arrivals;
    the day's date follows the clock, so a flight that lands after midnight lands on the next day."""
    for number, leg in enumerate(legs):
        if number == 0:
            leaves = datetime.combine(day.date, time.fromisoformat(leg.dep))
            if day.now > leaves - timedelta(minutes=30):
                raise ValueError(f"{leg.number} on {day.date}: at the airport at {day.now:%H:%M}, too late")
        else:
            leaves = (day.now + timedelta(minutes=leg.layover_min)).replace(second=0, microsecond=0)
        seat, gate = f"{int(rng.integers(3, 40))}{'ACDF'[int(rng.integers(4))]}", f"{'BCDEFG'[int(rng.integers(6))]}{int(rng.integers(2, 40))}"
        boarding = f"{leg.number}  {leg.codes}  DEP {_clock(leaves)}  SEAT {seat}"
        wait = (leaves - day.now).total_seconds() / 60
        if number == 0 and wait > 60 and rng.random() < 0.5:
            day.go("cafe", leg.origin.near("Starbucks", 40, 30), 25, LOOK["cafe"], jitter=0)
            wait = (leaves - day.now).total_seconds() / 60
        day.go("airport" if number == 0 else "layover", leg.origin, wait, LOOK["airport"].with_(texts=(boarding, f"GATE {gate}")),
               jitter=0, flight=leg.number, seat=seat, gate=gate, **facts)
        plane = day.travel("plane", leg.dest, LOOK["plane"], via=1, flight=leg.number, airline=AIRLINES[leg.number[:2]],
                           origin=leg.origin.name, destination=leg.dest.name, dep=_clock(leaves), seat=seat, **facts)
        plane.facts["landed"], plane.facts["landed_on"] = _clock(day.now), day.now.date()
        day.date = day.now.date()
    board = f"ARRIVALS  {legs[-1].number}  {legs[-1].origin.city.upper()}  LANDED {_clock(day.now)}"
    day.go("arrival", legs[-1].dest, 35, LOOK["arrival"].with_(texts=(board,)), **facts)


def _taxi(day: Day, to: Place, **facts) -> None:
    day.travel("car", to, LOOK["taxi"], via=2, activity="taxi", **facts)



def _client_day(day: Day, project: Project, rng, *, until: str = "18:30", **facts) -> None:
    """The office at the client (a meeting on most days) till `until`."""
    day.go("client office", project.office, 150, LOOK["office"], **facts)
    if rng.random() < 0.7:
        people = int(rng.integers(3, 9))
        day.go("meeting", project.office, 60, LOOK["meeting"].with_(objects=(("person", people),)), people=people, **facts)
    closing = datetime.combine(day.date, time.fromisoformat(until))
    if day.now < closing - timedelta(minutes=20):
        day.go("client office", project.office, (closing - day.now).total_seconds() / 60, LOOK["office"], jitter=0.05, **facts)


def _hotel_morning(day: Day, project: Project, rng, **facts) -> None:
    """Breakfast at the hotel, on Wednesdays after a run in the city's park when it has one, then to the office."""
    park = next((sight for sight in project.sights if sight.city == project.city), None)
    if park and day.date.weekday() == 2:
        day.at("06:30").go("run", park, 45, LOOK["run"], **facts)
    day.at("07:00").go("hotel breakfast", project.hotel, 35, LOOK["hotel breakfast"], **facts)
    _taxi(day, project.office, **facts)


def _dinner(day: Day, project: Project, rng, **facts) -> None:
    place, dish = project.restaurants[0] if rng.random() < 0.6 else project.restaurants[int(rng.integers(len(project.restaurants)))]
    scene = LOOK["restaurant"].with_(captions=(f"a plate of {dish} on a table",), texts=(place.name.upper(),))
    day.at("19:30").go("restaurant", place, 80, scene, restaurant=place.name, dish=dish, **facts)
    day.go("hotel", project.hotel, 90, LOOK["hotel"], **facts)


def _by_train(day: Day, project: Project, first: date, last: date, base: Base, rng, **facts) -> None:
    (start, end), d = project.train, day.date
    if d == first:
        day.at("06:30").travel("tram", start, LOOK["taxi"], via=1, **facts)
        day.go("station", start, 15, LOOK["train"].with_(texts=("EUROSTAR  AMSTERDAM C - BRUXELLES-MIDI",)), **facts)
        day.travel("train", end, LOOK["train"], via=3, **facts)
        _taxi(day, project.office, **facts)
    else:
        _hotel_morning(day, project, rng, **facts)
    _client_day(day, project, rng, until="16:00" if d == last else "18:30", **facts)
    if d == last:
        _taxi(day, end, **facts)
        day.travel("train", start, LOOK["train"], via=3, **facts)
        day.travel("tram", base.home, LOOK["taxi"], via=1)
        day.go("home", base.home, 150, LOOK["home"])
    else:
        _dinner(day, project, rng, **facts)


def _going(day: Day, project: Project, base: Base, rng, **facts) -> None:
    """From home to the client: the airport two hours ahead, the flights, then the office or the hotel."""
    leaves = datetime.combine(day.date, time.fromisoformat(project.out[0].dep)) - timedelta(minutes=120)
    day.at(_clock(leaves)).go("home", base.home, 20, LOOK["home"].with_(captions=("a suitcase by the front door",)))
    day.travel(base.to_airport, base.airport, LOOK["train" if base.to_airport == "train" else "taxi"], via=2, **facts)
    _fly(day, project.out, rng, **facts)
    if day.now.hour < 14:
        _taxi(day, project.office, **facts)
        _client_day(day, project, rng, **facts)
    else:
        _taxi(day, project.hotel, **facts)
        day.go("hotel", project.hotel, 60, LOOK["hotel"], **facts)
    _dinner(day, project, rng, **facts)


def _coming_back(day: Day, project: Project, base: Base, rng, **facts) -> None:
    """The last day: work till it is time for the airport (none before a morning flight), fly home."""
    leaves = datetime.combine(day.date, time.fromisoformat(project.back[0].dep))
    if leaves.hour < 13:
        day.at("06:30").go("hotel breakfast", project.hotel, 30, LOOK["hotel breakfast"], **facts)
    else:
        _hotel_morning(day, project, rng, **facts)
        _client_day(day, project, rng, until=_clock(min(leaves - timedelta(minutes=150), datetime.combine(day.date, time(18)))), **facts)
        if leaves.hour >= 21:
            place, dish = project.restaurants[0]
            day.go("restaurant", place, 60, LOOK["restaurant"].with_(texts=(place.name.upper(),)), restaurant=place.name, dish=dish, **facts)
    _taxi(day, project.back[0].origin, **facts)
    _fly(day, project.back, rng, **facts)
    day.travel(base.to_airport, base.home, LOOK["train" if base.to_airport == "train" else "taxi"], via=2)
    day.go("home", base.home, 120, LOOK["home"])


def _trip_day(day: Day, project: Project, first: date, last: date, base: Base, rng) -> None:
    facts = {"trip": (project.city, first), "city": project.city}
    if project.train:
        _by_train(day, project, first, last, base, rng, **facts)
    elif day.date == first:
        _going(day, project, base, rng, **facts)
    elif day.date == last:
        _coming_back(day, project, base, rng, **facts)
    elif day.date.weekday() >= 5:
        _weekend_away(day, project, first, rng, **facts)
    else:
        _hotel_morning(day, project, rng, **facts)
        _client_day(day, project, rng, **facts)
        if day.date == UMBRELLA_DAY:  # caught in the rain on the way back: a new umbrella
            shop = project.office.near("John Lewis", 300, -200)
            day.go("shopping", shop, 20, Scene(("a man holding a blue umbrella in a store", "a rack of umbrellas in a store"),
                                               (("umbrella", 1), ("person", 2)), ("store", "shopping", "indoor"), ("JOHN LEWIS",)).with_(
                captions=("a man holding a blue umbrella in a store",)), bought="umbrella", colour="blue", **facts)
        _dinner(day, project, rng, **facts)


KL_HOTEL = _place("Traders Hotel Kuala Lumpur", "Kuala Lumpur", "Malaysia", "MY", 3.1579, 101.7123, "Asia/Kuala_Lumpur")
PETRONAS = _place("Petronas Twin Towers", "Kuala Lumpur", "Malaysia", "MY", 3.1586, 101.7145, "Asia/Kuala_Lumpur", indoor=False)


def _weekend_away(day: Day, project: Project, first: date, rng, **facts) -> None:
    """A weekend between two client weeks: the sights (a day trip when they are in another city), or, on the
    first Singapore trip, Kuala Lumpur."""
    if project.city == "Singapore" and first == date(2023, 9, 4):
        away = {"trip": facts["trip"], "city": "Kuala Lumpur"}
        if day.date.weekday() == 5:
            day.at("07:30").go("hotel breakfast", project.hotel, 30, LOOK["hotel breakfast"], **facts)
            _taxi(day, CHANGI, **facts)
            _fly(day, (Leg("SQ 106", CHANGI, KUL, "SIN-KUL", "10:30"),), rng, **away)
            _taxi(day, KL_HOTEL, **away)
            day.go("sight", PETRONAS, 150, LOOK["sight"].with_(captions=("two tall silver towers against the sky",), texts=("PETRONAS TWIN TOWERS",)),
                   sight="Petronas Twin Towers", **away)
            day.go("hotel", KL_HOTEL, 120, LOOK["hotel"], **away)
        else:
            day.at("09:00").go("hotel", KL_HOTEL, 60, LOOK["hotel"], **away)
            _taxi(day, KUL, **away)
            _fly(day, (Leg("SQ 117", KUL, CHANGI, "KUL-SIN", "15:15"),), rng, **facts)
            _taxi(day, project.hotel, **facts)
            day.go("hotel", project.hotel, 150, LOOK["hotel"], **facts)
        return
    day.at("09:00").go("hotel breakfast", project.hotel, 50, LOOK["hotel breakfast"], **facts)
    sight = project.sights[0] if project.sights else None
    if day.date.weekday() == 5 and sight:
        if sight.city != project.city:
            day.travel("train", sight, LOOK["train"], via=3, **facts)
        day.go("sight", sight, 180, LOOK["sight"].with_(texts=(sight.name.upper(),)), sight=sight.name, **{**facts, "city": sight.city})
        if sight.city != project.city:
            day.travel("train", project.hotel, LOOK["train"], via=3, **facts)
    else:
        day.at("11:00").go("gym", project.hotel, 60, LOOK["gym"], **facts)
    _dinner(day, project, rng, **facts)


# --- days at home -------------------------------------------------------------------------------------------

def _home_day(day: Day, base: Base, rng) -> None:
    """A weekday at home: the office (Fridays often from home), the gym on Tuesdays and Thursdays, the evening in."""
    d = day.date
    day.at("07:30").go("breakfast", base.home, 30, LOOK["breakfast"])
    if d.weekday() == 4 and rng.random() < 0.6:
        day.go("home office", base.home, 420, LOOK["office"].with_(captions=("a laptop on a kitchen table",)))
    else:
        day.at("08:30").travel("tram" if base is AMSTERDAM else "subway", base.office, LOOK["taxi"], via=2)
        day.go("office", base.office, 480, LOOK["office"])
        day.travel("tram" if base is AMSTERDAM else "subway", base.home, LOOK["taxi"], via=2)
    if d.weekday() in (1, 3) and rng.random() < 0.8:
        day.at("18:30").go("gym", base.gym, 60, LOOK["gym"].with_(texts=(base.gym.name.split()[0].upper(),)))
    day.at("19:30").go("home", base.home, 180, LOOK["home"])


def _weekend(day: Day, base: Base, rng) -> None:
    """Saturday: a run in the park and the groceries; Sunday: coffee at the Starbucks round the corner."""
    day.at("08:30").go("breakfast", base.home, 45, LOOK["breakfast"])
    if day.date.weekday() == 5:
        start = base.home
        day.travel("run", base.park, LOOK["run"], via=2, activity="run")
        day.go("run", base.park, 25, LOOK["run"])
        day.travel("run", start, LOOK["run"], via=2, activity="run")
        day.at("11:30").travel("walk", base.grocer, LOOK["run"], via=1)
        day.go("groceries", base.grocer, 35, LOOK["groceries"].with_(texts=(base.grocer.name.upper(),)))
        day.travel("walk", base.home, LOOK["run"], via=1)
    else:
        day.at("10:30").travel("walk", base.cafe, LOOK["run"], via=1)
        day.go("cafe", base.cafe, 50, LOOK["cafe"])
        day.travel("walk", base.home, LOOK["run"], via=1)
    day.at("18:00").go("home", base.home, 240, LOOK["home"])


def _moving_day(day: Day, rng) -> None:
    day.at("07:00").go("moving", AMSTERDAM.home, 180, LOOK["moving"], moving=True)
    day.travel("car", AMSTERDAM.airport, LOOK["taxi"], via=2, activity="taxi")
    _fly(day, (Leg("TP 663", AMSTERDAM.airport, LISBON.airport, "AMS-LIS", "13:15"),), rng, moving=True)
    day.travel("car", LISBON.home, LOOK["taxi"], via=2, activity="taxi")
    day.go("moving", LISBON.home, 240, LOOK["moving"].with_(captions=("an empty room with a window and a view of rooftops",)), moving=True)


# --- holidays ------------------------------------------------------------------------------------------------

RETHYMNA = _place("Aquila Rithymna Beach", "Rethymno", "Greece", "GR", 35.3717, 24.5530, "Europe/Athens")
KNOSSOS = _place("Knossos", "Heraklion", "Greece", "GR", 35.2980, 25.1632, "Europe/Athens", indoor=False)
AVLI = _place("Avli", "Rethymno", "Greece", "GR", 35.3690, 24.4740, "Europe/Athens")
CAPE_HERITAGE = _place("Cape Heritage Hotel", "Cape Town", "South Africa", "ZA", -33.9196, 18.4180, "Africa/Johannesburg")
CAPE_SIGHTS = (_place("Table Mountain", "Cape Town", "South Africa", "ZA", -33.9628, 18.4098, "Africa/Johannesburg", indoor=False),
               _place("Camps Bay Beach", "Cape Town", "South Africa", "ZA", -33.9510, 18.3776, "Africa/Johannesburg", indoor=False),
               _place("Boulders Beach", "Simon's Town", "South Africa", "ZA", -34.1975, 18.4510, "Africa/Johannesburg", indoor=False),
               _place("Spier Wine Farm", "Stellenbosch", "South Africa", "ZA", -33.9737, 18.7837, "Africa/Johannesburg", indoor=False))
HOLIDAY_FLIGHTS = {"Crete": ((Leg("HV 5181", AMSTERDAM.airport, HER, "AMS-HER", "07:00"),), (Leg("HV 5182", HER, AMSTERDAM.airport, "HER-AMS", "13:00"),)),
                   "Cape Town": ((Leg("KL 597", AMSTERDAM.airport, CPT, "AMS-CPT", "10:15"),), (Leg("KL 598", CPT, AMSTERDAM.airport, "CPT-AMS", "22:50"),))}
RENTAL_COLOUR = {"Crete": "silver", "Cape Town": "white"}


def _holiday_day(day: Day, where: str, first: date, last: date, rng) -> None:
    """With the family: a rental car from the airport, the beach and the pool or the sights, dinner out."""
    facts = {"trip": (where, first), "city": where, "family": True}
    hotel = RETHYMNA if where == "Crete" else CAPE_HERITAGE
    out, back = HOLIDAY_FLIGHTS[where]
    if day.date == first:
        day.at(_clock(datetime.combine(day.date, time.fromisoformat(out[0].dep)) - timedelta(minutes=130)))
        day.travel("train", AMSTERDAM.airport, LOOK["train"], via=2, **facts)
        _fly(day, out, rng, **facts)
        colour = RENTAL_COLOUR[where]
        day.go("rental car", out[-1].dest, 30, Scene((f"a {colour} car in a parking lot", "a car key in a hand"), (("car", 3),), ("car", "parking lot"),
                                                      ("HERTZ",)).with_(captions=(f"a {colour} car parked in a parking lot",)), colour=colour, **facts)
        day.travel("drive", hotel, LOOK["taxi"], via=3, **facts)
        day.go("hotel", hotel, 90, LOOK["hotel"], **facts)
        return
    if day.date == last:
        leaves = datetime.combine(day.date, time.fromisoformat(back[0].dep))
        day.at("09:00").go("hotel breakfast", hotel, 60, LOOK["hotel breakfast"], **facts)
        if leaves.hour >= 18:
            day.at("15:00").go("beach" if where == "Crete" else "sight", CAPE_SIGHTS[1], 180, LOOK["beach"], sight=CAPE_SIGHTS[1].name, **facts)
        day.travel("drive", back[0].origin, LOOK["taxi"], via=3, **facts)
        _fly(day, back, rng, **facts)
        day.travel("train", AMSTERDAM.home, LOOK["train"], via=2)
        day.go("home", AMSTERDAM.home, 150, LOOK["home"])
        return
    day.at("08:30").go("hotel breakfast", hotel, 60, LOOK["hotel breakfast"], **facts)
    number = (day.date - first).days
    if where == "Crete":
        if number == 4:
            day.travel("drive", KNOSSOS, LOOK["taxi"], via=3, **facts)
            day.go("sight", KNOSSOS, 150, LOOK["sight"].with_(captions=("the ruins of an ancient palace",), texts=("KNOSSOS",)), sight="Knossos", **facts)
            day.travel("drive", hotel, LOOK["taxi"], via=3, **facts)
        else:
            day.go("beach", hotel.near("", -250, 150, indoor=False), 200, LOOK["beach"], **facts)
        day.go("pool", hotel, 120, LOOK["pool"], **facts)
        day.at("20:00").go("family dinner", AVLI, 100, LOOK["family dinner"].with_(texts=("AVLI",)), restaurant="Avli", **facts)
    else:
        sight = CAPE_SIGHTS[number % len(CAPE_SIGHTS)]
        day.travel("drive", sight, LOOK["taxi"], via=3, **facts)
        scene = LOOK["beach"] if "Beach" in sight.name else LOOK["sight"].with_(texts=(sight.name.upper(),))
        seen = {}
        if sight.name == "Boulders Beach":
            scene, seen = scene.with_(captions=("penguins on a sandy beach",), objects=(("bird", 14),)), {"animals": "penguins", "count": 14}
        day.go("sight", sight, 200, scene, sight=sight.name, **seen, **facts)
        day.travel("drive", hotel, LOOK["taxi"], via=3, **facts)
        day.at("19:30").go("family dinner", hotel, 100, LOOK["family dinner"], **facts)
    day.go("hotel", hotel, 90, LOOK["hotel"], **facts)


# --- living it ---------------------------------------------------------------------------------------------

def _local_end(stays: list[Stay], zone: str) -> datetime | None:
    """When the last stay ended, on the clock of `zone` (where the day starts)."""
    if not stays:
        return None
    end = stays[-1].utc_span[1]
    return end + ZoneInfo(zone).utcoffset(end)


def _plan(rng) -> dict[date, tuple]:
    """What each day of a trip or a holiday is: ("trip", project, first, last) or ("holiday", where, first, last)."""
    plan = {}
    for city, first, last in TRIPS:
        plan.update({first + timedelta(days=n): ("trip", PROJECTS[city], first, last) for n in range((last - first).days + 1)})
    for where, (first, last) in HOLIDAYS.items():
        plan.update({first + timedelta(days=n): ("holiday", where, first, last) for n in range((last - first).days + 1)})
    return plan


def _live(rng) -> list[Stay]:
    plan, stays, here, lived_until, d = _plan(rng), [], AMSTERDAM.home, FIRST - timedelta(days=1), FIRST
    while d <= LAST:
        if d <= lived_until:  # spent in the air or landing after midnight: already lived
            d += timedelta(days=1)
            continue
        base = AMSTERDAM if d < MOVED else LISBON
        day = Day(d, rng, here, _local_end(stays, here.timezone), start="03:00")  # each day's script sets its own first clock
        what = plan.get(d)
        if what and what[0] == "trip":
            _trip_day(day, *what[1:], base, rng)
        elif what:
            _holiday_day(day, *what[1:], rng)
        elif d == MOVED:
            _moving_day(day, rng)
        elif d.weekday() < 5 and d not in (date(2023, 12, 25), date(2024, 1, 1)):
            _home_day(day, base, rng)
        else:
            _weekend(day, base, rng)
        stays += day.stays
        here, lived_until = day.here, max(d, day.date)
        d += timedelta(days=1)
    return stays


def life(every_min: float = 15.0) -> Life:
    """Jonas's two years: the stays as lived, the days the phone was off, and the photos of the rest (every few
    minutes on the busiest days)."""
    from .camera import shoot

    rng = np.random.default_rng(2023)
    stays = check_order(_live(rng))
    days = sorted({stay.day for stay in stays})
    travelling = {stay.day for stay in stays if stay.facts.get("trip")}
    forgotten = {d for d in days if rng.random() < (0.05 if d in travelling else 0.4 if d.weekday() >= 5 else 0.25)}
    off = frozenset(PHONE_OFF | forgotten) - {UMBRELLA_DAY, MOVED}
    dense = frozenset({first for _, first, _ in TRIPS[::3]} | {d for d in days if rng.random() < 0.04}) - off
    person = Life("nomad", "Jonas, a consultant flying most weeks from Amsterdam, then Lisbon", stays, AMS_ZONE, off, dense_days=dense)
    shoot(person, every_min, seed=3)
    return person


# --- the questions ------------------------------------------------------------------------------------------

def _visits(ask: Asked, city: str, **when) -> dict[tuple, list[Stay]]:
    """The photographed stays in `city`, by the trip they belong to (trips the camera never saw are not there)."""
    trips: dict[tuple, list[Stay]] = {}
    for stay in ask.stays(where=lambda s: s.place.city == city and bool(s.facts.get("trip")), **when):
        trips.setdefault(stay.facts["trip"], []).append(stay)
    return trips


def _span_s(stays: list[Stay]) -> int:
    """From the first stay's start to the last one's end, in real (UTC) time."""
    return int((stays[-1].utc_span[1] - stays[0].utc_span[0]).total_seconds())


def _top(groups: dict[str, list]) -> str | None:
    """The key with the most items, or None when the first two are within two of each other."""
    ranked = sorted(groups, key=lambda key: -len(groups[key]))
    return ranked[0] if len(ranked) == 1 or len(groups[ranked[0]]) >= len(groups[ranked[1]]) + 2 else None


def _grouped(stays: list[Stay], key) -> dict[str, list[Stay]]:
    groups: dict[str, list[Stay]] = {}
    for stay in stays:
        groups.setdefault(key(stay), []).append(stay)
    return groups


def _ask_most(ask: Asked, text: str, kind: str, groups: dict[str, list[Stay]]) -> None:
    """Ask which is the most only when one clearly is."""
    top = _top(groups)
    if top:
        ask(text, kind, top, groups[top])


def _flight(ask: Asked, number: str, trip: date) -> Stay:
    """The flight `number` of the trip that left on `trip`, photographed or not: when it landed is a fact of the
    life either way (the questions about it are asked only where their evidence was photographed)."""
    return next(s for s in ask.life.stays if s.activity == "plane" and s.facts["flight"] == number
                and s.facts.get("trip", ("", None))[1] == trip)


def questions(person: Life) -> list:
    ask = Asked(person)
    _trip_questions(ask)
    _flight_questions(ask)
    _place_questions(ask)
    _home_questions(ask)
    _cant_tell(ask)
    return ask.items


def _trip_questions(ask: Asked) -> None:
    """How many trips, when, how long, which city most."""
    london, new_york, singapore = _visits(ask, "London", year=2023), _visits(ask, "New York"), _visits(ask, "Singapore")
    ask("How many times did I fly to London in 2023?", "frequency", len(london), [s for v in london.values() for s in v])
    ask("How many trips to New York did I make?", "frequency", len(new_york), [s for v in new_york.values() for s in v])
    ask("how many times have I been to Singapore", "frequency", len(singapore), [s for v in singapore.values() for s in v])
    may = {key: stays for key, stays in _visits(ask, "Munich").items() if key[1].month == 5}
    ask("How many times did I go to Munich in May 2024?", "frequency", len(may), [s for v in may.values() for s in v])
    brussels = _visits(ask, "Brussels")
    ask("I'd like to know how many times I went to Brussels", "frequency", len(brussels), [s for v in brussels.values() for s in v])
    kyoto = ask.stays("sight", where=lambda s: s.place.city == "Kyoto")
    ask("How many times did I go to Kyoto?", "frequency", len(kyoto), kyoto)
    cities = {city: list(_visits(ask, city, year=2024)) for city in ("Brussels", "Munich", "Tokyo")}
    top = _top(cities)
    if top:
        ask("Which city did I travel to most often in 2024?", "location", top, [s for v in _visits(ask, top, year=2024).values() for s in v])
    work_2023 = ask.stays(year=2023, where=lambda s: s.place.city in ("London", "New York", "Singapore") and bool(s.facts.get("trip")))
    ask("Which cities did I visit for work in 2023?", "location", ["London", "New York", "Singapore"], work_2023)
    holidays = ask.stays(where=lambda s: s.facts.get("family") and s.place.country in ("Greece", "South Africa"))
    ask("list the countries I went to on holiday", "location", ["Greece", "South Africa"], holidays)

    first_sg = ask.stays(on=date(2023, 9, 4), where=lambda s: s.activity in ("airport", "plane"))
    ask("When did I first fly to Singapore?", "time", "2023-09-04", first_sg)
    last_london = [v for v in london.values()][-1]
    ask("When was I last in London?", "time", day_of(last_london[-1]), [s for s in last_london if s.day == last_london[-1].day], now=NOW)
    munich = list(_visits(ask, "Munich").values())
    ask("When was my first trip to Munich?", "time", day_of(munich[0][0]), [s for s in munich[0] if s.day == munich[0][0].day])
    ask("What year did I go to Cape Town?", "time", "2023", ask.stays(where=lambda s: s.place.city == "Cape Town"))
    kl = ask.stays(where=lambda s: s.place.city == "Kuala Lumpur")
    ask("When did I go to Kuala Lumpur?", "time", day_of(kl[0]), [s for s in kl if s.day == kl[0].day])
    crete_out = ask.stays(on=HOLIDAYS["Crete"][0], where=lambda s: s.activity in ("airport", "plane"))
    ask("Tell me when I flew to Crete", "time", "2023-08-05", crete_out)
    home_from_cape = _flight(ask, "KL 598", HOLIDAYS["Cape Town"][0])
    back = ask.stays(where=lambda s: s.facts.get("trip") == ("Cape Town", HOLIDAYS["Cape Town"][0]) and s.activity in ("plane", "arrival")
                     and s.day >= HOLIDAYS["Cape Town"][1])
    if back:
        ask("When did I get back from Cape Town?", "time", home_from_cape.facts["landed_on"].isoformat(), back)

    october = _visits(ask, "Singapore")[("Singapore", date(2023, 10, 2))]
    ask("How long was I in Singapore in October 2023?", "duration", _span_s(october), october)
    crete = ask.stays(where=lambda s: s.place.country == "Greece")
    ask("How long did we stay in Crete?", "duration", _span_s(crete), crete)
    cape = ask.stays(where=lambda s: s.facts.get("trip") == ("Cape Town", HOLIDAYS["Cape Town"][0]))
    ask("How long was the Cape Town holiday?", "duration", _span_s(cape), cape)
    tokyo = _visits(ask, "Tokyo")[("Tokyo", date(2024, 10, 7))]
    nights = len({s.day for s in tokyo if s.activity == "hotel"})
    ask("How many nights did I spend in Tokyo in October 2024?", "frequency", nights, tokyo)  # any photo of the stay there shows a night
    office = ask.stays(("client office", "meeting"), year=2024, month=6, where=lambda s: s.place.city == "Munich")
    ask("How much time did I spend at the client's office in Munich in June 2024?", "duration", sum(s.seconds for s in office), office)


def _flight_questions(ask: Asked) -> None:
    """Flights: how many, how long, how far, their numbers, seats and gates, and the clocks of other time zones."""
    planes = ask.stays("plane")
    october = ask.stays("plane", year=2024, month=10)
    ask("How many flights did I take in October 2024?", "frequency", len(october), october)
    in_2023 = ask.stays("plane", year=2023)
    ask("how many times did I fly in 2023", "frequency", len(in_2023), in_2023)
    ask("On average, how many flights did I take a month in 2023?", "frequency", round(len(in_2023) / 12, 2), in_2023)
    _ask_most(ask, "Which airport did I fly out of most in 2023?", "location", _grouped(ask.stays("airport", year=2023), lambda s: s.place.name))
    _ask_most(ask, "Which airline did I fly with most in 2024?", "object", _grouped(ask.stays("plane", year=2024), lambda s: s.facts["airline"]))

    to_new_york = [s for s in planes if s.facts["flight"] == "KL 641"]
    ask("How long was the flight from Amsterdam to New York?", "duration", int(np.median([s.seconds for s in to_new_york])), to_new_york)
    long_haul = [s for s in planes if s.facts["flight"] == "LH 716"]
    ask("roughly how long is the flight from Frankfurt to Tokyo", "duration", int(np.median([s.seconds for s in long_haul])), long_haul)
    layover = [s for s in ask.stays("layover") if s.place.city == "Dubai" and s.day.month == 10 and s.facts["flight"] == "EK 354"][:1]
    if layover:
        ask("How long was my layover in Dubai on the way to Singapore in October 2023?", "duration", layover[0].seconds, layover)
    september = ask.stays("plane", year=2023, month=9)
    ask("How much time did I spend in the air in September 2023?", "duration", sum(s.seconds for s in september), september)
    november = ask.stays("plane", year=2023, month=11)
    ask("How far did I fly in November 2023?", "distance", round(sum(s.metres for s in november), 1), november)
    moving = ask.stays(on=MOVED, where=lambda s: bool(s.route))
    ask("How far did I travel on the day I moved to Lisbon?", "distance", round(sum(s.metres for s in moving), 1), moving)

    first_tokyo = _flight(ask, "LH 716", date(2024, 9, 2))
    landed = ask.stays("arrival", on=first_tokyo.facts["landed_on"], where=lambda s: s.place.city == "Tokyo")
    if landed:
        ask("When did I arrive in Tokyo for the first time?", "time", first_tokyo.facts["landed_on"].isoformat(), landed)
        ask("What time did I land in Tokyo on my first trip?", "time", first_tokyo.facts["landed"], landed)
    first_sg = _flight(ask, "EK 354", date(2023, 9, 4))
    landed = ask.stays("arrival", on=first_sg.facts["landed_on"], where=lambda s: s.place.city == "Singapore")
    if landed:
        ask("remind me what time I landed in Singapore on my first trip", "time", first_sg.facts["landed"], landed)
    landed = ask.stays("arrival", on=date(2023, 1, 16))
    if landed:
        ask("What time did my plane land at Heathrow on January 16th 2023?", "time", _flight(ask, "KL 1001", date(2023, 1, 16)).facts["landed"], landed)
    new_york = next(s for s in ask.stays("airport") if s.facts["flight"] == "KL 641")
    ask(f"What time did my flight to New York leave on {new_york.day:%-d %B %Y}?", "time", "10:25", [new_york])
    ask(f"What seat did I have on the flight to New York on {new_york.day:%B %-d, %Y}?", "ocr", new_york.facts["seat"], [new_york])
    crete = next(s for s in ask.stays("airport", on=HOLIDAYS["Crete"][0]))
    ask("Which gate did my flight to Crete leave from?", "ocr", crete.facts["gate"], [crete])
    fra = next(s for s in ask.stays("layover", year=2024, month=10) if s.facts["flight"] == "LH 716")
    board = ask.stays("arrival", where=lambda s: s.facts.get("trip") == fra.facts["trip"] and s.place.city == "Tokyo")  # it names LH 716 too
    ask("What was the flight number from Frankfurt to Tokyo in October 2024?", "ocr", "LH 716", [fra, *board])
    cape = [s for s in ask.stays("airport") if s.facts.get("flight") == "KL 598"]
    ask("What was the flight number of my flight home from Cape Town?", "ocr", "KL 598", cape)
    ask("Where did I change planes on the way to Tokyo?", "location", "Frankfurt", ask.stays("layover", where=lambda s: s.place.city == "Frankfurt"))
    ask("which airport did I land at in New York", "location", "John F. Kennedy International Airport",
        ask.stays("arrival", where=lambda s: s.place.city == "New York"))
    last = planes[-1]
    ask("When was my last flight?", "time", day_of(last), [last], now=NOW)
    station = ask.stays("station")
    ask("Which train did I take to Brussels?", "ocr", "Eurostar", station)
    trains = [s for s in ask.stays("train") if s.place.city == "" and s.facts.get("city") == "Brussels" and s.route[-1][0] < 51]
    ask("How long did the train to Brussels take?", "duration", int(np.median([s.seconds for s in trains])), trains)


def _place_questions(ask: Asked) -> None:
    """Hotels, offices, restaurants, what was eaten and bought, and where a day was spent."""
    hotels = {name: {s.day for s in stays} for name, stays in _grouped(ask.stays("hotel"), lambda s: s.place.name).items()}  # nights
    top = _top(hotels)
    if top:
        ask("Which hotel did I spend the most nights at?", "location", top, ask.stays("hotel", where=lambda s: s.place.name == top))
    in_2024 = ask.stays("hotel", year=2024)
    ask("list the hotels I stayed at in 2024", "location", sorted({s.place.name for s in in_2024}), in_2024)
    for text, city in (("What was the name of the hotel I stayed at in Munich?", "Munich"), ("Remind me which hotel I stayed at in New York", "New York"),
                       ("Whereabouts did I stay in Cape Town?", "Cape Town"), ("where did I stay in Kuala Lumpur", "Kuala Lumpur")):
        stays = ask.stays("hotel", where=lambda s, city=city: s.place.city == city)
        ask(text, "location", stays[0].place.name, stays)
    for text, city in (("Where did I work in Munich?", "Munich"), ("Which office building did I go to in London?", "London")):
        stays = ask.stays("client office", where=lambda s, city=city: s.place.city == city)
        ask(text, "location", stays[0].place.name, stays)
    runs = ask.stays("run", where=lambda s: s.place.city == "New York" and not s.route)
    ask("Where did I go running in New York?", "location", "Central Park", runs)

    _ask_most(ask, "What restaurant did I go to most in London?", "location",
              _grouped(ask.stays("restaurant", where=lambda s: s.place.city == "London"), lambda s: s.facts["restaurant"]))
    _ask_most(ask, "What did I eat most often in Munich?", "object",
              _grouped(ask.stays("restaurant", where=lambda s: s.place.city == "Munich"), lambda s: s.facts["dish"]))
    dishoom = ask.stays("restaurant", where=lambda s: s.facts.get("restaurant") == "Dishoom Shoreditch")
    ask("How many times did I eat at Dishoom?", "frequency", len(dishoom), dishoom)
    ramen = ask.stays("restaurant", where=lambda s: s.facts.get("dish") == "ramen")
    ask("name the restaurant where I had ramen in Tokyo", "location", "Ichiran Shibuya", ramen)
    satay = ask.stays("restaurant", where=lambda s: s.facts.get("dish") == "satay")
    ask("whereabouts did I have satay in Singapore", "location", "Lau Pa Sat", satay)
    maxwell = ask.stays("restaurant", where=lambda s: s.place.name == "Maxwell Food Centre")
    ask("What did I eat at Maxwell Food Centre?", "object", "chicken rice", maxwell)
    dinner = ask.stays("restaurant", year=2024, month=11, where=lambda s: s.place.city == "Tokyo")[3]
    ask(f"What did I have for dinner in Tokyo on {dinner.day:%-d %B %Y}?", "object", dinner.facts["dish"], [dinner])

    umbrella = ask.stays("shopping")
    if umbrella:  # no photo of the shop: nothing in the lifelog knows of the umbrella
        ask("What colour was the umbrella I bought in London?", "color", "blue", umbrella)
        ask("On which day did I buy the umbrella?", "time", day_of(umbrella[0]), umbrella)
        ask("In which shop did I buy the umbrella?", "location", "John Lewis", umbrella)
        ask("What did I buy at John Lewis?", "object", "umbrella", umbrella)
    for text, where in (("What colour was the rental car in Crete?", "Crete"), ("what colour was our rental car in Cape Town", "Cape Town")):
        car = ask.stays("rental car", where=lambda s, where=where: s.facts["city"] == where)
        ask(text, "color", car[0].facts["colour"], car)
    boulders = ask.stays("sight", where=lambda s: s.place.name == "Boulders Beach")
    if boulders:
        ask("What animals did we see at Boulders Beach?", "object", "penguins", boulders)
        ask("How many penguins did I see at Boulders Beach?", "counting", 14, boulders)
    knossos = ask.stays("sight", where=lambda s: s.place.name == "Knossos")
    if knossos:
        ask("When did I go to Knossos?", "time", day_of(knossos[0]), knossos)
    meeting = ask.stays("meeting", year=2024, month=5, where=lambda s: s.place.city == "Munich")[2]
    ask(f"How many people were in the meeting in Munich on {meeting.day:%-d %B %Y}?", "counting", meeting.facts["people"], [meeting])
    ask("How far is the hotel from the office in London?", "distance", round(_distance(PROJECTS["London"].hotel, PROJECTS["London"].office), 1),
        ask.stays("client office", where=lambda s: s.place.city == "London")[:3])

    weekday_ny = next(s for s in ask.stays("client office") if s.place.city == "New York" and s.day.weekday() == 2)
    ask(f"Which city was I in on {weekday_ny.day:%-d %B %Y}?", "location", "New York", ask.stays(on=weekday_ny.day, where=lambda s: s.place.city == "New York"))
    saturday = ask.stays(on=date(2023, 9, 9), where=lambda s: s.place.city == "Kuala Lumpur")
    ask("Where was I on 9 September 2023?", "location", "Kuala Lumpur", saturday)
    new_year = ask.stays(on=date(2024, 1, 1))
    ask("In which country was I on New Year's Day 2024?", "location", "South Africa", new_year)
    home_day = next(s for s in ask.stays("office", year=2023, month=6))
    ask(f"where was I on {home_day.day:%A %-d %B %Y}", "location", "Amsterdam", ask.stays(on=home_day.day, where=lambda s: s.place.city == "Amsterdam"))


def _home_questions(ask: Asked) -> None:
    """The weeks at home: the move, the gym, the runs, the shop."""
    moving = ask.stays("moving")
    ask("When did I move to Lisbon?", "time", day_of(moving[-1]), moving)
    ask("How far is Lisbon from Amsterdam?", "distance",
        round(float(_distance(AMSTERDAM.home, LISBON.home)), 1), moving)
    gym = ask.stays("gym", year=2023, month=6)
    ask("How many times did I go to the gym in June 2023?", "frequency", len(gym), gym)
    gym_2023 = ask.stays("gym", year=2023)
    ask("On average how many times a week did I go to the gym in 2023?", "frequency", round(len(gym_2023) / 52, 2), gym_2023)
    vondelpark = ask.stays("run", where=lambda s: s.place.name == "Vondelpark")
    ask("How many times did I go for a run in the Vondelpark?", "frequency", len(vondelpark), vondelpark)
    for saturday in [s for s in ask.stays("run", year=2024, month=6) if s.route][:1]:
        runs = [s for s in ask.life.stays if s.activity == "run" and s.route and s.day == saturday.day]  # there and back, seen or not
        ask(f"How far did I run on Saturday {saturday.day:%-d %B %Y}?", "distance", round(sum(s.metres for s in runs), 1), [s for s in runs if s.image_ids])
    ask("Which supermarket did I use in Lisbon?", "location", "Pingo Doce", ask.stays("groceries", where=lambda s: s.place.city == "Lisbon"))
    ask("Name the gym I went to in Amsterdam", "location", AMSTERDAM.gym.name, ask.stays("gym", where=lambda s: s.place.city == "Amsterdam"))
    starbucks = ask.stays("cafe", year=2024, where=lambda s: s.place.city == "Lisbon" and s.place.name == "Starbucks")
    ask("how many times did I have coffee at Starbucks in Lisbon in 2024", "frequency", len(starbucks), starbucks)
    schiphol = ask.stays(("airport", "cafe"), on=HOLIDAYS["Crete"][0], where=lambda s: s.place.city == "Amsterdam" and not s.route)
    ask("how long was I at Schiphol before my flight to Crete", "duration", sum(s.seconds for s in schiphol), schiphol)


def _distance(a: Place, b: Place) -> float:
    return distance_m(a.lat, a.lng, b.lat, b.lng)


def _cant_tell(ask: Asked) -> None:
    """What no photo can show: the honest answer is "I can't tell" (or, for a city never visited, never)."""
    munich = ask.stays("restaurant", where=lambda s: s.place.city == "Munich")[5]
    for text, kind in (("How much did my flights to Tokyo cost?", "object"), (f"Who did I have dinner with in Munich on {munich.day:%-d %B %Y}?", "object"),
                       ("What was my hotel room number in London?", "object"), ("What was the name of my client in New York?", "object"),
                       ("How many hours did I sleep on the flight to Singapore?", "duration"),
                       ("What did I have for breakfast on 27 December 2023?", "object"), ("Where was I on 15 March 2023?", "location"),
                       ("When did I go to Sydney?", "time"), ("What colour was my suitcase?", "color"), ("How much did the umbrella cost?", "counting"),
                       ("What time did I go to bed in Singapore on 12 September 2023?", "time"), ("What was my manager's name?", "object"),
                       ("How many emails did I send in 2024?", "counting"), ("Which film did I watch on the flight to New York?", "object"),
                       ("How many steps did I walk in Tokyo?", "counting")):
        ask(text, kind, None)
    ask("How many times did I go to Paris?", "frequency", 0)


REMEMBERED = (
    "the wing of the plane above the clouds on the way to Singapore",
    "chicken rice at Maxwell Food Centre",
    "my blue umbrella in the London rain",
    "the penguins at Boulders Beach",
    "boxes everywhere on moving day",
    "a long layover in Dubai at two in the morning",
    "ramen at Ichiran in Shibuya",
    "the red gates at Fushimi Inari",
    "a run in Central Park before work",
    "coffee at the Starbucks at Schiphol",
    "the silver rental car in Crete",
    "the old palace at Knossos with the family",
    "the pool at the hotel in Rethymno",
    "schnitzel at the Augustiner-Keller after a long day",
    "the Petronas towers against the sky",
    "the Eurostar to Brussels on a Tuesday morning",
    "pastrami at Katz's with the team",
    "my first evening in the new flat in Lisbon",
    "the meeting at One Canada Square with the big screen",
    "a sunset at Camps Bay",
    "the arrivals hall at Haneda after the long flight",
    "Sunday coffee round the corner in Lisbon",
)
