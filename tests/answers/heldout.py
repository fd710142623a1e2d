"""The held-out world: another person (Manchester, evening gym, Sunday market, trips to Berlin, Vienna and
Barcelona), other captions, and questions phrased apart from the dev set. Answers come from the world's facts."""

from __future__ import annotations

from datetime import date

from assistant.testing.life import LifeSpec, Stay, TripSpec

from devset import QA, _days, _ids, _long, _of, _trip, venue_near

_manchester = venue_near("Manchester", "United Kingdom", "GB", 53.4808, -2.2426)


HELDOUT_SPEC = LifeSpec(
    year=2019,
    home=_manchester("Chorlton Flat", -0.04, -0.03),
    work=_manchester("Brightside Analytics", 0.002, 0.004),
    meeting_room=_manchester("Brightside Boardroom", 0.0025, 0.0045),
    restaurants=(_manchester("Rudy's Pizza", 0.006, -0.002), _manchester("Bundobust", -0.002, 0.003),
                 _manchester("The Koffee Pot", 0.004, 0.008)),
    foods=("margherita pizza", "chickpea curry", "club sandwich", "tomato soup", "sushi", "chicken wrap"),
    breakfasts=("cereal", "croissant", "fruit salad"),
    gym=_manchester("PureGym Deansgate", -0.005, -0.006), gym_days=(1, 3), gym_morning=False,
    pool=_manchester("Manchester Aquatics Centre", -0.01, 0.01),
    swim_dates=_days("2019-02-06", "2019-03-20", "2019-05-22", "2019-08-14", "2019-10-30"),
    dinner_after_swim=_manchester("Mackie Mayor", 0.008, 0.007),
    cinema=_manchester("Odeon Printworks", 0.007, 0.001),
    cinema_dates=_days("2019-02-16", "2019-03-29", "2019-06-08", "2019-10-19", "2019-11-15"),
    films=("BLUE HORIZON", "THE QUIET ROOM", "ECHO PARK", "WINTER GARDEN", "LAST TRAIN HOME"),
    dentist=_manchester("Deansgate Dental Practice", -0.003, -0.002), dentist_dates=_days("2019-03-12", "2019-09-10", "2019-12-17"),
    barber=_manchester("Ted's Grooming Room", 0.003, -0.007), haircut_dates=_days("2019-02-23", "2019-05-18", "2019-08-24"),
    market=_manchester("Levenshulme Market", -0.03, 0.02), market_day=6,
    goods=("strawberries", "houseplant", "scarf", "vinyl record", "cheese"),
    market_signs=("VEGAN FOOD HERE", "ALL PLANTS £5", "HOT CHURROS"),
    scarf_colours=("orange", "navy", "pink"),
    park=_manchester("Heaton Park", 0.05, -0.02), cafe=_manchester("Grindsmith Coffee", 0.001, 0.002),
    airport=_manchester("Manchester Airport", -0.12, -0.03),
    trips=(
        TripSpec("Berlin", "Germany", "DE", 52.52, 13.405, date(2019, 4, 10), 4, "Hotel Adlon", "Flughafen Tegel", beer="BECK'S"),
        TripSpec("Vienna", "Austria", "AT", 48.2082, 16.3738, date(2019, 7, 4), 4, "Hotel Sacher", "Flughafen Wien", "white", "STIEGL"),
        TripSpec("Barcelona", "Spain", "ES", 41.3874, 2.1686, date(2019, 9, 18), 3, "Hotel Arts", "Aeropuerto El Prat", "green", "ESTRELLA"),
        TripSpec("Vienna", "Austria", "AT", 48.2082, 16.3738, date(2019, 12, 2), 3, "Hotel Daniel", "Flughafen Wien", beer="GÖSSER"),
    ),
    meeting_day=3,
    words={
        "breakfast": "breakfast in the kitchen, a plate on the counter", "gym": "working out on a treadmill at the gym",
        "office": "typing on a laptop in an open-plan office", "meeting": "colleagues around a table in a meeting",
        "lunch": "lunch of {food} at a table", "dentist": "lying back in a dentist chair",
        "swim": "swimming lengths in a public pool", "dinner": "dinner: {food} in a food hall",
        "cinema": "a movie theatre with a big screen", "home": "watching television in the living room",
        "market": "browsing stalls at an outdoor market", "park": "a walk in the park on a sunny day",
        "cafe": "a table in a coffee shop with drinks", "haircut": "a hairdresser cutting my hair",
        "airport": "a glass of beer at the airport bar", "hotel": "an unmade bed in a hotel room",
        "car": "behind the wheel of a {colour} rental car", "sights": "exploring the historic city centre",
    },
)


