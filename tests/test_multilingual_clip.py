"""A memory not in English ranks photos through a multilingual text tower aligned to CLIP, when there is one,
and says so when there is not (tiny random CLIP and tower, built here)."""

from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.chat import Assistant, ChatState
from assistant.core.settings import Settings
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.models import clip_for_library, load_sentence_model
from assistant.models import hub
from assistant.search import SearchRequest, search
from assistant.testing.models import save_random_text_tower
from assistant.testing.library import photo_table

GERMAN = "Kaffee mit Freunden auf dem Marktplatz"  # no time or place: every photo is ranked
ENGLISH = "coffee with friends in the market square"
DIM = 16  # the tiny CLIP's projection size (conftest's tiny_encoder)


@pytest.fixture(scope="module")
def tower_dir(tmp_path_factory):
    return str(save_random_text_tower(tmp_path_factory.mktemp("tower"), dim=DIM))


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Forty photos of May 2019, one an hour, with random CLIP vectors."""
    times = [datetime(2019, 5, 4, 8) + timedelta(hours=hour) for hour in range(40)]
    vectors = np.random.default_rng(2).normal(size=(len(times), DIM))
    table = photo_table(times, lat=[48.14] * 40, lng=[11.58] * 40, city=["Munich"] * 40, country=["Germany"] * 40, country_code=["DE"] * 40)
    folder = tmp_path_factory.mktemp("munich")
    commit_photo_table(folder, table, (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float16), {}, model="test", photo_roots=[])
    return Library.open(folder)


def ranked_by(library, vector) -> list[str]:
    """The photo ids of the description's top photos, ranked by their stored vectors alone (the test's own ranking)."""
    scores = np.asarray(library.embeddings, np.float32) @ vector
    return list(library.image_ids(np.argsort(-scores)[:5]))


def test_a_german_memory_is_ranked_by_the_multilingual_tower(library, tiny_encoder, tower_dir):
    encoder = tiny_encoder.with_text_tower(tower_dir)
    result = search(library, encoder, SearchRequest(text=GERMAN, top_k=5, group_events=False))
    assert result.query.language == "de"
    assert result.channels[0] == "multilingual clip"
    tower = load_sentence_model(tower_dir)
    assert [hit["image_id"] for hit in result.photos] == ranked_by(library, tower.encode_text(result.query.visual))
    assert not any("Your memory is in" in notice for notice in result.notices)


def test_an_english_memory_is_ranked_by_clips_own_text_tower(library, tiny_encoder, tower_dir):
    encoder = tiny_encoder.with_text_tower(tower_dir)
    result = search(library, encoder, SearchRequest(text=ENGLISH, top_k=5, group_events=False))
    assert result.query.language == "en" and result.channels[0] == "clip"
    assert [hit["image_id"] for hit in result.photos] == ranked_by(library, tiny_encoder.encode_text(result.query.visual))


def test_without_a_tower_the_reply_says_the_english_model_ranks_a_german_memory(library, tiny_encoder):
    turn = Assistant(library, tiny_encoder).respond(ChatState(), GERMAN)
    assert "Your memory is in German, and no multilingual CLIP text model is installed" in turn.reply
    assert "so the pictures are ranked by CLIP's English text model" in turn.reply
    assert turn.result.channels[0] == "clip"
    assert "I reply in English: there are no reply templates in German yet." in turn.reply
    assert "I reply in English" not in Assistant(library, tiny_encoder).respond(ChatState(), ENGLISH).reply


def test_a_tower_trained_for_another_clip_is_refused_with_the_reason(library, tiny_encoder, tmp_path):
    other = str(save_random_text_tower(tmp_path, dim=DIM * 2))
    result = search(library, tiny_encoder.with_text_tower(other), SearchRequest(text=GERMAN, top_k=5))
    assert result.channels[0] == "clip"
    assert any("32-d vectors" in notice and "Your memory is in German" in notice for notice in result.notices)


def test_the_tower_is_configured_or_found_on_this_machine(tiny_clip_dir, tower_dir, monkeypatch):
    paired = clip_for_library(None, Settings.resolve(model=str(tiny_clip_dir), clip_text_model=tower_dir))
    assert paired.text_tower == tower_dir
    assert clip_for_library(None, Settings.resolve(model=str(tiny_clip_dir), clip_text_model="none")).text_tower is None
    assert hub.text_tower_for("openai/clip-vit-base-patch32", None) is None  # not on this machine (tests never fetch it)
    monkeypatch.setitem(hub.ALIGNED_TOWERS, "openai/clip-vit-base-patch32", tower_dir)  # as if it were: a local copy
    assert hub.text_tower_for("openai/clip-vit-base-patch32", None) == tower_dir


def test_a_multilingual_sentence_model_matches_a_german_description_to_photo_words(tower_dir, tmp_path):
    """The text channel uses whatever sentence model the library was indexed with (--text-model): a multilingual
    one (here the tiny tower, a sentence-transformers model like paraphrase-multilingual-MiniLM-L12-v2) reads German."""
    times = [datetime(2019, 5, 4, 8) + timedelta(hours=hour) for hour in range(4)]
    captions = ["a cup of coffee with friends", "a bus at a stop", "a laptop on a desk", "a dog in a park"]
    table = photo_table(times, caption=captions)
    commit_photo_table(tmp_path, table, None, {}, model=None, photo_roots=[], text_encoder=load_sentence_model(tower_dir))
    library = Library.open(tmp_path)
    result = search(library, None, SearchRequest(text=GERMAN, top_k=4, group_events=False))
    assert library.text_model == tower_dir and result.query.language == "de"
    assert result.channels == ["text", "meaning"]
    tower = load_sentence_model(tower_dir)
    closeness = {caption: float(tower.encode_text(caption) @ tower.encode_text(result.query.visual)) for caption in captions}
    assert result.photos[0]["caption"] == max(closeness, key=closeness.get)  # no shared word: ranked by meaning alone

