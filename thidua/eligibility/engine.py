"""The eligibility check of contracts §2: one case in, one verdict out, with every check made,
its Vietnamese message and the article it rests on. Pure: no ORM, no clock, no I/O.

Verdict, first that applies: INVALID_AUTHORITY (G12), INELIGIBLE (a condition, the vote (G13),
registration (G01), double reward (G02) or a provincial deadline fails under every version that
could apply), DEFERRED (G05), NEEDS_HUMAN_REVIEW (an unconfirmed rule or an unknown count
decides, or no automatic rule exists), ELIGIBLE.

Two paths give the same verdicts (tests compare them): with reasons, `Evaluation` walks the
condition trees and writes every check; without (`explain=False`: batches, lists), a `Plan`
compiled once per proposal context (year, dates, province, facts, subject group) runs closures
in which everything that does not depend on the history is already decided."""

import copy
import dataclasses
import datetime
import math
import threading
from typing import Any

from thidua.awards.choices import SubjectKind
from thidua.eligibility import messages as say
from thidua.eligibility.cases import parse_payload
from thidua.eligibility.choices import (
    BASE_KIND,
    CONDUCT_FACTS,
    INITIATIVE_USED_FACT,
    MATERNITY_FACT,
    PENDING_FACTS,
    RANK,
    REGISTRATION_FACT,
    SCOPE_RANK,
    Verdict,
)
from thidua.eligibility.conditions import (
    AllOf,
    AnyOf,
    Delegated,
    Leaf,
    Satisfies,
    Uncertain,
    Window,
    and3,
    reason,
)
from thidua.eligibility.facts import AwardFact, Case, InitiativeFact, Members, Proposal, Subject
from thidua.eligibility.history import NEVER, History
from thidua.eligibility.messages import gettext as _
from thidua.eligibility.predicates import Env, Fixed, Needs, compile_predicate
from thidua.eligibility.rules import Registry, Rule, RuleFileError, Version, registry
from thidua.people.choices import PersonGroup

MODELLED_FROM = datetime.date(2024, 1, 1)
HORIZON = 15  # earliest_year looks this many years ahead
CONTEXT_LIMIT = 512  # compiled proposal contexts kept per registry
# Compiling keeps state on the Context (the overlay, Needs.gate): one thread compiles at a time.
# What is compiled is only read afterwards, without the lock.
COMPILING = threading.RLock()
ELIGIBLE, INELIGIBLE, REVIEW = Verdict.ELIGIBLE.value, Verdict.INELIGIBLE.value, \
    Verdict.NEEDS_HUMAN_REVIEW.value
RANKING = {ELIGIBLE: 0, REVIEW: 1, INELIGIBLE: 2}
OUTCOME_VALUE = {ELIGIBLE: True, REVIEW: None, INELIGIBLE: False}


def check(data: Any) -> dict | list[dict]:
    """JSON in (one case or an array), JSON out; raises cases.CaseError on unreadable input."""
    parsed = parse_payload(data)
    if isinstance(parsed, list):
        return [check_case(case) for case in parsed]
    return check_case(parsed)


def check_case(case: Case, *, explain: bool = True, earliest: bool = True) -> dict:
    """The verdict of one parsed case. `explain=False` leaves reasons empty and takes the
    compiled fast path (batches); the verdict is the same either way."""
    rules = registry()
    if not explain:
        return fast_answer(case, rules, History(case), case.propose.code, earliest)
    with say.one_language():
        return Evaluation(case, rules, explain=explain, earliest=earliest).verdict()


def check_many(cases: list[Case], *, explain: bool = False, earliest: bool = False) -> list[dict]:
    """A batch over one registry; by default the fast path (verdicts without reasons)."""
    rules = registry()
    if not explain:
        return [fast_answer(case, rules, History(case), case.propose.code, earliest)
                for case in cases]
    with say.one_language():
        return [Evaluation(case, rules, explain=explain, earliest=earliest).verdict()
                for case in cases]


def check_codes(case: Case, codes: list[str], *, explain: bool = False,
                earliest: bool = False) -> list[dict]:
    """One subject, several codes (e.g. every code a person could be proposed for): the
    history is indexed once. `case.propose` gives the year and dates; its code is replaced."""
    rules, history = registry(), History(case)
    if not explain:
        return [fast_answer(case, rules, history, code, earliest) for code in codes]
    with say.one_language():
        return [Evaluation(case, rules, explain=explain, earliest=earliest, history=history,
                           code=code).verdict() for code in codes]


def fast_answer(case: Case, rules: Registry, h: History, code: str, earliest: bool) -> dict:
    """The answer without reasons, from the plan compiled for the case's context."""
    plan = plan_for(rules, case, code)
    if plan.answer is not None:
        return plan.copy_answer()
    verdict, chosen = plan.decide(h)
    answer = {"verdict": verdict, "code": code, "year": case.propose.year,
              "rule": chosen.primary.as_dict() if chosen.primary else None,
              "reasons": [], "to_confirm": list(plan.to_confirm)}
    if verdict == INELIGIBLE and earliest and all(path.failed(h) for path in plan.paths):
        evaluation = Evaluation(case, rules, explain=False, earliest=True, history=h, code=code)
        year = evaluation.earliest_year(plan.open_paths)
        if year is not None:
            answer["earliest_year"] = year
    return answer


def plan_for(rules: Registry, case: Case, code: str) -> "Plan":
    """The compiled plan of `code` for the case's proposal context (cached on the registry)."""
    p, subject = case.propose, case.subject
    context = context_for(rules, p.year, p.decision_date, p.received_date, p.province,
                          case.facts, subject.kind, subject.group)
    return context.plan(code, p.decided_by, case.council)


def context_for(rules: Registry, year: int, decided: datetime.date,
                received: datetime.date | None, province: str, facts: dict, kind: str,
                group: str) -> "Context":
    key = (year, decided, received, province, tuple(sorted(facts.items())), kind, group)
    context = rules.compiled.get(key)
    if context is None:
        with COMPILING:
            if len(rules.compiled) >= CONTEXT_LIMIT:  # many distinct dates: start again
                rules.compiled.clear()
            context = rules.compiled.setdefault(key, Context(
                rules, year, decided, received, province, dict(facts), kind, group))
    return context


@dataclasses.dataclass(slots=True)
class PathResult:
    rule: Rule
    outcome: str
    primary: Version | None
    reasons: list
    conditions_failed: bool


