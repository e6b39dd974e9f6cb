"""Working days (ngày làm việc) of State offices, for the law's time limits.

Saturdays and Sundays are off; so are the public holidays of Labour Code 2019 Art. 112, a holiday
falling on a weekend is made up on the next free weekday (Art. 111(3)), and the Government's yearly
schedule may swap a weekday for a Saturday worked. The lunar dates and the yearly schedules are data,
in data/holidays.yaml (which says how sure each year is).

A time limit of n working days runs from the day after the event (Civil Code 2015 Art. 147(1)):
`add_working_days(received_on, 20)` is the last day of a 20-working-day appraisal.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from thidua.core.datafiles import read_yaml

HOLIDAYS_FILE = Path(__file__).parent / "data" / "holidays.yaml"
SATURDAY = 5
# Solar holidays (month, day) fixed by Art. 112(1)(a), (c), (d), (đ).
FIXED = ((1, 1), (4, 30), (5, 1), (9, 2))
CULTURE_DAY = (11, 24)
ONE_DAY = datetime.timedelta(days=1)


class HolidayFileError(ValueError):
    """holidays.yaml says something impossible (a date outside its year, a Tết day on a weekend…)."""


@dataclass(frozen=True)
class YearCalendar:
    """The weekdays off and the weekend days worked of one year."""

    year: int
    status: str
    days_off: frozenset[datetime.date]
    workdays: frozenset[datetime.date]


def is_weekend(day: datetime.date) -> bool:
    return day.weekday() >= SATURDAY


def is_working_day(day: datetime.date) -> bool:
    """True when State offices work on `day`."""
    year = calendar(day.year)
    if is_weekend(day):
        return day in year.workdays
    return day not in year.days_off


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The n-th working day after `start` (before it when n is negative); `start` itself when 0."""
    step = ONE_DAY if n > 0 else -ONE_DAY
    day, remaining = start, abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(a: datetime.date, b: datetime.date) -> int:
    """Working days after `a` up to and including `b`; when `b` is before `a`, minus the working
    days from `b` up to but excluding `a`. So `working_days_between(a, add_working_days(a, n)) == n`
    for every n, and `working_days_between(due_on, today)` is how many working days a step is late.
    """
    if b < a:
        return -working_days_between(b - ONE_DAY, a - ONE_DAY)
    count = _weekdays_after(a, b)
    for year in range(a.year, b.year + 1):
        cal = calendar(year)
        count -= sum(1 for day in cal.days_off if a < day <= b)
        count += sum(1 for day in cal.workdays if a < day <= b)
    return count


def _weekdays_after(a: datetime.date, b: datetime.date) -> int:
    days = (b - a).days
    count = days // 7 * 5
    for offset in range(1, days % 7 + 1):
        if not is_weekend(a + offset * ONE_DAY):
            count += 1
    return count


@cache
def calendar(year: int) -> YearCalendar:
    """One year's calendar from holidays.yaml (weekends and fixed holidays only when missing)."""
    spec = _load().get(year) or {"status": "missing"}
    try:
        return _build(year, spec)
    except (TypeError, KeyError, AttributeError) as error:
        raise HolidayFileError(f"holidays.yaml, year {year}: {error}") from error


@cache
def _load() -> dict:
    return read_yaml(HOLIDAYS_FILE)["years"]


def _build(year: int, spec: dict) -> YearCalendar:
    legal = [datetime.date(year, month, day) for month, day in FIXED]
    legal += [spec[key] for key in ("hung_kings", "national_day_extra") if spec.get(key)]
    if spec.get("culture_day"):
        legal.append(datetime.date(year, *CULTURE_DAY))
    tet = list(spec.get("tet", ()))
    swapped = list(spec.get("days_off", ()))
    workdays = frozenset(spec.get("workdays", ()))
    _check(year, legal + tet + swapped + list(workdays), tet + swapped, workdays)
    off = set(tet) | set(swapped)
    for day in sorted(legal):
        off.add(day if not is_weekend(day) else _next_free_weekday(day, off, legal))
    return YearCalendar(year, spec.get("status", "estimated"), frozenset(off), workdays)


def _next_free_weekday(day: datetime.date, off: set, legal: list) -> datetime.date:
    """The make-up day of a holiday on a weekend: the next weekday not already off."""
    day += ONE_DAY
    while is_weekend(day) or day in off or day in legal:
        day += ONE_DAY
    return day


def _check(year: int, every: list, weekdays: list, weekends: frozenset) -> None:
    for day in every:
        if not isinstance(day, datetime.date) or day.year != year:
            raise HolidayFileError(f"holidays.yaml, year {year}: {day!r} is not a date of {year}")
    for day in weekdays:
        if is_weekend(day):
            raise HolidayFileError(f"holidays.yaml, year {year}: {day} is a weekend day")
    for day in weekends:
        if not is_weekend(day):
            raise HolidayFileError(f"holidays.yaml, year {year}: {day} (workdays) is a weekday")
