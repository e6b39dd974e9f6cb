"""The province-wide check (issue 3, Speed): every person, for every code they could be
proposed for in a year, verdicts only.

The rows are read by a fixed number of streaming queries, whatever the number of people:
award types and units (small), then people, ratings, awards in force, initiatives, discipline
periods (and leadership posts when a compiled rule reads them), each as `values_list` ordered
by person and read with a chunked iterator. They are merged person by person into a compact
snapshot — a History built straight from the rows — and every code is decided by the plans
the engine compiles once per (person group, province) (engine.Plan.verdict). So memory holds
one person's history at a time, plus the verdicts.

Only the rows a compiled rule can read are fetched (environment.Needs): awards of the codes the
conditions name, and of the annual titles in the proposal year (G02); thematic and one-off
awards (G03) never. Verdicts are those of engine.check_codes on queries.facts_for_person
(tests compare them on a varied province)."""

import datetime
from collections import Counter, namedtuple
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from types import MappingProxyType

from django.db import connection, transaction
from django.db.models import Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils.translation import gettext as _

from thidua.awards.models import Award, AwardType, Decision, Initiative
from thidua.awards.queries import in_force
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.choices import NOT_BASE_KINDS, RANK, SCOPE_RANK
from thidua.eligibility.compiled import Context
from thidua.eligibility.engine import context_for, plan_of
from thidua.eligibility.environment import NO_YEAR, Need, Needs
from thidua.eligibility.facts import Case, DisciplineFact, PositionFact, Subject
from thidua.eligibility.history import History, discipline_clock
from thidua.eligibility.rules import registry
from thidua.organisations.models import Unit
from thidua.people.choices import PersonGroup
from thidua.people.models import Discipline, Person, Position, Rating

CHUNK = 20_000  # rows fetched at a time from each stream
DEFAULT_GROUP = PersonGroup.STAFF.value
# A base award as the predicates read it (AwardFact's fields; `year` holds the G10 anchor).
Held = namedtuple("Held", "code year kind anchor_year")
NOTHING = ()
EMPTY_YEARS: frozenset[int] = frozenset()


@dataclass
class BatchResult:
    """Verdicts of a batch: counts per code and verdict, and per person (in person order) the
    codes checked and their verdicts (empty when the batch was asked not to keep them)."""

    year: int
    people: int = 0
    counts: dict[str, Counter] = field(default_factory=dict)
    verdicts: list[tuple[int, tuple[str, ...], list[str]]] = field(default_factory=list)

    def rows(self) -> Iterator[tuple[int, str, str]]:
        """(person id, code, verdict), person by person."""
        for person_id, codes, verdicts in self.verdicts:
            yield from ((person_id, code, verdict)
                        for code, verdict in zip(codes, verdicts, strict=True))

    def total(self) -> Counter:
        found = Counter()
        for counts in self.counts.values():
            found.update(counts)
        return found


def check_people(year: int, *, people: QuerySet[Person] | None = None,
                 codes: list[str] | None = None, keep_rows: bool = True,
                 only: Iterable[str] | None = None, **options) -> BatchResult:
    """Every person (or those of `people`) checked for `year`: for each, every code open to
    their group (or `codes`; with `only`, the codes open to their group that are in it).
    `options` are those of queries.facts_for_person (decision_date, received_date,
    decided_by, facts, council); bad ones raise CaseError."""
    batch = Batch(year, people=people, codes=codes, only=only, **options)
    result = BatchResult(year=year)
    tally = Tally(result.counts)
    kept = result.verdicts if keep_rows else None
    for person_id, codes_checked, verdicts in batch.verdicts():
        tally.add(codes_checked, verdicts)
        if kept is not None:
            kept.append((person_id, codes_checked, verdicts))
    tally.flush()
    result.people = tally.people
    return result


class Tally:
    """Counts per code and verdict, made a few thousand people at a time by column."""

    LIMIT = 4096

    def __init__(self, counts: dict[str, Counter]) -> None:
        self.counts, self.people = counts, 0
        self.pending: dict[tuple[str, ...], list[list[str]]] = {}

    def add(self, codes: tuple[str, ...], verdicts: list[str]) -> None:
        self.people += 1
        waiting = self.pending.get(codes)
        if waiting is None:
            waiting = self.pending[codes] = []
        waiting.append(verdicts)
        if len(waiting) >= self.LIMIT:
            self.count(codes, waiting)

    def count(self, codes: tuple[str, ...], waiting: list[list[str]]) -> None:
        for code, column in zip(codes, zip(*waiting, strict=True), strict=True):
            found = self.counts.get(code)
            if found is None:
                found = self.counts[code] = Counter()
            found.update(column)
        waiting.clear()

    def flush(self) -> None:
        for codes, waiting in self.pending.items():
            if waiting:
                self.count(codes, waiting)


