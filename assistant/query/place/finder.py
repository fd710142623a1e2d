"""Finding place phrases in a remembered moment: where it happened, as place terms.

Names are looked up in order: the library's own places (where this person has actually been: "DCU",
"home", "the office"), then the offline world gazetteer (countries, regions, cities, then smaller towns),
then, only when the caller passes one, an online geocoder. A name counts as a place only in a place-like
context: "in Reading" is a town, "reading a book" is not; "a Greek restaurant", "Thai food" and
"a bar called the Brazen Head" are descriptions, left for the visual search.
"""

from __future__ import annotations

import re
from typing import Sequence

from ...core.geo import haversine_km
from ..gazetteer import place_words
from ..text import Span, next_word, normalize, sentence_start
from .known import known_area, known_index, known_label
from .model import AmbiguousPlace, Area, KnownPlace, PlaceGeocoder, PlaceTerm
from .reading import (
    ARRIVING, ARTICLES, COMMA_LIST, Context, HOME_COMPOUNDS, HOME_MOVEMENT, Hit, INDEFINITE, JOINED, PlaceResult, STATIC,
    TRAVEL, decide_polarity, is_name_not_place, names_label, word_after_name,
)
from .regions import region_area, regions_named
from .world import countries_named_in, match_world

# ---------------------------------------------------------------------------------------------------
# finding place phrases


def _match_known(ctx: Context, i: int) -> tuple[int, Hit] | None:
    """The longest known-place name starting at token i, in a context where it is a place."""
    known = ctx.known
    words_lists = place_words()
    for length, key, start, end in ctx.name_spans(i, known.max_words):
        phrase = ctx.text[start:end]
        prep, prep_start = ctx.preposition(start)
        previous = ctx.previous(start, 2)
        article_before = bool(previous) and previous[-1] in ARTICLES | INDEFINITE
        candidates: list[KnownPlace] = []
        how = ""
        if key in known.names:
            candidates, how = known.names[key], "name"
        elif length == 1 and ctx.tokens[i][2] in known.initials and ctx.tokens[i][2].isupper():
            candidates, how = known.initials[ctx.tokens[i][2]], "initials"
        elif key in {normalize(alias) for alias in words_lists["home_aliases"]} and known.home:
            candidates, how = known.home, "home"
        elif key in {normalize(alias) for alias in words_lists["work_aliases"]} and known.work:
            candidates, how = known.work, "work"
        elif key in known.heads and article_before and previous[-1] in ARTICLES:
            candidates, how = known.heads[key], "head"
        if not candidates:
            continue
        if is_name_not_place(ctx, start):
            return None
        if previous and previous[-1] in INDEFINITE:
            continue  # "a cafe" is any cafe, not the one called "Cafe"
        home_like = how == "home" or (how == "name" and all(p in known.home for p in candidates))
        if home_like:
            word_after, gap = word_after_name(ctx, end)
            if (previous and previous[-1] in HOME_MOVEMENT) or (word_after.lower() in HOME_COMPOUNDS and not gap.strip()):
                return None
        phrase_start = ctx.tokens[i - 1][0] if article_before and i else start
        if how in ("head", "work") and prep not in STATIC and not sentence_start(ctx.text, phrase_start):
            continue
        semantic = all(p.kind == "semantic" for p in candidates)
        arrived = prep == "to" and len(previous) >= 2 and previous[-2] in ARRIVING  # "went to Estrella": there
        if semantic and prep in TRAVEL - {"visiting", "visited", "visit", "over"} and not arrived:
            return None  # "a taxi to the airport": on the way there, not there
        polarity = decide_polarity(ctx, start, end, prep, prep_start, "known" if semantic else candidates[0].kind)
        if polarity is None:
            return None
        negated, removal = polarity
        gazetteer = ctx.gazetteer if not semantic else None
        # One area per place; a city and a country with the same name are one place to the user.
        chosen = candidates
        if len({p.kind for p in candidates}) > 1:
            order = {"city": 0, "country": 1, "semantic": 2}
            best = min(order.get(p.kind, 3) for p in candidates)
            chosen = [p for p in candidates if order.get(p.kind, 3) == best]
        areas = tuple(known_area(p, gazetteer) for p in chosen)
        label = names_label([p.name for p in chosen], near=all(p.kind == "city" for p in chosen))
        ambiguous = tuple(chosen) if len(chosen) > 1 and all(p.kind == "semantic" for p in chosen) else ()
        if how == "head" and article_before:
            phrase = ctx.text[ctx.tokens[i - 1][0]:end] if i and ctx.tokens[i - 1][2].lower() in ARTICLES else phrase
        return length, Hit(start, end, phrase, areas, label, negated, removal, ambiguous, "known", prep)
    return None


