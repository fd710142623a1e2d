"""What a message is parsed against: a library's own places, concepts and years, and the user's settings.

    context = QueryContext.of(library, settings)   # the library's last photo is "now"
    parsed = context.parse("coffee in Dublin last January")

The one way to parse against a library: the chat, search, the answers, `lifelog parse`/`ask`/`search`,
`run-topics` and the benchmarks all build a context with `of`. The library is anything with its places,
concept labels and first and last local times (`assistant.library.Library`), so this floor needs none above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, Sequence

from ..core.settings import Settings
from .anchors import FoundEvent, LifeAnchor, LifeEvents
from .online import geocoder_for
from .parsed import ParsedQuery
from .parsing import parse_query
from .place import KnownPlace, PlaceGeocoder


class ParsedAgainst(Protocol):
    """What parsing reads from a library."""

    @property
    def places(self) -> Sequence[KnownPlace]: ...

    @property
    def concept_labels(self) -> Sequence[str]: ...

    def last_local_time(self) -> datetime | None: ...

    def first_local_time(self) -> datetime | None: ...

    def find_event(self, anchor: LifeAnchor) -> FoundEvent | None: ...


@dataclass(frozen=True)
class QueryContext:
    """Everything `parse_query` reads besides the text (see its arguments)."""

    now: datetime | None = None  # what "last January" is relative to; None: the clock
    since: datetime | None = None  # where the archive's years begin, for recurring phrases ("at Easter, in March")
    places: Sequence[KnownPlace] | None = None  # the library's own places, matched before the world gazetteer
    concepts: Sequence[str] | None = None  # the labels "with a dog" may filter on
    geocoder: PlaceGeocoder | None = None  # online places (--online-places); None: offline
    date_order: str | None = None  # "DMY", "MDY", or None: 04/05/2020 admits both readings
    language: str | None = None  # the messages' language; None or "auto": told per message
    events: LifeEvents | None = None  # finds the trips and occasions a time is anchored to ("before my trip to Japan")

    @classmethod
    def of(
        cls, library: ParsedAgainst | None, settings: Settings | None = None, *, now: datetime | None = None,
        geocoder: PlaceGeocoder | None = None, date_order: str | None = None, language: str | None = None,
    ) -> QueryContext:
        """The context of a library (None: no library, the clock's now) under some settings (their date order, language
        and online places). now: instead of the library's last photo. geocoder: one shared by several contexts (the app
        keeps one for every library), else the settings' own. date_order, language: instead of the settings'."""
        return cls(
            now=now or (library.last_local_time() if library is not None else None),
            since=library.first_local_time() if library is not None else None,
            places=library.places if library is not None else None,
            concepts=library.concept_labels if library is not None else None,
            geocoder=geocoder or (geocoder_for(settings) if settings is not None else None),
            date_order=date_order or (settings.date_order if settings is not None else None),
            language=language or (settings.language if settings is not None else None),
            events=library,
        )

    def parse(self, text: str) -> ParsedQuery:
        return parse_query(
            text, now=self.now, places=self.places, geocoder=self.geocoder, concepts=self.concepts, since=self.since,
            date_order=self.date_order, language=self.language, events=self.events,
        )

    def offline_notice(self) -> str | None:
        """Why online places were not asked about just now (Nominatim unreachable); None while they were, or are off."""
        return getattr(self.geocoder, "unreachable", None) or None
