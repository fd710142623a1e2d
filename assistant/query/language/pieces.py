"""A rendered message's pieces: each a span of the message, the English it is read as, and what kind of table word it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = re.compile(r"(?:19|20)\d\d")
TIME_NOUNS = {"month", "weekday", "unit", "season", "holiday"}


@dataclass
class Piece:
    start: int
    end: int
    text: str
    kind: str = ""  # the table entry's kind, "" for text kept as written
    token: bool = False
