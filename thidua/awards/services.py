"""Every write to decisions, awards, revocations and initiatives (actor as `by=`), and the way
from a council's approved nominees to an issued decision: drafts, numbers, issuing."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import queries
from thidua.awards.checks import (
    COLLECTIVE_KINDS,
    collective_problems,
    issue_problems,
    revote_problems,
)
from thidua.awards.choices import ANNEX_SECTIONS, DraftState, Source
from thidua.awards.models import (
    AnnexLine,
    Award,
    AwardType,
    Decision,
    DecisionDraft,
    DecisionNumber,
    DecisionSequence,
    DraftDossier,
    Initiative,
    Revocation,
)
from thidua.core.services import log_action, notify, snapshot
from thidua.core.text import clean, sort_key, unit_sort_key
from thidua.organisations.models import Unit
from thidua.people import services as people_services
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Nominee, Proposal
from thidua.proposals.services.notices import record_issue_notice
from thidua.proposals.workflow import WorkflowError, transition

DECISION_FIELDS = ["number", "date", "issuer_id", "issuer_name", "decided_by", "signer_name",
                   "signer_title", "subject", "period", "period_start_year", "period_end_year"]
AWARD_FIELDS = ["award_type_id", "person_id", "collective_id", "awardee_name", "unit_id",
                "unit_name", "year", "kind", "decision_id", "register_number"]


@transaction.atomic
def create_decision(*, by, number: str, date: datetime.date, issuer=None, issuer_name: str = "",
                    **fields) -> Decision:
    """A decision keeps the issuer's name as it was on `date` (snapshot) beside the link."""
    decision = Decision(number=clean(number), date=date, issuer=issuer,
                        issuer_name=clean(issuer_name or (issuer.name if issuer else "")),
                        **{k: cleaned_value(k, v) for k, v in fields.items()})
    decision.full_clean()
    decision.save()
    log_action("thidua.decision.created", by=by, obj=decision,
               after=snapshot(decision, DECISION_FIELDS))
    return decision


def cleaned_value(name: str, value):
    """NFC text; the bases keep one line each."""
    if not isinstance(value, str):
        return value
    return clean_lines(value) if name == "legal_basis" else clean(value)


@transaction.atomic
def record_award(*, by, award_type: AwardType, decision: Decision, person=None, collective=None,
                 year: int | None = None, kind: str = "", summary: str = "",
                 register_number: str = "", unit=None, unit_name: str = "",
                 source: str = Source.MANUAL) -> Award:
    """Enter one award in the register, with names as they were on the decision date."""
    if (person is None) == (collective is None):
        raise ValidationError(_("An award goes to exactly one person or one collective."))
    unit = unit if unit is not None else (person.unit if person else collective.parent)
    award = Award(
        award_type=award_type, decision=decision, person=person, collective=collective,
        awardee_name=(person.full_name if person else collective.name),
        unit=unit, unit_name=clean(unit_name or (unit.name if unit else "")),
        year=year, kind=kind or award_type.default_kind, summary=clean(summary),
        register_number=clean(register_number), source=source,
    )
    award.full_clean()
    award.save()
    log_action("thidua.award.recorded", by=by, obj=award, after=snapshot(award, AWARD_FIELDS))
    return award


@transaction.atomic
def revoke_award(*, by, award: Award, decision: Decision, reason: str, basis: str = "") -> Revocation:
    """Revocation is a new record under a later decision; the award row is never changed."""
    award = Award.objects.select_for_update().get(pk=award.pk)
    if Revocation.objects.filter(award=award).exists():
        raise ValidationError(_("This award has already been revoked."))
    if decision.date < award.decision.date:
        raise ValidationError(_("A revoking decision cannot be dated before the award's decision."))
    revocation = Revocation.objects.create(award=award, decision=decision, reason=clean(reason),
                                           basis=clean(basis))
    log_action("thidua.award.revoked", by=by, obj=award,
               after={"revocation": revocation.pk, "decision": decision.pk, "reason": reason})
    return revocation


@transaction.atomic
def record_initiative(*, by, person, title: str, year: int, scope: str, recognised_by: str = "",
                      recognising_body=None, recognising_body_name: str = "",
                      decision_number: str = "", decision_date=None) -> Initiative:
    initiative = Initiative(
        person=person, title=clean(title), year=year, scope=scope, recognised_by=recognised_by,
        recognising_body=recognising_body,
        recognising_body_name=clean(recognising_body_name
                                    or (recognising_body.name if recognising_body else "")),
        decision_number=clean(decision_number), decision_date=decision_date,
    )
    initiative.full_clean()
    initiative.save()
    log_action("thidua.initiative.recorded", by=by, obj=initiative, after=snapshot(initiative))
    return initiative


