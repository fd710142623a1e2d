"""What was eaten, read from a captioner's words: "a crab omelette on a plate" says the omelette was served, as "a plate
of ramen" says the ramen; a table, a person or a plate of "food" is never what was eaten."""

from __future__ import annotations

from datetime import datetime

import pytest

from assistant.answers import answer_question
from assistant.answers.words import said_things

from test_honesty import _commit  # the same small-life writer
from test_travel_clock import _stay  # a photo every ten minutes of a stay

THAILAND = dict(city="Bangkok", country="Thailand", country_code="TH")


@pytest.mark.parametrize("caption, served", [
    ("a crab omelette on a plate", ["crab omelette"]),
    ("noodles in a bowl", ["noodles"]),
    ("a plate of food on a table", ["food"]),
    ("a cake with candles on a table", []),
    ("a table with a plate on it", []),
    ("a man sitting at a table with a plate of food", ["food"]),
])
def test_what_a_caption_says_was_served(caption, served):
    assert said_things(caption) == served


@pytest.fixture(scope="module")
def dinner_at_jay_fai(tmp_path_factory):
    """An evening at a restaurant whose photos mostly say nothing of the dish; one shows it on its plate."""
    photos = _stay(datetime(2025, 2, 10, 19), 90, THAILAND, 13.7525, 100.5045, "Jay Fai", "a plate of food on a table")
    photos[4] = (photos[4][0], "a crab omelette on a plate", *photos[4][2:])
    photos += _stay(datetime(2025, 2, 11, 12), 60, THAILAND, 13.7400, 100.5100, "", "a table with glasses of wine")
    return _commit(tmp_path_factory.mktemp("served") / "lib", photos)


def test_what_i_ate_is_what_was_served_on_the_plate(dinner_at_jay_fai):
    answer = answer_question(dinner_at_jay_fai, "What did I eat at Jay Fai?")
    assert answer.value == "crab omelette" and answer.evidence[0].startswith("20250210_1940")
