"""The app follows its library: a generation that `lifelog index` commits while the app runs is what every
session searches at its next turn, without a restart."""

from __future__ import annotations

from datetime import datetime, timedelta

from gradio_client import Client

from assistant.indexing import IndexOptions, index_photos
from assistant.testing.photos import write_synthetic_photos
from assistant.web import build_app, create_pool, launch
from conftest import free_port, write_lsc_source


def test_a_generation_committed_while_the_app_runs_is_searched_at_the_next_turn(tmp_path, tiny_encoder, tiny_clip_dir):
    source = write_lsc_source(tmp_path, 12, start=datetime(2019, 1, 4, 7, 0), step_minutes=30)
    library = tmp_path / "library"
    index_photos(library, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv, workers=1))
    pool = create_pool(library=str(library), model=str(tiny_clip_dir))
    demo = build_app(pool)
    port = free_port()
    launch(demo, pool, port=port, block=False)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        before = client.predict("a photo in February 2019", api_name="/chat")
        assert not before["results"]  # no photo from February yet
        served = pool.assistant()
        today = write_synthetic_photos(tmp_path / "today", [datetime(2019, 2, 1, 9) + timedelta(minutes=10 * i) for i in range(4)],
                                       size=(320, 240), seed=3)
        assert today
        index_photos(library, tmp_path / "today", IndexOptions(encoder=tiny_encoder, home_timezone="UTC", workers=1))
        after = client.predict("a photo in February 2019", api_name="/chat")  # the same client, no restart
        assert after["results"] and all(hit["local_time"].startswith("2019-02-01") for hit in after["results"])
        assert pool.assistant() is not served and pool.assistant().library.manifest.generation == served.library.manifest.generation + 1
        assert pool.assistant().encoder is served.encoder  # the model is not loaded again
    finally:
        demo.close()