# -- revocation of several awards -------------------------------------------------------------
@transaction.atomic
def revoke_awards(*, by, awards: Iterable[Award], reason: str, basis: str = "",
                  decision: Decision | None = None, **decision_fields) -> Decision:
    """Revoke several awards under one revoking decision (Law 2022 Art. 93), all or none.

    The revoking decision is `decision`, or a new one made from `decision_fields` (issuer,
    date, signer…; `number` when it was signed on paper, else the issuer's next number).
    Returns the revoking decision."""
    refuse_unless(by is None or queries.may_decide(by), _(
        "Only a leader, a provincial reviewer or an administrator may revoke awards."))
    awards = list(Award.objects.select_for_update().filter(pk__in=[a.pk for a in awards])
                  .order_by("pk"))
    if by is not None and queries.visible_to(by).filter(pk__in=[a.pk for a in awards]).count() \
            != len(awards):
        raise ValidationError(_("Some of these awards are outside your scope."))
    problems = revocation_problems(awards, reason, decision or decision_fields.get("date"))
    if problems:
        raise ValidationError(problems)
    if decision is None:
        decision = create_revoking_decision(by=by, **decision_fields)
    for award in awards:
        revoke_award(by=by, award=award, decision=decision, reason=reason, basis=basis)
    return decision


def revocation_problems(awards: list[Award], reason: str, decision_or_date) -> list[str]:
    if not awards:
        return [_("Choose at least one award to revoke.")]
    problems = [] if clean(reason) else [_("Give the reason for the revocation.")]
    date = getattr(decision_or_date, "date", decision_or_date)
    revoked = set(Revocation.objects.filter(award__in=awards).values_list("award_id", flat=True))
    for award in Award.objects.filter(pk__in=[a.pk for a in awards]).select_related(
            "decision", "award_type").order_by("pk"):
        values = {"award": award.award_type.name, "name": award.awardee_name,
                  "number": award.decision.number}
        if award.pk in revoked:
            problems.append(_("The %(award)s of %(name)s (decision %(number)s) has already been "
                              "revoked.") % values)
        elif date and date < award.decision.date:
            problems.append(_("The revoking decision cannot be dated before decision %(number)s "
                              "that gave the %(award)s to %(name)s.") % values)
    return problems


def create_revoking_decision(*, by, issuer: Unit, date: datetime.date, number: str = "",
                             symbol: str = "QĐ-UBND", **fields) -> Decision:
    if clean(number):
        return create_decision(by=by, number=number, date=date, issuer=issuer, **fields)
    return create_numbered_decision(by=by, issuer=issuer, date=date, symbol=symbol, **fields)


# -- decision numbers -------------------------------------------------------------------------
def take_number(*, issuer: Unit, year: int, symbol: str) -> tuple[int, str]:
    """The next number of `issuer` in `year`, as (123, "123/QĐ-UBND").

    Call it inside the transaction that writes the decision: the sequence row stays locked
    (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions serialise writers) until
    that transaction ends, so two decisions issued at once never get the same number. A number
    already carried by a decision of the register (typed, imported) is skipped."""
    DecisionSequence.objects.bulk_create([DecisionSequence(issuer=issuer, year=year)],
                                         ignore_conflicts=True)
    sequence = DecisionSequence.objects.select_for_update().get(issuer=issuer, year=year)
    serial = sequence.last_number + 1
    while number_in_use(issuer, year, serial):
        serial += 1
    sequence.last_number = serial
    sequence.save(update_fields=["last_number"])
    return serial, f"{serial}/{clean(symbol)}"


def number_in_use(issuer: Unit, year: int, serial: int) -> bool:
    return (DecisionNumber.objects.filter(issuer=issuer, year=year, serial=serial).exists()
            or Decision.objects.filter(issuer=issuer, date__year=year,
                                       number__startswith=f"{serial}/").exists())


