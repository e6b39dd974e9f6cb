"""Exports of the eligibility screens: the batch check as an xlsx workbook. Rows come from
iterators and go through the shared writer of every list export (thidua.documents.xlsx: the
official header block, streamed, safe against formula injection)."""

from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.documents.bodies import body_of
from thidua.documents.dates import place_and_date
from thidua.documents.xlsx import XLSX, Heading, Sheet, write_workbook
from thidua.eligibility.batch import Batch, Row
from thidua.eligibility.lists import Finding

__all__ = ["XLSX", "file_name", "write_batch"]


# -- the batch check --------------------------------------------------------------------------
def batch_heading(batch: Batch) -> Heading:
    body = body_of(batch.unit)
    return Heading(body, _("RESULTS OF THE ELIGIBILITY CHECK FOR COMMENDATION IN %(year)s")
                   % {"year": batch.year},
                   place_date=place_and_date(body.place, timezone.localdate()))


def result_header() -> list[str]:
    return [_("No."), _("Full name or collective"), _("Date of birth"), _("Unit"),
            _("Title or form"), _("Code"), _("Verdict"), _("First unmet reason"),
            _("Legal basis"), _("Proposed")]


def result_rows(rows: Iterable[Row], proposed: set[str]) -> Iterator[list]:
    for row in rows:
        person, reason = row.entry.person, row.reason
        unit = row.entry.unit.parent if not row.entry.is_person else row.entry.unit
        # Empty cells are None: a spreadsheet keeps no empty text.
        yield [row.number, row.entry.name, person.birth_date if person else None,
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
                    [6, 30, 12, 30, 34, 22, 22, 60, 45, 9], wrap=frozenset({7, 8}))]
    if proposed:
        sheets.append(Sheet(_("List checks"), finding_header(), finding_rows(findings),
                            [14, 12, 80, 45], wrap=frozenset({2, 3})))
    write_workbook(target, batch_heading(batch), sheets)


def file_name(batch: Batch) -> str:
    return f"ket-qua-kiem-tra-dieu-kien-{batch.unit.code}-{batch.year}.xlsx"
