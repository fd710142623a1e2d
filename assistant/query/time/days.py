"""Days and minutes of local wall-clock time, for the terms' masks: day numbers, local seconds, per-day and per-minute
tables built once, and the labels of clock times and windows."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache

import numpy as np

from ..holidays import Rule, rule_instance


SPILL_SECONDS = 4 * 3600


EPOCH = date(1970, 1, 1)


TABLE_FIRST = date(1900, 1, 1)


TABLE_LAST = date(2100, 12, 31)


_TABLE_OFFSET = (TABLE_FIRST - EPOCH).days  # epoch day of the table's first entry


_TABLE_DAYS = (TABLE_LAST - TABLE_FIRST).days + 1


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


MONTH_NAMES = tuple(calendar.month_name[1:])


def day_number(day: date) -> int:
    """Days since 1970-01-01."""
    return (day - EPOCH).days


def local_seconds_of(moment: datetime | date) -> int:
    """Seconds since 1970-01-01 of a wall-clock time; an aware datetime counts by its own wall clock."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    moment = moment.replace(tzinfo=None)
    return (moment - datetime(1970, 1, 1)) // timedelta(seconds=1)


def iso_of(seconds: int) -> str:
    return (datetime(1970, 1, 1) + timedelta(seconds=int(seconds))).isoformat()


def day_span(first: date, last: date) -> tuple[int, int]:
    """Seconds span of whole days first..last (inclusive), with the small hours of the next day."""
    return day_number(first) * 86400, (day_number(last) + 1) * 86400 + SPILL_SECONDS


def day_table_mask(table: np.ndarray, local_seconds: np.ndarray) -> np.ndarray:
    """Look up each photo's day (and, in the small hours, the day before) in a per-day table."""
    seconds = np.asarray(local_seconds, dtype=np.int64)
    day = seconds // 86400
    index = np.clip(day - (_TABLE_OFFSET - 1), 0, len(table) - 1)  # table is padded by one False each side
    admitted = table[index]
    small_hours = (seconds - day * 86400) < SPILL_SECONDS
    admitted |= small_hours & table[np.maximum(index - 1, 0)]
    return admitted


@lru_cache(maxsize=512)
def rules_table(rules: tuple[Rule, ...]) -> np.ndarray:
    """Per-day table (1900-2100, padded) of the days a recurring rule covers."""
    table = np.zeros(_TABLE_DAYS + 2, dtype=bool)
    for rule in rules:
        for year in range(TABLE_FIRST.year - 1, TABLE_LAST.year + 1):
            instance = rule_instance(rule, year)
            if instance is None:
                continue
            first = max(day_number(instance[0]) - _TABLE_OFFSET, 0)
            last = min(day_number(instance[1]) - _TABLE_OFFSET, _TABLE_DAYS - 1)
            if first <= last:
                table[first + 1:last + 2] = True
    table.setflags(write=False)
    return table


@lru_cache(maxsize=512)
def weekday_table(days: tuple[int, ...]) -> np.ndarray:
    """Per-day table of the given weekdays (Monday = 0)."""
    epoch_days = np.arange(_TABLE_OFFSET - 1, _TABLE_OFFSET + _TABLE_DAYS + 1)
    table = np.isin((epoch_days + 3) % 7, days)  # 1970-01-01 was a Thursday
    table.setflags(write=False)
    return table


@lru_cache(maxsize=512)
def minute_table(windows: tuple[tuple[int, int], ...]) -> np.ndarray:
    """Per-minute-of-day table; a window may run past midnight (end > 1440)."""
    table = np.zeros(1440, dtype=bool)
    for start, end in windows:
        start, end = max(0, start), min(end, start + 1440)
        if end <= 1440:
            table[start:end] = True
        else:
            table[start:] = True
            table[:end - 1440] = True
    table.setflags(write=False)
    return table


def clock_text(minute: int) -> str:
    """480 -> '8am', 1170 -> '7:30pm', 0 -> 'midnight', 720 -> 'noon'."""
    minute %= 1440
    if minute == 0:
        return "midnight"
    if minute == 720:
        return "noon"
    hour, rest = divmod(minute, 60)
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{suffix}" if rest == 0 else f"{hour}:{rest:02d}{suffix}"


def window_text(window: tuple[int, int]) -> str:
    return f"{clock_text(window[0])}–{clock_text(window[1])}"
