"""The rule base: rules/national.yaml and the provincial overlays in rules/overlays/, loaded and
compiled once per process (`registry()`), indexed by id and family, versions chosen by date."""

import datetime
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from thidua.awards import catalogue
from thidua.eligibility import choices
from thidua.eligibility.conditions import AllOf, Basis, Compiler, RuleFileError, Uncertain, _date

RULES_DIR = Path(__file__).parent / "rules"
NATIONAL_FILE = RULES_DIR / "national.yaml"
OVERLAY_DIR = RULES_DIR / "overlays"
MEMO_LIMIT = 100_000


@dataclass(frozen=True, slots=True)
class AuthorityRange:
    start: datetime.date
    end: datetime.date | None
    codes: frozenset[str]
    confirmed: bool = True

    def covers(self, on: datetime.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class Vote:
    code: str
    kind: str  # ballot or majority
    min_percent: int
    basis: Basis


@dataclass(slots=True, eq=False)
class Version:
    rule_id: str
    version: str
    start: datetime.date
    end: datetime.date | None
    status: str
    confidence: str
    authority: tuple[AuthorityRange, ...]
    vote: Vote | None
    basis: Basis
    conditions: object
    select_by_received: bool = False
    more_favourable_only_before: bool = False
    facts: tuple[str, ...] = ()
    satisfies: tuple[str, ...] = ()

    @property
    def confirmed(self) -> bool:
        return self.status != choices.Status.UNCONFIRMED

    def in_effect(self, on: datetime.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def as_dict(self) -> dict:
        return {"id": self.rule_id, "version": self.version, "status": self.status}


@dataclass(slots=True, eq=False)
class Rule:
    id: str
    family: str
    award_code: str
    award_kind: str
    name: str
    subjects: tuple[str, ...]
    groups: tuple[str, ...]
    registration: bool
    annual: bool
    simulate: bool
    versions: list[Version] = field(default_factory=list)

    def open_to(self, subject) -> bool:
        if subject.kind not in self.subjects:
            return False
        return not self.groups or subject.kind != "individual" or subject.group in self.groups


@dataclass(slots=True, eq=False)
class OverlayEntry:
    """One dated piece of a provincial overlay for some rules."""

    province: str
    rules: tuple[str, ...]
    start: datetime.date
    end: datetime.date | None
    delegated: dict  # subject kind -> node
    extra: object | None
    deadline: tuple[int, int] | None  # (day, month) of the proposal year
    basis: Basis

    def in_effect(self, on: datetime.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


class OverlayView:
    """The overlay entries of one province for one rule on one date, as the engine reads them."""

    def __init__(self, entries: list[OverlayEntry]) -> None:
        self.entries = entries

    def delegated(self, topic: str, kind: str):
        for entry in self.entries:
            if kind in entry.delegated:
                return entry.delegated[kind]
        return None

    def extras(self) -> list[tuple[object, OverlayEntry]]:
        return [(entry.extra, entry) for entry in self.entries if entry.extra is not None]

    def deadlines(self) -> list[OverlayEntry]:
        return [entry for entry in self.entries if entry.deadline is not None]


class Registry:
    def __init__(self, national: dict, overlays: list[dict]) -> None:
        self.documents = dict(national["documents"])
        for overlay in overlays:
            self.documents.update(overlay.get("documents", {}))
        self.catalogue = {entry["code"]: entry for entry in catalogue.entries()}
        self.guards = {key: self._basis(value["basis"], f"guards.{key}")
                       for key, value in national["guards"].items()}
        self.votes = {code: Vote(code, spec["kind"], int(spec.get("min_percent", 50)),
                                 self._basis(spec["basis"], f"votes.{code}"))
                      for code, spec in national["votes"].items()}
        self.authorities = {name: tuple(self._authority(item) for item in ranges)
                            for name, ranges in national["authorities"].items()}
        self.advisory = {key: self._basis(value, f"advisory.{key}")
                         for key, value in national["advisory"].items()}
        self.all_facts: set[str] = set(choices.DEFAULT_TRUE_FACTS) | set(choices.PENDING_FACTS)
        self.all_facts |= {"same_achievement_already_rewarded", "higher_statutory_retirement_age"}
        self.rules: dict[str, Rule] = {}
        for spec in national["rules"]:
            rule = self._rule(spec)
            self.rules[rule.id] = rule
        self.families: dict[str, list[Rule]] = {}
        for rule in self.rules.values():
            if rule.family not in self.rules:
                raise RuleFileError(f"rule {rule.id}: family {rule.family!r} is not a rule id")
            self.families.setdefault(rule.family, []).append(rule)
        self.overlays: dict[str, list[OverlayEntry]] = {}
        for overlay in overlays:
            self._overlay(overlay)
        self.known_codes = frozenset(self.catalogue) | frozenset(self.rules)
        self.known_facts = frozenset(self.all_facts)
        # Answers that depend only on codes, subjects and dates, remembered for batches.
        self._memo: dict[tuple, object] = {}
        # The fast path's compiled proposal contexts (engine.Context), by context key.
        self.compiled: dict[tuple, object] = {}

    def remember(self, key: tuple, compute):
        if key not in self._memo:
            if len(self._memo) > MEMO_LIMIT:  # many distinct dates: start again
                self._memo.clear()
            self._memo[key] = compute()
        return self._memo[key]

    # -- lookups
    def paths(self, code: str) -> list[Rule]:
        """A general code tries every path of its family; a variant id only itself."""
        if code in self.families and self.rules[code].family == code:
            return self.families[code]
        return [self.rules[code]] if code in self.rules else []

    def applicable(self, rule: Rule, decided: datetime.date,
                   received: datetime.date | None) -> tuple[list[Version], list[Version]]:
        """Versions that could apply on the decision date (or the receipt date where a
        transitional clause says so), and versions that count only if more favourable."""
        return self.remember(("applicable", rule.id, decided, received),
                             lambda: self._applicable(rule, decided, received))

    def _applicable(self, rule: Rule, decided: datetime.date,
                    received: datetime.date | None) -> tuple[list[Version], list[Version]]:
        could, favourable = [], []
        for version in rule.versions:
            on = received if (version.select_by_received and received is not None) else decided
            if version.in_effect(on):
                could.append(version)
            elif (version.more_favourable_only_before and received is not None
                  and version.in_effect(decided)):
                favourable.append(version)
        return could, favourable

    def open_paths(self, code: str, subject) -> list[Rule]:
        return self.remember(("open", code, subject.kind, subject.group),
                             lambda: [rule for rule in self.paths(code) if rule.open_to(subject)])

    def authority(self, paths: list[Rule], on: datetime.date) -> tuple[frozenset[str], bool]:
        """The authority codes of these paths on a date, and whether all are confirmed."""
        def compute():
            ranges = [item for rule in paths for version in rule.versions
                      for item in version.authority if item.covers(on)]
            return (frozenset(code for item in ranges for code in item.codes),
                    all(item.confirmed for item in ranges))

        return self.remember(("authority", tuple(rule.id for rule in paths), on), compute)

    def assumed_facts(self, paths: list[Rule], subject, decided: datetime.date,
                      received: datetime.date | None) -> tuple[str, ...]:
        """The default-true facts (conduct, registration) these paths refer to on a date,
        through the titles they `satisfy` too, in order of first mention."""
        def compute():
            wanted: dict[str, None] = {}
            self._collect_facts(paths, subject, decided, received, wanted, depth=0)
            if any(rule.registration for rule in paths):
                wanted[choices.REGISTRATION_FACT] = None
            return tuple(wanted)

        return self.remember(("assumed", tuple(rule.id for rule in paths), subject.kind,
                              subject.group, decided, received), compute)

    def _collect_facts(self, paths, subject, decided, received, wanted: dict, depth: int) -> None:
        for rule in paths:
            could, favourable = self.applicable(rule, decided, received)
            for version in could + favourable:
                wanted.update(dict.fromkeys(version.facts))
                for family in version.satisfies if depth < 3 else ():
                    self._collect_facts(self.open_paths(family, subject), subject, decided,
                                        received, wanted, depth + 1)

    def overlay(self, province: str, rule_id: str, on: datetime.date) -> OverlayView | None:
        entries = [entry for entry in self.overlays.get(province, ())
                   if rule_id in entry.rules and entry.in_effect(on)]
        return OverlayView(entries) if entries else None

    def name(self, code: str) -> str:
        if code in self.rules:
            return self.rules[code].name
        entry = self.catalogue.get(code)
        return entry["name"] if entry else code

    def award_code_of(self, code: str) -> str:
        return self.rules[code].award_code if code in self.rules else code

    def award_kind_of(self, code: str) -> str:
        if code in self.rules:
            return self.rules[code].award_kind
        return self.catalogue.get(code, {}).get("kind", choices.BASE_KIND)

    def catalogue_authorities(self, code: str) -> frozenset[str]:
        return frozenset(self.catalogue.get(code, {}).get("authorities", ()))

    # -- building
    def _basis(self, entries: list, where: str) -> Basis:
        return Compiler(self.documents, where).basis(entries)

    def _authority(self, item: dict) -> AuthorityRange:
        codes = frozenset(item["codes"])
        unknown = codes - set(choices.AUTHORITIES)
        if unknown:
            raise RuleFileError(f"authorities: unknown codes {sorted(unknown)}")
        return AuthorityRange(_date(item["from"]), _date(item.get("to")), codes,
                              item.get("status", "in_force") != choices.Status.UNCONFIRMED)

    def _rule(self, spec: dict) -> Rule:
        rule_id = spec["id"]
        subjects = tuple(spec["subject"])
        groups = tuple(spec.get("person_group", ()))
        if set(subjects) - set(choices.SUBJECT_KINDS) or set(groups) - set(choices.PERSON_GROUPS):
            raise RuleFileError(f"rule {rule_id}: unknown subject or person group")
        rule = Rule(id=rule_id, family=spec.get("family", rule_id),
                    award_code=spec.get("award_code", rule_id),
                    award_kind=spec.get("award_kind", choices.BASE_KIND), name=spec["name_vi"],
                    subjects=subjects, groups=groups, registration=bool(spec.get("registration")),
                    annual=bool(spec.get("annual")), simulate=bool(spec.get("simulate")))
        rule.versions = [self._version(rule_id, version) for version in spec["versions"]]
        return rule

    def _version(self, rule_id: str, spec: dict) -> Version:
        where = f"rule {rule_id} version {spec['version']}"
        if spec["status"] not in choices.Status.values:
            raise RuleFileError(f"{where}: unknown status {spec['status']!r}")
        if spec["authority"] not in self.authorities:
            raise RuleFileError(f"{where}: unknown authority set {spec['authority']!r}")
        vote = spec.get("vote", "none")
        if vote != "none" and vote not in self.votes:
            raise RuleFileError(f"{where}: unknown vote {vote!r}")
        compiler = Compiler(self.documents, where)
        basis = compiler.basis(spec["basis"])
        conditions = compiler.node(spec["conditions"], basis)
        self.all_facts |= compiler.all_facts
        return Version(
            rule_id=rule_id, version=str(spec["version"]), start=_date(spec["effective_from"]),
            end=_date(spec.get("effective_to")), status=spec["status"],
            confidence=spec["confidence"], authority=self.authorities[spec["authority"]],
            vote=self.votes.get(vote), basis=basis, conditions=conditions,
            select_by_received=spec.get("select_by") == "received_date",
            more_favourable_only_before=bool(spec.get("more_favourable_only_before")),
            facts=tuple(dict.fromkeys(compiler.facts)), satisfies=tuple(compiler.satisfies),
        )

    def _overlay(self, spec: dict) -> None:
        province = spec["province"]
        for index, item in enumerate(spec["entries"]):
            where = f"overlay {province} entries[{index}]"
            rule_ids = tuple(item["rules"])
            unknown = set(rule_ids) - set(self.rules)
            if unknown:
                raise RuleFileError(f"{where}: unknown rules {sorted(unknown)}")
            compiler = Compiler(self.documents, where)
            basis = compiler.basis(item["basis"])
            unconfirmed = item.get("status") == choices.Status.UNCONFIRMED

            def build(node_spec, compiler=compiler, basis=basis, unconfirmed=unconfirmed):
                node = compiler.node(node_spec, basis)
                return Uncertain(node, "content", True) if unconfirmed else node

            delegated = {kind: build(node) for kind, node in item.get("delegated", {}).items()}
            extra = item.get("extra_conditions")
            deadline = item.get("deadline")
            self.overlays.setdefault(province, []).append(OverlayEntry(
                province=province, rules=rule_ids, start=_date(item["effective_from"]),
                end=_date(item.get("effective_to")), delegated=delegated,
                extra=AllOf([build(node) for node in extra]) if extra else None,
                deadline=(int(deadline["day"]), int(deadline["month"])) if deadline else None,
                basis=basis))
            self.all_facts |= compiler.all_facts


def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def registry() -> Registry:
    overlays = [load_yaml(path) for path in sorted(OVERLAY_DIR.glob("*.yaml"))]
    return Registry(load_yaml(NATIONAL_FILE), overlays)
