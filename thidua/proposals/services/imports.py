"""Importing a dossier's lines from the units' Excel list: all or nothing."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.choices import SubjectKind
from thidua.awards.import_rows import Issue
from thidua.core.services import log_action
from thidua.core.text import clean
from thidua.proposals import nominee_match, nominee_xlsx
from thidua.proposals.models import Nominee, Proposal
from thidua.proposals.services.base import lock_for_edit, touch
from thidua.proposals.services.nominees import name_collective, store_checks


@dataclass
class ImportOutcome:
    """`ok` False: `errors` say what is wrong (sheet, row, column) and nothing was written."""

    ok: bool
    added: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def import_nominees(proposal: Proposal, file, *, by, version: int | None = None
                    ) -> ImportOutcome:
    """Add one line per row of the list in `file` (an xlsx path or binary file) to a draft or
    returned dossier, every line checked for eligibility; nothing when any row is wrong."""
    reading = nominee_xlsx.read(file, today=timezone.localdate())
    if reading.errors:
        return ImportOutcome(False, errors=reading.errors, warnings=reading.warnings)
    with transaction.atomic():
        locked = lock_for_edit(proposal, by=by, version=version)
        nominee_match.match(reading, locked, by)
        if reading.errors:
            return ImportOutcome(False, errors=reading.errors, warnings=reading.warnings)
        first = (locked.nominees.aggregate(last=Max("position"))["last"] or 0) + 1
        Nominee.objects.bulk_create([line(locked, row, first + index)
                                     for index, row in enumerate(reading.rows)])
        store_checks([locked])
        touch(locked)
        name = Path(str(getattr(file, "name", file) or "")).name
        log_action("thidua.nominee.imported", by=by, obj=locked,
                   summary=_("%(file)s: %(count)s nominees imported")
                   % {"file": name, "count": len(reading.rows)},
                   after={"file": name, "count": len(reading.rows)})
    return ImportOutcome(True, added=len(reading.rows), warnings=reading.warnings)


def line(proposal: Proposal, row: nominee_xlsx.Row, position: int) -> Nominee:
    """The new line of a matched row: a person, a unit, or a household (its head and address)."""
    nominee = Nominee(proposal=proposal, position=position, award_type=row.award_type,
                      summary=clean(row.summary), note=clean(row.note))
    if row.person is not None:
        person = row.person
        nominee.subject_kind, nominee.person, nominee.name = (SubjectKind.INDIVIDUAL, person,
                                                              person.full_name)
        nominee.unit_name = clean(row.unit_name) or (person.unit.name if person.unit_id else "")
    elif row.collective is not None:
        name_collective(nominee, row.collective)
    else:
        nominee.subject_kind, nominee.name = SubjectKind.HOUSEHOLD, clean(row.full_name)
        nominee.unit_name, nominee.address = proposal.unit_name, clean(row.address)
    return nominee
