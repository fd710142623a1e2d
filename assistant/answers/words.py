"""What the evidence photos say, as candidate answers: text read (OCR, quoted in captions), colours, objects,
people one was with, sums of money and weights.

Each reader takes the photos of one visit and which of them show the subject, and returns a Counter of
candidate values. Text read is weighed by how particular it is to this visit (a word on every photo of
the library, "EXIT", says nothing) and by whether the photo showing it is one that shows the subject: the
beer's label, not the gate number on the wall behind it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

import numpy as np

from ..core.words import concept_key, folded, terms

COLOURS = (
    "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "grey", "gray", "silver",
    "gold", "beige", "navy", "turquoise", "maroon", "cream", "violet", "teal",
)
_COLOUR = re.compile(rf"\b({'|'.join(COLOURS)})\b", re.IGNORECASE)
COLOUR_WORDS = frozenset(COLOURS)
COLOUR_NEAR_WORDS = 2  # a colour this many words (stop words aside) from the thing is likely its colour
# Double quotes of any kind; single quotes only around words (an apostrophe inside "man's" is no quote).
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{2,60})[\"“”«»]|(?<![\w])['‘]([^'‘’\n]{2,60}?)['’](?![\w])")
# Labels too generic to be what someone ate, bought or held, and times ("had a great night").
_GENERIC = frozenset(concept_key(word) for word in "person people man woman table chair room wall floor indoor outdoor photo picture view "
                     "breakfast brunch lunch dinner supper meal food snack drink morning afternoon evening night day week weekend "
                     "time".split())
# What food and drink come in: "a plate of ramen", "a cup of coffee" say what was eaten or drunk; a bowl or a cup
# detected or tagged says only that something was in it, and is never itself the answer.
CONTAINERS = "plate bowl cup mug glass pint slice piece box bag bottle pot basket tray serving portion can".split()
_CONTAINER_KEYS = frozenset(concept_key(word) for word in CONTAINERS)
_CONTAINED = re.compile(rf"\b(?:{'|'.join(CONTAINERS)})s?\s+of\s+"
                        r"((?:(?!(?:with|on|at|in|next|for|a|an|the|and\s+(?:a|an|the|some))\b)[a-z]+\s*){1,4})", re.IGNORECASE)


def _object_of(verbs: str) -> re.Pattern:
    """What follows one of these verbs (a|b|c), up to four words, before a word that ends the thing ("with", "for")."""
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:a|an|the|some|my|our|two|three|four|\d+)\s+)?"
                      r"((?:(?!(?:with|for|at|in|on|to|from|tonight|today|yesterday|again|before|after|while|then|but|so|we|i)\b)"
                      r"[a-z][a-z'-]*\s*){1,4})", re.IGNORECASE)


# "made a Thai green curry", "bought apples and milk", "had a pizza": what a diary or caption says was made, bought or eaten.
_DONE_WITH = _object_of(r"made|make|cooked|cook|baked|ate|eat|had|bought|buy|ordered|drank|tried|picked\s+up|grabbed|got|"
                        r"trying\s+on|tried\s+on|wearing|holding|carrying|eating|drinking|buying|cooking|making")
# "cooked dal for the week", "we made tacos": what a diary says was cooked.
_COOKED = _object_of(r"made|make|making|cooked|cook|cooking|baked|bake|baking|roasted|prepared")
# "Shopping: bread and coffee", "Dinner: lasagne": a diary's list after a heading.
_HEADED = re.compile(r"^\s*[A-Za-z]+(?:\s+[A-Za-z]+)?\s*:\s*([^.;!?]{2,60})")
# A captioner's "a crab omelette on a plate", "noodles in a bowl": the thing the caption begins with, served in something.
_SERVED = re.compile(r"^\s*(?:(?:a|an|some|two|three)\s+)?((?:(?!(?:man|woman|person|people|table|plate|bowl)\b)[a-z]+\s+){0,2}?"
                     r"(?!(?:man|woman|person|people|table|plate|bowl)\b)[a-z]+)\s+(?:on|in)\s+(?:a|an|the)\s+"
                     r"(?:plate|bowl|tray|dish|board|pan|pot|basket|box|cup|mug|glass)\b", re.IGNORECASE)
SAID_WEIGHT = 3.0  # what the words say was made or eaten counts this much more than a tag or a detection
# Spellings of a number matter only when the question asks for one.
NUMBER_WORDS = frozenset(terms("number numbers price cost costs paid pay code plate score how much gate platform seat room route"))
NUMBER_ASKED_WEIGHT = 2.0  # a string with a number in it counts this much more when a number is asked
SUBJECT_PHOTO_WEIGHT = 2.0  # a string on a photo that shows the subject counts this much more
SAME_SIGN_RATIO = 0.85  # words this alike (difflib's ratio) are one word, misread ...
SAME_SIGN_LETTERS = 4  # ... when they are this long ("GATE 12" and "GATE 7" stay two)


# People: a photo shows them by their name or their face, never by a word close in meaning ("sister" is close to "brother").
PEOPLE = frozenset(terms(
    "sister brother mother mum mom father dad parent cousin aunt uncle wife husband partner girlfriend boyfriend grandma "
    "grandpa grandmother grandfather grandparent niece nephew son daughter baby kid child children friend colleague boss "
    "neighbour neighbor roommate flatmate classmate"))
# "pho w/ Sam and Mia", "lunch with my sister, Ana": who one was with, as a diary says it.
_WITH = re.compile(r"\b(?:with|w/)\s+((?:my\s+|our\s+)?[^\W\d_][\w'-]*(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:my\s+|our\s+)?[^\W\d_][\w'-]*)*)",
                   re.IGNORECASE)
_ONE_OF = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*", re.IGNORECASE)
# A sum of money as written: a currency sign or code with a number, or a number with cents ("8.50"); "JL 773" and
# "GATE 12" are none.
_AMOUNT = re.compile(r"[$€£¥₹]\s?\d[\d,]*(?:[.,]\d{1,2})?|\b\d[\d,]*[.,]\d{2}\b|"
                     r"\b\d[\d,]*(?:[.,]\d{1,2})?\s?(?:EUR|USD|AUD|GBP|JPY|CHF|NZD|CAD|euros?|dollars?|pounds?|yen)\b")


def people_named(photos: list[dict], subject: list[str]) -> Counter:
    """Whom a caption says one was with ("pho w/ Sam and Mia", "with my sister"): names and people words, besides the
    question's own; what a "who" question reads, as nothing seen (a tv, a racquet) is a person."""
    found: Counter = Counter()
    for photo in photos:
        for match in _WITH.finditer(photo.get("caption", "")):
            for said in _ONE_OF.split(match.group(1)):
                name = re.sub(r"^(?:my|our)\s+", "", said, flags=re.IGNORECASE)
                keys = terms(name)
                if keys and keys[0] not in subject and (name[0].isupper() or keys[0] in PEOPLE):
                    found[name] += 1
    return found


