"""The units' Excel list of nominees (the template of `template_workbook`), read with the award
register importer's reader (awards.import_lists): the header found by its labels after any
title rows, legacy TCVN3/VNI fonts converted, formulas refused, every cell checked, errors
naming sheet, row and column. A row proposes an individual (the default), a collective (a unit
named by its name or code) or a household (its head's name and its address): the kind is the
"Đối tượng" column. `nominee_match` then finds each row's person or unit in the proposing unit's
scope. Nothing here writes (services.imports does)."""

import datetime
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from thidua.awards.choices import SubjectKind
from thidua.awards.import_lists import ListReading, read_list
from thidua.awards.import_rows import CellError, Column, RowChecker, header_key
from thidua.awards.models import AwardType
from thidua.core.text import fold
from thidua.organisations.models import Unit
from thidua.people.models import Person
from thidua.proposals.models import Nominee

COLUMNS = (
    Column("seq", "STT", ("TT", "Số thứ tự"), required=False),
    Column("subject", "Đối tượng", ("Loại đối tượng", "Cá nhân/Tập thể/Hộ gia đình",
                                    "Đối tượng đề nghị"), required=False),
    Column("full_name", "Họ và tên", (
        "Họ tên", "Họ và tên/Tên tập thể", "Tên cá nhân, tập thể, hộ gia đình",
        "Họ và tên cá nhân/Tên tập thể/Chủ hộ", "Tên cá nhân/tập thể/chủ hộ")),
    Column("birth_date", "Ngày sinh", ("Ngày, tháng, năm sinh", "Ngày tháng năm sinh")),
    Column("gender", "Giới tính"),
    Column("personal_id", "Số định danh cá nhân",
           ("Số định danh", "Số CCCD", "CCCD", "Số căn cước công dân", "Số căn cước")),
    Column("unit", "Đơn vị", ("Đơn vị công tác", "Cơ quan, đơn vị")),
    Column("address", "Địa chỉ", ("Địa chỉ hộ gia đình", "Nơi cư trú"), required=False),
    Column("award", "Danh hiệu/Hình thức đề nghị",
           ("Danh hiệu/Hình thức", "Danh hiệu đề nghị", "Hình thức đề nghị",
            "Danh hiệu, hình thức đề nghị", "Đề nghị", "Danh hiệu/Hình thức khen thưởng đề nghị")),
    Column("summary", "Tóm tắt thành tích", ("Thành tích", "Tóm tắt thành tích chủ yếu")),
    Column("note", "Ghi chú", required=False),
)
HEADERS = {header_key(label): column for column in COLUMNS
           for label in (column.label, *column.aliases)}
REQUIRED = [column for column in COLUMNS if column.required]
KEYS = ("subject", "full_name", "birth_date", "gender", "personal_id", "unit", "address",
        "award", "summary", "note")
MAX_ROWS = 2000
TOO_MANY = gettext_lazy("The list has %(count)s rows; at most %(max)s can be imported into one "
                        "dossier.")
TEMPLATE_NAME = "mau-danh-sach-de-nghi-khen-thuong.xlsx"
# The words of the "Đối tượng" column (accent-folded), and the codes of the subject kinds.
SUBJECTS = {"ca nhan": SubjectKind.INDIVIDUAL, "tap the": SubjectKind.COLLECTIVE,
            "ho gia dinh": SubjectKind.HOUSEHOLD, "ho": SubjectKind.HOUSEHOLD,
            **{kind.value: kind for kind in (SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE,
                                             SubjectKind.HOUSEHOLD)}}


@dataclass(slots=True)
class Row:
    sheet: str
    number: int
    subject_kind: str
    full_name: str  # a person's name, a collective's name or code, a household head's name
    name_key: str
    birth_date: datetime.date | None
    gender: str
    personal_id: str
    unit_name: str
    address: str
    award_type: AwardType
    summary: str
    note: str
    person: Person | None = None
    collective: Unit | None = None


