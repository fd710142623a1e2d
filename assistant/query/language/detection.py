"""Which languages a message is written in, by its script and a vote of frequent words: cheap (a few
microseconds), and English unless another language clearly outvotes it, so English parsing never changes.

A message that mixes languages ("Coffee in München letzten Sonntag um 8 Uhr") gets every language with
words in it: its tables are all read, the first winning a word both know."""

from __future__ import annotations

import functools
import re

from ..text import FUNCTION_WORDS
from . import grammar
from .phrases import PHRASES
from .tables import key, language_table

_WORD = re.compile(r"[^\W\d_]+")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
# A language's own characters: a word with one of them is not English.
_LETTERS = {"de": "äöüß", "fr": "éèêàçùœëïî", "es": "ñ¿¡áéíóú", "it": "àèéìòù", "pt": "ãõçáâêôéíóú",
            "nl": ""}  # Dutch has no letters of its own that the others lack: its words tell it
# A language's frequent words and the one-word time words of its grammar ("Weihnachten", "scorsa"), less English ones.
_NOT_TELLING = FUNCTION_WORDS | {"film", "winter", "weekend", "die", "war", "fine", "era", "no", "o", "e", "i", "a", "an", "ore",
                                  "mi", "mid", "horas", "semana", "dove", "tempo", "com"}


def _question_words(language: str) -> set[str]:
    """The words its questions open with ("wie", "oft", "quantas", "vezes"): "Quanto tempo fiquei em Lisboa?" is Portuguese."""
    phrases = list(grammar.QUESTION_OPENINGS.get(language, {})) + list(grammar.QUESTION_WORDS_ASKED.get(language, {}))
    return {word for phrase in phrases for word in _WORD.findall(phrase)}
_STOP_KEYS = {language: frozenset(key(word) for word in set(words) | {phrase for phrase in PHRASES.get(language, {})
                                                                     if " " not in phrase} | set(grammar.NUMBERS.get(language, []))
                                  | set(grammar.LAST_AFTER.get(language, [])) | _question_words(language) if word not in _NOT_TELLING)
              for language, words in grammar.STOP_WORDS.items()}
_ENGLISH = frozenset(grammar.ENGLISH_STOP_WORDS)


@functools.cache
def _calendar_words() -> dict[str, frozenset[str]]:
    """Month, weekday and country names of each language, from CLDR (Babel), and its grammar's time words: loaded on
    the first message with a word of another language, about 100 ms."""
    from babel import Locale

    english = {key(word) for name in Locale.parse("en").territories.values() for word in _WORD.findall(name)}
    found = {}
    for language in _LETTERS:
        locale = Locale.parse(language)
        countries = [name for code, name in locale.territories.items() if code.isalpha()
                     and not english & {key(word) for word in _WORD.findall(name)}]
        names = list(locale.months["format"]["wide"].values()) + list(locale.days["format"]["wide"].values()) + countries
        # and the grammar's one-word time words of its own: "Freitagmorgen", "Weihnachten", "mezzanotte"
        names += [words[0] for words, entry in language_table(language).phrases.items() if len(words) == 1 and entry.kind in _TIME_KINDS]
        found[language] = frozenset(key(word) for name in names for word in _WORD.findall(name)
                                    if key(word) not in _NOT_TELLING and key(word) not in _ENGLISH_NAMES and key(word) not in _ENGLISH)
    return found


_TIME_KINDS = ("month", "weekday", "season", "holiday", "part")
# Names that are also English ("April", "August") tell nothing.
_ENGLISH_NAMES = frozenset("april august september november december".split())


def _votes(words: list[str], vocabulary) -> dict[str, float]:
    """Each language's vote: its words in the message, and half a vote per word with one of its own letters."""
    votes = {}
    for language, letters in _LETTERS.items():  # Greek is told by its script
        known = vocabulary(language)
        votes[language] = (sum(1 for word in words if key(word) in known)
                           + sum(1 for word in words if any(ch in letters for ch in word)) / 2)
    return votes


def detect_languages(text: str) -> tuple[str, ...]:
    """The languages of a message, most words first; ("en",) for English and whenever nothing outvotes it."""
    if _GREEK.search(text or ""):
        words = _WORD.findall(text)
        greek = sum(1 for word in words if _GREEK.match(word))
        return ("el",) if greek * 2 >= len(words) else ("el", "en")
    words = [word.lower() for word in _WORD.findall(text or "") if len(word) > 1 or not word.isascii()]
    if not words:
        return ("en",)
    english = sum(1 for word in words if word in _ENGLISH)
    telling = [word for word in words if word not in _ENGLISH and word not in FUNCTION_WORDS]
    votes = _votes(telling, lambda language: _STOP_KEYS[language])
    if any(votes.values()):  # a word of another language: its month, weekday and country names count too (CLDR, loaded once)
        votes = _votes(telling, lambda language: _STOP_KEYS[language] | _calendar_words()[language])
    ranked = sorted((language for language in votes if votes[language] >= 1.5), key=lambda language: -votes[language])
    if not ranked:
        return ("en",)
    if votes[ranked[0]] > english:
        return tuple(ranked[:2])
    return ("en",) + tuple(ranked[:1]) if votes[ranked[0]] >= 2 and votes[ranked[0]] * 2 >= english else ("en",)


def language_name(code: str) -> str:
    """ "de" -> "German", by CLDR (Babel); the code itself for one it does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).english_name or code
    except (ValueError, UnknownLocaleError):
        return code
