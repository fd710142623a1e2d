"""Word-level helpers shared by the time, place and visual parsers.

The parsers work on the user's original text and report character spans, so that what became a
constraint can be cut out of the visual description exactly. Spans are (start, end), end exclusive.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

Span = tuple[int, int]

# Words that never start an attributive noun phrase: after "Sunday" or "2019" they mean the word was
# used as a time ("on Sunday we went"), not as part of a thing's name ("a Sunday newspaper").
FUNCTION_WORDS = frozenset("""
a about above across after afterwards again against ago all almost along also although always am among an and
another any anyway around as at away back be because been before behind being below beside besides between both
but by can could did do does doing done down during each either else even ever every except few for from further
had has have having he her here hers herself him himself his how however i if in inside instead into is it its
itself just last later least less like maybe me meanwhile might mine more most much must my myself near nearly
neither never next no nor not now of off often on once one only onto or other our ours ourselves out outside over
own perhaps possibly probably quite rather really same she should since so some sometime somewhere soon still such
than that the their theirs them themselves then there these they this those though through throughout thus till to
together too toward towards under until up upon us very was we were what whatever when whenever where whereas
wherever whether which while who whom whose why will with within without would yet you your yours yourself
i'm i'd i've i'll we're we'd we've it's was that's wasn't weren't didn't don't couldn't
think thought remember remembered recall guess believe reckon sure certain
got get went go going came come walked drove took sat stood saw met had
""".split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\.?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?;]+(?:\s+|$)|\n+")
# What may stand between a negation and what it negates, in the order it comes ("not really at the", "never been in").
_NEGATION_FILLERS = (r"(?:(?:really|actually|exactly|quite)\s+)?(?:(?:be|been)\s+)?(?:(?:at|in|on|during|near|inside)\s+)?"
                     r"(?:(?:a|an|the)\s+)?")
_NEGATION = r"(?:\b(?:not|never)|n['’]t)\s+"
_NEGATION_BEFORE = re.compile(rf"{_NEGATION}{_NEGATION_FILLERS}$", re.IGNORECASE)
# The same, with the negated phrase's own first words ("on a" of "on a Friday"): a word out of order ("not at | on a
# Friday", "not on a | in Dublin", where a word between was dropped) negates nothing.
_NEGATION_IN_ORDER = re.compile(
    rf"{_NEGATION}{_NEGATION_FILLERS}(?!(?:really|actually|exactly|quite|be|been|at|in|on|during|near|inside|a|an|the)\b)", re.IGNORECASE)


def plain(text: str) -> str:
    """Thessaloníki -> Thessaloniki: the spelling people type."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def normalize(text: str) -> str:
    """Lowercase (Greek final sigma as sigma), accents and apostrophes dropped, '&' as 'and', other punctuation as spaces."""
    text = plain(text).lower().replace("&", " and ").replace("ς", "σ").replace("ß", "ss")
    text = re.sub(r"['’`]", "", text)
    return " ".join(re.sub(r"[^0-9a-z\u03b1-\u03c9]+", " ", text).split())  # Greek letters kept: "Θεσσαλονίκη"


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, word) for each word of text[start:end]; a trailing full stop is not part of the word."""
    found = []
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        stop = match.end()
        if word.endswith(".") and len(word) > 2:  # "Sept." keeps its dot only when it is an abbreviation
            word, stop = word[:-1], stop - 1
        found.append((match.start(), stop, word))
    return found


def next_word(text: str, position: int) -> tuple[str, str]:
    """The word right after position and what separates it ('' when there is none)."""
    match = re.compile(r"(\s*[,;:]?\s*)([^\W_]+(?:['’][^\W_]+)*)", re.UNICODE).match(text, position)
    if not match:
        return "", text[position:position + 1]
    return match.group(2), match.group(1)


def previous_words(text: str, position: int, count: int = 2) -> list[str]:
    """Up to `count` words before position, lowercase, nearest last; stops at sentence punctuation."""
    before = text[max(0, position - 60):position]
    cut = max(before.rfind(mark) for mark in ".!?;\n")
    if cut >= 0:
        before = before[cut + 1:]
    return [word.lower() for word in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", before)][-count:]


def is_capitalized(word: str) -> bool:
    return bool(word) and word[0].isupper()


def sentence_start(text: str, position: int) -> bool:
    """True when only whitespace, quotes or brackets stand between the last sentence end and position."""
    before = text[:position].rstrip(" \t\"'(“‘")
    return not before or before[-1] in ".!?;:\n"


def sentences(text: str) -> list[Span]:
    """Spans of the sentences of text (terminators included)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def negation_start(text: str, position: int) -> int | None:
    """Where a negation such as "not", "wasn't", "never on a" that ends right at position begins."""
    window_start = max(0, position - 40)
    match = _NEGATION_BEFORE.search(text, window_start, position)
    if match and match.end() == position:
        in_order = _NEGATION_IN_ORDER.match(text, match.start())
        return match.start() if in_order and in_order.end() >= position else None
    return None


def overlaps(span: Span, taken: Iterable[Span]) -> bool:
    return any(span[0] < other[1] and other[0] < span[1] for other in taken)


def blank_out(text: str, spans: Iterable[Span]) -> str:
    """text with the spans replaced by spaces, so offsets into it stay offsets into the original."""
    characters = list(text)
    for start, end in spans:
        characters[start:end] = " " * (end - start)
    return "".join(characters)


def title_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of two or more capitalised words ("Saturday Night Fever", "Brazen Head").

    A sentence's first word is capitalised anyway, so it joins a run only when it is not a function
    word; "I" never does.
    """
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    previous_end = None
    for start, end, word in words(text):
        capital = is_capitalized(word) and word != "I" and not word.isdigit()
        if capital and sentence_start(text, start) and word.lower() in FUNCTION_WORDS:
            capital = False
        joined = previous_end is not None and re.fullmatch(r" +", text[previous_end:start] or "x") is not None
        if capital and current and joined:
            current.append((start, end, word))
        else:
            if len(current) >= 2:
                runs.append(current)
            current = [(start, end, word)] if capital else []
        previous_end = end
    if len(current) >= 2:
        runs.append(current)
    return runs
