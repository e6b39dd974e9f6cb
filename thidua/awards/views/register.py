"""Award register screens: the register with filters, the decisions, and one decision."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from thidua.awards import queries as award_queries
from thidua.awards.choices import AwardKind
from thidua.awards.models import Award, AwardType, DecisionDraft
from thidua.core.text import clean
from thidua.organisations import queries as unit_queries
from thidua.organisations.forms import unit_choices

IN_FORCE, REVOKED = "in_force", "revoked"
SELECT = forms.Select(attrs={"class": "form-select"})
YEAR = forms.NumberInput(attrs={"class": "form-control", "min": 1945, "max": 2100})
NOT_A_YEAR = {"invalid": _("Enter a year as a whole number, e.g. 2024.")}
TEXT = forms.TextInput(attrs={"class": "form-control"})


def award_code_choices() -> list[tuple[str, str]]:
    return [("", _("Any")), *AwardType.objects.values_list("code", "name")]


class AwardFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Achievement year"), required=False, widget=YEAR,
                              error_messages=NOT_A_YEAR, min_value=1945, max_value=2100)
    code = forms.ChoiceField(label=_("Title or form"), required=False, widget=SELECT)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=SELECT,
                             choices=[("", _("Any")), *AwardKind.choices])
    unit = forms.ModelChoiceField(
        label=_("Unit (with its sub-units)"), required=False, queryset=None,
        error_messages={"invalid_choice": _("This unit does not exist or is outside your scope.")},
    )
    status = forms.ChoiceField(label=_("Status"), required=False, widget=SELECT, choices=[
        ("", _("Any")), (IN_FORCE, _("In force")), (REVOKED, _("Revoked"))])
    decision = forms.CharField(label=_("Decision number"), required=False, max_length=60,
                               widget=TEXT)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only units the user may see are valid choices; the template renders them (unit_choices).
        self.fields["unit"].queryset = unit_queries.visible_to(user)
        # A list, not a callable: the select would run the catalogue query once per iteration.
        self.fields["code"].choices = award_code_choices()

    def clean_decision(self) -> str:
        # Upper case: SQLite folds the case of ASCII letters only, and numbers are written "QĐ".
        return clean(self.cleaned_data["decision"]).upper()


class DecisionFilterForm(forms.Form):
    number = forms.CharField(label=_("Decision number"), required=False, max_length=60,
                             widget=TEXT)
    year = forms.IntegerField(label=_("Year of decision"), required=False, widget=YEAR,
                              error_messages=NOT_A_YEAR, min_value=1945, max_value=2100)

    def clean_number(self) -> str:
        return clean(self.cleaned_data["number"]).upper()  # see AwardFilterForm.clean_decision


def valid_filters(form: forms.Form) -> dict:
    """The filters that passed validation; the others are reported on the page and ignored."""
    form.is_valid()
    return getattr(form, "cleaned_data", {})


def paginate(request: HttpRequest, queryset: QuerySet) -> Page:
    return Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def award_list(request: HttpRequest) -> HttpResponse:
    form = AwardFilterForm(request.GET or None, user=request.user)
    awards = filter_awards(award_queries.visible_to(request.user), valid_filters(form))
    # Newest entries first: the primary key order is indexed, so page 1 stays fast on 2M rows.
    awards = awards.select_related(
        "award_type", "decision", "person", "collective", "revocation__decision",
    ).order_by("-pk")
    return render(request, "awards/register/award_list.html", {
        "form": form, "page": paginate(request, awards),
        "unit_options": unit_choices(request.user),
        "may_revoke": award_queries.may_decide(request.user),
    })


def filter_awards(awards: QuerySet[Award], filters: dict) -> QuerySet[Award]:
    if filters.get("year") is not None:
        awards = awards.filter(year=filters["year"])
    if filters.get("code"):
        awards = awards.filter(award_type__code=filters["code"])
    if filters.get("kind"):
        awards = awards.filter(kind=filters["kind"])
    if unit := filters.get("unit"):
        units = unit_queries.subtree(unit)  # id IN (subtree): indexed, unlike a join on paths
        awards = awards.filter(Q(unit__in=units) | Q(collective__in=units))
    if filters.get("status") == IN_FORCE:
        awards = award_queries.in_force(awards)
    elif filters.get("status") == REVOKED:
        awards = awards.filter(revocation__isnull=False)
    if filters.get("decision"):
        awards = awards.filter(decision__number__icontains=filters["decision"])
    return awards


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    form = DecisionFilterForm(request.GET or None)
    filters = valid_filters(form)
    decisions = award_queries.decisions_visible_to(request.user)
    if filters.get("number"):
        decisions = decisions.filter(number__icontains=filters["number"])
    if filters.get("year") is not None:
        decisions = decisions.filter(date__year=filters["year"])
    page = paginate(request, decisions.order_by("-date", "-pk"))
    count_visible_awards(request.user, page)
    return render(request, "awards/register/decision_list.html", {"form": form, "page": page})


def count_visible_awards(user, page: Page) -> None:
    """Set `award_count` on the decisions of one page: the awards this user may see under each."""
    decisions = list(page)
    counts = dict(
        award_queries.visible_to(user).filter(decision__in=[d.pk for d in decisions])
        .order_by().values_list("decision_id").annotate(n=Count("pk"))
    ) if decisions else {}
    for decision in decisions:
        decision.award_count = counts.get(decision.pk, 0)


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    decision = get_object_or_404(award_queries.decisions_visible_to(user), pk=pk)
    # Only the awards inside the user's scope: a provincial decision lists many units.
    awards = award_queries.visible_to(user).filter(decision=decision).select_related(
        "award_type", "person", "collective", "revocation__decision").order_by("pk")
    visible_award = award_queries.visible_to(user).filter(pk=OuterRef("award_id"))
    revocations = decision.revocations.filter(Exists(visible_award)).select_related(
        "award__award_type", "award__decision").order_by("pk")
    issuer_visible = decision.issuer_id is not None and unit_queries.visible_to(user).filter(
        pk=decision.issuer_id).exists()
    draft = DecisionDraft.objects.filter(decision=decision).first()
    return render(request, "awards/register/decision_detail.html", {
        "decision": decision, "page": paginate(request, awards), "revocations": revocations,
        "issuer_visible": issuer_visible, "draft": draft,
        "received_files": award_queries.decision_files_visible_to(user, decision).order_by("pk"),
        "may_revoke": award_queries.may_decide(user),
    })
