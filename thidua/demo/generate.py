"""`thidua gen-data`: a synthetic province for benchmarks and load tests.

Rows are generated in Python from one seeded random.Random and written in bulk (COPY on
PostgreSQL, executemany on SQLite) in a single transaction, not through the per-row services:
70,000 people over 20 years make about two million awards. Derived fields (unit paths, folded
names, sort keys) are computed with the same functions the services use. One audit entry
records the run.
"""

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction

from thidua.awards.models import Award, AwardType, Decision, Initiative, Revocation
from thidua.core.services import log_action
from thidua.demo import generate_bulk as bulk
from thidua.demo.generate_collectives import (
    CLUSTER_FIELDS,
    CLUSTER_MEMBER_FIELDS,
    CLUSTER_YEAR_FIELDS,
    COLLECTIVE_RATING_FIELDS,
    HANDOVER_FIELDS,
    REVOCATION_FIELDS,
    ClusterGenerator,
    CollectiveGenerator,
    write_revocations,
)
from thidua.demo.generate_decisions import DECISION_FIELDS, DecisionBook
from thidua.demo.generate_people import (
    AWARD_FIELDS,
    DISCIPLINE_FIELDS,
    INITIATIVE_FIELDS,
    PERSON_FIELDS,
    POSITION_FIELDS,
    RATING_FIELDS,
    PeopleGenerator,
)
from thidua.demo.generate_units import REORG, UNIT_FIELDS, UnitTree, unit_row
from thidua.movements.models import ChairHandover, Cluster, ClusterMember, ClusterYear
from thidua.organisations.choices import UnitKind
from thidua.organisations.models import CollectiveRating, LineageEvent, Unit
from thidua.people.models import Discipline, Person, Position, Rating

CODES = ["ldtt", "cstt", "cstd_co_so", "cstd_bo_tinh", "giay_khen", "bk_bo_tinh_individual",
         "bk_bo_tinh_collective", "bk_ttg_individual", "hcld_3_individual", "ttldtt", "ttldxs",
         "co_thi_dua_bo_tinh"]
# Tables of a million rows or more: their indexes are built after the load.
BIG_TABLES = [Award, Rating, Position, Initiative]
PREDECESSORS = LineageEvent.predecessors.through
SUCCESSORS = LineageEvent.successors.through
# Table key -> (model, fields); a table comes after every table it refers to.
TABLES = {
    "unit": (Unit, UNIT_FIELDS),
    "event": (LineageEvent, ["id", "kind", "date", "basis", "note"]),
    "event_pred": (PREDECESSORS, ["id", "lineageevent", "unit"]),
    "event_succ": (SUCCESSORS, ["id", "lineageevent", "unit"]),
    "person": (Person, PERSON_FIELDS),
    "position": (Position, POSITION_FIELDS),
    "rating": (Rating, RATING_FIELDS),
    "discipline": (Discipline, DISCIPLINE_FIELDS),
    "initiative": (Initiative, INITIATIVE_FIELDS),
    "decision": (Decision, DECISION_FIELDS),
    "award": (Award, AWARD_FIELDS),
    "revocation": (Revocation, REVOCATION_FIELDS),
    "collective_rating": (CollectiveRating, COLLECTIVE_RATING_FIELDS),
    "cluster": (Cluster, CLUSTER_FIELDS),
    "cluster_year": (ClusterYear, CLUSTER_YEAR_FIELDS),
    "cluster_member": (ClusterMember, CLUSTER_MEMBER_FIELDS),
    "handover": (ChairHandover, HANDOVER_FIELDS),
}


class GenerationRefused(Exception):
    """Why nothing was generated: `reason` is one of REASONS, `params` fill its message (the
    command words it: this package has no translation catalogue of its own)."""

    REASONS = ("size", "last_year", "people", "catalogue")

    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason, self.params = reason, params


@dataclass
class Summary:
    province: str
    successor: str
    prefix: str
    seed: int
    first_year: int
    last_year: int
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def generate(*, persons: int, years: int, seed: int, force: bool = False,
             last_year: int | None = None,
             log: Callable[[str, int], None] = lambda _stage, _count: None) -> Summary:
    """Generate a province of `persons` people over the `years` years ending with `last_year`
    (default: the last full year). Deterministic for a seed on the same database contents.
    `log(stage, count)` hears of progress ("units", "people")."""
    started = time.monotonic()
    today = datetime.date.today()
    last_year = last_year or today.year - 1
    check(persons=persons, years=years, force=force, last_year=last_year)
    types = dict(AwardType.objects.filter(code__in=CODES).values_list("code", "id"))
    if len(types) != len(CODES):
        raise GenerationRefused("catalogue")
    big = [model._meta.db_table for model in BIG_TABLES]
    with bulk.BulkPragmas(), transaction.atomic(), bulk.DeferredIndexes(big):
        summary = Run(persons, years, seed, last_year, today, types, log).execute()
    bulk.analyze([model._meta.db_table for model, _f in TABLES.values()])
    summary.seconds = time.monotonic() - started
    return summary


