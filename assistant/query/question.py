"""Is the text a question about one's own life, and which kind: the LSC's eight labels.

    read_question("How many times did I go to the cinema in 2019?").question.kind   # "frequency"
    read_question("I was eating sushi at a restaurant with a red sign")             # question None

A question starts with an interrogative frame ("when did I", "how many", "what colour was") or is an
auxiliary question ending in "?" ("did I ever ..."). A remembered moment ("when I was at the beach",
"find the moment when ...", "the time I ...") is never read as one. The frame and explicit anchors
("assuming today is 1 July 2020", "on my second trip") are returned as spans, so that the rest of the
parser sees only what the question is about and its scope.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .text import Span

KINDS = ("time", "location", "frequency", "duration", "counting", "ocr", "color", "object", "distance")
_FLAGS = re.IGNORECASE

_WH = r"(?:what|which|when|where|how|who|whose)"
_AUX = r"(?:did|do|does|was|were|is|are|am|have|has|had|would|will|can|could)"
# Words that may come before the question itself: "so, tell me", "on what date", "in which year".
_ASKING = r"(?:(?:can|could)\s+you\s+)?(?:tell|remind)\s+me|do\s+you\s+know|i\s+(?:want|need|would\s+like)\s+to\s+know|i\s+wonder"
_LEAD_IN = (rf"\s*(?:(?:so|and|ok|okay|please|now|also|then|hey)[\s,]+)*(?:{_ASKING}\s+)?"
            r"(?:(?:on|in|at|for|from|to|by|with|during)\s+)?")
# A wh-word opens a question when an auxiliary or a question noun follows it ("when did I", "what colour",
# "how many"), not when a subject does ("when I was at the beach" remembers a moment), unless one asks
# ("tell me when I last ...").
_QUESTION_START = re.compile(
    rf"^{_LEAD_IN}(?:{_WH}(?:'s|\s+{_AUX}\b|\s+(?!i\b|we\b|my\b)[a-z]+)|{_ASKING}\s+{_WH}\b"
    rf"|{_AUX}\s+(?:i|we)\b(?=.*\?\s*$))",
    _FLAGS,
)
_MEMORY_START = re.compile(r"^\s*(?:find|show|search|look|get|give|looking|i\b|the\s+(?:time|moment|day|photo|picture)|when\s+(?:i|we)\b)", _FLAGS)

# "how many <unit>": what a number is counted in. Units of time make a duration, visits a frequency,
# anything else (people, cups) is counted in the photos.
_FREQUENCY_UNITS = {"time": "visit", "times": "visit", "occasion": "visit", "occasions": "visit", "visit": "visit",
                    "visits": "visit", "trip": "trip", "trips": "trip", "journey": "trip", "journeys": "trip",
                    "day": "day", "days": "day", "night": "day", "nights": "day", "week": "week", "weeks": "week",
                    "weekend": "week", "weekends": "week", "month": "month", "months": "month"}
_DURATION_UNITS = ("hour", "hours", "minute", "minutes", "second", "seconds")
_PLACE_NOUNS = (
    r"place|city|town|village|country|restaurant|hotel|hostel|bar|pub|cafe|café|coffee\s+shop|shop|store|supermarket|"
    r"airport|station|museum|cinema|gym|beach|park|venue|building|street|road|church|office|hospital|school|university|"
    r"club|clinic|market|mall|gallery|theatre|theater|stadium|pharmacy|bakery|island|region|county|state|continent|"
    r"destination|location|area|neighbourhood|neighborhood|countries|cities|places|restaurants|hotels|shops|bars|pubs|cafes"
)
_READ_THINGS = r"brand|make|model|airline|title|text|word|words|slogan|logo|label|headline|number|code|plate|score|book|film|movie|song|magazine|newspaper|band|team"
# Each rule looks at the question's head (its first words: "how many people", "what colour was") or, where
# marked, at the whole text ("... written on the sign"). The head decides, so "which restaurant had a
# blue sign" asks for a place, and "where was I when the alarm went off" is not a time question.
_KIND_RULES = [
    ("color", re.compile(r"\b(?:colou?r|colou?rs|shade)\b", _FLAGS), False),
    ("duration", re.compile(rf"\bhow\s+(?:long|much\s+time|far)\b|\bhow\s+many\s+(?:{'|'.join(_DURATION_UNITS)})\b|\bfor\s+how\s+long\b", _FLAGS), True),
    ("frequency", re.compile(rf"\bhow\s+(?:often|frequently)\b|\bhow\s+many\s+(?:(?:different|separate|distinct)\s+)?(?:{'|'.join(_FREQUENCY_UNITS)})\b"
                             rf"|\b(?:{_AUX})\s+(?:i|we)\s+ever\b|\bhave\s+(?:i|we)\s+(?:ever|been)\b|\bnumber\s+of\s+(?:times|visits|trips)\b", _FLAGS), True),
    ("ocr", re.compile(r"\bhow\s+much\s+(?:did|does|do|was|were|is|are)\b(?=.*\b(?:cost|costs|pay|paid|charge|spend|spent)\b)"
                       r"|\bwhat\s+(?:was|is)\s+the\s+(?:price|cost)\b", _FLAGS), False),
    ("counting", re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\bhow\s+much\b", _FLAGS), True),
    ("ocr", re.compile(rf"\b(?:what|which)\s+(?:[a-z]+\s+)?(?:{_READ_THINGS})\b|\bname\s+(?:on|of\s+(?:the|that|this|my)\s+(?:{_READ_THINGS}|brand|company|game|app|drink|beer|wine))\b|\btitle\b", _FLAGS), True),
    ("ocr", re.compile(r"\b(?:written|printed|inscribed)\b|\b(?:say|said|says|read)\s*[?.!]*\s*$|\bwhat\s+(?:did|does|do)\s+(?:the|that|this|my|a)\b[^?]*?\b(?:say|read)\b|\bwhat\s+was\s+on\s+the\s+(?:sign|screen|board|poster|menu|label)\b", _FLAGS), False),
    ("time", re.compile(
        r"\b(?:what|which)\s+(?:date|day|time|year|month|week|hour|season|weekday|morning|evening|afternoon)\b|\bwhat\s+o'?clock\b"
        r"|\bhow\s+(?:early|late)\b|\bwhat\s+day\s+of\s+the\s+week\b", _FLAGS), True),
    ("location", re.compile(
        rf"\b(?:what|which)\s+(?:{_PLACE_NOUNS})\b|\bname\s+of\s+(?:the|that|this|my)\s+(?:{_PLACE_NOUNS})\b"
        rf"|\b(?:what|which)\s+(?:was|is)\s+the\s+(?:{_PLACE_NOUNS})\b", _FLAGS), True),
]
_HEAD_WORDS = 8
_YES_NO = re.compile(rf"^{_LEAD_IN}{_AUX}\s+(?:i|we)\b", _FLAGS)
_MANY_PLACES = re.compile(r"\b(?:what|which)\s+(?:countries|cities|towns|places|restaurants|hotels|shops|bars|pubs|cafes)\b", _FLAGS)
_FIRST_WH = re.compile(rf"\b{_WH}\b", _FLAGS)
_BY_FIRST_WH = {"when": "time", "where": "location"}  # "where was I when ...": the first wh-word asks
# "what time" is a time; "what was the name of the restaurant" a location; "what brand" a word read.
_GRANULARITY = [
    ("clock", re.compile(r"\b(?:what|which)\s+time\b|\bwhat\s+o'?clock\b|\bwhat\s+hour\b|\bhow\s+(?:early|late)\b|\bat\s+what\s+time\b", _FLAGS)),
    ("weekday", re.compile(r"\bday\s+of\s+the\s+week\b|\b(?:what|which)\s+(?:day|weekday)\b(?!\s+(?:of\s+the\s+)?(?:month|year))", _FLAGS)),
    ("month", re.compile(r"\b(?:what|which)\s+month\b|\bin\s+which\s+month\b", _FLAGS)),
    ("year", re.compile(r"\b(?:what|which)\s+year\b|\bin\s+which\s+year\b", _FLAGS)),
]
_PLACE_GRAIN = [
    ("country", re.compile(r"\b(?:what|which)\s+countr(?:y|ies)\b|\bname\s+of\s+the\s+country\b", _FLAGS)),
    ("city", re.compile(r"\b(?:what|which)\s+(?:city|cities|towns?|villages?)\b|\bname\s+of\s+the\s+(?:city|town)\b", _FLAGS)),
]
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?:(?:different|separate|distinct)\s+)?(\w+)", _FLAGS)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "latest": -1, "final": -1, "previous": -1}
_ORDINAL = re.compile(
    r"\b(?:the\s+|my\s+)?(?P<word>first|second|third|fourth|fifth|last|latest|final|previous|most\s+recent(?:ly)?)\b"
    r"(?:\s+(?:time|visit|trip|occasion)\b)?", _FLAGS)
# "on my second trip": an anchor, blanked so the rest of the parser does not see "trip" as the subject.
_TRIP_ORDINAL = re.compile(r"\b(?:on|during|in)\s+(?:my|our|the)\s+(?P<word>first|second|third|fourth|fifth|last|latest|most\s+recent)\s+(?:trip|visit|journey|holiday|vacation)\b(?:\s+to\b)?", _FLAGS)
_NOW_ANCHOR = re.compile(
    r"\b(?:assuming|suppose|supposing|imagine|if|given)\s+(?:that\s+)?(?:today|now|the\s+current\s+date|the\s+date)\s+(?:is|was|were)\s+"
    r"(?P<date>[^,;?]+?)\s*(?:[,;]|$|\?)", _FLAGS)
# The interrogative frame: the words up to the question's subject, blanked before the rest is parsed.
_FRAME = re.compile(
    rf"{_LEAD_IN}{_WH}?(?:\s*(?:'s|many|much|long|often|frequently|times?|different|separate|distinct|"
    rf"date|day|days|weekday|year|month|week|hour|hours|minutes?|of\s+the\s+week|o'?clock|kind\s+of|type\s+of|sort\s+of|brand\s+of|make\s+of|"
    rf"colou?r(?:\s+of)?|was|were|is|are|did|do|does|have|has|had|i|we|my|the|name\s+of(?:\s+the)?|ever|last|first|most\s+recently|"
    rf"exactly|approximately|roughly|usually|typically)\b)*",
    _FLAGS,
)


@dataclass(frozen=True)
class Question:
    """What a question asks for; its scope (time, place) and subject are the rest of the parsed query."""

    kind: str  # one of KINDS
    granularity: str = ""  # time: "date", "month", "year", "weekday", "clock"; location: "place", "city", "country"
    ordinal: int | None = None  # which visit or trip: 0 first, 1 second, -1 last; None: not said
    unit: str = ""  # frequency: "visit", "trip", "day", "week", "month"; ordinal anchors: "trip" or "visit"
    now: str = ""  # "assuming today is 1 July 2020" as said (the parser resolves it to a date)
    counted: str = ""  # counting: what is counted ("people", "cups")
    every: bool = False  # location: all of them are asked for ("which countries did I visit")
    extreme: str = ""  # "most" or "least": which place, thing ... most or least often
    per: str = ""  # "day", "week", "month", "year": an average per that unit
    edge: str = ""  # time: "start" (arrive, wake up) or "end" (leave, go to bed) of the visit
    usual: bool = False  # "usually", "typically": what is typical over the visits, not one of them
    means: str = ""  # distance: "walk", "run", "cycle", "drive", "fly"; "" any travel

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict | None) -> "Question | None":
        return cls(**record) if record else None


@dataclass(frozen=True)
class ReadQuestion:
    question: Question | None
    spans: tuple[Span, ...]  # frame and anchors: not part of what the question is about or its scope
    now_span: Span | None  # the date of "assuming today is ..."


def is_question(text: str) -> bool:
    """A question about one's life (not a remembered moment to find)."""
    first = _first_clause(text)
    if _QUESTION_START.match(first):
        return True
    if _MEMORY_START.match(text):
        return False
    return text.rstrip().endswith("?") and bool(re.search(rf"\b{_WH}\b", text, _FLAGS))


