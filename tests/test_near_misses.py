"""Near misses: a memory that says September for a moment in early October finds it, apart from the exact results."""

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from assistant.chat import Assistant, ChatState
from assistant.cli.commands import main
from assistant.indexing import commit_photo_table
from assistant.library import Library
from assistant.search import SearchRequest, search
from assistant.search.near_misses import _not_among, dates_phrase
from assistant.testing.library import photo_table

DIM = 16
KITE = np.eye(DIM, dtype=np.float32)[0]  # the described moment's direction; every other photo is orthogonal to it
MEMORY = "in September 2019"


def library_with(folder: Path, moments: dict[datetime, np.ndarray], captions: dict[datetime, str] | None = None, *,
                 clip: bool = True) -> Library:
    """A photo at noon every day from August to October 2019 showing something else (captioned "a desk with a
    laptop"), plus the given photos (captioned as given); clip False: no CLIP vectors stored."""
    rng = np.random.default_rng(5)
    times = [datetime(2019, 8, 1, 12) + timedelta(days=day) for day in range(92)]
    vectors = [np.concatenate([[0.0], rng.normal(size=DIM - 1)]) for _ in times]
    times += list(moments)
    vectors += list(moments.values())
    order = np.argsort(times)
    words = [(captions or {}).get(time, "a desk with a laptop") for time in times]
    table = photo_table([times[i] for i in order], lat=[53.35] * len(times), lng=[-6.26] * len(times), city=["Dublin"] * len(times),
                        country=["Ireland"] * len(times), country_code=["IE"] * len(times), caption=[words[i] for i in order])
    stacked = np.stack([vectors[i] / np.linalg.norm(vectors[i]) for i in order]).astype(np.float16)
    commit_photo_table(folder, table, stacked if clip else None, {}, model="test" if clip else None, photo_roots=[])
    return Library.open(folder)


def kite_flown_on(day: datetime, closeness: float = 1.0) -> dict[datetime, np.ndarray]:
    """Three photos ten minutes apart of the described moment (closeness: their cosine to the description)."""
    vector = closeness * KITE + np.sqrt(1 - closeness**2) * np.eye(DIM, dtype=np.float32)[1]
    return {day + timedelta(minutes=10 * i): vector for i in range(3)}


def days_of(events) -> set[str]:
    return {event["start_time"][:10] for event in events}


def test_a_moment_in_early_october_is_a_near_miss_of_a_september_memory(tmp_path):
    library = library_with(tmp_path, kite_flown_on(datetime(2019, 10, 3, 15)))
    result = search(library, None, SearchRequest(text=MEMORY, vector=KITE, top_k=5))
    assert result.near_misses is not None
    assert days_of(result.near_misses.events) == {"2019-10-03"}
    assert result.near_misses.sentence == "Nothing in September 2019 matches well; these are from early October 2019."
    assert all(day.startswith("2019-09") for day in days_of(result.events))  # never mixed into the exact results
    assert all(photo["local_time"].startswith("2019-09") for photo in result.photos)
    assert result.to_dict()["near_misses"]["events"] == result.near_misses.events


def test_no_near_misses_when_september_matches_well(tmp_path):
    moments = kite_flown_on(datetime(2019, 10, 3, 15)) | kite_flown_on(datetime(2019, 9, 28, 15), closeness=0.97)
    library = library_with(tmp_path, moments)
    result = search(library, None, SearchRequest(text=MEMORY, vector=KITE, top_k=5))
    assert result.near_misses is None
    assert result.events[0]["start_time"].startswith("2019-09-28")


def test_no_near_misses_without_a_description(tmp_path):
    library = library_with(tmp_path, kite_flown_on(datetime(2019, 10, 3, 15)))
    assert search(library, None, SearchRequest(text=MEMORY, top_k=5)).near_misses is None


def test_the_chat_says_so_and_shows_near_misses_apart(tmp_path):
    kite = kite_flown_on(datetime(2019, 10, 3, 15))
    library = library_with(tmp_path, kite, captions={time: "a red kite over the beach" for time in kite})
    turn = Assistant(library, None).respond(ChatState(), "a red kite over the beach in September 2019")
    assert "Nothing in September 2019 matches well; these are from early October 2019." in turn.reply
    assert days_of(turn.near_misses) == {"2019-10-03"}
    assert all(day.startswith("2019-09") for day in days_of(turn.moments))
    api = turn.to_api()
    assert {moment["start_time"][:10] for moment in api["near_misses"]} == {"2019-10-03"}
    assert not any(moment["start_time"].startswith("2019-10") for moment in api["results"])
    assert turn.state.shown[-1] == turn.near_misses[-1]["best"]["image_id"]  # numbered after the exact moments


def test_the_screen_shows_near_misses_in_their_own_gallery(tmp_path):
    import gradio as gr

    from assistant.chat import Replies
    from assistant.web.handlers import turn_update
    from assistant.web.screen import lay_out_screen

    with gr.Blocks():
        screen = lay_out_screen(Replies(), studying=False, running=False, default_topic=None)
    kite = kite_flown_on(datetime(2019, 10, 3, 15))
    library = library_with(tmp_path, kite, captions={time: "a red kite over the beach" for time in kite})
    turn = Assistant(library, None).respond(ChatState(), "a red kite over the beach in September 2019")
    outputs = turn_update(screen, turn, [], "a red kite over the beach in September 2019")
    near = outputs[screen.near]
    assert near["visible"] and outputs[screen.near_moments] == turn.near_misses
    assert [caption.split(".")[0] for _, caption in near["value"]] == [str(len(turn.moments) + 1)]  # numbered after the rest
    assert "03 Oct 2019" in near["value"][0][1]
    assert not any("Oct" in caption for _, caption in outputs[screen.results] + outputs[screen.others]["value"])


