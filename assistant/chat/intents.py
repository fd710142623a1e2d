"""What a message means, named: `classify(message, state)` gives one intent per kind of message.

Whole-message forms come first: a command ("start over"), a follow-up on an answer ("show me", "no, the
other one"), a pick ("2", "the second one") or a reference to a result ("more like the second one", "not
that one"). Anything else is parsed, and the parse with the conversation so far says the rest: a question
of its own, a follow-up question, a correction, a new memory, a negation, a refinement or the first memory.
Each intent is plain data; the Assistant (assistant.py) dispatches on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, ClassVar

from ..query import ParsedQuery, parse_query
from ..query.numbers import CARDINALS, ORDINALS
from .state import ChatState

Parse = Callable[[str], ParsedQuery]

# A command only when the whole message is one: "Clear blue sky over the harbour" is a memory.
_START_OVER = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|please|let'?s)[,\s]+)?(?:start\s*(?:over|again)|restart|reset|new\s+search|forget\s+(?:it|that|everything)"
    r"|clear(?:\s+(?:it|all|everything))?)(?:[,\s]+please)?\s*[.!]*\s*$",
    re.I,
)
# Follow-ups on an answer are whole messages too, so "show me the beach at sunset" stays a memory to search for.
_SHOW_EVIDENCE = re.compile(
    r"^\s*(?:ok(?:ay)?[,\s]+)?(?:show\s+(?:me|us)(?:\s+(?:it|that|them|the\s+(?:evidence|photos?|moments?)))?|show\s+(?:it|that|them)"
    r"|let\s+me\s+see(?:\s+(?:it|that|them))?|open\s+(?:it|that))(?:[,\s]+please)?\s*[.!]*\s*$",
    re.I,
)
_OTHER_ANSWER = re.compile(
    r"^\s*(?:(?:no|nope)\s*[,.!]?\s*)?(?:the\s+)?(?:other|next|another)(?:\s+(?:one|candidate|answer))?(?:[,\s]+please)?\s*[.!?]*\s*$", re.I
)
# A correction needs a correction's form: "actually …", "I mean …", "no, …", "sorry, …"; "Wait staff serving dinner" is a memory.
_CORRECTION = re.compile(
    r"^\s*(?:(?:actually|i\s+mean|i\s+meant|correction)\b|(?:no|nope|sorry|wait|oops|rather)\s*[,.!:;–—-]|no\s+(?=(?:it|that)\s+was\b|it'?s\b))"
    r"[,.!:;–—-]?\s*",
    re.I,
)
# Words that tie a message to the moment already described; without one, a message with its own description is a new memory.
_REFINEMENT_CUE = re.compile(
    r"^\s*(?:and|but|plus|also|with|without|not|no|nor|or|more\s+like|less|maybe|probably|it\s+was|it'?s|it\s+had"
    r"|there\s+(?:was|were)|they\s+were|we\s+were|i\s+was)\b|\b(?:also|too|as\s+well|instead)\b",
    re.I,
)
# A refinement that leaves something out: "not at home", "no people", "without the dog".
_NEGATION = re.compile(r"^\s*(?:(?:and|but)\s+)?(?:not|no|nor|never|without)\b", re.I)
# "what about Paris?" asks the question under way again, about Paris: read as the fragment "and Paris?".
_WHAT_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+", re.I)
# A question that opens like this continues the one under way ("and how many times in 2020?").
_FOLLOW_ON = re.compile(r"^\s*(?:and|but|also|or|then|so)\b", re.I)
# "the third one", "3rd", "number three": which moment on screen (1-based), in the parser's own number words.
REFERENCE_NUMBERS = {**ORDINALS, **{word: value for word, value in CARDINALS.items() if value},
                     **{f"{value}{suffix}": value for value, suffix in ((1, "st"), (2, "nd"), (3, "rd"), *((n, "th") for n in range(4, 21)))}}
_REFERENCE = r"(?:the\s+)?(?P<ref>last|that|this|it|(?:number|no\.?|photo|picture|moment|#)\s*\d{1,2}|\d{1,2}|\w+)(?:\s+(?:one|photo|picture|moment|image))?"
_LIKE = re.compile(rf"^\s*(?:show\s+me\s+)?(?:more|others?|ones?|photos?|something)?\s*(?:like|similar\s+to)\s+{_REFERENCE}\s*[.!]*\s*$", re.I)
_UNLIKE = re.compile(rf"^\s*(?:no[,.!]?\s+)?not\s+(?:like\s+)?{_REFERENCE}\s*[.!]*\s*$", re.I)
_CHOICE = re.compile(r"^\s*(?:option\s+|number\s+|#)?(?P<number>\d{1,2})\s*[.!)]?\s*$|^\s*(?:the\s+)?(?P<word>\w+)(?:\s+one)?\s*[.!]?\s*$", re.I)


@dataclass(frozen=True)
class Intent:
    name: ClassVar[str]


@dataclass(frozen=True)
class Empty(Intent):
    name = "empty"


@dataclass(frozen=True)
class StartOver(Intent):
    name = "start_over"


@dataclass(frozen=True)
class ShowEvidence(Intent):
    """ "show me", after an answer: its evidence, the first moment opened."""

    name = "show_evidence"


@dataclass(frozen=True)
class OtherAnswer(Intent):
    """ "no, the other one", after an answer: the next candidate."""

    name = "other_answer"


@dataclass(frozen=True)
class Choose(Intent):
    """A reply with the number of an offered choice ("2", "the second one")."""

    name = "choice"
    number: int  # from 1, as offered


@dataclass(frozen=True)
class MoreLike(Intent):
    name = "more_like"
    image_id: str


@dataclass(frozen=True)
class NotThis(Intent):
    name = "not_this"
    image_id: str


@dataclass(frozen=True)
class UnknownReference(Intent):
    """ "more like the ninth one" with fewer moments on screen: which photo is meant cannot be told."""

    name = "unknown_reference"


@dataclass(frozen=True)
class Described(Intent):
    """A message parsed into a query: what it says, to search for, to refine with or to ask."""

    parsed: ParsedQuery


class Memory(Described):
    """The first description of a moment, with nothing under way."""

    name = "memory"


class NewMemory(Described):
    """Another moment described while a search is under way, with no cue that it refines it: a new search."""

    name = "new_memory"


class Refinement(Described):
    """A detail added to the search under way ("in the evening", "with a dog")."""

    name = "refinement"


class Negation(Described):
    """Something left out of the search under way ("not at home", "not on Fridays")."""

    name = "negation"


class Correction(Described):
    """ "no, it was in April": what it names replaces what it corrects."""

    name = "correction"


class Question(Described):
    """A question of its own ("When did I last go to the dentist?")."""

    name = "question"


class FollowUpQuestion(Described):
    """After an answer, the same question again about what this names ("and in 2020?", "what about Rome?")."""

    name = "follow_up_question"


def classify(message: str, state: ChatState, parse: Parse = parse_query) -> Intent:
    """The intent of a cleaned message in the conversation so far; `parse` reads a text against the library."""
    if not message:
        return Empty()
    return _whole_message_form(message, state) or _described(message, state, parse)


def _whole_message_form(message: str, state: ChatState) -> Intent | None:
    """A command, a follow-up on an answer, a pick or a reference to a result; None for anything else."""
    if _START_OVER.match(message):
        return StartOver()
    if state.asked is not None and _SHOW_EVIDENCE.match(message):
        return ShowEvidence()
    if state.asked is not None and _OTHER_ANSWER.match(message):
        return OtherAnswer()
    number = _choice_number(message)
    if number is not None:
        return Choose(number)
    return _reference(message, state)


def _reference(message: str, state: ChatState) -> Intent | None:
    """ "more like the second one", "not that one": the photo on screen it names."""
    match = _LIKE.match(message) or _UNLIKE.match(message)
    if match is None:
        return None
    reference = match.group("ref").lower()
    image_id = _referred_photo(state, reference)
    if image_id is not None:
        return MoreLike(image_id) if match.re is _LIKE else NotThis(image_id)
    if reference in REFERENCE_NUMBERS or re.search(r"\d", reference):
        return UnknownReference()
    return None  # "more like beaches": a description, not a reference


def _referred_photo(state: ChatState, reference: str) -> str | None:
    if reference in ("that", "this", "it"):
        return state.example_id or (state.shown[0] if state.shown else None)
    if reference == "last":
        return state.shown[-1] if state.shown else None
    digits = re.search(r"\d+", reference)
    number = int(digits.group()) if digits else REFERENCE_NUMBERS.get(reference)
    if number is None or not 1 <= number <= len(state.shown):
        return None
    return state.shown[number - 1]


def _choice_number(message: str) -> int | None:
    """The number a message picks a choice by ("2", "option 2", "the second one"); None if it is not such a reply."""
    match = _CHOICE.match(message)
    if match is None:
        return None
    return int(match.group("number")) if match.group("number") else REFERENCE_NUMBERS.get((match.group("word") or "").lower())


def _described(message: str, state: ChatState, parse: Parse) -> Described:
    """What a message that says something means, read with the conversation so far."""
    correction = _CORRECTION.match(message)
    text = message[correction.end():] if correction else message
    if state.asking:
        text = _WHAT_ABOUT.sub("and ", text, count=1)
    parsed = parse(text)
    if parsed.question is not None and not _FOLLOW_ON.match(text):
        return Question(parsed)
    if state.asking and (correction or _follows_up(parsed, text)):
        return FollowUpQuestion(parsed)
    if correction:
        return Correction(parsed)
    if state.under_way and parsed.visual.strip() and not _REFINEMENT_CUE.search(text):
        return NewMemory(parsed)
    if _NEGATION.match(text):
        return Negation(parsed)
    return Refinement(parsed) if state.under_way else Memory(parsed)


def _follows_up(parsed: ParsedQuery, text: str) -> bool:
    """Whether a message, after an answer, goes on from its question ("and in 2020?", "in May?", "not at weekends"):
    a follow-on word, a question mark, or no description of its own. Anything else describes a moment to find."""
    return bool(_FOLLOW_ON.match(text)) or text.rstrip().endswith("?") or not parsed.visual.strip()
