"""Document downloads under /quan-ly/van-ban/: the Word documents (decision, submission, vote
minutes, achievement reports), the template page (Excel forms to fill, Word templates and
their replacement), and the Excel exports that run in the background.

Views read like a sentence: access (the app's visible_to), then the context, then the file."""

import tempfile
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from thidua.awards import queries as award_queries
from thidua.councils import queries as council_queries
from thidua.documents import exports, queries, services, tasks
from thidua.documents.choices import DocumentKind, ExportStatus
from thidua.documents.forms import ReportForm, TemplateUploadForm
from thidua.documents.word import builtin
from thidua.documents.word.contexts import decision_context
from thidua.documents.word.dossiers import minutes_context, submission_context
from thidua.documents.word.drafts import draft_context, marked_draft
from thidua.documents.word.render import TemplateProblem
from thidua.documents.word.render import render as render_docx
from thidua.documents.word.reports import collective_report, individual_report
from thidua.documents.xlsx import XLSX, write_workbook
from thidua.organisations import queries as unit_queries
from thidua.people import queries as people_queries
from thidua.people.models import Person
from thidua.proposals import queries as proposal_queries

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx(request: HttpRequest, kind: str, unit, context: dict, file_name: str, *,
         draft: bool = False) -> HttpResponse:
    """The document made from the template in force for `unit` (`draft`: marked DỰ THẢO); a
    template that cannot be filled gets a page saying why, never a half-made file."""
    try:
        content = render_docx(queries.template_source(kind, unit), context)
        content = marked_draft(content) if draft else content
    except TemplateProblem as problem:
        return render(request, "documents/problem.html", {"problem": problem}, status=400)
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def slug(number: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in number).strip("-") or "van-ban"


# -- Word documents -----------------------------------------------------------------------
@login_required
def decision_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision with its annex list; `?ban-nhap=1` leaves number and date blank."""
    decision = get_object_or_404(queries.decisions_visible_to(request.user)
                                 .select_related("issuer__parent"), pk=pk)
    context = decision_context(decision, draft=bool(request.GET.get("ban-nhap")))
    return docx(request, DocumentKind.DECISION, decision.issuer, context,
                f"quyet-dinh-{slug(decision.number)}.docx")


@login_required
def draft_document(request: HttpRequest, pk: int) -> HttpResponse:
    """A decision draft (awards.DecisionDraft) with its annex before it is issued: the
    issuer's decision template, no number nor date, marked DỰ THẢO."""
    draft = get_object_or_404(award_queries.drafts_visible_to(request.user).select_related(
        "issuer__parent", "round"), pk=pk)
    return docx(request, DocumentKind.DECISION, draft.issuer, draft_context(draft),
                f"du-thao-quyet-dinh-{draft.pk}.docx", draft=True)


