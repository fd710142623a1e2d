"""Concept filters in the parsed query: only explicit forms, only concepts the library knows."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest

from assistant.query import ConceptTerm, ParsedQuery, parse_query

KNOWN = ["dog", "cup", "dining table", "laptop", "bus"]
NOW = datetime(2020, 6, 30, 12)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("me with a dog in the park", [("dog", 1)]),
        ("two cups of coffee on my desk", [("cup", 2)]),
        ("2 cups and a laptop", [("cup", 2)]),  # "a laptop" alone is a description, not a filter
        ("with the dining tables", [("dining table", 1)]),
        ("3 laptops, and also with 2 dogs", [("laptop", 3), ("dog", 2)]),
        ("3 laptops, and later with 2 dogs", [("laptop", 3)]),  # a later part of a sequence: not what the moment's photos show
        ("with at least 2 cups", [("cup", 2)]),
        ("a dog in a park", []),
        ("with a giraffe", []),  # not a concept of this library
        ("waiting for the bus with a dog on Friday evening", [("dog", 1)]),
    ],
)
def test_concept_filters(text, expected):
    parsed = parse_query(text, now=NOW, concepts=KNOWN)
    assert [(term.label, term.count) for term in parsed.concepts] == expected
    assert not any(term.negated for term in parsed.concepts)
    for term in parsed.concepts:  # a filter's words stay in the description too, for the rankers
        assert term.said in parsed.visual.lower(), (term.said, parsed.visual)


@pytest.mark.parametrize(
    "text, expected, visual",
    [
        ("walking on the beach, not with a dog", [("dog", 1)], "walking on the beach"),
        ("walking on the beach without a dog", [("dog", 1)], "walking on the beach"),
        ("a picnic with no dog around", [("dog", 1)], "a picnic around"),
        ("I wasn't with the dog that day, just 2 cups", [("dog", 1)], "just 2 cups"),
    ],
)
def test_negated_concepts_exclude_the_concept(text, expected, visual):
    parsed = parse_query(text, now=NOW, concepts=KNOWN)
    assert [(term.label, term.count) for term in parsed.concepts if term.negated] == expected
    # A photo with a dog fails the negated filter, a photo without one passes.
    index = _CountsIndex({"dog": np.array([1, 0, 3])})
    (dog,) = [term for term in parsed.concepts if term.label == "dog"]
    assert dog.mask(index).tolist() == [False, True, False]
    assert dog.chip == "not: with dog"
    assert "dog" not in parsed.visual.lower()  # CLIP would read "not with a dog" as a dog
    assert visual in parsed.visual.lower()  # the rest of the description stays
    assert ParsedQuery.from_dict(parsed.to_dict()) == parsed


class _CountsIndex:
    """A concept index over given per-photo counts, shaped like the library's."""

    def __init__(self, counts: dict[str, np.ndarray]):
        self.counts = counts

    def shows(self, label: str, at_least: int = 1) -> np.ndarray:
        return self.counts.get(label, np.zeros(3, int)) >= at_least


def test_no_concepts_without_a_library_vocabulary():
    assert parse_query("with a dog", now=NOW).concepts == ()


def test_chips_and_round_trip():
    parsed = parse_query("two cups with a dog last Friday", now=NOW, concepts=KNOWN)
    assert [chip.label for chip in parsed.chips()][-2:] == ["with 2 cups", "with dog"]
    assert ParsedQuery.from_dict(parsed.to_dict()) == parsed
    assert ConceptTerm("glass", 3).chip == "with 3 glasses"


@pytest.mark.parametrize(
    "text, chip",
    [
        ("me with sunglasses at the beach", "with sunglasses"),  # the key is the stem "sunglass"
        ("with a Clothes Shop behind me", "with clothes shop"),
        ("three sunglasses on a table", "with 3 sunglasses"),
        ("2 cup on the desk", "with 2 cups"),
    ],
)
def test_chips_show_the_words_as_written_not_the_stemmed_key(text, chip):
    parsed = parse_query(text, now=NOW, concepts=["sunglass", "clothe shop", "cup"])
    assert [term.chip for term in parsed.concepts] == [chip]
    assert ParsedQuery.from_dict(parsed.to_dict()) == parsed
