"""Time, by stage: word tables (`words`) → phrase finders (`dates`, `relative`, `clock`) → choosing and
merging the facts found (`choosing`) → building terms (`building`), the vectorised masks (`terms`)."""

from .building import build_terms
from .choosing import find_facts
from .days import local_seconds_of
from .terms import (
    CalendarTerm, DayPartTerm, PeriodTerm, TimeConstraints, TimeTerm, WeekdayTerm, day_part_term, time_term_from_dict,
)

__all__ = [
    "CalendarTerm", "DayPartTerm", "PeriodTerm", "TimeConstraints", "TimeTerm", "WeekdayTerm", "build_terms", "day_part_term",
    "find_facts", "local_seconds_of", "time_term_from_dict",
]
