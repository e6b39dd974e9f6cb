"""Reads: the cases of contracts §2 for many people or collectives at once, with a fixed number
of queries whatever their number. Each case is the same dict as queries.facts_for_person or
queries.facts_for_collective builds one by one (tests check the equality), so the batch check
and the person's page go through the same engine with the same facts.

The rows of each table are read in one query ordered by subject and then by the order the
one-by-one queries use, and split per subject in Python: the database sorts both the same way
(NULL achievement years included)."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet

from thidua.awards.choices import NOT_A_BASE
from thidua.awards.models import Award, Initiative
from thidua.awards.queries import in_force
from thidua.eligibility import choices
from thidua.eligibility.cases import MAX_YEAR, MIN_YEAR, parse_case
from thidua.eligibility.facts import (
    AwardFact,
    Case,
    DisciplineFact,
    InitiativeFact,
    PositionFact,
    Proposal,
    Subject,
)
from thidua.eligibility.queries import DISCIPLINE_ORDER, LDTT_CODES, finish, period
from thidua.eligibility.rules import registry
from thidua.organisations.choices import LineageKind, UnitKind
from thidua.organisations.models import CollectiveRating, LineageEvent, Unit
from thidua.people.choices import RATING_RANK
from thidua.people.models import Discipline, Person, Position, Rating

DEFAULT_GROUP = "cbccvc_nld"  # what the parser reads for a subject without a group
KINDS = frozenset(choices.KINDS)
GOOD_RATINGS = tuple(level for level, rank in RATING_RANK.items() if rank >= RATING_RANK["HT"])


@dataclass(frozen=True, slots=True)
class Options:
    """The proposal's options, as the keyword arguments of facts_for_person."""

    decision_date: datetime.date | None = None
    received_date: datetime.date | None = None
    decided_by: str = ""
    facts: dict | None = None
    council: dict | None = None


@dataclass(frozen=True, slots=True)
class CollectiveFacts:
    case: dict
    members: frozenset[int]  # the people counted as its members in the proposal year


def person_cases(people: QuerySet[Person], year: int, code: str, **options) -> dict[int, dict]:
    """{person id: case} for every person of `people` (7 queries)."""
    rows = PeopleRows(people, year, code, **options)
    return {person.pk: rows.case(person) for person in rows.people}


def people_with_cases(people: QuerySet[Person], year: int, code: str,
                      **options) -> dict[int, tuple[Person, dict]]:
    """{person id: (person, case)}, people in the queryset's order (7 queries)."""
    rows = PeopleRows(people, year, code, **options)
    return {person.pk: (person, rows.case(person)) for person in rows.people}


