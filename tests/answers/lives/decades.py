"""A life over decades: Ruth's photo diary, 1985-2020, built apart from the diary and the journal so that
answers are not tuned to one generator.

Ruth lives in Edinburgh, moves to Lyon (September 1996) and retires to Porto (June 2011). Her habits
follow her homes: choir on Tuesdays and hillwalking at weekends in Edinburgh; the Saturday market, lengths
at the pool and a French choir in Lyon; sea swims, the Bolhão market, a watercolour class and her grandson
Leo's weekends in Porto. She travels: to Rome, Paris, London and Lisbon several times each, to her old home
Edinburgh twice, to cities of the country she lives in (London and Inverness from Edinburgh, Paris and
Marseille from Lyon, Lisbon and Coimbra from Porto) and once to Porto years before living there.
Until 2009 her photos are film scans: dated by hand at noon in the home zone (a guessed time), with no GPS
or place, whatever country they were taken in. From March 2009 a phone: real times, GPS on some photos
only (and the city the GPS gives). A photo or two on some days, whole months with none; a caption in her
voice on some photos ("Lengths at the Rhône pool, 30 today", "Colosseum in the rain (14/5/88)"), often
none; signs read by a noisy OCR; a detector's labels.
Truths come from the simulated episodes (`facts`) and which photos tell of them, never from the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np

from .camera import IRRELEVANT_TEXTS, episode_life, misread
from .truth import Asked, day_of, top
from .world import Life, Place, Scene, Stay

FIRST, LAST = date(1985, 1, 1), date(2020, 12, 31)
NOW = datetime(2020, 12, 31, 20, 0)
PHONE_FROM = date(2009, 3, 1)  # film scans before, a phone after
LOCKDOWN = (date(2020, 3, 14), date(2020, 6, 1))


@dataclass(frozen=True)
class City:
    name: str
    country: str
    code: str
    lat: float
    lng: float
    zone: str

    def place(self) -> Place:
        return Place("", self.name, self.country, self.code, self.lat, self.lng, self.zone, indoor=False)


EDINBURGH = City("Edinburgh", "United Kingdom", "GB", 55.9533, -3.1883, "Europe/London")
LYON = City("Lyon", "France", "FR", 45.7640, 4.8357, "Europe/Paris")
PORTO = City("Porto", "Portugal", "PT", 41.1579, -8.6291, "Europe/Lisbon")
HOMES = ((EDINBURGH, FIRST), (LYON, date(1996, 9, 14)), (PORTO, date(2011, 6, 4)))  # a home and the day she moved in
LEO_BORN = date(2012, 3, 17)


@dataclass(frozen=True)
class Trip:
    city: City
    first: date
    last: date
    sights: tuple[str, ...]  # what she went to see, one a day, as its sign reads

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def _city(name, country, code, lat, lng, zone) -> City:
    return City(name, country, code, lat, lng, zone)


ROME = _city("Rome", "Italy", "IT", 41.9028, 12.4964, "Europe/Rome")
PARIS = _city("Paris", "France", "FR", 48.8566, 2.3522, "Europe/Paris")
LONDON = _city("London", "United Kingdom", "GB", 51.5072, -0.1276, "Europe/London")
LISBON = _city("Lisbon", "Portugal", "PT", 38.7223, -9.1393, "Europe/Lisbon")
TRIPS = (
    Trip(LONDON, date(1987, 4, 10), date(1987, 4, 14), ("BRITISH MUSEUM", "TATE GALLERY", "KEW GARDENS")),
    Trip(ROME, date(1988, 5, 12), date(1988, 5, 19), ("COLOSSEO", "MUSEI VATICANI", "FONTANA DI TREVI", "PANTHEON", "FORO ROMANO")),
    Trip(PARIS, date(1990, 10, 5), date(1990, 10, 9), ("MUSÉE DU LOUVRE", "TOUR EIFFEL", "MONTMARTRE")),
    Trip(_city("Vienna", "Austria", "AT", 48.2082, 16.3738, "Europe/Vienna"), date(1991, 12, 27), date(1992, 1, 2),
         ("STEPHANSDOM", "SCHÖNBRUNN", "STAATSOPER", "NASCHMARKT", "BELVEDERE")),
    Trip(LONDON, date(1993, 6, 18), date(1993, 6, 21), ("NATIONAL GALLERY", "HAMPSTEAD HEATH")),
    Trip(PORTO, date(1994, 8, 3), date(1994, 8, 13), ("CAVES SANDEMAN", "LIVRARIA LELLO", "PONTE LUIZ I", "FOZ DO DOURO", "SÉ DO PORTO")),
    Trip(_city("Inverness", "United Kingdom", "GB", 57.4778, -4.2247, "Europe/London"), date(1995, 7, 21), date(1995, 7, 24),
         ("LOCH NESS", "CULLODEN")),
    Trip(PARIS, date(1998, 3, 20), date(1998, 3, 23), ("MUSÉE D'ORSAY", "JARDIN DU LUXEMBOURG")),
    Trip(ROME, date(1999, 9, 8), date(1999, 9, 15), ("GALLERIA BORGHESE", "TRASTEVERE", "COLOSSEO", "SAN PIETRO")),
    Trip(_city("New York", "United States", "US", 40.7128, -74.0060, "America/New_York"), date(2001, 5, 2), date(2001, 5, 9),
         ("THE METROPOLITAN MUSEUM OF ART", "CENTRAL PARK", "BROOKLYN BRIDGE", "MoMA")),
    Trip(_city("Marseille", "France", "FR", 43.2965, 5.3698, "Europe/Paris"), date(2002, 7, 10), date(2002, 7, 14),
         ("VIEUX PORT", "NOTRE-DAME DE LA GARDE", "CALANQUES")),
    Trip(LONDON, date(2003, 11, 14), date(2003, 11, 17), ("TATE MODERN", "BOROUGH MARKET")),
    Trip(PARIS, date(2005, 2, 11), date(2005, 2, 14), ("CENTRE POMPIDOU", "MUSÉE RODIN")),
    Trip(EDINBURGH, date(2006, 8, 18), date(2006, 8, 25), ("FESTIVAL FRINGE", "EDINBURGH CASTLE", "PORTOBELLO")),
    Trip(_city("Athens", "Greece", "GR", 37.9838, 23.7275, "Europe/Athens"), date(2007, 10, 2), date(2007, 10, 9),
         ("ACROPOLIS", "PLAKA", "NATIONAL ARCHAEOLOGICAL MUSEUM", "LYCABETTUS")),
    Trip(_city("Istanbul", "Turkey", "TR", 41.0082, 28.9784, "Europe/Istanbul"), date(2009, 4, 20), date(2009, 4, 26),
         ("AYASOFYA", "KAPALIÇARŞI", "TOPKAPI SARAYI", "GALATA KULESİ")),
    Trip(LISBON, date(2010, 5, 14), date(2010, 5, 18), ("TORRE DE BELÉM", "ALFAMA")),
    Trip(_city("Coimbra", "Portugal", "PT", 40.2033, -8.4103, "Europe/Lisbon"), date(2012, 9, 28), date(2012, 9, 30), ("BIBLIOTECA JOANINA",)),
    Trip(LISBON, date(2013, 3, 8), date(2013, 3, 11), ("MUSEU NACIONAL DO AZULEJO", "LX FACTORY")),
    Trip(ROME, date(2014, 10, 3), date(2014, 10, 10), ("MUSEI CAPITOLINI", "VILLA BORGHESE", "TESTACCIO", "COLOSSEO")),
    Trip(_city("Reykjavik", "Iceland", "IS", 64.1466, -21.9426, "Atlantic/Reykjavik"), date(2015, 6, 12), date(2015, 6, 17),
         ("HALLGRÍMSKIRKJA", "HARPA", "BLUE LAGOON")),
    Trip(EDINBURGH, date(2016, 8, 12), date(2016, 8, 19), ("FESTIVAL FRINGE", "ROYAL BOTANIC GARDEN")),
    Trip(_city("Marrakech", "Morocco", "MA", 31.6295, -7.9811, "Africa/Casablanca"), date(2016, 11, 4), date(2016, 11, 9),
         ("JEMAA EL-FNA", "JARDIN MAJORELLE", "MEDERSA BEN YOUSSEF")),
    Trip(LISBON, date(2017, 4, 21), date(2017, 4, 24), ("GULBENKIAN", "BELÉM")),
    Trip(_city("Buenos Aires", "Argentina", "AR", -34.6037, -58.3816, "America/Argentina/Buenos_Aires"), date(2018, 2, 2), date(2018, 2, 16),
         ("LA BOCA", "TEATRO COLÓN", "RECOLETA", "SAN TELMO", "MALBA", "PALERMO")),
    Trip(LISBON, date(2019, 12, 6), date(2019, 12, 9), ("CHIADO", "OCEANÁRIO")),
)
SPOKEN = {"Rome": "Roma", "Lisbon": "Lisboa", "Vienna": "Wien"}  # how a station sign names the city


def home_on(day: date) -> City:
    return [city for city, moved in HOMES if moved <= day][-1]


def _pick(rng, options):
    return options[int(rng.integers(len(options)))]


def _ordinal(number: int) -> str:
    return f"{number}{'th' if 10 <= number % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


# Dates as she writes them on the back of a print, and as a person types them in a question.
WRITTEN_DATES = (lambda d: f"{d.day}/{d.month}/{d:%y}", lambda d: f"{d:%B %Y}", lambda d: f"{d.day}.{d.month}.{d.year}",
                 lambda d: f"{d:%b} '{d:%y}", lambda d: f"{d.day} {d:%b %Y}")
ASKED_DATES = (lambda d: f"{d.day} {d:%B %Y}", lambda d: f"{d:%Y/%m/%d}", lambda d: d.isoformat(), lambda d: f"{d:%B} {_ordinal(d.day)}, {d.year}",
               lambda d: f"the {_ordinal(d.day)} of {d:%B %Y}", lambda d: f"{d:%d/%m/%Y}" if d.day > 12 else f"{d.day} {d:%b %Y}")


class _Diary:
    """The simulation: what Ruth does each day, which of it she photographs, and what the photos carry."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.stays: list[Stay] = []
        self.photos: list[dict] = []
        self.trip_of = {day: trip for trip in TRIPS for day in trip.days}
        self.silent = self._silent_months()

    def _silent_months(self) -> set[tuple[int, int]]:
        """Whole months without a photo: a camera in a drawer, film never developed."""
        months = {(year, month) for year in range(FIRST.year, LAST.year + 1) for month in range(1, 13)
                  if self.rng.random() < (0.2 if year < PHONE_FROM.year else 0.08)}
        return months - {(day.year, day.month) for day in self.trip_of} - {(moved.year, moved.month) for _, moved in HOMES}

    def live(self) -> None:
        day = FIRST
        while day <= LAST:
            self.budget = 0 if (day.year, day.month) in self.silent else 2
            if day in self.trip_of:
                self.budget += 1
                self._trip_day(day, self.trip_of[day])
            else:
                self._home_day(day, home_on(day))
            day += timedelta(days=1)

    # --- what happens -------------------------------------------------------------------------------------

    def _home_day(self, day: date, home: City) -> None:
        rng, weekday = self.rng, day.weekday()
        locked = LOCKDOWN[0] <= day <= LOCKDOWN[1]
        if any(moved == day for _, moved in HOMES[1:]):
            self._episode("move", home, day, "16:00", 120, (f"Moving day. The {home.name} flat at last, boxes to the ceiling",
                                                            f"First night in the new house in {home.name}"), must=True, moved_to=home.name)
            return
        if day == LEO_BORN:
            self._episode("birth", home, day, "18:00", 60, ("Leo is here! Our first grandchild, 3.2 kg",), must=True)
        if home is EDINBURGH:
            if weekday == 1 and day.month not in (7, 8) and day >= date(1986, 1, 7) and rng.random() < 0.8:
                self._episode("choir", home, day, "19:30", 120, ("Choir practice, the Fauré at last", "Tuesday choir - sopranos flat again",
                                                                 "rehearsal at St Giles", "sang tonight, lovely evening"),
                              texts=("EDINBURGH CHORAL SOCIETY",), objects={"person": 12})
            if weekday >= 5 and rng.random() < 0.25:
                self._episode("hillwalk", home, day, "10:00", 300, ("Pentlands with the walking club, soaked", "Up Arthur's Seat before lunch",
                                                                    "hillwalking - Ben Ledi with Moira", "Club walk, Glen Clova, wind!"),
                              objects={"person": 4, "backpack": 2})
        elif home is LYON:
            if weekday == 5 and not (day.month == 8) and rng.random() < 0.6:
                self._episode("market", home, day, "09:30", 60, ("Saturday market on the quai, cherries!", "Marché Saint-Antoine, cheese for the week",
                                                                 "market by the Saône", "bought too many tomatoes at the marché"),
                              texts=("MARCHÉ SAINT-ANTOINE",), objects={"person": 6, "orange": 3})
            if weekday in (0, 3) and day >= date(1997, 1, 6) and rng.random() < 0.55:
                self._episode("swim", home, day, "07:30", 60, ("Lengths at the Rhône pool, 30 today", "Piscine before breakfast",
                                                               "swim - 40 lengths!", "the pool, freezing water"),
                              texts=("PISCINE DU RHÔNE",), objects={"person": 3})
            if weekday == 2 and day >= date(1998, 9, 2) and day.month not in (7, 8) and rng.random() < 0.7:
                self._episode("choir", home, day, "20:00", 120, ("Chorale ce soir, Brahms", "choir at Saint-Nizier", "répétition - my French still awful",
                                                                 "Wednesday singing, the Requiem again"), texts=("CHŒUR DE SAINT-NIZIER",), objects={"person": 15})
        else:
            summer = day.month in (5, 6, 7, 8, 9, 10)
            if not locked and weekday in (1, 3, 5) and rng.random() < (0.6 if summer else 0.15):
                self._episode("swim", home, day, "08:00", 45, ("Sea swim at Foz, cold!", "a dip at Matosinhos before the crowds",
                                                               "swam out to the buoy and back", "morning swim, the Atlantic like glass"),
                              objects={"person": 2, "surfboard": 1})
            if not locked and weekday == 5 and rng.random() < 0.5:
                self._episode("market", home, day, "10:00", 60, ("Bolhão for fish and flowers", "market - sardines, lemons",
                                                                 "Saturday at the Bolhão", "the mercado, too hot"),
                              texts=("MERCADO DO BOLHÃO",), objects={"person": 5, "orange": 2})
            if weekday == 2 and day >= date(2013, 1, 9) and not locked and rng.random() < 0.7:
                self._episode("painting", home, day, "15:00", 120, ("Watercolour class - skies are hard", "painting group, a boat this week",
                                                                    "aquarela with Teresa", "class: the Ribeira from memory"),
                              objects={"person": 6, "cup": 1})
            if weekday == 5 and day > LEO_BORN + timedelta(days=120) and day.day <= 7 and rng.random() < 0.8:
                self._episode("leo", home, day, "12:00", 600, ("Leo here for the weekend", "Grandson day! the beach with Leo",
                                                               "Leo stayed over, pancakes", "Leo came, we built a kite"), objects={"person": 2})
        if weekday == 4 and rng.random() < 0.2:
            self._episode("friends", home, day, "20:00", 150, ("Supper with Anna and Pierre, too much wine", "dinner with friends",
                                                               "Lunch with Anna at the harbour, too windy", "friends round, late night"),
                          objects={"dining table": 1, "wine glass": 3})
        if rng.random() < 0.08:
            self._episode("home", home, day, "17:00", 60, ("quiet day", "rain. read all afternoon", "garden looking lovely", "pottered about"),
                          objects={"potted plant": 1})

    def _trip_day(self, day: date, trip: Trip) -> None:
        rng, city = self.rng, trip.city
        if day == trip.first:
            lines = (f"Arrived in {city.name}, hotel smaller than the photos", f"{city.name}! at last", f"landed in {city.name}, hot and tired")
            station = f"{SPOKEN.get(city.name, city.name).upper()}"
            self._episode("arrival", city, day, "15:00", 60, lines, texts=(station,), must=rng.random() < 0.85, trip=trip.first)
            return
        if day == trip.last:
            lines = (f"Last morning in {city.name}", f"Leaving {city.name}, sad", "packing, one more coffee")
            self._episode("departure", city, day, "10:00", 60, lines, must=rng.random() < 0.7, trip=trip.first)
            return
        offset = (day - trip.first).days - 1
        if offset < len(trip.sights):
            sight = trip.sights[offset]
            plain = sight.title()
            lines = (f"{plain} this morning", f"{plain}, queues everywhere", f"a whole day at {plain}", f"{plain} - worth it")
            self._episode("sight", city, day, "10:30", 180, lines, texts=(sight,), trip=trip.first, sight=sight,
                          objects={"person": int(rng.integers(3, 15))})
        if rng.random() < 0.4:
            self._episode("meal", city, day, "20:00", 90, ("dinner out, the best fish", "long lunch in the square", "supper by the river"),
                          trip=trip.first, objects={"dining table": 1, "wine glass": 2})

    # --- photographing it ---------------------------------------------------------------------------------

    def _episode(self, activity: str, city: City, day: date, clock: str, minutes: float, lines: tuple[str, ...], *,
                 texts: tuple[str, ...] = (), objects: dict | None = None, must: bool = False, **facts) -> Stay:
        """The episode happened; one or two photos of it when the day has photos left and she took the camera out."""
        rng = self.rng
        start = datetime.combine(day, time.fromisoformat(clock)) + timedelta(minutes=float(rng.uniform(0, 30)))
        line = _pick(rng, lines)
        stay = Stay(activity, city.place(), start, start + timedelta(minutes=minutes), Scene((line,), tuple((objects or {}).items()), texts=texts),
                    {"city": city.name, **facts})
        self.stays.append(stay)
        film, away = day < PHONE_FROM, city is not home_on(day)
        chance = (0.75 if away else 0.3) if film else (0.9 if away else 0.5)
        if self.budget == 0 or not (must or rng.random() < chance):
            return stay
        count = min(self.budget, 1 + int(rng.random() < 0.3))
        self.budget -= count
        moment = start
        for number in range(count):
            self.photos.append(self._photo(stay, moment, number, line, texts, objects or {}, film))
            moment += timedelta(minutes=float(rng.uniform(3, minutes / count)))
        return stay

    def _photo(self, stay: Stay, moment: datetime, number: int, line: str, texts: tuple[str, ...], objects: dict, film: bool) -> dict:
        """A film scan: dated at noon in the home zone, no place. A phone photo: its clock, GPS some of the time."""
        rng, day = self.rng, moment.date()
        caption = ""
        if number == 0 and rng.random() < 0.65:
            caption = line
            if film and rng.random() < 0.3:  # the date written on the back of the print
                written = _pick(rng, WRITTEN_DATES)(day)
                caption = f"{caption} ({written})" if rng.random() < 0.6 else f"{written} - {caption}"
        elif number == 1 and rng.random() < 0.2:
            caption = _pick(rng, ("the view", "this one's for Anna", "me, squinting"))
        shown = [text for text in texts if rng.random() < (0.8 if number == 1 or not caption else 0.4)]
        ocr = [text if rng.random() < 0.6 else misread(text, rng) for text in shown]
        if rng.random() < 0.15:
            ocr.append(_pick(rng, IRRELEVANT_TEXTS))
        found = {label: max(1, int(rng.binomial(count, 0.8))) for label, count in objects.items() if rng.random() < 0.7}
        if rng.random() < 0.1:
            found[_pick(rng, ("chair", "bottle", "handbag", "car"))] = 1
        place = stay.place
        if film:
            zone, local = home_on(day).zone, datetime.combine(day, time(12, 0))
            lat = lng = float("nan")
            where = dict(city="", country="", country_code="")
        else:
            zone, local = place.timezone, moment.replace(microsecond=0)
            gps = rng.random() < (0.7 if stay.facts.get("trip") else 0.35)
            lat = place.lat + float(rng.normal(0, 0.01)) if gps else float("nan")
            lng = place.lng + float(rng.normal(0, 0.01)) if gps else float("nan")
            where = dict(city=place.city, country=place.country, country_code=place.country_code) if gps else dict(city="", country="", country_code="")
        told = caption == line or caption.startswith(line) or caption.endswith(line) or bool(shown)
        return dict(stay=stay, local_time=local, timezone=zone, approximate=film, lat=lat, lng=lng, caption=caption, ocr=ocr,
                    shown=shown, objects=found, told=told, **where)


