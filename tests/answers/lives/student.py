"""Eleni, a student in Thessaloniki (Sept 2018 - Aug 2019): lectures, the library in exam months, the gym
three evenings a week, cafés with friends, a Saturday job at a bookshop, trips home to Kalamata and to
Athens, Sofia and Berlin, and beach days in Halkidiki in summer."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

from .truth import Asked, day_of
from .world import Day, Life, Place, Scene, check_order

ZONE = "Europe/Athens"
HOME = Place("Home", "Thessaloniki", "Greece", "GR", 40.6262, 22.9528, ZONE)
UNI = HOME.near("Aristotle University of Thessaloniki", 620, 410)
LIBRARY = HOME.near("AUTh Central Library", 700, 300)
CANTEEN = HOME.near("", 560, 520)  # the student canteen: no venue name in the metadata
SOUVLAKI = HOME.near("Ypsilon Souvlaki", 900, -700)
CAFES = (HOME.near("Coffee Island", 350, -250), HOME.near("Estrella", 1400, -1300), HOME.near("Ladadika Kafeneio", 1100, -900))
ZARA = HOME.near("Zara", 1350, -1450)
COAT_DAY = date(2018, 11, 24)
GYM = HOME.near("Fitness Zone Kamara", 250, 150)
SUPERMARKET = HOME.near("Masoutis", -150, 120)
LIDL = HOME.near("Lidl", -900, 800)
CINEMA = HOME.near("Olympion Cinema", 1500, -1900)
BOOKSHOP = HOME.near("Ianos Bookstore", 1300, -1500)
SEAFRONT = HOME.near("", -300, -900, indoor=False)
WHITE_TOWER = HOME.near("White Tower", 600, -1100, indoor=False)
DENTIST = HOME.near("", 450, -600)  # a dentist's flat: no venue name
BAR = HOME.near("", 1250, -1600)
BUS_STATION = HOME.near("KTEL Macedonia", 2500, -5200)
AIRPORT = HOME.near("Thessaloniki Airport Makedonia", -9000, 8500)

FAMILY = Place("", "Kalamata", "Greece", "GR", 37.0389, 22.1142, ZONE)
ATHENS = Place("", "Athens", "Greece", "GR", 37.9838, 23.7275, ZONE, indoor=False)
SOFIA = Place("", "Sofia", "Bulgaria", "BG", 42.6977, 23.3219, "Europe/Sofia", indoor=False)
BERLIN = Place("", "Berlin", "Germany", "DE", 52.5200, 13.4050, "Europe/Berlin", indoor=False)
BEACH = Place("", "Kallithea", "Greece", "GR", 40.0780, 23.4450, ZONE, indoor=False)

LOOK = {
    "breakfast": Scene(("a cup of coffee on a table", "a bowl of cereal and a cup of coffee", "a person holding a cup of coffee",
                        "a kitchen with a table and chairs"), (("cup", 1), ("bowl", 1), ("dining table", 1)), ("kitchen", "breakfast", "indoor")),
    "lecture": Scene(("a large room with many people sitting in chairs", "a classroom with a projector screen",
                      "a group of people sitting in a lecture hall", "a person sitting at a desk with a laptop"),
                     (("person", 30), ("laptop", 4), ("chair", 10)), ("classroom", "lecture", "indoor"), ("AMPHITHEATRE III",)),
    "library": Scene(("a person sitting at a table with a laptop", "a book shelf filled with lots of books",
                      "a table with books and a laptop", "a desk with a lamp and papers"), (("book", 6), ("laptop", 1), ("chair", 2)),
                     ("library", "books", "indoor", "studying"), ("SILENCE PLEASE", "ΒΙΒΛΙΟΘΗΚΗ")),
    "lunch": Scene(("a plate of food on a table", "a person eating food at a table", "a table with a tray of food"),
                   (("dining table", 1), ("fork", 1), ("bowl", 1)), ("food", "restaurant", "indoor")),
    "cafe": Scene(("a group of people sitting at a table", "two cups of coffee on a table", "a person holding a cup of coffee",
                   "a cafe with tables and chairs"), (("chair", 3), ("dining table", 1)), ("cafe", "coffee", "indoor")),
    "gym": Scene(("a gym with treadmills and exercise equipment", "a person lifting weights in a gym", "a room with exercise machines",
                  "a mirror in a gym"), (("person", 3),), ("gym", "fitness", "indoor"), ("FITNESS ZONE", "RE-RACK YOUR WEIGHTS")),
    "home": Scene(("a living room with a couch and a television", "a bed with a white blanket", "a laptop on a bed",
                   "a desk with a computer monitor", "a kitchen with a stove and a sink"), (("couch", 1), ("laptop", 1), ("tv", 1)),
                  ("room", "indoor", "home")),
    "dinner": Scene(("a pan of food on a stove", "a plate of food on a table", "a person cutting vegetables on a cutting board"),
                    (("bowl", 1), ("knife", 1), ("dining table", 1)), ("kitchen", "cooking", "food")),
    "supermarket": Scene(("a grocery store filled with lots of food", "a shelf filled with lots of bottles", "a person pushing a shopping cart",
                          "a supermarket aisle"), (("bottle", 8), ("person", 2)), ("supermarket", "grocery", "shopping", "indoor"),
                         ("ΜΑΣΟΥΤΗΣ", "ΠΡΟΣΦΟΡΑ")),
    "bookshop": Scene(("a book store filled with lots of books", "a woman standing behind a counter", "a shelf of books"),
                      (("book", 12), ("person", 2)), ("bookstore", "books", "shop", "indoor"), ("IANOS", "ΤΑΜΕΙΟ")),
    "cinema": Scene(("a dark room with a large screen", "a movie theater with red seats", "a poster on a wall"),
                    (("chair", 6), ("person", 4)), ("cinema", "theatre", "indoor"), ("OLYMPION",), dark=0.3),
    "walk": Scene(("a view of a street with cars parked", "a sidewalk next to a street", "a city street with buildings",
                   "a person walking down a sidewalk"), (("car", 3), ("person", 2)), ("street", "city", "outdoor")),
    "seafront": Scene(("a view of the ocean from a pier", "a person walking on a boardwalk by the water", "a boat in the water",
                       "a tower next to the sea"), (("person", 4), ("boat", 1)), ("sea", "waterfront", "outdoor", "sky")),
    "bus": Scene(("a view of a road from a bus window", "a bus seat with a window", "a highway with cars"),
                 (("person", 2), ("car", 2)), ("bus", "vehicle", "road")),
    "plane": Scene(("a view of the wing of an airplane", "an airplane seat with a window", "clouds from an airplane window"),
                   (("person", 2),), ("airplane", "sky", "travel")),
    "airport": Scene(("a large airport terminal with people", "a person standing in an airport", "a departures board"),
                     (("person", 8), ("suitcase", 2)), ("airport", "travel", "indoor"), ("GATE B4", "DEPARTURES")),
    "sights": Scene(("a city street with old buildings", "a large building with a clock tower", "a group of people walking in a square",
                     "a statue in front of a building"), (("person", 6),), ("city", "architecture", "outdoor", "tourism")),
    "family": Scene(("a family sitting around a dinner table", "a table full of food", "an older woman in a kitchen",
                     "a living room with a christmas tree"), (("person", 4), ("dining table", 1)), ("family", "home", "indoor")),
    "beach": Scene(("a beach with umbrellas and people", "a view of the ocean with a boat", "a person laying on a beach towel"),
                   (("umbrella", 3), ("person", 5)), ("beach", "sea", "outdoor", "summer")),
    "bar": Scene(("a group of people sitting at a bar", "a bar with bottles on the wall", "a dark room with people"),
                 (("person", 5), ("wine glass", 2), ("bottle", 4)), ("bar", "night", "drinks", "indoor"), dark=0.25),
    "dentist": Scene(("a dentist chair in a room", "a man in a white coat", "a room with a chair and a lamp"),
                     (("chair", 1), ("person", 1)), ("dentist", "clinic", "medical", "indoor"), ("ΟΔΟΝΤΙΑΤΡΕΙΟ",)),
}

FOODS = {"canteen": ("pastitsio", "lentil soup", "chicken with rice", "spaghetti bolognese"), "souvlaki": ("souvlaki", "gyros pita")}
FRIENDS = ("Maria", "Nikos", "Sofia", "Dimitris")
FILMS = (("Roma", "2018-12-13"), ("Bohemian Rhapsody", "2018-11-08"), ("Green Book", "2019-01-24"), ("Capernaum", "2019-02-28"),
         ("Us", "2019-03-21"), ("Avengers: Endgame", "2019-04-25"), ("Parasite", "2019-06-20"))
GROCERIES = (("feta", "tomatoes"), ("bread", "milk"), ("yogurt", "honey"), ("pasta", "olive oil"), ("apples", "eggs"))
BRANDS = ("FAGE", "ΔΕΛΤΑ", "MEVGAL", "BARILLA")
TRIPS = {  # first day, last day, where, how
    (date(2018, 11, 16), date(2018, 11, 18)): (ATHENS, "bus"),
    (date(2018, 12, 21), date(2019, 1, 6)): (FAMILY, "bus"),
    (date(2019, 3, 22), date(2019, 3, 24)): (SOFIA, "bus"),
    (date(2019, 4, 5), date(2019, 4, 9)): (BERLIN, "plane"),
    (date(2019, 4, 26), date(2019, 5, 1)): (FAMILY, "bus"),
}
BEACH_DAYS = (date(2019, 7, 6), date(2019, 7, 13), date(2019, 7, 20), date(2019, 7, 27), date(2019, 8, 3), date(2019, 8, 10),
              date(2019, 8, 17))
DENTIST_DAYS = (date(2018, 10, 17), date(2019, 5, 22))
EXAM_MONTHS = ((2019, 1), (2019, 2), (2019, 6))
FIRST, LAST = date(2018, 9, 10), date(2019, 8, 31)
NO_CAMERA = frozenset(date(2019, 2, 11) + timedelta(days=n) for n in range(7))  # a lost charger


def _trip(day: Day, first: date, last: date, city: Place, mode: str) -> None:
    if day.date == first:
        day.at("08:00").go("home", HOME, 40, LOOK["home"])
        if mode == "plane":
            day.travel("bus", AIRPORT, LOOK["bus"])
            day.go("airport", AIRPORT, 90, LOOK["airport"])
            day.travel("plane", city, LOOK["plane"], via=1)
        else:
            day.travel("bus", BUS_STATION, LOOK["bus"])
            day.travel("coach", city, LOOK["bus"], via=4)
        day.go("sights" if city is not FAMILY else "family", city, 180, LOOK["sights" if city is not FAMILY else "family"], trip=city.city)
    elif day.date == last:
        day.at("09:00").go("sights" if city is not FAMILY else "family", city, 120, LOOK["sights" if city is not FAMILY else "family"],
                           trip=city.city)
        day.travel("plane" if mode == "plane" else "coach", HOME, LOOK[mode], via=2)
        day.go("home", HOME, 90, LOOK["home"])
    else:
        activity = "sights" if city is not FAMILY else "family"
        day.at("10:00").go(activity, city, 240, LOOK[activity], trip=city.city)
        day.wait(60).go(activity, city, 180, LOOK[activity], trip=city.city)


def _weekday(day: Day, rng) -> None:
    d = day.date
    exams = (d.year, d.month) in EXAM_MONTHS
    day.at("07:50").go("breakfast", HOME, 30, LOOK["breakfast"])
    if d.month in (7, 8):
        day.go("home", HOME, 150, LOOK["home"])
    else:
        day.travel("walk", UNI if not exams else LIBRARY, LOOK["walk"])
        if exams:
            day.go("library", LIBRARY, 200, LOOK["library"])
        else:
            day.go("lecture", UNI, 180, LOOK["lecture"])
        if rng.random() < 0.6:
            food = day.pick(FOODS["canteen"])
            day.travel("walk", CANTEEN, LOOK["walk"], via=1)
            day.go("lunch", CANTEEN, 40, LOOK["lunch"].with_(captions=(f"a plate of {food} on a tray",)), food=food)
        else:
            food = day.pick(FOODS["souvlaki"])
            day.travel("walk", SOUVLAKI, LOOK["walk"], via=2)
            day.go("lunch", SOUVLAKI, 35, LOOK["lunch"].with_(captions=(f"a person holding a {food}",), texts=("YPSILON",)),
                   food=food)
        if exams or rng.random() < 0.35:
            day.travel("walk", LIBRARY, LOOK["walk"], via=1)
            day.go("library", LIBRARY, 150, LOOK["library"])
        elif rng.random() < 0.6:
            cafe = day.pick(CAFES)
            friends = tuple(sorted(rng.choice(FRIENDS, size=int(rng.integers(1, 4)), replace=False)))
            cups = len(friends) + 1
            day.travel("walk", cafe, LOOK["walk"], via=1)
            day.go("cafe", cafe, 90, LOOK["cafe"].with_(objects=(("cup", cups), ("person", len(friends))),
                                                      texts=("COFFEE ISLAND",) if cafe.name == "Coffee Island" else ()),
                   friends=friends, cups=cups)
    if d in DENTIST_DAYS:
        day.at("15:30").travel("walk", DENTIST, LOOK["walk"], via=1)
        day.go("dentist", DENTIST, 45, LOOK["dentist"])
    day.travel("walk", HOME, LOOK["walk"], via=2)
    if d.weekday() in (0, 2, 4) and not exams and d.month not in (8,):
        day.at("18:00").travel("walk", GYM, LOOK["walk"], via=1)
        day.go("gym", GYM, 75, LOOK["gym"])
        day.travel("walk", HOME, LOOK["walk"], via=1)
    film = next((title for title, shown in FILMS if shown == d.isoformat()), None)
    if film:
        day.at("20:00").travel("bus", CINEMA, LOOK["bus"])
        day.go("cinema", CINEMA, 130, LOOK["cinema"].with_(texts=(film.upper(),)), film=film)
        day.travel("bus", HOME, LOOK["bus"])
    else:
        dish = day.pick(("omelette", "pasta with tomato sauce", "greek salad", "fakes"))
        day.at("19:30").go("dinner", HOME, 40, LOOK["dinner"], food=dish)
        day.go("home", HOME, 150, LOOK["home"])


def _saturday(day: Day, rng) -> None:
    d = day.date
    day.at("09:00").go("breakfast", HOME, 30, LOOK["breakfast"])
    if d in BEACH_DAYS:
        day.travel("coach", BEACH, LOOK["bus"], via=4)
        day.go("beach", BEACH, 300, LOOK["beach"], friends=("Maria", "Nikos"))
        day.travel("coach", HOME, LOOK["bus"], via=4)
        day.go("home", HOME, 90, LOOK["home"])
        return
    if d.month not in (7, 8):
        day.travel("bus", BOOKSHOP, LOOK["bus"])
        day.go("bookshop", BOOKSHOP, 240, LOOK["bookshop"])
        if d == COAT_DAY:
            day.travel("walk", ZARA, LOOK["walk"], via=1)
            day.go("clothes", ZARA, 40, Scene(("a rack of clothes in a store", "a woman standing in front of a mirror"),
                                              (("person", 2), ("handbag", 1)), ("clothing store", "shop", "fashion", "indoor"),
                                              ("ZARA", "FITTING ROOMS")).with_(captions=("a woman trying on a green coat in a store",)),
                   bought=("coat",), colour="green")
        day.travel("bus", HOME, LOOK["bus"])
    week = d.isocalendar()[1]
    shop = SUPERMARKET if week % 3 else LIDL
    bought = GROCERIES[week % len(GROCERIES)]
    brand = BRANDS[week % len(BRANDS)]
    day.at("15:00").travel("walk", shop, LOOK["walk"], via=1)
    day.go("supermarket", shop, 35, LOOK["supermarket"].with_(
        captions=(f"a shelf of {bought[0]} in a store", f"a person holding {bought[1]}"), texts=(brand,)), bought=bought, brand=brand)
    day.travel("walk", HOME, LOOK["walk"], via=1)
    if rng.random() < 0.5:
        friends = tuple(sorted(rng.choice(FRIENDS, size=int(rng.integers(2, 4)), replace=False)))
        day.at("22:00").travel("walk", BAR, LOOK["walk"], via=2)
        day.go("bar", BAR, 150, LOOK["bar"], friends=friends)
        day.travel("walk", HOME, LOOK["walk"], via=2)
    else:
        day.at("20:00").go("home", HOME, 180, LOOK["home"])


def _sunday(day: Day, rng) -> None:
    day.at("10:00").go("breakfast", HOME, 40, LOOK["breakfast"])
    if rng.random() < 0.7:
        day.travel("walk", WHITE_TOWER, LOOK["walk"], via=3)
        day.go("seafront", SEAFRONT, 60, LOOK["seafront"].with_(texts=("ΛΕΥΚΟΣ ΠΥΡΓΟΣ",)))
        day.travel("walk", HOME, LOOK["walk"], via=3)
    day.at("14:00").go("home", HOME, 300, LOOK["home"])


def life(every_min: float = 10.0) -> Life:
    from .camera import shoot

    rng = np.random.default_rng(2018)
    stays = []
    day = FIRST
    trip_of = {first + timedelta(days=n): (first, last, *how) for (first, last), how in TRIPS.items() for n in range((last - first).days + 1)}
    here = HOME
    while day <= LAST:
        plan = Day(day, rng, here, stays[-1].end if stays and stays[-1].place.timezone == here.timezone else None)
        if day in trip_of:
            _trip(plan, *trip_of[day])
        elif day.weekday() < 5:
            _weekday(plan, rng)
        elif day.weekday() == 5:
            _saturday(plan, rng)
        else:
            _sunday(plan, rng)
        stays += plan.stays
        here = plan.here
        day += timedelta(days=1)
    off = NO_CAMERA | frozenset(d for d in sorted({s.day for s in stays}) if rng.random() < 0.03)
    person = Life("student", "Eleni, a student in Thessaloniki", check_order(stays), ZONE, off)
    shoot(person, every_min, seed=1)
    return person


def questions(person: Life) -> list:
    ask = Asked(person)
    now = datetime(2019, 9, 1, 12, 0)

    gym = ask.stays("gym")
    ask("How many times did I go to the gym in October 2018?", "frequency", len(ask.stays("gym", year=2018, month=10)),
        ask.stays("gym", year=2018, month=10))
    ask("how often did I work out in March 2019", "frequency", len(ask.stays("gym", year=2019, month=3)), ask.stays("gym", year=2019, month=3))
    ask("I'd like to know how many gym sessions I had in November", "frequency", len(ask.stays("gym", year=2018, month=11)),
        ask.stays("gym", year=2018, month=11), now=now)
    ask("When did I last go to the gym?", "time", day_of(gym[-1]), gym[-1:])
    ask("when was my first workout at Fitness Zone", "time", day_of(gym[0]), gym[:1])
    may = ask.stays("gym", year=2019, month=5)
    ask("How long did I spend at the gym in May 2019?", "duration", sum(s.seconds for s in may), may)
    ask("roughly how much time did I spend working out in December 2018", "duration",
        sum(s.seconds for s in ask.stays("gym", year=2018, month=12)), ask.stays("gym", year=2018, month=12))
    weeks = (person.seen[-1].day - person.seen[0].day).days / 7
    ask("On average, how many times a week did I go to the gym?", "frequency", round(len(gym) / weeks, 2), gym)

    dentist = ask.stays("dentist")
    ask("How many times did I go to the dentist?", "frequency", len(dentist), dentist)
    ask("When was I last at the dentist", "time", day_of(dentist[-1]), dentist[-1:])
    ask("remind me when I had my dentist appointment in autumn 2018", "time", day_of(dentist[0]), dentist[:1])
    ask("how long was I at the dentist in May?", "duration", sum(s.seconds for s in ask.stays("dentist", month=5)),
        ask.stays("dentist", month=5), now=now)

    for title, shown in FILMS:
        stays = ask.stays("cinema", on=date.fromisoformat(shown))
        if not stays:
            continue
        if title in ("Roma", "Us", "Parasite"):
            ask(f"When did I go to see {title}?", "time", shown, stays)
    cinema = ask.stays("cinema")
    ask("Which film did I see at the Olympion in January 2019?", "ocr", cinema_film(cinema, 2019, 1), _in(cinema, 2019, 1))
    ask("what movie did I watch in April 2019", "ocr", cinema_film(cinema, 2019, 4), _in(cinema, 2019, 4))
    ask("Tell me which film I saw in November 2018", "ocr", cinema_film(cinema, 2018, 11), _in(cinema, 2018, 11))
    ask("How many times did I go to the cinema?", "frequency", len(cinema), cinema)
    ask("how many films did I see at the cinema in 2019", "frequency", len(ask.stays("cinema", year=2019)), ask.stays("cinema", year=2019))
    ask("Which cinema did I go to?", "location", "Olympion Cinema", cinema)

    berlin = ask.stays(where=lambda s: s.place.city == "Berlin" and not s.route)
    ask("When did I fly to Berlin?", "time", day_of(berlin[0]), berlin[:1])
    ask("how many days was I in Berlin", "frequency", len(ask.days(berlin)), berlin)
    ask("How long was my trip to Berlin?", "duration", _trip_seconds(ask, "Berlin"), berlin)
    ask("Which countries other than Greece did I visit in 2019?", "location", sorted({s.place.country for s in ask.stays(year=2019)} - {"", "Greece"}),
        ask.stays(where=lambda s: s.place.country in ("Bulgaria", "Germany")))
    ask("Which cities did I travel to in spring 2019?", "location", ["Sofia", "Berlin", "Kalamata"],
        ask.stays(between=(date(2019, 3, 1), date(2019, 5, 31)), where=lambda s: s.place.city in ("Sofia", "Berlin", "Kalamata")))
    sofia = ask.stays(where=lambda s: s.place.city == "Sofia" and not s.route)
    ask("which city was I in on 23 March 2019?", "location", "Sofia", [s for s in sofia if s.day == date(2019, 3, 23)])
    ask("Whereabouts was I on Christmas Day 2018", "location", "Kalamata", ask.stays(on=date(2018, 12, 25)))
    ask("In which country was I on the 7th of April 2019?", "location", "Germany", ask.stays(on=date(2019, 4, 7)))
    ask("When did I get back from Sofia?", "time", "2019-03-24", ask.stays(on=date(2019, 3, 24), where=lambda s: s.route != ()))
    ask("how far did I travel by bus to Athens in November 2018", "distance", sum(s.metres for s in ask.stays(
        ("bus", "coach"), on=date(2018, 11, 16))), ask.stays(("bus", "coach"), on=date(2018, 11, 16)))
    ask("How many times did I go home to Kalamata?", "frequency", 2, ask.stays(where=lambda s: s.place.city == "Kalamata"))
    ask("When did I go to Athens?", "time", "2018-11-16", ask.stays(on=date(2018, 11, 16)))
    ask("How long did I stay in Sofia?", "duration", _trip_seconds(ask, "Sofia"), sofia)
    ask("how many times did I fly in total", "frequency", len(ask.stays("plane")), ask.stays("plane"))
    coat = ask.stays("clothes")
    if coat:  # no photo of the shop (on other random days): nothing in the lifelog knows of the coat
        ask("What colour was the coat I bought at Zara?", "color", "green", coat)
        ask("what did I buy at Zara in November 2018", "object", "coat", coat)
        ask("when did I buy my new coat", "time", day_of(coat[0]), coat)

    beach = ask.stays("beach")
    ask("How many beach days did I have in summer 2019?", "frequency", len(beach), beach)
    ask("When did I first go to the beach in Halkidiki?", "time", day_of(beach[0]), beach[:1])
    ask("which beach town did I go to", "location", "Kallithea", beach)
    ask("how many times did I go to the beach with Maria and Nikos", "frequency", None)  # who came is in no photo
    ask("when was the last time I swam in the sea?", "time", day_of(beach[-1]), beach[-1:])

    seafront = ask.stays("seafront")
    ask("How many times did I walk to the White Tower in 2018?", "frequency", len(ask.stays("seafront", year=2018)),
        ask.stays("seafront", year=2018))
    sunday = next(s for s in seafront if s.day.month == 10)
    walks = ask.stays("walk", on=sunday.day)
    ask(f"How far did I walk on {sunday.day:%A %d %B %Y}?", "distance", round(sum(s.metres for s in walks), 1), walks)
    monday = next(s for s in ask.stays("walk", year=2018, month=11) if s.day.weekday() == 0).day
    walks = ask.stays("walk", on=monday)
    ask(f"how many metres did I walk on {monday.day} {monday:%b %Y}", "distance", round(sum(s.metres for s in walks), 1), walks)
    seaday = next(s for s in seafront if s.day.month == 3 and s.day.year == 2019).day
    walks = ask.stays("walk", on=seaday)
    ask(f"Roughly how far did I walk on {seaday:%B %d, %Y}?", "distance", round(sum(s.metres for s in walks), 1), walks)

    lunch = ask.stays("lunch")
    souvlaki = [s for s in lunch if s.place.name == "Ypsilon Souvlaki"]
    ask("how many times did I have lunch at Ypsilon Souvlaki in October 2018", "frequency", len(_in(souvlaki, 2018, 10)), _in(souvlaki, 2018, 10))
    ask("Where did I usually have souvlaki?", "location", "Ypsilon Souvlaki", souvlaki)
    first_souvlaki = next(s for s in souvlaki if s.facts["food"] == "souvlaki")
    ask("When did I first eat souvlaki?", "time", day_of(first_souvlaki), [first_souvlaki])
    day_lunch = lunch[40]
    ask(f"What did I eat for lunch on {day_lunch.day:%d %B %Y}?", "object", day_lunch.facts["food"], [day_lunch])

    cafes = ask.stays("cafe")
    by_cafe = {name: [s for s in cafes if s.place.name == name] for name in {s.place.name for s in cafes}}
    ranked = sorted(by_cafe, key=lambda name: -len(by_cafe[name]))
    if len(by_cafe[ranked[0]]) > len(by_cafe[ranked[1]]):
        ask("Which café did I go to most often?", "location", ranked[0], by_cafe[ranked[0]])
    ask("how many times did I go to Coffee Island?", "frequency", len([s for s in cafes if s.place.name == "Coffee Island"]),
        [s for s in cafes if s.place.name == "Coffee Island"])
    ask("How many times did I have coffee with Nikos?", "frequency", None)
    ask("When did I last have coffee with Dimitris", "time", None)
    cafe = max(cafes, key=lambda s: s.facts["cups"])
    ask(f"How many cups were on the table at the café on {cafe.day:%d %B %Y}?", "counting", cafe.facts["cups"], [cafe])
    cafe2 = next(s for s in cafes if s.facts["cups"] == 2)
    ask(f"how many people was I with at the cafe on {cafe2.day:%d.%m.%Y}", "counting", 1, [cafe2])
    cafe3 = next(s for s in reversed(cafes) if s.facts["cups"] == 3)
    ask(f"How many coffees were on our table at {cafe3.place.name} on {cafe3.day:%-d %B %Y}?", "counting", 3, [cafe3])
    cafe4 = next(s for s in cafes[len(cafes) // 2:] if s.facts["cups"] == 4)
    ask(f"how many friends did I meet for coffee on {cafe4.day:%A %-d %B %Y}", "counting", 3, [cafe4])

    lecture = ask.stays("lecture", year=2018, month=10)
    ask("How many days did I have lectures in October 2018?", "frequency", len(ask.days(lecture)), lecture)
    ask("What was written on the lecture hall door?", "ocr", "AMPHITHEATRE III", frozenset(i for s in lecture for i in s.showing.get("AMPHITHEATRE III", [])))
    ask("roughly how many people were in my lectures", "counting", 30, ask.stays("lecture"))
    library_june = ask.stays("library", year=2019, month=6)
    ask("How much time did I spend in the library in June 2019?", "duration", sum(s.seconds for s in library_june), library_june)
    ask("how many days did I study at the library in January 2019", "frequency", len(ask.days(ask.stays("library", year=2019, month=1))),
        ask.stays("library", year=2019, month=1))

    shop = ask.stays("supermarket")
    ask("Which supermarket did I go to the most?", "location", "Masoutis", [s for s in shop if s.place.name == "Masoutis"])
    ask("which supermarket did I go to least often", "location", "Lidl", [s for s in shop if s.place.name == "Lidl"])
    saturday = shop[10]
    ask(f"What did I buy at the supermarket on {saturday.day:%d %B %Y}?", "object", saturday.facts["bought"][0], [saturday])
    ask(f"what brand did I see at the supermarket on {shop[20].day:%d/%m/%Y}", "ocr", shop[20].facts["brand"],
        frozenset(shop[20].showing.get(shop[20].facts["brand"], [])))
    ask("How many times did I go grocery shopping in February 2019?", "frequency", len(ask.stays("supermarket", year=2019, month=2)),
        ask.stays("supermarket", year=2019, month=2))
    ask("how many times did I buy feta", "frequency", len([s for s in shop if "feta" in s.facts["bought"]]),
        [s for s in shop if "feta" in s.facts["bought"]])

    estrella = [s for s in cafes if s.place.name == "Estrella"]
    ask("tell me how many times I went to Estrella", "frequency", len(estrella), estrella)
    lidl = [s for s in shop if s.place.name == "Lidl"]
    shown = list(lidl[-1].facts["bought"][: len(lidl[-1].image_ids)])  # a single photo shows one of the two
    ask("remind me what I bought the last time I went to Lidl", "object", shown, lidl[-1:], now=now)
    bookshop = ask.stays("bookshop")
    ask("Where did I work on Saturdays?", "location", "Ianos Bookstore", bookshop)
    ask("How many hours did I work at the bookshop in March 2019?", "duration", sum(s.seconds for s in ask.stays("bookshop", year=2019, month=3)),
        ask.stays("bookshop", year=2019, month=3))
    ask("When did I last work at Ianos?", "time", day_of(bookshop[-1]), bookshop[-1:])

    bars = ask.stays("bar")
    ask("how many nights did I go out to a bar in 2019", "frequency", len(ask.stays("bar", year=2019)), ask.stays("bar", year=2019))
    ask("Which bar did I go to on Saturdays?", "location", None)  # the bar has no name in the metadata
    ask("what did I drink at the bar?", "object", None)

    ask("How many times did I go skiing?", "frequency", 0)
    ask("When did I visit Paris?", "time", None)
    ask("How many times did I go to the gym in 2017?", "frequency", None)  # before the lifelog starts
    ask("Where was I on 12 February 2019?", "location", None)  # the camera stayed at home that week
    ask("what colour was my sister's car", "color", None)
    ask("What colour was the umbrella at the beach?", "color", None)
    ask("when did I go to my cousin's wedding?", "time", None)
    ask("which day of the week did I usually go to the bookshop", "time", "Saturday", bookshop)
    per_month = sorted(((len(ask.days(ask.stays("library", year=y, month=m))), f"{y}-{m:02d}") for y, m in EXAM_MONTHS), reverse=True)
    if per_month[0][0] >= per_month[1][0] + 2:
        top = per_month[0][1]
        ask("which month did I go to the library the most?", "time", top, ask.stays("library", year=int(top[:4]), month=int(top[5:])))
    ask("In which month did I go to the cinema the most", "time", None)  # every month once: no one month
    christmas = [s for s in ask.life.stays if date(2018, 12, 21) <= s.day <= date(2019, 1, 6) and s.place.city == "Kalamata" and not s.route]
    ask("How many days did I spend at home in Kalamata over Christmas?", "frequency", len(ask.days([s for s in christmas if s.image_ids])),
        christmas)
    ask("list the films I saw in 2018", "ocr", ["Bohemian Rhapsody", "Roma"], _in(cinema, 2018, 11) + _in(cinema, 2018, 12))
    ask("how many times did I go to the gym last month", "frequency", len(ask.stays("gym", year=2019, month=8)), ask.stays("gym", year=2019, month=8),
        now=now)
    ask("when did I last go to the cinema", "time", day_of(cinema[-1]), cinema[-1:], now=now)
    return ask.items


def cinema_film(stays, year, month):
    found = _in(stays, year, month)
    return found[0].facts["film"] if found else None


def _in(stays, year, month):
    return [s for s in stays if s.day.year == year and s.day.month == month]


def _trip_seconds(ask: Asked, city: str) -> int:
    """From leaving home to getting back, the trip to `city`."""
    for (first, last), (place, _) in TRIPS.items():
        if place.city == city:
            days = [s for s in ask.life.stays if first <= s.day <= last]
            return int((days[-1].start - days[0].end).total_seconds())
    raise KeyError(city)


REMEMBERED = (
    "the time I had coffee with my sister in the rain",
    "eating souvlaki at a place with a blue sign",
    "studying in the library before my exams",
    "walking by the sea at the White Tower on a Sunday",
    "that night at the bar with Maria and Nikos",
    "the beach in Halkidiki with umbrellas",
    "watching Roma at the Olympion",
    "Christmas dinner with my family in Kalamata",
    "a crowded lecture hall with a projector",
    "lifting weights at Fitness Zone",
    "snow in Sofia",
    "the Brandenburg Gate in Berlin",
    "buying feta and tomatoes at Masoutis",
    "working behind the counter at Ianos",
    "my dentist appointment in October",
    "the bus to Athens",
    "a cup of coffee on my desk in the morning",
    "gyros pita for lunch",
    "easter with my grandmother",
    "the boat on the water near the pier",
    "me reading on the balcony",
    "pastitsio at the student canteen",
)