class Evaluation:
    def __init__(self, case: Case, rules: Registry, *, explain: bool, earliest: bool,
                 history: History | None = None, code: str = "") -> None:
        self.case, self.rules, self.explain, self.want_earliest = case, rules, explain, earliest
        self.p = case.propose
        self.code = code or case.propose.code
        self.h = history or History(case)

    # -------------------------------------------------------------- the verdict
    def verdict(self) -> dict:
        paths = self.rules.paths(self.code)
        if not paths:
            return self.advisory()
        if self.p.decision_date < MODELLED_FROM:
            return self.not_modelled()
        open_paths = self.rules.open_paths(self.code, self.case.subject)
        if not open_paths:
            return self.wrong_subject(paths)
        results = [self.run_path(rule, len(open_paths) > 1) for rule in open_paths]
        chosen = min(results, key=lambda result: RANKING[result.outcome])
        reasons = chosen.reasons + [r for result in results if result is not chosen
                                    for r in result.reasons]
        vote = self.vote(chosen.primary, reasons)
        registered = self.registration(open_paths, reasons)
        double = self.double_reward(open_paths, reasons)
        deadline = self.deadline(chosen.rule, reasons)
        self.caps(reasons)
        self.ignored_awards(reasons)
        pending = self.pending(reasons)
        self.discipline_clock(reasons)
        maternity = self.maternity(chosen.outcome, reasons)
        single_use = self.initiative_single_use(open_paths, reasons)
        authority = self.authority(open_paths, reasons)
        # G07: a refusal that a rating of the maternity year could lift is left to an officer.
        outcome = REVIEW if maternity is None else chosen.outcome
        ineligible = (outcome == INELIGIBLE or vote is False or registered is False
                      or double is False or deadline is False)
        if authority is False:
            verdict = Verdict.INVALID_AUTHORITY.value
        elif ineligible:
            verdict = INELIGIBLE
        elif pending:
            verdict = Verdict.DEFERRED.value
        elif outcome == REVIEW or authority is None or single_use is None:
            verdict = REVIEW
        else:
            verdict = ELIGIBLE
        answer = self.answer(verdict, chosen.primary, reasons, self.to_confirm(open_paths))
        if (verdict == INELIGIBLE and self.want_earliest and chosen.conditions_failed
                and all(result.conditions_failed for result in results)):
            year = self.earliest_year(open_paths)
            if year is not None:
                answer["earliest_year"] = year
        return answer

    def answer(self, verdict: str, version: Version | None, reasons: list,
               to_confirm: list[str]) -> dict:
        return {"verdict": verdict, "code": self.code, "year": self.p.year,
                "rule": version.as_dict() if version else None,
                "reasons": reasons if self.explain else [], "to_confirm": to_confirm}

    # -------------------------------------------------------------- rule paths and versions
    def env(self, rule: Rule, year: int, decided: datetime.date,
            received: datetime.date | None) -> Env:
        overlay = (self.rules.overlay(self.p.province, rule.id, decided)
                   if self.p.province else None)
        return Env(T=year, D=decided, R=received, overlay=overlay, engine=self)

    def run_path(self, rule: Rule, tag_rule: bool) -> PathResult:
        could, favourable = self.rules.applicable(rule, self.p.decision_date, self.p.received_date)
        if not could and not favourable:
            return PathResult(rule, REVIEW, None, self.no_version(rule) if self.explain else [],
                              False)
        primary = next((v for v in could if v.confirmed), None) or (could or favourable)[0]
        values, reasons = {}, []
        for version in could + favourable:
            out = [] if self.explain else None
            values[version] = self.evaluate_version(rule, version, self.h, self.p.year,
                                                    self.p.decision_date, self.p.received_date, out)
            for item in out or ():
                if tag_rule:
                    item["rule"] = rule.id
                if version is not primary:
                    item["version"] = version.version
                reasons.append(item)
        outcome = combine([values[v] for v in could if v.confirmed],
                          [values[v] for v in could if not v.confirmed],
                          [values[v] for v in favourable])
        failed = all(value is False for value in values.values())
        return PathResult(rule, outcome, primary, reasons, failed)

    def evaluate_version(self, rule: Rule, version: Version, h: History, year: int,
                         decided: datetime.date, received: datetime.date | None,
                         out: list | None) -> bool | None:
        env = self.env(rule, year, decided, received)
        value = version.conditions.run(h, env, out)
        for node, _entry in env.overlay.extras() if env.overlay else ():
            value = and3(value, node.run(h, env, out))
        return value

    def satisfies(self, family: str, h: History, env: Env, out: list | None) -> bool | None:
        """Meets the standard of another title, under its own versions on the same dates."""
        paths = self.rules.open_paths(family, h.subject)
        if not paths:
            if out is not None:
                out.append(self.subject_reason(self.rules.paths(family), env.D))
            return False
        result = False
        for rule in paths:
            value = self.path_value(rule, h, env.T, env.D, env.R, out)
            if value is True:
                return True
            if value is None:
                result = None
        return result

    def path_value(self, rule: Rule, h: History, year: int, decided: datetime.date,
                   received: datetime.date | None, out: list | None) -> bool | None:
        """One path as True, False or None; reasons (if wanted) of its primary version only."""
        could, favourable = self.rules.applicable(rule, decided, received)
        if not could and not favourable:
            return None
        primary = next((v for v in could if v.confirmed), None) or (could or favourable)[0]
        confirmed, unconfirmed, more_favourable = [], [], []
        for version in could + favourable:
            value = self.evaluate_version(rule, version, h, year, decided, received,
                                          out if version is primary else None)
            if version in favourable:
                more_favourable.append(value)
            else:
                (confirmed if version.confirmed else unconfirmed).append(value)
        return OUTCOME_VALUE[combine(confirmed, unconfirmed, more_favourable)]

    # -------------------------------------------------------------- guards and checks
    # Each check computes its value first; the sentence is written only when reasons are wanted.
    def guard_basis(self, guard: str, on: datetime.date | None = None) -> str:
        return self.rules.guards[guard].cite(on or self.p.decision_date)

    def vote(self, version: Version | None, reasons: list) -> bool | None:
        """G13: ballots count on the total membership; a majority needs more yes than half of
        the votes cast. Without a council the check is not decidable and changes nothing."""
        if version is None or version.vote is None:
            return True
        vote, council = version.vote, self.case.council
        if council is None:
            met = None
        elif vote.kind == "ballot":
            met = council.yes * 100 >= vote.min_percent * council.total
        else:
            met = council.yes * 2 > council.yes + council.no + council.abstain
        if self.explain:
            reasons.append(self.explain_vote(vote, council, met))
        return met

    def explain_vote(self, vote, council, met: bool | None) -> dict:
        basis = self.rules.vote_basis(vote, self.p.province, self.p.decision_date)
        check = (f"vote ≥{vote.min_percent}% of all members" if vote.kind == "ballot"
                 else "vote majority")
        if council is None:
            return reason(check, None, _("No council vote given: the vote is checked when its "
                                         "result is entered"), basis)
        values = {"yes": council.yes, "total": council.total, "min": vote.min_percent,
                  "percent": say.number(council.yes * 100 / council.total),
                  "needed": math.ceil(vote.min_percent * council.total / 100),
                  "cast": council.yes + council.no + council.abstain}
        if vote.kind == "ballot":
            message = _("%(yes)s of %(total)s members voted yes (%(percent)s%%); a secret ballot "
                        "needs at least %(min)s%% of all members (%(needed)s votes)") % values
        else:
            message = _("%(yes)s yes out of %(cast)s votes cast; a majority needs more than "
                        "half") % values
        return reason(check, met, message, basis)

    def registration(self, paths: list[Rule], reasons: list) -> bool:
        """G01: annual titles only for those who registered for the emulation."""
        if not any(rule.registration for rule in paths):
            return True
        given = self.case.facts.get(REGISTRATION_FACT)
        met = given is not False
        if self.explain:
            text = {"fact": say.fact_text(REGISTRATION_FACT)}
            message = (_("Asserted by the proposal, to be confirmed: %(fact)s") % text
                       if given is None else _("Confirmed: %(fact)s") % text if given
                       else _("Did not register for the emulation: an annual title cannot be "
                              "given"))
            reasons.append(reason(f"G01 {REGISTRATION_FACT}", met, message,
                                  self.guard_basis("G01_registration_required")))
        return met

    def double_reward(self, paths: list[Rule], reasons: list) -> bool:
        """G02: one achievement, one award. An annual title already held for the year is
        found in the history; a form (which may be given again for new achievements) only
        through the stated fact."""
        same = any(award.kind == rule.award_kind and award.anchor_year == self.p.year
                   for rule in paths if rule.annual
                   for award in self.h.awards.get(rule.award_code, ()))
        stated = self.case.facts.get("same_achievement_already_rewarded", False)
        met = not same and not stated
        if self.explain:
            values = {"title": say.name(self.code), "year": self.p.year,
                      "fact": say.fact_text("same_achievement_already_rewarded")}
            annual = any(rule.annual for rule in paths)
            message = (_("%(title)s is already recorded for %(year)s") % values if same
                       else _("Stated: %(fact)s") % values if stated
                       else _("No %(title)s recorded for %(year)s yet") % values if annual
                       else _("Not stated: %(fact)s") % values)
            reasons.append(reason(f"G02 not already rewarded for {self.p.year}", met, message,
                                  self.guard_basis("G02_no_double_reward")))
        return met

    def ignored_awards(self, reasons: list) -> None:
        """G03: say which thematic and one-off awards were left out of every chain and count."""
        if not self.h.ignored or not self.explain:
            return
        listed = "; ".join(f"{say.name(a.code)} {a.anchor_year} ({say.kind(a.kind)})"
                           for a in self.h.ignored)
        reasons.append(reason("G03 thematic and one-off awards not counted", True,
                              _("Not counted as a base for any later award: %(awards)s")
                              % {"awards": listed},
                              self.guard_basis("G03_dot_xuat_chuyen_de_not_base")))

    def caps(self, reasons: list) -> None:
        """Caps on how many may be proposed (national or provincial): a list check, named here
        so that the officer knows the list will be counted."""
        if not self.explain:
            return
        for cap in self.rules.caps_for(self.p.province, self.p.decision_date, code=self.code):
            values = {"title": say.names(sorted(cap.codes)), "year": self.p.year}
            message = _("%(title)s is capped for the list of nominees of %(year)s: the cap is "
                        "counted by the list checks") % values
            if not cap.confirmed:
                message += " " + _("(cap not confirmed: needs review)")
            reasons.append(reason(f"cap {'/'.join(sorted(cap.codes))}", None, message,
                                  cap.basis.cite(self.p.decision_date)))

    def maternity(self, outcome: str, reasons: list) -> bool | None:
        """G07: maternity leave counts as working time. When the year's rating is missing and
        a good rating would make the subject eligible, an officer decides (None)."""
        if not self.case.facts.get(MATERNITY_FACT) or self.case.subject.kind != "individual":
            return True
        rated = self.p.year in self.h.ratings
        decisive = (not rated and outcome == INELIGIBLE
                    and plan_for(self.rules, self.case, self.code).lifted_by_rating(self.h))
        met = None if decisive else True
        if self.explain:
            values = {"year": self.p.year}
            message = (_("Maternity leave in %(year)s counts as working time: the rating of "
                         "the year is taken as given") % values if rated
                       else _("Maternity leave in %(year)s counts as working time, but the "
                              "year has no rating: the unit rates it as usual, an officer "
                              "reviews") % values if decisive
                       else _("Maternity leave in %(year)s counts as working time; even a "
                              "good rating of the year would not change the verdict") % values)
            reasons.append(reason("G07 maternity leave counted as working time", met, message,
                                  self.guard_basis("G07_maternity_counts")))
        return met

    def initiative_single_use(self, paths: list[Rule], reasons: list) -> bool | None:
        """G11: an initiative is used once as a criterion. Stated as already used for a rule
        that counts initiatives: an officer decides (the guard is LOW, not a refusal)."""
        given = self.case.facts.get(INITIATIVE_USED_FACT)
        if given is None or not any(rule.initiatives for rule in paths):
            return True
        met = None if given else True
        if self.explain:
            text = {"fact": say.fact_text(INITIATIVE_USED_FACT)}
            message = (_("Stated: %(fact)s; an initiative is used once as a criterion, an "
                         "officer reviews") % text if given
                       else _("Confirmed not so: %(fact)s") % text)
            reasons.append(reason("G11 initiative used once", met, message,
                                  self.guard_basis("G11_initiative_single_use")))
        return met

    def pending(self, reasons: list) -> bool:
        """G05: a pending discipline, investigation or complaint defers the proposal."""
        pending = [fact for fact in PENDING_FACTS if self.case.facts.get(fact)]
        if self.explain:
            message = (_("Deferred while pending: %(facts)s") % {
                "facts": "; ".join(say.fact_text(fact) for fact in pending)} if pending
                else _("No pending discipline, investigation or complaint is stated"))
            reasons.append(reason("G05 nothing pending", not pending, message,
                                  self.guard_basis("G05_defer_while_pending")))
        return bool(pending)

    def discipline_clock(self, reasons: list) -> None:
        """G06: say from which year achievements count again."""
        source = self.h.clock_source
        if source is None or not self.explain:
            return
        values = {"level": say.discipline(source.level), "start": say.date(source.start),
                  "year": self.h.clock}
        if self.h.clock >= NEVER:
            message = _("Discipline (%(level)s) from %(start)s is still in force: no year counts "
                        "yet") % values
            check = "G06 discipline still in force"
        else:
            values["end"] = say.date(source.end)
            message = _("Discipline (%(level)s) from %(start)s to %(end)s: achievements count "
                        "only from %(year)s") % values
            check = f"G06 years counted from {self.h.clock}"
        reasons.append(reason(check, self.h.counts(self.p.year), message,
                              self.guard_basis("G06_post_discipline_clock")))

    def authority(self, paths: list[Rule], reasons: list) -> bool | None:
        """G12: the decider's power over this code on the decision date."""
        if not self.p.decided_by:
            return True
        codes, confirmed = self.rules.authority(paths, self.p.decision_date)
        return self.authority_check(codes, confirmed, reasons)

    def authority_check(self, codes: frozenset[str], confirmed: bool, reasons: list) -> bool | None:
        decider = self.p.decided_by
        met = True if decider in codes else (False if confirmed else None)
        if self.explain:
            reasons.append(self.explain_authority(codes, confirmed, met))
        return met

    def explain_authority(self, codes: frozenset[str], confirmed: bool, met: bool | None) -> dict:
        on, decider = self.p.decision_date, self.p.decided_by
        values = {"authority": say.authority(decider), "title": say.name(self.code),
                  "date": say.date(on),
                  "competent": "; ".join(say.authority(code) for code in sorted(codes)) or "—"}
        if met:
            message = _("%(authority)s may decide %(title)s on %(date)s") % values
        else:
            message = _("%(authority)s has no power to decide %(title)s on %(date)s; competent: "
                        "%(competent)s") % values
            if decider == "district_chair" and on >= datetime.date(2025, 7, 1):
                message += "; " + _("the district level no longer exists from 01/07/2025 (its "
                                    "powers went to the commune chair)")
            if not confirmed:
                message += " " + _("(authority not confirmed: needs review)")
        return reason(f"G12 authority {decider} on {on.isoformat()}", met, message,
                      self.guard_basis("G12_authority_by_date", on))

    def deadline(self, rule: Rule, reasons: list) -> bool | None:
        """A provincial overlay's submission deadline, checked on the receipt date."""
        if not self.p.province:
            return True
        overlay = self.rules.overlay(self.p.province, rule.id, self.p.decision_date)
        result, received = True, self.p.received_date
        for entry in overlay.deadlines() if overlay else ():
            deadline = datetime.date(self.p.year, entry.deadline[1], entry.deadline[0])
            met = None if received is None else received <= deadline
            if self.explain:
                reasons.append(reason(f"deadline {deadline.isoformat()}", met,
                                      self.deadline_message(deadline, met),
                                      entry.basis.cite(self.p.decision_date)))
            if met is False:
                result = False
        return result

    def deadline_message(self, deadline: datetime.date, met: bool | None) -> str:
        values = {"deadline": say.date(deadline)}
        if met is None:
            return _("The dossier must reach the provincial appraising body by %(deadline)s; no "
                     "receipt date given") % values
        values["received"] = say.date(self.p.received_date)
        if met:
            return _("Dossier received on %(received)s, by the deadline %(deadline)s") % values
        return _("Dossier received on %(received)s, after the deadline %(deadline)s") % values

    def to_confirm(self, paths: list[Rule]) -> list[str]:
        """Conduct facts (and registration) assumed true because the case does not give them."""
        wanted = self.rules.assumed_facts(paths, self.case.subject, self.p.decision_date,
                                          self.p.received_date)
        return [fact for fact in wanted if fact not in self.case.facts]

    # -------------------------------------------------------------- answers without a rule
    def advisory(self) -> dict:
        """A known code without an automatic rule: an officer decides (contracts §2)."""
        basis_key = "orders_basis" if self.code.startswith("hc_") else "default_basis"
        reasons = [reason(f"automatic rule for {self.code}", None, _(
            "There is no automatic rule for %(title)s: an officer reviews the dossier")
            % {"title": say.name(self.code)},
            self.rules.advisory[basis_key].cite(self.p.decision_date))]
        pending = self.pending(reasons)
        authority = True
        codes = self.rules.catalogue_authorities(self.code)
        if self.p.decided_by and codes and self.p.decision_date >= MODELLED_FROM:
            authority = self.authority_check(codes, True, reasons)
        verdict = (Verdict.INVALID_AUTHORITY.value if authority is False
                   else Verdict.DEFERRED.value if pending else REVIEW)
        return self.answer(verdict, None, reasons, [])

    def not_modelled(self) -> dict:
        reasons = [reason("rules in force before 2024-01-01", None, _(
            "Decisions dated before 01/01/2024 follow the earlier law, whose rules are not "
            "modelled: an officer reviews the dossier"),
            self.rules.documents["LAW_2022"]["cite"] + ", Điều 94")]
        return self.answer(REVIEW, None, reasons, [])

    def no_version(self, rule: Rule) -> list:
        on = self.p.received_date or self.p.decision_date
        first = rule.versions[0]
        return [reason(f"rule version of {rule.id} in force on {on.isoformat()}", None, _(
            "No modelled version of %(title)s applies on %(date)s (transitional rules): an "
            "officer reviews the dossier") % {"title": rule.name, "date": say.date(on)},
            first.basis.cite(first.start))]

    def wrong_subject(self, paths: list[Rule]) -> dict:
        reasons = [self.subject_reason(paths, self.p.decision_date)]
        version = next((v for v in paths[0].versions if v.in_effect(self.p.decision_date)), None)
        return self.answer(INELIGIBLE, version, reasons, [])

    def subject_reason(self, paths: list[Rule], on: datetime.date) -> dict:
        subject = self.case.subject
        kinds = sorted({kind for rule in paths for kind in rule.subjects})
        groups = sorted({group for rule in paths for group in rule.groups})
        described = say_subject(subject.kind, subject.group)
        allowed = ", ".join(str(SubjectKind(kind).label).lower() for kind in kinds)
        if groups and subject.kind == "individual":
            allowed = ", ".join(str(PersonGroup(group).label).lower() for group in groups)
        version = paths[0].versions[0]
        return reason(f"subject {subject.kind}/{subject.group}", False, _(
            "%(title)s is for: %(allowed)s; this case is about: %(subject)s")
            % {"title": paths[0].name, "allowed": allowed, "subject": described},
            version.basis.cite(on))

    # -------------------------------------------------------------- earliest year
    def earliest_year(self, paths: list[Rule]) -> int | None:
        """The first year after T in which the subject could qualify if the history continues
        well: from T on, a missing rating is HTXS, an initiative is recognised each year, a
        collective's members all qualify, conduct facts hold, and each annual title the
        subject then qualifies for is granted. Facts of other kinds stay as given."""
        if self.h.clock >= NEVER:
            return None
        simulation = Simulation(self, paths)
        for year in range(self.p.year, self.p.year + HORIZON + 1):
            history = simulation.grow(year)
            if year > self.p.year and simulation.qualifies(paths, history, year):
                return year
        return None


