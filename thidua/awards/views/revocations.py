"""Revoking awards (Law 2022 Art. 93): opened from an award or from a decision, it issues one
revoking decision for the awards chosen."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import queries, services
from thidua.awards.forms import RevocationForm
from thidua.awards.models import Award
from thidua.core.ids import parse_id
from thidua.organisations import queries as unit_queries
from thidua.organisations.models import Unit


@login_required
def revoke(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not queries.may_decide(user):
        raise PermissionDenied
    params = request.POST if request.method == "POST" else request.GET
    candidates = candidate_awards(user, params)
    form = RevocationForm(request.POST or None, awards=candidates,
                          issuers=issuer_choices(user, candidates),
                          initial=initial(params, candidates))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            decision = services.revoke_awards(
                by=user, awards=data.pop("awards"), reason=data.pop("reason"),
                basis=data.pop("basis"), symbol=data.pop("number_symbol"), **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Decision %(number)s revokes %(count)s awards.") % {
                "number": decision.number, "count": decision.revocations.count()})
            return redirect("awards:decision_detail", pk=decision.pk)
    return render(request, "awards/revocations/revoke.html", {
        "form": form, "candidates": candidates, "source": params.get("decision", ""),
        "chosen": {str(pk) for pk in form["awards"].value() or []}})


def candidate_awards(user, params) -> QuerySet[Award]:
    """Awards inside the scope: those of `?decision=`, or the `?award=` given. Those already
    revoked are listed as such (and refused by the service if chosen from a stale page)."""
    awards = queries.with_status(queries.visible_to(user)).select_related(
        "award_type", "decision").order_by("decision__date", "pk")
    if params.get("decision"):
        decision = parse_id(params["decision"])
        return awards.filter(decision_id=decision) if decision else awards.none()
    wanted = {pk for pk in map(parse_id, params.getlist("award")) if pk}
    return awards.filter(pk__in=wanted)


def issuer_choices(user, candidates: QuerySet[Award]) -> QuerySet[Unit]:
    """The bodies that gave the awards, and the user's unit with the bodies above it."""
    ids = set(candidates.exclude(decision__issuer=None).values_list("decision__issuer",
                                                                     flat=True))
    if user.unit_id:
        ids |= {int(pk) for pk in user.unit.path.strip("/").split("/")}
    return unit_queries.visible_to(user).filter(pk__in=ids).order_by("depth", "name")


def initial(params, candidates: QuerySet[Award]) -> dict:
    first = candidates.first()
    chosen = [] if params.get("decision") else [
        award.pk for award in candidates if not award.revoked]
    return {"date": timezone.localdate(), "number_symbol": "QĐ-UBND", "awards": chosen,
            "issuer": first.decision.issuer_id if first else None,
            "decided_by": first.decision.decided_by if first else ""}
