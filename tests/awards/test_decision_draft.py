"""Decision drafts: the annex built from the approved nominees, re-edited until issued."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.awards.decisions import (
    DECISION_DATE,
    make_dossier,
    make_draft,
    make_round,
    nominate,
    voted_round,
)
from tests.factories import UserFactory
from thidua.awards import services as award_services
from thidua.awards.choices import DraftState
from thidua.awards.models import AnnexLine, DecisionDraft, DraftDossier
from thidua.core.models import AuditEntry
from thidua.proposals.choices import State
from thidua.proposals.models import Proposal


@pytest.fixture
def voted(tree, people):
    return voted_round(tree, people)


def annex(draft) -> list[tuple]:
    return list(AnnexLine.objects.filter(draft=draft).order_by("position").values_list(
        "position", "subject_kind", "name", "award_type__code"))


def test_the_annex_lists_approved_nominees_collectives_first_then_by_given_name(voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    assert annex(draft) == [
        (1, "collective", "UBND xã Tam Thanh", "ttldtt"),
        (2, "individual", "Lê Văn An", "ldtt"),
        (3, "individual", "Trần Văn Bình", "ldtt"),
        (4, "individual", "Nguyễn Thị Hoà", "ldtt"),
    ]
    assert list(draft.dossiers.order_by("proposal_id").values_list("proposal", "version")) == [
        (voted.district.pk, 7), (voted.commune.pk, 7)]
    assert (draft.state, draft.version, draft.number, draft.number_symbol) == (
        DraftState.DRAFT, 1, "", "QĐ-UBND")
    assert AuditEntry.objects.filter(action="thidua.decision_draft.created").count() == 1


def test_vietnamese_order_puts_given_names_with_marks_after_their_base_letter(voted, tree):
    for name in ("Phạm Thị Ánh", "Vũ Văn Ân", "Hồ Thị Ăn", "Đặng Văn Anh", "Ngô Văn Đức",
                 "Lý Thị Dung"):
        nominate(voted.district, "ldtt", name=name)
    draft = make_draft(voted, tree.phu_quy, dossiers=[voted.district])
    assert [name for _p, _k, name, _c in annex(draft)] == [
        "Đặng Văn Anh", "Phạm Thị Ánh", "Hồ Thị Ăn", "Vũ Văn Ân", "Lý Thị Dung",
        "Ngô Văn Đức", "Nguyễn Thị Hoà"]


def test_a_draft_is_re_edited_until_issued(voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    edited = award_services.update_draft(
        by=None, draft=draft, version=1, proposals=[voted.commune], issuer=tree.phu_quy,
        date=datetime.date(2025, 1, 15), signer_name="  Trần  Thị Lan ",
        legal_basis="Căn cứ A;\n\n  Căn cứ   B.  ")
    assert (edited.version, edited.date, edited.signer_name, edited.legal_basis) == (
        2, datetime.date(2025, 1, 15), "Trần Thị Lan", "Căn cứ A;\nCăn cứ B.")
    assert [name for _p, _k, name, _c in annex(edited)] == [
        "UBND xã Tam Thanh", "Lê Văn An", "Trần Văn Bình"]
    assert list(edited.dossiers.values_list("proposal", flat=True)) == [voted.commune.pk]


def test_a_stale_edit_is_refused(voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    award_services.update_draft(by=None, draft=draft, version=1, proposals=[voted.commune],
                                issuer=tree.phu_quy, date=DECISION_DATE)
    with pytest.raises(ValidationError) as error:
        award_services.update_draft(by=None, draft=draft, version=1,
                                    proposals=[voted.district], issuer=tree.phu_quy,
                                    date=DECISION_DATE)
    assert error.value.messages == [
        "Dự thảo này vừa được người khác thay đổi. Hãy tải lại trang rồi thử lại."]
    assert list(DraftDossier.objects.values_list("proposal", flat=True)) == [voted.commune.pk]


@pytest.mark.parametrize(("change", "message"), [
    ("not_voted", "Hồ sơ “1/TTr – UBND huyện Phú Quý” chưa được Hội đồng bỏ phiếu (hiện: {state})."),
    ("other_round", "Hồ sơ “1/TTr – UBND huyện Phú Quý” thuộc một đợt khác."),
])
def test_a_dossier_that_cannot_be_decided_is_refused(voted, tree, change, message):
    if change == "not_voted":
        Proposal.objects.filter(pk=voted.district.pk).update(state=State.AT_COUNCIL)
    else:
        Proposal.objects.filter(pk=voted.district.pk).update(
            round=make_round(tree.phu_quy, year=2023))
    with pytest.raises(ValidationError) as error:
        make_draft(voted, tree.phu_quy)
    assert error.value.messages == [message.format(state=State.AT_COUNCIL.label)]
    assert DecisionDraft.objects.count() == 0


def test_a_dossier_is_in_one_open_draft_at_a_time(voted, tree):
    first = make_draft(voted, tree.phu_quy, dossiers=[voted.district])
    with pytest.raises(ValidationError) as error:
        make_draft(voted, tree.phu_quy)
    assert error.value.messages == [
        f"Hồ sơ “1/TTr – UBND huyện Phú Quý” đã nằm trong dự thảo #{first.pk}."]
    award_services.cancel_draft(by=None, draft=first, version=first.version)
    assert make_draft(voted, tree.phu_quy).lines.count() == 4


def test_dossiers_without_an_approved_nominee_make_no_draft(voted, tree):
    empty = make_dossier(voted.round, tree.phu_thuy)
    nominate(empty, "ldtt", name="Võ Văn Tám", outcome="rejected")
    with pytest.raises(ValidationError) as error:
        make_draft(voted, tree.phu_quy, dossiers=[empty])
    assert error.value.messages == [
        "Các hồ sơ đã chọn không có người, tập thể nào được thông qua."]
    assert DecisionDraft.objects.count() == 0


def test_no_dossier_chosen_is_refused(voted, tree):
    with pytest.raises(ValidationError) as error:
        award_services.draft_decision(by=None, round=voted.round, proposals=[],
                                      issuer=tree.phu_quy, date=DECISION_DATE)
    assert error.value.messages == ["Hãy chọn ít nhất một hồ sơ đã được Hội đồng bỏ phiếu."]


def test_an_officer_may_not_draft_with_dossiers_outside_the_scope(voted, tree, other_officer):
    with pytest.raises(ValidationError) as error:
        make_draft(voted, tree.phu_quy, by=other_officer)
    assert error.value.messages == [
        "Hồ sơ “1/TTr – UBND huyện Phú Quý” nằm ngoài phạm vi của bạn.",
        "Hồ sơ “2/TTr – UBND xã Tam Thanh” nằm ngoài phạm vi của bạn."]


def test_a_council_member_may_not_draft(voted, tree):
    member = UserFactory(role="council_member", unit=tree.home_affairs)
    with pytest.raises(ValidationError) as error:
        make_draft(voted, tree.phu_quy, by=member)
    assert error.value.messages == ["Vai trò của bạn không được soạn quyết định."]


def test_a_cancelled_draft_cannot_be_issued_or_edited(voted, tree, leader):
    draft = make_draft(voted, tree.phu_quy)
    award_services.cancel_draft(by=leader, draft=draft, version=1)
    with pytest.raises(ValidationError) as error:
        award_services.issue_decision(by=leader, draft=draft)
    assert error.value.messages == ["Dự thảo này đã bị hủy."]
    assert DecisionDraft.objects.get(pk=draft.pk).state == DraftState.CANCELLED
