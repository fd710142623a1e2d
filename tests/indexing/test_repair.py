"""A damaged library is detected on load, refused by a plain `index`, and mended by `index --repair`."""

import json

import numpy as np
import pandas as pd
import pytest

from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library, LibraryDamaged
from conftest import write_lsc_source


@pytest.fixture()
def built(tmp_path, tiny_encoder):
    source = write_lsc_source(tmp_path, 30)
    folder = tmp_path / "lib"
    index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv))
    library = Library.open(folder)
    vectors = {path: np.asarray(library.embeddings[row], dtype=np.float32) for row, path in enumerate(library.photos["path"])}
    return source, folder, vectors


def manifest_file(folder, name):
    return folder / json.loads((folder / "library.json").read_text())["files"][name]


def repair(folder, source, encoder):
    return index_photos(folder, source.photos_dir, IndexOptions(encoder=encoder, home_timezone="UTC", repair=True))


def assert_whole(folder, vectors):
    """Every photo exactly once, every embedding the one a clean run computes, metadata places kept."""
    library = Library.open(folder)
    assert len(library) == len(vectors) and library.photos["path"].is_unique and library.embedded.all()
    for row, path in enumerate(library.photos["path"]):
        assert np.allclose(np.asarray(library.embeddings[row], dtype=np.float32), vectors[path], atol=2e-3)
    assert (library.photos["semantic_name"] != "").all()  # the metadata rows were kept in the library


def test_truncated_embeddings_are_refused_then_repaired(built, tiny_encoder):
    source, folder, vectors = built
    embeddings = manifest_file(folder, "embeddings")
    embeddings.write_bytes(embeddings.read_bytes()[:-64])
    with pytest.raises(LibraryDamaged, match="truncated.*--repair"):
        Library.open(folder)
    with pytest.raises(LibraryDamaged, match="--repair"):
        index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC"))
    report = repair(folder, source, tiny_encoder)
    assert any("embeddings" in note and "embedded again" in note for note in report.repairs), report.repairs
    assert report.embedded == len(vectors)
    assert_whole(folder, vectors)


def test_photo_table_that_disagrees_with_the_manifest_is_rebuilt(built, tiny_encoder):
    source, folder, vectors = built
    table = manifest_file(folder, "photos")
    pd.read_parquet(table).iloc[:7].to_parquet(table)  # rows lost: the embeddings no longer line up
    with pytest.raises(LibraryDamaged, match="7 rows, manifest says 30"):
        Library.open(folder)
    report = repair(folder, source, tiny_encoder)
    assert "every photo is read again" in " ".join(report.repairs)
    assert "repaired:" in report.summary()
    assert_whole(folder, vectors)


def test_unreadable_manifest_is_rebuilt_from_the_photos(built, tiny_encoder):
    source, folder, vectors = built
    (folder / "library.json").write_text('{"format": "lifelog-library", "gener')
    with pytest.raises(LibraryDamaged, match="--repair"):
        Library.open(folder)
    index_photos(folder, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv, repair=True))
    assert_whole(folder, vectors)
    leftovers = sorted(path.name for path in folder.iterdir() if path.name[0] not in ".")
    assert leftovers == sorted([*json.loads((folder / "library.json").read_text())["files"].values(), "library.json"])


def test_repair_of_a_sound_library_changes_nothing(built, tiny_encoder):
    source, folder, vectors = built
    report = repair(folder, source, tiny_encoder)
    assert report.repairs == [] and report.embedded == 0 and report.unchanged == len(vectors)
    assert_whole(folder, vectors)