class Batch:
    """One batch: the proposal options checked once, the plans compiled for every person group
    and province, and the streaming queries."""

    def __init__(self, year: int, *, people: QuerySet[Person] | None = None,
                 codes: list[str] | None = None, only: Iterable[str] | None = None,
                 decision_date: datetime.date | None = None,
                 received_date: datetime.date | None = None, decided_by: str = "",
                 facts: dict | None = None, council: dict | None = None) -> None:
        self.rules = registry()
        stub = self.options(year, codes, decision_date, received_date, decided_by, facts, council)
        self.year, self.people = year, people
        self.decided, self.received = stub.propose.decision_date, stub.propose.received_date
        self.decided_by, self.facts, self.council = decided_by, stub.facts, stub.council
        self.codes, self.only = codes, None if only is None else frozenset(only)
        self.provinces = self.unit_provinces()
        self.type_codes = {pk: self.rules.award_code_of(code)
                           for pk, code in AwardType.objects.values_list("pk", "code")}
        self.needs = Needs()
        # (group, province) -> (the codes checked, their plans' verdict functions)
        self.plans: dict[tuple[str, str], tuple[tuple[str, ...], list]] = {}
        for group in PersonGroup.values:
            for province in set(self.provinces.values()) | {""}:
                self.plans[(group, province)] = self.compile(group, province)

    def options(self, year, codes, decision_date, received_date, decided_by, facts, council) -> Case:
        """The options read through the case format, so they are checked as the CLI checks
        them (CaseError names the field)."""
        if codes is not None:
            for index, code in enumerate(codes):
                if code not in self.rules.known_codes:
                    raise CaseError(f"codes[{index}]", _("unknown code '%(code)s'")
                                    % {"code": code})
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

    def compile(self, group: str, province: str) -> tuple[tuple[str, ...], list]:
        context = self.context(group, province)
        subject = context.subject
        codes = tuple(self.codes if self.codes is not None else [
            family for family in self.rules.families if self.rules.open_paths(family, subject)
            and (self.only is None or family in self.only)])
        plans = [plan_of(context, code, self.decided_by, self.council).verdict for code in codes]
        self.needs.merge(context.needs)
        return codes, plans

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

    def rows(self, queryset: QuerySet, need: Need) -> QuerySet:
        wanted = self.wanted(need.first, need.deep, lambda first: Q(year__gte=first))
        return self.of_people(queryset.filter(wanted)).order_by("person_id")

    def wanted(self, first: int | None, deep, since) -> Q:
        """The rows of a Need: from its first year (`since(first)`), and every row of the
        people holding an award of one of its deep codes."""
        if first is None:
            return Q()
        found = since(first) if first != NO_YEAR else Q(pk__in=[])  # pk__in=[]: no row
        if deep:
            holders = Award.objects.filter(award_type_id__in=self.type_ids(deep)).exclude(
                kind__in=sorted(NOT_BASE_KINDS)).values("person_id")
            found |= Q(person_id__in=holders)
        return found

    def type_ids(self, codes) -> list[int]:
        """The award types registered under these codes (as cases.py maps them)."""
        return sorted(pk for pk, code in self.type_codes.items() if code in codes)

    def awards(self) -> QuerySet | None:
        """Base awards in force whose G10 anchor is at most T: of each code the rows its Need
        asks for (e.g. annual titles of T only, for G02). The anchor is the achievement year,
        else the decision's year, which is looked up only for awards without a year (the
        conditions stay on the plain `year` column, which indexes can serve)."""
        by_need: dict[tuple, list[str]] = {}
        for code, need in self.needs.awards.items():
            if need.wanted:
                by_need.setdefault((need.first, frozenset(need.deep)), []).append(code)
        if not by_need:
            return None
        wanted = Q(pk__in=[])
        for (first, deep), codes in by_need.items():
            wanted |= (Q(award_type_id__in=self.type_ids(codes))
                       & self.wanted(first, deep, anchored_from))
        decided = Decision.objects.filter(pk=OuterRef("decision_id")).order_by().values(
            year=Cast(ExtractYear("date"), IntegerField()))[:1]
        awards = Award.objects.filter(person__isnull=False) if self.people is None else \
            self.of_people(Award.objects)
        return (in_force(awards).exclude(kind__in=sorted(NOT_BASE_KINDS))
                .filter(anchored_until(self.year)).filter(wanted).order_by("person_id")
                .values_list("person_id", "award_type_id", "kind",
                             Anchor("year", Subquery(decided), output_field=IntegerField())))

    # -- the merge
    def verdicts(self) -> Iterator[tuple[int, tuple[str, ...], list[str]]]:
        """(person id, the codes checked, their verdicts), person by person."""
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
            # `stream.person <= person_id`: rows of this person (or skipped ones) wait there.
            held: dict[str, list] = {}
            if awards.person is not None and awards.person <= person_id:
                for _pid, type_id, kind, year in awards.take(person_id):
                    add_award(held, type_codes[type_id], kind, year)
            snapshot = Snapshot(
                subject, facts,
                {year: RANK[level] for _pid, year, level in ratings.take(person_id)}
                if ratings.person is not None and ratings.person <= person_id else {},
                held,
                tuple((year, SCOPE_RANK[scope], "")
                      for _pid, year, scope in initiatives.take(person_id))
                if initiatives.person is not None and initiatives.person <= person_id
                else NOTHING)
            if discipline.person is not None and discipline.person <= person_id:
                snapshot.add_discipline(tuple(
                    DisciplineFact(level=level, start=start, end=end)
                    for _pid, level, start, end in discipline.take(person_id)))
            if positions.person is not None and positions.person <= person_id:
                snapshot.positions = tuple(
                    PositionFact(post_group=post, start=start, end=end)
                    for _pid, post, start, end in positions.take(person_id))
            province = provinces.get(unit_id, "")
            # A group outside the vocabulary cannot be parsed: the screen reports the record.
            codes, verdicts = plans.get((group, province)) or plans[(DEFAULT_GROUP, province)]
            yield person_id, codes, [verdict(snapshot) for verdict in verdicts]


