"""Chips: each part of a search as the user sees it, typed, so that removing one drops exactly that part."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Collection

if TYPE_CHECKING:
    from . import ParsedQuery


@dataclass(frozen=True)
class Chip:
    """One part of a search: which kind of term, which one of that kind, and the words shown for it."""

    kind: str  # "time", "place", "concept", "after", "then", "visual"; the conversation adds "example", "like", "unlike"
    key: str  # which one: its position among the query's terms of that kind, or a photo id; "" for the description
    label: str  # what the user reads, e.g. "Fridays", "not: Home", "looking for: a bus"

    @property
    def id(self) -> str:
        """One string naming the chip, e.g. "time:0" or "visual": what a checkbox sends back."""
        return f"{self.kind}:{self.key}" if self.key else self.kind


def filter_chips(query: ParsedQuery) -> list[Chip]:
    """The chips of the filters (time terms, then places, then concepts), each in the order parsed."""
    chips = [Chip("time", str(i), f"not: {term.label}" if term.negated else term.label) for i, term in enumerate(query.time.terms)]
    chips += [Chip("place", str(i), term.label) for i, term in enumerate(query.place.terms)]
    return chips + [Chip("concept", str(i), term.chip) for i, term in enumerate(query.concepts)]


def query_chips(query: ParsedQuery) -> list[Chip]:
    """A chip for every constraint of a query, in the order shown to the user."""
    chips = filter_chips(query)
    chips += [Chip("after", str(i), f"after: {clause}") for i, clause in enumerate(query.preceded_by)]
    chips += [Chip("then", str(i), f"then: {clause}") for i, clause in enumerate(query.followed_by)]
    if query.visual.strip():
        chips.append(Chip("visual", "", f"looking for: {query.visual.strip()}"))
    return chips


def without_chips(query: ParsedQuery, chips: Collection[Chip]) -> ParsedQuery:
    """The query with the terms behind these chips dropped, all at once, so no position shifts under another."""
    gone = {(chip.kind, chip.key) for chip in chips}

    def kept(kind: str, items: tuple) -> tuple:
        return tuple(item for position, item in enumerate(items) if (kind, str(position)) not in gone)

    return dataclasses.replace(
        query,
        time=dataclasses.replace(query.time, terms=kept("time", query.time.terms)),
        place=dataclasses.replace(query.place, terms=kept("place", query.place.terms)),
        concepts=kept("concept", query.concepts),
        preceded_by=kept("after", query.preceded_by),
        followed_by=kept("then", query.followed_by),
        visual="" if ("visual", "") in gone else query.visual,
    )
