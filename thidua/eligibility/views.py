"""Eligibility screens: what a person or a collective may be proposed for in a year (a section
of their page, loaded with htmx, also a page of its own), and the batch check of a unit with
its list checks and the xlsx export of its results. Read-only: nothing here writes."""

import tempfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from thidua.eligibility import batch, exports, uploads
from thidua.eligibility import messages as say
from thidua.eligibility.choices import Status
from thidua.eligibility.forms import BatchForm, ListUploadForm, YearForm, this_year
from thidua.organisations import queries as unit_queries
from thidua.organisations.forms import unit_choices
from thidua.people import queries as people_queries
from thidua.people.models import Person

VERDICT_CSS = {
    "ELIGIBLE": "text-bg-success", "INELIGIBLE": "text-bg-danger",
    "DEFERRED": "text-bg-warning", "NEEDS_HUMAN_REVIEW": "text-bg-info",
    "INVALID_AUTHORITY": "text-bg-dark", batch.DATA_ERROR: "text-bg-secondary",
}
MET_CSS = {True: "text-success", False: "text-danger", None: "text-secondary"}
FINDING_CSS = {"error": "alert-danger", "warning": "alert-warning", "ok": "alert-success"}


# -- one subject ------------------------------------------------------------------------------
@login_required
def person_screen(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        person = people_queries.get_visible(request.user, pk)
    except Person.DoesNotExist:
        raise Http404 from None
    form = YearForm(request.GET or None)
    year = form.chosen_year() if form.is_bound else this_year()
    result = batch.screen_person(person, year) if year else None
    return render_screen(request, form, result, name=person.full_name,
                         url=reverse("eligibility:person", args=[pk]),
                         back=reverse("people:detail", args=[pk]))


@login_required
def unit_screen(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(unit_queries.visible_to(request.user), pk=pk)
    form = YearForm(request.GET or None)
    year = form.chosen_year() if form.is_bound else this_year()
    result = batch.screen_unit(unit, year) if year else None
    return render_screen(request, form, result, name=unit.name,
                         url=reverse("eligibility:unit", args=[pk]),
                         back=reverse("organisations:detail", args=[pk]))


def render_screen(request: HttpRequest, form: YearForm, result: batch.Screen | None,
                  **context) -> HttpResponse:
    context.update(form=form, year=result.year if result else None,
                   error=result.error if result else "",
                   answers=[present(answer) for answer in result.answers] if result else [],
                   advisory=[present(answer) for answer in result.advisory] if result else [])
    fragment = request.htmx and not request.htmx.history_restore_request
    template = "eligibility/_screen.html" if fragment else "eligibility/screen.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def present(answer: dict) -> dict:
    """The engine's answer (unchanged, under "answer") with what the template shows: names,
    labels and colours."""
    rule = answer.get("rule")
    return {
        "answer": answer,
        "name": say.name(answer["code"]),
        "label": batch.VERDICT_LABELS[answer["verdict"]],
        "css": VERDICT_CSS[answer["verdict"]],
        "status": Status(rule["status"]).label if rule else "",
        "reasons": [{**reason, "css": MET_CSS[reason["met"]]} for reason in answer["reasons"]],
        "to_confirm": [say.fact_text(fact) for fact in answer["to_confirm"]],
    }


# -- the batch check --------------------------------------------------------------------------
@login_required
def batch_check(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = BatchForm(request.GET or None, user=user,
                     initial={"unit": user.unit_id, "year": this_year()})
    context = {"form": form, "unit_options": unit_choices(user)}
    if form.is_bound and form.is_valid():
        context.update(results(request, form))
    return render(request, "eligibility/batch.html", context)


def checked(request: HttpRequest, form: BatchForm) -> tuple[batch.Batch, batch.Rows]:
    """The batch asked for by a valid form (verdicts only), and its rows that pass the
    filters."""
    data = form.cleaned_data
    found = batch.run_batch(request.user, data["unit"], data["year"], form.chosen_codes())
    return found, found.filtered(verdict=data["verdict"], code=data["only"], text=data["q"])


def results(request: HttpRequest, form: BatchForm) -> dict:
    found, rows = checked(request, form)
    page = Paginator(rows, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    found.explain(page.object_list)  # reasons only for the rows of this page
    proposed = set(form.cleaned_data["proposed"])
    keys = found.known(proposed)
    shown = [present_row(row, proposed) for row in page.object_list]
    return {
        "batch": found, "page": page, "shown": shown, "row_count": len(rows),
        "counts": [(verdict, label, count, VERDICT_CSS[verdict])
                   for verdict, label, count in found.counts()],
        "findings": [(finding, FINDING_CSS[finding.severity])
                     for finding in found.findings(proposed)],
        "proposed_count": len(keys),
        # Ticked rows of other pages travel as hidden fields; keys of no row are dropped.
        "proposed_elsewhere": sorted(keys - {row.key for row in page.object_list}),
    }


def present_row(row: batch.Row, proposed: set[str]) -> dict:
    return {"row": row, "css": VERDICT_CSS[row.verdict], "reason": row.reason,
            "proposed": row.key in proposed}


@login_required
def batch_export(request: HttpRequest) -> HttpResponse:
    form = BatchForm(request.GET or None, user=request.user)
    if not form.is_valid():
        return render(request, "eligibility/batch.html",
                      {"form": form, "unit_options": unit_choices(request.user)})
    found, rows = checked(request, form)
    proposed = set(form.cleaned_data["proposed"])
    findings = found.findings(proposed)
    # Closed, and so removed, by the response once sent.
    target = tempfile.TemporaryFile()  # noqa: SIM115
    # Reasons are read a chunk of subjects at a time while the rows are written, without the
    # earliest year (its simulation would make a large export slow).
    exports.write_batch(target, found, found.explained(rows), findings, proposed)
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=exports.file_name(found),
                        content_type=exports.XLSX)


# -- a nominee list uploaded for the list checks ------------------------------------------------
@login_required
def list_upload(request: HttpRequest) -> HttpResponse:
    """Upload a unit's nominee list (xlsx): every cell checked, each row matched with the
    register in the user's scope, then the list checks. Nothing is stored."""
    user = request.user
    form = ListUploadForm(request.POST or None, request.FILES or None, user=user,
                          initial={"unit": user.unit_id, "year": this_year()})
    context = {"form": form, "unit_options": unit_choices(user)}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reading = uploads.read(data["file"], today=timezone.localdate())
        context["reading"] = reading
        if not reading.errors:
            checked = uploads.check(user, data["unit"], data["year"], reading.rows)
            context.update(
                rows=[{"row": row, "css": VERDICT_CSS.get(row.verdict, ""),
                       "label": batch.VERDICT_LABELS.get(row.verdict, "")}
                      for row in checked.rows],
                findings=[(finding, FINDING_CSS[finding.severity])
                          for finding in checked.findings])
    return render(request, "eligibility/list_upload.html", context)