_TOWN_INTRODUCERS = {"in", "near", "around", "visiting", "visited", "to", "towards", "outside", "through"}
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:of\s+|on\s+|upon\s+|de\s+|la\s+)?[A-Z][\w'’-]+){0,3}")


def _unmatched_names(ctx: Context, taken: list[Span]) -> list[tuple[int, int, str, str, int]]:
    """Capitalised phrases right after "in", "near", "visiting"...: (start, end, phrase, preposition, prep start)."""
    found = []
    for match in _CAPITALIZED_RUN.finditer(ctx.blanked):
        start, end = match.span()
        if any(start < e and s < end for s, e in taken):
            continue
        prep, prep_start = ctx.preposition(start)
        if prep not in _TOWN_INTRODUCERS:
            continue
        between = ctx.text[prep_start:start].lower().split()
        if len(between) > 1:  # "in the Brazen Head": an article means a venue, not a town
            continue
        found.append((start, end, match.group(), prep, prep_start))
    return found


def _town_hits(ctx: Context, taken: list[Span]) -> list[Hit]:
    words_lists = place_words()
    excluded = set(words_lists["common_word_places"]) | set(words_lists["first_names"])
    prefer = set(ctx.known.country_codes) | countries_named_in(ctx)
    hits = []
    for start, end, phrase, prep, prep_start in _unmatched_names(ctx, taken):
        key = normalize(phrase)
        if key in excluded or len(key) < 4 or is_name_not_place(ctx, start):
            continue
        regions = regions_named(ctx.gazetteer, key, prefer)
        if regions:  # "in Kerry", "in Bavaria": a region no town is named after
            polarity = decide_polarity(ctx, start, end, prep, prep_start, "town")
            if polarity is not None:
                areas = tuple(region_area(region) for region in regions)
                hits.append(Hit(start, end, phrase, areas, phrase, polarity[0], polarity[1], (), "region", prep))
            continue
        towns = ctx.gazetteer.towns_named(key)
        if not towns:
            continue
        preferred = [t for t in towns if t.country_code in prefer]
        towns = preferred or towns
        if len(towns) > 3:
            continue  # a name found all over the world says too little
        polarity = decide_polarity(ctx, start, end, prep, prep_start, "town")
        if polarity is None:
            continue
        negated, removal = polarity
        areas = tuple(Area("city", t.name, t.lat, t.lng, 6.0, t.country_code) for t in towns)
        hits.append(Hit(start, end, phrase, areas, f"near {towns[0].name}", negated, removal, (), "town", prep))
    return hits


def _geocoded_hits(ctx: Context, taken: list[Span], geocoder: PlaceGeocoder) -> list[Hit]:
    hits = []
    for start, end, phrase, prep, prep_start in _unmatched_names(ctx, taken):
        if is_name_not_place(ctx, start):
            continue
        area = geocoder.locate(phrase)
        if area is None:
            continue
        polarity = decide_polarity(ctx, start, end, prep, prep_start, "town")
        if polarity is None:
            continue
        negated, removal = polarity
        hits.append(Hit(start, end, phrase, (area,), f"near {area.name}", negated, removal, (), "geocoded", prep))
    return hits


def _merge_alternatives(ctx: Context, hits: list[Hit]) -> list[list[Hit]]:
    """ "in Dublin or Galway", "in Cork, Kerry or Galway": one constraint with several areas. A comma between places
    of different kinds is no list: "Coimbra, Portugal" (two of the library's own places) is Coimbra, in Portugal."""
    groups: list[list[Hit]] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if groups:
            last = groups[-1][-1]
            gap = ctx.text[last.end:hit.start]
            local = ("city", "town", "known", "region")
            same_kind = (last.kind in local) == (hit.kind in local)
            listed = last.kind == hit.kind and {area.kind for area in last.areas} == {area.kind for area in hit.areas}
            if JOINED.fullmatch(gap) or (same_kind and COMMA_LIST.fullmatch(gap) and listed):
                if not hit.negated or groups[-1][0].negated:
                    groups[-1].append(hit)
                    continue
        groups.append([hit])
    return groups


def _journey_destination(ctx: Context, hit: Hit) -> bool:
    """ "flew from Dublin to London": a journey; the moment is at neither end."""
    if hit.preposition not in ("to", "towards", "toward", "into"):
        return False
    sentence_before = re.split(r"[.!?;\n]", ctx.text[:hit.start])[-1]
    return re.search(r"\bfrom\b", sentence_before, re.IGNORECASE) is not None


def _a_home_elsewhere(ctx: Context, hit: Hit, hits: list[Hit]) -> bool:
    """ "At home in Kalamata", with one's home in Thessaloniki: the family's home there, not one's own; the town says where."""
    homes = {place.name for place in ctx.known.home}
    if hit.negated or not hit.areas or not all(area.kind == "known" and area.name in homes for area in hit.areas):
        return False
    return any(not other.negated and other.areas and all(town.kind != "known" and haversine_km(home.lat, home.lng, town.lat, town.lng)
                                                        > town.radius_km for home in hit.areas for town in other.areas)
               for other in hits)


def find_places(text: str, blanked: str, places: Sequence[KnownPlace] | None = None, geocoder: PlaceGeocoder | None = None,
                languages: tuple[str, ...] = ()) -> PlaceResult:
    """Place terms of a text. `blanked` is the text with time phrases and before/after clauses blanked out; languages
    other than English whose names of cities and countries ("Dublino", "Südkorea") are known too."""
    ctx = Context(text, blanked, known_index(places), languages)
    hits: list[Hit] = []
    i = 0
    while i < len(ctx.tokens):
        found = _match_known(ctx, i) if places else None
        if found is None:
            found = match_world(ctx, i)
        if found is None:
            i += 1
            continue
        length, hit = found
        hits.append(hit)
        i += length
    taken = [(h.start, h.end) for h in hits]
    hits += _town_hits(ctx, taken)
    if geocoder is not None:
        hits += _geocoded_hits(ctx, [(h.start, h.end) for h in hits], geocoder)

    hits = [hit for hit in hits if not _journey_destination(ctx, hit) and not _a_home_elsewhere(ctx, hit, hits)]
    terms, ambiguous, spans = [], [], []
    for group in _merge_alternatives(ctx, hits):
        areas = tuple(area for hit in group for area in hit.areas)
        near = all(hit.label.startswith("near ") for hit in group)
        names = [hit.label.removeprefix("near ") for hit in group]
        label = names_label(names, near)
        negated = group[0].negated
        term = PlaceTerm(f"not: {label}" if negated else label, areas, negated)
        terms.append(term)
        spans.append((min(hit.removal_start for hit in group), max(hit.end for hit in group)))
        for hit in group:
            if hit.ambiguous_candidates:
                candidates = tuple(PlaceTerm(known_label(p), (known_area(p, None),), hit.negated) for p in hit.ambiguous_candidates)
                ambiguous.append(AmbiguousPlace(hit.phrase, candidates))
    return PlaceResult(terms, ambiguous, spans)

