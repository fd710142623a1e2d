"""A journal life: Claire in Melbourne, 1998-2021, built apart from the diary so that answers are not tuned
to one generator.

The life is simulated first and written down after. Each day Claire lives by the habits of her years: a job
at a bank, then at the university library (October 2006); a flat in Fitzroy, then a house in Brunswick
(July 2008); tennis on Tuesdays (2001-2008), parkrun on Saturdays (2012-2016), yoga from 2018, a swim on
summer weekends; pho at Phở Hùng until it closed (2014), dumplings after; Mia born in 2010, Bella the dog
from 2013 and her trips to the vet; lockdowns in 2020 and 2021; trips of a week or two, abroad or interstate.
Some of what happens is photographed: 0-3 photos a day, weeks with none, the first photo of an episode
captioned in the journal's voice of the time ("Took Bella to the vet again", "pho at Phở Hùng w/ Sam",
"rainy. stayed in."), later ones bare or with menus, tickets and signs read by a noisy OCR and a detector's
labels. There is no GPS at home and the city is often missing; on trips GPS is on some days only.
Truths come from the simulated episodes (`facts`), never from the words written about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np

from .camera import IRRELEVANT_TEXTS, episode_life, misread
from .truth import Asked, day_of, top
from .world import Life, Place, Scene, Stay, distance_m

ZONE = "Australia/Melbourne"
FIRST, LAST = date(1998, 3, 1), date(2021, 12, 31)
NOW = datetime(2021, 12, 31, 21, 0)
HOME_LAT_LNG = (-37.7670, 144.9620)  # Brunswick; the journal has no GPS at home
MELBOURNE = Place("", "Melbourne", "Australia", "AU", float("nan"), float("nan"), ZONE)

NEW_JOB, MOVED, MIA_BORN, BELLA_CAME = date(2006, 10, 2), date(2008, 7, 12), date(2010, 5, 14), date(2013, 2, 9)
PHO_HUNG_CLOSED, LUCKY_OPENED = date(2014, 8, 30), date(2015, 2, 1)
TENNIS, RUNNING, YOGA = (date(2001, 3, 6), date(2008, 11, 25)), (date(2012, 1, 7), date(2016, 6, 25)), (date(2018, 2, 7), LAST)
LOCKDOWNS = ((date(2020, 3, 30), date(2020, 5, 12)), (date(2020, 7, 8), date(2020, 10, 27)), (date(2021, 8, 5), date(2021, 10, 21)))
NEWBORN = (date(2010, 5, 16), date(2010, 6, 13))  # a month with hardly a photo


@dataclass(frozen=True)
class Trip:
    city: str
    country: str
    code: str
    lat: float
    lng: float
    zone: str
    first: date
    last: date
    hotel: str
    sights: tuple[str, ...]
    restaurant: str
    dish: str
    flight: str  # the flight home, as the boarding pass reads


TRIPS = (
    Trip("Sydney", "Australia", "AU", -33.8688, 151.2093, "Australia/Sydney", date(1999, 1, 9), date(1999, 1, 16), "Harbour Rocks Hotel",
         ("Opera House", "Bondi Beach", "Taronga Zoo"), "Bill's", "ricotta hotcakes", "QF 437 SYD-MEL"),
    Trip("London", "United Kingdom", "GB", 51.5072, -0.1276, "Europe/London", date(2000, 9, 20), date(2000, 10, 3), "The Gresham",
         ("British Museum", "Tate Modern", "Camden Market", "Kew Gardens"), "The Eagle", "steak sandwich", "QF 2 LHR-MEL"),
    Trip("Ubud", "Indonesia", "ID", -8.5069, 115.2625, "Asia/Makassar", date(2002, 4, 5), date(2002, 4, 12), "Oka Wati",
         ("Monkey Forest", "Tegallalang rice terraces"), "Ibu Oka", "babi guling", "GA 716 DPS-MEL"),
    Trip("Hobart", "Australia", "AU", -42.8821, 147.3272, "Australia/Hobart", date(2003, 12, 27), date(2004, 1, 3), "Customs House Hotel",
         ("Salamanca Market", "Mount Wellington", "Port Arthur"), "Fish Frenzy", "fish and chips", "VA 1353 HBA-MEL"),
    Trip("Lyon", "France", "FR", 45.7640, 4.8357, "Europe/Paris", date(2005, 6, 11), date(2005, 6, 24), "Hôtel des Célestins",
         ("Fourvière", "Vieux Lyon", "Parc de la Tête d'Or", "Les Halles Paul Bocuse"), "Café Comptoir Abel", "quenelles", "AF 258 LYS-MEL"),
    Trip("Hanoi", "Vietnam", "VN", 21.0278, 105.8342, "Asia/Ho_Chi_Minh", date(2007, 3, 2), date(2007, 3, 11), "Hanoi Elegance",
         ("Hoan Kiem Lake", "Temple of Literature", "Ho Chi Minh Mausoleum"), "Phở Gia Truyền", "pho bo", "VN 781 HAN-MEL"),
    Trip("Auckland", "New Zealand", "NZ", -36.8485, 174.7633, "Pacific/Auckland", date(2009, 11, 14), date(2009, 11, 20), "Hotel DeBrett",
         ("Sky Tower", "Waiheke Island"), "Depot", "clams", "NZ 123 AKL-MEL"),
    Trip("Sydney", "Australia", "AU", -33.8688, 151.2093, "Australia/Sydney", date(2011, 10, 1), date(2011, 10, 6), "Ovolo Woolloomooloo",
         ("Manly", "Opera House"), "Mamak", "roti canai", "VA 838 SYD-MEL"),
    Trip("Lyon", "France", "FR", 45.7640, 4.8357, "Europe/Paris", date(2013, 6, 20), date(2013, 7, 2), "Mama Shelter",
         ("Fourvière", "Croix-Rousse", "Traboules"), "Daniel et Denise", "pâté en croûte", "EK 407 LYS-MEL"),
    Trip("Tokyo", "Japan", "JP", 35.6762, 139.6503, "Asia/Tokyo", date(2015, 4, 3), date(2015, 4, 12), "Hotel Gracery Shinjuku",
         ("Senso-ji", "Meiji Shrine", "Tsukiji Market", "Shibuya Crossing", "Ueno Park"), "Fuunji", "tsukemen", "JL 773 NRT-MEL"),
    Trip("Hobart", "Australia", "AU", -42.8821, 147.3272, "Australia/Hobart", date(2017, 1, 5), date(2017, 1, 10), "The Henry Jones",
         ("MONA", "Salamanca Market"), "Fish Frenzy", "fish and chips", "JQ 714 HBA-MEL"),
    Trip("Singapore", "Singapore", "SG", 1.3521, 103.8198, "Asia/Singapore", date(2018, 9, 22), date(2018, 9, 29), "Hotel 1929",
         ("Gardens by the Bay", "Marina Bay Sands", "Chinatown"), "Tian Tian", "chicken rice", "SQ 237 SIN-MEL"),
    Trip("Lyon", "France", "FR", 45.7640, 4.8357, "Europe/Paris", date(2019, 7, 6), date(2019, 7, 13), "Hôtel Le Royal",
         ("Fourvière", "Parc de la Tête d'Or"), "Café Comptoir Abel", "quenelles", ""),
    Trip("Paris", "France", "FR", 48.8566, 2.3522, "Europe/Paris", date(2019, 7, 14), date(2019, 7, 19), "",
         ("Louvre", "Musée d'Orsay", "Montmartre"), "Chez Janou", "steak frites", "QR 907 CDG-MEL"),
    Trip("Sydney", "Australia", "AU", -33.8688, 151.2093, "Australia/Sydney", date(2019, 12, 20), date(2019, 12, 23), "Ovolo Woolloomooloo",
         ("Bondi Beach",), "Mamak", "roti canai", "QF 409 SYD-MEL"),
)

FILMS = {1998: ("Titanic", "The Truman Show"), 1999: ("The Matrix", "Notting Hill"), 2000: ("Gladiator", "Chocolat"),
         2001: ("Amélie", "Moulin Rouge"), 2002: ("Chopper", "Spirited Away"), 2003: ("Lost in Translation", "Finding Nemo"),
         2004: ("Somersault", "Sideways"), 2005: ("Look Both Ways", "Walk the Line"), 2006: ("Ten Canoes", "The Departed"),
         2007: ("Ratatouille", "Once"), 2008: ("The Dark Knight", "WALL-E"), 2009: ("Up", "Samson and Delilah"),
         2010: ("Animal Kingdom", "Inception"), 2011: ("Red Dog", "The Artist"), 2012: ("Skyfall", "Brave"),
         2013: ("Gravity", "Frozen"), 2014: ("The Babadook", "Paddington"), 2015: ("Mad Max: Fury Road", "Inside Out"),
         2016: ("Lion", "Moana"), 2017: ("Lady Bird", "Coco"), 2018: ("Roma", "Black Panther"), 2019: ("Parasite", "Frozen II"),
         2020: ("Tenet",), 2021: ("Dune", "Encanto")}
# What is cooked changes with the years: risotto and laksa before Mia, tacos and fish pie after; dal throughout.
DISHES = {"before": (("risotto", 4), ("laksa", 3), ("spaghetti bolognese", 3), ("dal", 2), ("stir-fry", 2), ("roast lamb", 1)),
          "after": (("tacos", 4), ("spaghetti bolognese", 3), ("fish pie", 2), ("dal", 2), ("roast chicken", 2), ("risotto", 1))}
GROCERIES = ("eggs", "bread", "a watermelon", "milk", "peaches", "haloumi", "bananas", "coffee", "spinach", "tomatoes", "rice", "yoghurt")
HOME_RESTAURANTS = {"Phở Hùng": ("pho", "PHỞ HÙNG  Phở tái 8.50  Phở gà 8.00"), "Mario's": ("pasta", "MARIO'S  BRUNSWICK ST  EST. 1986"),
                    "Lucky Dumpling": ("dumplings", "LUCKY DUMPLING  pork & chive 12pcs")}
COLOURED = {date(2004, 8, 14): ("racquet", "red", "New racquet! a red Wilson, way too nice for my game"),
            date(2009, 2, 21): ("car", "blue", "Picked up the new car - a blue Mazda 3. Sam already loves it"),
            date(2014, 5, 3): ("raincoat", "yellow", "bought Mia a yellow raincoat, she won't take it off"),
            date(2016, 10, 15): ("front door", "green", "painted the front door green. two coats.")}
MILESTONES = {NEW_JOB: ("job", "First day at the uni library. So many names to learn"),
              MOVED: ("move", "Moving day. Boxes everywhere, Brunswick house finally ours"),
              MIA_BORN: ("birth", "Mia is here! 3.4 kg, ten fingers ten toes"),
              BELLA_CAME: ("dog", "We got a dog!! Bella, a kelpie cross from the lost dogs home"),
              date(2011, 6, 2): ("first steps", "Mia's first steps, right across the lounge room")}
STREETS = ("SYDNEY RD", "BRUNSWICK ST", "LYGON ST", "SMITH ST", "VICTORIA ST")


def _era(day: date) -> int:
    """The journal's voice: full sentences (0), mixed (1), terse lowercase (2)."""
    return 0 if day.year < 2006 else 1 if day.year < 2014 else 2


