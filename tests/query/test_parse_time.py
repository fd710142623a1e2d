"""Time constraints: every kind of phrase the issue lists, what must not become a constraint, and the masks."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from assistant.query import (
    CalendarTerm,
    DayPartTerm,
    KnownPlace,
    ParsedQuery,
    PeriodTerm,
    TimeConstraints,
    WeekdayTerm,
    day_part_term,
    local_seconds_of,
    parse_query,
)

NOW = datetime(2020, 6, 30, 23, 59)  # a Tuesday; the archive ends here


def _time(text: str, now: datetime = NOW, places=None) -> TimeConstraints:
    return parse_query(text, now=now, places=places).time


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# Each case: phrase, the kinds of terms it makes, moments it must admit, moments it must reject.
CASES = [
    # absolute dates
    ("on the 29th April 2020", ["period"], ["2020-04-29T10:00", "2020-04-30T02:30"], ["2020-04-30T10:00", "2019-04-29T10:00"]),
    ("on 3 March", ["calendar"], ["2019-03-03T12:00", "2020-03-03T09:00"], ["2019-03-04T12:00", "2019-03-02T12:00"]),
    ("Sunday 18th Sept", ["calendar", "weekday"], ["2016-09-18T11:00", "2022-09-18T11:00"], ["2019-09-18T11:00", "2016-09-17T11:00"]),
    ("the last day of August", ["calendar"], ["2019-08-31T15:00", "2020-08-31T09:00"], ["2019-08-30T15:00", "2019-09-01T15:00"]),
    ("in May 2018", ["period"], ["2018-05-01T08:00", "2018-05-31T22:00"], ["2018-06-02T12:00", "2019-05-15T12:00"]),
    ("in 2019 in September", ["period"], ["2019-09-06T19:07"], ["2019-10-02T12:00", "2018-09-06T12:00"]),
    ("late May 2018", ["period"], ["2018-05-20T12:00", "2018-05-31T12:00"], ["2018-05-05T12:00", "2018-06-10T12:00"]),
    ("early 2019", ["period"], ["2019-01-02T12:00", "2019-04-20T12:00"], ["2019-07-01T12:00", "2018-12-20T12:00"]),
    ("on 12/05/2019", ["period"], ["2019-05-12T12:00", "2019-12-05T12:00"], ["2019-05-13T12:00"]),
    ("between the 3rd and 7th of May 2019", ["period"], ["2019-05-05T12:00"], ["2019-05-09T12:00"]),
    ("on April 29th, 2020", ["period"], ["2020-04-29T12:00"], ["2020-04-28T12:00"]),
    ("mid-September", ["calendar"], ["2019-09-15T12:00"], ["2019-09-02T12:00", "2019-09-29T12:00"]),
    ("in May or June", ["calendar"], ["2019-05-10T12:00", "2019-06-10T12:00"], ["2019-07-10T12:00"]),
    ("from March to May 2019", ["period"], ["2019-04-10T12:00"], ["2019-06-10T12:00"]),
    # relative to the archive's end
    ("last January", ["period"], ["2020-01-15T12:00"], ["2019-01-15T12:00", "2020-02-15T12:00"]),
    ("two weeks ago", ["period"], ["2020-06-16T12:00", "2020-06-13T12:00"], ["2020-05-20T12:00", "2020-06-28T12:00"]),
    ("yesterday", ["period"], ["2020-06-29T15:00", "2020-06-30T01:00"], ["2020-06-28T15:00", "2020-06-30T15:00"]),
    ("last weekend", ["period"], ["2020-06-27T15:00", "2020-06-28T20:00"], ["2020-06-20T15:00", "2020-06-29T15:00"]),
    ("last night", ["period"], ["2020-06-29T22:00", "2020-06-30T01:30"], ["2020-06-29T12:00", "2020-06-28T22:00"]),
    ("last year", ["period"], ["2019-03-01T12:00"], ["2020-03-01T12:00"]),
    ("a few days ago", ["period"], ["2020-06-26T12:00"], ["2020-06-10T12:00"]),
    ("last Tuesday", ["period"], ["2020-06-23T12:00", "2020-06-16T12:00"], ["2020-06-30T12:00", "2020-06-24T12:00"]),
    ("last summer", ["period"], ["2019-07-15T12:00"], ["2020-06-15T12:00", "2018-07-15T12:00"]),
    ("three months ago", ["period"], ["2020-03-31T12:00"], ["2020-06-01T12:00", "2019-12-01T12:00"]),
    ("about a year ago", ["period"], ["2019-06-30T12:00", "2019-09-15T12:00"], ["2020-01-15T12:00", "2018-12-01T12:00"]),
    ("this weekend", ["period"], ["2020-06-27T12:00", "2020-06-28T12:00"], ["2020-06-30T12:00", "2020-06-20T12:00"]),
    ("the other day", ["period"], ["2020-06-25T12:00"], ["2020-06-01T12:00", "2020-06-30T12:00"]),
    # weekdays
    ("on a Monday or a Thursday", ["weekday"], ["2019-06-24T12:00", "2019-06-27T12:00"], ["2019-06-25T12:00"]),
    ("at the weekend", ["weekday"], ["2019-06-29T12:00", "2019-06-30T12:00"], ["2019-06-28T12:00"]),
    ("on a Tuesday night", ["weekday", "day_part"], ["2019-06-25T22:00", "2019-06-26T01:30"], ["2019-06-26T22:00", "2019-06-25T10:00"]),
    ("on weekdays", ["weekday"], ["2019-06-24T12:00"], ["2019-06-29T12:00"]),
    # parts of the day and clock times
    ("early morning", ["day_part"], ["2019-06-25T06:30"], ["2019-06-25T14:00"]),
    ("around dawn", ["day_part"], ["2019-06-25T05:30"], ["2019-06-25T15:00"]),
    ("lunchtime", ["day_part"], ["2019-06-25T13:00"], ["2019-06-25T18:00"]),
    ("late afternoon", ["day_part"], ["2019-06-25T17:00"], ["2019-06-25T10:00"]),
    ("in the evening", ["day_part"], ["2019-06-25T20:00"], ["2019-06-25T09:00"]),
    ("at night", ["day_part"], ["2019-06-25T23:00", "2019-06-25T02:00"], ["2019-06-25T12:00"]),
    ("at 7am", ["day_part"], ["2019-06-25T06:00", "2019-06-25T08:00"], ["2019-06-25T09:00", "2019-06-25T19:00"]),
    ("between 2pm and 4pm", ["day_part"], ["2019-06-25T15:00", "2019-06-25T13:45"], ["2019-06-25T17:00", "2019-06-25T11:00"]),
    ("at 7", ["day_part"], ["2019-06-25T07:00", "2019-06-25T19:00"], ["2019-06-25T13:00"]),
    ("at 7 in the evening", ["day_part"], ["2019-06-25T19:00"], ["2019-06-25T07:00"]),
    ("in the morning, around 7", ["day_part"], ["2019-06-25T07:00"], ["2019-06-25T19:00"]),
    ("at 19:30", ["day_part"], ["2019-06-25T19:30"], ["2019-06-25T07:30"]),
    ("after 6pm", ["day_part"], ["2019-06-25T21:00"], ["2019-06-25T15:00"]),
    ("before 9am", ["day_part"], ["2019-06-25T08:00"], ["2019-06-25T12:00"]),
    ("at half past seven in the morning", ["day_part"], ["2019-06-25T07:30"], ["2019-06-25T19:30"]),
    ("around midnight", ["day_part"], ["2019-06-25T23:50", "2019-06-26T00:30"], ["2019-06-25T20:00"]),
    ("around half ten in the morning", ["day_part"], ["2019-06-25T10:30"], ["2019-06-25T13:00", "2019-06-25T22:30"]),
    ("around 5 or 6 in the evening", ["day_part"], ["2019-06-25T16:00", "2019-06-25T19:00"], ["2019-06-25T15:30", "2019-06-25T19:30"]),
    ("at 11 or 12 at night", ["day_part"], ["2019-06-25T22:00", "2019-06-26T00:30"], ["2019-06-25T12:00"]),
    ("late one night", ["day_part"], ["2019-06-25T23:30"], ["2019-06-25T19:00"]),
    ("at 9 o'clock", ["day_part"], ["2019-06-25T09:00", "2019-06-25T21:00"], ["2019-06-25T15:00"]),
    # seasons (meteorological, northern hemisphere without a southern place)
    ("in Spring", ["calendar"], ["2019-04-10T12:00"], ["2019-08-10T12:00"]),
    ("summertime, 2019", ["period"], ["2019-07-10T12:00"], ["2020-07-10T12:00", "2019-12-01T12:00"]),
    ("in winter 2019", ["period"], ["2019-01-20T12:00", "2019-12-20T12:00"], ["2019-07-20T12:00"]),
    ("in the fall", ["calendar"], ["2019-10-10T12:00"], ["2019-06-10T12:00"]),
    # holidays and named days
    ("Christmas Day", ["calendar"], ["2019-12-25T12:00", "2018-12-25T12:00"], ["2019-12-24T12:00", "2019-12-26T12:00"]),
    ("on Christmas Day 2019", ["period"], ["2019-12-25T12:00"], ["2018-12-25T12:00"]),
    ("at Christmas 2019", ["period"], ["2019-12-25T12:00", "2019-12-30T12:00"], ["2018-12-25T12:00", "2018-12-31T12:00"]),
    ("New Year 2020", ["period"], ["2019-12-31T23:00", "2020-01-01T12:00"], ["2019-01-01T12:00"]),
    ("a few days before Christmas", ["calendar"], ["2019-12-18T12:00", "2019-12-24T12:00"], ["2019-12-25T12:00", "2019-12-10T12:00"]),
    ("the day before St Patrick's Day", ["calendar"], ["2019-03-16T12:00"], ["2019-03-17T12:00", "2019-03-15T12:00"]),
    ("New Year's Eve", ["calendar"], ["2019-12-31T23:00", "2020-01-01T01:00"], ["2019-12-30T23:00", "2020-01-01T12:00"]),
    ("Easter Sunday 2019", ["period"], ["2019-04-21T12:00"], ["2019-04-22T12:00"]),
    ("on Good Friday", ["calendar"], ["2020-04-10T12:00", "2019-04-19T12:00"], ["2020-04-11T12:00"]),
    ("at Easter", ["calendar"], ["2020-04-13T12:00"], ["2020-04-20T12:00"]),
    ("at Thanksgiving", ["calendar"], ["2019-11-28T12:00"], ["2019-11-21T12:00"]),
    ("on Mother's Day", ["calendar"], ["2019-03-31T12:00", "2019-05-12T12:00"], ["2019-04-07T12:00"]),
    ("at Chinese New Year 2020", ["period"], ["2020-01-25T12:00"], ["2020-02-25T12:00"]),
    ("at Halloween", ["calendar"], ["2019-10-31T20:00"], ["2019-10-29T20:00"]),
    ("around Christmas", ["calendar"], ["2019-12-21T12:00", "2019-12-29T12:00"], ["2019-12-10T12:00"]),
    ("a week after Easter", ["calendar"], ["2019-04-28T12:00"], ["2019-04-21T12:00"]),
    ("two days after Christmas", ["calendar"], ["2019-12-27T12:00"], ["2019-12-24T12:00", "2020-01-03T12:00"]),
    ("last Christmas", ["period"], ["2019-12-25T12:00"], ["2018-12-25T12:00"]),
    ("on Valentine's Day", ["calendar"], ["2020-02-14T20:00"], ["2020-02-15T20:00"]),
    ("between Christmas and New Year", ["calendar"], ["2019-12-27T12:00", "2020-01-01T12:00"], ["2019-12-22T12:00", "2020-01-03T12:00"]),
    ("the weekend of the 12th of October 2019", ["period", "weekday"], ["2019-10-12T12:00", "2019-10-13T12:00"],
     ["2019-10-11T12:00", "2019-10-19T12:00"]),
    ("a Halloween party", ["calendar"], ["2019-10-26T21:00", "2019-10-31T21:00"], ["2019-10-01T21:00"]),
    # decades, when a time ("in the 2010s"), not a style ("a 1990s jukebox", in NOT_TIMES)
    ("trips abroad in the 2010s", ["period"], ["2010-01-01T12:00", "2019-12-31T12:00"], ["2009-12-31T12:00", "2020-01-01T12:00"]),
    ("during the 2000s", ["period"], ["2005-06-01T12:00"], ["2010-06-01T12:00"]),
]


@pytest.mark.parametrize("text, kinds, admitted, rejected", CASES, ids=[case[0] for case in CASES])
def test_time_phrases(text, kinds, admitted, rejected):
    time = _time(text)
    assert sorted(term.kind for term in time.terms) == sorted(kinds), [term.label for term in time.terms]
    for moment in admitted:
        assert time.admits(_at(moment)), f"{text!r} should admit {moment}"
    for moment in rejected:
        assert not time.admits(_at(moment)), f"{text!r} should reject {moment}"


LABELS = [
    ("in 2019 in September, on a Friday evening", ["September 2019", "Fridays", "evening"]),
    ("on the 29th April 2020", ["29 April 2020"]),
    ("on a Monday or a Thursday", ["Mondays or Thursdays"]),
    ("at the weekend", ["weekends"]),
    ("at 7am", ["around 7am"]),
    ("between 2pm and 4pm", ["between 2pm and 4pm"]),
    ("summertime, 2019", ["summer 2019"]),
    ("last January", ["January 2020"]),
    ("the day before St Patrick's Day", ["the day before St Patrick's Day"]),
    ("late May 2018", ["late May 2018"]),
]


@pytest.mark.parametrize("text, labels", LABELS)
def test_chip_labels(text, labels):
    assert [term.label for term in _time(text).terms] == labels


# The list of words and numbers that only look like dates.
NOT_TIMES = [
    "I may have left my bag there", "I sat at the desk", "Sun glasses on the table", "now", "one day",
    "the 1st floor", "the second time", "a BAE 146", "an A380", "open 24 hours", "the number 4 bus",
    "a Sunday newspaper", "Saturday Night Fever", "the best cake in years", "2000 people", "a 2019 calendar",
    "the Sunday Times on the table", "spring onions", "a winter coat", "a Christmas jumper", "march on the city",
    "April and I", "June said hello", "room 1984", "bus 2019 to the airport", "I fall asleep", "the 90s music",
    "a 2h30 film", "a 1990s jukebox", "music from the 1980s", "good night everyone", "Ireland beat France 2-1", "a 30 minute walk", "3 or 4 people",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_date_lookalikes_are_not_constraints(text):
    assert _time(text).terms == ()


# The same words where they do say when: the lookalike rules must not swallow these.
STILL_TIMES = [
    ("We opened a bottle of wine in 2015", ["2015"]),
    ("It was the spring we moved house", ["spring"]),
    ("in the spring, walking the dog", ["spring"]),
    ("on Friday the 13th we went out", ["Fridays"]),
    ("We went in the Summer of 2018", ["summer 2018"]),
    ("a bag of Easter eggs at Easter", ["Easter"]),
    ("Christmas of 2018 at home", ["Christmas 2018"]),
    ("we listened to music in September", ["September"]),
    ("from the 3rd of May to Easter", ["between 3 May and Easter"]),
]


@pytest.mark.parametrize("text, labels", STILL_TIMES)
def test_lookalike_words_in_a_time_phrase_still_make_times(text, labels):
    assert [term.label for term in _time(text).terms] == labels


def test_a_few_days_before_means_up_to_about_a_week():
    time = _time("a few days before Christmas")
    assert time.admits(datetime(2019, 12, 18, 12))  # a week before
    assert not time.admits(datetime(2019, 12, 14, 12))


def test_a_clock_time_means_an_hour_or_so_either_side():
    time = _time("at 7am")
    assert time.admits(datetime(2019, 6, 25, 5, 50)) and time.admits(datetime(2019, 6, 25, 8, 10))
    assert not time.admits(datetime(2019, 6, 25, 5, 30)) and not time.admits(datetime(2019, 6, 25, 8, 30))


def test_parts_of_the_day_overlap():
    five_pm = datetime(2019, 6, 25, 17, 0)
    assert day_part_term("late afternoon").admits(five_pm) and day_part_term("evening").admits(five_pm)
    eleven_pm = datetime(2019, 6, 25, 23, 0)
    assert day_part_term("evening").admits(eleven_pm) and day_part_term("night").admits(eleven_pm)


def test_clock_time_and_part_of_day_narrow_each_other():
    time = _time("in the evening, at around 7")
    assert time.admits(datetime(2019, 6, 25, 19, 0))
    assert not time.admits(datetime(2019, 6, 25, 22, 30))
    assert not time.admits(datetime(2019, 6, 25, 7, 0))


def test_contradicting_parts_of_the_day_are_both_kept():
    time = _time("in the morning, I think around 9pm")
    assert time.admits(datetime(2019, 6, 25, 9, 0)) and time.admits(datetime(2019, 6, 25, 21, 0))


def test_a_weekday_that_contradicts_the_date_gives_way_to_it():
    # 18 September 2019 was a Wednesday; people misremember weekdays more than dates.
    time = _time("Sunday 18th September 2019")
    assert [term.kind for term in time.terms] == ["period"]
    assert time.admits(datetime(2019, 9, 18, 12))


def test_a_date_without_a_year_is_any_year():
    time = _time("on 3 March")
    for year in (2015, 2019, 2020, 2024):
        assert time.admits(datetime(year, 3, 3, 12))


def test_now_anchors_relative_expressions():
    assert _time("last January", now=datetime(2020, 1, 15)).admits(datetime(2019, 1, 20))
    assert not _time("last January", now=datetime(2020, 1, 15)).admits(datetime(2020, 1, 10))
    assert _time("yesterday", now=datetime(2017, 3, 2, 9)).admits(datetime(2017, 3, 1, 12))


def test_now_defaults_to_the_wall_clock():
    yesterday = datetime.now() - timedelta(days=1)
    assert parse_query("yesterday").time.admits(yesterday.replace(hour=12))


def test_hemisphere_flips_seasons_where_the_place_is_south():
    dublin, sydney = _time("in summer in Dublin"), _time("in summer in Sydney")
    january, july = datetime(2019, 1, 10, 12), datetime(2019, 7, 10, 12)
    assert dublin.admits(july) and not dublin.admits(january)
    assert sydney.admits(january) and not sydney.admits(july)


def test_hemisphere_follows_the_library_when_no_place_is_named():
    south = [KnownPlace("Melbourne", "city", -37.81, 144.96, 20.0, "AU", 1000),
             KnownPlace("Australia", "country", -37.81, 144.96, 50.0, "AU", 1000)]
    assert _time("in spring", places=south).admits(datetime(2019, 10, 10, 12))
    assert not _time("in spring", places=south).admits(datetime(2019, 4, 10, 12))


NEGATED = [
    ("not on a weekend", "weekday", "2019-06-24T12:00", "2019-06-29T12:00"),
    ("it wasn't in the morning", "day_part", "2019-06-24T15:00", "2019-06-24T09:00"),
    ("not in 2019", "period", "2020-02-01T12:00", "2019-02-01T12:00"),
    ("it wasn't on a Monday", "weekday", "2019-06-25T12:00", "2019-06-24T12:00"),
]


@pytest.mark.parametrize("text, kind, admitted, rejected", NEGATED)
def test_negated_time(text, kind, admitted, rejected):
    time = _time(text)
    assert [(term.kind, term.negated) for term in time.terms] == [(kind, True)]
    assert time.admits(_at(admitted)) and not time.admits(_at(rejected))


def test_several_constraints_combine_with_and():
    time = _time("It was in 2019 in September, on a Friday evening.")
    assert time.admits(datetime(2019, 9, 6, 19, 7))
    assert not time.admits(datetime(2019, 9, 7, 19, 7))  # a Saturday
    assert not time.admits(datetime(2019, 9, 6, 10, 0))  # morning
    assert not time.admits(datetime(2018, 9, 7, 19, 7))  # another year


def test_no_time_words_no_constraint():
    time = _time("A dog running on a beach with a red ball")
    assert not time and time.admits(datetime(1999, 1, 1))
    assert time.mask(np.array([0, 10**9], dtype=np.int64)).all()


def _days(moment: datetime) -> set:
    """The days a moment may belong to: its own, and in the small hours the day before (a night out)."""
    return {moment.date(), (moment - timedelta(hours=4)).date()}


EASTER_SUNDAYS = {datetime(*day).date() for day in ((2015, 4, 5), (2016, 3, 27), (2017, 4, 16), (2018, 4, 1), (2019, 4, 21), (2020, 4, 12))}

# Each case: a phrase; moments it must admit (the clear core of what people mean); moments it must reject (clearly
# outside). Moments in the fuzzy band between ("is 5:50pm evening?") are not judged.
MASK_CASES = [
    ("in 2019 in September, on a Friday evening",
     lambda t: t.year == 2019 and t.month == 9 and t.weekday() == 4 and 18 <= t.hour <= 22,
     lambda t: 6 <= t.hour <= 14 or not any(d.year == 2019 and d.month == 9 and d.weekday() == 4 for d in _days(t))),
    ("a few days before Christmas",
     lambda t: t.month == 12 and 21 <= t.day <= 23,
     lambda t: not any(d.month == 12 and 10 <= d.day <= 25 for d in _days(t))),
    ("on a Tuesday night",
     lambda t: t.weekday() == 1 and 20 <= t.hour <= 23,
     lambda t: 7 <= t.hour <= 16 or not any(d.weekday() == 1 for d in _days(t))),
    ("at 7am", lambda t: t.hour == 7, lambda t: t.hour >= 9 or t.hour < 5),
    ("between 2pm and 4pm", lambda t: 14 <= t.hour < 16, lambda t: t.hour < 13 or t.hour >= 17),
    ("Christmas Day",
     lambda t: (t.month, t.day) == (12, 25) and t.hour >= 4,
     lambda t: not any((d.month, d.day) == (12, 25) for d in _days(t))),
    ("not on a weekend", lambda t: t.weekday() in (1, 2, 3, 4) and t.hour >= 4, lambda t: t.weekday() in (5, 6) and t.hour >= 4),
    ("in spring", lambda t: t.month in (3, 4, 5), lambda t: t.month in (7, 8, 9, 10, 11, 12, 1)),
    ("New Year's Eve",
     lambda t: (t.month, t.day) == (12, 31) and t.hour >= 4,
     lambda t: not ((t.month, t.day) in ((12, 30), (12, 31)) or (t.month, t.day) == (1, 1) and t.hour < 4)),
    ("around midnight", lambda t: t.hour == 23 and t.minute >= 30 or t.hour == 0 and t.minute < 30, lambda t: 3 <= t.hour <= 21),
    ("late May 2018",
     lambda t: t.year == 2018 and t.month == 5 and t.day >= 20,
     lambda t: not (datetime(2018, 5, 12) <= t < datetime(2018, 6, 6))),
    ("two weeks ago",  # before 30 June 2020
     lambda t: datetime(2020, 6, 14) <= t < datetime(2020, 6, 19),
     lambda t: not (datetime(2020, 5, 25) <= t < datetime(2020, 6, 28))),
    ("on 3 March", lambda t: (t.month, t.day) == (3, 3) and t.hour >= 4, lambda t: not any((d.month, d.day) == (3, 3) for d in _days(t))),
    ("at the weekend, after 6pm",
     lambda t: t.weekday() in (5, 6) and 19 <= t.hour <= 23,
     lambda t: 6 <= t.hour <= 16 or t.weekday() in (1, 2, 3, 4)),
    ("last night",  # the night of 29 June 2020
     lambda t: datetime(2020, 6, 29, 20) <= t < datetime(2020, 6, 30, 1),
     lambda t: not (datetime(2020, 6, 29, 12) <= t < datetime(2020, 6, 30, 8))),
    ("Easter",
     lambda t: t.date() in EASTER_SUNDAYS and t.hour >= 4,
     lambda t: all(abs((t.date() - sunday).days) > 5 for sunday in EASTER_SUNDAYS)),
]


@pytest.mark.parametrize("text, inside, outside", MASK_CASES, ids=[case[0] for case in MASK_CASES])
def test_masks_admit_what_the_phrase_means(text, inside, outside):
    time = _time(text)
    rng = np.random.default_rng(11)
    start, end = local_seconds_of(datetime(2015, 1, 1)), local_seconds_of(datetime(2021, 1, 1))
    seconds = np.concatenate([rng.integers(start, end, size=20_000, dtype=np.int64),
                              rng.integers(local_seconds_of(datetime(2020, 5, 1)), end - 86400 * 180, size=2_000, dtype=np.int64)])
    moments = [datetime(1970, 1, 1) + timedelta(seconds=int(s)) for s in seconds]
    mask = time.mask(seconds)
    must_admit = np.array([inside(t) for t in moments])
    must_reject = np.array([outside(t) for t in moments])
    assert must_admit.any() and must_reject.any()  # the sample reaches both
    assert not (must_admit & must_reject).any()  # the case itself is consistent
    assert mask[must_admit].all(), [moments[i] for i in np.flatnonzero(must_admit & ~mask)[:3]]
    assert not mask[must_reject].any(), [moments[i] for i in np.flatnonzero(must_reject & mask)[:3]]
    assert [time.admits(moments[i]) for i in range(0, len(moments), 97)] == mask[::97].tolist()


def test_masks_cover_a_million_photos():
    time = _time("in 2019 in September, on a Friday evening, around 7pm")
    seconds = np.arange(local_seconds_of(datetime(2019, 1, 1)), local_seconds_of(datetime(2020, 7, 1)), 47, dtype=np.int64)
    assert len(seconds) > 1_000_000
    mask = time.mask(seconds)
    admitted = seconds[mask]
    assert 0 < mask.sum() < len(seconds) * 0.01
    assert all(datetime(1970, 1, 1) + timedelta(seconds=int(s)) >= datetime(2019, 9, 6) for s in admitted[:5])


def test_aware_datetimes_are_judged_by_their_wall_clock():
    time = _time("in 2019 in September, on a Friday evening")
    assert time.admits(datetime(2019, 9, 6, 19, 7, tzinfo=ZoneInfo("Europe/Dublin")))
    assert time.admits(datetime(2019, 9, 6, 19, 7, tzinfo=ZoneInfo("Asia/Tokyo")))


NEIGHBOURS = [
    ("in September 2019", ["August 2019", "October 2019"]),
    ("in 2019", ["2018", "2020"]),
    ("on a Friday", ["Thursdays", "Saturdays"]),
    ("in the evening", ["afternoon", "night"]),
    ("at 7am", ["around 5am", "around 9am"]),
    ("in September", ["August", "October"]),
    ("on the 29th April 2020", ["29 April 2020 ±3 days"]),
]


@pytest.mark.parametrize("text, labels", NEIGHBOURS)
def test_neighbours_offer_nearby_alternatives_of_the_same_kind(text, labels):
    (term,) = _time(text).terms
    neighbours = term.neighbours()
    assert [n.label for n in neighbours] == labels
    assert all(n.kind == term.kind for n in neighbours)


def test_a_days_neighbour_is_a_window_around_it():
    (term,) = _time("on the 29th April 2020").terms
    (window,) = term.neighbours()
    assert window.admits(datetime(2020, 5, 2, 12)) and window.admits(datetime(2020, 4, 26, 12))
    assert not window.admits(datetime(2020, 5, 4, 12))


def test_terms_round_trip_through_json_pickle_and_copies():
    query = parse_query("A few days before Christmas 2019, on a Saturday evening around 7, not in the morning", now=NOW)
    record = json.loads(json.dumps(query.to_dict()))
    assert ParsedQuery.from_dict(record) == query
    assert pickle.loads(pickle.dumps(query)) == query
    assert copy.deepcopy(query) == query
    for term in query.time.terms:
        assert dataclasses.is_dataclass(term)
        with pytest.raises(dataclasses.FrozenInstanceError):
            term.label = "changed"


def test_the_chat_can_replace_a_term_of_a_kind():
    query = parse_query("on a Friday evening in September 2019", now=NOW)
    morning = day_part_term("morning")
    changed = dataclasses.replace(query, time=query.time.replacing(morning))
    assert [term.label for term in changed.time.of_kind("day_part")] == ["morning"]
    assert len(changed.time.terms) == len(query.time.terms)
    friday_morning = datetime(2019, 9, 6, 9, 30)
    assert changed.time.admits(friday_morning) and not query.time.admits(friday_morning)


def test_terms_can_be_built_directly():
    constraints = TimeConstraints((
        PeriodTerm.of_days("summer 2019", [(datetime(2019, 6, 1).date(), datetime(2019, 8, 31).date())], "month"),
        WeekdayTerm.of([5, 6]),
        DayPartTerm("after dinner", ((1140, 1440),)),
        CalendarTerm("not August", (("08-01", 0, "08-end", 0),), negated=True),
    ))
    assert constraints.admits(datetime(2019, 7, 6, 20))
    assert not constraints.admits(datetime(2019, 8, 3, 20))  # August
    assert not constraints.admits(datetime(2019, 7, 5, 20))  # a Friday
    assert [term.kind for term in constraints.terms] == ["period", "weekday", "day_part", "calendar"]


def test_recurring_phrases_meet_in_the_archive_years_not_in_fixed_ones():
    # Easter fell in March in 2016 (27 March) and 2013 (31 March), in April in 2019 and 2020.
    both = parse_query("At Easter, in March", now=NOW)  # no library: a long span of years
    assert [term.label for term in both.time.terms] == ["Easter", "March"]
    assert both.time.admits(datetime(2016, 3, 27, 12))
    assert not both.time.admits(datetime(2019, 4, 21, 12)) and not both.time.admits(datetime(2019, 3, 10, 12))
    recent = parse_query("At Easter, in March", now=NOW, since=datetime(2019, 1, 1))  # Easter never in March here
    assert [term.label for term in recent.time.terms] == ["Easter or March"]
    assert recent.time.admits(datetime(2019, 4, 21, 12)) and recent.time.admits(datetime(2019, 3, 10, 12))
    assert not recent.time.admits(datetime(2019, 6, 10, 12))
    longer = parse_query("At Easter, in March", now=NOW, since=datetime(2015, 6, 1))  # holds Easter 2016
    assert [term.label for term in longer.time.terms] == ["Easter", "March"]


@pytest.mark.parametrize("text, label", [("from March to June", "March–June"), ("from May to September", "May–September"),
                                         ("between March and June", "March–June"), ("swam between May and September", "May–September")])
def test_a_range_of_months_holds_every_month_between(text, label):
    """ "between March and June" is the months from one to the other, not two months ("in March and May" is)."""
    time = _time(text)
    assert [term.label for term in time.terms] == [label]
    assert "between" not in parse_query(text, now=NOW).visual
    first, last = {"March–June": (3, 6), "May–September": (5, 9)}[label]
    for month in range(1, 13):
        assert time.admits(datetime(2019, month, 15, 12)) == (first <= month <= last), month


def test_between_two_months_is_the_months_from_one_to_the_other_and_no_word_to_look_for():
    parsed = parse_query("Which cities did I travel to between March and May 2025?", now=datetime(2026, 1, 1))
    assert [term.label for term in parsed.time.terms] == ["March–May 2025"] and "between" not in parsed.visual
    assert parsed.time.admits(datetime(2025, 4, 15, 12)) and not parsed.time.admits(datetime(2025, 6, 15, 12))
    assert [term.label for term in parse_query("photos of March and May 2025", now=datetime(2026, 1, 1)).time.terms] == ["March or May 2025"]


def test_a_season_is_searched_with_grace_and_counted_by_the_calendar():
    from assistant.query.time.terms import time_term_from_dict

    def seconds(day: datetime) -> int:
        return int((day - datetime(1970, 1, 1)).total_seconds())

    for text, year in (("in the autumn", 2023), ("last autumn", 2024), ("autumn 2023", 2023)):
        term = parse_query(text, now=datetime(2024, 12, 31)).time.terms[0]
        assert time_term_from_dict(term.to_dict()) == term
        late_august, early_september = np.array([seconds(datetime(year, 8, 25)), seconds(datetime(year, 9, 2))])
        assert term.mask(np.array([late_august, early_september])).tolist() == [True, True]  # searched with two weeks' grace
        assert term.exactly().mask(np.array([late_august, early_september])).tolist() == [False, True]  # counted by the calendar
