"""Finders of clock times: "7pm", "half past seven", "between 2 and 4", "around 5 or 6 in the evening".

A time without am/pm keeps both readings; `building` picks one when a day part says which."""

from __future__ import annotations

import re

from ..numbers import cardinal
from ..text import Span
from .days import clock_text
from .facts import Fact, FindContext
from .words import CLOCK_WORD, FLAGS, MERIDIEM

# Clock times. "an hour or so either side" of a stated time; ranges get half an hour of grace.
CLOCK_SLACK_MINUTES = 75
_CLOCK = (
    rf"(?:(?P<H>\d{{1,2}})(?:[:.](?P<M>\d{{2}}))?\s*(?P<mer>{MERIDIEM})"  # 7pm, 7.30 a.m.
    rf"|(?P<H2>\d{{1,2}})[:h](?P<M2>\d{{2}})(?!\d)"  # 19:30, 19h30
    rf"|(?P<W>{CLOCK_WORD}|\d{{1,2}})\s+o['’]?\s?clock"  # seven o'clock
    rf"|(?P<F>half|quarter)\s+(?P<rel>past|to|after)\s+(?P<FH>{CLOCK_WORD}|\d{{1,2}}))"  # half past seven
)
_CLOCK_RE = re.compile(_CLOCK, FLAGS)
_CLOCK_RANGE = re.compile(
    rf"\b(?:between|from)\s+(?P<a>\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:{MERIDIEM})?|{CLOCK_WORD})\s*(?:and|to|until|till|-|–)\s*(?P<b>\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:{MERIDIEM})?|{CLOCK_WORD})(?!\d)"
    rf"(?:\s*(?P<b_mer>{MERIDIEM}))?(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening))?", FLAGS)
_CLOCK_BARE = re.compile(
    rf"\b(?P<intro>at|around|about|roughly|approximately|after|before|by)\s+(?:about\s+|around\s+)?(?P<half>half\s+)?(?P<H>\d{{1,2}}|{CLOCK_WORD})(?:\s*-?\s*ish)?"
    rf"(?=\s*(?:$|[,;!?)]|\.(?:\s|$)|or\s+so\b|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|on\b|and\b|that\b|when\b|with\b"
    rf"|or\b|i\b|we\b))", FLAGS)
_CLOCK_PART = re.compile(
    rf"\b(?P<half>half\s+)?(?P<H>\d{{1,2}}|{CLOCK_WORD})(?:[:.](?P<M>\d{{2}}))?\s+"
    rf"(?:(?:in|on)\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))\b", FLAGS)


def _clock_value(hour_text: str, minute_text: str | None = None) -> tuple[int, int] | None:
    hour = cardinal(hour_text) if not hour_text.isdigit() else int(hour_text)
    minute = int(minute_text) if minute_text else 0
    if hour is None or hour > 24 or minute > 59:
        return None
    return hour % 24, minute


def _readings(hour: int, minute: int, meridiem: str | None) -> tuple[list[int], list[int]]:
    """(definite minutes, afternoon alternatives) of a clock time; without am/pm, 7 may be 7am or 7pm."""
    if meridiem:
        pm = meridiem.lower().startswith("p")
        if hour > 12:
            return [hour * 60 + minute], []
        hour = hour % 12 + (12 if pm else 0)
        return [hour * 60 + minute], []
    if hour >= 13 or hour == 0:
        return [hour * 60 + minute], []
    return [hour % 12 * 60 + minute], [(hour % 12 + 12) * 60 + minute]


def _around(minutes: list[int]) -> tuple[tuple[int, int], ...]:
    return tuple(((m - CLOCK_SLACK_MINUTES) % 1440, (m - CLOCK_SLACK_MINUTES) % 1440 + 2 * CLOCK_SLACK_MINUTES) for m in minutes)


def _relative_window(intro: str, minutes: list[int]) -> tuple[tuple[int, int], ...]:
    """ "after 6pm" -> 5:30pm to 2am; "before 9am" -> 4am to 9:30am; otherwise an hour or so either side."""
    intro = intro.lower()
    if intro == "after":
        return tuple(((m - 30) % 1440, (m - 30) % 1440 + 510) for m in minutes)
    if intro in ("before", "by"):
        return tuple(((m - 300) % 1440, (m - 300) % 1440 + 330) for m in minutes)
    return _around(minutes)


def _clock_fact(span: Span, intro: str, definite: list[int], afternoon: list[int], label: str) -> Fact:
    return Fact("clock", label, span, windows=_relative_window(intro, definite),
                pm_windows=_relative_window(intro, afternoon) if afternoon else (), strength=3)


