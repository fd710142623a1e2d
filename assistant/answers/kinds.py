"""From the matching moments to a value, one rule per kind of question, with the sentence and the arithmetic.

Every answer carries the photos it was computed from and says how sure it is. When the visits disagree
(two hotels, two dates for "when"), the most likely value is given as unsure, with up to three candidates.
A question with a word that nothing in its scope shows ("with my sister") is not answered as if the word
were not there: the answer is "I can't tell", with what was found without it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import numpy as np

from ..core.words import plural
from ..library import Library
from ..query import ParsedQuery, PeriodTerm, day_part_term, local_seconds_of
from ..query.language import render
from .answer import Answer, NotAQuestion
from .categories import members
from .connections import by_the_flights
from .context import Context
from .durations import ENDS_UNSEEN, days_spanned, duration_answer, photographed_to_the_ends, trip_days
from .measures import asks_between_places, average, distance, distance_between
from .moments import find_moments, unvisited_places_as_words, without_others
from .word_rows import word_rows
from .names import asked_category, asked_noun
from .reading import colour_answer, counting_answer, most_of_kind, object_answer, ocr_answer
from .times import moved_in, time_answer
from .subject import asks_abroad, asks_for_trips, asks_on_my_own, content_words, doing_words, narrowing_only
from ..library.timeline import Timeline, timeline_of
from .visits import following, journeys, mostly_away, preceding, trips, visits_in_day_part
from .places import asks_town, location_answer, nights_spent
from .scope import LOCATED_FOR_SURE
from .ways import way_asked, way_there
from .whereabouts import on_a_trip_unseen

VENUE_RADIUS_KM = 2.0
GLIMPSED = "one visit is in a single photo: another as short may have fallen between two photos"
UNSEEN_TRIP_DAYS = 2  # whole days without photos within a trip that could hide a return home between two trips
# Kinds whose answer is read from the moments found; a word that only says where to look ("on the sign") need not be found.
READING_KINDS = ("ocr", "color", "object", "counting")


def _worded_in_english(parsed: ParsedQuery) -> ParsedQuery:
    """A question in another language ("Où étais-je le 22 mars ?") worded as the English the grammar read it as, for the
    rules that read its wording ("where was I" asks a town); its description stays as written."""
    return parsed if parsed.language == "en" else replace(parsed, text=render(parsed.text, (parsed.language,)).text)


def answer_parsed(library: Library, parsed: ParsedQuery, now: datetime | None = None, encoder=None, vqa=None) -> Answer:
    """Answer an already parsed question (the chat passes its merged query); now: for "last", default the last photo.
    vqa (a VqaModel, optional) is asked about the evidence photos when their words do not say the answer."""
    question = parsed.question
    if question is None:
        raise NotAQuestion(f"{parsed.text!r} describes a moment rather than asks a question; search for it instead")
    now = datetime.fromisoformat(question.now) if question.now else now or library.last_local_time() or datetime.max
    parsed = unvisited_places_as_words(library, _worded_in_english(parsed))
    category = asked_category(parsed)  # "which restaurant": the kind of place the answer names, not a word to find
    subject = [word for word in content_words(parsed.visual, question, has_place=bool(parsed.place.terms), language=parsed.language)
               if word != category]
    timeline = timeline_of(library)
    moments = find_moments(library, parsed, subject, encoder, timeline)
    if question.kind in READING_KINDS:
        moments = _read_from(library, parsed, moments, encoder, timeline)
    rows = moments.rows[library.local_seconds[moments.rows] <= local_seconds_of(now)]
    rows = without_others(library, timeline, rows, moments.subject) if asks_on_my_own(parsed.text) else rows  # "the dentist myself"
    for clauses, near in ((parsed.preceded_by, following), (parsed.followed_by, preceding)):
        for clause in clauses:
            rows = near(library, rows, word_rows(library, content_words(clause, question, has_place=False)))
    if asks_town(parsed, moments):
        rows = _away_if_any(timeline, rows)  # "which city did I visit in March", "where was I in mid-September": not home
    # a place away from home alone is a trip ("how many times did I go to Rome"), unless the question asks for a venue in it
    venue_asked = (question.kind == "location" and question.granularity not in ("city", "country")) or _one_venue(parsed)
    # "which city did I visit most", "which year did I travel most": of all trips
    towns_ranked = bool(question.extreme) and (asks_town(parsed, moments) or (question.kind == "time" and asks_for_trips(parsed.visual)))
    by_trip = _counts_trips(parsed, moments, timeline, rows, venue_asked, towns_ranked)
    ordinal = question.ordinal
    if by_trip and question.unit == "trip" and ordinal is not None and question.kind != "frequency":
        rows, ordinal, by_trip = _on_trip(timeline, moments.scope, rows, ordinal), None, False
    # trips to a place counted or dated include a day out there that is on no trip (counting days reads the trips' own)
    outings_too = (library.utc_seconds if question.kind in ("frequency", "time") and parsed.place.terms
                   and question.unit not in ("day", "week", "month") else None)
    groups = trips(timeline, rows, outings_too) if by_trip else visits_in_day_part(library, timeline, rows, parsed)
    if by_trip and asks_abroad(parsed.text) and timeline.home_country:
        groups = _abroad(timeline, groups)
    if ordinal is not None and question.kind != "frequency" and not question.usual:
        groups = [groups[ordinal]] if -len(groups) <= ordinal < len(groups) else []
    context = Context(library, parsed, moments, groups, by_trip, timeline, vqa)
    if (flown := by_the_flights(context)) is not None:  # a layover, or the flights counted
        return flown
    noun = asked_noun(parsed) if question.kind == "object" and question.extreme else None
    if members(noun) and moments.subject == [noun]:  # "which sport did I do most": no photo says "sport", each names one
        return most_of_kind(context, noun, members(noun), local_seconds_of(now))
    if (not moments.subject and not category and not parsed.place.terms and not parsed.time.terms and question.kind != "distance"
            and not towns_ranked and not by_trip):  # "when did I last go abroad": all the trips
        return context.cannot_tell("I can't tell what the question is about; name a place, an activity or a time.", "no subject, place or time")
    if (way := way_asked(library, parsed, subject)) is not None and (measured := way_there(context, way)) is not None:
        return measured  # "how long was the drive to Montreal": the journey there, not the time in Montreal
    if (moments.missing and moments.found and question.kind not in READING_KINDS
            and not narrowing_only(parsed.text, moments.missing, moments.found)):
        return _partly_found(context)  # which visits count depends on every word; what is read there does not
    if question.kind == "distance" and asks_between_places(context):
        return distance_between(context)
    if question.kind == "distance":
        return distance(context, rows if moments.subject else np.flatnonzero(moments.scope))
    if question.kind != "frequency" and not groups:
        unseen = on_a_trip_unseen(context, question.granularity == "country") if asks_town(parsed, moments) else None
        return unseen or moved_in(context) or context.nothing_found()
    return _RULES[question.kind](context)


def _read_from(library: Library, parsed: ParsedQuery, moments, encoder, timeline: Timeline):
    """The moments a reading question reads its answer from: "which dish did I cook most", the visits where the photos
    say so, when they do, not every visit of the year; "how many cups on the table at the cafe", "which film did I see
    on 18 July", everything there, then, when no photo there has the thing's word."""
    if not moments.subject and (doing := doing_words(parsed.visual)):
        done = find_moments(library, parsed, doing + moments.as_times_of_day, encoder, timeline)
        if len(done.rows) and not done.missing:
            return done
    if moments.subject and not moments.found and not moments.by_clip and (_one_venue(parsed) or _one_day(parsed)):
        return moments.whole_scope()
    return moments


