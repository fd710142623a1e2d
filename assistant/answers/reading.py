"""Answers read from the evidence photos: text (a sign, a title, a brand), a colour, a thing, a count of things.

Each visit is read on its own (its matching photos first, then the rest of the stay, where the sign may
be), the most recent visits first; the visits' readings are then put together as any value is. When the
words say nothing and a VQA model is at hand, the visit's best photos are asked: a model's reading is at
most likely, never sure. What is asked decides what may answer: a person ("who") is a name the captions
give, a price a sum written with the thing, a weight one written beside the name; nothing else stands in.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Callable
from functools import partial

import numpy as np

from ..core.words import concept_key, plural, terms
from ..library import Library
from .answer import Answer
from .categories import grocery_list_rows
from .context import MAX_EVIDENCE, Context, unsure_text
from .word_rows import activity_rows, word_photos
from .names import asked_labels, asked_noun, labelled_codes, looks_misread, sign_name
from .subject import asks_average, asks_beginning, asks_money, asks_weight, asks_who, detected_as, spelled_only
from .visits import Group, visits
from .words import (NUMBER_WORDS, SAME_SIGN_LETTERS, alike, amounts, colours, colours_near, people_named, said_things, things, weights_written,
                    words_read, written_count)

VISIT_PHOTOS_READ = 200  # the words of at most this many photos per visit are read ...
MAX_VISITS_READ = 60  # ... of at most this many visits, the most recent
PHOTOS_ASKED = 4  # the best few evidence photos of a visit are asked by a VQA model

REASONS_SHOWN = 6  # the written numbers a reasoning lists before "and N more"
CLEAR_READ_RATIO = 1.5  # a visit's string is read surely when it outweighs the next by this much
MISREAD_COMMONER = 4  # a word this many times as common as one a letter apart is what OCR misread


def ocr_answer(context: Context) -> Answer:
    """Text read in the visits; "the name of the vet": the sign that says "VET" is the name, whole."""
    if asks_money(context.parsed.text):
        return _price_answer(context)
    rarity = _rarity(context.library)
    asked = set(terms(context.parsed.text))
    wants_number = bool(NUMBER_WORDS & asked)
    noun = asked_noun(context.parsed)
    labels = asked_labels(context.parsed.text)  # "what seat did I have": only a code printed after "SEAT" says it
    if labels and (labelled := _labelled(context, labels)) is not None:
        return labelled

    def reader(photos: list[dict], shows: list[bool]) -> Counter:
        if labels:
            return Counter(code for photo in photos for code in labelled_codes(photo.get("ocr_text") or "", labels))
        signs = Counter(name for photo in photos if (name := sign_name(photo.get("ocr_text") or "", noun))) if noun else Counter()
        return signs or words_read(photos, shows, rarity, wants_number, asked)
    if wants_number:  # a notice with a number ("B7", "GATE 12") weighs as much as the seat or the route: never sure
        return _read(context, reader, "read at", "likely", "a number was asked, and a string with one counts more, as a notice's may")
    return _read(context, reader, "read at")


def _labelled(context: Context, labels: set[str]) -> Answer | None:
    """ "What seat did I have on the flight", "which gate": a code printed after the label ("SEAT 19D") on the day of
    each visit, up to its end (the boarding pass is photographed at the airport, before the plane); None when no photo
    prints one. Likely: a ticket of that day may be another journey's."""
    library = context.library
    marked = np.logical_or.reduce([word_photos(library, label) for label in sorted(labels)])
    found, groups = [], context.groups[-MAX_VISITS_READ:]
    for group in groups:
        day_began = library.utc_seconds[group.first_row] - library.local_seconds[group.first_row] % 86400
        first = int(np.searchsorted(library.utc_seconds[:group.first_row + 1], day_began))
        rows = first + np.flatnonzero(marked[first:group.last_row + 1])
        values = [next(iter(labelled_codes(photo.get("ocr_text") or "", labels)), "") for photo in library.records(rows)]
        value = _top(Counter(value for value in values if value))
        found.append((value, [int(row) for row, said in zip(rows, values) if value and said == value]))
    if not any(value for value, _ in found):
        return None
    printed = "', '".join(sorted(label.upper() for label in labels))
    return context.valued(found, "written at", "likely", f"printed after '{printed}' that day, which may be another journey's ticket", groups)


