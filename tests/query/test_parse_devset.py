"""The development set: realistic remembered moments with the constraints they should yield.

Each item checks the whole contract at once: the chips (kind and label), that the time and place
constraints admit the true moment, what the visual description keeps and drops, the before/after
clauses and ambiguity. Negatives are date-like sentences that must yield no time (or place) constraint.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from assistant.query import KnownPlace, parse_query

DEVSET = json.loads((Path(__file__).parent / "devset.json").read_text())
KNOWN_PLACES = [KnownPlace(**record) for record in DEVSET["known_places"]]
ITEMS = DEVSET["items"]


def _parse(item):
    return parse_query(item["text"], now=datetime.fromisoformat(item["now"]), places=KNOWN_PLACES if item["uses_known_places"] else None)


def test_the_development_set_is_large_and_varied():
    assert len(ITEMS) >= 80
    assert sum(1 for item in ITEMS if item["text"].count(".") + item["text"].count(",") >= 2) >= 40  # multi-part memories
    assert len(DEVSET["negatives"]) >= 30
    kinds = {kind for item in ITEMS for kind, _ in item["time"]}
    assert kinds == {"period", "calendar", "weekday", "day_part"}


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_constraints_match_the_memory(item):
    query = _parse(item)
    assert [[term.kind, term.label] for term in query.time.terms] == item["time"]
    assert [term.label for term in query.place.terms] == item["place"]


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_constraints_admit_the_true_moment(item):
    query = _parse(item)
    assert query.time.admits(datetime.fromisoformat(item["moment"]))
    assert query.place.admits(item["lat"], item["lng"])


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_visual_description_keeps_what_the_camera_saw(item):
    query = _parse(item)
    visual = query.visual.lower()
    for phrase in item["visual_has"]:
        assert phrase.lower() in visual, f"{phrase!r} missing from {query.visual!r}"
    for phrase in item["visual_lacks"]:
        assert phrase.lower() not in visual, f"{phrase!r} left in {query.visual!r}"
    assert list(query.preceded_by) == item["preceded_by"]
    assert list(query.followed_by) == item["followed_by"]
    assert [place.phrase for place in query.ambiguous] == ([item["ambiguous"]] if "ambiguous" in item else [])


@pytest.mark.parametrize("text", DEVSET["negatives"])
def test_date_like_words_make_no_constraint(text):
    query = parse_query(text, now=datetime(2020, 6, 30, 23, 59))
    assert query.time.terms == ()
    assert query.place.terms == ()
    assert query.visual  # the sentence is all visual description
