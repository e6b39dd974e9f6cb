"""Corrections of a session, each a new record beside what it corrects, never an edit: a
recusal withdrawn before the member votes, a member who arrives after the ballot opened, and a
re-vote (bỏ phiếu lại) of chosen nominees after the close, whose results supersede the earlier
ones. Out-of-order requests are refused with a message and write nothing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from thidua.core.services import log_action
from thidua.core.text import clean
from thidua.councils import queries
from thidua.councils.choices import SessionState
from thidua.councils.models import (
    Attendance,
    CouncilMember,
    LateArrival,
    Recusal,
    RecusalWithdrawal,
    Result,
    Session,
    WrittenOpinion,
)
from thidua.councils.services.base import locked, require_runner, require_seat, require_state
from thidua.councils.tally import member_ids, present_ids
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Nominee


@transaction.atomic
def withdraw_recusal(*, by, recusal: Recusal, reason: str) -> RecusalWithdrawal:
    """The member no longer stands aside (the recusal was a mistake, the conflict does not
    exist): allowed while the ballot is planned or open and the member has not voted."""
    session = locked(recusal.session)
    require_runner(by, session)
    require_state(session, SessionState.PLANNED, SessionState.OPEN)
    recusal = Recusal.objects.select_related("member").get(pk=recusal.pk)
    if RecusalWithdrawal.objects.filter(recusal=recusal).exists():
        raise ValidationError(_("This recusal was already withdrawn."))
    reason = clean(reason)
    if not reason:
        raise ValidationError(_("Give the reason why the recusal is withdrawn."))
    if queries.has_voted(session, recusal.member):
        raise ValidationError(_("%(name)s has already voted: a recusal can only be withdrawn "
                                "before the member votes.") % {"name": recusal.member.full_name})
    withdrawal = RecusalWithdrawal.objects.create(recusal=recusal, reason=reason,
                                                  withdrawn_by=by)
    log_action("thidua.council.recusal_withdrawn", by=by, obj=session,
               summary=_("Recusal of %(name)s withdrawn") % {"name": recusal.member.full_name},
               after={"recusal": recusal.pk, "member": recusal.member_id, "reason": reason})
    return withdrawal


@transaction.atomic
def record_late_arrival(*, by, session: Session, member: CouncilMember) -> LateArrival:
    """A member absent at the opening arrives while the ballot is open: present from now on,
    so they may vote; the count of members present (and the quorum) follows."""
    session = locked(session)
    require_runner(by, session)
    require_seat(session, member)
    if session.state == SessionState.PLANNED:
        raise ValidationError(_("The ballot is not open yet: mark %(name)s present in the "
                                "attendance.") % {"name": member.full_name})
    require_state(session, SessionState.OPEN)
    if queries.is_present(session, member):
        raise ValidationError(_("%(name)s is already recorded as present.")
                              % {"name": member.full_name})
    if WrittenOpinion.objects.filter(session=session, member=member).exists():
        raise ValidationError(_(
            "%(name)s has a written opinion for this session, given as an absent member: "
            "remove it before marking them present.") % {"name": member.full_name})
    arrival = LateArrival.objects.create(session=session, member=member, recorded_by=by)
    members = member_ids(session)
    present = present_ids(session, members)
    log_action("thidua.council.late_arrival", by=by, obj=session,
               summary=_("%(name)s arrived late: %(present)s of %(total)s members present")
               % {"name": member.full_name, "present": len(present), "total": len(members)},
               after={"member": member.pk, "present": len(present), "members": len(members)})
    return arrival


@transaction.atomic
def order_revote(*, by, session: Session, nominees: list[Nominee], reason: str,
                 date: datetime.date | None = None) -> Session:
    """The council votes again on some nominees of a closed session (a tie, a procedural
    error): a new planned session of the same council and round whose agenda is those
    nominees. Its own attendance (on the same date: who was present at the end of this one),
    the recusals in force for them copied as new rows, its own ballot and receipts; when it
    closes, its results replace this session's for those nominees, which stay in the minutes
    marked as superseded."""
    session = locked(session)
    require_runner(by, session)
    if session.state != SessionState.CLOSED:
        raise ValidationError(_("A re-vote is ordered once the ballot is closed and counted: "
                                "close this ballot first."))
    reason = clean(reason)
    if not reason:
        raise ValidationError(_("Give the council's reason for the re-vote (a tie, a "
                                "procedural error…)."))
    if not nominees:
        raise ValidationError(_("Choose the nominees to vote on again."))
    for nominee in nominees:
        refuse_revote(session, nominee)
    revote = Session.objects.create(
        council=session.council, round=session.round, date=date or session.date,
        paper_ballot=session.paper_ballot, created_by=by, revote_of=session,
        revote_reason=reason)
    revote.agenda.set(nominees)
    present = (present_ids(session, member_ids(session)) if revote.date == session.date
               else frozenset())
    Attendance.objects.bulk_create(
        Attendance(session=revote, member=member, present=member.pk in present)
        for member in queries.active_members(session.council, revote.date))
    chosen = Q(nominee__in=nominees) | Q(proposal__in={n.proposal_id for n in nominees})
    Recusal.objects.bulk_create(
        Recusal(session=revote, member_id=row.member_id, nominee_id=row.nominee_id,
                proposal_id=row.proposal_id, reason=row.reason, note=row.note, recorded_by=by)
        for row in Recusal.objects.in_force().filter(chosen, session=session))
    log_action("thidua.council.revote_ordered", by=by, obj=revote,
               summary=_("Re-vote of %(count)s nominees of the session of %(date)s")
               % {"count": len(nominees), "date": session.date.strftime("%d/%m/%Y")},
               after={"revote_of": session.pk, "nominees": sorted(n.pk for n in nominees),
                      "reason": reason, "date": revote.date.isoformat()})
    return revote


def refuse_revote(session: Session, nominee: Nominee) -> None:
    """A nominee is voted on again only from the session whose result stands for them, once
    at a time, and while their dossier waits for its decision."""
    if not Result.objects.filter(session=session, nominee=nominee).exists():
        raise ValidationError(_("%(name)s was not voted on in this session.")
                              % {"name": nominee.name})
    later = list(Session.objects.filter(revote_of=session, agenda=nominee).only("state", "date"))
    if any(revote.state != SessionState.CLOSED for revote in later):
        raise ValidationError(_("A re-vote of %(name)s is already planned or open.")
                              % {"name": nominee.name})
    if later:
        raise ValidationError(_("%(name)s was already voted on again (session of %(date)s): "
                                "order a new re-vote from that session.")
                              % {"name": nominee.name, "date": later[0].date.strftime("%d/%m/%Y")})
    refuse_decided([nominee])


def refuse_decided(nominees) -> None:
    """Refuse when a nominee's dossier has left "voted" (decided, forwarded) or the nominee
    holds an award: a re-vote can no longer change what was decided."""
    for nominee in Nominee.objects.filter(pk__in=[nominee.pk for nominee in nominees]).order_by(
            "pk").select_related("proposal"):
        if nominee.proposal.state != State.VOTED or nominee.outcome == Outcome.AWARDED:
            raise ValidationError(_("%(name)s can no longer be voted on again: the dossier "
                                    "%(proposal)s is already decided or forwarded.")
                                  % {"name": nominee.name, "proposal": nominee.proposal})
