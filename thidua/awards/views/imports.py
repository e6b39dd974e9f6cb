"""The award register import pages: upload, check with a preview, confirm, and the progress bar.

The check (a dry run) and the import itself run as django-tasks tasks: inline in development and
tests, in a worker with a database queue in production; the pages only read the batch."""

import io
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from thidua.accounts.choices import Role
from thidua.awards import import_writer, tasks
from thidua.awards.choices import ImportStatus
from thidua.awards.forms import ImportUploadForm
from thidua.awards.import_rows import COLUMNS
from thidua.awards.models import ImportBatch

RUNNING = {ImportStatus.PENDING, ImportStatus.RUNNING}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_NAME = "mau-so-khen-thuong.xlsx"


def batches_visible_to(user) -> QuerySet[ImportBatch]:
    """Administrators see every import; the others their own."""
    batches = ImportBatch.objects.select_related("created_by", "default_unit")
    if user.is_superuser or user.role == Role.ADMIN:
        return batches
    return batches.filter(created_by=user)


def _require_writer(user) -> None:
    if not user.can_write:
        raise PermissionDenied


def _batch(request: HttpRequest, pk: int) -> ImportBatch:
    _require_writer(request.user)
    return get_object_or_404(batches_visible_to(request.user), pk=pk)


def _queue(batch: ImportBatch) -> None:
    # After commit: a worker must find the batch (inline backends run it right away).
    transaction.on_commit(partial(tasks.run_import.enqueue, batch.pk))


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    _require_writer(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        batch = import_writer.start_import(by=request.user, upload=form.cleaned_data["file"],
                                           default_unit=form.cleaned_data["default_unit"])
        _queue(batch)
        return redirect("awards:import_detail", pk=batch.pk)
    recent = batches_visible_to(request.user).order_by("-created_at")[:10]
    return render(request, "awards/imports/start.html", {"form": form, "recent": recent})


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    """An empty register with the header row of contracts §3, ready to fill in."""
    _require_writer(request.user)
    response = HttpResponse(_template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
    return response


def _template_workbook() -> bytes:
    hints = {
        "birth_date": _("dd/mm/yyyy, or a date cell"),
        "gender": _("Nam or Nữ"),
        "personal_id": _("12 digits, typed as text"),
        "unit": _("the unit's name at the time of the award"),
        "year": _("the achievement year, e.g. 2024"),
        "award": _("name, short name or code of the title or award form"),
        "decision_date": _("dd/mm/yyyy, or a date cell"),
        "issuer": _("the issuing body's name at the time"),
        "kind": _("optional; when empty, the usual kind of the title or form (công trạng for "
                  "most)"),
    }
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Award register")[:31]
    for col, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=col, value=column.label)
        cell.font = Font(bold=True)
        if column.key in hints:
            cell.comment = Comment(hints[column.key], "thidua")
        dimension = sheet.column_dimensions[get_column_letter(col)]
        dimension.width = max(12, len(column.label) + 4)
        if column.key in ("personal_id", "decision_number"):
            dimension.number_format = "@"  # text, so that an ID keeps its leading zero
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    return render(request, "awards/imports/detail.html", _context(batch))


@login_required
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled every second by htmx while the batch runs; once it has
    finished, htmx reloads the page to show the result."""
    batch = _batch(request, pk)
    if batch.status not in RUNNING and request.htmx:
        return HttpResponseClientRefresh()
    return render(request, "awards/imports/_progress.html", _context(batch))


@login_required
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    try:
        batch = import_writer.confirm_import(by=request.user, batch=batch)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("awards:import_detail", pk=batch.pk)
    _queue(batch)
    return redirect("awards:import_detail", pk=batch.pk)


def _context(batch: ImportBatch) -> dict:
    report = batch.report or {}
    return {
        "batch": batch,
        "running": batch.status in RUNNING,
        "writing": batch.status == ImportStatus.RUNNING and not batch.dry_run
        and batch.total_rows and batch.processed_rows >= batch.total_rows,
        "counts": report.get("counts", {}),
        "errors": report.get("errors", []),
        "error_count": report.get("error_count", 0),
        "warnings": report.get("warnings", []),
        "warning_count": report.get("warning_count", 0),
        "preview": report.get("preview", []),
        "can_confirm": batch.status == ImportStatus.VALID,
    }
