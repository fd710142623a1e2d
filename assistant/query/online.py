"""An online fallback for place names nothing offline knows: geopy's Nominatim, polite and cached.

Off unless asked for (`--online-places`, LIFELOG_ONLINE_PLACES): `geocoder_for(settings)` builds one for
`parse_query(..., geocoder=...)`. Nominatim's usage policy asks for at most one request a second and a
User-Agent naming the application; answers (found or not) are cached on disk, so a name is asked about
once. When Nominatim cannot be reached, `unreachable` says so and parsing goes on offline.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from ..core.files import write_atomically
from ..core.settings import Settings, online_places_cache
from .gazetteer import city_radius_km
from .place import Area

DEFAULT_USER_AGENT = "lifelog-assistant/0.1 (local-first lifelog search)"
CACHE_VERSION = 1
MIN_SECONDS_BETWEEN_REQUESTS = 1.0
MAX_RADIUS_KM = 60.0


class NominatimGeocoder:
    """`locate(phrase) -> Area | None` through Nominatim, at most one request a second, cached in a JSON file.

    `client` is any object with geopy's `geocode(query, exactly_one=True, timeout=...)`; by default a
    `geopy.geocoders.Nominatim` with our User-Agent (tests pass a fake and never reach the network).
    """

    def __init__(self, cache_path: Path | str, *, user_agent: str = DEFAULT_USER_AGENT, client=None, timeout_s: float = 10.0):
        self.cache_path = Path(cache_path).expanduser()
        self.timeout_s = timeout_s
        if client is None:
            from geopy.geocoders import Nominatim

            client = Nominatim(user_agent=user_agent)
        self._client = client
        self._lock = threading.Lock()
        self._last_request = 0.0
        self._cache = self._read_cache()
        # Why the last request failed, for a notice; None once Nominatim answers again.
        self.unreachable: str | None = None

    def _read_cache(self) -> dict:
        try:
            stored = json.loads(self.cache_path.read_text())
        except (OSError, ValueError):
            return {}
        if stored.get("version") != CACHE_VERSION:
            return {}
        return stored.get("answers", {})

    def _write_cache(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        answers = {"version": CACHE_VERSION, "answers": self._cache}
        write_atomically(self.cache_path, lambda tmp: tmp.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8"))

    def locate(self, phrase: str) -> Area | None:
        key = " ".join(phrase.lower().split())
        with self._lock:
            if key in self._cache:
                answer = self._cache[key]
            else:
                answer, lasting = self._ask(phrase)
                if lasting:  # a failed request is asked again next time; "no such place" is not
                    self._cache[key] = answer
                    self._write_cache()
        if answer is None:
            return None
        return Area("geocoded", answer["name"], answer["lat"], answer["lng"], answer["radius_km"], answer.get("country_code", ""))

    def _ask(self, phrase: str) -> tuple[dict | None, bool]:
        """(answer or None, whether the answer is worth caching)."""
        wait = MIN_SECONDS_BETWEEN_REQUESTS - (time.monotonic() - self._last_request)
        if wait > 0:
            time.sleep(wait)
        try:
            location = self._client.geocode(phrase, exactly_one=True, timeout=self.timeout_s, addressdetails=True)
        except Exception as error:  # offline, refused, timed out: unknown this time, not for ever
            self.unreachable = (
                f"online places are on, but Nominatim could not be reached ({type(error).__name__}): only places "
                "known offline were found. Check the network connection, or leave out --online-places"
            )
            return None, False
        finally:
            self._last_request = time.monotonic()
        self.unreachable = None
        if location is None:
            return None, True
        raw = getattr(location, "raw", {}) or {}
        answer = {
            "name": phrase.strip(),
            "lat": float(location.latitude),
            "lng": float(location.longitude),
            "radius_km": _radius_from_bounding_box(raw.get("boundingbox")),
            "country_code": str((raw.get("address") or {}).get("country_code", "")).upper(),
        }
        return answer, True


def _radius_from_bounding_box(box) -> float:
    """Half the diagonal of Nominatim's bounding box, kept between a town's and a big city's radius."""
    from geopy.distance import distance  # here: importing geopy (its geocoders, requests) costs a cold command 0.1 s

    try:
        south, north, west, east = (float(value) for value in box)
    except (TypeError, ValueError):
        return city_radius_km(0)
    half_diagonal = distance((south, west), (north, east)).km / 2
    return max(1.0, min(MAX_RADIUS_KM, half_diagonal))


def geocoder_for(settings: Settings) -> NominatimGeocoder | None:
    """The online fallback when the settings ask for it (`--online-places`); None keeps parsing offline."""
    return NominatimGeocoder(online_places_cache()) if settings.online_places else None