def colour_answer(context: Context) -> Answer:
    """A colour said of the thing ("a red car"); else one written a word or two from it ("the car - a blue Mazda"),
    likely; else the VQA model's reading, when there is one."""
    said = _read(context, lambda photos, shows: colours(photos, context.subject), "at", ask_model=False)
    if said.value is not None:
        return said
    owners = spelled_only(context.parsed.text) & set(context.subject)  # "Sam's car", "Mia's raincoat"
    return _read(context, lambda photos, shows: colours_near(photos, context.subject, owners), "at", "likely",
                 "the colour is written near the thing, not said of it")


def object_answer(context: Context) -> Answer:
    if asks_money(context.parsed.text):
        return _price_answer(context)
    if asks_who(context.parsed.text):
        return _read(context, lambda photos, shows: people_named(photos, context.subject), "at", "likely",
                     "read from whom the captions say you were with", ask_model=False)
    rarity, known = _rarity(context.library), _known_things(context.library)
    return _read(context, lambda photos, shows: things(photos, context.subject, rarity, known), "at", "likely",
                 "read from captions, tags and detected objects, which name things loosely")


def _price_answer(context: Context) -> Answer:
    """ "How much did it cost": a sum of money written in the visits' photos, likely (a menu's price is not the bill)."""
    return _read(context, lambda photos, shows: amounts(photos, context.subject), "read at", "likely",
                 "a sum written in the photos, which may not be what was paid", ask_model=False)


def _weight_answer(context: Context) -> Answer:
    """ "How much did Mia weigh when she was born": a weight written with her name, in kilograms (likely: a number
    beside a name); of several occasions, the first that writes one when a beginning is asked ("born")."""
    first = asks_beginning(context.parsed.text)
    groups = context.groups[:MAX_VISITS_READ] if first else context.groups[-MAX_VISITS_READ:]

    def written(group) -> bool:
        texts = context.library.texts(group.rows[:VISIT_PHOTOS_READ], ["caption", "ocr_text"])
        return bool(weights_written([dict(zip(texts, pair)) for pair in zip(*texts.values())], context.subject))
    weighed = [group for group in groups if written(group)]
    if not weighed:
        return context.cannot_tell(f"I can't tell: no weight is written with {context.about}.", "no weight written in the photos' words",
                                   context.evidence(groups[-3:]))
    chosen = Context(context.library, context.parsed, context.moments, weighed[:1] if first else weighed, context.by_trip, context.timeline)
    return _read(chosen, lambda photos, shows: weights_written(photos, context.subject), "kg, written at", "likely",
                 "a weight written beside the name", ask_model=False)


