"""The province-wide check (issue 3, Speed): every person, for every code they could be
proposed for in a year, verdicts only.

The rows are read by a fixed number of streaming queries, whatever the number of people:
award types and units (small), then people, ratings, awards in force, initiatives, discipline
periods (and leadership posts when a compiled rule reads them), each as `values_list` ordered
by person and read with a chunked iterator. They are merged person by person into a compact
snapshot — a History built straight from the rows — and every code is decided by the plans
the engine compiles once per (person group, province) (engine.Plan.verdict). So memory holds
one person's history at a time, plus the verdicts.

Only the rows a compiled rule can read are fetched (predicates.Needs): awards of the codes the
conditions name, and of the annual titles in the proposal year (G02); thematic and one-off
awards (G03) never. Verdicts are those of engine.check_codes on queries.facts_for_person
(tests compare them on a varied province)."""

import datetime
from collections import Counter, namedtuple
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from operator import itemgetter

from django.db import connection, transaction
from django.db.models import IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear

from thidua.awards.models import Award, AwardType, Decision, Initiative
from thidua.awards.queries import in_force
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.choices import NOT_BASE_KINDS, RANK, SCOPE_RANK
from thidua.eligibility.engine import Context, Plan, context_for
from thidua.eligibility.facts import Case, DisciplineFact, PositionFact, Subject
from thidua.eligibility.history import History, discipline_clock
from thidua.eligibility.predicates import NO_YEAR, Need, Needs
from thidua.eligibility.rules import registry
from thidua.organisations.models import Unit
from thidua.people.choices import PersonGroup
from thidua.people.models import Discipline, Person, Position, Rating

CHUNK = 20_000  # rows fetched at a time from each stream
DEFAULT_GROUP = PersonGroup.STAFF.value
# A base award as the predicates read it (AwardFact's fields; `year` holds the G10 anchor).
Held = namedtuple("Held", "code year kind anchor_year")
NOTHING = ()


@dataclass
class BatchResult:
    """Verdicts of a batch: counts per code and verdict, and (person id, code, verdict) rows
    in person order (empty when the batch was asked not to keep them)."""

    year: int
    people: int = 0
    counts: dict[str, Counter] = field(default_factory=dict)
    rows: list[tuple[int, str, str]] = field(default_factory=list)

    def total(self) -> Counter:
        found = Counter()
        for counts in self.counts.values():
            found.update(counts)
        return found


def check_people(year: int, *, people: QuerySet[Person] | None = None,
                 codes: list[str] | None = None, keep_rows: bool = True, **options) -> BatchResult:
    """Every person (or those of `people`) checked for `year`: for each, every code open to
    their group (or `codes`). `options` are those of queries.facts_for_person
    (decision_date, received_date, decided_by, facts, council); bad ones raise CaseError."""
    batch = Batch(year, people=people, codes=codes, **options)
    result = BatchResult(year=year)
    counts: dict[str, Counter] = {}
    rows = result.rows if keep_rows else None
    for person_id, plans, verdicts in batch.verdicts():
        result.people += 1
        for (code, _plan), verdict in zip(plans, verdicts, strict=True):
            found = counts.get(code)
            if found is None:
                found = counts[code] = Counter()
            found[verdict] += 1
            if rows is not None:
                rows.append((person_id, code, verdict))
    result.counts = counts
    return result


