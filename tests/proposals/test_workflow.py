"""The dossier's one state machine: the path from draft to the council, its guards, the
history row and audit entry of each step, and refusals that change nothing."""

import datetime
import threading

import pytest
from django.db import connection

from tests.proposals.conftest import counts, snapshot_of
from thidua.core.models import AuditEntry
from thidua.proposals import services, workflow
from thidua.proposals.choices import State
from thidua.proposals.models import Proposal, Transition
from thidua.proposals.workflow import ConflictError, WorkflowError


@pytest.fixture
def ready(dossier, rated, zone_officer, ldtt):
    """A draft with one eligible line."""
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    dossier.refresh_from_db()
    return dossier


def act(proposal, action, by, note=""):
    proposal.refresh_from_db()
    return services.act(proposal, action, by=by, version=proposal.version, note=note)


def test_from_draft_to_the_council_with_a_return_on_the_way(ready, zone_officer,
                                                            province_reviewer):
    act(ready, "submit", zone_officer)
    act(ready, "receive", province_reviewer)
    act(ready, "return", province_reviewer, note="Thiếu báo cáo thành tích")
    act(ready, "submit", zone_officer, note="Đã bổ sung")
    act(ready, "receive", province_reviewer)
    act(ready, "appraise", province_reviewer)
    act(ready, "publish", province_reviewer)
    ready.refresh_from_db()
    assert ready.state == State.PUBLISHED
    assert list(Transition.objects.filter(proposal=ready).values_list(
        "action", "from_state", "to_state", "note")) == [
        ("submit", "draft", "submitted", ""), ("receive", "submitted", "received", ""),
        ("return", "received", "returned", "Thiếu báo cáo thành tích"),
        ("submit", "returned", "submitted", "Đã bổ sung"),
        ("receive", "submitted", "received", ""), ("appraise", "received", "appraised", ""),
        ("publish", "appraised", "published", "")]
    assert list(AuditEntry.objects.filter(action__startswith="thidua.proposal.", object_id=str(
        ready.pk)).exclude(action="thidua.proposal.created").order_by("pk").values_list(
        "action", flat=True)) == [
        "thidua.proposal.submit", "thidua.proposal.receive", "thidua.proposal.return",
        "thidua.proposal.submit", "thidua.proposal.receive", "thidua.proposal.appraise",
        "thidua.proposal.publish"]
    assert ready.submitted_at is not None and ready.received_at is not None


def test_the_council_waits_for_the_comment_period_to_close(ready, zone_officer,
                                                           province_reviewer):
    for action, by in [("submit", zone_officer), ("receive", province_reviewer),
                       ("appraise", province_reviewer), ("publish", province_reviewer)]:
        act(ready, action, by)
    Proposal.objects.filter(pk=ready.pk).update(comment_closes_on=datetime.date(2026, 3, 10))
    ready.refresh_from_db()
    with pytest.raises(WorkflowError, match="10/03/2026"):
        workflow.transition(ready, "to_council", by=province_reviewer,
                            today=datetime.date(2026, 3, 10))
    workflow.transition(ready, "to_council", by=province_reviewer,
                        today=datetime.date(2026, 3, 11))
    assert Proposal.objects.get(pk=ready.pk).state == State.AT_COUNCIL


def test_a_step_out_of_order_is_refused_and_changes_nothing(ready, province_reviewer):
    before, state = counts(), snapshot_of(ready)
    with pytest.raises(WorkflowError) as refused:
        act(ready, "appraise", province_reviewer)
    assert str(refused.value) == ("Không thể “Hoàn thành thẩm định” khi hồ sơ đang ở trạng "
                                  "thái “Dự thảo”.")
    assert (counts(), snapshot_of(ready)) == (before, state)


def test_returning_needs_a_reason(ready, zone_officer, province_reviewer):
    act(ready, "submit", zone_officer)
    before = counts()
    with pytest.raises(WorkflowError, match="lý do"):
        act(ready, "return", province_reviewer, note="   ")
    assert counts() == before


def test_an_officer_cannot_appraise_nor_a_reviewer_submit(ready, zone_officer,
                                                          province_reviewer):
    with pytest.raises(WorkflowError):
        act(ready, "submit", province_reviewer)
    act(ready, "submit", zone_officer)
    with pytest.raises(WorkflowError):
        act(ready, "receive", zone_officer)


