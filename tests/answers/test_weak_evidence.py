"""A library with no words: "never" cannot be said; CLIP alone gives an answer, said to be unsure."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.answers import answer_question
from assistant.library import Library
from assistant.indexing import commit_photo_table
from assistant.query import parse_query
from assistant.search.scoring import Scorer
from assistant.testing.library import photo_table

QUESTION = "How many times did I see a giraffe in 2022?"


@pytest.fixture(scope="module")
def wordless_library(tmp_path_factory, tiny_encoder, tiny_clip_dir):
    """Forty hours of photos without captions; one stay (three photos, its own place) shows a giraffe to CLIP."""
    times = [datetime(2022, 5, 7, 10) + timedelta(minutes=4 * i) for i in range(600)]
    places = ["Zoo" if 300 <= i < 303 else "Home" for i in range(600)]
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((600, tiny_encoder.encode_text("x").shape[0])).astype(np.float32)
    vectors[300:303] = tiny_encoder.encode_text(parse_query(QUESTION).visual)  # what CLIP is asked for
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    table = photo_table(np.array(times, dtype="datetime64[s]"), semantic_name=places, city="Dublin", country="Ireland",
                        country_code="IE", lat=53.35, lng=-6.26)
    folder = tmp_path_factory.mktemp("wordless") / "lib"
    commit_photo_table(folder, table, vectors.astype(np.float16), {}, model=str(tiny_clip_dir), photo_roots=[])
    library = Library.open(folder)
    return library, library.image_ids([300, 301, 302])


def test_no_words_and_no_model_is_not_never(wordless_library):
    answer = answer_question(wordless_library[0], QUESTION)
    assert answer.value is None and answer.confidence == "unsure" and "can't tell" in answer.text and "no CLIP" in answer.text


def test_clip_alone_answers_but_says_it_is_unsure(wordless_library, tiny_encoder):
    library, giraffe_ids = wordless_library
    answer = answer_question(library, QUESTION, encoder=tiny_encoder)
    assert answer.value == 1 and answer.confidence != "sure" and answer.text.startswith("Unsure")
    assert answer.evidence and set(answer.evidence) <= set(giraffe_ids)
    # the photos counted are those search's own CLIP channel puts past the answers' cut (Scorer.asserted_by_clip)
    scorer = Scorer(library, tiny_encoder, np.arange(len(library)))
    asserted = scorer.rows[scorer.asserted_by_clip(tiny_encoder.encode_text(parse_query(QUESTION).visual))]
    assert set(library.image_ids(asserted)) == set(answer.evidence) == set(giraffe_ids)


@pytest.fixture(scope="module")
def cinema_in_march(tmp_path_factory):
    """A day an hour a photo in March and in May 2019; only three March photos' captions mention the cinema."""
    times = [datetime(2019, month, 10, 8) + timedelta(hours=i) for month in (3, 5) for i in range(12)]
    captions = ["a cinema screen in the dark" if i in (4, 5, 6) else "a desk with a laptop" for i in range(24)]
    table = photo_table(np.array(times, dtype="datetime64[s]"), caption=captions, semantic_name="Home", city="Dublin",
                        country="Ireland", country_code="IE", lat=53.35, lng=-6.26)
    folder = tmp_path_factory.mktemp("cinema") / "lib"
    commit_photo_table(folder, table, None, {}, model=None, photo_roots=[])
    return Library.open(folder)


def test_a_never_says_where_the_word_does_appear(cinema_in_march):
    answer = answer_question(cinema_in_march, "How many times did I go to the cinema in May 2019?")
    assert answer.value == 0 and answer.text.startswith("Never")
    assert "only photos at other times or places mention 'cinema' (3 photos)" in answer.text and answer.confidence == "likely"
    assert "no photo's words" not in answer.text  # March's photos do mention it: that would be untrue


def test_a_word_no_photo_has_is_cant_tell_not_never(cinema_in_march):
    """No photo anywhere says zoo and there is no CLIP to look with: the library cannot see a zoo, so no "never"."""
    answer = answer_question(cinema_in_march, "How many times did I go to the zoo in May 2019?")
    assert answer.value is None and answer.confidence == "unsure" and "no photo's words or place mention 'zoo'" in answer.text
    assert "other times" not in answer.text


def test_clip_is_loaded_only_when_an_answer_must_look_at_the_photos(wordless_library, cinema_in_march, tiny_encoder):
    """`lifelog ask` hands over a loader: words that answer never load CLIP; a question no word answers loads it once."""
    loads = []

    def load():
        loads.append(1)
        return tiny_encoder

    assert answer_question(cinema_in_march, "How many times did I go to the cinema in March 2019?", encoder=load).value == 1
    assert not loads
    answer = answer_question(wordless_library[0], QUESTION, encoder=load)
    assert answer.value == 1 and len(loads) == 1 and answer.text.startswith("Unsure")


def test_a_loader_that_cannot_load_is_no_model(wordless_library):
    answer = answer_question(wordless_library[0], QUESTION, encoder=lambda: None)
    assert answer.value is None and "no CLIP" in answer.text
