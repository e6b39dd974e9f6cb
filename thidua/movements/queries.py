"""Reads of clusters: scope and the year-by-year view of members and chairs."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from thidua.movements.models import Cluster, ClusterMember, ClusterYear
from thidua.organisations.queries import in_scope, scope_paths


def visible_to(user) -> QuerySet[Cluster]:
    """Clusters organised in the scope, or with a member unit in it."""
    paths = scope_paths(user)
    if paths is None:
        return Cluster.objects.all()
    members = ClusterMember.objects.filter(cluster_year__cluster=OuterRef("pk")).filter(
        in_scope(paths, "unit__path")
    )
    return Cluster.objects.filter(in_scope(paths, "organiser__path") | Exists(members))


def years_of(cluster: Cluster) -> QuerySet[ClusterYear]:
    return cluster.years.select_related("chair", "vice_chair").prefetch_related(
        Prefetch("members", queryset=ClusterMember.objects.select_related("unit"))
    ).order_by("year")
