"""Reads for the eligibility screens: the codes a person or a collective may be proposed for,
the full answer for one subject (its page), and the batch check of a unit's people and
collectives: fast verdicts for every row, reasons only for the rows shown or exported."""

import datetime
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy

from thidua.awards.models import Award, AwardType, Initiative
from thidua.core.text import fold
from thidua.eligibility import choices, facts_batch, lists, province, queries
from thidua.eligibility.cases import MIN_YEAR, CaseError, parse_case
from thidua.eligibility.choices import Verdict
from thidua.eligibility.engine import check_codes
from thidua.eligibility.facts import Case, Subject
from thidua.eligibility.rules import registry
from thidua.organisations import queries as unit_queries
from thidua.organisations.choices import UnitKind
from thidua.organisations.models import Unit
from thidua.people import queries as people_queries
from thidua.people.models import Discipline, Person, Position, Rating

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
# Checks that are not decidable without changing the verdict (no council, no receipt date, a
# cap counted over the list).
NEVER_DECIDING = ("vote", "deadline", "cap")


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
    """One subject of a batch: a person or a collective, with the codes it was checked for and
    their verdicts. Its case (and, for a person, its record) is loaded only where it is needed
    (the rows shown or exported, the list checks): a batch keeps verdicts, not cases."""

    key: str  # "p:<person id>" or "u:<unit id>"
    name: str
    unit: Unit | None  # the person's current unit (once loaded), or the collective itself
    person: Person | None  # loaded with the case
    error: str = ""  # the record cannot be read as a case (CaseError, naming the field)
    members: frozenset[str] = frozenset()
    case: dict | None = None
    parsed: Case | None = None
    folded: str = ""  # the accent-folded name, for the name filter
    codes: tuple[str, ...] = ()
    verdicts: list[str] = field(default_factory=list)
    start: int = 0  # index of its first row in the batch

    @property
    def is_person(self) -> bool:
        return self.key.startswith("p:")

    @property
    def pk(self) -> int:
        return int(self.key[2:])


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


class Rows(Sequence):
    """The rows of a batch (or those passing its filters) without holding them: a province has
    hundreds of thousands, kept as each entry's verdicts; a Row is made when it is read (a page,
    an export). Slicing, as the paginator does, gives a list of Rows."""

    def __init__(self, batch: "Batch", positions: list[int] | range | None = None) -> None:
        self.batch = batch
        self.positions = range(batch.size) if positions is None else positions

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [self.batch.row(position) for position in self.positions[item]]
        return self.batch.row(self.positions[item])

    def __iter__(self) -> Iterator[Row]:
        row = self.batch.row
        for position in self.positions:
            yield row(position)


# Above this many people, their cases are read with the batch's own query rather than a list
# of ids (SQLite refuses more than 32,766 parameters in one statement).
LOAD_BY_ID = 2000
# The export explains its rows this many subjects at a time, and then forgets their cases.
EXPORT_CHUNK = 500


