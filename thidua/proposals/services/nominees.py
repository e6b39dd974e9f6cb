"""Writes of a dossier's lines (người được đề nghị) and of their checks: every change of the
lines stores the eligibility verdicts and the list findings again, in the same transaction."""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.choices import SubjectKind
from thidua.awards.models import AwardType
from thidua.core.batching import collector_paused
from thidua.core.services import log_action, snapshot
from thidua.core.text import clean
from thidua.organisations.choices import UnitKind
from thidua.organisations.models import Unit
from thidua.people.models import Person
from thidua.proposals import queries, verdicts, workflow
from thidua.proposals.choices import FINAL
from thidua.proposals.models import Nominee, Proposal, Round
from thidua.proposals.services.base import DossierError, lock, lock_for_edit, refuse_final, touch
from thidua.proposals.workflow import PROPOSER

LINE_FIELDS = ["position", "subject_kind", "person_id", "collective_id", "name", "unit_name",
               "address", "award_type_id", "summary", "justification", "note", "facts"]
CHECKED_FIELDS = ["verdict", "reasons", "findings", "checked_at"]
# Who may check the lines again: the proposing unit, the appraising level.
CHECKERS = frozenset({*PROPOSER, *workflow.APPRAISER})


# -- checks -----------------------------------------------------------------------------------
def store_checks(proposals: list[Proposal]) -> Counter:
    """Run verdicts.check_lines over the dossiers (one round) and store verdict, reasons,
    findings and the time on every line; returns the count of each verdict. Called inside the
    caller's transaction, after its lock."""
    with collector_paused():
        results = verdicts.check_lines(proposals)
        now = timezone.now()
        write_checks(results, now)
    Proposal.objects.filter(pk__in=[p.pk for p in proposals]).update(checked_at=now)
    return Counter(found.verdict for found in results.values())


def write_checks(results: dict[int, verdicts.LineCheck], now) -> None:
    """One prepared UPDATE per line, executed as a batch: bulk_update's CASE … WHEN over
    hundreds of rows and JSON columns took seconds for a round of 2,000 lines."""
    fields = [Nominee._meta.get_field(name) for name in CHECKED_FIELDS]
    table = connection.ops.quote_name(Nominee._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(field.column)} = %s"
                            for field in fields)
    rows = [[field.get_db_prep_save(value, connection) for field, value in zip(
        fields, (found.verdict, found.reasons, found.findings, now), strict=True)] + [pk]
        for pk, found in results.items()]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", rows)


def check_nominees(proposal: Proposal, *, by) -> Counter:
    """Check every line of a dossier again (the officer before submitting, the reviewer's
    "re-check" at appraisal). Not on a closed dossier: its verdicts are those it was decided
    on. Audited; the version does not change (nothing the user wrote did)."""
    with transaction.atomic():
        locked = lock(proposal)
        refuse_final(locked)
        if not workflow.may_act(by, locked, CHECKERS):
            raise DossierError(_("You may not check this dossier."))
        counts = store_checks([locked])
        log_action("thidua.proposal.checked", by=by, obj=locked, after=dict(counts))
    return counts


def check_round(round_: Round, *, by) -> Counter:
    """Check every open dossier of a round at once (eligibility, duplicates across the
    round, ratios), as the appraising level does before the council."""
    if not queries.may_organise(by):
        raise DossierError(_("Only the appraising level checks a whole round."))
    with transaction.atomic():
        proposals = list(Proposal.objects.select_for_update(of=("self",)).select_related("round", "unit")
                         .filter(round=round_).exclude(state__in=FINAL).order_by("pk"))
        counts = store_checks(proposals)
        log_action("thidua.round.checked", by=by, obj=round_,
                   after={"dossiers": len(proposals), **counts})
    return counts


# -- lines ------------------------------------------------------------------------------------
def add_nominee(*, by, proposal: Proposal, award_type: AwardType, person: Person | None = None,
                collective: Unit | None = None, name: str = "", address: str = "",
                summary: str = "",
                justification: str = "", note: str = "", facts: dict | None = None,
                version: int | None = None) -> Nominee:
    """Add a line: a person, a collective (a unit) or, with a name (its head's) and an
    address, a household. The
    subject must lie in the proposing unit's scope and the user's; the line is checked at
    once."""
    with transaction.atomic():
        locked = lock_for_edit(proposal, by=by, version=version)
        line = Nominee(proposal=locked, award_type=award_type, summary=clean(summary),
                       justification=clean(justification), note=clean(note), facts=facts or {})
        line.facts = verdicts.asserted(line)
        describe(line, locked, by, person=person, collective=collective, name=name,
                 address=address)
        refuse_repeat(line)
        line.position = (locked.nominees.aggregate(last=Max("position"))["last"] or 0) + 1
        line.full_clean(exclude=["proposal", "award"])
        line.save()
        store_checks([locked])
        touch(locked)
        log_action("thidua.nominee.added", by=by, obj=line, summary=line.name,
                   after=snapshot(line, LINE_FIELDS))
    line.refresh_from_db()
    return line


