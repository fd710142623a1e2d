"""Dev sets for question answering, written from the problem: nine lives, their questions and moments
remembered in passing (not questions), for `benchmarks/qa_quality.py` and the tests.

Four camera lives, simulated stay by stay and photographed with a noisy camera (`world.py`, `camera.py`):
a student in Thessaloniki, a parent in Toronto, a retired traveller in Kyoto, a consultant flying most weeks
from Amsterdam and then Lisbon across time zones (`nomad.py`); and three journal-like lives
built by different generators, so answers are not tuned to one: a diary (`diary.py`), a captioned photo or
two a day over twenty years, and a journal (`journal.py`), simulated day by day over twenty-four years
with 0-3 photos a day, menus, tickets and detector labels; a life over decades (`decades.py`), film scans
then a phone, across three homes in three countries; and a retiree in Valencia with a wearable camera and
eight trips (`retiree.py`), simulated and photographed by a generator and a camera of its own; a nurse in
Gothenburg on rotating day and night shifts (`nurse.py`), whose nights cross midnight and the clock changes,
with a generator and a camera of her own (awake, not the hour, decides when it fires); and a management
consultant in Copenhagen with client weeks in London, Hamburg and Helsinki (`consultant.py`), lived on
world.py's days by a generator of its own and photographed by a clip-on camera of its own. The
traveller is HELD OUT: its questions are for reporting, never for tuning. Truths come from each life's facts
(`truth.py`), and `scoring.py` judges an answer against them.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import consultant, decades, diary, journal, nomad, nurse, parent, retiree, student, traveller
from .camera import photographed_less, write_library
from .truth import KINDS, QA
from .world import Life

LIVES = {"student": student, "parent": parent, "traveller": traveller, "diary": diary, "journal": journal, "nomad": nomad,
         "decades": decades, "retiree": retiree, "nurse": nurse, "consultant": consultant}
HELD_OUT = "traveller"
DEV = tuple(name for name in LIVES if name != HELD_OUT)


@dataclass
class DevSet:
    """One life with its questions and remembered moments."""

    life: Life
    questions: list[QA]
    remembered: tuple[str, ...]

    @property
    def held_out(self) -> bool:
        return self.life.name == HELD_OUT


def dev_set(name: str, seed_offset: int = 0, *, sparser: int = 1, **photographed) -> DevSet:
    """Live the life (photographed as `photographed` says: every_min for a camera life), and write its questions;
    seed_offset: live it again on other random days (see seeds_shifted); sparser: keep about one photo in `sparser`,
    as a camera that fires less often would (see camera.photographed_less), before the questions are written."""
    module = LIVES[name]
    with seeds_shifted(seed_offset):
        person = module.life(**photographed)
        if sparser > 1:
            photographed_less(person, sparser, np.random.default_rng(sparser))
        return DevSet(person, module.questions(person), module.REMEMBERED)


@contextmanager
def seeds_shifted(offset: int):
    """Every seed the lives' generators give numpy shifted by `offset` (0: the dev set itself): the same life on other
    random days, its questions written from the facts of the days lived, so the truths follow. What a fixed dev set
    hides (an answer sure of something that only happened to hold on its days) shows on the others."""
    if not offset:
        yield
        return
    original = np.random.default_rng

    def shifted(seed=None, *args, **kwargs):
        return original(seed + offset if isinstance(seed, (int, np.integer)) else seed, *args, **kwargs)
    np.random.default_rng = shifted
    try:
        yield
    finally:
        np.random.default_rng = original


def build(dev: DevSet, folder: Path, *, days: int | None = None, text_encoder=None) -> Path:
    """Commit the life's photos (or its first `days` days) as a library in `folder` (with a sentence model's
    vectors of their words when given one)."""
    # A life with a camera of its own (the retiree, the nurse, the consultant) commits its photos itself.
    writer = getattr(LIVES.get(dev.life.name), "write_library", write_library)
    return writer(dev.life, folder, days=days, text_encoder=text_encoder)


__all__ = ["DEV", "HELD_OUT", "KINDS", "LIVES", "QA", "DevSet", "build", "dev_set", "seeds_shifted"]
