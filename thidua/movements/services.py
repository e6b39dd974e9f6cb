"""Every write to clusters, their years and chair handovers (actor as `by=`)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean
from thidua.movements.models import ChairHandover, Cluster, ClusterMember, ClusterYear


@transaction.atomic
def create_cluster(*, by, code: str, name: str, organiser, kind: str = "cluster",
                   managing_council: str = "", valid_from=None, valid_to=None,
                   note: str = "") -> Cluster:
    cluster = Cluster(code=code, name=clean(name), organiser=organiser, kind=kind,
                      managing_council=clean(managing_council), valid_from=valid_from,
                      valid_to=valid_to, note=clean(note))
    cluster.full_clean()
    cluster.save()
    log_action("thidua.cluster.created", by=by, obj=cluster, after=snapshot(cluster))
    return cluster


@transaction.atomic
def set_cluster_year(*, by, cluster: Cluster, year: int, members: list, chair=None,
                     vice_chair=None, covenant_signed_on: datetime.date | None = None,
                     note: str = "") -> ClusterYear:
    """Members, chair and vice-chair of a cluster for one year, with their names of that year."""
    member_ids = {unit.pk for unit in members}
    for role, unit in ((_("chair"), chair), (_("vice-chair"), vice_chair)):
        if unit is not None and unit.pk not in member_ids:
            raise ValidationError(_("The %(role)s must be a member of the cluster that year.")
                                  % {"role": role})
    cluster_year, _created = ClusterYear.objects.update_or_create(
        cluster=cluster, year=year,
        defaults={"chair": chair, "chair_name": chair.name if chair else "",
                  "vice_chair": vice_chair, "vice_chair_name": vice_chair.name if vice_chair else "",
                  "covenant_signed_on": covenant_signed_on, "note": clean(note)},
    )
    cluster_year.members.exclude(unit_id__in=member_ids).delete()
    existing = set(cluster_year.members.values_list("unit_id", flat=True))
    ClusterMember.objects.bulk_create(
        ClusterMember(cluster_year=cluster_year, unit=unit, unit_name=unit.name)
        for unit in members if unit.pk not in existing
    )
    log_action("thidua.cluster.year_set", by=by, obj=cluster_year, after={
        "year": year, "members": sorted(member_ids), "chair": chair.pk if chair else None,
        "vice_chair": vice_chair.pk if vice_chair else None,
    })
    return cluster_year


@transaction.atomic
def hand_over_chair(*, by, cluster: Cluster, for_year: int, date: datetime.date, from_unit,
                    to_unit, note: str = "") -> ChairHandover:
    """Record who handed the chair to whom, and when; `to_unit` chairs `for_year`."""
    if from_unit.pk == to_unit.pk:
        raise ValidationError(_("The chair cannot be handed over to the same unit."))
    handover = ChairHandover(cluster=cluster, for_year=for_year, date=date, from_unit=from_unit,
                             from_name=from_unit.name, to_unit=to_unit, to_name=to_unit.name,
                             note=clean(note))
    handover.full_clean()
    handover.save()
    log_action("thidua.cluster.chair_handed_over", by=by, obj=handover, after=snapshot(handover))
    return handover
