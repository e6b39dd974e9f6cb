"""Reads for the eligibility screens: the codes a person or a collective may be proposed for,
the full answer for one subject (its page), and the batch check of a unit's people and
collectives: fast verdicts for every row, reasons only for the rows shown or exported."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

from thidua.core.text import fold
from thidua.eligibility import facts_batch, lists, queries
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.choices import Verdict
from thidua.eligibility.engine import check_codes
from thidua.eligibility.facts import Case, Subject
from thidua.eligibility.rules import registry
from thidua.organisations import queries as unit_queries
from thidua.organisations.choices import UnitKind
from thidua.organisations.models import Unit
from thidua.people import queries as people_queries
from thidua.people.models import Person

# Titles of localities and villages (Decree 86/2023) apply only to units of that kind.
LOCALITY_TITLES = {
    "xa_tieu_bieu": frozenset({UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE,
                               UnitKind.TOWNSHIP}),
    "thon_tdp_van_hoa": frozenset({UnitKind.VILLAGE}),
}
# A row whose record cannot be read as a case (e.g. a post that ends before it starts).
DATA_ERROR = "DATA_ERROR"
VERDICT_LABELS = {**dict(Verdict.choices),
                  DATA_ERROR: gettext_lazy("Record cannot be checked")}
VERDICT_ORDER = [*Verdict.values, DATA_ERROR]


# -- codes ------------------------------------------------------------------------------------
def person_subject(person: Person) -> Subject:
    return Subject(kind="individual", group=person.group or facts_batch.DEFAULT_GROUP,
                   gender=person.gender)


def unit_subject(unit: Unit) -> Subject:
    return Subject(kind="enterprise" if unit.kind == UnitKind.ENTERPRISE else "collective")


def rule_codes(subject: Subject, unit_kind: str = "") -> list[str]:
    """The general codes (rule families) with a path open to the subject, in the rule file's
    order; the locality titles only for units of their kind."""
    rules = registry()
    return [family for family in rules.families if rules.open_paths(family, subject)
            and (family not in LOCALITY_TITLES or unit_kind in LOCALITY_TITLES[family])]


def advisory_codes(subject: Subject) -> list[str]:
    """Catalogue codes for the subject's kind that have no automatic rule (orders, medals,
    state honorary titles, prizes): the engine answers that an officer reviews them."""
    rules = registry()
    kinds = {subject.kind, "collective"} if subject.kind == "enterprise" else {subject.kind}
    return [code for code, entry in rules.catalogue.items()
            if code not in rules.rules and kinds & set(entry["subjects"])]


def code_choices() -> dict[str, list[tuple[str, str]]]:
    """The general codes a batch may ask for, for individuals and for collectives."""
    rules = registry()
    individual = rule_codes(Subject(kind="individual"))
    individual += [code for code in rule_codes(Subject(kind="individual", group="direct_worker"))
                   + rule_codes(Subject(kind="individual", group="armed_forces"))
                   if code not in individual]
    collective = [family for family in rules.families
                  if rules.open_paths(family, Subject(kind="collective"))
                  or rules.open_paths(family, Subject(kind="enterprise"))]
    return {"individual": [(code, rules.name(code)) for code in individual],
            "collective": [(code, rules.name(code)) for code in collective]}


def code_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """The codes of code_choices() once each: for individuals, for collectives, for both."""
    groups = code_choices()
    individual, collective = dict(groups["individual"]), dict(groups["collective"])
    both = [(code, name) for code, name in individual.items() if code in collective]
    return [("individual", [(c, n) for c, n in individual.items() if c not in collective]),
            ("collective", [(c, n) for c, n in collective.items() if c not in individual]),
            ("both", both)]


# -- one subject, every code (the person's and the unit's page) --------------------------------
@dataclass
class Screen:
    year: int
    answers: list[dict] = field(default_factory=list)  # codes with an automatic rule
    advisory: list[dict] = field(default_factory=list)  # codes an officer reviews
    error: str = ""


def screen_person(person: Person, year: int) -> Screen:
    subject = person_subject(person)
    codes, advisory = rule_codes(subject), advisory_codes(subject)
    return screen(queries.facts_for_person(person, year, codes[0]), year, codes, advisory)


def screen_unit(unit: Unit, year: int) -> Screen:
    subject = unit_subject(unit)
    codes, advisory = rule_codes(subject, unit.kind), advisory_codes(subject)
    return screen(queries.facts_for_collective(unit, year, codes[0]), year, codes, advisory)


def screen(case: dict, year: int, codes: list[str], advisory: list[str]) -> Screen:
    try:
        parsed = parse_case(case)
    except CaseError as error:
        return Screen(year, error=str(error))
    answers = check_codes(parsed, codes + advisory, explain=True, earliest=True)
    return Screen(year, answers[:len(codes)], answers[len(codes):])


# Checks that decide the verdict on their own when they fail (contracts §2), by the prefix of
# their `check`; a failing condition may be one way among others, so these are named first.
DECIDING = {
    Verdict.INVALID_AUTHORITY: ("G12",),
    Verdict.INELIGIBLE: ("subject", "vote", "G01", "G02", "deadline"),
    Verdict.DEFERRED: ("G05",),
}
# Checks that are not decidable without changing the verdict (no council, no receipt date).
NEVER_DECIDING = ("vote", "deadline")


def first_unmet(answer: dict | None) -> dict | None:
    """The reason that best explains a verdict other than ELIGIBLE: a failed check that
    decides alone, else the first failed condition; for NEEDS_HUMAN_REVIEW the first check
    that cannot be decided (a missing council vote or receipt date aside)."""
    if not answer or answer["verdict"] == Verdict.ELIGIBLE:
        return None
    reasons = answer.get("reasons", ())
    failed = [reason for reason in reasons if reason["met"] is False]
    deciding = DECIDING.get(answer["verdict"], ())
    found = next((r for r in failed if r["check"].startswith(deciding)), None) if deciding \
        else None
    if found is None and answer["verdict"] == Verdict.NEEDS_HUMAN_REVIEW:
        unknown = [reason for reason in reasons if reason["met"] is None]
        found = next((r for r in unknown if not r["check"].startswith(NEVER_DECIDING)),
                     unknown[0] if unknown else None)
    return found or (failed[0] if failed else None)


# -- the batch check --------------------------------------------------------------------------
@dataclass(slots=True, eq=False)
class Entry:
    """One subject of a batch: a person or a collective. Its case is loaded only where it is
    needed (the rows shown or exported, the list checks): a batch keeps verdicts, not cases."""

    key: str  # "p:<person id>" or "u:<unit id>"
    name: str
    unit: Unit | None  # the person's current unit, or the collective itself
    person: Person | None
    error: str = ""  # the record cannot be read as a case (CaseError, naming the field)
    members: frozenset[str] = frozenset()
    case: dict | None = None
    parsed: Case | None = None

    @property
    def is_person(self) -> bool:
        return self.person is not None


@dataclass(slots=True, eq=False)
class Row:
    number: int
    entry: Entry
    code: str
    verdict: str
    detail: dict | None = None  # the answer with reasons, once explained

    @property
    def key(self) -> str:
        return f"{self.entry.key}:{self.code}"

    @property
    def code_name(self) -> str:
        return registry().name(self.code)

    @property
    def verdict_label(self) -> str:
        return str(VERDICT_LABELS[self.verdict])

    @property
    def reason(self) -> dict | None:
        return first_unmet(self.detail)

    @property
    def earliest_year(self) -> int | None:
        return (self.detail or {}).get("earliest_year")


# Above this many people, their cases are read with the batch's own query rather than a list
# of ids (SQLite refuses more than 32,766 parameters in one statement).
LOAD_BY_ID = 2000


@dataclass
class Batch:
    unit: Unit
    year: int
    rows: list[Row] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    people: QuerySet[Person] | None = None  # the people checked

    def counts(self) -> list[tuple[str, str, int]]:
        """(verdict, label, number of rows) for the verdicts present, in the verdicts' order."""
        found: dict[str, int] = defaultdict(int)
        for row in self.rows:
            found[row.verdict] += 1
        return [(verdict, str(VERDICT_LABELS[verdict]), found[verdict])
                for verdict in VERDICT_ORDER if found[verdict]]

    def load(self, entries: Iterable[Entry]) -> None:
        """Read the cases of these people (7 queries, whatever their number)."""
        missing = {entry.person.pk: entry for entry in entries
                   if entry.is_person and entry.case is None}
        if not missing:
            return
        people = (Person.objects.filter(pk__in=sorted(missing)) if len(missing) <= LOAD_BY_ID
                  else self.people)
        for pk, (_person, case) in facts_batch.people_with_cases(
                people, self.year, first_code("individual")).items():
            target = missing.get(pk)
            if target is None:
                continue
            target.case = case
            if not target.error:
                try:
                    target.parsed = parse_case(case)
                except CaseError as problem:
                    target.error = str(problem)

    def explain(self, rows: Iterable[Row], *, earliest: bool = True) -> None:
        """Fill `detail` (reasons, and the earliest year when asked) for the rows that are
        not ELIGIBLE, one engine call per subject."""
        wanted: dict[Entry, list[Row]] = defaultdict(list)
        for row in rows:
            if row.detail is None and not row.entry.error and row.verdict != Verdict.ELIGIBLE:
                wanted[row.entry].append(row)
        self.load(wanted)
        for subject, found in wanted.items():
            if subject.parsed is None:
                continue
            answers = check_codes(subject.parsed, [row.code for row in found], explain=True,
                                  earliest=earliest)
            for row, answer in zip(found, answers, strict=True):
                row.detail = answer

    def nominees(self, keys: Iterable[str]) -> list[lists.Nominee]:
        """The rows whose key is in `keys` as a list of nominees; unknown keys are ignored
        (they can only come from another unit, another year or a hand-made address)."""
        keys = set(keys)
        rows = [row for row in self.rows if row.key in keys]
        self.load(row.entry for row in rows)
        return [lists.Nominee(
            row=row.number, key=row.entry.key, name=row.entry.name, code=row.code,
            case=row.entry.case,
            personal_id=row.entry.person.personal_id if row.entry.is_person else "",
            birth_date=row.entry.person.birth_date if row.entry.is_person else None,
            members=row.entry.members) for row in rows]

    def findings(self, keys: Iterable[str]) -> list[lists.Finding]:
        """The list checks of the rows ticked as proposed."""
        chosen = self.nominees(keys)
        if not chosen:
            return []
        caps = lists.load_caps()
        population = {}
        if lists.caps_over_holders(chosen, caps):  # only then every person's case is read
            people = [entry for entry in self.entries if entry.is_person]
            self.load(people)
            population = {entry.key: entry.case for entry in people}
        return lists.check_list(chosen, population=population, caps=caps)


