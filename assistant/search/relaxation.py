"""Relaxation hints: when few photos pass the constraints, how many would if one were dropped or moved."""

from __future__ import annotations

import dataclasses

import numpy as np

from ..library import Library
from ..query import ParsedQuery, PlaceConstraints, TimeConstraints, TimeTerm
from .results import RelaxationHint

# Relaxation hints are offered when fewer photos than this pass the constraints.
FEW_RESULTS = 5


def neighbour_queries(query: ParsedQuery, term: TimeTerm) -> list[tuple[TimeTerm, ParsedQuery]]:
    """The query with one time term moved to each of its neighbours (a month either side, the next day part),
    as people misremember them: for the hints, and for near misses (near_misses.py)."""
    time_terms = query.time.terms
    return [
        (neighbour, dataclasses.replace(query, time=TimeConstraints(terms=tuple(neighbour if t is term else t for t in time_terms))))
        for neighbour in term.neighbours()
    ]


def relaxation_hints(library: Library, query: ParsedQuery, term_masks: list[np.ndarray]) -> list[RelaxationHint]:
    """For few or no matches: how many photos match if one constraint is dropped or moved to a neighbour.

    term_masks are the query's time terms, place terms and concepts, in that order (see `term_masks`).
    """
    hints: list[RelaxationHint] = []
    time_terms, place_terms = list(query.time.terms), list(query.place.terms)

    def all_but(skipped: int) -> np.ndarray:
        others = np.ones(len(library), dtype=bool)
        for other_index, other_mask in enumerate(term_masks):
            if other_index != skipped:
                others &= other_mask
        return others

    for index, term in enumerate(time_terms + place_terms):
        others = all_but(index)
        if index < len(time_terms):
            kept = tuple(t for t in time_terms if t is not term)
            relaxed = dataclasses.replace(query, time=TimeConstraints(terms=kept))
            noun = "the time" if len(time_terms) == 1 else f"'{term.label}'"
            hints.append(RelaxationHint(f"without {noun}", int(others.sum()), relaxed))
            for neighbour, moved in neighbour_queries(query, term):
                count = int((others & neighbour.mask(library.local_seconds)).sum())
                hints.append(RelaxationHint(f"with {neighbour.label} instead of {term.label}", count, moved))
        else:
            kept = tuple(t for t in place_terms if t is not term)
            relaxed = dataclasses.replace(query, place=PlaceConstraints(terms=kept))
            noun = "the place" if len(place_terms) == 1 else f"'{term.label}'"
            hints.append(RelaxationHint(f"without {noun}", int(others.sum()), relaxed))
    offset = len(time_terms) + len(place_terms)
    for index, term in enumerate(query.concepts):
        relaxed = dataclasses.replace(query, concepts=tuple(t for t in query.concepts if t is not term))
        hints.append(RelaxationHint(f"without '{term.chip}'", int(all_but(offset + index).sum()), relaxed))
    useful = [hint for hint in hints if hint.count > 0]
    return sorted(useful, key=lambda hint: -hint.count)[:4]
