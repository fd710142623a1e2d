"""Mikkel, a management consultant living in Copenhagen, September 2024 - October 2025, with a clip-on camera:
client weeks in London (flights), Hamburg (trains) and Helsinki (flights with a change at Stockholm Arlanda),
hotel nights, client offices and airport lounges, two conferences; weekends at home with the running club, the
market, the gym and his partner Signe (restaurants, the cinema); Christmas in Aarhus; holidays in Bangkok (a
change at Doha) and Palermo; a week ill at home and a week whose photos were lost with his phone.

Simulated by its own generator on world.py's days (`consultant_life.py`) and photographed by a camera of its own
(`consultant_camera.py`); the questions were written from the life's facts before any answering code ran on it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from .consultant_camera import shoot
from .consultant_life import (BANGKOK, CONFERENCES, DOCTOR_DAY, ENGAGEMENTS, FIRST, HOME_RESTAURANTS, LAST, NOW, SHOES, SUITCASE, TUK_TUK, WORKSHOP,
                              ZONE, live)
from .retiree_camera import photographed_life, write_life
from .truth import Asked, written, first_day, in_city, last_day, span_s, top
from .world import Life, Stay

GYMS = ("gym", "hotel gym")


def life() -> Life:
    stays = live()
    return photographed_life("consultant", "Mikkel, a management consultant in Copenhagen who travels to clients most weeks", stays,
                             shoot(stays), ZONE, FIRST, LAST)


write_library = write_life  # the life's photos (or its first days) committed as a library


def _trip(city: str):
    """Stays of a trip to `city`, the journeys there and back included."""
    return lambda stay: stay.facts.get("trip") == city


def _weeks(stays: list[Stay]) -> dict[tuple[int, int], list[Stay]]:
    weeks: dict[tuple[int, int], list[Stay]] = {}
    for stay in stays:
        weeks.setdefault(stay.day.isocalendar()[:2], []).append(stay)
    return weeks


def _on(stays: list[Stay], day: date) -> list[Stay]:
    return [s for s in stays if s.day == day]


def questions(person: Life) -> list:
    return written(person, _how_often, _most, _when, _where, _how_long_and_far, _read_and_seen, _cant_tell)


def _how_often(ask: Asked) -> None:
    london = ask.stays("plane", year=2024, where=lambda s: s.facts.get("trip") == "London" and s.facts.get("leg") == "out")
    ask("How many times did I fly to London in 2024?", "frequency", len(london), london)
    helsinki = _weeks(ask.stays(where=_trip("Helsinki")))
    ask("How many trips did I make to Helsinki?", "frequency", len(helsinki), [s for week in helsinki.values() for s in week])
    trains = ask.stays("train", where=lambda s: s.facts.get("trip") == "Hamburg" and s.facts.get("leg") == "out")
    ask("how many times did I take the train to Hamburg", "frequency", len(trains), trains)
    runs = ask.stays("run", year=2025, month=3)
    ask("How many times did I go running with the club in March 2025?", "frequency", len(ask.days(runs)), runs)
    gym = ask.stays(GYMS, year=2024, month=11)
    ask("How often did I go to the gym in November 2024?", "frequency", len(gym), gym)
    cinema = ask.stays("cinema")
    ask("How many times did I go to the cinema with Signe?", "frequency", len(cinema), cinema)
    market = ask.stays("market", year=2025)
    ask("Roughly how often did I go to Torvehallerne in 2025?", "frequency", len(market), market)
    nights = [s for s in ask.stays("hotel", where=in_city("Hamburg")) if s.start.hour >= 17]
    ask("How many nights did I spend at the Hotel Speicherstadt?", "frequency", len(ask.days(nights)), nights)
    conferences = ask.stays("conference")
    ask("How many conferences did I go to?", "counting", len({s.facts["conference"] for s in conferences}), conferences)
    flights = ask.stays("plane", year=2025, month=2)
    ask("How many flights did I take in February 2025?", "counting", len(flights), flights)
    workshop = ask.stays("client office", on=WORKSHOP[0])
    if workshop:
        ask("How many people were at the operating model workshop?", "counting", WORKSHOP[2], workshop)
    gym_2025 = ask.stays(GYMS, year=2025)
    weeks = ((LAST - date(2025, 1, 1)).days + 1) / 7
    ask("On average, how many times a week did I work out at a gym in 2025?", "frequency", round(len(gym_2025) / weeks, 2), gym_2025)
    savotta = ask.stays("restaurant", where=lambda s: s.facts.get("restaurant") == "Savotta")
    ask("I'd like to know how many times I had dinner at Savotta", "frequency", len(savotta), savotta)
    out = ask.stays("restaurant", where=lambda s: s.facts.get("who") and s.place.city == "Copenhagen")
    ask("How many times did Signe and I eat out in Copenhagen?", "frequency", len(out), out)
    ill = ask.stays("ill")
    ask("How many days was I ill?", "frequency", len(ask.days(ill)), ill)
    changes = ask.stays("layover", where=lambda s: s.place.city == "Stockholm")
    ask("How many times did I change planes at Arlanda?", "frequency", len(changes), changes)
    london_weeks = _weeks(ask.stays("client office", where=in_city("London")))
    ask("How many weeks did I work in London?", "frequency", len(london_weeks), [s for week in london_weeks.values() for s in week])
    offices = ask.stays("client office")
    ask("How many different cities did I work in for clients?", "counting", len({s.place.city for s in offices}), offices)
    may = ask.stays("market", year=2025, month=5)
    ask("How many times did I go to the market in May 2025?", "frequency", len(may), may)


def _most(ask: Asked) -> None:
    weeks = {away.city: len(_weeks(ask.stays("client office", where=in_city(away.city)))) for away, _, _ in ENGAGEMENTS}
    city = top(weeks)
    if city:
        ask("Which city did I travel to most often for work?", "location", city, ask.stays("client office", where=in_city(city)))
    dinners = Counter(s.facts["restaurant"] for s in ask.stays("restaurant", where=in_city("Helsinki")))
    favourite = top(dinners)
    if favourite:
        ask("Where did I have dinner most often in Helsinki?", "location", favourite,
            ask.stays("restaurant", where=lambda s: s.facts.get("restaurant") == favourite))
    home_flights = ask.stays("plane", where=lambda s: s.facts.get("leg") == "back" and s.facts.get("trip") in ("London", "Helsinki"))
    days_home = {s.day for s in home_flights}  # the evidence: each of those days' trip, the office to the flight
    ask("Which day of the week did I usually fly home?", "time", top(Counter(s.day.strftime("%A") for s in home_flights)),
        ask.stays(where=lambda s: s.day in days_home and s.facts.get("trip") in ("London", "Helsinki")))
    runs = ask.stays("run")
    ask("What day of the week do I go running?", "time", top(Counter(s.day.strftime("%A") for s in runs)), runs)
    names = {place.name for place in HOME_RESTAURANTS}
    ours = ask.stays("restaurant", where=lambda s: s.facts.get("restaurant") in names)
    best = top(Counter(s.facts["restaurant"] for s in ours))
    if best:
        ask("Which restaurant did we go to most often in Copenhagen?", "location", best, [s for s in ours if s.facts["restaurant"] == best])
    months = Counter(s.day.strftime("%Y-%m") for s in ask.stays("cinema"))
    month = top(months)
    if month:
        ask("In which month did I go to the cinema most?", "time", month, [s for s in ask.stays("cinema") if s.day.strftime("%Y-%m") == month])


def _when(ask: Asked) -> None:
    ask("When did I first go to Helsinki?", "time", *first_day(ask.stays(where=in_city("Helsinki"))))
    london = ask.stays(where=in_city("London"))
    last_trip = _weeks(london)[london[-1].day.isocalendar()[:2]]  # the last trip is its whole week, not its last day
    ask("In which month was my last trip to London?", "time", london[-1].day.strftime("%Y-%m"), last_trip)
    ask("When did I last go to the cinema?", "time", *last_day(ask.stays("cinema")), now=NOW)
    trains = ask.stays("train", where=lambda s: s.facts.get("trip") == "Hamburg")
    ask("When did I first take the train to Hamburg?", "time", *first_day(trains))
    ask("When was the last time I went to the gym?", "time", *last_day(ask.stays(GYMS)), now=NOW)
    doctor = ask.stays("doctor")
    if doctor:
        ask("When did I go to the doctor?", "time", DOCTOR_DAY.isoformat(), doctor)
    ask("Remind me when my first run with the club was", "time", *first_day(ask.stays("run")))
    out = ask.stays("plane", where=lambda s: _trip("Bangkok")(s) and s.facts.get("leg") == "out")
    if out:  # a day the camera was off has no flight to ask about
        ask("What day did I fly to Bangkok?", "time", *first_day(out))
    home_day = ask.stays("plane", where=_trip("Palermo"))[-1].day  # the day's journey home, hotel to taxi, is its evidence
    ask("When did I fly back from Palermo?", "time", home_day.isoformat(), ask.stays(on=home_day, where=_trip("Palermo")))
    ill = ask.stays("ill")
    ask("Which month was I ill?", "time", ill[0].day.strftime("%Y-%m"), ill)
    ask("When was the conference in Stockholm?", "time", *first_day(ask.stays("conference", where=in_city("Stockholm"))))
    ask("When did I take the train to Aarhus?", "time", *first_day(ask.stays("train", where=_trip("Aarhus"))))
    ask("What year did I start working in Hamburg?", "time", str(ask.stays("client office", where=in_city("Hamburg"))[0].day.year),
        ask.stays("client office", where=in_city("Hamburg")))
    workshop = ask.stays("client office", on=WORKSHOP[0])
    if workshop:
        ask("When was the operating model workshop?", "time", WORKSHOP[0].isoformat(), workshop)
    bella = ask.stays("conference", where=lambda s: s.place.name == "Bella Center")
    ask("When did I go to the Bella Center?", "time", *first_day(bella))
    markets = ask.stays("market")
    ask("What day of the week did I go to the market?", "time", top(Counter(s.day.strftime("%A") for s in markets)), markets)


def _where(ask: Asked) -> None:
    ask("Where did I stay in Hamburg?", "location", "Hotel Speicherstadt", ask.stays("hotel", where=in_city("Hamburg")))
    ask("Whereabouts was the client's office in Helsinki?", "location", "Kallio Telecom", ask.stays("client office", where=in_city("Helsinki")))
    arlanda = ask.stays("layover", where=lambda s: s.place.city == "Stockholm")
    ask("Which airport did I change planes at on the way to Helsinki?", "location", "Stockholm Arlanda Airport", arlanda)
    doha = ask.stays("layover", where=lambda s: s.place.city == "Doha" and s.facts.get("leg") == "out")
    ask("In which city did I change planes on the way to Bangkok?", "location", "Doha", doha)
    ask("Where was I on 12 November 2024?", "location", "London", ask.stays(on=date(2024, 11, 12), where=in_city("London")))
    ask("Where did I go on holiday in July 2025?", "location", "Palermo", ask.stays(year=2025, month=7, where=in_city("Palermo")))
    spring = ask.stays(between=(date(2025, 3, 1), date(2025, 5, 31)), where=lambda s: s.facts.get("trip") and s.place.city not in ("", "Copenhagen"))
    ask("Which cities did I travel to between March and May 2025?", "location", sorted({s.place.city for s in spring}), spring)
    ask("Which cinema do I go to?", "location", "Grand Teatret", ask.stays("cinema"))
    ask("Where did the Stockholm conference take place?", "location", "Stockholmsmässan", ask.stays("conference", where=in_city("Stockholm")))
    ask("Where did I spend Christmas 2024?", "location", "Aarhus", ask.stays("family"))
    ask("Which hotel did I stay at in London?", "location", "Marlowe Hotel Canary Wharf", ask.stays("hotel", where=in_city("London")))
    ask("Whereabouts did I stay in Bangkok?", "location", "Riva Surya Bangkok", ask.stays("hotel", where=in_city("Bangkok")))
    holidays = ask.stays(where=lambda s: s.facts.get("holiday") and s.place.city in ("Bangkok", "Palermo"))
    ask("Which countries did I go on holiday to?", "location", ["Thailand", "Italy"], holidays)
    jay_fai = ask.stays("restaurant", where=lambda s: s.facts.get("restaurant") == "Jay Fai")
    if jay_fai:
        ask(f"Where did I have dinner on {jay_fai[0].day.day} {jay_fai[0].day:%B %Y}?", "location", "Jay Fai", jay_fai)
    ask("Which client did I work for in London?", "location", "Halden Insurance", ask.stays("client office", where=in_city("London")))


def _first_seen(ask: Asked, activity: str, where) -> Stay | None:
    found = ask.stays(activity, where=where)
    return found[0] if found else None


def _how_long_and_far(ask: Asked) -> None:
    train = _first_seen(ask, "train", lambda s: s.facts.get("trip") == "Hamburg" and s.facts.get("leg") == "out")
    ask(f"How long was the train ride to Hamburg on {train.day.day} {train.day:%B %Y}?", "duration", train.seconds, [train])
    ask(f"How far was the train journey to Hamburg on {train.day.day} {train.day:%B %Y}?", "distance", round(train.metres, 1), [train])
    for city, question in (("Bangkok", "How long was I in Bangkok?"), ("Palermo", "How long was my holiday in Palermo?")):
        stays = ask.stays(where=in_city(city))
        ask(question, "duration", span_s(stays), stays)
    doha = ask.stays("layover", where=lambda s: s.place.city == "Doha" and s.facts.get("leg") == "out")
    if doha:
        ask("How long was my layover in Doha on the way to Bangkok?", "duration", doha[0].seconds, doha)
    arlanda = _first_seen(ask, "layover", lambda s: s.place.city == "Stockholm")
    ask(f"How long did I wait at Arlanda on {arlanda.day.day} {arlanda.day:%B %Y}?", "duration", arlanda.seconds, [arlanda])
    gym = ask.stays(GYMS, year=2025, month=3)
    ask("How much time did I spend at the gym in March 2025?", "duration", sum(s.seconds for s in gym), gym)
    flight = _first_seen(ask, "plane", lambda s: s.facts.get("trip") == "London" and s.facts.get("leg") == "out")
    ask(f"How long was the flight to London on {flight.day.day} {flight.day:%B %Y}?", "duration", flight.seconds, [flight])
    summit = ask.stays("conference", on=CONFERENCES[1][1])
    if summit:
        ask("How long was I at the conference on 13 May 2025?", "duration", summit[0].seconds, summit)
    workshop = ask.stays("client office", on=WORKSHOP[0])
    if workshop:
        ask("How long was I at the client's office on 10 September 2025?", "duration", workshop[0].seconds, workshop)
    runs = ask.stays("run", year=2025, month=5)
    day = max(ask.days(runs), key=lambda d: sum(len(s.image_ids) for s in _on(runs, d)))
    run = _on(runs, day)
    ask(f"How long was my run on {day.day} {day:%B %Y}?", "duration", span_s(run), run)
    ask(f"How far did I run on {day.day} {day:%B %Y}?", "distance", round(sum(s.metres for s in run), 1), run)
    ask("Roughly how far did I run in May 2025?", "distance", round(sum(s.metres for s in runs), 1), runs)
    out = ask.stays("plane", where=lambda s: s.facts.get("trip") == "Bangkok" and s.facts.get("leg") == "out")
    ask("How far did I fly to get to Bangkok?", "distance", round(sum(s.metres for s in out), 1), out)
    walk = _first_seen(ask, "walk", lambda s: s.facts.get("trip") == "Hamburg" and s.day.weekday() == 1 and s.start.hour < 10)
    ask(f"How far did I walk from the hotel to the office in Hamburg on {walk.day.day} {walk.day:%B %Y}?", "distance", round(walk.metres, 1), [walk])


def _read_and_seen(ask: Asked) -> None:
    gates = ask.stays("airport", where=lambda s: s.facts.get("trip") == "London" and s.facts.get("leg") == "out")
    gate = gates[len(gates) // 2]
    ask(f"Which gate did my flight to London leave from on {gate.day.day} {gate.day:%B %Y}?", "ocr", gate.facts["gate"], [gate])
    onward = ask.stays("layover", where=lambda s: s.facts.get("flight") == BANGKOK.out[1][0])
    if onward:
        ask("What seat did I have on the flight from Doha to Bangkok?", "ocr", onward[0].facts["seat"], onward)
    ask("What was my room number at the Hotel Speicherstadt?", "ocr", "412", ask.stays("hotel", where=lambda s: "ZIMMER 412" in s.showing))
    stations = ask.stays("station", where=lambda s: s.facts.get("trip") == "Hamburg" and s.facts.get("leg") == "out")
    station = stations[-1]
    ask(f"Which carriage was I in on the train to Hamburg on {station.day.day} {station.day:%B %Y}?", "ocr", station.facts["carriage"], [station])
    taxi = next((s for s in ask.stays("taxi") if s.facts.get("fare")), None)
    if taxi:
        ask(f"How much did the taxi from Heathrow cost on {taxi.day.day} {taxi.day:%B %Y}?", "ocr", taxi.facts["fare"], [taxi])
    workshop = ask.stays("client office", on=WORKSHOP[0])
    if workshop:
        ask("What was written on the whiteboard at the workshop in Helsinki?", "ocr", WORKSHOP[1], workshop)
    film = ask.stays("cinema")[len(ask.stays("cinema")) // 2]
    ask(f"Which film did we see on {film.day.day} {film.day:%B %Y}?", "ocr", film.facts["film"], [film])
    ask("What was the name of the conference I went to in Stockholm?", "ocr", CONFERENCES[1][0], ask.stays("conference", where=in_city("Stockholm")))
    ask("What flight number did I take to Palermo?", "ocr", "DY 3640", ask.stays("airport", where=lambda s: s.facts.get("flight") == "DY 3640"))
    ask("Which running club do I run with?", "ocr", "NØRREBRO LØBEKLUB", ask.stays("run", where=lambda s: "NØRREBRO LØBEKLUB" in s.showing))
    suitcase = ask.stays(("airport", "lounge"), where=lambda s: any(SUITCASE in d for d in s.scene.details))
    ask("What colour is my suitcase?", "color", SUITCASE, suitcase)
    shoes = ask.stays("run", where=lambda s: any(SHOES in d for d in s.scene.details))
    ask("What colour were my running shoes?", "color", SHOES, shoes)
    ride = ask.stays("tuk tuk")
    if ride:
        ask("What colour was the tuk tuk in Bangkok?", "color", TUK_TUK, ride)
    for name, question, dish in (("Jay Fai", "What did I eat at Jay Fai?", "crab omelette"),
                                 ("Antica Focacceria San Francesco", "What did I eat at the Antica Focacceria?", "arancini")):
        named = ask.stays("restaurant", where=lambda s, name=name: s.facts.get("restaurant") == name)
        if named:
            ask(question, "object", dish, named)
    market = ask.stays("market", year=2025, month=6)
    if market:
        ask(f"What did I buy at Torvehallerne on {market[0].day.day} {market[0].day:%B %Y}?", "object", market[0].facts["bought"], market[:1])


def _cant_tell(ask: Asked) -> None:
    """What no photo shows: said, paid, felt, never done, or in the week whose photos were lost."""
    for text, kind in (
        ("How much did the Hotel Speicherstadt cost per night?", "ocr"),
        ("What did the client think of my presentation?", "object"),
        ("What is my manager's name?", "object"),
        ("How many times did I play tennis?", "frequency"),
        ("When did I go to Paris?", "time"),
        ("Where was I on 16 April 2025?", "location"),
        ("What did I have for lunch on 15 April 2025?", "object"),
        ("How long did I sleep at the hotel in London?", "duration"),
        ("How far did I cycle to work?", "distance"),
        ("What colour was Signe's dress at the cinema?", "color"),
        ("How much was my bonus this year?", "ocr"),
        ("How many emails did I send in June 2025?", "counting"),
        ("Who did I sit next to on the flight to Bangkok?", "object"),
        ("What time did I go to bed on New Year's Eve?", "time"),
        ("How many times did I go to the dentist?", "frequency"),
        ("Which seat did I have on the train to Aarhus?", "ocr"),
        ("What was the score of the football match I watched in Hamburg?", "object"),
    ):
        ask(text, kind, None)


REMEMBERED = (
    "the crab omelette at Jay Fai",
    "a Saturday morning run with the club in the rain",
    "my green suitcase at Heathrow",
    "Christmas in Aarhus with Signe's family",
    "the operating model workshop in Helsinki",
    "a late train back from Hamburg",
    "changing planes at Arlanda on a Monday morning",
    "arancini in Palermo",
    "the beach at Mondello",
    "a pink tuk tuk in Bangkok",
    "a quiet Sunday at the gym",
    "Signe and me at Grand Teatret",
    "strawberries from Torvehallerne",
    "the week I was ill in March",
    "dinner at Savotta with the team",
    "the Nordic Operations Summit in Stockholm",
    "a long night in Doha airport",
    "the view from my hotel room in Canary Wharf",
    "coffee in the lounge at Copenhagen Airport",
    "the river boat on the Chao Phraya",
)
