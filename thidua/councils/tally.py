"""The count of a council's ballot: per nominee, the votes, the written opinions of absent
members, and the result under the vote rule of the proposed title or form.

The vote rules (≥ 90% or ≥ 80% of all members by secret ballot, a majority otherwise; rule G13,
legal-reference b.5) are read from the eligibility rule base (`rules/national.yaml`, `votes:`):
they are written in one place only. A ballot threshold divides by the whole membership of the
council on the session date — absent and recused members included, as the law counts "tổng số
thành viên"; a majority needs more "yes" than half of yes + no + abstain (contracts §2).
"""

import datetime
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Count

from thidua.councils.choices import Choice
from thidua.councils.models import (
    Attendance,
    LateArrival,
    PaperTotal,
    Recusal,
    Session,
    Vote,
    WrittenOpinion,
)
from thidua.eligibility.rules import registry

FALLBACK_VOTE = "majority"


@dataclass(frozen=True)
class Threshold:
    """The vote rule of a title or form: `code` is its key under `votes:` in national.yaml."""

    code: str
    kind: str  # "ballot" (a share of all members) or "majority" (of the votes cast)
    min_percent: int
    basis: str

    def needed(self, total: int, cast: int) -> int:
        """The fewest "yes" votes that pass."""
        if self.kind == "ballot":
            return math.ceil(self.min_percent * total / 100)
        return cast // 2 + 1

    def passes(self, *, yes: int, no: int, abstain: int, total: int) -> bool:
        # The same arithmetic as the engine's vote check (eligibility/engine.py, G13).
        if self.kind == "ballot":
            return yes * 100 >= self.min_percent * total
        return yes * 2 > yes + no + abstain


@lru_cache(maxsize=512)
def threshold_for(award_code: str, on: datetime.date) -> Threshold:
    """The strictest vote rule among the rule paths registered under `award_code` in force on
    `on` (confirmed versions first). A code without a rule takes its `code_votes` entry of
    national.yaml (the heroes' titles: 90% of all members), else a majority."""
    rules = registry()
    versions = [version for rule in rules.rules.values() if rule.award_code == award_code
                for version in rule.versions if version.vote is not None]
    for chosen in ([v for v in versions if v.in_effect(on) and v.confirmed],
                   [v for v in versions if v.in_effect(on)], versions):
        if chosen:
            vote = max((v.vote for v in chosen),
                       key=lambda vote: (vote.kind == "ballot", vote.min_percent))
            break
    else:
        vote = rules.code_votes.get(award_code) or rules.votes[FALLBACK_VOTE]
    return Threshold(vote.code, vote.kind, vote.min_percent if vote.kind == "ballot" else 0,
                     vote.basis.cite(on))


@dataclass
class NomineeTally:
    nominee_id: int
    members_total: int
    present: int
    yes: int  # written opinions included
    no: int  # written opinions included
    abstain: int
    written_yes: int
    written_no: int
    absent_without_opinion: int
    recused: int
    not_voted: int
    threshold: Threshold
    approved: bool


@dataclass
class _Inputs:
    members: frozenset[int]
    present: frozenset[int]
    recused_by_nominee: dict[int, set[int]]
    recused_by_proposal: dict[int, set[int]]
    written: dict[int, dict[int, str]]  # nominee → member → choice
    counts: dict[int, Counter]  # nominee → choice → ballots


def member_ids(session: Session) -> frozenset[int]:
    """The council's members on the session date: the denominator of every ballot."""
    seats = session.council.members.filter(valid_from__lte=session.date).exclude(
        valid_to__lt=session.date)
    return frozenset(seats.values_list("pk", flat=True))


def present_ids(session: Session, members: frozenset[int]) -> frozenset[int]:
    """Members marked present before the opening, and those who arrived late since."""
    rows = Attendance.objects.filter(session=session, present=True)
    late = LateArrival.objects.filter(session=session)
    return frozenset((*rows.values_list("member_id", flat=True),
                      *late.values_list("member_id", flat=True))) & members


def compute_tally(session: Session) -> list[NomineeTally]:
    """The tally of every nominee on the session's agenda, in the agenda's order. Reads only."""
    inputs = _read(session)
    agenda = session.agenda.order_by("proposal_id", "position", "id").values_list(
        "id", "proposal_id", "award_type__code")
    return [_count(inputs, nominee_id, proposal_id, threshold_for(code, session.date))
            for nominee_id, proposal_id, code in agenda]


def _read(session: Session) -> _Inputs:
    members = member_ids(session)
    by_nominee, by_proposal = defaultdict(set), defaultdict(set)
    for member, nominee, proposal in Recusal.objects.in_force().filter(session=session).values_list(
            "member_id", "nominee_id", "proposal_id"):
        (by_nominee[nominee] if nominee else by_proposal[proposal]).add(member)
    written: dict[int, dict[int, str]] = defaultdict(dict)
    for member, nominee, choice in WrittenOpinion.objects.filter(session=session).values_list(
            "member_id", "nominee_id", "choice"):
        written[nominee][member] = choice
    return _Inputs(members, present_ids(session, members), by_nominee, by_proposal, written,
                   _ballot_counts(session))


def _ballot_counts(session: Session) -> dict[int, Counter]:
    counts: dict[int, Counter] = defaultdict(Counter)
    if session.paper_ballot:
        for nominee, yes, no, abstain in PaperTotal.objects.filter(session=session).values_list(
                "nominee_id", "yes", "no", "abstain"):
            counts[nominee].update({Choice.YES: yes, Choice.NO: no, Choice.ABSTAIN: abstain})
        return counts
    # One GROUP BY over the ballot lines of the session (index session, nominee, choice).
    rows = (Vote.objects.filter(session=session).order_by().values_list("nominee_id", "choice")
            .annotate(n=Count("*")))
    for nominee, choice, number in rows:
        counts[nominee][choice] = number
    return counts


def _count(inputs: _Inputs, nominee_id: int, proposal_id: int,
           threshold: Threshold) -> NomineeTally:
    recused = (inputs.recused_by_nominee.get(nominee_id, set())
               | inputs.recused_by_proposal.get(proposal_id, set())) & inputs.members
    written = {member: choice for member, choice in inputs.written.get(nominee_id, {}).items()
               if member in inputs.members and member not in inputs.present
               and member not in recused}
    ballots = inputs.counts.get(nominee_id, Counter())
    cast = ballots[Choice.YES] + ballots[Choice.NO] + ballots[Choice.ABSTAIN]
    written_yes = sum(1 for choice in written.values() if choice == Choice.YES)
    written_no = len(written) - written_yes
    yes, no = ballots[Choice.YES] + written_yes, ballots[Choice.NO] + written_no
    absent = inputs.members - inputs.present - recused
    total = len(inputs.members)
    return NomineeTally(
        nominee_id=nominee_id, members_total=total, present=len(inputs.present),
        yes=yes, no=no, abstain=ballots[Choice.ABSTAIN], written_yes=written_yes,
        written_no=written_no, absent_without_opinion=len(absent - set(written)),
        recused=len(recused), not_voted=max(0, len(inputs.present - recused) - cast),
        threshold=threshold,
        approved=threshold.passes(yes=yes, no=no, abstain=ballots[Choice.ABSTAIN], total=total),
    )
