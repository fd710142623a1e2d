"""How long: a trip's length in days ("how long did I stay in Rio"), the time spent over visits ("at the gym in
May"), and how sure the camera's coverage lets either be (a trip's ends seen, the camera's interval at each visit's start)."""

from __future__ import annotations

import statistics

import numpy as np

from ..core.words import plural
from ..library import Library
from ..library.timeline import SPARSE_PHOTOS_A_DAY
from .answer import Answer
from .context import Context, day_range, human, unsure_text
from .measures import average
from .subject import asks_for_all
from .visits import own_photos_in_town
from .whereabouts import written_beside

MAX_PHOTO_INTERVAL_S = 10 * 60  # a visit's last photo stands for at most this long
VISIT_EDGES_SHARE = 0.1  # a sum of visits is sure when the camera's intervals at their starts are at most this share of it
TRIP_EDGE_GAP_S = 6 * 3600  # a trip is measured for sure when photos this close before and after it show its ends
ENDS_UNSEEN = "no photo just before or after the trip shows where you were, so it may have been longer"
ENDS_STRETCHED = "photos with no position just beside the trip name its town in their words, and were counted in"


def duration_answer(context: Context) -> Answer:
    """A trip's length in days ("how long did I stay in Rio"), or the time spent over visits ("at the gym in May")."""
    if context.by_trip:
        return _trip_length(context)
    if context.question.usual and len(context.groups) > 1:
        return _usual_length(context)
    groups = context.groups if asks_for_all(context.parsed.text) else context.one_day_unless_dated(context.groups)
    seconds = [_visit_seconds(context.library, own_photos_in_town(context.timeline, group)) for group in groups]
    if not any(seconds) and any(context.library.time_approx[group.first_row:group.last_row + 1].any() for group in groups):
        return context.cannot_tell(f"I can't tell how long: the photos' times are guesses ({context.listed(groups, 3)}).",
                                   "photos whose times are guessed give no length", context.evidence(groups))
    if not any(seconds):
        return context.cannot_tell(f"I can't tell how long: each of the {len(groups)} {plural('visit', len(groups))} has a single photo "
                                   f"({context.listed(groups, 3)}).", "one photo a visit gives no length", context.evidence(groups))
    total = sum(seconds)
    parts = " + ".join(f"{context.when(group)} at {context.where(group)} ({human(length)})" for group, length in zip(groups, seconds))
    reasoning = f"{parts} = {human(total, in_days=False)}" if len(groups) > 1 else parts
    if context.question.per:
        return average(context, total, reasoning, lambda value: human(value, in_days=False), whole=True)
    confidence, why = context.count_confidence()
    unseen = sum(_photo_interval_s(context.library, group) for group in groups)  # each visit began between two photos
    if unseen > VISIT_EDGES_SHARE * total:  # a photo every half hour: four-hour visits may each be half an hour longer
        confidence, why = "likely", "; ".join(filter(None, [why, f"a photo about every {human(unseen / len(groups), in_days=False)} there: "
                                                                  "each visit may have begun that much earlier"]))
    if min(seconds) == 0:  # some visits have one photo: their length is not known
        confidence, why = "likely", "some visits have a single photo"
    return context.answer(total, f"{human(total, in_days=False)}.", context.evidence(groups), reasoning, confidence=confidence, why=why)


def _usual_length(context: Context) -> Answer:
    """ "How long do I usually stay at the gym": the median visit (of those with more than one photo), not their sum."""
    seconds = [length for length in (_visit_seconds(context.library, own_photos_in_town(context.timeline, group))
                                      for group in context.groups) if length]
    if not seconds:
        return context.cannot_tell("I can't tell how long: every visit has a single photo.", "one photo a visit gives no length",
                                   context.evidence(context.groups))
    value = int(statistics.median(seconds))
    return context.answer(value, f"Usually {human(value, in_days=False)} (the middle of {len(seconds)} visits).",
                          context.evidence(context.groups), f"median of {len(seconds)} visits: {context.listed(context.groups)}",
                          confidence="likely", why="a typical value over several visits")


