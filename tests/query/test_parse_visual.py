"""The visual description: what is left for CLIP once constraints and narrative filler are gone."""

from __future__ import annotations

from datetime import datetime

import pytest

from assistant.query import KnownPlace, parse_query

NOW = datetime(2020, 6, 30, 23, 59)


def _parse(text: str, places=None):
    return parse_query(text, now=NOW, places=places)


VISUAL = [
    ("I remember I was eating a sandwich on a bench.", "eating a sandwich on a bench"),
    ("I think it was a red car parked outside a shop.", "a red car parked outside a shop"),
    ("It was raining and there were lots of umbrellas.", "raining and lots of umbrellas"),
    ("If I remember correctly, a man was playing a piano in the hall.", "a man was playing a piano in the hall"),
    ("Find the moment when I was buying a train ticket at a machine.", "buying a train ticket at a machine"),
    ("I'm looking for a photo of a dog catching a frisbee.", "a photo of a dog catching a frisbee"),
    ("A cake with candles. It was on a Sunday in 2019, in Dublin.", "A cake with candles"),
    ("Maybe a blue boat in a harbour, probably in the morning.", "a blue boat in a harbour"),
    ("I'm not sure, but I think there was a big Christmas tree in the hall.", "a big Christmas tree in the hall"),
    ("I may have been drinking coffee at my desk.", "drinking coffee at my desk"),
]


@pytest.mark.parametrize("text, visual", VISUAL)
def test_filler_and_constraints_are_stripped(text, visual):
    assert _parse(text).visual == visual


def test_a_multi_sentence_memory_keeps_each_sentence_the_camera_saw():
    query = _parse("Meeting friends outside a bar called the Brazen Head, before walking to another bar for drinks. "
                   "It was in 2019 in September, on a Friday evening. I got a taxi to the bar.")
    assert query.visual == "Meeting friends outside a bar called the Brazen Head. I got a taxi to the bar."
    assert query.followed_by == ("walking to another bar for drinks",)
    assert query.preceded_by == ()


CLAUSES = [
    ("after coffee and before a second coffee", ("coffee",), ("a second coffee",)),
    ("I was reading in the library after a long walk in the park", ("a long walk in the park",), ()),
    ("Eating a burger before I went to the cinema.", (), ("went to the cinema",)),
    ("Shortly after landing, I took a photo of the runway.", ("landing",), ()),
    ("After that we had ice cream.", (), ()),  # refers back to the story
    ("I was looking after my niece in the park.", (), ()),
    ("A pub named after a famous poet.", (), ()),
    ("A few days before Christmas I was wrapping presents.", (), ()),  # a time, not a clause
    ("It was after lunch, we were in a meeting.", (), ()),
    ("Before long it started to rain.", (), ()),
]


@pytest.mark.parametrize("text, preceded_by, followed_by", CLAUSES)
def test_before_and_after_clauses(text, preceded_by, followed_by):
    query = _parse(text)
    assert query.preceded_by == preceded_by
    assert query.followed_by == followed_by
    for clause in preceded_by + followed_by:
        assert clause not in query.visual


def test_long_descriptions_are_not_truncated():
    text = " ".join(f"there was a red chair number {i} next to a green table with a white vase" for i in range(20))
    query = _parse(text)
    assert len(query.visual.split()) > 200  # CLIP's 77-token limit is the model module's business


def test_nothing_left_to_see():
    query = _parse("It was on a Friday evening in September 2019.")
    assert query.visual == ""
    assert query.describe() == "September 2019 · Fridays · evening · looking for: anything"


def test_describe_summarises_every_part():
    places = [KnownPlace("Dublin", "city", 53.3498, -6.2603, 9.0, "IE", 1000)]
    query = parse_query("Friends outside a bar in Dublin, after a concert in the park. It was a Friday evening in September 2019.",
                        now=NOW, places=places)
    assert query.describe() == ("September 2019 · Fridays · evening · near Dublin · "
                                "in order: a concert in the park → Friends outside a bar (shown) (each within 12 hours) · "
                                "looking for: Friends outside a bar")
    negated = parse_query("not on a weekend", now=NOW)
    assert negated.describe().startswith("not: weekends")


def test_describe_shortens_long_visual_text():
    query = _parse("A very long description of a street " * 10)
    assert len(query.describe()) < 120 and query.describe().endswith("…")
    assert len(query.visual) > 200


def test_empty_text():
    query = _parse("")
    assert query.visual == "" and not query.time and not query.place and query.ambiguous == ()
