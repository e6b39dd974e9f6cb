"""Finding the subjects of an imported nominee list (nominee_xlsx) in the proposing unit's scope
and the user's: a person by personal ID, else by accent-folded name and birth date; a collective
by its unit code, else by its name, among the units the dossier may propose; a household is its
row. Each problem is an error naming the row; nothing here writes."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from thidua.awards.choices import SubjectKind
from thidua.awards.import_lists import ListReading
from thidua.awards.import_rows import Issue
from thidua.core.text import fold
from thidua.organisations.choices import UnitKind
from thidua.organisations.models import Unit
from thidua.people.models import Person
from thidua.proposals import queries
from thidua.proposals.models import Proposal
from thidua.proposals.nominee_xlsx import Row


def match(reading: ListReading, proposal: Proposal, by) -> None:
    """Give each row its person or unit; an unknown or ambiguous subject, or a line proposed
    twice, is an error naming the row."""
    individuals = [row for row in reading.rows if row.subject_kind == SubjectKind.INDIVIDUAL]
    collectives = [row for row in reading.rows if row.subject_kind == SubjectKind.COLLECTIVE]
    if individuals:
        match_people(reading, individuals, proposal, by)
    if collectives:
        match_units(reading, collectives, proposal, by)
    refuse_repeats(reading, proposal)


def match_people(reading: ListReading, rows: list[Row], proposal: Proposal, by) -> None:
    people = queries.people_for(proposal, by).select_related("unit")
    ids = {row.personal_id for row in rows if row.personal_id}
    by_id = {person.personal_id: person for person in people.filter(personal_id__in=ids)}
    names = {row.name_key[:120] for row in rows}
    by_name: dict[tuple, list[Person]] = {}
    for person in people.filter(name_folded__in=names):
        by_name.setdefault((person.name_folded, person.birth_date), []).append(person)
    for row in rows:
        row.person = find_person(row, by_id, by_name, reading, proposal)


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


def match_units(reading: ListReading, rows: list[Row], proposal: Proposal, by) -> None:
    """A collective by its unit code (exactly one unit), else by its folded name; only the
    existing units of the proposing unit's subtree in the user's scope."""
    codes = {row.full_name.strip().lower() for row in rows}
    units = list(queries.collectives_for(proposal, by).select_related("parent").filter(
        Q(code__in=codes) | Q(name_folded__in={row.name_key for row in rows})))
    by_code = {unit.code.lower(): unit for unit in units}
    by_name: dict[str, list[Unit]] = {}
    for unit in units:
        by_name.setdefault(unit.name_folded, []).append(unit)
    for row in rows:
        found = ([by_code[row.full_name.strip().lower()]]
                 if row.full_name.strip().lower() in by_code else by_name.get(row.name_key, []))
        if len(found) == 1 and not given_to_unit(row, found[0]):
            reading.errors.append(reading.issue(row, "award", _(
                "“%(value)s” is not awarded to collectives.") % {"value": row.award_type.name}))
        elif len(found) == 1:
            row.collective = found[0]
        elif found:
            reading.errors.append(reading.issue(row, "full_name", _(
                "Several units under %(unit)s are named %(name)s: write the unit's code "
                "instead (%(codes)s).") % {"unit": proposal.unit_name, "name": row.full_name,
                                           "codes": ", ".join(unit.code for unit in found)}))
        else:
            reading.errors.append(reading.issue(row, "full_name", _(
                "No unit named or coded “%(name)s” exists under %(unit)s in your scope.")
                % {"name": row.full_name, "unit": proposal.unit_name}))


def given_to_unit(row: Row, unit: Unit) -> bool:
    """An enterprise may receive what collectives receive; another unit only that."""
    subjects = set(row.award_type.subjects)
    return (SubjectKind.COLLECTIVE in subjects
            or (unit.kind == UnitKind.ENTERPRISE and SubjectKind.ENTERPRISE in subjects))


def refuse_repeats(reading: ListReading, proposal: Proposal) -> None:
    """The same person, unit or household (name and address) twice for the same title or
    form, in the file or in the dossier already."""
    existing = {subject_key(line.person_id, line.collective_id, line.name, line.address,
                            line.award_type_id)
                for line in proposal.nominees.only("person_id", "collective_id", "name",
                                                   "address", "award_type_id")}
    seen: dict[tuple, Row] = {}
    for row in reading.rows:
        if row.subject_kind != SubjectKind.HOUSEHOLD and row.person is None \
                and row.collective is None:
            continue
        key = subject_key(row.person and row.person.pk, row.collective and row.collective.pk,
                          row.full_name, row.address, row.award_type.pk)
        if key in existing:
            reading.errors.append(reading.issue(row, "award", _(
                "%(name)s is already proposed for %(title)s in this dossier.")
                % {"name": row.full_name, "title": row.award_type.name}))
        elif key in seen:
            message = (_("This row repeats row %(row)s (same person and title or form).")
                       if row.subject_kind == SubjectKind.INDIVIDUAL else
                       _("This row repeats row %(row)s (same awardee and title or form)."))
            reading.errors.append(Issue(row.sheet, row.number, "", message
                                        % {"row": seen[key].number}))
        else:
            seen[key] = row


def subject_key(person_id, collective_id, name: str, address: str, award_type_id) -> tuple:
    if person_id:
        return "p", person_id, award_type_id
    if collective_id:
        return "u", collective_id, award_type_id
    return "h", fold(name), fold(address), award_type_id


def show(value: datetime.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"
