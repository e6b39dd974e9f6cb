"""tally: the count of a secret ballot of 2,000 nominees by a 15-member council
(councils.tally.compute_tally: one GROUP BY over the 30,000 ballot lines, the recusals and
written opinions, and the vote rule of each nominee's code from the rule base). Goal < 1 s.
Baseline: reading the 30,000 ballot lines (nominee, choice) of the session into Python.
Both are the best of 5 runs.

The ballot is cast through the real services (15 × `cast_ballot` of 2,000 lines each, one
member standing aside for one proposal) on 100 proposals of 20 nominees put before the council
directly; that setup is not timed."""

import datetime
import random

from support import Context, line, skipped, timed

NAME = "tally"
ORDER = 75
NOMINEES, PER_PROPOSAL, MEMBERS = 2000, 20, 15
CODES = ("cstd_co_so", "cstd_bo_tinh", "bk_bo_tinh_individual", "ldtt", "giay_khen")


def run(ctx: Context) -> list[str]:
    from thidua.councils.models import Vote
    from thidua.councils.tally import compute_tally, threshold_for
    from thidua.organisations.models import Unit

    # Any unit will do: the ballot does not read the province (and needs no gen-data).
    unit = Unit.objects.order_by("pk").first() or _unit()
    session = _ballot(unit, random.Random(ctx.seed))
    lines = Vote.objects.filter(session=session)

    def read():
        return list(lines.values_list("nominee_id", "choice"))

    def tally():
        threshold_for.cache_clear()
        return compute_tally(session)

    baseline = min(timed(read)[0] for _ in range(5))
    value, tallies = min((timed(tally) for _ in range(5)), key=lambda pair: pair[0])
    if len(tallies) != NOMINEES or len(read()) != NOMINEES * MEMBERS - PER_PROPOSAL:
        return [skipped(ctx.name(NAME), "unexpected ballot size")]
    return [line(ctx.name(NAME), value * 1000, "ms", baseline * 1000, "ms", value / baseline)]


def _ballot(unit, rng: random.Random):
    """An open session with every member's ballot cast; returns it."""
    from thidua.accounts.choices import Role
    from thidua.accounts.models import User
    from thidua.councils import services
    from thidua.councils.choices import RecusalReason

    admin = User.objects.create(username="bench-tally-admin", role=Role.ADMIN, is_superuser=True)
    round_, proposals = _proposals(unit)
    council = services.create_council(by=admin, name="Hội đồng đo hiệu năng", organiser=unit)
    users = [User.objects.create(username=f"bench-tally-{n}", role=Role.COUNCIL_MEMBER,
                                 unit=unit, full_name=f"Thành viên {n}")
             for n in range(1, MEMBERS + 1)]
    seats = [services.add_member(by=admin, council=council, user=user, role="member",
                                 valid_from=datetime.date(2025, 1, 1)) for user in users]
    session = services.create_session(by=admin, council=council, round=round_,
                                      date=datetime.date(2025, 12, 10))
    services.set_attendance(by=admin, session=session, present={seat.pk for seat in seats})
    services.record_recusal(by=admin, session=session, member=seats[0], proposal=proposals[0],
                            reason=RecusalReason.OWN_UNIT)
    session = services.open_session(by=admin, session=session)
    nominees = list(session.agenda.values_list("pk", "proposal_id"))
    for user in users:
        skip = proposals[0].pk if user == users[0] else None
        services.cast_ballot(by=user, session=session, choices={
            pk: rng.choice(("yes", "yes", "yes", "no", "abstain"))
            for pk, proposal in nominees if proposal != skip})
    return session


def _unit():
    from thidua.organisations import services

    return services.create_unit(by=None, code="bench-tally", name="Tỉnh Đo Hiệu Năng",
                                kind="province")


def _proposals(unit):
    from thidua.awards.models import AwardType
    from thidua.proposals.choices import State
    from thidua.proposals.models import Nominee, Proposal, Round

    types = [AwardType.objects.get(code=code) for code in CODES]
    round_ = Round.objects.create(name="Đợt đo hiệu năng kiểm phiếu", year=2025, organiser=unit,
                                  opens_on=datetime.date(2025, 10, 1),
                                  submission_deadline=datetime.date(2025, 11, 15))
    proposals = Proposal.objects.bulk_create(
        Proposal(round=round_, unit=unit, unit_name=unit.name, title=f"Hồ sơ {n}",
                 number=f"{n}/TTr-BENCH", state=State.AT_COUNCIL)
        for n in range(NOMINEES // PER_PROPOSAL))
    proposals = list(Proposal.objects.filter(round=round_).order_by("pk"))
    Nominee.objects.bulk_create(
        Nominee(proposal=proposal, position=p, name=f"Người được đề nghị {i}-{p}",
                unit_name=unit.name, award_type=types[(i + p) % len(types)], verdict="ELIGIBLE")
        for i, proposal in enumerate(proposals) for p in range(1, PER_PROPOSAL + 1))
    return round_, proposals