@dataclass
class Batch:
    unit: Unit
    year: int
    entries: list[Entry] = field(default_factory=list)
    people: QuerySet[Person] | None = None  # the people checked
    size: int = 0  # the number of rows
    owners: array = field(default_factory=lambda: array("I"))  # row -> index of its entry
    by_key: dict[str, Entry] = field(default_factory=dict)

    @property
    def rows(self) -> Rows:
        return Rows(self)

    def add(self, entry: Entry, codes: Iterable[str], verdicts: list[str]) -> None:
        entry.codes, entry.verdicts, entry.start = tuple(codes), verdicts, self.size
        self.owners.extend(repeat(len(self.entries), len(entry.codes)))
        self.entries.append(entry)
        self.by_key[entry.key] = entry
        self.size += len(entry.codes)

    def row(self, position: int) -> Row:
        entry = self.entries[self.owners[position]]
        index = position - entry.start
        return Row(position + 1, entry, entry.codes[index], entry.verdicts[index])

    def row_of(self, key: str) -> Row | None:
        """The row of a key like "p:12:ldtt", or None when the batch has none."""
        subject, _sep, code = key.rpartition(":")
        entry = self.by_key.get(subject)
        if entry is None or code not in entry.codes:
            return None
        return self.row(entry.start + entry.codes.index(code))

    def known(self, keys: Iterable[str]) -> set[str]:
        """The keys that name a row of this batch."""
        return {key for key in keys if self.row_of(key) is not None}

    def counts(self) -> list[tuple[str, str, int]]:
        """(verdict, label, number of rows) for the verdicts present, in the verdicts' order."""
        found: Counter = Counter()
        for entry in self.entries:
            found.update(entry.verdicts)
        return [(verdict, str(VERDICT_LABELS[verdict]), found[verdict])
                for verdict in VERDICT_ORDER if found[verdict]]

    def filtered(self, *, verdict: str = "", code: str = "", text: str = "") -> Rows:
        """The rows of this verdict, code and name (accent- and case-insensitive)."""
        words = fold(text).split()
        positions = []
        for entry in self.entries:
            if words and not all(word in entry.folded for word in words):
                continue
            for index, (row_code, row_verdict) in enumerate(zip(entry.codes, entry.verdicts,
                                                                 strict=True)):
                if (not verdict or row_verdict == verdict) and (not code or row_code == code):
                    positions.append(entry.start + index)
        return Rows(self, positions)

    def load(self, entries: Iterable[Entry]) -> None:
        """Read the records and cases of these people (7 queries, whatever their number)."""
        missing = {entry.pk: entry for entry in entries
                   if entry.is_person and entry.case is None}
        if not missing:
            return
        people = (Person.objects.filter(pk__in=sorted(missing)) if len(missing) <= LOAD_BY_ID
                  else self.people)
        for pk, (person, case) in facts_batch.people_with_cases(
                people, self.year, first_code("individual")).items():
            target = missing.get(pk)
            if target is None:
                continue
            target.person, target.unit, target.case = person, person.unit, case
            if not target.error:
                try:
                    target.parsed = parse_case(case)
                except CaseError as problem:  # missed by unreadable(): shown as such
                    target.error = str(problem)
                    target.verdicts = [DATA_ERROR] * len(target.codes)

    def explain(self, rows: Iterable[Row], *, earliest: bool = True) -> None:
        """Load the subjects of these rows, and fill `detail` (reasons, and the earliest year
        when asked) for those that are not ELIGIBLE, one engine call per subject."""
        rows = list(rows)
        self.load(row.entry for row in rows)
        wanted: dict[Entry, list[Row]] = defaultdict(list)
        for row in rows:
            if row.detail is None and not row.entry.error and row.verdict != Verdict.ELIGIBLE:
                wanted[row.entry].append(row)
        for subject, found in wanted.items():
            if subject.parsed is None:
                continue
            answers = check_codes(subject.parsed, [row.code for row in found], explain=True,
                                  earliest=earliest)
            for row, answer in zip(found, answers, strict=True):
                row.detail = answer

    def explained(self, rows: Iterable[Row], *, earliest: bool = False,
                  chunk: int = EXPORT_CHUNK) -> Iterator[Row]:
        """The rows, explained a few hundred subjects at a time (an export): the cases of a
        chunk are forgotten once its rows are given, so memory holds one chunk."""
        pending: list[Row] = []
        subjects: set[str] = set()
        for row in rows:
            if row.entry.key not in subjects and len(subjects) >= chunk:
                yield from self.flush(pending, earliest)
                pending, subjects = [], set()
            pending.append(row)
            subjects.add(row.entry.key)
        yield from self.flush(pending, earliest)

    def flush(self, rows: list[Row], earliest: bool) -> list[Row]:
        self.explain(rows, earliest=earliest)
        for row in rows:
            if row.entry.is_person:
                row.entry.case = row.entry.parsed = None
        return rows

    def nominees(self, keys: Iterable[str]) -> list[lists.Nominee]:
        """The rows whose key is in `keys` as a list of nominees; unknown keys are ignored
        (they can only come from another unit, another year or a hand-made address)."""
        rows = sorted((row for key in set(keys) if (row := self.row_of(key)) is not None),
                      key=lambda row: row.number)
        self.load(row.entry for row in rows)
        women = self.women({key for row in rows if not row.entry.is_person
                            for key in row.entry.members})
        return [lists.Nominee(
            row=row.number, key=row.entry.key, name=row.entry.name, code=row.code,
            case=(row.entry.case if row.entry.is_person
                  else with_women(row.entry.case, row.entry.members, women, self.year)),
            personal_id=row.entry.person.personal_id if row.entry.is_person else "",
            birth_date=row.entry.person.birth_date if row.entry.is_person else None,
            members=row.entry.members) for row in rows if row.entry.case is not None]

    def women(self, keys: set[str]) -> set[str]:
        """The keys of the women among these people (one query; none without keys)."""
        ids = sorted(int(key[2:]) for key in keys)
        if not ids:
            return set()
        found = (Person.objects.filter(pk__in=ids, gender="female") if len(ids) <= LOAD_BY_ID
                 else self.people.filter(gender="female"))
        return {f"p:{pk}" for pk in found.values_list("pk", flat=True)}

    def list_unit(self) -> lists.ListUnit:
        """The unit the list comes from: its kind, its members in the year (its own case's
        count) and its staff (the people of its subtree in the user's scope)."""
        own = self.by_key.get(f"u:{self.unit.pk}")
        counts = (own.case or {}).get("members", {}).get(str(self.year), {}) if own else {}
        return lists.ListUnit(kind=self.unit.kind, members=counts.get("total"),
                              staff=sum(1 for entry in self.entries if entry.is_person))

    def findings(self, keys: Iterable[str]) -> list[lists.Finding]:
        """The list checks of the rows ticked as proposed."""
        chosen = self.nominees(keys)
        if not chosen:
            return []
        caps, unit = lists.load_caps(), self.list_unit()
        population = {}
        if lists.caps_over_holders(chosen, caps, unit.kind):  # only then is every case read
            people = [entry for entry in self.entries if entry.is_person]
            self.load(people)
            population = {entry.key: entry.case for entry in self.entries if entry.case}
        return lists.check_list(chosen, population=population, caps=caps, unit=unit)


