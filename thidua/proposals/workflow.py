"""The one state machine of a proposal dossier. docs/workflow.md draws it.

Every change of `Proposal.state` goes through `transition()`: it locks the row (SELECT … FOR UPDATE on
PostgreSQL; SQLite's IMMEDIATE transactions serialise writers), checks the version the user saw, the
table below, the actor's role and scope and the step's own guard, then writes the new state, one
`Transition` history row and one audit entry, all in one transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.accounts.choices import Role
from thidua.core.services import log_action
from thidua.proposals import deadlines
from thidua.proposals.choices import State
from thidua.proposals.models import Proposal, Transition
from thidua.proposals.queries import proposal_paths
from thidua.proposals.verdicts import needs_justification


class WorkflowError(Exception):
    """A transition that may not happen; the message is for the user, in their language."""


class ConflictError(WorkflowError):
    """Somebody else changed the dossier since the user loaded it."""


# Who acts: the proposing unit's officer, the appraising level (reviewer) or the council.
PROPOSER = frozenset({Role.OFFICER, Role.ADMIN})
APPRAISER = frozenset({Role.REVIEWER, Role.ADMIN})
COUNCIL = frozenset({Role.REVIEWER, Role.ADMIN, Role.COUNCIL_MEMBER})
SIGNER = frozenset({Role.LEADER, Role.REVIEWER, Role.ADMIN})


@dataclass(frozen=True)
class Step:
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    label: str
    needs_note: bool = False
    guard: Callable[[Proposal, datetime.date], str | None] | None = None


def _has_nominees(proposal: Proposal, today: datetime.date) -> str | None:
    if not proposal.nominees.exists():
        return _("The dossier has no nominee.")
    return None


def _ready_to_submit(proposal: Proposal, today: datetime.date) -> str | None:
    problem = _has_nominees(proposal, today)
    if problem:
        return problem
    unchecked = proposal.nominees.filter(checked_at__isnull=True).first()
    if unchecked is not None:
        return _("Nominee %(name)s has not been checked for eligibility.") % {
            "name": unchecked.name}
    # An ineligible line, or one a list check refuses (a duplicate, a failed ratio…).
    unjustified = next((line for line in proposal.nominees.filter(justification="")
                        .only("name", "verdict", "findings").order_by("position", "id")
                        if needs_justification(line)), None)
    if unjustified is not None:
        return _("Nominee %(name)s is not eligible: write a justification before submitting.") % {
            "name": unjustified.name}
    return None


def _publication_allowed(proposal: Proposal, today: datetime.date) -> str | None:
    if not proposal.round.requires_publication:
        return _("This round does not publish its candidates for comment.")
    return deadlines.publication_problem(proposal, today)


def _may_go_to_council(proposal: Proposal, today: datetime.date) -> str | None:
    if proposal.state == State.APPRAISED and proposal.round.requires_publication:
        return _("The candidates must be published for comment before the council meets.")
    if proposal.state == State.PUBLISHED and (
        proposal.comment_closes_on is None or today <= proposal.comment_closes_on
    ):
        return _("The council cannot meet before the comment period closes on %(date)s.") % {
            "date": proposal.comment_closes_on.strftime("%d/%m/%Y")
            if proposal.comment_closes_on else "—"}
    return None


def _all_voted(proposal: Proposal, today: datetime.date) -> str | None:
    pending = proposal.nominees.filter(outcome="pending").first()
    if pending is not None:
        return _("Nominee %(name)s has no council result yet.") % {"name": pending.name}
    return None


def _has_decision(proposal: Proposal, today: datetime.date) -> str | None:
    if proposal.decision_id is None:
        return _("A dossier is decided only by issuing a decision.")
    return None


STEPS: dict[str, Step] = {
    "submit": Step(frozenset({State.DRAFT, State.RETURNED}), State.SUBMITTED, PROPOSER,
                   gettext_lazy("Submit"), guard=_ready_to_submit),
    "receive": Step(frozenset({State.SUBMITTED}), State.RECEIVED, APPRAISER,
                    gettext_lazy("Receive")),
    "return": Step(frozenset({State.SUBMITTED, State.RECEIVED, State.APPRAISED}), State.RETURNED,
                   APPRAISER, gettext_lazy("Return for completion"), needs_note=True),
    "appraise": Step(frozenset({State.RECEIVED}), State.APPRAISED, APPRAISER,
                     gettext_lazy("Complete the appraisal")),
    "publish": Step(frozenset({State.APPRAISED}), State.PUBLISHED, APPRAISER,
                    gettext_lazy("Publish for comment"), guard=_publication_allowed),
    "to_council": Step(frozenset({State.APPRAISED, State.PUBLISHED}), State.AT_COUNCIL, APPRAISER,
                       gettext_lazy("Send to the council"), guard=_may_go_to_council),
    "close_vote": Step(frozenset({State.AT_COUNCIL}), State.VOTED, COUNCIL,
                       gettext_lazy("Record the council's result"), guard=_all_voted),
    "decide": Step(frozenset({State.VOTED}), State.DECIDED, SIGNER,
                   gettext_lazy("Record the decision"), guard=_has_decision),
    "forward": Step(frozenset({State.VOTED}), State.FORWARDED, APPRAISER,
                    gettext_lazy("Forward to the level above")),
    "withdraw": Step(frozenset({State.DRAFT, State.SUBMITTED, State.RETURNED}), State.WITHDRAWN,
                     PROPOSER, gettext_lazy("Withdraw"), needs_note=True),
}


def allowed_actions(proposal: Proposal, user) -> list[str]:
    """The actions `user` may try on `proposal` now (guards are checked only when acting)."""
    return [name for name, step in STEPS.items()
            if proposal.state in step.sources and may_act(user, proposal, step.roles)]


def may_act(user, proposal: Proposal, roles: frozenset[str]) -> bool:
    """Whether `user` holds one of `roles` and the dossier's unit lies in their scope (the
    council's members see the whole province, see queries.proposal_paths)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not (user.is_superuser or user.role in roles):
        return False
    paths = proposal_paths(user)
    if paths is None:
        return True
    unit_path = proposal.unit.path
    return any(unit_path.startswith(path) for path in paths)


