"""A message in another language, rendered word for word into the English the one grammar reads, with a map
back to the original characters: "l'été dernier à Lisboa" -> "the last summer in Lisboa".

Only table words change; names, numbers and unknown words stay as written, so a place keeps its own
spelling for the gazetteer. Three word orders are turned round: "last" after its noun ("el sábado pasado"),
"ago" before its quantity ("hace dos semanas") and a venue before its city ("gare de Daejeon"). A quoted
title (« Dernier train pour Busan », „…“, "…") becomes one neutral word, so nothing in it is a filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers import cardinal
from ..text import FUNCTION_WORDS, Span
from ..time.words import TIME_WORDS
from .tables import LanguageTable, key, language_table

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_QUOTED = re.compile(r"«[^»]{1,120}»|„[^“”\"]{1,120}[“”\"]|“[^”]{1,120}”|‹[^›]{1,120}›|(?<![\w])\"[^\"]{1,120}\"")
# "20h", "8h30", "20 h": the French, Spanish and Portuguese clock.
_H_CLOCK = re.compile(r"(?<![\w:])(?P<hour>[01]?\d|2[0-4])\s?h(?:(?P<minute>[0-5]\d))?(?![\w])", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# "le 1er mai", "1º de maio", "1η Μαΐου": the ordinal's ending, which English writes otherwise.
_ORDINAL = re.compile(r"(?<![\w.])(?P<day>[0-3]?\d)(?:er|ère|re|º|ª|η|ης|ο|ου)(?![\w])", re.IGNORECASE)
# "20.30 Uhr", "8.15 horas": the hour and minutes with a dot, as German and others write them before the clock word.
_DOT_CLOCK = re.compile(r"(?<![\w.:])(?P<hour>[01]?\d|2[0-3])[.:](?P<minute>[0-5]\d)(?:\s*uhr\b|(?=\s*(?:h\b|heures|horas|ore|ώρα)))",
                        re.IGNORECASE)
_TITLE_WORD = "quotedtitle"
_TIME_NOUNS = {"month", "weekday", "unit", "season", "holiday"}
_ENGLISH_WORDS = FUNCTION_WORDS | TIME_WORDS
_JOINING = re.compile(r"\s*(?:,|or|and|/)?\s*")


@dataclass(frozen=True)
class Rendering:
    """The rendered text and, per character of it, the original span it came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, span: Span) -> Span:
        """The original characters a span of the rendered text came from."""
        start, end = span
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return min(self.starts[start:end]), max(self.ends[start:end])

    def original_spans(self, spans) -> list[Span]:
        """The original characters of these spans; two that only "or", "and" or a comma part are one ("2018 ou 2019"):
        the grammar's English filler would have gone from the pictures' words, the message's own words would not."""
        joined: list[list[int]] = []
        for start, end in sorted(span for span in spans if span[1] > span[0]):
            if joined and _JOINING.fullmatch(self.text, joined[-1][1], start):
                joined[-1][1] = max(joined[-1][1], end)
            elif joined and start < joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        return [self.original_span((start, end)) for start, end in joined]


@dataclass
class _Piece:
    start: int
    end: int
    text: str
    kind: str = ""  # the table entry's kind, "" for text kept as written
    token: bool = False


def render(text: str, languages: tuple[str, ...]) -> Rendering:
    """The text in the grammar's English, reading the words of these languages (the first one wins a clash)."""
    tables = [language_table(language) for language in languages if language != "en"]
    pieces = _pieces(text, tables, english_too="en" in languages)
    pieces = _turn_round(text, pieces, tables)
    out, starts, ends = [], [], []
    for piece in pieces:
        out.append(piece.text)
        if piece.token or len(piece.text) != piece.end - piece.start:
            starts += [piece.start] * len(piece.text)
            ends += [piece.end] * len(piece.text)
        else:  # kept as written: character for character
            starts += range(piece.start, piece.end)
            ends += range(piece.start + 1, piece.end + 1)
    return Rendering(text, "".join(out), tuple(starts), tuple(ends))