def with_women(case: dict, members: frozenset[str], women: set[str], year: int) -> dict:
    """The collective's case with the number of women among its members that year (G08),
    when its member counts are known."""
    counts = case.get("members", {}).get(str(year))
    if not counts:
        return case
    return {**case, "members": {**case["members"],
                                str(year): {**counts, "female": len(members & women)}}}


def run_batch(user, unit: Unit, year: int, codes: list[str] | None) -> Batch:
    """Every collective of the subtree of `unit` existing in `year` and every person whose
    current unit is in it, inside the user's scope, checked for `codes` (None: every code that
    applies to each): verdicts only, with a fixed number of queries. People go through the
    province batch (streamed rows, compiled plans); their reasons are read later, only for the
    rows shown or exported (Batch.explain)."""
    chosen = None if codes is None else set(codes)
    choices = code_choices()
    batch = Batch(unit, year)
    if chosen is None or chosen & {code for code, _name in choices["collective"]}:
        check_collectives(batch, user, chosen)
    if chosen is None or chosen & {code for code, _name in choices["individual"]}:
        check_people(batch, user, chosen)
    return batch


def check_people(batch: Batch, user, chosen: set[str] | None) -> None:
    people = people_queries.visible_to(user).filter(unit__in=unit_queries.subtree(batch.unit))
    batch.people = people
    result = province.check_people(batch.year, people=people, only=chosen)
    verdicts = {pk: (codes, found) for pk, codes, found in result.verdicts}
    errors = unreadable(people, batch.year)
    rows = people.order_by("sort_key", "pk").values_list("pk", "full_name", "name_folded",
                                                         "group")
    for pk, name, folded, group in rows:
        entry = Entry(f"p:{pk}", name, None, None, folded=folded or fold(name))
        codes, found = verdicts.get(pk, ((), []))
        if pk in errors:
            entry.error = errors[pk]
            codes = [code for code in rule_codes(Subject(group=group or facts_batch.DEFAULT_GROUP))
                     if chosen is None or code in chosen]
            found = [DATA_ERROR] * len(codes)
        batch.add(entry, codes, found)


