"""Unit screens: the tree of the units a user may see, and one unit with its lineage and awards."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from thidua.awards import queries as award_queries
from thidua.core.text import fold
from thidua.organisations import queries as unit_queries
from thidua.organisations.forms import CURRENT, HISTORICAL, UnitFilterForm
from thidua.organisations.models import LineageEvent, Unit
from thidua.people import queries as people_queries


@dataclass
class Node:
    """A unit in the displayed tree; `matched` is false for ancestors shown only as context."""

    unit: Unit
    current: bool
    matched: bool
    children: list["Node"] = field(default_factory=list)


@login_required
def tree(request: HttpRequest) -> HttpResponse:
    form = UnitFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    visible = unit_queries.visible_to(request.user)
    matches = filter_units(visible, filters, today)
    units = matches + ancestors_of(visible, matches)
    roots = build_tree(units, {unit.pk for unit in matches}, today)
    filtered = bool(filters.get("q") or filters.get("status"))
    return render(request, "organisations/tree.html", {
        "form": form, "roots": roots, "filtered": filtered, "match_count": len(matches),
    })


def current_on(today: datetime.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=today)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=today))


def filter_units(units: QuerySet[Unit], filters: dict, today: datetime.date) -> list[Unit]:
    """Units whose accent-folded name holds every word searched, current or closed as asked."""
    for word in fold(filters.get("q", "")).split():
        units = units.filter(name_folded__contains=word)
    if filters.get("status") == CURRENT:
        units = units.filter(current_on(today))
    elif filters.get("status") == HISTORICAL:
        units = units.filter(valid_to__lt=today)
    return list(units)


def ancestors_of(visible: QuerySet[Unit], units: list[Unit]) -> list[Unit]:
    """The visible ancestors of `units` not already among them, so that matches keep their place."""
    have = {unit.pk for unit in units}
    wanted = {int(pk) for unit in units for pk in unit.path.strip("/").split("/")[:-1]} - have
    return list(visible.filter(pk__in=wanted)) if wanted else []


def build_tree(units: list[Unit], matched: set[int], today: datetime.date) -> list[Node]:
    """Nest units under their parents; a unit whose parent is not shown becomes a root.
    Siblings: current units first, then Vietnamese name order."""
    nodes = {unit.pk: Node(unit, unit.is_current(today), unit.pk in matched) for unit in units}
    roots: list[Node] = []
    for node in nodes.values():
        parent = nodes.get(node.unit.parent_id)
        (parent.children if parent else roots).append(node)
    for siblings in [roots, *(node.children for node in nodes.values())]:
        siblings.sort(key=lambda node: (not node.current, node.unit.sort_key, node.unit.pk))
    return roots


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    visible = unit_queries.visible_to(user)
    unit = get_object_or_404(visible.select_related("parent"), pk=pk)
    today = timezone.localdate()
    events = lineage_events(unit)
    children = sorted(visible.filter(parent=unit),
                      key=lambda child: (not child.is_current(today), child.sort_key))
    return render(request, "organisations/detail.html", {
        "unit": unit,
        "current": unit.is_current(today),
        "children": children,
        "events": events,
        "linkable": visible_ids(user, units_named_in(unit, events)),
        "ratings": unit.ratings.order_by("-year"),
        "awards": award_queries.history_of_collective(unit).filter(collective__in=visible)
        .reverse(),
        "people_count": people_queries.visible_to(user)
        .filter(unit__in=unit_queries.subtree(unit)).count(),
    })


def lineage_events(unit: Unit) -> list[LineageEvent]:
    """Every event that led to this unit, and every event that followed it, transitively."""
    earlier = unit_queries.predecessor_ids([unit.pk])
    later = unit_queries.successor_ids([unit.pk])
    return list(
        LineageEvent.objects.filter(Q(successors__in=earlier) | Q(predecessors__in=later))
        .distinct().prefetch_related("predecessors", "successors")
    )


def units_named_in(unit: Unit, events: list[LineageEvent]) -> set[int]:
    ids = {unit.parent_id} if unit.parent_id else set()
    for event in events:
        ids |= {u.pk for u in event.predecessors.all()} | {u.pk for u in event.successors.all()}
    return ids


def visible_ids(user, ids: Iterable[int]) -> set[int]:
    """Which of these units the user may open (the others are shown as names only)."""
    ids = set(ids)
    if not ids:
        return set()
    return set(unit_queries.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
