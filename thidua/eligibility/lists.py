"""List checks (issue 3 item 5): what a single case cannot see, checked over a unit's list of
nominees for one year. Pure functions over the cases of contracts §2 (as queries.py and
facts_batch.py build them) and the list's rows; no ORM.

- duplicates: the same person (personal ID, else accent-folded name and birth date) or the same
  collective proposed twice for one title or form in one year; a nominee already holding it for
  that year; the achievements of a year rewarded twice with forms of the same level (G02);
- ratios: a collective title that needs a share of its members holding LĐTT (TTLĐTT, TTLĐXS:
  ≥ 70%), counted from the collective's member aggregates plus its members proposed in the list;
- caps: national, provincial or sector limits on how many may be proposed, read from the
  `caps` lists of the rule files (national.yaml and rules/overlays/*.yaml) through
  `Registry.caps_for`, the one reader the engine uses too; when a cap leaves fewer places than
  nominees, the female tie-break (G08) names who is preferred.

Cap entries (a list beside `entries` in an overlay, or at the top of national.yaml)::

    caps:
      - codes: [cstd_co_so]            # rule ids or catalogue codes capped
        effective_from: "2026-01-01"   # decision dates the cap counts for
        effective_to: null
        status: in_force               # unconfirmed: reported as a warning only
        unit_kinds: [school]           # lists of units of these kinds only (absent: any unit)
        max_percent: 15                # of `of`, per proposal year
        of: [ldtt, cstt, cstd_co_so]   # the subjects holding or proposed for these codes;
                                       # or `members` (the unit's members that year) or
                                       # `staff` (the people of the unit and its sub-units)
        max_count: null                # and/or a plain number
        basis: [{doc: SOME_DOCUMENT, article: 5, clause: 2}]
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import ngettext

from thidua.core.text import fold
from thidua.eligibility import messages as say
from thidua.eligibility.choices import NOT_BASE_KINDS
from thidua.eligibility.conditions import Basis, Compiler, RuleFileError
from thidua.eligibility.facts import Subject
from thidua.eligibility.messages import gettext as _
from thidua.eligibility.queries import LDTT_CODES
from thidua.eligibility.rules import NATIONAL_FILE, Cap, load_yaml, read_cap, registry

ERROR, WARNING, OK = "error", "warning", "ok"
# Categories of the catalogue that reward an achievement: two of the same level for the
# achievements of one year are a double reward (G02). Titles are emulation results, not forms.
FORM_CATEGORIES = frozenset({"certificate", "order"})
# A share "of ldtt" counts the holders of LĐTT, CSTT or CSTĐCS (contracts §2 `members.ldtt`).
COUNTED_AS = {"ldtt": frozenset(LDTT_CODES)}


@dataclass(frozen=True, slots=True)
class Nominee:
    """One row of a list of nominees. `key` names the subject in the register ("p:12" for a
    person, "u:5" for a unit); `members` are the keys of a collective's members that year."""

    row: int
    key: str
    name: str
    code: str
    case: dict
    personal_id: str = ""
    birth_date: datetime.date | None = None
    members: frozenset[str] = frozenset()

    @property
    def year(self) -> int:
        return int(self.case["propose"]["year"])

    @property
    def kind(self) -> str:
        return self.case["subject"].get("kind", "individual")

    @property
    def decision_date(self) -> datetime.date:
        given = self.case["propose"].get("decision_date")
        return datetime.date.fromisoformat(given) if given else datetime.date(self.year, 12, 31)

    @property
    def award_code(self) -> str:
        return registry().award_code_of(self.code)

    @property
    def award_kind(self) -> str:
        return registry().award_kind_of(self.code)


@dataclass(frozen=True, slots=True)
class Finding:
    check: str  # duplicate, already_held, double_reward, members_share, cap
    severity: str  # error, warning, ok
    rows: tuple[int, ...]
    message: str
    basis: str


