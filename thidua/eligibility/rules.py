"""The rule base: rules/national.yaml and the provincial overlays in rules/overlays/, loaded and
compiled once per process (`registry()`), indexed by id and family, versions chosen by date."""

import datetime
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from thidua.awards import catalogue
from thidua.core.datafiles import read_yaml
from thidua.eligibility import choices
from thidua.eligibility.conditions import AllOf, Basis, Compiler, RuleFileError, Uncertain, _date
from thidua.organisations.choices import UnitKind

RULES_DIR = Path(__file__).parent / "rules"
NATIONAL_FILE = RULES_DIR / "national.yaml"
OVERLAY_DIR = RULES_DIR / "overlays"
MEMO_LIMIT = 100_000
UNIT_KINDS = tuple(UnitKind.values)


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
    initiatives: bool = False  # a version counts initiatives (G11 may apply)

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


# What a cap's percentage is taken of: the subjects holding (or proposed for) some codes that
# year, the members of the unit the list comes from, or its staff (the people of its subtree).
CAP_BASES = ("holders", "members", "staff")


@dataclass(frozen=True, slots=True)
class Cap:
    """A limit on how many may be proposed for some codes in a year, from the national file
    (`province` "": every province) or a province's overlay. `unit_kinds` (empty: any) are the
    kinds of unit whose lists it counts for; a list counts per proposal year."""

    province: str
    codes: frozenset[str]  # award codes
    start: datetime.date
    end: datetime.date | None
    basis: Basis
    confirmed: bool = True
    max_count: int | None = None
    max_percent: int | None = None
    of: frozenset[str] = field(default_factory=frozenset)  # award codes (base "holders")
    base: str = "holders"  # one of CAP_BASES
    unit_kinds: frozenset[str] = field(default_factory=frozenset)

    def applies(self, province: str, on: datetime.date, unit_kind: str = "") -> bool:
        return ((not self.province or self.province == province) and self.start <= on
                and (self.end is None or on <= self.end)
                and (not self.unit_kinds or unit_kind in self.unit_kinds))


