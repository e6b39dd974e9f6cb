"""Every write to councils, sessions and ballots (actor as `by=`), each audited.

A refused write raises ValidationError (or PermissionDenied) with a message for the user and
writes nothing. The secret ballot (`cast_ballot`) audits only that a member voted, never what.
"""

import random
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean
from thidua.councils import queries
from thidua.councils.choices import WRITTEN_CHOICES, Choice, RecusalReason, SessionState
from thidua.councils.models import (
    Attendance,
    Council,
    CouncilMember,
    PaperTotal,
    Participation,
    Recusal,
    Result,
    Session,
    Vote,
    WrittenOpinion,
)
from thidua.councils.tally import NomineeTally, compute_tally, member_ids, present_ids
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Nominee, Proposal
from thidua.proposals.workflow import WorkflowError, transition

RECEIPT_LENGTH = 20  # 20 signs of 32: 100 random bits
_shuffle = random.SystemRandom().shuffle


# -- councils and members --------------------------------------------------------------------
@transaction.atomic
def create_council(*, by, name: str, organiser, quorum_numerator: int = 2,
                   quorum_denominator: int = 3, active: bool = True) -> Council:
    council = Council(name=clean(name), organiser=organiser, quorum_numerator=quorum_numerator,
                      quorum_denominator=quorum_denominator, active=active)
    _check_quorum(council)
    council.full_clean()
    council.save()
    log_action("thidua.council.created", by=by, obj=council, after=snapshot(council))
    return council


@transaction.atomic
def update_council(*, by, council: Council, **changes) -> Council:
    before = snapshot(council)
    for name, value in changes.items():
        setattr(council, name, clean(value) if isinstance(value, str) else value)
    _check_quorum(council)
    council.full_clean()
    council.save()
    log_action("thidua.council.changed", by=by, obj=council, before=before,
               after=snapshot(council))
    return council


def _check_quorum(council: Council) -> None:
    if not 1 <= council.quorum_numerator <= council.quorum_denominator:
        raise ValidationError(_("The quorum must be a fraction between 0 and 1, such as 2/3."))


@transaction.atomic
def add_member(*, by, council: Council, user, role: str, valid_from, full_name: str = "",
               valid_to=None) -> CouncilMember:
    name = clean(full_name) or (user.full_name or user.username if user else "")
    if user is not None and council.members.filter(user=user, valid_to__isnull=True).exists():
        raise ValidationError(_("%(name)s already sits on this council.") % {"name": name})
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError(_("The end of the membership is before its start."))
    member = CouncilMember(council=council, user=user, full_name=name, role=role,
                           valid_from=valid_from, valid_to=valid_to)
    member.full_clean()
    member.save()
    log_action("thidua.council.member_added", by=by, obj=member, after=snapshot(member))
    return member


@transaction.atomic
def end_membership(*, by, member: CouncilMember, on) -> CouncilMember:
    if on < member.valid_from:
        raise ValidationError(_("The end of the membership is before its start."))
    before = snapshot(member, ["valid_to"])
    member.valid_to = on
    member.save(update_fields=["valid_to"])
    log_action("thidua.council.member_ended", by=by, obj=member, before=before,
               after=snapshot(member, ["valid_to"]))
    return member


# -- sessions --------------------------------------------------------------------------------
def _require_runner(by, session: Session) -> None:
    if not queries.can_run(by, session.council, session.date):
        raise PermissionDenied(_("Only the council's secretary or a reviewer runs a session."))


def _locked(session: Session) -> Session:
    return (Session.objects.select_for_update(of=("self",)).select_related("council__organiser", "round")
            .get(pk=session.pk))


def _require_state(session: Session, *states: str) -> None:
    if session.state in states:
        return
    messages = {
        SessionState.PLANNED: _("The ballot of this session is not open yet."),
        SessionState.OPEN: _("The ballot of this session is already open."),
        SessionState.CLOSED: _("The ballot of this session is closed."),
    }
    raise ValidationError(messages[session.state])


