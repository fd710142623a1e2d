"""Words as the program compares them: indexable terms, concept keys, regular plurals.

BM25, the library's label counts, the enrichment steps and the query's concept filters all read words
the same way, so the rules live here, below all of them.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
_STOPWORDS = frozenset(
    """a an and are as at be been being but by for from had has have he her him his i in into is it its me my
    of on or our she so some than that the their them then there these they this those to up was we were
    what when where which while who will with you your""".split()
)


def _stem(word: str) -> str:
    """A deliberately small stemmer: possessives and plurals, so "cups" finds "cup" and "bus's" finds "bus"."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """The words of a text, lower-cased, in order, stop words and possessives kept ("my", "sister's")."""
    return _WORD.findall(text.lower())


def terms(text: str) -> list[str]:
    """The indexable words of a text, lower-cased, stop words dropped, lightly stemmed."""
    return [_stem(word) for word in tokens(text) if word not in _STOPWORDS]


def folded(word: str) -> str:
    """A word without its accents, as words are compared here ("café", "Café" and "cafe" are one)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def concept_key(label: str) -> str:
    """A concept name as tags, detections and queries compare it: its indexable words ("Cups" -> "cup")."""
    return " ".join(terms(label))


def plural(label: str, count: int) -> str:
    """"cup", 2 -> "cups" (the regular forms; the inverse of the stemmer above)."""
    if count == 1:
        return label
    if label.endswith(("s", "x", "ch", "sh")):
        return label + "es"
    return label[:-1] + "ies" if label.endswith("y") and label[-2:-1] not in "aeiou" else label + "s"
