"""A name the gazetteer knows as a far-away town no photo was taken in, but that a place in the photos' metadata
has, is that place: "when did I go to the Prado" is the day at the Museo del Prado, not nothing near Prado, Brazil."""

from __future__ import annotations

from datetime import datetime, timedelta

from assistant.answers import answer_question

from test_honesty import DUBLIN, _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay

MADRID = dict(city="Madrid", country="Spain", country_code="ES")


def test_a_place_the_metadata_names_is_found_by_its_name_not_the_gazetteers_town(tmp_path):
    photos, day = [], datetime(2019, 5, 1)
    while day < datetime(2019, 6, 1):
        if not datetime(2019, 5, 14) <= day <= datetime(2019, 5, 16):
            photos += _stay(day.replace(hour=8), 60, DUBLIN, 53.35, -6.26, "Home")
        day += timedelta(days=1)
    for day in (14, 15, 16):
        photos += _stay(datetime(2019, 5, day, 8), 60, MADRID, 40.407, -3.690, "Hotel Catalonia Atocha")
    photos += _stay(datetime(2019, 5, 15, 10), 150, MADRID, 40.4138, -3.6921, "Museo del Prado", "a painting on a wall")
    library = _commit(tmp_path / "lib", sorted(photos, key=lambda photo: photo[0]))
    answer = answer_question(library, "When did I go to the Prado?")
    assert answer.value == "2019-05-15"
