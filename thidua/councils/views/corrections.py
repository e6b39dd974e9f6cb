"""Corrections of a session (the secretary or a reviewer): withdrawing a recusal, a member who
arrives after the opening, ordering a re-vote of chosen nominees after the close."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.councils import queries, services
from thidua.councils.forms import LateArrivalForm, RevoteForm, WithdrawRecusalForm
from thidua.councils.views.access import report
from thidua.councils.views.sessions import runner


@login_required
@require_POST
def withdraw_recusal(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    form = WithdrawRecusalForm(request.POST, recusals=queries.recusals_in_force(session))
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values()
                                         for error in errors))
        return redirect("councils:session", pk=session.pk)
    try:
        services.withdraw_recusal(by=request.user, recusal=form.cleaned_data["recusal"],
                                  reason=form.cleaned_data["reason"])
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("The recusal was withdrawn."))
    return redirect("councils:session", pk=session.pk)


@login_required
@require_POST
def late_arrival(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    form = LateArrivalForm(request.POST, members=queries.active_members(session.council,
                                                                        session.date))
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["member"]))
        return redirect("councils:session", pk=session.pk)
    try:
        services.record_late_arrival(by=request.user, session=session,
                                     member=form.cleaned_data["member"])
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("%(name)s is now present and may vote.")
                         % {"name": form.cleaned_data["member"].full_name})
    return redirect("councils:session", pk=session.pk)


@login_required
def revote(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    form = RevoteForm(request.POST or None, nominees=queries.agenda(session))
    if request.method == "POST" and form.is_valid():
        try:
            ordered = services.order_revote(
                by=request.user, session=session, nominees=list(form.cleaned_data["nominees"]),
                reason=form.cleaned_data["reason"], date=form.cleaned_data["date"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The re-vote is planned: mark the attendance, then open "
                                        "its ballot."))
            return redirect("councils:session", pk=ordered.pk)
    return render(request, "councils/revote.html", {"session": session, "form": form})