def heldout_questions(stays: list[Stay]) -> list[QA]:
    """Questions worded as another person would ask them, answers from the held-out world's facts."""
    questions: list[QA] = []

    def ask(text, kind, value, moments=()):
        questions.append(QA(text, kind, value, _ids(moments)))

    cinema, swims, cuts, dentist = (_of(stays, kind) for kind in ("cinema", "swim", "haircut", "dentist"))
    gym, market, meeting, lunch = (_of(stays, kind) for kind in ("gym", "market", "meeting", "lunch"))
    park, cafe = _of(stays, "park"), _of(stays, "cafe")

    ask("How often did I go to the movies in 2019?", "frequency", len(cinema), cinema)
    ask("How many times did I swim in 2019?", "frequency", len(swims), swims)
    ask("How many times did I have my hair cut in 2019?", "frequency", len(cuts), cuts)
    ask("How many times did I see the dentist this year?", "frequency", len(dentist), dentist)
    ask("How many times did I travel to Vienna?", "frequency", 2, _trip(stays, "Vienna") + _trip(stays, "Vienna", 1))
    ask("How many trips to Spain did I make?", "frequency", 1, _trip(stays, "Barcelona"))
    june_gym = [stay for stay in gym if stay.start.month == 6]
    ask("How many times did I work out in June 2019?", "frequency", len(june_gym), june_gym)
    august_market = [stay for stay in market if stay.start.month == 8]
    ask("How often did I visit the market in August?", "frequency", len(august_market), august_market)
    ask("How many times did I go skiing?", "frequency", None)  # no word says it, no CLIP to look: can't tell
    ask("Did I ever go to Tokyo?", "frequency", 0)
    ask("How many times did I go to a football match in 2019?", "frequency", None)  # no word or meaning says it, no CLIP
    ask("How many days was I in Berlin?", "frequency", 4, _trip(stays, "Berlin"))

    ask("When was my last dentist appointment?", "time", f"{dentist[-1].start:%Y-%m-%d}", dentist[-1:])
    ask("When did I go swimming for the first time this year?", "time", f"{swims[0].start:%Y-%m-%d}", swims[:1])
    ask("On which date did I last have my hair cut?", "time", f"{cuts[-1].start:%Y-%m-%d}", cuts[-1:])
    for film in (cinema[0], cinema[3]):
        ask(f"On which date did I go to the movies in {film.start:%B}?", "time", f"{film.start:%Y-%m-%d}", [film])
    ask("In which month did I travel to Barcelona?", "time", "2019-09", _trip(stays, "Barcelona"))
    ask("What year was my trip to Berlin?", "time", "2019", _trip(stays, "Berlin"))
    ask("On what day of the week was the weekly meeting held?", "time", "Thursday", meeting)
    ask(f"At what time did I get to the gym on {_long(gym[30].start.date())}?", "time", "18:00", gym[30:31])
    before = [film for film in cinema if film.start.date() < date(2019, 8, 15)]
    ask("Assuming today is 15 August 2019, when did I last go to the movies?", "time", f"{before[-1].start:%Y-%m-%d}", before[-1:])
    ask("When did I fly to Barcelona?", "time", "2019-09-18", _trip(stays, "Barcelona"))

    ask("What hotel did I stay at in Barcelona?", "location", "Hotel Arts", [s for s in _trip(stays, "Barcelona") if s.kind == "hotel"])
    ask("Which hotel did I stay at on my second trip to Vienna?", "location", "Hotel Daniel", _trip(stays, "Vienna", 1))
    for meal in (lunch[10], lunch[120], lunch[180]):
        ask(f"Where did I eat lunch on {meal.start:%d/%m/%Y}?", "location", meal.venue.name, [meal])
    ask("In which country was I on 5 July 2019?", "location", "Austria", _trip(stays, "Vienna"))
    ask("Which city did I travel to in April 2019?", "location", "Berlin", _trip(stays, "Berlin"))
    ask("Where do I get my hair cut?", "location", "Ted's Grooming Room", cuts)
    ask(f"Where did I watch a movie on {_long(cinema[2].start.date())}?", "location", "Odeon Printworks", cinema[2:3])

    for session in (gym[12], gym[70]):
        ask(f"How much time did I spend working out on {session.start:%B} {session.start.day}, 2019?", "duration", 4200, [session])
    ask(f"For how long was I at the dentist on {_long(dentist[1].start.date())}?", "duration", 3000, dentist[1:2])
    trip = _trip(stays, "Barcelona")
    ask("How long did my Barcelona trip last?", "duration", int((trip[-1].end - trip[0].start).total_seconds()), trip)
    ask(f"How long did the meeting on {_long(meeting[9].start.date())} take?", "duration", 3600, meeting[9:10])
    ask(f"How many hours was I at the market on {_long(market[6].start.date())}?", "duration", 5400, market[6:7])

    for session in (meeting[4], meeting[25]):
        ask(f"How many people attended the meeting on {_long(session.start.date())}?", "counting", session.facts["persons"], [session])
    for walk in (park[5], park[20]):
        ask(f"How many dogs were in the park on {_long(walk.start.date())}?", "counting", walk.facts["dogs"], [walk])
    ask(f"How many cups were there at the coffee shop on {_long(cafe[8].start.date())}?", "counting", cafe[8].facts["cups"], cafe[8:9])

    for film in (cinema[1], cinema[4]):
        ask(f"What was the title of the film I saw at the cinema on {_long(film.start.date())}?", "ocr", film.facts["film"], [film])
    gate = _of(stays, "airport")[2]
    ask(f"Which beer brand did I have at the airport on {_long(gate.start.date())}?", "ocr", gate.facts["brand"], [gate])
    ask(f"What did the sign at the market say on {_long(market[3].start.date())}?", "ocr", market[3].facts["sign"], market[3:4])

    ask("What colour was my rental car in Austria?", "color", "white", _of(stays, "car", colour="white"))
    ask("What color was the car I rented in Barcelona?", "color", "green", _of(stays, "car", colour="green"))
    scarf = [stay for stay in market if stay.facts["colour"]][1]
    ask(f"What colour scarf did I buy at the market on {_long(scarf.start.date())}?", "color", scarf.facts["colour"], [scarf])

    for meal in (lunch[40], lunch[95]):
        ask(f"What did I have for lunch on {_long(meal.start.date())}?", "object", meal.facts["food"], [meal])
    ask(f"What did I pick up at the market on {_long(market[7].start.date())}?", "object", market[7].facts["good"], market[7:8])
    dinner = _of(stays, "dinner")[2]
    ask(f"What did I eat straight after my swim on {_long(dinner.start.date())}?", "object", dinner.facts["food"], [dinner])
    return questions