class Batch:
    """One batch: the proposal options checked once, the plans compiled for every person group
    and province, and the streaming queries."""

    def __init__(self, year: int, *, people: QuerySet[Person] | None = None,
                 codes: list[str] | None = None, decision_date: datetime.date | None = None,
                 received_date: datetime.date | None = None, decided_by: str = "",
                 facts: dict | None = None, council: dict | None = None) -> None:
        self.rules = registry()
        stub = self.options(year, codes, decision_date, received_date, decided_by, facts, council)
        self.year, self.people = year, people
        self.decided, self.received = stub.propose.decision_date, stub.propose.received_date
        self.decided_by, self.facts, self.council = decided_by, stub.facts, stub.council
        self.codes = codes
        self.provinces = self.unit_provinces()
        self.type_codes = {pk: self.rules.award_code_of(code)
                           for pk, code in AwardType.objects.values_list("pk", "code")}
        self.needs = Needs()
        self.plans: dict[tuple[str, str], list[tuple[str, Plan]]] = {}
        for group in PersonGroup.values:
            for province in set(self.provinces.values()) | {""}:
                self.plans[(group, province)] = self.compile(group, province)

    def options(self, year, codes, decision_date, received_date, decided_by, facts, council) -> Case:
        """The options read through the case format, so they are checked as the CLI checks
        them (CaseError names the field)."""
        if codes is not None:
            for index, code in enumerate(codes):
                if code not in self.rules.known_codes:
                    raise CaseError(f"codes[{index}]", f"unknown code {code!r}")
        propose = {"code": next(iter(self.rules.families)), "year": year,
                   "decided_by": decided_by}
        if decision_date:
            propose["decision_date"] = decision_date.isoformat()
        if received_date:
            propose["received_date"] = received_date.isoformat()
        data = {"propose": propose, "facts": dict(facts or {})}
        if council:
            data["council"] = dict(council)
        return parse_case(data)

    def compile(self, group: str, province: str) -> list[tuple[str, Plan]]:
        context = self.context(group, province)
        subject = context.subject
        codes = self.codes if self.codes is not None else [
            family for family in self.rules.families if self.rules.open_paths(family, subject)]
        plans = [(code, context.plan(code, self.decided_by, self.council)) for code in codes]
        self.needs.merge(context.needs)
        return plans

    def context(self, group: str, province: str) -> Context:
        return context_for(self.rules, self.year, self.decided, self.received, province,
                           self.facts, "individual", group)

    def unit_provinces(self) -> dict[int, str]:
        """Unit id → the overlay key of its province (queries.province_of, for every unit)."""
        units = list(Unit.objects.values_list("pk", "path", "code"))
        codes = {pk: code for pk, _path, code in units}
        found = {}
        for pk, path, _code in units:
            if path:
                root = int(path.strip("/").split("/")[0])
                found[pk] = (codes.get(root) or "").lower().replace("-", "_").strip()
        return found

    # -- the queries
    def queries(self) -> dict[str, QuerySet | None]:
        """The streaming queries of this batch, each ordered by person (None: not needed)."""
        T, needs = self.year, self.needs
        first_after = datetime.date(T + 1, 1, 1)
        return {
            "people": self.of_people(Person.objects, "pk").order_by("pk").values_list(
                "pk", "group", "gender", "unit_id"),
            "ratings": self.rows(Rating.objects.filter(year__lte=T), needs.ratings)
            .values_list("person_id", "year", "level") if needs.ratings.wanted else None,
            "awards": self.awards(),
            "initiatives": self.rows(Initiative.objects.filter(year__lte=T), needs.initiatives)
            .values_list("person_id", "year", "scope") if needs.initiatives.wanted else None,
            "discipline": self.of_people(Discipline.objects.filter(start__lt=first_after))
            .order_by("person_id").values_list("person_id", "level", "start", "end"),
            "positions": self.of_people(Position.objects.filter(start__lt=first_after)
                                        .exclude(post_group="")).order_by("person_id")
            .values_list("person_id", "post_group", "start", "end") if needs.details else None,
        }

    def of_people(self, queryset: QuerySet, key: str = "person_id") -> QuerySet:
        if self.people is None:
            return queryset
        return queryset.filter(**{f"{key}__in": self.people.values("pk")})

    def rows(self, queryset: QuerySet, need: Need, year: str = "year") -> QuerySet:
        return self.of_people(queryset.filter(self.wanted(need, year))).order_by("person_id")

    def wanted(self, need: Need, year: str) -> Q:
        """The rows of a Need: from its first year, or of the holders of its deep codes."""
        if need.first is None:
            return Q()
        found = Q(**{f"{year}__gte": need.first}) if need.first != NO_YEAR else Q(pk__in=[])
        if need.deep:
            holders = Award.objects.filter(award_type_id__in=self.type_ids(need.deep)).exclude(
                kind__in=sorted(NOT_BASE_KINDS)).values("person_id")
            found |= Q(person_id__in=holders)
        return found

    def type_ids(self, codes) -> list[int]:
        """The award types registered under these codes (as cases.py maps them)."""
        return sorted(pk for pk, code in self.type_codes.items() if code in codes)

    def awards(self) -> QuerySet | None:
        """Base awards in force up to T, anchored by G10: of each code the rows its Need asks
        for (e.g. annual titles of T only, for G02)."""
        needs, T = self.needs, self.year
        by_need: dict[tuple, list[str]] = {}
        for code, need in needs.awards.items():
            if need.wanted:
                by_need.setdefault((need.first, frozenset(need.deep)), []).append(code)
        if not by_need:
            return None
        wanted = Q(pk__in=[])
        for (first, deep), codes in by_need.items():
            need = Need()
            need.first, need.deep = first, set(deep)
            wanted |= Q(award_type_id__in=self.type_ids(codes)) & self.wanted(need, "anchor")
        decided = Decision.objects.filter(pk=OuterRef("decision_id")).values(
            decided=ExtractYear("date"))[:1]
        anchor = Coalesce("year", Subquery(decided), output_field=IntegerField())
        awards = Award.objects.filter(person__isnull=False) if self.people is None else \
            self.of_people(Award.objects)
        return (in_force(awards).exclude(kind__in=sorted(NOT_BASE_KINDS))
                .annotate(anchor=anchor).filter(anchor__lte=T).filter(wanted)
                .order_by("person_id").values_list("person_id", "award_type_id", "kind",
                                                   "anchor"))

    # -- the merge
    def verdicts(self) -> Iterator[tuple[int, list[tuple[str, Plan]], list[str]]]:
        """(person id, the person's (code, plan) pairs, their verdicts), person by person."""
        queries = self.queries()
        with streaming():
            streams = {name: Stream(query) for name, query in queries.items()
                       if name != "people" and query is not None}
            yield from self.merge(queries["people"].iterator(chunk_size=CHUNK), streams)

    def merge(self, people, streams: dict) -> Iterator:
        provinces, plans, facts = self.provinces, self.plans, self.facts
        type_codes, subjects = self.type_codes, {}
        empty = Stream(None)
        ratings, awards = streams.get("ratings", empty), streams.get("awards", empty)
        initiatives = streams.get("initiatives", empty)
        discipline, positions = streams["discipline"], streams.get("positions", empty)
        for person_id, group, gender, unit_id in people:
            group = group or DEFAULT_GROUP
            subject = subjects.get((group, gender))
            if subject is None:
                subject = subjects[(group, gender)] = Subject(group=group, gender=gender or "")
            held: dict[str, list] = {}
            for _pid, type_id, kind, anchor in awards.take(person_id):
                code = type_codes[type_id]
                item = Held(code, anchor, kind, anchor)
                found = held.get(code)
                if found is None:
                    held[code] = [item]
                else:
                    found.append(item)
            snapshot = Snapshot(
                subject, facts,
                {year: RANK[level] for _pid, year, level in ratings.take(person_id)},
                held,
                tuple((year, SCOPE_RANK[scope], "")
                      for _pid, year, scope in initiatives.take(person_id)),
                tuple(DisciplineFact(level=level, start=start, end=end)
                      for _pid, level, start, end in discipline.take(person_id)),
                tuple(PositionFact(post_group=post, start=start, end=end)
                      for _pid, post, start, end in positions.take(person_id)))
            own = plans[(group, provinces.get(unit_id, ""))]
            yield person_id, own, [plan.verdict(snapshot) for _code, plan in own]