class PeopleRows:
    """The records of many people for a proposal year, read with 7 queries; each person's case
    as the dict of contracts §2 (`case`) or straight as the engine's typed Case (`typed`)."""

    def __init__(self, people: QuerySet[Person], year: int, code: str, **options) -> None:
        self.year, self.code, self.given = year, code, Options(**options)
        self.people = list(people.select_related("unit"))
        chosen = people.values("pk")
        self.ratings = grouped(Rating.objects.filter(person__in=chosen, year__lte=year)
                               .order_by("person_id", "year")
                               .values_list("person_id", "year", "level"))
        self.awards = grouped(award_rows(Award.objects.filter(person__in=chosen), year,
                                         "person_id", "person_id"))
        self.initiatives = grouped(Initiative.objects.filter(person__in=chosen, year__lte=year)
                                   .order_by("person_id", "year", "id")
                                   .values_list("person_id", "year", "scope", "recognised_by"))
        next_year = datetime.date(year + 1, 1, 1)
        self.disciplines = grouped(Discipline.objects.filter(person__in=chosen,
                                                             start__lt=next_year)
                                   .order_by("person_id", "start", "id")
                                   .values_list("person_id", "level", "start", "end"))
        self.positions = grouped(Position.objects.filter(person__in=chosen, start__lt=next_year)
                                 .exclude(post_group="").order_by("person_id", "start", "id")
                                 .values_list("person_id", "post_group", "start", "end"))
        self.provinces = province_codes(person.unit for person in self.people)
        self._stub: Case | None = None
        self._codes: dict[str, tuple[str, str]] | None = None
        self._facts: dict[tuple, tuple[AwardFact, bool]] = {}

    def case(self, person: Person) -> dict:
        pk = person.pk
        case = {
            "subject": {"kind": "individual", "group": person.group, "gender": person.gender,
                        "name": person.full_name},
            "ratings": {str(rating_year): level for rating_year, level in self.ratings[pk]},
            "awards": [award_item(*row) for row in self.awards[pk]],
            "initiatives": [{"year": i_year, "scope": scope,
                             **({"recognised_by": by} if by else {})}
                            for i_year, scope, by in self.initiatives[pk]],
            "discipline": [period(level, start, end, "level")
                           for level, start, end in self.disciplines[pk]],
            "positions": [period(group, start, end, "post_group")
                          for group, start, end in self.positions[pk]],
        }
        return complete(case, self.year, self.code, self.given, self.provinces, person.unit)

    def typed(self, person: Person) -> Case:
        """parse_case(self.case(person)) without the dict: built straight from the rows when
        they are plainly valid, else parsed, so that a bad record raises the same CaseError
        (naming the field) as the command line would."""
        stub, pk = self.stub(), person.pk
        awards, plain = self.award_facts(self.awards[pk])
        case = Case(
            propose=self.proposal(stub, person.unit),
            subject=Subject(kind="individual", group=person.group or DEFAULT_GROUP,
                            gender=person.gender or "", name=person.full_name),
            ratings=dict(self.ratings[pk]),
            awards=awards,
            initiatives=tuple(InitiativeFact(year=i_year, scope=scope,
                                             recognised_by=by or "")
                              for i_year, scope, by in self.initiatives[pk]),
            discipline=tuple(DisciplineFact(level=level, start=start, end=end)
                             for level, start, end in self.disciplines[pk]),
            positions=tuple(PositionFact(post_group=group, start=start, end=end)
                            for group, start, end in self.positions[pk]),
            facts=stub.facts, council=stub.council)
        return (case if plain and plainly_valid(case, awards=False)
                else parse_case(self.case(person)))

    def award_facts(self, rows: list[tuple]) -> tuple[tuple[AwardFact, ...], bool]:
        """The AwardFacts of award rows, and whether all are plainly valid with a code of the
        catalogue. Many people hold the awards of the same decisions: one frozen fact (and
        one check) per distinct row."""
        facts, plain, codes = self._facts, True, self.code_map()
        found = []
        for row in rows:
            entry = facts.get(row)
            if entry is None:
                fact = award_fact(codes, *row)
                entry = facts[row] = (fact, row[0] in codes and plain_award(fact))
            found.append(entry[0])
            plain = plain and entry[1]
        return tuple(found), plain

    def code_map(self) -> dict[str, tuple[str, str]]:
        """Catalogue code → (the code an award is recorded under, its default kind)."""
        if self._codes is None:
            rules = registry()
            self._codes = {code: (rules.award_code_of(code), rules.award_kind_of(code))
                           for code in rules.known_codes}
        return self._codes

    def stub(self) -> Case:
        """The proposal's options checked once through the case format."""
        if self._stub is None:
            self._stub = parse_case(complete({}, self.year, self.code, self.given, {}, None))
        return self._stub

    def proposal(self, stub: Case, unit: Unit | None) -> Proposal:
        province = self.provinces.get(root_id(unit)) if unit is not None else ""
        return replace(stub.propose, province=province) if province else stub.propose


def award_fact(codes: dict, code: str, year: int | None, kind: str,
               decided: datetime.date) -> AwardFact:
    recorded, default_kind = codes.get(code, (code, choices.BASE_KIND))
    return AwardFact(recorded, year, kind or default_kind, decided)


