"""A dossier's attachments: upload, download (only through here, for those who see the
dossier) and removal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.proposals import services
from thidua.proposals.forms import AttachmentForm
from thidua.proposals.models import Attachment, Proposal
from thidua.proposals.views.common import dossier_or_404, posted_version, refused
from thidua.proposals.workflow import WorkflowError


def attachment_or_404(proposal: Proposal, attachment_pk: int) -> Attachment:
    try:
        return proposal.attachments.get(pk=attachment_pk)
    except Attachment.DoesNotExist:
        raise Http404 from None


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = dossier_or_404(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values()
                                         for e in errors))
        return redirect("proposals:detail", pk=proposal.pk)
    upload = form.cleaned_data["file"]
    try:
        services.add_attachment(by=request.user, proposal=proposal, upload=upload,
                                kind=form.cleaned_data["kind"],
                                version=form.cleaned_data["version"])
    except WorkflowError as error:
        return refused(request, error, proposal)
    messages.success(request, _("%(name)s was attached.") % {"name": upload.name})
    return redirect(reverse("proposals:detail", args=[proposal.pk]) + "#attachments")


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    proposal = dossier_or_404(request, pk)
    attachment = attachment_or_404(proposal, attachment_pk)
    try:
        handle = services.open_attachment(attachment)
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                            content_type=attachment.content_type)
    # Never rendered by the browser as a page of ours, whatever the file holds.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    proposal = dossier_or_404(request, pk)
    attachment = attachment_or_404(proposal, attachment_pk)
    try:
        services.remove_attachment(by=request.user, attachment=attachment,
                                   version=posted_version(request))
    except WorkflowError as error:
        return refused(request, error, proposal)
    messages.success(request, _("%(name)s was removed.") % {"name": attachment.original_name})
    return redirect(reverse("proposals:detail", args=[proposal.pk]) + "#attachments")