@transaction.atomic
def create_session(*, by, council: Council, round, date, paper_ballot: bool = False) -> Session:
    """A planned session, with an attendance row (absent) for every member on that date."""
    if not queries.can_run(by, council, date):
        raise PermissionDenied(_("Only the council's secretary or a reviewer runs a session."))
    if not council.active:
        raise ValidationError(_("This council is no longer active."))
    session = Session.objects.create(council=council, round=round, date=date,
                                     paper_ballot=paper_ballot, created_by=by)
    Attendance.objects.bulk_create(Attendance(session=session, member=member)
                                   for member in queries.active_members(council, date))
    log_action("thidua.council.session_created", by=by, obj=session, after=snapshot(session))
    return session


@transaction.atomic
def set_attendance(*, by, session: Session, present: set[int]) -> None:
    """Mark who attends (member ids in `present`); the others are absent. Before opening only."""
    session = _locked(session)
    _require_runner(by, session)
    _require_state(session, SessionState.PLANNED)
    members = member_ids(session)
    strangers = set(present) - members
    if strangers:
        raise ValidationError(_("Only members of the council on the meeting date can attend."))
    with_opinion = (WrittenOpinion.objects.filter(session=session, member_id__in=present)
                    .select_related("member").first())
    if with_opinion is not None:
        raise ValidationError(_(
            "%(name)s has a written opinion for this session, given as an absent member: "
            "remove it before marking them present.") % {"name": with_opinion.member.full_name})
    for member in members:
        Attendance.objects.update_or_create(session=session, member_id=member,
                                            defaults={"present": member in present})
    log_action("thidua.council.attendance_set", by=by, obj=session,
               after={"present": sorted(present), "absent": sorted(members - set(present))})


@transaction.atomic
def record_recusal(*, by, session: Session, member: CouncilMember, reason: str, note: str = "",
                   nominee: Nominee | None = None, proposal: Proposal | None = None) -> Recusal:
    """A member stands aside for one nominee or a whole proposal (they still count in the
    council's total membership: see tally.py)."""
    session = _locked(session)
    _require_runner(by, session)
    _require_state(session, SessionState.PLANNED, SessionState.OPEN)
    _require_seat(session, member)
    if (nominee is None) == (proposal is None):
        raise ValidationError(_("Choose the nominee or the proposal the member stands aside for."))
    _require_on_agenda(session, nominee, proposal)
    if reason == RecusalReason.OTHER and not clean(note):
        raise ValidationError(_("Describe the conflict of interest."))
    if queries.has_voted(session, member):
        raise ValidationError(_("%(name)s has already voted: a recusal must be recorded before "
                                "the member votes.") % {"name": member.full_name})
    target = Recusal.objects.filter(session=session, member=member)
    if target.filter(nominee=nominee, proposal=proposal).exists():
        raise ValidationError(_("This recusal is already recorded."))
    recusal = Recusal.objects.create(session=session, member=member, nominee=nominee,
                                     proposal=proposal, reason=reason, note=clean(note),
                                     recorded_by=by)
    log_action("thidua.council.recusal_recorded", by=by, obj=session, after={
        "member": member.pk, "nominee": nominee.pk if nominee else None,
        "proposal": proposal.pk if proposal else None, "reason": reason, "note": recusal.note})
    return recusal


def _require_seat(session: Session, member: CouncilMember) -> None:
    if member.council_id != session.council_id or not member.serves_on(session.date):
        raise ValidationError(_("%(name)s is not a member of this council on the meeting date.")
                              % {"name": member.full_name})