def _pick(rng, options):
    return options[int(rng.integers(len(options)))]


def _listed(items) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


class _Journal:
    """The simulation: who Claire is on a day, what she does, and which of it she photographs and writes."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.stays: list[Stay] = []
        self.photos: list[dict] = []  # one per photo: its stay, local time, caption, ocr, objects, gps
        self.trip_of = {trip.first + timedelta(days=n): trip for trip in TRIPS for n in range((trip.last - trip.first).days + 1)}
        self.silent = self._silent_weeks()

    def _silent_weeks(self) -> set[date]:
        """Weeks with no photo at all (a lost phone, a busy spell) and the newborn month."""
        days, monday = set(), FIRST - timedelta(days=FIRST.weekday())
        while monday <= LAST:
            if self.rng.random() < 0.06:
                days |= {monday + timedelta(days=n) for n in range(7)}
            monday += timedelta(days=7)
        days |= {NEWBORN[0] + timedelta(days=n) for n in range((NEWBORN[1] - NEWBORN[0]).days + 1)}
        return days - set(self.trip_of) - set(MILESTONES) - set(COLOURED)

    def live(self) -> None:
        day = FIRST
        while day <= LAST:
            self.budget = 0 if day in self.silent else 3  # photos left today
            if day in self.trip_of:
                self._trip_day(day, self.trip_of[day])
            else:
                self._home_day(day)
            day += timedelta(days=1)

    # --- what happens ---------------------------------------------------------------------------------------

    def _home_day(self, day: date) -> None:
        rng, weekday, before = self.rng, day.weekday(), len(self.stays)
        locked = any(first <= day <= last for first, last in LOCKDOWNS)
        if day in MILESTONES:
            what, line = MILESTONES[day]
            self._episode("milestone", MELBOURNE, day, "11:00", 60, [line], what=what)
        if day in COLOURED:
            thing, colour, line = COLOURED[day]
            self._episode("purchase", MELBOURNE, day, "14:00", 60, [line], bought=thing, colour=colour)
        if weekday < 5 and not locked and rng.random() < 0.12:
            self._work(day)
        if weekday == 1 and TENNIS[0] <= day <= TENNIS[1] and rng.random() < 0.75:
            self._episode("tennis", MELBOURNE, day, "18:30", 90, self._tennis_lines(day), court=int(rng.integers(1, 7)))
        if weekday in (2, 3) and day >= YOGA[0] and rng.random() < (0.7 if weekday == 2 else 0.35 if day.year >= 2019 else 0.0):
            self._episode("yoga", MELBOURNE, day, "18:00", 60, self._yoga_lines(day, locked))
        if weekday == 5:
            if RUNNING[0] <= day <= RUNNING[1] and rng.random() < 0.7:
                self._episode("run", MELBOURNE, day, "08:00", 35, self._run_lines(day), run_minutes=int(rng.integers(24, 31)))
            if rng.random() < 0.8:
                self._groceries(day)
        if weekday >= 5 and day.month in (12, 1, 2, 3) and rng.random() < 0.35:
            sport = "swim" if rng.random() < 0.6 else "beach"
            self._episode(sport, MELBOURNE, day, "15:00", 90, self._summer_lines(day, sport))
        ate_out = not locked and weekday >= 4 and rng.random() < 0.25
        if ate_out:
            self._restaurant(day)
        if not locked and weekday >= 4 and rng.random() < 0.05 and day.year in FILMS:
            self._cinema(day, _pick(rng, FILMS[day.year]), "21:30" if ate_out else "20:00")
        if day >= BELLA_CAME:
            if (day.month == 2 and day.day == 20) or rng.random() < 0.015:
                self._vet(day)
            if rng.random() < 0.08:
                self._episode("dog walk", MELBOURNE, day, "07:15", 40, self._dog_lines(day), objects={"dog": 1})
        if not ate_out and weekday in (0, 2, 4, 6) and rng.random() < (0.45 if weekday == 6 else 0.2):
            dish = self._dish(day)
            self._episode("cook", MELBOURNE, day, "19:00", 60, self._cook_lines(day, dish), dish=dish,
                          objects={"bowl": 1, "dining table": 1})
        if len(self.stays) == before and rng.random() < 0.3:  # a line on a day of nothing much
            self._filler(day, locked)

    def _dish(self, day: date) -> str:
        menu = DISHES["before" if day < MIA_BORN else "after"]
        weights = np.array([weight for _, weight in menu], dtype=float)
        # Tastes drift: each year favours one dish a little more.
        weights[day.year % len(menu)] += 1.5
        return menu[int(self.rng.choice(len(menu), p=weights / weights.sum()))][0]

    def _groceries(self, day: date) -> None:
        rng = self.rng
        market = day < MOVED or rng.random() < 0.25
        items = [str(item) for item in rng.choice(GROCERIES, size=int(rng.integers(2, 5)), replace=False)]
        if MIA_BORN <= day < date(2012, 9, 1) and rng.random() < 0.5:
            items.append("nappies")
        where = "Vic Market" if market and day < MOVED else "Brunswick farmers market" if market else "Coles"
        lines = [_pick(rng, (f"Groceries - {', '.join(items)}", f"{where}: {_listed(items)}", f"shopping. {', '.join(items)}",
                             f"Did the weekly shop at {where}, got {_listed(items)}", f"{where} run. {items[0]}, {items[1]}"))]
        texts = ("QUEEN VICTORIA MARKET",) if where == "Vic Market" else ("COLES BRUNSWICK EAST",) if where == "Coles" else ("FARMERS MARKET",)
        self._episode("groceries", MELBOURNE, day, "09:30", 50, lines, texts=texts, shop=where, bought=tuple(items),
                      market=market, objects={"banana": 2} if "bananas" in items else {"bottle": 1})

    def _restaurant(self, day: date) -> None:
        rng = self.rng
        # The favourite of the time (Phở Hùng till it closed, Lucky Dumpling once it opened) most weeks, else Mario's.
        favourite = "Phở Hùng" if day < PHO_HUNG_CLOSED else "Lucky Dumpling" if day >= LUCKY_OPENED else "Mario's"
        name = favourite if rng.random() < 0.65 else "Mario's"
        dish, menu = HOME_RESTAURANTS[name]
        who = "Sam" if day < MIA_BORN else "Sam and Mia"
        lines = [_pick(rng, (f"{dish} at {name} w/ {who}", f"Dinner at {name}, {dish} as always", f"{name} with {who}. Too full.",
                             f"Out for {dish} at {name}"))]
        if name == "Phở Hùng" and day.year < 2006:
            lines = [_pick(rng, ("Pho at Phở Hùng w/ Sam", "Friday pho at Pho Hung, the usual", "Phở Hùng again. Best broth in Richmond."))]
        self._episode("restaurant", MELBOURNE, day, "19:30", 75, lines, texts=(menu,), name=name, dish=dish, city="Melbourne",
                      objects={"bowl": 1, "cup": 1, "person": 2})

    def _cinema(self, day: date, film: str, clock: str) -> None:
        lines = [_pick(self.rng, (f"Saw {film} at the Nova", f"movies w/ Sam - {film}", "cinema night", f"{film}. Loved it."))]
        ticket = f"CINEMA NOVA  ADMIT ONE  {film.upper()}"
        self._episode("cinema", MELBOURNE, day, clock, 130, lines, texts=(ticket,), film=film)

    def _vet(self, day: date) -> None:
        lines = [_pick(self.rng, ("Took Bella to the vet again", "Bella's jabs at the vet", "vet for Bella. ear infection, poor thing",
                                  "Bella at the vet, she hates it", "vet again. Bella fine, me poorer"))]
        self._episode("vet", MELBOURNE, day, "10:00", 45, lines, texts=("NORTHCOTE VET CLINIC",), objects={"dog": 1, "person": 1})

    def _work(self, day: date) -> None:
        where = "the bank" if day < NEW_JOB else "the library"
        lines = [_pick(self.rng, (f"Long day at {where}", "Staff meeting ran over, again", "Lunch in the Treasury Gardens",
                                  f"late at {where}, stocktake", "Worked through lunch"))]
        self._episode("work", MELBOURNE, day, "12:30", 45, lines, employer=where)

    def _filler(self, day: date, locked: bool) -> None:
        lines = ["rainy. stayed in.", "Quiet one.", "Read on the couch all afternoon", "Tired, early night", "Walked up to the shops",
                 "Fixed the back gate, finally"]
        if day >= MIA_BORN:
            lines += ["Mia drew a horse on the fridge", "park with Mia, swings for an hour"]
        if day >= BELLA_CAME:
            lines += ["Bella asleep on the couch all day"]
        if locked:
            lines += ["lockdown day 40-something. walk round the block", "zoom all day"]
        line = _pick(self.rng, lines)
        texts = (_pick(self.rng, STREETS),) if "shops" in line or "block" in line else ()
        self._episode("home", MELBOURNE, day, "17:00", 60, [line], texts=texts)

    def _trip_day(self, day: date, trip: Trip) -> None:
        rng = self.rng
        gps = day == trip.first or rng.random() < 0.6
        place = Place("", trip.city, trip.country, trip.code, trip.lat, trip.lng, trip.zone, indoor=False)
        if day == trip.first:
            lines = [_pick(rng, (f"Landed in {trip.city}. Hot!", f"Landed in {trip.city}, finally", f"Arrived in {trip.city}. Taxi to the hotel",
                                 f"{trip.city}!"))]
            hotel = (f"WELCOME TO {trip.hotel.upper()}",) if trip.hotel else ()
            self._episode("arrival", place, day, "15:00", 60, lines, texts=hotel, gps=gps, city=trip.city, hotel=trip.hotel, trip=trip.first)
        elif day == trip.last:
            lines = ((f"Last day in {trip.city}, home tonight", f"bye {trip.city}", "Airport. Long way home.") if trip.flight
                     else (f"Last morning in {trip.city}, train this afternoon",))
            self._episode("departure", place, day, "11:00", 90, [_pick(rng, lines)],
                          texts=(f"{trip.flight}  GATE {int(rng.integers(2, 40))}",) if trip.flight else (), gps=gps, city=trip.city, trip=trip.first)
        else:
            offset = (day - trip.first).days - 1
            sights = trip.sights + (trip.sights[-2],) if trip.city == "Tokyo" else trip.sights  # Shibuya twice
            if offset < len(sights):
                sight = sights[offset]
                lines = [_pick(rng, (f"{sight} this morning", f"Spent the day at {sight}", f"{sight}. Crowds!", f"finally saw {sight}"))]
                self._episode("sight", place, day, "10:00", 150, lines, texts=(f"{sight.upper()}  ENTRY",), gps=gps, city=trip.city,
                              sight=sight, trip=trip.first, objects={"person": int(rng.integers(3, 12))})
            if offset == 1 or (offset == len(sights) and rng.random() < 0.5):
                lines = [_pick(rng, (f"{trip.dish} at {trip.restaurant}", f"Dinner at {trip.restaurant} - {trip.dish}!",
                                     f"Best meal of the trip: {trip.dish}, {trip.restaurant}"))]
                self._episode("restaurant", place, day, "19:30", 90, lines, texts=(f"{trip.restaurant.upper()}  MENU",), gps=gps,
                              name=trip.restaurant, dish=trip.dish, city=trip.city, trip=trip.first, objects={"bowl": 1, "person": 2})
            if offset >= len(sights) and rng.random() < 0.5:
                self._episode("trip day", place, day, "16:00", 60, [_pick(rng, ("Rain all afternoon, nap at the hotel", "Walked for hours",
                                                                                 "Lazy day, books and coffee"))],
                              gps=gps, city=trip.city, trip=trip.first)

    # --- the lines, in the voice of the years ---------------------------------------------------------------

    def _tennis_lines(self, day: date) -> list[str]:
        lines = (("Tennis at Edinburgh Gardens, lost in three sets", "Tuesday tennis, court 4, my backhand is hopeless",
                  "Tennis tonight, won a set for once"),
                 ("tennis. lost again", "Hit at the courts after work, knee sore", "Tuesday tennis"),)[min(_era(day), 1)]
        return [_pick(self.rng, lines)]

    def _yoga_lines(self, day: date, locked: bool) -> list[str]:
        if locked:
            return [_pick(self.rng, ("yoga on zoom in the lounge room", "zoom yoga, Bella on the mat"))]
        return [_pick(self.rng, ("yoga w/ Priya", "yoga. so stiff", "Brunswick Yoga, the hard class", "hot yoga, never again (till next week)"))]

    def _run_lines(self, day: date) -> list[str]:
        return [_pick(self.rng, ("parkrun at Merri Creek", "parkrun - new PB!", "Merri Creek 5k, legs like lead", "Saturday parkrun w/ Sam"))]

    def _summer_lines(self, day: date, sport: str) -> list[str]:
        if sport == "swim":
            pool = "Fitzroy pool" if day < MOVED else "Brunswick Baths"
            return [_pick(self.rng, (f"Swim at {pool}, 30 laps", f"{pool}, too crowded to swim properly", "laps at the pool, hot day"))]
        return [_pick(self.rng, ("St Kilda beach, fish and chips after", "Beach day at Elwood", "beach! sunburnt"))]

    def _dog_lines(self, day: date) -> list[str]:
        return [_pick(self.rng, ("Walked Bella along Merri Creek", "Bella walk, muddy", "dog walk before work, frost on the oval"))]

    def _cook_lines(self, day: date, dish: str) -> list[str]:
        lines = (f"Dinner at home: we made {dish}", f"Made {dish}, pretty good", f"{dish} night", f"cooked {dish} for the week",
                 f"Tried a new {dish} recipe" if dish not in ("tacos", "dal") else f"{dish} again, nobody complained")
        if day >= MIA_BORN + timedelta(days=900):
            lines += (f"{dish} w/ Mia helping (chaos)",)
        return [_pick(self.rng, lines)]

    # --- photographing it -----------------------------------------------------------------------------------

    def _episode(self, activity: str, place: Place, day: date, clock: str, minutes: float, lines: list[str], *,
                 texts: tuple[str, ...] = (), objects: dict | None = None, gps: bool = False, **facts) -> Stay:
        """The episode happened; 1-3 photos of it if the day has photos left and Claire took out the camera."""
        rng = self.rng
        start = datetime.combine(day, time.fromisoformat(clock)) + timedelta(minutes=float(rng.uniform(0, 40)))
        stay = Stay(activity, place, start, start + timedelta(minutes=minutes), Scene(tuple(lines), tuple((objects or {}).items()), texts=texts),
                    dict(facts))
        self.stays.append(stay)
        must = activity in ("milestone", "purchase", "arrival", "departure")
        travelling = place.timezone != ZONE or place.city != "Melbourne"  # more photos away from home
        if self.budget == 0 or not (must or rng.random() < (0.85 if travelling else 0.55)):
            return stay
        count = min(self.budget, 1 + int(rng.random() < 0.35) + int(rng.random() < 0.1))
        self.budget -= count
        moment, taken = start, []
        for number in range(count):
            taken.append(self._photo(stay, moment, number, texts, objects or {}, gps))
            moment += timedelta(minutes=float(rng.uniform(2, minutes / count)))
        # A text in view is read cleanly at least once (the sign a person can read in the photo).
        for at, text in enumerate(texts):
            readings = [row for row in taken if row["shown"]]
            if readings and all(row["ocr"][at] != text for row in readings):
                readings[0]["ocr"][at] = text
        self.photos += taken
        return stay

    def _photo(self, stay: Stay, moment: datetime, number: int, texts: tuple[str, ...], objects: dict, gps: bool) -> dict:
        """The first photo of an episode carries the journal's line; each of the episode's texts is read
        (noisily, but cleanly at least once); labels from a detector that misses and invents."""
        rng = self.rng
        caption = stay.scene.captions[0] if number == 0 else ("" if rng.random() < 0.8 else _pick(rng, ("the view", "this", "ha")))
        shown = list(texts) if texts and (number == 1 or rng.random() < 0.7) else []  # a second photo is of the menu, the ticket, the sign
        ocr = [text if number == 1 or rng.random() < 0.6 else misread(text, rng) for text in shown]
        if rng.random() < 0.15:
            ocr.append(_pick(rng, IRRELEVANT_TEXTS))
        found = {label: count for label, count in objects.items() if rng.random() < 0.6}
        if rng.random() < 0.1:
            found[_pick(rng, ("chair", "cell phone", "potted plant", "tv"))] = 1
        if gps:
            lat, lng = stay.place.lat + float(rng.normal(0, 0.01)), stay.place.lng + float(rng.normal(0, 0.01))
            where = dict(city=stay.place.city, country=stay.place.country, country_code=stay.place.country_code)
        else:
            lat = lng = float("nan")
            at_home = stay.place.timezone == ZONE
            where = dict(city="Melbourne" if at_home and rng.random() < 0.6 else "", country="", country_code="")
        return dict(stay=stay, local_time=moment.replace(microsecond=0), timezone=stay.place.timezone, lat=lat, lng=lng, caption=caption,
                    ocr=ocr, shown=shown, objects=found, **where)


def life() -> Life:
    """Claire's journal: the simulated episodes, the photos of some of them, and the days without a photo."""
    journal = _Journal(np.random.default_rng(1998))
    journal.live()
    return episode_life("journal", "Claire's photo journal, Melbourne 1998-2021", journal.stays, journal.photos, ZONE, FIRST, LAST)


