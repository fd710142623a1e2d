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

from ..text import FUNCTION_WORDS, Span
from ..time.words import TIME_WORDS
from .pieces import Piece, YEAR
from .tables import LanguageTable, key, language_table
from .turning import turn_round

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_QUOTED = re.compile(r"«[^»]{1,120}»|„[^“”\"]{1,120}[“”\"]|“[^”]{1,120}”|‹[^›]{1,120}›|(?<![\w])\"[^\"]{1,120}\"")
# "20h", "8h30", "20 h": the French, Spanish and Portuguese clock.
_H_CLOCK = re.compile(r"(?<![\w:])(?P<hour>[01]?\d|2[0-4])\s?h(?:(?P<minute>[0-5]\d))?(?![\w])", re.IGNORECASE)
# "le 1er mai", "1º de maio", "1η Μαΐου": the ordinal's ending, which English writes otherwise.
_ORDINAL = re.compile(r"(?<![\w.])(?P<day>[0-3]?\d)(?:er|ère|re|º|ª|η|ης|ο|ου)(?![\w])", re.IGNORECASE)
# "20.30 Uhr", "8.15 horas": the hour and minutes with a dot, as German and others write them before the clock word.
_DOT_CLOCK = re.compile(r"(?<![\w.:])(?P<hour>[01]?\d|2[0-3])[.:](?P<minute>[0-5]\d)(?:\s*uhr\b|(?=\s*(?:h\b|heures|horas|ore|ώρα)))",
                        re.IGNORECASE)
_TITLE_WORD = "quotedtitle"
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


def render(text: str, languages: tuple[str, ...]) -> Rendering:
    """The text in the grammar's English, reading the words of these languages (the first one wins a clash)."""
    tables = [language_table(language) for language in languages if language != "en"]
    pieces = _pieces(text, tables, english_too="en" in languages)
    pieces = turn_round(text, pieces, tables)
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


def _pieces(text: str, tables: list[LanguageTable], english_too: bool = False) -> list[Piece]:
    """Tokens matched against the tables (longest phrase first), the text between them kept; in a message that is
    English too, English words stay English ("no", "a", "Sept" are words of other languages as well)."""
    specials = _special_pieces(text, tables)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)
              if not any(s.start <= m.start() < s.end for s in specials)]
    keys = [key(word) for _, _, word in tokens]
    pieces: list[Piece] = list(specials)
    opening = _question_opening(text, tokens, tables)
    if opening is not None:
        pieces.append(opening)
    i = sum(1 for start, _, _ in tokens if start < opening.end) if opening is not None else 0
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
                        or (i + 1 < len(tokens) and YEAR.fullmatch(tokens[i + 1][2]))):
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
        pieces.append(Piece(start, end, english, entry.kind, True))
        i += length
    return _drop_ordinal_dots(_with_the_text_between(text, pieces))


def _question_opening(text: str, tokens: list[tuple[int, int, str]], tables: list[LanguageTable]) -> Piece | None:
    """The words a question opens with ("Wie oft", "¿Cuántas veces"), read as the English question grammar's opening;
    a word that may also begin a memory ("où", "wo") only when the message asks ("?" or ";" at its end, or "¿" first)."""
    if not tokens or text[:tokens[0][0]].strip(" \t\"'“„«") not in ("", "¿", "¡"):
        return None
    asks = text.rstrip().endswith(("?", ";")) or text.lstrip().startswith("¿")  # ";" is the Greek question mark
    spelled = [word.casefold() for _, _, word in tokens]
    for table in tables:
        for length in range(min(4, len(tokens)), 0, -1):
            words = tuple(spelled[:length])
            english = table.openings.get(words) or (table.asked_openings.get(words) if asks else None)
            if english and all(_joined(text, tokens[k][1], tokens[k + 1][0]) for k in range(length - 1)):
                return Piece(tokens[0][0], tokens[length - 1][1], english, "opening", True)
    return None


def _special_pieces(text: str, tables: list[LanguageTable]) -> list[Piece]:
    """Titles (quoted or not), ordinal days and clock times: pieces read as a whole before any word is."""
    specials: list[Piece] = []
    for match in _QUOTED.finditer(text):
        specials.append(Piece(match.start(), match.end(), _TITLE_WORD, "title", True))
    for start, end in _unquoted_titles(text, tables):
        if not any(s.start < end and start < s.end for s in specials):
            specials.append(Piece(start, end, _TITLE_WORD, "title", True))
    for match in _ORDINAL.finditer(text):
        specials.append(Piece(match.start(), match.end(), match.group("day"), "", True))
    for match in _DOT_CLOCK.finditer(text):
        specials.append(Piece(match.start(), match.end(), f"{int(match.group('hour'))}:{match.group('minute')}", "clock", True))
    for match in _H_CLOCK.finditer(text):
        if any(s.start < match.end() and match.start() < s.end for s in specials):
            continue
        minute = match.group("minute")
        clock = f"{int(match.group('hour'))}:{minute}" if minute else f"{int(match.group('hour'))} o'clock"
        specials.append(Piece(match.start(), match.end(), clock, "clock", True))
    return specials


def _with_the_text_between(text: str, pieces: list[Piece]) -> list[Piece]:
    """The matched pieces in order with a piece for every word, gap and mark of the text between them."""
    pieces.sort(key=lambda piece: piece.start)
    filled: list[Piece] = []
    position = 0
    for piece in pieces + [Piece(len(text), len(text), "")]:
        for match in re.finditer(r"\s+|[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]+|_+", text[position:piece.start]):  # one piece per word, gap, mark
            filled.append(Piece(position + match.start(), position + match.end(), match.group()))
        if piece.end > piece.start:
            filled.append(piece)
        position = piece.end
    for index in range(1, len(filled)):  # "l'été", "all'aeroporto": the elided article is a word of its own
        if filled[index].text in ("'", "’") and filled[index - 1].token:
            filled[index] = Piece(filled[index].start, filled[index].end, " ", "", True)
    return filled


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


def _drop_ordinal_dots(pieces: list[Piece]) -> list[Piece]:
    """ "3. Mai" -> "3 May": the German ordinal dot before a month name."""
    for index in range(1, len(pieces) - 1):
        before, gap, after = pieces[index - 1], pieces[index], pieces[index + 1]
        if (not gap.token and re.fullmatch(r"\.\s+", gap.text) and after.kind == "month"
                and re.search(r"(?<!\d)[0-3]?\d$", before.text)):
            pieces[index] = Piece(gap.start, gap.end, " ", "", True)
    return pieces