@dataclass(frozen=True, slots=True)
class ListUnit:
    """The unit a list comes from, for caps counted per unit kind or on its people: its kind,
    its members in the proposal year (None: unknown) and its staff, the people of the unit and
    its sub-units (None: unknown)."""

    kind: str = ""
    members: int | None = None
    staff: int | None = None


def check_list(nominees: list[Nominee], *, population: Mapping[str, dict] | None = None,
               caps: list[Cap] | None = None, unit: ListUnit | None = None) -> list[Finding]:
    """Every finding over the list, in the order: duplicates, already held, double rewards,
    member shares, caps (each followed by its female tie-break when places are short).
    `population` ({key: case}) are the subjects of the unit the list comes from, for caps
    counted over holders; `caps` default to those of the rule files; `unit` describes the unit
    the list comes from (caps per unit kind, or counted on its members or staff)."""
    caps = load_caps() if caps is None else caps
    with say.one_language():
        return [*duplicates(nominees), *already_held(nominees), *double_rewards(nominees),
                *member_shares(nominees),
                *cap_checks(nominees, population or {}, caps, unit or ListUnit())]


# -- identities and rows ----------------------------------------------------------------------
def same_person(first: Nominee, second: Nominee) -> str:
    """Why two rows name the same subject ("" when they do not): the same register entry, the
    same personal ID, else (when either lacks an ID) the same folded name and birth date."""
    if first.key == second.key:
        return "record"
    if first.kind != "individual" or second.kind != "individual":
        return ""
    if first.personal_id and second.personal_id:
        return "personal_id" if first.personal_id == second.personal_id else ""
    if first.birth_date and first.birth_date == second.birth_date \
            and fold(first.name) == fold(second.name):
        return "name_birth"
    return ""


def rows_label(rows: Iterable[int]) -> str:
    rows = sorted(set(rows))
    listed = ", ".join(str(row) for row in rows)
    return ngettext("Row %(rows)s", "Rows %(rows)s", len(rows)) % {"rows": listed}


def g02_basis(on: datetime.date) -> str:
    return registry().guards["G02_no_double_reward"].cite(on)


def anchor(award: dict) -> int:
    """G10: the achievement year, else the decision's year."""
    return award["year"] if award.get("year") is not None else int(award["decision_date"][:4])


def held_in(case: dict, codes: Iterable[str], year: int, kind: str | None = None, *,
            by_anchor: bool = True) -> list[dict]:
    """The awards of the case for `codes` anchored in `year` (of `kind`, else of a base kind);
    with `by_anchor` False, only those whose achievement year is `year` (as the member
    aggregates count them)."""
    codes = set(codes)
    return [award for award in case.get("awards", ())
            if award["code"] in codes
            and (anchor(award) if by_anchor else award.get("year")) == year
            and (award.get("kind", "cong_trang") == kind if kind
                 else award.get("kind", "cong_trang") not in NOT_BASE_KINDS)]


# -- duplicates -------------------------------------------------------------------------------
def duplicates(nominees: list[Nominee]) -> list[Finding]:
    """The same subject proposed twice for one title or form (by award code) in one year."""
    groups: defaultdict[tuple, list[Nominee]] = defaultdict(list)
    for nominee in nominees:
        groups[(nominee.award_code, nominee.year)].append(nominee)
    findings = []
    for (code, year), group in groups.items():
        for first, second, why in clusters(group):
            findings.append(Finding("duplicate", ERROR, (first.row, second.row), duplicate_message(
                first, second, why, code, year), g02_basis(first.decision_date)))
    return findings


def clusters(group: list[Nominee]) -> list[tuple[Nominee, Nominee, str]]:
    """Each later row that names the same subject as an earlier one, with the earliest such row
    and the reason; a row is reported once."""
    found, seen = [], []
    for nominee in sorted(group, key=lambda item: item.row):
        match = next(((earlier, why) for earlier in seen
                      if (why := same_person(earlier, nominee))), None)
        if match:
            found.append((match[0], nominee, match[1]))
        else:
            seen.append(nominee)
    return found


