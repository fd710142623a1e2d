"""Place phrases matched against the offline world gazetteer: countries, regions and cities, each only in a
place-like context ("in Reading" is a town, "reading a book" is not; "a Greek restaurant" is a description)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..gazetteer import City, greek_spelling, place_words, world_gazetteer
from ..text import is_capitalized, next_word, normalize, sentence_start
from .model import Area
from .reading import (
    AIRPORT_REACH_KM, Context, DEPARTURE, Hit, SPORTS_TEAM, STATIC, TRAVEL, VENUES_AFTER_NAME, attributive,
    capitalized_phrase, city_area, decide_polarity, is_name_not_place, names_label, word_after_name,
)
from .regions import about_the_countryside, library_reaches_beyond_town, region_area, regions_named


def match_world(ctx: Context, i: int) -> tuple[int, Hit] | None:
    """The longest country, region or city name starting at token i, in a place-like context."""
    gazetteer = ctx.gazetteer
    words_lists = place_words()
    for length, key, start, end in ctx.name_spans(i, gazetteer.max_name_words):
        original = ctx.text[start:end]
        codes = gazetteer.case_sensitive_countries.get(original.rstrip("."))
        if codes is None and original.lower() != "us":
            codes = gazetteer.country_names.get(key)
        if codes:
            hit = _country_hit(ctx, gazetteer, key, start, end, codes, words_lists)
            if hit is not None:
                return length, hit
            continue
        if key not in gazetteer.cities and _GREEK_LETTER.search(key):  # "Λισαβόνα" as GeoNames spells it, "Λισαβώνα"
            key = greek_spelling(key)
        cities = gazetteer.cities.get(key)
        if cities:
            hit = _city_hit(ctx, key, start, end, words_lists)
            if hit is not None:
                return length, hit
    return None


_GREEK_LETTER = re.compile(r"[\u03b1-\u03c9]")
_GEO_NOUN_PHRASE = re.compile(
    r"(?:\b(?:in|at|on|around|near|through|across|to|into)\s+)?(?:the\s+)?(?:very\s+)?(?:[^\W\d_]+\s+){1,2}of\s+(?:the\s+)?$",
    re.IGNORECASE)


def _removal_with_geo_noun(ctx: Context, start: int, removal: int, prep: str) -> int:
    """ "in the middle of Ireland": the whole phrase is place; "the Great Wall of China" keeps "the Great Wall"."""
    if prep != "of":
        return removal
    match = _GEO_NOUN_PHRASE.search(ctx.text, max(0, start - 50), start)
    if not match:
        return removal
    nouns = set(place_words()["geo_nouns_before_of"])
    phrase_words = [w.lower() for w in re.findall(r"[^\W\d_]+", match.group())]
    return min(removal, match.start()) if nouns & set(phrase_words) else removal


def _of_is_locative(ctx: Context, of_start: int, words_lists: dict) -> bool:
    """ "the middle of Ireland", "the Great Wall of China" are there; "a map of Ireland" is not."""
    before = re.search(r"([^\W\d_]+)\s+$", ctx.text[max(0, of_start - 30):of_start])
    if not before:
        return False
    word = before.group(1)
    if word.lower() in set(words_lists["geo_nouns_before_of"]):
        return True
    return is_capitalized(word) and not sentence_start(ctx.text, max(0, of_start - 30) + before.start(1))


def _country_hit(ctx, gazetteer, key, start, end, codes, words_lists) -> Hit | None:
    original = ctx.text[start:end]
    prep, prep_start = _inherited_preposition(ctx, start, *ctx.preposition(start))
    capitalized = capitalized_phrase(ctx, start, end) or original.isupper()
    if is_name_not_place(ctx, start):
        return None
    locative = prep in STATIC | TRAVEL | DEPARTURE
    if prep == "of":
        locative = _of_is_locative(ctx, prep_start, words_lists)
        if not locative:
            return None  # "a map of Ireland"
    if key in set(words_lists["ambiguous_country_words"]) and not (capitalized and locative):
        return None  # "turkey sandwich", "china plates"
    if not capitalized and not locative:
        return None
    if not locative and attributive(ctx, end, set(words_lists["place_nouns_after_city"])):
        return None  # "Ireland jersey", "Japan Airlines"
    if SPORTS_TEAM.match(ctx.text, end) or (prep in {"against", "beat", "beating", "vs", "v", "versus", "playing", "supporting"}):
        return None  # "Ireland were playing", "against France": a team, not where the moment was
    polarity = decide_polarity(ctx, start, end, prep, prep_start, "country")
    if polarity is None:
        return None
    negated, removal = polarity
    areas = tuple(Area("country", gazetteer.countries[c].name if c in gazetteer.countries else c,
                       *gazetteer.country_area_centre(c), 0.0, c) for c in codes)
    bare = key.removeprefix("the ")
    if len(codes) == 1 and codes[0] in gazetteer.countries and normalize(gazetteer.countries[codes[0]].name).removeprefix("the ") == bare:
        label = gazetteer.countries[codes[0]].name
    elif len(codes) == 1 and codes[0] in gazetteer.countries and ctx.languages and key not in world_gazetteer().country_names:
        label = gazetteer.countries[codes[0]].name  # "Südkorea", "Ιρλανδία": the country by its English name
    else:  # "Scotland", "UK", "Korea", "Europe": as the person said it
        label = bare.upper() if len(bare) <= 3 else " ".join(w if w in ("of", "and") else w.capitalize() for w in bare.split())
    removal = _removal_with_geo_noun(ctx, start, removal, prep)
    return Hit(start, end, original, areas, label, negated, removal, (), "country", prep)


_STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "lane", "square", "place", "terrace", "drive", "way", "quay",
                 "row", "crescent", "boulevard", "close", "court", "gardens"}


def _inherited_preposition(ctx: Context, start: int, prep: str, prep_start: int) -> tuple[str, int]:
    """ "in Galway or Cork": Cork is introduced by the "in" before Galway."""
    if prep not in ("or", "and") and not re.search(r",\s*$", ctx.text[:start]):
        return prep, prep_start
    match = re.search(r"\b(in|near|around|to|visiting|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*,?\s*)+(?:or|and|,)\s*$",
                      ctx.text[max(0, start - 80):start])
    if match:
        return match.group(1).lower(), prep_start
    return prep, prep_start


def _city_hit(ctx, key, start, end, words_lists) -> Hit | None:
    original = ctx.text[start:end]
    prep, prep_start = _inherited_preposition(ctx, start, *ctx.preposition(start))
    if is_name_not_place(ctx, start):
        return None
    capitalized = capitalized_phrase(ctx, start, end)
    # an English text's other spelling of a city may be a name ("Bella"); another language's names are its own
    strict = (key in ctx.gazetteer.other_spellings and not ctx.languages) or any(
        key in words_lists[name] for name in ("common_word_places", "first_names", "always_need_locative"))
    locative = prep in (STATIC - {"at", "by"}) | TRAVEL | DEPARTURE
    if prep == "of":
        locative = _of_is_locative(ctx, prep_start, words_lists)
    if prep == "at" and not strict:
        locative = True  # "at Dublin airport"
    prefer = set(ctx.known.country_codes) | countries_named_in(ctx)
    cities = ctx.gazetteer.cities_named(key, prefer)
    if not cities:
        return None
    biggest = max(c.population for c in cities)
    place_nouns = set(words_lists["place_nouns_after_city"])
    word_after, gap = word_after_name(ctx, end)
    if word_after and not gap.strip() and is_capitalized(word_after):
        # "Vicar Street", "Paris Hilton": part of a longer name. Only a big city's name still places it ("London Eye").
        if word_after.lower() in _STREET_WORDS or (biggest < 100_000 and word_after.lower() not in VENUES_AFTER_NAME):
            return None
    if strict:
        if not (capitalized and locative) or attributive(ctx, end, place_nouns):
            return None
    elif not capitalized:
        if not locative or biggest < 500_000:
            return None
    elif not locative:
        word_after, gap = word_after_name(ctx, end)
        title_continues = bool(word_after) and not gap.strip() and is_capitalized(word_after) and word_after.lower() not in place_nouns
        if biggest < 200_000 or attributive(ctx, end, place_nouns) or title_continues:
            return None
    polarity = decide_polarity(ctx, start, end, prep, prep_start, "city")
    if polarity is None:
        return None
    negated, removal = polarity
    areas = tuple(city_area(c) for c in cities)
    if next_word(ctx.text, end)[0].lower() == "airport":  # airports lie outside the town: Porto's 11 km, Paris's 25 km out
        areas = tuple(replace(area, radius_km=max(area.radius_km, AIRPORT_REACH_KM)) for area in areas)
    removal = _removal_with_geo_noun(ctx, start, removal, prep)
    regional = _region_instead(ctx, key, cities, areas)
    if regional is not None:  # "hiking in Galway", "in Tuscany": the land around, not (only) the town
        return Hit(start, end, original, regional, original, negated, removal, (), "region", prep)
    return Hit(start, end, original, areas, names_label([cities[0].name], near=True), negated, removal, (), "city", prep)


def _region_instead(ctx: Context, key: str, cities: list[City], town_areas: tuple[Area, ...]) -> tuple[Area, ...] | None:
    """The areas a town's name admits when it means its region too (or only), else None.

    A big city's name means the city, except in a memory of the countryside. A small town abroad loses to
    a region of the same name ("in Tuscany" is not Tuscany, Calgary); a town with a county of its name
    ("Galway") keeps the town and gains the county when the memory is about the countryside or when the
    library's places there lie outside the town.
    """
    countryside = about_the_countryside(ctx.text)
    if max(city.population for city in cities) >= 100_000 and not countryside:
        return None
    prefer = set(ctx.known.country_codes) | countries_named_in(ctx)
    regions = regions_named(ctx.gazetteer, key, prefer)
    town_countries = {city.country_code for city in cities}
    same_country = [region for region in regions if region.country_code in town_countries]
    if regions and not same_country:
        return None if town_countries & prefer else tuple(region_area(region) for region in regions)
    if same_country and (countryside or any(library_reaches_beyond_town(ctx.known, region, town_areas) for region in same_country)):
        return town_areas + tuple(region_area(region) for region in same_country)
    return None


def countries_named_in(ctx: Context) -> set[str]:
    """Country codes written anywhere in the text ("Perth, Scotland" prefers the Scottish Perth)."""
    gazetteer = ctx.gazetteer
    found: set[str] = set()
    for i in range(len(ctx.tokens)):
        for length in (3, 2, 1):
            key = " ".join(ctx.norms[i:i + length])
            codes = gazetteer.country_names.get(key)
            if codes and len(codes) <= 3 and is_capitalized(ctx.tokens[i][2]):
                found.update(codes)
                break
    return found
