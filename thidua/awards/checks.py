"""Reads that decide whether a decision draft may be issued. Each problem is a sentence for the
user naming the nominee or the dossier; an empty list means the draft may be issued.

Refused: a dossier that is no longer `voted` or whose version changed since it was chosen; an
annex that no longer matches the approved nominees; a nominee not approved, already awarded,
or whose award of the same title and year was revoked; a nominee the engine now finds
INELIGIBLE (unless the council voted knowing it, with a written justification) or whom the
chosen authority may not award."""

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import AnnexLine, Award, DecisionDraft, DraftDossier
from thidua.councils.choices import SessionState
from thidua.eligibility.batch import first_unmet
from thidua.eligibility.cases import CaseError
from thidua.eligibility.choices import Verdict
from thidua.eligibility.engine import check
from thidua.eligibility.facts_batch import collective_cases, person_cases
from thidua.people.models import Person
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Nominee
from thidua.proposals.verdicts import asserted


def issue_problems(draft: DecisionDraft, dossiers: list[DraftDossier],
                   lines: list[AnnexLine]) -> list[str]:
    """Every reason not to issue `draft` now (dossiers and nominees read under lock), but for
    the eligibility of collectives: see collective_problems."""
    if not lines:
        return [_("The annex is empty: there is no approved nominee to award.")]
    flagged = line_problems(draft, lines)
    people = [line for line in lines
              if line.pk not in flagged and line.nominee.collective_id is None]
    return (dossier_problems(dossiers, lines) + list(flagged.values())
            + eligibility_problems(draft, people))


def collective_problems(draft: DecisionDraft, lines: list[AnnexLine]) -> list[str]:
    """The collectives' verdicts, asked once the awards their members receive in the same
    decision are in the register: a TTLĐTT counts the members holding LĐTT that year."""
    return eligibility_problems(draft, [line for line in lines if line.nominee.collective_id])


def dossier_problems(dossiers: list[DraftDossier], lines: list[AnnexLine]) -> list[str]:
    problems = []
    for chosen in dossiers:
        proposal = chosen.proposal
        if proposal.state != State.VOTED:
            problems.append(_("Dossier “%(dossier)s” is now “%(state)s”: it can no longer be "
                              "decided.") % {"dossier": proposal, "state":
                                             proposal.get_state_display()})
        elif proposal.version != chosen.version:
            problems.append(_("Dossier “%(dossier)s” was changed by someone else after the draft "
                              "was saved: save the draft again to take the changes.")
                            % {"dossier": proposal})
    problems += revote_problems([chosen.proposal_id for chosen in dossiers])
    in_annex = {line.nominee_id for line in lines}
    missing = Nominee.objects.filter(
        proposal__in=[chosen.proposal_id for chosen in dossiers], outcome=Outcome.APPROVED,
    ).exclude(pk__in=in_annex).order_by("pk").first()
    if missing is not None:
        problems.append(_("Nominee %(name)s was approved after the draft was saved and is not in "
                          "the annex: save the draft again.") % {"name": missing.name})
    return problems


def revote_problems(proposal_ids: list[int]) -> list[str]:
    """A nominee whose re-vote is planned or open has no result to decide on yet: the re-vote
    may reverse the council's first answer."""
    pending = (Nominee.objects.filter(
        proposal__in=proposal_ids, council_sessions__revote_of__isnull=False,
        council_sessions__state__in=[SessionState.PLANNED, SessionState.OPEN])
        .values_list("name", "council_sessions__date").order_by("proposal_id", "position", "pk"))
    return [_("The council is to vote again on %(name)s (session of %(date)s): close that "
              "ballot before deciding.") % {"name": name, "date": date.strftime("%d/%m/%Y")}
            for name, date in pending]


def line_problems(draft: DecisionDraft, lines: list[AnnexLine]) -> dict[int, str]:
    """{line id: the problem} for the lines that may not become an award."""
    year = draft.round.year
    revoked = held_awards(lines, year, revoked=True)
    in_force = held_awards(lines, year, revoked=False)
    problems, seen = {}, {}
    for line in lines:
        key = awardee_key(line.nominee, line.award_type_id)
        problem = line_problem(line, revoked, in_force)
        if not problem and key in seen:
            problem = _("%(name)s is proposed twice for the %(award)s, in dossiers “%(first)s” "
                        "and “%(second)s”: keep one.") % {
                "name": line.nominee.name, "award": line.award_type.name,
                "first": seen[key].nominee.proposal, "second": line.nominee.proposal}
        seen.setdefault(key, line)
        if problem:
            problems[line.pk] = problem
    return problems


