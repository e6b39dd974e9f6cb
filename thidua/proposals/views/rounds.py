"""Rounds (đợt): the list for everyone, creation and changes by the appraising level."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.proposals import queries, services
from thidua.proposals.forms import RoundForm
from thidua.proposals.workflow import WorkflowError


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = list(queries.rounds().order_by("-year", "-opens_on", "name"))
    return render(request, "proposals/round_list.html", {
        "rounds": rounds, "may_organise": queries.may_organise(request.user)})


def _organiser(request: HttpRequest) -> None:
    if not queries.may_organise(request.user):
        raise PermissionDenied


@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    _organiser(request)
    form = RoundForm(request.POST or None, user=request.user,
                     initial={"organiser": request.user.unit_id, "requires_publication": True})
    if request.method == "POST" and form.is_valid():
        try:
            services.create_round(by=request.user, **form.cleaned_data)
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round was opened."))
            return redirect("proposals:round_list")
    return render(request, "proposals/round_form.html", {"form": form})


@login_required
def round_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _organiser(request)
    round_ = get_object_or_404(queries.rounds(), pk=pk)
    form = RoundForm(request.POST or None, user=request.user, initial=RoundForm.initial_of(round_))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_round(by=request.user, round_=round_, **form.cleaned_data)
        except WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round was saved."))
            return redirect("proposals:round_list")
    return render(request, "proposals/round_form.html", {"form": form, "round": round_})


@login_required
@require_POST
def round_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Check every open dossier of the round again (eligibility, duplicates, ratios)."""
    _organiser(request)
    round_ = get_object_or_404(queries.rounds(), pk=pk)
    try:
        found = services.check_round(round_, by=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(count)s nominees of the round were checked.")
                         % {"count": sum(found.values())})
    return redirect(f"{reverse('proposals:list')}?round={round_.pk}")
