"""Haruko, retired in Kyoto, 2023: morning walks along the Kamo river, temples and gardens, calligraphy on
Wednesdays, the tea ceremony once a month, Nishiki Market, an onsen now and then, and many trips: Sapporo's
snow festival, Tokyo and Hiroshima by Shinkansen, Osaka for the day, Seoul, Taipei, Paris and Hanoi.
This life is the held-out one: its questions are for reporting, not for tuning."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

from .truth import Asked, day_of
from .world import Day, Life, Place, Scene, check_order

ZONE = "Asia/Tokyo"
HOME = Place("Home", "Kyoto", "Japan", "JP", 35.0262, 135.7700, ZONE)
RIVER = HOME.near("", -800, 150, indoor=False)  # the Kamo riverbank: only the city in the metadata
CALLIGRAPHY = HOME.near("", 400, -1200)
TEA_HOUSE = HOME.near("Urasenke Tea House", 350, -900)
NISHIKI = HOME.near("Nishiki Market", -2900, -600, indoor=False)
KYOTO_STATION = HOME.near("Kyoto Station", -5100, -400)
KANSAI = Place("Kansai International Airport", "Izumisano", "Japan", "JP", 34.4320, 135.2304, ZONE)
TEMPLES = (HOME.near("Ginkaku-ji", 500, 2300, indoor=False), HOME.near("Nanzen-ji", -1900, 1800, indoor=False),
           HOME.near("Fushimi Inari Taisha", -9500, 900, indoor=False), HOME.near("Kinkaku-ji", 1000, -5400, indoor=False),
           HOME.near("Kiyomizu-dera", -3700, 1300, indoor=False))
ONSEN = Place("Kurama Onsen", "Kyoto", "Japan", "JP", 35.1228, 135.7731, ZONE)
CAFE = HOME.near("Shinshindo", 150, 300)
LIBRARY = HOME.near("", -300, -600)

CITIES = {
    "Sapporo": Place("", "Sapporo", "Japan", "JP", 43.0618, 141.3545, ZONE, indoor=False),
    "Tokyo": Place("", "Tokyo", "Japan", "JP", 35.6812, 139.7671, ZONE, indoor=False),
    "Hiroshima": Place("", "Hiroshima", "Japan", "JP", 34.3853, 132.4553, ZONE, indoor=False),
    "Osaka": Place("", "Osaka", "Japan", "JP", 34.6937, 135.5023, ZONE, indoor=False),
    "Seoul": Place("", "Seoul", "South Korea", "KR", 37.5665, 126.9780, "Asia/Seoul", indoor=False),
    "Taipei": Place("", "Taipei", "Taiwan", "TW", 25.0330, 121.5654, "Asia/Taipei", indoor=False),
    "Paris": Place("", "Paris", "France", "FR", 48.8566, 2.3522, "Europe/Paris", indoor=False),
    "Hanoi": Place("", "Hanoi", "Vietnam", "VN", 21.0278, 105.8342, "Asia/Bangkok", indoor=False),
}
SIGHTS = {"Sapporo": ("Odori Park", "SAPPORO SNOW FESTIVAL"), "Tokyo": ("Tokyo National Museum", "HOKUSAI AND HIS PUPILS"),
          "Hiroshima": ("Hiroshima Peace Memorial Museum", "PEACE MEMORIAL MUSEUM"), "Osaka": ("Osaka Castle", "OSAKA CASTLE PARK"),
          "Seoul": ("Gyeongbokgung Palace", "GYEONGBOKGUNG"), "Taipei": ("National Palace Museum", "JADEITE CABBAGE"),
          "Paris": ("Musée de l'Orangerie", "LES NYMPHÉAS"), "Hanoi": ("Hoan Kiem Lake", "NGOC SON TEMPLE")}
TRIPS = (  # city, first day, last day, how
    ("Sapporo", date(2023, 2, 6), date(2023, 2, 9), "plane"),
    ("Tokyo", date(2023, 3, 27), date(2023, 3, 30), "train"),
    ("Osaka", date(2023, 4, 18), date(2023, 4, 18), "train"),
    ("Seoul", date(2023, 5, 15), date(2023, 5, 20), "plane"),
    ("Hiroshima", date(2023, 6, 12), date(2023, 6, 14), "train"),
    ("Paris", date(2023, 9, 4), date(2023, 9, 15), "plane"),
    ("Osaka", date(2023, 10, 24), date(2023, 10, 24), "train"),
    ("Taipei", date(2023, 11, 6), date(2023, 11, 10), "plane"),
    ("Hanoi", date(2023, 12, 4), date(2023, 12, 9), "plane"),
)
TEA_DAYS = tuple(date(2023, month, 1) + timedelta(days=(5 - date(2023, month, 1).weekday()) % 7 + 7) for month in range(1, 13))  # second Saturdays
TEA_GUESTS = {day: 3 + day.month % 4 for day in TEA_DAYS}
ONSEN_DAYS = (date(2023, 1, 22), date(2023, 3, 5), date(2023, 11, 26), date(2023, 12, 17))
UMBRELLA = ("Seoul", "blue")  # bought in Seoul in the rain
MARKET_BUYS = ("pickles", "dashimaki tamago", "tofu", "matcha", "yuba", "sesame", "green tea")

LOOK = {
    "walk": Scene(("a river with trees on both sides", "a person walking on a path by a river", "a bridge over a river",
                   "a bird standing in the water", "a street with a traffic light"), (("bird", 2), ("person", 2), ("bicycle", 1)),
                  ("river", "path", "outdoor", "nature")),
    "home": Scene(("a room with a table and a window", "a bowl of rice and miso soup on a table", "a woman reading a book",
                   "a tatami room with a low table", "a cat sleeping on a cushion"), (("book", 1), ("cat", 1), ("bowl", 2)),
                  ("room", "indoor", "home")),
    "temple": Scene(("a temple with a red roof", "a garden with a pond and trees", "a stone path leading to a temple",
                     "a group of people standing in front of a building", "a pagoda surrounded by trees"),
                    (("person", 5),), ("temple", "shrine", "garden", "outdoor", "japanese architecture")),
    "calligraphy": Scene(("a person writing on a piece of paper", "a table with brushes and ink", "a piece of paper with chinese writing",
                          "a group of women sitting at a table"), (("person", 4), ("dining table", 1)), ("calligraphy", "class", "indoor", "art")),
    "tea": Scene(("a bowl of green tea on a mat", "a woman in a kimono kneeling", "a traditional japanese room",
                  "a person holding a tea bowl"), (("bowl", 1), ("cup", 1)), ("tea ceremony", "japanese", "indoor", "tradition")),
    "market": Scene(("a market with food stalls", "a crowded street with shops", "a display of food in a market",
                     "a person holding a bag of food"), (("person", 8), ("bottle", 3)), ("market", "food", "shopping", "street")),
    "onsen": Scene(("a wooden building in the mountains", "a steaming pool of water surrounded by rocks", "a sign in japanese"),
                   (("person", 1),), ("hot spring", "onsen", "mountain", "outdoor"), ("KURAMA ONSEN", "男湯 女湯")),
    "cafe": Scene(("a cup of coffee and a cake on a table", "a cafe with wooden tables", "a person reading a newspaper in a cafe"),
                  (("cup", 1), ("cake", 1), ("dining table", 1)), ("cafe", "coffee", "indoor")),
    "library": Scene(("a shelf full of books", "a woman reading a book at a table", "a quiet room with desks"),
                     (("book", 10), ("person", 2)), ("library", "books", "indoor")),
    "train": Scene(("a train at a station", "the inside of a train with seats", "a view of fields from a train window",
                    "a bento box on a tray"), (("train", 1), ("person", 3)), ("train", "shinkansen", "travel"), ("NOZOMI", "のぞみ")),
    "plane": Scene(("a view of the wing of an airplane", "clouds from an airplane window", "a meal on an airplane tray"),
                   (("person", 2),), ("airplane", "travel", "sky")),
    "airport": Scene(("a large airport terminal with people", "a woman with a suitcase", "a departures board"),
                     (("person", 8), ("suitcase", 2)), ("airport", "travel", "indoor"), ("DEPARTURES", "GATE 27")),
    "bus": Scene(("the inside of a bus", "a view of a street from a bus window"), (("person", 3), ("car", 2)), ("bus", "city")),
    "hotel": Scene(("a hotel room with a bed and a window", "a bed with white sheets", "a view of a city from a window"),
                   (("bed", 1), ("tv", 1)), ("hotel", "bedroom", "indoor")),
    "sights": Scene(("a large building with a lot of people", "a city street with tall buildings", "a statue in a park",
                     "a crowd of people walking down a street", "a painting on a wall in a museum"), (("person", 9), ("car", 2)),
                    ("city", "tourism", "outdoor", "architecture")),
    "dinner": Scene(("a bowl of noodles on a table", "a plate of food on a table", "a table with many small dishes"),
                    (("bowl", 3), ("dining table", 1), ("cup", 1)), ("restaurant", "food", "dinner", "indoor")),
}
FOODS = {"Sapporo": "ramen", "Tokyo": "sushi", "Hiroshima": "okonomiyaki", "Osaka": "takoyaki", "Seoul": "bibimbap",
         "Taipei": "dumplings", "Paris": "steak frites", "Hanoi": "pho"}
FIRST, LAST = date(2023, 1, 3), date(2023, 12, 28)


def _trip(day: Day, city: str, first: date, last: date, mode: str) -> None:
    d, town = day.date, CITIES[city]
    sight_name, sight_text = SIGHTS[city]
    sight = town.near(sight_name, 500, 400, indoor=False)
    hotel = town.near(f"Hotel {city}" if city != "Paris" else "Hôtel des Grands Boulevards", -300, 200)
    if d == first:
        day.at("07:00").go("home", HOME, 40, LOOK["home"])
        if mode == "plane":
            day.travel("train", KANSAI, LOOK["train"])
            day.go("airport", KANSAI, 100, LOOK["airport"])
            day.travel("plane", town, LOOK["plane"], via=1)
        else:
            day.travel("bus", KYOTO_STATION, LOOK["bus"], via=2)
            day.travel("train", town, LOOK["train"], via=3)
    else:
        day.at("08:30").go("hotel", hotel, 45, LOOK["hotel"])
    if d != last or first == last:
        look = LOOK["sights"].with_(texts=(sight_text,))
        if city == UMBRELLA[0] and d == first + timedelta(days=2):
            look = look.with_(captions=("a woman holding a blue umbrella in the rain", "a blue umbrella on a rainy street"))
            day.go("sights", sight, 240, look, trip=city, bought="umbrella", colour=UMBRELLA[1])
        else:
            day.go("sights", sight, 240, look, trip=city)
        day.go("dinner", town.near("", 100, -200), 70, LOOK["dinner"].with_(captions=(f"a plate of {FOODS[city]}",)), trip=city, food=FOODS[city])
        if first == last:
            day.travel("train", HOME, LOOK["train"], via=3)
            day.go("home", HOME, 90, LOOK["home"])
        else:
            day.go("hotel", hotel, 120, LOOK["hotel"])
        return
    if mode == "plane":
        day.travel("plane", KANSAI, LOOK["plane"], via=1)
        day.travel("train", HOME, LOOK["train"])
    else:
        day.travel("train", KYOTO_STATION, LOOK["train"], via=3)
        day.travel("bus", HOME, LOOK["bus"], via=2)
    day.go("home", HOME, 120, LOOK["home"])


def _home_day(day: Day, rng, number: int) -> None:
    d = day.date
    day.at("06:30")
    if rng.random() < 0.8 and d not in ONSEN_DAYS:
        turn = RIVER.near("", float(rng.uniform(-1500, -800)), float(rng.uniform(-200, 200)), indoor=False)
        day.travel("walk", turn, LOOK["walk"], via=4)
        day.travel("walk", HOME, LOOK["walk"], via=4)
    day.go("home", HOME, 60, LOOK["home"])
    if d in ONSEN_DAYS:
        day.at("10:00").travel("train", ONSEN, LOOK["train"], via=2)
        day.go("onsen", ONSEN, 180, LOOK["onsen"])
        day.travel("train", HOME, LOOK["train"], via=2)
    elif d.weekday() == 2:
        day.at("10:00").travel("walk", CALLIGRAPHY, LOOK["walk"], via=2)
        day.go("calligraphy", CALLIGRAPHY, 120, LOOK["calligraphy"])
        day.travel("walk", HOME, LOOK["walk"], via=2)
    elif d in TEA_DAYS:
        guests = TEA_GUESTS[d]
        day.at("13:00").travel("walk", TEA_HOUSE, LOOK["walk"], via=2)
        day.go("tea ceremony", TEA_HOUSE, 120, LOOK["tea"].with_(objects=(("person", guests),)), guests=guests)
        day.travel("walk", HOME, LOOK["walk"], via=2)
    elif d.weekday() == 4:
        buy = MARKET_BUYS[number % len(MARKET_BUYS)]
        day.at("10:30").travel("bus", NISHIKI, LOOK["bus"], via=2)
        day.go("market", NISHIKI, 70, LOOK["market"].with_(captions=(f"a display of {buy} in a market",), texts=("錦市場", "NISHIKI")), bought=buy)
        day.travel("bus", HOME, LOOK["bus"], via=2)
    elif rng.random() < 0.5:
        temple = TEMPLES[int(rng.integers(len(TEMPLES)))]
        day.at("10:00").travel("bus", temple, LOOK["bus"], via=2)
        day.go("temple", temple, 100, LOOK["temple"].with_(texts=(temple.name.upper(),)))
        day.travel("bus", HOME, LOOK["bus"], via=2)
    if rng.random() < 0.3:
        day.at("15:00").travel("walk", CAFE, LOOK["walk"], via=1)
        day.go("cafe", CAFE, 50, LOOK["cafe"])
        day.travel("walk", HOME, LOOK["walk"], via=1)
    elif rng.random() < 0.15:
        day.at("15:00").travel("walk", LIBRARY, LOOK["walk"], via=1)
        day.go("library", LIBRARY, 90, LOOK["library"])
        day.travel("walk", HOME, LOOK["walk"], via=1)
    day.at("17:30").go("home", HOME, 240, LOOK["home"])


def life(every_min: float = 10.0) -> Life:
    from .camera import shoot

    rng = np.random.default_rng(2023)
    trip_of = {first + timedelta(days=n): (city, first, last, how) for city, first, last, how in TRIPS for n in range((last - first).days + 1)}
    stays, day, here, number = [], FIRST, HOME, 0
    while day <= LAST:
        plan = Day(day, rng, here, stays[-1].end if stays and stays[-1].place.timezone == here.timezone else None)
        if day in trip_of:
            _trip(plan, *trip_of[day])
        else:
            _home_day(plan, rng, number)
            number += 1
        stays += plan.stays
        here = plan.here
        day += timedelta(days=1)
    off = frozenset({date(2023, 8, 7) + timedelta(days=n) for n in range(14)}  # August: the camera broke, two weeks without it
                    | {d for d in sorted({s.day for s in stays}) if rng.random() < 0.03}) - {d for _, first, last, _ in TRIPS for d in (first, last)}
    person = Life("traveller", "Haruko, retired in Kyoto, who travels", check_order(stays), ZONE, off)
    shoot(person, every_min, seed=3)
    return person


def questions(person: Life) -> list:
    ask = Asked(person)
    now = datetime(2023, 12, 31, 10, 0)

    def trip_stays(city):
        return ask.stays(where=lambda s: s.place.city == city and not s.route)

    ask("Which countries did I visit in 2023?", "location", ["Japan", "South Korea", "Taiwan", "France", "Vietnam"], ask.stays())
    ask("list the countries I travelled to abroad this year", "location", ["South Korea", "Taiwan", "France", "Vietnam"],
        ask.stays(where=lambda s: s.place.country_code in ("KR", "TW", "FR", "VN")), now=now)
    ask("Which cities in Japan did I travel to?", "location", ["Sapporo", "Tokyo", "Osaka", "Hiroshima"],
        ask.stays(where=lambda s: s.place.city in ("Sapporo", "Tokyo", "Osaka", "Hiroshima")))
    ask("When did I go to Paris?", "time", "2023-09-04", trip_stays("Paris")[:3])
    ask("How long was I in Paris?", "duration", int((trip_stays("Paris")[-1].end - trip_stays("Paris")[0].start).total_seconds()), trip_stays("Paris"))
    ask("How many days did I spend in Seoul", "frequency", len(ask.days(trip_stays("Seoul"))), trip_stays("Seoul"))
    ask("how long was my trip to Seoul", "duration", int((trip_stays("Seoul")[-1].end - trip_stays("Seoul")[0].start).total_seconds()),
        trip_stays("Seoul"))
    ask("how many times did I go to Osaka?", "frequency", 2, trip_stays("Osaka"))
    ask("When did I last go to Osaka", "time", "2023-10-24", ask.stays(on=date(2023, 10, 24), where=lambda s: s.place.city == "Osaka"))
    ask("Which city was I in on 8 November 2023?", "location", "Taipei", ask.stays(on=date(2023, 11, 8)))
    ask("whereabouts was I in the middle of September", "location", "Paris", ask.stays(between=(date(2023, 9, 10), date(2023, 9, 20)),
                                                                                     where=lambda s: s.place.city == "Paris"), now=now)
    ask("Which country did I go to in December?", "location", "Vietnam", trip_stays("Hanoi"), now=now)
    ask("How many times did I fly this year?", "frequency", len(ask.stays("plane")), ask.stays("plane"), now=now)
    ask("How many trips abroad did I make in 2023?", "frequency", 4, ask.stays(where=lambda s: s.place.country_code in ("KR", "TW", "FR", "VN")))
    ask("When did I take the Shinkansen to Tokyo?", "time", "2023-03-27", ask.stays("train", on=date(2023, 3, 27)))
    tokyo_train = ask.stays("train", on=date(2023, 3, 27), where=lambda s: s.route[-1] == (CITIES["Tokyo"].lat, CITIES["Tokyo"].lng))
    ask("how far did I travel by train to Tokyo", "distance", round(sum(s.metres for s in tokyo_train), 1), tokyo_train)
    ask("What was the name of the train I took to Hiroshima?", "ocr", "NOZOMI",
        frozenset(i for s in ask.stays("train", on=date(2023, 6, 12)) for i in s.showing.get("NOZOMI", [])))
    ask("which museum did I visit in Hiroshima", "location", "Hiroshima Peace Memorial Museum", trip_stays("Hiroshima"))
    ask("What exhibition did I see at the Tokyo National Museum?", "ocr", "HOKUSAI AND HIS PUPILS", ask.stays("sights", between=TRIPS[1][1:3]))
    ask("what famous painting did I see at the Orangerie", "ocr", "LES NYMPHÉAS", ask.stays("sights", between=TRIPS[5][1:3]))
    ask("What did I eat in Hanoi?", "object", "pho", ask.stays("dinner", between=TRIPS[8][1:3]))
    ask("What did I have for dinner in Sapporo", "object", "ramen", ask.stays("dinner", between=TRIPS[0][1:3]))
    ask("Where did I eat okonomiyaki?", "location", "Hiroshima", ask.stays("dinner", between=TRIPS[4][1:3]))
    umbrella = ask.stays("sights", where=lambda s: s.facts.get("colour") == "blue")
    ask("What colour was the umbrella I bought in Seoul?", "color", "blue", umbrella)
    ask("what did I buy in the rain in Seoul", "object", "umbrella", umbrella)
    ask("When did I buy an umbrella?", "time", day_of(umbrella[0]), umbrella)
    ask("What palace did I visit in Seoul?", "location", "Gyeongbokgung Palace", ask.stays("sights", between=TRIPS[3][1:3]))
    ask("how many museums did I visit in Paris", "frequency", None)  # one name on every day: the photos can't tell museums apart
    ask("When did I see the snow festival?", "time", "2023-02-06", ask.stays("sights", on=date(2023, 2, 6)))

    walks = [s for s in ask.stays("walk") if s.start.hour < 8]
    mornings = ask.days(walks)
    ask("How many mornings did I walk along the Kamo river in May?", "frequency", len([d for d in mornings if d.month == 5]),
        [s for s in walks if s.day.month == 5])
    some = [d for d in mornings if d.month == 4][3]
    today = [s for s in ask.stays("walk", on=some)]
    ask(f"How far did I walk on {some:%d %B}?", "distance", round(sum(s.metres for s in today), 1), today, now=now)
    some = [d for d in mornings if d.month == 10][5]
    today = [s for s in walks if s.day == some]
    ask(f"how long was my morning walk on {some:%A, %B %d}", "duration", sum(s.seconds for s in today), today, now=now)
    ask("On average, how many mornings a week did I go for a walk?", "frequency",
        round(len(mornings) / ((LAST - FIRST).days / 7 - 2), 2), walks)  # two weeks with no camera
    ask("How many herons did I see by the river", "counting", None)  # no detector label or caption says heron

    cal = ask.stays("calligraphy")
    ask("How many calligraphy classes did I go to in the first half of 2023?", "frequency", len([s for s in cal if s.day.month <= 6]),
        [s for s in cal if s.day.month <= 6])
    ask("What day is my calligraphy class?", "time", "Wednesday", cal)
    ask("When was my last calligraphy lesson?", "time", day_of(cal[-1]), cal[-1:], now=now)
    ask("How many hours did I spend at calligraphy in October?", "duration", sum(s.seconds for s in ask.stays("calligraphy", month=10)),
        ask.stays("calligraphy", month=10), now=now)
    ask("Where is the calligraphy class?", "location", "Kyoto", cal)  # a room with no venue name: the city is all there is

    tea = ask.stays("tea ceremony")
    ask("How many tea ceremonies did I attend?", "frequency", len(tea), tea)
    one = tea[4]
    ask(f"How many guests were at the tea ceremony on {one.day:%d %B}?", "counting", one.facts["guests"], [one], now=now)
    ask("Which tea house do I go to?", "location", "Urasenke Tea House", tea)
    ask(f"how many other guests were at the tea ceremony in {tea[-2].day:%B}", "counting", tea[-2].facts["guests"], tea[-2:-1], now=now)
    ask("when was the tea ceremony in July", "time", day_of(ask.stays("tea ceremony", month=7)[0]) if ask.stays("tea ceremony", month=7) else None,
        ask.stays("tea ceremony", month=7), now=now)

    market = ask.stays("market")
    ask("How many times did I go to Nishiki Market?", "frequency", len(market), market)
    ask("how often did I go to the market in March", "frequency", len(ask.stays("market", month=3)), ask.stays("market", month=3), now=now)
    m = market[12]
    ask(f"What did I buy at Nishiki on {m.day:%d %B}?", "object", m.facts["bought"], [m], now=now)
    tofu = [s for s in market if s.facts["bought"] == "tofu"]
    ask("When did I last buy tofu at the market?", "time", day_of(tofu[-1]), tofu[-1:], now=now)
    ask("How much time did I spend at the market in November?", "duration", sum(s.seconds for s in ask.stays("market", month=11)),
        ask.stays("market", month=11), now=now)

    temples = ask.stays("temple")
    by = {t.name: [s for s in temples if s.place.name == t.name] for t in TEMPLES}
    ranked = sorted(by, key=lambda n: -len(by[n]))
    if len(by[ranked[0]]) > len(by[ranked[1]]):
        ask("Which temple did I visit most often?", "location", ranked[0], by[ranked[0]])
    if len(by[ranked[-1]]) < len(by[ranked[-2]]):
        ask("which temple did I go to least", "location", ranked[-1], by[ranked[-1]])
    ask("How many times did I go to Fushimi Inari this year?", "frequency", len(by["Fushimi Inari Taisha"]), by["Fushimi Inari Taisha"], now=now)
    ask("When did I last visit Kinkaku-ji?", "time", day_of(by["Kinkaku-ji"][-1]), by["Kinkaku-ji"][-1:], now=now)
    ask("When was I first at Ginkakuji in 2023", "time", day_of(by["Ginkaku-ji"][0]), by["Ginkaku-ji"][:1])
    ask("How many temple visits did I make in April", "frequency", len(ask.stays("temple", month=4)), ask.stays("temple", month=4), now=now)
    ask("what colour are the gates at Fushimi Inari?", "color", None)  # no photo's caption names a colour there

    onsen = ask.stays("onsen")
    ask("How many times did I go to an onsen?", "frequency", len(onsen), onsen)
    ask("Which hot spring did I go to", "location", "Kurama Onsen", onsen)
    ask("When did I last go to Kurama Onsen?", "time", day_of(onsen[-1]), onsen[-1:], now=now)
    ask("how long did I spend at the onsen in March", "duration", sum(s.seconds for s in ask.stays("onsen", month=3)), ask.stays("onsen", month=3), now=now)

    cafe = ask.stays("cafe")
    ask("how many times did I go to Shinshindo in June", "frequency", len(ask.stays("cafe", month=6)), ask.stays("cafe", month=6), now=now)
    ask("What's the name of the café I go to?", "location", "Shinshindo", cafe)
    ask("Tell me which month I went to the café most", "time", _top_month(ask, "cafe"), ask.stays("cafe", month=int(_top_month(ask, "cafe")[5:]))
        if _top_month(ask, "cafe") else [])
    ask("What did I read at the library?", "ocr", None)

    ask("Where was I on 10 August?", "location", None, now=now)  # the camera was broken
    ask("How many times did I go to the onsen in 2021?", "frequency", None)
    ask("When did I go to Kyoto Station with my daughter?", "time", None)
    ask("How many times did I go to the hospital?", "frequency", 0)
    ask("When did I go to London?", "time", None)
    ask("what colour was my daughter's kimono", "color", None)
    ask("I'd like to know how many times I went to the cinema", "frequency", 0)
    ask("Which month did I travel the most", "time", "2023-09", trip_stays("Paris"))
    ask("When did I fly to Taipei", "time", "2023-11-06", ask.stays("plane", on=date(2023, 11, 6)))
    ask("How far did I fly to Paris?", "distance", round(sum(s.metres for s in ask.stays("plane", on=date(2023, 9, 4))), 1),
        ask.stays("plane", on=date(2023, 9, 4)))
    ask("how many nights did I stay in hotels in 2023", "frequency",
        sum((last - first).days for _, first, last, _ in TRIPS), ask.stays("hotel"))
    return ask.items


def _top_month(ask: Asked, activity: str) -> str | None:
    counts = sorted(((len(ask.stays(activity, month=m)), m) for m in range(1, 13)), reverse=True)
    return f"2023-{counts[0][1]:02d}" if counts[0][0] > counts[1][0] else None


REMEMBERED = (
    "walking along the Kamo river at sunrise",
    "the tea ceremony in a kimono",
    "a blue umbrella in the rain in Seoul",
    "water lilies at the Orangerie",
    "eating pho by the lake in Hanoi",
    "the snow sculptures in Sapporo",
    "okonomiyaki in Hiroshima",
    "the golden pavilion at Kinkaku-ji",
    "thousands of red gates at Fushimi Inari",
    "calligraphy brushes and ink",
    "the steaming onsen at Kurama",
    "pickles at Nishiki Market",
    "a bento on the Shinkansen",
    "cake and coffee at Shinshindo",
    "the cat sleeping on a cushion",
    "a heron in the river",
    "the palace in Seoul with my sister",
    "dumplings in Taipei",
    "the Hokusai exhibition in Tokyo",
    "Osaka Castle in the spring",
    "the airport at Kansai",
    "reading in the library on a rainy afternoon",
)
