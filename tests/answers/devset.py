"""The development world (a year in Dublin with four trips) and its questions, each with the true answer
taken from the world's own facts (the stays the generator drew), never from the answering code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.testing.life import LifeSpec, Stay, TripSpec, Venue


def venue_near(city: str, country: str, code: str, lat: float, lng: float):
    """A venue maker for one home town: name and offset (degrees) from its centre."""
    return lambda name, north, east: Venue(name, city, country, code, lat + north, lng + east)


def _days(*iso: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(day) for day in iso)


_dublin = venue_near("Dublin", "Ireland", "IE", 53.3498, -6.2603)


DEV_SPEC = LifeSpec(
    year=2019,
    home=_dublin("Home", 0.01, -0.02),
    work=_dublin("Northwind Offices", -0.005, 0.01),
    meeting_room=_dublin("Northwind Meeting Suite", -0.0055, 0.0105),
    restaurants=(_dublin("Harbour Grill", 0.002, 0.02), _dublin("Noodle Bar Saigon", -0.003, 0.004),
                 _dublin("Green Bowl Kitchen", -0.008, 0.012), _dublin("Pasta Via", 0.004, 0.006)),
    foods=("ramen", "burrito", "caesar salad", "lasagne", "fish and chips", "pad thai", "falafel wrap"),
    breakfasts=("porridge", "toast", "pancakes", "yoghurt"),
    gym=_dublin("IronWorks Gym", 0.006, -0.01), gym_days=(0, 2, 4), gym_morning=True,
    pool=_dublin("Markievicz Leisure Centre", 0.003, -0.004),
    swim_dates=_days("2019-01-17", "2019-02-12", "2019-04-25", "2019-05-16", "2019-07-09", "2019-09-03", "2019-12-05"),
    dinner_after_swim=_dublin("The Brazen Head", -0.001, -0.015),
    cinema=_dublin("Lighthouse Cinema", 0.0, -0.018),
    cinema_dates=_days("2019-01-26", "2019-04-12", "2019-05-30", "2019-08-09", "2019-09-21", "2019-12-14"),
    films=("NORTHERN LIGHTS", "THE LAST HARBOUR", "MIDNIGHT EXPRESS", "PAPER MOON", "SILVER SKIES", "THE GREEN MILE"),
    dentist=_dublin("Smile Dental Clinic", -0.012, 0.003), dentist_dates=_days("2019-02-20", "2019-08-27"),
    barber=_dublin("Sharp Cuts Barber", 0.009, 0.008), haircut_dates=_days("2019-01-12", "2019-04-06", "2019-07-20", "2019-11-09"),
    market=_dublin("Temple Bar Food Market", 0.0, 0.0), market_day=5,
    goods=("apples", "flowers", "cheese", "scarf", "sourdough bread", "olives"),
    market_signs=("FRESH FISH DAILY", "ORGANIC APPLES", "CASH ONLY", "LOCAL HONEY"),
    scarf_colours=("red", "green", "yellow", "purple"),
    park=_dublin("Phoenix Park", 0.02, -0.05), cafe=_dublin("Bewley's Cafe", -0.001, 0.001),
    airport=_dublin("Dublin Airport", 0.08, -0.01),
    trips=(
        TripSpec("Paris", "France", "FR", 48.8566, 2.3522, date(2019, 3, 2), 4, "Hotel Lumière", "Aéroport Charles de Gaulle", beer="GUINNESS"),
        TripSpec("Rome", "Italy", "IT", 41.9028, 12.4964, date(2019, 6, 14), 3, "Albergo del Sole", "Aeroporto di Fiumicino", "red", "PERONI"),
        TripSpec("Lisbon", "Portugal", "PT", 38.7223, -9.1393, date(2019, 10, 9), 4, "Casa Azul Hotel", "Aeroporto Humberto Delgado", "blue", "HEINEKEN"),
        TripSpec("Paris", "France", "FR", 48.8566, 2.3522, date(2019, 11, 20), 3, "Le Petit Hôtel", "Aéroport Charles de Gaulle", beer="SMITHWICK'S"),
    ),
    meeting_day=1,
    words={
        "breakfast": "eating breakfast at the kitchen table", "gym": "lifting weights at the gym",
        "office": "working at a desk with two monitors", "meeting": "a team meeting in a conference room",
        "lunch": "eating lunch, a plate of {food}", "dentist": "sitting in the dentist's waiting room",
        "swim": "swimming laps in an indoor pool", "dinner": "eating dinner, a bowl of {food}",
        "cinema": "watching a film at the cinema", "home": "relaxing on the sofa at home",
        "market": "shopping at a busy market stall", "park": "walking in the park", "cafe": "having coffee at a cafe",
        "haircut": "getting a haircut at the barber", "airport": "drinking a pint of beer at the airport gate",
        "hotel": "a hotel room with a large bed", "car": "driving a {colour} car along the coast",
        "sights": "sightseeing in the old town",
    },
)


@dataclass(frozen=True)
class QA:
    text: str
    kind: str
    value: object
    moments: frozenset  # image ids of the moments the answer comes from; empty for a "never"


def _of(stays: list[Stay], kind: str, **facts) -> list[Stay]:
    return [stay for stay in stays if stay.kind == kind and all(stay.facts.get(k) == v for k, v in facts.items())]


def _ids(stays) -> frozenset:
    return frozenset(image_id for stay in stays for image_id in stay.image_ids)


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _in_month(stays: list[Stay], month: int) -> list[Stay]:
    return [stay for stay in stays if stay.start.month == month]


def _trip(stays: list[Stay], city: str, which: int = 0) -> list[Stay]:
    """The stays of one trip to a city (the which-th): its days there, home-city stays excluded."""
    away = sorted({stay.start.date() for stay in stays if stay.facts.get("trip") == city and stay.venue.city == city})
    firsts = [day for day in away if not any((day - other).days == 1 for other in away)]
    first = firsts[which]
    return [stay for stay in stays if stay.venue.city == city and 0 <= (stay.start.date() - first).days < 7]


def dev_questions(stays: list[Stay]) -> list[QA]:
    """109 questions over the eight kinds, with the true answers from the world."""
    questions: list[QA] = []

    def ask(text, kind, value, moments=()):
        questions.append(QA(text, kind, value, _ids(moments)))

    cinema, swims, cuts, dentist = (_of(stays, kind) for kind in ("cinema", "swim", "haircut", "dentist"))
    gym, market, meeting, lunch = (_of(stays, kind) for kind in ("gym", "market", "meeting", "lunch"))
    park, cafe, breakfast = _of(stays, "park"), _of(stays, "cafe"), _of(stays, "breakfast")
    # frequency
    ask("How many times did I go to the cinema in 2019?", "frequency", len(cinema), cinema)
    ask("How many times did I go swimming in 2019?", "frequency", len(swims), swims)
    ask("How many times did I get a haircut in 2019?", "frequency", len(cuts), cuts)
    ask("How many times did I visit the dentist in 2019?", "frequency", len(dentist), dentist)
    ask("How many times did I go to Paris in 2019?", "frequency", 2, _trip(stays, "Paris") + _trip(stays, "Paris", 1))
    ask("How many trips did I take to Portugal?", "frequency", 1, _trip(stays, "Lisbon"))
    ask("How many times did I go to Rome?", "frequency", 1, _trip(stays, "Rome"))
    for month, name in ((3, "March"), (5, "May"), (9, "September")):
        ask(f"How many times did I go to the gym in {name} 2019?", "frequency", len(_in_month(gym, month)), _in_month(gym, month))
    for month, name in ((5, "May"), (7, "July")):
        ask(f"How many times did I go swimming in {name} 2019?", "frequency", len(_in_month(swims, month)), _in_month(swims, month))
    ask("How many times did I go to the zoo in 2019?", "frequency", None)  # no word says it, no CLIP to look: can't tell
    ask("How many times did I go bowling?", "frequency", None)
    ask("Have I ever been to Berlin?", "frequency", 0)
    ask("How many times did I go to the dentist in 2018?", "frequency", None)  # the year began in 2019: not "never"
    ask("How often did I go to the market in June 2019?", "frequency", len(_in_month(market, 6)), _in_month(market, 6))
    ask("How many times did I go to the park in February 2019?", "frequency", len(_in_month(park, 2)), _in_month(park, 2))
    ask("How many days did I spend in Lisbon?", "frequency", 4, _trip(stays, "Lisbon"))
    ask("How many times did I go to the cinema from May to September 2019?", "frequency",
        len([s for s in cinema if 5 <= s.start.month <= 9]), [s for s in cinema if 5 <= s.start.month <= 9])
    # time
    ask("When did I last go to the dentist?", "time", f"{dentist[-1].start:%Y-%m-%d}", dentist[-1:])
    ask("When did I first go swimming?", "time", f"{swims[0].start:%Y-%m-%d}", swims[:1])
    ask("When did I last get a haircut?", "time", f"{cuts[-1].start:%Y-%m-%d}", cuts[-1:])
    ask("When did I go to the dentist for the first time?", "time", f"{dentist[0].start:%Y-%m-%d}", dentist[:1])
    for cut in cuts:
        ask(f"On what date did I get a haircut in {cut.start:%B %Y}?", "time", f"{cut.start:%Y-%m-%d}", [cut])
    for film in (cinema[0], cinema[1], cinema[3], cinema[5]):
        ask(f"When did I go to the cinema in {film.start:%B %Y}?", "time", f"{film.start:%Y-%m-%d}", [film])
    ask("What year did I visit Rome?", "time", "2019", _trip(stays, "Rome"))
    ask("Which month did I go to Lisbon?", "time", "2019-10", _trip(stays, "Lisbon"))
    ask("Which month did I go to Rome?", "time", "2019-06", _trip(stays, "Rome"))
    ask("What day of the week did I have the team meeting?", "time", "Tuesday", meeting)
    for session in (gym[10], gym[40], gym[90]):
        ask(f"What time did I arrive at the gym on {_long(session.start.date())}?", "time", "07:30", [session])
    before_july = [s for s in cinema if s.start < s.start.replace(month=7, day=1)]
    ask("Assuming today is 1 July 2019, when did I last go to the cinema?", "time", f"{before_july[-1].start:%Y-%m-%d}", before_july[-1:])
    before_june = [s for s in swims if s.start.month < 6]
    ask("Assuming today is 1 June 2019, when did I last go swimming?", "time", f"{before_june[-1].start:%Y-%m-%d}", before_june[-1:])
    ask("What date did I fly to Rome?", "time", "2019-06-14", _trip(stays, "Rome"))
    # location
    for city, hotel in (("Rome", "Albergo del Sole"), ("Lisbon", "Casa Azul Hotel")):
        ask(f"What was the name of the hotel in {city}?", "location", hotel, [s for s in _trip(stays, city) if s.kind == "hotel"])
    ask("On my second trip to Paris, which hotel did I stay in?", "location", "Le Petit Hôtel", _trip(stays, "Paris", 1))
    ask("On my first trip to Paris, which hotel did I stay in?", "location", "Hotel Lumière", _trip(stays, "Paris"))
    for meal in (lunch[3], lunch[50], lunch[101], lunch[150], lunch[200]):
        ask(f"Where did I have lunch on {_long(meal.start.date())}?", "location", meal.venue.name, [meal])
    ask("Which city was I in on 15 June 2019?", "location", "Rome", _trip(stays, "Rome"))
    ask("Which country did I travel to in October 2019?", "location", "Portugal", _trip(stays, "Lisbon"))
    ask("Which city did I visit in March 2019?", "location", "Paris", _trip(stays, "Paris"))
    ask("Where did I get a haircut?", "location", "Sharp Cuts Barber", cuts)
    ask("Where did I go swimming?", "location", "Markievicz Leisure Centre", swims)
    ask(f"Where did I watch a film on {_long(cinema[1].start.date())}?", "location", "Lighthouse Cinema", cinema[1:2])
    # duration
    for session in (gym[5], gym[60], gym[120]):
        ask(f"How long did I spend at the gym on {_long(session.start.date())}?", "duration", 3600, [session])
    for visit in dentist:
        ask(f"How long was I at the dentist on {_long(visit.start.date())}?", "duration", 3000, [visit])
    for city in ("Rome", "Lisbon"):
        trip = _trip(stays, city)
        ask(f"How long was my trip to {city}?", "duration", int((trip[-1].end - trip[0].start).total_seconds()), trip)
    for session in (meeting[2], meeting[20], meeting[44]):
        ask(f"How long did the meeting on {_long(session.start.date())} last?", "duration", 3600, [session])
    for film in (cinema[0], cinema[2]):
        ask(f"How long was I at the cinema on {_long(film.start.date())}?", "duration", int((film.end - film.start).total_seconds()), [film])
    for visit in (market[4], market[30]):
        ask(f"How long did I spend at the market on {_long(visit.start.date())}?", "duration", 5400, [visit])
    ask(f"How many minutes did I spend swimming on {_long(swims[3].start.date())}?", "duration", 3600, swims[3:4])
    # counting
    for session in (meeting[1], meeting[7], meeting[15], meeting[33]):
        ask(f"How many people were at the meeting on {_long(session.start.date())}?", "counting", session.facts["persons"], [session])
    for walk in (park[2], park[11], park[25]):
        ask(f"How many dogs did I see in the park on {_long(walk.start.date())}?", "counting", walk.facts["dogs"], [walk])
    for visit in (cafe[4], cafe[17], cafe[30]):
        ask(f"How many cups were on the table at the cafe on {_long(visit.start.date())}?", "counting", visit.facts["cups"], [visit])
    # ocr
    for film in cinema[:4]:
        ask(f"What was the name of the film I watched at the cinema on {_long(film.start.date())}?", "ocr", film.facts["film"], [film])
    for gate in _of(stays, "airport")[:3]:
        ask(f"What brand of beer did I drink at the airport on {_long(gate.start.date())}?", "ocr", gate.facts["brand"], [gate])
    for visit in (market[1], market[9], market[22]):
        ask(f"What was written on the sign at the market on {_long(visit.start.date())}?", "ocr", visit.facts["sign"], [visit])
    # color
    ask("What colour was the car I drove in Italy?", "color", "red", _of(stays, "car", colour="red"))
    ask("What colour was the car I drove in Portugal?", "color", "blue", _of(stays, "car", colour="blue"))
    ask("What color was the car I drove in Lisbon?", "color", "blue", _of(stays, "car", colour="blue"))
    for visit in [stay for stay in market if stay.facts["colour"]][:3]:
        ask(f"What colour was the scarf I bought at the market on {_long(visit.start.date())}?", "color", visit.facts["colour"], [visit])
    # object
    for meal in (lunch[7], lunch[33], lunch[77], lunch[140], lunch[190]):
        ask(f"What did I eat for lunch on {_long(meal.start.date())}?", "object", meal.facts["food"], [meal])
    for visit in (market[2], market[13], market[27]):
        ask(f"What did I buy at the market on {_long(visit.start.date())}?", "object", visit.facts["good"], [visit])
    for meal in (breakfast[12], breakfast[99]):
        ask(f"What did I have for breakfast on {_long(meal.start.date())}?", "object", meal.facts["food"], [meal])
    dinners = _of(stays, "dinner")
    for meal in dinners[1:3]:
        ask(f"What did I eat right after swimming on {_long(meal.start.date())}?", "object", meal.facts["food"], [meal])
    return questions