def _read(context: Context, reader, how: str, confidence: str = "sure", why: str = "", ask_model: bool = True) -> Answer:
    """Values read from each visit's photos, with the photos that carry them; a visit whose words say nothing
    is asked of the VQA model when there is one (and ask_model)."""
    # "which ... most" in a diary: every visit has a vote (a year is hundreds of visits of a photo or two, cheap to read)
    groups = context.groups if context.question.extreme and context.timeline.diary_like else context.groups[-MAX_VISITS_READ:]
    rows_by_group = [context.visit_rows(group, VISIT_PHOTOS_READ) for group in groups]
    records = context.library.records(np.concatenate(rows_by_group))
    found, asked_model, start, rivals, particular = [], False, 0, [], []
    shown, aside = set(), set()  # values read on photos that show what was asked; values read only beside them
    for group, rows in zip(groups, rows_by_group):
        photos = records[start:start + len(rows)]
        start += len(rows)
        shows = np.isin(rows, group.rows).tolist()
        per_photo = [reader([photo], [show]) for photo, show in zip(_one_spelling(photos, partial(_photos_reading, context.library)), shows)]
        totals = sum(per_photo, Counter())
        value = _top(totals)
        ranked = totals.most_common(2)
        read_on = Counter(read for words in per_photo for read in words)  # photos that read each string
        rival = next((other for other, photos in read_on.items() if value and other != value and photos >= read_on[value]), None)
        if len(ranked) == 2 and ranked[1][1] * CLEAR_READ_RATIO > ranked[0][1]:  # two strings there weigh nearly the same
            rivals.append(f"{ranked[0][0]} or {ranked[1][0]}")
        elif rival:  # or another is read on as many photos ("CINFPLEX", rare for being misread, and "MOANA 2")
            rivals.append(f"{value} or {rival}")
        particular.append(max(words[value] for words in per_photo) if value else 0.0)
        if value:
            found.append((value, [int(row) for row, words in zip(rows, per_photo) if words[value]]))
            (shown if any(show for show, words in zip(shows, per_photo) if words[value]) else aside).add(value)
        elif context.vqa is not None and ask_model:
            found.append(_asked(context, group))
            asked_model = True
        else:
            found.append(("", group.rows.tolist()))
    if asked_model:
        return context.valued(found, how, "likely", "read by a visual-question-answering model, not in the photos' words", groups)
    if rivals and confidence == "sure":
        confidence, why = "likely", "; ".join(filter(None, [why, f"the photos there read several things alike ({'; '.join(rivals)})"]))
    if context.moments.in_place_of_subject:
        found, chose = _most_particular(found, particular)
        why = "; ".join(filter(None, [why, chose]))
    answer = context.valued(found, how, confidence, why, groups)
    if answer.confidence != "sure":
        return answer
    evidence = [row for value, rows in found if value == answer.value for row in rows][:MAX_EVIDENCE]  # the rows of answer.evidence
    doubt = ("read on photos of the visit that do not show what was asked" if answer.value in aside - shown else  # "NO SMOKING", for a seat
             "read on a single photo, which may be misread" if how == "read at" and len(answer.evidence) < 2 else
             _the_place_sign(context, answer.value, evidence) if how == "read at" else "")
    if doubt:
        answer = context.valued(found, how, "likely", "; ".join(filter(None, [why, doubt])), groups)
    return answer


PLACE_SIGN_PHOTOS_READ = 1000  # photos of a place on other days read for the string, evenly over them (see below)


def _the_place_sign(context: Context, value: str, evidence_rows: list[int]) -> str:
    """Why a reading may be the place's own sign rather than what was seen there ("CINEPLEX" for the film, the
    supermarket's name for a brand on its shelves): it is read at the same place on other days too, maybe misread
    ("CINEPLE" here, "CINEPLEX" there). Home has tens of thousands of photos on other days: a sign of the place's own is
    read on many of its days, so a thousand photos spread evenly over them find it all the same (and the days said
    are then at least those)."""
    first = (str(value or "").split() or [""])[0].upper()
    shown = np.array(evidence_rows, dtype=np.int64)
    if not first or not len(shown):
        return ""
    place, days = context.timeline.names[shown[0]], context.library.local_seconds // 86400
    there = np.flatnonzero(context.timeline.names == place) if place else shown[:0]
    there = there[~np.isin(days[there], days[shown])]
    if len(there) > PLACE_SIGN_PHOTOS_READ:
        there = there[np.linspace(0, len(there) - 1, PLACE_SIGN_PHOTOS_READ).astype(np.int64)]
    read = [row for row, text in zip(there, context.library.texts(there, ["ocr_text"])["ocr_text"])
            if any(token.upper() == first or len(first) >= SAME_SIGN_LETTERS and alike(first, token.upper()) for token in text.split())]
    other_days = len(set(days[read]))
    if not other_days:
        return ""
    return f"'{value}' is read at {place} on {other_days} other {plural('day', other_days)} too: it may be the place's own sign"


