"""Reads of councils: who may see and run them, the ballot of a member, receipts, the minutes."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from thidua.accounts.choices import Role
from thidua.councils.choices import MemberRole, SessionState
from thidua.councils.models import (
    Attendance,
    Council,
    CouncilMember,
    LateArrival,
    Participation,
    Recusal,
    Result,
    Session,
    Vote,
    WrittenOpinion,
)
from thidua.councils.tally import Threshold, present_ids
from thidua.organisations.models import Unit
from thidua.organisations.queries import in_scope, predecessor_ids, scope_paths
from thidua.proposals.choices import State
from thidua.proposals.models import Nominee, Round

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 signs, none easily mistaken


# -- access ----------------------------------------------------------------------------------
def is_admin(user) -> bool:
    return user.is_superuser or user.role == Role.ADMIN


def can_manage(user, council: Council | None = None) -> bool:
    """Administrators, and provincial reviewers for councils organised in their scope, manage
    councils and members and run every session."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_admin(user):
        return True
    if user.role != Role.REVIEWER:
        return False
    paths = scope_paths(user) or []
    return council is None or any(council.organiser.path.startswith(p) for p in paths)


def seat_of(user, council: Council, day: datetime.date) -> CouncilMember | None:
    """The seat `user` holds in `council` on `day`, if any."""
    if not user.is_authenticated:
        return None
    return (council.members.filter(user=user, valid_from__lte=day)
            .exclude(valid_to__lt=day).first())


def can_run(user, council: Council, day: datetime.date | None = None) -> bool:
    """Managers, and the council's secretary, run sessions (attendance, recusals, opening,
    closing, paper totals, written opinions)."""
    if can_manage(user, council):
        return True
    seat = seat_of(user, council, day or timezone.localdate())
    return seat is not None and seat.role == MemberRole.SECRETARY


def visible_to(user) -> QuerySet[Council]:
    """Councils a user may see: all for administrators, those organised in scope for reviewers,
    and those they sit on for everybody."""
    if not user.is_authenticated or not user.is_active:
        return Council.objects.none()
    if is_admin(user):
        return Council.objects.all()
    query = Q(pk__in=CouncilMember.objects.filter(user=user).values("council_id"))
    if user.role == Role.REVIEWER:
        query |= in_scope(scope_paths(user), "organiser__path")
    return Council.objects.filter(query)


def sessions_visible_to(user) -> QuerySet[Session]:
    return Session.objects.filter(council__in=visible_to(user)).select_related("council", "round")


def rounds_for(council: Council) -> QuerySet[Round]:
    """Rounds organised by the council's unit, its sub-units or the units it succeeded."""
    paths = Unit.objects.filter(pk__in=predecessor_ids([council.organiser_id])).values_list(
        "path", flat=True)
    return Round.objects.filter(in_scope(list(paths), "organiser__path"))


def active_members(council: Council, day: datetime.date) -> QuerySet[CouncilMember]:
    return (council.members.filter(valid_from__lte=day).exclude(valid_to__lt=day)
            .select_related("user").order_by("id"))


# -- the ballot ------------------------------------------------------------------------------
def candidates(session: Session) -> QuerySet[Nominee]:
    """Nominees that would be voted on if the ballot opened now: those of the round's proposals
    before the council. Once open, the frozen `session.agenda` is used instead."""
    return Nominee.objects.filter(proposal__round=session.round_id,
                                  proposal__state=State.AT_COUNCIL)


def agenda(session: Session) -> QuerySet[Nominee]:
    frozen = session.agenda.all()
    nominees = frozen if frozen.exists() else candidates(session)
    return nominees.select_related("proposal", "award_type").order_by(
        "proposal_id", "position", "id")


def recused_nominees(session: Session, member: CouncilMember) -> set[int]:
    """Nominees of the session that `member` stands aside for (directly or by proposal)."""
    rows = Recusal.objects.in_force().filter(session=session, member=member)
    direct = {n for n in rows.values_list("nominee_id", flat=True) if n}
    proposals = [p for p in rows.values_list("proposal_id", flat=True) if p]
    by_proposal = set(Nominee.objects.filter(proposal__in=proposals).values_list("pk", flat=True))
    return direct | by_proposal