def _require_on_agenda(session: Session, nominee: Nominee | None,
                       proposal: Proposal | None) -> None:
    nominees = queries.agenda(session)
    if nominee is not None and not nominees.filter(pk=nominee.pk).exists():
        raise ValidationError(_("%(name)s is not on the agenda of this session.")
                              % {"name": nominee.name})
    if proposal is not None and not nominees.filter(proposal=proposal).exists():
        raise ValidationError(_("The proposal %(proposal)s is not on the agenda of this session.")
                              % {"proposal": proposal})


@transaction.atomic
def record_written_opinions(*, by, session: Session, member: CouncilMember,
                            opinions: dict[int, str]) -> int:
    """The secretary enters an absent member's signed written opinion: nominee id → yes/no.
    Replaces what was entered for that member before. Returns the number of opinions."""
    session = _locked(session)
    _require_runner(by, session)
    _require_state(session, SessionState.PLANNED, SessionState.OPEN)
    _require_seat(session, member)
    if queries.is_present(session, member):
        raise ValidationError(_("%(name)s attends the session: only absent members give a "
                                "written opinion.") % {"name": member.full_name})
    names = dict(queries.agenda(session).values_list("pk", "name"))
    recused = queries.recused_nominees(session, member)
    for nominee_id, choice in opinions.items():
        if nominee_id not in names:
            raise ValidationError(_("A nominee of the opinion is not on the agenda."))
        if nominee_id in recused:
            raise ValidationError(_("%(member)s stands aside for %(name)s and gives no opinion "
                                    "on them.") % {"member": member.full_name,
                                                    "name": names[nominee_id]})
        if choice not in dict(WRITTEN_CHOICES):
            raise ValidationError(_("A written opinion is for or against."))
    WrittenOpinion.objects.filter(session=session, member=member).delete()
    WrittenOpinion.objects.bulk_create(
        WrittenOpinion(session=session, member=member, nominee_id=nominee_id, choice=choice,
                       recorded_by=by) for nominee_id, choice in opinions.items())
    log_action("thidua.council.written_opinion_recorded", by=by, obj=session,
               summary=_("Written opinion of %(name)s (signed paper)") % {"name": member.full_name},
               after={"member": member.pk, "opinions": {str(k): v for k, v in opinions.items()}})
    return len(opinions)


