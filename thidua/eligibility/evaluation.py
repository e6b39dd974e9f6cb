"""The eligibility check with its reasons (contracts §2): `Evaluation` walks the condition
trees of every open path and writes each check made, its Vietnamese message and its article;
`earliest_year` simulates the years ahead (`Simulation`, `Growing`). The entry points are in
engine.py, which also holds the compiled fast path's plans: the two call each other (a plan
asks a history-free Evaluation for its guards; an evaluation asks a plan whether a rating
lifts a condition), so each imports the other as a module."""

import dataclasses
import datetime
import math

from thidua.awards.choices import SubjectKind
from thidua.eligibility import engine
from thidua.eligibility import messages as say
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
from thidua.eligibility.conditions import and3, reason
from thidua.eligibility.environment import Env, Fixed
from thidua.eligibility.facts import AwardFact, Case, InitiativeFact, Members
from thidua.eligibility.history import NEVER, History
from thidua.eligibility.messages import gettext as _
from thidua.eligibility.outcomes import (
    ELIGIBLE,
    INELIGIBLE,
    OUTCOME_VALUE,
    RANKING,
    REVIEW,
    combine,
)
from thidua.eligibility.rules import Registry, Rule, Version
from thidua.people.choices import PersonGroup

MODELLED_FROM = datetime.date(2024, 1, 1)
HORIZON = 15  # earliest_year looks this many years ahead


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
                    and engine.plan_for(self.rules, self.case, self.code).lifted_by_rating(self.h))
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
        context = engine.context_for(self.rules, year, datetime.date(year, 12, 31), None,
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



def say_subject(kind: str, group: str) -> str:
    text = str(SubjectKind(kind).label).lower()
    if kind == "individual":
        text += f" ({str(PersonGroup(group).label).lower()})"
    return text
