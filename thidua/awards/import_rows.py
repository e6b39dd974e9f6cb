"""The columns of an award register (contracts §3) and the checks of one row. Pure: no database.

A register repeats the same units, titles, dates and people on many rows, so every cell value is
parsed once per import and its result (or its error) kept in a per-column cache."""

import datetime
import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.awards.catalogue import name_index
from thidua.awards.choices import AwardKind
from thidua.awards.import_xlsx import Sheet
from thidua.awards.models import Award, AwardType, Decision
from thidua.core import legacy
from thidua.core.text import clean, fold, fold_clean
from thidua.people.choices import Gender
from thidua.people.models import Person
from thidua.people.validators import matches, personal_id_errors, read_digits

FIRST_YEAR = 1945
FIRST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header of contracts §3: part of the file format, not translated
    aliases: tuple[str, ...] = ()
    required: bool = True


COLUMNS = (
    Column("seq", "STT", ("TT", "Số thứ tự"), required=False),
    Column("full_name", "Họ và tên", ("Họ tên",)),
    Column("birth_date", "Ngày sinh", ("Ngày, tháng, năm sinh", "Ngày tháng năm sinh")),
    Column("gender", "Giới tính"),
    Column("personal_id", "Số định danh cá nhân",
           ("Số định danh", "Số CCCD", "CCCD", "Số căn cước công dân", "Số căn cước")),
    Column("unit", "Đơn vị", ("Đơn vị công tác", "Cơ quan, đơn vị")),
    Column("year", "Năm", ("Năm thành tích", "Năm đạt")),
    Column("award", "Danh hiệu/Hình thức",
           ("Danh hiệu", "Hình thức", "Hình thức khen thưởng", "Danh hiệu thi đua",
            "Danh hiệu, hình thức", "Danh hiệu/Hình thức khen thưởng")),
    Column("decision_number", "Số quyết định", ("Số QĐ",)),
    Column("decision_date", "Ngày quyết định", ("Ngày QĐ", "Ngày ký", "Ngày ký quyết định")),
    Column("issuer", "Cơ quan ban hành", ("Cơ quan ban hành quyết định", "Cấp khen")),
    Column("kind", "Loại khen thưởng", ("Loại hình khen thưởng",), required=False),
    Column("note", "Ghi chú", required=False),
)
REQUIRED = [column for column in COLUMNS if column.required]
LABELS = {column.key: column.label for column in COLUMNS}
# The cells a row is made of, in the order RowChecker.check unpacks them.
KEYS = ("full_name", "birth_date", "gender", "personal_id", "unit", "year", "award",
        "decision_number", "decision_date", "issuer", "kind", "note")
TEXT_KEYS = frozenset({"full_name", "gender", "unit", "award", "decision_number", "issuer",
                       "kind", "note"})
_NON_ALNUM = re.compile(r"[^a-z0-9]")


def header_key(label) -> str:
    """"Danh hiệu / Hình thức" and "DANH HIEU/HINH THUC" give the same key."""
    return _NON_ALNUM.sub("", fold(str(label)))


HEADERS = {header_key(label): column for column in COLUMNS
           for label in (column.label, *column.aliases)}
LIMITS = {
    "full_name": Person._meta.get_field("full_name").max_length,
    "unit": Award._meta.get_field("unit_name").max_length,
    "decision_number": Decision._meta.get_field("number").max_length,
    "issuer": Decision._meta.get_field("issuer_name").max_length,
    "note": Award._meta.get_field("note").max_length,
}


@dataclass(frozen=True)
class Issue:
    """An error or warning, located as precisely as the file allows."""

    sheet: str
    row: int | None
    column: str  # "Ngày sinh (C)", or "" for the whole row or sheet
    message: str

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}

    def __str__(self) -> str:
        where = [_("sheet “%(sheet)s”") % {"sheet": self.sheet}] if self.sheet else []
        if self.row:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        place = ", ".join(where)
        return f"{place[:1].upper()}{place[1:]}: {self.message}" if place else self.message


@dataclass(slots=True)
class Row:
    """One checked line of the register; `*_key` are accent-folded names."""

    sheet: str
    number: int
    full_name: str
    name_key: str
    birth_date: datetime.date | None
    gender: str
    personal_id: str
    unit_name: str
    unit_key: str
    year: int | None
    award_type: AwardType
    kind: str
    decision_number: str
    decision_date: datetime.date
    issuer_name: str
    issuer_key: str
    note: str
    person_key: tuple = ()