def run_batch(user, unit: Unit, year: int, codes: list[str] | None) -> Batch:
    """Every collective of the subtree of `unit` existing in `year` and every person whose
    current unit is in it, inside the user's scope, checked for `codes` (None: every code that
    applies to each): verdicts only, with a fixed number of queries."""
    chosen = None if codes is None else set(codes)
    choices = code_choices()
    batch = Batch(unit, year)
    if chosen is None or chosen & {code for code, _name in choices["collective"]}:
        check_collectives(batch, user, chosen)
    if chosen is None or chosen & {code for code, _name in choices["individual"]}:
        check_people(batch, user, chosen)
    return batch


def add_rows(batch: Batch, entry: Entry, case: Case | None, codes: list[str]) -> None:
    verdicts = ([answer["verdict"] for answer in check_codes(case, codes)] if case is not None
                else [DATA_ERROR] * len(codes))
    start = len(batch.rows) + 1
    batch.entries.append(entry)
    batch.rows += [Row(start + index, entry, code, verdict)
                   for index, (code, verdict) in enumerate(zip(codes, verdicts, strict=True))]


def check_people(batch: Batch, user, chosen: set[str] | None) -> None:
    people = people_queries.visible_to(user).filter(unit__in=unit_queries.subtree(batch.unit))
    batch.people = people
    records = facts_batch.PeopleRows(people, batch.year, first_code("individual"))
    for person in records.people:
        entry = Entry(f"p:{person.pk}", person.full_name, person.unit, person)
        try:
            case = records.typed(person)
        except CaseError as problem:
            case, entry.error = None, str(problem)
        add_rows(batch, entry, case, applicable(entry, chosen))