# A weight as written ("3.4 kg", "7lb 8oz" is read as its pounds), and each unit in kilograms.
_WEIGHT = re.compile(r"\b(\d+(?:[.,]\d+)?)\s?(kg|kgs|kilos?|kilograms?|g|grams?|lbs?|pounds?)\b", re.IGNORECASE)
_KILOGRAMS = {"kg": 1.0, "kgs": 1.0, "kilo": 1.0, "kilos": 1.0, "kilogram": 1.0, "kilograms": 1.0, "g": 0.001, "gram": 0.001,
              "grams": 0.001, "lb": 0.4536, "lbs": 0.4536, "pound": 0.4536, "pounds": 0.4536}


def weights_written(photos: list[dict], subject: list[str]) -> Counter:
    """Weights written with the one asked about, in kilograms ("Mia is here! 3.4 kg" -> 3.4 for Mia); with no one
    named, any weight written."""
    wanted = {folded(word) for word in subject}
    found: Counter = Counter()
    for photo in photos:
        for text in (photo.get("caption") or "", photo.get("ocr_text") or ""):
            if not wanted or wanted & {folded(word) for word in terms(text)}:
                found.update(round(float(number.replace(",", ".")) * _KILOGRAMS[unit.lower()], 3) for number, unit in _WEIGHT.findall(text))
    return found


def amounts(photos: list[dict], subject: list[str]) -> Counter:
    """Sums of money written with the thing asked ("Pho tai 8.50" on a menu, "new umbrella, €12"), in one string of a
    sign or one caption: a price elsewhere on the photo (a café's "COFFEE €3.50" at the airport) is not its price."""
    wanted = {folded(word) for word in subject}
    found: Counter = Counter()
    for photo in photos:
        strings = OCR_SEGMENTS.split(photo.get("ocr_text") or "") + [photo.get("caption") or ""]
        for text in strings:
            if wanted & {folded(word) for word in terms(text)}:
                found.update(_AMOUNT.findall(text))
    return found