def _abroad(timeline: Timeline, groups: list) -> list:
    """The trips out of the country lived in at the time (after a move, the new one's)."""
    return [group for group in groups if timeline.trips[int(timeline.trip_of_row[group.rows[0]])].country
            != (timeline.country_of(timeline.home_of_row[group.rows[0]]) or timeline.home_country)]


def _counts_trips(parsed: ParsedQuery, moments, timeline: Timeline, rows: np.ndarray, venue_asked: bool, towns_ranked: bool) -> bool:
    """Whether trips away are what is counted or measured: the question says so ("how many trips to Rome"), names only
    a place away, or ranks towns or years of travel. "Cinema trips" or "trips to the dentist" in one's own town are
    outings: visits."""
    if parsed.question.unit == "trip" or asks_for_trips(parsed.visual):
        return not (moments.subject and len(rows) and (timeline.trip_of_row[rows] < 0).all())
    placed_only = not moments.subject and bool(parsed.place.terms) and not venue_asked
    return (towns_ranked or placed_only) and mostly_away(timeline, rows)


def _partly_found(context: Context) -> Answer:
    """Some words of the question are in no photo in scope: say which, and what was found without them."""
    moments, groups = context.moments, context.groups
    found = " ".join(moments.found)
    seen = f" Without them, {found}: {len(groups)} {plural('visit', len(groups))} ({context.listed(groups, 4)})." if groups else ""
    return context.cannot_tell(f"I can't tell: {moments.missing_text()}.{seen}", f"not found: {', '.join(moments.missing)}",
                               context.evidence(groups), f"{found}: {context.listed(groups)}" if groups else "")