def duplicate_message(first: Nominee, second: Nominee, why: str, code: str, year: int) -> str:
    values = {"rows": rows_label((first.row, second.row)), "name": first.name,
              "title": say.name(code), "year": year}
    if why == "personal_id":
        return _("%(rows)s: %(name)s is proposed twice for %(title)s in %(year)s (same personal "
                 "ID)") % values
    if why == "name_birth":
        values["birth"] = say.date(first.birth_date)
        return _("%(rows)s: %(name)s is proposed twice for %(title)s in %(year)s (same name and "
                 "date of birth %(birth)s)") % values
    return _("%(rows)s: %(name)s is proposed twice for %(title)s in %(year)s") % values


# -- already held -----------------------------------------------------------------------------
def already_held(nominees: list[Nominee]) -> list[Finding]:
    """A nominee whose record already holds the proposed award (same kind) for the year."""
    findings = []
    for nominee in nominees:
        held = held_in(nominee.case, [nominee.award_code], nominee.year, nominee.award_kind)
        if held:
            decided = datetime.date.fromisoformat(held[0]["decision_date"])
            message = _("%(rows)s: %(name)s already holds %(title)s for %(year)s (decision of "
                        "%(date)s)") % {"rows": rows_label([nominee.row]), "name": nominee.name,
                                        "title": say.name(nominee.award_code),
                                        "year": nominee.year, "date": say.date(decided)}
            findings.append(Finding("already_held", ERROR, (nominee.row,), message,
                                    g02_basis(nominee.decision_date)))
    return findings


# -- the same achievement rewarded twice (G02) -------------------------------------------------
def form_level(code: str) -> str | None:
    """The catalogue level of a form that rewards achievements; None for titles and others."""
    entry = registry().catalogue.get(code, {})
    return entry.get("level") if entry.get("category") in FORM_CATEGORIES else None


def double_rewards(nominees: list[Nominee]) -> list[Finding]:
    """A form proposed for the achievements of a year already rewarded (in the record, or by
    another row of the list) with a different form of the same level and kind."""
    findings, reported = [], set()
    for nominee in sorted(nominees, key=lambda item: item.row):
        level = form_level(nominee.award_code)
        if level is None:
            continue
        for award in same_level_awards(nominee, level):
            findings.append(held_twice(nominee, award))
        for other in nominees:
            pair = frozenset((nominee.row, other.row))
            if (other.row != nominee.row and pair not in reported
                    and other.award_code != nominee.award_code and other.year == nominee.year
                    and form_level(other.award_code) == level
                    and other.award_kind == nominee.award_kind and same_person(nominee, other)):
                reported.add(pair)
                findings.append(proposed_twice(nominee, other))
    return findings


def same_level_awards(nominee: Nominee, level: str) -> list[dict]:
    return [award for award in nominee.case.get("awards", ())
            if award["code"] != nominee.award_code and form_level(award["code"]) == level
            and anchor(award) == nominee.year
            and award.get("kind", "cong_trang") == nominee.award_kind]


def held_twice(nominee: Nominee, award: dict) -> Finding:
    values = {"rows": rows_label([nominee.row]), "name": nominee.name, "year": nominee.year,
              "title": say.name(nominee.award_code), "held": say.name(award["code"])}
    message = _("%(rows)s: the achievements of %(name)s in %(year)s were already rewarded with "
                "%(held)s, a form of the same level as %(title)s") % values
    return Finding("double_reward", ERROR, (nominee.row,), message,
                   g02_basis(nominee.decision_date))


def proposed_twice(first: Nominee, second: Nominee) -> Finding:
    values = {"rows": rows_label((first.row, second.row)), "name": first.name,
              "year": first.year, "first": say.name(first.award_code),
              "second": say.name(second.award_code)}
    message = _("%(rows)s: the achievements of %(name)s in %(year)s are proposed for both "
                "%(first)s and %(second)s, forms of the same level") % values
    return Finding("double_reward", ERROR, tuple(sorted((first.row, second.row))), message,
                   g02_basis(first.decision_date))


