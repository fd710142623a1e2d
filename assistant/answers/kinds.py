"""From the matching moments to a value, one rule per kind of question, with the sentence and the arithmetic.

Every answer carries the photos it was computed from. When the visits disagree (two different hotels,
two dates for "when"), the most likely value is given as unsure, with up to three candidates.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import numpy as np

from ..library import Library
from ..query import ParsedQuery, PeriodTerm, local_seconds_of
from ..words import concept_key, plural
from .answer import Answer, Candidate, NotAQuestion
from .moments import Moments, find_moments, rows_matching, subject_terms
from .timeline import Timeline, timeline_of
from .visits import Group, following, mostly_away, trips, visits
from .words import colours, things, words_read

EVIDENCE_PER_GROUP = 3
MAX_EVIDENCE = 12  # photos, unless there are more moments than this: then one photo of each ...
MAX_EVIDENCE_MOMENTS = 30  # ... of at most this many
VISIT_PHOTOS_READ = 200  # the words of at most this many photos per visit are read ...
MAX_VISITS_READ = 60  # ... of at most this many visits, the most recent
SPLIT_SHARE = 0.5  # a second value with at least this share of the first's support makes the answer unsure
MAX_CANDIDATES = 3
TRIP_WORDS = frozenset({"trip", "holiday", "journey", "vacation", "travel", "abroad", "overseas"})
_SINGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "persons": "person"}
_GRANULARITY_FORMAT = {"date": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y", "weekday": "%A", "clock": "%H:%M"}
PHOTOS_ASKED = 4  # the best few evidence photos of a visit are asked by a VQA model

def answer_parsed(library: Library, parsed: ParsedQuery, now: datetime | None = None, encoder=None, vqa=None) -> Answer:
    """Answer an already parsed question (the chat passes its merged query); now: for "last", default the last photo.
    vqa (a VqaModel, optional) is asked about the evidence photos when their words do not say the answer."""
    question = parsed.question
    if question is None:
        raise NotAQuestion(f"{parsed.text!r} describes a moment rather than asks a question; search for it instead")
    if question.now:
        now = datetime.fromisoformat(question.now)
    now = now or library.last_local_time() or datetime.max
    subject = subject_terms(parsed.visual)
    by_trip = question.unit == "trip" or bool(TRIP_WORDS & set(subject))
    counted = {concept_key(question.counted), concept_key(_SINGULAR.get(question.counted, question.counted))}  # "people" is "person"
    subject = [word for word in subject if word not in TRIP_WORDS and word not in counted]
    timeline = timeline_of(library)
    moments = find_moments(library, parsed, subject, encoder, away=lambda rows: mostly_away(timeline, rows))
    subject = moments.subject
    rows = moments.rows[library.local_seconds[moments.rows] <= local_seconds_of(now)]
    for clause, after in [(text, True) for text in parsed.preceded_by] + [(text, False) for text in parsed.followed_by]:
        rows = following(library, rows, rows_matching(library, subject_terms(clause)), after)
    if not subject and question.granularity in ("city", "country"):
        rows = _away_if_any(timeline, rows)  # "which city did I visit in March": not the home town
    ordinal = question.ordinal
    if question.unit == "trip" and ordinal is not None and question.kind != "frequency":
        rows, ordinal, by_trip = _on_trip(timeline, moments.scope, rows, ordinal), None, False
    if not subject and parsed.place.terms and mostly_away(timeline, rows):
        by_trip = True
    groups = trips(timeline, rows) if by_trip else visits(timeline, rows)
    if ordinal is not None and question.kind != "frequency":
        groups = [groups[ordinal]] if -len(groups) <= ordinal < len(groups) else []
    if question.kind in ("ocr", "color", "object"):
        groups = groups[-MAX_VISITS_READ:]  # what the words of the most recent visits say
    context = _Context(library, parsed, moments, subject, groups, by_trip, timeline, vqa)
    if not subject and not parsed.place.terms and not parsed.time.terms:
        return context.unanswerable("I could not tell what the question is about; name a place, an activity or a time")
    if question.kind != "frequency" and not groups:
        return context.nothing_found()
    return _RULES[question.kind](context)


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


class _Context:
    """What every rule needs, and the phrasing they share."""

    def __init__(self, library, parsed, moments: Moments, subject, groups: list[Group], by_trip: bool, timeline: Timeline, vqa=None):
        self.library, self.parsed, self.moments, self.subject = library, parsed, moments, subject
        self.groups, self.by_trip, self.timeline = groups, by_trip, timeline
        self.question = parsed.question
        self.vqa = vqa

    @property
    def about(self) -> str:
        scope = [chip.label for chip in self.parsed.chips()]
        words = " ".join(self.subject) or "anything"
        return f"{words}" + (f" ({', '.join(scope)})" if scope else "")

    def answer(self, value, text: str, evidence_rows, reasoning: str, candidates=(), confident: bool = True) -> Answer:
        if self.moments.by_clip:  # no photo's words say it: the moments only look like it
            text, confident = f"Unsure, from how the photos look (no photo's words mention {' '.join(self.subject)}): {text}", False
        return Answer(self.question.kind, value, text, tuple(self.library.image_ids(evidence_rows)), reasoning,
                      tuple(candidates), confident, self.parsed)

    def unanswerable(self, text: str) -> Answer:
        return Answer(self.question.kind, None, text, (), "", (), False, self.parsed)

    def nothing_found(self) -> Answer:
        if not self.moments.time_covered:
            return self.unanswerable(f"The library has no photos from {self.parsed.chips()[0].label}, so I cannot answer.")
        missing = f"; {self.moments.missing_words}" if self.moments.unknown else ""
        return self.unanswerable(f"I found no moment of {self.about}{missing}, so I cannot answer.")

    def visit_rows(self, group: Group) -> np.ndarray:
        """The photos to read a visit's words from: the whole stay (capped), or a trip's matching photos."""
        if group.trip:
            return group.rows[:VISIT_PHOTOS_READ]
        return np.arange(group.first_row, min(group.last_row + 1, group.first_row + VISIT_PHOTOS_READ))

    def evidence(self, groups: list[Group]) -> list[int]:
        return spread_evidence([group.rows for group in groups])

    def when(self, group: Group) -> str:
        """ "2–5 Mar 2019" for a trip, "Sat 2 Mar 2019, 18:05–19:40" for a visit."""
        first, last = _local(self.library, group.first_row), _local(self.library, group.last_row)
        if group.trip:
            return _day_range(first, last)
        return f"{first:%a} {first.day} {first:%b %Y}, {first:%H:%M}–{last:%H:%M}"

    def where(self, group: Group) -> str:
        return self.library.event_place(int(self.library.event_ids[group.rows[0]])) or self.library.record(int(group.rows[0]))["place"]

    def listed(self, groups: list[Group], limit: int = 6) -> str:
        shown = "; ".join(self.when(group) for group in groups[:limit])
        return shown + (f"; and {len(groups) - limit} more" if len(groups) > limit else "")

    def one_day_unless_dated(self, groups: list[Group]) -> list[Group]:
        """Several days match an undated scope ("on Monday", "at the gym"): the most recent day is meant."""
        dated = any(isinstance(term, PeriodTerm) for term in self.parsed.time.terms)
        days = {int(self.library.local_seconds[group.rows[0]] // 86400) for group in groups}
        if dated or len(days) < 2 or self.by_trip:
            return groups
        last_day = max(days)
        return [group for group in groups if self.library.local_seconds[group.rows[0]] // 86400 == last_day]

    def latest_first(self, values: list, groups: list[Group], evidence_rows: list[list[int]]) -> list[Candidate]:
        """One candidate per occasion, the most recent first (when several occasions answer differently)."""
        return [Candidate(value, f"{value} ({self.when(group)})", tuple(self.library.image_ids(rows)))
                for value, group, rows in list(zip(values, groups, evidence_rows))[::-1][:MAX_CANDIDATES]]

    def by_value(self, values: list[object], groups: list[Group]) -> tuple[object, list[Candidate], list[Group], bool]:
        """Groups that agree on a value, most supported (then most recent) first: (value, candidates, its groups, sure)."""
        support: dict[object, list[Group]] = {}
        for value, group in zip(values, groups):
            support.setdefault(value, []).append(group)
        ranked = sorted(support.items(), key=lambda item: (len(item[1]), item[1][-1].rows[-1]), reverse=True)
        candidates = [Candidate(value, f"{value} ({self.listed(members, 2)})", tuple(self.library.image_ids(self.evidence(members))))
                      for value, members in ranked[:MAX_CANDIDATES]]
        sure = len(ranked) == 1 or len(ranked[1][1]) < SPLIT_SHARE * len(ranked[0][1])
        return ranked[0][0], candidates if not sure else [], ranked[0][1], sure


def _local(library: Library, row: int) -> datetime:
    return np.datetime64(int(library.local_seconds[int(row)]), "s").astype(datetime)


def _day_range(first: datetime, last: datetime) -> str:
    if first.date() == last.date():
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b}–{last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y}–{last.day} {last:%b %Y}"


def _unsure(text: str, candidates: list[Candidate]) -> str:
    return f"Probably {text} But the evidence is split: " + "; ".join(c.text for c in candidates) + "."


def _frequency(context: _Context) -> Answer:
    question, groups = context.question, context.groups
    unit = question.unit if question.unit in ("day", "week", "month") else "trip" if context.by_trip else question.unit
    if unit in ("day", "week", "month"):
        rows = np.concatenate([group.rows for group in groups]) if groups else np.zeros(0, np.int64)
        width = {"day": "D", "week": "W", "month": "M"}[unit]
        count = len(np.unique(context.library.local_seconds[rows].astype("datetime64[s]").astype(f"datetime64[{width}]")))
        noun = plural(unit, count)
    else:
        count, noun = len(groups), plural("trip" if unit == "trip" else "time", len(groups))
    if not count:
        if not context.moments.confident_none:
            why = ("the library has no photos from that time" if not context.moments.time_covered
                   else "this library has no words to look for it in" if context.moments.blind else "the only hints are weak")
            return context.unanswerable(f"I cannot tell how often ({context.about}): {why}.")
        missing = f": {context.moments.missing_words}" if context.moments.unknown else ""
        return context.answer(0, f"Never: I found no moment of {context.about}{missing}.", [], f"0 {noun} matched")
    reasoning = f"{count} {noun}: {context.listed(groups)}"
    return context.answer(count, f"{count} {noun}.", context.evidence(groups), reasoning)


def _time(context: _Context) -> Answer:
    granularity = context.question.granularity or "date"
    pattern = _GRANULARITY_FORMAT[granularity]
    values = [_local(context.library, group.rows[0]).strftime(pattern) for group in context.groups]
    if context.question.ordinal is None and len(set(values)) > 1:
        recent = context.groups[-1]  # several occasions and none singled out: the most recent is meant, but say so
        candidates = context.latest_first(values, context.groups, [context.evidence([group]) for group in context.groups])
        text = _unsure(f"{values[-1]}, the most recent of {len(values)} occasions.", candidates)
        return context.answer(values[-1], text, context.evidence([recent]), f"{len(values)} occasions: {context.listed(context.groups)}", candidates, False)
    group = context.groups[-1] if context.question.ordinal is None else context.groups[0]
    return context.answer(values[-1], f"{values[-1]} ({context.when(group)}, {context.where(group)}).", context.evidence([group]),
                          f"{len(context.groups)} matching {plural('visit', len(context.groups))}: {context.listed(context.groups)}")


def _location(context: _Context) -> Answer:
    column = {"country": context.timeline.countries, "city": context.timeline.cities}.get(context.question.granularity, context.timeline.places)
    values = [_most_common(column[group.rows]) for group in context.groups]
    if context.question.every:  # "which countries did I visit": all of them, in the order first visited
        named = list(dict.fromkeys(value for value in values if value))
        chosen = [group for value, group in zip(values, context.groups) if value]
        return context.answer(", ".join(named), f"{', '.join(named)}.", context.evidence(chosen),
                              f"{len(chosen)} matching {plural('visit', len(chosen))}: {context.listed(chosen)}")
    return _valued(context, [(value, group.rows.tolist()) for value, group in zip(values, context.groups)], "at")


def _most_common(values) -> str:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else ""


def spread_evidence(moments: list) -> list[int]:
    """Photos of each moment an answer counts, the same number of each: "7 times" shows all seven moments
    (one photo each), "2 times" three photos of each."""
    moments = moments[:MAX_EVIDENCE_MOMENTS]
    each = max(1, min(EVIDENCE_PER_GROUP, MAX_EVIDENCE // max(len(moments), 1)))
    return [int(row) for rows in moments for row in rows[:each]]


def _valued(context: _Context, found: list[tuple[object, list[int]]], how: str) -> Answer:
    """An answer whose value each visit gives (a place, a word read, a colour), with the photos that show it;
    visits that disagree make it unsure."""
    kept = [(value, rows, group) for (value, rows), group in zip(found, context.groups) if value not in ("", None)]
    if not kept:
        return context.unanswerable(f"I found {context.about} ({context.listed(context.groups, 3)}) but nothing there says the answer.")
    showing = {id(group): rows for _, rows, group in kept}
    value, candidates, groups, sure = context.by_value([value for value, _, _ in kept], [group for _, _, group in kept])
    text = f"{value} ({how} {context.where(groups[-1])}, {context.when(groups[-1])})."
    reasoning = f"{len(groups)} of {len(context.groups)} matching {plural('visit', len(context.groups))} say {value}: {context.listed(groups)}"
    evidence = spread_evidence([showing[id(group)] for group in groups])
    return context.answer(value, text if sure else _unsure(text, candidates), evidence, reasoning, candidates, sure)


def _read(context: _Context, reader) -> list[tuple[object, list[int]]]:
    """Values read from the words of each visit's photos (all of the stay, not only those that matched: the sign
    may be on another photo of the same visit), with the photos that carry the value; when the words say
    nothing and a VQA model is at hand, the visit's best photos are asked. The most recent visits are read."""
    groups = context.groups
    rows_by_group = [context.visit_rows(group) for group in groups]
    records = context.library.records(np.concatenate(rows_by_group))
    per_photo = [reader([record]) for record in records]  # one Counter per photo, summed per visit below
    found, start = [], 0
    for group, rows in zip(groups, rows_by_group):
        photos = per_photo[start:start + len(rows)]
        start += len(rows)
        value = _top(sum(photos, Counter()))
        if value:
            found.append((value, [int(row) for row, words in zip(rows, photos) if words[value]]))
        elif context.vqa is not None:
            found.append(_asked(context, group))
        else:
            found.append(("", group.rows.tolist()))
    return found


