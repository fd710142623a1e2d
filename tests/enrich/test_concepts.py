"""Zero-shot concept tags: the threshold rule on a known embedding setup, storage, search and vocabulary."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from assistant.enrich import Enrichment, shards
from assistant.enrich.tagging import MAX_TAGS, load_vocabulary, tag_photos
from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library
from assistant.library.label_counts import LabelCounts
from assistant.search import SearchRequest, search
from assistant.testing.photos import write_synthetic_photos


def _unit(vectors):
    return vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)


def test_tags_are_the_concepts_mixed_into_each_photo():
    rng = np.random.default_rng(0)
    vocabulary = [f"term{i}" for i in range(300)]
    terms = _unit(rng.standard_normal((300, 256)))
    shown = [(3, 17), (42,), (120, 121, 250)] * 30  # 90 photos, each showing these terms
    photos = _unit(np.stack([terms[list(s)].sum(axis=0) + 0.5 * np.sqrt(len(s)) * _unit(rng.standard_normal(256)) for s in shown]))
    plain = _unit(rng.standard_normal((30, 256)))  # photos of nothing in the vocabulary
    tags = tag_photos(np.concatenate([photos, plain]), terms, vocabulary)
    for found, expected in zip(tags.terms[:90], shown):
        assert sorted(found) == sorted(f"term{i}" for i in expected)
    assert all(score >= 3.5 for scores in tags.scores for score in scores)
    assert sum(len(found) for found in tags.terms[90:]) <= 3  # noise rarely clears the bar
    assert max(len(found) for found in tags.terms) <= MAX_TAGS


def test_a_term_every_photo_matches_is_not_a_tag():
    """Centring by the term's library average: a 'hub' term close to everything tags nothing."""
    rng = np.random.default_rng(1)
    terms = _unit(rng.standard_normal((200, 128)))
    hub = terms[0]
    photos = _unit(np.stack([terms[1 + i % 50] + 0.9 * hub + 0.05 * rng.standard_normal(128) for i in range(100)]))
    tags = tag_photos(photos, terms, [f"t{i}" for i in range(200)])
    assert all("t0" not in found for found in tags.terms)
    assert all(found[:1] == [f"t{1 + i % 50}"] for i, found in enumerate(tags.terms))


def test_vocabulary_is_built_in_and_extendable(tmp_path):
    built_in = load_vocabulary()
    assert 250 <= len(built_in) <= 600 and {"dog", "cup", "pharmacy", "cooking"} <= set(built_in)
    extra = tmp_path / "mine.txt"
    extra.write_text("# my things\nRubik's cube\ndog\n  standing desk  \n")
    extended = load_vocabulary(extra)
    assert extended[-2:] == ["rubik's cube", "standing desk"] and len(extended) == len(built_in) + 2
    with pytest.raises(FileNotFoundError, match="vocabulary"):
        load_vocabulary(tmp_path / "missing.txt")


def test_concept_index_counts_and_normalises_labels(tmp_path):
    index = LabelCounts.build(
        3, np.array([0, 0, 2, 1]), np.array(["cup", "Cups", "dining table", "dog"], dtype=object), np.array([1, 2, 1, 1]),
        np.array([True, True, True, False]),
    )
    assert index.count("cups").tolist() == [2, 0, 0]  # a label twice for one photo keeps the larger count
    assert index.count("dining tables").tolist() == [0, 0, 1] and index.count("giraffe").tolist() == [0, 0, 0]
    assert index.shows("cup", 2).tolist() == [True, False, False] and not index.shows("cup", 3).any()
    assert index.shows("dogs", 2).tolist() == [False, True, False]  # a tag says present, not how many
    index.save(tmp_path / "concepts.npz")
    loaded = LabelCounts.load(tmp_path / "concepts.npz")
    assert loaded.labels == index.labels and loaded.counted.tolist() == [True, True, False]
    assert loaded.shows("dog", 2).tolist() == [False, True, False]


class KnownTextEncoder:
    """The tiny CLIP, except that one prompt's text embedding is a chosen photo's image embedding: a known
    embedding setup in which that photo, and only it, shows the concept."""

    def __init__(self, encoder, prompt: str, vector: np.ndarray):
        self._encoder, self._prompt, self._vector = encoder, prompt, vector
        self.name, self.dim, self.image_spec, self.device = encoder.name, encoder.dim, encoder.image_spec, encoder.device

    def encode_photos(self, photos):
        return self._encoder.encode_photos(photos)

    def encode_texts(self, texts):
        vectors = self._encoder.encode_texts(texts)
        vectors[[i for i, text in enumerate(texts) if text == self._prompt]] = self._vector
        return vectors


def test_concepts_at_ingest_are_stored_and_searchable(tmp_path, tiny_encoder):
    start = datetime(2021, 5, 2, 10)
    photos = tmp_path / "photos"
    paths = write_synthetic_photos(photos, [start + timedelta(minutes=3 * i) for i in range(12)], size=(160, 120), seed=2)
    with pytest.raises(ValueError, match="embeddings"):
        index_photos(tmp_path / "lib", photos, IndexOptions(encoder=None, home_timezone="UTC", enrichment=Enrichment(concepts=True)))
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    library = Library.open(tmp_path / "lib")
    row = library.row_of_path(paths[5])
    encoder = KnownTextEncoder(tiny_encoder, "a photo of zebra crossing", np.asarray(library.embeddings[row], np.float32))
    vocabulary = tmp_path / "terms.txt"
    vocabulary.write_text("zebra crossing\n")
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=encoder, home_timezone="UTC", enrichment=Enrichment(concepts=True, vocabulary=vocabulary)))

    assert len(shards.read_stage(tmp_path / "lib", "concepts")) == len(paths)
    library = Library.open(tmp_path / "lib")
    assert library.record(row)["tags"].split(", ")[0] == "zebra crossing"
    # (the tiny random CLIP's photos are nearly alike, so some neighbours may share the tag)
    tagged = [r for r in range(len(library)) if "zebra crossing" in library.record(r)["tags"]]
    assert row in tagged and len(tagged) < len(library)
    assert library.concept_index.count("zebra crossings").tolist() == [float(r in tagged) for r in range(len(library))]
    hits = search(library, None, SearchRequest(text="a zebra crossing", group_events=False, top_k=len(tagged))).photos  # words alone
    assert {hit["image_id"] for hit in hits} == {library.image_id(r) for r in tagged}

    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))  # later runs keep the tags
    assert Library.open(tmp_path / "lib").record(row)["tags"].startswith("zebra crossing")
