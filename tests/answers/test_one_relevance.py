"""One relevance, as far as it goes: without a sentence model an answer says it matched by exact words, and a word no
photo has is named, never matched by some other rule."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

from assistant.answers import answer_question
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.testing.library import photo_table

GYM_DAYS = (4, 7, 12, 19, 26)


def _photos() -> list[tuple[datetime, str, str, float]]:
    """March 2019 as a camera's captioner writes it: the same caption on every photo of a place, and five evenings at a
    gym whose photos never say 'exercise'."""
    photos = []
    for day in range(1, 32):
        morning = datetime(2019, 3, day, 8)
        photos += [(morning + timedelta(minutes=10 * step), "a kitchen table with a cup of tea", "Home", 53.35) for step in range(4)]
        if datetime(2019, 3, day).weekday() < 5:
            photos += [(morning + timedelta(hours=1, minutes=20 * step), "a man sitting at a desk with a laptop", "Northwind Offices", 53.34)
                       for step in range(20)]
        if day in GYM_DAYS:
            photos += [(morning + timedelta(hours=10, minutes=10 * step), "a man lifting weights in a gym", "IronWorks", 53.36) for step in range(5)]
    return sorted(photos)


def _library(folder) -> Library:
    photos = _photos()
    table = photo_table(np.array([photo[0] for photo in photos], dtype="datetime64[s]"), caption=[photo[1] for photo in photos],
                        semantic_name=[photo[2] for photo in photos], city="Dublin", country="Ireland", country_code="IE",
                        lat=[photo[3] for photo in photos], lng=-6.26)
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def test_without_a_sentence_model_the_answer_says_it_matched_exact_words(tmp_path):
    library = _library(tmp_path / "lib")
    found = answer_question(library, "How many times did I go to the gym in March 2019?")
    assert found.value == len(GYM_DAYS) and "matched by exact words only" in found.why
    unseen = answer_question(library, "How many times did I exercise in March 2019?")
    assert unseen.value is None and "'exercise'" in unseen.text
