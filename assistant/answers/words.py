"""What the evidence photos say, as candidate answers: words read (OCR, quoted in captions), colours, objects."""

from __future__ import annotations

import re
from collections import Counter

from ..words import concept_key, terms

COLOURS = (
    "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "grey", "gray", "silver",
    "gold", "beige", "navy", "turquoise", "maroon", "cream", "violet", "teal",
)
_COLOUR = re.compile(rf"\b({'|'.join(COLOURS)})\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“']([^\"”']{2,60})[\"”']")
# Labels too generic to be what someone ate, bought or held.
_GENERIC = frozenset(concept_key(word) for word in "person people man woman table chair room wall floor indoor outdoor photo picture".split())


def words_read(photos: list[dict]) -> Counter:
    """Text read in the photos (OCR lines, words quoted in captions), counted case-insensitively."""
    found: Counter = Counter()
    spelling: dict[str, str] = {}
    for photo in photos:
        for text in [photo.get("ocr_text", "")] + _QUOTED.findall(photo.get("caption", "")):
            text = " ".join(text.split())
            if text:
                spelling.setdefault(text.lower(), text)
                found[spelling[text.lower()]] += 1
    return found


def colours(photos: list[dict], subject: list[str]) -> Counter:
    """Colour words in the photos' captions and tags; one just before a subject word ("a red car") counts triple."""
    found: Counter = Counter()
    for photo in photos:
        text = " ".join(photo.get(column, "") for column in ("caption", "tags", "objects"))
        for match in _COLOUR.finditer(text):
            colour = match.group(1).lower().replace("gray", "grey")
            following = terms(text[match.end():match.end() + 40])[:2]
            found[colour] += 3 if set(following) & set(subject) else 1
    return found


def things(photos: list[dict], subject: list[str]) -> Counter:
    """Tags and detected objects of the photos, besides what the question already names and generic labels."""
    found: Counter = Counter()
    excluded = set(subject) | _GENERIC
    for photo in photos:
        labels = [label.strip() for label in photo.get("tags", "").split(",")]
        labels += [re.sub(r"^\d+\s+", "", label.strip()) for label in photo.get("objects", "").split(",")]
        for label in dict.fromkeys(label for label in labels if label):
            key = concept_key(label)
            if key and not set(key.split()) & excluded and label.lower() not in COLOURS:
                found[label.lower()] += 1
    return found
