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
    """The word orders English says otherwise, and words English does without."""
    venue_glue = frozenset().union(*(table.venue_glue for table in tables)) if tables else frozenset()
    noun_glue = frozenset().union(*(table.noun_glue for table in tables)) if tables else frozenset()
    year_glue = frozenset().union(*(table.year_glue for table in tables)) if tables else frozenset()
    result = list(pieces)

    def next_token(index: int) -> int | None:
        """The next piece with a word, when only spaces lie between."""
        following = index + 1
        while following < len(result) and not result[following].token and not result[following].text.strip():
            following += 1
        return following if following < len(result) else None

    def merge(first: int, last: int, english: str, kind: str) -> None:
        merged = _Piece(result[first].start, result[last].end, english, kind, True)
        result[first:last + 1] = [merged]

    index = 0
    while index < len(result):
        piece = result[index]
        after = next_token(index)
        hour_at = after if piece.kind == "minutes_before" else index
        hour = _hour(result[hour_at]) if hour_at is not None else None
        if hour is not None and piece.kind == "minutes_before":  # "halb acht" -> 7:30
            merge(index, hour_at, _clock(hour, int(piece.text)), "clock")
            continue
        if hour is not None and piece.kind != "minutes_before":
            minutes_at = after
            if minutes_at is not None and result[minutes_at].text == "o'clock":
                minutes_at = next_token(minutes_at)
            if minutes_at is not None and result[minutes_at].kind == "minutes":  # "ocho y media" -> 8:30
                merge(index, minutes_at, _clock(hour, int(result[minutes_at].text)), "clock")
                continue
        if piece.kind == "after_or_to":  # "nach Weihnachten" is after it, "nach Brüssel" to it
            time_next = after is not None and (result[after].kind in _TIME_NOUNS | {"part", "number", "word"}
                                               or result[after].text.strip()[:1].isdigit())
            result[index] = _Piece(piece.start, piece.end, "after" if time_next else "to", "word", True)
        glue = after
        holiday = next_token(glue) if glue is not None else None
        if (not piece.token and re.fullmatch(r"[^\W\d_]+", piece.text) and piece.text.islower() and glue is not None
                and holiday is not None and result[holiday].kind == "holiday"
                and key(text[result[glue].start:result[glue].end]) in noun_glue):
            # "marché de Noël", "mercatino di Natale": a Christmas market, a thing seen, not the day
            merge(index, holiday, f"{result[holiday].text} {piece.text}", "word")
            continue
        if piece.kind in _TIME_NOUNS and after is not None and result[after].kind == "last":
            noun = piece.text.removeprefix("the ")
            merge(index, after, f"last {noun}", piece.kind)  # "l'été dernier" -> "last summer"
            continue
        if piece.kind == "ago_before":
            quantity = after
            unit = next_token(quantity) if quantity is not None else None
            if quantity is not None and unit is not None and result[unit].kind == "unit" and (
                    result[quantity].kind == "number" or result[quantity].text.strip().isdigit()):
                merge(index, unit, f"{result[quantity].text.strip()} {result[unit].text} ago", "word")
            else:  # "vor Weihnachten", "πριν το Πάσχα": before; "vor dem Kino", "hace calor", "il y a un café": as written
                time_next = any(result[k].kind in _TIME_NOUNS | {"part"} for k in (quantity, unit) if k is not None)
                before_too = key(text[piece.start:piece.end]) in ("vor", "πριν", "πριν απο")
                result[index] = _Piece(piece.start, piece.end, "before" if time_next and before_too else text[piece.start:piece.end],
                                       "word" if time_next and before_too else "", time_next and before_too)
            index += 1
            continue
        if piece.kind == "ago_after":
            previous = index - 1
            while previous >= 0 and not result[previous].token and not result[previous].text.strip():
                previous -= 1
            if previous < 0 or result[previous].kind != "unit":
                result[index] = _Piece(piece.start, piece.end, text[piece.start:piece.end])  # "fa caldo": not "ago"
            index += 1
            continue
        if piece.kind == "venue":
            glue = after
            if glue is not None and not result[glue].token and key(result[glue].text.strip()) in venue_glue:
                name_at = next_token(glue)
            elif glue is not None and result[glue].token and key(text[result[glue].start:result[glue].end]) in venue_glue:
                name_at = next_token(glue)
            else:
                name_at = glue
            name = _name_after(text, result, name_at)
            if name is not None:
                last, name_text = name
                merge(index, last, f"{name_text} {piece.text}", "venue_name")  # "gare de Daejeon" -> "Daejeon station"
                continue
        if (piece.token and piece.text in ("of", "of the", "from", "from the") and key(text[piece.start:piece.end]) in noun_glue
                and after is not None and not result[after].token and result[after].text[:1].isupper()
                and re.fullmatch(r"[^\W\d_][\w'’-]*[,.;:!?]?", result[after].text)):
            # "le marché de Nice", "το λιμάνι του Πειραιά": at the place; "un vuelo de Madrid": from it
            before = index - 1
            while before >= 0 and not result[before].token and not result[before].text.strip():
                before -= 1
            vehicle = before >= 0 and result[before].kind == "vehicle"
            result[index] = _Piece(piece.start, piece.end, "from" if vehicle else "in", "word", True)
        if piece.token and key(text[piece.start:piece.end]) in year_glue and after is not None and _YEAR.fullmatch(
                result[after].text.strip()):
            before = index - 1
            while before >= 0 and not result[before].token and not result[before].text.strip():
                before -= 1
            named = before >= 0 and (result[before].kind in _TIME_NOUNS or result[before].text in ("or", "and"))
            year = result[after].text.strip()
            merge(index, after, year if named else f"in {year}", "")  # "mayo de 2019" -> "May 2019"; "nel 2016" -> "in 2016"
        index += 1
    return result


def _hour(piece: _Piece) -> int | None:
    """The hour a piece says ("8", "eight"), or None."""
    word = piece.text.strip()
    value = int(word) if word.isdigit() else cardinal(word) if piece.kind == "number" else None
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
        if piece.token or not re.fullmatch(r"[^\W\d_][\w'’-]*[,.;:!?]?", piece.text) or not piece.text[:1].isupper():
            break
        word = piece.text.rstrip(",.;:!?")
        if word != piece.text:  # punctuation ends the name
            pieces[index:index + 1] = [_Piece(piece.start, piece.start + len(word), word),
                                       _Piece(piece.start + len(word), piece.end, piece.text[len(word):])]
            names.append(word)
            last = index
            break
        names.append(word)
        last = index
        gap = index + 1
        if gap < len(pieces) and not pieces[gap].token and pieces[gap].text == " ":
            index = gap + 1
        else:
            break
    return (last, " ".join(names)) if names else None
