"""API: the catalogue, decisions and the award register (person and collective histories)."""

import datetime

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from thidua.accounts.api_errors import get_or_404
from thidua.awards import queries
from thidua.awards.models import Award, AwardType, Decision
from thidua.core.api import DETAIL_ERRORS, LIST_ERRORS, Pagination
from thidua.core.ids import MAX_ID
from thidua.core.text import clean
from thidua.organisations import queries as unit_queries
from thidua.organisations.api import UnitRef, visible_or_none

router = Router(tags=["awards"])


class AwardTypeOut(Schema):
    code: str
    name: str
    short_name: str
    category: str = Field(description="title, certificate, order, medal, …")
    category_label: str
    level: str = Field(description="co_so, bo_tinh or nha_nuoc.")
    level_label: str
    subjects: list[str] = Field(description="individual, collective, household, enterprise.")
    kind: str = Field(description="Default kind of award (cong_trang, …).")
    authorities: list[str] = Field(description="Authorities that may award it since 1 July 2025.")
    is_annual: bool
    legal_basis: str
    active: bool

    @staticmethod
    def resolve_kind(award_type: AwardType) -> str:
        return award_type.default_kind

    @staticmethod
    def resolve_category_label(award_type: AwardType) -> str:
        return str(award_type.get_category_display())

    @staticmethod
    def resolve_level_label(award_type: AwardType) -> str:
        return str(award_type.get_level_display())


class DecisionRef(Schema):
    """A decision with the issuer's name as it was on the decision date."""

    id: int
    number: str
    date: datetime.date
    issuer_name: str


class DecisionOut(DecisionRef):
    issuer: UnitRef | None = Field(description="null when outside what you may see.")
    decided_by: str = Field(description="Authority code (provincial_chair, …), may be empty.")
    signer_name: str
    signer_title: str
    period: str

    @staticmethod
    def resolve_issuer(decision: Decision, context):
        return visible_or_none(context["request"].auth, decision.issuer)


class DecisionDetail(DecisionOut):
    legal_basis: str
    awards_in_force: int = Field(description="Awards in force under it, within your scope.")


class RevocationOut(Schema):
    decision: DecisionRef
    reason: str
    basis: str


class AwardOut(Schema):
    id: int
    code: str = Field(description="Catalogue code of the title or form.")
    name: str
    category: str
    level: str
    year: int | None = Field(description="Achievement year written in the decision.")
    kind: str = Field(description="cong_trang, dot_xuat, chuyen_de, cong_hien, nien_han, …")
    kind_label: str
    person_id: int | None
    collective_id: int | None
    awardee_name: str = Field(description="The awardee's name as written in the decision.")
    unit_name: str = Field(description="The unit's name at the time of the award.")
    register_number: str
    decision: DecisionRef
    status: str = Field(description="in_force, or revoked by a later decision.")
    revocation: RevocationOut | None

    @staticmethod
    def resolve_code(award: Award) -> str:
        return award.award_type.code

    @staticmethod
    def resolve_name(award: Award) -> str:
        return award.award_type.name

    @staticmethod
    def resolve_category(award: Award) -> str:
        return award.award_type.category

    @staticmethod
    def resolve_level(award: Award) -> str:
        return award.award_type.level

    @staticmethod
    def resolve_kind_label(award: Award) -> str:
        return str(award.get_kind_display())

    @staticmethod
    def resolve_status(award: Award) -> str:
        return "revoked" if award.is_revoked else "in_force"

    @staticmethod
    def resolve_revocation(award: Award):
        return getattr(award, "revocation", None)


class CollectiveAwardOut(AwardOut):
    collective: UnitRef | None = Field(description="The unit of its time (may be a predecessor).")

    @staticmethod
    def resolve_collective(award: Award, context):
        return visible_or_none(context["request"].auth, award.collective)


class DecisionFilter(Schema):
    year: int | None = Field(None, ge=1945, le=2100, description="Year of the decision date.")
    number: str = Field("", max_length=60, description="Decision number, exactly as written.")