def _one_venue(parsed: ParsedQuery) -> bool:
    """The question's place is a single venue ("at the cafe"), not a town or a country."""
    areas = [area for term in parsed.place.terms for area in term.areas]
    return bool(areas) and all(area.radius_km <= VENUE_RADIUS_KM for area in areas)


def _one_day(parsed: ParsedQuery) -> bool:
    """The question's time is one dated day ("on 18 July 2010"), not a stretch of them or a weekday that recurs."""
    return any(isinstance(term, PeriodTerm) and term.grain == "day" and not term.negated for term in parsed.time.terms)


def _away_if_any(timeline: Timeline, rows: np.ndarray) -> np.ndarray:
    away = rows[timeline.trip_of_row[rows] >= 0]
    return away if len(away) else rows


def _on_trip(timeline: Timeline, scope: np.ndarray, rows: np.ndarray, ordinal: int) -> np.ndarray:
    """ "On my second trip to Paris": the rows of that trip among the trips in scope."""
    numbers = np.unique(timeline.trip_of_row[np.flatnonzero(scope)])
    numbers = numbers[numbers >= 0]
    if not -len(numbers) <= ordinal < len(numbers):
        return rows[:0]
    return rows[timeline.trip_of_row[rows] == numbers[ordinal]]


def _frequency(context: Context) -> Answer:
    question, groups = context.question, context.groups
    unit = question.unit if question.unit in ("day", "night", "week", "month") else "trip" if context.by_trip else "time"
    if unit in ("day", "night") and context.by_trip:  # "how many days was I in Berlin": the trips' days; its nights, one fewer
        count = sum(trip_days(context, group) - (unit == "night") for group in groups)
    elif unit == "night":  # "how many nights at the hotel": each evening there or breakfast after, one night
        count = len(nights_spent(context, groups))
    elif unit in ("day", "week", "month"):  # a night out past midnight is one night: each visit counts on the day it began
        days = context.library.local_seconds[[group.first_row for group in groups]] // 86400
        # weeks from Monday (numpy's run from Thursday, 1 January 1970, and split a Monday-to-Thursday trip in two)
        spans = days if unit == "day" else (days + 3) // 7 if unit == "week" else days.astype("datetime64[D]").astype("datetime64[M]")
        count = len(np.unique(spans))
    else:
        groups = journeys(context.timeline, groups) if context.by_trip else groups  # a side trip on the way is the same journey
        under_way = _under_way_before(context, groups)
        groups = [group for group in groups if not any(group is early for early in under_way)]
        count = len(groups)
    noun = plural(unit, count)
    if not count and unit == "trip" and under_way:  # "how many times did I go to Rome in October", there since 27 September
        began = f"not counted, as it began before then: {context.listed(under_way)}"
        return context.answer(0, f"None began then; under way already: {context.listed(under_way)}.", context.evidence(under_way),
                              f"0 {noun}", confidence="likely", why=began)
    if not count:
        return _never(context, noun)
    reasoning = f"{count} {noun}: {context.listed(groups)}"
    # a count is as sure as what found its visits: GPS and place names are; a captioner's words may miss some
    sure, why = context.count_confidence()
    if unit in ("day", "night") and context.by_trip and not all(photographed_to_the_ends(context, group) for group in groups):
        sure, why = "likely", "; ".join(filter(None, [why, ENDS_UNSEEN]))
    if unit in ("day", "night") and context.by_trip and (skipping := [group for group in groups if _days_unseen(context, group, 1)]):
        sure, why = "likely", "; ".join(filter(None, [why, f"days without a photo within {context.listed(skipping)} counted as there"]))
    if unit == "time" and sure == "sure" and any(group.first_row == group.last_row for group in groups):
        sure, why = "likely", "; ".join(filter(None, [why, GLIMPSED]))
    if unit == "time" and sure == "sure" and (alike := context.looks_like_more()):
        sure, why = "likely", alike
    outings = [group for group in groups if not group.trip] if context.by_trip else []
    if outings:  # a few photos there, on a day mostly at home or with no home known: a day out, a GPS fix astray, a caption
        sure, why = "likely", "; ".join(filter(None, [why, f"counted as trips: {context.listed(outings)}, photos there on no trip the photos' places show"]))
    gapped = [group for group in groups if _days_unseen(context, group)] if unit == "trip" and not context.timeline.diary_like else []
    if gapped:  # a diary's trips skip days as a rule: its trips are made of such gaps
        gap = f"whole days without photos within {context.listed(gapped)}: home between two trips would look the same"
        sure, why = "likely", "; ".join(filter(None, [why, gap]))
    if unit == "day" and context.by_trip and (longer := [group for group in groups if days_spanned(context, group.first_row, group.last_row)
                                                         > trip_days(context, group)]):
        # "how many days at home in Kalamata over Christmas": only the days inside the time or place asked were counted
        sure, why = "likely", "; ".join(filter(None, [why, f"counted only the days asked about of a longer trip ({context.listed(longer)})"]))
    if unit == "trip" and under_way:  # "how many times did I go to Munich in May", and a trip from 29 April: asked or not?
        sure, why = "likely", "; ".join(filter(None, [why, f"not counted, as it began before then: {context.listed(under_way)}"]))
    if question.per:
        return average(context, count, reasoning, lambda value: f"{value:g} {plural(unit, 2)}")
    text = f"{count} {noun}." + (f" Not counted: {context.listed(under_way)}, under way before then." if unit == "trip" and under_way else "")
    shown = [replace(group, rows=_at_night(context, group.rows)) for group in groups] if unit == "night" else groups
    return context.answer(count, text, context.evidence(shown), reasoning, confidence=sure, why=why)