def conflict(locked: Proposal) -> ConflictError:
    """The error for a page that showed an older version of the dossier."""
    return ConflictError(_(
        "This dossier was changed by someone else (now: %(state)s). "
        "Reload the page and try again."
    ) % {"state": locked.get_state_display()})


def transition(proposal: Proposal, action: str, *, by, version: int | None = None,
               note: str = "", today: datetime.date | None = None) -> Proposal:
    """Apply `action` to `proposal` as `by`; raise WorkflowError (or ConflictError) if refused.

    `version` is the dossier version the user's page showed: a mismatch means somebody else acted
    first, and nothing is written.
    """
    step = STEPS.get(action)
    if step is None:
        raise WorkflowError(_("Unknown action “%(action)s”.") % {"action": action})
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = (Proposal.objects.select_for_update(of=("self",)).select_related("round", "unit")
                  .get(pk=proposal.pk))
        if version is not None and locked.version != version:
            raise conflict(locked)
        _check(locked, step, action, by=by, note=note, today=today)
        before = locked.state
        locked.state = step.target
        locked.version += 1
        fields = ["state", "version", "updated_at"]
        if step.target == State.SUBMITTED:
            locked.submitted_at = timezone.now()
            fields.append("submitted_at")
        if step.target == State.RECEIVED:
            locked.received_at = timezone.now()
            fields.append("received_at")
        fields += deadlines.apply(locked, step.target, today)
        locked.save(update_fields=fields)
        Transition.objects.create(proposal=locked, from_state=before, to_state=step.target,
                                  action=action, actor=by, note=note)
        log_action(f"thidua.proposal.{action}", by=by, obj=locked, summary=note,
                   before={"state": before}, after={"state": step.target})
    return locked


def _check(proposal: Proposal, step: Step, action: str, *, by, note: str,
           today: datetime.date) -> None:
    if proposal.state not in step.sources:
        raise WorkflowError(_(
            "“%(action)s” is not possible while the dossier is “%(state)s”."
        ) % {"action": step.label, "state": proposal.get_state_display()})
    if not may_act(by, proposal, step.roles):
        raise WorkflowError(_("You may not “%(action)s” this dossier.") % {"action": step.label})
    if step.needs_note and not note.strip():
        raise WorkflowError(_("“%(action)s” needs a reason.") % {"action": step.label})
    problem = step.guard(proposal, today) if step.guard else None
    if problem:
        raise WorkflowError(problem)
