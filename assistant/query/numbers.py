"""Small numbers as people write them: "two", "a couple of", "twenty-first", "3rd"."""

from __future__ import annotations

import re

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ORDINAL_UNITS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth"]
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30}

CARDINALS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
for _tens_word, _tens in _TENS.items():
    CARDINALS[_tens_word] = _tens
    for _unit in range(1, 10):
        CARDINALS[f"{_tens_word}-{_UNITS[_unit]}"] = _tens + _unit
        CARDINALS[f"{_tens_word} {_UNITS[_unit]}"] = _tens + _unit

ORDINALS: dict[str, int] = {word: value for value, word in enumerate(_ORDINAL_UNITS) if value}
ORDINALS.update(_ORDINAL_TENS)
for _tens_word, _tens in (("twenty", 20), ("thirty", 30)):
    for _unit in range(1, 10):
        ORDINALS[f"{_tens_word}-{_ORDINAL_UNITS[_unit]}"] = _tens + _unit
        ORDINALS[f"{_tens_word} {_ORDINAL_UNITS[_unit]}"] = _tens + _unit

# Vague quantities: the value people most likely mean, and how far they may be off.
VAGUE: dict[str, tuple[int, int]] = {
    "a": (1, 1), "an": (1, 1), "one": (1, 1), "a couple of": (2, 3), "couple of": (2, 3), "a couple": (2, 3),
    "a few": (2, 6), "few": (2, 6), "several": (3, 8), "some": (2, 8),
}


def _alternation(words) -> str:
    """Regex alternation, longest first so "twenty-one" wins over "twenty"."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
                    for word in sorted(words, key=len, reverse=True))


CARDINAL_PATTERN = _alternation(CARDINALS)
ORDINAL_WORD_PATTERN = _alternation(ORDINALS)
VAGUE_PATTERN = _alternation(VAGUE)


def _squash(word: str) -> str:
    return re.sub(r"[\s-]+", " ", word.strip().lower())


_CARDINALS_SQUASHED = {_squash(word): value for word, value in CARDINALS.items()}
_ORDINALS_SQUASHED = {_squash(word): value for word, value in ORDINALS.items()}
_VAGUE_SQUASHED = {_squash(word): value for word, value in VAGUE.items()}


def cardinal(word: str) -> int | None:
    """'two' -> 2, '12' -> 12, 'twenty one' -> 21; None when it is not a number."""
    word = _squash(word)
    if word.isdecimal():
        return int(word)
    return _CARDINALS_SQUASHED.get(word)


def ordinal(word: str) -> int | None:
    """'3rd' -> 3, 'twenty-first' -> 21, '18' -> 18; None when it is not a day number."""
    word = _squash(word)
    digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word)
    if digits:
        return int(digits.group(1))
    return _ORDINALS_SQUASHED.get(word)


def quantity(word: str) -> tuple[int, int] | None:
    """How many, as (low, high): 'two' -> (2, 2), 'a few' -> (2, 6)."""
    squashed = _squash(word)
    if squashed in _VAGUE_SQUASHED:
        return _VAGUE_SQUASHED[squashed]
    value = cardinal(squashed)
    return None if value is None else (value, value)