class NomineeChecker(RowChecker):
    """The register's cell checks over the columns of the nominee list; whether the title or
    form is given to the row's kind of subject, and what each kind needs, is checked across
    the row (`cross_check`)."""

    KEYS = KEYS
    TEXT_KEYS = frozenset({"subject", "full_name", "gender", "unit", "address", "award",
                           "summary", "note"})
    LABELS = {column.key: column.label for column in COLUMNS}
    LIMITS = {"full_name": Nominee._meta.get_field("name").max_length,
              "unit": Nominee._meta.get_field("unit_name").max_length,
              "address": Nominee._meta.get_field("address").max_length,
              "note": Nominee._meta.get_field("note").max_length,
              "summary": 10_000}

    def parse_subject(self, value: str) -> str:
        if not value:
            return SubjectKind.INDIVIDUAL.value
        kind = SUBJECTS.get(fold(value))
        if kind is None:
            raise CellError(_("“%(value)s” is not a kind of awardee: write Cá nhân, Tập thể or "
                              "Hộ gia đình.") % {"value": value})
        return kind.value

    def parse_award(self, value: str) -> tuple[AwardType, str]:
        """The title or form with the text naming it, for the messages of `cross_check`."""
        award_type = self.award_types.get(fold(self.required(value)))
        if award_type is None:
            raise CellError(_("“%(value)s” is not an emulation title or award form of the "
                              "catalogue (write its name, short name or code).")
                            % {"value": value})
        return award_type, value

    def parse_summary(self, value: str) -> str:
        return value

    def parse_address(self, value: str) -> str:
        return value

    def missing_id_errors(self, birth) -> list[tuple[str, str]]:
        """Whether a row without an ID needs a birth date depends on its kind
        (`cross_check`)."""
        return []

    def cross_check(self, parsed: dict, failed: dict) -> None:
        super().cross_check(parsed, failed)
        rows = zip(parsed["subject"], parsed["award"], parsed["personal_id"],
                   parsed["birth_date"], parsed["address"], strict=True)
        for offset, (kind, award, personal_id, birth, address) in enumerate(rows):
            wrong = {key for key, _message in failed.get(offset, ())}
            errors = [(key, message) for key, message
                      in subject_errors(kind, award, personal_id, birth, address)
                      if key not in wrong]
            if errors:
                failed.setdefault(offset, []).extend(errors)

    def make_row(self, sheet: str, number: int, kind: str, name: tuple, birth, gender: str,
                 personal_id: str, unit: tuple, address: str, award: tuple, summary: str,
                 note: str) -> Row:
        return Row(sheet, number, kind, name[0], name[1], birth, gender, personal_id, unit[0],
                   address, award[0], summary, note)


def subject_errors(kind: str | None, award: tuple | None, personal_id: str | None,
                   birth, address: str | None) -> list[tuple[str, str]]:
    """(column key, message) of what a row of this kind lacks; cells already in error (None)
    are not judged again."""
    errors = []
    if kind is None:
        return errors
    if award is not None and not given_to(award[0], kind):
        message = {SubjectKind.INDIVIDUAL: _("“%(value)s” is not awarded to individuals."),
                   SubjectKind.COLLECTIVE: _("“%(value)s” is not awarded to collectives."),
                   SubjectKind.HOUSEHOLD: _("“%(value)s” is not awarded to households.")}[kind]
        errors.append(("award", message % {"value": award[1]}))
    if kind == SubjectKind.INDIVIDUAL and personal_id == "" and birth is None:
        errors.append(("birth_date", _("Without a personal identification number, the date "
                                       "of birth is needed to identify the person.")))
    if kind == SubjectKind.HOUSEHOLD and address == "":
        errors.append(("address", _("A household is named by its head and its address: write "
                                    "the address.")))
    return errors


def given_to(award_type: AwardType, kind: str) -> bool:
    """Whether the title or form is given to this kind (a collective may be an enterprise)."""
    subjects = set(award_type.subjects)
    if kind == SubjectKind.COLLECTIVE:
        return bool(subjects & {SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE})
    return kind in subjects


def read(source, *, today: datetime.date) -> ListReading:
    """Every row of every sheet that has the list's header, checked cell by cell."""
    return read_list(source, headers=HEADERS, required=REQUIRED, keys=KEYS,
                     checker=NomineeChecker(list(AwardType.objects.filter(active=True)), today),
                     max_rows=MAX_ROWS, too_many=TOO_MANY)


# -- the template -----------------------------------------------------------------------------
def template_workbook() -> bytes:
    """An empty list with the header row and a hint on each column, ready to fill in."""
    hints = {
        "subject": _("Cá nhân (or empty), Tập thể or Hộ gia đình"),
        "full_name": _("an individual's full name; a collective's unit name or unit code; "
                       "the name of a household's head"),
        "address": _("a household's address (required for a household)"),
        "birth_date": _("dd/mm/yyyy, or a date cell"),
        "gender": _("Nam or Nữ"),
        "personal_id": _("12 digits, typed as text"),
        "unit": _("an individual's unit"),
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
        wide = column.key in ("summary", "address")
        dimension.width = 60 if wide else max(12, len(column.label) + 4)
        if column.key == "personal_id":
            dimension.number_format = "@"  # text, so that an ID keeps its leading zero
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
