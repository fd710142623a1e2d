"""A participant in the middle of a topic keeps the library generation the topic began with; a generation committed
meanwhile (`lifelog index`, the demo's signs read) is picked up at their next topic, and by everyone else at once."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from assistant.chat import ChatState
from assistant.indexing import IndexOptions, index_photos
from assistant.testing.photos import write_synthetic_photos
from assistant.web import create_pool
from assistant.web.actions import Actions, Visitor
from conftest import write_lsc_source

FEBRUARY = "a photo in February 2019"


def test_a_new_generation_waits_for_the_participants_next_topic(tmp_path, tiny_encoder, tiny_clip_dir):
    source = write_lsc_source(tmp_path, 12, start=datetime(2019, 1, 4, 7, 0), step_minutes=30)
    library, captions = tmp_path / "library", tmp_path / "captions.csv"
    captions.write_text("ImageID,Description\n" + "".join(f"{path.name},a photo of a walk by the sea\n" for path in source.paths))
    index_photos(library, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv,
                                                          captions_csv=captions, workers=1))
    topics = tmp_path / "topics.json"
    topics.write_text(json.dumps([{"id": "T1", "text": "a walk"}, {"id": "T2", "text": "a cafe"}]))
    pool = create_pool(library=str(library), model=str(tiny_clip_dir), topics=str(topics), study_log=str(tmp_path / "study.jsonl"))
    actions = Actions(pool)
    participant, newcomer = Visitor(None, "participant"), Visitor(None, "newcomer")
    actions.session_view(participant)  # the first topic begins
    assert not actions.message(participant, ChatState(), FEBRUARY).moments  # no photo from February yet

    write_synthetic_photos(tmp_path / "today", [datetime(2019, 2, 1, 9) + timedelta(minutes=10 * i) for i in range(4)], size=(320, 240), seed=3)
    index_photos(library, tmp_path / "today", IndexOptions(encoder=tiny_encoder, home_timezone="UTC", workers=1))

    # mid-topic: the same generation, its files (the text index too) still readable after the commit removed them
    assert not actions.message(participant, ChatState(), FEBRUARY).moments
    assert actions.message(newcomer, ChatState(), FEBRUARY).moments  # a newcomer's first topic begins with the new one
    actions.next_topic(participant)
    moments = actions.message(participant, ChatState(), FEBRUARY).moments  # the next topic: the new generation
    assert moments and all(moment["best"]["local_time"].startswith("2019-02-01") for moment in moments)
