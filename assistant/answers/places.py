"""Where something happened: the town or country of its visits, a venue of the kind asked ("which restaurant"),
or every place of a time ("which cities did I visit in 2019"), sure only when the photos say where they were."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from ..core.words import plural
from ..query import ParsedQuery
from ..query.time.terms import DayPartTerm
from .answer import Answer
from .context import Context
from .names import SAID_SHARE, asked_category, category_levels, names_read, places_to_eat, venue_values
from .scope import LOCATED_FOR_SURE
from .subject import asks_sights, asks_where, trip_edge_asked
from .visits import Group, visits
from .whereabouts import gazetteer_spellings, on_a_trip, town_written

UNSEEN_PART_OF_DAY_S = 12 * 3600  # a day whose photos leave more of it than this unseen may have been spent elsewhere


def asks_town(parsed: ParsedQuery, moments) -> bool:
    """A place asked of a time alone: "which city was I in in March", "where was I on 7 April" (a town, not a venue;
    "where did I have dinner on 7 April" asks a venue, though no photo says dinner, "where do I usually go on
    Saturdays" a habit's venue, and "where was I at 3am on 19 May" the place of that moment)."""
    question = parsed.question
    return not moments.subject and not moments.as_times_of_day and question.kind == "location" and not question.usual and (
        question.granularity in ("city", "country") or (asks_where(parsed.text) and not parsed.place.terms and not _at_a_moment(parsed)))


MOMENT_WINDOW_MIN = 4 * 60  # a clock time is read as a window of an hour or two; a part of the day is longer


def _at_a_moment(parsed: ParsedQuery) -> bool:
    """The time asked is a clock time ("at 3am", "around 7pm"), not a part of the day ("in the evening")."""
    return any(isinstance(term, DayPartTerm) and not term.negated and sum(end - start for start, end in term.windows) <= MOMENT_WINDOW_MIN
               for term in parsed.time.terms)


def location_answer(context: Context) -> Answer:
    """Where: the town or country of the visits, or a venue (of the kind asked), or every one of them."""
    question = context.question
    timeline = context.timeline
    town = asks_town(context.parsed, context.moments)
    if question.granularity in ("country", "city") or town:
        column = timeline.countries if question.granularity == "country" else timeline.cities
        values = [_most_common(column[group.rows]) for group in context.groups]
        values, written = _towns_written(context, values, question.granularity == "country")
        unseen = _gone_elsewhere_unseen(context, column) if town and not question.every else ""  # a day's photos stop early
        sure, why = ("likely", "; ".join(filter(None, [unseen, written]))) if unseen or written else ("sure", "")
        scope = np.flatnonzero(context.moments.scope)
        away = timeline.trip_of_row[scope] >= 0
        partly_home = away.any() and not away.all() and not question.every and question.granularity != "country"
        if partly_home and town:
            return context.valued([(value, group.rows.tolist()) for value, group in zip(values, context.groups)], "at", "likely",
                                  "you were at home for part of that time: this is where you were away")
        category = None
    else:
        written = ""  # a venue (of the kind asked): its name, else the city (which never outvotes a venue)
        category = asked_category(context.parsed)
        found = _venues(context, category)
        if isinstance(found, Answer):
            return found
        context, values, sure, why = found
    asked_places = {area.name for term in context.parsed.place.terms for area in term.areas}
    values = [value if value not in asked_places else "" for value in values]  # "where did we eat in Montreal": not Montreal
    if not context.by_trip and context.parsed.place.terms and (edge := trip_edge_asked(context.parsed.text)):  # "landed at in New York"
        values = _at_trip_edges(context, values, edge)
    if question.every and question.granularity == "city":  # "which cities did I visit for work": not home, when there are others
        homes = [timeline.home_of_row[group.rows[0]] for group in context.groups]
        if any(value and value != home for value, home in zip(values, homes)):
            values = ["" if value == home else value for value, home in zip(values, homes)]
    if not any(values) and not context.parsed.place.terms and (town or asks_where(context.parsed.text)):
        return on_a_trip(context, question.granularity == "country")
    if not any(values):
        return context.cannot_tell(f"I can't tell: the photos of {context.about} name no place finer than {context.scope_label}.",
                                   "no place names within the place asked about", context.evidence(context.groups))
    ate_at = []  # "how many sights did I see": the places where one ate are not among them
    if question.every and question.granularity not in ("city", "country") and not category and asks_sights(context.parsed.text):
        ate_at = [value for value, eaten in zip(values, places_to_eat(context.library, values)) if eaten]
        values = ["" if value in ate_at else value for value in values]
    if question.every:  # "which countries did I visit": all of them, in the order first visited ("how many": their number)
        named = list(dict.fromkeys(value for value in values if value))
        chosen = [group for value, group in zip(values, context.groups) if value]
        first_of = [next(group for value, group in zip(values, context.groups) if value == name) for name in named]
        reasoning = f"{len(chosen)} matching {plural('visit', len(chosen))}: {context.listed(chosen)}"
        if question.granularity in ("country", "city") or town:
            sure, why = _all_places_seen(context)
            sure, why = ("likely", "; ".join(filter(None, [why, written]))) if written else (sure, why)
        elif not category and sum(map(bool, values)) < LOCATED_FOR_SURE * len(values):  # "which places": visits name none
            sure, why = "likely", f"{len(values) - sum(map(bool, values)) - len(ate_at)} of {len(values)} visits there name no place"
        if ate_at:
            why = "; ".join(filter(None, [why, f"left out as places to eat: {', '.join(dict.fromkeys(ate_at))}"]))
        if question.counted:
            return context.answer(len(named), f"{len(named)}: {', '.join(named)}.", context.evidence(first_of), reasoning, confidence=sure, why=why)
        return context.answer(named, f"{', '.join(named)}.", context.evidence(first_of), reasoning, confidence=sure, why=why)
    return _valued_places(context, values, sure, why, venues=not (question.granularity in ("country", "city") or town))


def _venues(context: Context, category: str | None) -> Answer | tuple[Context, list[str], str, str]:
    """Each visit's venue (of the kind asked), else its town for "where"; for "where did I stay", the nights' places."""
    nights = not category and asks_lodging(context.parsed.text) and not context.moments.subject
    if nights:
        context = _nights_of(context)  # "whereabouts did I stay in London": where the nights were, not the sights
        if not context.groups:
            return context.cannot_tell(f"I can't tell: no photo of {context.about} was taken at night.", "no photos at night")
    if category and not context.moments.subject and not nights:
        context = _visits_of_the_kind(context, category)
    values, sure, why = venue_values(context, category)
    if nights and sure == "sure" and sum(map(bool, values)) < len(values) / 2:
        sure, why = "likely", f"only {sum(map(bool, values))} of {len(values)} photos of the nights name a place"
    if not any(values) and category:
        return context.cannot_tell(f"I can't tell: nothing says which of the places of {context.about} is a {category}.",
                                   f"no place known to be a {category}", context.evidence(context.groups))
    if not any(values) and not context.question.counted and asks_where(context.parsed.text):  # "where": a town will do; "which bar": not
        values = [_most_common(context.timeline.cities[group.rows]) for group in context.groups]
    return context, values, sure, why


def _visits_of_the_kind(context: Context, category: str) -> Context:
    """ "Which cinema do I go to", with nothing else to look for: the visits, in the time and place asked, to the places
    known to be of the kind, rather than every visit there (a day at home that the metadata knows only by its town)."""
    library, timeline = context.library, context.timeline
    levels, _ = category_levels(library, timeline, category)
    within = np.zeros(len(library), dtype=bool)  # of the visits already chosen ("on my second trip to Paris"), their extents
    for group in context.groups:
        within[group.first_row:group.last_row + 1] = True
    kind = np.isin(names_read(library).keys, list(levels)) if levels else np.zeros(len(library), dtype=bool)
    rows = np.flatnonzero(context.moments.scope & within & kind)
    if not len(rows):
        return context
    groups = visits(timeline, rows, library.utc_seconds, library.local_seconds)
    return Context(library, context.parsed, context.moments, groups, False, timeline, context.vqa)


_LODGING = re.compile(r"\b(?:stay|stayed|staying|sleep|slept|sleeping|lodge|lodged|overnight)\b|\bspen[dt]\s+(?:the\s+)?nights?\b",
                      re.IGNORECASE)
NIGHT_HOURS = (20, 9)  # a day's last photo from 20:00, or its first before 09:00, shows where the night was spent


def asks_lodging(text: str) -> bool:
    """ "Where did I stay in London", "where did we sleep": the place of the nights, not of the days."""
    return bool(_LODGING.search(text))


def nights_spent(context: Context, groups: list[Group]) -> np.ndarray:
    """The nights (each the day of its evening) that visits to a place show were spent there: a photo from 20:00 is
    that evening's, one before 09:00 the night before's, so the evening and the breakfast after are one night; a
    visit at neither hour (lunch at the hotel, a night out that ended at 19:30) counts on the day it began."""
    local = context.library.local_seconds
    nights = []
    for group in groups:
        seconds = local[group.rows]
        hours = (seconds % 86400) // 3600
        evening, morning = hours >= NIGHT_HOURS[0], hours < NIGHT_HOURS[1]
        shown = (seconds // 86400 - morning)[evening | morning]
        nights.append(shown if len(shown) else seconds[:1] // 86400)
    return np.unique(np.concatenate(nights)) if nights else np.zeros(0, np.int64)


def _nights_of(context: Context) -> Context:
    """The question's moments cut down to where the nights were spent: each day's last photo from 20:00 and first
    before 09:00, one visit each."""
    local = context.library.local_seconds
    rows = np.unique(np.concatenate([np.arange(group.first_row, group.last_row + 1) for group in context.groups] or [np.zeros(0, int)]))
    days, hours = local[rows] // 86400, (local[rows] % 86400) // 3600
    last = np.r_[days[1:] != days[:-1], True] & (hours >= NIGHT_HOURS[0])
    first = np.r_[True, days[1:] != days[:-1]] & (hours < NIGHT_HOURS[1])
    nights = [Group(np.array([row]), int(row), int(row), False) for row in rows[last | first]]
    return Context(context.library, context.parsed, context.moments, nights, context.by_trip, context.timeline, context.vqa)


def _valued_places(context: Context, values: list[str], sure: str, why: str, venues: bool) -> Answer:
    """The place each visit gives, put together ("which grocery store most", the kind looked for as words: every
    visit of each venue found counted, likely, as a venue whose photos never say the words is not among them)."""
    groups = context.groups
    if context.question.extreme and venues and context.moments.subject:
        values, groups = _every_visit_of(context, values)
        if len(groups) > len(context.groups) and sure == "sure":
            sure, why = "likely", "; ".join(filter(None, [why, "every visit counted of the places whose photos say it, "
                                                                "not of places whose photos never do"]))
    found = [(value, _photos_of(context, group, value).tolist()) for value, group in zip(values, groups)]
    thin = [context.thinly_found(group) for group, value in zip(context.groups, values) if value]
    if thin and all(thin):  # every visit that names a place was found by one photo's word
        return context.valued(found, "at", "likely", "; ".join(filter(None, [why, thin[-1]])), groups)
    return context.valued(found, "at", sure, why, groups)


def _photos_of(context: Context, group: Group, name: str) -> np.ndarray:
    """The photos of a visit that show its venue: those with the venue's name, when the visit's photos run on
    through other places (a morning of lectures, then the café)."""
    named = group.rows[context.timeline.names[group.rows] == name]
    return named if len(named) else group.rows


def _every_visit_of(context: Context, values: list[str]) -> tuple[list[str], list[Group]]:
    """ "Which grocery store did I go to most": each store's visits in the question's time and place counted by the
    place's name, not only those whose photos say "grocery" (a captioner says it of some visits, not all), for the
    places that are of the kind: enough of their visits say it (not home, where one photo said "coffee")."""
    library, timeline = context.library, context.timeline
    values, groups = list(values), list(context.groups)
    for name in dict.fromkeys(value for value in values if value):
        rows = np.flatnonzero(context.moments.scope & (timeline.names == name))
        counted = [group for group, value in zip(groups, values) if value == name]
        every = visits(timeline, rows, library.utc_seconds, library.local_seconds)
        if len(counted) < SAID_SHARE * len(every):
            continue
        for group in every:
            if not any(group.first_row <= found.last_row and found.first_row <= group.last_row for found in counted):
                values.append(name)
                groups.append(group)
    return values, groups


def _at_trip_edges(context: Context, values: list[str], edge: str) -> list[str]:
    """ "Which airport did I land at in New York": of each trip, the first visit that names a place (the last, for
    leaving), not the airport's every visit; visits on no trip stay as they are when no trip has one."""
    trip_of = [int(context.timeline.trip_of_row[group.rows[0]]) for group in context.groups]
    kept: dict[int, int] = {}
    for position in range(len(values)) if edge == "start" else reversed(range(len(values))):
        if values[position] and trip_of[position] >= 0:
            kept.setdefault(trip_of[position], position)
    return [value if position in kept.values() else "" for position, value in enumerate(values)] if kept else values


def _towns_written(context: Context, values: list[str], country: bool) -> tuple[list[str], str]:
    """Visits whose photos have no position, on no trip (whose town would say), take the town (or its country) their own
    words name ("landed in Marseille"), spelled as the library's located photos spell it; and why, when any did."""
    trip_of = context.timeline.trip_of_row
    written = [None if value or (trip_of[group.rows] >= 0).any() else town_written(context.library, group.rows)
               for value, group in zip(values, context.groups)]
    if not any(written):
        return values, ""
    spelled = gazetteer_spellings(set(filter(None, values)))  # "Marrakesh", as the gazetteer has it, is the library's "Marrakech"
    values = [(said[1] if country else spelled.get(said[0], said[0])) if said else value for value, said in zip(values, written)]
    quoted = "; ".join(dict.fromkeys(f'"{said[2]}"' for said in written if said))
    return values, f"where the photos have no position, the town is the one their words name ({quoted})"


def _gone_elsewhere_unseen(context: Context, column: np.ndarray) -> str:
    """Why a day's town may not be all of it: its photos stop (or begin) with more than half the day still unseen,
    and the next (the last) photo is in another town; one may have gone there that day, the camera off."""
    if not context.parsed.time.terms:
        return ""
    library, scope = context.library, np.flatnonzero(context.moments.scope)
    local = library.local_seconds
    located = np.flatnonzero(column != "")
    seen = scope[column[scope] != ""]
    # a day asked, not a month, whose town a gap at its end leaves as it is
    if not len(seen) or context.parsed.time.exactly().mask(local[[seen[0], seen[-1]]] + np.array([-86400, 86400])).any():
        return ""
    after, before = located[located > seen[-1]][:1], located[located < seen[0]][-1:]
    for edge, beyond, unseen_s in ((seen[-1], after, 86400 - local[seen[-1]] % 86400), (seen[0], before, local[seen[0]] % 86400)):
        if len(beyond) and column[beyond[0]] != column[edge] and unseen_s > UNSEEN_PART_OF_DAY_S:
            first, last = sorted((context.local(edge), context.local(beyond[0])))
            return f"no photos between {first:%d %b %Y %H:%M} and {last:%d %b %Y %H:%M}, and the photo beyond is in {column[beyond[0]]}"
    return ""


def _all_places_seen(context: Context) -> tuple[str, str]:
    """Every town or country of a time is listed for sure only when nearly every photo then says where it was taken."""
    scope = np.flatnonzero(context.moments.scope)
    share = float((context.timeline.cities[scope] != "").mean()) if len(scope) else 0.0
    return ("sure", "") if share >= LOCATED_FOR_SURE else ("likely", f"only {share:.0%} of the photos in that time say where they were taken")


def _most_common(values) -> str:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else ""