_SPELLED = {word: number for number, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())}
_NUMBER_BEFORE = re.compile(r"\b(\d{1,5}|" + "|".join(_SPELLED) + r")\s+((?:[^\W\d_]+\s+)?[^\W\d_]+)", re.IGNORECASE)


def written_count(photo: dict, key: str) -> int | None:
    """The most of a thing the photo's words say there were ("Swam 60 lengths", "two coffees", "3 large pizzas"),
    key: the thing as concept_key has it; None when no number is written before it."""
    said = [int(number) if number.isdigit() else _SPELLED[number.lower()]
            for text in [photo.get("caption", ""), photo.get("ocr_text", "")]
            for number, following in _NUMBER_BEFORE.findall(text or "") if key in terms(following)]
    return max(said) if said else None


# A sign's separate strings, as OCR returns them ("CINEMA NOVA  ADMIT ONE  ENCANTO  WiFi"): a reading never runs across two.
OCR_SEGMENTS = re.compile(r"\s{2,}|\n|\s\|\s")


def texts_read(photo: dict) -> list[str]:
    """The text read in a photo: its OCR, and words quoted in its caption."""
    quoted = [first or second for first, second in _QUOTED.findall(photo.get("caption", ""))]
    return [text for text in [photo.get("ocr_text", "")] + quoted if text.strip()]


def words_read(photos: list[dict], shows_subject: list[bool], rarity, wants_number: bool, asked: set[str]) -> Counter:
    """Strings read in a visit's photos, each the run of particular words around the most particular one.

    rarity(key) -> weight of an indexed word (its idf in the library); asked: the question's own words, never the answer.
    """
    scored: Counter = Counter()
    lines: list[list[str]] = []
    for photo, on_subject in zip(photos, shows_subject):
        segments = [segment.split() for text in texts_read(photo) for segment in OCR_SEGMENTS.split(text)]
        lines += [tokens for tokens in segments if tokens]
        for key, token in {token.lower(): token for tokens in segments for token in tokens}.items():  # "PHỞ" and "Phở": once a photo
            scored[key] += _token_weight(token, rarity, wants_number, asked) * (SUBJECT_PHOTO_WEIGHT if on_subject else 1.0)
    found: Counter = Counter()
    spelling: dict[str, str] = {}
    for tokens in lines:
        value = _run_around_best(tokens, scored)
        if value:
            spelling.setdefault(value.lower(), value)
            numbered = wants_number and any(character.isdigit() for character in value)  # "which route": "501 QUEEN", not "NEXT STOP"
            found[spelling[value.lower()]] += max(scored[token.lower()] for token in value.split()) * (NUMBER_ASKED_WEIGHT if numbered else 1.0)
    return found


def alike(first: str, second: str) -> bool:
    """Two words one of which may be the other misread by OCR ("FRANKFUT", "FRANKFURT")."""
    matcher = SequenceMatcher(None, first, second)  # the bound from the lengths alone first: most pairs stop there
    return matcher.real_quick_ratio() >= SAME_SIGN_RATIO and matcher.ratio() >= SAME_SIGN_RATIO


def _token_weight(token: str, rarity, wants_number: bool, asked: set[str]) -> float:
    """How much a token read may be the answer: its rarity; nothing for the question's own words, however misread."""
    keys = terms(token)
    if not keys or len(token) < 2 or keys[0] in asked or (
            len(keys[0]) >= SAME_SIGN_LETTERS and any(alike(keys[0], word) for word in asked if len(word) >= SAME_SIGN_LETTERS)):
        return 0.0
    weight = rarity(keys[0])
    return weight * 0.5 if any(ch.isdigit() for ch in token) and not wants_number else weight


def _run_around_best(tokens: list[str], scored: Counter) -> str:
    """The best token of a line and its neighbours that are nearly as particular ("THE LAST HARBOUR", not "GATE 12")."""
    weights = [scored[token.lower()] for token in tokens]
    if not weights or max(weights) <= 0:
        return ""
    best = int(np.argmax(weights))
    script = _script(tokens[best])  # a sign in two languages is two strings: "BARILLA", not "BARILLA ΠΡΟΣΦΟΡΑ"
    keep = [weight >= 0.5 * weights[best] and _script(token) in (script, "") for token, weight in zip(tokens, weights)]
    start, end = best, best + 1
    while start > 0 and (keep[start - 1] or (not terms(tokens[start - 1]) and start > 1 and keep[start - 2])):
        start -= 1
    while end < len(tokens) and (keep[end] or (not terms(tokens[end]) and end + 1 < len(tokens) and keep[end + 1])):
        end += 1
    if start > 0 and not terms(tokens[start - 1]):  # a leading article belongs to a title: "THE LAST HARBOUR"
        start -= 1
    return " ".join(tokens[start:end])


