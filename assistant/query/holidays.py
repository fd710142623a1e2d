"""Recurring days of the year: fixed dates, month ends, Easter-based feasts, "the 4th Thursday of November".

A recurring day is written as a rule (start anchor, start offset, end anchor, end offset); offsets are in
days and both ends are inclusive. An anchor names a day that can be found in any year:
  "12-25"           a fixed month and day
  "08-end"          the last day of a month
  "easter"          Easter Sunday (Gregorian)
  "nth:4:3:11"      the 4th Thursday (weekday 3, Monday = 0) of November; -1 means the last one
  "lunar_new_year"  the first day of the lunar new year
Rules make calendar terms (any year) and, bound to a year, period terms.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

Rule = tuple[str, int, str, int]


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def orthodox_easter_sunday(year: int) -> date:
    """Orthodox Easter: the Julian computus (Meeus), moved to the Gregorian calendar (13 days, 1900-2099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


@lru_cache(maxsize=1)
def _lunar_new_year() -> dict[int, date]:
    table = json.loads(resources.files("assistant").joinpath("data", "query_lunar_new_year.json").read_text())
    return {int(year): date.fromisoformat(day) for year, day in table["first_day"].items()}


def anchor_day(anchor: str, year: int) -> date | None:
    """The day an anchor names in a year; None when it has none that year (29 February, unknown table years)."""
    if anchor == "easter":
        return easter_sunday(year)
    if anchor == "orthodox_easter":
        return orthodox_easter_sunday(year)
    if anchor == "lunar_new_year":
        return _lunar_new_year().get(year)
    if anchor.startswith("nth:"):
        _, nth, weekday, month = anchor.split(":")
        nth, weekday, month = int(nth), int(weekday), int(month)
        days_in_month = calendar.monthrange(year, month)[1]
        if nth > 0:
            first = date(year, month, 1)
            day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
            return day if day.month == month else None
        last = date(year, month, days_in_month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    month_text, day_text = anchor.split("-")
    month = int(month_text)
    if day_text == "end":
        return date(year, month, calendar.monthrange(year, month)[1])
    day = int(day_text)
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def rule_instance(rule: Rule, year: int) -> tuple[date, date] | None:
    """The first and last day (inclusive) of the rule's occurrence that starts from its anchor in `year`."""
    start_anchor, start_offset, end_anchor, end_offset = rule
    if "lunar_new_year" in (start_anchor, end_anchor) and year not in _lunar_new_year():
        return date(year, 1, 21), date(year, 2, 20)  # every day the lunar new year can fall on
    start = anchor_day(start_anchor, year)
    end = anchor_day(end_anchor, year)
    if start is None or end is None:
        return None
    if end < start:  # wraps the new year: "from 20 December to 2 January"
        end = anchor_day(end_anchor, year + 1)
        if end is None:
            return None
    first, last = start + timedelta(days=start_offset), end + timedelta(days=end_offset)
    return (first, last) if first <= last else None


def instances_touching(rules: tuple[Rule, ...], first_year: int, last_year: int) -> list[tuple[date, date]]:
    """Every occurrence of the rules that overlaps the years first_year..last_year, sorted."""
    found = []
    for rule in rules:
        for year in range(first_year - 1, last_year + 2):
            instance = rule_instance(rule, year)
            if instance and instance[1] >= date(first_year, 1, 1) and instance[0] <= date(last_year, 12, 31):
                found.append(instance)
    return sorted(set(found))


def shift_rule(rule: Rule, before: int, after: int) -> Rule:
    """Widen or move a rule: start += before, end += after (days)."""
    start_anchor, start_offset, end_anchor, end_offset = rule
    return (start_anchor, start_offset + before, end_anchor, end_offset + after)


def relative_rule(rule: Rule, relation: str, low: int, high: int) -> Rule:
    """Days low..high before (or after) the rule's occurrence: 'a few days before Christmas'."""
    start_anchor, start_offset, end_anchor, end_offset = rule
    if relation == "before":
        return (start_anchor, start_offset - high, start_anchor, start_offset - low)
    if relation == "after":
        return (end_anchor, end_offset + low, end_anchor, end_offset + high)
    return (start_anchor, start_offset - high, end_anchor, end_offset + high)  # around


@dataclass(frozen=True)
class Holiday:
    label: str
    rules: tuple[Rule, ...]
    phrases: tuple[str, ...]  # regex fragments, lowercase; matched case-insensitively
    pivot: tuple[Rule, ...] = ()  # the day "two days after ..." counts from, when the holiday is a season

    @property
    def pivot_rules(self) -> tuple[Rule, ...]:
        return self.pivot or self.rules


def _on(month_day: str) -> tuple[Rule, ...]:
    return ((month_day, 0, month_day, 0),)


def _easter(offset: int, until: int | None = None) -> tuple[Rule, ...]:
    return (("easter", offset, "easter", offset if until is None else until),)


_SAINT = r"(?:st\.?|saint)\s+"
HOLIDAYS: tuple[Holiday, ...] = (
    Holiday("Christmas Eve", _on("12-24"), (r"christmas\s+eve", r"xmas\s+eve")),
    Holiday("Christmas Day", _on("12-25"), (r"christmas\s+day", r"xmas\s+day")),
    Holiday("the Christmas holidays", (("12-15", 0, "01-06", 0),),
            (r"(?:christmas|xmas)\s+(?:holidays?|break|vacation|season|period|time)", r"christmastime",
             r"the\s+holidays", r"the\s+festive\s+(?:season|period)"), _on("12-25")),
    Holiday("Christmas", (("12-18", 0, "01-01", 0),), (r"christmas", r"xmas"), _on("12-25")),
    Holiday("St Stephen's Day", _on("12-26"), (r"boxing\s+day", _SAINT + r"stephen['’]?s\s+day")),
    Holiday("New Year's Eve", _on("12-31"), (r"new\s+years?['’]?s?\s+eve", r"nye", r"hogmanay")),
    Holiday("New Year's Day", _on("01-01"), (r"new\s+years?['’]?s?\s+day",)),
    Holiday("New Year", (("12-31", 0, "01-01", 0),), (r"(?:the\s+)?new\s+years?['’]?s?(?!\s+resolution)",), _on("01-01")),
    Holiday("Valentine's Day", _on("02-14"), (r"(?:" + _SAINT + r")?valentine['’]?s(?:\s+day)?",)),
    Holiday("St Patrick's Day", _on("03-17"),
            (r"(?:" + _SAINT + r")?patrick['’]?s\s+day", r"(?:" + _SAINT + r")?paddy['’]?s\s+day", _SAINT + r"patrick['’]?s",
             r"paddy['’]?s\s+day")),
    Holiday("Halloween", _on("10-31"), (r"hallowe['’]?en", r"all\s+hallows['’]?\s+eve")),
    Holiday("Bonfire Night", _on("11-05"), (r"bonfire\s+night", r"guy\s+fawkes(?:\s+night|\s+day)?")),
    Holiday("Good Friday", _easter(-2), (r"good\s+friday",)),
    Holiday("Holy Thursday", _easter(-3), (r"(?:holy|maundy)\s+thursday",)),
    Holiday("Palm Sunday", _easter(-7), (r"palm\s+sunday",)),
    Holiday("Ash Wednesday", _easter(-46), (r"ash\s+wednesday",)),
    Holiday("Shrove Tuesday", _easter(-47), (r"shrove\s+tuesday", r"pancake\s+(?:tuesday|day)", r"mardi\s+gras")),
    Holiday("Easter Sunday", _easter(0), (r"easter\s+(?:sunday|day)",)),
    Holiday("Easter Monday", _easter(1), (r"easter\s+monday",)),
    Holiday("the Easter holidays", _easter(-9, 8), (r"easter\s+(?:holidays?|break|vacation|hols)",), _easter(0)),
    Holiday("Orthodox Easter", (("orthodox_easter", -3, "orthodox_easter", 1),), (r"orthodox\s+easter",),
            (("orthodox_easter", 0, "orthodox_easter", 0),)),
    Holiday("Orthodox Good Friday", (("orthodox_easter", -2, "orthodox_easter", -2),), (r"orthodox\s+good\s+friday",)),
    Holiday("Clean Monday", (("orthodox_easter", -48, "orthodox_easter", -48),), (r"clean\s+monday",)),
    Holiday("Easter", _easter(-3, 1), (r"easter(?:\s+weekend)?",), _easter(0)),
    # Mother's Day is in Lent in Ireland and the UK, in May in most other countries.
    Holiday("Mother's Day", (("easter", -21, "easter", -21), ("nth:2:6:05", 0, "nth:2:6:05", 0)),
            (r"mother['’]?s\s+day", r"mothering\s+sunday")),
    Holiday("Father's Day", (("nth:3:6:06", 0, "nth:3:6:06", 0),), (r"father['’]?s\s+day",)),
    Holiday("Thanksgiving", (("nth:4:3:11", 0, "nth:4:3:11", 0),), (r"thanksgiving(?:\s+day)?",)),
    Holiday("Independence Day", _on("07-04"), (r"independence\s+day", r"the\s+fourth\s+of\s+july")),
    Holiday("Bloomsday", _on("06-16"), (r"bloomsday",)),
    Holiday("May Day", _on("05-01"), (r"may\s+day",)),
    Holiday("Midsummer", (("06-20", 0, "06-24", 0),), (r"midsummer(?:['’]?s)?(?:\s+(?:day|eve|night))?",), _on("06-21")),
    Holiday("Lunar New Year", (("lunar_new_year", -1, "lunar_new_year", 6),),
            (r"(?:chinese|lunar|korean|vietnamese)\s+new\s+year", r"spring\s+festival", r"seollal", r"t[eế]t"),
            (("lunar_new_year", 0, "lunar_new_year", 0),)),
    Holiday("Songkran", (("04-13", 0, "04-15", 0),), (r"songkran",)),
    Holiday("Labour Day", (("nth:1:0:09", 0, "nth:1:0:09", 0), ("05-01", 0, "05-01", 0)), (r"labou?r\s+day",)),
)
