"""Working days: weekends, the holidays of Labour Code Art. 112, make-up days and the yearly swaps."""

import datetime

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from thidua.core import workdays
from thidua.core.workdays import (
    HolidayFileError,
    add_working_days,
    calendar,
    is_working_day,
    working_days_between,
)

D = datetime.date


def test_weekends_are_off_and_ordinary_weekdays_work():
    assert is_working_day(D(2025, 3, 14)) is True  # Friday
    assert is_working_day(D(2025, 3, 15)) is False  # Saturday
    assert is_working_day(D(2025, 3, 16)) is False  # Sunday


def test_tet_2025_official_schedule_25_01_to_02_02():
    assert [is_working_day(D(2025, 1, day)) for day in range(24, 32)] == [
        True, False, False, False, False, False, False, False]
    assert is_working_day(D(2025, 2, 1)) is False
    assert is_working_day(D(2025, 2, 2)) is False
    assert is_working_day(D(2025, 2, 3)) is True


def test_30_april_2025_swap_saturday_26_04_worked_friday_02_05_off():
    assert is_working_day(D(2025, 4, 26)) is True
    assert [is_working_day(D(2025, 5, day)) for day in (1, 2, 3, 4, 5)] == [
        False, False, False, False, True]
    assert is_working_day(D(2025, 4, 30)) is False


def test_tet_2026_14_02_to_22_02():
    off = [day for day in range(13, 24) if not is_working_day(D(2026, 2, day))]
    assert off == list(range(14, 23))


def test_hung_kings_day_on_sunday_2026_is_made_up_on_monday():
    assert is_working_day(D(2026, 4, 26)) is False
    assert is_working_day(D(2026, 4, 27)) is False
    assert is_working_day(D(2026, 4, 28)) is True


def test_national_day_2025_and_2024():
    assert is_working_day(D(2025, 9, 1)) is False
    assert is_working_day(D(2025, 9, 2)) is False
    assert is_working_day(D(2025, 9, 3)) is True
    assert is_working_day(D(2024, 9, 3)) is False
    assert is_working_day(D(2024, 5, 4)) is True  # Saturday worked for Monday 29/04/2024


def test_estimated_year_compensates_weekend_holidays_in_date_order():
    # 2028: 1/1 on Saturday → Monday 3/1; 30/4 on Sunday → after Monday 1/5, so Tuesday 2/5.
    assert calendar(2028).status == "estimated"
    assert is_working_day(D(2028, 1, 3)) is False
    assert is_working_day(D(2028, 5, 1)) is False
    assert is_working_day(D(2028, 5, 2)) is False
    assert is_working_day(D(2028, 5, 3)) is True
    # 2029: 2/9 on Sunday with 3/9 as the second day → Tuesday 4/9 is the make-up day.
    assert is_working_day(D(2029, 9, 4)) is False
    assert is_working_day(D(2029, 9, 5)) is True


def test_year_missing_from_the_file_keeps_weekends_and_fixed_holidays():
    assert calendar(2035).status == "missing"
    assert is_working_day(D(2035, 4, 30)) is False  # Monday
    assert is_working_day(D(2035, 9, 3)) is False  # 2/9 is a Sunday: made up on Monday
    assert is_working_day(D(2035, 9, 4)) is True
    assert is_working_day(D(2035, 2, 8)) is True  # Tết is not known for a missing year


def test_add_working_days_skips_weekends_and_tet():
    # Received Thursday 23/01/2025: 20 working days run from 24/01, over the Tết break.
    assert add_working_days(D(2025, 1, 23), 20) == D(2025, 2, 27)
    assert add_working_days(D(2025, 3, 14), 1) == D(2025, 3, 17)
    assert add_working_days(D(2025, 3, 15), 0) == D(2025, 3, 15)
    assert add_working_days(D(2025, 3, 17), -1) == D(2025, 3, 14)
    # 10 working days after publication on Monday 13/04/2026 skip Giỗ Tổ's make-up day 27/04.
    assert add_working_days(D(2026, 4, 13), 10) == D(2026, 4, 28)


def test_working_days_between():
    assert working_days_between(D(2025, 3, 14), D(2025, 3, 17)) == 1
    assert working_days_between(D(2025, 3, 17), D(2025, 3, 14)) == -1
    assert working_days_between(D(2025, 3, 14), D(2025, 3, 14)) == 0
    # 2025: 261 weekdays, 12 of them off, one Saturday worked (26/04).
    assert working_days_between(D(2025, 1, 1), D(2025, 12, 31)) == 250
    assert working_days_between(D(2024, 12, 31), D(2026, 1, 1)) == 250


@given(st.dates(D(2023, 6, 1), D(2031, 6, 1)), st.integers(-300, 300))
def test_adding_then_counting_gives_the_same_number(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@given(st.dates(D(2023, 6, 1), D(2031, 6, 1)), st.integers(0, 120))
def test_counting_agrees_with_walking_day_by_day(start, days):
    end = start + datetime.timedelta(days=days)
    walked = sum(is_working_day(start + datetime.timedelta(days=i)) for i in range(1, days + 1))
    assert working_days_between(start, end) == walked


def test_every_listed_year_has_five_tet_weekdays_around_the_lunar_new_year():
    with workdays.HOLIDAYS_FILE.open(encoding="utf-8") as handle:
        years = yaml.safe_load(handle)["years"]
    assert sorted(years) == [2024, 2025, 2026, 2027, 2028, 2029, 2030]
    for spec in years.values():
        offsets = [(day - spec["lunar_new_year"]).days for day in spec["tet"]]
        assert len(set(spec["tet"])) == 5
        assert all(-3 <= offset <= 4 for offset in offsets)
        assert all(day.weekday() < 5 for day in spec["tet"])


def test_a_bad_year_in_the_file_is_refused_with_its_year(tmp_path, monkeypatch):
    bad = tmp_path / "holidays.yaml"
    bad.write_text("years:\n  2040:\n    tet: [2040-02-11]\n", encoding="utf-8")
    monkeypatch.setattr(workdays, "HOLIDAYS_FILE", bad)
    workdays._load.cache_clear()
    workdays.calendar.cache_clear()
    try:
        with pytest.raises(HolidayFileError, match="year 2040: 2040-02-11 is a weekend day"):
            calendar(2040)
    finally:
        workdays._load.cache_clear()
        workdays.calendar.cache_clear()
