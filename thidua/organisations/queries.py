"""Reads of units: subtrees, lineage, and what a user may see."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from thidua.organisations.models import LineageEvent, Unit


def predecessor_ids(unit_ids: Iterable[int]) -> set[int]:
    """Every unit that became one of `unit_ids`, transitively (rename, merge, split, …)."""
    return _walk(set(unit_ids), backwards=True)


def successor_ids(unit_ids: Iterable[int]) -> set[int]:
    """Every unit that one of `unit_ids` became, transitively."""
    return _walk(set(unit_ids), backwards=False)


def lineage_ids(unit_ids: Iterable[int]) -> set[int]:
    """The units themselves with all their predecessors and successors."""
    ids = set(unit_ids)
    return predecessor_ids(ids) | successor_ids(ids)


def _walk(start: set[int], *, backwards: bool) -> set[int]:
    pred = LineageEvent.predecessors.through
    succ = LineageEvent.successors.through
    seen, frontier = set(start), set(start)
    while frontier:
        if backwards:
            events = succ.objects.filter(unit_id__in=frontier).values("lineageevent_id")
            found = pred.objects.filter(lineageevent_id__in=events).values_list("unit_id", flat=True)
        else:
            events = pred.objects.filter(unit_id__in=frontier).values("lineageevent_id")
            found = succ.objects.filter(lineageevent_id__in=events).values_list("unit_id", flat=True)
        frontier = set(found) - seen
        seen |= frontier
    return seen


def scope_paths(user) -> list[str] | None:
    """Cached per user object (one request); see _scope_paths."""
    if not hasattr(user, "_thidua_scope"):
        user._thidua_scope = _scope_paths(user)
    return user._thidua_scope


def _scope_paths(user) -> list[str] | None:
    """Path prefixes of the subtrees `user` may see; None means everything, [] nothing.

    An officer sees their unit's subtree and the subtrees of the units it succeeded (so the
    officer of Phú Quý special zone sees what Phú Quý district recorded before 1 July 2025).
    A reviewer sees the whole province their unit belongs to, with its history.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if user.is_superuser or user.role == "admin":
        return None
    if user.unit_id is None:
        return []
    root = user.unit
    if not root.path:  # a unit saved around the services, without its place in the tree
        return []
    if user.is_province_wide:  # reviewers: the whole province their unit belongs to
        root = Unit.objects.get(pk=int(root.path.strip("/").split("/")[0]))
    ids = predecessor_ids([root.pk])
    paths = sorted(Unit.objects.filter(pk__in=ids).values_list("path", flat=True))
    # Drop prefixes already covered by a shorter one.
    return [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]


def in_scope(paths: list[str] | None, field: str = "path") -> Q:
    """A filter on a unit path field for the given scope (see scope_paths)."""
    if paths is None:
        return Q()
    if not paths:
        return Q(pk__in=[])
    query = Q()
    for prefix in paths:
        query |= Q(**{f"{field}__startswith": prefix})
    return query


def visible_to(user) -> QuerySet[Unit]:
    return Unit.objects.filter(in_scope(scope_paths(user)))


def subtree(unit: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(path__startswith=unit.path)


def roots() -> QuerySet[Unit]:
    return Unit.objects.filter(parent__isnull=True)


def match_by_name(name: str) -> Unit | None:
    """The unit whose accent-folded name equals `name`'s; the current one when several match."""
    from thidua.core.text import fold

    candidates = list(Unit.objects.filter(name_folded=fold(name)).order_by("-valid_from", "-id")[:5])
    current = [u for u in candidates if u.valid_to is None]
    return (current or candidates or [None])[0]
