"""Captions at ingest for photos the captions CSV says nothing about, with a tiny random BLIP built locally."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.enrich import Enrichment, shards
from assistant.enrich.vision import CaptionerStage
from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library
from assistant.models import ModelNotAvailable
from assistant.search import SearchRequest, search
from assistant.testing.models import save_random_captioner
from assistant.testing.photos import write_synthetic_photos

WORDS = ["harbour", "ferry", "gull", "rope", "crate"]


def test_captions_only_for_photos_without_one(tmp_path):
    start = datetime(2022, 6, 1, 12)
    photos = tmp_path / "photos"
    paths = write_synthetic_photos(photos, [start + timedelta(minutes=4 * i) for i in range(3)], size=(160, 120), seed=6)
    captions = tmp_path / "captions.csv"
    captions.write_text(f"ImageID,Description\n{paths[0].name},my own words about lunch\n")
    captioner = CaptionerStage(str(save_random_captioner(tmp_path / "blip", WORDS)), device="cpu")
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=None, home_timezone="UTC", captions_csv=captions,
                 enrichment=Enrichment(captioner=captioner)))
    generated = shards.read_stage(tmp_path / "lib", "captions")
    assert sorted(generated["path"]) == sorted(str(p) for p in paths[1:])  # the captioned photo is skipped
    library = Library.open(tmp_path / "lib")
    texts = [library.record(library.row_of_path(p))["caption"] for p in paths]
    assert texts[0] == "my own words about lunch"
    assert all(text and set(text.split()) <= set(WORDS) for text in texts[1:])
    word = texts[1].split()[0]
    hits = search(library, None, SearchRequest(text=word, group_events=False)).photos
    assert hits[0]["caption"] and word in hits[0]["caption"]


def test_a_missing_captioner_says_what_to_do(tmp_path):
    with pytest.raises(ModelNotAvailable, match="--captioner"):
        CaptionerStage(str(tmp_path / "nothing"))
