"""Sam, a parent of two (Maya, 8, and Leo, 5) in Toronto, 2024: school runs, the office downtown by
streetcar, Leo's hockey on Saturdays and swimming lessons on Sundays, the kids' dentist and one's own,
groceries and a monthly Costco run, a March-break drive to Montreal, Orlando in February, the cottage
in Muskoka in July and a work trip to Vancouver in October."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

from .truth import Asked, day_of
from .world import Day, Life, Place, Scene, check_order

ZONE = "America/Toronto"
HOME = Place("Home", "Toronto", "Canada", "CA", 43.6629, -79.3330, ZONE)
SCHOOL = HOME.near("Morse Street Junior Public School", 350, -420, indoor=False)
OFFICE = HOME.near("Scotia Plaza", -1550, -4050)
KIDS_DENTIST = HOME.near("Leslieville Kids Dental", -300, 600)
DENTIST = HOME.near("", -1500, -3800)  # one's own dentist, downtown: the metadata names only the city
ARENA = HOME.near("Ted Reeve Arena", 1200, 3900)
POOL = HOME.near("", 900, 1100)
LOBLAWS = HOME.near("Loblaws", -200, -900)
NOFRILLS = HOME.near("No Frills", 600, 700)
COSTCO = HOME.near("Costco Wholesale", 3500, 9500)
PARK = HOME.near("", 800, -600, indoor=False)
PIZZA = HOME.near("Pizzeria Libretto", -150, -300)
CINEMA = HOME.near("Scotiabank Theatre", -1800, -5400)
LIBRARY = HOME.near("Toronto Public Library", 100, -200)

MONTREAL = Place("", "Montreal", "Canada", "CA", 45.5019, -73.5674, ZONE, indoor=False)
SCHWARTZ = MONTREAL.near("Schwartz's Deli", 1100, -900)
ORLANDO = Place("", "Orlando", "United States", "US", 28.5383, -81.3792, "America/New_York", indoor=False)
MAGIC_KINGDOM = Place("Magic Kingdom Park", "Orlando", "United States", "US", 28.4177, -81.5812, "America/New_York", indoor=False)
PEARSON = HOME.near("Toronto Pearson International Airport", 5800, -20500)
COTTAGE = Place("", "Huntsville", "Canada", "CA", 45.3269, -79.2164, ZONE, indoor=False)
VANCOUVER = Place("", "Vancouver", "Canada", "CA", 49.2827, -123.1207, "America/Vancouver", indoor=False)
CONFERENCE = VANCOUVER.near("Vancouver Convention Centre", 600, 200)

LOOK = {
    "home": Scene(("a living room with a couch and a tv", "a kitchen with a table and chairs", "two children sitting on a couch",
                   "a little girl sitting at a table", "a toy on the floor"), (("couch", 1), ("tv", 1), ("person", 2)), ("home", "indoor", "room")),
    "breakfast": Scene(("a table with bowls of cereal", "a child eating breakfast at a table", "a cup of coffee on a kitchen counter"),
                       (("bowl", 3), ("cup", 1), ("person", 2), ("dining table", 1)), ("kitchen", "breakfast", "indoor", "family")),
    "school run": Scene(("a little girl with a backpack walking on a sidewalk", "two kids walking down a street", "a school building with a fence",
                         "a street with trees and houses"), (("person", 3), ("backpack", 2), ("car", 2)), ("street", "school", "outdoor", "children")),
    "streetcar": Scene(("a red and white trolley on a city street", "the inside of a bus with people", "a view of a street from a window"),
                       (("person", 5), ("car", 2)), ("streetcar", "tram", "city", "transit"), ("501 QUEEN", "NEXT STOP")),
    "office": Scene(("a desk with a computer monitor and a keyboard", "a man sitting at a desk in an office", "an office with desks and chairs",
                     "a laptop on a desk"), (("laptop", 1), ("tv", 2), ("chair", 3), ("keyboard", 1)), ("office", "work", "indoor"), ("SCOTIA PLAZA",)),
    "meeting": Scene(("a group of people sitting around a table", "a conference room with a large screen", "people in a meeting"),
                     (("laptop", 3), ("chair", 6)), ("meeting", "office", "indoor")),
    "dentist": Scene(("a dentist chair in a room", "a person sitting in a dentist chair", "a room with a chair and a lamp"),
                     (("chair", 1), ("person", 1)), ("dentist", "clinic", "indoor")),
    "hockey": Scene(("a group of kids playing hockey on an ice rink", "a hockey rink with people in the stands", "a child in hockey gear"),
                    (("person", 10), ("sports ball", 1)), ("ice rink", "hockey", "sport", "indoor"), ("TED REEVE ARENA", "HOME  GUEST")),
    "swimming": Scene(("a swimming pool with people in it", "a child in a swimming pool", "an indoor pool with lanes"),
                      (("person", 6),), ("swimming pool", "swimming", "indoor"), ("NO DIVING", "DEEP END")),
    "groceries": Scene(("a grocery store with fruits and vegetables", "a shopping cart full of groceries", "a shelf of cereal boxes"),
                       (("bottle", 6), ("person", 2), ("apple", 4)), ("supermarket", "grocery", "shopping", "indoor")),
    "costco": Scene(("a large warehouse store with shelves", "a shopping cart full of boxes", "a man pushing a cart in a store"),
                    (("person", 4), ("bottle", 10)), ("warehouse", "shopping", "store", "indoor"), ("COSTCO WHOLESALE", "KIRKLAND SIGNATURE")),
    "park": Scene(("a little boy on a swing", "a playground with a slide", "two kids playing in a park", "a dog in the grass"),
                  (("person", 3), ("dog", 1)), ("park", "playground", "outdoor", "children")),
    "pizza": Scene(("a pizza on a table", "a family sitting at a table with pizza", "a little girl eating a slice of pizza"),
                   (("pizza", 2), ("person", 4), ("dining table", 1), ("cup", 3)), ("restaurant", "pizza", "food", "indoor"), ("LIBRETTO",)),
    "cinema": Scene(("a dark room with a large screen", "a movie theater with rows of seats", "two kids holding popcorn"),
                    (("person", 3), ("chair", 6)), ("cinema", "movie theater", "indoor"), ("CINEPLEX",), dark=0.3),
    "library": Scene(("a child reading a book", "a shelf of children's books", "a library with tables and chairs"),
                     (("book", 8), ("person", 2)), ("library", "books", "indoor"), ("TORONTO PUBLIC LIBRARY",)),
    "car": Scene(("a view of a highway from a car", "a car dashboard with a steering wheel", "a road with trees on both sides"),
                 (("car", 4), ("truck", 1)), ("road", "car", "driving")),
    "plane": Scene(("a view of the wing of an airplane", "clouds from an airplane window", "a child sleeping on an airplane seat"),
                   (("person", 3),), ("airplane", "travel", "sky")),
    "airport": Scene(("a large airport terminal with people", "a family with suitcases", "a departures board"),
                     (("person", 8), ("suitcase", 3)), ("airport", "travel", "indoor"), ("DEPARTURES", "GATE D31")),
    "theme park": Scene(("a castle in a theme park", "a crowd of people walking in a park", "a little girl with mouse ears"),
                        (("person", 12),), ("amusement park", "castle", "outdoor", "crowd"), ("MAGIC KINGDOM",)),
    "hotel": Scene(("a hotel room with two beds", "a bed with white sheets", "a view of a city from a hotel window"),
                   (("bed", 2), ("tv", 1)), ("hotel", "bedroom", "indoor")),
    "sights": Scene(("a city street with old buildings", "a church with a tall steeple", "a group of people walking in a square"),
                    (("person", 6), ("car", 2)), ("city", "street", "outdoor")),
    "deli": Scene(("a smoked meat sandwich on a plate", "a restaurant with people at tables", "a sandwich and pickles on a plate"),
                  (("sandwich", 2), ("person", 5), ("dining table", 1)), ("restaurant", "food", "indoor"), ("SCHWARTZ'S", "CHARCUTERIE HEBRAIQUE")),
    "cottage": Scene(("a lake with trees in the background", "a wooden dock on a lake", "a canoe on a lake", "a cabin in the woods",
                      "kids jumping into a lake"), (("boat", 1), ("person", 3)), ("lake", "nature", "outdoor", "summer")),
    "conference": Scene(("a large room with people sitting in chairs", "a man giving a presentation on a stage", "a crowd at a conference"),
                        (("person", 40), ("chair", 20)), ("conference", "presentation", "indoor"), ("DEVOPSDAYS VANCOUVER",)),
    "party": Scene(("a group of children around a birthday cake", "a cake with candles on a table", "kids wearing party hats"),
                   (("cake", 1), ("cup", 6), ("dining table", 1)), ("party", "birthday", "children", "indoor"), ("HAPPY BIRTHDAY MAYA",)),
}

FIRST, LAST = date(2024, 1, 2), date(2024, 12, 30)
KIDS_DENTIST_DAYS = (date(2024, 2, 26), date(2024, 8, 22))
OWN_DENTIST_DAYS = (date(2024, 3, 19), date(2024, 9, 24), date(2024, 12, 10))
PARTY_DAY = date(2024, 5, 18)  # Maya's eighth birthday, a Saturday
PARTY_KIDS = 9
MOVIES = {date(2024, 6, 16): "Inside Out 2", date(2024, 12, 1): "Moana 2", date(2024, 3, 10): "Kung Fu Panda 4"}
TRIPS = {"Orlando": (date(2024, 2, 16), date(2024, 2, 21)), "Montreal": (date(2024, 3, 11), date(2024, 3, 14)),
         "Huntsville": (date(2024, 7, 6), date(2024, 7, 20)), "Vancouver": (date(2024, 10, 8), date(2024, 10, 11))}
SCHOOL_OFF = ((date(2024, 1, 1), date(2024, 1, 5)), (date(2024, 3, 11), date(2024, 3, 15)), (date(2024, 6, 28), date(2024, 9, 2)),
              (date(2024, 12, 23), date(2024, 12, 31)))
COSTCO_BUYS = ("paper towels", "a big bag of rice", "coffee beans", "a TV", "diapers for my nephew", "frozen salmon")


def _school(day: date) -> bool:
    return day.weekday() < 5 and not any(first <= day <= last for first, last in SCHOOL_OFF) and day != date(2024, 2, 19)


def _trip(day: Day, city: str, first: date, last: date) -> None:
    d = day.date
    if city == "Orlando":
        if d == first:
            day.at("06:30").go("home", HOME, 30, LOOK["home"])
            day.travel("car", PEARSON, LOOK["car"])
            day.go("airport", PEARSON, 110, LOOK["airport"])
            day.travel("plane", ORLANDO, LOOK["plane"], via=1)
            day.go("rental car", ORLANDO, 60, Scene(("a car dashboard", "a parking garage with cars"), (("car", 3),),
                                                   ("car", "parking lot", "outdoor"), ("ALAMO",)).with_(
                captions=("a red car parked in a parking lot", "a red suv in a parking garage")), colour="red")
            day.go("hotel", ORLANDO.near("Holiday Inn Orlando", 900, -300), 180, LOOK["hotel"])
        elif d == last:
            day.at("08:00").go("hotel", ORLANDO.near("Holiday Inn Orlando", 900, -300), 90, LOOK["hotel"])
            day.travel("plane", PEARSON, LOOK["plane"], via=1)
            day.travel("car", HOME, LOOK["car"])
            day.go("home", HOME, 120, LOOK["home"])
        else:
            day.at("09:00").travel("car", MAGIC_KINGDOM if d.day % 2 else ORLANDO, LOOK["car"])
            day.go("theme park" if d.day % 2 else "sights", MAGIC_KINGDOM if d.day % 2 else ORLANDO, 420,
                   LOOK["theme park" if d.day % 2 else "sights"])
            day.go("hotel", ORLANDO.near("Holiday Inn Orlando", 900, -300), 150, LOOK["hotel"])
    elif city == "Montreal":
        if d == first:
            day.at("08:00").travel("drive", MONTREAL, LOOK["car"], via=5)
        elif d == last:
            day.at("10:00").travel("drive", HOME, LOOK["car"], via=5)
            day.go("home", HOME, 120, LOOK["home"])
            return
        day.at("13:00").go("sights", MONTREAL, 180, LOOK["sights"])
        if d == first + timedelta(days=1):
            day.go("restaurant", SCHWARTZ, 70, LOOK["deli"].with_(captions=("a smoked meat sandwich on a plate",)), food="smoked meat sandwich")
        day.go("hotel", MONTREAL.near("Hotel Le Germain", -300, 200), 150, LOOK["hotel"])
    elif city == "Huntsville":
        if d == first:
            day.at("09:00").travel("drive", COTTAGE, LOOK["car"], via=5)
        elif d == last:
            day.at("11:00").travel("drive", HOME, LOOK["car"], via=5)
            day.go("home", HOME, 120, LOOK["home"])
            return
        day.at("10:00").go("cottage", COTTAGE, 240, LOOK["cottage"])
        if d.weekday() in (1, 4):
            day.go("canoe", COTTAGE.near("", 800, 400, indoor=False), 90, LOOK["cottage"].with_(captions=("a person paddling a canoe on a lake",)))
        day.go("cottage", COTTAGE, 180, LOOK["cottage"])
    else:  # Vancouver, alone, for work
        if d == first:
            day.at("06:00").travel("streetcar", PEARSON, LOOK["streetcar"])
            day.go("airport", PEARSON, 90, LOOK["airport"])
            day.travel("plane", VANCOUVER, LOOK["plane"], via=1)
            day.go("hotel", VANCOUVER.near("Pan Pacific Vancouver", 700, 100), 120, LOOK["hotel"])
        elif d == last:
            day.at("09:00").go("conference", CONFERENCE, 180, LOOK["conference"])
            day.travel("plane", PEARSON, LOOK["plane"], via=1)
            day.travel("car", HOME, LOOK["car"])
        else:
            day.at("09:00").go("conference", CONFERENCE, 420, LOOK["conference"])
            day.go("sights", VANCOUVER, 120, LOOK["sights"])


def _weekday(day: Day, rng, week: int) -> None:
    d = day.date
    day.at("07:20").go("breakfast", HOME, 35, LOOK["breakfast"])
    if _school(d):
        day.at("08:20").travel("walk", SCHOOL, LOOK["school run"], via=2, activity="school run")
        day.go("school run", SCHOOL, 10, LOOK["school run"], jitter=0.3)
    day.travel("streetcar", OFFICE, LOOK["streetcar"], via=4)
    if d in OWN_DENTIST_DAYS:
        day.go("office", OFFICE, 100, LOOK["office"])
        day.travel("walk", DENTIST, LOOK["school run"], via=1)
        day.go("dentist", DENTIST, 50, LOOK["dentist"], who="me")
        day.travel("walk", OFFICE, LOOK["school run"], via=1)
        day.go("office", OFFICE, 200, LOOK["office"])
    else:
        day.go("office", OFFICE, 150, LOOK["office"])
        if d.weekday() == 1:
            people = 3 + (week % 5)
            day.go("meeting", OFFICE, 60, LOOK["meeting"].with_(objects=(("person", people),)), people=people)
        day.go("office", OFFICE, 180, LOOK["office"])
    if d in KIDS_DENTIST_DAYS:
        day.at("15:15").travel("streetcar", KIDS_DENTIST, LOOK["streetcar"], via=2)
        day.go("kids dentist", KIDS_DENTIST, 60, LOOK["dentist"].with_(captions=("a little girl sitting in a dentist chair",),
                                                                        texts=("LESLIEVILLE KIDS DENTAL",)), who="kids")
        day.travel("walk", HOME, LOOK["school run"], via=1)
    else:
        day.travel("streetcar", HOME, LOOK["streetcar"], via=4)
    if d.weekday() == 4 and rng.random() < 0.5:
        day.at("18:00").travel("walk", PIZZA, LOOK["school run"], via=1)
        day.go("pizza", PIZZA, 70, LOOK["pizza"], food="pizza")
        day.travel("walk", HOME, LOOK["school run"], via=1)
    day.at("19:00").go("home", HOME, 150, LOOK["home"])


def _weekend(day: Day, rng, week: int) -> None:
    d = day.date
    day.at("08:00").go("breakfast", HOME, 50, LOOK["breakfast"])
    if d.weekday() == 5:
        if d.month in (1, 2, 3, 10, 11, 12):
            day.travel("car", ARENA, LOOK["car"])
            day.go("hockey", ARENA, 75, LOOK["hockey"])
            day.travel("car", HOME, LOOK["car"])
        if d == PARTY_DAY:
            day.at("13:00").go("party", HOME, 180, LOOK["party"].with_(objects=(("person", PARTY_KIDS),)), kids=PARTY_KIDS)
        shop = NOFRILLS if week % 2 else LOBLAWS
        day.at("16:00").travel("walk", shop, LOOK["school run"], via=1)
        day.go("groceries", shop, 45, LOOK["groceries"].with_(texts=("NO FRILLS",) if shop is NOFRILLS else ("LOBLAWS", "PC OPTIMUM")))
        day.travel("walk", HOME, LOOK["school run"], via=1)
    else:
        if d.month not in (7, 8):
            day.travel("car", POOL, LOOK["car"])
            day.go("swimming", POOL, 60, LOOK["swimming"])
            day.travel("car", HOME, LOOK["car"])
        movie = MOVIES.get(d)
        if movie:
            day.at("13:00").travel("streetcar", CINEMA, LOOK["streetcar"], via=3)
            day.go("cinema", CINEMA, 120, LOOK["cinema"].with_(texts=(movie.upper(),)), film=movie)
            day.travel("streetcar", HOME, LOOK["streetcar"], via=3)
        elif d.day <= 7 and d.weekday() == 6:
            buy = COSTCO_BUYS[d.month % len(COSTCO_BUYS)]
            day.at("12:00").travel("car", COSTCO, LOOK["car"], via=3)
            day.go("costco", COSTCO, 80, LOOK["costco"].with_(captions=(f"a cart with {buy}",)), bought=buy)
            day.travel("car", HOME, LOOK["car"], via=3)
        elif rng.random() < 0.6:
            day.at("14:00").travel("walk", PARK, LOOK["school run"], via=2)
            day.go("park", PARK, 90, LOOK["park"])
            day.travel("walk", HOME, LOOK["school run"], via=2)
        else:
            day.at("14:00").travel("walk", LIBRARY, LOOK["school run"], via=1)
            day.go("library", LIBRARY, 60, LOOK["library"])
            day.travel("walk", HOME, LOOK["school run"], via=1)
    day.at("18:00").go("home", HOME, 180, LOOK["home"])


def life(every_min: float = 10.0) -> Life:
    from .camera import shoot

    rng = np.random.default_rng(2024)
    trip_of = {first + timedelta(days=n): (city, first, last) for city, (first, last) in TRIPS.items() for n in range((last - first).days + 1)}
    stays, day = [], FIRST
    here = HOME
    while day <= LAST:
        plan = Day(day, rng, here, stays[-1].end if stays and stays[-1].place.timezone == here.timezone else None)
        week = day.isocalendar()[1]
        if day in trip_of:
            _trip(plan, *trip_of[day])
        elif day.weekday() < 5 and day not in (date(2024, 7, 1), date(2024, 12, 25), date(2024, 12, 26)):
            _weekday(plan, rng, week)
        else:
            _weekend(plan, rng, week)
        stays += plan.stays
        here = plan.here
        day += timedelta(days=1)
    off = frozenset({date(2024, 4, 22) + timedelta(days=n) for n in range(5)} | {d for d in sorted({s.day for s in stays}) if rng.random() < 0.04}
                    ) - set(KIDS_DENTIST_DAYS) - set(OWN_DENTIST_DAYS) - {PARTY_DAY}
    person = Life("parent", "Sam, a parent of two in Toronto", check_order(stays), ZONE, off)
    shoot(person, every_min, seed=2)
    return person


def questions(person: Life) -> list:
    ask = Asked(person)
    now = datetime(2024, 12, 31, 9, 0)
    kids_dentist, own_dentist = ask.stays("kids dentist"), ask.stays("dentist")
    ask("When did I last take the kids to the dentist?", "time", day_of(kids_dentist[-1]), kids_dentist[-1:])
    ask("when was my own last dentist appointment", "time", day_of(own_dentist[-1]), own_dentist[-1:])
    ask("How many times did I go to the dentist myself this year?", "frequency", len(own_dentist), own_dentist, now=now)
    ask("how many times did the kids see the dentist in 2024", "frequency", len(kids_dentist), kids_dentist)
    ask("Which dentist do the kids go to?", "location", "Leslieville Kids Dental", kids_dentist)
    ask("How long was I at my dentist in September?", "duration", sum(s.seconds for s in ask.stays("dentist", month=9)), ask.stays("dentist", month=9))

    runs = ask.stays("school run")  # the walk there and the few minutes at the gate: a day's school run
    for month in (1, 4, 10):
        found = ask.stays("school run", month=month)
        ask(f"How many times did I walk the kids to school in {date(2024, month, 1):%B}?", "frequency", len(ask.days(found)), found, now=now)
    before = max(d for d in ask.days(runs) if d.month <= 6)
    ask("when was the last school run before the summer holidays", "time", before.isoformat(), ask.stays("school run", on=before))
    back = min(d for d in ask.days(runs) if d.month == 9)
    ask("On which day did school start again in September?", "time", back.isoformat(), ask.stays("school run", on=back))
    to_school = ask.stays("school run", where=lambda s: bool(s.route))
    ask("how far is it to walk the kids to school", "distance", round(float(np.median([s.metres for s in to_school])), 1), to_school)
    ask("Which school do my kids go to?", "location", "Morse Street Junior Public School", runs)

    office = ask.stays("office")
    march = ask.stays("office", month=3)
    ask("How much time did I spend at the office in March?", "duration", sum(s.seconds for s in march), march, now=now)
    ask("How many days did I go into the office in May 2024", "frequency", len(ask.days(ask.stays("office", month=5))), ask.stays("office", month=5))
    ask("where do I work", "location", "Scotia Plaza", office)
    some_day = next(d for d in ask.days(ask.stays("streetcar", month=11)) if len(ask.stays("streetcar", on=d)) == 2)
    rides = ask.stays("streetcar", on=some_day)
    ask(f"How far did I travel by streetcar on {some_day:%B %d}?", "distance", round(sum(s.metres for s in rides), 1), rides, now=now)
    ask("What streetcar route did I take to work?", "ocr", "501 QUEEN", frozenset(i for s in ask.stays("streetcar") for i in s.showing.get("501 QUEEN", [])))
    meeting = ask.stays("meeting", month=6)[1]
    ask(f"How many people were at the meeting on {meeting.day:%d %B %Y}?", "counting", meeting.facts["people"], [meeting])
    meetings = ask.stays("meeting")
    for meeting in (meetings[3], meetings[-5]):
        ask(f"how many people came to the team meeting on {meeting.day:%B %-d}?", "counting", meeting.facts["people"], [meeting], now=now)
    ask("how many team meetings did I have in the first half of the year", "frequency", len([s for s in meetings if s.day.month <= 6]),
        [s for s in meetings if s.day.month <= 6])
    ask("What day of the week were my team meetings?", "time", "Tuesday", meetings)

    hockey = ask.stays("hockey")
    ask("How many times did I go to hockey in January?", "frequency", len(ask.stays("hockey", month=1)), ask.stays("hockey", month=1), now=now)
    ask("Which arena does Leo play hockey at?", "location", "Ted Reeve Arena", hockey)
    ask("when was the first hockey practice of the autumn", "time", day_of([s for s in hockey if s.day.month >= 9][0]),
        [s for s in hockey if s.day.month >= 9][:1])
    ask("how many hours did we spend at the rink in November", "duration", sum(s.seconds for s in ask.stays("hockey", month=11)),
        ask.stays("hockey", month=11), now=now)
    swims = ask.stays("swimming")
    ask("How many swimming lessons did the kids have in the spring?", "frequency", len([s for s in swims if 3 <= s.day.month <= 5]),
        [s for s in swims if 3 <= s.day.month <= 5])
    ask("Where are the swimming lessons?", "location", "Toronto", swims)  # the pool has no venue name: the city is all there is
    ask("what was written at the deep end of the pool", "ocr", "DEEP END", frozenset(i for s in swims for i in s.showing.get("DEEP END", [])))

    party = ask.stays("party")
    ask("How many kids came to Maya's birthday party?", "counting", PARTY_KIDS, party)
    ask("When was Maya's birthday party?", "time", day_of(party[0]), party)
    ask("What did the banner at the party say", "ocr", "HAPPY BIRTHDAY MAYA", frozenset(party[0].showing.get("HAPPY BIRTHDAY MAYA", ())))
    ask("Who came to Maya's party?", "object", None)

    costco = ask.stays("costco")
    ask("How many times did I go to Costco in 2024?", "frequency", len(costco), costco)
    ask("when was my last Costco run", "time", day_of(costco[-1]), costco[-1:], now=now)
    tv = [s for s in costco if s.facts["bought"] == "a TV"]
    ask("When did I buy the TV at Costco?", "time", day_of(tv[0]) if tv else None, tv)
    ask(f"what did I buy at Costco on {costco[2].day:%d %B}", "object", costco[2].facts["bought"], costco[2:3], now=now)
    groceries = ask.stays("groceries")
    by_shop = {name: [s for s in groceries if s.place.name == name] for name in ("Loblaws", "No Frills")}
    top = max(by_shop, key=lambda n: len(by_shop[n]))
    if abs(len(by_shop["Loblaws"]) - len(by_shop["No Frills"])) >= 2:
        ask("Which grocery store did I go to most often?", "location", top, by_shop[top])
    ask("How many times did I go to No Frills in the autumn", "frequency", len([s for s in by_shop["No Frills"] if 9 <= s.day.month <= 11]),
        [s for s in by_shop["No Frills"] if 9 <= s.day.month <= 11])
    ask("how much time did I spend grocery shopping in October?", "duration", sum(s.seconds for s in ask.stays("groceries", month=10)),
        ask.stays("groceries", month=10), now=now)

    pizza = ask.stays("pizza")
    ask("How many times did we go out for pizza on a Friday?", "frequency", len(pizza), pizza)
    ask("what's the name of the pizza place we go to", "location", "Pizzeria Libretto", pizza)
    ask("When did we last eat at Libretto?", "time", day_of(pizza[-1]), pizza[-1:], now=now)
    ask("What did we eat at Pizzeria Libretto?", "object", "pizza", pizza)

    cinema = ask.stays("cinema")
    ask("Which films did I see this year?", "ocr", sorted(s.facts["film"] for s in cinema), cinema, now=now)
    ask("When did we go to see Inside Out 2?", "time", "2024-06-16", ask.stays("cinema", month=6))
    ask("what movie did we see in December", "ocr", "Moana 2", ask.stays("cinema", month=12), now=now)
    ask("How many times did I go to the cinema in 2024", "frequency", len(cinema), cinema)

    ask("When did we fly to Orlando?", "time", "2024-02-16", ask.stays(on=date(2024, 2, 16), where=lambda s: s.activity in ("airport", "plane")))
    ask("What colour was the rental car in Orlando?", "color", "red", ask.stays("rental car"))
    ask("Which theme park did we go to in Florida?", "location", "Magic Kingdom Park", ask.stays("theme park"))
    ask("How many days did we spend at Magic Kingdom?", "frequency", len(ask.days(ask.stays("theme park"))), ask.stays("theme park"))
    ask("which US city did we go to in February", "location", "Orlando", ask.stays(month=2, where=lambda s: s.place.city == "Orlando"))
    ask("Where did we eat in Montreal?", "location", "Schwartz's Deli", ask.stays("restaurant"))
    ask("what did I eat at Schwartz's?", "object", "smoked meat sandwich", ask.stays("restaurant"))
    drive = ask.stays("drive", on=TRIPS["Montreal"][0])
    ask("How far did we drive to Montreal?", "distance", round(sum(s.metres for s in drive), 1), drive)
    ask("How long was the drive to Montreal", "duration", sum(s.seconds for s in drive), drive)
    ask("When did we leave for the cottage?", "time", "2024-07-06", ask.stays(on=date(2024, 7, 6)))
    ask("how many times did I go canoeing at the cottage?", "frequency", len(ask.stays("canoe")), ask.stays("canoe"))
    ask("Which town is the cottage near", "location", "Huntsville", ask.stays("cottage"))
    cottage = [s for s in ask.life.stays if TRIPS["Huntsville"][0] <= s.day <= TRIPS["Huntsville"][1]]
    ask("How long were we at the cottage in July?", "duration", int((cottage[-1].start - cottage[0].start).total_seconds()), ask.stays("cottage"))
    ask("What was the conference I went to in Vancouver?", "ocr", "DEVOPSDAYS VANCOUVER", ask.stays("conference"))
    ask("Which cities did I visit in 2024?", "location", ["Orlando", "Montreal", "Huntsville", "Vancouver"],
        ask.stays(where=lambda s: s.place.city in ("Orlando", "Montreal", "Huntsville", "Vancouver")), now=now)
    ask("which countries did I go to this year", "location", ["Canada", "United States"], ask.stays(), now=now)
    ask("In which city was I on October 9th?", "location", "Vancouver", ask.stays(on=date(2024, 10, 9)), now=now)
    ask("How many trips did I take in 2024?", "frequency", 4, ask.stays(where=lambda s: s.place.city in TRIPS))

    ask("When did I go to the gym?", "time", None)
    ask("how many times did I go to the gym in 2024", "frequency", 0)
    ask("When did I go to the zoo with my sister?", "time", None)
    ask("How many times did I go to the dentist in 2022?", "frequency", None)
    ask("where was I on April 23rd", "location", None, now=now)  # the camera stayed at home that week
    ask("what colour was Leo's hockey helmet?", "color", None)
    ask("What did I have for lunch at work on Mondays?", "object", None)
    ask("how many times did Maya have a sleepover", "frequency", None)
    ask("Which playground do we go to on Sundays?", "location", None)  # the park has no venue name
    ask("remind me how many times we went to the park in August", "frequency", len(ask.stays("park", month=8)), ask.stays("park", month=8), now=now)
    ask("on average how many times a month did we go to the library", "frequency", round(len(ask.stays("library")) / 12, 2), ask.stays("library"))
    ask("tell me how many times we ate out at Libretto in March", "frequency", len(ask.stays("pizza", month=3)), ask.stays("pizza", month=3), now=now)
    ask("remind me when the kids' dentist appointment in February was", "time", day_of(kids_dentist[0]), kids_dentist[:1], now=now)
    ask("I'd like to know how long I spent at Costco in total", "duration", sum(s.seconds for s in costco), costco)
    return ask.items


REMEMBERED = (
    "the kids at the park on a sunny afternoon",
    "Leo in his hockey gear at the rink",
    "Maya's birthday cake with candles",
    "when I was at the beach with my kids",
    "the castle at Magic Kingdom",
    "a smoked meat sandwich in Montreal",
    "the canoe on the lake at the cottage",
    "a red car in a parking garage in Florida",
    "pizza night at Libretto",
    "walking the kids to school in the snow",
    "Moana 2 with the kids",
    "the streetcar on Queen Street",
    "the talk I gave in Vancouver",
    "a cart full of paper towels at Costco",
    "Leo in the swimming pool",
    "my dentist downtown",
    "Maya in the dentist chair",
    "reading books at the library with Leo",
    "the team meeting with the big screen",
    "packing suitcases at the airport",
    "a dog in the grass at the park",
    "having coffee with my sister in the rain",
)
