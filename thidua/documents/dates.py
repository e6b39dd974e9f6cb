"""Dates as administrative documents write them (Decree 30/2020, Annex I): the day always on
two digits, the month padded only for January and February, the year never grouped.
"ngày 05 tháng 01 năm 2026", "ngày 15 tháng 3 năm 2026"."""

import datetime

# What a draft leaves for the clerk to fill in once the document is signed and registered.
BLANK_DAY = "ngày      tháng      năm"


def document_date(value: datetime.date) -> str:
    """ "ngày 05 tháng 01 năm 2026" (zero before days 1–9 and months 1–2 only)."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def draft_date(year: int) -> str:
    """The date line of a draft: blank day and month, the year filled."""
    return f"{BLANK_DAY} {year}"


def place_and_date(place: str, value: datetime.date | None, *, year: int | None = None) -> str:
    """ "Phan Thiết, ngày 05 tháng 01 năm 2026"; without a date, the blanks of a draft."""
    when = document_date(value) if value else draft_date(year or datetime.date.today().year)
    return f"{place}, {when}" if place else when


def short_date(value: datetime.date | None) -> str:
    """dd/mm/yyyy, as tables and lists write dates; empty when unknown."""
    return value.strftime("%d/%m/%Y") if value else ""
