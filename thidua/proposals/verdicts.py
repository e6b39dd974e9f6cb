"""Reads: the eligibility engine and the list checks over the nominees of one or more dossiers of
a round. Nothing here writes; services.nominees stores what it returns on the lines.

Facts come from the eligibility app's batch readers (facts_batch: a fixed number of queries for
any number of people or collectives), so a dossier line and the person's own eligibility page
go through the same engine with the same facts. The list checks are eligibility.lists over the
lines of each dossier (rows = the lines' numbers), plus one check across the round: the same
subject proposed for the same title or form by two dossiers."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils import timezone, translation

from thidua.awards.choices import SubjectKind
from thidua.core.batching import collector_paused
from thidua.core.text import fold
from thidua.eligibility import facts_batch, lists
from thidua.eligibility import messages as say
from thidua.eligibility.batch import DATA_ERROR
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.choices import Verdict
from thidua.eligibility.engine import check_case
from thidua.eligibility.messages import gettext as _
from thidua.eligibility.queries import finish
from thidua.eligibility.rules import registry
from thidua.people.models import Person
from thidua.proposals.choices import DecidingLevel, State
from thidua.proposals.models import Nominee, Proposal, Round

# The authority that decides a round's awards, as the engine names it (rule G12).
DECIDED_BY = {
    DecidingLevel.UNIT: "unit_head",
    DecidingLevel.COMMUNE: "commune_chair",
    DecidingLevel.PROVINCE: "provincial_chair",
    DecidingLevel.CENTRAL: "",  # the Prime Minister or the President: per title, not per round
}
# Verdicts that need a written justification before the dossier is submitted.
BLOCKING = frozenset({Verdict.INELIGIBLE, Verdict.INVALID_AUTHORITY})


@dataclass(frozen=True, slots=True)
class LineCheck:
    """What the checks found for one line: the engine's verdict and reasons, the list
    findings that name it."""

    verdict: str
    reasons: list[dict]
    findings: list[dict]
    earliest_year: int | None = None


def options_for(round_: Round) -> dict:
    """The proposal options of a round, as facts_batch and the engine take them."""
    return {"decision_date": round_.council_date,
            "decided_by": DECIDED_BY.get(round_.deciding_level, "")}


def check_lines(proposals: list[Proposal], *, earliest: bool = False) -> dict[int, LineCheck]:
    """{nominee id: LineCheck} for every line of `proposals` (all of one round), in the
    language of the records (settings.LANGUAGE_CODE)."""
    if not proposals:
        return {}
    round_ = proposals[0].round
    if any(proposal.round_id != round_.pk for proposal in proposals):
        raise ValueError("check_lines takes the dossiers of one round")
    with collector_paused():  # many short-lived objects: see core.batching
        # The previous checks (reasons and findings, the largest columns) are not read again.
        lines = list(Nominee.objects.filter(proposal__in=[p.pk for p in proposals])
                     .select_related("award_type", "person", "collective")
                     .defer("reasons", "findings").order_by("proposal_id", "position", "id"))
        received = {p.pk: p.received_at for p in proposals}
        with translation.override(settings.LANGUAGE_CODE), say.one_language():
            subjects = Subjects(lines, round_)
            answers = {line.pk: subjects.answer(line, received[line.proposal_id], earliest)
                       for line in lines}
            kinds = {proposal.pk: proposal.unit.kind for proposal in proposals}
            findings = list_findings(lines, subjects, kinds)
            for line, found in round_duplicates(lines, round_).items():
                findings[line].extend(found)
        return {line.pk: LineCheck(answers[line.pk]["verdict"], answers[line.pk]["reasons"],
                                   findings.get(line.pk, []),
                                   answers[line.pk].get("earliest_year"))
                for line in lines}


class Subjects:
    """The cases of the people and collectives named by the lines, read in a fixed number of
    queries: the dict of contracts §2 (for the list checks) and the engine's typed Case."""

    def __init__(self, lines: list[Nominee], round_: Round) -> None:
        self.year, self.options = round_.year, options_for(round_)
        self.cases: dict[str, dict] = {}
        self.typed: dict[str, object] = {}
        self.errors: dict[str, str] = {}
        self.members: dict[str, frozenset[str]] = {}
        self.people: dict[int, Person] = {}
        person_ids = {line.person_id for line in lines if line.person_id}
        if person_ids:
            self.read_people(person_ids)
        units = {line.collective_id: line.collective for line in lines if line.collective_id}
        if units:
            self.read_collectives(list(units.values()))

    def read_people(self, ids: set[int]) -> None:
        rows = facts_batch.PeopleRows(Person.objects.filter(pk__in=sorted(ids)), self.year,
                                      "ldtt", **self.options)
        for person in rows.people:
            key = f"p:{person.pk}"
            self.people[person.pk] = person
            self.cases[key] = rows.case(person)
            try:
                self.typed[key] = rows.typed(person)
            except CaseError as error:
                self.errors[key] = str(error)

    def read_collectives(self, units: list) -> None:
        found = facts_batch.collectives(units, self.year, "ttldtt", **self.options)
        for unit_id, facts in found.items():
            key = f"u:{unit_id}"
            self.cases[key] = facts.case
            self.members[key] = frozenset(f"p:{member}" for member in facts.members)
            self.parse(key, facts.case)

    def parse(self, key: str, case: dict) -> None:
        try:
            self.typed[key] = parse_case(case)
        except CaseError as error:
            self.errors[key] = str(error)

    def key(self, line: Nominee) -> str:
        """The subject of a line: a person, a unit, or (a household) the line itself."""
        if line.person_id:
            return f"p:{line.person_id}"
        if line.collective_id:
            return f"u:{line.collective_id}"
        key = f"n:{line.pk}"
        if key not in self.cases:
            case = finish({"subject": {"kind": line.subject_kind, "name": line.name}}, None,
                          self.year, line.award_type.code, self.options["decision_date"], None,
                          self.options["decided_by"], None, None)
            self.cases[key] = case
            self.parse(key, case)
        return key

    def answer(self, line: Nominee, received_at: datetime.datetime | None,
               earliest: bool) -> dict:
        """The engine's answer with reasons for the line's proposed code."""
        key = self.key(line)
        if key in self.errors or key not in self.typed:
            message = self.errors.get(key) or _("The record of this nominee cannot be read.")
            return {"verdict": DATA_ERROR, "reasons": [
                {"check": "record", "met": None, "message": message, "basis": ""}]}
        case = self.typed[key]
        received = timezone.localdate(received_at) if received_at else None
        case = replace(case, propose=replace(case.propose, code=line.award_type.code,
                                             received_date=received),
                       facts={**case.facts, **asserted(line)})
        return check_case(case, explain=True, earliest=earliest)

    def list_nominee(self, line: Nominee) -> lists.Nominee:
        key = self.key(line)
        person = self.people.get(line.person_id)
        return lists.Nominee(
            row=line.position, key=key, name=line.name, code=line.award_type.code,
            case=self.cases[key], personal_id=person.personal_id if person else "",
            birth_date=person.birth_date if person else None,
            members=self.members.get(key, frozenset()))


