import numpy as np
import pandas as pd
import pytest

from assistant.indexing.photo_words import photo_texts
from assistant.library.text_index import TextIndex
from assistant.core.words import terms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two CUPS of coffee", ["two", "cup", "coffee"]),
        ("the bus's number", ["bus", "number"]),
        ("glasses and boxes and cities", ["glass", "box", "city"]),
        ("Café Olé", ["café", "olé"]),
        ("", []),
    ],
)
def test_terms(text, expected):
    assert terms(text) == expected


CAPTIONS = [
    "a cup of coffee on a desk next to a laptop",
    "a red bus on a street in the rain",
    "shelves in a pharmacy with Omron blood pressure monitors",
    "",
    "a laptop and a monitor on an office desk",
    "coffee coffee coffee coffee shop counter with a menu board",
]


def test_bm25_ranks_matching_captions():
    index = TextIndex.build(CAPTIONS)
    scores = index.scores("Omron monitor")
    assert np.argmax(scores) == 2
    assert scores[3] == 0 and scores[1] == 0
    laptop = index.scores("laptop on a desk")
    assert set(np.argsort(-laptop)[:2]) == {0, 4}
    assert index.scores("giraffe").sum() == 0


def test_term_frequency_saturates_and_rare_words_weigh_more():
    index = TextIndex.build(CAPTIONS)
    coffee = index.scores("coffee")
    assert coffee[5] > coffee[0] > 0
    assert coffee[5] < 3 * coffee[0]  # four mentions are not four times the evidence
    assert index.scores("omron")[2] > index.scores("desk")[0]  # one photo has omron, two have desk


def test_scores_for_a_subset_of_rows():
    index = TextIndex.build(CAPTIONS)
    rows = np.array([4, 0])
    np.testing.assert_array_equal(index.scores("laptop", rows), index.scores("laptop")[rows])


def test_save_and_load_roundtrip(tmp_path):
    index = TextIndex.build(CAPTIONS)
    index.save(tmp_path / "text.npz")
    loaded = TextIndex.load(tmp_path / "text.npz")
    np.testing.assert_allclose(loaded.scores("bus in the rain"), index.scores("bus in the rain"))


def test_empty_index():
    index = TextIndex.build(["", ""])
    assert index.is_empty and index.scores("anything").tolist() == [0, 0]


def test_photo_texts_joins_text_columns():
    photos = pd.DataFrame({"caption": ["a cup", None], "other": ["x", "y"]})
    assert photo_texts(photos) == ["a cup", ""]