def check_collectives(batch: Batch, user, chosen: set[str] | None) -> None:
    start, end = datetime.date(batch.year, 1, 1), datetime.date(batch.year, 12, 31)
    units = list(unit_queries.visible_to(user).filter(path__startswith=batch.unit.path)
                 .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
                 .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
                 .select_related("parent").order_by("path"))
    found = facts_batch.collectives(units, batch.year, first_code("collective"))
    for unit in units:
        facts = found[unit.pk]
        entry = Entry(f"u:{unit.pk}", unit.name, unit, None, case=facts.case,
                      members=frozenset(f"p:{member}" for member in facts.members))
        try:
            entry.parsed = parse_case(facts.case)
        except CaseError as problem:
            entry.error = str(problem)
        add_rows(batch, entry, entry.parsed, applicable(entry, chosen))


def applicable(entry: Entry, chosen: set[str] | None) -> list[str]:
    if entry.is_person:
        codes = rule_codes(person_subject(entry.person))
    else:
        codes = rule_codes(unit_subject(entry.unit), entry.unit.kind)
    return [code for code in codes if chosen is None or code in chosen]


def first_code(kind: str) -> str:
    return code_choices()[kind][0][0]


def filter_rows(rows: list[Row], *, verdict: str = "", code: str = "", text: str = "") -> list[Row]:
    words = fold(text).split()
    return [row for row in rows
            if (not verdict or row.verdict == verdict) and (not code or row.code == code)
            and all(word in fold(row.entry.name) for word in words)]