class CellError(Exception):
    """A cell that cannot be read; the message says why."""


class Invalid:
    """The error of a cell value, kept in the cache like a parsed value."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


def display(value) -> str:
    """A cell value as the user sees it in Excel."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value:%d/%m/%Y}"
    return str(value).strip()


def blank(value) -> bool:
    return value == "" or value is None or (isinstance(value, str) and not value.strip())


def kind_index() -> dict[str, str]:
    """Folded codes and labels (Vietnamese and English) of the kinds of award -> code."""
    index = {}
    for kind in AwardKind:
        index[fold(kind.value)] = index[fold(kind.value.replace("_", " "))] = kind.value
        for language in ("vi", "en"):
            with translation.override(language):
                index[fold(str(kind.label))] = kind.value
    index.update({"theo dot": AwardKind.CHUYEN_DE.value, "chuyen de": AwardKind.CHUYEN_DE.value,
                  "theo chuyen de": AwardKind.CHUYEN_DE.value,
                  "qua trinh cong hien": AwardKind.CONG_HIEN.value,
                  "theo nien han": AwardKind.NIEN_HAN.value})
    return index


_DATE_TEXT = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Invisible control characters (Excel keeps them as _x0000_…); PostgreSQL refuses NUL in text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
GENDERS = {"nam": Gender.MALE.value, "male": Gender.MALE.value, "nu": Gender.FEMALE.value,
           "female": Gender.FEMALE.value}


