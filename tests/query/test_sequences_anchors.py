"""Sequences told in one message ("X, then Y") and times anchored to one's own life ("before my trip to Japan")."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from assistant.query import parse_query
from assistant.query.anchors import FoundEvent, LifeAnchor
from assistant.query.chips import query_chips, without_chips

NOW = datetime(2020, 6, 30, 23, 0)

SEQUENCES = [
    # text, the moment shown (in the description), the parts after it, the window in hours
    ("coffee in a café, then the bus to the airport", "coffee in a café", ("the bus to the airport",), 1.0),
    ("after lunch I went to a bookshop and then took the train home", "I went to a bookshop", ("took the train home",), 1.0),
    ("ice cream on the pier, afterwards a swim and then fish and chips", "ice cream on the pier", ("a swim", "fish and chips"), 1.0),
    ("A picnic in the park. Later that evening we watched fireworks.", "A picnic in the park.", ("watched fireworks",), 24.0),
    ("a museum with dinosaurs followed by pizza", "a museum with dinosaurs", ("pizza",), 1.0),
    ("Kaffee im Café, dann der Bus zum Flughafen", "Kaffee im Café", ("the bus to the airport",), 1.0),
    ("un café en terrasse, puis le métro", "un café en terrasse", ("the métro",), 1.0),  # parts in the rendered words, as before/after clauses are
    ("tapas en un bar y luego un paseo por la playa", "tapas en un bar", ("a paseo through the playa",), 1.0),
    ("a pint with Tom, and later a kebab", "a pint with Tom", ("a kebab",), 3.0),
]


@pytest.mark.parametrize("text, moment, parts, window", SEQUENCES)
def test_a_told_sequence_is_split_into_its_parts_in_order(text, moment, parts, window):
    query = parse_query(text, now=NOW)
    assert query.visual.strip(" ,.") == moment.strip(".")
    assert [part.lower() for part in query.followed_by] == [part.lower() for part in parts]
    assert query.sequence_window_hours == window


@pytest.mark.parametrize("text, moment", [
    ("un gelato in piazza, poi il treno", "un gelato in piazza"),
    ("um pastel de nata e depois o elétrico", "um pastel de nata"),
    ("καφές στο λιμάνι και μετά το λεωφορείο", "καφές στο λιμάνι"),
    ("Kuchen im Garten und danach ein Spaziergang", "Kuchen im Garten"),
])
def test_the_words_for_then_in_other_languages_split_the_sequence(text, moment):
    query = parse_query(text, now=NOW)
    assert query.visual.strip(" ,") == moment and len(query.followed_by) == 1 and not query.preceded_by, query.describe()


@pytest.mark.parametrize("text", ["back then I had a red car", "a later train to Cork", "my then boyfriend at the beach",
                                  "what was the name of the café then"])
def test_then_and_later_that_tell_no_next_step_split_nothing(text):
    assert parse_query(text, now=NOW).followed_by == ()


def test_later_that_evening_filters_no_time_but_the_told_time_applies_to_the_whole_memory():
    query = parse_query("breakfast in a hotel in March 2019, and later that evening a concert", now=NOW)
    assert [term.label for term in query.time.terms] == ["March 2019"]
    assert query.followed_by == ("a concert",)


def test_the_sequence_is_one_chip_that_names_its_parts_and_the_shown_one():
    query = parse_query("after a run I drank coffee in a café and then took the bus home", now=NOW)
    chips = [chip for chip in query_chips(query) if chip.kind == "sequence"]
    assert [chip.label for chip in chips] == ["in order: a run → I drank coffee in a café (shown) → took the bus home (each within an hour)"]
    dropped = without_chips(query, chips)
    assert dropped.preceded_by == () and dropped.followed_by == ()


class Events:
    """A life with one trip to Japan and one wedding, as the library would find them."""

    def __init__(self):
        self.asked: list[LifeAnchor] = []

    def find_event(self, anchor: LifeAnchor) -> FoundEvent | None:
        self.asked.append(anchor)
        if anchor.event == "wedding":
            return FoundEvent("wedding", date(2019, 8, 17), date(2019, 8, 17))
        if anchor.place_term is not None and anchor.place_term.label.endswith("Japan"):
            return FoundEvent("trip to Tokyo, Japan", date(2019, 5, 4), date(2019, 5, 8))
        return None


ANCHORED = [
    # text, first and last day admitted
    ("sushi before my trip to Japan", date(2019, 4, 6), date(2019, 5, 3)),
    ("a barbecue the week after the wedding", date(2019, 8, 18), date(2019, 8, 24)),
    ("the view from the plane the day I flew to Japan", date(2019, 5, 4), date(2019, 5, 4)),
    ("packing on the last day of my trip to Japan", date(2019, 5, 8), date(2019, 5, 8)),
    ("a temple when I was in Japan", date(2019, 5, 4), date(2019, 5, 8)),
    ("a hangover the day after the wedding", date(2019, 8, 18), date(2019, 8, 18)),
    ("the taxi on the day of my trip to Japan", date(2019, 5, 4), date(2019, 5, 4)),
]


@pytest.mark.parametrize("text, first, last", ANCHORED)
def test_an_anchored_time_is_taken_relative_to_the_found_event(text, first, last):
    query = parse_query(text, now=NOW, events=Events())
    (term,) = query.time.terms
    assert term.day_ranges() == [(first, last)]
    assert query.unfound_events == () and not query.place.terms  # "Japan" names the trip, it does not filter the moment
    assert "Japan" not in query.visual and "wedding" not in query.visual


def test_the_anchor_chip_names_the_event_and_its_dates():
    query = parse_query("sushi before my trip to Japan", now=NOW, events=Events())
    assert query.chips()[0].label == "before my trip to Japan: trip to Tokyo, Japan 4–8 May 2019 → 6 Apr – 3 May 2019"


def test_an_event_not_found_filters_nothing_and_says_so():
    query = parse_query("gelato in a square when I was in Rome", now=NOW, events=Events())
    assert not query.time.terms and not query.place.terms
    assert query.unfound_events == ("trip to Rome",)
    assert [chip.label for chip in query.chips()] == ["no trip to Rome found: all dates searched"]
    assert query.visual.strip() == "gelato in a square"


@pytest.mark.parametrize("text", ["pints after the gym", "coffee before the meeting", "when I was in bed with flu"])
def test_a_plain_before_or_after_is_no_anchor(text):
    events = Events()
    query = parse_query(text, now=NOW, events=events)
    assert not events.asked and query.unfound_events == ()
