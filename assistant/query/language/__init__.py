"""Memories in the user's own language: which language a message is in (`detection`), the word tables of
each (`tables`, from dateparser's locale data, CLDR through Babel and `grammar`), and the message rendered
into the English the one grammar reads, with a map back to its characters (`rendering`, its `pieces`, and the
word orders `turning` turns round)."""

from .detection import detect_languages, language_name
from .rendering import Rendering, render
from .tables import SUPPORTED, language_table

__all__ = ["Rendering", "SUPPORTED", "detect_languages", "language_name", "language_table", "render"]
