"""--online-places: Nominatim for place names nothing offline knows, off unless asked for, one request a
second, answers cached on disk, and a clear notice when it cannot be reached. No test reaches the network:
a fake stands in for geopy's Nominatim client."""

from __future__ import annotations

from datetime import datetime

import pytest
from assistant.query import parse_query
from assistant.query import online
from assistant.query.online import NominatimGeocoder, geocoder_for
from assistant.core.settings import Settings

# A made-up village the offline gazetteer cannot know, which the fake Nominatim places around Dublin.
VILLAGE = "Ballykilleen"
BOX = ["53.10", "53.60", "-6.60", "-5.90"]  # south, north, west, east


class FakeLocation:
    def __init__(self, lat, lng, raw):
        self.latitude, self.longitude, self.raw = lat, lng, raw


class FakeNominatim:
    """Answers like geopy's Nominatim client for one village, or fails like it does without a network."""

    def __init__(self, *, offline: bool = False, **_):
        self.offline = offline
        self.asked: list[str] = []

    def geocode(self, query, exactly_one=True, timeout=None, addressdetails=False):
        self.asked.append(query)
        if self.offline:
            raise OSError("Name or service not known")
        if query != VILLAGE:
            return None
        return FakeLocation(53.35, -6.26, {"boundingbox": BOX, "address": {"country_code": "ie"}})


class FakeClock:
    """time.monotonic and time.sleep for the rate limit, without waiting."""

    def __init__(self):
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


NOW = datetime(2020, 6, 30, 23, 59)


@pytest.mark.parametrize(
    "flag, environment, expected",
    [(None, None, False), (None, "1", True), (None, "true", True), (None, "0", False), (True, "0", True), (False, "1", False)],
)
def test_online_places_are_off_unless_asked_for(monkeypatch, flag, environment, expected):
    if environment is None:
        monkeypatch.delenv("LIFELOG_ONLINE_PLACES", raising=False)
    else:
        monkeypatch.setenv("LIFELOG_ONLINE_PLACES", environment)
    settings = Settings.resolve(online_places=flag)
    assert settings.online_places is expected
    assert (geocoder_for(settings) is not None) is expected


def test_the_radius_is_half_the_bounding_boxs_diagonal(tmp_path):
    area = NominatimGeocoder(tmp_path / "places.json", client=FakeNominatim()).locate(VILLAGE)
    # 0.5 degrees of latitude is 55.6 km and 0.7 of longitude at 53.35 N is 46.5 km: a diagonal of 72.5 km
    assert area.radius_km == pytest.approx(72.5 / 2, rel=0.01)


def test_one_request_a_second_at_most(tmp_path, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(online, "time", clock)
    client = FakeNominatim()
    geocoder = NominatimGeocoder(tmp_path / "places.json", client=client)
    geocoder.locate(VILLAGE)
    clock.now += 0.25
    geocoder.locate("Nowhere At All")
    geocoder.locate(VILLAGE)  # cached: no request, no wait
    assert client.asked == [VILLAGE, "Nowhere At All"]
    assert clock.slept == [pytest.approx(0.75)]


def test_without_a_network_the_geocoder_says_so_and_parsing_goes_on(tmp_path):
    geocoder = NominatimGeocoder(tmp_path / "places.json", client=FakeNominatim(offline=True))
    parsed = parse_query(f"coffee in {VILLAGE} last week", now=NOW, geocoder=geocoder)
    assert parsed.place.terms == () and parsed.time.terms  # the rest of the memory is still understood
    assert "Nominatim could not be reached" in geocoder.unreachable and "--online-places" in geocoder.unreachable
    geocoder._client = FakeNominatim()  # the network is back
    assert geocoder.locate(VILLAGE) is not None and geocoder.unreachable is None


def test_search_finds_the_village_and_notes_when_offline(tmp_path):
    from assistant.library import Library
    from assistant.query import QueryContext
    from assistant.search import SearchRequest, search
    from assistant.testing.library import write_synthetic_library

    library = Library.open(write_synthetic_library(tmp_path / "lib", 400, dim=16, places=8))
    near_dublin = sum(record["city"] == "Dublin" for record in library.records(range(len(library))))
    assert 0 < near_dublin < len(library)
    request = SearchRequest(text=f"in {VILLAGE}", group_events=False)
    found = search(library, None, request, QueryContext.of(library, geocoder=NominatimGeocoder(tmp_path / "places.json", client=FakeNominatim())))
    assert found.matched == near_dublin and not any("Nominatim" in notice for notice in found.notices)
    offline_geocoder = NominatimGeocoder(tmp_path / "other.json", client=FakeNominatim(offline=True))
    offline = search(library, None, request, QueryContext.of(library, geocoder=offline_geocoder))
    assert offline.matched == len(library)
    assert any("Nominatim could not be reached" in notice for notice in offline.notices)
    assert search(library, None, request).matched == len(library)  # offline by default: nothing asked


@pytest.fixture()
def fake_nominatim(monkeypatch, tmp_path):
    """geopy's Nominatim replaced by the fake, and the answers' cache in a fresh folder."""
    import geopy.geocoders

    clients: list[FakeNominatim] = []
    monkeypatch.setattr(geopy.geocoders, "Nominatim", lambda **kwargs: clients.append(FakeNominatim(**kwargs)) or clients[-1])
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no default library: parse without one
    monkeypatch.delenv("LIFELOG_LIBRARY", raising=False)
    monkeypatch.delenv("LIFELOG_ONLINE_PLACES", raising=False)
    return clients


def test_the_parse_command_asks_only_with_the_flag(fake_nominatim, capsys, tmp_path):
    from assistant.cli import main

    arguments = ["parse", f"we stayed in {VILLAGE}", "--now", "2020-06-30T00:00"]
    assert main(arguments) == 0
    assert f"near {VILLAGE}" not in capsys.readouterr().out and fake_nominatim == []  # not even built
    assert main(arguments + ["--online-places"]) == 0
    assert f"near {VILLAGE}" in capsys.readouterr().out and fake_nominatim[0].asked == [VILLAGE]
    assert (tmp_path / "cache" / "lifelog-assistant" / "online-places.json").exists()


def test_the_app_passes_online_places_to_its_assistants(fake_nominatim, tmp_path):
    from assistant.cli import parse_app_args
    from assistant.chat import ChatState
    from assistant.testing.library import write_synthetic_library
    from assistant.web import create_pool

    assert parse_app_args(["--online-places"]).online_places is True and parse_app_args([]).online_places is None
    library = write_synthetic_library(tmp_path / "lib", 200, dim=16, places=4)
    assert create_pool(library=str(library)).assistant().geocoder is None
    assistant = create_pool(library=str(library), online_places=True).assistant()
    turn = assistant.respond(ChatState(), f"in {VILLAGE}")
    assert f"near {VILLAGE}" in turn.reply and fake_nominatim[-1].asked == [VILLAGE]