class Simulation:
    """The case carried forward year by year for earliest_year (fast path only): one history
    grown in place, and each year's titles decided by the plans compiled for that year."""

    def __init__(self, evaluation: Evaluation, target: list[Rule]) -> None:
        self.evaluation, self.case = evaluation, evaluation.case
        self.rules = evaluation.rules
        self.members = dict(self.case.members)
        self.facts = {**self.case.facts, **dict.fromkeys(CONDUCT_FACTS, True),
                      REGISTRATION_FACT: True}
        self.h = Growing(dataclasses.replace(self.case, members=self.members,
                                             facts=self.facts))
        families = {rule.family for rule in target}
        self.annual = [family for family, rules in self.rules.families.items()
                       if family not in families and any(rule.simulate for rule in rules)
                       and any(rule.open_to(self.case.subject) for rule in rules)]

    def grow(self, year: int) -> History:
        individual = self.case.subject.kind == "individual"
        history = self.h
        history.ratings.setdefault(year, RANK["HTXS"])
        if individual and not any(item[0] == year for item in history.initiatives):
            history.add_initiative(InitiativeFact(year=year, scope="toan_quoc"))
        if not individual:
            self.fill_members(year)
        for family in self.annual:
            paths = self.rules.open_paths(family, self.case.subject)
            held = {rule.award_code for rule in paths}
            if any(a.anchor_year == year for code in held for a in history.awards.get(code, ())):
                continue
            if self.qualifies(paths, history, year):
                history.add_award(AwardFact(code=paths[0].award_code, year=year, kind=BASE_KIND))
        return history

    def fill_members(self, year: int) -> None:
        known = self.members.get(year)
        if known and None not in (known.total, known.rated_ht_or_better, known.ldtt,
                                  known.cstd_co_so, known.disciplined):
            return
        total = (known.total if known and known.total is not None
                 else self.evaluation.h.last_member_total) or 1
        self.members[year] = Members(total=total, rated_ht_or_better=total, ldtt=total,
                                     cstd_co_so=1, disciplined=())

    def qualifies(self, paths: list[Rule], history: History, year: int) -> bool:
        """Evaluation.path_value on 31 December of `year`, through the compiled plans."""
        subject = self.case.subject
        context = context_for(self.rules, year, datetime.date(year, 12, 31), None,
                              self.case.propose.province, self.facts, subject.kind,
                              subject.group)
        for rule in paths:
            value = context.path_value(rule)
            if (value.value if isinstance(value, Fixed) else value(history)) is not False:
                return True
        return False