def recusals_in_force(session: Session) -> QuerySet[Recusal]:
    return (Recusal.objects.in_force().filter(session=session)
            .select_related("member", "nominee", "proposal").order_by("recorded_at", "pk"))


def is_present(session: Session, member: CouncilMember) -> bool:
    """Marked present before the opening, or arrived late since."""
    return (Attendance.objects.filter(session=session, member=member, present=True).exists()
            or LateArrival.objects.filter(session=session, member=member).exists())


def superseded(session: Session) -> dict[int, Session]:
    """Nominee id -> the closed re-vote whose result replaced this session's for them."""
    return {nominee: revote for revote in Session.objects.filter(
        revote_of=session, state=SessionState.CLOSED).order_by("closed_at")
        for nominee in revote.agenda.values_list("pk", flat=True)}


def has_voted(session: Session, member: CouncilMember) -> bool:
    return Participation.objects.filter(session=session, member=member).exists()


def normalise_receipt(code: str) -> str:
    return "".join(sign for sign in code.upper() if sign.isalnum())


def receipt_hash(code: str) -> str:
    """What is stored for a receipt code: its SHA-256 (the code itself is never stored)."""
    return hashlib.sha256(f"thidua-ballot-receipt:{normalise_receipt(code)}".encode()).hexdigest()


@dataclass
class ReceiptCheck:
    session: Session
    lines: list[tuple[Nominee, str, Session | None]]  # nominee, choice, the re-vote replacing it
    counted: bool  # the ballot is closed and its tally includes these lines


def check_receipt(code: str) -> ReceiptCheck | None:
    """The ballot lines recorded under a receipt code, or None if the code is unknown."""
    votes = list(Vote.objects.filter(receipt_hash=receipt_hash(code))
                 .select_related("session__council", "nominee__award_type"))
    if not votes:
        return None
    votes.sort(key=lambda vote: (vote.nominee.proposal_id, vote.nominee.position, vote.nominee_id))
    session = votes[0].session
    replaced = superseded(session)
    return ReceiptCheck(session, [(vote.nominee, vote.get_choice_display(),
                                   replaced.get(vote.nominee_id)) for vote in votes],
                        session.state == SessionState.CLOSED)


# -- the minutes (biên bản kiểm phiếu) ----------------------------------------------------------
@dataclass
class MinutesLine:
    number: int
    name: str
    unit_name: str
    award: str
    proposal: str
    verdict: str
    vote_code: str
    vote_kind: str
    min_percent: int
    needed: int
    basis: str
    yes: int
    no: int
    abstain: int
    written_yes: int
    written_no: int
    absent_without_opinion: int
    recused: int
    not_voted: int
    approved: bool
    superseded_by: Session | None = None  # the re-vote whose result replaced this one


@dataclass
class MinutesRecusal:
    member: str
    target: str
    reason: str
    note: str
    withdrawn: str = ""  # the reason, when the recusal was withdrawn before the member voted


@dataclass
class Minutes:
    """What the minutes of a ballot say (H4 renders it as a .docx; the page renders it now)."""

    council: str
    organiser: str
    place: str  # where the minutes are signed: the organiser's short name
    round: str
    session_id: int
    date: datetime.date
    date_text: str
    paper_ballot: bool
    members_total: int
    quorum: str
    present: list[str]
    absent: list[str]
    absent_with_opinion: list[str]
    recusals: list[MinutesRecusal]
    lines: list[MinutesLine] = field(default_factory=list)
    chair: str = ""
    secretary: str = ""
    opened_at: datetime.datetime | None = None
    closed_at: datetime.datetime | None = None
    revote_of: Session | None = None
    revote_reason: str = ""
    late: list[str] = field(default_factory=list)  # arrived after the opening

    @property
    def approved(self) -> int:
        return sum(1 for line in self.lines if line.approved)

    @property
    def rejected(self) -> int:
        return len(self.lines) - self.approved

    @property
    def superseded(self) -> int:
        """Lines whose result a later re-vote replaced (counted above as voted here)."""
        return sum(1 for line in self.lines if line.superseded_by)

    @property
    def bases(self) -> list[str]:
        """The legal bases of the vote rules applied, each once."""
        return list(dict.fromkeys(line.basis for line in self.lines if line.basis))


