"""Reading and checking an award register (contracts §3). Nothing here writes: `read` turns a
workbook into checked rows, or into issues naming sheet, row and column; `plan` matches the rows
against the database (people, decisions, units, awards already recorded) for the writer."""

import datetime
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.import_rows import (
    HEADERS,
    KEYS,
    LABELS,
    REQUIRED,
    Issue,
    Row,
    RowChecker,
    blank,
    header_key,
)
from thidua.awards.import_xlsx import Sheet, UnreadableWorkbook, column_letter, read_workbook
from thidua.awards.models import Award, AwardType, Decision
from thidua.core.text import clean, fold
from thidua.organisations.models import Unit
from thidua.organisations.queries import scope_paths
from thidua.people.models import Person

PROGRESS_EVERY = 5000
PREVIEW_ROWS = 20
HEADER_SEARCH_ROWS = 1000


@dataclass
class Reading:
    """What `read` found: checked rows, or errors (then nothing may be written)."""

    rows: list[Row] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    total_rows: int = 0
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> column labels


@dataclass
class Layout:
    """Where the data of one sheet is."""

    sheet: Sheet
    fields: list[tuple[str, int | None]]  # each of KEYS with its column index
    labels: dict[str, str]  # column key -> "Ngày sinh (C)", as written in the file
    first: int  # 0-based index of the first data row
    data: list[list]


# ---- reading ---------------------------------------------------------------------------------


def read(source, *, today: datetime.date | None = None,
         progress: Callable[[int, int], None] | None = None) -> Reading:
    """Read and check every sheet of the register at `source` (a path or a binary file)."""
    reading = Reading()
    try:
        sheets = read_workbook(source)
    except UnreadableWorkbook as error:
        reading.errors.append(Issue("", None, "", str(error)))
        return reading
    except OSError:
        reading.errors.append(Issue("", None, "", _("The file cannot be opened.")))
        return reading
    layouts = [layout for sheet in sheets if (layout := _layout(sheet, reading)) is not None]
    reading.labels = {layout.sheet.name: layout.labels for layout in layouts}
    reading.total_rows = sum(len(layout.data) for layout in layouts)
    checker = RowChecker(list(AwardType.objects.all()), today or timezone.localdate())
    done = 0
    for layout in layouts:
        for start in range(0, len(layout.data), PROGRESS_EVERY):
            chunk = layout.data[start:start + PROGRESS_EVERY]
            reading.rows += checker.check(layout.sheet, layout.fields, layout.labels,
                                          layout.first + start, chunk, reading.errors)
            done += len(chunk)
            if progress:
                progress(done, reading.total_rows)
    _check_workbook(sheets, layouts, reading)
    _link_people(reading)
    if progress:
        progress(reading.total_rows, reading.total_rows)
    return reading


def _layout(sheet: Sheet, reading: Reading) -> Layout | None:
    """Where the register's data is in `sheet`, or None when the sheet does not hold it."""
    found = sheet_layout(sheet, reading, headers=HEADERS, required=REQUIRED, keys=KEYS,
                         formula_message=_(
        "The cell holds a formula; the register must contain values only (copy the cells "
        "and paste them as values)."), no_header=_(
        "No header row of the register was found in this sheet; it was not read."))
    return Layout(sheet, *found) if found is not None else None