def life() -> Life:
    """Ruth's diary: the simulated episodes and the photos of some of them."""
    diary = _Diary(np.random.default_rng(1985))
    diary.live()
    for row in diary.photos:  # an episode is told when one of its photos says what it was
        row["stay"].facts["told"] = row["stay"].facts.get("told", False) or row["told"]
    return episode_life("decades", "Ruth's photo diary over decades: Edinburgh, Lyon, Porto, 1985-2020", diary.stays, diary.photos,
                        PORTO.zone, FIRST, LAST)


# --- the questions --------------------------------------------------------------------------------------------

def questions(person: Life) -> list:
    ask = Asked(person)
    rng = np.random.default_rng(2020)
    date_of = lambda day: _pick(rng, ASKED_DATES)(day)  # noqa: E731
    told = lambda stay: stay.facts.get("told", False)  # noqa: E731 - a photo of it says what it was
    visits = {trip: [s for s in person.seen if s.facts.get("trip") == trip.first and s.facts["city"] == trip.city.name] for trip in TRIPS}
    seen_trips = [trip for trip in TRIPS if visits[trip]]

    def of_city(name: str) -> list[Trip]:
        return [trip for trip in seen_trips if trip.city.name == name]

    # How often, in a year or a month (only what a photo tells counts: an untitled photo of the pool is not a swim).
    for activity, year, form in (("choir", 1990, "How often did I go to choir in {}?"), ("choir", 1994, "how many times did I go to choir practice in {}"),
                                 ("choir", 2003, "How many times did I sing with the choir in {}?"), ("choir", 2008, "how often did I go to choir in {}"),
                                 ("swim", 2000, "How many times did I go swimming in {}?"), ("swim", 2006, "how often did I swim in {}?"),
                                 ("swim", 2014, "How many times did I go swimming in {}?"), ("swim", 2018, "how often did I go for a swim in {}"),
                                 ("market", 1999, "How many times did I go to the market in {}?"), ("market", 2015, "how often did I go to the market in {}?"),
                                 ("hillwalk", 1988, "How many times did I go hillwalking in {}?"), ("painting", 2016, "How often did I go to my painting class in {}?"),
                                 ("leo", 2019, "How many times did Leo come to stay in {}?")):
        found = ask.stays(activity, year=year, where=told)
        ask(form.format(year), "frequency", len(found), found)
    for activity, years, phrase in (("market", range(2000, 2009), "the market"), ("swim", range(2015, 2020), "the sea for a swim"),
                                    ("choir", range(1987, 1996), "choir")):
        months = sorted({(s.day.year, s.day.month) for s in ask.stays(activity, where=told) if s.day.year in years})
        year, month = months[int(rng.integers(len(months)))]
        found = ask.stays(activity, year=year, month=month, where=told)
        ask(f"How many times did I go to {phrase} in {date(year, month, 1):%B %Y}?", "frequency", len(found), found)
    ask("How many times did I go hillwalking in 2005?", "frequency", 0)  # she lived in Lyon then

    # How many times to a city, and trips in a year.
    for name, form in (("Lisbon", "How many times did I visit Lisbon?"), ("Rome", "how many times have I been to Rome"),
                       ("Paris", "How many times did I go to Paris?"), ("London", "how many times did I go to London")):
        ask(form, "frequency", len(of_city(name)), [s for trip in of_city(name) for s in visits[trip]])
    for year in (2016, 2020, 1997):
        trips = [trip for trip in seen_trips if trip.first.year == year]
        ask(_pick(rng, ("How many trips did I take in {}?", "how many trips did I go on in {}")).format(year), "frequency", len(trips),
            [s for trip in trips for s in visits[trip]])

    # When I went to a city visited once (the month), or the year.
    once = [trip for trip in seen_trips if len(of_city(trip.city.name)) == 1 and trip.city not in (PORTO, EDINBURGH)]
    for trip in once:
        form = _pick(rng, ("When did I go to {}?", "when did I visit {}", "When was my trip to {}?", "What year did I go to {}?"))
        if trip.city.country == home_on(trip.first).country:  # the country named too, the one she lived in
            form = "When did I go to {}, " + {"United Kingdom": "UK"}.get(trip.city.country, trip.city.country) + "?"
        truth = str(trip.first.year) if form.startswith("What year") else f"{visits[trip][0].day:%Y-%m}"
        ask(form.format(trip.city.name), "time", truth, visits[trip])

    # The last and the first time in a city.
    for name, form in (("Rome", "When was I last in Rome?"), ("Paris", "when was I last in Paris"), ("London", "When was I last in London?"),
                       ("Lisbon", "When was the last time I was in Lisbon?"), ("Edinburgh", "When was I last in Edinburgh?")):
        last = visits[of_city(name)[-1]]
        ask(form, "time", day_of(last[-1]), last[-1:], now=NOW)
    for name, form in (("Porto", "When was I first in Porto?"), ("Rome", "When did I first go to Rome?"), ("Paris", "when was my first trip to Paris"),
                       ("Lisbon", "When did I first visit Lisbon?")):
        first = visits[of_city(name)[0]]
        ask(form, "time", day_of(first[0]), first[:1])

    # Where I was on a day: on trips, at home in each city, and a trip day with no photo.
    trip_days = [s for trip in seen_trips for s in visits[trip]]
    for at in rng.choice(len(trip_days), size=6, replace=False):
        stay = trip_days[int(at)]
        ask(_pick(rng, ("Where was I on {}?", "where was I on {}", "Which city was I in on {}?")).format(date_of(stay.day)), "location",
            stay.facts["city"], [s for s in trip_days if s.day == stay.day])
    for home, year in ((EDINBURGH, 1989), (LYON, 2004), (PORTO, 2017)):
        at_home = [s for s in ask.stays(year=year, where=told) if not s.facts.get("trip") and s.activity != "move"]
        stay = at_home[int(rng.integers(len(at_home)))]
        ask(f"Where was I on {date_of(stay.day)}?", "location", home.name,  # any photo at home that day shows it, told or not
            ask.stays(on=stay.day, where=lambda s: not s.facts.get("trip") and s.activity != "move"))
    unseen = [(trip, day) for trip in seen_trips for day in trip.days[1:-1] if day not in {s.day for s in visits[trip]}
              and trip.first.year >= 2000]
    trip, day = unseen[int(rng.integers(len(unseen)))]
    ask(f"Where was I on {date_of(day)}?", "location", trip.city.name)  # between two days of photos there

    # Which cities in a year.
    for year, form in ((2016, "Which cities did I visit in {}?"), (2002, "list the cities I went to in {}"), (1992, "Which cities did I visit in {}?"),
                       (1993, "What cities did I travel to in {}?"), (2013, "which cities did I visit in {}")):
        found = [s for s in trip_days if s.day.year == year]
        if found:
            ask(form.format(year), "location", sorted({s.facts["city"] for s in found}), found)

    # How long I stayed.
    ends_seen = [trip for trip in seen_trips if visits[trip][0].activity == "arrival" and visits[trip][-1].activity == "departure"
                 and len(trip.days) >= 4]
    for at in sorted(rng.choice(len(ends_seen), size=7, replace=False)):
        trip = ends_seen[int(at)]
        stays = visits[trip]
        form = _pick(rng, ("How long did I stay in {} in {}?", "How long was I in {} in {}?", "how long did I spend in {} in {}"))
        ask(form.format(trip.city.name, trip.first.year), "duration", int((stays[-1].start - stays[0].start).total_seconds()), stays)
    buenos = of_city("Buenos Aires")[0]
    ask("How many days was I in Buenos Aires?", "frequency", len(buenos.days), visits[buenos])

    # Which ... the most.
    per_city = {name: len(of_city(name)) for name in {trip.city.name for trip in seen_trips} - {"Porto", "Edinburgh"}}
    ask("Which city did I visit most?", "location", top(per_city), [s for trip in of_city(top(per_city)) for s in visits[trip]])
    in_lyon = {name: sum(trip.city.name == name and LYON is home_on(trip.first) for trip in seen_trips) for name in per_city}
    ask("Which city did I visit most while I lived in Lyon?", "location", top(in_lyon),
        [s for trip in seen_trips if trip.city.name == top(in_lyon) and home_on(trip.first) is LYON for s in visits[trip]])
    per_year = {year: sum(trip.first.year == year for trip in seen_trips) for year in range(FIRST.year, LAST.year + 1)}
    if top(per_year):
        ask("Which year did I travel the most?", "time", str(top(per_year)), [s for trip in seen_trips if trip.first.year == top(per_year) for s in visits[trip]])
    choir = ask.stays("choir", where=told)
    weekdays = {f"{s.day:%A}": sum(x.day.weekday() == s.day.weekday() for x in choir if x.day.year == 2004) for s in choir if s.day.year == 2004}
    ask("Which day of the week did I usually go to choir in 2004?", "time", top(weekdays), [s for s in choir if s.day.year == 2004])

    # The first and the last time I did something.
    for activity, form in (("choir", "When did I first go to choir?"), ("painting", "when did I first go to the watercolour class"),
                           ("hillwalk", "When did I go hillwalking for the last time?"), ("choir", "When did I last sing with the choir?"),
                           ("leo", "When did Leo first come to stay?")):
        found = ask.stays(activity, where=told)
        one = found[-1:] if "last" in form else found[:1]
        ask(form, "time", day_of(one[0]), one, now=NOW if "last" in form else None)
    ask("When did we move to Porto?", "time", f"{HOMES[2][1]:%Y-%m}", ask.stays("move", where=lambda s: s.facts["moved_to"] == "Porto"))
    ask("What year did I move to Lyon?", "time", str(HOMES[1][1].year), ask.stays("move", where=lambda s: s.facts["moved_to"] == "Lyon"))
    ask("When was Leo born?", "time", LEO_BORN.isoformat(), ask.stays("birth"))
    ask("What was the name of the pool where I swam in Lyon?", "location", "Piscine du Rhône", ask.stays("swim", where=lambda s: bool(s.showing)))
    ask("What was the name of the market I went to in Porto?", "location", "Bolhão",
        ask.stays("market", where=lambda s: s.facts["city"] == "Porto" and bool(s.showing)))

    # The phone years: trips within the home's country and abroad (a second batch, written before it was run).
    phone_trips = [trip for trip in seen_trips if trip.first >= PHONE_FROM]
    abroad = lambda trip: trip.city.country != home_on(trip.first).country  # noqa: E731
    lisbon_2017 = [trip for trip in of_city("Lisbon") if trip.first.year == 2017]
    ask("How many times did I go to Lisbon in 2017?", "frequency", len(lisbon_2017), [s for trip in lisbon_2017 for s in visits[trip]])
    for year in (2013, 2016, 2019):
        away = [trip for trip in phone_trips if trip.first.year == year and abroad(trip)]
        ask(f"How many trips abroad did I take in {year}?", "frequency", len(away), [s for trip in away for s in visits[trip]])
    last_abroad = [trip for trip in phone_trips if abroad(trip)][-1]
    ask("When did I last go abroad?", "time", f"{last_abroad.last:%Y-%m}", visits[last_abroad], now=NOW)  # the trip is the occasion
    reykjavik = of_city("Reykjavik")[0]
    ask("Which country did I visit in June 2015?", "location", reykjavik.city.country, visits[reykjavik])
    rome_2014 = of_city("Rome")[-1]
    ask("how long was I in Rome in 2014", "duration", int((visits[rome_2014][-1].start - visits[rome_2014][0].start).total_seconds()),
        visits[rome_2014])
    lisbon_2013 = of_city("Lisbon")[1]
    ask("What date did I arrive in Lisbon in 2013?", "time", day_of(visits[lisbon_2013][0]), visits[lisbon_2013][:1])
    in_portugal = [trip for trip in phone_trips if trip.city.country == "Portugal" and home_on(trip.first) is PORTO]
    ask("How many times did I travel within Portugal?", "frequency", len(in_portugal), [s for trip in in_portugal for s in visits[trip]])

    # What the diary never says: the honest answer is "I can't tell".
    quiet = sorted((year, month) for year, month in _Diary(np.random.default_rng(1985)).silent if 1997 <= year <= 2008)
    year, month = quiet[len(quiet) // 2]
    ask(f"Where was I on {date_of(date(year, month, 15))}?", "location", None)
    for text, kind in (("When did I go to Tokyo?", "time"), ("How much did the flights to Buenos Aires cost?", "object"),
                       ("Who did I go to Vienna with?", "object"), ("What was the name of the hotel in Athens?", "location"),
                       ("What time did I get up on 3 May 2016?", "time"), ("How many steps did I walk in Lisbon in 2017?", "counting"),
                       ("What was the name of the choir conductor in Edinburgh?", "object"), ("How much did the house in Porto cost?", "object"),
                       ("How many times did I go to the dentist in 2005?", "frequency"), ("What colour was my first car?", "color"),
                       ("Where did I go on holiday in 1997?", "location"), ("How long did I stay in Sydney?", "duration")):
        ask(text, kind, None)
    return ask.items


REMEMBERED = (
    "choir practice at St Giles the winter the heating broke",
    "the Fauré Requiem with the Edinburgh Choral Society",
    "Pentlands walk in the rain with the club",
    "the Colosseum in the rain with my film camera",
    "New Year in Vienna, the Staatsoper all lit up",
    "cherries from the market on the quai in Lyon",
    "lengths at the Rhône pool before breakfast",
    "singing Brahms at Saint-Nizier",
    "the Met on a rainy day in New York",
    "the Calanques near Marseille",
    "the Fringe in Edinburgh after ten years away",
    "the Acropolis at sunset",
    "the Grand Bazaar in Istanbul with my first phone",
    "moving day in Porto with boxes to the ceiling",
    "a sea swim at Foz when the Atlantic was like glass",
    "sardines and lemons at the Bolhão",
    "the watercolour class painting the Ribeira",
    "Leo and the kite on the beach",
    "the Blue Lagoon in Reykjavik",
    "Jardin Majorelle in Marrakech",
    "tango in San Telmo",
    "supper with Anna and Pierre, too much wine",
)