@transaction.atomic
def create_numbered_decision(*, by, issuer: Unit, date: datetime.date, symbol: str,
                             **fields) -> Decision:
    """A decision numbered from the issuer's sequence (see take_number)."""
    serial, number = take_number(issuer=issuer, year=date.year, symbol=symbol)
    decision = create_decision(by=by, number=number, date=date, issuer=issuer, **fields)
    DecisionNumber.objects.create(issuer=issuer, year=date.year, serial=serial,
                                  decision=decision)
    return decision


# -- decision drafts --------------------------------------------------------------------------
DRAFT_FIELDS = ["round_id", "state", "version", "issuer_id", "issuer_name", "number_symbol",
                "number", "date", "subject", "decided_by", "signer_name", "signer_title",
                "period", "period_start_year", "period_end_year"]
TEXT_FIELDS = {"issuer_name", "number_symbol", "subject", "signer_name", "signer_title",
               "legal_basis", "period"}


class IssueError(ValidationError):
    """A draft that may not be issued now; `messages` lists every reason."""


def draft_decision(*, by, round, proposals: Iterable[Proposal], issuer: Unit,
                   date: datetime.date, **header) -> DecisionDraft:
    """A new draft from the approved nominees of voted dossiers of `round` (see annex_order)."""
    refuse_unless(by is None or queries.may_draft(by), _("Your role may not prepare decisions."))
    with transaction.atomic():
        draft = DecisionDraft(round=round, issuer=issuer, date=date,
                              created_by=by if getattr(by, "pk", None) else None,
                              **cleaned(header))
        draft.full_clean()
        draft.save()
        fill(draft, proposals, by=by)
        log_action("thidua.decision_draft.created", by=by, obj=draft,
                   after=snapshot(draft, DRAFT_FIELDS))
    return draft


def update_draft(*, by, draft: DecisionDraft, version: int | None,
                 proposals: Iterable[Proposal], **header) -> DecisionDraft:
    """Change the header and the chosen dossiers of a draft; the annex is built again."""
    refuse_unless(by is None or queries.may_draft(by), _("Your role may not prepare decisions."))
    with transaction.atomic():
        locked = lock_draft(draft, version)
        before = snapshot(locked, DRAFT_FIELDS)
        for name, value in cleaned(header).items():
            setattr(locked, name, value)
        locked.version += 1
        locked.full_clean()
        locked.save()
        locked.lines.all().delete()
        locked.dossiers.all().delete()
        fill(locked, proposals, by=by)
        log_action("thidua.decision_draft.updated", by=by, obj=locked, before=before,
                   after=snapshot(locked, DRAFT_FIELDS))
    return locked


def cancel_draft(*, by, draft: DecisionDraft, version: int | None) -> DecisionDraft:
    """A cancelled draft keeps its lines for the record; its dossiers may go into another."""
    refuse_unless(by is None or queries.may_draft(by), _("Your role may not prepare decisions."))
    with transaction.atomic():
        locked = lock_draft(draft, version)
        locked.state = DraftState.CANCELLED
        locked.version += 1
        locked.save(update_fields=["state", "version", "updated_at"])
        log_action("thidua.decision_draft.cancelled", by=by, obj=locked,
                   before={"state": DraftState.DRAFT}, after={"state": locked.state})
    return locked


def refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise ValidationError(message)


def cleaned(header: dict) -> dict:
    """Header values as stored: NFC text, the bases one per line."""
    values = dict(header)
    for name in TEXT_FIELDS & values.keys():
        values[name] = (clean_lines if name == "legal_basis" else clean)(values[name] or "")
    return values


def clean_lines(text: str) -> str:
    """NFC and spaces fixed line by line: the bases keep one line each."""
    lines = (clean(line) for line in str(text).splitlines())
    return "\n".join(line for line in lines if line)


def lock_draft(draft: DecisionDraft, version: int | None) -> DecisionDraft:
    """The draft under a row lock, still a draft, at the version the user saw."""
    # OF self: the round and the issuing unit are read, not locked (other drafts share them).
    locked = DecisionDraft.objects.select_for_update(of=("self",)).select_related(
        "round", "issuer").get(pk=draft.pk)
    if locked.state == DraftState.ISSUED:
        raise IssueError(_("This draft has already been issued as decision %(number)s.")
                         % {"number": locked.number})
    if locked.state != DraftState.DRAFT:
        raise IssueError(_("This draft was cancelled."))
    if version is not None and locked.version != version:
        raise IssueError(_("This draft was changed by someone else. Reload the page and try "
                           "again."))
    return locked


