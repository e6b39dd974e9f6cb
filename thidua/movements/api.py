"""API: emulation clusters and blocks, year by year, with the handovers of their chair."""

import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema

from thidua.accounts.api_errors import get_or_404
from thidua.core.api import DETAIL_ERRORS, LIST_ERRORS
from thidua.movements import queries
from thidua.movements.models import Cluster
from thidua.organisations.api import UnitRef, visible_or_none

router = Router(tags=["clusters"])


class ClusterOut(Schema):
    id: int
    code: str
    name: str
    kind: str = Field(description="cluster (cụm) or block (khối).")
    organiser: UnitRef | None = Field(description="null when outside what you may see.")
    managing_council: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None

    @staticmethod
    def resolve_organiser(cluster: Cluster, context):
        return visible_or_none(context["request"].auth, cluster.organiser)


class MemberOut(Schema):
    unit_id: int
    unit_name: str = Field(description="The member's name that year.")


class ClusterYearOut(Schema):
    year: int
    chair_id: int | None
    chair_name: str
    vice_chair_id: int | None
    vice_chair_name: str
    covenant_signed_on: datetime.date | None
    members: list[MemberOut]

    @staticmethod
    def resolve_members(cluster_year) -> list:
        return list(cluster_year.members.all())


class HandoverOut(Schema):
    for_year: int = Field(description="The year the receiving unit chairs the cluster.")
    date: datetime.date
    from_unit_id: int
    from_name: str
    to_unit_id: int
    to_name: str
    note: str


class ClusterDetail(ClusterOut):
    note: str
    years: list[ClusterYearOut]
    handovers: list[HandoverOut]

    @staticmethod
    def resolve_years(cluster: Cluster) -> list:
        return list(queries.years_of(cluster))

    @staticmethod
    def resolve_handovers(cluster: Cluster) -> list:
        return list(cluster.handovers.order_by("for_year"))


@router.get(
    "/clusters", response={200: list[ClusterOut], **LIST_ERRORS},
    summary="List emulation clusters and blocks",
)
def cluster_list(request: HttpRequest):
    """Clusters organised inside your scope or with a member unit in it."""
    return queries.visible_to(request.auth).select_related("organiser").order_by("code")


@router.get(
    "/clusters/{cluster_id}", response={200: ClusterDetail, **DETAIL_ERRORS},
    summary="One cluster, year by year",
)
def cluster_detail(request: HttpRequest, cluster_id: int):
    """Members, chair and vice-chair of each year (names of that year), and the handovers of
    the chair (who handed it to whom, and when)."""
    return get_or_404(queries.visible_to(request.auth).select_related("organiser"), cluster_id)