def unreadable(people: QuerySet[Person], year: int) -> dict[int, str]:
    """{person id: the CaseError} of the people whose record cannot be read as a case (as the
    person's page would report it). Cheap queries find the few records that might not be
    (values outside the vocabulary, periods ending before they start); only those are read
    the slow way, through the parser."""
    suspects = suspect_people(year)
    if not suspects:
        return {}
    chosen = (people.filter(pk__in=sorted(suspects)) if len(suspects) <= LOAD_BY_ID
              else Person.objects.filter(pk__in=people.values("pk")))
    records = facts_batch.PeopleRows(chosen, year, first_code("individual"))
    errors = {}
    for person in records.people:
        if person.pk not in suspects:
            continue
        try:
            records.typed(person)
        except CaseError as problem:
            errors[person.pk] = str(problem)
    return errors


def suspect_people(year: int) -> set[int]:
    """Ids of people with a record of `year` or before that the parser could refuse: values
    outside the vocabulary, periods ending before they start (two queries; normally none)."""
    rules, after = registry(), datetime.date(year + 1, 1, 1)
    unknown_types = [pk for pk, code in AwardType.objects.values_list("pk", "code")
                     if code not in rules.known_codes]
    people = Person.objects.filter(~Q(group__in=[*choices.PERSON_GROUPS, ""])
                                   | ~Q(gender__in=[*choices.GENDERS, ""]))
    people = people.order_by().values_list("pk")
    ratings = Rating.objects.filter(year__lte=year).filter(
        ~Q(level__in=choices.RATINGS) | Q(year__lt=MIN_YEAR)).order_by().values_list("person_id")
    awards = Award.objects.filter(person__isnull=False).filter(
        ~Q(kind__in=[*choices.KINDS, ""]) | Q(year__lt=MIN_YEAR)
        | Q(award_type_id__in=unknown_types)).order_by().values_list("person_id")
    initiatives = Initiative.objects.filter(year__lte=year).filter(
        ~Q(scope__in=choices.SCOPES) | ~Q(recognised_by__in=[*choices.AUTHORITIES, ""])
        | Q(year__lt=MIN_YEAR)).order_by().values_list("person_id")
    discipline = Discipline.objects.filter(start__lt=after).filter(
        ~Q(level__in=choices.DISCIPLINE_LEVELS) | Q(end__lt=F("start")))
    discipline = discipline.order_by().values_list("person_id")
    positions = Position.objects.filter(start__lt=after).exclude(post_group="").filter(
        ~Q(post_group__in=choices.POST_GROUPS) | Q(end__lt=F("start")))
    positions = positions.order_by().values_list("person_id")
    union = people.union(ratings, awards, initiatives, discipline, positions)
    return {pk for (pk,) in union}


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
                      members=frozenset(f"p:{member}" for member in facts.members),
                      folded=fold(unit.name))
        try:
            entry.parsed = parse_case(facts.case)
        except CaseError as problem:
            entry.error = str(problem)
        codes = [code for code in rule_codes(unit_subject(unit), unit.kind)
                 if chosen is None or code in chosen]
        verdicts = ([answer["verdict"] for answer in check_codes(entry.parsed, codes)]
                    if entry.parsed is not None else [DATA_ERROR] * len(codes))
        batch.add(entry, codes, verdicts)


def first_code(kind: str) -> str:
    return code_choices()[kind][0][0]


def filter_rows(rows: Rows | list[Row], *, verdict: str = "", code: str = "",
                text: str = "") -> Rows | list[Row]:
    """The rows of a verdict, code and name; over a batch's Rows, without making them."""
    if isinstance(rows, Rows) and isinstance(rows.positions, range):
        return rows.batch.filtered(verdict=verdict, code=code, text=text)
    words = fold(text).split()
    return [row for row in rows
            if (not verdict or row.verdict == verdict) and (not code or row.code == code)
            and all(word in fold(row.entry.name) for word in words)]
