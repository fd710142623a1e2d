"""A photo whose time is a guess says so wherever its time is shown: the API, the gallery and the moment view."""

from datetime import datetime

import numpy as np

from assistant.chat import Assistant, ChatState
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.testing.library import photo_table
from assistant.web.presentation import gallery_items, moment_panel


def test_approximate_times_are_marked_in_the_api_the_gallery_and_the_moment_view(tmp_path):
    table = photo_table(
        [datetime(2019, 3, 5, 9), datetime(2019, 3, 9, 18)],
        caption=["a cup of coffee on a desk", "a cup of coffee in a cafe"], time_approx=[False, True],
    )
    commit_photo_table(tmp_path, table, np.eye(2, 8, dtype=np.float16), {}, model="test", photo_roots=[])
    library = Library.open(tmp_path)
    assistant = Assistant(library, None)
    turn = assistant.respond(ChatState(), "a cup of coffee")
    by_id = {result["image_id"]: result for result in turn.to_api()["results"]}
    approximate = library.image_id(1)
    assert {image_id: result["time_approx"] for image_id, result in by_id.items()} == {library.image_id(0): False, approximate: True}
    moments = {moment["best"]["image_id"]: moment for moment in turn.moments}
    captions = [caption for _, caption in gallery_items(list(moments.values()))]  # (a grey box stands for these photos' missing files)
    assert [("time approximate" in caption) for caption in captions] == [m["best"]["image_id"] == approximate for m in moments.values()]
    assert "approximate" in moment_panel(assistant.open_moment(moments[approximate]))[0]
    assert "approximate" not in moment_panel(assistant.open_moment(moments[library.image_id(0)]))[0]
