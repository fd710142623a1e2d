"""Is the text a question about one's own life, and which kind: the LSC's eight labels, and distance.

    read_question("How many times did I go to the cinema in 2019?").question.kind   # "frequency"
    read_question("I was eating sushi at a restaurant with a red sign")             # question None

Whether a text asks at all, and how it opens, is question_opening's. The kind comes from the head and the
noun it governs ("what colour was", not "the colour printer"). The frame and explicit anchors ("assuming
today is 1 July 2020", "on my second trip", "a week", "most often") are returned as spans, so that the
rest of the parser sees only what the question is about and its scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ORDINALS
from .parsed import Question
from .question_opening import Opening, find_opening
from .question_words import (
    ASIDES, AUX, AVERAGE_DAY, BE, BEFORE_VERB, COLOUR_NOUNS, COST, DETERMINERS, DISTANCE_UNITS, DURATION_UNITS, EDGES,
    EXTREME, FLAGS, FRAME, FREQUENCY_UNITS, GONE_TO, GRANULARITY, HABIT_EDGE, HOW_KINDS, HOW_MANY, MEANS, MODIFIERS, MONEY_NOUNS,
    NIGHTS, NOUN_ENDS, NOUN_KINDS, NOW_ANCHOR, ORDINAL, PART_NOUNS, PER, PER_ADVERBS, PER_UNITS, PLACE_GRAIN, PLACE_NOUNS,
    PLACE_SINGULARS, READ_NOUNS, READ_VERBS, TIME_LENGTH, TOKEN, TRIP_ORDINAL, USUAL, VEHICLE_SUBJECT, WH_KINDS,
)
from .text import Span


@dataclass(frozen=True)
class ReadQuestion:
    question: Question | None
    spans: tuple[Span, ...]  # frame and anchors: not part of what the question is about or its scope
    now_span: Span | None  # the date of "assuming today is ..."


def read_question(text: str) -> ReadQuestion:
    """The question in a text (None for a memory description) and the spans the rest of the parser should skip."""
    opening = find_opening(text or "")
    if opening is None:
        return ReadQuestion(None, (), None)
    spans: list[Span] = []
    now_text, now_span = "", None
    anchor = NOW_ANCHOR.search(text)
    if anchor:
        now_text, now_span = anchor.group("date").strip(), anchor.span("date")
        spans.append(anchor.span())
    if opening.head > opening.lead:
        spans.append((opening.lead, opening.head))
    frame = FRAME.match(text, opening.head)
    if frame.end() > frame.start():
        spans.append(frame.span())
    kind, noun, after_noun = _kind(text, opening)
    spans += _pronoun_after(opening.tokens, after_noun)
    spans += [match.span() for match in ASIDES.finditer(text, opening.head)]
    ordinal, unit = None, ""
    trip = TRIP_ORDINAL.search(text)
    if trip:
        ordinal, unit = _ordinal_of(trip.group("word")), "trip" if re.search(r"trip|journey|holiday|vacation", trip.group(), FLAGS) else "visit"
        spans.append(trip.span())
    else:
        said = ORDINAL.search(text)
        if said and not _in_time_phrase(text, said):
            ordinal = _ordinal_of(said.group("word"))
        elif habit := HABIT_EDGE.search(text):  # "when did I start swimming": the first time; "stop": the last
            ordinal = -1 if habit.group("stop") else 0
    if kind == "frequency":
        unit = FREQUENCY_UNITS.get(noun, "visit")
        if unit == "night" and (nights := NIGHTS.search(text, opening.head)):  # counted, not the time of day to look in
            spans.append(nights.span())
    per, per_spans = _per(text, kind)
    extreme = EXTREME.search(text, opening.head)
    usual = USUAL.search(text)
    spans += per_spans + ([extreme.span()] if extreme else []) + ([usual.span()] if usual else [])
    question = Question(
        kind, _granularity(kind, text, noun), ordinal, unit, now_text,
        # what a number is asked of: things in the photos ("how many cups"), or places ("how many countries did I visit")
        counted=noun if kind == "counting" or (kind == "location" and HOW_MANY.match(text, opening.head)) else "",
        every=kind == "location" and noun in PLACE_NOUNS - PLACE_SINGULARS and not extreme,  # "which cities did I visit most": one
        extreme=("least" if (extreme.group("word") or "").lower() in ("least", "fewest", "shortest") else "most") if extreme else "",
        per=per, edge=_edge(text, frame.end()) if kind == "time" else "", usual=bool(usual),
        means=_means(kind, text, frame.end()),
    )
    return ReadQuestion(question, tuple(spans), now_span)



def _noun_phrase(tokens, index: int) -> list[tuple[int, int, str]]:
    """The noun phrase from tokens[index]: "colour shirt", "name of the hotel", "cups of coffee"."""
    phrase = []
    while index < len(tokens) and len(phrase) < 8:
        word = tokens[index][2]
        after_of = bool(phrase) and phrase[-1][2] == "of"
        if word in NOUN_ENDS - DETERMINERS or word in DETERMINERS | {"per", "each", "every"} and not after_of:
            break
        phrase.append(tokens[index])
        index += 1
    return phrase


def _noun_kind(phrase: list[str]) -> tuple[str | None, str]:
    """The kind a noun phrase asks for, and its head noun: "colour shirt" color, "name of the hotel" location."""
    if "time" in phrase and TIME_LENGTH & set(phrase[:phrase.index("time")]):
        return "duration", "time"  # "the total time I spent", "the amount of time": how long, not when
    words = [word for word in phrase if word not in MODIFIERS and word not in DETERMINERS]
    if "of" in words:
        at = words.index("of")
        before, after = words[:at], words[at + 1:]
        head = before[-1] if before else ""
        if head in ("kind", "type", "sort", "variety"):
            return _noun_kind(after)
        place = next((word for word in after if word in PLACE_NOUNS), "")
        if head in ("name", "names"):
            return ("location", place) if place else ("ocr", head)
        if head in PART_NOUNS and place:
            return "location", head  # "which part of the city": a place within it, not the city
        if head == "number":  # "the number of my room" is read; "the number of cups" counted
            read = phrase[phrase.index("of") + 1:phrase.index("of") + 2] != after[:1]  # a determiner came between
            noun = after[0] if after else ""
            return ("ocr", head) if read or not noun else ("frequency" if noun in FREQUENCY_UNITS else "counting", noun)
        if head in COLOUR_NOUNS:
            return "color", head
        if head in READ_NOUNS:
            return "ocr", head
        words = before
    kind, head = None, words[0] if words else ""
    for word in words:  # the last classified noun of a compound heads it: "flight number", "coffee shop"
        found = next((name for nouns, name in NOUN_KINDS if word in nouns), None)
        if found:
            kind, head = found, word
    return kind, head


def _kind(text: str, opening: Opening) -> tuple[str, str, int]:
    """The kind asked, the noun it names ("people", "cities", "times"), and the token index after that noun."""
    tokens = opening.tokens
    words = [word for _, _, word in tokens]
    first = words[0]
    if opening.form in ("yes-no", "whether"):
        return "frequency", "", 0
    if opening.form in ("imperative", "noun"):
        index = 1 + (words[1] == "me") if opening.form == "imperative" else 0
        while index < len(words) and words[index] in DETERMINERS | {"all", "every", "each"}:
            index += 1
        phrase = [word for _, _, word in _noun_phrase(tokens, index)]
        kind, noun = _noun_kind(phrase)
        if first == "count":
            return "counting", noun, 0
        return kind or "object", noun, 0
    if first == "how":
        second = words[1] if len(words) > 1 else ""
        return _how_many_kind(text, opening, second) if second in ("many", "much") else (HOW_KINDS.get(second, "object"), "", 2)
    if first in WH_KINDS:
        return WH_KINDS[first], "", 1
    # what / which: the noun right after ("which city", "what colour shirt"), or after "was the" ("what was the name of")
    index = 1
    if len(words) > 1 and words[1] == "of":  # "which of the cities"
        index = 2
        while index < len(words) and words[index] in DETERMINERS:
            index += 1
    phrase = _noun_phrase(tokens, index)
    kind, noun = _noun_kind([word for _, _, word in phrase])
    after = index + len(phrase)
    if not phrase and len(words) > 2 and words[1] in BE and words[2] in DETERMINERS:
        kind, noun = _noun_kind([word for _, _, word in _noun_phrase(tokens, 3)])
    if kind is None and READ_VERBS.search(text, opening.head):
        kind = "ocr"
    if kind is None and noun and GONE_TO.search(text, opening.head):
        kind = "location"  # "which playground do we go to": a place, whatever its noun
    return kind or "object", noun, after


def _how_many_kind(text: str, opening: Opening, second: str) -> tuple[str, str, int]:
    """ "how many <noun>", "how much <noun>": a unit of time asks a duration, of length a distance, visits a
    frequency, places which ones (counted), money a price read; anything else is counted in the photos."""
    tokens = opening.tokens
    words = [word for _, _, word in tokens]
    index = 2
    while index < len(words) and words[index] in ("different", "separate", "distinct"):
        index += 1
    phrase = _noun_phrase(tokens, index)
    # a compound's head is its last noun: "how many gym sessions" counts sessions, "beach days" days
    units = [word for _, _, word in phrase if word in FREQUENCY_UNITS or word in DURATION_UNITS or word in DISTANCE_UNITS]
    noun = units[-1] if units else phrase[0][2] if phrase else ""
    after = index + len(phrase)
    following = words[after:after + 2]
    # "how many days was my trip": one stay's length; "how many days was I in the office", "did I": days counted
    lasted = FREQUENCY_UNITS.get(noun) in PER_UNITS and following[:1] and following[0] in BE
    lasted = lasted and following[1:] not in (["i"], ["we"], ["there"])
    if noun in DURATION_UNITS or (noun == "time" and second == "much") or lasted:
        return "duration", noun, after
    if noun in DISTANCE_UNITS:
        return "distance", noun, after
    if noun in FREQUENCY_UNITS:
        return "frequency", noun, after
    if noun in PLACE_NOUNS and (following[:1] == ["i"] or following[:1] and following[0] in AUX and following[1:] == ["i"]):
        return "location", noun, after  # "how many countries did I visit": which ones, counted
    priced = COST.search(text, opening.head) or following[:1] and following[0] in BE and following[1:] != ["there"]
    if (noun in MONEY_NOUNS or not noun and second == "much") and priced:
        return "ocr", "", after  # "how much (money) did I spend", "how many euros was the taxi": the price read
    return "counting", noun, after


def _pronoun_after(tokens, index: int) -> list[Span]:
    """ "which restaurant [did I] go to": the auxiliary and subject after the asked noun are frame too."""
    if 0 < index < len(tokens) - 2 and tokens[index][2] in ("a", "an", "per", "each", "every") and tokens[index + 1][2] in PER_UNITS:
        index += 2  # "how many days a week [did I]"
    if 0 < index < len(tokens) - 1 and tokens[index][2] in AUX and tokens[index + 1][2] in ("i", "we"):
        return [(tokens[index][0], tokens[index + 1][1])]
    return []


def _per(text: str, kind: str) -> tuple[str, list[Span]]:
    """An average's unit ("a week", "per month", "on an average day") and where it was said."""
    if kind not in ("frequency", "duration", "counting", "distance"):
        return "", []
    for pattern in (AVERAGE_DAY, PER):
        said = pattern.search(text)
        if said:
            unit = said.group("unit") or PER_ADVERBS[said.group("adverb").lower()]
            return unit.lower(), [said.span()]
    return "", []


