"""The lines of a dossier: adding one (a person found in scope, a collective, a household),
changing or removing it, its justification, and importing many from the units' Excel list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.people import queries as people_queries
from thidua.proposals import nominee_xlsx, queries, services, verdicts, workflow
from thidua.proposals.choices import EDITABLE
from thidua.proposals.forms import ImportForm, NomineeForm, NomineeSearchForm, SubjectForm
from thidua.proposals.models import Nominee, Proposal
from thidua.proposals.views.common import dossier_or_404, posted_version, refused
from thidua.proposals.workflow import PROPOSER, WorkflowError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SEARCH_LIMIT = 25


def editable_or_refuse(request: HttpRequest, pk: int) -> Proposal:
    """The dossier, if the user may change its lines now (404 when they may not even see it);
    otherwise Http404 too: the edit pages do not exist for them."""
    proposal = dossier_or_404(request, pk)
    if proposal.state not in EDITABLE or not workflow.may_act(request.user, proposal, PROPOSER):
        raise Http404
    return proposal


def line_or_404(proposal: Proposal, nominee_pk: int) -> Nominee:
    try:
        return proposal.nominees.select_related("award_type", "person").get(pk=nominee_pk)
    except Nominee.DoesNotExist:
        raise Http404 from None


@login_required
def nominee_add(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = editable_or_refuse(request, pk)
    search = NomineeSearchForm(request.GET or None)
    form = NomineeForm(request.POST or None, initial={"version": proposal.version})
    subject = SubjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and subject.is_valid():
        try:
            services.add_nominee(by=request.user, proposal=proposal,
                                 version=form.cleaned_data["version"],
                                 **chosen_subject(request, proposal, subject.cleaned_data),
                                 **{k: v for k, v in form.cleaned_data.items() if k != "version"})
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The nominee was added and checked."))
            return redirect("proposals:detail", pk=proposal.pk)
    return render(request, "proposals/nominee_add.html", {
        "proposal": proposal, "form": form, "search": search, "subject": subject,
        "people": found_people(request, proposal, search),
        "collectives": list(queries.collectives_for(proposal, request.user)
                            .only("pk", "name", "depth")),
    })


def found_people(request: HttpRequest, proposal: Proposal, search: NomineeSearchForm) -> list:
    """People matching the search, only among those the dossier may name: nobody outside the
    proposing unit's scope (and the user's) ever shows here."""
    if not search.is_valid() or not search.cleaned_data["q"]:
        return []
    text = search.cleaned_data["q"]
    if text.isdigit() and not request.user.can_see_personal_id:
        return []
    people = people_queries.search(queries.people_for(proposal, request.user), text)
    return list(people.select_related("unit").order_by("sort_key", "pk")[:SEARCH_LIMIT])


def chosen_subject(request: HttpRequest, proposal: Proposal, data: dict) -> dict:
    """The person or collective the form names, looked up inside the dossier's scope only (an
    id from elsewhere is as good as none), or the household's name."""
    if data.get("person"):
        person = queries.people_for(proposal, request.user).filter(pk=data["person"]).first()
        if person is None:
            raise WorkflowError(_("Choose a person from the search results."))
        return {"person": person}
    if data.get("collective"):
        unit = queries.collectives_for(proposal, request.user).filter(
            pk=data["collective"]).first()
        if unit is None:
            raise WorkflowError(_("Choose a collective from the list."))
        return {"collective": unit}
    return {"name": data.get("household", ""), "address": data.get("household_address", "")}


@login_required
def nominee_edit(request: HttpRequest, pk: int, nominee_pk: int) -> HttpResponse:
    proposal = editable_or_refuse(request, pk)
    line = line_or_404(proposal, nominee_pk)
    form = NomineeForm(request.POST or None, initial={
        "award_type": line.award_type_id, "summary": line.summary, "note": line.note,
        "justification": line.justification, "version": proposal.version})
    offered = verdicts.fact_checks(line)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        ticked = set(request.POST.getlist("fact"))
        data["facts"] = {name: True for name, _text, _held in offered if name in ticked}
        try:
            services.update_nominee(by=request.user, nominee=line, version=version, **data)
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The nominee was saved and checked again."))
            return redirect("proposals:detail", pk=proposal.pk)
    return render(request, "proposals/nominee_edit.html",
                  {"proposal": proposal, "line": line, "form": form, "facts": offered})


@login_required
@require_POST
def nominee_justify(request: HttpRequest, pk: int, nominee_pk: int) -> HttpResponse:
    """The justification written on the dossier page for a line that needs one."""
    proposal = dossier_or_404(request, pk)
    line = line_or_404(proposal, nominee_pk)
    text = request.POST.get("justification", "")[:5000]
    try:
        services.update_nominee(by=request.user, nominee=line, justification=text,
                                version=posted_version(request))
    except WorkflowError as error:
        return refused(request, error, proposal)
    messages.success(request, _("The justification was saved."))
    return redirect(reverse("proposals:detail", args=[proposal.pk]) + f"#line-{line.pk}")


@login_required
@require_POST
def nominee_remove(request: HttpRequest, pk: int, nominee_pk: int) -> HttpResponse:
    proposal = dossier_or_404(request, pk)
    line = line_or_404(proposal, nominee_pk)
    try:
        services.remove_nominee(by=request.user, nominee=line, version=posted_version(request))
    except WorkflowError as error:
        return refused(request, error, proposal)
    messages.success(request, _("%(name)s was removed from the dossier.") % {"name": line.name})
    return redirect("proposals:detail", pk=proposal.pk)


@login_required
def nominee_import(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = editable_or_refuse(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None,
                      initial={"version": proposal.version})
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.import_nominees(proposal, form.cleaned_data["file"],
                                               by=request.user,
                                               version=form.cleaned_data["version"])
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            if outcome.ok:
                messages.success(request, _("%(count)s nominees were imported and checked.")
                                 % {"count": outcome.added})
                return redirect("proposals:detail", pk=proposal.pk)
    return render(request, "proposals/nominee_import.html",
                  {"proposal": proposal, "form": form, "outcome": outcome})


@login_required
def nominee_template(request: HttpRequest) -> HttpResponse:
    """The empty Excel list the units fill in."""
    response = HttpResponse(nominee_xlsx.template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{nominee_xlsx.TEMPLATE_NAME}"'
    return response
