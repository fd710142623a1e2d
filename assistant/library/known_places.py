"""The places a person has been, from the library's own metadata, for the query parser: every semantic name, city
and country with a located photo, found when a generation is committed (known_places_of) and written beside it
(save_known_places), so that opening a library reads them (read_known_places). A library written before that works
them out from its coded columns as it opens (known_places_from_codes)."""

from __future__ import annotations

import json
from concurrent.futures import Future
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.geo import haversine_km
from ..query import KnownPlace
from .store import LibraryDamaged, repair_hint

# A known place's radius: the spread of its photos, but never smaller than GPS noise.
_MIN_PLACE_RADIUS_KM = {"semantic": 0.15, "city": 3.0, "country": 50.0}
_DISTANCES_AT_ONCE = 1 << 20  # photos per haversine call: its temporaries then fit memory the allocator reuses
PLACE_COLUMNS = ("semantic_name", "city", "country", "country_code")


def known_places_from_codes(coded: dict[str, tuple[np.ndarray, np.ndarray]], lat: np.ndarray, lng: np.ndarray) -> list[KnownPlace]:
    """Every semantic name, city and country (coded, see codes_of) with a located photo: the median of
    its located photos, the 95th percentile of their distances from it (at least GPS noise), its most
    common country code and its number of photos. A loop per name, not per photo; scratch arrays are
    reused from one name to the next, as fresh memory for ten million photos costs more than the sums."""
    located = np.isfinite(lat) & np.isfinite(lng)
    located = slice(None) if located.all() else np.flatnonzero(located)
    lat, lng = lat[located], lng[located]
    lats, lngs, scratch = np.empty_like(lat), np.empty_like(lng), np.empty_like(lat)
    code_values, country_codes = coded["country_code"]
    places = []
    for kind, column in (("semantic", "semantic_name"), ("city", "city"), ("country", "country")):
        values, codes = coded[column]
        # photos of each name (rows) with each country code (columns); the first row and column: none
        pairs = np.bincount((codes + 1) * (len(code_values) + 1) + country_codes + 1, minlength=(len(values) + 1) * (len(code_values) + 1))
        pairs = pairs.reshape(len(values) + 1, len(code_values) + 1)[1:]
        here = codes[located]
        order = np.argsort(here.astype(np.int16) if len(values) < np.iinfo(np.int16).max else here, kind="stable")  # a radix sort
        np.take(lat, order, out=lats, mode="clip")  # located photos by name, in row order within one ("clip": unbuffered)
        np.take(lng, order, out=lngs, mode="clip")
        bounds = np.cumsum(np.bincount(here + 1, minlength=len(values) + 1))  # where each name's photos end
        for code in np.flatnonzero((values != "") & (bounds[1:] > bounds[:-1])):
            first, end = bounds[code], bounds[code + 1]
            centre = _median(lats[first:end], scratch), _median(lngs[first:end], scratch)
            spread = scratch[: end - first]
            for start in range(first, end, _DISTANCES_AT_ONCE):
                stop = min(start + _DISTANCES_AT_ONCE, end)
                spread[start - first : stop - first] = haversine_km(*centre, lats[start:stop], lngs[start:stop])
            codes_here = pairs[code, 1:]
            places.append(
                KnownPlace(
                    name=str(values[code]),
                    kind=kind,
                    lat=centre[0],
                    lng=centre[1],
                    radius_km=max(_MIN_PLACE_RADIUS_KM[kind], float(np.percentile(spread, 95, overwrite_input=True))),
                    # the most frequent code; ties: the first by name, as pandas' mode
                    country_code=str(code_values[codes_here.argmax()]) if codes_here.any() else "",
                    photo_count=int(pairs[code].sum()),
                )
            )
    return places


def known_places_of(photos: pd.DataFrame) -> list[KnownPlace]:
    """A photo table's known places, as a loaded library finds them (known_places_from_codes): written with each
    generation (save_known_places), so that opening a library reads them rather than works them out,
    which costs about 3 s of a core at ten million photos."""
    coded = {}
    for column in PLACE_COLUMNS:
        codes, values = pd.factorize(photos[column], sort=True)  # sorted distinct names; -1 where none, as codes_of
        coded[column] = np.asarray(values, dtype=object), codes.astype(np.int32)
    return known_places_from_codes(coded, photos["lat"].to_numpy(dtype=np.float64), photos["lng"].to_numpy(dtype=np.float64))


def save_known_places(places: list[KnownPlace], path: Path) -> None:
    Path(path).write_text(json.dumps([asdict(place) for place in places]))


def read_known_places(folder: Path, name: str) -> Future:
    """The generation's known places (a finished future, as when they are worked out on a thread)."""
    path = folder / name
    try:
        places = [KnownPlace(**fields) for fields in json.loads(path.read_text())]
    except (OSError, ValueError, TypeError) as error:
        raise LibraryDamaged(f"the known places file {path} is unreadable ({error}); {repair_hint(folder)}") from error
    read = Future()
    read.set_result(places)
    return read


def _median(values: np.ndarray, scratch: np.ndarray) -> float:
    """np.median of the values, worked out in place in a copy in the scratch array."""
    copy = scratch[: len(values)]
    copy[:] = values
    return float(np.median(copy, overwrite_input=True))