def _most_particular(found: list[tuple[str, list[int]]], weights: list[float]) -> tuple[list[tuple[str, list[int]]], str]:
    """Of the readings of a place or a day read whole (no photo there names what was asked), the one most particular to
    it, when it stands clear: the title on the night's ticket, not the menu of a restaurant read on a hundred other nights."""
    if len({value for value, _ in found if value}) < 2:
        return found, ""
    best, second = sorted(weights)[-1], sorted(weights)[-2]
    if second * CLEAR_READ_RATIO > best:
        return found, ""
    kept = [(value if weight == best else "", rows) for (value, rows), weight in zip(found, weights)]
    return kept, "the most particular of the readings there: the others are read at many other moments"


_PHOTOS_READING: "weakref.WeakKeyDictionary[Library, dict[str, int]]" = weakref.WeakKeyDictionary()


def _photos_reading(library: Library, token: str) -> int:
    """How many photos of the library read a word: how the library spells it most (counted once per library, as
    every visit read asks it of each of its words)."""
    counts, key = _PHOTOS_READING.setdefault(library, {}), token.lower()
    if key not in counts:
        counts[key] = int(word_photos(library, key).sum())
    return counts[key]


def _one_spelling(photos: list[dict], photos_in_library: Callable[[str], int]) -> list[dict]:
    """The visit's photos with each word of their signs spelled as most photos read it: "BARILLA" on two
    photos and "BARILL" on a third are one word, and a misreading must not win for being rare. Read as often
    there, the spelling read more in the whole library wins ("MEVGAL" on a dozen photos, not "MEGAL" on one)."""
    photos_with = Counter(token for photo in photos for token in dict.fromkeys(photo.get("ocr_text", "").split()))  # in order
    spelling: dict[str, str] = {}
    for token, _ in sorted(photos_with.items(), key=lambda item: (-item[1], looks_misread(item[0]), -photos_in_library(item[0]))):
        spelling[token] = next((kept for kept in dict.fromkeys(spelling.values()) if len(token) >= SAME_SIGN_LETTERS
                                and alike(kept.upper(), token.upper())), token)
    return [{**photo, "ocr_text": re.sub(r"\S+", lambda found: spelling.get(found.group(), found.group()), photo["ocr_text"])}
            if photo.get("ocr_text") else photo for photo in photos]


def _written_counts(context: Context, groups: list[Group], key: str) -> tuple[list[int], list[Group], list[int]] | None:
    """Per visit whose words write a number of the thing: the largest, the visit, and the photo that says it."""
    per_group, seen, best = [], [], []
    for group in groups:
        said = [(count, int(row)) for row, photo in zip(group.rows, context.library.records(group.rows))
                if (count := written_count(photo, key)) is not None]
        if said:
            count, row = max(said)
            per_group.append(count), seen.append(group), best.append(row)
    return (per_group, seen, best) if per_group else None


def _detected_counts(counts: np.ndarray, groups: list[Group]) -> tuple[list[int], list[Group], list[int]]:
    """Per visit: the most a detector saw in one photo (visits where none were seen say nothing)."""
    seen = [group for group in groups if counts[group.rows].max() > 0] or groups
    return ([int(counts[group.rows].max()) for group in seen], seen,
            [int(group.rows[np.argmax(counts[group.rows])]) for group in seen])


def _asked(context: Context, group: Group) -> tuple[str, list[int]]:
    """The VQA model's answer over a visit's best photos (confidence summed per answer), and the photos that gave it."""
    rows = context.moments.best_first(group.rows)[:PHOTOS_ASKED]
    replies = context.vqa.ask([record["path"] for record in context.library.records(rows)], context.parsed.text)
    votes: Counter = Counter()
    for _, answer, confidence in replies:
        votes[answer] += confidence
    if not votes:
        return "", group.rows.tolist()
    value = votes.most_common(1)[0][0]
    return value, [int(rows[position]) for position, answer, _ in replies if answer == value]


