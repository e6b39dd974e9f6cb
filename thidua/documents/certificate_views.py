"""Certificate screens: a decision's certificates (designed or for blanks) with the batch and
its progress bar, one award's certificate, the blank layouts with their calibration sheet;
and the public verification page of a certificate's code (`/xac-minh/<code>/`)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from thidua.awards import queries as award_queries
from thidua.core.ids import parse_id
from thidua.documents import verification
from thidua.documents.certificates import layouts, queries, services, tasks
from thidua.documents.certificates import render as certificate_render
from thidua.documents.certificates.choices import (
    AwardeeKind,
    BatchStatus,
    BlankFieldName,
    CertificateForm,
)
from thidua.documents.certificates.forms import (
    BlankFieldFormSet,
    LayoutPageForm,
    VerifyForm,
    field_initial,
    fields_from,
)
from thidua.organisations import queries as unit_queries

PDF = "application/pdf"
RUNNING = {BatchStatus.PENDING, BatchStatus.RUNNING}
SHOWN = 200  # awards listed on a decision's page; a batch prints them all


def _require_writer(user) -> None:
    if not user.can_write:
        raise PermissionDenied


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# -- a decision's certificates ------------------------------------------------------------
@login_required
def decision_certificates(request: HttpRequest, pk: int) -> HttpResponse:
    _require_writer(request.user)
    decision = get_object_or_404(award_queries.decisions_visible_to(request.user), pk=pk)
    awards = queries.awards_to_print(decision, request.user).select_related("certificate")
    recent = queries.batches_visible_to(request.user).filter(decision=decision)[:10]
    return render(request, "documents/certificates/decision.html", {
        "decision": decision, "count": awards.count(), "awards": awards[:SHOWN],
        "recent": recent,
    })


@login_required
@require_POST
def start_batch(request: HttpRequest, pk: int) -> HttpResponse:
    _require_writer(request.user)
    decision = get_object_or_404(award_queries.decisions_visible_to(request.user), pk=pk)
    if not queries.awards_to_print(decision, request.user).exists():
        messages.error(request, _("There is no award in force to print."))
        return redirect("certificates:decision", pk=decision.pk)
    batch = services.start_batch(by=request.user, decision=decision,
                                 blank=request.POST.get("blank") == "1")
    # After commit: a worker must find the batch (inline backends run it right away).
    transaction.on_commit(partial(tasks.render_batch.enqueue, batch.pk))
    return redirect("certificates:batch", pk=batch.pk)


def _batch(request: HttpRequest, pk: int):
    _require_writer(request.user)
    return get_object_or_404(queries.batches_visible_to(request.user), pk=pk)


@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    return render(request, "documents/certificates/batch.html",
                  {"batch": batch, "running": batch.status in RUNNING})


@login_required
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by htmx while the batch runs; then the page is reloaded."""
    batch = _batch(request, pk)
    if batch.status not in RUNNING and request.htmx:
        return HttpResponseClientRefresh()
    return render(request, "documents/certificates/_progress.html",
                  {"batch": batch, "running": batch.status in RUNNING})


@login_required
def batch_file(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    batch = _batch(request, pk)
    stored = batch.pdf if kind == "pdf" else batch.archive
    if batch.status != BatchStatus.DONE or not stored:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True,
                        filename=stored.name.rsplit("/", 1)[-1])


@login_required
def award_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """One award's certificate (its code is issued the first time, then always the same)."""
    _require_writer(request.user)
    awards = award_queries.in_force(award_queries.visible_to(request.user)).select_related(
        "award_type", "person", "decision")
    award = get_object_or_404(awards, pk=pk)
    blank = request.GET.get("phoi") == "1"
    pdf = services.render_pdf([award], by=request.user, blank=blank,
                              title=services.pdf_title(award.decision))
    return _pdf(pdf, services.file_name(award))


# -- blank layouts ---------------------------------------------------------------------------
def _layout_unit(request: HttpRequest):
    """The unit whose blanks are edited: ?don-vi=<id> among the visible ones, else the
    user's own unit; None when neither (the page then asks to choose)."""
    wanted = request.GET.get("don-vi") or request.user.unit_id
    if wanted is None:
        return None
    unit = unit_queries.visible_to(request.user).filter(pk=parse_id(wanted) or 0).first()
    if unit is None:
        raise Http404(_("Choose a unit in your scope."))
    return unit


