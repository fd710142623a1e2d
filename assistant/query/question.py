"""Is the text a question about one's own life, and which kind: the LSC's eight labels, and distance.

    read_question("How many times did I go to the cinema in 2019?").question.kind   # "frequency"
    read_question("I was eating sushi at a restaurant with a red sign")             # question None

A question opens with an interrogative head, after any fillers, hedges or asking words ("so", "roughly",
"on average", "I'd like to know", "can you tell me"): a wh-word that an auxiliary or the noun it asks
about follows ("when did I", "which city did", "how many people were", "what colour was"), an
auxiliary and "I" ("did I ever ..."), or an imperative ("name the film", "list the cities", "give me the
number of"). A remembered moment opens otherwise ("when I was at the beach", "where the street meets the
river", "what a view", "the time I ...") and is never read as one. The kind comes from the head and the
noun it governs ("what colour was", not "the colour printer"). The frame and explicit anchors ("assuming
today is 1 July 2020", "on my second trip", "a week", "most often") are returned as spans, so that the
rest of the parser sees only what the question is about and its scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ORDINALS
from .parsed import Question
from .question_words import (
    ASIDES, ASKED, AUX, AVERAGE_DAY, BE, BEFORE_VERB, BOUNDARY, CLAUSE_OPENERS, COLOUR_NOUNS, COST, DETERMINERS,
    DISTANCE_UNITS, DURATION_UNITS, EDGES, EXTREME, FLAGS, FRAME, FREQUENCY_UNITS, GIVEN, GRANULARITY, HABIT_EDGE, HOW_KINDS, HOW_MANY,
    IMPERATIVE, LEAD, MEANS, MEMORY_START, MODIFIERS, NOUN_ENDS, NOUN_KINDS, NOUN_PREPOSITIONS, NOW_ANCHOR, ORDINAL, PER,
    PER_ADVERBS, PER_UNITS, PHOTOS_ASKED, PLACE_GRAIN, PLACE_NOUNS, PLACE_SINGULARS, PREPOSITION, READ_NOUNS, READ_VERBS,
    SENTENCE_END, TOKEN, TRIP_ORDINAL, USUAL, WH, WH_KINDS, WH_WORD,
)
from .text import Span

@dataclass(frozen=True)
class ReadQuestion:
    question: Question | None
    spans: tuple[Span, ...]  # frame and anchors: not part of what the question is about or its scope
    now_span: Span | None  # the date of "assuming today is ..."


@dataclass(frozen=True)
class _Opening:
    """Where a question's head starts, after its lead-in, and which form it takes."""

    lead: int  # where the lead-in ("so, roughly", "I'd like to know") starts
    head: int  # where the interrogative head starts
    form: str  # "wh", "yes-no", "whether", "imperative", "noun" ("tell me the name of ...")
    tokens: tuple[tuple[int, int, str], ...]  # the words from the head on: (start, end, lowercase word)


def read_question(text: str) -> ReadQuestion:
    """The question in a text (None for a memory description) and the spans the rest of the parser should skip."""
    opening = _opening(text or "")
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


def _opening(text: str) -> _Opening | None:
    """The question's head: at the start (after an "assuming today is ..." anchor and any lead-in), or in the last
    sentence after a scope phrase ("On my birthday, where did I ..."), where after a comma only a head that cannot
    relate back counts ("where did I", not "where was the car"), unless a "?" ends the text."""
    start = 0
    anchor = NOW_ANCHOR.match(text.strip())
    if anchor:
        start = len(text) - len(text.lstrip()) + anchor.end()
    opening = _opening_at(text, start, strict=False)
    if opening:
        return opening
    # After a scope phrase, a question ends the text: "It was raining. How long did it rain? All afternoon." muses
    # within a remembered moment; "I went to Paris twice. When was the first time?" asks.
    last_sentence = max((match.start() for match in SENTENCE_END.finditer(text.rstrip())), default=0)
    boundaries = [match for match in BOUNDARY.finditer(text, max(start, last_sentence)) if match.end() < len(text)]
    for boundary in boundaries:  # a new sentence may ask anything; a phrase after a comma may relate to what came before
        opening = _opening_at(text, boundary.end(), strict=boundary.group(1) not in ".!?")
        if opening:
            return opening
    if text.rstrip().endswith("?") and not MEMORY_START.match(text):
        # "At the beach, where was the umbrella?" asks; so does "on the day I flew to Lisbon what did I eat?" without
        # a comma, but "a red car which was parked outside?" only describes
        heads = [(boundary.end(), False) for boundary in boundaries]
        heads += [(match.start(), True) for match in WH_WORD.finditer(text, max(start, last_sentence))]
        return next((opening for head, strict in heads if (opening := _opening_at(text, head, strict))), None)
    return None


