"""Vicent, 74, retired in Valencia, March 2025 - April 2026, with a wearable camera: the market on Tuesdays
and Saturdays, the chess club on Thursdays, mass on Sundays, his granddaughter every other Sunday, the
library, walks on the beach, the doctor every couple of months, and eight trips (Madrid and Barcelona by
train, Granada by car, Palma, Rome, London, Marrakech and New York by air).

Simulated and photographed by its own generator (`retiree_life.py`, `retiree_camera.py`); the questions
were written from the life's facts before any answering code ran on it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from .retiree_camera import photographed_life, shoot, write_life
from .retiree_life import BIRTHDAY, FIRST, GLASSES, LAST, NOW, TRIPS, UMBRELLA, ZONE, live
from .truth import Asked, written, day_of, first_day, in_city, last_day, span_s, top
from .world import Life, Stay

ABROAD = [trip for trip in TRIPS if trip.country != "Spain"]


def life() -> Life:
    stays = live()
    return photographed_life("retiree", "Vicent, 74, retired in Valencia, with a wearable camera", stays, shoot(stays), ZONE, FIRST, LAST)


write_library = write_life  # the life's photos (or its first days) committed as a library


def _going(ask: Asked, city: str, mode: str) -> list[Stay]:
    trip = next(trip for trip in TRIPS if trip.city == city)
    return ask.stays(mode, on=trip.first, where=lambda s: s.facts.get("trip") == city)


def questions(person: Life) -> list:
    return written(person, _how_often, _when, _where, _how_long_and_far, _read_and_seen, _cant_tell)


def _how_often(ask: Asked) -> None:
    market_may = ask.stays("market", year=2025, month=5)
    ask("How many times did I go to the market in May 2025?", "frequency", len(market_may), market_may)
    market_2026 = ask.stays("market", year=2026)
    ask("how often did I go to the Mercat Central in 2026", "frequency", len(market_2026), market_2026)
    doctor = ask.stays("doctor")
    ask("How many times did I see the doctor?", "frequency", len(doctor), doctor)
    library = ask.stays("library", between=(date(2025, 9, 1), date(2025, 11, 30)))
    ask("I'd like to know how many times I went to the library between September and November 2025", "frequency", len(library), library)
    chess = ask.stays("chess", year=2025, month=10)
    ask("How many times did I play chess in October 2025?", "frequency", len(chess), chess)
    church = ask.stays("church", year=2025)
    ask("How many times did I go to church in 2025?", "frequency", len(church), church)
    beach = ask.stays("beach walk", year=2025, month=6)
    ask("How many times did I walk on the beach in June 2025?", "frequency", len(beach), beach)
    visits = ask.stays("grandchild", year=2025)
    ask("How often did my granddaughter come to visit in 2025?", "frequency", len(visits), visits)
    park = ask.stays("park")
    ask("How many times did I take my granddaughter to the park?", "frequency", len(park), park)
    abroad = [s for trip in ABROAD for s in ask.stays(where=in_city(trip.city))]
    ask("How many trips abroad did I make?", "frequency", len({s.place.city for s in abroad}), abroad)
    year_2025 = ask.stays("market", year=2025)
    weeks = (date(2025, 12, 31) - FIRST).days / 7
    ask("On average, how many times a week did I go to the market in 2025?", "frequency", round(len(year_2025) / weeks, 2), year_2025)
    fallas = ask.stays("fallas", year=2026)
    ask("How many days did I go to the Fallas in 2026?", "frequency", len(ask.days(fallas)), fallas)
    hotel = ask.stays("hotel", where=in_city("New York"))
    nights = len({s.day for s in hotel if s.start.hour >= 12})
    ask("How many nights did I spend in New York?", "frequency", nights, [s for s in hotel if s.start.hour >= 12])
    flights = ask.stays("plane", year=2025)
    ask("How many flights did I take in 2025?", "counting", len(flights), flights)
    ask("How many different cities did I visit abroad?", "counting", len({s.place.city for s in abroad}), abroad)
    if birthday := ask.stays("birthday"):  # the lunch the camera missed (on other random days) is in no question
        ask("How many people were at my birthday lunch?", "counting", BIRTHDAY[1], birthday)


def _when(ask: Asked) -> None:
    ask("When did I go to Granada?", "time", *first_day(ask.stays(where=in_city("Granada"))))
    ask("When was I last at the doctor?", "time", *last_day(ask.stays("doctor")), now=NOW)
    ask("When did I first go to the chess club?", "time", *first_day(ask.stays("chess")))
    chess_days = Counter(s.day.strftime("%A") for s in ask.stays("chess"))
    ask("What day of the week do I usually play chess?", "time", top(chess_days), ask.stays("chess"))
    church_days = Counter(s.day.strftime("%A") for s in ask.stays("church"))
    ask("Which day do I go to church?", "time", top(church_days), ask.stays("church"))
    optician = ask.stays("optician")
    if optician:
        ask("When did I buy new glasses?", "time", day_of(optician[0]), optician)
    ask("When did I go to Rome?", "time", *first_day(ask.stays(where=in_city("Rome"))))
    ask("What month did I go to Marrakech?", "time", "2025-11", ask.stays(where=in_city("Marrakech")))
    london_home = ask.stays(("airport", "plane"), on=date(2025, 9, 19), where=lambda s: s.facts.get("trip") == "London")
    ask("When did I fly home from London?", "time", "2025-09-19", london_home)
    ask("What year did I go to Barcelona?", "time", "2026", ask.stays(where=in_city("Barcelona")))
    birthday = ask.stays("birthday")
    ask("When was my birthday lunch?", "time", day_of(birthday[0]), birthday)
    ask("When did I last walk on the beach?", "time", *last_day(ask.stays("beach walk")), now=NOW)
    ask("When did I first go to the library in 2026?", "time", *first_day(ask.stays("library", year=2026)))
    prado = ask.stays("sightseeing", where=lambda s: s.facts.get("sight") == "Museo del Prado")
    ask("Remind me when I went to the Prado", "time", *first_day(prado))
    ask("When did I take the train to Barcelona?", "time", "2026-02-10", _going(ask, "Barcelona", "train"))
    beach_days = Counter(s.day.strftime("%A") for s in ask.stays("beach walk"))
    ask("Which day of the week did I walk on the beach most often?", "time", top(beach_days), ask.stays("beach walk"))


def _where(ask: Asked) -> None:
    ask("Where did I go in December 2025?", "location", "New York", ask.stays(year=2025, month=12, where=in_city("New York")))
    ask("Where was I on May 22, 2025?", "location", "Rome", ask.stays(on=date(2025, 5, 22), where=in_city("Rome")))
    prado = ask.stays("sightseeing", where=lambda s: s.facts.get("sight") == "Museo del Prado")
    ask("Which museum did I visit in Madrid?", "location", "Museo del Prado", prado)
    ask("Which city did I fly to in July 2025?", "location", "Palma", _going(ask, "Palma", "plane") + ask.stays(where=in_city("Palma")))
    travelled = [trip.city for trip in TRIPS if trip.first.year == 2025]
    ask("Which cities did I travel to in 2025?", "location", travelled, [s for city in travelled for s in ask.stays(where=in_city(city))])
    ask("List the countries I visited abroad", "location", [trip.country for trip in ABROAD],
        [s for trip in ABROAD for s in ask.stays(where=in_city(trip.city))])
    church = ask.stays("church")
    ask("Which church do I go to on Sundays?", "location", "Iglesia de San Nicolás", church)
    london_hotel = ask.stays("hotel", where=in_city("London"))
    ask("Whereabouts did I stay in London?", "location", "The Z Hotel Soho", london_hotel)
    ask("What was the name of my hotel in New York?", "location", "Hotel Edison", ask.stays("hotel", where=in_city("New York")))
    for city, question in (("Rome", "Where did I have lunch in Rome?"), ("Madrid", "Which restaurant did I go to in Madrid?")):
        named = ask.stays("restaurant", where=lambda s, city=city: in_city(city)(s) and bool(s.facts.get("restaurant")))
        if named:
            ask(question, "location", named[0].facts["restaurant"], named)
    if birthday := ask.stays("birthday"):
        ask("Where did I have my birthday lunch?", "location", "Casa Carmela", birthday)
    ask("Where do I usually go on Saturday mornings?", "location", "Mercat Central", ask.stays("market", where=lambda s: s.day.weekday() == 5))
    sagrada = ask.stays("sightseeing", where=lambda s: s.facts.get("sight") == "Sagrada Família")
    ask("In which city did I see the Sagrada Família?", "location", "Barcelona", sagrada)
    ask("Which city did I drive to?", "location", "Granada", ask.stays(where=in_city("Granada")))
    spans = {trip.city: span_s(ask.stays(where=in_city(trip.city))) for trip in ABROAD}
    longest = top(spans)
    if longest:
        ask("Which trip abroad was the longest?", "location", longest, ask.stays(where=in_city(longest)))


def _how_long_and_far(ask: Asked) -> None:
    for city, question in (("Rome", "How long was I in Rome?"), ("Marrakech", "How long did I stay in Marrakech?"),
                           ("London", "How long was my trip to London?")):
        stays = ask.stays(where=in_city(city))
        ask(question, "duration", span_s(stays), stays)
    train = _going(ask, "Madrid", "train")
    if train:
        ask("How long was the train journey to Madrid?", "duration", train[0].seconds, train)
        ask("How far did I travel by train to Madrid?", "distance", round(train[0].metres, 1), train)
    flight = _going(ask, "New York", "plane")
    if flight:
        ask("How long was the flight to New York?", "duration", flight[0].seconds, flight)
    chess = ask.stays("chess", year=2025, month=11)
    ask("How much time did I spend at the chess club in November 2025?", "duration", sum(s.seconds for s in chess), chess)
    if birthday := ask.stays("birthday"):
        ask("How long was my birthday lunch?", "duration", birthday[0].seconds, birthday)
    drive = [s for s in ask.life.stays if s.facts.get("trip") == "Granada" and s.day == TRIPS[2].first and s.activity in ("car", "service station")]
    ask("How long did the drive to Granada take?", "duration", span_s(drive), [s for s in drive if s.image_ids])
    ask("How far did I drive to Granada?", "distance", round(sum(s.metres for s in drive), 1), [s for s in drive if s.image_ids])
    doctor = ask.stays("doctor", on=date(2025, 10, 21))
    if doctor:
        ask("How long was I at the doctor's on 21 October 2025?", "duration", doctor[0].seconds, doctor)
    walks = ask.stays("beach walk", year=2025, month=8)
    if walks:
        longest = max(walks, key=lambda s: len(s.image_ids))
        ask(f"How far did I walk on the beach on {longest.day.day} {longest.day:%B %Y}?", "distance", round(longest.metres, 1), [longest])
    london = ask.stays("walk", on=date(2025, 9, 17), where=lambda s: s.facts.get("trip") == "London")
    ask("How far did I walk in London on 17 September 2025?", "distance", round(sum(s.metres for s in london), 1), london)


def _read_and_seen(ask: Asked) -> None:
    airport = _going(ask, "London", "airport")
    ask("Which gate did my flight to London leave from?", "ocr", "B14", airport)
    station = _going(ask, "Madrid", "station")
    ask("What coach was I in on the train to Madrid?", "ocr", "COCHE 6", station)
    alhambra = ask.stays("sightseeing", where=lambda s: s.facts.get("sight") == "Alhambra")
    ask("What time was my Alhambra ticket for?", "ocr", "14:30", [s for s in alhambra if "ALHAMBRA NAZARÍES 14:30" in s.showing]
        or ask.stays(where=lambda s: "ALHAMBRA NAZARÍES 14:30" in s.showing))
    rome = _going(ask, "Rome", "airport")
    ask("What was my flight number to Rome?", "ocr", "VY 6104", rome)
    market = ask.stays("market", where=lambda s: "PEIX FRESC" in s.showing)
    ask("What did the sign at the fish stall in the market say?", "ocr", "PEIX FRESC", market)
    cafe = ask.stays("cafe", where=lambda s: "CAFÉ CON LECHE 1,60" in s.showing)
    ask("How much was a café con leche at my café?", "ocr", "1,60", cafe)
    optician = ask.stays("optician")
    if optician:
        ask("What colour were my new glasses?", "color", GLASSES[0], optician)
        ask("What did I buy at the optician?", "object", "glasses", optician)
    umbrella = ask.stays("sightseeing", where=lambda s: in_city("London")(s) and any(UMBRELLA in d for d in s.scene.details))
    ask("What colour was my umbrella in London?", "color", UMBRELLA, umbrella)
    for city, question, dish in (("New York", "What did I eat at Katz's?", "pastrami sandwich"),
                                 ("London", "What did I have at Dishoom?", "curry"), ("Marrakech", "What did I eat in Marrakech?", "couscous")):
        named = ask.stays("restaurant", where=lambda s, city=city: in_city(city)(s) and bool(s.facts.get("restaurant")))
        if named:
            ask(question, "object", dish, named)


def _cant_tell(ask: Asked) -> None:
    """What no photo shows: said, paid, felt, never done, or before the camera."""
    for text, kind in (
        ("What did the doctor say about my blood pressure?", "object"),
        ("How much did I pay for the train tickets to Madrid?", "ocr"),
        ("What colour is my car?", "color"),
        ("What was the name of the waiter in Rome?", "object"),
        ("Which book did I borrow from the library in June 2025?", "ocr"),
        ("What time did I go to bed on New Year's Eve?", "time"),
        ("Who won the chess game on 6 November 2025?", "object"),
        ("How much did the flight to New York cost?", "ocr"),
        ("How many times did I go to the gym?", "frequency"),
        ("When did I go to Paris?", "time"),
        ("How far did I swim in Mallorca?", "distance"),
        ("How long did I sleep on the flight to New York?", "duration"),
        ("Which medicine did the doctor prescribe?", "ocr"),
        ("Where does my son work?", "location"),
        ("How many days was I ill with the flu?", "frequency"),
        ("What colour was my granddaughter's dress?", "color"),
        ("How many grandchildren do I have?", "counting"),
    ):
        ask(text, kind, None)


REMEMBERED = (
    "the paella at Casa Carmela for my 75th",
    "oranges piled high at the Mercat Central",
    "a slow game of chess on a Thursday evening",
    "Lucía on the slide at the Gulliver park",
    "the mascletà in the square during the Fallas",
    "rain in London and my black umbrella",
    "the Alhambra at half past two",
    "the long train to Madrid and the Prado",
    "couscous in Marrakech with mint tea",
    "the Christmas lights in New York",
    "a pastrami sandwich at Katz's",
    "my new red glasses",
    "a morning walk along the Malva-rosa",
    "the waiting room at the health centre",
    "mass at San Nicolás under its painted ceiling",
    "swimming in the clear water in Mallorca",
    "the Sagrada Família in February",
    "coffee and toast at Café Russafa",
    "the Colosseum in the May sun",
    "the day I drove to Granada with a stop for coffee",
)