def fill(draft: DecisionDraft, proposals: Iterable[Proposal], *, by) -> None:
    """Record the chosen dossiers (with their versions) and build the annex."""
    chosen = list(Proposal.objects.filter(pk__in=[p.pk for p in proposals])
                  .select_related("unit").order_by("pk"))
    problems = chosen_problems(draft, chosen, by)
    if problems:
        raise ValidationError(problems)
    DraftDossier.objects.bulk_create(
        [DraftDossier(draft=draft, proposal=p, version=p.version) for p in chosen])
    lines = annex_lines(draft, chosen)
    if not lines:
        raise ValidationError(_("The chosen dossiers have no approved nominee."))
    AnnexLine.objects.bulk_create(lines)


def chosen_problems(draft: DecisionDraft, chosen: list[Proposal], by) -> list[str]:
    if not chosen:
        return [_("Choose at least one voted dossier.")]
    busy = dict(DraftDossier.objects.filter(
        proposal__in=chosen, draft__state=DraftState.DRAFT).exclude(draft=draft)
        .values_list("proposal_id", "draft_id"))
    problems = []
    for proposal in chosen:
        values = {"dossier": proposal}
        if by and not queries.sees_unit(by, proposal.unit):
            problems.append(_("Dossier “%(dossier)s” is outside your scope.") % values)
        elif proposal.round_id != draft.round_id:
            problems.append(_("Dossier “%(dossier)s” belongs to another round.") % values)
        elif proposal.state != State.VOTED:
            problems.append(_("Dossier “%(dossier)s” has not been voted on by the council "
                              "(now: %(state)s).") % {**values,
                                                      "state": proposal.get_state_display()})
        elif proposal.pk in busy:
            problems.append(_("Dossier “%(dossier)s” is already in draft #%(draft)s.")
                            % {**values, "draft": busy[proposal.pk]})
    return problems + revote_problems([proposal.pk for proposal in chosen])


def annex_lines(draft: DecisionDraft, chosen: list[Proposal]) -> list[AnnexLine]:
    nominees = Nominee.objects.filter(proposal__in=chosen, outcome=Outcome.APPROVED)
    ordered = sorted(nominees.select_related("award_type"), key=annex_order)
    return [AnnexLine(draft=draft, nominee=nominee, position=position,
                      subject_kind=nominee.subject_kind, name=nominee.name,
                      unit_name=nominee.unit_name, award_type=nominee.award_type,
                      summary=nominee.summary)
            for position, nominee in enumerate(ordered, start=1)]


def annex_order(nominee: Nominee) -> tuple:
    """Collectives, then individuals, then households; in each, by title, then in Vietnamese
    order of names (individuals by given name: core.text.sort_key)."""
    kind = nominee.subject_kind
    section = ANNEX_SECTIONS.index(kind) if kind in ANNEX_SECTIONS else len(ANNEX_SECTIONS)
    key = unit_sort_key(nominee.name) if kind in COLLECTIVE_KINDS else sort_key(nominee.name)
    return (section, nominee.award_type.sort_order, nominee.award_type.code, key, nominee.pk)


# -- issuing ----------------------------------------------------------------------------------
def issue_decision(*, by, draft: DecisionDraft, version: int | None = None) -> Decision:
    """Issue `draft` in one transaction: take the number, write the Decision (names as they are
    today) and one award per annex line, mark the nominees awarded, move every dossier to
    `decided` and notify the proposing units. Refused with IssueError, nothing written, when a
    check of awards.checks fails or someone changed the draft or a dossier meanwhile."""
    refuse_unless(queries.may_decide(by), _(
        "Only a leader, a provincial reviewer or an administrator may issue a decision."))
    with transaction.atomic():
        locked = lock_draft(draft, version)
        dossiers, lines = locked_contents(locked)
        problems = issue_problems(locked, dossiers, lines)
        if problems:
            raise IssueError(problems)
        decision = create_numbered_decision(
            by=by, issuer=locked.issuer, date=locked.date, symbol=locked.number_symbol,
            issuer_name=locked.issuer_name or locked.issuer.name,
            **{name: getattr(locked, name) for name in HEADER_COPIED})
        # Members first: a collective's verdict counts the awards they receive here.
        for line in lines:
            if line.nominee.collective_id is None:
                award_line(by=by, decision=decision, line=line)
        problems = collective_problems(locked, lines)
        if problems:
            raise IssueError(problems)
        for line in lines:
            if line.nominee.collective_id is not None:
                award_line(by=by, decision=decision, line=line)
        for chosen in dossiers:
            decide_dossier(by=by, proposal=chosen.proposal, decision=decision)
        mark_issued(by=by, draft=locked, decision=decision)
        notify_proposers(by=by, decision=decision, dossiers=dossiers, lines=lines)
    return decision