@transaction.atomic
def open_session(*, by, session: Session) -> Session:
    """Open the ballot: checks the quorum and freezes the agenda (the nominees of the round's
    proposals before the council)."""
    session = _locked(session)
    _require_runner(by, session)
    _require_state(session, SessionState.PLANNED)
    council = session.council
    members = member_ids(session)
    present = present_ids(session, members)
    if not members or len(present) * council.quorum_denominator < (
            council.quorum_numerator * len(members)):
        needed = -(-council.quorum_numerator * len(members) // council.quorum_denominator)
        raise ValidationError(_(
            "The quorum is not reached: %(present)s of %(total)s members present, at least "
            "%(needed)s needed (%(quorum)s of the members).") % {
            "present": len(present), "total": len(members), "needed": max(needed, 1),
            "quorum": f"{council.quorum_numerator}/{council.quorum_denominator}"})
    if Session.objects.filter(round=session.round, state=SessionState.OPEN).exists():
        raise ValidationError(_("Another session of this round has its ballot open."))
    nominees = list(queries.candidates(session).values_list("pk", flat=True))
    if not nominees:
        raise ValidationError(_("No proposal of this round is before the council."))
    session.agenda.set(nominees)
    session.state, session.opened_at = SessionState.OPEN, timezone.now()
    session.save(update_fields=["state", "opened_at"])
    log_action("thidua.council.session_opened", by=by, obj=session,
               after={"present": len(present), "members": len(members),
                      "nominees": len(nominees)})
    return session


# -- the secret ballot -----------------------------------------------------------------------
def new_receipt() -> str:
    signs = "".join(secrets.choice(queries.RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(signs[i:i + 5] for i in range(0, RECEIPT_LENGTH, 5))


def cast_ballot(*, by, session: Session, choices: dict[int, str]) -> str:
    """Record the ballot of the member signed in as `by`: nominee id → yes/no/abstain, one line
    for every nominee they may vote on. Returns the receipt code, which is not stored.

    The participation row (who) and the ballot lines (what) are written in one transaction, the
    lines in random order with random keys, and audited as "X voted" only."""
    with transaction.atomic():
        session = _locked(session)
        seat = queries.seat_of(by, session.council, session.date)
        if seat is None:
            raise ValidationError(_("You are not a member of this council: you cannot vote."))
        _require_ballot_open(session, seat)
        _check_choices(session, seat, choices)
        code = new_receipt()
        try:
            with transaction.atomic():
                Participation.objects.create(session=session, member=seat)
        except IntegrityError:  # a concurrent ballot of the same member won the race
            raise ValidationError(_("You have already voted in this session.")) from None
        lines = [Vote(session=session, nominee_id=nominee_id, choice=choice,
                      receipt_hash=queries.receipt_hash(code))
                 for nominee_id, choice in choices.items()]
        _shuffle(lines)
        Vote.objects.bulk_create(lines)
        log_action("thidua.council.voted", by=by, obj=session,
                   summary=_("%(name)s voted in the session of %(date)s") % {
                       "name": seat.full_name, "date": session.date.strftime("%d/%m/%Y")},
                   after={"member": seat.pk})
    return code


def _require_ballot_open(session: Session, seat: CouncilMember) -> None:
    if session.state == SessionState.CLOSED:
        raise ValidationError(_("The ballot of this session is closed: votes are no longer "
                                "accepted."))
    _require_state(session, SessionState.OPEN)
    if session.paper_ballot:
        raise ValidationError(_("This session votes on paper ballots."))
    if not queries.is_present(session, seat):
        raise ValidationError(_("You are not recorded as present at this session."))
    if queries.has_voted(session, seat):
        raise ValidationError(_("You have already voted in this session."))


def _check_choices(session: Session, seat: CouncilMember, choices: dict[int, str]) -> None:
    names = dict(session.agenda.values_list("pk", "name"))
    recused = queries.recused_nominees(session, seat)
    for nominee_id, choice in choices.items():
        if nominee_id not in names:
            raise ValidationError(_("The ballot names a nominee who is not on the agenda."))
        if nominee_id in recused:
            raise ValidationError(_("You stand aside for %(name)s: you cannot vote on them.")
                                  % {"name": names[nominee_id]})
        if choice not in Choice.values:
            raise ValidationError(_("Choose agree, disagree or abstain for %(name)s.")
                                  % {"name": names[nominee_id]})
    missing = sorted(set(names) - recused - set(choices))
    if missing:
        raise ValidationError(_("Choose agree, disagree or abstain for %(name)s.")
                              % {"name": names[missing[0]]})


@transaction.atomic
def enter_paper_totals(*, by, session: Session, totals: dict[int, tuple[int, int, int]]) -> None:
    """The counted paper ballots: nominee id → (yes, no, abstain). Each total is at most the
    members present who may vote on that nominee."""
    session = _locked(session)
    _require_runner(by, session)
    _require_state(session, SessionState.OPEN)
    if not session.paper_ballot:
        raise ValidationError(_("This session votes online: paper totals cannot be entered."))
    present = present_ids(session, member_ids(session))
    names = dict(session.agenda.values_list("pk", "name"))
    recusals = list(Recusal.objects.filter(session=session))
    proposals = dict(session.agenda.values_list("pk", "proposal_id"))
    for nominee_id, counts in totals.items():
        if nominee_id not in names:
            raise ValidationError(_("The totals name a nominee who is not on the agenda."))
        recused = {r.member_id for r in recusals
                  if r.nominee_id == nominee_id or r.proposal_id == proposals[nominee_id]}
        allowed = len(present - recused)
        if min(counts) < 0 or sum(counts) > allowed:
            raise ValidationError(_(
                "%(name)s: %(count)s ballots entered, but only %(allowed)s members present may "
                "vote on this nominee.") % {"name": names[nominee_id], "count": sum(counts),
                                             "allowed": allowed})
    for nominee_id, (yes, no, abstain) in totals.items():
        PaperTotal.objects.update_or_create(
            session=session, nominee_id=nominee_id,
            defaults={"yes": yes, "no": no, "abstain": abstain, "entered_by": by})
    log_action("thidua.council.paper_totals_entered", by=by, obj=session,
               after={str(k): list(v) for k, v in totals.items()})


@transaction.atomic
def close_session(*, by, session: Session) -> list[NomineeTally]:
    """Close the ballot: count it, store the results, set every nominee's outcome (approved or
    rejected) and move the session's proposals from "before the council" to "voted"."""
    session = _locked(session)
    _require_runner(by, session)
    if session.state == SessionState.CLOSED:
        raise ValidationError(_("This ballot was already closed."))
    _require_state(session, SessionState.OPEN)
    if session.paper_ballot:
        _require_paper_totals(session)
    tallies = compute_tally(session)
    Result.objects.bulk_create(_result(session, tally) for tally in tallies)
    approved = [t.nominee_id for t in tallies if t.approved]
    rejected = [t.nominee_id for t in tallies if not t.approved]
    Nominee.objects.filter(pk__in=approved).update(outcome=Outcome.APPROVED)
    Nominee.objects.filter(pk__in=rejected).update(outcome=Outcome.REJECTED)
    _reshuffle_votes(session)
    session.state, session.closed_at = SessionState.CLOSED, timezone.now()
    session.save(update_fields=["state", "closed_at"])
    log_action("thidua.council.session_closed", by=by, obj=session,
               after={"approved": approved, "rejected": rejected})
    _close_proposals(session, by)
    return tallies


def _require_paper_totals(session: Session) -> None:
    entered = set(PaperTotal.objects.filter(session=session).values_list("nominee_id", flat=True))
    missing = session.agenda.exclude(pk__in=entered).order_by("proposal_id", "position").first()
    if missing is not None:
        raise ValidationError(_("Enter the paper ballot totals of %(name)s before closing.")
                              % {"name": missing.name})


def _result(session: Session, tally: NomineeTally) -> Result:
    threshold = tally.threshold
    return Result(
        session=session, nominee_id=tally.nominee_id, members_total=tally.members_total,
        present=tally.present, yes=tally.yes, no=tally.no, abstain=tally.abstain,
        written_yes=tally.written_yes, written_no=tally.written_no,
        absent_without_opinion=tally.absent_without_opinion, recused=tally.recused,
        not_voted=tally.not_voted, vote_code=threshold.code, vote_kind=threshold.kind,
        min_percent=threshold.min_percent, basis=threshold.basis[:500], approved=tally.approved)


def _reshuffle_votes(session: Session) -> None:
    """Rewrite the session's ballot lines with new keys in a new random order, so that once the
    ballot is closed their physical order in the table (row ids, transaction ids) no longer
    follows the order in which members voted."""
    lines = list(Vote.objects.filter(session=session).values_list(
        "nominee_id", "choice", "receipt_hash"))
    _shuffle(lines)
    Vote.objects.filter(session=session).delete()
    Vote.objects.bulk_create((Vote(session=session, nominee_id=nominee, choice=choice,
                                   receipt_hash=receipt) for nominee, choice, receipt in lines),
                             batch_size=2000)


def _close_proposals(session: Session, by) -> None:
    proposals = Proposal.objects.filter(
        pk__in=session.agenda.values("proposal_id"), state=State.AT_COUNCIL).order_by("pk")
    for proposal in proposals:
        try:
            transition(proposal, "close_vote", by=by)
        except WorkflowError as error:
            raise ValidationError(_("The proposal %(proposal)s cannot be closed: %(error)s")
                                  % {"proposal": proposal, "error": error}) from error