def _layout_unit_required(request: HttpRequest):
    unit = _layout_unit(request)
    if unit is None:
        raise Http404(_("Choose a unit in your scope."))
    return unit


# ?doi-tuong= on the layout screens: both kinds (empty), individuals, collectives.
KIND_SLUGS = {"": AwardeeKind.ANY, "ca-nhan": AwardeeKind.INDIVIDUAL,
              "tap-the": AwardeeKind.COLLECTIVE}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}


def _layout_kind(request: HttpRequest) -> str:
    kind = KIND_SLUGS.get(request.GET.get("doi-tuong", ""))
    if kind is None:
        raise Http404
    return kind


def _layout_query(unit, kind: str) -> str:
    return f"?don-vi={unit.pk}" + (f"&doi-tuong={SLUG_OF_KIND[kind]}" if kind else "")


@login_required
def layout_list(request: HttpRequest) -> HttpResponse:
    _require_writer(request.user)
    unit = _layout_unit(request)
    rows = [(form, AwardeeKind(kind), _layout_query(unit, kind), layouts.resolve(form, unit, kind))
            for form in CertificateForm for kind in AwardeeKind] if unit else []
    units = unit_queries.visible_to(request.user).order_by("path")[:500]
    return render(request, "documents/certificates/layouts.html",
                  {"units": units, "unit": unit, "rows": rows})


@login_required
def layout_edit(request: HttpRequest, form: str) -> HttpResponse:
    _require_writer(request.user)
    if form not in CertificateForm.values:
        raise Http404
    unit, kind = _layout_unit_required(request), _layout_kind(request)
    spec = layouts.complete(layouts.resolve(form, unit, kind))
    page = LayoutPageForm(request.POST or None, initial=LayoutPageForm.initial_from(spec))
    fields = BlankFieldFormSet(request.POST or None, initial=field_initial(spec))
    if request.method == "POST" and page.is_valid() and fields.is_valid():
        layouts.save_layout(by=request.user, form=form, unit=unit, kind=kind,
                            page=page.cleaned_data, fields=fields_from(fields))
        messages.success(request, _("The layout has been saved."))
        return redirect(request.path + _layout_query(unit, kind))
    return render(request, "documents/certificates/layout_form.html", {
        "form_code": form, "form_label": CertificateForm(form).label, "unit": unit,
        "kind_label": AwardeeKind(kind).label, "query": _layout_query(unit, kind),
        "spec": spec, "page": page, "fields": fields,
    })


@login_required
def layout_calibration(request: HttpRequest, form: str) -> HttpResponse:
    """The calibration sheet: a millimetre grid with every printed field's box."""
    _require_writer(request.user)
    if form not in CertificateForm.values:
        raise Http404
    unit, kind = _layout_unit_required(request), _layout_kind(request)
    spec = layouts.resolve(form, unit, kind)
    heading = _("Calibration sheet – %(form)s, %(kind)s – %(unit)s") % {
        "form": CertificateForm(form).label, "kind": AwardeeKind(kind).label, "unit": unit.name}
    labels = {name: str(label) for name, label in BlankFieldName.choices}
    pdf = certificate_render.calibration_pdf(spec, heading=heading, labels=labels)
    suffix = f"-{SLUG_OF_KIND[kind]}" if kind else ""
    return _pdf(pdf, f"can-chinh-{form}{suffix}-{unit.pk}.pdf")


# -- public verification ------------------------------------------------------------------
def verify_form(request: HttpRequest) -> HttpResponse:
    """A form for the code printed on a certificate (for those who do not scan the QR code)."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        code = verification.normalise(form.cleaned_data["code"])
        if code:
            return redirect("verification:detail", code=code)
        form.add_error("code", _("A code has 10 letters and digits, e.g. ABCDE-12345."))
    return render(request, "documents/verification/form.html", {"form": form})


def verify_detail(request: HttpRequest, code: str) -> HttpResponse:
    """What the register records for the certificate, or a plain "unknown code" (404)."""
    canonical = verification.normalise(code)
    if canonical and canonical != code:
        return redirect("verification:detail", code=canonical)
    certificate = verification.find(canonical) if canonical else None
    if certificate is None:
        return render(request, "documents/verification/unknown.html",
                      {"code": code[:40], "form": VerifyForm()}, status=404)
    award = certificate.award
    return render(request, "documents/verification/detail.html", {
        "certificate": certificate, "award": award, "code": verification.grouped(canonical),
        "revocation": getattr(award, "revocation", None),
    })
