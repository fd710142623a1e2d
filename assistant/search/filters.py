"""The exact filters: each time, place and concept constraint as a mask, and the rows every one of them admits."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict

import numpy as np

from ..library import Library
from ..query import ParsedQuery, PeriodTerm

# The rows the last few constraint sets admitted are kept per library (a loaded library never changes): a
# conversation refines its description within the same time and place, and near misses ask for the same
# neighbouring months, search after search. At a million photos a month and a place take about 0.8 ms to find.
KEPT_FILTERS = 16
KEPT_FILTER_BYTES = 64 << 20
_kept: weakref.WeakKeyDictionary[Library, OrderedDict] = weakref.WeakKeyDictionary()
_kept_lock = threading.Lock()


def _term_tests(library: Library, query: ParsedQuery) -> list:
    """Each constraint as a test of some rows (None: every row), in order: time terms, place terms, concepts."""

    def at(column: np.ndarray, rows: np.ndarray | None) -> np.ndarray:
        if rows is not None and len(rows) and rows[-1] - rows[0] + 1 == len(rows):  # a run (a period's, in time order): a view
            return column[rows[0] : rows[-1] + 1]
        return column if rows is None else column[rows]

    tests = [lambda rows, term=term: term.mask(at(library.local_seconds, rows)) for term in query.time.terms]
    def cities_at(rows: np.ndarray | None):
        return lambda positions: library.place_names("city", positions if rows is None else rows[positions])

    tests += [
        lambda rows, term=term: term.mask(at(library.lat, rows), at(library.lng, rows), at(library.country_code, rows), cities_at(rows))
        for term in query.place.terms
    ]
    index = library.concept_index
    # Without a label index no photo is known to show anything: a required concept admits none, a negated one all.
    tests += [
        lambda rows, term=term: at(term.mask(index) if index is not None else np.full(len(library), term.negated), rows)
        for term in query.concepts
    ]
    return tests


def term_masks(library: Library, query: ParsedQuery | None) -> list[np.ndarray]:
    """One mask per constraint, in order: time terms, place terms, concepts (vectorised over the library)."""
    return [test(None) for test in _term_tests(library, query)] if query is not None else []


def _period_rows(library: Library, query: ParsedQuery) -> np.ndarray | None:
    """The rows that could fall in the query's first calendar period, found in the time order alone (None:
    no such period). Rows are in UTC order, and a local time is never further from UTC than the library's
    own largest offsets, so a month of a decade costs two binary searches, not a pass over every photo."""
    period = next((term for term in query.time.terms if isinstance(term, PeriodTerm) and not term.negated), None)
    if period is None or not len(library):
        return None
    lowest, highest = library.utc_offset_range
    spans = sorted(period.spans)
    starts = np.searchsorted(library.utc_seconds, [start - highest for start, _ in spans], side="left")
    ends = np.maximum.accumulate(np.searchsorted(library.utc_seconds, [end - lowest for _, end in spans], side="left"))
    starts[1:] = np.maximum(starts[1:], ends[:-1])  # widened windows may overlap: each starts where the last ended
    return np.concatenate([np.arange(start, end) for start, end in zip(starts, ends)])


def admitted_rows(library: Library, query: ParsedQuery | None) -> np.ndarray | None:
    """The rows every constraint admits (ascending, read-only), or None without constraints; each term tests
    only the rows the ones before it admitted (a place circle over a month's photos, not over a decade's)."""
    if query is None:
        return None
    constraints = (query.time.terms, query.place.terms, query.concepts)
    with _kept_lock:
        kept = _kept.setdefault(library, OrderedDict())
        if constraints in kept:
            kept.move_to_end(constraints)
            return kept[constraints]
    rows = _admitted(library, query)
    if rows is not None:
        rows.flags.writeable = False  # shared by every search with these constraints
    with _kept_lock:
        kept[constraints] = rows
        while len(kept) > KEPT_FILTERS or sum(found.nbytes for found in kept.values() if found is not None) > KEPT_FILTER_BYTES:
            kept.popitem(last=False)
    return rows


def _admitted(library: Library, query: ParsedQuery) -> np.ndarray | None:
    rows = _period_rows(library, query)
    for test in _term_tests(library, query):
        passing = test(rows)
        rows = np.flatnonzero(passing) if rows is None else rows[passing]
    return rows
