"""Exports of the eligibility screens: the batch check as an xlsx workbook. Rows come from
iterators and go through one writer (openpyxl write-only: rows are written as they come, the
workbook is never held in memory), every text cell neutralised against formula injection."""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from thidua.eligibility.batch import Batch, Row
from thidua.eligibility.lists import Finding

# A cell starting with one of these is read as a formula (or a DDE call) by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def neutralise(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV
    injection advice); other values are kept as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: Iterable[list]
    widths: list[int]


def write_workbook(target, heading: list[str], sheets: list[Sheet]) -> None:
    """Each sheet: the heading lines (the first in large bold), an empty line, the header row
    in bold, then the rows. `target` is a path or a binary file."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title[:31])
        for index, width in enumerate(sheet.widths):
            worksheet.column_dimensions[get_column_letter(index + 1)].width = width
        for number, line in enumerate(heading):
            worksheet.append([styled(worksheet, line, TITLE if number == 1 else BOLD)])
        worksheet.append([])
        worksheet.append([styled(worksheet, label, BOLD) for label in sheet.header])
        for row in sheet.rows:
            worksheet.append([styled(worksheet, value) for value in row])
    workbook.save(target)


def styled(worksheet, value, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value=neutralise(value))
    if font is not None:
        cell.font = font
    elif isinstance(value, str) and len(value) > 40:
        cell.alignment = WRAP
    return cell


# -- the batch check --------------------------------------------------------------------------
def batch_heading(batch: Batch) -> list[str]:
    return [batch.unit.name.upper(),
            _("RESULTS OF THE ELIGIBILITY CHECK FOR COMMENDATION IN %(year)s")
            % {"year": batch.year},
            _("Exported on %(date)s") % {"date": timezone.localdate().strftime("%d/%m/%Y")}]


def result_header() -> list[str]:
    return [_("No."), _("Full name or collective"), _("Date of birth"), _("Unit"),
            _("Title or form"), _("Code"), _("Verdict"), _("First unmet reason"),
            _("Legal basis"), _("Proposed")]


def result_rows(rows: Iterable[Row], proposed: set[str]) -> Iterator[list]:
    for row in rows:
        person, reason = row.entry.person, row.reason
        unit = row.entry.unit.parent if not row.entry.is_person else row.entry.unit
        # Empty cells are None: a spreadsheet keeps no empty text.
        yield [row.number, row.entry.name, date_text(person.birth_date if person else None),
               unit.name if unit else None, row.code_name, row.code, row.verdict_label,
               row.entry.error or (reason["message"] if reason else None),
               reason["basis"] if reason else None, _("yes") if row.key in proposed else None]


def finding_header() -> list[str]:
    return [_("Rows concerned"), _("Result"), _("Finding"), _("Legal basis")]


def finding_rows(findings: Iterable[Finding]) -> Iterator[list]:
    labels = {"error": _("Problem"), "warning": _("To check"), "ok": _("Met")}
    for finding in findings:
        yield [", ".join(str(row) for row in finding.rows), labels[finding.severity],
               finding.message, finding.basis]


def write_batch(target, batch: Batch, rows: Iterable[Row], findings: list[Finding],
                proposed: set[str]) -> None:
    sheets = [Sheet(_("Results"), result_header(), result_rows(rows, proposed),
                    [6, 30, 12, 30, 34, 22, 22, 60, 45, 9])]
    if proposed:
        sheets.append(Sheet(_("List checks"), finding_header(), finding_rows(findings),
                            [14, 12, 80, 45]))
    write_workbook(target, batch_heading(batch), sheets)


def date_text(value: datetime.date | None) -> str | None:
    return value.strftime("%d/%m/%Y") if value else None


def file_name(batch: Batch) -> str:
    return f"ket-qua-kiem-tra-dieu-kien-{batch.unit.code}-{batch.year}.xlsx"