HEADER_COPIED = ["decided_by", "signer_name", "signer_title", "subject", "legal_basis", "period",
                 "period_start_year", "period_end_year"]


def locked_contents(draft: DecisionDraft) -> tuple[list[DraftDossier], list[AnnexLine]]:
    """The draft's dossiers and lines, read after locking the dossiers and nominees (in key
    order, so that two issuers never wait on each other in a cycle)."""
    dossiers = list(draft.dossiers.order_by("proposal_id"))
    proposals = Proposal.objects.select_for_update(of=("self",)).select_related(
        "unit", "round").filter(
        pk__in=[chosen.proposal_id for chosen in dossiers]).order_by("pk")
    by_pk = {proposal.pk: proposal for proposal in proposals}
    for chosen in dossiers:
        chosen.proposal = by_pk[chosen.proposal_id]
    nominee_ids = list(draft.lines.values_list("nominee_id", flat=True))
    list(Nominee.objects.select_for_update().filter(pk__in=nominee_ids).order_by("pk")
         .values_list("pk", flat=True))
    lines = list(draft.lines.select_related(
        "award_type", "nominee__person__unit", "nominee__collective__parent",
        "nominee__proposal__unit").order_by("position"))
    for line in lines:
        line.draft = draft
    return dossiers, lines


def award_line(*, by, decision: Decision, line: AnnexLine) -> Award:
    """The award of one annex line; a nominee proposed without a record in the register (an
    individual or a household) gets one, in the proposing unit."""
    nominee, round_ = line.nominee, line.draft.round
    person = nominee.person
    if person is None and nominee.collective_id is None:
        person = people_services.create_person(by=by, full_name=nominee.name,
                                               unit=nominee.proposal.unit)
        nominee.person = person
    unit = person.unit if person else nominee.collective.parent
    award = record_award(
        by=by, award_type=line.award_type, decision=decision, person=person,
        collective=nominee.collective, year=round_.year, kind=round_.kind,
        summary=line.summary, register_number=str(line.position), unit=unit,
        unit_name=line.unit_name or (unit.name if unit else ""))
    nominee.award, nominee.outcome = award, Outcome.AWARDED
    nominee.save(update_fields=["person", "award", "outcome"])
    log_action("thidua.nominee.awarded", by=by, obj=nominee,
               before={"outcome": Outcome.APPROVED},
               after={"outcome": Outcome.AWARDED, "award": award.pk})
    return award


def decide_dossier(*, by, proposal: Proposal, decision: Decision) -> None:
    """Link the dossier to the decision, then take the workflow's `decide` step."""
    Proposal.objects.filter(pk=proposal.pk).update(decision=decision)
    try:
        transition(proposal, "decide", by=by, version=proposal.version)
    except WorkflowError as error:
        raise IssueError(str(error)) from error


def mark_issued(*, by, draft: DecisionDraft, decision: Decision) -> None:
    draft.state, draft.decision, draft.number = DraftState.ISSUED, decision, decision.number
    draft.issued_by, draft.issued_at = by, timezone.now()
    draft.version += 1
    draft.save(update_fields=["state", "decision", "number", "issued_by", "issued_at", "version",
                              "updated_at"])
    log_action("thidua.decision_draft.issued", by=by, obj=draft,
               before={"state": DraftState.DRAFT},
               after={"state": draft.state, "decision": decision.pk, "number": decision.number})


def notify_proposers(*, by, decision: Decision, dossiers: list[DraftDossier],
                     lines: list[AnnexLine]) -> None:
    link = reverse("awards:decision_detail", args=[decision.pk])
    for chosen in dossiers:
        count = sum(1 for line in lines if line.nominee.proposal_id == chosen.proposal_id)
        notify(units=[chosen.proposal.unit], link=link, by=by, text=_(
            "Decision %(number)s of %(date)s awards %(count)s nominees of your dossier "
            "“%(dossier)s”.") % {"number": decision.number, "count": count,
                                  "date": decision.date.strftime("%d/%m/%Y"),
                                  "dossier": chosen.proposal.title})
        record_issue_notice(by=by, proposal=chosen.proposal, decision=decision)