def _asked(context: _Context, group: Group) -> tuple[str, list[int]]:
    """The VQA model's answer over a visit's best photos (confidence summed per answer), and the photos that gave it."""
    rows = group.rows[:PHOTOS_ASKED]
    replies = context.vqa.ask([record["path"] for record in context.library.records(rows)], context.parsed.text)
    votes: Counter = Counter()
    for _, answer, confidence in replies:
        votes[answer] += confidence
    if not votes:
        return "", group.rows.tolist()
    value = votes.most_common(1)[0][0]
    return value, [int(rows[position]) for position, answer, _ in replies if answer == value]


def _duration(context: _Context) -> Answer:
    groups = context.one_day_unless_dated(context.groups)
    seconds = [int(context.library.utc_seconds[group.last_row] - context.library.utc_seconds[group.first_row]) for group in groups]
    if context.by_trip and len(groups) > 1 and context.question.ordinal is None:
        value, candidates, chosen, sure = context.by_value(seconds, groups)
        text = f"{_human(value)} ({context.when(chosen[-1])})."
        return context.answer(value, text if sure else _unsure(text, candidates), context.evidence(chosen),
                              f"{len(groups)} trips: {context.listed(groups)}", candidates, sure)
    total = sum(seconds)
    parts = " + ".join(f"{context.when(group)} at {context.where(group)} ({_human(length)})" for group, length in zip(groups, seconds))
    return context.answer(total, f"{_human(total)}.", context.evidence(groups), f"{parts} = {_human(total)}" if len(groups) > 1 else parts)


