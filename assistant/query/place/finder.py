"""Finding place phrases in a remembered moment: where it happened, as place terms.

Names are looked up in order: the library's own places (where this person has actually been: "DCU",
"home", "the office"), then the offline world gazetteer (countries, regions, cities, then smaller towns),
then, only when the caller passes one, an online geocoder. A name counts as a place only in a place-like
context: "in Reading" is a town, "reading a book" is not; "a Greek restaurant", "Thai food" and
"a bar called the Brazen Head" are descriptions, left for the visual search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator, Sequence

from ..gazetteer import City, WorldGazetteer, city_radius_km, language_gazetteer, place_words, world_gazetteer
from ..text import (
    FUNCTION_WORDS,
    Span,
    is_capitalized,
    negation_start,
    next_word,
    normalize,
    previous_words,
    sentence_start,
    words,
)
from .known import KnownIndex, known_area, known_index, known_label
from .model import AmbiguousPlace, Area, KnownPlace, PlaceGeocoder, PlaceTerm
from .regions import about_the_countryside, library_reaches_beyond_town, region_area, regions_named

# ---------------------------------------------------------------------------------------------------
# finding place phrases

_STATIC = {"at", "in", "inside", "outside", "near", "around", "within", "by", "nearby", "throughout", "across"}
_TRAVEL = {"to", "into", "towards", "toward", "visiting", "visited", "visit", "through", "reached", "arrived", "via", "toured",
           "touring", "exploring", "explored", "holiday", "holidays", "trip", "vacation", "over"}
# Verbs whose "to" ends at the place ("I went to Estrella"), unlike a vehicle's ("a taxi to the airport").
_ARRIVING = {"go", "goes", "went", "gone", "going", "come", "came", "get", "got", "return", "returned", "walk", "walked",
             "moved"}
_DEPARTURE = {"from", "leaving", "left", "departing", "departed", "flew", "fly", "flying"}
_NAME_INTRODUCERS = {"called", "named", "name", "titled", "brand", "says", "said", "reads", "read", "reading", "labelled",
                     "labeled", "logo"}
_VEHICLES = {"flight", "flights", "plane", "train", "trains", "bus", "buses", "coach", "ferry", "boat", "taxi", "cab", "ticket",
             "tickets", "road", "roads", "way", "route", "sign", "signs", "directions", "motorway", "highway", "ride", "lift",
             "connection", "gate", "boarding", "departures"}
# How far from a city's centre its airport may lie ("Porto airport", "at Dublin airport").
AIRPORT_REACH_KM = 30.0
# "a taxi to Lyon station": the ride ends at a place in the city, so the moment is there, unlike "a flight to Korea".
_VENUES_AFTER_NAME = {"station", "airport", "port", "harbour", "harbor", "university", "uni", "campus", "college", "terminal",
                      "pier", "docks", "marina", "hospital", "hotel", "stadium"}
_SPORTS_TEAM = re.compile(
    r"\s+(?:(?:were|was|are|is|had)\s+)?(?:playing|played|won|lost|beat|beating|scored|drew|vs?\b\.?|versus|against)\b", re.IGNORECASE)
_INDEFINITE = {"a", "an", "another", "some", "any", "every", "each"}
_ARTICLES = {"the", "my", "our", "his", "her", "their", "your"}
_HOME_MOVEMENT = {"way", "walk", "walking", "walked", "drive", "driving", "drove", "going", "go", "went", "heading", "headed",
                  "cycling", "cycled", "cycle", "ride", "riding", "journey", "trip", "bus", "train", "taxi", "came", "coming",
                  "come", "ran", "run", "running", "travelling", "traveling", "flew", "flying", "home", "back", "left", "leaving"}
_HOME_COMPOUNDS = {"made", "cooked", "grown", "brewed", "baked", "town", "page", "screen", "team", "game", "ground", "office",
                   "improvement", "decor", "wares", "work", "owner", "owners", "button", "run"}
_EXCLUDING = re.compile(
    r"(?:\b(?:anywhere|somewhere|everywhere)\s+(?:but|except|other\s+than)|\bother\s+than|\bexcept(?:\s+for)?|\bapart\s+from"
    r"|\baway\s+from)\s+(?:the\s+)?$", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,\s*)?(?:\bor\b|\band\b|/)\s*(?:(?:in|at|near|around)\s+)?(?:the\s+)?$", re.IGNORECASE)
_COMMA_LIST = re.compile(r"\s*,\s*(?:(?:in|at|near)\s+)?$", re.IGNORECASE)


@dataclass
class _Hit:
    start: int
    end: int
    phrase: str
    areas: tuple[Area, ...]
    label: str
    negated: bool = False
    removal_start: int = 0
    ambiguous_candidates: tuple[KnownPlace, ...] = ()
    kind: str = ""  # "known", "country", "city", "town", "region", "geocoded"
    preposition: str = ""


@dataclass
class PlaceResult:
    terms: list[PlaceTerm]
    ambiguous: list[AmbiguousPlace]
    spans: list[Span]


def _city_area(city: City) -> Area:
    radius = city_radius_km(city.population) if city.population else 6.0
    return Area("city", city.name, city.lat, city.lng, radius, city.country_code)


def _names_label(names: list[str], near: bool) -> str:
    unique = list(dict.fromkeys(names))
    text = unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " or " + unique[-1]
    return f"near {text}" if near else text


class _Context:
    def __init__(self, text: str, blanked: str, known: KnownIndex, languages: tuple[str, ...] = ()):
        self.languages = languages
        self.text = text
        self.blanked = blanked
        self.known = known
        self.tokens = words(blanked)
        self.norms = [normalize(word) for _, _, word in self.tokens]
        self.joined = [self._joinable(i) for i in range(len(self.tokens))]
        self._gazetteer: WorldGazetteer | None = None

    @property
    def gazetteer(self) -> WorldGazetteer:
        if self._gazetteer is None:
            self._gazetteer = language_gazetteer(self.languages) if self.languages else world_gazetteer()
        return self._gazetteer

    def _joinable(self, i: int) -> bool:
        """Can token i be followed by token i+1 inside one name (only spaces, a hyphen or an abbreviation dot between)?"""
        if i + 1 >= len(self.tokens):
            return False
        gap_start, gap_end = self.tokens[i][1], self.tokens[i + 1][0]
        gap = self.blanked[gap_start:gap_end]
        if gap != self.text[gap_start:gap_end]:
            return False  # a time phrase or clause was cut out in between
        if re.fullmatch(r"\s?[-–]\s?|\s+", gap):
            return True
        return re.fullmatch(r"\.\s+", gap) is not None and len(self.tokens[i][2]) <= 3  # "St. Stephen's Green"

    def preposition(self, start: int) -> tuple[str, int]:
        """The word introducing a place at `start` (articles skipped) and where the introduction begins."""
        match = re.search(r"([^\W\d_]+(?:['’][^\W_]+)?)\s+(?:(?:the|my|our|his|her|their)\s+)?$", self.text[max(0, start - 40):start])
        if not match:
            return "", start
        return match.group(1).lower(), max(0, start - 40) + match.start()

    def name_spans(self, i: int, max_words: int) -> Iterator[tuple[int, str, int, int]]:
        """Names that may start at token i, longest first: (words, normalised key, start, end), each made of joined tokens."""
        for length in range(min(max_words, len(self.tokens) - i), 0, -1):
            if length > 1 and not all(self.joined[i + k] for k in range(length - 1)):
                continue
            yield length, " ".join(self.norms[i:i + length]), self.tokens[i][0], self.tokens[i + length - 1][1]

    def previous(self, start: int, count: int = 3) -> list[str]:
        return previous_words(self.text, start, count)


def _is_name_not_place(ctx: _Context, start: int) -> bool:
    """ "a bar called the Brazen Head": a name seen on a sign, not a place to filter on."""
    previous = [word for word in ctx.previous(start, 3) if word not in _ARTICLES]
    return bool(previous) and previous[-1] in _NAME_INTRODUCERS


def _word_after(ctx: _Context, end: int) -> tuple[str, str]:
    """The word right after a name and what separates them, as next_word; no word when it belongs to a time phrase
    or clause cut out of the blanked text ("in Paris yesterday" is no "Paris Hilton")."""
    word, gap = next_word(ctx.text, end)
    at = end + len(gap)
    return (word, gap) if ctx.blanked[at:at + len(word)] == word else ("", gap)


def _attributive(ctx: _Context, end: int, allowed: set[str] = frozenset()) -> bool:
    """ "Thai food", "Paris Hilton", "Ireland jersey": the name describes the next word."""
    word, gap = _word_after(ctx, end)
    if not word or gap.strip():
        return False
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in allowed or lower.rstrip("s") in allowed:
        return False
    return True


def _capitalized_phrase(ctx: _Context, start: int, end: int) -> bool:
    glue = {"of", "the", "and", "de", "upon", "on", "la", "le", "el"}
    significant = [w for _, _, w in words(ctx.text, start, end) if w.lower() not in glue]
    return bool(significant) and all(is_capitalized(w) for w in significant)


def _names_a_venue(ctx: _Context, end: int) -> bool:
    """Is the name ending at `end` followed by a venue it holds: "Lyon station", "Porto Airport", "Galway university"?"""
    word, gap = next_word(ctx.text, end)
    return bool(word) and not gap.strip() and word.lower() in _VENUES_AFTER_NAME


def _decide_polarity(ctx: _Context, start: int, end: int, prep: str, prep_start: int, kind: str) -> tuple[bool, int] | None:
    """(negated, where the phrase to cut out begins), or None when the mention is no constraint."""
    intro_start = prep_start if prep else start
    excluding = _EXCLUDING.search(ctx.text, max(0, start - 40), start)
    if excluding and excluding.end() == start:
        return True, excluding.start()
    negation = negation_start(ctx.text, intro_start)
    if negation is None and prep:
        negation = negation_start(ctx.text, start)  # "not in": the negation ends right before the name
    if prep in _DEPARTURE:
        return None  # "flew from Dublin": the moment is not there
    if prep in ("to", "towards", "toward", "into"):
        before = previous_words(ctx.text, prep_start, 1)
        if before and before[-1] in _VEHICLES:
            if not _names_a_venue(ctx, end):
                return None  # "a flight to Korea": where the flight goes, not where the moment is
            intro_start = start  # "a taxi to Lyon station" is at the station: keep "a taxi to ... station" for the pictures
    if prep == "outside" and kind in ("city", "country", "town"):
        return True, negation if negation is not None else intro_start  # outside Dublin: anywhere but Dublin
    if negation is not None:
        return True, negation
    return False, intro_start


def _match_known(ctx: _Context, i: int) -> tuple[int, _Hit] | None:
    """The longest known-place name starting at token i, in a context where it is a place."""
    known = ctx.known
    words_lists = place_words()
    for length, key, start, end in ctx.name_spans(i, known.max_words):
        phrase = ctx.text[start:end]
        prep, prep_start = ctx.preposition(start)
        previous = ctx.previous(start, 2)
        article_before = bool(previous) and previous[-1] in _ARTICLES | _INDEFINITE
        candidates: list[KnownPlace] = []
        how = ""
        if key in known.names:
            candidates, how = known.names[key], "name"
        elif length == 1 and ctx.tokens[i][2] in known.initials and ctx.tokens[i][2].isupper():
            candidates, how = known.initials[ctx.tokens[i][2]], "initials"
        elif key in {normalize(alias) for alias in words_lists["home_aliases"]} and known.home:
            candidates, how = known.home, "home"
        elif key in {normalize(alias) for alias in words_lists["work_aliases"]} and known.work:
            candidates, how = known.work, "work"
        elif key in known.heads and article_before and previous[-1] in _ARTICLES:
            candidates, how = known.heads[key], "head"
        if not candidates:
            continue
        if _is_name_not_place(ctx, start):
            return None
        if previous and previous[-1] in _INDEFINITE:
            continue  # "a cafe" is any cafe, not the one called "Cafe"
        home_like = how == "home" or (how == "name" and all(p in known.home for p in candidates))
        if home_like:
            word_after, gap = _word_after(ctx, end)
            if (previous and previous[-1] in _HOME_MOVEMENT) or (word_after.lower() in _HOME_COMPOUNDS and not gap.strip()):
                return None
        phrase_start = ctx.tokens[i - 1][0] if article_before and i else start
        if how in ("head", "work") and prep not in _STATIC and not sentence_start(ctx.text, phrase_start):
            continue
        semantic = all(p.kind == "semantic" for p in candidates)
        arrived = prep == "to" and len(previous) >= 2 and previous[-2] in _ARRIVING  # "went to Estrella": there
        if semantic and prep in _TRAVEL - {"visiting", "visited", "visit", "over"} and not arrived:
            return None  # "a taxi to the airport": on the way there, not there
        polarity = _decide_polarity(ctx, start, end, prep, prep_start, "known" if semantic else candidates[0].kind)
        if polarity is None:
            return None
        negated, removal = polarity
        gazetteer = ctx.gazetteer if not semantic else None
        # One area per place; a city and a country with the same name are one place to the user.
        chosen = candidates
        if len({p.kind for p in candidates}) > 1:
            order = {"city": 0, "country": 1, "semantic": 2}
            best = min(order.get(p.kind, 3) for p in candidates)
            chosen = [p for p in candidates if order.get(p.kind, 3) == best]
        areas = tuple(known_area(p, gazetteer) for p in chosen)
        label = _names_label([p.name for p in chosen], near=all(p.kind == "city" for p in chosen))
        ambiguous = tuple(chosen) if len(chosen) > 1 and all(p.kind == "semantic" for p in chosen) else ()
        if how == "head" and article_before:
            phrase = ctx.text[ctx.tokens[i - 1][0]:end] if i and ctx.tokens[i - 1][2].lower() in _ARTICLES else phrase
        return length, _Hit(start, end, phrase, areas, label, negated, removal, ambiguous, "known", prep)
    return None


def _match_world(ctx: _Context, i: int) -> tuple[int, _Hit] | None:
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
        cities = gazetteer.cities.get(key)
        if cities:
            hit = _city_hit(ctx, key, start, end, words_lists)
            if hit is not None:
                return length, hit
    return None


_GEO_NOUN_PHRASE = re.compile(
    r"(?:\b(?:in|at|on|around|near|through|across|to|into)\s+)?(?:the\s+)?(?:very\s+)?(?:[^\W\d_]+\s+){1,2}of\s+(?:the\s+)?$",
    re.IGNORECASE)


def _removal_with_geo_noun(ctx: _Context, start: int, removal: int, prep: str) -> int:
    """ "in the middle of Ireland": the whole phrase is place; "the Great Wall of China" keeps "the Great Wall"."""
    if prep != "of":
        return removal
    match = _GEO_NOUN_PHRASE.search(ctx.text, max(0, start - 50), start)
    if not match:
        return removal
    nouns = set(place_words()["geo_nouns_before_of"])
    phrase_words = [w.lower() for w in re.findall(r"[^\W\d_]+", match.group())]
    return min(removal, match.start()) if nouns & set(phrase_words) else removal


def _of_is_locative(ctx: _Context, of_start: int, words_lists: dict) -> bool:
    """ "the middle of Ireland", "the Great Wall of China" are there; "a map of Ireland" is not."""
    before = re.search(r"([^\W\d_]+)\s+$", ctx.text[max(0, of_start - 30):of_start])
    if not before:
        return False
    word = before.group(1)
    if word.lower() in set(words_lists["geo_nouns_before_of"]):
        return True
    return is_capitalized(word) and not sentence_start(ctx.text, max(0, of_start - 30) + before.start(1))


def _country_hit(ctx, gazetteer, key, start, end, codes, words_lists) -> _Hit | None:
    original = ctx.text[start:end]
    prep, prep_start = _inherited_preposition(ctx, start, *ctx.preposition(start))
    capitalized = _capitalized_phrase(ctx, start, end) or original.isupper()
    if _is_name_not_place(ctx, start):
        return None
    locative = prep in _STATIC | _TRAVEL | _DEPARTURE
    if prep == "of":
        locative = _of_is_locative(ctx, prep_start, words_lists)
        if not locative:
            return None  # "a map of Ireland"
    if key in set(words_lists["ambiguous_country_words"]) and not (capitalized and locative):
        return None  # "turkey sandwich", "china plates"
    if not capitalized and not locative:
        return None
    if not locative and _attributive(ctx, end, set(words_lists["place_nouns_after_city"])):
        return None  # "Ireland jersey", "Japan Airlines"
    if _SPORTS_TEAM.match(ctx.text, end) or (prep in {"against", "beat", "beating", "vs", "v", "versus", "playing", "supporting"}):
        return None  # "Ireland were playing", "against France": a team, not where the moment was
    polarity = _decide_polarity(ctx, start, end, prep, prep_start, "country")
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
    return _Hit(start, end, original, areas, label, negated, removal, (), "country", prep)


_STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "lane", "square", "place", "terrace", "drive", "way", "quay",
                 "row", "crescent", "boulevard", "close", "court", "gardens"}


def _inherited_preposition(ctx: _Context, start: int, prep: str, prep_start: int) -> tuple[str, int]:
    """ "in Galway or Cork": Cork is introduced by the "in" before Galway."""
    if prep not in ("or", "and") and not re.search(r",\s*$", ctx.text[:start]):
        return prep, prep_start
    match = re.search(r"\b(in|near|around|to|visiting|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*,?\s*)+(?:or|and|,)\s*$",
                      ctx.text[max(0, start - 80):start])
    if match:
        return match.group(1).lower(), prep_start
    return prep, prep_start


def _city_hit(ctx, key, start, end, words_lists) -> _Hit | None:
    original = ctx.text[start:end]
    prep, prep_start = _inherited_preposition(ctx, start, *ctx.preposition(start))
    if _is_name_not_place(ctx, start):
        return None
    capitalized = _capitalized_phrase(ctx, start, end)
    strict = any(key in words_lists[name] for name in ("common_word_places", "first_names", "always_need_locative"))
    locative = prep in (_STATIC - {"at", "by"}) | _TRAVEL | _DEPARTURE
    if prep == "of":
        locative = _of_is_locative(ctx, prep_start, words_lists)
    if prep == "at" and not strict:
        locative = True  # "at Dublin airport"
    prefer = set(ctx.known.country_codes) | _countries_named_in(ctx)
    cities = ctx.gazetteer.cities_named(key, prefer)
    if not cities:
        return None
    biggest = max(c.population for c in cities)
    place_nouns = set(words_lists["place_nouns_after_city"])
    word_after, gap = _word_after(ctx, end)
    if word_after and not gap.strip() and is_capitalized(word_after):
        # "Vicar Street", "Paris Hilton": part of a longer name. Only a big city's name still places it ("London Eye").
        if word_after.lower() in _STREET_WORDS or (biggest < 100_000 and word_after.lower() not in _VENUES_AFTER_NAME):
            return None
    if strict:
        if not (capitalized and locative) or _attributive(ctx, end, place_nouns):
            return None
    elif not capitalized:
        if not locative or biggest < 500_000:
            return None
    elif not locative:
        word_after, gap = _word_after(ctx, end)
        title_continues = bool(word_after) and not gap.strip() and is_capitalized(word_after) and word_after.lower() not in place_nouns
        if biggest < 200_000 or _attributive(ctx, end, place_nouns) or title_continues:
            return None
    polarity = _decide_polarity(ctx, start, end, prep, prep_start, "city")
    if polarity is None:
        return None
    negated, removal = polarity
    areas = tuple(_city_area(c) for c in cities)
    if next_word(ctx.text, end)[0].lower() == "airport":  # airports lie outside the town: Porto's 11 km, Paris's 25 km out
        areas = tuple(replace(area, radius_km=max(area.radius_km, AIRPORT_REACH_KM)) for area in areas)
    removal = _removal_with_geo_noun(ctx, start, removal, prep)
    regional = _region_instead(ctx, key, cities, areas)
    if regional is not None:  # "hiking in Galway", "in Tuscany": the land around, not (only) the town
        return _Hit(start, end, original, regional, original, negated, removal, (), "region", prep)
    return _Hit(start, end, original, areas, _names_label([cities[0].name], near=True), negated, removal, (), "city", prep)


def _region_instead(ctx: _Context, key: str, cities: list[City], town_areas: tuple[Area, ...]) -> tuple[Area, ...] | None:
    """The areas a town's name admits when it means its region too (or only), else None.

    A big city's name means the city, except in a memory of the countryside. A small town abroad loses to
    a region of the same name ("in Tuscany" is not Tuscany, Calgary); a town with a county of its name
    ("Galway") keeps the town and gains the county when the memory is about the countryside or when the
    library's places there lie outside the town.
    """
    countryside = about_the_countryside(ctx.text)
    if max(city.population for city in cities) >= 100_000 and not countryside:
        return None
    prefer = set(ctx.known.country_codes) | _countries_named_in(ctx)
    regions = regions_named(ctx.gazetteer, key, prefer)
    town_countries = {city.country_code for city in cities}
    same_country = [region for region in regions if region.country_code in town_countries]
    if regions and not same_country:
        return None if town_countries & prefer else tuple(region_area(region) for region in regions)
    if same_country and (countryside or any(library_reaches_beyond_town(ctx.known, region, town_areas) for region in same_country)):
        return town_areas + tuple(region_area(region) for region in same_country)
    return None


def _countries_named_in(ctx: _Context) -> set[str]:
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


_TOWN_INTRODUCERS = {"in", "near", "around", "visiting", "visited", "to", "towards", "outside", "through"}
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:of\s+|on\s+|upon\s+|de\s+|la\s+)?[A-Z][\w'’-]+){0,3}")


def _unmatched_names(ctx: _Context, taken: list[Span]) -> list[tuple[int, int, str, str, int]]:
    """Capitalised phrases right after "in", "near", "visiting"...: (start, end, phrase, preposition, prep start)."""
    found = []
    for match in _CAPITALIZED_RUN.finditer(ctx.blanked):
        start, end = match.span()
        if any(start < e and s < end for s, e in taken):
            continue
        prep, prep_start = ctx.preposition(start)
        if prep not in _TOWN_INTRODUCERS:
            continue
        between = ctx.text[prep_start:start].lower().split()
        if len(between) > 1:  # "in the Brazen Head": an article means a venue, not a town
            continue
        found.append((start, end, match.group(), prep, prep_start))
    return found


def _town_hits(ctx: _Context, taken: list[Span]) -> list[_Hit]:
    words_lists = place_words()
    excluded = set(words_lists["common_word_places"]) | set(words_lists["first_names"])
    prefer = set(ctx.known.country_codes) | _countries_named_in(ctx)
    hits = []
    for start, end, phrase, prep, prep_start in _unmatched_names(ctx, taken):
        key = normalize(phrase)
        if key in excluded or len(key) < 4 or _is_name_not_place(ctx, start):
            continue
        regions = regions_named(ctx.gazetteer, key, prefer)
        if regions:  # "in Kerry", "in Bavaria": a region no town is named after
            polarity = _decide_polarity(ctx, start, end, prep, prep_start, "town")
            if polarity is not None:
                areas = tuple(region_area(region) for region in regions)
                hits.append(_Hit(start, end, phrase, areas, phrase, polarity[0], polarity[1], (), "region", prep))
            continue
        towns = ctx.gazetteer.towns_named(key)
        if not towns:
            continue
        preferred = [t for t in towns if t.country_code in prefer]
        towns = preferred or towns
        if len(towns) > 3:
            continue  # a name found all over the world says too little
        polarity = _decide_polarity(ctx, start, end, prep, prep_start, "town")
        if polarity is None:
            continue
        negated, removal = polarity
        areas = tuple(Area("city", t.name, t.lat, t.lng, 6.0, t.country_code) for t in towns)
        hits.append(_Hit(start, end, phrase, areas, f"near {towns[0].name}", negated, removal, (), "town", prep))
    return hits


def _geocoded_hits(ctx: _Context, taken: list[Span], geocoder: PlaceGeocoder) -> list[_Hit]:
    hits = []
    for start, end, phrase, prep, prep_start in _unmatched_names(ctx, taken):
        if _is_name_not_place(ctx, start):
            continue
        area = geocoder.locate(phrase)
        if area is None:
            continue
        polarity = _decide_polarity(ctx, start, end, prep, prep_start, "town")
        if polarity is None:
            continue
        negated, removal = polarity
        hits.append(_Hit(start, end, phrase, (area,), f"near {area.name}", negated, removal, (), "geocoded", prep))
    return hits


def _merge_alternatives(ctx: _Context, hits: list[_Hit]) -> list[list[_Hit]]:
    """ "in Dublin or Galway", "in Cork, Kerry or Galway": one constraint with several areas."""
    groups: list[list[_Hit]] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if groups:
            last = groups[-1][-1]
            gap = ctx.text[last.end:hit.start]
            local = ("city", "town", "known", "region")
            same_kind = (last.kind in local) == (hit.kind in local)
            if _JOINED.fullmatch(gap) or (same_kind and _COMMA_LIST.fullmatch(gap) and last.kind == hit.kind):
                if not hit.negated or groups[-1][0].negated:
                    groups[-1].append(hit)
                    continue
        groups.append([hit])
    return groups


def _journey_destination(ctx: _Context, hit: _Hit) -> bool:
    """ "flew from Dublin to London": a journey; the moment is at neither end."""
    if hit.preposition not in ("to", "towards", "toward", "into"):
        return False
    sentence_before = re.split(r"[.!?;\n]", ctx.text[:hit.start])[-1]
    return re.search(r"\bfrom\b", sentence_before, re.IGNORECASE) is not None


def find_places(text: str, blanked: str, places: Sequence[KnownPlace] | None = None, geocoder: PlaceGeocoder | None = None,
                languages: tuple[str, ...] = ()) -> PlaceResult:
    """Place terms of a text. `blanked` is the text with time phrases and before/after clauses blanked out; languages
    other than English whose names of cities and countries ("Dublino", "Südkorea") are known too."""
    ctx = _Context(text, blanked, known_index(places), languages)
    hits: list[_Hit] = []
    i = 0
    while i < len(ctx.tokens):
        found = _match_known(ctx, i) if places else None
        if found is None:
            found = _match_world(ctx, i)
        if found is None:
            i += 1
            continue
        length, hit = found
        hits.append(hit)
        i += length
    taken = [(h.start, h.end) for h in hits]
    hits += _town_hits(ctx, taken)
    if geocoder is not None:
        hits += _geocoded_hits(ctx, [(h.start, h.end) for h in hits], geocoder)

    hits = [hit for hit in hits if not _journey_destination(ctx, hit)]
    terms, ambiguous, spans = [], [], []
    for group in _merge_alternatives(ctx, hits):
        areas = tuple(area for hit in group for area in hit.areas)
        near = all(hit.label.startswith("near ") for hit in group)
        names = [hit.label.removeprefix("near ") for hit in group]
        label = _names_label(names, near)
        negated = group[0].negated
        term = PlaceTerm(f"not: {label}" if negated else label, areas, negated)
        terms.append(term)
        spans.append((min(hit.removal_start for hit in group), max(hit.end for hit in group)))
        for hit in group:
            if hit.ambiguous_candidates:
                candidates = tuple(PlaceTerm(known_label(p), (known_area(p, None),), hit.negated) for p in hit.ambiguous_candidates)
                ambiguous.append(AmbiguousPlace(hit.phrase, candidates))
    return PlaceResult(terms, ambiguous, spans)

