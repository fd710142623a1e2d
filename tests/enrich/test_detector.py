"""Object detection at ingest with a tiny random DETR built locally, through the same loading code."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.enrich import Enrichment, shards
from assistant.enrich.vision import DetectorStage, describe_counts
from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library
from assistant.models import ModelNotAvailable
from assistant.search import SearchRequest, search
from assistant.testing.models import save_random_detector
from assistant.testing.photos import write_synthetic_photos


@pytest.fixture(scope="module")
def tiny_detector_dir(tmp_path_factory):
    return save_random_detector(tmp_path_factory.mktemp("detr"), ["laptop", "cup", "dog"], favour="cup", queries=2)


@pytest.mark.parametrize(
    "labels, counts, text",
    [(["cup", "laptop"], [2, 1], "2 cups, 1 laptop"), (["bus", "dog"], [1, 3], "3 dogs, 1 bus"), (["glass", "library"], [2, 2], "2 glasses, 2 libraries")],
)
def test_counts_read_as_words(labels, counts, text):
    assert describe_counts(labels, counts) == text


def test_detections_are_stored_counted_and_searchable(tmp_path, tiny_detector_dir):
    start = datetime(2022, 1, 9, 8)
    photos = tmp_path / "photos"
    paths = write_synthetic_photos(photos, [start + timedelta(minutes=4 * i) for i in range(3)], size=(160, 120), seed=4)
    enrichment = Enrichment(detector=DetectorStage(str(tiny_detector_dir), device="cpu"))
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=None, home_timezone="UTC", enrichment=enrichment))
    assert [report.done for report in enrichment.reports] == [3]
    stored = shards.read_stage(tmp_path / "lib", "objects").set_index("path")
    assert list(stored.loc[str(paths[0]), "object_labels"]) == ["cup"] and list(stored.loc[str(paths[0]), "object_counts"]) == [2]
    library = Library.open(tmp_path / "lib")
    assert [library.record(r)["objects"] for r in range(3)] == ["2 cups"] * 3
    assert library.concept_index.count("cup").tolist() == [2, 2, 2]
    assert library.concept_labels == ["cup"]
    hits = search(library, None, SearchRequest(text="cups on the table", group_events=False)).photos
    assert len(hits) == 3 and hits[0]["score"] > 0


def test_a_missing_detector_says_what_to_do(tmp_path):
    with pytest.raises(ModelNotAvailable, match="--detector"):
        DetectorStage(str(tmp_path / "no-detector-here"))
    with pytest.raises(ModelNotAvailable, match="not cached.*--detector /path/to/object-detection"):
        DetectorStage("someone/detr-that-is-not-cached")


def test_counts_filter_the_search_and_show_as_chips(tmp_path, tiny_detector_dir):
    from assistant.chat import Assistant, ChatState
    from assistant.query.chips import Chip

    start = datetime(2022, 1, 9, 8)
    photos = tmp_path / "photos"
    write_synthetic_photos(photos, [start + timedelta(minutes=4 * i) for i in range(3)], size=(160, 120), seed=4)
    index_photos(tmp_path / "lib", photos, IndexOptions(encoder=None, home_timezone="UTC",
                 enrichment=Enrichment(detector=DetectorStage(str(tiny_detector_dir), device="cpu"))))
    library = Library.open(tmp_path / "lib")
    assert search(library, None, SearchRequest(text="two cups")).matched == 3
    few = search(library, None, SearchRequest(text="with three cups"))
    assert few.matched == 0 and few.constraints == ["with 3 cups"]
    assert [(hint.label, hint.count) for hint in few.hints] == [("without 'with 3 cups'", 3)]

    turn = Assistant(library, None).respond(ChatState(), "me with 2 cups")
    assert Chip("concept", "0", "with 2 cups") in turn.state.chips()
    assert turn.state.query.concepts and not turn.state.without([Chip("concept", "0", "with 2 cups")]).query.concepts
