"""A diary life: Tom in Bristol, 2003-2022, a photo or two a day, each captioned with a diary sentence.

Unlike the camera lives there is no stream of photos: one written line a day (some days two, many days
none), in Tom's own words that change over the years ("Swam 40 lengths at the Lido before work", "Lido,
30 lengths, freezing"). At home the photos have no GPS and usually no city; on trips they have both.
Episodes: swimming, cooking, grocery shopping said in many ways, concerts, trips, the children (Ella,
born 2008, and Jack, 2011), the dog from 2013. Each entry is a `Stay` of its own so truths are computed
the same way as for the other lives.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd

from .truth import Asked, day_of
from .world import Life, Place, Scene, Stay

ZONE = "Europe/London"
HOME = Place("", "Bristol", "United Kingdom", "GB", float("nan"), float("nan"), ZONE)
LIDO = Place("", "Bristol", "United Kingdom", "GB", float("nan"), float("nan"), ZONE)
FIRST, LAST = date(2003, 1, 1), date(2022, 12, 31)

TRIPS = (  # first day, last day, city, country, code, lat, lng, zone
    (date(2003, 7, 12), date(2003, 7, 19), "Barcelona", "Spain", "ES", 41.3874, 2.1686, "Europe/Madrid"),
    (date(2004, 12, 28), date(2005, 1, 2), "Edinburgh", "United Kingdom", "GB", 55.9533, -3.1883, ZONE),
    (date(2006, 2, 10), date(2006, 2, 14), "Oslo", "Norway", "NO", 59.9139, 10.7522, "Europe/Oslo"),
    (date(2007, 8, 3), date(2007, 8, 17), "Lisbon", "Portugal", "PT", 38.7223, -9.1393, "Europe/Lisbon"),
    (date(2009, 5, 22), date(2009, 5, 25), "Cornwall", "United Kingdom", "GB", 50.2660, -5.0527, ZONE),
    (date(2010, 9, 10), date(2010, 9, 19), "Rome", "Italy", "IT", 41.9028, 12.4964, "Europe/Rome"),
    (date(2012, 4, 5), date(2012, 4, 9), "Paris", "France", "FR", 48.8566, 2.3522, "Europe/Paris"),
    (date(2013, 7, 20), date(2013, 8, 3), "Lisbon", "Portugal", "PT", 38.7223, -9.1393, "Europe/Lisbon"),
    (date(2014, 6, 14), date(2014, 6, 18), "Oslo", "Norway", "NO", 59.9139, 10.7522, "Europe/Oslo"),
    (date(2015, 10, 23), date(2015, 10, 27), "New York", "United States", "US", 40.7128, -74.0060, "America/New_York"),
    (date(2016, 8, 6), date(2016, 8, 20), "Brittany", "France", "FR", 48.2020, -2.9326, "Europe/Paris"),
    (date(2017, 3, 30), date(2017, 4, 3), "Amsterdam", "Netherlands", "NL", 52.3676, 4.9041, "Europe/Amsterdam"),
    (date(2018, 7, 28), date(2018, 8, 11), "Crete", "Greece", "GR", 35.2401, 24.8093, "Europe/Athens"),
    (date(2019, 2, 15), date(2019, 2, 18), "Berlin", "Germany", "DE", 52.5200, 13.4050, "Europe/Berlin"),
    (date(2019, 5, 24), date(2019, 5, 27), "Edinburgh", "United Kingdom", "GB", 55.9533, -3.1883, ZONE),
    (date(2019, 8, 10), date(2019, 8, 24), "Lisbon", "Portugal", "PT", 38.7223, -9.1393, "Europe/Lisbon"),
    (date(2021, 8, 14), date(2021, 8, 21), "Isle of Skye", "United Kingdom", "GB", 57.2736, -6.2155, ZONE),
    (date(2022, 4, 8), date(2022, 4, 12), "Copenhagen", "Denmark", "DK", 55.6761, 12.5683, "Europe/Copenhagen"),
)
CONCERTS = (  # day, artist, venue, city (a Bristol venue has no GPS in the diary: at home)
    (date(2003, 11, 2), "Radiohead", "Colston Hall", "Bristol"),
    (date(2005, 6, 25), "Coldplay", "Glastonbury", "Pilton"),
    (date(2006, 10, 14), "Massive Attack", "Colston Hall", "Bristol"),
    (date(2008, 3, 8), "Portishead", "Colston Hall", "Bristol"),
    (date(2008, 9, 20), "Elbow", "O2 Academy", "Bristol"),
    (date(2011, 11, 26), "Adele", "Royal Albert Hall", "London"),
    (date(2012, 5, 19), "Radiohead", "The O2", "London"),
    (date(2016, 9, 3), "Massive Attack", "The Downs", "Bristol"),
    (date(2017, 6, 10), "Elbow", "O2 Academy", "Bristol"),
    (date(2019, 11, 30), "Billie Eilish", "Motorpoint Arena", "Cardiff"),
    (date(2022, 6, 18), "Arctic Monkeys", "Ashton Gate", "Bristol"),
)
CONCERT_PLACES = {"Pilton": (51.1565, -2.5860), "London": (51.5072, -0.1276), "Cardiff": (51.4816, -3.1791)}
DISHES = ("lasagne", "Thai green curry", "mushroom risotto", "shepherd's pie", "chilli", "pizza", "roast chicken", "paella")
GROCERIES = ("apples", "milk", "bread", "eggs", "cheese", "bananas", "coffee", "tomatoes", "pasta", "yoghurt")
COLOURED = ((date(2014, 5, 3), "Painted the kitchen {colour} all weekend, arms aching", "paint", "yellow"),
            (date(2016, 7, 23), "Bought a {colour} bike for Ella's birthday", "bike", "red"),
            (date(2020, 3, 14), "New {colour} kayak arrived, can't wait for summer", "kayak", "green"),
            (date(2011, 10, 8), "Got a {colour} raincoat in the sale", "raincoat", "navy"))
NO_DIARY = ((date(2008, 4, 1), date(2008, 5, 31)), (date(2011, 2, 1), date(2011, 2, 28)), (date(2020, 11, 1), date(2020, 11, 30)))


def _swim_line(rng, lengths: int, year: int) -> str:
    lines = (f"Swam {lengths} lengths at the Lido before work", f"Lido, {lengths} lengths, freezing", f"Morning swim: {lengths} lengths",
             f"{lengths} lengths this morning, felt slow", f"Quick swim at the Lido, {lengths} lengths")
    return lines[int(rng.integers(len(lines)))] if year < 2015 else f"Lido swim, {lengths} lengths, then coffee by the pool"


def _cook_line(rng, dish: str, kids: bool) -> str:
    lines = (f"Made {dish} for dinner", f"Cooked {dish}, not bad at all", f"Tried a new {dish} recipe tonight",
             f"Dinner at home with the kids, we made {dish}" if kids else f"Cooked {dish} for friends")
    return lines[int(rng.integers(len(lines)))]


def _shop_line(rng, items: tuple[str, ...]) -> str:
    listed = " and ".join(items) if len(items) == 2 else f"{', '.join(items[:-1])} and {items[-1]}"
    lines = (f"I bought {listed}", f"Quick shop at Tesco: {', '.join(items)}", f"Picked up {listed} at the market",
             f"Ran out of {items[0]}, went to the shop", f"Shopping: {listed}")
    return lines[int(rng.integers(len(lines)))]


def _filler(rng, day: date) -> tuple[str, str]:
    lines = ["Long day at the office", "Rainy day, stayed in and read", "Walked along the harbourside after work",
             "Tired, early night", "Lunch in the park with colleagues", "Worked from home, quiet day", "Fixed the fence in the garden"]
    if day.year >= 2009:
        lines += ["Ella drew a picture of the house", "School run in the rain", "Kids in bed by eight, finally"]
    if day.year >= 2013:
        lines += ["Walked the dog on the Downs", "Muddy walk with the dog in Leigh Woods"]
    if day.year >= 2020:
        lines += ["Zoom calls all day", "Another lockdown walk around the block"]
    line = lines[int(rng.integers(len(lines)))]
    return ("dog walk" if "dog" in line else "day"), line


def _entry(activity: str, place: Place, moment: datetime, caption: str, *, texts: tuple[str, ...] = (), **facts) -> Stay:
    return Stay(activity, place, moment, moment + timedelta(minutes=5), Scene((caption,), texts=texts), dict(facts))


def _entries(rng) -> list[Stay]:
    trip_of = {trip[0] + timedelta(days=n): trip for trip in TRIPS for n in range((trip[1] - trip[0]).days + 1)}
    concert_of = {concert[0]: concert for concert in CONCERTS}
    coloured = {day: rest for day, *rest in COLOURED}
    entries: list[Stay] = []
    day = FIRST
    while day <= LAST:
        quiet = any(first <= day <= last for first, last in NO_DIARY) or rng.random() < 0.2
        at = lambda clock: datetime.combine(day, time.fromisoformat(clock)) + timedelta(minutes=float(rng.uniform(0, 40)))  # noqa: E731
        home = HOME if rng.random() < 0.75 else Place("", "", "", "", float("nan"), float("nan"), ZONE)  # the city is often missing
        if day in trip_of:
            first, last, city, country, code, lat, lng, zone = trip_of[day]
            place = Place("", city, country, code, lat + float(rng.normal(0, 0.01)), lng + float(rng.normal(0, 0.01)), zone, indoor=False)
            if day == first:
                line = (f"Landed in {city}, freezing" if day.month in (12, 1, 2, 3, 4, 10, 11) else f"Arrived in {city}, lovely and warm")
            elif day == last:
                line = f"Last day in {city}, home tonight"
            else:
                line = ("Walked around the old town all day", "Long lunch by the water", "Museum in the morning, beach after",
                        "Rain all day, cards in the flat", "Best meal of the trip")[int(rng.integers(5))]
            entries.append(_entry("trip", place, at("11:00" if day != first else "17:00"), line, trip=city))
        elif day in concert_of:
            _, artist, venue, city = concert_of[day]
            lat, lng = CONCERT_PLACES.get(city, (float("nan"), float("nan")))
            place = Place(venue if city != "Bristol" else "", city if city != "Bristol" else "", "United Kingdom" if city != "Bristol" else "",
                          "GB" if city != "Bristol" else "", lat, lng, ZONE, indoor=False)
            entries.append(_entry("concert", place, at("21:00"), (f"Saw {artist} at {venue} tonight, amazing", f"{artist}! {venue}, what a night")
                                  [int(rng.integers(2))], texts=(f"{artist.upper()}  {venue.upper()}",), artist=artist, venue=venue))
        elif day in coloured:
            line, thing, colour = coloured[day]
            entries.append(_entry("purchase", home, at("15:00"), line.format(colour=colour), bought=thing, colour=colour))
        elif not quiet:
            swim_years = 2004 <= day.year <= 2016 or day.year >= 2021
            if swim_years and day.weekday() in (1, 3) and rng.random() < 0.7:
                lengths = int(rng.integers(2, 7)) * 10
                entries.append(_entry("swim", LIDO, at("07:00"), _swim_line(rng, lengths, day.year), lengths=lengths))
            elif day.weekday() == 5 and rng.random() < 0.7:
                items = tuple(str(item) for item in rng.choice(GROCERIES, size=int(rng.integers(2, 4)), replace=False))
                entries.append(_entry("shopping", home, at("10:00"), _shop_line(rng, items), bought=items))
            elif day.weekday() in (4, 6) and rng.random() < 0.6:
                dish = DISHES[int(rng.integers(len(DISHES)))]
                entries.append(_entry("cooking", home, at("19:00"), _cook_line(rng, dish, day.year >= 2012), dish=dish))
            else:
                activity, line = _filler(rng, day)
                entries.append(_entry(activity, home, at("18:00"), line))
            if rng.random() < 0.25:  # a second photo some days
                activity, line = _filler(rng, day)
                entries.append(_entry(activity, home, at("21:00"), line))
        day += timedelta(days=1)
    return entries


def life() -> Life:
    """The diary, its photos (one per entry) and the days without one."""
    from assistant.testing.library import photo_table

    from .camera import _offset_s

    rng = np.random.default_rng(2003)
    entries = _entries(rng)
    local = np.array([entry.start for entry in entries], dtype="datetime64[s]")
    offsets = np.array([_offset_s(entry.place.timezone, entry.day, entry.start.hour) for entry in entries])
    photos = photo_table(
        local, taken_at_utc=local - offsets.astype("timedelta64[s]"), timezone=[entry.place.timezone for entry in entries],
        utc_offset_s=offsets.astype(np.int32), lat=[entry.place.lat for entry in entries], lng=[entry.place.lng for entry in entries],
        semantic_name=[entry.place.name for entry in entries], city=[entry.place.city for entry in entries],
        country=[entry.place.country for entry in entries], country_code=[entry.place.country_code for entry in entries],
        caption=[entry.scene.captions[0] for entry in entries],
    )
    photos["_ocr"] = [list(entry.scene.texts) for entry in entries]
    photos["_tags"] = [[] for _ in entries]
    photos["_objects"] = [{} for _ in entries]
    for entry, image_id in zip(entries, photos["image_id"]):
        entry.image_ids = [image_id]
        entry.showing = {text: [image_id] for text in entry.scene.texts}
    written = {entry.day for entry in entries}
    off = frozenset(FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)) - written
    person = Life("diary", "Tom's photo diary, Bristol 2003-2022", entries, ZONE, off)
    person.photos = pd.DataFrame(photos)
    return person


def questions(person: Life) -> list:
    ask = Asked(person)
    now = datetime(2022, 12, 31, 20, 0)
    swims = ask.stays("swim")
    for year in (2006, 2012, 2021):
        found = ask.stays("swim", year=year)
        ask(f"How many times did I swim in {year}?", "frequency", len(found), found)
    ask("how many times did I go to the Lido last year", "frequency", len(ask.stays("swim", year=2021)), ask.stays("swim", year=2021), now=now)
    ask("When did I last go swimming?", "time", day_of(swims[-1]), swims[-1:], now=now)
    ask("When did I first swim at the Lido?", "time", day_of(swims[0]), swims[:1])
    one = swims[200]
    ask(f"How many lengths did I swim on {one.day:%d %B %Y}?", "counting", one.facts["lengths"], [one])
    ask(f"how many lengths did I swim on {swims[500].day:%-d %b %Y}", "counting", swims[500].facts["lengths"], swims[500:501])
    ask(f"I swam how many lengths on {swims[-3].day:%-d %B}?", "counting", swims[-3].facts["lengths"], swims[-3:-2], now=now)
    sixty = [s for s in swims if s.facts["lengths"] == 60 and s.day.year == 2010]
    ask("How many times did I swim 60 lengths in 2010?", "frequency", len(sixty), sixty)
    ask("when did I last swim 60 lengths", "time", day_of([s for s in swims if s.facts["lengths"] == 60][-1]),
        [s for s in swims if s.facts["lengths"] == 60][-1:], now=now)
    ask("On average, how many times a month did I swim in 2012?", "frequency", round(len(ask.stays("swim", year=2012)) / 12, 2),
        ask.stays("swim", year=2012))
    years = {y: len(ask.stays("swim", year=y)) for y in range(2003, 2023)}
    top = sorted(years, key=lambda y: -years[y])
    if years[top[0]] > years[top[1]]:
        ask("Which year did I swim the most?", "time", str(top[0]), ask.stays("swim", year=top[0]))
    ask("Did I swim in 2019? How many times?", "frequency", 0, now=now)

    cooking = ask.stays("cooking")
    lasagne = [s for s in cooking if s.facts["dish"] == "lasagne"]
    ask("How many times did I make lasagne?", "frequency", len(lasagne), lasagne)
    ask("how many times did I cook lasagne in 2015", "frequency", len([s for s in lasagne if s.day.year == 2015]),
        [s for s in lasagne if s.day.year == 2015])
    risotto = [s for s in cooking if s.facts["dish"] == "mushroom risotto"]
    ask("When did I first make mushroom risotto?", "time", day_of(risotto[0]), risotto[:1])
    ask("When did I last cook a curry?", "time", day_of([s for s in cooking if "curry" in s.facts["dish"]][-1]),
        [s for s in cooking if "curry" in s.facts["dish"]][-1:], now=now)
    c = cooking[300]
    ask(f"What did I cook on {c.day:%d %B %Y}?", "object", c.facts["dish"], [c])
    c = cooking[-10]
    ask(f"tell me what I made for dinner on {c.day:%A %d %B %Y}", "object", c.facts["dish"], [c], now=now)
    pizza_kids = [s for s in cooking if s.facts["dish"] == "pizza" and "kids" in s.scene.captions[0]]
    ask("How many times did the kids and I make pizza?", "frequency", len(pizza_kids), pizza_kids)
    per_dish = {d: len([s for s in cooking if s.facts["dish"] == d]) for d in DISHES}
    ranked = sorted(per_dish, key=lambda d: -per_dish[d])
    if per_dish[ranked[0]] > per_dish[ranked[1]]:
        ask("What dish did I cook most often?", "object", ranked[0], [s for s in cooking if s.facts["dish"] == ranked[0]])
    ask("Who did I cook Thai green curry for in 2005?", "object", None)

    shopping = ask.stays("shopping")
    s = shopping[100]
    ask(f"What did I buy on {s.day:%d %B %Y}?", "object", list(s.facts["bought"]), [s])
    apples = [x for x in shopping if "apples" in x.facts["bought"] and x.day.year == 2015]
    ask("How many times did I buy apples in 2015?", "frequency", len(apples), apples)
    coffee = [x for x in shopping if "coffee" in x.facts["bought"]]
    ask("When did I last buy coffee?", "time", day_of(coffee[-1]), coffee[-1:], now=now)
    ask("how often did I go grocery shopping in 2019", "frequency", len(ask.stays("shopping", year=2019)), ask.stays("shopping", year=2019))
    ask("How much did I spend on groceries in 2019?", "object", None)

    concerts = ask.stays("concert")
    ask("When did I first see Radiohead?", "time", "2003-11-02", [c for c in concerts if c.facts["artist"] == "Radiohead"][:1])
    ask("Where did I see Adele?", "location", "Royal Albert Hall", [c for c in concerts if c.facts["artist"] == "Adele"])
    ask("Which band did I see at the O2 Academy in 2017?", "ocr", "Elbow", [c for c in concerts if c.day.year == 2017])
    ask("How many concerts did I go to?", "frequency", len(concerts), concerts)
    ask("How many times did I see Massive Attack", "frequency", 2, [c for c in concerts if c.facts["artist"] == "Massive Attack"])
    ask("which concerts did I go to in 2008", "ocr", ["Portishead", "Elbow"], [c for c in concerts if c.day.year == 2008])
    ask("In which city did I see Billie Eilish?", "location", "Cardiff", [c for c in concerts if c.facts["artist"] == "Billie Eilish"])
    ask("who did I go to Glastonbury with?", "object", None)
    ask("When was the last concert I went to?", "time", "2022-06-18", concerts[-1:], now=now)

    trips = ask.stays("trip")

    def trip(city, year):
        return [t for t in trips if t.facts["trip"] == city and t.day.year == year]

    ask("How many times did I go to Lisbon?", "frequency", 3, [t for t in trips if t.facts["trip"] == "Lisbon"])
    ask("When did I first go to Oslo?", "time", day_of(trip("Oslo", 2006)[0]), trip("Oslo", 2006)[:1])
    ask("When did I land in Oslo in 2014", "time", day_of(trip("Oslo", 2014)[0]), trip("Oslo", 2014)[:1])
    ask("Which cities did I visit in 2019?", "location", ["Berlin", "Edinburgh", "Lisbon", "Cardiff"],
        [t for t in trips + concerts if t.day.year == 2019 and t.place.city])
    abroad = [t for t in trips if 2010 <= t.day.year <= 2019 and t.place.country_code != "GB"]
    ask("which countries abroad did I travel to in the 2010s", "location", sorted({t.place.country for t in abroad}), abroad)
    ask("Where did I go on holiday in summer 2018?", "location", "Crete", trip("Crete", 2018))
    ask("which country did I visit in October 2015", "location", "United States", trip("New York", 2015))
    ask("How long was I in Rome?", "duration", int((trip("Rome", 2010)[-1].start - trip("Rome", 2010)[0].start).total_seconds()), trip("Rome", 2010))
    ask("how many days did I spend in Brittany in 2016", "frequency", len(ask.days(trip("Brittany", 2016))), trip("Brittany", 2016))
    blank = min(d for d in person.camera_off_days if d.year == 2012 and d.month == 4)
    ask(f"Where was I on {blank:%-d %B %Y}?", "location", None)  # no entry that day
    ask("Where was I on 7 April 2012?", "location", "Paris", [t for t in trips if t.day == date(2012, 4, 7)])
    home = (51.4545, -2.5879)
    ask("Roughly how far is Copenhagen from home?", "distance", round(_km(home, (55.6761, 12.5683)) * 1000, 1), trip("Copenhagen", 2022))
    ask("How many trips abroad did I take in 2019?", "frequency", 2, [t for t in trips if t.day.year == 2019 and t.place.country_code != "GB"])
    ask("When did I go to the Isle of Skye?", "time", day_of(trip("Isle of Skye", 2021)[0]), trip("Isle of Skye", 2021)[:1])
    ask("What year did I go to New York", "time", "2015", trip("New York", 2015))
    ask("When did I go to Tokyo?", "time", None)
    ask("how many times did I go abroad in 2020", "frequency", 0)

    coloured = ask.stays("purchase")
    ask("What colour did I paint the kitchen?", "color", "yellow", [c for c in coloured if c.facts["bought"] == "paint"])
    ask("What colour was the bike I bought Ella?", "color", "red", [c for c in coloured if c.facts["bought"] == "bike"])
    ask("what colour is my kayak", "color", "green", [c for c in coloured if c.facts["bought"] == "kayak"])
    ask("When did I buy the kayak?", "time", "2020-03-14", [c for c in coloured if c.facts["bought"] == "kayak"])
    ask("What colour was my first car?", "color", None)

    dog = ask.stays("dog walk")
    ask("When did I first walk the dog?", "time", day_of(dog[0]), dog[:1])
    ask("How many times did I walk the dog in 2020?", "frequency", len(ask.stays("dog walk", year=2020)), ask.stays("dog walk", year=2020))
    ask("What did I do in 2002?", "object", None)
    ask("name the band I saw at Ashton Gate", "ocr", "Arctic Monkeys", [c for c in concerts if c.facts["venue"] == "Ashton Gate"])
    ask("remind me what colour raincoat I got in the sale", "color", "navy", [c for c in coloured if c.facts["bought"] == "raincoat"])
    ask("I'd like to know when I was last in Edinburgh", "time", day_of(trip("Edinburgh", 2019)[-1]), trip("Edinburgh", 2019)[-1:])
    ask("list the cities I went to in 2013", "location", ["Lisbon"], [t for t in trips if t.day.year == 2013])
    in_bristol = [c for c in concerts if c.place.city == "" and c.facts["venue"] in ("Colston Hall", "O2 Academy", "The Downs", "Ashton Gate")]
    ask("tell me how many concerts I went to in Bristol", "frequency", len(in_bristol), in_bristol)
    ask("whereabouts was I on New Year's Day 2005", "location", "Edinburgh", [t for t in trips if t.day == date(2005, 1, 1)])
    lengths_2010 = ask.stays("swim", year=2010)
    ask("On average how many lengths did I swim in 2010", "counting", round(sum(s.facts["lengths"] for s in lengths_2010) / len(lengths_2010), 1),
        lengths_2010)
    ask("how many times did I go to Oslo", "frequency", 2, [t for t in trips if t.facts["trip"] == "Oslo"])
    ask("In what year did I start swimming at the Lido", "time", str(swims[0].day.year), swims[:1])
    ask("how many diary photos do I have from 2008", "frequency", len(ask.stays(year=2008)), ask.stays(year=2008))
    return ask.items


def _km(a, b) -> float:
    from .world import distance_m

    return distance_m(*a, *b) / 1000


REMEMBERED = (
    "swimming at the Lido on a frosty morning",
    "making pizza with the kids",
    "the night we saw Radiohead",
    "landing in Oslo in the snow",
    "the beach in Crete with the family",
    "painting the kitchen yellow",
    "Ella's red bike",
    "walking the dog in Leigh Woods",
    "a long lunch by the water in Lisbon",
    "mushroom risotto for friends",
    "Massive Attack on the Downs",
    "the green kayak",
    "rain in Rome",
    "lockdown walks around the block",
    "New York in the autumn",
    "Christmas in Edinburgh",
    "Glastonbury in the mud",
    "fixing the fence in the garden",
    "buying apples and milk at the market",
    "coffee with my sister by the harbour",
    "the canals in Amsterdam",
    "Jack's first day at school",
)