def _top(counted: Counter) -> str:
    """The value read most, and of values read as much, the one that does not look misread ("CLINIC", not "CLlNIC")."""
    return max(counted, key=lambda value: (counted[value], -looks_misread(str(value)))) if counted else ""


_RARITY: "weakref.WeakKeyDictionary[Library, dict[str, float]]" = weakref.WeakKeyDictionary()


def _rarity(library: Library):
    """How particular an indexed word is in this library: its idf over every photo's words."""
    index = library.text_index
    if index is None or index.is_empty:
        return lambda key: 1.0
    cached = _RARITY.get(library)
    if cached is None:
        frequency = np.diff(index.weights.indptr)
        photos = {word: max(int(frequency[column]), 1) for word, column in index.vocabulary.items()}
        cached = {word: float(np.log1p(len(library) / count)) for word, count in photos.items()}
        for word, common in _misreadings(photos).items():  # "ΑΣΟΥΤΗΣ" is rare only as "ΜΑΣΟΥΤΗΣ" misread, on every visit
            cached[word] = min(cached[word], cached[common])
        cached[""] = float(np.log1p(len(library)))
        _RARITY[library] = cached
    return lambda key: cached.get(key, cached[""])


def _misreadings(photos: dict[str, int]) -> dict[str, str]:
    """Words that are a far more common word misread (a letter dropped, added or changed), with that word: found through
    the words each becomes without one letter, so a large vocabulary is not compared pair by pair."""
    by_variant: dict[str, list[str]] = {}
    for word in photos:
        for variant in {word} | {word[:at] + word[at + 1:] for at in range(len(word))}:
            by_variant.setdefault(variant, []).append(word)
    found = {}
    for word, count in photos.items():
        if len(word) < SAME_SIGN_LETTERS:
            continue
        near = {other for at in range(-1, len(word)) for other in by_variant.get(word if at < 0 else word[:at] + word[at + 1:], ())}
        common = [other for other in near if photos[other] >= MISREAD_COMMONER * count and alike(word, other)]
        if common:
            found[word] = max(common, key=photos.get)
    return found


_KNOWN_THINGS: "weakref.WeakKeyDictionary[Library, re.Pattern | None]" = weakref.WeakKeyDictionary()
KNOWN_THING_CAPTIONS = 2  # a thing is known to be made or eaten when this many different captions say so


def _known_things(library: Library) -> re.Pattern | None:
    """What the library's captions say, in at least two of them, was made, bought or eaten ("made dal", "cooked dal
    for the week"), as one pattern: a caption that only names it ("dal night") names what was had."""
    if library not in _KNOWN_THINGS:
        captions = set(library.texts(np.arange(len(library)), ["caption"])["caption"])
        said = Counter(thing for caption in captions for thing in set(said_things(caption)) if thing)
        known = sorted((thing for thing, count in said.items() if count >= KNOWN_THING_CAPTIONS), key=len, reverse=True)
        _KNOWN_THINGS[library] = re.compile(rf"\b({'|'.join(map(re.escape, known))})\b", re.IGNORECASE) if known else None
    return _KNOWN_THINGS[library]