def _edge(text: str, start: int) -> str:
    """ "[when did I] leave the office": the verb right after the frame says whether a stay's start or end is asked;
    a later one does not ("when did I go to the gym to start training"); "[what time did] my plane land" says it after its subject."""
    start = BEFORE_VERB.match(text, start).end()
    vehicle = VEHICLE_SUBJECT.match(text, start)
    start = vehicle.end() if vehicle else start
    verb = TOKEN.search(text, start)
    if not verb:
        return ""
    found = [(match.start(), name) for name, pattern in EDGES if (match := pattern.search(text, start)) and match.start() <= verb.start()]
    return min(found)[1] if found else ""



def _means(kind: str, text: str, start: int) -> str:
    """How one moved, for a distance; "fly" for a count of flights, which the GPS counts ("how many flights": in the frame)."""
    said = _first_said(MEANS, text, start if kind == "distance" else 0)
    return said if kind == "distance" or (kind == "frequency" and said == "fly") else ""


def _first_said(named_patterns, text: str, start: int) -> str:
    """The name of the pattern found first after start: "leave the office" ends a stay, "walk ... car park" walks."""
    found = [(match.start(), name) for name, pattern in named_patterns if (match := pattern.search(text, start))]
    return min(found)[1] if found else ""


def _ordinal_of(word: str) -> int:
    """Which visit an ordinal names, as a list position: "first" 0, "second" 1; "last", "latest", "most recent" -1."""
    first = word.lower().split()[0]
    return ORDINALS[first] - 1 if first in ORDINALS else -1


def _in_time_phrase(text: str, said: re.Match) -> bool:
    """"last spring", "last year", "the first week of May" are time phrases, not which visit."""
    following = re.match(r"\s*(\w+)", text[said.end():])
    return bool(following) and following.group(1).lower() in {
        "year", "month", "week", "weekend", "spring", "summer", "autumn", "fall", "winter", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "night", "christmas", "easter", "day", "days", "weeks", "months", "of"}


def _granularity(kind: str, text: str, noun: str) -> str:
    if kind == "time":
        return next((name for name, pattern in GRANULARITY if pattern.search(text)), "date")
    if kind == "location":
        return PLACE_GRAIN.get(noun, "place")
    return ""
