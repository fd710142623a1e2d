"""Building time terms from facts: at most one positive term per kind, plus one per negated fact (a month
plus a year becomes one period, "September 2019")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from ..holidays import Rule, instances_touching
from .days import day_span
from .facts import Fact, bind_years
from .terms import CalendarTerm, DayPartTerm, PeriodTerm, TimeTerm, WeekdayTerm, intersect_spans, merge_spans


# Without a library, recurring phrases are compared over this many years up to now.
ARCHIVE_YEARS_DEFAULT = 30


def _minutes_set(windows) -> set[int]:
    minutes = set()
    for start, end in windows:
        minutes.update(m % 1440 for m in range(start, end))
    return minutes


def _windows_of(minutes: set[int]) -> tuple[tuple[int, int], ...]:
    """Minute set -> windows, joining the run that wraps midnight."""
    if not minutes:
        return ()
    if len(minutes) == 1440:
        return ((0, 1440),)
    ordered = sorted(minutes)
    runs = []
    start = previous = ordered[0]
    for minute in ordered[1:]:
        if minute != previous + 1:
            runs.append([start, previous + 1])
            start = minute
        previous = minute
    runs.append([start, previous + 1])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][1] == 1440:
        last = runs.pop()
        runs[0] = [last[0], 1440 + runs[0][1]]
    return tuple(sorted((a, b) for a, b in runs))


def _day_part_terms(facts: list[Fact]) -> list[TimeTerm]:
    positive = [f for f in facts if not f.negated]
    terms: list[TimeTerm] = [DayPartTerm(f.label, f.windows + f.pm_windows, True) for f in facts if f.negated]
    if not positive:
        return terms
    named = [f for f in positive if f.kind == "day_part"]
    named_minutes = set.intersection(*(_minutes_set(f.windows) for f in named)) if named else set()
    minute_sets, labels = [], []
    for fact in positive:
        windows = fact.windows
        if fact.kind == "clock" and fact.pm_windows:
            am, pm = _minutes_set(fact.windows), _minutes_set(fact.pm_windows)
            if named_minutes and (am & named_minutes) and not (pm & named_minutes):
                windows, label = fact.windows, fact.label.split(" or ")[0]
            elif named_minutes and (pm & named_minutes) and not (am & named_minutes):
                windows, label = fact.pm_windows, fact.label.split(" or ")[0].split()[0] + " " + fact.label.split(" or ")[1]
            else:
                windows, label = fact.windows + fact.pm_windows, fact.label
            minute_sets.append(_minutes_set(windows))
            labels.append(label)
            continue
        minute_sets.append(_minutes_set(windows))
        labels.append(fact.label)
    together = set.intersection(*minute_sets)
    if together:
        label = ", ".join(dict.fromkeys(labels))
        terms.append(DayPartTerm(label, _windows_of(together)))
    else:  # "in the morning ... around 8pm": one of them is wrong, keep both
        terms.append(DayPartTerm(" or ".join(dict.fromkeys(labels)), _windows_of(set.union(*minute_sets))))
    return terms


def _resolve_relative_recurring(fact: Fact, rules: tuple[Rule, ...], now: datetime) -> Fact:
    """ "last summer", "last Christmas": the latest occurrence that is over; "this summer": this year's."""
    today = now.date()
    instances = instances_touching(rules, today.year - 2, today.year)
    if fact.relative == "last":
        over = [i for i in instances if i[1] < today]
        chosen = over[-1:] if over else []
    else:
        current = [i for i in instances if i[0] <= today <= i[1]]
        this_year = [i for i in instances if i[0].year == today.year or i[1].year == today.year]
        chosen = current or this_year[-1:]
    if not chosen:
        return replace(fact, kind="recurring", relative="")
    first, last = chosen[0]
    year_text = str(first.year) if first.year == last.year else f"{first.year}/{last.year % 100:02d}"
    base = fact.label.split(" ", 1)[1] if " " in fact.label else fact.label
    calendar = [i for i in instances_touching(fact.calendar_rules, first.year - 1, last.year) if i[0] <= last and i[1] >= first]
    return replace(fact, kind="absolute", label=f"{base} {year_text}", days=tuple(chosen), relative="", calendar_days=tuple(calendar[:1]))