def _pieces(text: str, tables: list[LanguageTable], english_too: bool = False) -> list[_Piece]:
    """Tokens matched against the tables (longest phrase first), the text between them kept; in a message that is
    English too, English words stay English ("no", "a", "Sept" are words of other languages as well)."""
    specials: list[_Piece] = []
    for match in _QUOTED.finditer(text):
        specials.append(_Piece(match.start(), match.end(), _TITLE_WORD, "title", True))
    for start, end in _unquoted_titles(text, tables):
        if not any(s.start < end and start < s.end for s in specials):
            specials.append(_Piece(start, end, _TITLE_WORD, "title", True))
    for match in _ORDINAL.finditer(text):
        specials.append(_Piece(match.start(), match.end(), match.group("day"), "", True))
    for match in _DOT_CLOCK.finditer(text):
        specials.append(_Piece(match.start(), match.end(), f"{int(match.group('hour'))}:{match.group('minute')}", "clock", True))
    for match in _H_CLOCK.finditer(text):
        if any(s.start < match.end() and match.start() < s.end for s in specials):
            continue
        minute = match.group("minute")
        clock = f"{int(match.group('hour'))}:{minute}" if minute else f"{int(match.group('hour'))} o'clock"
        specials.append(_Piece(match.start(), match.end(), clock, "clock", True))
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)
              if not any(s.start <= m.start() < s.end for s in specials)]
    keys = [key(word) for _, _, word in tokens]
    pieces: list[_Piece] = list(specials)
    i = 0
    name_glue = frozenset().union(*(table.name_glue for table in tables)) if tables else frozenset()
    while i < len(tokens):
        found = None
        for table in tables:
            for length in range(min(table.longest, len(tokens) - i), 0, -1):
                if length > 1 and not all(_joined(text, tokens[k][1], tokens[k + 1][0]) for k in range(i, i + length - 1)):
                    continue
                entry = table.phrases.get(tuple(keys[i:i + length]))
                if entry is not None and length == 1 and keys[i] in table.needs_before and not (
                        (i and keys[i - 1] in table.needs_before[keys[i]])
                        or (i + 1 < len(tokens) and _YEAR.fullmatch(tokens[i + 1][2]))):
                    entry = None  # "nous avons été", "llegué tarde": no time
                if entry is not None:
                    found = (length, entry)
                    break
            if found:
                break
        if (i + 2 < len(tokens) and (found is None or (found[0] < 3 and found[1].kind != "venue")) and keys[i + 1] in name_glue
                and tokens[i][2][:1].isupper() and tokens[i + 2][2][:1].isupper()
                and text[tokens[i][1]:tokens[i + 1][0]] == " " == text[tokens[i + 1][1]:tokens[i + 2][0]]):
            i += 3  # "Rio de Janeiro", "Corea del Sur": a name, kept as written
            continue
        if found is not None and english_too and found[0] == 1 and keys[i] in _ENGLISH_WORDS:
            found = None
        if found is None:
            i += 1
            continue
        length, entry = found
        start, end = tokens[i][0], tokens[i + length - 1][1]
        english = entry.english
        if tokens[i][2][:1].isupper() and english[:1].islower() and entry.kind in ("word", "part", "unit", "last", "number"):
            english = english[:1].upper() + english[1:] if _sentence_start(text, start) else english
        pieces.append(_Piece(start, end, english, entry.kind, True))
        i += length
    pieces.sort(key=lambda piece: piece.start)
    filled: list[_Piece] = []
    position = 0
    for piece in pieces + [_Piece(len(text), len(text), "")]:
        for match in re.finditer(r"\s+|[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]+|_+", text[position:piece.start]):  # one piece per word, gap, mark
            filled.append(_Piece(position + match.start(), position + match.end(), match.group()))
        if piece.end > piece.start:
            filled.append(piece)
        position = piece.end
    for index in range(1, len(filled)):  # "l'été", "all'aeroporto": the elided article is a word of its own
        if filled[index].text in ("'", "’") and filled[index - 1].token:
            filled[index] = _Piece(filled[index].start, filled[index].end, " ", "", True)
    return _drop_ordinal_dots(filled)