# -- member shares ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Share:
    rule_id: str
    version: str
    of: str
    percent: int
    basis: Basis


@cache
def shares() -> dict[tuple[str, str], list[Share]]:
    """{(rule id, version): the members_share conditions every case must meet}, read from the
    national rule file (only those under all_of from the top: a share inside any_of is one
    way among others, not a requirement)."""
    rules, found = registry(), {}
    for spec in load_yaml(NATIONAL_FILE)["rules"]:
        for version_spec in spec["versions"]:
            version = next(v for v in rules.rules[spec["id"]].versions
                           if v.version == str(version_spec["version"]))
            compiler = Compiler(rules.documents, f"rule {spec['id']}")
            found[(spec["id"], version.version)] = [
                Share(spec["id"], version.version, args["of"], int(args["min_percent"]),
                      compiler.basis(entries, version.basis))
                for args, entries in required_shares(version_spec["conditions"], None)]
    return found


def required_shares(node: dict, entries: list | None) -> list[tuple[dict, list | None]]:
    entries = node.get("basis") or entries
    if "members_share" in node:
        return [(node["members_share"], entries)]
    return [found for child in node.get("all_of", ()) for found in required_shares(child, entries)]


def share_for(code: str, kind: str, on: datetime.date) -> Share | None:
    """The least demanding share of members a collective proposed for `code` must reach on
    that date, when every path open to it has one; None otherwise."""
    rules, found = registry(), []
    for rule in rules.open_paths(code, Subject(kind=kind)):
        versions = [v for v in rule.versions if v.in_effect(on) and v.confirmed]
        required = [share for v in versions for share in shares().get((rule.id, v.version), ())]
        if not required:
            return None
        found.append(min(required, key=lambda share: share.percent))
    return min(found, key=lambda share: share.percent) if found else None


def member_shares(nominees: list[Nominee]) -> list[Finding]:
    """For each collective proposed for a title that needs a share of its members holding LĐTT:
    the members holding it (the case's aggregates) plus the members proposed for it in this
    list who do not hold it yet, against the members' total."""
    findings = []
    for nominee in nominees:
        if nominee.kind == "individual":
            continue
        share = share_for(nominee.code, nominee.kind, nominee.decision_date)
        if share is not None:
            findings.append(share_finding(nominee, share, nominees))
    return findings


def share_finding(collective: Nominee, share: Share, nominees: list[Nominee]) -> Finding:
    year, counted = collective.year, COUNTED_AS.get(share.of, frozenset((share.of,)))
    counts = collective.case.get("members", {}).get(str(year), {})
    held, total = counts.get(share.of), counts.get("total")
    values = {"rows": rows_label([collective.row]), "name": collective.name, "year": year,
              "title": say.name(share.of), "min": share.percent,
              "code": say.name(collective.code)}
    basis = share.basis.cite(collective.decision_date)
    if held is None or total is None:
        message = _("%(rows)s: the members of %(name)s in %(year)s are not recorded, so the "
                    "share holding %(title)s (at least %(min)s%% for %(code)s) cannot be "
                    "checked") % values
        return Finding("members_share", WARNING, (collective.row,), message, basis)
    # Members already holding it are in the aggregates: only the others are added.
    holding = {nominee.key for nominee in nominees
               if held_in(nominee.case, counted, year, by_anchor=False)}
    proposed = sorted({nominee.row: nominee.key for nominee in nominees
                       if nominee.kind == "individual" and nominee.year == year
                       and nominee.key in collective.members and nominee.key not in holding
                       and nominee.award_code in counted
                       and nominee.award_kind not in NOT_BASE_KINDS}.items())
    added = len({key for _row, key in proposed})
    part = held + added
    met = total > 0 and part * 100 >= share.percent * total
    rows = (collective.row, *(row for row, _key in proposed))
    values.update(part=part, total=total, held=held, added=added, rows=rows_label(rows),
                  percent=say.number(part * 100 / total) if total else "0")
    message = _("%(rows)s: %(part)s of %(total)s members of %(name)s (%(percent)s%%) hold or are "
                "proposed for %(title)s in %(year)s (%(held)s already hold it, %(added)s proposed "
                "in this list); %(code)s needs at least %(min)s%%") % values
    return Finding("members_share", OK if met else ERROR, rows, message, basis)