def _script(token: str) -> str:
    """The writing system of a token's first letter ("LATIN", "GREEK", "CJK"...; "" for digits and signs)."""
    letter = next((ch for ch in token if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def colours(photos: list[dict], subject: list[str]) -> Counter:
    """Colour words said of a subject word in the photos' captions and tags ("a red car"): another colour in
    the same photo is someone else's."""
    found: Counter = Counter()
    wanted = set(subject)
    for photo in photos:
        text = " ".join(photo.get(column, "") for column in ("caption", "tags", "objects"))
        for match in _COLOUR.finditer(text):
            following = terms(text[match.end():match.end() + 40])[:2]
            if set(following) & wanted:
                found[match.group(1).lower().replace("gray", "grey")] += 1
    return found


def cooked_things(caption: str) -> list[str]:
    """What a caption says was cooked, made or baked ("Made risotto, pretty good" -> "risotto")."""
    return [thing for match in _COOKED.findall(caption) if terms(thing := _trimmed(match))]  # "made it": no thing


def colours_near(photos: list[dict], subject: list[str], owners: set[str] = frozenset()) -> Counter:
    """Colour words written a word or two from a subject word in a caption, on either side ("painted the front door
    green", "the new car - a blue Mazda", "New racquet! a red Wilson"): weaker than "a red car", which says whose
    colour it is; only the nearest colour of each photo counts. Owners ("Sam" of "Sam's car") must be written as
    near: "the new car - a blue Mazda. Sam loves it" says nothing of Sam's car."""
    found: Counter = Counter()
    things_asked = set(subject) - set(owners)
    for photo in photos:
        words = terms(photo.get("caption", ""))

        def distance(at: int, wanted: set[str]) -> int:
            return min((abs(at - other) for other, word in enumerate(words) if word in wanted and other != at), default=len(words))
        near = [(distance(at, things_asked), word) for at, word in enumerate(words) if word in COLOUR_WORDS
                and all(distance(at, {owner}) <= COLOUR_NEAR_WORDS for owner in owners)]
        near = [(far, word) for far, word in near if far <= COLOUR_NEAR_WORDS]
        if near:
            found[min(near)[1].replace("gray", "grey")] += 1
    return found


def said_things(caption: str) -> list[str]:
    """What a caption says was made, bought, eaten or held: "made a Thai green curry", "a plate of ramen", "Dinner: lasagne",
    "a crab omelette on a plate"."""
    return [_trimmed(match) for pattern in (_DONE_WITH, _CONTAINED, _HEADED, _SERVED) for match in pattern.findall(caption)]


def things(photos: list[dict], subject: list[str], rarity, known: re.Pattern | None = None) -> Counter:
    """What was on the plate, in the basket or in the pot: what a caption or diary says was made, bought or eaten
    ("made a Thai green curry", "a plate of ramen"), or names that the library's other captions say so of ("dal
    night", where "made dal" is written elsewhere: `known`), then tags and detected objects, each weighed by how
    particular it is to this library (rarity(key): its idf; "bottle" and "shop" are everywhere), besides what the
    question names, generic labels, and containers seen but not said ("a bowl" of what?)."""
    found: Counter = Counter()
    excluded = set(subject) | _GENERIC
    for photo in photos:
        caption = photo.get("caption", "")
        said = [_known_within(thing, known) for thing in said_things(caption)]
        said += [match.lower() for match in (known.findall(caption) if known is not None and not said else ())]
        labels = said + [label.strip() for label in photo.get("tags", "").split(",")]
        labels += [re.sub(r"^\d+\s+", "", label.strip()) for label in photo.get("objects", "").split(",")]
        for label in dict.fromkeys(label for label in labels if label):
            key = concept_key(label)
            if not key or set(key.split()) & excluded or label.lower() in COLOURS:
                continue
            if label in said or key.split()[-1] not in _CONTAINER_KEYS:
                found[label.lower()] += (SAID_WEIGHT if label in said else 1.0) * rarity(key.split()[-1])
    return found


def _known_within(thing: str, known: re.Pattern | None) -> str:
    """ "new risotto recipe" is risotto, when the library's other captions say risotto was made; a known thing, or a
    list of several ("bread and coffee"), stays whole."""
    found = {match.lower() for match in known.findall(thing)} if known is not None else set()
    return found.pop() if len(found) == 1 and not known.fullmatch(thing) else thing


def _trimmed(phrase: str) -> str:
    return " ".join(phrase.lower().split())
