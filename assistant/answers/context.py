"""What every rule needs to answer: the question, its moments and visits, the phrasing they share, and how
sure an answer may be given how its moments were found."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import numpy as np

from ..core.geo import haversine_km
from ..core.words import plural
from ..library import Library
from ..query import CalendarTerm, ParsedQuery, PeriodTerm
from .answer import CONFIDENCE, Answer, Candidate
from .categories import LISTED_GROCERIES
from .lookalikes import looking_alike
from .moments import Moments
from .scope import LOCATED_FOR_SURE, unnamed_days_at_venue, whereabouts_unknown
from .subject import MEAL_HOURS
from ..library.timeline import Timeline
from .visits import Group

EVIDENCE_PER_GROUP = 3
MAX_EVIDENCE = 12  # photos, unless there are more moments than this: then one photo of each ...
MAX_EVIDENCE_MOMENTS = 30  # ... of at most this many
SPLIT_SHARE = 0.5  # a second value with at least this share of the first's support makes the answer unsure
COUNT_MARGIN = 0.1  # "which ... most": counts this close (a share of the larger) are a tie
MAX_CANDIDATES = 3
SAME_TOWN_KM = 30  # a photo this near another was taken in the same town: it does not show a trip's edge
BESIDE_LOOKED_AT = 20_000  # placed photos looked at on each side of a trip's edge (weeks of a dense camera)


def weaker(*levels: str) -> str:
    """The least sure of some confidence levels."""
    return max(levels, key=CONFIDENCE.index)


class Context:
    """One question being answered: its parse, moments, visits or trips, and the library they come from."""

    def __init__(self, library: Library, parsed: ParsedQuery, moments: Moments, groups: list[Group], by_trip: bool,
                 timeline: Timeline, vqa=None):
        self.library, self.parsed, self.moments = library, parsed, moments
        self.groups, self.by_trip, self.timeline, self.vqa = groups, by_trip, timeline, vqa
        self.question = parsed.question
        self.subject = moments.found

    # ---- how sure, and why -------------------------------------------------------------------------
    @property
    def found_confidence(self) -> str:
        """How sure the moments are: the photos' own words for every word, by meaning, or by look alone."""
        if self.moments.by_clip:
            return "unsure"
        moments = self.moments
        return "likely" if moments.by_meaning or moments.as_parts or moments.missing or moments.as_times_of_day else "sure"

    @property
    def why(self) -> str:
        moments = self.moments
        if moments.by_clip:
            return f"only how the photos look (CLIP): {moments.missing_text()}"
        meals = "; ".join(f"'{meal}' taken as its hours ({MEAL_HOURS[meal][0]}:00–{MEAL_HOURS[meal][1]}:00)"
                          for meal in moments.as_times_of_day)
        if not moments.subject:
            return "; ".join(filter(None, [meals, f"the photos' times and places ({self.scope_label or 'everything'})"]))
        if moments.in_place_of_subject:
            return f"{moments.missing_text()}: everything at {self.scope_label} was read instead"
        exact = [word for word in moments.found if word not in moments.by_meaning and word not in moments.as_parts]
        parts = [f"found by the words {_quoted(exact)} in the photos' captions, text, tags or place names"] if exact else []
        parts += [f"'{word}' found as two words on one photo, as no photo has it whole" for word in moments.as_parts]
        parts += [f"'{word}' also as {_quoted(names)}, which go with it in your photos" for word, names in moments.companions.items()]
        parts += [f"'{word}' also where a caption lists groceries ({LISTED_GROCERIES} or more, or one and a shop)" for word in moments.as_grocery_lists]
        if moments.missing:
            parts.append(moments.missing_text())
        if moments.by_meaning:
            parts.append(f"{_quoted(moments.by_meaning)} matched by meaning (the sentence model), not by the word itself")
        elif not self.has_sentence_model and self.library.text_index is not None:
            parts.append("matched by exact words only (no sentence model)")
        return "; ".join(filter(None, [meals, *parts]))

    def thinly_found(self, group: Group) -> str:
        """Why a visit may not be what was asked ('' when it is found well): one photo is a captioner's word, or a
        GPS fix that strayed to the place next door; several photos are surer."""
        moments = self.moments
        if not moments.subject:
            return ""
        if moments.own_words is not None and moments.said_somewhere and not moments.own_words[np.searchsorted(moments.rows, group.rows)].any():
            # "when did I first eat souvlaki": a gyros pita at Ypsilon Souvlaki; other photos say "souvlaki", these do not
            return f"only the place's name says {_quoted(moments.said_somewhere)}, which other photos' own words say"
        if len(group.rows) < 2:
            return "a single photo says it"
        thin = self.moments.thin_words(group.rows)
        return f"only one photo there has {', '.join(map(repr, thin))}" if thin else ""

    def count_confidence(self) -> tuple[str, str]:
        """How sure a count of visits is: sure when GPS or place names found every visit, likely from photos' words; a
        count by place alone is likely when many photos then say nothing of where they were (unplaced_then)."""
        if not self.moments.subject:
            unseen = self.unplaced_then()
            if not unseen and (missed := unnamed_days_at_venue(self.library, self.parsed)):
                unseen = f"photos there on {missed} {plural('day', missed)} carry no name, hours from any that do, so a visit may be missed"
            return ("likely", unseen) if unseen else ("sure", "")
        if all(self.moments.named_in(group.rows) for group in self.groups):
            return "sure", ""
        return "likely", "counted from the photos' words, which can miss a visit"

    def unplaced_then(self, after: int = -1, before: int | None = None) -> str:
        """Why occasions found by their place alone (or trips, by where the photos were) may not be all of them: too
        many photos of the question's time (between rows `after` and `before`) say nothing of where they were taken;
        "" when nearly all do, or when the question names neither a place nor trips."""
        if self.moments.subject or not (self.parsed.place.terms or self.by_trip):
            return ""
        rows = self.rows_of_time(after, before)
        share = float(whereabouts_unknown(self.timeline)[rows].mean()) if len(rows) else 0.0
        if share <= 1 - LOCATED_FOR_SURE:
            return ""
        when = "before it" if before is not None else "after it" if after >= 0 else "of that time" if self.parsed.time.terms else ""
        return f"{share:.0%} of the photos {when} say nothing of where they were taken".replace("  ", " ")

    def looks_like_more(self, after: int = -1, before: int | None = None) -> str:
        """Why the visits found may not be all of them: photos of the question's time (between rows `after` and `before`)
        look like them but say nothing of what was asked, as a visit caught in one photo may (lookalikes.py); '' when none."""
        if self.by_trip:
            return ""
        alike = looking_alike(self.library, self.timeline, self.groups, self.moments.rows, self.rows_of_time(after, before))
        if not len(alike):
            return ""
        row = int(alike[-1] if before is not None else alike[0])  # the nearest to the visit chosen
        caption = self.library.texts(np.array([row]), ["caption"])["caption"][0]
        one = len(alike) == 1
        missed = (f"{'says' if one else 'say'} nothing of {_quoted(self.moments.subject)}" if self.moments.subject
                  else f"{'names' if one else 'name'} no place")
        where = "before it" if before is not None else "after it" if after >= 0 else "then"
        return (f"{len(alike)} {plural('photo', len(alike))} {where} {'looks' if one else 'look'} like these visits "
                f"('{caption}' on {self.local(row):%d %b %Y}) but {missed}: "
                "a visit caught in a photo or two whose words miss it would not have been found")

    def rows_of_time(self, after: int = -1, before: int | None = None) -> np.ndarray:
        """Every photo of the question's time (the calendar's, exactly), wherever it was taken (between rows `after` and
        `before`, when given)."""
        rows = (np.flatnonzero(self.parsed.time.exactly().mask(self.library.local_seconds)) if self.parsed.time.terms
                else np.arange(len(self.library)))
        return rows[(rows > after) & (rows < (len(self.library) if before is None else before))]

    def placed_beside(self, row: int, step: int) -> int | None:
        """The nearest photo before (step -1) or after (step 1) a row that says it was taken somewhere else (off the
        row's trip, in another town), or None: a photo with no place right beside a trip's first may be on the trip
        already, and one in Singapore before the hotel is on it, so neither shows when the trip began."""
        placed = self.timeline.placed_rows
        at = np.searchsorted(placed, row, side="left" if step < 0 else "right")
        side = placed[max(at - BESIDE_LOOKED_AT, 0):at][::-1] if step < 0 else placed[at:at + BESIDE_LOOKED_AT]
        timeline, lat, lng = self.timeline, self.library.lat, self.library.lng
        # by town: a fix with no town's name (a taxi from the airport) says nothing against the row's own town
        elsewhere = ((timeline.cities[side] != timeline.cities[row]) & (timeline.cities[side] != "") if timeline.cities[row]
                     else np.ones(len(side), bool))
        if np.isfinite(lat[row]):  # by GPS where both have it (a fix in Singapore with no town's name is still Singapore)
            away = haversine_km(lat[row], lng[row], lat[side], lng[side])
            elsewhere = np.where(np.isfinite(away), away > SAME_TOWN_KM, elsewhere)
        if timeline.trip_of_row[row] >= 0:
            elsewhere &= timeline.trip_of_row[side] != timeline.trip_of_row[row]
        side = side[elsewhere]
        return int(side[0]) if len(side) else None

    @property
    def has_sentence_model(self) -> bool:
        return self.library.text_model is not None and self.library.text_embeddings is not None

    # ---- answers -----------------------------------------------------------------------------------
    def answer(self, value, text: str, evidence_rows, reasoning: str, candidates=(), confidence: str = "sure", why: str = "") -> Answer:
        """An answer as sure as its own rule says and no surer than its moments were found."""
        confidence = weaker(confidence, self.found_confidence)
        if self.moments.by_clip:
            text = f"Unsure, from how the photos look ({self.moments.missing_text()}): {text}"
        elif confidence == "likely" and self.moments.by_meaning:
            text = f"Probably {text if text[:2].isupper() else text[0].lower() + text[1:]}"
        if self.moments.missing and self.moments.found and not self.moments.in_place_of_subject and not self.moments.by_clip:
            text = f"{text} That is every {' '.join(self.moments.found)} found: {self.moments.missing_text()}."  # "team meetings"
        return self.answer_as_is(value, text, evidence_rows, reasoning, candidates, confidence, "; ".join(filter(None, [why, self.why])))

    def answer_as_is(self, value, text: str, evidence_rows, reasoning: str, candidates=(), confidence: str = "sure", why: str = "") -> Answer:
        """An answer found without the question's moments (a journey measured from the GPS): as sure as it says."""
        return Answer(self.question.kind, value, text, tuple(self.library.image_ids(evidence_rows)), reasoning,
                      tuple(candidates), confidence, why, self.parsed)

    def cannot_tell(self, text: str, why: str, evidence_rows=(), reasoning: str = "") -> Answer:
        """ "I can't tell", with what was found all the same."""
        return Answer(self.question.kind, None, text, tuple(self.library.image_ids(list(evidence_rows))), reasoning, (), "unsure",
                      why, self.parsed)

    def nothing_found(self) -> Answer:
        if not self.moments.time_covered:
            return self.cannot_tell(f"I can't tell: the library has no photos from {self.parsed.chips()[0].label}.",
                                    "no photos from that time")
        missing = f": {self.moments.missing_text()}" if self.moments.missing else ""
        return self.cannot_tell(f"I can't tell: I found no moment of {self.about}{missing}.", f"nothing found{missing}")

    # ---- phrasing ----------------------------------------------------------------------------------
    @property
    def scope_label(self) -> str:
        return ", ".join(chip.label for chip in self.parsed.chips())

    @property
    def about(self) -> str:
        words = " ".join(self.moments.subject) or "anything"
        return words + (f" ({self.scope_label})" if self.scope_label else "")

    def visit_rows(self, group: Group, limit: int) -> np.ndarray:
        """The photos to read a visit's words from: its matching photos first, then the rest of the stay (the sign
        may be on another photo of the same visit), or a trip's matching photos."""
        if group.trip:
            return group.rows[:limit]
        whole = np.arange(group.first_row, min(group.last_row + 1, group.first_row + limit))
        return np.union1d(group.rows[:limit], whole)[:limit]

    def evidence(self, groups: list[Group]) -> list[int]:
        return spread_evidence([self.moments.best_first(group.rows) for group in groups])

    def local(self, row: int) -> datetime:
        return np.datetime64(int(self.library.local_seconds[int(row)]), "s").astype(datetime)

    def when(self, group: Group) -> str:
        """ "2–5 Mar 2019" for a trip, "Sat 2 Mar 2019, 18:05–19:40" for a visit."""
        first, last = self.local(group.first_row), self.local(group.last_row)
        if group.trip:
            return day_range(first, last)
        return f"{first:%a} {first.day} {first:%b %Y}, {first:%H:%M}–{last:%H:%M}"

    def where(self, group: Group) -> str:
        row = int(group.rows[0])
        return self.library.event_place(int(self.library.event_ids[row])) or self.library.record(row)["place"] or "an unknown place"

    def listed(self, groups: list[Group], limit: int = 6) -> str:
        shown = "; ".join(self.when(group) for group in groups[:limit])
        return shown + (f"; and {len(groups) - limit} more" if len(groups) > limit else "")

    def one_day_unless_dated(self, groups: list[Group]) -> list[Group]:
        """Several days match an undated scope ("on Monday", "at the gym"): the most recent day is meant. A
        dated one ("in May 2019", "in March", "in spring") means all of its days."""
        dated = any(isinstance(term, PeriodTerm) or _stretch_of_days(term) for term in self.parsed.time.terms)
        days = {int(self.library.local_seconds[group.rows[0]] // 86400) for group in groups}
        if dated or len(days) < 2 or self.by_trip:
            return groups
        last_day = max(days)
        return [group for group in groups if self.library.local_seconds[group.rows[0]] // 86400 == last_day]

    def latest_first(self, values: list, groups: list[Group], evidence_rows: list[list[int]]) -> list[Candidate]:
        """One candidate per occasion, the most recent first (when several occasions answer differently)."""
        return [Candidate(value, f"{value} ({self.when(group)})", tuple(self.library.image_ids(rows)))
                for value, group, rows in list(zip(values, groups, evidence_rows))[::-1][:MAX_CANDIDATES]]

    def by_value(self, values: list[object], groups: list[Group], least: bool = False, counting: bool = False
                 ) -> tuple[object, list[Candidate], list[Group], bool]:
        """Groups that agree on a value, most supported (then most recent) first, or least supported when asked:
        (value, candidates, its groups, whether one value stands clear of the next). counting: the question asks
        which value has the most (least) visits, so a clear lead answers it; otherwise one value must hold most."""
        support: dict[object, list[Group]] = {}
        for value, group in zip(values, groups):
            support.setdefault(_value_key(value), []).append(group)
        ranked = sorted(support.items(), key=lambda item: (len(item[1]) * (-1 if least else 1), item[1][-1].rows[-1]), reverse=True)
        candidates = [Candidate(value, f"{value} ({len(members)} {plural('visit', len(members))}: {self.listed(members, 2)})",
                                tuple(self.library.image_ids(self.evidence(members)))) for value, members in ranked[:MAX_CANDIDATES]]
        first = len(ranked[0][1])
        second = len(ranked[1][1]) if len(ranked) > 1 else None
        if second is None:
            clear = True
        elif counting:  # "which ... most": counts decide, unless they nearly tie (a visit or so either way)
            clear = abs(first - second) >= max(2, COUNT_MARGIN * max(first, second))
        else:  # "which restaurant": one value should have most of the visits
            clear = second < SPLIT_SHARE * first
        return ranked[0][0], candidates if not clear else [], ranked[0][1], clear


    def valued(self, found: list[tuple[object, list[int]]], how: str, confidence: str = "sure", why: str = "",
               groups: list[Group] | None = None) -> Answer:
        """An answer whose value each visit gives (a place, a word read, a colour), with the photos that show it;
        visits that disagree make it unsure. "Which ... most / least" counts the visits of each value.
        groups: the visits `found` reads, when not all of them."""
        kept = [(value, rows, group) for (value, rows), group in zip(found, groups or self.groups) if value not in ("", None)]
        if not kept:
            return self.cannot_tell(f"I can't tell: I found {self.about} ({self.listed(self.groups, 3)}) but nothing there says the answer.",
                                       "the moments were found, but their words do not say it", self.evidence(self.groups))
        showing = {id(group): rows for _, rows, group in kept}
        extreme = self.question.extreme
        value, candidates, groups, clear = self.by_value([value for value, _, _ in kept], [group for _, _, group in kept],
                                                         extreme == "least", counting=bool(extreme))
        evidence = [row for group in groups for row in showing[id(group)]][:MAX_EVIDENCE]
        if extreme and _first_place_shared([value for value, _, _ in kept], least=extreme == "least"):
            # "which month did I go to the cinema most", once each month: no month is the answer, whichever came last
            return self.answer_as_is(None, "I can't tell: none stands out, as several have as many visits: "
                                     + "; ".join(c.text for c in candidates) + ".", evidence, "", candidates, "unsure", "first place is shared")
        if extreme:
            text = f"{value} ({len(groups)} of {len(kept)} {plural('visit', len(kept))})."
            reasoning = f"{value}: {self.listed(groups)}"
        else:
            text = f"{value} ({how} {self.where(groups[-1])}, {self.when(groups[-1])})."
            reasoning = f"{len(groups)} of {len(self.groups)} matching {plural('visit', len(self.groups))} say {value}: {self.listed(groups)}"
        if not clear:
            return self.answer(value, unsure_text(text, candidates), evidence, reasoning, candidates, "unsure", "the visits disagree")
        if extreme and confidence == "sure" and len(groups) < 2:  # "which restaurant most", and one visit says which
            confidence, why = "likely", "; ".join(filter(None, [why, "only one visit says which it was: the others may have been anywhere"]))
        if extreme and confidence == "sure":
            confidence, why = _lead_glimpsed([value for value, _, _ in kept], [group for _, _, group in kept], why)
        return self.answer(value, text, evidence, reasoning, (), confidence, why)


def _lead_glimpsed(values: list, groups: list[Group], why: str) -> tuple[str, str]:
    """How sure "which ... most" is when some visits were caught in a single photo: as many visits as short may have
    fallen between photos (or been a walk past the door), so a lead no larger than their number is likely."""
    glimpsed = sum(group.first_row == group.last_row for group in groups)
    counts = _visits_per_value(values) + [0]
    lead = counts[0] - counts[1]
    if lead > glimpsed:
        return "sure", why
    return "likely", "; ".join(filter(None, [why, f"it leads by {lead} {plural('visit', lead)}, and {glimpsed} visits are single photos: "
                                                  "others as short may have fallen between photos"]))


def _first_place_shared(values: list[object], least: bool) -> bool:
    """Whether the most (least) frequent value has as many visits as another one: a "which ... most" with no answer."""
    sizes = _visits_per_value(values)[::-1 if least else 1]
    return len(sizes) > 1 and sizes[0] == sizes[1]


def _visits_per_value(values: list[object]) -> list[int]:
    """How many visits gave each value, the most first."""
    return sorted(Counter(map(_value_key, values)).values(), reverse=True)


def _value_key(value: object) -> object:
    """A value as visits are grouped by it: a list (several things read at once) by its text, as lists are not hashable."""
    return str(value) if isinstance(value, list) else value


def _stretch_of_days(term) -> bool:
    """A calendar term of more than a day ("in March", "in spring"), not one day that recurs ("on 3 March")."""
    return isinstance(term, CalendarTerm) and any((start, start_offset) != (end, end_offset)
                                                  for start, start_offset, end, end_offset in term.rules)


def spread_evidence(moments: list) -> list[int]:
    """Photos of each moment an answer counts, the same number of each: "7 times" shows all seven moments
    (one photo each), "2 times" three photos of each."""
    moments = moments[:MAX_EVIDENCE_MOMENTS]
    each = max(1, min(EVIDENCE_PER_GROUP, MAX_EVIDENCE // max(len(moments), 1)))
    return [int(row) for rows in moments for row in rows[:each]]


def day_range(first: datetime, last: datetime) -> str:
    if first.date() == last.date():
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b}–{last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y}–{last.day} {last:%b %Y}"


def unsure_text(text: str, candidates: list[Candidate]) -> str:
    return f"Probably {text} But the evidence is split: " + "; ".join(c.text for c in candidates) + "."


def _quoted(words: list[str]) -> str:
    return ", ".join(f"'{word}'" for word in words)


def human(seconds: float, in_days: bool = True) -> str:
    """ "2 days 3 h" for a trip; in_days=False gives "51 h" for time added up over visits (nobody spends days at work)."""
    days, rest = divmod(int(seconds), 86400) if in_days else (0, int(seconds))
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days} {plural('day', days)}"] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes or not parts else []
    return " ".join(parts)