def document_date(day: datetime.date) -> str:
    """"ngày 05 tháng 01 năm 2026": the day zero-padded below 10, the month only for 1 and 2."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def minutes(session: Session) -> Minutes:
    """The minutes of a session from its stored results (empty lines before the close)."""
    council = session.council
    seats = list(active_members(council, session.date))
    present = present_ids(session, frozenset(seat.pk for seat in seats))
    late = set(LateArrival.objects.filter(session=session).values_list("member_id", flat=True))
    with_opinion = set(WrittenOpinion.objects.filter(session=session)
                       .values_list("member_id", flat=True))
    result = Minutes(
        council=council.name, organiser=council.organiser.name,
        place=council.organiser.short_name or council.organiser.name, round=session.round.name,
        session_id=session.pk, date=session.date, date_text=document_date(session.date),
        paper_ballot=session.paper_ballot, members_total=len(seats),
        quorum=f"{council.quorum_numerator}/{council.quorum_denominator}",
        present=[_seat_label(s) for s in seats if s.pk in present],
        absent=[_seat_label(s) for s in seats if s.pk not in present],
        absent_with_opinion=[_seat_label(s) for s in seats
                             if s.pk not in present and s.pk in with_opinion],
        recusals=_recusals(session), lines=_lines(session),
        chair=next((s.full_name for s in seats if s.role == MemberRole.CHAIR), ""),
        secretary=next((s.full_name for s in seats if s.role == MemberRole.SECRETARY), ""),
        opened_at=session.opened_at, closed_at=session.closed_at,
        revote_of=session.revote_of, revote_reason=session.revote_reason,
        late=[_seat_label(s) for s in seats if s.pk in late])
    return result


def _seat_label(seat: CouncilMember) -> str:
    return f"{seat.full_name} ({seat.get_role_display().lower()})"


def _recusals(session: Session) -> list[MinutesRecusal]:
    rows = Recusal.objects.filter(session=session).select_related(
        "member", "nominee", "proposal", "withdrawal")
    return [MinutesRecusal(member=row.member.full_name,
                           target=row.nominee.name if row.nominee else str(row.proposal),
                           reason=row.get_reason_display(), note=row.note,
                           withdrawn=withdrawal.reason if (
                               withdrawal := getattr(row, "withdrawal", None)) else "")
            for row in rows]


def _lines(session: Session) -> list[MinutesLine]:
    results = (Result.objects.filter(session=session)
               .select_related("nominee__proposal", "nominee__award_type")
               .order_by("nominee__proposal_id", "nominee__position", "nominee_id"))
    replaced = superseded(session)
    lines = []
    for number, row in enumerate(results, start=1):
        nominee = row.nominee
        threshold = Threshold(row.vote_code, row.vote_kind, row.min_percent, row.basis)
        lines.append(MinutesLine(
            number=number, name=nominee.name, unit_name=nominee.unit_name,
            award=nominee.award_type.name, proposal=str(nominee.proposal),
            verdict=nominee.verdict, vote_code=row.vote_code, vote_kind=row.vote_kind,
            min_percent=row.min_percent,
            needed=threshold.needed(row.members_total, row.yes + row.no + row.abstain),
            basis=row.basis, yes=row.yes, no=row.no, abstain=row.abstain,
            written_yes=row.written_yes, written_no=row.written_no,
            absent_without_opinion=row.absent_without_opinion, recused=row.recused,
            not_voted=row.not_voted, approved=row.approved,
            superseded_by=replaced.get(nominee.pk)))
    return lines
