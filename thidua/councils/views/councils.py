"""Councils and their members (administrators and reviewers manage; members see theirs)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.councils import queries, services
from thidua.councils.forms import CouncilForm, EndMembershipForm, MemberForm, SessionForm
from thidua.councils.models import Council, CouncilMember, Session
from thidua.councils.views.access import council_for, report, require


@login_required
def council_list(request: HttpRequest) -> HttpResponse:
    sessions = Session.objects.select_related("round").order_by("-date", "-id")
    councils = (queries.visible_to(request.user).select_related("organiser")
                .prefetch_related(Prefetch("sessions", queryset=sessions)))
    return render(request, "councils/council_list.html", {
        "councils": councils, "can_create": queries.can_manage(request.user)})


@login_required
def council_create(request: HttpRequest) -> HttpResponse:
    require(queries.can_manage(request.user))
    form = CouncilForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            council = services.create_council(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The council was created."))
            return redirect("councils:detail", pk=council.pk)
    return render(request, "councils/council_form.html", {"form": form, "council": None})


@login_required
def council_edit(request: HttpRequest, pk: int) -> HttpResponse:
    council = council_for(request, pk)
    require(queries.can_manage(request.user, council))
    initial = {name: getattr(council, name) for name in CouncilForm.base_fields}
    form = CouncilForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_council(by=request.user, council=council, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The council was saved."))
            return redirect("councils:detail", pk=council.pk)
    return render(request, "councils/council_form.html", {"form": form, "council": council})


@login_required
def council_detail(request: HttpRequest, pk: int) -> HttpResponse:
    council = council_for(request, pk)
    return _detail(request, council)


def _detail(request: HttpRequest, council: Council, *, member_form=None,
            session_form=None) -> HttpResponse:
    user, today = request.user, timezone.localdate()
    manage, run = queries.can_manage(user, council), queries.can_run(user, council)
    members = council.members.select_related("user").order_by("valid_to", "valid_from", "id")
    return render(request, "councils/council_detail.html", {
        "council": council, "today": today, "can_manage": manage, "can_run": run,
        "members": members,
        "active_count": queries.active_members(council, today).count(),
        "sessions": council.sessions.select_related("round").order_by("-date", "-id"),
        "member_form": member_form or (MemberForm(initial={"valid_from": today}) if manage
                                       else None),
        "end_form": EndMembershipForm(initial={"on": today}) if manage else None,
        "session_form": session_form or (SessionForm(rounds=queries.rounds_for(council))
                                         if run else None),
    })


@login_required
@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    council = council_for(request, pk)
    require(queries.can_manage(request.user, council))
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            services.add_member(by=request.user, council=council, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The member was added."))
            return redirect("councils:detail", pk=council.pk)
    return _detail(request, council, member_form=form)


@login_required
@require_POST
def member_end(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(CouncilMember.objects.select_related("council__organiser"), pk=pk)
    council = council_for(request, member.council_id)
    require(queries.can_manage(request.user, council))
    form = EndMembershipForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the last day of the membership as dd/mm/yyyy."))
        return redirect("councils:detail", pk=council.pk)
    try:
        services.end_membership(by=request.user, member=member, on=form.cleaned_data["on"])
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("The membership of %(name)s ends on %(date)s.") % {
            "name": member.full_name, "date": form.cleaned_data["on"].strftime("%d/%m/%Y")})
    return redirect("councils:detail", pk=council.pk)


@login_required
@require_POST
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    council = council_for(request, pk)
    require(queries.can_run(request.user, council))
    form = SessionForm(request.POST, rounds=queries.rounds_for(council))
    if form.is_valid():
        try:
            session = services.create_session(by=request.user, council=council,
                                              **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The session was planned: record the attendance, then "
                                        "open the ballot."))
            return redirect("councils:session", pk=session.pk)
    return _detail(request, council, session_form=form)
