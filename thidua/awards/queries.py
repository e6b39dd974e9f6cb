"""Reads of the award register: scope, histories, lineage-aware collective awards."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from thidua.accounts.choices import PROVINCE_WIDE, Role
from thidua.awards.models import (
    Award,
    Decision,
    DecisionDraft,
    DecisionFile,
    Initiative,
    Revocation,
)
from thidua.organisations.models import Unit
from thidua.organisations.queries import in_scope, lineage_ids, scope_paths
from thidua.people.models import Person
from thidua.proposals.choices import State
from thidua.proposals.models import Proposal, Round


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


def decision_files_visible_to(user, decision: Decision) -> QuerySet[DecisionFile]:
    """The files received with `decision` that `user` may open: the decision's own document
    (no dossier) for whoever sees the decision; a dossier's files for the province-wide roles
    and for those whose scope holds the dossier's unit (a unit unknown here: nobody else)."""
    files = DecisionFile.objects.filter(decision=decision)
    paths = scope_paths(user)
    if paths is None or getattr(user, "role", None) in PROVINCE_WIDE:
        return files
    return files.filter(Q(dossier="") | (Q(unit__isnull=False) & in_scope(paths, "unit__path")))


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


# -- decision drafts and revocations ---------------------------------------------------------
# Who may prepare a decision draft, and who may issue it or revoke awards (the leader signs
# decisions and does nothing else).
DRAFTERS = frozenset({Role.ADMIN, Role.REVIEWER, Role.OFFICER, Role.LEADER})
DECIDERS = frozenset({Role.ADMIN, Role.REVIEWER, Role.LEADER})


def may_draft(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in DRAFTERS)


def may_decide(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in DECIDERS)


def sees_unit(user, unit: Unit | None) -> bool:
    """The unit lies inside the user's scope."""
    paths = scope_paths(user)
    if paths is None:
        return True
    return unit is not None and any(unit.path.startswith(path) for path in paths)


def drafts_visible_to(user) -> QuerySet[DecisionDraft]:
    """Drafts whose issuing body lies inside the user's scope."""
    return DecisionDraft.objects.filter(in_scope(scope_paths(user), "issuer__path"))


def rounds_with_voted_dossiers(user) -> QuerySet[Round]:
    """Rounds that have a dossier inside the user's scope waiting for a decision."""
    return Round.objects.filter(pk__in=voted_dossiers(user).values("round_id")).order_by(
        "-year", "name")


def voted_dossiers(user, round_: Round | None = None) -> QuerySet[Proposal]:
    """Dossiers inside the user's scope that the council voted on and no decision covers yet."""
    dossiers = Proposal.objects.filter(in_scope(scope_paths(user), "unit__path"),
                                       state=State.VOTED)
    return dossiers.filter(round=round_) if round_ is not None else dossiers