class AwardFilter(Schema):
    person: int | None = Field(None, ge=1, le=MAX_ID, description="Awards of this person.")
    unit: int | None = Field(None, ge=1, le=MAX_ID,
                             description="Awards given in this unit or its sub-units.")
    code: str = Field("", max_length=60, description="Catalogue code (ldtt, cstd_co_so, …).")
    year: int | None = Field(None, ge=1945, le=2100, description="Achievement year.")


def with_details(queryset: QuerySet[Award]) -> QuerySet[Award]:
    """Awards with everything AwardOut shows, in one query."""
    return queryset.select_related("award_type", "decision", "revocation__decision")


def filter_awards(user, awards: QuerySet[Award], filters: AwardFilter) -> QuerySet[Award]:
    if filters.person is not None:
        awards = awards.filter(person_id=filters.person)
    if filters.unit is not None:
        path = (unit_queries.visible_to(user).filter(pk=filters.unit)
                .values_list("path", flat=True).first())
        if path is None:
            return awards.none()
        awards = awards.filter(Q(unit__path__startswith=path)
                               | Q(collective__path__startswith=path))
    if filters.code:
        awards = awards.filter(award_type__code=clean(filters.code))
    if filters.year is not None:
        awards = awards.filter(year=filters.year)
    return awards


@router.get(
    "/catalogue", response={200: list[AwardTypeOut], **LIST_ERRORS},
    tags=["catalogue"], summary="Catalogue of titles and award forms",
)
def catalogue(request: HttpRequest):
    """Every emulation title and award form with its code, category, level, eligible subjects,
    default kind and the authorities that may award it."""
    return AwardType.objects.order_by("sort_order", "code")


@router.get(
    "/decisions", response={200: list[DecisionOut], **LIST_ERRORS},
    tags=["decisions"], summary="List award decisions",
)
@paginate(Pagination)
def decision_list(request: HttpRequest, filters: Query[DecisionFilter]):
    """Decisions issued inside your scope or giving an award in it, newest first."""
    decisions = queries.decisions_visible_to(request.auth).select_related("issuer")
    if filters.year is not None:
        decisions = decisions.filter(date__year=filters.year)
    if filters.number:
        decisions = decisions.filter(number=clean(filters.number))
    return decisions.order_by("-date", "-id")


@router.get(
    "/decisions/{decision_id}", response={200: DecisionDetail, **DETAIL_ERRORS},
    tags=["decisions"], summary="One award decision",
)
def decision_detail(request: HttpRequest, decision_id: int):
    """A decision with its legal basis and the number of awards in force under it that lie
    within your scope."""
    decision = get_or_404(queries.decisions_visible_to(request.auth).select_related("issuer"),
                          decision_id)
    in_scope = queries.visible_to(request.auth).filter(decision=decision)
    decision.awards_in_force = queries.in_force(in_scope).count()
    return decision


@router.get(
    "/awards", response={200: list[AwardOut], **LIST_ERRORS},
    summary="Search the award register",
)
@paginate(Pagination)
def award_list(request: HttpRequest, filters: Query[AwardFilter]):
    """Awards of people and collectives within your scope, latest achievement year first,
    each with its decision and its status (in force, or revoked by a later decision)."""
    awards = filter_awards(request.auth, queries.visible_to(request.auth), filters)
    return with_details(awards).order_by("-year", "-id")


@router.get(
    "/units/{unit_id}/awards", response={200: list[CollectiveAwardOut], **DETAIL_ERRORS},
    tags=["units"], summary="Collective awards of a unit, across its lineage",
)
def unit_awards(request: HttpRequest, unit_id: int):
    """Awards the unit received as a collective, together with those of the units it came from
    and became (a district before 1 July 2025 and the special zone after it), oldest first."""
    unit = get_or_404(unit_queries.visible_to(request.auth), unit_id)
    visible = queries.visible_to(request.auth).values("pk")
    return queries.history_of_collective(unit).filter(pk__in=visible)
