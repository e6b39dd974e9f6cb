"""Cluster screens: the clusters a user may see, and one cluster year by year."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from thidua.core.text import unit_sort_key
from thidua.movements import queries as cluster_queries
from thidua.movements.models import ChairHandover, ClusterMember, ClusterYear
from thidua.organisations import queries as unit_queries


@dataclass
class YearView:
    """One year of a cluster: members in Vietnamese order, and the handover that opened it."""

    year: ClusterYear
    members: list[ClusterMember]
    handover: ChairHandover | None


@login_required
def cluster_list(request: HttpRequest) -> HttpResponse:
    years = ClusterYear.objects.select_related("chair").annotate(member_count=Count("members"))
    clusters = (cluster_queries.visible_to(request.user).select_related("organiser")
                .prefetch_related(Prefetch("years", queryset=years.order_by("-year"))))
    return render(request, "movements/cluster_list.html", {"clusters": clusters})


@login_required
def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = get_object_or_404(
        cluster_queries.visible_to(request.user).select_related("organiser"), pk=pk)
    handovers = list(cluster.handovers.order_by("for_year", "date"))
    by_year = {handover.for_year: handover for handover in handovers}
    years = [YearView(year, sorted(year.members.all(), key=member_order), by_year.get(year.year))
             for year in cluster_queries.years_of(cluster).reverse()]
    named = {m.unit_id for view in years for m in view.members} | {cluster.organiser_id}
    return render(request, "movements/cluster_detail.html", {
        "cluster": cluster, "years": years, "handovers": handovers,
        "linkable": set(unit_queries.visible_to(request.user).filter(pk__in=named)
                        .values_list("pk", flat=True)),
    })


def member_order(member: ClusterMember) -> str:
    return unit_sort_key(member.unit_name)
