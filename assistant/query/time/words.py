"""Word tables of time phrases: month and weekday names, the regex pieces every finder shares, time words."""

from __future__ import annotations

import calendar
import re

from ..holidays import Rule
from ..numbers import CARDINAL_PATTERN, ORDINAL_WORD_PATTERN, VAGUE_PATTERN
from .days import MONTH_NAMES

FLAGS = re.IGNORECASE

MONTHS = {name.lower(): index + 1 for index, name in enumerate(MONTH_NAMES)}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {name: index for index, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
# Months that are also ordinary words or names: they need a date-like context ("in May", "May 2019").
AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}

MONTH_FULL = "|".join(MONTHS)
MONTH_ANY = MONTH_FULL + "|" + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
WEEKDAY_FULL = "|".join(WEEKDAYS)
WEEKDAY_ANY = WEEKDAY_FULL + "|" + "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
DAY_OR_WORD = rf"(?:{DAY}|{ORDINAL_WORD_PATTERN})"
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
QUANTITY = rf"(?:\d{{1,2}}|{CARDINAL_PATTERN}|{VAGUE_PATTERN})"
CLOCK_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
MERIDIEM = r"(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"

# Words that belong to time phrases: after a weekday or year they do not make it attributive, and a
# title-case run made only of them ("Christmas Day", "New Year's Eve") is a time, not a name.
TIME_WORDS = frozenset(
    list(MONTHS) + list(MONTH_ABBREVIATIONS) + list(WEEKDAYS) + [day + "s" for day in WEEKDAYS]
    + """morning mornings afternoon afternoons evening evenings night nights tonight dawn dusk sunrise sunset noon
    midday midnight lunchtime lunch breakfast brunch dinner supper teatime day days eve week weeks weekend weekends
    month months year years time o'clock oclock am pm a.m. p.m. hours hour spring summer autumn fall winter
    summertime springtime wintertime holiday holidays break vacation christmas xmas easter new years year's new
    st saint patrick's paddy's patricks valentine's valentines halloween boxing stephen's good friday eve
    bonfire pancake shrove mardi gras ash palm holy mother's father's thanksgiving independence bloomsday
    midsummer lunar chinese festival songkran orthodox clean labour labor ago before after around early late mid
    """.split()
)


TEMPORAL_PREPOSITIONS = {"in", "on", "during", "of", "since", "until", "till", "by", "from", "through", "throughout",
                          "last", "this", "that", "next", "every", "early", "late", "mid", "around", "before", "after",
                          "over", "between", "and", "or", "to", "was", "is", "it's", "sometime", "one", "each"}


def month_of(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS.get(word)


def weekday_of(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    if word.endswith("s") and word[:-1] in WEEKDAYS:
        return WEEKDAYS[word[:-1]]
    return WEEKDAY_ABBREVIATIONS.get(word)


def month_rule(month: int) -> Rule:
    return (f"{month:02d}-01", 0, f"{month:02d}-end", 0)


def day_rule(month: int, day: int) -> Rule:
    return (f"{month:02d}-{day:02d}", 0, f"{month:02d}-{day:02d}", 0)


def day_label(day: int, month: int, year: int | None = None) -> str:
    return f"{day} {MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")


def valid_day(day: int, month: int, year: int | None = None) -> bool:
    return 1 <= day <= (calendar.monthrange(year or 2020, month)[1])