def update_nominee(*, by, nominee: Nominee, version: int | None = None, **changes) -> Nominee:
    """Change a line's proposed title or form, summary, justification or note; checked again."""
    allowed = {"award_type", "summary", "justification", "note", "facts"}
    if set(changes) - allowed:
        raise ValueError(f"cannot change {sorted(set(changes) - allowed)}")
    with transaction.atomic():
        locked = lock_for_edit(nominee.proposal, by=by, version=version)
        line = Nominee.objects.select_for_update().get(pk=nominee.pk, proposal=locked)
        before = snapshot(line, LINE_FIELDS)
        for field, value in changes.items():
            setattr(line, field, clean(value) if isinstance(value, str) else value)
        line.facts = verdicts.asserted(line)
        allowed_subject(line)
        refuse_repeat(line)
        line.save()
        store_checks([locked])
        touch(locked)
        log_action("thidua.nominee.updated", by=by, obj=line, summary=line.name, before=before,
                   after=snapshot(line, LINE_FIELDS))
    line.refresh_from_db()
    return line


def remove_nominee(*, by, nominee: Nominee, version: int | None = None) -> None:
    """Remove a line; the lines after it move up, and the list checks run again."""
    with transaction.atomic():
        locked = lock_for_edit(nominee.proposal, by=by, version=version)
        line = Nominee.objects.get(pk=nominee.pk, proposal=locked)
        before = snapshot(line, LINE_FIELDS)
        line.delete()
        renumber(locked)
        store_checks([locked])
        touch(locked)
        log_action("thidua.nominee.removed", by=by, obj=locked, summary=before["name"],
                   before=before, object_type="proposals.nominee", object_id=str(nominee.pk))


def renumber(proposal: Proposal) -> None:
    lines = list(proposal.nominees.order_by("position", "id").only("pk", "position"))
    for number, line in enumerate(lines, start=1):
        line.position = number
    Nominee.objects.bulk_update(lines, ["position"])


def describe(line: Nominee, proposal: Proposal, by, *, person, collective, name: str,
             address: str = "") -> None:
    """Fill the subject of a new line, checking it lies in scope and may receive the award."""
    if person is not None and collective is not None:
        raise DossierError(_("A line names one person or one collective, not both."))
    if person is not None:
        if not queries.people_for(proposal, by).filter(pk=person.pk).exists():
            raise DossierError(_("%(name)s is not in the scope of %(unit)s.")
                               % {"name": person.full_name, "unit": proposal.unit_name})
        line.person, line.subject_kind, line.name = person, SubjectKind.INDIVIDUAL, \
            person.full_name
        line.unit_name = person.unit.name if person.unit_id else ""
    elif collective is not None:
        if not queries.collectives_for(proposal, by).filter(pk=collective.pk).exists():
            raise DossierError(_("%(name)s is not in the scope of %(unit)s.")
                               % {"name": collective.name, "unit": proposal.unit_name})
        name_collective(line, collective)
    else:
        line.name, line.subject_kind = clean(name), SubjectKind.HOUSEHOLD
        line.unit_name, line.address = proposal.unit_name, clean(address)
        if not line.name:
            raise DossierError(_("Choose a person or a collective, or write the household's "
                                 "name."))
        if not line.address:
            raise DossierError(_("A household is named by its head and its address: write "
                                 "the address."))
    allowed_subject(line)


def name_collective(line: Nominee, collective: Unit) -> None:
    """A line proposing a unit: its name, its kind, and the unit above it."""
    line.collective, line.name = collective, collective.name
    line.subject_kind = (SubjectKind.ENTERPRISE if collective.kind == UnitKind.ENTERPRISE
                         else SubjectKind.COLLECTIVE)
    line.unit_name = collective.parent.name if collective.parent_id else ""


def allowed_subject(line: Nominee) -> None:
    subjects = set(line.award_type.subjects)
    if line.subject_kind == SubjectKind.ENTERPRISE:
        subjects |= {SubjectKind.ENTERPRISE} if SubjectKind.COLLECTIVE in subjects else set()
    if line.subject_kind not in subjects:
        raise DossierError(_("%(title)s is not awarded to %(kind)s.") % {
            "title": line.award_type.name,
            "kind": SubjectKind(line.subject_kind).label.lower()})


def refuse_repeat(line: Nominee) -> None:
    """The same person or collective proposed twice for the same award in one dossier."""
    same = Nominee.objects.filter(proposal_id=line.proposal_id, award_type=line.award_type)
    if line.person_id:
        same = same.filter(person_id=line.person_id)
    elif line.collective_id:
        same = same.filter(collective_id=line.collective_id)
    else:
        return
    if same.exclude(pk=line.pk).exists():
        raise DossierError(_("%(name)s is already proposed for %(title)s in this dossier.")
                           % {"name": line.name, "title": line.award_type.name})
