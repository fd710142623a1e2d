"""Whether a text asks a question at all: the interrogative head, after any lead-in, and the form it takes.

A question opens with an interrogative head, after any fillers, hedges or asking words ("so", "roughly",
"on average", "I'd like to know", "can you tell me"): a wh-word that an auxiliary or the noun it asks
about follows ("when did I", "which city did", "how many people were", "what colour was"), an
auxiliary and "I" ("did I ever ..."), or an imperative ("name the film", "list the cities", "give me the
number of", "find the name of"). A remembered moment opens otherwise ("when I was at the beach", "where the
street meets the river", "what a view", "the time I ...", "which team was playing I forget") and is never read
as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .question_words import (
    ASKED, AUX, BOUNDARY, CLAUSE_OPENERS, DETERMINERS, FLAGS, FORGOTTEN, FOUND, GIVEN, HOW_KINDS, IMPERATIVE, LEAD,
    MEMORY_START, MODAL, MOMENT_NOUNS, NOUN_ENDS, NOUN_PREPOSITIONS, NOW_ANCHOR, PER_UNITS, PHOTOS_ASKED, PREPOSITION,
    RECALLING, SENTENCE_END, TOKEN, WH, WH_WORD,
)


@dataclass(frozen=True)
class Opening:
    """Where a question's head starts, after its lead-in, and which form it takes."""

    lead: int  # where the lead-in ("so, roughly", "I'd like to know") starts
    head: int  # where the interrogative head starts
    form: str  # "wh", "yes-no", "whether", "imperative", "noun" ("tell me the name of ...")
    tokens: tuple[tuple[int, int, str], ...]  # the words from the head on: (start, end, lowercase word)


def find_opening(text: str) -> Opening | None:
    """The question's head: at the start (after an "assuming today is ..." anchor and any lead-in), or in the last
    sentence after a scope phrase ("On my birthday, where did I ..."), where after a comma only a head that cannot
    relate back counts ("where did I", not "where was the car"), unless a "?" ends the text."""
    marked = text.rstrip().endswith("?")
    start = 0
    anchor = NOW_ANCHOR.match(text.strip())
    if anchor:
        start = len(text) - len(text.lstrip()) + anchor.end()
    opening = _opening_at(text, start, strict=False, marked=marked)
    if opening:
        return opening
    # After a scope phrase, a question ends the text: "It was raining. How long did it rain? All afternoon." muses
    # within a remembered moment; "I went to Paris twice. When was the first time?" asks.
    last_sentence = max((match.start() for match in SENTENCE_END.finditer(text.rstrip())), default=0)
    boundaries = [match for match in BOUNDARY.finditer(text, max(start, last_sentence)) if match.end() < len(text)]
    for boundary in boundaries:  # a new sentence may ask anything; a phrase after a comma may relate to what came before
        opening = _opening_at(text, boundary.end(), strict=boundary.group(1) not in ".!?", marked=marked)
        if opening:
            return opening
    if marked and not MEMORY_START.match(text):
        # "At the beach, where was the umbrella?" asks; so does "on the day I flew to Lisbon what did I eat?" without
        # a comma, but "a red car which was parked outside?" only describes
        heads = [(boundary.end(), False) for boundary in boundaries]
        heads += [(match.start(), True) for match in WH_WORD.finditer(text, max(start, last_sentence))]
        return next((opening for head, strict in heads if (opening := _opening_at(text, head, strict, marked))), None)
    return None


def _opening_at(text: str, position: int, strict: bool, marked: bool) -> Opening | None:
    lead = LEAD.match(text, position)
    # an asking phrase may look past the lead-in: "show me | how many times"
    asked = any(match.end() <= lead.end() for match in ASKED.finditer(text, position))
    asked = asked and not re.search(r"\babout\W*$", lead.group(), FLAGS)
    strict = strict and not asked  # "In Rome, can you tell me which hotel I stayed in": asking never relates back
    tokens = tuple((m.start(), m.end(), m.group().lower().replace("’", "'")) for m in TOKEN.finditer(text, lead.end(), min(len(text), lead.end() + 200)))
    tokens = _split_contractions(tokens)
    if not tokens:
        return None
    head = tokens
    if len(head) > 1 and head[0][2] in PREPOSITION and head[1][2] in WH:  # "in which city", "for how long"
        head = head[1:]
    words = tuple(word for _, _, word in head[:12])
    form = _form(words, asked, strict)
    if form is None and marked and not strict and words[:1] == ("who",) and words[1:2] and words[1] not in CLAUSE_OPENERS | DETERMINERS:
        form = "wh"  # "who sat next to me?": "who" is the subject; "who brought the blanket I don't know" remembers
    if form is None or form == "noun" and RECALLING.search(lead.group()) and words[1:2] and words[1] in MOMENT_NOUNS:
        return None  # "I'm trying to remember the time I ..." looks for a moment
    if not marked and FORGOTTEN.match(text, head[0][0]):
        return None  # "which team was playing I forget": what the memory cannot say, not a question
    return Opening(position, tokens[0][0], form, head)


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
    if not strict and first == "find" and second == "the" and given in FOUND and words[3:4] == ("of",):
        return "imperative"  # "find the name of the café"; "find the time when I ..." remembers
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
        elif index and word in MODAL and words[index - 1] in NOUN_PREPOSITIONS:
            index += 1  # "which day in May": the month, not the modal
        elif word in NOUN_ENDS or word in DETERMINERS and (index == 0 or words[index - 1] not in NOUN_PREPOSITIONS | {"of"}):
            break
        else:
            index += 1
    return words[index:]
