"""Writes of a dossier's header and its passage through the workflow (`act`, with the
eligibility re-check inside `submit`)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean, fold
from thidua.organisations.models import Unit
from thidua.proposals import deadlines, workflow
from thidua.proposals.choices import EDITABLE, State
from thidua.proposals.models import Proposal, Round
from thidua.proposals.services.base import DossierError, lock, lock_for_edit, touch
from thidua.proposals.services.nominees import store_checks
from thidua.proposals.workflow import PROPOSER

HEADER_FIELDS = ["round_id", "unit_id", "unit_name", "number", "title", "state"]


def search_key(proposal: Proposal) -> str:
    return fold(f"{proposal.number} {proposal.title} {proposal.unit_name}")[:1000]


def create_proposal(*, by, round_: Round, unit: Unit, title: str, number: str = "") -> Proposal:
    """A new draft dossier of `unit` in `round_`, written by that unit's officer."""
    proposal = Proposal(round=round_, unit=unit, unit_name=unit.name, title=clean(title),
                        number=clean(number), created_by=by if getattr(by, "pk", None) else None)
    if not proposal.title:
        raise DossierError(_("Give the dossier a title."))
    if not workflow.may_act(by, proposal, PROPOSER):
        raise DossierError(_("You may not write dossiers for %(unit)s.") % {"unit": unit.name})
    if unit.valid_to is not None:
        raise DossierError(_("%(unit)s no longer exists: its successor proposes.")
                           % {"unit": unit.name})
    proposal.search_key = search_key(proposal)
    proposal.due_on = deadlines.due_date(proposal, State.DRAFT, timezone.localdate())
    with transaction.atomic():
        proposal.save()
        log_action("thidua.proposal.created", by=by, obj=proposal,
                   after=snapshot(proposal, HEADER_FIELDS))
    return proposal


def update_proposal(*, by, proposal: Proposal, title: str, number: str = "",
                    version: int | None = None) -> Proposal:
    """Change the header (title, submission number) of a draft or returned dossier."""
    with transaction.atomic():
        locked = lock_for_edit(proposal, by=by, version=version)
        before = snapshot(locked, HEADER_FIELDS)
        locked.title, locked.number = clean(title), clean(number)
        if not locked.title:
            raise DossierError(_("Give the dossier a title."))
        locked.search_key = search_key(locked)
        locked.save(update_fields=["title", "number", "search_key", "updated_at"])
        touch(locked)
        log_action("thidua.proposal.updated", by=by, obj=locked, before=before,
                   after=snapshot(locked, HEADER_FIELDS))
    return locked


def act(proposal: Proposal, action: str, *, by, version: int | None = None,
        note: str = "", today: datetime.date | None = None) -> Proposal:
    """Apply a workflow action; `submit` first checks every line again (eligibility and list
    checks), in the same transaction, so that the guard sees today's verdicts. `today` (the
    day the step counts from) is for recording steps taken earlier, e.g. by the demo loader."""
    if action == "submit":
        return submit(proposal, by=by, version=version, note=note, today=today)
    return workflow.transition(proposal, action, by=by, version=version, note=clean(note),
                               today=today)


def submit(proposal: Proposal, *, by, version: int | None = None, note: str = "",
           today: datetime.date | None = None) -> Proposal:
    """Submit (or resubmit) a dossier: re-check its lines, then the `submit` transition. A
    refusal rolls the re-check back with it: nothing is half-written."""
    with transaction.atomic():
        locked = lock(proposal, version=version)
        if locked.state in EDITABLE and workflow.may_act(by, locked, PROPOSER):
            store_checks([locked])
        return workflow.transition(locked, "submit", by=by, version=locked.version,
                                   note=clean(note), today=today)