@login_required
def submission_document(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(proposal_queries.visible_to(request.user).select_related(
        "unit__parent", "round__organiser"), pk=pk)
    return docx(request, DocumentKind.SUBMISSION, proposal.unit, submission_context(proposal),
                f"to-trinh-{proposal.pk}.docx")


@login_required
def minutes_document(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(council_queries.sessions_visible_to(request.user)
                                .select_related("council__organiser"), pk=pk)
    organiser = session.council.organiser
    with translation.override("vi"):  # an official paper: roles and reasons in Vietnamese
        context = minutes_context(council_queries.minutes(session), organiser)
    return docx(request, DocumentKind.VOTE_MINUTES, organiser, context,
                f"bien-ban-kiem-phieu-{session.pk}.docx")


@login_required
def person_report(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        person = people_queries.get_visible(request.user, pk)
    except Person.DoesNotExist:
        raise Http404 from None
    form = ReportForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "documents/problem.html", {"form": form}, status=400)
    context = individual_report(person, **form.options())
    return docx(request, DocumentKind.REPORT_INDIVIDUAL, person.unit, context,
                f"bao-cao-thanh-tich-{person.pk}.docx")


@login_required
def collective_report_document(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(unit_queries.visible_to(request.user).select_related("parent"),
                             pk=pk)
    form = ReportForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "documents/problem.html", {"form": form}, status=400)
    return docx(request, DocumentKind.REPORT_COLLECTIVE, unit,
                collective_report(unit, **form.options()), f"bao-cao-thanh-tich-{unit.code}.docx")


# -- templates ----------------------------------------------------------------------------
def require_admin(user) -> None:
    if not queries.is_admin(user):
        raise PermissionDenied


def url_or_blank(name: str) -> str:
    """The Excel forms other apps offer; one not built yet is simply not listed."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


@login_required
def template_page(request: HttpRequest) -> HttpResponse:
    """Excel forms for units to fill, the Word templates, and (administrators) their
    replacements."""
    admin = queries.is_admin(request.user)
    form = TemplateUploadForm() if admin else None
    return template_page_with(request, form, status=200)


def template_page_with(request: HttpRequest, form, status: int) -> HttpResponse:
    unit = getattr(request.user, "unit", None)
    kinds = [{"kind": kind, "label": label, "in_force": queries.active_template(kind, unit)}
             for kind, label in DocumentKind.choices]
    sheets = [(label, url) for label, url in (
        (_("Award register (for the import)"), url_or_blank("awards:import_template")),
        (_("List of nominees (for a proposal dossier)"),
         url_or_blank("proposals:nominee_template"))) if url]
    replaced = queries.templates_visible_to(request.user) if form is not None else []
    return render(request, "documents/templates.html", {
        "kinds": kinds, "sheets": sheets, "form": form, "replaced": replaced}, status=status)


@login_required
def builtin_template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in DocumentKind.values:
        raise Http404
    response = HttpResponse(builtin.template_bytes(kind), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="mau-{kind}.docx"'
    return response


@login_required
def template_file(request: HttpRequest, pk: int) -> FileResponse:
    template = get_object_or_404(queries.templates_visible_to(request.user), pk=pk)
    return FileResponse(template.file.open("rb"), as_attachment=True,
                        filename=f"mau-{template.kind}-{template.pk}.docx", content_type=DOCX)


@login_required
@require_POST
def template_upload(request: HttpRequest) -> HttpResponse:
    require_admin(request.user)
    form = TemplateUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return template_page_with(request, form, status=400)
    data = form.cleaned_data
    services.upload_template(by=request.user, kind=data["kind"], unit=data["unit"],
                             name=data["file"].name, source=data["source"])
    messages.success(request, _("The template has been checked and is now in use."))
    return redirect("documents:templates")


@login_required
@require_POST
def template_retire(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request.user)
    template = get_object_or_404(queries.templates_visible_to(request.user), pk=pk)
    services.retire_template(by=request.user, template=template)
    messages.success(request, _("The template is no longer used."))
    return redirect("documents:templates")


# -- Excel exports ------------------------------------------------------------------------
@login_required
def register_export(request: HttpRequest) -> HttpResponse:
    """The award register with the filters of its page: written at once when small, as a
    background export with a progress bar above EXPORT_INLINE_MAX_ROWS rows."""
    awards, filters = exports.register_queryset(request.user, request.GET)
    total = awards.count()
    if total > settings.EXPORT_INLINE_MAX_ROWS:
        job = services.start_export(by=request.user, kind="awards",
                                    params=dict(request.GET.lists()),
                                    file_name=exports.register_file_name(), total=total)
        transaction.on_commit(partial(tasks.run_export.enqueue, job.pk))
        return redirect("documents:export_detail", pk=job.pk)
    target = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response once sent)
    write_workbook(target, exports.register_heading(request.user, filters),
                   [exports.register_sheet(awards)])
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=exports.register_file_name(),
                        content_type=XLSX)


def export_of(request: HttpRequest, pk: int):
    return get_object_or_404(queries.exports_visible_to(request.user), pk=pk)


@login_required
def export_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "documents/export.html", export_context(export_of(request, pk)))


@login_required
def export_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Polled every second by htmx while the export runs; reloads the page when it ends."""
    job = export_of(request, pk)
    context = export_context(job)
    if not context["running"] and request.htmx:
        return HttpResponseClientRefresh()
    return render(request, "documents/_export_progress.html", context)


@login_required
def export_download(request: HttpRequest, pk: int) -> FileResponse:
    job = export_of(request, pk)
    if job.status != ExportStatus.DONE:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file_name,
                        content_type=XLSX)


def export_context(job) -> dict:
    return {"job": job, "running": job.status in (ExportStatus.PENDING, ExportStatus.RUNNING)}
