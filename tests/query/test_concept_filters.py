"""Concept filters in the parsed query: only explicit forms, only concepts the library knows."""

from __future__ import annotations

from datetime import datetime

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
        ("3 laptops, and later with 2 dogs", [("laptop", 3), ("dog", 2)]),
        ("with at least 2 cups", [("cup", 2)]),
        ("a dog in a park", []),
        ("with a giraffe", []),  # not a concept of this library
        ("waiting for the bus with a dog on Friday evening", [("dog", 1)]),
    ],
)
def test_concept_filters(text, expected):
    parsed = parse_query(text, now=NOW, concepts=KNOWN)
    assert [(term.label, term.count) for term in parsed.concepts] == expected
    assert "dog" not in parsed.visual or "dog" in text  # the words stay in the description too


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
