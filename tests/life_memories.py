"""A synthetic year in Edinburgh with five trips, a wedding and a conference, and memories told about it: sequences
("X, then Y") and times anchored to events of that life ("the week after the wedding"). Each memory says what it
should parse to and which of the life's stays are the right moment, from the life's own facts (written before the
parser and the search were run on them). Used by tests/test_life_memories.py and benchmarks/parse_quality.py --life."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from assistant.testing.life import LifeSpec, OccasionSpec, Stay, TripSpec, Venue


def _edinburgh(name: str, north: float, east: float) -> Venue:
    return Venue(name, "Edinburgh", "United Kingdom", "GB", 55.9533 + north, -3.1883 + east)


def _days(*iso: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(day) for day in iso)


EVENTS_SPEC = LifeSpec(
    year=2019,
    home=_edinburgh("Marchmont Flat", -0.015, -0.004),
    work=_edinburgh("Quayside Software", 0.02, 0.01),
    meeting_room=_edinburgh("Quayside Boardroom", 0.0205, 0.0105),
    restaurants=(_edinburgh("Mosque Kitchen", -0.006, 0.001), _edinburgh("Oink", -0.004, -0.002), _edinburgh("Ting Thai Caravan", -0.005, 0.0)),
    foods=("haggis", "pad thai", "pulled pork roll", "lentil soup", "mac and cheese"),
    breakfasts=("porridge", "eggs benedict", "granola"),
    gym=_edinburgh("Pure Gym Quartermile", -0.009, -0.003), gym_days=(0, 2, 4), gym_morning=True,
    pool=_edinburgh("Royal Commonwealth Pool", -0.014, 0.008),
    swim_dates=_days("2019-02-13", "2019-04-24", "2019-07-09", "2019-09-03", "2019-11-27"),
    dinner_after_swim=_edinburgh("The Sheep Heid Inn", -0.02, 0.03),
    cinema=_edinburgh("Cameo Cinema", -0.008, -0.01),
    cinema_dates=_days("2019-01-26", "2019-04-12", "2019-08-09", "2019-09-21", "2019-12-14"),
    films=("THE NORTH WIND", "GLASS HOUSES", "A QUIET HARBOUR", "PAPER KITES", "LONG SHADOWS"),
    dentist=_edinburgh("Bruntsfield Dental", -0.012, -0.009), dentist_dates=_days("2019-03-19", "2019-08-27"),
    barber=_edinburgh("Old Town Barbers", -0.002, -0.001), haircut_dates=_days("2019-02-09", "2019-07-20", "2019-11-02"),
    market=_edinburgh("Stockbridge Market", 0.005, -0.02), market_day=5,
    goods=("bread", "cheese", "flowers", "scarf", "venison"),
    market_signs=("FRESH BREAD", "CASH ONLY", "LOCAL HONEY"),
    scarf_colours=("tartan", "grey"),
    park=_edinburgh("The Meadows", -0.011, -0.002), cafe=_edinburgh("Brew Lab", -0.004, 0.002),
    airport=_edinburgh("Edinburgh Airport", 0.0, -0.17),
    trips=(
        TripSpec("Paris", "France", "FR", 48.8566, 2.3522, date(2019, 3, 2), 4, "Hôtel du Nord", "Aéroport Charles de Gaulle", beer="TENNENT'S"),
        TripSpec("Tokyo", "Japan", "JP", 35.6762, 139.6503, date(2019, 5, 4), 5, "Shinjuku Granbell", "Haneda Airport", beer="ASAHI"),
        TripSpec("Rome", "Italy", "IT", 41.9028, 12.4964, date(2019, 6, 14), 3, "Albergo Roma", "Aeroporto di Fiumicino", "red", "PERONI"),
        TripSpec("Lisbon", "Portugal", "PT", 38.7223, -9.1393, date(2019, 10, 9), 4, "Casa do Rio", "Aeroporto Humberto Delgado", "blue", "SAGRES"),
        TripSpec("Paris", "France", "FR", 48.8566, 2.3522, date(2019, 11, 20), 3, "Le Petit Hôtel", "Aéroport Charles de Gaulle", beer="BELHAVEN"),
    ),
    meeting_day=1,
    words={
        "breakfast": "a bowl of breakfast on the kitchen table", "gym": "lifting weights at the gym",
        "office": "working at a desk with two monitors", "meeting": "a team meeting in a conference room",
        "lunch": "eating lunch, a plate of {food}", "dentist": "sitting in the dentist's waiting room",
        "swim": "swimming laps in an indoor pool", "dinner": "eating dinner in a pub, a plate of {food}",
        "cinema": "watching a film at the cinema", "home": "relaxing on the sofa at home",
        "market": "shopping at a busy market stall", "park": "walking across a park", "cafe": "drinking coffee in a cafe",
        "haircut": "getting a haircut at the barber", "airport": "a pint of beer at the airport gate",
        "hotel": "a hotel room with a large bed", "car": "driving a {colour} car along the coast",
        "sights": "sightseeing in the old town",
    },
    occasions=(
        OccasionSpec("wedding", _edinburgh("Prestonfield House", -0.02, 0.02), date(2019, 8, 17), 1,
                     "a bride and groom dancing at a wedding reception", hours=("13:00", "23:30"), sign="JUST MARRIED"),
        OccasionSpec("conference", _edinburgh("Edinburgh International Conference Centre", -0.003, -0.012), date(2019, 9, 24), 3,
                     "listening to a talk at a data science conference", sign="PYDATA CONFERENCE 2019"),
    ),
)


@dataclass(frozen=True)
class SequenceMemory:
    text: str
    moment_word: str  # a word of the shown moment's description
    parts: int  # how many parts are told besides the moment
    first: str = ""  # the right moment: a stay of this kind ...
    then: str = ""  # ... followed by a stay of this kind
    within_hours: float = 1.0  # starting at most this long after the first one ends (the same day)


SEQUENCES = [
    SequenceMemory("Breakfast on the kitchen table, then lifting weights at the gym", "breakfast", 1, "breakfast", "gym"),
    SequenceMemory("lifting weights at the gym and then working at my desk", "weights", 1, "gym", "office"),
    SequenceMemory("I was working at a desk with two monitors, then sat in the dentist's waiting room", "desk", 1, "office", "dentist"),
    SequenceMemory("working at my desk, and then the waiting room at the dentist", "desk", 1, "office", "dentist"),
    SequenceMemory("walking across a park, then coffee in a cafe", "park", 1, "park", "cafe"),
    SequenceMemory("a walk in the park followed by a coffee", "park", 1, "park", "cafe"),
    SequenceMemory("shopping at the market stall, and later a haircut at the barber", "market", 1, "market", "haircut", 3.0),
    SequenceMemory("A busy market. Later that day I got a haircut at the barber.", "market", 1, "market", "haircut", 24.0),
    SequenceMemory("relaxing on the sofa at home, then watching a film at the cinema", "sofa", 1, "home", "cinema"),
    SequenceMemory("on the sofa at home, afterwards a film at the cinema", "sofa", 1, "home", "cinema"),
    SequenceMemory("a pint at the airport gate, and later that day a hotel room with a large bed", "pint", 1, "airport", "hotel", 24.0),
    SequenceMemory("beer at the airport, later that evening the hotel room", "beer", 1, "airport", "hotel", 24.0),
    SequenceMemory("a hotel room with a large bed, then sightseeing in the old town", "hotel", 1, "hotel", "sights"),
    SequenceMemory("the hotel room in the morning, after that sightseeing in the old town", "hotel", 1, "hotel", "sights"),
    SequenceMemory("the hotel room, and later a pint of beer at the airport gate", "hotel", 1, "hotel", "away-airport", 3.0),
    SequenceMemory("sightseeing in the old town, and later that evening back in the hotel room", "sightseeing", 1, "sights", "hotel", 24.0),
    SequenceMemory("working at a desk with two monitors and then a team meeting", "desk", 1, "office", "meeting"),
    SequenceMemory("a team meeting in the conference room, then back at my desk", "meeting", 1, "meeting", "office"),
    SequenceMemory("swimming laps in the indoor pool, then dinner in a pub", "swimming", 1, "swim", "dinner"),
    SequenceMemory("lunch, a plate of haggis, then working at my desk", "lunch", 1, "lunch", "office"),
    SequenceMemory("porridge for breakfast, then the gym, and then my desk at work", "breakfast", 2, "breakfast", "gym"),
    SequenceMemory("a haircut at the barber and then relaxing on the sofa at home", "haircut", 1, "haircut", "home"),
    SequenceMemory("dancing at a wedding reception, then the sofa at home", "wedding", 1),
    SequenceMemory("a talk at a conference, then the sofa at home that evening", "talk", 1),
    SequenceMemory("Frühstück am Küchentisch, dann ins Fitnessstudio", "Frühstück", 1),
    SequenceMemory("un café en terrasse, puis le métro", "café", 1),
    SequenceMemory("tapas en el bar y luego un paseo por la playa", "tapas", 1),
    SequenceMemory("un gelato in piazza, poi il treno per Firenze", "gelato", 1),
    SequenceMemory("um pastel de nata e depois o elétrico", "pastel", 1),
    SequenceMemory("a coffee at the station, afterwards the train to Glasgow, and then dinner with Anna", "coffee", 2),
    SequenceMemory("Back then I cycled to work every day", "cycled", 0),
    SequenceMemory("a later train home from the office", "train", 0),
]


@dataclass(frozen=True)
class AnchoredMemory:
    text: str
    first: date | None  # the days the anchor admits (None: the event is not in this life, nothing filtered)
    last: date | None
    kind: str = ""  # the right moment: a stay of this kind within those days


def _d(iso: str) -> date:
    return date.fromisoformat(iso)


ANCHORED = [
    AnchoredMemory("a pint of beer at the airport gate the day I flew to Tokyo", _d("2019-05-04"), _d("2019-05-04"), "airport"),
    AnchoredMemory("sightseeing in the old town when I was in Japan", _d("2019-05-04"), _d("2019-05-08"), "sights"),
    AnchoredMemory("the hotel room on the last day of my trip to Japan", _d("2019-05-08"), _d("2019-05-08"), "hotel"),
    AnchoredMemory("shopping at the market the week before my trip to Japan", _d("2019-04-27"), _d("2019-05-03"), "market"),
    AnchoredMemory("coffee in a cafe the week after my trip to Japan", _d("2019-05-09"), _d("2019-05-15"), "cafe"),
    AnchoredMemory("driving a red car the day I arrived in Rome", _d("2019-06-14"), _d("2019-06-14"), "car"),
    AnchoredMemory("sightseeing during my trip to Italy", _d("2019-06-14"), _d("2019-06-16"), "sights"),
    AnchoredMemory("swimming laps in the pool after my trip to Rome", _d("2019-06-17"), _d("2019-07-14"), "swim"),
    AnchoredMemory("driving a blue car on the first day of my holiday in Portugal", _d("2019-10-09"), _d("2019-10-09"), "car"),
    AnchoredMemory("a pint at the airport gate the day I flew back from Lisbon", _d("2019-10-12"), _d("2019-10-12"), "away-airport"),
    AnchoredMemory("walking across a park before my trip to Lisbon", _d("2019-09-11"), _d("2019-10-08"), "park"),
    AnchoredMemory("a hotel room with a large bed when I was in Paris", _d("2019-11-20"), _d("2019-11-22"), "hotel"),
    AnchoredMemory("a team meeting the week before my trip to Paris", _d("2019-11-13"), _d("2019-11-19"), "meeting"),
    AnchoredMemory("relaxing on the sofa at home the day of the wedding", _d("2019-08-17"), _d("2019-08-17"), "home"),
    AnchoredMemory("dancing with the bride on the day of the wedding", _d("2019-08-17"), _d("2019-08-17"), "wedding"),
    AnchoredMemory("walking across the park the day after the wedding", _d("2019-08-18"), _d("2019-08-18"), "park"),
    AnchoredMemory("lifting weights at the gym the week after the wedding", _d("2019-08-18"), _d("2019-08-24"), "gym"),
    AnchoredMemory("sitting in the dentist's waiting room after the wedding", _d("2019-08-18"), _d("2019-09-14"), "dentist"),
    AnchoredMemory("watching a film at the cinema before the wedding", _d("2019-07-20"), _d("2019-08-16"), "cinema"),
    AnchoredMemory("getting a haircut just before my brother's wedding", _d("2019-07-20"), _d("2019-08-16"), "haircut"),
    AnchoredMemory("listening to a talk on the first day of the conference", _d("2019-09-24"), _d("2019-09-24"), "conference"),
    AnchoredMemory("a talk on the last day of the conference", _d("2019-09-26"), _d("2019-09-26"), "conference"),
    AnchoredMemory("relaxing on the sofa during the conference", _d("2019-09-24"), _d("2019-09-26"), "home"),
    AnchoredMemory("working at my desk the day before the conference", _d("2019-09-23"), _d("2019-09-23"), "office"),
    AnchoredMemory("a team meeting in the week after the conference", _d("2019-09-27"), _d("2019-10-03"), "meeting"),
    AnchoredMemory("swimming laps before the conference", _d("2019-08-27"), _d("2019-09-23"), "swim"),
    AnchoredMemory("watching a film at the cinema before the conference", _d("2019-08-27"), _d("2019-09-23"), "cinema"),
    AnchoredMemory("ramen in a tiny bar before my trip to Berlin", None, None),
    AnchoredMemory("a yellow taxi when I was in New York", None, None),
    AnchoredMemory("stretching the week after the marathon", None, None),
    AnchoredMemory("a photo with my gown on the day of the graduation", None, None),
    AnchoredMemory("the harbour the day I flew to Sydney", None, None),
]


def sequence_targets(stays: list[Stay], memory: SequenceMemory) -> set[str]:
    """Image ids of the right moments: the memory's first stay where its next one follows within the window."""
    right: set[str] = set()
    for stay, after in zip(stays, stays[1:]):
        if stay.kind == memory.first and after.kind == memory.then and after.start.date() == stay.end.date():
            if after.start - stay.end <= timedelta(hours=memory.within_hours):
                right.update(stay.image_ids)
    return right


def anchored_targets(stays: list[Stay], memory: AnchoredMemory) -> set[str]:
    """Image ids of the right moments: stays of the memory's kind within the days its anchor means."""
    return {image_id for stay in stays if stay.kind == memory.kind and memory.first <= stay.start.date() <= memory.last
            for image_id in stay.image_ids}