class Stream:
    """Rows ordered by person (person id first), taken person by person in increasing order;
    the rows of a person not asked for are skipped."""

    __slots__ = ("groups", "person", "rows", "stale")

    def __init__(self, query: QuerySet | None) -> None:
        self.groups = groupby(query.iterator(chunk_size=CHUNK), key=itemgetter(0)) \
            if query is not None else iter(())
        self.person, self.rows, self.stale = None, NOTHING, False
        self.advance()

    def advance(self) -> None:
        self.person, self.rows = next(self.groups, (None, NOTHING))
        self.stale = False

    def take(self, person: int):
        if self.stale:
            self.advance()
        while self.person is not None and self.person < person:
            self.advance()
        if self.person != person:
            return NOTHING
        self.stale = True  # the group must be read before the stream moves on
        return self.rows


class streaming:
    """On PostgreSQL the streams are server-side cursors: inside a transaction they stream
    instead of being materialised first (WITH HOLD). SQLite reads without one (a transaction
    there would take the write lock)."""

    def __enter__(self):
        self.atomic = (transaction.atomic()
                       if connection.vendor == "postgresql" and not connection.in_atomic_block
                       else None)
        if self.atomic is not None:
            self.atomic.__enter__()
        return self

    def __exit__(self, *exc):
        if self.atomic is not None:
            return self.atomic.__exit__(*exc)
        return False


class Snapshot(History):
    """One person's history as the predicates read it, built from the batch's rows without a
    Case: ratings as ranks, base awards by code (their `year` is the G10 anchor), initiatives,
    and the G06 clock. `case` is built only if a predicate asks for it (tenure: posts and
    discipline periods); it holds no ratings or awards, which only the indexes carry."""

    def __init__(self, subject: Subject, facts: dict, ratings: dict[int, int],
                 awards: dict[str, list], initiatives: tuple, discipline: tuple,
                 positions: tuple) -> None:
        self.subject, self.facts, self.members = subject, facts, {}
        self.ratings, self.awards, self.ignored = ratings, awards, []
        self.initiatives = initiatives
        self.discipline, self.positions = discipline, positions
        self.clock, self.clock_source = discipline_clock(discipline) if discipline else (0, None)
        self._years = {}

    @cached_property
    def case(self) -> Case:
        return Case(propose=None, subject=self.subject, discipline=self.discipline,
                    positions=self.positions, facts=self.facts)
