"""API: units and their lineage through renames, mergers and splits."""

import datetime

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from thidua.accounts.api_errors import get_or_404
from thidua.core.api import DETAIL_ERRORS, LIST_ERRORS, Pagination
from thidua.core.ids import MAX_ID
from thidua.core.text import fold
from thidua.organisations import queries
from thidua.organisations.models import LineageEvent, Unit

router = Router(tags=["units"])


class UnitRef(Schema):
    """A unit as another record links to it."""

    id: int
    code: str
    name: str


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str = Field(description="Unit type code (province, district, commune, …).")
    kind_label: str
    parent: UnitRef | None = Field(description="null when outside what you may see.")
    depth: int
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    is_current: bool

    @staticmethod
    def resolve_kind_label(unit: Unit) -> str:
        return str(unit.get_kind_display())

    @staticmethod
    def resolve_parent(unit: Unit, context) -> Unit | None:
        return visible_or_none(context["request"].auth, unit.parent)

    @staticmethod
    def resolve_is_current(unit: Unit) -> bool:
        return unit.is_current(timezone.localdate())


class LineageLink(Schema):
    """One unit on the other side of a lineage event."""

    kind: str = Field(description="rename, merge, split, dissolve, transfer or establish.")
    kind_label: str
    date: datetime.date
    basis: str
    unit: UnitRef


class UnitDetail(UnitOut):
    address: str
    predecessors: list[LineageLink] = Field(
        description="Units this one came from, with the event and its date.")
    successors: list[LineageLink] = Field(description="Units this one became.")


class UnitFilter(Schema):
    search: str = Field("", max_length=100, description="Words of the name, accents optional.")
    current: bool | None = Field(None, description="true: units existing today; false: closed.")
    parent: int | None = Field(None, ge=1, le=MAX_ID,
                               description="Only the direct sub-units of this unit.")


def visible_or_none(user, unit: Unit | None) -> Unit | None:
    """`unit` when it lies inside the user's scope (no query: the scope is cached per user)."""
    if unit is None:
        return None
    paths = queries.scope_paths(user)
    return unit if paths is None or any(unit.path.startswith(p) for p in paths) else None


def lineage_links(user, unit: Unit, *, backwards: bool) -> list[dict]:
    """The direct predecessors (or successors) of `unit` that the user may see."""
    if backwards:
        events = LineageEvent.objects.filter(successors=unit).prefetch_related("predecessors")
    else:
        events = LineageEvent.objects.filter(predecessors=unit).prefetch_related("successors")
    links = []
    for event in events:
        others = event.predecessors.all() if backwards else event.successors.all()
        for other in others:
            if other.pk != unit.pk and visible_or_none(user, other):
                links.append({"kind": event.kind, "kind_label": str(event.get_kind_display()),
                              "date": event.date, "basis": event.basis, "unit": other})
    return links


def filter_units(units: QuerySet[Unit], filters: UnitFilter) -> QuerySet[Unit]:
    for word in fold(filters.search).split():
        units = units.filter(name_folded__contains=word)
    if filters.parent is not None:
        units = units.filter(parent_id=filters.parent)
    if filters.current is not None:
        today = timezone.localdate()
        current = (Q(valid_from__isnull=True) | Q(valid_from__lte=today)) & (
            Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        units = units.filter(current if filters.current else ~current)
    return units


@router.get("/units", response={200: list[UnitOut], **LIST_ERRORS}, summary="List units")
@paginate(Pagination)
def unit_list(request: HttpRequest, filters: Query[UnitFilter]):
    """Units you may see, in Vietnamese alphabetical order, with their validity dates.

    A unit that was renamed or reorganised is a closed record (`valid_to`) followed by a new
    one; `current=true` keeps only the units that exist today."""
    units = queries.visible_to(request.auth).select_related("parent")
    return filter_units(units, filters).order_by("sort_key", "id")


@router.get(
    "/units/{unit_id}", response={200: UnitDetail, **DETAIL_ERRORS},
    summary="One unit, with its lineage",
)
def unit_detail(request: HttpRequest, unit_id: int):
    """A unit with the units it came from and the units it became (rename, merger, split…),
    each with the kind and date of the event. Linked units outside your scope are left out."""
    unit = get_or_404(queries.visible_to(request.auth).select_related("parent"), unit_id)
    unit.predecessors = lineage_links(request.auth, unit, backwards=True)
    unit.successors = lineage_links(request.auth, unit, backwards=False)
    return unit