# --- the questions ----------------------------------------------------------------------------------------------

def _ordinal(number: int) -> str:
    return f"{number}{'th' if 10 <= number % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


# A date as people type it; day-first slashes only where the day cannot be a month.
DATE_FORMATS = (lambda d: f"{d:%Y/%m/%d}", lambda d: f"{d.day} {d:%B %Y}", lambda d: f"{d:%b} {_ordinal(d.day)} {d.year}",
                lambda d: f"{d:%d/%m/%Y}" if d.day > 12 else f"{d:%d %b %Y}", lambda d: f"the {_ordinal(d.day)} of {d:%B %Y}",
                lambda d: d.isoformat(), lambda d: f"{d:%A} {d.day} {d:%B %Y}")

ACTIVITIES = {  # activity -> (how the question says it, the years it was done in)
    "tennis": ("play tennis", range(2001, 2009)), "run": ("go to parkrun", range(2012, 2017)), "yoga": ("do yoga", range(2018, 2022)),
    "vet": ("take Bella to the vet", range(2013, 2022)), "swim": ("go swimming", range(1998, 2022)),
    "cook": ("cook dinner at home", range(1998, 2022)), "groceries": ("do the grocery shopping", range(1998, 2022)),
    "cinema": ("go to the movies", range(1998, 2022)), "restaurant": ("eat out", range(1998, 2022)),
    "dog walk": ("walk Bella", range(2013, 2022)), "beach": ("go to the beach", range(1998, 2022)),
}
SPORTS = ("tennis", "run", "yoga", "swim")
SPORT_NAMES = {"tennis": "tennis", "run": "running", "yoga": "yoga", "swim": "swimming"}


