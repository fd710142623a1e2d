"""Near misses: people misremember months and days. When nothing in the remembered time shows the description
well, the moments just outside it (a neighbouring month, day or day part) that do are found, to be shown
apart from the exact results.

"Well" is search's one relevance (scoring.py) over the remembered time and its neighbours together: CLIP's
cut-off is set by the library's own spread of scores for this description below the best of them, and photo
words match by a shared word or unusual closeness in meaning. So near misses are offered only when the
neighbours hold something clearly better than anything inside the remembered time.

The search has already scored the remembered time: its words matching, or its best CLIP score reaching the
cut that the neighbours' best sets, means it holds a match. So the neighbours are scored by CLIP alone
first, and with a vector index only those near the query (a neighbour that beats the remembered time's
best by the cut ranks with the library's best), and their words and events are read only for the near
misses that will be shown.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

import numpy as np

from ..library import Library
from ..models import ClipEncoder
from ..query import DayPartTerm, ParsedQuery, PeriodTerm, TimeTerm, WeekdayTerm
from .candidates import candidate_scorer, distinct_rows, pool_size
from .events import group_events
from .filters import admitted_rows
from .relaxation import neighbour_queries
from .results import EventHit, NearMisses
from .scoring import Relevance
from .stored import among, top_positions


def near_misses(
    library: Library, encoder: ClipEncoder | None, query: ParsedQuery, vector: np.ndarray | None, visual: str,
    exact: np.ndarray | None, excluded: np.ndarray, top_k: int, inside: Relevance,
) -> NearMisses | None:
    """The best moments just outside the remembered time, when none inside it shows the description well
    (None: it does, or nothing was described, or no neighbour holds a good match). exact: the rows searched;
    inside: the search's relevance over them."""
    if exact is None or (vector is None and not visual) or inside.by_words.any():
        return None  # nothing described, or the remembered time's own words show it: no near misses
    for term in (term for term in query.time.terms if not term.negated):
        moved = neighbour_queries(query, term)
        around = _union(admitted_rows(library, neighbour_query) for _, neighbour_query in moved)
        outside = _not_among(around, exact)
        if not len(outside):
            continue
        scorer, clip = None, None
        if vector is not None:  # CLIP alone first: with a vector index, only the neighbours' rows near the query
            scorer = candidate_scorer(library, encoder, vector, "", outside, pool_size(top_k), excluded, near_only=True)
            clip = scorer.clip_evidence(vector) if len(scorer.rows) else None
            if clip is not None and inside.clip_best is not None and inside.clip_best >= clip.cut:
                return None  # the remembered time's best is within the cut the neighbours' best sets: it holds a match
        if scorer is None or scorer.pooled:  # near misses to show: all the neighbours' candidates, for words too
            scorer = candidate_scorer(library, encoder, vector, visual, outside, pool_size(top_k), excluded)
            clip = scorer.clip_evidence(vector) if vector is not None and len(scorer.rows) else None
        relevance = scorer.fused(clip, visual)
        good = relevance.described
        if not good.any():
            continue
        rows, scores = scorer.rows[good], relevance.scores[good]
        events = group_events(library, rows, scores, top_positions(scores, max(top_k * 20, 200)), top_k)
        best_time = library.local_seconds[[int(rows[np.argmax(scores)])]]
        neighbour = next((n for n, _ in moved if n.mask(best_time)[0]), moved[0][0])  # the one that holds the best
        return NearMisses(_remembered(term), _found_in(neighbour, events), events)
    return None


def _not_among(rows: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """The ascending rows that are not among the exact ones. Only those between the first and the last exact row
    are looked up: a period's neighbours lie before and after it, as rows are in time order."""
    if not len(exact):
        return rows
    first, last = np.searchsorted(rows, exact[0], side="left"), np.searchsorted(rows, exact[-1], side="right")
    spanned = rows[first:last]
    return np.concatenate([rows[:first], spanned[~among(spanned, exact)], rows[last:]])


def _union(row_sets) -> np.ndarray:
    rows = [np.asarray(found, np.int64) for found in row_sets if found is not None]
    return distinct_rows(np.concatenate(rows)) if rows else np.zeros(0, np.int64)


def _remembered(term: TimeTerm) -> str:
    """The remembered time with the preposition a sentence needs: "in September 2019", "on Fridays", "in the evening"."""
    if isinstance(term, WeekdayTerm) or (isinstance(term, PeriodTerm) and term.grain == "day"):
        return f"on {term.label}"
    if isinstance(term, DayPartTerm):
        return term.label if term.label.startswith("around") else f"in the {term.label}"
    return f"in {term.label}"


def _found_in(neighbour: TimeTerm, events: list[EventHit]) -> str:
    """Where the near misses are: a neighbouring weekday or day part by its name, else by their dates."""
    if isinstance(neighbour, (WeekdayTerm, DayPartTerm)):
        return neighbour.label
    days = [datetime.fromisoformat(event["start_time"][:19]).date() for event in events]
    return dates_phrase(days, to_the_day=isinstance(neighbour, PeriodTerm) and neighbour.grain == "")


def dates_phrase(days: list[date], *, to_the_day: bool = False) -> str:
    """Days as a person says them: "early October 2019", "late August 2019 and early October 2019"; to_the_day
    (near misses of a remembered day, a few days off): "6 October 2019" when they are all on one day."""
    if to_the_day and len(set(days)) == 1:
        day = days[0]
        return f"{day.day} {calendar.month_name[day.month]} {day.year}"
    parts = []
    for year, month in sorted({(day.year, day.month) for day in days}):
        numbers = [day.day for day in days if (day.year, day.month) == (year, month)]
        part = "early " if max(numbers) <= 10 else "late " if min(numbers) >= 21 else "mid-" if min(numbers) >= 11 and max(numbers) <= 20 else ""
        parts.append(f"{part}{calendar.month_name[month]} {year}")
    return " and ".join(parts)