def _years_label(years: tuple[int, ...]) -> str:
    years = tuple(sorted(set(years)))
    if len(years) > 2 and years == tuple(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return " or ".join(str(y) for y in years)


def _spans_of(fact: Fact, calendar: bool = False) -> tuple[tuple[int, int], ...]:
    """The fact's local-second spans: as searched, or (calendar) as the calendar has them."""
    if fact.seconds:
        return merge_spans(fact.seconds)
    if fact.years and not fact.days:
        return merge_spans([day_span(date(y, 1, 1), date(y, 12, 31)) for y in fact.years])
    days = fact.calendar_days if calendar and fact.calendar_days else fact.days
    return merge_spans([day_span(first, last) for first, last in days])


def _period_term(facts: list[Fact]) -> PeriodTerm | None:
    if not facts:
        return None
    spans = [(_spans_of(f), f) for f in facts]
    exact = _combined([_spans_of(f, calendar=True) for f in facts]) if any(f.calendar_days for f in facts) else ()
    together = spans[0][0]
    for other, _ in spans[1:]:
        together = intersect_spans(together, other)
    if together:
        narrowest = min(spans, key=lambda item: sum(e - s for s, e in item[0]))
        label = narrowest[1].label if narrowest[0] == together else " & ".join(dict.fromkeys(f.label for f in facts))
        grain = narrowest[1].grain if narrowest[0] == together else ""
        if narrowest[1].years and not narrowest[1].days and len(narrowest[1].years) == 1:
            grain = "year"
        return PeriodTerm(label, together, grain, calendar_spans=exact)
    union = merge_spans([span for item, _ in spans for span in item])
    return PeriodTerm(" or ".join(dict.fromkeys(f.label for f in facts)), union, "", calendar_spans=exact)


def _combined(spans: list[tuple[tuple[int, int], ...]]) -> tuple[tuple[int, int], ...]:
    """Spans that all meet, as one (their intersection), or else any of them (their union)."""
    together = spans[0]
    for other in spans[1:]:
        together = intersect_spans(together, other)
    return together or merge_spans([span for item in spans for span in item])


def _days_in(rules: tuple[Rule, ...], years: range) -> set[date]:
    """The days the rules cover in the archive's years (Easter and March share days in some years only)."""
    found = set()
    for first, last in instances_touching(rules, years[0], years[-1]):
        day = first
        while day <= last:
            found.add(day)
            day += timedelta(days=1)
    return found


def build_terms(facts: list[Fact], now: datetime, southern: bool = False, archive_years: range | None = None) -> list[TimeTerm]:
    """Combine facts into terms: at most one positive term per kind, plus one per negated fact.

    archive_years are the library's: two recurring facts that never meet in them ("at Easter, in March" in an
    archive where Easter always fell in April) become one "either" term; default, the 30 years up to now.
    """
    archive_years = archive_years or range(now.year - ARCHIVE_YEARS_DEFAULT + 1, now.year + 1)
    resolved = [_resolved(fact, now, southern) for fact in facts]
    terms = _negated_terms([f for f in resolved if f.negated])
    positive = [f for f in resolved if not f.negated]

    recurring = [f for f in positive if f.kind == "recurring"]
    years = [f for f in positive if f.kind == "years"]
    absolute = [f for f in positive if f.kind == "absolute"]
    if recurring and years:
        bound_years = tuple(sorted({y for f in years for y in f.years}))
        year_text = _years_label(bound_years)
        absolute += [bind_years(f, f.rules, bound_years, f"{f.label} {year_text}") for f in recurring]
        recurring, years = [], []
    elif recurring and absolute:
        touched = sorted({y for f in absolute for s, e in _spans_of(f) for y in range(
            (date(1970, 1, 1) + timedelta(seconds=s)).year, (date(1970, 1, 1) + timedelta(seconds=e - 1)).year + 1)})
        if touched and len(touched) <= 3:
            absolute += [bind_years(f, f.rules, tuple(touched), f.label) for f in recurring]
            recurring = []
    period = _period_term(absolute + years)
    if period:
        terms.append(period)

    if recurring:
        day_sets = [_days_in(f.rules, archive_years) for f in recurring]
        if len(recurring) == 1 or set.intersection(*day_sets):
            terms.extend(CalendarTerm(f.label, f.rules, calendar_rules=f.calendar_rules) for f in recurring)
        else:
            rules = tuple(rule for f in recurring for rule in f.rules)
            terms.append(CalendarTerm(" or ".join(dict.fromkeys(f.label for f in recurring)), rules))

    weekdays = sorted({d for f in positive if f.kind == "weekday" for d in f.weekdays})
    if weekdays:
        weekday_term = WeekdayTerm.of(weekdays)
        if period is None or _period_has_weekday(period, weekday_term):
            terms.append(weekday_term)

    terms.extend(_day_part_terms([f for f in resolved if f.kind in ("day_part", "clock")]))
    return terms


def _resolved(fact: Fact, now: datetime, southern: bool) -> Fact:
    """A recurring fact with the hemisphere's rules, bound to the years it names or is relative to ("last Easter")."""
    if fact.kind != "recurring":
        return fact
    rules = fact.rules_south if (southern and fact.rules_south) else fact.rules
    fact = replace(fact, rules=rules, calendar_rules=fact.calendar_rules_south if southern and fact.rules_south else fact.calendar_rules)
    if fact.relative:
        return _resolve_relative_recurring(fact, rules, now)
    return bind_years(fact, rules, fact.years, fact.label) if fact.years else fact


def _negated_terms(negated: list[Fact]) -> list[TimeTerm]:
    """One term per negated fact ("not in March", "not on a weekend"); day parts are built with the rest."""
    terms: list[TimeTerm] = []
    for fact in negated:
        if fact.kind == "recurring":
            terms.append(CalendarTerm(fact.label, fact.rules, True))
        elif fact.kind in ("absolute", "years"):
            terms.append(PeriodTerm(fact.label, _spans_of(fact), fact.grain, True))
        elif fact.kind == "weekday":
            terms.append(WeekdayTerm(fact.label, fact.weekdays, True))
    return terms


def _period_has_weekday(period: PeriodTerm, weekdays: WeekdayTerm) -> bool:
    """False when a remembered weekday contradicts a remembered date; then the date wins."""
    for first, last in period.day_ranges():
        if (last - first).days >= 6:
            return True
        day = first
        while day <= last:
            if day.weekday() in weekdays.days:
                return True
            day += timedelta(days=1)
    return False