def counting_answer(context: Context) -> Answer:
    """How many of a thing: as the photos' words write it ("swam 60 lengths"), else the most a detector saw in one
    photo, per visit; added up over one day's visits, per occasion when an average is asked. A weight is read as written."""
    if asks_weight(context.parsed.text):
        return _weight_answer(context)
    thing = context.question.counted or "things"
    key = concept_key(detected_as(thing))
    groups = context.one_day_unless_dated(context.groups)
    averaged = asks_average(context.parsed.text)
    counted = _written_counts(context, context.groups if averaged else groups, concept_key(thing))
    if counted:
        (per_group, seen, best), key = counted, concept_key(thing)
        said = [f"{count} ({context.when(group)})" for count, group in zip(per_group, seen)]
        reasoning = "written: " + ", ".join(said[:REASONS_SHOWN]) + (f" and {len(said) - REASONS_SHOWN} more" if len(said) > REASONS_SHOWN else "")
        why = "the number written in the photos' words"
    else:
        index = context.library.concept_index
        position = index.labels.index(key) if index is not None and key in index.labels else None
        if position is None or not index.counted[position]:
            return context.cannot_tell(f"I can't count {thing} here: no photo's words give a number of them and this library has no "
                                       f"detector counts for them. The moment is {context.when(groups[-1])} at {context.where(groups[-1])}.",
                                       f"no written number or detector counts of {thing}", context.evidence(groups),
                                       f"{len(groups)} matching {plural('visit', len(groups))}: {context.listed(groups)}")
        per_group, seen, best = _detected_counts(index.count(key), groups)
        parts = " + ".join(f"{count} at {context.where(group)} ({context.when(group)})" for count, group in zip(per_group, seen))
        reasoning = f"most {plural(key, 2)} in one photo: {parts}"
        why = "a detector's count in the photos, which misses what the camera did not see"
    if averaged and len(per_group) > 1:
        value = round(sum(per_group) / len(per_group), 1)
        return context.answer(value, f"About {value:g} {plural(key, 2)} a time, over {len(per_group)} occasions.",
                              best + context.evidence(seen)[: MAX_EVIDENCE - len(best)], reasoning, confidence="likely", why=why)
    days = {int(context.library.local_seconds[group.rows[0]] // 86400) for group in seen}
    if len(days) > 1:  # several occasions: the most recent is meant, but say so
        candidates = context.latest_first(per_group, seen, [[row] for row in best])
        text = unsure_text(f"{per_group[-1]} {plural(key, per_group[-1])}, on the most recent of {len(seen)} occasions.", candidates)
        return context.answer(per_group[-1], text, best[-1:] + context.evidence(seen[-1:]), reasoning, candidates, "unsure", why)
    total = sum(per_group)  # one day: what was seen at each visit adds up ("cups of coffee on 5 May")
    return context.answer(total, f"{total} {plural(key, total)}.", best + context.evidence(seen)[: MAX_EVIDENCE - len(best)], reasoning,
                          confidence="likely", why=why)


def most_of_kind(context: Context, noun: str, kind: dict[str, str], until_seconds: int) -> Answer:
    """ "Which sport did I do most": each visit in scope whose words name a member of the kind votes for it (in a diary,
    not a caption listing groceries: a run to the market); the most (or least) visited wins. Found by a list and by
    words: likely at best, unsure when the counts nearly tie."""
    library = context.library
    scope = context.moments.scope & (library.local_seconds <= until_seconds)
    if context.timeline.diary_like:  # "Vic Market run. rice, coffee" is the shopping, not a run
        scope &= ~grocery_list_rows(library)
    found, groups = [], []
    for name, verb in kind.items():
        rows = np.flatnonzero(activity_rows(library, name, verb) & scope)
        for group in visits(context.timeline, rows, library.utc_seconds, library.local_seconds):
            found.append((name, group.rows.tolist()))
            groups.append(group)
    if not found:
        return context.cannot_tell(f"I can't tell: no photo of {context.scope_label or 'the library'} names a {noun} I know "
                                   f"(of {len(kind)}, from {list(kind)[0]} to {list(kind)[-1]}).", f"no {noun} named in the photos' words")
    named = sorted({name for name, _ in found})
    return context.valued(found, "at", "likely", f"the {plural(noun, 2)} the photos' words name ({', '.join(named)}), from a list of "
                          f"{len(kind)} {plural(noun, 2)}", groups)