class Growing(History):
    """A History that earliest_year extends in place: the same indexes as a History built
    from the extended case (ratings, initiatives and base awards only ever get added)."""

    def add_initiative(self, item: InitiativeFact) -> None:
        self.initiatives = tuple(sorted((*self.initiatives, (
            item.year, SCOPE_RANK[item.scope], item.recognised_by))))

    def add_award(self, award: AwardFact) -> None:
        self.awards.setdefault(award.code, []).append(award)
        self._years.clear()  # History.years caches by codes and kinds


def combine(confirmed: list, unconfirmed: list, favourable: list) -> str:
    """One path's outcome from its versions' results (contracts §2): INELIGIBLE only when every
    version that could apply fails; ELIGIBLE when every one passes (a version that counts only if
    more favourable cannot spoil it); anything else depends on an unconfirmed rule or an unknown
    count."""
    if confirmed and all(v is False for v in (*confirmed, *unconfirmed, *favourable)):
        return INELIGIBLE
    if confirmed and all(v is True for v in (*confirmed, *unconfirmed)):
        return ELIGIBLE
    return REVIEW


def say_subject(kind: str, group: str) -> str:
    text = str(SubjectKind(kind).label).lower()
    if kind == "individual":
        text += f" ({str(PersonGroup(group).label).lower()})"
    return text


