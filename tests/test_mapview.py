"""The offline map: numbered markers where the moments were, their place names beside them, no network."""

import pytest

from assistant.web.mapview import MapPoint, map_font, render_map

DUBLIN, THESSALONIKI = (53.3498, -6.2603), (40.6401, 22.9444)
MARKER = (200, 40, 40)


def red_pixels(image):
    return [(x, y) for x in range(image.width) for y in range(image.height) if image.getpixel((x, y)) == MARKER]


def test_markers_sit_where_the_points_are_and_the_first_is_on_top():
    image = render_map([MapPoint(*DUBLIN, "1"), MapPoint(*THESSALONIKI, "2")], width=400, height=300)
    assert image.size == (400, 300)
    red = red_pixels(image)
    assert red, "no markers drawn"
    xs = sorted(x for x, _ in red)
    assert xs[0] < 200 < xs[-1]  # Dublin to the west, Thessaloniki to the east
    land = {image.getpixel((x, y)) for x in range(0, 400, 10) for y in range(0, 300, 10)}
    assert (246, 243, 236) in land and (214, 228, 240) in land  # country outlines over sea, drawn offline


def test_names_are_written_once_and_never_over_each_other():
    plain = render_map([MapPoint(*DUBLIN, "1")])
    named = render_map([MapPoint(*DUBLIN, "1", "Grafton Street"), MapPoint(DUBLIN[0], DUBLIN[1] + 0.0001, "2", "Grafton Street")])
    # the same two points, so the view and the anti-aliasing are the same: only the second name differs
    twice = render_map([MapPoint(*DUBLIN, "1", "Grafton Street"), MapPoint(DUBLIN[0], DUBLIN[1] + 0.0001, "2", "Home")])
    ink = lambda image: sum(1 for pixel in image.getdata() if max(pixel) < 90)  # dark text pixels
    assert ink(named) > ink(plain)  # the name is written
    assert ink(twice) == ink(named)  # a second name that would overlap the first is left out


def test_a_name_near_the_right_edge_is_written_to_the_left_of_its_marker():
    image = render_map([MapPoint(*DUBLIN, "1"), MapPoint(*THESSALONIKI, "2", "Taverna Ladadika")], width=400, height=300)
    right_edge = [image.getpixel((399, y)) for y in range(300)]
    assert all(max(pixel) >= 90 for pixel in right_edge)  # no text cut off at the edge
    marker_x = max(x for x, _ in red_pixels(image))
    ink_left = [(x, y) for x in range(marker_x - 20) for y in range(300) if max(image.getpixel((x, y))) < 90 and y < 280]
    assert ink_left, "the name should sit left of the marker"


MISSING = "\u0378"  # an unassigned code point: every font draws its missing-glyph box (.notdef) for it
PLACE_NAMES = ["Bewley's Café", "Θεσσαλονίκη", "Москва"]


@pytest.mark.parametrize("name", PLACE_NAMES)
def test_the_map_font_has_a_glyph_for_every_letter_of_latin_greek_and_cyrillic_names(name):
    font = map_font()
    box = bytes(font.getmask(MISSING))
    assert [letter for letter in set(name) - {" "} if bytes(font.getmask(letter)) == box] == []


@pytest.mark.parametrize("name", PLACE_NAMES)
def test_place_names_are_drawn_in_their_own_letters_not_boxes(name):
    drawn = render_map([MapPoint(*DUBLIN, "1", name)])
    non_ascii_as_boxes = "".join(letter if letter.isascii() else MISSING for letter in name)
    boxed = render_map([MapPoint(*DUBLIN, "1", non_ascii_as_boxes)])
    assert drawn.tobytes() != boxed.tobytes()  # a font without these letters draws the same boxes both times