# Words that introduce a work by its title: "le film Dernier train pour Busan", "das Buch Tod in Venedig".
_WORK = re.compile(r"\b(?:film|filme|película|pelicula|ταινία|ταινια|livre|libro|livro|buch|βιβλίο|chanson|canción|canzone|canção"
                   r"|lied|τραγούδι|série|serie|σειρά)\s+(?=[^\W\d_])", re.IGNORECASE)
_TITLE_MARK = re.compile(r"[,.;:!?()«»\"“”„]")
# Prepositions that may end a title: "Dernier train pour Busan | à la gare", "Der Himmel über Berlin | im Kino".
_TITLE_PREPOSITIONS = frozenset("""à au aux dans en in im am nel nella no na em στο στη στην στον σε con mit avec with a
    ins beim zum zur""".split())
_ALWAYS_ENDS_TITLE = frozenset("im am ins beim zum zur au aux".split())  # they hold an article: a common noun follows


def _unquoted_titles(text: str, tables: list[LanguageTable]) -> list[Span]:
    """A title named after "film", "livre", "ταινία" and capitalised: its span, so that nothing in it is a filter.

    It runs to the next mark, or to a preposition before a common noun ("à la gare", "en un cine", "im Kino"), or to
    the second preposition before a name: the first may be the title's own ("Un verano en Lisboa en Dublín")."""
    found = []
    for match in _WORK.finditer(text):
        if not text[match.end()].isupper():
            continue
        mark = _TITLE_MARK.search(text, match.end())
        limit = mark.start() if mark else len(text)
        words = list(re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", text[match.end():limit]))
        stop, named = limit, False
        for index, word in enumerate(words[1:-1], 1):
            lower = word.group().lower()
            if lower not in _TITLE_PREPOSITIONS:
                continue
            following = words[index + 1].group()
            if lower in _ALWAYS_ENDS_TITLE or not following[:1].isupper() or named:
                stop = match.end() + word.start()
                break
            named = True
        if stop - match.end() <= 80:
            found.append((match.end(), len(text[:stop].rstrip())))
    return found


def _joined(text: str, end: int, start: int) -> bool:
    return re.fullmatch(r"\s+|\s*['’-]\s*|'", text[end:start]) is not None


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t\"'(“‘«„")
    return not before or before[-1] in ".!?;:\n"


def _drop_ordinal_dots(pieces: list[_Piece]) -> list[_Piece]:
    """ "3. Mai" -> "3 May": the German ordinal dot before a month name."""
    for index in range(1, len(pieces) - 1):
        before, gap, after = pieces[index - 1], pieces[index], pieces[index + 1]
        if (not gap.token and re.fullmatch(r"\.\s+", gap.text) and after.kind == "month"
                and re.search(r"(?<!\d)[0-3]?\d$", before.text)):
            pieces[index] = _Piece(gap.start, gap.end, " ", "", True)
    return pieces


def _turn_round(text: str, pieces: list[_Piece], tables: list[LanguageTable]) -> list[_Piece]:
    """The word orders English says otherwise, and words English does without: each rule in turn, at each piece."""
    return _Turning(text, pieces, tables).run()


