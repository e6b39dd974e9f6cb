"""Issue 4's path on the demo data, as its users take it: a dossier is returned and resubmitted, a
published list receives a public comment that an officer answers, the dossier whose comment period
has closed goes to the council, which votes by secret ballot with one member recused, the leader
issues the decision, the award shows in the person's history, is revoked, and the decision is
exported as a package and read back."""

import io

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import User
from thidua.awards import package, package_format
from thidua.awards import services as award_services
from thidua.awards.models import Award
from thidua.councils import services as council_services
from thidua.councils.choices import RecusalReason
from thidua.councils.models import CouncilMember, Vote
from thidua.demo.loader import load_demo
from thidua.organisations.models import Unit
from thidua.proposals import services
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Proposal
from thidua.proposals.services import comments


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def user(name: str) -> User:
    return User.objects.get(username=name)


def act(proposal: Proposal, action: str, name: str, note: str = "") -> Proposal:
    proposal.refresh_from_db()
    return services.act(proposal, action, by=user(name), version=proposal.version, note=note)


def test_a_returned_dossier_is_completed_and_resubmitted(demo, db):
    returned = Proposal.objects.get(state=State.RETURNED)
    act(returned, "submit", "phuquy")
    act(returned, "receive", "sonoivu")
    assert list(returned.transitions.values_list("action", flat=True)) == [
        "submit", "receive", "return", "submit", "receive"]


def test_a_public_comment_is_answered(demo, db):
    open_list = Proposal.objects.filter(state=State.PUBLISHED).order_by("pk").first()
    comment = comments.post_comment(open_list, author_name="Nguyễn Văn Dân",
                                    body="Ông Nguyễn Hoàng Nam rất gương mẫu ở khu phố.",
                                    client=comments.client_hash("203.0.113.9"))
    comments.answer_comment(comment, by=user("sonoivu"),
                            body="Cảm ơn ông; ý kiến đã chuyển Hội đồng.", published=True)
    assert [(c.author_name, [a.body for a in c.answers.all()])
            for c in open_list.comments.all()] == [
        ("Nguyễn Văn Dân", ["Cảm ơn ông; ý kiến đã chuyển Hội đồng."])]


def test_from_the_council_to_a_decision_a_revocation_and_a_package(demo, db, client):
    dossier = Proposal.objects.filter(state=State.PUBLISHED).order_by("pk").last()
    act(dossier, "to_council", "sonoivu")
    nominee = dossier.nominees.get()
    council = CouncilMember.objects.get(user__username="hoidong1").council
    secretary = user("hoidong1")
    session = council_services.create_session(by=secretary, council=council,
                                              round=dossier.round, date=timezone.localdate())
    seats = {seat.user.username: seat for seat in session.council.members.select_related("user")}
    council_services.set_attendance(by=secretary, session=session,
                                    present={seat.pk for seat in seats.values()})
    council_services.record_recusal(by=secretary, session=session, member=seats["hoidong5"],
                                    reason=RecusalReason.FAMILY, nominee=nominee)
    council_services.open_session(by=secretary, session=session)
    voters = sorted(set(seats) - {"hoidong5"})
    receipts = [council_services.cast_ballot(by=user(name), session=session,
                                             choices={nominee.pk: "yes"}) for name in voters]
    council_services.close_session(by=secretary, session=session)

    assert len(set(receipts)) == 8
    assert Vote.objects.filter(nominee=nominee, choice="yes").count() == 8
    nominee.refresh_from_db()
    assert (nominee.outcome, Proposal.objects.get(pk=dossier.pk).state) == (
        Outcome.APPROVED, State.VOTED)

    leader = user("lanhdao")
    draft = award_services.draft_decision(
        by=leader, round=dossier.round, proposals=[dossier], date=timezone.localdate(),
        issuer=Unit.objects.get(code="ld-ubnd"), decided_by="provincial_chair",
        signer_name="Nguyễn Văn Ký", signer_title="Chủ tịch",
        subject="Về việc tặng Bằng khen của Chủ tịch UBND tỉnh",
        legal_basis="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        period="Năm 2025")
    decision = award_services.issue_decision(by=leader, draft=draft, version=draft.version)
    award = Award.objects.get(decision=decision)
    assert (award.awardee_name, award.award_type.code, award.year) == (
        "Trương Minh Khoa", "bk_bo_tinh_individual", 2025)
    assert Proposal.objects.get(pk=dossier.pk).state == State.DECIDED

    client.force_login(user("sonoivu"))
    page = client.get(reverse("people:detail", args=[award.person_id]))
    assert decision.number in page.content.decode()

    revoking = award_services.revoke_awards(
        by=user("sonoivu"), awards=[award], reason="Thành tích khai không đúng sự thật.",
        basis="Luật Thi đua, khen thưởng 2022, Điều 93", issuer=Unit.objects.get(code="ld-ubnd"),
        date=timezone.localdate())
    award.refresh_from_db()
    assert (award.is_revoked, award.revocation.decision) == (True, revoking)

    buffer = io.BytesIO()
    package.export_decision(decision, buffer, by=leader)
    buffer.seek(0)
    read = package_format.read_package(buffer)
    assert read.data["decision"]["number"] == decision.number
