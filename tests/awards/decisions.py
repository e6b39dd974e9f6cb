"""Builders of the decision tests: a round whose dossiers the council has voted on.

Dossiers are written straight in the state `voted`: how they got there is the proposals and
councils tests' business; here only what a decision starts from matters."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from tests.factories import award_type
from thidua.awards import services as award_services
from thidua.awards.models import (
    Award,
    Decision,
    DecisionDraft,
    DecisionNumber,
    Revocation,
)
from thidua.core.models import AuditEntry, Notification
from thidua.organisations import services as unit_services
from thidua.people import services as people_services
from thidua.people.models import Person
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Nominee, Proposal, Round, Transition

DECISION_DATE = datetime.date(2025, 1, 10)


def make_round(organiser, *, year: int = 2024, name: str = "", **fields) -> Round:
    return Round.objects.create(
        name=name or f"Khen thưởng năm {year}", year=year, organiser=organiser,
        opens_on=datetime.date(year, 11, 1), submission_deadline=datetime.date(year, 12, 15),
        **fields)


def make_dossier(round_, unit, *, title: str = "", state: str = State.VOTED,
                 version: int = 7) -> Proposal:
    return Proposal.objects.create(
        round=round_, unit=unit, unit_name=unit.name, title=title or f"Tờ trình của {unit.name}",
        number=f"{Proposal.objects.count() + 1}/TTr", state=state, version=version)


def nominate(dossier, code: str, *, person=None, collective=None, name: str = "",
             outcome: str = Outcome.APPROVED, verdict: str = "ELIGIBLE", **fields) -> Nominee:
    kind = "collective" if collective else "individual"
    name = name or (person.full_name if person else collective.name if collective else "")
    return Nominee.objects.create(
        proposal=dossier, subject_kind=fields.pop("subject_kind", kind), person=person,
        collective=collective, name=name, unit_name=fields.pop("unit_name", dossier.unit_name),
        award_type=award_type(code), summary=fields.pop("summary", "Hoàn thành tốt nhiệm vụ"),
        verdict=verdict, checked_at=timezone.now(), outcome=outcome, **fields)


def rated(person, year: int = 2024, level: str = "HTT"):
    people_services.record_rating(by=None, person=person, year=year, level=level)
    return person


def voted_round(tree, people) -> SimpleNamespace:
    """Round 2024 of huyện Phú Quý: a dossier of the district (Hoà, approved; Phúc, rejected)
    and one of xã Tam Thanh (Bình and An approved, the commune itself approved as a
    collective). Everyone approved is rated HTT in 2024, so the engine finds them eligible."""
    round_ = make_round(tree.phu_quy, deciding_level="unit")
    district = make_dossier(round_, tree.phu_quy, title="Đề nghị khen thưởng huyện Phú Quý")
    commune = make_dossier(round_, tree.tam_thanh, title="Đề nghị khen thưởng xã Tam Thanh")
    an = rated(people_services.create_person(by=None, full_name="Lê Văn An",
                                             unit=tree.tam_thanh, gender="male"))
    phuc = people_services.create_person(by=None, full_name="Đỗ Văn Phúc", unit=tree.phu_quy,
                                         gender="male")
    unit_services.record_collective_rating(by=None, unit=tree.tam_thanh, year=2024, level="HTT")
    nominees = SimpleNamespace(
        hoa=nominate(district, "ldtt", person=rated(people.hoa)),
        phuc=nominate(district, "ldtt", person=phuc, outcome=Outcome.REJECTED),
        binh=nominate(commune, "ldtt", person=rated(people.binh)),
        an=nominate(commune, "ldtt", person=an),
        commune=nominate(commune, "ttldtt", collective=tree.tam_thanh, verdict="NEEDS_HUMAN_REVIEW"),
    )
    return SimpleNamespace(round=round_, district=district, commune=commune, nominees=nominees,
                           an=an, phuc=phuc)


HEADER = {"decided_by": "unit_head", "signer_name": "Nguyễn Văn Ký",
          "signer_title": "Chủ tịch", "subject": "Về việc công nhận danh hiệu năm 2024",
          "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
          "period": "Năm 2024"}


def make_draft(voted, issuer, *, by=None, dossiers=None, date=DECISION_DATE,
               **header) -> DecisionDraft:
    return award_services.draft_decision(
        by=by, round=voted.round, proposals=dossiers or [voted.district, voted.commune],
        issuer=issuer, date=date, **(HEADER | header))


def counts() -> dict[str, int]:
    """What an issue writes: compared before and after a refused one."""
    return {"decisions": Decision.objects.count(), "awards": Award.objects.count(),
            "numbers": DecisionNumber.objects.count(), "people": Person.objects.count(),
            "revocations": Revocation.objects.count(), "audit": AuditEntry.objects.count(),
            "notifications": Notification.objects.count(),
            "transitions": Transition.objects.count(),
            "awarded": Nominee.objects.filter(outcome=Outcome.AWARDED).count(),
            "decided": Proposal.objects.filter(state=State.DECIDED).count()}
