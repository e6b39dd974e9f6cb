"""A council session: attendance, recusals, written opinions, paper totals, opening and closing
the ballot (the secretary or a reviewer), and the minutes."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.ids import parse_id
from thidua.councils import queries, services
from thidua.councils.choices import SessionState
from thidua.councils.forms import (
    AttendanceForm,
    LateArrivalForm,
    PaperTotalsForm,
    RecusalForm,
    WithdrawRecusalForm,
    WrittenOpinionForm,
    field_name,
)
from thidua.councils.models import (
    Attendance,
    LateArrival,
    PaperTotal,
    Participation,
    Recusal,
    Session,
    WrittenOpinion,
)
from thidua.councils.tally import present_ids
from thidua.councils.views.access import report, require, session_for


def runner(request: HttpRequest, pk: int) -> Session:
    session = session_for(request, pk)
    require(queries.can_run(request.user, session.council, session.date))
    return session


@login_required
def session_detail(request: HttpRequest, pk: int, *, recusal_form=None) -> HttpResponse:
    session = session_for(request, pk)
    council, user = session.council, request.user
    run = queries.can_run(user, council, session.date)
    members = list(queries.active_members(council, session.date))
    present = present_ids(session, frozenset(m.pk for m in members))
    late = set(LateArrival.objects.filter(session=session).values_list("member_id", flat=True))
    voted = set(Participation.objects.filter(session=session).values_list("member_id", flat=True))
    opinions = Counter(WrittenOpinion.objects.filter(session=session)
                       .values_list("member_id", flat=True))
    nominees = list(queries.agenda(session))
    seat = queries.seat_of(user, council, session.date)
    editable = session.state != SessionState.CLOSED
    return render(request, "councils/session_detail.html", {
        "session": session, "council": council, "can_run": run, "nominees": nominees,
        "rows": [(m, m.pk in present, m.pk in voted, opinions[m.pk], m.pk in late)
                 for m in members],
        "present_count": len(present & {m.pk for m in members}), "members_count": len(members),
        "quorum_needed": -(-council.quorum_numerator * len(members) // council.quorum_denominator),
        "recusals": Recusal.objects.filter(session=session).select_related(
            "member", "nominee", "proposal", "withdrawal"),
        "withdraw_form": WithdrawRecusalForm(recusals=queries.recusals_in_force(session))
        if run and editable and queries.recusals_in_force(session).exists() else None,
        "late_form": LateArrivalForm(members=queries.active_members(council, session.date)
                                     .exclude(pk__in=present))
        if run and session.state == SessionState.OPEN and len(present) < len(members) else None,
        "revotes": list(session.revotes.order_by("date", "pk")),
        "attendance_form": AttendanceForm(
            initial={"present": sorted(present)}, members=queries.active_members(
                council, session.date)) if run and session.state == SessionState.PLANNED else None,
        "recusal_form": recusal_form or (RecusalForm(
            members=queries.active_members(council, session.date), nominees=nominees)
            if run and editable and nominees else None),
        "seat": seat, "seat_present": seat is not None and seat.pk in present,
        "seat_voted": seat is not None and seat.pk in voted,
        "voted_count": len(voted),
    })


@login_required
@require_POST
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    form = AttendanceForm(request.POST, members=queries.active_members(session.council,
                                                                       session.date))
    if not form.is_valid():
        messages.error(request, _("Tick only members of the council."))
    else:
        try:
            services.set_attendance(by=request.user, session=session,
                                    present={m.pk for m in form.cleaned_data["present"]})
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The attendance was saved."))
    return redirect("councils:session", pk=session.pk)


@login_required
@require_POST
def recusal(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    nominees = list(queries.agenda(session))
    form = RecusalForm(request.POST, members=queries.active_members(session.council,
                                                                    session.date),
                       nominees=nominees)
    if form.is_valid():
        nominee_id, proposal_id = form.target_ids()
        by_id = {n.pk: n for n in nominees}
        proposals = {n.proposal_id: n.proposal for n in nominees}
        try:
            services.record_recusal(
                by=request.user, session=session, member=form.cleaned_data["member"],
                reason=form.cleaned_data["reason"], note=form.cleaned_data["note"],
                nominee=by_id.get(nominee_id), proposal=proposals.get(proposal_id))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The recusal was recorded."))
            return redirect("councils:session", pk=session.pk)
    return session_detail(request, pk, recusal_form=form)


@login_required
def written_opinions(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    nominees = list(queries.agenda(session))
    absent = queries.active_members(session.council, session.date).exclude(
        pk__in=Attendance.objects.filter(session=session, present=True).values("member_id"))
    form = WrittenOpinionForm(request.POST or None, members=absent, nominees=nominees,
                              initial=_opinion_initial(request, session))
    if request.method == "POST" and form.is_valid():
        try:
            count = services.record_written_opinions(
                by=request.user, session=session, member=form.cleaned_data["member"],
                opinions=form.opinions())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)s written opinions of %(name)s were recorded.")
                             % {"count": count, "name": form.cleaned_data["member"].full_name})
            return redirect("councils:session", pk=session.pk)
    return render(request, "councils/written_opinions.html", {
        "session": session, "form": form,
        "rows": [(n, form[field_name(n.pk)]) for n in nominees]})


def _opinion_initial(request: HttpRequest, session: Session) -> dict:
    """Prefill with what was entered before for the member named in ?member=."""
    member = parse_id(request.GET.get("member"))
    if member is None:
        return {}
    rows = WrittenOpinion.objects.filter(session=session, member_id=member)
    return {"member": member,
            **{field_name(nominee): choice for nominee, choice in rows.values_list(
                "nominee_id", "choice")}}


@login_required
def paper_totals(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    nominees = list(queries.agenda(session))
    stored = {row.nominee_id: row for row in PaperTotal.objects.filter(session=session)}
    initial = {f"{field_name(pk)}_{part}": getattr(row, part)
               for pk, row in stored.items() for part in ("yes", "no", "abstain")}
    form = PaperTotalsForm(request.POST or None, nominees=nominees, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.enter_paper_totals(by=request.user, session=session, totals=form.totals())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The paper ballot totals were saved."))
            return redirect("councils:session", pk=session.pk)
    return render(request, "councils/paper_totals.html", {"session": session, "form": form})


@login_required
@require_POST
def open_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    try:
        services.open_session(by=request.user, session=session)
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("The ballot is open."))
    return redirect("councils:session", pk=session.pk)


@login_required
@require_POST
def close_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    session = runner(request, pk)
    try:
        tallies = services.close_session(by=request.user, session=session)
    except ValidationError as error:
        report(request, error)
        return redirect("councils:session", pk=session.pk)
    approved = sum(1 for tally in tallies if tally.approved)
    messages.success(request, _("The ballot is closed: %(approved)s of %(count)s nominees "
                                "approved.") % {"approved": approved, "count": len(tallies)})
    return redirect("councils:minutes", pk=session.pk)


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_for(request, pk)
    if session.state != SessionState.CLOSED:
        messages.error(request, _("The minutes exist once the ballot is closed."))
        return redirect("councils:session", pk=session.pk)
    return render(request, "councils/minutes.html", {
        "session": session, "minutes": queries.minutes(session)})
