"""The dev memories of a synthetic life (life_memories.py), item by item: each sequence splits into its parts, and
each anchored time admits the days of the event the life really had, or says that the life had no such event."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assistant.library import Library
from assistant.query import QueryContext, parse_query
from assistant.testing.life import life_year, write_life_library

from life_memories import ANCHORED, EVENTS_SPEC, SEQUENCES


@pytest.fixture(scope="module")
def context(tmp_path_factory) -> QueryContext:
    folder = write_life_library(tmp_path_factory.mktemp("life") / "library", life_year(EVENTS_SPEC), every=timedelta(minutes=60))
    return QueryContext.of(Library.open(folder))


@pytest.mark.parametrize("memory", SEQUENCES, ids=lambda memory: memory.text[:40])
def test_a_sequence_memory_splits_into_its_parts(memory):
    query = parse_query(memory.text)
    assert len(query.preceded_by) + len(query.followed_by) == memory.parts, query.describe()
    assert memory.moment_word.lower() in query.visual.lower(), query.describe()


@pytest.mark.parametrize("memory", ANCHORED, ids=lambda memory: memory.text[:40])
def test_an_anchored_memory_admits_the_days_of_its_event(context, memory):
    query = context.parse(memory.text)
    if memory.first is None:
        assert len(query.unfound_events) == 1 and not query.time.terms, query.describe()
    else:
        assert query.unfound_events == () and [term.day_ranges() for term in query.time.terms] == [[(memory.first, memory.last)]], query.describe()
