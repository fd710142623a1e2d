"""Where one usually goes: "where do I usually go on Saturday mornings" is the habit's place (the market every
week), not the one Saturday away on a trip, which a "where was I on Saturday" would prefer to home."""

from __future__ import annotations

from datetime import datetime, timedelta

from assistant.answers import answer_question

from test_honesty import DUBLIN, ROME, _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay


def test_the_usual_place_of_a_time_is_the_habit_not_the_trip(tmp_path):
    photos, day = [], datetime(2019, 5, 1)
    while day < datetime(2019, 7, 1):
        if datetime(2019, 6, 7) <= day <= datetime(2019, 6, 9):  # a weekend in Rome
            photos += _stay(day.replace(hour=9), 180, ROME, 41.89, 12.48, "Colosseum")
        else:
            photos += _stay(day.replace(hour=8), 40, DUBLIN, 53.35, -6.26, "Home")
            if day.weekday() == 5:
                photos += _stay(day.replace(hour=10), 90, DUBLIN, 53.345, -6.264, "Temple Bar Food Market", "a market with fruit stalls")
            photos += _stay(day.replace(hour=19), 90, DUBLIN, 53.35, -6.26, "Home")
        day += timedelta(days=1)
    library = _commit(tmp_path / "lib", sorted(photos, key=lambda photo: photo[0]))
    assert answer_question(library, "Where do I usually go on Saturday mornings?").value == "Temple Bar Food Market"
    assert answer_question(library, "Where was I on Saturday 8 June 2019?").value == "Rome"