# ------------------------------------------------------------------ compiled plans
# The fast path (verdicts without reasons): for one proposal context the condition trees are
# compiled once into closures `f(h, y, w, b)` (predicates.py explains the arguments) with
# every part that does not depend on the history folded into a constant (facts, delegated
# standards without an overlay, unconfirmed criteria). Each closure answers what `node.run(h,
# env, None)` answers; the guards that depend only on the case (G01, G05, G12, the vote, the
# deadline, to_confirm) are computed once per plan by the Evaluation itself.
NO_BIND: dict = {}  # the bindings of a tree without `prior`: nothing ever writes to it


def binds(compiled) -> bool:
    """Whether a compiled node binds a prior anchor (so it must run even if its value is known)."""
    return getattr(compiled, "binds", False)


def runnable(compiled):
    """A compiled node as a function, even when its value is fixed."""
    if not isinstance(compiled, Fixed):
        return compiled
    value = compiled.value

    def fixed(h, y, w, b):
        return value
    return fixed


def as_node(value):
    """A path value `f(h)` (another title's standard, in a fresh Env) as a node closure."""
    if isinstance(value, Fixed):
        return value

    def node(h, y, w, b):
        return value(h)
    return node


class Context:
    """One proposal context — year T, decision and receipt dates, province, facts, subject kind
    and group — with the rule versions compiled for it and the plans of its codes."""

    def __init__(self, rules: Registry, year: int, decided: datetime.date,
                 received: datetime.date | None, province: str, facts: dict, kind: str,
                 group: str) -> None:
        self.rules, self.T, self.D, self.R = rules, year, decided, received
        self.province, self.facts = province, facts
        self.subject = Subject(kind=kind, group=group)
        self.static_env = Env(T=year, D=decided, R=received)
        self.needs = Needs()
        self.overlay = None  # the overlay of the rule version being compiled
        self._versions: dict = {}
        self._paths: dict = {}
        self._families: dict = {}
        self._plans: dict = {}

    def plan(self, code: str, decided_by: str = "", council=None) -> "Plan":
        key = (code, decided_by, council)
        plan = self._plans.get(key)
        if plan is None:
            with COMPILING:
                plan = self._plans.get(key) or Plan(self, code, decided_by, council)
                self._plans[key] = plan
        return plan

    # -- rule versions and paths
    def version(self, rule: Rule, version: Version):
        """A version's conditions (and its overlay's extra conditions) as `f(h)` or Fixed."""
        if version not in self._versions:
            overlay = (self.rules.overlay(self.province, rule.id, self.D)
                       if self.province else None)
            needs = self.needs
            # A version runs in its own Env: no window around it, no prior bound yet.
            saved = self.overlay, needs.gate, needs.bound
            self.overlay, needs.gate, needs.bound = overlay, None, {}
            try:
                parts = [self.node(version.conditions)]
                parts += [self.node(node) for node, _entry in overlay.extras()] if overlay else []
            finally:
                self.overlay, needs.gate, needs.bound = saved
            self._versions[version] = self.conjunction(parts)
        return self._versions[version]

    def conjunction(self, parts: list):
        """evaluate_version: the conditions, then and3 with each extra condition."""
        if all(isinstance(part, Fixed) for part in parts):
            value = True
            for part in parts:
                value = and3(value, part.value)
            return Fixed(value)
        T, fresh = self.T, any(binds(part) for part in parts)
        first, *extras = [runnable(part) for part in parts]
        if not extras:
            if not fresh:
                return lambda h: first(h, T, None, NO_BIND)
            return lambda h: first(h, T, None, {})

        def version(h):
            bound = {} if fresh else NO_BIND
            value = first(h, T, None, bound)
            for extra in extras:
                if value is False:
                    return False
                value = and3(value, extra(h, T, None, bound))
            return value
        return version

    def path_value(self, rule: Rule):
        """Evaluation.path_value for this context: `f(h)` → True, False or None, or Fixed."""
        if rule.id not in self._paths:
            with COMPILING:
                if rule.id not in self._paths:
                    self._paths[rule.id] = self.compile_path_value(rule)
        return self._paths[rule.id]

    def compile_path_value(self, rule: Rule):
        could, favourable = self.rules.applicable(rule, self.D, self.R)
        if not could and not favourable:
            return Fixed(None)
        groups = ([self.version(rule, v) for v in could if v.confirmed],
                  [self.version(rule, v) for v in could if not v.confirmed],
                  [self.version(rule, v) for v in favourable])
        if all(isinstance(f, Fixed) for group in groups for f in group):
            return Fixed(OUTCOME_VALUE[combine(*[[f.value for f in group] for group in groups])])
        confirmed, unconfirmed, favoured = groups
        if len(confirmed) == 1 and not unconfirmed and not favoured:
            return confirmed[0]  # combine of one confirmed value is that value

        def value(h):
            return OUTCOME_VALUE[combine(*[[f.value if isinstance(f, Fixed) else f(h)
                                            for f in group] for group in groups])]
        return value

    # -- condition nodes
    def node(self, node):
        kind = type(node)
        if kind is Leaf:
            return compile_predicate(node.pred, self)
        if kind is AllOf:  # compiled lazily: children after a fixed answer never run
            return self.all_of(self.node(child) for child in node.children)
        if kind is AnyOf:
            return self.any_of(self.node(child) for child in node.children)
        if kind is Uncertain:
            return self.uncertain(node)
        if kind is Window:
            return self.window(node)
        if kind is Satisfies:
            return self.satisfies(node.family)
        if kind is Delegated:
            inner = (self.overlay.delegated(node.topic, self.subject.kind)
                     if self.overlay else None)
            return Fixed(None) if inner is None else self.node(inner)
        return self.generic(node)

    def generic(self, node):
        """A node type without a compiled form: its own `run`, in an Env made per call."""
        self.needs.details = True
        T, D, R, overlay, run = self.T, self.D, self.R, self.overlay, node.run

        def test(h, y, w, b):
            return run(h, Env(T=T, D=D, R=R, year=y, bind=b, window=w, overlay=overlay), None)
        test.binds = True
        return test

    @staticmethod
    def all_of(parts):
        """AllOf.run without reasons: False wins, then None; children run in order until the
        first False (a child bound before it keeps its binding). `parts` is consumed lazily:
        children after a fixed False never run, so they are not compiled (nor their rows
        read)."""
        fns, unknown = [], False
        for part in parts:
            if isinstance(part, Fixed):
                if part.value is None:
                    unknown = True
                elif part.value is False:
                    return Context.stop(fns, False)
                continue
            fns.append(part)
        if not fns:
            return Fixed(None if unknown else True)
        return Context.joined(fns, unknown, False)

    @staticmethod
    def any_of(parts):
        """AnyOf.run without reasons: True wins, then None (`parts` consumed lazily)."""
        fns, unknown = [], False
        for part in parts:
            if isinstance(part, Fixed):
                if part.value is None:
                    unknown = True
                elif part.value is True:
                    return Context.stop(fns, True)
                continue
            fns.append(part)
        if not fns:
            return Fixed(None if unknown else False)
        return Context.joined(fns, unknown, True)

    @staticmethod
    def stop(fns: list, value: bool):
        """The children before a fixed deciding child: run only for the priors they bind."""
        if not any(binds(f) for f in fns):
            return Fixed(value)

        def run(h, y, w, b):
            for f in fns:
                if f(h, y, w, b) is value:
                    return value
            return value
        run.binds = True
        return run

    @staticmethod
    def joined(fns: list, unknown: bool, wins: bool):
        """all_of (wins=False) or any_of (wins=True) over closures; `unknown`: a fixed child
        is None. The answer is `wins` as soon as a child gives it, else None if any child
        (or a fixed one) is None, else `not wins`."""
        loses = not wins
        if len(fns) == 1:
            f = fns[0]
            if not unknown:
                return f

            def run(h, y, w, b):
                return wins if f(h, y, w, b) is wins else None
        elif len(fns) == 2:
            f, g = fns

            def run(h, y, w, b):
                u = f(h, y, w, b)
                if u is wins:
                    return wins
                v = g(h, y, w, b)
                if v is wins:
                    return wins
                return None if unknown or u is None or v is None else loses
        else:
            def run(h, y, w, b):
                result = None if unknown else loses
                for f in fns:
                    value = f(h, y, w, b)
                    if value is wins:
                        return wins
                    if value is None:
                        result = None
                return result
        run.binds = any(binds(f) for f in fns)
        return run

    def uncertain(self, node: Uncertain):
        child = self.node(node.child)
        if node.mode == "content":  # its result is never trusted
            if not binds(child):
                return Fixed(None)

            def run(h, y, w, b):
                child(h, y, w, b)
            run.binds = True
            return run
        neutral = node.neutral
        if isinstance(child, Fixed):
            return Fixed(child.value if child.value is neutral else None)

        def run(h, y, w, b):
            value = child(h, y, w, b)
            return value if value is neutral else None
        run.binds = binds(child)
        return run

    def window(self, node: Window):
        """Window.run without reasons. Inside it rows are read only for people holding the
        prior award its name was bound to (Needs.gate); unknown binding: everyone's."""
        needs = self.needs
        codes = needs.bound.get(node.after)
        saved, needs.gate = needs.gate, frozenset(codes) if codes else None
        try:
            every = runnable(self.node(node.every)) if node.every is not None else None
            require = runnable(self.node(node.require)) if node.require is not None else None
        finally:
            needs.gate = saved
        after, to, min_years, T = node.after, node.to, node.min_years, self.T

        def run(h, y, w, b):
            anchor = b.get(after)
            if anchor is None:
                return False
            last = to.value(T, y)
            first = anchor + 1
            if h.clock > first:
                first = h.clock
            if every is None:
                start = min(first, last + 1)
            else:
                start, year = last + 1, last
                while year >= first and every(h, year, w, b) is True:
                    start, year = year, year - 1
            if last - start + 1 < min_years:
                return False
            return True if require is None else require(h, y, (start, last), b)
        run.binds = binds(every) or binds(require)
        return run

    def satisfies(self, family: str):
        """Evaluation.satisfies: True if any open path of the family passes, else None if
        any is undecided, else False (no open path: False)."""
        if family not in self._families:
            self._families[family] = None  # a family that satisfies itself is a rule-file error
            paths = self.rules.open_paths(family, self.subject)
            self._families[family] = self.any_of(as_node(self.path_value(rule))
                                                 for rule in paths)
        compiled = self._families[family]
        if compiled is None:
            raise RuleFileError(f"satisfies: {family!r} refers to itself")
        return compiled