def plainly_valid(case: Case, *, awards: bool = True) -> bool:
    """What the parser would refuse in a record of the register: years outside 1945–2100,
    periods that end before they start, values outside the vocabulary. `awards=False`: the
    awards were checked already (plain_award)."""
    years = [*case.ratings, *(i.year for i in case.initiatives)]
    periods = [*case.discipline, *case.positions]
    return ((not awards or all(plain_award(a) for a in case.awards))
            and all(MIN_YEAR <= year <= MAX_YEAR for year in years)
            and all(p.end is None or p.end >= p.start for p in periods)
            and case.subject.group in choices.PERSON_GROUPS
            and (not case.subject.gender or case.subject.gender in choices.GENDERS)
            and all(level in choices.RANK for level in case.ratings.values())
            and all(i.scope in choices.SCOPE_RANK and (not i.recognised_by
                                                       or i.recognised_by in choices.AUTHORITIES)
                    for i in case.initiatives)
            and all(d.level in choices.DISCIPLINE_RANK for d in case.discipline)
            and all(p.post_group in choices.POST_GROUPS for p in case.positions))


def plain_award(award: AwardFact) -> bool:
    return (award.year is None or MIN_YEAR <= award.year <= MAX_YEAR) and award.kind in KINDS


def collective_cases(units: Iterable[Unit], year: int, code: str, **options) -> dict[int, dict]:
    """{unit id: case} for every unit (10 queries)."""
    return {pk: facts.case for pk, facts in collectives(units, year, code, **options).items()}


def collectives(units: Iterable[Unit], year: int, code: str,
                **options) -> dict[int, CollectiveFacts]:
    """{unit id: its case and its members in `year`}, units in the given order."""
    given = Options(**options)
    units = list(units)
    names = renames_by_successor()
    lineage = {unit.pk: renamed_from(unit.pk, names) for unit in units}
    every_id = set().union(*lineage.values()) if lineage else set()
    ratings = ordered_by_owner(CollectiveRating.objects.filter(
        unit_id__in=every_id, year__lte=year).order_by("year", "unit_id").values_list(
        "unit_id", "year", "level"))
    # In the register's order across the renamed units, as facts_for_collective reads them.
    awards = ordered_by_owner(award_rows(Award.objects.filter(collective_id__in=every_id), year,
                                         "collective_id"))
    members = Membership([unit.pk for unit in units], year)
    provinces = province_codes(units)
    found = {}
    for unit in units:
        ids = lineage[unit.pk]
        counts = members.counts(unit.pk)
        case = {
            "subject": {"kind": "enterprise" if unit.kind == UnitKind.ENTERPRISE
                        else "collective", "name": unit.name},
            "ratings": {str(r_year): level for r_year, level in of_owners(ratings, ids)},
            "awards": [award_item(*row) for row in of_owners(awards, ids)],
            "members": {str(year): counts} if counts else {},
        }
        found[unit.pk] = CollectiveFacts(complete(case, year, code, given, provinces, unit),
                                         frozenset(members.of(unit.pk)))
    return found


def ordered_by_owner(rows) -> defaultdict[int, list[tuple]]:
    """Rows (owner id first) grouped by owner, each kept with its place in the whole result,
    so that the rows of several owners can be merged back in the result's order."""
    groups: defaultdict[int, list[tuple]] = defaultdict(list)
    for index, (owner, *rest) in enumerate(rows):
        groups[owner].append((index, tuple(rest)))
    return groups


def of_owners(groups: dict[int, list[tuple]], owners: set[int]) -> list[tuple]:
    """The rows of these owners in the order of the whole result (one owner: as grouped)."""
    if len(owners) == 1:
        (owner,) = owners
        return [row for _index, row in groups.get(owner, ())]
    return [row for _index, row in sorted(item for owner in owners
                                          for item in groups.get(owner, ()))]


# -- shared pieces ----------------------------------------------------------------------------
def grouped(rows) -> defaultdict[int, list[tuple]]:
    """Rows (owner id first) grouped by owner, each group in the rows' order."""
    groups: defaultdict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row[1:])
    return groups


def award_rows(queryset, year: int, owner: str, *first: str):
    """As queries.awards, for many owners: (owner, code, year, kind, decision date), ordered
    by `first` and then as queries.awards orders them."""
    return (in_force(queryset)
            .filter(Q(year__lte=year) | Q(year__isnull=True, decision__date__year__lte=year))
            .order_by(*first, "year", "decision__date", "id")
            .values_list(owner, "award_type__code", "year", "kind", "decision__date"))


def award_item(code: str, year: int | None, kind: str, decided: datetime.date) -> dict:
    item = {"code": code}
    if year is not None:
        item["year"] = year
    item["kind"] = kind
    item["decision_date"] = decided.isoformat()
    return item


