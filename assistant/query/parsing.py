"""Understanding a remembered moment: `parse_query` splits a description into time constraints, place
constraints and the visual description left for CLIP.

    q = parse_query("Friends outside a bar in Dublin. It was a Friday evening in September 2019.",
                    now=datetime(2020, 6, 30, 23, 59))
    q.time.admits(datetime(2019, 9, 6, 19, 7))   # True
    q.place.admits(53.34, -6.27)                 # True
    q.visual                                     # "Friends outside a bar."

Parsing is pure (no I/O) unless the caller passes an online `geocoder`. Against a library (its places, its
concepts, its own "now"), parse through `QueryContext.of(library, settings)` (context.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Sequence

from .anchors import LifeAnchor, LifeEvents, anchored_term, find_anchors
from .concepts import find_concepts
from .language import detect_languages, render
from .parsed import ParsedQuery, Question
from .place import KnownPlace, PlaceConstraints, PlaceGeocoder, find_places, southern_hemisphere
from .question import read_question
from .sequence import CLAUSE_WINDOW_HOURS, SequenceClause, SequenceSteps, find_sequence_clauses, find_sequence_steps
from .text import blank_out
from .time import PeriodTerm, TimeConstraints, build_terms, find_facts
from .visual import visual_description


def parse_query(
    text: str,
    now: datetime | None = None,
    places: Sequence[KnownPlace] | None = None,
    *,
    geocoder: PlaceGeocoder | None = None,
    concepts: Sequence[str] | None = None,
    since: datetime | None = None,
    date_order: str | None = None,
    language: str | None = None, events: LifeEvents | None = None,
) -> ParsedQuery:
    """Understand a remembered moment.

    now anchors relative expressions ("last January"); a library passes its last photo's time, so that
    they are relative to the archive. places are the library's own places, matched before the world
    gazetteer. geocoder (optional, e.g. `NominatimGeocoder`) is asked about names nothing offline knows.
    concepts are the library's concept labels (tags, detected objects) that "with a dog" may filter on.
    since is the library's first photo: recurring phrases are compared over its years (default: 30 years).
    date_order ("DMY", "MDY") reads 04/05/2020 as the user writes dates; None admits both readings.
    language ("de", "el", any dateparser knows, "auto" or None: told per message) is the message's language;
    another than English is rendered word for word into the English the grammar reads (`language`), and
    what it found is mapped back onto the message's own words. events (the library) finds what "before my trip to
    Japan" is anchored to; an event not found (or without events) filters nothing, and the query names it.
    """
    text = text or ""
    now = (now or datetime.now()).replace(tzinfo=None)
    languages = detect_languages(text) if language in (None, "", "auto") else (language.lower(),)
    rendering = render(text, languages) if languages != ("en",) else None
    read = rendering.text if rendering else text  # what the grammar reads
    asked = read_question(read)
    question = _with_resolved_now(asked.question, now, date_order)
    if question is not None and question.now:
        now = datetime.fromisoformat(question.now)
    anchors, facts, steps = _anchors_times_and_steps(read, list(asked.spans), now, date_order)
    time_spans = [fact.span for fact in facts] + list(asked.spans) + [anchor.span for anchor in anchors]
    clauses = find_sequence_clauses(read, time_spans + list(steps.spans))
    clause_spans = [clause.span for clause in clauses]
    found = _places(read, time_spans, steps.spans + tuple(clause_spans), places, geocoder, tuple(code for code in languages if code != "en"))
    archive_years = range(since.year, now.year + 1) if since is not None and since <= now else None
    anchored, unfound = _anchored(anchors, events, places, geocoder, languages)
    time_terms = build_terms(facts, now, southern_hemisphere(found.terms, places), archive_years) + anchored
    taken = time_spans + clause_spans + list(steps.spans) + found.spans  # a later part's things filter no photo of the moment
    if rendering:  # the words the grammar used, as spans of the message itself
        taken = rendering.original_spans(taken)
    concept_terms, negated_concept_spans = find_concepts(blank_out(text, taken), concepts)
    visual = visual_description(text, taken + negated_concept_spans)
    return ParsedQuery(
        text=text,
        time=TimeConstraints(tuple(time_terms)),
        place=PlaceConstraints(_first_of_each(found.terms)),  # a place said twice is one chip, where first said
        visual=visual,
        preceded_by=tuple(clause.text for clause in clauses if clause.relation == "after"),
        followed_by=_told_after(clauses, steps),
        sequence_window_hours=steps.window_hours if steps.parts else CLAUSE_WINDOW_HOURS,
        ambiguous=tuple(found.ambiguous),
        concepts=tuple(concept_terms),
        question=question,
        language=languages[0],
        unfound_events=unfound,
    )


def _anchors_times_and_steps(read: str, question_spans: list, now: datetime, date_order: str | None):
    """Times anchored to an event, the time facts, and the parts told after the moment, each found outside the ones
    before: "the week after the wedding" is no "after" clause, and "later that evening" no time of the whole memory."""
    anchors = find_anchors(read, question_spans)
    taken = question_spans + [anchor.span for anchor in anchors]
    step_words = list(find_sequence_steps(read, taken).markers)
    facts = find_facts(blank_out(read, taken + step_words), now, date_order)
    steps = find_sequence_steps(read, taken + [fact.span for fact in facts])
    return anchors, facts, steps


# A place said in another part of a sequence this big or bigger (a town, a country) is where the whole memory was.
TOWN_RADIUS_KM = 2.0


def _places(read: str, taken: list, parts: tuple, places, geocoder, languages: tuple[str, ...]):
    """The memory's places: those said of the moment; when it names none, the towns or larger said in another part
    ("then we drove around Dublin", "before the train at Daejeon station"). A venue said in another part ("then the
    gym") is where that part was, found by its words; so is a town when the moment has its own ("coffee in Dublin,
    then the bus to Galway": not Dublin and Galway at once)."""
    found = find_places(read, blank_out(read, taken + list(parts)), places, geocoder, languages=languages)
    if not parts or any(not term.negated for term in found.terms):
        return found
    edges = [0] + [edge for span in sorted(parts) for edge in span] + [len(read)]
    outside = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    other = find_places(read, blank_out(read, taken + outside), places, geocoder, languages=languages)
    towns = [term for term in other.terms if all(area.kind != "known" or area.radius_km >= TOWN_RADIUS_KM for area in term.areas)]
    return replace(found, terms=found.terms + towns)


def _told_after(clauses: list[SequenceClause], steps: SequenceSteps) -> tuple[str, ...]:
    """ "before Y" clauses and the parts told after the moment ("then Y"), in the order said."""
    said = [(clause.span, clause.text) for clause in clauses if clause.relation == "before"] + list(zip(steps.spans, steps.parts))
    return tuple(part for _, part in sorted(said))


def _anchored(anchors: list[LifeAnchor], events: LifeEvents | None, places, geocoder, languages) -> tuple[list, tuple[str, ...]]:
    """The time terms of the anchors whose events were found, and the events that were not."""
    terms, unfound = [], []
    for anchor in anchors:
        if anchor.place:
            named = find_places(anchor.place, anchor.place, places, geocoder, languages=tuple(c for c in languages if c != "en"))
            anchor = replace(anchor, place_term=named.terms[0] if named.terms else None)
        event = events.find_event(anchor) if events is not None else None
        if event is None:
            unfound.append(anchor.event)
        else:
            terms.append(anchored_term(anchor, event))
    return terms, tuple(unfound)


def _with_resolved_now(question: Question | None, now: datetime, date_order: str | None) -> Question | None:
    """ "assuming today is 1 July 2020": the question's now as the end of that day (ISO), or "" when unreadable."""
    if question is None or not question.now:
        return question
    facts = find_facts(question.now, now, date_order)
    days = [term.day_ranges()[-1][-1] for term in build_terms(facts, now) if isinstance(term, PeriodTerm)]
    return replace(question, now=f"{days[0].isoformat()}T23:59:59" if days else "")


def _first_of_each(terms) -> tuple:
    """Place terms with repeats dropped, in the order they were first said."""
    kept: dict[str, object] = {}
    for term in terms:
        kept.setdefault(term.label, term)
    return tuple(kept.values())
