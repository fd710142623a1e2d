"""Changing a search by its chips: every chip of a query in the order shown, and the query without some of them."""

from __future__ import annotations

import dataclasses
from typing import Collection

from .parsed import Chip, ParsedQuery


def query_chips(query: ParsedQuery) -> list[Chip]:
    """A chip for every constraint of a query, in the order shown to the user."""
    chips = query.chips()
    if query.preceded_by or query.followed_by:  # one chip: the order is what it says, and goes as a whole
        chips.append(Chip("sequence", "", query.sequence_label()))
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
        unfound_events=kept("unfound", query.unfound_events),
        preceded_by=() if ("sequence", "") in gone else query.preceded_by,
        followed_by=() if ("sequence", "") in gone else query.followed_by,
        visual="" if ("visual", "") in gone else query.visual,
    )
