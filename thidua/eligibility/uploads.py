"""A nominee list uploaded as an Excel workbook, for the list checks only: nothing is stored.

The workbook is read by the award register importer's reader (thidua.awards: the header found
by its labels after any title rows, legacy TCVN3/VNI fonts converted, formulas refused, every
cell checked, each error naming sheet, row and column in Vietnamese). Each row is then matched
with the register in the user's scope — a person by personal ID, else by accent-folded name and
date of birth; a collective by its name among the units of the chosen unit's subtree — and the
list goes through lists.check_list with the cases of the matched subjects. A row matched with
nothing is still checked against the other rows (duplicates, double rewards)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.awards.import_lists import ListReading, read_list
from thidua.awards.import_rows import COLUMNS as REGISTER_COLUMNS
from thidua.awards.import_rows import CellError, RowChecker, header_key
from thidua.awards.models import AwardType
from thidua.core.text import fold
from thidua.eligibility import facts_batch, lists
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.engine import check_codes
from thidua.eligibility.queries import province_of
from thidua.organisations import queries as unit_queries
from thidua.organisations.models import Unit
from thidua.people import queries as people_queries
from thidua.people.models import Person

# The register's columns (same labels and aliases), fewer of them required: a nominee list
# names the subject and the title or form proposed; the rest helps to find the person.
OPTIONAL = ("seq", "birth_date", "gender", "personal_id", "unit")
COLUMNS = tuple(replace(column, required=column.key not in OPTIONAL)
                for column in REGISTER_COLUMNS if column.key in (*OPTIONAL, "full_name", "award"))
COLUMNS = (*COLUMNS[:-1], replace(COLUMNS[-1], aliases=(
    *COLUMNS[-1].aliases, "Danh hiệu/Hình thức đề nghị", "Danh hiệu đề nghị",
    "Hình thức đề nghị", "Đề nghị")))
HEADERS = {header_key(label): column for column in COLUMNS
           for label in (column.label, *column.aliases)}
REQUIRED = [column for column in COLUMNS if column.required]
KEYS = ("full_name", "birth_date", "gender", "personal_id", "unit", "award")
MAX_ROWS = 5000
TOO_MANY = gettext_lazy("The list has %(count)s rows; at most %(max)s can be checked at once.")
LOAD_BY_ID = 2000  # as batch.LOAD_BY_ID: SQLite limits the parameters of one statement


@dataclass(slots=True)
class ListRow:
    """One checked row of the uploaded list, with what it was matched to."""

    sheet: str
    number: int
    name: str
    name_key: str
    birth_date: datetime.date | None
    gender: str
    personal_id: str
    unit_name: str
    award_type: AwardType
    person: Person | None = None
    unit: Unit | None = None  # the collective named by the row
    note: str = ""  # why the row could not be matched
    verdict: str = ""

    @property
    def individual(self) -> bool:
        return "individual" in self.award_type.subjects

    @property
    def key(self) -> str:
        if self.person is not None:
            return f"p:{self.person.pk}"
        if self.unit is not None:
            return f"u:{self.unit.pk}"
        return f"x:{self.sheet}:{self.number}"


class ListChecker(RowChecker):
    """The register's cell checks over the columns of a nominee list; any subject kind."""

    KEYS = KEYS
    TEXT_KEYS = frozenset({"full_name", "gender", "unit", "award"})
    LABELS = {column.key: column.label for column in COLUMNS}

    def parse_award(self, value: str) -> AwardType:
        award_type = self.award_types.get(fold(self.required(value)))
        if award_type is None:
            raise CellError(_("“%(value)s” is not an emulation title or award form of the "
                              "catalogue (write its name, short name or code).")
                            % {"value": value})
        return award_type

    def missing_id_errors(self, birth) -> list[tuple[str, str]]:
        """Without an ID a row is matched by name and birth date if it has one (a collective
        has neither)."""
        return []

    def make_row(self, sheet: str, number: int, name: tuple, birth, gender: str,
                 personal_id: str, unit: tuple, award_type: AwardType) -> ListRow:
        return ListRow(sheet, number, name[0], name[1], birth, gender, personal_id, unit[0],
                       award_type)


def read(source, *, today: datetime.date) -> ListReading:
    """Every row of every sheet with the list's header, checked cell by cell."""
    return read_list(source, headers=HEADERS, required=REQUIRED, keys=KEYS,
                     checker=ListChecker(list(AwardType.objects.all()), today),
                     max_rows=MAX_ROWS, too_many=TOO_MANY)


# -- matching and checking --------------------------------------------------------------------
@dataclass
class Checked:
    """The rows of the list with their matches and verdicts, and the list checks."""

    rows: list[ListRow]
    findings: list[lists.Finding]


def check(user, unit: Unit, year: int, rows: list[ListRow]) -> Checked:
    """Match the rows in the user's scope, read the cases of those matched (a fixed number of
    queries), give each matched row its verdict (without reasons) and run the list checks as
    the batch screen does for ticked rows."""
    match_people(user, [row for row in rows if row.individual])
    match_units(user, unit, [row for row in rows if not row.individual])
    cases, members = subject_cases(rows, year)
    province = province_of(unit)
    nominees = []
    for row in rows:
        case = cases.get(row.key)
        row.verdict = verdict_of(case, row.award_type.code) if case is not None else ""
        nominees.append(lists.Nominee(
            row=row.number, key=row.key, name=row.name, code=row.award_type.code,
            case=case or bare_case(row, year, province),
            personal_id=row.personal_id or (row.person.personal_id if row.person else ""),
            birth_date=row.birth_date or (row.person.birth_date if row.person else None),
            members=members.get(row.key, frozenset())))
    caps, within = lists.load_caps(), list_unit(user, unit, year)
    population = (unit_population(user, unit, year)
                  if lists.caps_over_holders(nominees, caps, within.kind) else {})
    return Checked(rows, lists.check_list(nominees, population=population, caps=caps,
                                          unit=within))