def _first_clause(text: str) -> str:
    """The text after an "assuming today is ..." lead-in, where the question itself starts."""
    anchor = _NOW_ANCHOR.match(text.strip())
    return text.strip()[anchor.end():] if anchor else text


def read_question(text: str) -> ReadQuestion:
    """The question in a text (None for a memory description) and the spans the rest of the parser should skip."""
    if not text or not is_question(text):
        return ReadQuestion(None, (), None)
    spans: list[Span] = []
    now_text, now_span = "", None
    anchor = _NOW_ANCHOR.search(text)
    if anchor:
        now_text, now_span = anchor.group("date").strip(), anchor.span("date")
        spans.append(anchor.span())
    start = anchor.end() if anchor and anchor.start() == len(text) - len(text.lstrip()) else 0
    frame = _FRAME.match(text, start)
    if frame and frame.end() > frame.start():
        spans.append(frame.span())
    head = " ".join(_first_clause(text).split()[:_HEAD_WORDS])
    first = _FIRST_WH.search(head)
    kind = _BY_FIRST_WH.get(first.group().lower() if first else "") if not _KIND_RULES[0][1].search(text) else "color"
    kind = kind or next((name for name, pattern, in_head in _KIND_RULES if pattern.search(head if in_head else text)), None)
    kind = kind or ("frequency" if _YES_NO.match(head) else "object")  # "did I go to the dentist in August?": how often, 0 is no
    ordinal, unit = None, ""
    trip = _TRIP_ORDINAL.search(text)
    if trip:
        ordinal, unit = _ordinal_of(trip.group("word")), "trip" if re.search(r"trip|journey|holiday|vacation", trip.group(), _FLAGS) else "visit"
        spans.append(trip.span())
    else:
        said = _ORDINAL.search(text)
        if said and not _in_time_phrase(text, said):
            ordinal = _ordinal_of(said.group("word"))
    counted = _HOW_MANY.search(text)
    if kind == "frequency":
        unit = _FREQUENCY_UNITS.get(counted.group(1).lower(), "visit") if counted else "visit"
    thing = counted.group(1).lower() if kind == "counting" and counted else ""
    every = kind == "location" and bool(_MANY_PLACES.search(head))
    return ReadQuestion(Question(kind, _granularity(kind, text), ordinal, unit, now_text, thing, every), tuple(spans), now_span)


def _ordinal_of(word: str) -> int:
    return _ORDINALS.get(word.lower().split()[0], -1)  # "most recent" -> last


def _in_time_phrase(text: str, said: re.Match) -> bool:
    """"last spring", "last year", "the first week of May" are time phrases, not which visit."""
    following = re.match(r"\s*(\w+)", text[said.end():])
    return bool(following) and following.group(1).lower() in {
        "year", "month", "week", "weekend", "spring", "summer", "autumn", "fall", "winter", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "night", "christmas", "easter", "day", "days", "weeks", "months", "of"}


def _granularity(kind: str, text: str) -> str:
    if kind == "time":
        return next((name for name, pattern in _GRANULARITY if pattern.search(text)), "date")
    if kind == "location":
        return next((name for name, pattern in _PLACE_GRAIN if pattern.search(text)), "place")
    return ""