def _opening_at(text: str, position: int, strict: bool) -> _Opening | None:
    lead = LEAD.match(text, position)
    asked = bool(ASKED.search(lead.group())) and not re.search(r"\babout\W*$", lead.group(), FLAGS)
    strict = strict and not asked  # "In Rome, can you tell me which hotel I stayed in": asking never relates back
    tokens = tuple((m.start(), m.end(), m.group().lower().replace("’", "'")) for m in TOKEN.finditer(text, lead.end(), min(len(text), lead.end() + 200)))
    tokens = _split_contractions(tokens)
    if not tokens:
        return None
    head = tokens
    if len(head) > 1 and head[0][2] in PREPOSITION and head[1][2] in WH:  # "in which city", "for how long"
        head = head[1:]
    form = _form(tuple(word for _, _, word in head[:12]), asked, strict)
    if form is None:
        return None
    return _Opening(position, tokens[0][0], form, head)


def _split_contractions(tokens):
    """ "what's" is "what is"; the apostrophe's part keeps its place in the text."""
    split = []
    for start, end, word in tokens:
        if word.endswith("'s") and word[:-2] in WH:
            split += [(start, end - 2, word[:-2]), (end - 2, end, "is")]
        elif word.endswith("s") and word[:-1] in ("what", "where", "who", "how"):  # "whats", typed without the apostrophe
            split += [(start, end - 1, word[:-1]), (end - 1, end, "is")]
        else:
            split.append((start, end, word))
    return tuple(split)


def _form(words: tuple[str, ...], asked: bool, strict: bool) -> str | None:
    """Which question form the words open, or None for a remembered moment."""
    first, second = words[0], words[1] if len(words) > 1 else ""
    given = words[3] if len(words) > 3 and words[2] in ("the", "a") else words[2] if len(words) > 2 else ""
    if first in AUX and second in ("i", "we"):
        return None if PHOTOS_ASKED.match(" ".join(words[2:6])) else "yes-no"  # "do I have photos of a dog": a search
    if asked and first in ("if", "whether") and second in ("i", "we"):  # not "I wonder if it was the day ..."
        return "whether"
    if asked and not strict and first in ("the", "all"):
        return "noun"  # "tell me the name of the hotel"
    if not strict and first in IMPERATIVE and second in DETERMINERS | {"all", "every", "each", "which", "what", "how"}:
        return "imperative"
    if not strict and first == "give" and second == "me" and given in GIVEN:  # "give me the number of", not "give me the photos"
        return "imperative"
    if first not in WH:
        return None
    if asked and not strict:
        return "wh"  # "tell me when I last ...": the clause need not be inverted
    if first == "how":
        if second in ("many", "much"):
            rest = _skip_noun(words[2:])
            if rest != words[2:] and _asks_about_the_noun(rest, strict):
                return "wh"  # "how many people attended the meeting"
        elif second in HOW_KINDS or second == "old":
            rest = _skip_aside(words[2:])
            if rest[:1] == ("ago",):
                return "wh"
        else:
            rest = words[1:]  # "how did I get there"; "how I looked" remembers
    elif first in ("what", "which", "whose"):
        if second == "of":  # "which of the cities did I ..."
            return "wh"
        rest = _skip_noun(words[1:])  # "what a view", "what I ate" govern no noun and take no auxiliary
        if first != "what" and rest != words[1:] and _asks_about_the_noun(rest, strict):
            return "wh"  # "which restaurant served the best pizza"; "what time the train left" remembers
    else:
        rest = words[1:]  # "where did I"; "where the street meets the river" remembers
    if not rest or rest[0] not in AUX or rest[1:2] and rest[1] in WH | {"why"}:  # "which is why we went" relates
        return None
    # After a comma, "which was the best" or "where was the car" may relate to what came before; "where did I",
    # "which city was", "how long was" do not.
    relates = len(rest) == len(words) - 1 and rest[1:2] not in (("i",), ("we",), ("my",), ("our",))
    return None if strict and relates else "wh"