class _Turning:
    """The rules over the rendered pieces. A rule returns None when it does not apply, True when it merged pieces
    (the same place is read again), False when it is done with this piece."""

    def __init__(self, text: str, pieces: list[_Piece], tables: list[LanguageTable]):
        self.text = text
        self.result = list(pieces)
        union = lambda name: frozenset().union(*(getattr(table, name) for table in tables)) if tables else frozenset()  # noqa: E731
        self.venue_glue, self.noun_glue, self.year_glue = union("venue_glue"), union("noun_glue"), union("year_glue")

    def run(self) -> list[_Piece]:
        rules = (self._clock, self._after_or_to, self._holiday_as_attribute, self._last_after, self._ago_before,
                 self._ago_after, self._venue, self._glue_before_name, self._year_glue)
        index = 0
        while index < len(self.result):
            for rule in rules:
                outcome = rule(index)
                if outcome is not None:
                    break
            if outcome is not True:
                index += 1
        return self.result

    def next_token(self, index: int | None) -> int | None:
        """The next piece with a word, when only spaces lie between."""
        if index is None:
            return None
        following = index + 1
        while following < len(self.result) and not self.result[following].token and not self.result[following].text.strip():
            following += 1
        return following if following < len(self.result) else None

    def previous_token(self, index: int) -> _Piece | None:
        before = index - 1
        while before >= 0 and not self.result[before].token and not self.result[before].text.strip():
            before -= 1
        return self.result[before] if before >= 0 else None

    def original(self, piece: _Piece) -> str:
        return self.text[piece.start:piece.end]

    def merge(self, first: int, last: int, english: str, kind: str) -> bool:
        self.result[first:last + 1] = [_Piece(self.result[first].start, self.result[last].end, english, kind, True)]
        return True

    def _clock(self, index: int) -> bool | None:
        """ "halb acht" -> 7:30; "ocho y media", "huit heures et demie" -> 8:30."""
        piece, after = self.result[index], self.next_token(index)
        if piece.kind == "minutes_before":
            hour = _hour(self.result[after]) if after is not None else None
            return None if hour is None else self.merge(index, after, _clock(hour, int(piece.text)), "clock")
        hour = _hour(piece)
        if hour is None:
            return None
        minutes_at = after
        if minutes_at is not None and self.result[minutes_at].text == "o'clock":
            minutes_at = self.next_token(minutes_at)
        if minutes_at is not None and self.result[minutes_at].kind == "minutes":
            return self.merge(index, minutes_at, _clock(hour, int(self.result[minutes_at].text)), "clock")
        return None

    def _after_or_to(self, index: int) -> None:
        """ "nach Weihnachten" is after it, "nach Brüssel" to it (then the other rules read on)."""
        piece, after = self.result[index], self.next_token(index)
        if piece.kind == "after_or_to":
            time_next = after is not None and (self.result[after].kind in _TIME_NOUNS | {"part", "number", "word"}
                                               or self.result[after].text.strip()[:1].isdigit())
            self.result[index] = _Piece(piece.start, piece.end, "after" if time_next else "to", "word", True)
        return None

    def _holiday_as_attribute(self, index: int) -> bool | None:
        """ "marché de Noël", "mercatino di Natale": a Christmas market, a thing seen, not the day."""
        piece = self.result[index]
        glue = self.next_token(index)
        holiday = self.next_token(glue)
        if (not piece.token and re.fullmatch(r"[^\W\d_]+", piece.text) and piece.text.islower() and holiday is not None
                and self.result[holiday].kind == "holiday" and key(self.original(self.result[glue])) in self.noun_glue):
            return self.merge(index, holiday, f"{self.result[holiday].text} {piece.text}", "word")
        return None

    def _last_after(self, index: int) -> bool | None:
        """ "l'été dernier", "el sábado pasado" -> "last summer", "last Saturday"."""
        piece, after = self.result[index], self.next_token(index)
        if piece.kind in _TIME_NOUNS and after is not None and self.result[after].kind == "last":
            return self.merge(index, after, f"last {piece.text.removeprefix('the ')}", piece.kind)
        return None

    def _ago_before(self, index: int) -> bool | None:
        """ "hace dos semanas", "vor zwei Wochen" -> "two weeks ago"; "vor Weihnachten" -> "before Christmas";
        "hace calor", "il y a un café", "vor dem Kino" stay as written."""
        piece = self.result[index]
        if piece.kind != "ago_before":
            return None
        quantity = self.next_token(index)
        unit = self.next_token(quantity)
        if unit is not None and self.result[unit].kind == "unit" and (
                self.result[quantity].kind == "number" or self.result[quantity].text.strip().isdigit()):
            return self.merge(index, unit, f"{self.result[quantity].text.strip()} {self.result[unit].text} ago", "word")
        time_next = any(self.result[k].kind in _TIME_NOUNS | {"part"} for k in (quantity, unit) if k is not None)
        if time_next and key(self.original(piece)) in ("vor", "πριν", "πριν απο"):
            self.result[index] = _Piece(piece.start, piece.end, "before", "word", True)
        else:
            self.result[index] = _Piece(piece.start, piece.end, self.original(piece))
        return False

    def _ago_after(self, index: int) -> bool | None:
        """ "due settimane fa" is "two weeks ago"; "fa caldo" is no "ago"."""
        piece = self.result[index]
        if piece.kind != "ago_after":
            return None
        previous = self.previous_token(index)
        if previous is None or previous.kind != "unit":
            self.result[index] = _Piece(piece.start, piece.end, self.original(piece))
        return False

    def _venue(self, index: int) -> bool | None:
        """ "gare de Daejeon", "aeropuerto de Dublín", "αεροδρόμιο της Θεσσαλονίκης" -> "Daejeon station"..."""
        piece = self.result[index]
        if piece.kind != "venue":
            return None
        glue = self.next_token(index)
        name_at = glue
        if glue is not None and key(self.original(self.result[glue]).strip()) in self.venue_glue:
            name_at = self.next_token(glue)
        name = _name_after(self.text, self.result, name_at)
        if name is None:
            return None
        last, name_text = name
        return self.merge(index, last, f"{name_text} {piece.text}", "venue_name")

    def _glue_before_name(self, index: int) -> None:
        """ "le marché de Nice", "το λιμάνι του Πειραιά": in the place; "un vuelo de Madrid": from it."""
        piece, after = self.result[index], self.next_token(index)
        if (piece.token and piece.text in ("of", "of the", "from", "from the") and key(self.original(piece)) in self.noun_glue
                and after is not None and not self.result[after].token and self.result[after].text[:1].isupper()
                and re.fullmatch(r"[^\W\d_][\w'’-]*", self.result[after].text)):
            previous = self.previous_token(index)
            vehicle = previous is not None and previous.kind == "vehicle"
            self.result[index] = _Piece(piece.start, piece.end, "from" if vehicle else "in", "word", True)
        return None

    def _year_glue(self, index: int) -> bool | None:
        """ "mayo de 2019" -> "May 2019"; "nel 2016" -> "in 2016"."""
        piece, after = self.result[index], self.next_token(index)
        if not (piece.token and key(self.original(piece)) in self.year_glue and after is not None
                and _YEAR.fullmatch(self.result[after].text.strip())):
            return None
        previous = self.previous_token(index)
        named = previous is not None and (previous.kind in _TIME_NOUNS or previous.text in ("or", "and"))
        year = self.result[after].text.strip()
        self.merge(index, after, year if named else f"in {year}", "")
        return False