# -- caps -------------------------------------------------------------------------------------
def load_caps(directory: Path | None = None) -> list[Cap]:
    """The caps of the rule files (national and overlays), or of the overlay files of
    `directory` (tests, a province's draft)."""
    if directory is None:
        return list(registry().caps)
    return read_caps(Path(directory))


def read_caps(directory: Path) -> list[Cap]:
    rules = registry()
    found = []
    for path in sorted(directory.glob("*.yaml")):
        spec = load_yaml(path) or {}
        province = spec.get("province", "")
        if not province:
            raise RuleFileError(f"{path.name}: needs a province")
        documents = {**rules.documents, **spec.get("documents", {})}
        for index, item in enumerate(spec.get("caps") or ()):
            found.append(read_cap(province, item, rules, f"{path.name}: caps[{index}]",
                                  documents))
    return found


def caps_over_holders(nominees: list[Nominee], caps: list[Cap], unit_kind: str = "") -> bool:
    """Whether a percentage cap over holders applies to this list, which counts over the
    subjects of the unit (`population` of check_list); reading every case of a unit is needed
    only then."""
    rules = registry()
    return any(cap.max_percent is not None and cap.base == "holders"
               for nominee in nominees
               for cap in rules.caps_for(nominee.case["propose"].get("province", ""),
                                         nominee.decision_date, code=nominee.code,
                                         unit_kind=unit_kind, caps=caps))


def cap_checks(nominees: list[Nominee], population: Mapping[str, dict], caps: list[Cap],
               unit: ListUnit | None = None) -> list[Finding]:
    """Each cap counting for the list, per proposal year, and the female tie-break (G08)
    after a cap that leaves fewer places than nominees."""
    unit = unit or ListUnit()
    findings = []
    by_year: defaultdict[int, list[Nominee]] = defaultdict(list)
    for nominee in nominees:
        by_year[nominee.year].append(nominee)
    for year, group in sorted(by_year.items()):
        province = group[0].case["propose"].get("province", "")
        on = group[0].decision_date
        for cap in registry().caps_for(province, on, unit_kind=unit.kind, caps=caps):
            capped = [n for n in group if n.award_code in cap.codes]
            if not capped:
                continue
            finding, places = cap_finding(cap, capped, group, population, year, on, unit)
            findings.append(finding)
            if places is not None and places < len({n.key for n in capped}):
                findings.append(female_tiebreak(capped, places, year, on))
    return findings


def cap_finding(cap: Cap, capped: list[Nominee], group: list[Nominee],
                population: Mapping[str, dict], year: int, on: datetime.date,
                unit: ListUnit | None = None) -> tuple[Finding, int | None]:
    """The cap's finding, and the number of places it leaves (None: not known)."""
    count = len({nominee.key for nominee in capped})
    values = {"rows": rows_label(n.row for n in capped), "count": count, "year": year,
              "title": say.names(sorted(cap.codes))}
    texts, places = [], None
    if cap.max_count is not None:
        places = cap.max_count
        texts.append(_("at most %(max)s allowed") % {"max": cap.max_count})
    unknown = False
    if cap.max_percent is not None:
        base = cap_base(cap, group, population, year, unit or ListUnit())
        if base is None:
            unknown = True
            texts.append(cap_base_unknown(cap))
        else:
            allowed = cap.max_percent * base // 100
            places = allowed if places is None else min(places, allowed)
            texts.append(cap_base_text(cap, base))
    values["limit"] = "; ".join(texts)
    message = _("%(rows)s: %(count)s proposed for %(title)s in %(year)s; %(limit)s") % values
    if not cap.confirmed:
        message += " " + _("(cap not confirmed: needs review)")
    met = places is None or count <= places
    severity = (WARNING if unknown and met else OK if met
                else ERROR if cap.confirmed else WARNING)
    return (Finding("cap", severity, tuple(sorted({n.row for n in capped})), message,
                    cap.basis.cite(on)), places)