@dataclass(frozen=True, slots=True)
class VoteBasis:
    """A province's own citation of a vote rule (e.g. its council regulation), dated."""

    vote: str
    start: datetime.date
    end: datetime.date | None
    basis: Basis

    def in_effect(self, on: datetime.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


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
        self.code_votes = {code: self._code_vote(code, key)
                           for code, key in (national.get("code_votes") or {}).items()}
        self.authorities = {name: tuple(self._authority(item) for item in ranges)
                            for name, ranges in national["authorities"].items()}
        self.advisory = {key: self._basis(value, f"advisory.{key}")
                         for key, value in national["advisory"].items()}
        self.all_facts: set[str] = set(choices.DEFAULT_TRUE_FACTS) | set(choices.PENDING_FACTS)
        self.all_facts |= {"same_achievement_already_rewarded", "higher_statutory_retirement_age",
                           choices.MATERNITY_FACT, choices.INITIATIVE_USED_FACT}
        self.rules: dict[str, Rule] = {}
        for spec in national["rules"]:
            rule = self._rule(spec)
            self.rules[rule.id] = rule
        self.families: dict[str, list[Rule]] = {}
        for rule in self.rules.values():
            if rule.family not in self.rules:
                raise RuleFileError(f"rule {rule.id}: family {rule.family!r} is not a rule id")
            self.families.setdefault(rule.family, []).append(rule)
        self.known_codes = frozenset(self.catalogue) | frozenset(self.rules)
        self.overlays: dict[str, list[OverlayEntry]] = {}
        self.vote_bases: dict[str, list[VoteBasis]] = {}
        self.caps: list[Cap] = [read_cap("", item, self, f"national caps[{index}]")
                                for index, item in enumerate(national.get("caps") or ())]
        for overlay in overlays:
            self._overlay(overlay)
        self.known_facts = frozenset(self.all_facts)
        # Answers that depend only on codes, subjects and dates, remembered for batches.
        self._memo: dict[tuple, object] = {}
        # The fast path's compiled proposal contexts (compiled.Context), by context key.
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

    def vote_basis(self, vote: Vote, province: str, on: datetime.date) -> str:
        """The citation of a vote rule for a case: the province's own (its overlay's `votes`)
        on that date, else the national one."""
        for item in self.vote_bases.get(province, ()) if province else ():
            if item.vote == vote.code and item.in_effect(on):
                return item.basis.cite(on)
        return vote.basis.cite(on)

    def caps_for(self, province: str, on: datetime.date, *, code: str | None = None,
                 unit_kind: str = "", caps: list[Cap] | None = None) -> list[Cap]:
        """The caps counting for a list of `province` on the decision date `on` (national ones
        and the province's), of a unit of `unit_kind`, limiting `code` (any code when None):
        the one way the engine and the list checks read caps. `caps` defaults to those of the
        rule files."""
        award = self.award_code_of(code) if code else None
        return [cap for cap in (self.caps if caps is None else caps)
                if cap.applies(province, on, unit_kind) and (award is None or award in cap.codes)]

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
    def _code_vote(self, code: str, key: str) -> Vote:
        """The vote of a title voted by the council although no automatic rule decides it."""
        if code not in self.catalogue:
            raise RuleFileError(f"code_votes.{code}: unknown code")
        if key not in self.votes:
            raise RuleFileError(f"code_votes.{code}: unknown vote {key!r}")
        return self.votes[key]

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
        rule.initiatives = any(counts_initiatives(v.conditions) for v in rule.versions)
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
        for index, item in enumerate(spec.get("votes") or ()):
            where = f"overlay {province} votes[{index}]"
            if item.get("vote") not in self.votes:
                raise RuleFileError(f"{where}: unknown vote {item.get('vote')!r}")
            self.vote_bases.setdefault(province, []).append(VoteBasis(
                item["vote"], _date(item["effective_from"]), _date(item.get("effective_to")),
                Compiler(self.documents, where).basis(item["basis"])))
        self.caps += [read_cap(province, item, self, f"overlay {province} caps[{index}]")
                      for index, item in enumerate(spec.get("caps") or ())]


def read_cap(province: str, item: dict, rules: "Registry", where: str,
             documents: dict | None = None) -> Cap:
    """One entry of a `caps` list (format: rules/overlays/README.md); RuleFileError names
    what is wrong."""
    codes, of = item.get("codes") or [], item.get("of") or []
    kinds = item.get("unit_kinds") or []
    base = of if isinstance(of, str) else "holders"
    if not (isinstance(codes, list) and isinstance(kinds, list)
            and (isinstance(of, list) or of in CAP_BASES)):
        raise RuleFileError(f"{where}: codes and unit_kinds must be lists, of a list of codes "
                            f"or one of {', '.join(CAP_BASES[1:])}")
    of = of if isinstance(of, list) else []
    unknown = sorted(code for code in [*codes, *of] if code not in rules.known_codes)
    if not codes or unknown:
        raise RuleFileError(f"{where}: needs known codes (unknown: {unknown})")
    wrong_kinds = sorted(set(kinds) - set(UNIT_KINDS))
    if wrong_kinds:
        raise RuleFileError(f"{where}: unknown unit kinds {wrong_kinds}")
    max_count, max_percent = item.get("max_count"), item.get("max_percent")
    if (max_count is None and max_percent is None) or (
            max_percent is not None and base == "holders" and not of):
        raise RuleFileError(f"{where}: needs max_count, or max_percent with `of`")
    if not item.get("effective_from"):
        raise RuleFileError(f"{where}: needs effective_from")
    try:
        start, end = _date(item["effective_from"]), _date(item.get("effective_to"))
    except ValueError as error:
        raise RuleFileError(f"{where}: {error}") from error
    return Cap(province=province, codes=frozenset(rules.award_code_of(c) for c in codes),
               start=start, end=end,
               basis=Compiler(documents or rules.documents, where).basis(item.get("basis")),
               confirmed=item.get("status", "in_force") != choices.Status.UNCONFIRMED,
               max_count=None if max_count is None else int(max_count),
               max_percent=None if max_percent is None else int(max_percent),
               of=frozenset(rules.award_code_of(c) for c in of), base=base,
               unit_kinds=frozenset(kinds))


def counts_initiatives(node) -> bool:
    """Whether a condition tree counts initiatives somewhere (not through another title)."""
    pred = getattr(node, "pred", None)
    if pred is not None:
        return getattr(pred, "what", "") == "initiative"
    children = [*getattr(node, "children", ()),
                *(getattr(node, name, None) for name in ("child", "every", "require"))]
    return any(counts_initiatives(child) for child in children if child is not None)


def load_yaml(path: Path) -> dict:
    return read_yaml(path)


@cache
def registry() -> Registry:
    overlays = [load_yaml(path) for path in sorted(OVERLAY_DIR.glob("*.yaml"))]
    return Registry(load_yaml(NATIONAL_FILE), overlays)