def _human(seconds: int) -> str:
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days} {plural('day', days)}"] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes or not parts else []
    return " ".join(parts)


def _counting(context: _Context) -> Answer:
    thing = context.question.counted or "things"
    key = concept_key(_SINGULAR.get(thing, thing))
    index = context.library.concept_index
    groups = context.one_day_unless_dated(context.groups)
    position = index.labels.index(key) if index is not None and key in index.labels else None
    if position is None or not index.counted[position]:
        shown = context.evidence(groups)
        return Answer(context.question.kind, None, f"I cannot count {thing} here: this library has no detector counts for them. "
                      f"The moment is {context.when(groups[-1])} at {context.where(groups[-1])}.", tuple(context.library.image_ids(shown)),
                      f"{len(groups)} matching {plural('visit', len(groups))}: {context.listed(groups)}", (), False, context.parsed)
    counts = index.count(key)
    seen = [group for group in groups if counts[group.rows].max() > 0] or groups  # visits where none were seen say nothing
    per_group = [int(counts[group.rows].max()) for group in seen]
    best = [int(group.rows[np.argmax(counts[group.rows])]) for group in seen]
    parts = " + ".join(f"{count} at {context.where(group)} ({context.when(group)})" for count, group in zip(per_group, seen))
    reasoning = f"most {plural(key, 2)} in one photo: {parts}"
    days = {int(context.library.local_seconds[group.rows[0]] // 86400) for group in seen}
    if len(days) > 1:  # several occasions: the most recent is meant, but say so
        candidates = context.latest_first(per_group, seen, [[row] for row in best])
        text = _unsure(f"{per_group[-1]} {plural(key, per_group[-1])}, on the most recent of {len(seen)} occasions.", candidates)
        return context.answer(per_group[-1], text, best[-1:] + context.evidence(seen[-1:]), reasoning, candidates, False)
    total = sum(per_group)  # one day: what was seen at each visit adds up ("cups of coffee on 5 May")
    return context.answer(total, f"{total} {plural(key, total)}.", best + context.evidence(seen)[: MAX_EVIDENCE - len(best)], reasoning)


def _ocr(context: _Context) -> Answer:
    return _valued(context, _read(context, words_read), "read at")


def _colour(context: _Context) -> Answer:
    return _valued(context, _read(context, lambda records: colours(records, context.subject)), "at")


def _object(context: _Context) -> Answer:
    return _valued(context, _read(context, lambda records: things(records, context.subject)), "at")


def _top(counted: Counter) -> str:
    return counted.most_common(1)[0][0] if counted else ""


_RULES = {
    "frequency": _frequency, "time": _time, "location": _location, "duration": _duration,
    "counting": _counting, "ocr": _ocr, "color": _colour, "object": _object,
}