def _clock_label(intro: str, definite: list[int], afternoon: list[int]) -> str:
    intro = intro.lower()
    word = {"after": "after", "before": "before", "by": "before"}.get(intro, "around")
    if afternoon:
        return f"{word} {clock_text(definite[0])} or {clock_text(afternoon[0])}"
    return f"{word} {clock_text(definite[0])}"


_CLOCK_EITHER = re.compile(
    rf"\b(?:(?P<intro>at|around|about|roughly|approximately)\s+)?(?P<a>\d{{1,2}}|{CLOCK_WORD})\s*(?:or|-|–|to)\s*(?P<b>\d{{1,2}}|{CLOCK_WORD})(?!\d)"
    rf"\s*(?:(?P<mer>{MERIDIEM})|o['’]?clock|(?:in|on)\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))?", FLAGS)


def find_clock_alternatives(ctx: FindContext):
    """ "around 5 or 6 in the evening", "at 7 or 8": an hour range, with the usual slack at both ends."""
    for match in _CLOCK_EITHER.finditer(ctx.text):
        if not (match.group("intro") or match.group("mer") or match.group("part") or match.group("night")):
            continue  # "2 or 3 people"
        first, last = _clock_value(match.group("a")), _clock_value(match.group("b"))
        if first is None or last is None or not 0 < (last[0] - first[0]) % 12 <= 3 or first[0] > 12 or last[0] > 12:
            continue
        part = (match.group("part") or ("night" if match.group("night") else "")).lower()
        meridiem = match.group("mer") or ("am" if part == "morning" else "pm" if part else None)
        if part == "night":  # "12 at night" is midnight, "2 at night" is 2am
            first, last = ((0 if h == 12 else h, m) for h, m in (first, last))
            meridiem = None if first[0] > 4 or last[0] > 4 else "am"
            first, last = ((h + 12 if 5 <= h < 12 else h, m) for h, m in (first, last))
        a_minutes, a_pm = _readings(*first, meridiem)
        b_minutes, b_pm = _readings(*last, meridiem)
        end_of = lambda a, b: b + (1440 if b < a else 0)  # noqa: E731 - "11 or 12" crosses midnight
        windows = ((a_minutes[0] - CLOCK_SLACK_MINUTES) % 1440,)
        windows = ((windows[0], windows[0] + end_of(a_minutes[0], b_minutes[0]) - a_minutes[0] + 2 * CLOCK_SLACK_MINUTES),)
        pm_windows = ()
        if a_pm and b_pm:
            start = (a_pm[0] - CLOCK_SLACK_MINUTES) % 1440
            pm_windows = ((start, start + end_of(a_pm[0], b_pm[0]) - a_pm[0] + 2 * CLOCK_SLACK_MINUTES),)
        label = f"around {clock_text(a_minutes[0])}–{clock_text(b_minutes[0])}"
        if pm_windows:
            label += f" or {clock_text(a_pm[0])}–{clock_text(b_pm[0])}"
        yield Fact("clock", label, match.span(), windows=windows, pm_windows=pm_windows, strength=4)


_CLOCK_INTRO = re.compile(
    r"\b(at|around|about|roughly|approximately|after|before|by|just\s+after|just\s+before|shortly\s+after)\s+(?:about\s+|around\s+)?$",
    FLAGS)


def find_clock_times(ctx: FindContext):
    """Clock times and ranges of them, each a Fact with its windows (morning and afternoon readings where both fit)."""
    yield from _clock_ranges(ctx)
    yield from _clock_times(ctx)
    yield from _clock_with_day_part(ctx)
    yield from _bare_hours(ctx)


