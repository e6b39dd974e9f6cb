"""Export packages (docs/packages.md): download a decision's or a dossier's package, import one
received from another level, and download the files a decision package brought."""

import tempfile

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from thidua.awards import queries
from thidua.awards.package import describe, export_decision, import_package
from thidua.awards.package_format import PackageError
from thidua.core.text import fold
from thidua.organisations.queries import in_scope, scope_paths
from thidua.proposals import queries as proposal_queries
from thidua.proposals.models import Proposal, Round
from thidua.proposals.package import export_dossier
from thidua.proposals.services.attachments import open_stored


def with_ids(request: HttpRequest) -> bool:
    """ID numbers go out only when asked for, and only to roles that may see them."""
    return request.GET.get("with_ids") == "1" and request.user.can_see_personal_id


def zip_response(write, name: str) -> FileResponse:
    # FileResponse closes it once sent.
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115
    write(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=name,
                        content_type="application/zip")


@login_required
def decision_package(request: HttpRequest, pk: int) -> FileResponse:
    user = request.user
    decision = get_object_or_404(queries.decisions_visible_to(user), pk=pk)
    awards = queries.visible_to(user).filter(decision=decision)  # what the user's scope shows
    name = f"quyet-dinh-{slugify(fold(decision.number.replace('/', '-'))) or decision.pk}.zip"
    return zip_response(lambda target: export_decision(
        decision, target, by=user, with_ids=with_ids(request), awards=awards), name)


@login_required
def dossier_package(request: HttpRequest, pk: int) -> FileResponse:
    try:
        proposal = proposal_queries.get_visible(request.user, pk)
    except Proposal.DoesNotExist:
        raise Http404 from None
    return zip_response(lambda target: export_dossier(
        proposal, target, by=request.user, with_ids=with_ids(request)),
        f"ho-so-{proposal.pk}.zip")


@login_required
def decision_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """A file received with the decision, for those who may open it
    (queries.decision_files_visible_to); under its original name (FileResponse writes a
    non-ASCII name as RFC 5987 `filename*`)."""
    decision = get_object_or_404(queries.decisions_visible_to(request.user), pk=pk)
    received = get_object_or_404(queries.decision_files_visible_to(request.user, decision),
                                 pk=file_pk)
    try:
        handle = open_stored(received.stored_name)
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=received.original_name,
                            content_type=received.content_type)
    # Never rendered by the browser as a page of ours, whatever the file holds.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PackageImportForm(forms.Form):
    file = forms.FileField(
        label=_("Package (.zip)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".zip"}),
        error_messages={"required": _("Choose the package file."),
                        "empty": _("The file is empty.")})
    round = forms.ModelChoiceField(
        label=_("Round receiving a dossier"), required=False, queryset=None,
        widget=forms.Select(attrs={"class": "form-select"}),
        help_text=_("Empty: the one round of the dossier's year and kind."))
    dry_run = forms.BooleanField(label=_("Check only, write nothing"), required=False,
                                 widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = Round.objects.filter(
            in_scope(scope_paths(user), "organiser__path")).order_by("-year", "name")


@login_required
def package_import(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write:
        raise PermissionDenied
    form = PackageImportForm(request.POST or None, request.FILES or None, user=request.user)
    result, errors = None, []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_package(upload, by=request.user, file_name=upload.name,
                                    dry_run=form.cleaned_data["dry_run"],
                                    round_=form.cleaned_data["round"])
        except PackageError as error:
            errors = error.messages
    return render(request, "awards/packages/import.html", {
        "form": form, "result": result, "errors": errors,
        "summary": describe(result) if result else ""})
