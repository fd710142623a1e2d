"""A chip is one constraint of a parsed query as the user sees it: removing the chip removes that term."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChipKind = Literal["time", "place", "concept"]


@dataclass(frozen=True)
class Chip:
    """One shown constraint. `index` is the term's position in the query's `time.terms`, `place.terms` or
    `concepts` (by `kind`), so the chip names its term without comparing labels."""

    kind: ChipKind
    index: int
    label: str  # "Fridays", "not: evening", "near Dublin", "with 2 cups"
