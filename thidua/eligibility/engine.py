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
import datetime
from typing import Any

from thidua.eligibility import evaluation
from thidua.eligibility import messages as say
from thidua.eligibility.cases import parse_payload
from thidua.eligibility.choices import (
    MATERNITY_FACT,
    RANK,
    Verdict,
)
from thidua.eligibility.compiled import COMPILING, Context, PathPlan
from thidua.eligibility.facts import Case, Proposal
from thidua.eligibility.history import History
from thidua.eligibility.outcomes import ELIGIBLE, INELIGIBLE, RANKING, REVIEW
from thidua.eligibility.rules import Registry, registry

CONTEXT_LIMIT = 512  # compiled proposal contexts kept per registry


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
        return evaluation.Evaluation(case, rules, explain=explain, earliest=earliest).verdict()


def check_many(cases: list[Case], *, explain: bool = False, earliest: bool = False) -> list[dict]:
    """A batch over one registry; by default the fast path (verdicts without reasons)."""
    rules = registry()
    if not explain:
        return [fast_answer(case, rules, History(case), case.propose.code, earliest)
                for case in cases]
    with say.one_language():
        return [evaluation.Evaluation(case, rules, explain=explain, earliest=earliest).verdict()
                for case in cases]


def check_codes(case: Case, codes: list[str], *, explain: bool = False,
                earliest: bool = False) -> list[dict]:
    """One subject, several codes (e.g. every code a person could be proposed for): the
    history is indexed once. `case.propose` gives the year and dates; its code is replaced."""
    rules, history = registry(), History(case)
    if not explain:
        return [fast_answer(case, rules, history, code, earliest) for code in codes]
    with say.one_language():
        return [evaluation.Evaluation(case, rules, explain=explain, earliest=earliest, history=history,
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
        simulated = evaluation.Evaluation(case, rules, explain=False, earliest=True, history=h,
                                          code=code)
        year = simulated.earliest_year(plan.open_paths)
        if year is not None:
            answer["earliest_year"] = year
    return answer


def plan_for(rules: Registry, case: Case, code: str) -> "Plan":
    """The compiled plan of `code` for the case's proposal context (cached on the registry)."""
    p, subject = case.propose, case.subject
    context = context_for(rules, p.year, p.decision_date, p.received_date, p.province,
                          case.facts, subject.kind, subject.group)
    return plan_of(context, code, p.decided_by, case.council)


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


def plan_of(context: Context, code: str, decided_by: str = "", council=None) -> "Plan":
    """The plan of `code` in `context`, compiled once and kept on the context."""
    key = (code, decided_by, council)
    plan = context.plans.get(key)
    if plan is None:
        with COMPILING:
            plan = context.plans.get(key) or Plan(context, code, decided_by, council)
            context.plans[key] = plan
    return plan


class Plan:
    """One code in one context: the open paths compiled, and the guards that do not depend on
    the history computed once by an Evaluation of the case without its history.
    `plan.verdict(h)` is the verdict alone (batches), a closure shaped for the plan."""

    def __init__(self, context: Context, code: str, decided_by: str, council) -> None:
        rules, T = context.rules, context.T
        propose = Proposal(code=code, year=T, decision_date=context.D,
                           received_date=context.R, decided_by=decided_by,
                           province=context.province)
        stub = evaluation.Evaluation(Case(propose=propose, subject=context.subject, facts=context.facts,
                               council=council), rules, explain=False, earliest=False)
        self.code, self.T, self.answer = code, T, None
        self.open_paths = rules.open_paths(code, context.subject)
        self.paths: list[PathPlan] = []
        self.fixed_verdict = None
        if not rules.paths(code) or context.D < evaluation.MODELLED_FROM or not self.open_paths:
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