def test_the_cli_lists_near_misses_after_the_results_under_their_own_heading(tmp_path, capsys):
    kite = kite_flown_on(datetime(2019, 10, 3, 15))
    library_with(tmp_path, kite, captions={time: "a red kite over the beach" for time in kite}, clip=False)
    assert main(["search", "a red kite over the beach in September 2019", "--library", str(tmp_path), "--events"]) == 0
    exact, near = capsys.readouterr().out.split("Near misses. ")
    assert near.startswith("Nothing in September 2019 matches well; these are from early October 2019.")
    assert "2019-10-03T15:00:00" in near and "2019-10" not in exact


@pytest.mark.parametrize("days, phrase", [
    ([datetime(2019, 10, 6).date()], "early October 2019"),
    ([datetime(2019, 10, 2).date(), datetime(2019, 10, 9).date()], "early October 2019"),
    ([datetime(2019, 8, 25).date(), datetime(2019, 8, 30).date(), datetime(2019, 10, 1).date()], "late August 2019 and early October 2019"),
    ([datetime(2019, 10, 12).date(), datetime(2019, 10, 18).date()], "mid-October 2019"),
    ([datetime(2019, 10, 2).date(), datetime(2019, 10, 28).date()], "October 2019"),
])
def test_where_near_misses_are_is_said_as_a_person_would(days, phrase):
    assert dates_phrase(days) == phrase


def test_near_misses_of_a_remembered_day_are_named_by_their_day():
    assert dates_phrase([datetime(2019, 10, 6).date()] * 2, to_the_day=True) == "6 October 2019"


def test_no_near_misses_when_a_photo_of_september_says_it_in_words(tmp_path):
    """October shows the kite to CLIP, but a September photo's caption names it: September holds a match."""
    kite = kite_flown_on(datetime(2019, 10, 3, 15))
    september = {datetime(2019, 9, 14, 15): np.eye(DIM, dtype=np.float32)[2]}  # CLIP sees no kite in it
    library = library_with(tmp_path, kite | september, captions={time: "a red kite over the beach" for time in september})
    result = search(library, None, SearchRequest(text="a red kite over the beach in September 2019", vector=KITE, top_k=5))
    assert result.near_misses is None
    assert result.events[0]["start_time"].startswith("2019-09-14")


class ScoredRows:
    """The real scoring, counted: how many photos CLIP scored, and how many had their words read, call by call."""

    def __init__(self, monkeypatch):
        from assistant.search import scoring

        self.by_clip: list[int] = []
        self.by_words: list[int] = []
        similarity, word_scores = scoring.similarity, scoring.Scorer.word_scores

        def counted_similarity(library, vector, rows=None):
            self.by_clip.append(len(library) if rows is None else len(rows))
            return similarity(library, vector, rows)

        def counted_word_scores(scorer, text):
            self.by_words.append(len(scorer.rows))
            return word_scores(scorer, text)

        monkeypatch.setattr(scoring, "similarity", counted_similarity)
        monkeypatch.setattr(scoring.Scorer, "word_scores", counted_word_scores)


def test_a_good_match_in_the_remembered_time_spares_the_neighbours(tmp_path, monkeypatch):
    """A word match in September: the neighbouring months are not scored at all. A CLIP match: only by CLIP, to
    know whether their best is clearly better; their words are read only for near misses that will be shown."""
    kite = kite_flown_on(datetime(2019, 10, 3, 15))
    in_words = {datetime(2019, 9, 14, 15): np.eye(DIM, dtype=np.float32)[2]}
    library = library_with(tmp_path, kite | kite_flown_on(datetime(2019, 9, 28, 15), 0.97) | in_words,
                           captions={time: "a red kite over the beach" for time in in_words})
    september = 30 + 3 + 1  # a photo at noon each day, the kite flown on the 28th, the captioned photo
    scored = ScoredRows(monkeypatch)
    result = search(library, None, SearchRequest(text="a red kite over the beach in September 2019", vector=KITE, top_k=5))
    assert result.near_misses is None
    assert (scored.by_clip, scored.by_words) == ([september], [september])

    scored = ScoredRows(monkeypatch)
    result = search(library, None, SearchRequest(text="a flying toy in September 2019", vector=KITE, top_k=5))
    assert result.near_misses is None and result.events[0]["start_time"].startswith("2019-09-28")
    assert (scored.by_clip, scored.by_words) == ([september, 31 + 31 + 3], [september])  # August and October by CLIP alone


@pytest.mark.parametrize("around, exact, outside", [
    ([1, 2, 8, 9], [4, 5, 6], [1, 2, 8, 9]),  # a month's neighbours, before and after it
    ([1, 4, 5, 7, 9], [4, 5, 6], [1, 7, 9]),  # photos of the month itself, and one among its rows that is not
    ([1, 3, 6, 9], [0, 6, 12], [1, 3, 9]),  # exact rows that span the neighbours (photos whose time is approximate)
    ([1, 4, 6, 9], [4, 6], [1, 9]),  # the first and the last exact rows among them
    ([3, 4], [], [3, 4]),
    ([], [2, 3], []),
])
def test_the_neighbours_rows_outside_the_remembered_time(around, exact, outside):
    assert _not_among(np.array(around, np.int64), np.array(exact, np.int64)).tolist() == outside
