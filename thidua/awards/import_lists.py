"""Other lists read like the award register: the nominee list of a dossier, the list a unit
uploads for the list checks. One reader for them all (`read_list`): the header found by its
labels after any title rows, legacy TCVN3/VNI fonts converted, formulas refused, every cell
checked by the list's RowChecker, each error naming sheet, row and column. Nothing is stored."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from thidua.awards import importer
from thidua.awards.import_rows import Column, Issue, RowChecker
from thidua.awards.import_xlsx import UnreadableWorkbook, read_workbook


@dataclass
class ListReading:
    """Checked rows, or errors (then nothing may be done with the list)."""

    rows: list = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> column labels
    names: dict[str, str] = field(default_factory=dict)  # column key -> the template's label

    def issue(self, row, key: str, message: str) -> Issue:
        """An issue of one cell of a checked row, its column named as the file names it."""
        label = self.labels.get(row.sheet, {}).get(key, self.names.get(key, ""))
        return Issue(row.sheet, row.number, label, message)


def read_list(source, *, headers: dict[str, Column], required: list[Column],
              keys: tuple[str, ...], checker: RowChecker, max_rows: int,
              too_many: str) -> ListReading:
    """Every row of every sheet with the list's header (`headers`: header_key(label) ->
    Column), checked cell by cell by `checker` over `keys`. More than `max_rows` rows is an
    error worded by `too_many` (with %(count)s and %(max)s)."""
    reading = ListReading(names=dict(checker.LABELS))
    try:
        sheets = read_workbook(source)
    except UnreadableWorkbook as error:
        reading.errors.append(Issue("", None, "", str(error)))
        return reading
    except OSError:
        reading.errors.append(Issue("", None, "", _("The file cannot be opened.")))
        return reading
    found = False
    for sheet in sheets:
        layout = importer.sheet_layout(sheet, reading, headers=headers, required=required,
                                       keys=keys, formula_message=_(
            "The cell holds a formula; the list must contain values only (copy the cells and "
            "paste them as values)."))
        if layout is None:
            continue
        found = True
        fields, labels, first, data = layout
        reading.labels[sheet.name] = labels
        reading.rows += checker.check(sheet, fields, labels, first, data, reading.errors)
    if not found and not reading.errors:
        reading.errors.append(Issue(sheets[0].name if sheets else "", None, "", _(
            "No header row of the list of nominees was found. Required columns: %(columns)s.")
            % {"columns": ", ".join(column.label for column in required)}))
    if len(reading.rows) > max_rows:
        reading.errors.append(Issue("", None, "", str(too_many)
                                    % {"count": len(reading.rows), "max": max_rows}))
    return reading
