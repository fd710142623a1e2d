"""Judging a free-text answer against the accepted ones, tolerantly, as a human LSC judge would.

The accepted answer decides how it is compared: a duration ("3 hours 37 minutes") within its stated
tolerance, a date ("11 May 2019") whatever the given one's format, a number ("2") written as digits or
words ("two", "twice"), and anything else (a name) by normalised containment.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TIMES = {"once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1, "dozen": 12, "a dozen": 12}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, "once", "twice", "thrice", "dozen"], key=len, reverse=True))
_UNIT_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUMBER_WORDS = rf"(?:{_NUMBER_WORD})(?:[\s-](?:{_UNIT_WORD}))?"
_NUMBER = re.compile(rf"\b(?:\d+(?:\.\d+)?|{_NUMBER_WORDS})\b", re.IGNORECASE)

_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    ("ymd", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b")),
    ("day month", re.compile(rf"\b(\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+({_MONTH})\.?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)),
    ("month day", re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_ORDINAL}(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)),
)

_SECONDS_PER = {"d": 86400, "day": 86400, "days": 86400, "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
                "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "s": 1, "sec": 1, "secs": 1, "second": 1,
                "seconds": 1}
_UNIT = "|".join(sorted(_SECONDS_PER, key=len, reverse=True))
_DURATION = re.compile(
    rf"\b(?:(?P<digits>\d+(?:\.\d+)?)(?:\s+and\s+a\s+half)?\s*|(?P<words>half an?|{_NUMBER_WORDS}|an?)(?:\s+and\s+a\s+half)?\s+)"
    rf"(?P<unit>{_UNIT})\b"
    rf"(?P<half>\s+and\s+a\s+half)?|\b(?P<hours>\d+)h(?P<minutes>\d{{1,2}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AcceptedAnswer:
    """One accepted answer to a question topic; tolerance ("15 minutes", "10%", "1") widens durations and numbers."""

    text: str
    tolerance: str = ""


def number_value(word: str) -> float | None:
    """'4', 'four', 'twice', 'twenty-one' -> the number; None for anything else."""
    word = " ".join(word.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in _TIMES:
        return float(_TIMES[word])
    if word in _UNITS:
        return float(_UNITS[word])
    parts = word.split()
    if parts and parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _UNITS)):
        return float(_TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) == 2 else 0))
    return None


def numbers_in(text: str) -> list[float]:
    """Every number a text states, in digits or in words."""
    return [value for match in _NUMBER.finditer(text) if (value := number_value(match.group(0))) is not None]


def dates_in(text: str, date_order: str | None = None) -> list[tuple[int | None, int, int]]:
    """(year or None, month, day) of every date a text states. A numeric date both ways possible (04/05/2020) is
    read in date_order ("DMY" or "MDY"), or both ways when none is set, as the query parser reads it."""
    found = []
    for form, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if form == "numeric":
                first, second, year = (int(part) for part in match.groups())
                year = year + 2000 if year < 100 else year
                readings = {(year, second, first), (year, first, second)}  # (year, month, day), day first then month first
                if first > 12 or second > 12 or date_order is not None:
                    day_first = second <= 12 and (first > 12 or date_order == "DMY")
                    readings = {(year, second, first) if day_first else (year, first, second)}
                found += [reading for reading in readings if 1 <= reading[1] <= 12 and 1 <= reading[2] <= 31]
                continue
            if form == "ymd":
                year, month, day = (int(part) for part in match.groups())
            elif form == "day month":
                day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], match.group(3)
            else:
                month, day, year = _MONTHS[match.group(1).lower()], int(match.group(2)), match.group(3)
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((int(year) if year else None, month, day))
    return found


def duration_seconds(text: str) -> float | None:
    """The duration a text states ("3 hours 37 minutes", "3.5 h", "half an hour", "3h37"), summed; None if none."""
    total, seen = 0.0, False
    for match in _DURATION.finditer(text):
        seen = True
        if match["hours"]:
            total += int(match["hours"]) * 3600 + int(match["minutes"]) * 60
            continue
        words = (match["words"] or "").lower()
        count = float(match["digits"]) if match["digits"] else 0.5 if words.startswith("half") else number_value(words) or 0.0
        half = match["half"] or " and a half " in f" {match.group(0).lower()} "  # "3 and a half hours", "an hour and a half"
        total += (count + (0.5 if half else 0.0)) * _SECONDS_PER[match["unit"].lower()]
    return total if seen else None


def normalised(text: str) -> str:
    """Lower case, accents and punctuation dropped, '&' read as 'and', spaces collapsed."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    plain = re.sub(r"['\u2019]", "", plain.replace("&", " and "))  # "Bewley's" reads as "bewleys"
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def _tolerance_for(accepted: AcceptedAnswer, value: float, as_duration: bool) -> float:
    tolerance = accepted.tolerance.strip()
    if not tolerance:
        return 0.0
    if tolerance.endswith("%"):
        return abs(value) * float(tolerance[:-1]) / 100
    if as_duration and (seconds := duration_seconds(tolerance)) is not None:
        return seconds
    return float(tolerance)


def answer_matches(given: str, accepted: AcceptedAnswer, date_order: str | None = None) -> bool:
    """Whether a participant's or a run's answer says what the accepted answer says (date_order: see dates_in)."""
    expected_duration = duration_seconds(accepted.text)
    if expected_duration is not None:
        stated = duration_seconds(given)
        return stated is not None and abs(stated - expected_duration) <= _tolerance_for(accepted, expected_duration, True)
    expected_dates = dates_in(accepted.text, date_order)
    if expected_dates:
        return any(
            (month, day) == (want_month, want_day) and None in (year, want_year) or (year, month, day) == (want_year, want_month, want_day)
            for want_year, want_month, want_day in expected_dates for year, month, day in dates_in(given, date_order)
        )
    expected_number = number_value(accepted.text.strip())
    if expected_number is not None:
        slack = _tolerance_for(accepted, expected_number, False)
        return any(abs(value - expected_number) <= slack for value in numbers_in(given))
    want, said = normalised(accepted.text), normalised(given)
    want = re.sub(r"^(the|a|an) ", "", want)
    if not want:
        return False
    return f" {want} " in f" {said} " or want.replace(" ", "") in said.replace(" ", "")