class RowChecker:
    """Checks the rows of one import. Another list read the same way (the nominees of a
    proposal) subclasses it with its own KEYS, TEXT_KEYS, LABELS, LIMITS and `make_row`."""

    KEYS, TEXT_KEYS, LABELS, LIMITS = KEYS, TEXT_KEYS, LABELS, LIMITS

    def __init__(self, award_types: list[AwardType], today: datetime.date):
        self.award_types = name_index(award_types)
        self.kinds = kind_index()
        self.today = today
        self.caches: dict[str, dict] = {key: {} for key in self.KEYS}
        self.invalid: dict[str, set] = {key: set() for key in self.KEYS}  # raw values in error
        self.parsers = {key: getattr(self, f"parse_{key}") for key in self.KEYS}
        self.decoded_ids: dict[str, tuple | None] = {}  # personal ID -> validators.read_digits
        self.legacy_cache: dict[tuple, object] = {}

    def check(self, sheet: Sheet, fields: list, labels: dict, first: int, data: list[list],
              errors: list[Issue]) -> list[Row]:
        """The valid rows among `data` (the sheet's rows from index `first`); the errors of the
        others are added to `errors`. `fields` pairs each of KEYS with its column index (None
        when the sheet has no such column).

        The work is done column by column: each distinct value is parsed once, then mapped."""
        size = len(data)
        width = max(map(len, data), default=0)
        padded = (cells if len(cells) == width else [*cells, *[""] * (width - len(cells))]
                  for cells in data)
        columns = list(zip(*padded, strict=True))
        parsed, failed = {}, {}
        for key, col in fields:
            column = columns[col] if col is not None and col < width else ("",) * size
            parsed[key] = self.map_column(key, column, failed)
        self.override_special(sheet, fields, first, data, parsed, failed)
        self.cross_check(parsed, failed)
        rows = []
        keys, names = self.KEYS, self.LABELS
        for offset, values in enumerate(zip(*(parsed[key] for key in keys), strict=True)):
            if offset in failed:
                errors.extend(
                    Issue(sheet.name, first + offset + 1, labels.get(key, names[key]), message)
                    for key, message in sorted(failed[offset],
                                               key=lambda item: keys.index(item[0])))
            else:
                rows.append(self.make_row(sheet.name, first + offset + 1, *values))
        return rows

    def make_row(self, sheet: str, number: int, name: tuple, birth, gender: str,
                 personal_id: str, unit: tuple, year, award_type: AwardType, number_text: str,
                 date, issuer: tuple, kind: str, note: str) -> Row:
        """The checked row from its parsed cells, in the order of KEYS. An empty kind is công
        trạng (contracts.md §3), whatever the award type."""
        return Row(sheet, number, name[0], name[1], birth, gender, personal_id, unit[0], unit[1],
                   year, award_type, kind or _CONG_TRANG, number_text, date, issuer[0],
                   issuer[1], note)

    def map_column(self, key: str, column: tuple, failed: dict) -> list:
        """Parsed values of a column; cells in error become None and are noted in `failed`."""
        cache, invalid = self.caches[key], self.invalid[key]
        for value in set(column).difference(cache):
            result = cache[value] = self.parse(key, value)
            if result.__class__ is Invalid:
                invalid.add(value)
        values = list(map(cache.__getitem__, column))
        if invalid and not invalid.isdisjoint(column):
            for offset, value in enumerate(column):
                if value in invalid:
                    failed.setdefault(offset, []).append((key, cache[value].message))
                    values[offset] = None
        return values

    def override_special(self, sheet: Sheet, fields: list, first: int, data: list,
                         parsed: dict, failed: dict) -> None:
        """Cells in a legacy font or in rich text are converted one by one."""
        if not (sheet.legacy or sheet.rich):
            return
        for key, col in fields:
            if col is None or key not in self.TEXT_KEYS:
                continue
            for offset, cells in enumerate(data):
                position = (first + offset, col)
                if position in sheet.rich and col < len(cells):
                    value = self.parse(key, cells[col], sheet, position)
                elif position in sheet.legacy and col < len(cells):
                    cache_key = (key, cells[col], sheet.legacy[position])
                    value = self.legacy_cache.get(cache_key)
                    if value is None:
                        value = self.legacy_cache[cache_key] = self.parse(
                            key, cells[col], sheet, position)
                else:
                    continue
                # The plain reading of this cell may have failed: the converted one decides.
                failed[offset] = [item for item in failed.get(offset, ()) if item[0] != key]
                if value.__class__ is Invalid:
                    failed[offset].append((key, value.message))
                    value = None
                if not failed[offset]:
                    del failed[offset]
                parsed[key][offset] = value

    def parse(self, key: str, raw, sheet: Sheet | None = None, position=None):
        """The value of one cell, or Invalid."""
        try:
            if key in self.TEXT_KEYS:
                raw = self.text(key, raw, sheet, position)
            return self.parsers[key](raw)
        except CellError as error:
            return Invalid(str(error))

    def text(self, key: str, value, sheet: Sheet | None, position) -> str:
        """Cell text in Unicode NFC, legacy fonts converted, within the field's length limit."""
        if blank(value):
            return ""
        if sheet is not None and position in sheet.rich:
            text = sheet.rich[position]
        elif sheet is not None:
            text = legacy.convert(display(value), sheet.legacy[position])
        else:
            text = legacy.repair(value if isinstance(value, str) else display(value))
        text = clean(_CONTROL.sub("", text))
        limit = self.LIMITS.get(key)
        if limit and len(text) > limit:
            raise CellError(_("The text has %(length)s characters; at most %(limit)s are allowed.")
                            % {"length": len(text), "limit": limit})
        return text

    def required(self, value):
        if blank(value):
            raise CellError(_("This cell is empty; it is required."))
        return value

    def parse_full_name(self, value: str) -> tuple[str, str]:
        return self.required(value), fold_clean(value)

    def parse_date(self, value, *, required: bool = True) -> datetime.date | None:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if blank(value):
            if required:
                self.required(value)
            return None
        text = display(value)
        match = _DATE_TEXT.fullmatch(text) if isinstance(value, str) else None
        iso = _ISO_DATE.fullmatch(text) if isinstance(value, str) else None
        if match is None and iso is None:
            raise CellError(_("“%(value)s” is not a date: write it as dd/mm/yyyy.")
                            % {"value": text})
        day, month, year = map(int, match.groups() if match else reversed(iso.groups()))
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise CellError(_("%(value)s is not a real date.") % {"value": text}) from None

    def parse_birth_date(self, value) -> datetime.date | None:
        birth = self.parse_date(value, required=False)
        if birth is not None and birth > self.today:
            raise CellError(_("The date of birth %(date)s is in the future.")
                            % {"date": f"{birth:%d/%m/%Y}"})
        if birth is not None and birth.year < FIRST_BIRTH_YEAR:
            raise CellError(_("The date of birth %(date)s is before %(year)s.")
                            % {"date": f"{birth:%d/%m/%Y}", "year": FIRST_BIRTH_YEAR})
        return birth

    def parse_decision_date(self, value) -> datetime.date:
        date = self.parse_date(value)
        if date > self.today:
            raise CellError(_("The decision date %(date)s is in the future.")
                            % {"date": f"{date:%d/%m/%Y}"})
        return date

    def parse_gender(self, value: str) -> str:
        if not value:
            return ""
        gender = GENDERS.get(fold_clean(value))
        if gender is None:
            raise CellError(_("“%(value)s” is not a gender: write Nam or Nữ.") % {"value": value})
        return gender

    def parse_personal_id(self, value) -> str:
        """Twelve digits kept as text; a number cell that lost its leading zeros gets them back
        (every province code starts with 0)."""
        if value.__class__ is str and value.isascii() and value.isdigit():
            return value  # the usual cell: nothing to clean
        if isinstance(value, int | float) and not isinstance(value, bool):
            digits = display(value)
            return digits.zfill(12) if 10 <= len(digits) <= 12 else digits
        return clean(str(value)).replace(" ", "")

    def parse_unit(self, value: str) -> tuple[str, str]:
        return value, fold_clean(value)[:255] if value else ""

    def parse_year(self, value) -> int | None:
        if blank(value):
            return None
        text = display(value)
        if isinstance(value, bool) or not (text.isascii() and text.isdigit()) or len(text) > 9:
            raise CellError(_("“%(value)s” is not a year.") % {"value": text})
        year = int(text)
        if year > self.today.year:
            raise CellError(_("The year %(year)s is in the future.") % {"year": year})
        if year < FIRST_YEAR:
            raise CellError(_("The year %(year)s is before %(first)s.")
                            % {"year": year, "first": FIRST_YEAR})
        return year

    def parse_award(self, value: str) -> AwardType:
        award_type = self.award_types.get(fold_clean(self.required(value)))
        if award_type is None:
            raise CellError(_("“%(value)s” is not an emulation title or award form of the "
                              "catalogue (write its name, short name or code).")
                            % {"value": value})
        if "individual" not in award_type.subjects:
            raise CellError(_("“%(value)s” is not awarded to individuals.") % {"value": value})
        return award_type

    def parse_decision_number(self, value: str) -> str:
        return self.required(value)

    def parse_issuer(self, value: str) -> tuple[str, str]:
        return self.required(value), fold_clean(value)[:255]

    def parse_kind(self, value: str) -> str:
        if not value:
            return ""
        kind = self.kinds.get(fold_clean(value))
        if kind is None:
            choices = ", ".join(str(label) for label in AwardKind.labels)
            raise CellError(_("“%(value)s” is not a kind of award; write one of: %(choices)s.")
                            % {"value": value, "choices": choices})
        return kind

    def parse_note(self, value: str) -> str:
        return value

    def cross_check(self, parsed: dict, failed: dict) -> None:
        """Checks that need several cells of a row: the personal ID against gender and birth
        date, the date of birth when there is no ID, the year against the decision date."""
        # The digits of each ID are read once per import (a register of 100,000 rows has tens
        # of thousands of IDs); a row whose cells agree with them costs a comparison.
        decoded, missing_id_errors = self.decoded_ids, self.missing_id_errors
        years, dates = parsed.get("year"), parsed.get("decision_date")
        if years is None or dates is None:  # a list without decisions
            years = dates = [None] * len(parsed["personal_id"])
        for offset, (personal_id, gender, birth, year, date) in enumerate(zip(
                parsed["personal_id"], parsed["gender"], parsed["birth_date"], years, dates,
                strict=True)):
            if personal_id:
                digits = decoded.get(personal_id, decoded)
                if digits is decoded:
                    digits = decoded[personal_id] = read_digits(personal_id)
                if not matches(digits, gender, birth):
                    failed.setdefault(offset, []).extend(
                        ("personal_id", message) for message in personal_id_errors(
                            personal_id, gender=gender or "", birth_date=birth))
            elif messages := missing_id_errors(birth):
                own = {key for key, _message in failed.get(offset, ())}
                failed.setdefault(offset, []).extend(
                    item for item in messages if item[0] not in own)
            if year and date and year > date.year:
                failed.setdefault(offset, []).append(("year", _(
                    "The achievement year %(year)s is after the decision date %(date)s.")
                    % {"year": year, "date": f"{date:%d/%m/%Y}"}))

    def missing_id_errors(self, birth) -> list[tuple[str, str]]:
        """(key, message) pairs of a row without a personal ID; a birth date error only stands
        where that cell had none."""
        if birth is None:
            return [("birth_date", _("Without a personal identification number, the date of "
                                     "birth is needed to identify the person."))]
        return []


_CONG_TRANG = AwardKind.CONG_TRANG.value  # once: an enum member's value is a property
