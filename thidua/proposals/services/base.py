"""What every dossier service shares: the error it raises, the lock taken before a change and
the version bump after it."""

from django.utils.translation import gettext as _

from thidua.proposals import workflow
from thidua.proposals.choices import EDITABLE, FINAL
from thidua.proposals.models import Proposal
from thidua.proposals.workflow import PROPOSER, WorkflowError


class DossierError(WorkflowError):
    """A change refused; the message is for the user, in their language."""


def lock(proposal: Proposal, *, version: int | None = None) -> Proposal:
    """The dossier read again under a row lock (SELECT … FOR UPDATE on PostgreSQL; SQLite's
    IMMEDIATE transactions serialise writers). Must run inside a transaction. A `version`
    other than the current one means the user's page is stale: ConflictError."""
    locked = (Proposal.objects.select_for_update(of=("self",)).select_related("round", "unit")
              .get(pk=proposal.pk))
    if version is not None and locked.version != version:
        raise workflow.conflict(locked)
    return locked


def lock_for_edit(proposal: Proposal, *, by, version: int | None = None) -> Proposal:
    """Lock a dossier whose header, lines or attachments the proposing unit changes: only in
    an editable state (draft, returned), only by its officer (or an administrator)."""
    locked = lock(proposal, version=version)
    if locked.state not in EDITABLE:
        raise DossierError(_("The dossier can no longer be changed: it is “%(state)s”.")
                           % {"state": locked.get_state_display()})
    if not workflow.may_act(by, locked, PROPOSER):
        raise DossierError(_("You may not change this dossier."))
    return locked


def refuse_final(locked: Proposal) -> None:
    if locked.state in FINAL:
        raise DossierError(_("The dossier is closed (“%(state)s”): nothing in it changes any "
                             "more.") % {"state": locked.get_state_display()})


def touch(locked: Proposal) -> None:
    """A change of the dossier's content: pages showing the older version become stale."""
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