def line_problem(line: AnnexLine, revoked: dict, in_force: dict) -> str:
    nominee = line.nominee
    values = {"name": nominee.name, "award": line.award_type.name, "year": line.draft.round.year}
    if nominee.award_id is not None or nominee.outcome == Outcome.AWARDED:
        return _("%(name)s has already been awarded for this nomination.") % values
    if nominee.outcome != Outcome.APPROVED:
        return _("%(name)s is not approved by the council (now: %(outcome)s).") % {
            **values, "outcome": nominee.get_outcome_display()}
    if nominee.collective_id is None and nominee.subject_kind in COLLECTIVE_KINDS:
        return _("%(name)s is not linked to a unit of the system: link the collective in the "
                 "dossier before deciding.") % values
    key = awardee_key(nominee, line.award_type_id)
    if key in revoked:
        award = revoked[key]
        return _("%(name)s: the %(award)s for %(year)s was revoked by decision %(number)s; "
                 "a revoked award is not given again.") % {
            **values, "number": award.revocation.decision.number}
    if key in in_force:
        return _("%(name)s already holds the %(award)s for %(year)s (decision %(number)s).") % {
            **values, "number": in_force[key].decision.number}
    return ""


COLLECTIVE_KINDS = {"collective", "enterprise"}


def awardee_key(nominee: Nominee, award_type_id: int) -> tuple:
    if nominee.person_id is not None:
        return ("p", nominee.person_id, award_type_id)
    if nominee.collective_id is not None:
        return ("u", nominee.collective_id, award_type_id)
    return ("n", nominee.pk, award_type_id)


def held_awards(lines: list[AnnexLine], year: int, *, revoked: bool) -> dict[tuple, Award]:
    """Awards of the same title and year the nominees already hold (or held, when revoked)."""
    people = [line.nominee.person_id for line in lines if line.nominee.person_id]
    units = [line.nominee.collective_id for line in lines if line.nominee.collective_id]
    types = {line.award_type_id for line in lines}
    awards = Award.objects.filter(year=year, award_type_id__in=types,
                                  revocation__isnull=not revoked).select_related(
        "decision", "revocation__decision" if revoked else "decision")
    found = {}
    for award in awards.filter(person_id__in=people):
        found[("p", award.person_id, award.award_type_id)] = award
    for award in awards.filter(collective_id__in=units):
        found[("u", award.collective_id, award.award_type_id)] = award
    return found


def eligibility_problems(draft: DecisionDraft, lines: list[AnnexLine]) -> list[str]:
    """The engine asked again, on the history as it is now and with the draft's date and
    authority (contracts §2), for every nominee linked to a person or a collective."""
    problems = []
    for line, answer in verdicts(draft, lines):
        problem = verdict_problem(draft, line, answer)
        if problem:
            problems.append(problem)
    return problems


def verdicts(draft: DecisionDraft, lines: list[AnnexLine]):
    """(line, engine answer) for each line whose case can be built, grouped by code so that
    the facts of many people are read with a few queries."""
    options = {"decision_date": draft.date, "decided_by": draft.decided_by}
    people, units = defaultdict(list), defaultdict(list)
    for line in lines:
        if line.nominee.person_id:
            people[line.award_type.code].append(line)
        elif line.nominee.collective_id:
            units[line.award_type.code].append(line)
    for code, group in people.items():
        cases = person_cases(Person.objects.filter(pk__in=[ln.nominee.person_id for ln in group]),
                             draft.round.year, code, **options)
        yield from answers(group, cases, "person_id")
    for code, group in units.items():
        cases = collective_cases([ln.nominee.collective for ln in group], draft.round.year, code,
                                 **options)
        yield from answers(group, cases, "collective_id")


def answers(group: list[AnnexLine], cases: dict[int, dict], key: str):
    """The engine's answer for each line, with the criteria its proposing unit asserted (as the
    dossier's own checks: proposals.verdicts.asserted)."""
    for line in group:
        case = cases[getattr(line.nominee, key)]
        case = {**case, "facts": {**case.get("facts", {}), **asserted(line.nominee)},
                "propose": received(case["propose"], line.nominee.proposal.received_at)}
        try:
            yield line, check(case)
        except CaseError:  # a code without rules or a record the engine cannot read
            continue


def received(propose: dict, received_at) -> dict:
    """The dossier's receipt date, which some transitional clauses read (contracts §2)."""
    if received_at is None:
        return propose
    return {**propose, "received_date": timezone.localdate(received_at).isoformat()}


def verdict_problem(draft: DecisionDraft, line: AnnexLine, answer: dict) -> str:
    reason = first_unmet(answer)
    values = {"name": line.nominee.name, "award": line.award_type.name,
              "reason": reason["message"] if reason else "—"}
    if answer["verdict"] == Verdict.INVALID_AUTHORITY:
        return _("%(name)s: %(authority)s may not award the %(award)s on this date (%(reason)s).") \
            % {**values, "authority": draft.get_decided_by_display()}
    if answer["verdict"] != Verdict.INELIGIBLE:
        return ""
    voted_knowingly = line.nominee.verdict == Verdict.INELIGIBLE and line.nominee.justification
    if voted_knowingly:
        return ""
    return _("%(name)s is no longer eligible for the %(award)s: %(reason)s. Nothing was "
             "issued; return the nominee to the council or remove the dossier.") % values
