"""Reminders of overdue and soon-due dossiers, by e-mail (`thidua reminders`).

Each run finds the active dossiers whose step is due within `deadlines.SOON` working days or is
already late, and writes one e-mail per recipient listing theirs: the officers of the proposing
unit for the steps that wait on the unit (draft, returned), and the reviewers whose scope holds the
dossier for every step. A dossier is reminded at most once a day: each reminder sent is recorded
as an audit entry `thidua.proposal.reminded` carrying the day, and the next run that day skips it.
"""

import datetime
import smtplib
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.accounts.choices import Role
from thidua.accounts.models import User
from thidua.core.models import AuditEntry
from thidua.core.services import log_action
from thidua.core.workdays import add_working_days, working_days_between
from thidua.proposals import deadlines
from thidua.proposals.models import Proposal
from thidua.proposals.queries import proposal_paths

REMINDED = "thidua.proposal.reminded"


@dataclass
class Run:
    """What a run found and did, for the command's summary."""

    today: datetime.date
    due: list[Proposal] = field(default_factory=list)
    skipped: int = 0
    inbox: dict[str, list[Proposal]] = field(default_factory=dict)
    sent: int = 0
    failed: list[str] = field(default_factory=list)
    unaddressed: list[Proposal] = field(default_factory=list)


def send_reminders(*, by=None, today: datetime.date | None = None, dry_run: bool = False) -> Run:
    """Find what is due, e-mail it (unless `dry_run`) and record each dossier reminded."""
    run = Run(today=today or timezone.localdate())
    due = list(deadlines.due_by(Proposal.objects.select_related("unit", "round"),
                                add_working_days(run.today, deadlines.SOON)).order_by("due", "pk"))
    done = already_reminded(run.today)
    run.due = [proposal for proposal in due if str(proposal.pk) not in done]
    run.skipped = len(due) - len(run.due)
    run.inbox, run.unaddressed = _addresses(run.due)
    if not dry_run:
        _send(run, by)
    return run


def already_reminded(day: datetime.date) -> set[str]:
    return set(AuditEntry.objects.filter(action=REMINDED, after__day=day.isoformat())
               .values_list("object_id", flat=True))


def _addresses(due: list[Proposal]) -> tuple[dict[str, list[Proposal]], list[Proposal]]:
    """The dossiers each e-mail address is told about, and the dossiers nobody is told about."""
    officers = defaultdict(set)
    for user in _mailable(Role.OFFICER).filter(unit_id__in={p.unit_id for p in due}):
        officers[user.unit_id].add(user.email)
    reviewers = [(user.email, proposal_paths(user)) for user in _mailable(Role.REVIEWER)]
    inbox, unaddressed = defaultdict(list), []
    for proposal in due:
        to = set(officers[proposal.unit_id]) if _waits_on_unit(proposal) else set()
        to |= {email for email, paths in reviewers if _covers(paths, proposal.unit.path)}
        for email in sorted(to):
            inbox[email].append(proposal)
        if not to:
            unaddressed.append(proposal)
    return dict(sorted(inbox.items())), unaddressed


def _mailable(role: str) -> QuerySet[User]:
    return User.objects.filter(role=role, is_active=True).exclude(email="")


def _waits_on_unit(proposal: Proposal) -> bool:
    return deadlines.LEVEL_OF.get(proposal.state) == deadlines.UNIT


def _covers(paths: list[str] | None, unit_path: str) -> bool:
    return paths is None or any(unit_path.startswith(path) for path in paths)


def _send(run: Run, by) -> None:
    reached = defaultdict(list)
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        for email, proposals in run.inbox.items():
            message = EmailMessage(subject(proposals), body(proposals, run.today),
                                   settings.DEFAULT_FROM_EMAIL, [email], connection=connection)
            try:
                message.send()
            except (smtplib.SMTPException, OSError):
                run.failed.append(email)
                continue
            run.sent += 1
            for proposal in proposals:
                reached[proposal.pk].append(email)
    for proposal in run.due:
        if reached[proposal.pk]:
            log_action(REMINDED, by=by, obj=proposal, summary=", ".join(reached[proposal.pk]),
                       after={"day": run.today.isoformat(), "due": proposal.due.isoformat(),
                              "recipients": len(reached[proposal.pk])})


def subject(proposals: list[Proposal]) -> str:
    return ngettext("[thidua] %(count)s dossier overdue or due soon",
                    "[thidua] %(count)s dossiers overdue or due soon",
                    len(proposals)) % {"count": len(proposals)}


def body(proposals: list[Proposal], today: datetime.date) -> str:
    lines = [_("These dossiers are overdue or due within %(days)s working days:")
             % {"days": deadlines.SOON}, ""]
    lines += [line(proposal, today) for proposal in proposals]
    lines += ["", _("Overdue dossiers: %(url)s") % {"url": absolute("proposals:overdue")}]
    return "\n".join(lines)


def line(proposal: Proposal, today: datetime.date) -> str:
    late, due = working_days_between(proposal.due, today), proposal.due.strftime("%d/%m/%Y")
    if late > 0:
        when = ngettext("overdue by %(n)s working day", "overdue by %(n)s working days",
                        late) % {"n": late}
    elif proposal.due < today:
        when = _("overdue since %(date)s") % {"date": due}
    elif proposal.due == today:
        when = _("due today")
    else:
        when = _("due on %(date)s") % {"date": due}
    url = absolute("proposals:detail", proposal.pk)
    return f"- {proposal.title} ({proposal.unit_name}), {proposal.get_state_display()}: {when}. {url}"


def absolute(name: str, *args) -> str:
    """A full link for an e-mail (settings.SITE_URL and the page's path)."""
    try:
        path = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return settings.SITE_URL.rstrip("/") + path