def _clock_ranges(ctx: FindContext):
    """Ranges: "between 7 and 9 pm", "from ten to half eleven in the morning"."""
    for match in _CLOCK_RANGE.finditer(ctx.text):
        ends = []
        b_meridiem = match.group("b_mer") or re.search(MERIDIEM, match.group("b"), FLAGS)
        b_meridiem = b_meridiem if isinstance(b_meridiem, str) else (b_meridiem.group() if b_meridiem else None)
        for key in ("a", "b"):
            part = match.group(key)
            found = re.match(rf"(\d{{1,2}}|{CLOCK_WORD})(?:[:.](\d{{2}}))?\s*({MERIDIEM})?", part, FLAGS)
            value = _clock_value(found.group(1), found.group(2)) if found else None
            if value is None:
                break
            meridiem = found.group(3) or (b_meridiem if key == "a" else None) or b_meridiem
            if match.group("part"):
                meridiem = meridiem or ("am" if match.group("part").lower() == "morning" else "pm")
            ends.append((value, meridiem))
        if len(ends) != 2:
            continue
        (a_value, a_mer), (b_value, b_mer) = ends
        if not (a_mer or b_mer) and not any(ch.isdigit() for ch in match.group()) and not match.group("part"):
            continue
        a_minutes, a_pm = _readings(*a_value, a_mer)
        b_minutes, b_pm = _readings(*b_value, b_mer)
        windows = [(a_minutes[0] - 30, b_minutes[0] + 30 + (1440 if b_minutes[0] < a_minutes[0] else 0))]
        pm_windows = []
        if a_pm and b_pm:
            pm_windows = [(a_pm[0] - 30, b_pm[0] + 30 + (1440 if b_pm[0] < a_pm[0] else 0))]
        if windows[0][1] - windows[0][0] > 14 * 60:
            continue
        label = f"between {clock_text(a_minutes[0])} and {clock_text(b_minutes[0])}"
        yield Fact("clock", label, match.span(), windows=tuple((s % 1440, s % 1440 + e - s) for s, e in windows),
                   pm_windows=tuple((s % 1440, s % 1440 + e - s) for s, e in pm_windows), strength=4)


def _clock_times(ctx: FindContext):
    """A time of the clock: "at 7.30pm", "19h30", "around seven", "half past ten"."""
    for match in _CLOCK_RE.finditer(ctx.text):
        intro_match = _CLOCK_INTRO.search(ctx.text[max(0, match.start() - 30):match.start()])
        intro = intro_match.group(1).split()[-1] if intro_match else "at"
        if match.group("H"):
            value, meridiem = _clock_value(match.group("H"), match.group("M")), match.group("mer")
        elif match.group("H2"):
            value, meridiem = _clock_value(match.group("H2"), match.group("M2")), None
            if ":" not in match.group() and not intro_match:
                continue  # "2h30" alone is a duration; "at 19h30" is a time
        elif match.group("W"):
            value, meridiem = _clock_value(match.group("W")), None
        else:
            hour = _clock_value(match.group("FH"))
            if hour is None:
                continue
            offset = 30 if match.group("F").lower() == "half" else 15
            if match.group("rel").lower() == "to":
                value = ((hour[0] - 1) % 24, 60 - offset)
            else:
                value = (hour[0], offset)
            meridiem = None
        if value is None:
            continue
        start = intro_match.start() + max(0, match.start() - 30) if intro_match else match.start()
        definite, afternoon = _readings(*value, meridiem)
        yield _clock_fact((start, match.end()), intro, definite, afternoon, _clock_label(intro, definite, afternoon))


def _clock_with_day_part(ctx: FindContext):
    """An hour and a part of the day: "7 in the evening", "half ten at night", "2 at night"."""
    for match in _CLOCK_PART.finditer(ctx.text):
        value = _clock_value(match.group("H"), match.group("M"))
        if value is None or value[0] > 12:
            continue
        if match.group("half"):  # "half ten" is 10:30 in Ireland and Britain
            value = (value[0], 30)
        part = (match.group("part") or "night").lower()
        meridiem = "am" if part == "morning" else "pm"
        if part == "night" and (value[0] <= 4 or value[0] == 12):  # "2 at night", "12 at night"
            value, meridiem = (value[0] % 12, value[1]), "am"
        definite, _ = _readings(*value, meridiem)
        start = match.start()
        intro = re.search(r"\b(at|around|about|roughly|approximately|after|before)\s+$", ctx.text[max(0, start - 20):start], FLAGS)
        if intro:
            start = intro.start() + max(0, match.start() - 20)
        word = intro.group(1) if intro else "at"
        yield _clock_fact((start, match.end()), word, definite, [], _clock_label(word, definite, []))


def _bare_hours(ctx: FindContext):
    """A bare hour after a word that makes it a time: "at 7", "around ten"."""
    for match in _CLOCK_BARE.finditer(ctx.text):
        value = _clock_value(match.group("H"))
        if value is None or value[0] > 24:
            continue
        hour_text = match.group("H")
        if hour_text.isdigit() and int(hour_text) > 24:
            continue
        intro = match.group("intro").lower()
        if intro in ("after", "before", "by") and not hour_text.isdigit():
            continue  # "after one", "before two" are rarely times
        if match.group("half"):
            value = (value[0], 30)
        definite, afternoon = _readings(*value, None)
        yield _clock_fact(match.span(), intro, definite, afternoon, _clock_label(intro, definite, afternoon))
