"""Linnea, a ward nurse in Gothenburg on a rotating rota, January 2025 - March 2026, with a clip-on camera: day
shifts, night shifts across midnight, days off with the dog, the pool and the choir, the 24-hour supermarket
after some nights, her mother in Trollhättan by train, a road trip through Norway, a week in Crete, a week
ill, a broken camera and the clocks changing twice each year.

Simulated and photographed by its own generator (`nurse_life.py`, `nurse_camera.py`); the questions were
written from the problem (what a night worker asks: times after midnight, which day a night belongs to,
shifts counted, durations across midnight and clock changes) and committed before any answering code ran
on them. A night shift is the night of the evening it began.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from statistics import median

from .nurse_camera import shoot
from .nurse_life import CAR, CRETE, FIRST, FLIGHT_OUT, LAST, NOW, ROAD_TRIP, ROAD_TRIP_START, SCRUBS, ZONE, live
from .retiree_camera import photographed_life
from .retiree_camera import write_life as write_library
from .truth import Asked, day_of, top
from .world import Life, Stay


def life() -> Life:
    stays = live()
    return photographed_life("nurse", "Linnea, 34, a ward nurse in Gothenburg on rotating day and night shifts", stays, shoot(stays), ZONE, FIRST, LAST)


def _shifts(ask: Asked, kind: str, **when) -> dict[date, list[Stay]]:
    """The photographed shifts of a kind ("day" or "night"), by the day each began, with their stays at the hospital."""
    found: dict[date, list[Stay]] = {}
    for stay in ask.stays(("ward", "break room"), where=lambda s: s.facts.get("shift") == kind):
        began = stay.facts["of"]
        if (when.get("year") and began.year != when["year"]) or (when.get("month") and began.month != when["month"]):
            continue
        found.setdefault(began, []).append(stay)
    return found


def _span_s(stays: list[Stay]) -> int:
    stays = sorted(stays, key=lambda s: s.utc_span[0])
    return int((stays[-1].utc_span[1] - stays[0].utc_span[0]).total_seconds())


def _clock(moments) -> str:
    """The usual wall-clock time of `moments` (the median), as "~HH:MM": a usual time is right within a quarter hour."""
    minutes = median(moment.hour * 60 + moment.minute for moment in moments)
    return f"~{int(minutes) // 60:02d}:{int(minutes) % 60:02d}"


def _most(ask: Asked, text: str, kind: str, counts: Counter, evidence: list[Stay]) -> None:
    """A "which ... most" question: no answer (and no evidence) when first place is shared."""
    value = top(counts)
    ask(text, kind, value, evidence if value is not None else ())


def _trip(ask: Asked, trip: str) -> list[Stay]:
    return ask.stays(where=lambda s: s.facts.get("trip") == trip)


def questions(person: Life) -> list:
    ask = Asked(person)
    _shifts_counted(ask)
    _habits_counted(ask)
    _when(ask)
    _clock_times(ask)
    _where(ask)
    _how_long_and_far(ask)
    _read_and_seen(ask)
    _cant_tell(ask)
    return ask.items


def _shifts_counted(ask: Asked) -> None:
    for text, kind, when in (("How many night shifts did I work in March 2025?", "night", {"year": 2025, "month": 3}),
                             ("how many night shifts did I do in October 2025", "night", {"year": 2025, "month": 10}),
                             ("How many day shifts did I work in May 2025?", "day", {"year": 2025, "month": 5}),
                             ("I'd like to know how many nights I worked in January 2026", "night", {"year": 2026, "month": 1})):
        shifts = _shifts(ask, kind, **when)
        ask(text, "frequency", len(shifts), [s for stays in shifts.values() for s in stays])
    february = {**_shifts(ask, "day", year=2026, month=2), **_shifts(ask, "night", year=2026, month=2)}
    ask("How many shifts did I work in February 2026?", "frequency", len(_shifts(ask, "day", year=2026, month=2)) +
        len(_shifts(ask, "night", year=2026, month=2)), [s for stays in february.values() for s in stays])
    nights_2025 = _shifts(ask, "night", year=2025)
    weeks = ((date(2025, 12, 31) - FIRST).days + 1) / 7
    ask("On average, how many night shifts did I work a week in 2025?", "frequency", round(len(nights_2025) / weeks, 2),
        [s for stays in nights_2025.values() for s in stays])
    starts = Counter(day.strftime("%A") for day in _shifts(ask, "night"))
    _most(ask, "Which day of the week did I most often start a night shift on?", "time", starts,
          [s for stays in _shifts(ask, "night").values() for s in stays])
    first_2026 = min(_shifts(ask, "night", year=2026))
    ask("When was my first night shift in 2026?", "time", first_2026.isoformat(), _shifts(ask, "night")[first_2026])
    last = max(_shifts(ask, "night"))
    ask("When was my last night shift?", "time", last.isoformat(), _shifts(ask, "night")[last], now=NOW)
    mornings = sorted(day for day in _shifts(ask, "night", year=2025, month=8))
    ended = mornings[len(mornings) // 2] + timedelta(days=1)
    ask(f"The night shift I finished on the morning of {ended.day} {ended:%B %Y}: what date did it start?", "time",
        (ended - timedelta(days=1)).isoformat(), _shifts(ask, "night")[ended - timedelta(days=1)])


def _habits_counted(ask: Asked) -> None:
    swims = ask.stays("pool", year=2025)
    ask("How many times did I go swimming in 2025?", "frequency", len(swims), swims)
    january = ask.stays("pool", year=2026, month=1)
    ask("how often did I go to the pool in January 2026", "frequency", len(january), january)
    choir = ask.stays("choir", between=(date(2025, 9, 1), date(2025, 11, 30)))
    ask("How many times did I go to choir between September and November 2025?", "frequency", len(choir), choir)
    choir_2026 = ask.stays("choir", year=2026)
    ask("How many Wednesdays did I sing with the choir in 2026?", "frequency", len(choir_2026), choir_2026)
    mother = ask.stays("mother")
    ask("How many times did I visit my mother?", "frequency", len(mother), mother)
    trains = ask.stays("train", year=2025, where=lambda s: s.place.lat > 58)
    ask("How many times did I take the train to Trollhättan in 2025?", "frequency", len(trains), trains)
    shop = ask.stays("supermarket", year=2025)
    ask("How many times did I stop at the supermarket on the way home from a night shift in 2025?", "frequency", len(shop), shop)
    dog = ask.stays("dog walk", year=2025, month=4, where=lambda s: not s.route)
    ask("On average how many times a week did I walk the dog in April 2025?", "frequency", round(len(dog) / (30 / 7), 2), dog)
    swim_days = Counter(s.day.strftime("%A") for s in ask.stays("pool"))
    _most(ask, "Which day of the week did I go swimming most often?", "time", swim_days, ask.stays("pool"))
    crete = ask.stays("hotel", where=lambda s: s.facts.get("trip") == "Crete" and s.start.hour >= 12)
    ask("How many nights did I spend in Chania?", "frequency", len({s.day for s in crete}), crete)
    towns = {s.facts["town"]: s for s in ask.stays("hotel", where=lambda s: "town" in s.facts)}
    ask("How many towns did I stay in on the road trip?", "counting", len(towns), list(towns.values()))
    ask("How many different hotels did I stay at in Norway?", "counting", len(towns), list(towns.values()))
    flights = ask.stays("plane")
    ask("How many flights did I take?", "counting", len(flights), flights)
    practice = next(s for s in ask.stays("choir", year=2025, month=10))
    ask(f"How many people were at choir practice on {practice.day.day} October 2025?", "counting", 16, [practice])
    nights = Counter(s.facts["town"] for s in ask.stays("hotel", where=lambda s: "town" in s.facts and s.start.hour >= 20))
    _most(ask, "Which town did I spend the most nights in on the road trip?", "location", nights, _trip(ask, "road trip"))
    bought = Counter(s.facts["bought"] for s in ask.stays("supermarket"))
    _most(ask, "What did I buy most often at the supermarket after nights?", "object", bought, ask.stays("supermarket"))


def _when(ask: Asked) -> None:
    choir = ask.stays("choir")
    ask("When did I first go to choir?", "time", day_of(choir[0]), [s for s in choir if s.day == choir[0].day])
    mother = ask.stays("mother")
    ask("When did I last visit my mother?", "time", day_of(mother[-1]), [mother[-1]], now=NOW)
    ask("remind me when I first went to see my mum in 2026", "time", *_first([s for s in mother if s.day.year == 2026]))
    pool = ask.stays("pool", year=2025)
    ask("When did I last go swimming in 2025?", "time", day_of(pool[-1]), [pool[-1]])
    road = _trip(ask, "road trip")
    ask("When did I set off on the road trip?", "time", ROAD_TRIP_START.isoformat(), [s for s in road if s.day == ROAD_TRIP_START])
    back = ROAD_TRIP_START + timedelta(days=sum(town.nights for town in ROAD_TRIP))
    if any(s.day == back for s in road):  # a day home the camera missed has no answer in the photos
        ask("What date did I get back from Norway?", "time", back.isoformat(), [s for s in road if s.day == back])
    out = [s for s in _trip(ask, "Crete") if s.day == CRETE[0]]
    ask("When did I fly to Crete?", "time", CRETE[0].isoformat(), out)
    ask("What month did I go to Crete?", "time", "2025-09", _trip(ask, "Crete"))
    ask("What year did I do the Norway road trip?", "time", "2025", road)
    ask("Which day of the week was choir?", "time", top(Counter(s.day.strftime("%A") for s in choir)), choir)
    ill = ask.stays("home", where=lambda s: s.facts.get("ill"))
    ask("What month was I ill?", "time", "2026-02", ill)
    ask("When did I go to Geiranger?", "time", *_first(ask.stays(where=lambda s: s.facts.get("town") == "Geiranger")))


def _first(stays: list[Stay]) -> tuple[str, list[Stay]]:
    return day_of(stays[0]), [s for s in stays if s.day == stays[0].day]


def _clock_times(ask: Asked) -> None:
    home = ask.stays("home", where=lambda s: s.facts.get("after_night"))
    ask("What time did I usually get home after a night shift?", "time", _clock(s.start for s in home), home)
    chosen = home[len(home) // 2]
    ask(f"Remind me what time I got home from work on the morning of {chosen.day.day} {chosen.day:%B %Y}", "time",
        _clock([chosen.start]), [chosen])
    days = [min(stays, key=lambda s: s.start) for stays in _shifts(ask, "day").values()]
    ask("What time did I usually get to the ward for a day shift?", "time", _clock(s.start for s in days), days)
    nights = _shifts(ask, "night")
    leaving = [s for s in ask.stays(("tram", "cycle", "walk")) if s.start.hour == 18 and s.day in nights]
    ask("Roughly what time did I leave home for a night shift?", "time", _clock(s.start for s in leaving), leaving)
    ends = [max(stays, key=lambda s: s.end) for stays in nights.values()]
    ask("What time did my night shifts usually end?", "time", _clock(s.end for s in ends), ends)
    october = nights.get(date(2025, 10, 25))
    if october:
        ask("How long was I at the hospital on the night of 25 October 2025?", "duration", _span_s(october), october)
    march = nights.get(date(2025, 3, 29))
    if march:
        ask("How long was my night shift that started on 29 March 2025?", "duration", _span_s(march), march)
    late = sorted(nights)[len(nights) // 3]
    after = late + timedelta(days=1)
    ask(f"Where was I at 3am on {after.day} {after:%B %Y}?", "location", "Sahlgrenska Universitetssjukhuset",
        [s for s in nights[late] if s.start.date() == after or s.end.date() == after])
    breaks = [s for stays in nights.values() for s in stays if s.activity == "break room"]
    ask("What time did I usually take my break on night shifts?", "time", _clock(s.start for s in breaks), breaks)


def _where(ask: Asked) -> None:
    ask("Where do I work?", "location", "Sahlgrenska Universitetssjukhuset", ask.stays("ward"))
    shop = ask.stays("supermarket")
    ask("Where did I do my shopping after night shifts?", "location", "ICA Nära Järntorget", shop)
    ask("Whereabouts did I go swimming?", "location", "Valhallabadet", ask.stays("pool"))
    ask("Which town does my mother live in?", "location", "Trollhättan", ask.stays("mother"))
    ask("Where did I sing on Wednesdays?", "location", "Masthuggskyrkan", ask.stays("choir"))
    ask("Where did I go on holiday in September 2025?", "location", "Chania", _trip(ask, "Crete"))
    ask("Which city did I fly to?", "location", "Chania", _trip(ask, "Crete"))
    stayed = [town.name for town in ROAD_TRIP if ask.stays("hotel", where=lambda s, town=town: s.facts.get("town") == town.name)]
    ask("Which towns did I stay in on my road trip?", "location", stayed, [s for s in _trip(ask, "road trip") if s.activity == "hotel"])
    ask("Which countries did I travel to abroad?", "location", ["Norway", "Greece"],
        [s for s in _trip(ask, "road trip") + _trip(ask, "Crete") if s.place.country in ("Norway", "Greece")])
    geiranger = ask.stays("hotel", where=lambda s: s.facts.get("town") == "Geiranger")
    ask("What was the name of the hotel in Geiranger?", "location", "Hotel Union Geiranger", geiranger)
    lom = ask.stays(on=ROAD_TRIP_START + timedelta(days=3), where=lambda s: s.place.city == "Lom")
    ask(f"Where was I on {lom[0].day.day} June 2025?", "location", "Lom", lom)
    night = ROAD_TRIP_START + timedelta(days=6)
    alesund = ask.stays("hotel", on=night, where=lambda s: s.place.city == "Ålesund")
    ask(f"Where did I sleep on the night of {night.day} June 2025?", "location", "Ålesund", alesund)


def _how_long_and_far(ask: Asked) -> None:
    days = _shifts(ask, "day", year=2025)
    ask("How long did I usually spend at the hospital on a day shift?", "duration", int(median(_span_s(s) for s in days.values())),
        [s for stays in days.values() for s in stays])
    breaks = [s for stays in _shifts(ask, "night").values() for s in stays if s.activity == "break room"]
    ask("How long were my breaks on night shifts, roughly?", "duration", int(median(s.seconds for s in breaks)), breaks)
    train = ask.stays("train", where=lambda s: s.place.lat > 58)[0]
    ask(f"How long did the train to Trollhättan take on {train.day.day} {train.day:%B %Y}?", "duration", train.seconds, [train])
    ask("How far is it to my mother's by train?", "distance", round(train.metres, 1), [train])
    pool = ask.stays("pool", year=2025, month=3)
    ask("How much time did I spend at the pool in March 2025?", "duration", sum(s.seconds for s in pool), pool)
    drive = [s for s in ask.life.stays if s.day == ROAD_TRIP_START and s.activity in ("car", "service station")]
    ask("How long was the drive from Gothenburg to Oslo?", "duration", _span_s(drive), [s for s in drive if s.image_ids])
    cars = [s for s in ask.life.stays if s.activity == "car" and s.facts.get("trip") == "road trip"]
    ask("How far did I drive on the whole road trip?", "distance", round(sum(s.metres for s in cars), 1), [s for s in cars if s.image_ids])
    road = _trip(ask, "road trip")
    ask("How long was I away on the road trip?", "duration", _span_s(road), road)
    flight = [s for s in ask.life.stays if s.activity == "plane" and s.day == CRETE[0]]
    ask("How long was the flight to Crete?", "duration", _span_s(flight), [s for s in flight if s.image_ids])
    ask("How far did I fly to get to Crete?", "distance", round(flight[0].metres, 1), [s for s in flight if s.image_ids])
    bike = ask.stays("cycle", year=2025, month=7, where=lambda s: s.place.name == "" and s.start.hour < 8)
    if bike:
        ask(f"How far did I cycle to work on {bike[0].day.day} July 2025?", "distance", round(bike[0].metres, 1), [bike[0]])


def _read_and_seen(ask: Asked) -> None:
    ward = ask.stays("ward", where=lambda s: "AVDELNING 33 AKUTMEDICIN" in s.showing)
    ask("Which ward do I work on?", "ocr", "Avdelning 33", ward)
    trams = ask.stays("tram", where=lambda s: "6 KORTEDALA" in s.showing)
    ask("What number tram did I take to work?", "ocr", "6", trams)
    shop = [s for s in ask.stays("supermarket") if f"TOTALT {s.facts['total']} KR" in s.showing]
    receipt = shop[len(shop) // 2]
    ask(f"How much did I spend at the supermarket on {receipt.day.day} {receipt.day:%B %Y}?", "ocr", receipt.facts["total"], [receipt])
    ask(f"What did I buy at the supermarket on {receipt.day.day} {receipt.day:%B %Y}?", "object", receipt.facts["bought"], [receipt])
    out = [s for s in _trip(ask, "Crete") if s.activity == "airport" and s.day == CRETE[0]]
    ask("What was my flight number to Crete?", "ocr", FLIGHT_OUT[0].rsplit(" ", 1)[0], out)
    ask("Which gate did my flight to Crete leave from?", "ocr", "14", out)
    choir = ask.stays("choir", where=lambda s: "KÖRREP ONSDAG 19.00" in s.showing)
    ask("What time did choir practice start according to the sign?", "ocr", "19.00", choir)
    cups = ask.stays("break room", where=lambda s: "DISKA DIN KOPP" in s.showing)
    ask("What did the sign in the break room say about cups?", "ocr", "DISKA DIN KOPP", cups)
    pool = ask.stays("pool", where=lambda s: "BASSÄNG 50 M" in s.showing)
    ask("How long is the pool, according to the sign?", "ocr", "50 M", pool)
    ask("What colour were my scrubs?", "color", SCRUBS, ask.stays("ward"))
    geiranger = ask.stays("sightseeing", where=lambda s: s.facts.get("town") == "Geiranger")
    ask("What colour was the car on the road trip?", "color", CAR[0], geiranger)
    ask("What colour is my dog?", "color", "brown", ask.stays("dog walk"))
    ask("What animal do I walk every day?", "object", "dog", ask.stays("dog walk"))
    ask("What did I have at my mother's?", "object", "cake", ask.stays("mother"))


def _cant_tell(ask: Asked) -> None:
    """What no photo shows: said, paid, felt, slept through, or never done."""
    for text, kind in (
        ("What was the name of the patient in bed 4?", "object"),
        ("How much did my monthly tram pass cost?", "ocr"),
        ("What colour is my mother's front door?", "color"),
        ("How many hours did I sleep after my last night shift?", "duration"),
        ("How many patients did I look after on my last night shift?", "counting"),
        ("When did I go to Copenhagen?", "time"),
        ("How many times did I go to the gym?", "frequency"),
        ("What's my dog's name?", "object"),
        ("What colour was my swimsuit?", "color"),
        ("How far did I swim in January 2026?", "distance"),
        ("Which song did the choir sing at Christmas?", "ocr"),
        ("Where does my brother live?", "location"),
        ("What did the doctor say when I was ill?", "object"),
        ("What was my salary in 2025?", "ocr"),
        ("How long was I on the phone with my mother on her birthday?", "duration"),
        ("What time did I wake up on 14 May 2025?", "time"),
        ("When did I go skiing?", "time"),
    ):
        ask(text, kind, None)


REMEMBERED = (
    "coffee in the break room at three in the morning",
    "the tram home after a long night",
    "the dog running on the grass in the park",
    "singing in the church on a Wednesday evening",
    "lengths at Valhallabadet",
    "coffee and cake at my mother's in Trollhättan",
    "the fjord at Geiranger",
    "a lazy day on the beach in Chania",
    "milk from the 24-hour shop after a night",
    "the red car parked by the fjord",
    "the week I was ill in February",
    "cycling to work on a summer morning",
    "the hallway on the ward at night",
    "the hotel by the water in Ålesund",
    "the long drive up to Oslo",
    "the flight down to Crete",
    "the night the clocks went back",
    "coffee at a petrol station in Norway",
    "dinner by the old harbour in Chania",
    "the departure board at the central station",
)
