"""Reads of the award register: scope, histories, lineage-aware collective awards."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from thidua.awards.models import Award, Decision, Initiative, Revocation
from thidua.organisations.models import Unit
from thidua.organisations.queries import in_scope, lineage_ids, scope_paths
from thidua.people.models import Person


def visible_to(user) -> QuerySet[Award]:
    """Awards of people and collectives inside the user's scope.

    Written as two `IN (subquery)` filters: the databases plan them far better than a join on
    unit paths across the whole register (1.2 s → 70 ms for an officer on 2M awards).
    """
    paths = scope_paths(user)
    if paths is None:
        return Award.objects.all()
    units = Unit.objects.filter(in_scope(paths)).values("pk")
    people = Person.objects.filter(unit__in=units).values("pk")
    return Award.objects.filter(Q(person__in=people) | Q(collective__in=units))


def decisions_visible_to(user) -> QuerySet[Decision]:
    """Decisions issued inside the scope, under which a visible award was given, or revoking
    a visible award."""
    paths = scope_paths(user)
    if paths is None:
        return Decision.objects.all()
    awards = visible_to(user)
    revoking = Revocation.objects.filter(award__in=awards.values("pk")).values("decision_id")
    return Decision.objects.filter(
        in_scope(paths, "issuer__path") | Q(pk__in=awards.values("decision_id"))
        | Q(pk__in=revoking)
    )


def initiatives_visible_to(user) -> QuerySet[Initiative]:
    return Initiative.objects.filter(in_scope(scope_paths(user), "person__unit__path"))


def with_status(queryset: QuerySet[Award]) -> QuerySet[Award]:
    """Annotate `revoked` (a later decision revoked the award)."""
    return queryset.annotate(revoked=Exists(Revocation.objects.filter(award=OuterRef("pk"))))


def in_force(queryset: QuerySet[Award]) -> QuerySet[Award]:
    return queryset.exclude(Exists(Revocation.objects.filter(award=OuterRef("pk"))))


def history_of_person(person) -> QuerySet[Award]:
    return with_status(
        Award.objects.filter(person=person).select_related(
            "award_type", "decision", "revocation__decision"
        ).order_by("year", "decision__date", "id")
    )


def history_of_collective(unit, *, follow_lineage: bool = True) -> QuerySet[Award]:
    """Awards of a collective, with those of its predecessors and successors when asked."""
    ids = lineage_ids([unit.pk]) if follow_lineage else {unit.pk}
    return with_status(
        Award.objects.filter(collective_id__in=ids).select_related(
            "award_type", "decision", "collective", "revocation__decision"
        ).order_by("year", "decision__date", "id")
    )