def add_award(held: dict[str, list], code: str, kind: str, anchor: int) -> None:
    item = Held(code, anchor, kind, anchor)
    found = held.get(code)
    if found is None:
        held[code] = [item]
    else:
        found.append(item)


class Anchor(Coalesce):
    """G10: COALESCE(achievement year, decision year), both integers from the database, so
    no per-row conversion (Coalesce converts each value to int)."""

    @property
    def convert_value(self):
        return self._convert_value_noop


def anchored_from(first: int) -> Q:
    """The anchor (G10) is `first` or later."""
    return Q(year__gte=first) | Q(Q(year__isnull=True) & Q(Exists(Decision.objects.filter(
        pk=OuterRef("decision_id"), date__gte=datetime.date(first, 1, 1)))))


def anchored_until(last: int) -> Q:
    """The anchor (G10) is `last` or earlier."""
    return Q(year__lte=last) | Q(Q(year__isnull=True) & Q(Exists(Decision.objects.filter(
        pk=OuterRef("decision_id"), date__lt=datetime.date(last + 1, 1, 1)))))


class Stream:
    """Rows ordered by person (person id first), taken person by person in increasing order;
    the rows of a person not asked for are skipped."""

    __slots__ = ("groups", "person", "rows")

    def __init__(self, query: QuerySet | None) -> None:
        self.groups = groupby(query.iterator(chunk_size=CHUNK), key=itemgetter(0)) \
            if query is not None else iter(())
        self.advance()

    def advance(self) -> None:
        step = next(self.groups, None)
        self.person, self.rows = (None, NOTHING) if step is None else (step[0], list(step[1]))

    def due(self, person: int) -> bool:
        """Whether rows of this person (or of skipped ones before) are waiting."""
        return self.person is not None and self.person <= person

    def take(self, person: int) -> list:
        while self.person is not None and self.person < person:
            self.advance()
        if self.person != person:
            return NOTHING
        rows = self.rows
        self.advance()
        return rows


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
            with connection.cursor() as cursor:
                # Every row of a stream is read: plan for the whole result, not the first
                # rows (the default for cursors). The queries read most of a table once:
                # compiling them (JIT) costs more than it saves; their sorts fit in memory.
                cursor.execute("SET LOCAL cursor_tuple_fraction = 1.0")
                cursor.execute("SET LOCAL jit = off")
                cursor.execute("SET LOCAL work_mem = '64MB'")
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

    # What most people do not have, shared (and never written to).
    members = MappingProxyType({})
    ignored = NOTHING
    clock, clock_source = 0, None
    discipline = positions = NOTHING

    def __init__(self, subject: Subject, facts: dict, ratings: dict[int, int],
                 awards: dict[str, list], initiatives: tuple) -> None:
        self.subject, self.facts, self.ratings = subject, facts, ratings
        self.awards, self.initiatives, self._years = awards, initiatives, {}

    def add_discipline(self, periods: tuple) -> None:
        self.discipline = periods
        self.clock, self.clock_source = discipline_clock(periods)

    def years(self, codes: tuple[str, ...], kinds: tuple[str, ...]) -> frozenset[int]:
        """History.years, with no work for a code the person never received."""
        key = (codes, kinds)
        found = self._years.get(key)
        if found is None:
            if len(codes) == 1 and codes[0] not in self.awards:
                found = EMPTY_YEARS
            else:
                found = frozenset(award.anchor_year for code in codes
                                  for award in self.awards.get(code, ()) if award.kind in kinds)
            self._years[key] = found
        return found

    @cached_property
    def case(self) -> Case:
        return Case(propose=None, subject=self.subject, discipline=self.discipline,
                    positions=self.positions, facts=self.facts)
