"""Decision drafts: a round's voted dossiers → a draft with its annex → an issued decision."""

import datetime
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.awards import queries, services
from thidua.awards.choices import Authority, DraftState
from thidua.awards.forms import DraftForm
from thidua.awards.models import AnnexLine, DecisionDraft, DraftDossier
from thidua.core.ids import parse_id, parse_number
from thidua.organisations import queries as unit_queries
from thidua.organisations.models import Unit
from thidua.proposals.choices import DecidingLevel
from thidua.proposals.models import Proposal, Round

HEADER_FIELDS = ["issuer", "issuer_name", "number_symbol", "date", "subject", "decided_by",
                 "signer_name", "signer_title", "legal_basis", "period", "period_start_year",
                 "period_end_year"]
AUTHORITY_OF_LEVEL = {DecidingLevel.UNIT: Authority.UNIT_HEAD,
                      DecidingLevel.COMMUNE: Authority.COMMUNE_CHAIR,
                      DecidingLevel.PROVINCE: Authority.PROVINCIAL_CHAIR}
# Bases cited by every award decision (document-forms.md §4.3): decree 152/2025 replaced
# decree 98/2023 on 1 July 2025.
LAW_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
DECREE_152 = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy "
              "định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi "
              "tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;")
DECREE_98 = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy "
             "định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;")
DECREE_152_FROM = datetime.date(2025, 7, 1)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def version_posted(request: HttpRequest) -> int:
    """The version the user's page showed; an unreadable one counts as stale (0)."""
    return parse_number(request.POST.get("version")) or 0


@login_required
def draft_list(request: HttpRequest) -> HttpResponse:
    drafts = queries.drafts_visible_to(request.user).select_related(
        "round", "decision").annotate(line_count=Count("lines")).order_by("-created_at", "-pk")
    rounds = queries.rounds_with_voted_dossiers(request.user) \
        if queries.may_draft(request.user) else Round.objects.none()
    return render(request, "awards/decisions/draft_list.html", {
        "drafts": drafts, "rounds": rounds})


@login_required
def draft_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(queries.may_draft(user))
    round_ = chosen_round(user, request.POST.get("round") or request.GET.get("round", ""))
    form = DraftForm(request.POST or None, initial=defaults(round_, user),
                     issuers=issuer_choices(round_, user), dossiers=free_dossiers(user, round_))
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.draft_decision(by=user, round=round_, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft is saved. Check the annex, then issue it."))
            return redirect("awards:draft_detail", pk=draft.pk)
    return render(request, "awards/decisions/draft_new.html", {"form": form, "round": round_})


def chosen_round(user, value: str) -> Round:
    pk = parse_id(value)
    if pk is None:
        raise Http404
    return get_object_or_404(queries.rounds_with_voted_dossiers(user), pk=pk)


def defaults(round_: Round, user) -> dict:
    date = timezone.localdate()
    issuers = issuer_choices(round_, user)
    wanted = province_of(round_.organiser) if round_.deciding_level == DecidingLevel.PROVINCE \
        else round_.organiser
    issuer = issuers.filter(pk=wanted.pk).first() or issuers.last()
    return {"issuer": issuer, "date": date, "number_symbol": "QĐ-UBND",
            "decided_by": AUTHORITY_OF_LEVEL.get(round_.deciding_level, ""),
            "legal_basis": default_basis(date), "period": f"Năm {round_.year}",
            "period_start_year": round_.year, "period_end_year": round_.year,
            "proposals": list(free_dossiers(user, round_))}


def default_basis(date: datetime.date) -> str:
    return "\n".join([LAW_2022, DECREE_152 if date >= DECREE_152_FROM else DECREE_98])


def province_of(unit: Unit) -> Unit:
    return Unit.objects.get(pk=int(unit.path.strip("/").split("/")[0]))


def issuer_choices(round_: Round, user) -> QuerySet[Unit]:
    """The organising body and the bodies above it, inside the user's scope."""
    ids = [int(pk) for pk in round_.organiser.path.strip("/").split("/")]
    return unit_queries.visible_to(user).filter(pk__in=ids).order_by("depth")


def free_dossiers(user, round_: Round, draft: DecisionDraft | None = None) -> QuerySet[Proposal]:
    """Voted dossiers of the round in the user's scope that no other open draft holds."""
    busy = DraftDossier.objects.filter(draft__state=DraftState.DRAFT)
    if draft is not None:
        busy = busy.exclude(draft=draft)
    return queries.voted_dossiers(user, round_).exclude(
        pk__in=busy.values("proposal_id")).select_related("unit").order_by("unit_name", "pk")


@login_required
def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    draft = get_object_or_404(queries.drafts_visible_to(user).select_related(
        "round__organiser", "issuer", "decision", "created_by", "issued_by"), pk=pk)
    editable = draft.state == DraftState.DRAFT and queries.may_draft(user)
    form = draft_form(request, draft) if editable else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.update_draft(by=user, draft=draft, version=version_posted(request),
                                  **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("awards:draft_detail", pk=draft.pk)
    lines = list(draft.lines.select_related("award_type", "nominee__proposal")
                 .order_by("position"))
    return render(request, "awards/decisions/draft_detail.html", {
        "draft": draft, "form": form, "sections": annex_sections(lines),
        "line_count": len(lines), "dossiers": draft.dossiers.select_related("proposal"),
        "may_issue": draft.state == DraftState.DRAFT and queries.may_decide(user),
    })


def draft_form(request: HttpRequest, draft: DecisionDraft) -> DraftForm:
    initial = {name: getattr(draft, name) for name in HEADER_FIELDS}
    initial["proposals"] = list(draft.proposals.values_list("pk", flat=True))
    return DraftForm(request.POST or None, initial=initial,
                     issuers=issuer_choices(draft.round, request.user),
                     dossiers=free_dossiers(request.user, draft.round, draft))


def annex_sections(lines: list[AnnexLine]) -> list[dict]:
    """The annex as printed: one section per awardee type and title, numbered inside it."""
    def key(line: AnnexLine) -> tuple:
        return line.subject_kind, line.award_type_id

    return [{"kind": group[0].get_subject_kind_display(), "award": group[0].award_type,
             "lines": group}
            for group in (list(items) for _key, items in groupby(lines, key=key))]


@login_required
@require_POST
def draft_issue(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    draft = get_object_or_404(queries.drafts_visible_to(user), pk=pk)
    require(queries.may_decide(user))
    try:
        decision = services.issue_decision(by=user, draft=draft, version=version_posted(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("awards:draft_detail", pk=draft.pk)
    messages.success(request, _("Decision %(number)s is issued: %(count)s awards are in the "
                                "register.") % {"number": decision.number,
                                                "count": decision.awards.count()})
    return redirect("awards:decision_detail", pk=decision.pk)


@login_required
@require_POST
def draft_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    draft = get_object_or_404(queries.drafts_visible_to(user), pk=pk)
    require(queries.may_draft(user))
    try:
        services.cancel_draft(by=user, draft=draft, version=version_posted(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The draft is cancelled; its dossiers may go into another "
                                    "draft."))
    return redirect("awards:draft_detail", pk=draft.pk)
