"""Notifying a proposing unit of its decided dossier's result (thông báo kết quả): the law wants
it within 10 working days of the decision (deadlines: `notify`). Issuing a decision notifies in
thidua and records it here; an officer records a dispatch (công văn) as a further notice. Each
notice is a new row, audited."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.services import log_action
from thidua.core.text import clean
from thidua.proposals import workflow
from thidua.proposals.choices import NoticeChannel, State
from thidua.proposals.models import Proposal, ResultNotice
from thidua.proposals.services.base import DossierError, lock


def record_issue_notice(*, by, proposal: Proposal, decision) -> ResultNotice:
    """The automatic notice of an issued decision (called by awards.services.issue_decision,
    inside its transaction, after the in-app notification was sent)."""
    notice = ResultNotice.objects.create(
        proposal=proposal, decision=decision, channel=NoticeChannel.IN_APP,
        notified_on=timezone.localdate(), recorded_by=by if getattr(by, "pk", None) else None)
    log_action("thidua.proposal.result_notified", by=by, obj=proposal,
               after={"channel": notice.channel, "notified_on": notice.notified_on.isoformat()})
    return notice


def record_dispatch(*, by, proposal: Proposal, dispatch_number: str,
                    notified_on: datetime.date, note: str = "") -> ResultNotice:
    """An officer of the deciding level records the dispatch that notified the unit."""
    with transaction.atomic():
        locked = lock(proposal)
        if not workflow.may_act(by, locked, workflow.APPRAISER):
            raise DossierError(_("Only the appraising level records how the unit was "
                                 "notified."))
        if locked.state != State.DECIDED or locked.decision_id is None:
            raise DossierError(_("A result is notified once the dossier is decided."))
        dispatch_number = clean(dispatch_number)
        if not dispatch_number:
            raise DossierError(_("Write the number of the dispatch."))
        decided_on = locked.decision.date
        if notified_on < decided_on or notified_on > timezone.localdate():
            raise DossierError(_("The dispatch date must lie between the decision date "
                                 "%(decided)s and today.")
                               % {"decided": decided_on.strftime("%d/%m/%Y")})
        notice = ResultNotice.objects.create(
            proposal=locked, decision_id=locked.decision_id, channel=NoticeChannel.DISPATCH,
            notified_on=notified_on, dispatch_number=dispatch_number, note=clean(note),
            recorded_by=by)
        log_action("thidua.proposal.result_notified", by=by, obj=locked,
                   summary=_("Dispatch %(number)s of %(date)s") % {
                       "number": dispatch_number, "date": notified_on.strftime("%d/%m/%Y")},
                   after={"channel": notice.channel, "notified_on": notified_on.isoformat(),
                          "dispatch_number": dispatch_number})
    return notice