def list_findings(lines: list[Nominee], subjects: Subjects,
                  kinds: dict[int, str]) -> dict[int, list[dict]]:
    """eligibility.lists over the lines of each dossier; each finding goes on every line it
    names (rows are the lines' numbers). `kinds` are the proposing units' kinds, for caps per
    kind of unit (the unit's member and staff counts are not given: such a cap says so)."""
    by_proposal: dict[int, list[Nominee]] = defaultdict(list)
    for line in lines:
        by_proposal[line.proposal_id].append(line)
    found: dict[int, list[dict]] = defaultdict(list)
    caps = lists.load_caps()
    for proposal_id, group in by_proposal.items():
        nominees = [subjects.list_nominee(line) for line in group]
        unit = lists.ListUnit(kind=kinds.get(proposal_id, ""))
        by_row = defaultdict(list)
        for line in group:
            by_row[line.position].append(line.pk)
        for finding in lists.check_list(nominees, caps=caps, unit=unit):
            item = {"check": finding.check, "severity": finding.severity,
                    "message": finding.message, "basis": finding.basis}
            for row in dict.fromkeys(finding.rows):
                for pk in by_row.get(row, ()):
                    found[pk].append(item)
    return found


def round_duplicates(lines: list[Nominee], round_: Round) -> dict[int, list[dict]]:
    """The same subject proposed for the same title or form by another dossier of the round
    (withdrawn dossiers aside): a warning on the line, naming the other unit. Subjects are
    compared as eligibility.lists.same_person does, through an index of their identities."""
    if not lines:
        return {}
    checked = {line.proposal_id for line in lines}
    # The lines of the other dossiers; those being checked are already in memory. The other
    # dossiers are found first: checking a whole round leaves none, and a join of the round's
    # dossiers with every line of the same titles is slow on PostgreSQL.
    other_dossiers = list(Proposal.objects.filter(round=round_).exclude(state=State.WITHDRAWN)
                          .exclude(pk__in=checked).values_list("pk", flat=True))
    others = list(Nominee.objects.filter(proposal_id__in=other_dossiers,
                                         award_type_id__in={line.award_type_id for line in lines})
                  .select_related("person", "proposal")) if other_dossiers else []
    units = dict(Proposal.objects.filter(pk__in=checked).values_list("pk", "unit_name"))
    index: dict[tuple, list[Nominee]] = defaultdict(list)
    for other in [*lines, *others]:
        for key in identity_keys(other):
            index[(other.award_type_id, *key)].append(other)
    found: dict[int, list[dict]] = defaultdict(list)
    for line in lines:
        mine, seen = identity(line), set()
        for key in identity_keys(line):
            for other in index.get((line.award_type_id, *key), ()):
                if (other.proposal_id != line.proposal_id and other.pk not in seen
                        and lists.same_person(mine, identity(other))):
                    seen.add(other.pk)
                    unit = units.get(other.proposal_id) or other.proposal.unit_name
                    found[line.pk].append(duplicate_finding(line, unit, round_))
    return found


