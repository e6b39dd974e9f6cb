"""Reads of rounds and dossiers: who sees which dossier, the list's filters, the page's lines."""

from django.db.models import Count, Q, QuerySet

from thidua.accounts.choices import Role
from thidua.core.text import fold
from thidua.organisations.models import Unit
from thidua.organisations.queries import in_scope, predecessor_ids, scope_paths
from thidua.people.models import Person
from thidua.proposals.models import Nominee, Proposal, Round

# Roles that write dossiers; leaders and council members only read them.
WRITERS = frozenset({Role.ADMIN, Role.REVIEWER, Role.OFFICER})
# Roles that manage rounds.
ORGANISERS = frozenset({Role.ADMIN, Role.REVIEWER})


def proposal_paths(user) -> list[str] | None:
    """The unit subtrees whose dossiers `user` may see (None: all). As organisations'
    scope_paths, except that council members see the whole province, like reviewers: the
    council considers the dossiers of every unit."""
    if getattr(user, "role", "") == Role.COUNCIL_MEMBER and user.is_active and user.unit_id:
        return province_paths(user.unit)
    return scope_paths(user)


def province_paths(unit: Unit) -> list[str]:
    """The subtrees of the province `unit` belongs to, with the provinces it succeeded."""
    if not unit.path:  # a unit saved around the services, without its place in the tree
        return []
    root_id = int(unit.path.strip("/").split("/")[0])
    paths = sorted(Unit.objects.filter(pk__in=predecessor_ids([root_id]))
                   .values_list("path", flat=True))
    return [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]


def unit_paths(unit: Unit) -> list[str]:
    """The subtree of a proposing unit with the units it succeeded: the people and
    collectives its dossiers may name (a special zone proposes the former district's staff)."""
    paths = sorted(Unit.objects.filter(pk__in=predecessor_ids([unit.pk]))
                   .values_list("path", flat=True))
    return [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]


def visible_to(user) -> QuerySet[Proposal]:
    """The dossiers `user` may open: officers and leaders their unit's subtree, reviewers
    and the council their province, administrators all."""
    paths = proposal_paths(user)
    if paths is None:
        return Proposal.objects.all()
    return Proposal.objects.filter(unit__in=Unit.objects.filter(in_scope(paths)).values("pk"))


def get_visible(user, pk: int) -> Proposal:
    """The dossier, or Proposal.DoesNotExist when it does not exist or lies outside the scope."""
    return visible_to(user).select_related("round", "unit", "decision").get(pk=pk)


def may_write(user) -> bool:
    return user.is_superuser or user.role in WRITERS


def may_organise(user) -> bool:
    return user.is_superuser or user.role in ORGANISERS


def rounds() -> QuerySet[Round]:
    """Every round, the latest first (rounds are not confidential)."""
    return Round.objects.select_related("organiser")


def filter_proposals(proposals: QuerySet[Proposal], *, round_=None, state: str = "",
                     unit: Unit | None = None, text: str = "") -> QuerySet[Proposal]:
    """The list's filters: round, state, a unit with its sub-units, and accent-free words of
    the number, title or unit name."""
    if round_ is not None:
        proposals = proposals.filter(round=round_)
    if state:
        proposals = proposals.filter(state=state)
    if unit is not None:
        proposals = proposals.filter(unit__in=Unit.objects.filter(
            path__startswith=unit.path).values("pk"))
    query = Q()
    for word in fold(text).split():
        query &= Q(search_key__contains=word)
    return proposals.filter(query)


def nominee_counts(proposals: list[Proposal]) -> dict[int, int]:
    """{dossier id: number of lines}, one grouped query."""
    if not proposals:
        return {}
    return dict(Nominee.objects.filter(proposal__in=[p.pk for p in proposals]).order_by()
                .values_list("proposal_id").annotate(n=Count("pk")))


def lines_of(proposal: Proposal) -> QuerySet[Nominee]:
    return (proposal.nominees.select_related("award_type", "person", "collective")
            .order_by("position", "id"))


def lines_on_page(proposal: Proposal) -> QuerySet[Nominee]:
    """The lines as the dossier page shows them: the title or form's name without its JSON
    columns (decoded again for every line, they were a third of a 300-line page's time), and
    neither the person nor the collective, which the page only links to by id."""
    return (proposal.nominees.select_related("award_type")
            .defer("award_type__subjects", "award_type__authorities", "award_type__aliases")
            .order_by("position", "id"))


def people_for(proposal: Proposal, user) -> QuerySet[Person]:
    """The people a dossier may name: in the proposing unit's subtree (with the units it
    succeeded) and in the user's own scope."""
    people = Person.objects.filter(
        unit__in=Unit.objects.filter(in_scope(unit_paths(proposal.unit))).values("pk"))
    paths = scope_paths(user)
    if paths is not None:
        people = people.filter(unit__in=Unit.objects.filter(in_scope(paths)).values("pk"))
    return people


def collectives_for(proposal: Proposal, user) -> QuerySet[Unit]:
    """The units a dossier may propose as collectives: the proposing unit's subtree, in the
    user's scope, still existing."""
    units = Unit.objects.filter(in_scope(unit_paths(proposal.unit)), valid_to__isnull=True)
    paths = scope_paths(user)
    if paths is not None:
        units = units.filter(in_scope(paths))
    return units.order_by("path")
