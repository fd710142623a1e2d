"""The map's base at city scale: the library's own GPS trail, lines between photos close in time and space."""

from datetime import datetime

import numpy as np
import pytest

from assistant.core.geo import web_mercator
from assistant.web.mapview import MapPoint, MapView, render_map
from assistant.web.trail import FINEST_ZOOM, TILE_PIXELS, Trail, trail_of

LAND = (246, 243, 236)
STREET_LAT, NORTH_STREET_LAT = 53.3400, 53.3850  # 5 km apart: no walk joins them
FIRST_LNG, STEP_LNG, STEPS = -6.2800, 0.004, 12  # a photo every ~265 m, a minute apart


def walk() -> list[tuple[float, float]]:
    """A walk east along one street, then (a minute later, 5 km north: no walk does that) along another."""
    lngs = [FIRST_LNG + STEP_LNG * i for i in range(STEPS)]
    return [(STREET_LAT, lng) for lng in lngs] + [(NORTH_STREET_LAT, lng) for lng in lngs]


@pytest.fixture(scope="module")
def walked_library(tmp_path_factory, tiny_encoder):
    """A real library of that walk (LSC metadata with the walk's positions)."""
    import pandas as pd

    from assistant.indexing import IndexOptions, index_photos
    from conftest import write_lsc_source

    folder = tmp_path_factory.mktemp("walk")
    source = write_lsc_source(folder, 2 * STEPS, start=datetime(2019, 5, 3, 10, 0), step_minutes=1)
    metadata = pd.read_csv(source.metadata_csv)
    metadata["new_lat"], metadata["new_lng"] = zip(*walk())
    metadata.to_csv(source.metadata_csv, index=False)
    library = folder / "library"
    index_photos(library, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="Europe/Dublin", metadata_csv=source.metadata_csv, workers=1))
    return library


def is_trail(pixel) -> bool:
    """Land darkened towards the trail's blue."""
    return pixel != LAND and pixel[2] > pixel[0] + 20


def test_the_trail_joins_the_photos_of_a_walk_at_city_scale_but_not_a_jump(walked_library):
    from assistant.library import Library

    library = Library.open(walked_library)
    pins = [MapPoint(STREET_LAT, FIRST_LNG, "1"), MapPoint(NORTH_STREET_LAT, FIRST_LNG + STEP_LNG * (STEPS - 1), "2")]
    view = MapView.around(pins, 640, 360)
    assert view.km_across() < 20  # city scale
    drawn, bare = render_map(pins, trail=trail_of(library)), render_map(pins)
    # halfway between consecutive photos of each street, where no photo was: the line between them
    halfway = [(lat, FIRST_LNG + STEP_LNG * (i + 0.5)) for lat in (STREET_LAT, NORTH_STREET_LAT) for i in range(1, STEPS - 2)]
    on_street = [drawn.getpixel(tuple(int(v) for v in view.pixel(lng, lat))) for lat, lng in halfway]
    assert all(is_trail(pixel) for pixel in on_street), on_street
    assert not any(is_trail(bare.getpixel(tuple(int(v) for v in view.pixel(lng, lat)))) for lat, lng in halfway)
    # the jump between the streets is no walk: nothing drawn along it
    last, first_north = (STREET_LAT, FIRST_LNG + STEP_LNG * (STEPS - 1)), (NORTH_STREET_LAT, FIRST_LNG)
    along_jump = [(last[0] + (first_north[0] - last[0]) * f, last[1] + (first_north[1] - last[1]) * f) for f in (0.3, 0.5, 0.7)]
    assert not any(is_trail(drawn.getpixel(tuple(int(v) for v in view.pixel(lng, lat)))) for lat, lng in along_jump)


def test_the_app_draws_a_users_map_over_their_librarys_trail(walked_library, tiny_clip_dir):
    from assistant.chat import ChatState
    from assistant.web import Actions, Visitor, create_pool

    actions = Actions(create_pool(library=str(walked_library), model=str(tiny_clip_dir)))
    visitor = Visitor(None, "session")
    turn = actions.message(visitor, ChatState(), "on Friday 3 May 2019")
    assert turn.moments
    drawn = np.asarray(actions.map_of(visitor, turn.moments))
    trail_pixels = (drawn[..., 2].astype(int) > drawn[..., 0].astype(int) + 20) & np.any(drawn != LAND, axis=-1)
    assert trail_pixels.sum() > 100  # lines along both streets, not only the pins (which are red)
    assert actions.tiles is None  # offline unless asked for


def cells_between(seconds_apart: float, km_apart: float) -> int:
    """How many finest-zoom pixels strictly between two photos the trail passes through."""
    lat, lng = 53.34, -6.28
    lngs = [lng, lng + km_apart / (111.32 * np.cos(np.radians(lat)))]
    trail = Trail(np.array([lat, lat]), np.array(lngs), np.array([0, seconds_apart]))
    x = web_mercator(lat, np.array(lngs))[0] * TILE_PIXELS * 2.0**FINEST_ZOOM
    cells = trail.cells(FINEST_ZOOM)
    return int(((cells.x > np.floor(x[0]) + 1) & (cells.x < np.floor(x[1]) - 1)).sum())


@pytest.mark.parametrize(
    "seconds_apart, km_apart, joined",
    [(60, 1.0, True), (14 * 60, 2.5, True), (2 * 3600, 1.0, False), (60, 5.0, False), (20 * 60, 0.3, False)],
)
def test_photos_are_joined_only_when_close_in_time_and_space(seconds_apart, km_apart, joined):
    assert (cells_between(seconds_apart, km_apart) > 0) == joined


def test_coarser_zooms_merge_the_finer_cells_and_keep_the_count_of_visits():
    rng = np.random.default_rng(0)
    lat, lng = 53.34 + rng.normal(0, 0.01, 5000), -6.28 + rng.normal(0, 0.01, 5000)
    trail = Trail(lat, lng, np.arange(5000) * 3600)  # an hour apart: photos only, no lines
    assert trail.cells(FINEST_ZOOM).visits.sum() == trail.cells(3).visits.sum() == 5000
    assert len(trail.cells(3).x) < len(trail.cells(10).x) <= len(trail.cells(FINEST_ZOOM).x)


def test_a_library_has_one_trail_per_open_generation(walked_library):
    from assistant.library import Library

    opened = Library.open(walked_library)
    assert trail_of(opened) is trail_of(opened)
    assert trail_of(Library.open(walked_library)) is not trail_of(opened)