def identity_keys(line: Nominee) -> list[tuple]:
    """Where a line's subject may meet another's: its record, its personal ID, its folded
    name with the birth date (same_person decides)."""
    person = line.person if line.person_id else None
    keys = [("record", line.person_id or line.collective_id or -line.pk,
             "p" if line.person_id else "u")]
    if person is not None and person.personal_id:
        keys.append(("id", person.personal_id))
    if person is not None and person.birth_date:
        keys.append(("name", fold(line.name), person.birth_date))
    return keys


def identity(line: Nominee) -> lists.Nominee:
    """A line as eligibility.lists compares subjects (no case needed)."""
    person = line.person if line.person_id else None
    key = (f"p:{line.person_id}" if line.person_id else
           f"u:{line.collective_id}" if line.collective_id else f"n:{line.pk}")
    kind = "individual" if line.subject_kind == SubjectKind.INDIVIDUAL else line.subject_kind
    return lists.Nominee(row=line.position, key=key, name=line.name, code="",
                         case={"subject": {"kind": kind}},
                         personal_id=person.personal_id if person else "",
                         birth_date=person.birth_date if person else None)


def duplicate_finding(line: Nominee, unit: str, round_: Round) -> dict:
    message = _("%(name)s is also proposed for %(title)s in this round by %(unit)s") % {
        "name": line.name, "title": say.name(line.award_type.code), "unit": unit}
    return {"check": "duplicate_round", "severity": lists.WARNING, "message": message,
            "basis": lists.g02_basis(datetime.date(round_.year, 12, 31))}


def asserted(line: Nominee) -> dict[str, bool]:
    """The facts the proposing unit asserts for the line, limited to those the rule base knows
    (a hand-made form cannot add others)."""
    known = registry().known_facts
    return {name: bool(value) for name, value in (line.facts or {}).items() if name in known}


def fact_checks(line: Nominee) -> list[tuple[str, str, bool]]:
    """(fact name, its text, asserted) for every fact the line's last check asked about: what
    the proposing unit may assert, with its evidence attached."""
    found, claimed = {}, asserted(line)
    for reason in line.reasons or ():
        check = reason.get("check", "")
        if check.startswith("fact ") and " " not in check[5:]:
            name = check[5:]
            found.setdefault(name, (name, say.fact_text(name), claimed.get(name, False)))
    return list(found.values())


def needs_justification(line: Nominee) -> bool:
    """An ineligible line, or one a list check refuses, goes forward only with a reason."""
    return line.verdict in BLOCKING or any(
        item.get("severity") == lists.ERROR for item in line.findings or ())