def check(*, persons: int, years: int, force: bool, last_year: int) -> None:
    if persons < 1 or years < 1:
        raise GenerationRefused("size")
    if last_year < REORG.year:
        raise GenerationRefused("last_year", year=REORG.year)
    if not force and Person.objects.exists():
        raise GenerationRefused("people")


class Run:
    """One generation: the unit tree, then people, collectives, clusters and revocations."""

    def __init__(self, persons, years, seed, last_year, today, types, log):
        self.persons, self.years, self.seed, self.types, self.log = (
            persons, years, seed, types, log)
        self.first, self.last, self.today = last_year - years + 1, last_year, today
        self.bulk = bulk.Bulk()
        self.t = SimpleNamespace(**{key: self.bulk.table(model, fields)
                                    for key, (model, fields) in TABLES.items()})
        next_ids = bulk.next_ids([model for model, _f in TABLES.values()])
        self.ids = {key: next_ids[model] for key, (model, _f) in TABLES.items()}
        self.prefix, number = free_prefix(seed)
        self.rng = random.Random(f"thidua-gen-data:{seed}:{number}")

    def execute(self) -> Summary:
        rng, t = self.rng, self.t
        tree = UnitTree(rng, self.ids, self.prefix, self.persons, province_names())
        tree.build()
        self.write_tree(tree)
        self.log("units", len(tree.units))
        taken = {(n, d.isoformat()) for n, d in Decision.objects.values_list("number", "date")}
        book = DecisionBook(t.decision, rng, self.ids["decision"], self.today, self.bulk.now,
                            taken)
        common = {"rng": rng, "tree": tree, "tables": t, "ids": self.ids, "book": book,
                  "types": self.types, "first_year": self.first, "last_year": self.last,
                  "now": self.bulk.now}
        people = PeopleGenerator(persons=self.persons, taken_ids=existing_personal_ids(),
                                 **common)
        drawn = people.draw()
        people.run(drawn)
        self.log("people", len(drawn))
        CollectiveGenerator(members=people.members, **common).run()
        ClusterGenerator(rng=rng, tree=tree, tables=t, ids=self.ids, prefix=self.prefix,
                         first_year=self.first, last_year=self.last).run()
        write_revocations(rng=rng, tree=tree, book=book, table=t.revocation, ids=self.ids,
                          revocations=people.revocations, now=self.bulk.now)
        self.ids["decision"] = book.next_id
        self.bulk.flush_all()
        bulk.reset_sequences([model for model, _f in TABLES.values()])
        return self.finish(tree)

    def write_tree(self, tree: UnitTree) -> None:
        t = self.t
        for unit in tree.units:
            t.unit.add(unit_row(unit))
        for event in tree.events:
            t.event.add((event.id, event.kind, event.date.isoformat(), event.basis, ""))
            for unit in event.predecessors:
                t.event_pred.add((self.next_id("event_pred"), event.id, unit.id))
            for unit in event.successors:
                t.event_succ.add((self.next_id("event_succ"), event.id, unit.id))

    def next_id(self, key: str) -> int:
        value = self.ids[key]
        self.ids[key] = value + 1
        return value

    def finish(self, tree: UnitTree) -> Summary:
        counts = {key: table.written for key, table in vars(self.t).items()}
        summary = Summary(province=tree.old_root.name, successor=tree.new_root.name,
                          prefix=self.prefix, seed=self.seed, first_year=self.first,
                          last_year=self.last, counts=counts)
        # Names and numbers only: the summary reads the same in every language; the counts
        # are in `after`.
        log_action(
            "thidua.data.generated", by=None, object_type="organisations.unit",
            object_id=str(tree.old_root.id),
            summary=f"{tree.old_root.name} → {tree.new_root.name}, {self.first}–{self.last}, "
                    f"seed {self.seed}: {counts['person']} / {counts['award']}",
            after={"seed": self.seed, "persons": self.persons, "years": self.years,
                   "first_year": self.first, "last_year": self.last, "prefix": self.prefix,
                   "province": tree.old_root.id, "successor": tree.new_root.id, **counts},
        )
        return summary


def free_prefix(seed: int) -> tuple[str, int]:
    """Unit and cluster codes start with "g<seed>-<n>-"; n is the first number not yet used."""
    number = 1
    while Unit.objects.filter(code__startswith=f"g{seed}-{number}-").exists():
        number += 1
    return f"g{seed}-{number}", number


def province_names() -> set[str]:
    names = Unit.objects.filter(kind=UnitKind.PROVINCE).values_list("name", flat=True)
    return {name.removeprefix("Tỉnh ") for name in names}


def existing_personal_ids() -> set[str]:
    return set(Person.objects.exclude(personal_id="").values_list("personal_id", flat=True))
