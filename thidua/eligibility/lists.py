"""List checks (issue 3 item 5): what a single case cannot see, checked over a unit's list of
nominees for one year. Pure functions over the cases of contracts §2 (as queries.py and
facts_batch.py build them) and the list's rows; no ORM.

- duplicates: the same person (personal ID, else accent-folded name and birth date) or the same
  collective proposed twice for one title or form in one year; a nominee already holding it for
  that year; the achievements of a year rewarded twice with forms of the same level (G02);
- ratios: a collective title that needs a share of its members holding LĐTT (TTLĐTT, TTLĐXS:
  ≥ 70%), counted from the collective's member aggregates plus its members proposed in the list;
- caps: provincial or sector limits on how many may be proposed, read from the `caps` list of
  the overlay files (rules/overlays/*.yaml), which the rule registry does not load.

Cap entries (one list per overlay file, beside `entries`)::

    caps:
      - codes: [cstd_co_so]            # rule ids or catalogue codes capped
        effective_from: "2026-01-01"   # decision dates the cap counts for
        effective_to: null
        status: in_force               # unconfirmed: reported as a warning only
        max_percent: 15                # of the subjects holding or proposed for `of` that year
        of: [ldtt, cstt, cstd_co_so]
        max_count: null                # and/or a plain number
        basis: [{doc: SOME_DOCUMENT, article: 5, clause: 2}]
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.core.text import fold
from thidua.eligibility import messages as say
from thidua.eligibility.choices import NOT_BASE_KINDS, Status
from thidua.eligibility.conditions import Basis, Compiler, RuleFileError
from thidua.eligibility.facts import Subject
from thidua.eligibility.queries import LDTT_CODES
from thidua.eligibility.rules import NATIONAL_FILE, OVERLAY_DIR, load_yaml, registry

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
class Cap:
    province: str
    codes: frozenset[str]  # award codes
    start: datetime.date
    end: datetime.date | None
    basis: Basis
    confirmed: bool = True
    max_count: int | None = None
    max_percent: int | None = None
    of: frozenset[str] = field(default_factory=frozenset)  # award codes

    def applies(self, province: str, on: datetime.date) -> bool:
        return (self.province == province and self.start <= on
                and (self.end is None or on <= self.end))


def check_list(nominees: list[Nominee], *, population: Mapping[str, dict] | None = None,
               caps: list[Cap] | None = None) -> list[Finding]:
    """Every finding over the list, in the order: duplicates, already held, double rewards,
    member shares, caps. `population` ({key: case}) are the subjects of the unit the list comes
    from, for caps counted over holders; `caps` default to those of the overlay files."""
    caps = load_caps() if caps is None else caps
    return [*duplicates(nominees), *already_held(nominees), *double_rewards(nominees),
            *member_shares(nominees), *cap_checks(nominees, population or {}, caps)]


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
    """The `caps` of every overlay file in `directory` (default: rules/overlays/)."""
    if directory is None:
        return list(default_caps())
    return read_caps(Path(directory))


@cache
def default_caps() -> tuple[Cap, ...]:
    return tuple(read_caps(OVERLAY_DIR))


def read_caps(directory: Path) -> list[Cap]:
    rules = registry()
    found = []
    for path in sorted(directory.glob("*.yaml")):
        spec = load_yaml(path) or {}
        documents = {**rules.documents, **spec.get("documents", {})}
        for index, item in enumerate(spec.get("caps") or ()):
            found.append(read_cap(spec.get("province", ""), item, documents,
                                  f"{path.name}: caps[{index}]"))
    return found


def read_cap(province: str, item: dict, documents: dict, where: str) -> Cap:
    rules = registry()
    codes, of = item.get("codes") or [], item.get("of") or []
    if not (isinstance(codes, list) and isinstance(of, list)):
        raise RuleFileError(f"{where}: codes and of must be lists")
    unknown = sorted(code for code in [*codes, *of] if code not in rules.known_codes)
    if not province or not codes or unknown:
        raise RuleFileError(f"{where}: needs a province and known codes (unknown: {unknown})")
    max_count, max_percent = item.get("max_count"), item.get("max_percent")
    if (max_count is None and max_percent is None) or (max_percent is not None and not of):
        raise RuleFileError(f"{where}: needs max_count, or max_percent with `of`")
    if not item.get("effective_from"):
        raise RuleFileError(f"{where}: needs effective_from")
    try:
        start, end = iso_date(item["effective_from"]), iso_date(item.get("effective_to"))
    except ValueError as error:
        raise RuleFileError(f"{where}: {error}") from error
    return Cap(province=province, codes=frozenset(rules.award_code_of(c) for c in codes),
               start=start, end=end,
               basis=Compiler(documents, where).basis(item.get("basis")),
               confirmed=item.get("status", "in_force") != Status.UNCONFIRMED,
               max_count=None if max_count is None else int(max_count),
               max_percent=None if max_percent is None else int(max_percent),
               of=frozenset(rules.award_code_of(c) for c in of))


def caps_over_holders(nominees: list[Nominee], caps: list[Cap]) -> bool:
    """Whether a percentage cap applies to this list, which counts over the holders of the
    unit (`population` of check_list); reading every case of a unit is needed only then."""
    return any(cap.max_percent is not None and cap.applies(
        nominee.case["propose"].get("province", ""), nominee.decision_date)
        and nominee.award_code in cap.codes for cap in caps for nominee in nominees)


def cap_checks(nominees: list[Nominee], population: Mapping[str, dict],
               caps: list[Cap]) -> list[Finding]:
    findings = []
    by_year: defaultdict[int, list[Nominee]] = defaultdict(list)
    for nominee in nominees:
        by_year[nominee.year].append(nominee)
    for year, group in sorted(by_year.items()):
        province = group[0].case["propose"].get("province", "")
        on = group[0].decision_date
        for cap in caps:
            capped = [n for n in group if n.award_code in cap.codes]
            if capped and cap.applies(province, on):
                findings.append(cap_finding(cap, capped, group, population, year, on))
    return findings


def cap_finding(cap: Cap, capped: list[Nominee], group: list[Nominee],
                population: Mapping[str, dict], year: int, on: datetime.date) -> Finding:
    count = len({nominee.key for nominee in capped})
    values = {"rows": rows_label(n.row for n in capped), "count": count, "year": year,
              "title": say.names(sorted(cap.codes))}
    texts, met = [], True
    if cap.max_count is not None:
        met = met and count <= cap.max_count
        texts.append(_("at most %(max)s allowed") % {"max": cap.max_count})
    if cap.max_percent is not None:
        base = cap_base(cap, group, population, year)
        met = met and count * 100 <= cap.max_percent * base
        texts.append(_("at most %(percent)s%% of the %(base)s holding or proposed for %(of)s")
                     % {"percent": cap.max_percent, "base": base,
                        "of": say.names(sorted(cap.of))})
    values["limit"] = "; ".join(texts)
    message = _("%(rows)s: %(count)s proposed for %(title)s in %(year)s; %(limit)s") % values
    if not cap.confirmed:
        message += " " + _("(cap not confirmed: needs review)")
    severity = OK if met else (ERROR if cap.confirmed else WARNING)
    return Finding("cap", severity, tuple(sorted({n.row for n in capped})), message,
                   cap.basis.cite(on))


def cap_base(cap: Cap, group: list[Nominee], population: Mapping[str, dict], year: int) -> int:
    """Subjects holding one of `cap.of` for the year (base kinds) or proposed for one."""
    holders = {key for key, case in population.items() if held_in(case, cap.of, year)}
    holders |= {n.key for n in group if n.case and held_in(n.case, cap.of, year)}
    proposed = {n.key for n in group if n.award_code in cap.of}
    return len(holders | proposed)


def iso_date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))
