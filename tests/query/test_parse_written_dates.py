"""Explicit dates however they are written, through parse_query: numeric orders (DMY, MDY, YMD) and month
names in other languages, each admitting the day it names and nothing else."""

from datetime import date, datetime, time, timedelta

import pytest

from assistant.query import parse_query
from assistant.query.time.written import read_date

NOW = datetime(2021, 1, 1, 12, 0)
APRIL_29 = date(2020, 4, 29)


def admitted_days(text: str, date_order: str | None = None, around: date = APRIL_29) -> list[date]:
    """The days within a week either side of `around` that the parsed text admits (at noon)."""
    query = parse_query(text, now=NOW, date_order=date_order)
    days = [around + timedelta(days=offset) for offset in range(-40, 41)]
    return [day for day in days if query.time.admits(datetime.combine(day, time(12)))]


@pytest.mark.parametrize("text, date_order", [
    ("coffee on 29/04/2020", None),  # day first: the only reading
    ("coffee on 29.04.2020", "DMY"),
    ("coffee on 29/04/20", "DMY"),
    ("coffee on 04/29/2020", "MDY"),  # month first
    ("coffee on 04/29/2020", None),
    ("coffee on 2020-04-29", None),  # year first
    ("coffee on 2020-04-29", "MDY"),
    ("coffee on 2020/04/29", None),  # year first with slashes or dots, as East Asian dates are written
    ("coffee on 2020/04/29", "DMY"),
    ("coffee on 2020.04.29", None),
    ("coffee on April 29th, 2020", None),
    ("coffee on 29th April 2020", None),
])
def test_numeric_and_english_dates(text, date_order):
    assert admitted_days(text, date_order) == [APRIL_29]


@pytest.mark.parametrize("text", [
    "un café le 29 avril 2020",  # French
    "Kaffee am 29. April 2020",  # German
    "un café el 29 de abril de 2020",  # Spanish
    "un caffè il 29 aprile 2020",  # Italian
    "koffie op 29 april 2020",  # Dutch
    "um café em 29 de abril de 2020",  # Portuguese
    "kawa 29 kwietnia 2020",  # Polish
    "кофе 29 апреля 2020",  # Russian
])
def test_dates_in_other_languages(text):
    assert admitted_days(text) == [APRIL_29]


@pytest.mark.parametrize("date_order, expected", [
    ("DMY", [date(2020, 5, 4)]),
    ("MDY", [date(2020, 4, 5)]),
    (None, [date(2020, 4, 5), date(2020, 5, 4)]),  # no order known: both readings
])
def test_the_date_order_decides_an_ambiguous_date(date_order, expected):
    assert admitted_days("lunch on 04/05/2020", date_order, around=date(2020, 4, 20)) == expected


@pytest.mark.parametrize("text", [
    "I may have 3 kids 2020",  # no month name between the number and the year
    "room 29 Main 2020",  # a word that is no month in any language
    "coffee on 31/02/2020",  # no such day
])
def test_phrases_that_are_not_a_whole_real_date_name_no_day(text):
    assert {term.label for term in parse_query(text, now=NOW).time.terms} <= {"2020"}


def test_dateparser_fills_nothing_in_from_today():
    """Given a day and month but no year, dateparser must not complete it with this year."""
    assert read_date("29 avril", ("fr",)) is None
    assert read_date("29 avril 2020", ("fr",)) == APRIL_29
