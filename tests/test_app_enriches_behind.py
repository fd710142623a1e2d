"""The app answers while a library's signs are still being read, says so, and a later turn finds the words read since."""

from __future__ import annotations

import pytest
from gradio_client import Client

pytest.importorskip("rapidocr_onnxruntime")

from assistant.chat import ChatState  # noqa: E402
from assistant.enrich import Enrichment  # noqa: E402
from assistant.indexing.enrich_steps import enrich_in_steps  # noqa: E402
from assistant.web import build_app, create_pool, launch  # noqa: E402
from conftest import free_port  # noqa: E402
from assistant.indexing import IndexOptions, index_photos  # noqa: E402
from indexing.test_enrich_steps import signed_library, signed_photos  # noqa: E402


def test_the_app_answers_before_enrichment_ends_and_a_later_turn_sees_the_new_words(tmp_path, tiny_encoder, tiny_clip_dir):
    library, paths = signed_library(tmp_path, tiny_encoder)
    pool = create_pool(library=str(library), model=str(tiny_clip_dir))
    demo = build_app(pool)
    port = free_port()
    launch(demo, pool, port=port, block=False)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        during = {}

        def ask_while_reading(done, total, what):  # the app serves a generation whose signs are partly read
            during[done] = client.predict("PHARMACY", api_name="/chat")  # the last ask at each count: as a part begins

        enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=2, progress=ask_while_reading)
        assert "signs read in 0 of 6 photos so far" in during[0]["reply"]
        assert "signs read in 4 of 6 photos so far" in during[4]["reply"]
        assert paths[5].name not in [hit["image_id"] for hit in during[4]["results"][:1]]
        after = client.predict("PHARMACY", api_name="/chat")  # the same client, no restart
        assert "signs read" not in after["reply"]
        assert after["results"][0]["image_id"] == paths[5].name
    finally:
        demo.close()


def test_a_turn_holding_the_last_generation_still_reads_it_after_a_commit(tmp_path, tiny_encoder, tiny_clip_dir):
    """A commit removes the last generation's files; an Assistant served before it (a turn in flight, a study
    topic) must have read them already, the text index included, or its search fails mid-turn."""
    paths, library, captions = signed_photos(tmp_path / "photos"), tmp_path / "lib", tmp_path / "captions.csv"
    captions.write_text("ImageID,Description\n" + "".join(f"{path.name},a street in the town\n" for path in paths))
    index_photos(library, tmp_path / "photos", IndexOptions(encoder=tiny_encoder, home_timezone="UTC", captions_csv=captions))
    pool = create_pool(library=str(library), model=str(tiny_clip_dir))
    served = pool.assistant()
    enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=6)  # two generations, the old files gone
    assert not (library / served.library.manifest.files["text_index"]).exists()
    assert served.respond(ChatState(), "a street in the town").moments  # searched as the generation it serves
