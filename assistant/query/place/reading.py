"""What place finding reads a message with: the words that make a phrase a place or a description, the hits found
(`Hit`), each phrase's context (`Context`: is it negated, attributive, a venue's name) and the result."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..gazetteer import City, WorldGazetteer, city_radius_km, language_gazetteer, world_gazetteer
from ..text import FUNCTION_WORDS, Span, is_capitalized, negation_start, next_word, normalize, previous_words, words
from .known import KnownIndex
from .model import AmbiguousPlace, Area, KnownPlace, PlaceTerm


STATIC = {"at", "in", "inside", "outside", "near", "around", "within", "by", "nearby", "throughout", "across"}


TRAVEL = {"to", "into", "towards", "toward", "visiting", "visited", "visit", "through", "reached", "arrived", "via", "toured",
           "touring", "exploring", "explored", "holiday", "holidays", "trip", "vacation", "over"}


# Verbs whose "to" ends at the place ("I went to Estrella"), unlike a vehicle's ("a taxi to the airport").
ARRIVING = {"go", "goes", "went", "gone", "going", "come", "came", "get", "got", "return", "returned", "walk", "walked",
             "moved"}


DEPARTURE = {"from", "leaving", "left", "departing", "departed", "flew", "fly", "flying"}


_NAME_INTRODUCERS = {"called", "named", "name", "titled", "brand", "says", "said", "reads", "read", "reading", "labelled",
                     "labeled", "logo"}


_VEHICLES = {"flight", "flights", "plane", "train", "trains", "bus", "buses", "coach", "ferry", "boat", "taxi", "cab", "ticket",
             "tickets", "road", "roads", "way", "route", "sign", "signs", "directions", "motorway", "highway", "ride", "lift",
             "connection", "gate", "boarding", "departures"}


# How far from a city's centre its airport may lie ("Porto airport", "at Dublin airport").
AIRPORT_REACH_KM = 30.0


# "a taxi to Lyon station": the ride ends at a place in the city, so the moment is there, unlike "a flight to Korea".
VENUES_AFTER_NAME = {"station", "airport", "port", "harbour", "harbor", "university", "uni", "campus", "college", "terminal",
                      "pier", "docks", "marina", "hospital", "hotel", "stadium"}


SPORTS_TEAM = re.compile(
    r"\s+(?:(?:were|was|are|is|had)\s+)?(?:playing|played|won|lost|beat|beating|scored|drew|vs?\b\.?|versus|against)\b", re.IGNORECASE)


INDEFINITE = {"a", "an", "another", "some", "any", "every", "each"}


ARTICLES = {"the", "my", "our", "his", "her", "their", "your"}


HOME_MOVEMENT = {"way", "walk", "walking", "walked", "drive", "driving", "drove", "going", "go", "went", "heading", "headed",
                  "cycling", "cycled", "cycle", "ride", "riding", "journey", "trip", "bus", "train", "taxi", "came", "coming",
                  "come", "ran", "run", "running", "travelling", "traveling", "flew", "flying", "home", "back", "left", "leaving"}


HOME_COMPOUNDS = {"made", "cooked", "grown", "brewed", "baked", "town", "page", "screen", "team", "game", "ground", "office",
                   "improvement", "decor", "wares", "work", "owner", "owners", "button", "run"}


_EXCLUDING = re.compile(
    r"(?:\b(?:anywhere|somewhere|everywhere)\s+(?:but|except|other\s+than)|\bother\s+than|\bexcept(?:\s+for)?|\bapart\s+from"
    r"|\baway\s+from)\s+(?:the\s+)?$", re.IGNORECASE)


JOINED = re.compile(r"\s*(?:,\s*)?(?:\bor\b|\band\b|/)\s*(?:(?:in|at|near|around)\s+)?(?:the\s+)?$", re.IGNORECASE)


COMMA_LIST = re.compile(r"\s*,\s*(?:(?:in|at|near)\s+)?$", re.IGNORECASE)


@dataclass
class Hit:
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


def city_area(city: City) -> Area:
    radius = city_radius_km(city.population) if city.population else 6.0
    return Area("city", city.name, city.lat, city.lng, radius, city.country_code)


def names_label(names: list[str], near: bool) -> str:
    unique = list(dict.fromkeys(names))
    text = unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " or " + unique[-1]
    return f"near {text}" if near else text


class Context:
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


def is_name_not_place(ctx: Context, start: int) -> bool:
    """ "a bar called the Brazen Head": a name seen on a sign, not a place to filter on."""
    previous = [word for word in ctx.previous(start, 3) if word not in ARTICLES]
    return bool(previous) and previous[-1] in _NAME_INTRODUCERS


def word_after_name(ctx: Context, end: int) -> tuple[str, str]:
    """The word right after a name and what separates them, as next_word; no word when it belongs to a time phrase
    or clause cut out of the blanked text ("in Paris yesterday" is no "Paris Hilton")."""
    word, gap = next_word(ctx.text, end)
    at = end + len(gap)
    return (word, gap) if ctx.blanked[at:at + len(word)] == word else ("", gap)


def attributive(ctx: Context, end: int, allowed: set[str] = frozenset()) -> bool:
    """ "Thai food", "Paris Hilton", "Ireland jersey": the name describes the next word."""
    word, gap = word_after_name(ctx, end)
    if not word or gap.strip():
        return False
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in allowed or lower.rstrip("s") in allowed:
        return False
    return True


def capitalized_phrase(ctx: Context, start: int, end: int) -> bool:
    glue = {"of", "the", "and", "de", "upon", "on", "la", "le", "el"}
    significant = [w for _, _, w in words(ctx.text, start, end) if w.lower() not in glue]
    return bool(significant) and all(is_capitalized(w) for w in significant)


def _names_a_venue(ctx: Context, end: int) -> bool:
    """Is the name ending at `end` followed by a venue it holds: "Lyon station", "Porto Airport", "Galway university"?"""
    word, gap = next_word(ctx.text, end)
    return bool(word) and not gap.strip() and word.lower() in VENUES_AFTER_NAME


def decide_polarity(ctx: Context, start: int, end: int, prep: str, prep_start: int, kind: str) -> tuple[bool, int] | None:
    """(negated, where the phrase to cut out begins), or None when the mention is no constraint."""
    intro_start = prep_start if prep else start
    excluding = _EXCLUDING.search(ctx.text, max(0, start - 40), start)
    if excluding and excluding.end() == start:
        return True, excluding.start()
    negation = negation_start(ctx.text, intro_start)
    if negation is None and prep:
        negation = negation_start(ctx.text, start)  # "not in": the negation ends right before the name
    if prep in DEPARTURE:
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
