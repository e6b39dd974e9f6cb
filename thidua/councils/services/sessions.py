"""A session before and while its ballot is open: attendance, recusals, written opinions,
opening."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean
from thidua.councils import queries
from thidua.councils.choices import WRITTEN_CHOICES, RecusalReason, SessionState
from thidua.councils.models import (
    Attendance,
    Council,
    CouncilMember,
    Recusal,
    Session,
    WrittenOpinion,
)
from thidua.councils.services.base import (
    locked,
    require_runner,
    require_seat,
    require_state,
)
from thidua.councils.services.corrections import refuse_decided
from thidua.councils.tally import member_ids, present_ids
from thidua.proposals.models import Nominee, Proposal


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
    session = locked(session)
    require_runner(by, session)
    require_state(session, SessionState.PLANNED)
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
    session = locked(session)
    require_runner(by, session)
    require_state(session, SessionState.PLANNED, SessionState.OPEN)
    require_seat(session, member)
    if (nominee is None) == (proposal is None):
        raise ValidationError(_("Choose the nominee or the proposal the member stands aside for."))
    _require_on_agenda(session, nominee, proposal)
    if reason == RecusalReason.OTHER and not clean(note):
        raise ValidationError(_("Describe the conflict of interest."))
    if queries.has_voted(session, member):
        raise ValidationError(_("%(name)s has already voted: a recusal must be recorded before "
                                "the member votes.") % {"name": member.full_name})
    target = Recusal.objects.in_force().filter(session=session, member=member)
    if target.filter(nominee=nominee, proposal=proposal).exists():
        raise ValidationError(_("This recusal is already recorded."))
    recusal = Recusal.objects.create(session=session, member=member, nominee=nominee,
                                     proposal=proposal, reason=reason, note=clean(note),
                                     recorded_by=by)
    log_action("thidua.council.recusal_recorded", by=by, obj=session, after={
        "member": member.pk, "nominee": nominee.pk if nominee else None,
        "proposal": proposal.pk if proposal else None, "reason": reason, "note": recusal.note})
    return recusal


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
    session = locked(session)
    require_runner(by, session)
    require_state(session, SessionState.PLANNED, SessionState.OPEN)
    require_seat(session, member)
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
    session = locked(session)
    require_runner(by, session)
    require_state(session, SessionState.PLANNED)
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
    if session.revote_of_id:  # its agenda was chosen when the re-vote was ordered
        nominees = list(session.agenda.values_list("pk", flat=True))
        refuse_decided(session.agenda.all())
    else:
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