def questions(person: Life) -> list:
    ask = Asked(person)
    rng = np.random.default_rng(2021)
    date_of = lambda day: DATE_FORMATS[int(rng.integers(len(DATE_FORMATS)))](day)  # noqa: E731
    trips = {trip: [s for s in person.seen if s.facts.get("trip") == trip.first and s.facts.get("city") == trip.city] for trip in TRIPS}

    # How often in a year.
    for activity, year, form in (("tennis", 2003, "How often did I {} in {}?"), ("tennis", 2007, "how many times did I {} in {}"),
                                 ("run", 2013, "How many times did I {} in {}?"), ("yoga", 2019, "how often did I {} in {}?"),
                                 ("yoga", 2020, "In {1}, how many times did I {0}?"), ("vet", 2016, "How many times did I {} in {}?"),
                                 ("swim", 2005, "how often did I {} in {}"), ("cook", 2011, "How many times did I {} in {}?"),
                                 ("groceries", 2002, "How often did I {} in {}?"), ("cinema", 2004, "how many times did I {} in {}?"),
                                 ("restaurant", 2012, "How often did I {} in {}?"), ("dog walk", 2018, "how many times did I {} in {}")):
        found = ask.stays(activity, year=year)
        ask(form.format(ACTIVITIES[activity][0], year), "frequency", len(found), found)
    ask("How many times did I play tennis in 2012?", "frequency", 0)  # the sport had been dropped
    ask("how many times did I go to parkrun in 2019", "frequency", 0)

    # How many times at a kind of place in a month.
    kinds = (("the cinema", "cinema", None), ("the movies", "cinema", None), ("the market", "groceries", lambda s: s.facts["market"]),
             ("the vet", "vet", None), ("the pool", "swim", None), ("the beach", "beach", None), ("yoga", "yoga", None),
             ("Phở Hùng", "restaurant", lambda s: s.facts["name"] == "Phở Hùng"), ("Pho Hung", "restaurant", lambda s: s.facts["name"] == "Phở Hùng"),
             ("Lucky Dumpling", "restaurant", lambda s: s.facts["name"] == "Lucky Dumpling"), ("Coles", "groceries", lambda s: s.facts["shop"] == "Coles"))
    for phrase, activity, where in kinds:
        # A month when it happened, or (for Pho Hung) a month after the restaurant closed.
        months = sorted({(s.day.year, s.day.month) for s in ask.stays(activity, where=where)})
        year, month = (2016, 11) if phrase == "Pho Hung" else months[int(rng.integers(len(months)))]
        found = ask.stays(activity, year=year, month=month, where=where)
        month_name = f"{date(year, month, 1):%B %Y}" if rng.random() < 0.6 else f"{date(year, month, 1):%b %Y}"
        ask(f"How many times did I go to {phrase} in {month_name}?", "frequency", len(found), found)

    # When I went somewhere, and when I was last or first there.
    for trip in TRIPS:
        if sum(other.city == trip.city for other in TRIPS) == 1 and trip.city != "Paris":
            ask(f"When did I go to {trip.city}?", "time", f"{trip.first:%Y-%m}", trips[trip])
    ask("What year did I go to Hanoi", "time", "2007", trips[TRIPS[5]])
    ask("When did I go to Paris", "time", "2019-07", trips[TRIPS[13]])
    for city, form in (("Sydney", "When was I last in {}?"), ("Lyon", "when was I last in {}"), ("Hobart", "When was I last in {}?")):
        last = [trip for trip in TRIPS if trip.city == city][-1]
        ask(form.format(city), "time", day_of(trips[last][-1]), trips[last][-1:], now=NOW)
    first_lyon = trips[TRIPS[4]]
    ask("When was I first in Lyon?", "time", day_of(first_lyon[0]), first_lyon[:1])
    ask("how many times did I go to Lyon", "frequency", 3, [s for trip in TRIPS if trip.city == "Lyon" for s in trips[trip]])
    ask("How many times have I been to Sydney?", "frequency", 3, [s for trip in TRIPS if trip.city == "Sydney" for s in trips[trip]])

    # How long I stayed.
    for trip, form in ((TRIPS[1], "How long did I stay in London in {}?"), (TRIPS[4], "how long did I stay in Lyon in {}"),
                       (TRIPS[5], "How long was I in Hanoi in {}?"), (TRIPS[9], "How long did I stay in Tokyo in {}?"),
                       (TRIPS[11], "how long was I in Singapore in {}"), (TRIPS[12], "How long did I stay in Lyon in {}?"),
                       (TRIPS[10], "how long did I stay in Hobart in {}?"), (TRIPS[6], "How long was the Auckland trip in {}?")):
        arrival, departure = trips[trip][0], trips[trip][-1]
        assert arrival.activity == "arrival" and departure.activity == "departure", trip
        ask(form.format(trip.first.year), "duration", int((departure.start - arrival.start).total_seconds()), trips[trip])
    ask("How many days was I in Tokyo?", "frequency", (TRIPS[9].last - TRIPS[9].first).days + 1, trips[TRIPS[9]])
    ask("how many days did I spend in Paris in 2019", "frequency", (TRIPS[13].last - TRIPS[13].first).days + 1, trips[TRIPS[13]])

    # Which ... the most.
    asked_most = 0
    for year in range(1998, 2022):
        cooked = ask.stays("cook", year=year)
        dish = top({d: sum(s.facts["dish"] == d for s in cooked) for d in {s.facts["dish"] for s in cooked}})
        if dish and asked_most < 6 and year % 4 in (1, 2):
            asked_most += 1
            ask(_pick(rng, (f"Which dish did I cook most in {year}?", f"what did I cook most often in {year}",
                            f"What was my most cooked dinner in {year}?")), "object", dish, [s for s in cooked if s.facts["dish"] == dish])
    for year in (2003, 2009, 2013, 2017, 2019):
        eaten = ask.stays("restaurant", year=year)
        name = top({n: sum(s.facts["name"] == n for s in eaten) for n in {s.facts["name"] for s in eaten}})
        if name:
            ask(f"Which restaurant did I go to most in {year}?", "location", name, [s for s in eaten if s.facts["name"] == name])
    for year in (2004, 2010, 2014, 2016, 2019):
        done = {sport: len(ask.stays(sport, year=year)) for sport in SPORTS}
        sport = top(done)
        if sport:
            ask(f"which sport did I do most in {year}?", "object", SPORT_NAMES[sport], ask.stays(sport, year=year))
    films = ask.stays("cinema")

    # Which cities in a year.
    for year, form in ((2019, "Which cities did I visit in {}?"), (2005, "which cities did I visit in {}"), (2004, "Which cities did I visit in {}?"),
                       (2011, "Which cities did I visit in {}?"), (2000, "list the cities I went to in {}")):
        visits = [s for s in ask.stays(year=year) if s.facts.get("trip")]
        ask(form.format(year), "location", sorted({s.facts["city"] for s in visits}), visits)
    ask("How many trips did I take in 2021?", "frequency", 0)

    # How many places in a city.
    for trip, form in ((TRIPS[9], "How many places did I visit in Tokyo?"), (TRIPS[1], "how many places did I go sightseeing in London"),
                       (TRIPS[3], "How many sights did I see in Hobart in {}?"), (TRIPS[13], "How many places did I visit in Paris?"),
                       (TRIPS[5], "how many different sights did I visit in Hanoi")):
        sights = [s for s in trips[trip] if s.activity == "sight" and ("{}" not in form or s.day.year == trip.first.year)]
        ask(form.format(trip.first.year), "counting", len({s.facts["sight"] for s in sights}), sights)

    # What I cooked on a day.
    cooked = ask.stays("cook")
    for at in rng.choice(len(cooked), size=10, replace=False):
        stay = cooked[int(at)]
        ask(_pick(rng, ("What did I cook on {}?", "what did I make for dinner on {}", "What did we have for dinner on {}?")).format(date_of(stay.day)),
            "object", stay.facts["dish"], [stay])

    # The name of a venue.
    ocr_of = dict(zip(person.photos["image_id"], person.photos["_ocr"]))

    def read(stays, text: str) -> bool:
        """Whether a photo of these stays shows `text` (in view, it is read cleanly at least once)."""
        return any(text in found for s in stays for image_id in s.image_ids for found in ocr_of[image_id])

    for trip in (TRIPS[5], TRIPS[9], TRIPS[11]):
        arrival = trips[trip][:1]
        hotel = trip.hotel if read(arrival, f"WELCOME TO {trip.hotel.upper()}") else None  # the sign never photographed
        ask(f"What was the name of the hotel where I stayed in {trip.city}?", "location", hotel, arrival if hotel else [])
    for trip in (TRIPS[9], TRIPS[2], TRIPS[6]):
        meals = [s for s in trips[trip] if s.activity == "restaurant"]  # none photographed: nothing says where
        ask(f"What was the name of the restaurant where I had {trip.dish} in {trip.city}?", "location", trip.restaurant if meals else None, meals)
    vets = ask.stays("vet")
    ask("what's the name of the vet where I take Bella", "location", "Northcote Vet Clinic", [s for s in vets if read([s], "NORTHCOTE VET CLINIC")])
    pho = ask.stays("restaurant", where=lambda s: s.facts["name"] == "Phở Hùng")
    ask("What was the name of the restaurant where I used to have pho on Fridays?", "location", "Phở Hùng", pho)
    amelie = [s for s in films if s.facts["film"] == "Amélie"]
    if amelie:
        ask("What was the name of the cinema where I saw Amélie?", "location", "Nova", amelie)

    # On average per month.
    for activity, year in (("tennis", 2005), ("run", 2014), ("yoga", 2021), ("groceries", 2010), ("cook", 2018), ("restaurant", 2008)):
        found = ask.stays(activity, year=year)
        ask(f"On average how many times a month did I {ACTIVITIES[activity][0]} in {year}?", "frequency", round(len(found) / 12, 2), found)

    # The first and the last time.
    for activity, form in (("tennis", "When did I first play tennis?"), ("run", "when did I first go to parkrun"), ("yoga", "When did I first do yoga?"),
                           ("vet", "When did I first take Bella to the vet?"), ("dog walk", "when did I first walk Bella")):
        found = ask.stays(activity)
        ask(form, "time", day_of(found[0]), found[:1])
    lucky = ask.stays("restaurant", where=lambda s: s.facts["name"] == "Lucky Dumpling")
    ask("When did I first eat at Lucky Dumpling?", "time", day_of(lucky[0]), lucky[:1])
    for found, text in ((ask.stays("tennis"), "When did I last play tennis?"), (pho, "when did I last have pho at Phở Hùng"),
                        (ask.stays("run"), "When was my last parkrun?"), (films, "When did I last go to the movies?")):
        ask(text, "time", day_of(found[-1]), found[-1:], now=NOW)

    # Milestones, colours, tickets, distances, places on a day.
    milestones = {s.facts["what"]: s for s in ask.stays("milestone")}
    ask("When was Mia born?", "time", day_of(milestones["birth"]), [milestones["birth"]])
    ask("When did we move to Brunswick?", "time", day_of(milestones["move"]), [milestones["move"]])
    ask("When did I start at the uni library?", "time", day_of(milestones["job"]), [milestones["job"]])
    ask("what year did we get Bella", "time", str(milestones["dog"].day.year), [milestones["dog"]])
    ask("How much did Mia weigh when she was born?", "counting", 3.4, [milestones["birth"]])
    bought = {s.facts["bought"]: s for s in ask.stays("purchase")}
    ask("What colour was the car I bought in 2009?", "color", "blue", [bought["car"]])
    ask("what colour did I paint the front door", "color", "green", [bought["front door"]])
    ask("What colour was Mia's raincoat?", "color", "yellow", [bought["raincoat"]])
    ask("what colour was my tennis racquet", "color", "red", [bought["racquet"]])
    for stay in (films[10], films[40], films[-5]):
        ask(f"Which film did I see on {date_of(stay.day)}?", "ocr", stay.facts["film"], [stay])
    tokyo_home = trips[TRIPS[9]][-1]
    ask("What was my flight number home from Tokyo?", "ocr", "JL 773" if read([tokyo_home], f"{TRIPS[9].flight}  GATE") else None,
        [tokyo_home] if read([tokyo_home], f"{TRIPS[9].flight}  GATE") else [])
    ask("How far is Lyon from home?", "distance", round(distance_m(*HOME_LAT_LNG, TRIPS[4].lat, TRIPS[4].lng), 1), trips[TRIPS[4]])
    for trip in (TRIPS[4], TRIPS[10], TRIPS[2]):
        stay = trips[trip][len(trips[trip]) // 2]
        ask(f"Where was I on {date_of(stay.day)}?", "location", trip.city, [s for s in trips[trip] if s.day == stay.day])
    ask("which country did I travel to in June 2005", "location", "France", trips[TRIPS[4]])

    # What the journal never records: the honest answer is "I can't tell".
    blank = sorted(d for d in person.camera_off_days if d.year == 2009 and d.month == 8)
    ask(f"What did I cook on {date_of(blank[0])}?", "object", None)
    ask(f"Where was I on {date_of(blank[-1])}?", "location", None)
    for text, kind in (("Who did I play tennis with in 2003?", "object"), ("How much did the flights to Tokyo cost?", "object"),
                       ("What time did I go to bed on 3 March 2012?", "time"), ("What did I have for breakfast on 14 February 2009?", "object"),
                       ("How many steps did I walk in 2015?", "counting"), ("When did I go to Rome?", "time"),
                       ("What was my salary at the bank?", "object"), ("How much did Bella weigh?", "counting"), ("What colour was Sam's car?", "color"),
                       ("How many times did I go to the dentist in 2011?", "frequency"), ("What was my parkrun time on 2014/05/17?", "duration"),
                       ("Which school did Mia go to?", "location")):
        ask(text, kind, None)
    return ask.items


REMEMBERED = (
    "pho at Phở Hùng on a cold Friday night",
    "the day we brought Bella home from the lost dogs home",
    "Bella at the vet with a cone on her head",
    "hitting balls at Edinburgh Gardens after work",
    "a parkrun PB along Merri Creek",
    "the Temple of Literature in Hanoi",
    "tsukemen at Fuunji with the long queue",
    "the blue Mazda the day we picked it up",
    "moving day in Brunswick with boxes everywhere",
    "Mia's first steps across the lounge room",
    "zoom yoga in the lounge during lockdown",
    "fish and chips at St Kilda beach",
    "quenelles at Café Comptoir Abel",
    "seeing Amélie at the Nova",
    "the rice terraces at Tegallalang",
    "painting the front door green",
    "laps at the Brunswick Baths on a hot day",
    "the watermelon from the Vic Market",
    "landing in Tokyo in cherry blossom season",
    "Mia in her yellow raincoat",
    "the walk up Mount Wellington",
    "my first day at the uni library",
)