class PathPlan:
    """Evaluation.run_path for one open path: its outcome and whether all conditions failed.
    A path with no confirmed version is NEEDS_HUMAN_REVIEW whatever its conditions say: they
    are compiled only if earliest_year asks whether they all failed."""

    __slots__ = ("context", "rule", "primary", "specs", "single", "fixed", "_compiled")

    def __init__(self, context: Context, rule: Rule) -> None:
        could, favourable = context.rules.applicable(rule, context.D, context.R)
        self.context, self.rule = context, rule
        self.primary = (next((v for v in could if v.confirmed), None) or (could or favourable)[0]
                        if could or favourable else None)
        # (version, group): 0 confirmed, 1 unconfirmed, 2 counted only if more favourable
        self.specs = [(v, 0 if v.confirmed else 1) for v in could] + [(v, 2) for v in favourable]
        self.single, self.fixed, self._compiled = None, None, None
        if not any(group == 0 for _v, group in self.specs):
            self.fixed = REVIEW  # combine: nothing confirmed, or no version at all
            return
        versions = self.compiled()
        if all(isinstance(f, Fixed) for f in versions):
            self.fixed = self.combined([f.value for f in versions])
        elif len(versions) == 1:
            self.single = versions[0]  # combine of one confirmed value is that value

    def compiled(self) -> list:
        if self._compiled is None:
            with COMPILING:
                self._compiled = [self.context.version(self.rule, v) for v, _group in self.specs]
        return self._compiled

    def values(self, h: History) -> list:
        return [f.value if isinstance(f, Fixed) else f(h) for f in self.compiled()]

    def combined(self, values: list) -> str:
        groups = ([], [], [])
        for value, (_v, group) in zip(values, self.specs, strict=True):
            groups[group].append(value)
        return combine(*groups)

    def outcome(self, h: History) -> str:
        if self.fixed is not None:
            return self.fixed
        if self.single is not None:
            value = self.single(h)
            return ELIGIBLE if value is True else INELIGIBLE if value is False else REVIEW
        return self.combined(self.values(h))

    def failed(self, h: History) -> bool:
        """Every version that could apply fails (earliest_year is then worth computing)."""
        return bool(self.specs) and all(value is False for value in self.values(h))


