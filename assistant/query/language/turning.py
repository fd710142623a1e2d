"""Three word orders of other languages turned round into the English order the grammar reads: "last" after its
noun ("el sábado pasado"), "ago" before its quantity ("hace dos semanas") and a venue before its city ("gare de
Daejeon"); clock words merged ("8 heures 30")."""

from __future__ import annotations

import re

from ..numbers import cardinal
from .pieces import TIME_NOUNS, YEAR, Piece
from .tables import LanguageTable, key


def turn_round(text: str, pieces: list[Piece], tables: list[LanguageTable]) -> list[Piece]:
    """The word orders English says otherwise, and words English does without: each rule in turn, at each piece."""
    return _Turning(text, pieces, tables).run()


class _Turning:
    """The rules over the rendered pieces. A rule returns None when it does not apply, True when it merged pieces
    (the same place is read again), False when it is done with this piece."""

    def __init__(self, text: str, pieces: list[Piece], tables: list[LanguageTable]):
        self.text = text
        self.result = list(pieces)
        union = lambda name: frozenset().union(*(getattr(table, name) for table in tables)) if tables else frozenset()  # noqa: E731
        self.venue_glue, self.noun_glue, self.year_glue = union("venue_glue"), union("noun_glue"), union("year_glue")

    def run(self) -> list[Piece]:
        rules = (self._clock, self._after_or_to, self._holiday_as_attribute, self._last_after, self._ago_before,
                 self._ago_after, self._venue, self._glue_before_name, self._year_glue, self._article_before_month)
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

    def previous_token(self, index: int) -> Piece | None:
        before = index - 1
        while before >= 0 and not self.result[before].token and not self.result[before].text.strip():
            before -= 1
        return self.result[before] if before >= 0 else None

    def original(self, piece: Piece) -> str:
        return self.text[piece.start:piece.end]

    def merge(self, first: int, last: int, english: str, kind: str) -> bool:
        self.result[first:last + 1] = [Piece(self.result[first].start, self.result[last].end, english, kind, True)]
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
            time_next = after is not None and (self.result[after].kind in TIME_NOUNS | {"part", "number", "word"}
                                               or self.result[after].text.strip()[:1].isdigit())
            self.result[index] = Piece(piece.start, piece.end, "after" if time_next else "to", "word", True)
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
        if piece.kind in TIME_NOUNS and after is not None and self.result[after].kind == "last":
            return self.merge(index, after, f"last {piece.text.removeprefix('the ')}", piece.kind)
        return None

    def _ago_before(self, index: int) -> bool | None:
        """ "hace dos semanas", "vor zwei Wochen" -> "two weeks ago"; "vor Weihnachten", "vor meiner Reise" -> "before ...";
        "hace calor", "il y a un café", "vor dem Kino" stay as written."""
        piece = self.result[index]
        if piece.kind != "ago_before":
            return None
        quantity = self.next_token(index)
        unit = self.next_token(quantity)
        if unit is not None and self.result[unit].kind == "unit" and (
                self.result[quantity].kind == "number" or self.result[quantity].text.strip().isdigit()):
            return self.merge(index, unit, f"{self.result[quantity].text.strip()} {self.result[unit].text} ago", "word")
        time_next = any(self.result[k].kind in TIME_NOUNS | {"part", "event"} for k in (quantity, unit) if k is not None)
        if time_next and key(self.original(piece)) in ("vor", "πριν", "πριν απο"):
            self.result[index] = Piece(piece.start, piece.end, "before", "word", True)
        else:
            self.result[index] = Piece(piece.start, piece.end, self.original(piece))
        return False

    def _ago_after(self, index: int) -> bool | None:
        """ "due settimane fa" is "two weeks ago"; "fa caldo" is no "ago"."""
        piece = self.result[index]
        if piece.kind != "ago_after":
            return None
        previous = self.previous_token(index)
        if previous is None or previous.kind != "unit":
            self.result[index] = Piece(piece.start, piece.end, self.original(piece))
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
            self.result[index] = Piece(piece.start, piece.end, "from" if vehicle else "in", "word", True)
        return None

    def _year_glue(self, index: int) -> bool | None:
        """ "mayo de 2019" -> "May 2019"; "nel 2016" -> "in 2016"."""
        piece, after = self.result[index], self.next_token(index)
        if not (piece.token and key(self.original(piece)) in self.year_glue and after is not None
                and YEAR.fullmatch(self.result[after].text.strip())):
            return None
        previous = self.previous_token(index)
        named = previous is not None and (previous.kind in TIME_NOUNS or previous.text in ("or", "and"))
        year = self.result[after].text.strip()
        self.merge(index, after, year if named else f"in {year}", "")
        return False

    def _article_before_month(self, index: int) -> None:
        """ "τον Μάιο", "il maggio": the article before a month is "in" (Greek says the month's time in the accusative)."""
        piece, after = self.result[index], self.next_token(index)
        if piece.token and piece.text == "the" and after is not None and self.result[after].kind == "month":
            self.result[index] = Piece(piece.start, piece.end, "in", "word", True)
        return None


def _hour(piece: Piece) -> int | None:
    """The hour a piece says ("8", "eight"), or None."""
    word = piece.text.strip()
    value = int(word) if word.isdecimal() else cardinal(word) if piece.kind == "number" else None
    return value if value is not None and 0 <= value <= 24 else None


def _clock(hour: int, minutes: int) -> str:
    """ "8" and +30 -> "8:30"; "8" and -30 -> "7:30" (the German half hour, a quarter to)."""
    total = (hour * 60 + minutes) % (24 * 60)
    return f"{total // 60}:{total % 60:02d}"


def _name_after(text: str, pieces: list[Piece], at: int | None) -> tuple[int, str] | None:
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