def complete(case: dict, year: int, code: str, given: Options, provinces: dict[int, str],
             unit: Unit | None) -> dict:
    """queries.finish without its per-unit query: the province key comes from `provinces`."""
    case = finish(case, None, year, code, given.decision_date, given.received_date,
                  given.decided_by, given.facts, given.council)
    province = provinces.get(root_id(unit)) if unit is not None else ""
    if province:
        case["propose"]["province"] = province
    return case


def root_id(unit: Unit) -> int | None:
    return int(unit.path.strip("/").split("/")[0]) if unit.path else None


def province_codes(units: Iterable[Unit | None]) -> dict[int, str]:
    """{root unit id: overlay key} for the trees these units belong to (queries.province_of)."""
    roots = {root_id(unit) for unit in units if unit is not None} - {None}
    return {pk: code.lower().replace("-", "_")
            for pk, code in Unit.objects.filter(pk__in=roots).values_list("pk", "code")}


# -- collectives ------------------------------------------------------------------------------
def renames_by_successor() -> dict[int, set[int]]:
    """{successor id: predecessor ids} over every rename event (one query)."""
    found: dict[int, set[int]] = defaultdict(set)
    rows = LineageEvent.objects.filter(kind=LineageKind.RENAME).values_list(
        "predecessors", "successors")
    for predecessor, successor in rows:
        if predecessor is not None and successor is not None:
            found[successor].add(predecessor)
    return found


def renamed_from(unit_id: int, names: dict[int, set[int]]) -> set[int]:
    """As queries.renamed_from, over the rename edges read once."""
    ids, frontier = {unit_id}, {unit_id}
    while frontier:
        found = set().union(*(names.get(pk, ()) for pk in frontier))
        frontier = found - ids
        ids |= frontier
    return ids


class Membership:
    """The members of several units in one year and their counts (queries.member_counts),
    read with five queries."""

    def __init__(self, unit_ids: list[int], year: int) -> None:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        posted = Position.objects.filter(unit_id__in=unit_ids, start__lte=end).filter(
            Q(end__isnull=True) | Q(end__gte=start))
        unposted = Person.objects.filter(unit_id__in=unit_ids, positions__isnull=True)
        self.members: defaultdict[int, set[int]] = defaultdict(set)
        for unit_id, person_id in posted.values_list("unit_id", "person_id"):
            self.members[unit_id].add(person_id)
        for unit_id, person_id in unposted.values_list("unit_id", "pk"):
            self.members[unit_id].add(person_id)
        anyone = Q(person__in=posted.values("person_id")) | Q(person__in=unposted.values("pk"))
        self.rated = set(Rating.objects.filter(anyone, year=year, level__in=GOOD_RATINGS)
                         .values_list("person_id", flat=True))
        self.ldtt, self.cstd_co_so = set(), set()
        held = in_force(Award.objects.filter(anyone, year=year, award_type__code__in=LDTT_CODES)
                        ).exclude(kind__in=list(NOT_A_BASE))
        for person_id, award_code in held.values_list("person_id", "award_type__code"):
            self.ldtt.add(person_id)
            if award_code == "cstd_co_so":
                self.cstd_co_so.add(person_id)
        self.heaviest: dict[int, str] = {}
        for person_id, level in Discipline.objects.filter(anyone, start__lte=end).filter(
                Q(end__isnull=True) | Q(end__gte=start)).values_list("person_id", "level"):
            if DISCIPLINE_ORDER[level] >= DISCIPLINE_ORDER.get(self.heaviest.get(person_id), -1):
                self.heaviest[person_id] = level

    def of(self, unit_id: int) -> set[int]:
        return self.members.get(unit_id, set())

    def counts(self, unit_id: int) -> dict:
        members = self.of(unit_id)
        if not members:
            return {}
        disciplined = sorted(pk for pk in members if pk in self.heaviest)
        return {"total": len(members), "rated_ht_or_better": len(members & self.rated),
                "ldtt": len(members & self.ldtt), "cstd_co_so": len(members & self.cstd_co_so),
                "disciplined": [{"level": self.heaviest[pk]} for pk in disciplined]}