class Plan:
    """One code in one context: the open paths compiled, and the guards that do not depend on
    the history computed once by an Evaluation of the case without its history.
    `plan.verdict(h)` is the verdict alone (batches), a closure shaped for the plan."""

    def __init__(self, context: Context, code: str, decided_by: str, council) -> None:
        rules, T = context.rules, context.T
        propose = Proposal(code=code, year=T, decision_date=context.D,
                           received_date=context.R, decided_by=decided_by,
                           province=context.province)
        stub = Evaluation(Case(propose=propose, subject=context.subject, facts=context.facts,
                               council=council), rules, explain=False, earliest=False)
        self.code, self.T, self.answer = code, T, None
        self.open_paths = rules.open_paths(code, context.subject)
        self.paths: list[PathPlan] = []
        self.fixed_verdict = None
        if not rules.paths(code) or context.D < MODELLED_FROM or not self.open_paths:
            self.answer = stub.verdict()  # no automatic rule, not modelled, wrong subject
            self.fixed_verdict = self.answer["verdict"]
            self.verdict = self.verdict_function()
            return
        self.paths = [PathPlan(context, rule) for rule in self.open_paths]
        # A path is spoiled when its vote or its provincial deadline fails (INELIGIBLE).
        self.spoiled = [stub.vote(path.primary, []) is False
                        or stub.deadline(path.rule, []) is False for path in self.paths]
        stated = bool(context.facts.get("same_achievement_already_rewarded", False))
        self.always_ineligible = stub.registration(self.open_paths, []) is False or stated
        self.pending = stub.pending([])
        self.authority = stub.authority(self.open_paths, [])
        self.single_use = stub.initiative_single_use(self.open_paths, [])
        self.maternity = (bool(context.facts.get(MATERNITY_FACT))
                          and context.subject.kind == "individual")
        self.to_confirm = tuple(stub.to_confirm(self.open_paths))
        # G02: the (codes, kinds) of History.years holding an annual title of these paths.
        self.annual = tuple(dict.fromkeys(((rule.award_code,), (rule.award_kind,))
                                          for rule in self.open_paths if rule.annual))
        context.needs.award([codes[0] for codes, _kinds in self.annual], T)  # year T only
        if self.authority is False:
            self.fixed_verdict = Verdict.INVALID_AUTHORITY.value
        elif self.always_ineligible or all(self.spoiled):
            self.fixed_verdict = INELIGIBLE
        self.verdict = self.verdict_function()

    def copy_answer(self) -> dict:
        answer = dict(self.answer, reasons=[], to_confirm=list(self.answer["to_confirm"]))
        if answer["rule"] is not None:
            answer["rule"] = dict(answer["rule"])
        return answer

    def held(self, h: History) -> bool:
        """G02: an annual title of these paths is already recorded for T."""
        T = self.T
        return any(codes[0] in h.awards and T in h.years(codes, kinds)
                   for codes, kinds in self.annual)

    def chosen(self, h: History) -> tuple[int, str]:
        """The path with the best outcome (the first of equals) and that outcome; an ELIGIBLE
        path ends the search, as no later one could be chosen over it."""
        best, outcome = 0, None
        for index, path in enumerate(self.paths):
            result = path.outcome(h)
            if outcome is None or RANKING[result] < RANKING[outcome]:
                best, outcome = index, result
                if result == ELIGIBLE:
                    break
        return best, outcome

    def lifted_by_rating(self, h: History) -> bool:
        """G07: whether a good rating of year T (missing from the history) would make a path
        other than INELIGIBLE."""
        filled = copy.copy(h)
        filled.ratings = {**h.ratings, self.T: RANK["HTXS"]}
        return any(path.outcome(filled) != INELIGIBLE for path in self.paths)

    def decide(self, h: History) -> tuple[str, PathPlan]:
        """The verdict of Evaluation.verdict, and the chosen path (for the answer's rule)."""
        index, outcome = self.chosen(h)
        if (outcome == INELIGIBLE and self.maternity and self.T not in h.ratings
                and self.lifted_by_rating(h)):
            outcome = REVIEW
        ineligible = (outcome == INELIGIBLE or self.spoiled[index] or self.always_ineligible
                      or (bool(self.annual) and self.held(h)))
        return self.settle(outcome, ineligible), self.paths[index]

    def settle(self, outcome: str, ineligible: bool) -> str:
        if self.authority is False:
            return Verdict.INVALID_AUTHORITY.value
        if ineligible:
            return INELIGIBLE
        if self.pending:
            return Verdict.DEFERRED.value
        if outcome == REVIEW or self.authority is None or self.single_use is None:
            return REVIEW
        return ELIGIBLE

    def verdict_function(self):
        """decide(h)[0] as a closure: a fixed verdict; else G02 first (INELIGIBLE whatever the
        paths say), then the paths, whose outcome maps to the verdict through the guards
        fixed for the plan (authority not False here: that verdict is fixed)."""
        if self.fixed_verdict is not None:
            fixed = self.fixed_verdict
            return lambda h: fixed
        if self.maternity:  # G07 looks at the missing rating: the general path
            return lambda h: self.decide(h)[0]
        verdicts = {outcome: self.settle(outcome, outcome == INELIGIBLE)
                    for outcome in (ELIGIBLE, REVIEW, INELIGIBLE)}
        annual, held = self.annual, self.held
        if not any(self.spoiled):  # then only the best outcome matters, not its path
            function = self.best_outcome_function(verdicts)
            if function is not None:
                return function
        chosen, spoiled = self.chosen, self.spoiled

        def verdict(h):
            if annual and held(h):
                return INELIGIBLE
            index, outcome = chosen(h)
            return INELIGIBLE if spoiled[index] else verdicts[outcome]
        return verdict

    def best_outcome_function(self, verdicts: dict):
        """The verdict closure when no path is spoiled: paths with a fixed outcome set a floor,
        and a single path left to run maps its value straight to the verdict (or None when
        the plan has another shape)."""
        floor = min((path.fixed for path in self.paths if path.fixed is not None),
                    key=RANKING.get, default=INELIGIBLE)
        running = [path for path in self.paths if path.fixed is None]
        T, annual = self.T, self.annual
        if floor == ELIGIBLE or not running:
            result = verdicts[floor]
            if not annual:
                return lambda h: result
            if len(annual) == 1:
                (codes, kinds), = annual
                code = codes[0]
                return lambda h: (INELIGIBLE if code in h.awards and T in h.years(codes, kinds)
                                  else result)
            return None
        if len(running) != 1 or running[0].single is None:
            return None
        # A value beats the floor only if its outcome ranks better.
        by_value = {value: verdicts[min((outcome, floor), key=RANKING.get)]
                    for value, outcome in ((True, ELIGIBLE), (None, REVIEW),
                                           (False, INELIGIBLE))}
        test = running[0].single
        if not annual:
            return lambda h: by_value[test(h)]
        if len(annual) == 1:
            (codes, kinds), = annual
            code = codes[0]

            def verdict(h):
                if code in h.awards and T in h.years(codes, kinds):
                    return INELIGIBLE
                return by_value[test(h)]
            return verdict
        return None