def _hour(piece: _Piece) -> int | None:
    """The hour a piece says ("8", "eight"), or None."""
    word = piece.text.strip()
    value = int(word) if word.isdecimal() else cardinal(word) if piece.kind == "number" else None
    return value if value is not None and 0 <= value <= 24 else None


def _clock(hour: int, minutes: int) -> str:
    """ "8" and +30 -> "8:30"; "8" and -30 -> "7:30" (the German half hour, a quarter to)."""
    total = (hour * 60 + minutes) % (24 * 60)
    return f"{total // 60}:{total % 60:02d}"


def _name_after(text: str, pieces: list[_Piece], at: int | None) -> tuple[int, str] | None:
    """The capitalised name (up to three words) that starts at piece `at`, kept as written: (its last piece, its text)."""
    last, names = None, []
    index = at
    while index is not None and index < len(pieces) and len(names) < 3:
        piece = pieces[index]
        if piece.token or not re.fullmatch(r"[^\W\d_][\w'’-]*", piece.text) or not piece.text[:1].isupper():
            break
        names.append(piece.text)
        last = index
        gap = index + 1
        if gap < len(pieces) and not pieces[gap].token and pieces[gap].text == " ":
            index = gap + 1
        else:
            break
    return (last, " ".join(names)) if names else None