def match_people(user, rows: list[ListRow]) -> None:
    """A person by personal ID, else by folded name and birth date (one match only)."""
    visible = people_queries.visible_to(user)
    ids = {row.personal_id for row in rows if row.personal_id}
    pairs = {(row.name_key[:120], row.birth_date) for row in rows
             if not row.personal_id and row.birth_date}
    by_id = {person.personal_id: person
             for person in visible.filter(personal_id__in=sorted(ids)).select_related("unit")}
    by_name: dict[tuple, list[Person]] = defaultdict(list)
    if pairs:
        wanted = Q(name_folded__in=sorted({name for name, _birth in pairs}),
                   birth_date__in=sorted({birth for _name, birth in pairs}))
        for person in visible.filter(wanted).select_related("unit"):
            by_name[(person.name_folded, person.birth_date)].append(person)
    for row in rows:
        if row.personal_id:
            row.person = by_id.get(row.personal_id)
            if row.person is None:
                row.note = _("No person with this personal identification number in your scope")
            continue
        found = by_name.get((row.name_key[:120], row.birth_date), []) if row.birth_date else []
        if len(found) == 1:
            row.person = found[0]
        else:
            row.note = (_("Several people have this name and date of birth: write the personal "
                          "identification number") if found
                        else _("No person with this name and date of birth in your scope")
                        if row.birth_date
                        else _("Without a personal identification number or a date of birth "
                               "the person cannot be found"))


def match_units(user, unit: Unit, rows: list[ListRow]) -> None:
    """A collective by its folded name among the units of the chosen unit's subtree."""
    if not rows:
        return
    units: dict[str, list[Unit]] = defaultdict(list)
    names = sorted({row.name_key for row in rows})
    for found in unit_queries.visible_to(user).filter(path__startswith=unit.path,
                                                      name_folded__in=names):
        units[found.name_folded].append(found)
    for row in rows:
        found = units.get(row.name_key, [])
        if len(found) == 1:
            row.unit = found[0]
        else:
            row.note = (_("Several units of this name: the list cannot tell which") if found
                        else _("No unit of this name under the chosen unit"))


def subject_cases(rows: list[ListRow], year: int) -> tuple[dict[str, dict], dict]:
    """The cases of the matched people and collectives (as the batch screen reads them), and
    the members of each collective."""
    people = sorted({row.person.pk for row in rows if row.person is not None})
    cases = {}
    for start in range(0, len(people), LOAD_BY_ID):
        chosen = Person.objects.filter(pk__in=people[start:start + LOAD_BY_ID])
        cases.update({f"p:{pk}": case for pk, case in
                      facts_batch.person_cases(chosen, year, "ldtt").items()})
    units = list({row.unit.pk: row.unit for row in rows if row.unit is not None}.values())
    members = {}
    for pk, found in facts_batch.collectives(units, year, "ttldtt").items() if units else ():
        cases[f"u:{pk}"] = found.case
        members[f"u:{pk}"] = frozenset(f"p:{member}" for member in found.members)
    return cases, members


def unit_population(user, unit: Unit, year: int) -> dict[str, dict]:
    """{key: case} of every person and collective of the unit's subtree in the user's scope,
    for caps counted over the holders of a title (read only when such a cap applies)."""
    people = people_queries.visible_to(user).filter(unit__in=unit_queries.subtree(unit))
    found = {f"p:{pk}": case
             for pk, case in facts_batch.person_cases(people, year, "ldtt").items()}
    units = unit_queries.visible_to(user).filter(path__startswith=unit.path)
    found.update({f"u:{pk}": case for pk, case in
                  facts_batch.collective_cases(list(units), year, "ttldtt").items()})
    return found


def bare_case(row: ListRow, year: int, province: str) -> dict:
    """What the list alone says of a subject not found in the register."""
    kind = "individual" if row.individual else (row.award_type.subjects or ["collective"])[0]
    subject = {"kind": kind, "name": row.name, **({"gender": row.gender} if row.gender else {})}
    propose = {"code": row.award_type.code, "year": year,
               **({"province": province} if province else {})}
    return {"subject": subject, "awards": [], "propose": propose}


def verdict_of(case: dict, code: str) -> str:
    """The verdict (fast path) of a matched subject for the code; "" when its record cannot
    be read as a case (the batch screen names the problem)."""
    try:
        parsed = parse_case({**case, "propose": {**case["propose"], "code": code}})
    except CaseError:
        return ""
    return check_codes(parsed, [code])[0]["verdict"]


def list_unit(user, unit: Unit, year: int) -> lists.ListUnit:
    """The chosen unit: its kind, its members that year and its people in the user's scope."""
    own = facts_batch.collectives([unit], year, "ttldtt")[unit.pk].case
    total = own.get("members", {}).get(str(year), {}).get("total")
    staff = people_queries.visible_to(user).filter(
        unit__in=unit_queries.subtree(unit)).count()
    return lists.ListUnit(kind=unit.kind, members=total, staff=staff)
