"""Access helpers shared by the dossier views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from thidua.core.ids import parse_number
from thidua.proposals import queries
from thidua.proposals.models import Proposal
from thidua.proposals.workflow import WorkflowError


def dossier_or_404(request: HttpRequest, pk: int) -> Proposal:
    """The dossier if the user may see it; 404 otherwise (never telling that it exists)."""
    try:
        return queries.get_visible(request.user, pk)
    except Proposal.DoesNotExist:
        raise Http404 from None


def require_writer(request: HttpRequest) -> None:
    if not queries.may_write(request.user):
        raise PermissionDenied


def refused(request: HttpRequest, error: WorkflowError, proposal: Proposal) -> HttpResponse:
    """A refused change: its message on the dossier page, nothing written."""
    messages.error(request, str(error))
    return redirect("proposals:detail", pk=proposal.pk)


def posted_version(request: HttpRequest) -> int | None:
    """The dossier version a form posted back (None when absent or not a number: the
    service then checks nothing against it, which only a hand-made request does)."""
    return parse_number(request.POST.get("version"))
