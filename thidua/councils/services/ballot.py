"""The secret ballot: a member's ballot (who apart from what, receipts), paper totals, the
close with the tally. The ballot audits only that a member voted, never what."""

import random
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.services import log_action
from thidua.councils import queries
from thidua.councils.choices import Choice, SessionState
from thidua.councils.models import (
    CouncilMember,
    PaperTotal,
    Participation,
    Recusal,
    Result,
    Session,
    Vote,
)
from thidua.councils.services.base import (
    locked,
    require_runner,
    require_state,
)
from thidua.councils.services.corrections import refuse_decided
from thidua.councils.tally import NomineeTally, compute_tally, member_ids, present_ids
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Nominee, Proposal
from thidua.proposals.workflow import WorkflowError, transition

RECEIPT_LENGTH = 20  # 20 signs of 32: 100 random bits
_shuffle = random.SystemRandom().shuffle


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
        session = locked(session)
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
    require_state(session, SessionState.OPEN)
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
    session = locked(session)
    require_runner(by, session)
    require_state(session, SessionState.OPEN)
    if not session.paper_ballot:
        raise ValidationError(_("This session votes online: paper totals cannot be entered."))
    present = present_ids(session, member_ids(session))
    names = dict(session.agenda.values_list("pk", "name"))
    recusals = list(Recusal.objects.in_force().filter(session=session))
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
    session = locked(session)
    require_runner(by, session)
    if session.state == SessionState.CLOSED:
        raise ValidationError(_("This ballot was already closed."))
    require_state(session, SessionState.OPEN)
    if session.paper_ballot:
        _require_paper_totals(session)
    if session.revote_of_id:
        refuse_decided(session.agenda.all())
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