def _asks_about_the_noun(rest: tuple[str, ...], strict: bool) -> bool:
    """ "how many people | attended ...": the noun is the subject asked about, unless another subject follows it
    ("how many people | there were", "which park | we saw") and makes it a remembered moment's clause."""
    return not strict and (not rest or rest[0] not in CLAUSE_OPENERS)



def _skip_aside(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after an average's unit or a hedge ("how often | a week | do I", "how long | on average | did I")."""
    if len(words) > 1 and words[0] in ("a", "an", "per", "each", "every") and words[1] in PER_UNITS:
        return words[2:]
    if len(words) > 1 and words[:2] == ("on", "average"):
        return words[2:]
    if words and words[0] in ("roughly", "approximately", "exactly", "usually", "typically", "normally", "generally"):
        return words[1:]
    return words


def _skip_noun(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after the noun a wh-word governs ("cups of coffee a day | did I")."""
    index = 0
    while index < len(words) and index < 8:
        word = words[index]
        if len(words) > index + 1 and word in ("a", "an", "per", "each", "every") and words[index + 1] in PER_UNITS:
            index += 2
        elif index and word in NOUN_PREPOSITIONS and words[index - 1] not in NOUN_PREPOSITIONS:
            index += 1  # "visits to the dentist", "restaurant in Rome"
        elif word in NOUN_ENDS or word in DETERMINERS and (index == 0 or words[index - 1] not in NOUN_PREPOSITIONS | {"of"}):
            break
        else:
            index += 1
    return words[index:]


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
    words = [word for word in phrase if word not in MODIFIERS and word not in DETERMINERS]
    if "of" in words:
        at = words.index("of")
        before, after = words[:at], words[at + 1:]
        head = before[-1] if before else ""
        if head in ("kind", "type", "sort", "variety"):
            return _noun_kind(after)
        if head in ("name", "names"):
            place = next((word for word in after if word in PLACE_NOUNS), "")
            return ("location", place) if place else ("ocr", head)
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


def _kind(text: str, opening: _Opening) -> tuple[str, str, int]:
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
        if second in ("many", "much"):
            index = 2
            while index < len(words) and words[index] in ("different", "separate", "distinct"):
                index += 1
            phrase = _noun_phrase(tokens, index)
            # a compound's head is its last noun: "how many gym sessions" counts sessions, "beach days" days
            units = [word for _, _, word in phrase if word in FREQUENCY_UNITS or word in DURATION_UNITS or word in DISTANCE_UNITS]
            noun = units[-1] if units else phrase[0][2] if phrase else ""
            after = index + len(phrase)
            if noun in DURATION_UNITS or (noun == "time" and second == "much"):
                return "duration", noun, after
            if noun in DISTANCE_UNITS:
                return "distance", noun, after
            if noun in FREQUENCY_UNITS:
                return "frequency", noun, after
            following = words[after:after + 2]
            if noun in PLACE_NOUNS and (following[:1] == ["i"] or following[:1] and following[0] in AUX and following[1:] == ["i"]):
                return "location", noun, after  # "how many countries did I visit": which ones, counted
            if not noun and second == "much" and COST.search(text, opening.head):
                return "ocr", "", after
            return "counting", noun, after
        return HOW_KINDS.get(second, "object"), "", 2
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
    return kind or "object", noun, after


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
    a later one does not ("when did I go to the gym to start training")."""
    start = BEFORE_VERB.match(text, start).end()
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