def _at_night(context: Context, rows: np.ndarray) -> np.ndarray:
    """The photos of the nights counted (the evening's and the small hours'), where there are any."""
    night = rows[day_part_term("night").mask(context.library.local_seconds[rows])]
    return night if len(night) else rows


def _days_unseen(context: Context, group, whole_days: int = UNSEEN_TRIP_DAYS) -> bool:
    """Whether a trip's photos skip `whole_days` whole days or more (the camera off or forgotten): by default, a
    weekend that may have been spent at home, between two trips (one day is seldom enough to go home and come
    back); with 1, any day whose place no photo shows."""
    days = context.library.local_seconds[group.first_row:group.last_row + 1] // 86400
    return group.trip and len(days) > 1 and int(np.diff(days).max()) >= whole_days + 1


def _under_way_before(context: Context, groups: list) -> list:
    """The trips that had begun before the time asked (none when no time is asked, or when counting visits)."""
    if not context.by_trip or not context.parsed.time.terms or not groups:
        return []
    began = context.parsed.time.exactly().mask(context.library.local_seconds[[group.first_row for group in groups]])
    return [group for group, inside in zip(groups, began) if not inside]


def _never(context: Context, noun: str) -> Answer:
    """Zero, said only as far as the library could have seen it: a "never" needs a search that could have found it."""
    moments = context.moments
    if not moments.time_covered:
        return context.nothing_found()
    if moments.subject and not moments.found:
        if moments.by_clip:
            return context.answer(0, f"Never that I can see: nothing in the photos looks like {context.about}.", [], f"0 {noun}",
                                  confidence="unsure")
        if not any(moments.elsewhere.values()):  # no photo anywhere says it: the library cannot see it, so no "never"
            return context.cannot_tell(f"I can't tell how often ({context.about}): {moments.missing_text()}, and there is no "
                                       "CLIP model to look at the photos themselves.", f"the library cannot see it: {moments.missing_text()}")
        return context.answer(0, f"Never, as far as the photos show: {moments.missing_text()}.", [], f"0 {noun}", confidence="likely")
    if not moments.subject:  # a place or a time alone: GPS says where every photo was taken
        located = np.isfinite(context.library.lat[context.parsed.time.exactly().mask(context.library.local_seconds)])
        share = float(located.mean()) if len(located) else 0.0
        sure = "sure" if share >= LOCATED_FOR_SURE else "likely"
        return context.answer(0, f"Never: no photo was taken at {context.scope_label}.", [], f"0 {noun}", confidence=sure,
                              why=f"{share:.0%} of the photos in that time have GPS")
    return context.answer(0, f"Never, as far as the photos show: no moment of {context.about}.", [], f"0 {noun}", confidence="likely")


_RULES = {
    "frequency": _frequency, "time": time_answer, "location": location_answer, "duration": duration_answer,
    "counting": counting_answer, "ocr": ocr_answer, "color": colour_answer, "object": object_answer,
}
