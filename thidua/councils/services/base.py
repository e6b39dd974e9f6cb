"""What every session write checks first: the session row locked, the actor allowed to run
it, its state, the member's seat."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from thidua.councils import queries
from thidua.councils.choices import SessionState
from thidua.councils.models import CouncilMember, Session


def require_runner(by, session: Session) -> None:
    if not queries.can_run(by, session.council, session.date):
        raise PermissionDenied(_("Only the council's secretary or a reviewer runs a session."))


def locked(session: Session) -> Session:
    return (Session.objects.select_for_update(of=("self",))
            .select_related("council__organiser", "round").get(pk=session.pk))


def require_state(session: Session, *states: str) -> None:
    if session.state in states:
        return
    messages = {
        SessionState.PLANNED: _("The ballot of this session is not open yet."),
        SessionState.OPEN: _("The ballot of this session is already open."),
        SessionState.CLOSED: _("The ballot of this session is closed."),
    }
    raise ValidationError(messages[session.state])


def require_seat(session: Session, member: CouncilMember) -> None:
    if member.council_id != session.council_id or not member.serves_on(session.date):
        raise ValidationError(_("%(name)s is not a member of this council on the meeting date.")
                              % {"name": member.full_name})