def test_an_officer_of_another_unit_cannot_act(ready, other_officer):
    with pytest.raises(WorkflowError):
        act(ready, "submit", other_officer)
    assert Proposal.objects.get(pk=ready.pk).state == State.DRAFT


def test_an_empty_dossier_cannot_be_submitted(dossier, zone_officer):
    with pytest.raises(WorkflowError, match="chưa có người"):
        act(dossier, "submit", zone_officer)


def test_an_ineligible_line_goes_forward_only_with_a_justification(dossier, rated, zone_officer,
                                                                   ldtt):
    line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.binh,
                                award_type=ldtt)
    before = counts()
    with pytest.raises(WorkflowError) as refused:
        act(dossier, "submit", zone_officer)
    assert str(refused.value) == ("Trần Văn Bình chưa đủ điều kiện: hãy viết lý do đề nghị "
                                  "trước khi trình.")
    assert counts() == before
    dossier.refresh_from_db()
    services.update_nominee(by=zone_officer, nominee=line, version=dossier.version,
                            justification="Có thành tích đột xuất trong phòng chống bão")
    act(dossier, "submit", zone_officer)
    assert Proposal.objects.get(pk=dossier.pk).state == State.SUBMITTED


def test_submit_checks_the_lines_again(ready, rated, zone_officer, admin_user):
    """The rating was withdrawn after the line was saved: the re-check inside submit sees it."""
    rated.hoa.ratings.filter(year=2025).delete()
    with pytest.raises(WorkflowError, match="Nguyễn Thị Hoà"):
        act(ready, "submit", zone_officer)
    assert Proposal.objects.get(pk=ready.pk).state == State.DRAFT


def test_lines_cannot_change_after_submission(ready, rated, zone_officer, ldtt):
    act(ready, "submit", zone_officer)
    before = counts()
    with pytest.raises(WorkflowError, match="không thể thay đổi"):
        services.add_nominee(by=zone_officer, proposal=ready, person=rated.binh,
                             award_type=ldtt)
    assert counts() == before


def test_two_reviewers_on_the_same_version_one_wins_the_other_is_told(ready, zone_officer,
                                                                      province_reviewer,
                                                                      admin_user):
    act(ready, "submit", zone_officer)
    seen = Proposal.objects.get(pk=ready.pk)  # both pages show this version
    services.act(seen, "receive", by=province_reviewer, version=seen.version)
    before, state = counts(), snapshot_of(ready)
    with pytest.raises(ConflictError) as stale:
        services.act(seen, "return", by=admin_user, version=seen.version, note="Thiếu hồ sơ")
    assert str(stale.value) == ("Hồ sơ này vừa được người khác thay đổi (hiện ở trạng thái: "
                                "Đã tiếp nhận). Hãy tải lại trang rồi thử lại.")
    assert (counts(), snapshot_of(ready)) == (before, state)


def test_a_stale_page_cannot_edit_lines_either(ready, rated, zone_officer, ldtt):
    stale_version = ready.version
    services.add_nominee(by=zone_officer, proposal=ready, person=rated.binh, award_type=ldtt,
                         version=stale_version)
    before = counts()
    with pytest.raises(ConflictError):
        services.update_proposal(by=zone_officer, proposal=ready, title="Tờ trình mới",
                                 version=stale_version)
    assert counts() == before


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks across connections: "
                    "PostgreSQL (SQLite's in-memory test database has one connection)")
def test_two_officers_at_the_same_moment_one_submits_one_is_told(ready, zone_officer,
                                                                 admin_user):
    """Two threads, two connections, the same version: the row lock serialises them, the
    second sees the new version and gets ConflictError."""
    version, outcomes, start = ready.version, [], threading.Barrier(2)

    def submit(by):
        try:
            start.wait()
            services.act(Proposal.objects.get(pk=ready.pk), "submit", by=by, version=version)
            outcomes.append("ok")
        except ConflictError:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(user,))
               for user in (zone_officer, admin_user)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "ok"]
    assert Transition.objects.filter(proposal=ready).count() == 1
    assert Proposal.objects.get(pk=ready.pk).version == version + 1
