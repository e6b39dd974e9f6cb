"""The member's secret ballot and the receipt check.

Nothing here logs a choice or a receipt code: the ballot page posts the choices to
`services.cast_ballot`, shows the receipt once (the response is not cached), and the check page
takes the code by POST so that it never appears in an address or a server log."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from thidua.councils import queries, services
from thidua.councils.choices import SessionState
from thidua.councils.forms import BallotForm, ReceiptForm, field_name
from thidua.councils.views.access import session_for
from thidua.eligibility.choices import Verdict
from thidua.eligibility.views import VERDICT_CSS
from thidua.proposals.models import Nominee


@dataclass
class BallotItem:
    nominee: Nominee
    recused: bool
    field: object  # the bound radio field, None when recused

    @property
    def verdict_label(self) -> str:
        verdict = self.nominee.verdict
        return Verdict(verdict).label if verdict in Verdict.values else "—"

    @property
    def verdict_css(self) -> str:
        return VERDICT_CSS.get(self.nominee.verdict, "text-bg-light")


@never_cache
@login_required
def ballot(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_for(request, pk)
    seat = queries.seat_of(request.user, session.council, session.date)
    nominees = list(queries.agenda(session)) if session.state == SessionState.OPEN else []
    recused = queries.recused_nominees(session, seat) if seat else set()
    form = BallotForm(request.POST or None, nominees=[n for n in nominees if n.pk not in recused])
    if request.method == "POST" and form.is_valid():
        try:
            code = services.cast_ballot(by=request.user, session=session,
                                        choices=form.choices())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "councils/ballot_receipt.html",
                          {"session": session, "code": code})
    items = [BallotItem(n, n.pk in recused, None if n.pk in recused else form[field_name(n.pk)])
             for n in nominees]
    return render(request, "councils/ballot.html", {
        "session": session, "seat": seat, "form": form, "items": items,
        "present": seat is not None and queries.is_present(session, seat),
        "voted": seat is not None and queries.has_voted(session, seat),
    })


@never_cache
@login_required
def receipt_check(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST or None)
    found, unknown = None, False
    if request.method == "POST" and form.is_valid():
        found = queries.check_receipt(form.cleaned_data["code"])
        unknown = found is None
    return render(request, "councils/receipt_check.html",
                  {"form": form, "found": found, "unknown": unknown})