def sheet_layout(sheet: Sheet, reading, *, headers: dict, required: list, keys,
                 formula_message: str, no_header: str = ""):
    """(fields, labels, first data row index, data rows) of a table read like the register
    (the register itself, a nominee list): the header row after any title rows, then the data
    rows up to the first empty name. None when the sheet does not hold it; formulas and missing
    columns are errors in `reading`, a filled sheet without the header a warning (`no_header`)
    where one is given."""
    header = find_header(sheet, headers)
    for ref in sheet.formulas:
        reading.errors.append(Issue(sheet.name, int("".join(filter(str.isdigit, ref))),
                                    formula_column(sheet, header, ref), formula_message))
    if header is None:
        if no_header and any(filled(cells) for cells in sheet.rows):
            reading.warnings.append(Issue(sheet.name, None, "", no_header))
        return None
    index, columns = header
    labels = {key: f"{clean(str(sheet.rows[index][col]))} ({column_letter(col)})"
              for key, col in columns.items()}
    missing = [column.label for column in required if column.key not in columns]
    if missing:
        reading.errors.append(Issue(sheet.name, index + 1, "", _(
            "Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}))
        return None
    data = data_rows(sheet, index, columns["full_name"], reading)
    if not data:
        reading.errors.append(Issue(sheet.name, index + 2, "", _(
            "There is no data row under the header.")))
    return [(key, columns.get(key)) for key in keys], labels, index + 1, data


def find_header(sheet: Sheet, headers: dict = HEADERS) -> tuple[int, dict[str, int]] | None:
    """The first row naming at least three columns of the register (or of the table whose
    `headers` map header_key(label) to a Column), with their positions."""
    for index, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for col, value in enumerate(cells):
            column = headers.get(header_key(value)) if isinstance(value, str) and value else None
            if column is not None:
                found.setdefault(column.key, col)
        if len(found) >= 3:
            return index, found
    return None


def data_rows(sheet: Sheet, header: int, name_col: int, reading: Reading) -> list[list]:
    rows = sheet.rows
    for index in range(header + 1, len(rows)):
        if blank(rows[index][name_col] if name_col < len(rows[index]) else ""):
            if any(filled(cells) for cells in rows[index:]):
                reading.warnings.append(Issue(sheet.name, index + 1, "", _(
                    "Reading stopped at this row because its name is empty; the rows below it "
                    "were not read.")))
            return rows[header + 1:index]
    return rows[header + 1:]


def _check_workbook(sheets: list[Sheet], layouts: list[Layout], reading: Reading) -> None:
    if not any(filled(cells) for sheet in sheets for cells in sheet.rows):
        reading.errors.append(Issue(sheets[0].name if sheets else "", None, "", _(
            "The workbook is empty: no sheet holds any data.")))
    elif not layouts and not reading.errors:
        reading.errors.append(Issue(sheets[0].name, None, "", _(
            "No header row of the register was found. Required columns: %(columns)s.")
            % {"columns": ", ".join(column.label for column in REQUIRED)}))


def filled(cells: list) -> bool:
    return not all(blank(value) for value in cells)


def formula_column(sheet: Sheet, header, ref: str) -> str:
    """"Ghi chú (M)" for a formula in a known column, else the column letter."""
    letters = "".join(filter(str.isalpha, ref))
    if header is not None:
        cells = sheet.rows[header[0]]
        for col, value in enumerate(cells):
            if column_letter(col) == letters and isinstance(value, str) and value.strip():
                return f"{clean(value)} ({letters})"
    return letters


# ---- across rows -----------------------------------------------------------------------------


def _link_people(reading: Reading) -> None:
    """Give each row the key of its person, and reject contradictions and repeated rows.

    Inside the file a person is their personal ID, or, without one, their name and birth date;
    a row without ID joins the person who has one when name and birth date agree."""
    first_of: dict[str, Row] = {}  # personal ID -> its first row
    ids_by_name: dict[tuple, set[str]] = {}
    for row in reading.rows:
        personal_id = row.personal_id
        if not personal_id:
            continue
        first = first_of.get(personal_id)
        if first is None:
            first_of[personal_id] = row
            ids_by_name.setdefault((row.name_key, row.birth_date), set()).add(personal_id)
        elif first.birth_date != row.birth_date or first.name_key != row.name_key:
            if first.name_key != row.name_key or (first.birth_date and row.birth_date):
                reading.errors.append(_issue(row, "personal_id", reading.labels, _(
                    "The personal identification number %(id)s is given on row %(row)s to "
                    "%(name)s, born %(birth)s.") % {"id": personal_id, "row": first.number,
                                                    "name": first.full_name,
                                                    "birth": _date(first.birth_date)}))
            if first.birth_date != row.birth_date:
                ids_by_name.setdefault((row.name_key, row.birth_date), set()).add(personal_id)
    id_keys = {personal_id: ("id", personal_id) for personal_id in first_of}
    seen: dict[tuple, Row] = {}
    remember = seen.setdefault
    for row in reading.rows:
        if row.personal_id:
            key = row.person_key = id_keys[row.personal_id]
        else:
            ids = ids_by_name.get((row.name_key, row.birth_date), ())
            key = row.person_key = (id_keys[next(iter(ids))] if len(ids) == 1
                                    else ("name", row.name_key, row.birth_date))
        first = remember((key, row.award_type.id, row.year, row.decision_number), row)
        if first is not row:
            reading.errors.append(Issue(row.sheet, row.number, "", _(
                "This row repeats row %(row)s of sheet “%(sheet)s” (same person, title or form, "
                "year and decision number).") % {"row": first.number, "sheet": first.sheet}))


def _date(value: datetime.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"


def _issue(row: Row, key: str, labels: dict, message: str) -> Issue:
    """An issue of one cell, its column named as the file's header names it."""
    return Issue(row.sheet, row.number, labels.get(row.sheet, {}).get(key, LABELS[key]), message)


# ---- the plan --------------------------------------------------------------------------------


@dataclass
class Plan:
    """What writing the rows would do; person keys are those of `Row.person_key`."""

    people: dict[tuple, int] = field(default_factory=dict)  # existing person ids
    new_people: dict[tuple, Row] = field(default_factory=dict)  # best row of each new person
    id_fills: dict[int, str] = field(default_factory=dict)  # person without ID -> ID of the file
    decisions: dict[tuple, int] = field(default_factory=dict)  # (number, date) -> decision id
    new_decisions: dict[tuple, Row] = field(default_factory=dict)
    decision_numbers: dict[int, str] = field(default_factory=dict)  # existing id -> number
    units: dict[str, int] = field(default_factory=dict)  # folded unit name -> unit id
    issuers: dict[str, int] = field(default_factory=dict)  # folded issuer name -> unit id
    new_awards: list[Row] = field(default_factory=list)
    skipped: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    preview: list[dict] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def issue(self, row: Row, key: str, message: str) -> Issue:
        return _issue(row, key, self.labels, message)


def plan(rows: list[Row], *, by=None, labels: dict | None = None) -> Plan:
    """Match checked rows against the database. Reads only; for a user `by`, only people and
    units inside their scope are linked (None: the system itself, no limit). `labels` are the
    column headers of each sheet (Reading.labels), to name columns as the file does."""
    result = Plan(labels=labels or {})
    paths = scope_paths(by) if getattr(by, "pk", None) else None
    _match_units(rows, result, paths)
    _match_people(rows, result, paths)
    _match_decisions(rows, result)
    _choose_awards(rows, result)
    return result


def chunked(values, size: int = 0):
    """Lists of at most `size` values (default: a lookup's worth of query parameters)."""
    size = size or query_parameter_limit()
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def query_parameter_limit() -> int:
    """Parameters per lookup query: 5,000, or fewer where the database allows fewer (SQLite
    builds before 3.32 accept 999)."""
    with connection.cursor():  # make sure the connection is open
        raw = connection.connection
    if connection.vendor == "sqlite":
        limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if hasattr(
            raw, "getlimit") else connection.features.max_query_params
        return min(limit, 5000)
    return 5000


def units_by_folded_name(names) -> dict[str, Unit]:
    """Folded name -> the unit of that name, the current one when several match: what
    organisations.queries.match_by_name does for one name, here for many in a few queries."""
    best: dict[str, Unit] = {}
    for chunk in chunked(names):
        for unit in Unit.objects.filter(name_folded__in=chunk).only(
                "id", "name_folded", "path", "valid_from", "valid_to"):
            current = best.get(unit.name_folded)
            if current is None or _unit_rank(unit) > _unit_rank(current):
                best[unit.name_folded] = unit
    return best


def _unit_rank(unit: Unit) -> tuple:
    return (unit.valid_to is None, unit.valid_from or datetime.date.min, unit.pk)


def _visible(path: str | None, paths: list[str] | None) -> bool:
    return paths is None or bool(path and path.startswith(tuple(paths)))


def _match_units(rows: list[Row], result: Plan, paths: list[str] | None) -> None:
    """Link Đơn vị and Cơ quan ban hành to units; an unmatched name is only a warning."""
    unit_rows: dict[str, Row] = {}
    issuer_rows: dict[str, Row] = {}
    for row in rows:
        if row.unit_key and row.unit_key not in unit_rows:
            unit_rows[row.unit_key] = row
        if row.issuer_key not in issuer_rows:
            issuer_rows[row.issuer_key] = row
    units = units_by_folded_name(unit_rows)
    for key, row in unit_rows.items():
        unit = units.get(key)
        if unit is not None and _visible(unit.path, paths):
            result.units[key] = unit.pk
        elif unit is not None:
            result.warnings.append(result.issue(row, "unit", _(
                "The unit “%(name)s” is outside your scope: its name is kept as written but it is "
                "not linked.") % {"name": row.unit_name}))
        else:
            result.warnings.append(result.issue(row, "unit", _(
                "No unit in the system is named “%(name)s”: the name is kept as written.")
                % {"name": row.unit_name}))
    issuers = units_by_folded_name(issuer_rows)
    for key, row in issuer_rows.items():
        if key in issuers:
            result.issuers[key] = issuers[key].pk
        else:
            result.warnings.append(result.issue(row, "issuer", _(
                "No unit in the system is named “%(name)s”: the issuing body is kept as written.")
                % {"name": row.issuer_name}))


def _match_people(rows: list[Row], result: Plan, paths: list[str] | None) -> None:
    """People by personal ID, else by folded name and birth date; the others are new."""
    best: dict[tuple, Row] = {}
    for row in rows:  # per person, the row that tells most (one with a birth date)
        known = best.get(row.person_key)
        if known is None or (known.birth_date is None and row.birth_date is not None):
            best[row.person_key] = row
    by_id = {}
    fields = ("id", "personal_id", "full_name", "name_folded", "birth_date", "unit__path")
    # The condition of the partial unique index on personal_id, repeated so that it is used.
    for values in _people_where("NOT (p.personal_id = '') AND p.personal_id",
                                {key[1] for key in best if key[0] == "id"}):
        by_id[values[1]] = dict(zip(fields, values, strict=True))
    by_name: dict[tuple, list[dict]] = {}
    wanted = {(best[key].name_key[:120], best[key].birth_date) for key in best
              if key[0] == "name" or key[1] not in by_id}
    for values in _namesakes(wanted):
        if (values[3], values[4]) in wanted:
            person = dict(zip(fields, values, strict=True))
            by_name.setdefault((person["name_folded"], person["birth_date"]), []).append(person)
    for key, row in best.items():
        person = by_id.get(key[1]) if key[0] == "id" else None
        if person is None:
            person = _match_by_name(key, row, by_name.get((row.name_key[:120], row.birth_date), []),
                                    result)
        if person is None:
            result.new_people[key] = row
        elif person is False:
            continue
        elif not _visible(person["unit__path"], paths):
            result.errors.append(result.issue(row, "full_name", _(
                "%(name)s is recorded in a unit outside your scope.") % {"name": row.full_name}))
        else:
            result.people[key] = person["id"]
            if person["name_folded"] != row.name_key[:120]:
                result.warnings.append(result.issue(row, "full_name", _(
                    "The person with this identification number is recorded as “%(name)s”; the "
                    "award keeps the name written in the file.") % {"name": person["full_name"]}))


_PEOPLE_SELECT = (f"SELECT p.id, p.personal_id, p.full_name, p.name_folded, p.birth_date, "
                  f"u.path FROM {Person._meta.db_table} p LEFT JOIN {Unit._meta.db_table} u "
                  f"ON u.id = p.unit_id")


def _namesakes(wanted: set[tuple]) -> list[tuple]:
    """The people (as `_people_where` gives them) of the (folded name, birth date) pairs in
    `wanted`, and on SQLite a few more born on other days; namesakes are common, so the birth
    date is checked by the database too."""
    found: dict[int, tuple] = {}  # by id: a name split between two chunks comes back twice
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if wanted:
                names, births = zip(*wanted, strict=True)
                cursor.execute(
                    f"{_PEOPLE_SELECT} JOIN unnest(%s::text[], %s::date[]) AS k(name, birth) "
                    f"ON p.name_folded = k.name AND p.birth_date IS NOT DISTINCT FROM k.birth",
                    [list(names), list(births)])
                return cursor.fetchall()
            return []
        for chunk in chunked(sorted(wanted, key=_name_then_birth), query_parameter_limit() // 2):
            names = sorted({name for name, _birth in chunk})
            births = sorted({birth for _name, birth in chunk if birth is not None})
            undated = (" OR p.birth_date IS NULL"
                       if any(birth is None for _name, birth in chunk) else "")
            cursor.execute(
                f"{_PEOPLE_SELECT} WHERE p.name_folded IN ({', '.join(['%s'] * len(names))}) "
                f"AND (p.birth_date IN ({', '.join(['%s'] * len(births)) or 'NULL'}){undated})",
                [*names, *births])
            found.update((values[0], values) for values in cursor.fetchall())
    return list(found.values())


def _name_then_birth(pair: tuple) -> tuple:
    return pair[0], pair[1] or datetime.date.min


def _people_where(column: str, values: set) -> list[tuple]:
    """(id, personal_id, full_name, name_folded, birth_date, unit path) of the people whose
    `column` is one of `values`. Raw SQL: for tens of thousands of values the ORM spent longer
    compiling the parameters than the database spent answering. PostgreSQL gets one array
    parameter, SQLite chunks of placeholders."""
    select = f"{_PEOPLE_SELECT} WHERE {column}"
    found: list[tuple] = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if values:
                cursor.execute(f"{select} = ANY(%s)", [list(values)])
                found = cursor.fetchall()
            return found
        for chunk in chunked(values):
            cursor.execute(f"{select} IN ({', '.join(['%s'] * len(chunk))})", chunk)
            found += cursor.fetchall()
    return found


def _match_by_name(key: tuple, row: Row, candidates: list[dict], result: Plan):
    """The person of this name and birth date: for a row with an ID, only among people who have
    none (they will get the ID). None: nobody; False: an error was recorded."""
    if key[0] == "id":
        candidates = [person for person in candidates if not person["personal_id"]]
    if not candidates:
        return None
    if len(candidates) > 1 or (key[0] == "id" and candidates[0]["id"] in result.id_fills):
        result.errors.append(result.issue(row, "full_name", _(
            "Several people named %(name)s, born %(birth)s, are recorded: give the personal "
            "identification number.") % {"name": row.full_name, "birth": _date(row.birth_date)}))
        return False
    if key[0] == "id":
        result.id_fills[candidates[0]["id"]] = key[1]
    return candidates[0]


def _match_decisions(rows: list[Row], result: Plan) -> None:
    """Decisions by (number, date); the first row of a new one gives its issuing body."""
    first_row: dict[tuple, Row] = {}
    for row in rows:
        key = (row.decision_number, row.decision_date)
        if key not in first_row:
            first_row[key] = row
    existing = {}
    for chunk in chunked({number for number, _date in first_row}):
        for decision in Decision.objects.filter(number__in=chunk).values(
                "id", "number", "date", "issuer_name"):
            existing[(decision["number"], decision["date"])] = decision
    result.decision_numbers = {d["id"]: d["number"] for d in existing.values()}
    for key, row in first_row.items():
        decision = existing.get(key)
        if decision is None:
            result.new_decisions[key] = row
            continue
        result.decisions[key] = decision["id"]
        if fold(decision["issuer_name"]) != row.issuer_key:
            result.warnings.append(result.issue(row, "issuer", _(
                "Decision %(number)s of %(date)s is recorded as issued by “%(name)s”; that name "
                "is kept.") % {"number": row.decision_number, "date": _date(row.decision_date),
                               "name": decision["issuer_name"]}))


def _choose_awards(rows: list[Row], result: Plan) -> None:
    """Rows whose award is already in the register (same person, title or form, year and
    decision number) are skipped; the others will be written."""
    numbers = result.decision_numbers
    recorded = set()
    # Only the awards of the file's people under decisions bearing the file's numbers: a
    # province's register repeats numbers like "12/QĐ-UBND" across units and years.
    person_ids = sorted(set(result.people.values()))
    limit = query_parameter_limit()
    for decisions in chunked(numbers, min(500, limit // 2)) if person_ids else ():
        for people in chunked(person_ids, limit - min(500, limit // 2)):
            recorded.update(
                (person_id, type_id, year, numbers[decision_id])
                for person_id, type_id, year, decision_id in Award.objects.filter(
                    decision_id__in=decisions, person_id__in=people).values_list(
                    "person_id", "award_type_id", "year", "decision_id"))
    people, new_awards = result.people, result.new_awards
    for row in rows:
        person_id = people.get(row.person_key)
        status = "new"
        if person_id is None:  # a new person has no award yet
            new_awards.append(row)
        elif (natural := (person_id, row.award_type.id, row.year,
                          row.decision_number)) in recorded:
            result.skipped += 1
            status = "recorded"
        else:
            recorded.add(natural)  # two people of the file may turn out to be one
            new_awards.append(row)
        if len(result.preview) < PREVIEW_ROWS:
            result.preview.append(_preview(row, status, person_id is None))


def _preview(row: Row, status: str, new_person: bool) -> dict:
    return {
        "sheet": row.sheet, "row": row.number, "full_name": row.full_name,
        "birth_date": _date(row.birth_date) if row.birth_date else "",
        "personal_id": row.personal_id, "unit": row.unit_name, "year": row.year or "",
        "award": row.award_type.name, "decision": row.decision_number,
        "decision_date": _date(row.decision_date), "issuer": row.issuer_name,
        "new_person": new_person, "status": status,
    }