def _visit_seconds(library: Library, group) -> int:
    """How long a visit lasted: from its first photo to its last, and the time its last photo stands for (the
    camera's usual interval there, at most MAX_PHOTO_INTERVAL_S); 0 for a single photo, or for photos whose times
    are guesses (a film scan dated noon), whose length is unknown."""
    times = library.utc_seconds[group.first_row:group.last_row + 1]
    if len(times) < 2 or library.time_approx[group.first_row:group.last_row + 1].any():
        return 0
    return int(times[-1] - times[0] + min(_photo_interval_s(library, group), MAX_PHOTO_INTERVAL_S))


def _photo_interval_s(library: Library, group) -> float:
    """The camera's usual interval during a visit: the median between its photos (0 for a single photo)."""
    times = library.utc_seconds[group.first_row:group.last_row + 1]
    return float(np.median(np.diff(times))) if len(times) > 1 else 0.0


def _trip_part(context: Context, group) -> tuple[int, int]:
    """The first and last row of the trip spent in the question's place: all of it, or, when whole days of it were
    spent elsewhere ("how long was I in Lyon" on a trip that ended in Paris), from the first photo there to the last."""
    timeline = context.timeline
    trip = timeline.trip_of_row[group.rows[0]]
    rows = np.arange(group.first_row, group.last_row + 1)  # the trip's rows lie between its first and last
    located = rows[(timeline.trip_of_row[rows] == trip) & (timeline.cities[rows] != "")]
    days = context.library.local_seconds[located] // 86400
    inside = context.moments.scope[located]
    elsewhere = np.setdiff1d(days[~inside], days[inside])  # the flight out and home share their days with the place
    if len(elsewhere):
        return int(group.rows[0]), int(group.rows[-1])
    town = timeline.trips[int(trip)].city
    return written_beside(context, group.first_row, -1, town), written_beside(context, group.last_row, 1, town)


def trip_days(context: Context, group) -> int:
    """A trip's days (in the question's place), the first and last included, as a person counts them."""
    return days_spanned(context, *_trip_part(context, group))


def days_spanned(context: Context, first: int, last: int) -> int:
    first_day, last_day = (context.library.local_seconds[row] // 86400 for row in (first, last))
    return int(last_day - first_day) + 1


def _trip_seconds(context: Context, group) -> int:
    """From a trip's first photo to its last (in the question's place); a diary's photo or two a day cannot see the
    ends of its days, so such a trip spans at least its days but one."""
    utc = context.library.utc_seconds
    first, last = _trip_part(context, group)
    span = int(utc[last] - utc[first])
    days = days_spanned(context, first, last)
    return max(span, (days - 1) * 86400) if len(group.rows) < SPARSE_PHOTOS_A_DAY * days else span


def _trip_length(context: Context) -> Answer:
    groups = context.groups
    seconds = [_trip_seconds(context, group) for group in groups]
    if len(groups) > 1 and context.question.ordinal is None:
        value, candidates, chosen, clear = context.by_value(seconds, groups)
        text = f"{human(value)} ({context.when(chosen[-1])})."
        return context.answer(value, text if clear else unsure_text(text, candidates), context.evidence(chosen),
                              f"{len(groups)} trips: {context.listed(groups)}", candidates, "sure" if clear else "unsure")
    part = _trip_part(context, groups[-1])
    stretched = part[0] < groups[-1].first_row or part[1] > groups[-1].last_row  # by photos with no position (written_beside)
    seen_whole = photographed_to_the_ends(context, groups[-1]) and not stretched
    first, last = (context.local(row) for row in part)
    return context.answer(seconds[-1], f"{human(seconds[-1])} ({day_range(first, last)}).", context.evidence(groups[-1:]),
                          f"from the trip's first photo to its last ({first:%Y-%m-%d} to {last:%Y-%m-%d})",
                          confidence="sure" if seen_whole else "likely",
                          why="" if seen_whole else ENDS_STRETCHED if stretched else ENDS_UNSEEN)


def photographed_to_the_ends(context: Context, group) -> bool:
    """Whether photos just before and after a trip (within a few hours) show where it began and ended: photos that
    say where they were, as one with no place (a hotel room with no GPS) may be on the trip already."""
    utc = context.library.utc_seconds
    before, after = context.placed_beside(group.first_row, -1), context.placed_beside(group.last_row, 1)
    if before is None or after is None:
        return False
    return max(utc[group.first_row] - utc[before], utc[after] - utc[group.last_row]) <= TRIP_EDGE_GAP_S
