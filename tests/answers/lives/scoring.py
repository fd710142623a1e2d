"""Judging an answer against a question's truth, with tolerances written from the problem, not the engine.

Outcomes, best first: "right" (the value matches, the evidence includes a true moment when the question has
any, and the answer says it is sure or likely), "right but unsure", "can't tell" (no value), "wrong, hedged"
(a wrong value said with "likely" or "unsure"), "confidently wrong" (a wrong value said with "sure"). A right
value backed only by photos of the wrong moments is a lucky guess and is judged as a wrong one. When the
truth is None (the honest answer is "I can't tell"), saying so is right and any value is wrong.

Tolerances: strings ignore case, accents and punctuation, and match when one's words run inside the
other's ("Lighthouse Cinema" ~ "the Lighthouse cinema"); lists match as sets; durations within 15% or 30
minutes; distances within 25%; averages (a float truth) within 15%; counts exactly; times exactly at the
grain the truth has (a day, a month "2019-03", a year "2019", a weekday "Monday" or a clock "18:00"), and a usual
clock ("~08:50": what time something usually happened) within a quarter of an hour.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from .truth import QA

RIGHT, RIGHT_UNSURE, CANT_TELL, WRONG_HEDGED, CONFIDENTLY_WRONG = "right", "right but unsure", "can't tell", "wrong, hedged", "confidently wrong"
OUTCOMES = (RIGHT, RIGHT_UNSURE, CANT_TELL, WRONG_HEDGED, CONFIDENTLY_WRONG)


def confidence_of(answer) -> str:
    """"sure", "likely" or "unsure"; an engine that only says confident yes/no is "sure" or "unsure"."""
    return getattr(answer, "confidence", None) or ("sure" if getattr(answer, "confident", False) else "unsure")


def judge(answer, qa: QA) -> str:
    confidence = confidence_of(answer)
    if answer.value is None:
        return RIGHT if qa.value is None else CANT_TELL
    right = qa.value is not None and matches(answer.value, qa.value, qa.kind)
    if right and confidence == "unsure":
        return RIGHT_UNSURE
    if right and (not qa.moments or any(image_id in qa.moments for image_id in (answer.evidence or ()))):
        return RIGHT
    return CONFIDENTLY_WRONG if confidence == "sure" else WRONG_HEDGED


def matches(value, truth, kind: str) -> bool:
    """Whether an answer's value is the truth, within the tolerance its kind allows."""
    if isinstance(truth, (list, tuple, set, frozenset)):
        return _same_set(_as_list(value), list(truth))
    if kind == "duration":
        seconds = _number(value.total_seconds() if isinstance(value, timedelta) else value)
        return seconds is not None and abs(seconds - truth) <= max(0.15 * truth, 1800)
    if kind == "distance":
        metres = _number(value)
        return metres is not None and abs(metres - truth) <= 0.25 * truth
    if isinstance(truth, float):  # an average
        number = _number(value)
        return number is not None and abs(number - truth) <= 0.15 * abs(truth)
    if isinstance(truth, int):
        number = _number(value)
        return number is not None and number == truth
    if kind == "time":
        return _same_time(value, truth)
    return _same_words(str(value), str(truth))


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", ""))
    except ValueError:
        return None


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return re.findall(r"\w+", plain.lower().replace("'s", "s"))


def _same_words(value: str, truth: str) -> bool:
    """One's words run, in order, inside the other's ("the Lighthouse cinema" ~ "Lighthouse Cinema")."""
    said, true = _words(value), _words(truth)
    if not said or not true:
        return False
    short, long = (said, true) if len(said) <= len(true) else (true, said)
    return any(long[start:start + len(short)] == short for start in range(len(long) - len(short) + 1))


def _as_list(value) -> list[str]:
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(item) for item in value]
    return [part for part in re.split(r",|;|\band\b|\n", str(value)) if part.strip()]


def _same_set(said: list[str], truth: list[str]) -> bool:
    return (all(any(_same_words(item, true) for item in said) for true in truth)
            and all(any(_same_words(item, true) for true in truth) for item in said))


def _same_time(value, truth: str) -> bool:
    if isinstance(value, datetime):
        value = value.isoformat(sep=" ")
    elif isinstance(value, date):
        value = value.isoformat()
    said = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", truth):
        # The date at the truth's grain: an answer finer than asked still names it; a coarser one does not.
        return said[: len(truth)] == truth and (len(said) == len(truth) or not said[len(truth)].isdigit())
    if re.fullmatch(r"~\d{1,2}:\d{2}", truth):
        # A usual time ("what time did I usually get home") is right within a quarter of an hour, across midnight too.
        found = re.search(r"(\d{1,2}):(\d{2})", said)
        if not found:
            return False
        hours, minutes = map(int, truth[1:].split(":"))
        apart = abs(int(found[1]) * 60 + int(found[2]) - hours * 60 - minutes) % 1440
        return min(apart, 1440 - apart) <= 15
    if re.fullmatch(r"\d{1,2}:\d{2}", truth):
        found = re.search(r"(\d{1,2}):(\d{2})", said)
        return bool(found) and (int(found[1]), int(found[2])) == tuple(map(int, truth.split(":")))
    return _same_words(said, truth)
