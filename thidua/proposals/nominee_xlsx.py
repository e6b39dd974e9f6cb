"""Reading the units' Excel list of nominees (the template of `template_workbook`) with the award
register importer's reader: the header found by its labels after any title rows, legacy
TCVN3/VNI fonts converted, formulas refused, every cell checked, errors naming sheet, row and
column. `match` then finds each row's person in the proposing unit's scope. Nothing here
writes (services.imports does)."""

import datetime
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from thidua.awards.import_lists import ListReading, read_list
from thidua.awards.import_rows import Column, Issue, RowChecker, header_key
from thidua.awards.models import AwardType
from thidua.people.models import Person
from thidua.proposals import queries
from thidua.proposals.models import Nominee, Proposal

COLUMNS = (
    Column("seq", "STT", ("TT", "Số thứ tự"), required=False),
    Column("full_name", "Họ và tên", ("Họ tên",)),
    Column("birth_date", "Ngày sinh", ("Ngày, tháng, năm sinh", "Ngày tháng năm sinh")),
    Column("gender", "Giới tính"),
    Column("personal_id", "Số định danh cá nhân",
           ("Số định danh", "Số CCCD", "CCCD", "Số căn cước công dân", "Số căn cước")),
    Column("unit", "Đơn vị", ("Đơn vị công tác", "Cơ quan, đơn vị")),
    Column("award", "Danh hiệu/Hình thức đề nghị",
           ("Danh hiệu/Hình thức", "Danh hiệu đề nghị", "Hình thức đề nghị",
            "Danh hiệu, hình thức đề nghị", "Đề nghị", "Danh hiệu/Hình thức khen thưởng đề nghị")),
    Column("summary", "Tóm tắt thành tích", ("Thành tích", "Tóm tắt thành tích chủ yếu")),
    Column("note", "Ghi chú", required=False),
)
HEADERS = {header_key(label): column for column in COLUMNS
           for label in (column.label, *column.aliases)}
REQUIRED = [column for column in COLUMNS if column.required]
KEYS = ("full_name", "birth_date", "gender", "personal_id", "unit", "award", "summary", "note")
MAX_ROWS = 2000
TOO_MANY = gettext_lazy("The list has %(count)s rows; at most %(max)s can be imported into one "
                        "dossier.")
TEMPLATE_NAME = "mau-danh-sach-de-nghi-khen-thuong.xlsx"


@dataclass(slots=True)
class Row:
    sheet: str
    number: int
    full_name: str
    name_key: str
    birth_date: datetime.date | None
    gender: str
    personal_id: str
    unit_name: str
    award_type: AwardType
    summary: str
    note: str
    person: Person | None = None


class NomineeChecker(RowChecker):
    """The register's cell checks over the columns of the nominee list."""

    KEYS = KEYS
    TEXT_KEYS = frozenset({"full_name", "gender", "unit", "award", "summary", "note"})
    LABELS = {column.key: column.label for column in COLUMNS}
    LIMITS = {"full_name": Person._meta.get_field("full_name").max_length,
              "unit": Nominee._meta.get_field("unit_name").max_length,
              "note": Nominee._meta.get_field("note").max_length,
              "summary": 10_000}

    def parse_summary(self, value: str) -> str:
        return value

    def make_row(self, sheet: str, number: int, name: tuple, birth, gender: str,
                 personal_id: str, unit: tuple, award_type: AwardType, summary: str,
                 note: str) -> Row:
        return Row(sheet, number, name[0], name[1], birth, gender, personal_id, unit[0],
                   award_type, summary, note)


def read(source, *, today: datetime.date) -> ListReading:
    """Every row of every sheet that has the list's header, checked cell by cell."""
    return read_list(source, headers=HEADERS, required=REQUIRED, keys=KEYS,
                     checker=NomineeChecker(list(AwardType.objects.filter(active=True)), today),
                     max_rows=MAX_ROWS, too_many=TOO_MANY)


# -- matching ---------------------------------------------------------------------------------
def match(reading: ListReading, proposal: Proposal, by) -> None:
    """Give each row its person, found in the proposing unit's scope (and the user's) by
    personal ID, else by accent-folded name and birth date; an unknown person, an ambiguous
    name or a line proposed twice is an error naming the row."""
    people = queries.people_for(proposal, by).select_related("unit")
    ids = {row.personal_id for row in reading.rows if row.personal_id}
    by_id = {person.personal_id: person for person in people.filter(personal_id__in=ids)}
    names = {row.name_key[:120] for row in reading.rows}
    by_name: dict[tuple, list[Person]] = {}
    for person in people.filter(name_folded__in=names):
        by_name.setdefault((person.name_folded, person.birth_date), []).append(person)
    for row in reading.rows:
        row.person = find_person(row, by_id, by_name, reading, proposal)
    refuse_repeats(reading, proposal)


def find_person(row: Row, by_id: dict, by_name: dict, reading: ListReading,
                proposal: Proposal) -> Person | None:
    if row.personal_id and row.personal_id in by_id:
        return by_id[row.personal_id]
    namesakes = [person for person in by_name.get((row.name_key[:120], row.birth_date), [])
                 if not row.personal_id or not person.personal_id]
    if len(namesakes) == 1:
        return namesakes[0]
    if len(namesakes) > 1:
        reading.errors.append(reading.issue(row, "full_name", _(
            "Several people named %(name)s, born %(birth)s, are recorded: give the personal "
            "identification number.") % {"name": row.full_name, "birth": show(row.birth_date)}))
        return None
    reading.errors.append(reading.issue(row, "full_name", _(
        "No person named %(name)s (born %(birth)s%(id)s) is recorded in %(unit)s or its "
        "sub-units: add them to the register of people first.") % {
        "name": row.full_name, "birth": show(row.birth_date), "unit": proposal.unit_name,
        "id": _(", personal ID %(id)s") % {"id": row.personal_id} if row.personal_id else ""}))
    return None


def refuse_repeats(reading: ListReading, proposal: Proposal) -> None:
    existing = set(proposal.nominees.filter(person__isnull=False)
                   .values_list("person_id", "award_type_id"))
    seen: dict[tuple, Row] = {}
    for row in reading.rows:
        if row.person is None:
            continue
        key = (row.person.pk, row.award_type.pk)
        if key in existing:
            reading.errors.append(reading.issue(row, "award", _(
                "%(name)s is already proposed for %(title)s in this dossier.")
                % {"name": row.full_name, "title": row.award_type.name}))
        elif key in seen:
            reading.errors.append(Issue(row.sheet, row.number, "", _(
                "This row repeats row %(row)s (same person and title or form).")
                % {"row": seen[key].number}))
        else:
            seen[key] = row


def show(value: datetime.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"


# -- the template -----------------------------------------------------------------------------
def template_workbook() -> bytes:
    """An empty list with the header row and a hint on each column, ready to fill in."""
    hints = {
        "birth_date": _("dd/mm/yyyy, or a date cell"),
        "gender": _("Nam or Nữ"),
        "personal_id": _("12 digits, typed as text"),
        "unit": _("the nominee's unit"),
        "award": _("name, short name or code of the title or award form proposed"),
        "summary": _("a few lines on the achievements"),
    }
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Nominees")[:31]
    for col, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=col, value=column.label)
        cell.font = Font(bold=True)
        if column.key in hints:
            cell.comment = Comment(hints[column.key], "thidua")
        dimension = sheet.column_dimensions[get_column_letter(col)]
        dimension.width = 60 if column.key == "summary" else max(12, len(column.label) + 4)
        if column.key == "personal_id":
            dimension.number_format = "@"  # text, so that an ID keeps its leading zero
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