def cap_base_text(cap: Cap, base: int) -> str:
    values = {"percent": cap.max_percent, "base": base, "of": say.names(sorted(cap.of))}
    if cap.base == "members":
        return _("at most %(percent)s%% of the unit's %(base)s members") % values
    if cap.base == "staff":
        return _("at most %(percent)s%% of the %(base)s people of the unit") % values
    return _("at most %(percent)s%% of the %(base)s holding or proposed for %(of)s") % values


def cap_base_unknown(cap: Cap) -> str:
    values = {"percent": cap.max_percent}
    if cap.base == "members":
        return _("at most %(percent)s%% of the unit's members, whose number is not recorded: "
                 "check by hand") % values
    return _("at most %(percent)s%% of the people of the unit, whose number is not known: "
             "check by hand") % values


# -- the female tie-break (G08) ------------------------------------------------------------------
FEMALE_SHARE = 70  # a collective counts as female-majority from 70% women members (G08)


def female_tiebreak(capped: list[Nominee], places: int, year: int,
                    on: datetime.date) -> Finding:
    """More nominees than places: ND 152 Art. 4(6) prefers women, and collectives with at
    least 70% women members. Names the rows preferred, and those whose gender or women share
    the records do not tell (to check by hand)."""
    preferred, unknown = set(), set()
    for nominee in capped:
        female = is_female(nominee, year)
        if female:
            preferred.add(nominee.row)
        elif female is None:
            unknown.add(nominee.row)
    values = {"rows": rows_label(n.row for n in capped), "places": places, "year": year,
              "count": len({n.key for n in capped})}
    message = _("%(rows)s: %(count)s nominees for %(places)s places in %(year)s; among equally "
                "qualified nominees, women and collectives with at least 70%% women members "
                "are preferred") % values
    if preferred:
        message += "; " + _("preferred: %(rows)s") % {"rows": rows_label(preferred).lower()}
    if unknown:
        message += "; " + _("gender or share of women not recorded, check by hand: "
                            "%(rows)s") % {"rows": rows_label(unknown).lower()}
    return Finding("female_tiebreak", WARNING, tuple(sorted({n.row for n in capped})), message,
                   registry().guards["G08_female_tiebreak"].cite(on))


def is_female(nominee: Nominee, year: int) -> bool | None:
    """A woman, or a collective with ≥ 70% women members that year; None when not recorded."""
    if nominee.kind == "individual":
        gender = nominee.case.get("subject", {}).get("gender") or ""
        return None if not gender else gender == "female"
    counts = nominee.case.get("members", {}).get(str(year), {})
    female, total = counts.get("female"), counts.get("total")
    if female is None or not total:
        return None
    return female * 100 >= FEMALE_SHARE * total


def cap_base(cap: Cap, group: list[Nominee], population: Mapping[str, dict], year: int,
             unit: ListUnit | None = None) -> int | None:
    """What the percentage is taken of: the unit's members or staff (None: unknown), or the
    subjects holding one of `cap.of` for the year (base kinds) or proposed for one."""
    if cap.base == "members":
        return unit.members if unit else None
    if cap.base == "staff":
        return unit.staff if unit else None
    holders = {key for key, case in population.items() if held_in(case, cap.of, year)}
    holders |= {n.key for n in group if n.case and held_in(n.case, cap.of, year)}
    proposed = {n.key for n in group if n.award_code in cap.of}
    return len(holders | proposed)


def iso_date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))
