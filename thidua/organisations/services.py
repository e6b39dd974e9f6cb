"""Every write to units and their lineage. The actor is always passed as `by=`."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean, fold, unit_sort_key
from thidua.organisations.choices import LineageKind
from thidua.organisations.models import CollectiveRating, LineageEvent, Unit


def _set_names(unit: Unit) -> None:
    unit.name = clean(unit.name)
    unit.short_name = clean(unit.short_name)
    unit.name_folded = fold(unit.name)[:255]
    unit.sort_key = unit_sort_key(unit.name)


@transaction.atomic
def create_unit(*, by, code: str, name: str, kind: str, parent: Unit | None = None,
                valid_from: datetime.date | None = None, valid_to: datetime.date | None = None,
                short_name: str = "", address: str = "") -> Unit:
    unit = Unit(code=code, name=name, kind=kind, parent=parent, valid_from=valid_from,
                valid_to=valid_to, short_name=short_name, address=address)
    _set_names(unit)
    unit.full_clean(exclude=["path"])
    unit.save()
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.depth = parent.depth + 1 if parent else 0
    unit.save(update_fields=["path", "depth"])
    log_action("thidua.unit.created", by=by, obj=unit, after=snapshot(unit))
    return unit


@transaction.atomic
def close_unit(*, by, unit: Unit, on: datetime.date) -> Unit:
    """End a unit's validity on the day before `on` (the day its successor starts)."""
    before = snapshot(unit, ["valid_to"])
    unit.valid_to = on - datetime.timedelta(days=1)
    unit.save(update_fields=["valid_to"])
    log_action("thidua.unit.closed", by=by, obj=unit, before=before,
               after=snapshot(unit, ["valid_to"]))
    return unit


@transaction.atomic
def record_lineage(*, by, kind: str, date: datetime.date, predecessors: list[Unit],
                   successors: list[Unit], basis: str = "", note: str = "") -> LineageEvent:
    """Link predecessors to successors and close the predecessors that stop existing."""
    if kind not in LineageKind.values:
        raise ValueError(_("Unknown lineage event kind: %(kind)s") % {"kind": kind})
    if kind != LineageKind.ESTABLISH and not predecessors:
        raise ValueError(_("A lineage event needs at least one predecessor unit."))
    if kind not in (LineageKind.DISSOLVE,) and not successors:
        raise ValueError(_("A lineage event needs at least one successor unit."))
    event = LineageEvent.objects.create(kind=kind, date=date, basis=clean(basis), note=clean(note))
    event.predecessors.set(predecessors)
    event.successors.set(successors)
    if kind != LineageKind.TRANSFER:
        for unit in predecessors:
            if unit.valid_to is None and unit not in successors:
                close_unit(by=by, unit=unit, on=date)
    log_action("thidua.unit.lineage_recorded", by=by, obj=event, after={
        "kind": kind, "date": date.isoformat(),
        "predecessors": [u.pk for u in predecessors], "successors": [u.pk for u in successors],
    })
    return event


@transaction.atomic
def rename_unit(*, by, unit: Unit, new_name: str, on: datetime.date, new_code: str,
                basis: str = "") -> Unit:
    """A rename opens a new record from `on`: the old name stays on what happened before."""
    successor = create_unit(by=by, code=new_code, name=new_name, kind=unit.kind,
                            parent=unit.parent, valid_from=on, short_name="",
                            address=unit.address)
    record_lineage(by=by, kind=LineageKind.RENAME, date=on, predecessors=[unit],
                   successors=[successor], basis=basis)
    return successor


@transaction.atomic
def record_collective_rating(*, by, unit: Unit, year: int, level: str,
                             member_count: int | None = None) -> CollectiveRating:
    rating, created = CollectiveRating.objects.update_or_create(
        unit=unit, year=year, defaults={"level": level, "member_count": member_count}
    )
    log_action("thidua.collective_rating.recorded", by=by, obj=rating,
               after=snapshot(rating, ["unit_id", "year", "level", "member_count"]))
    return rating
