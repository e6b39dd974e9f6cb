"""Due dates of each step in working days, the comment window, and the province overlay."""

import datetime

import pytest

from tests.factories import make_decision
from tests.proposals.dossiers import make_dossier
from thidua.eligibility.conditions import RuleFileError
from thidua.proposals import deadlines
from thidua.proposals.choices import State
from thidua.proposals.models import Proposal
from thidua.proposals.workflow import WorkflowError, transition

D = datetime.date


def test_receiving_starts_twenty_working_days_of_appraisal_across_tet(tree, reviewer):
    dossier = make_dossier(tree.phu_quy, State.SUBMITTED)
    transition(dossier, "receive", by=reviewer, today=D(2025, 1, 23))
    dossier.refresh_from_db()
    assert dossier.state == State.RECEIVED
    assert dossier.due_on == D(2025, 2, 27)


def test_each_state_has_the_due_date_of_its_next_step(tree):
    dossier = make_dossier(tree.phu_quy, State.DRAFT, council_date=D(2026, 12, 15),
                           submission_deadline=D(2026, 11, 30))
    today = D(2026, 11, 2)  # Monday
    assert deadlines.due_date(dossier, State.DRAFT, today) == D(2026, 11, 30)
    assert deadlines.due_date(dossier, State.SUBMITTED, today) == D(2026, 11, 9)
    assert deadlines.due_date(dossier, State.RECEIVED, today) == D(2026, 12, 1)  # 24/11 is off
    assert deadlines.due_date(dossier, State.RETURNED, today) is None
    # Published at the latest on 30/11, the ten working days close on 14/12, before 15/12.
    assert deadlines.due_date(dossier, State.APPRAISED, today) == D(2026, 11, 30)
    assert deadlines.due_date(dossier, State.PUBLISHED, today) == D(2026, 12, 15)
    assert deadlines.due_date(dossier, State.AT_COUNCIL, today) == D(2026, 12, 15)
    assert deadlines.due_date(dossier, State.VOTED, today) is None
    assert deadlines.due_date(dossier, State.WITHDRAWN, today) is None


def test_a_round_without_publication_is_due_at_the_council(tree):
    dossier = make_dossier(tree.phu_quy, State.APPRAISED, council_date=D(2026, 12, 15),
                           requires_publication=False)
    assert deadlines.due_date(dossier, State.APPRAISED, D(2026, 11, 2)) == D(2026, 12, 15)


def test_notification_is_due_ten_working_days_after_the_decision(tree):
    dossier = make_dossier(tree.phu_quy, State.VOTED)
    dossier.decision = make_decision(date=D(2025, 4, 25))
    # 26/04/2025 is a Saturday worked; 30/04–04/05 are off.
    assert deadlines.due_date(dossier, State.DECIDED, D(2025, 5, 6)) == D(2025, 5, 13)


def test_publishing_opens_a_ten_working_day_window(tree, reviewer):
    dossier = make_dossier(tree.phu_quy, State.APPRAISED, council_date=D(2026, 5, 4))
    transition(dossier, "publish", by=reviewer, today=D(2026, 4, 13))
    dossier.refresh_from_db()
    assert (dossier.comment_opens_on, dossier.comment_closes_on) == (D(2026, 4, 13),
                                                                      D(2026, 4, 28))
    assert dossier.due_on == D(2026, 5, 4)
    with pytest.raises(WorkflowError, match="28/04/2026"):
        transition(dossier, "to_council", by=reviewer, today=D(2026, 4, 28))
    transition(dossier, "to_council", by=reviewer, today=D(2026, 4, 29))
    dossier.refresh_from_db()
    assert (dossier.state, dossier.due_on) == (State.AT_COUNCIL, D(2026, 5, 4))


def test_publishing_too_close_to_the_council_is_refused_and_nothing_changes(tree, reviewer):
    dossier = make_dossier(tree.phu_quy, State.APPRAISED, council_date=D(2026, 4, 28))
    with pytest.raises(WorkflowError) as refused:
        transition(dossier, "publish", by=reviewer, today=D(2026, 4, 13))
    assert str(refused.value) == (
        "Việc công khai phải trước phiên họp Hội đồng ngày 28/04/2026 ít nhất 10 ngày làm việc: "
        "ngày cuối cùng có thể công khai là 10/04/2026. Hãy dời phiên họp Hội đồng trước.")
    dossier.refresh_from_db()
    assert (dossier.state, dossier.comment_opens_on, dossier.due_on) == (
        State.APPRAISED, None, None)
    transition(dossier, "publish", by=reviewer, today=D(2026, 4, 10))
    assert Proposal.objects.get(pk=dossier.pk).comment_closes_on == D(2026, 4, 24)


def test_the_overlay_may_change_a_limit(tmp_path, monkeypatch, tree, reviewer):
    overlay = tmp_path / "binh_thuan.yaml"
    overlay.write_text("province: binh_thuan\nentries: []\ndeadlines: {appraise: 15}\n",
                       encoding="utf-8")
    monkeypatch.setattr(deadlines, "OVERLAY_DIR", tmp_path)
    deadlines.overlay_limits.cache_clear()
    try:
        assert deadlines.limits("binh_thuan")["appraise"] == 15
        assert deadlines.limits("lam_dong")["appraise"] == 20
        dossier = make_dossier(tree.phu_quy, State.SUBMITTED)
        transition(dossier, "receive", by=reviewer, today=D(2025, 3, 3))
        assert Proposal.objects.get(pk=dossier.pk).due_on == D(2025, 3, 24)
    finally:
        deadlines.overlay_limits.cache_clear()


def test_an_overlay_with_an_unknown_key_is_refused(tmp_path, monkeypatch):
    (tmp_path / "x.yaml").write_text("province: x\nentries: []\ndeadlines: {apraise: 15}\n",
                                     encoding="utf-8")
    monkeypatch.setattr(deadlines, "OVERLAY_DIR", tmp_path)
    deadlines.overlay_limits.cache_clear()
    try:
        with pytest.raises(RuleFileError, match="x.yaml: deadlines.apraise is not one of"):
            deadlines.limits("x")
    finally:
        deadlines.overlay_limits.cache_clear()


def test_the_shipped_overlays_set_no_deadline_without_a_source():
    deadlines.overlay_limits.cache_clear()
    assert deadlines.overlay_limits() == {}


def test_due_by_lists_active_dossiers_and_drafts_past_the_round_deadline(tree):
    late_draft = make_dossier(tree.phu_quy, State.DRAFT, submission_deadline=D(2026, 11, 20))
    make_dossier(tree.phu_quy, State.DRAFT, submission_deadline=D(2026, 12, 20))
    received = make_dossier(tree.phu_quy, State.RECEIVED, due_on=D(2026, 11, 24))
    make_dossier(tree.phu_quy, State.DECIDED, due_on=D(2026, 11, 1))
    make_dossier(tree.phu_quy, State.RECEIVED, due_on=D(2026, 11, 26))
    found = deadlines.due_by(Proposal.objects.all(), D(2026, 11, 25))
    assert sorted(found.values_list("pk", flat=True)) == sorted([late_draft.pk, received.pk])


def test_moving_the_council_refreshes_the_due_dates_that_follow_it(tree):
    appraised = make_dossier(tree.phu_quy, State.APPRAISED, council_date=D(2026, 12, 15),
                             due_on=D(2026, 11, 30))
    round_ = appraised.round
    at_council = make_dossier(tree.phu_quy, State.AT_COUNCIL, round_=round_,
                              due_on=D(2026, 12, 15))
    received = make_dossier(tree.phu_quy, State.RECEIVED, round_=round_, due_on=D(2026, 12, 1))
    round_.council_date = D(2026, 12, 22)
    round_.save(update_fields=["council_date"])
    assert deadlines.refresh_round(round_) == 2
    assert list(Proposal.objects.filter(pk__in=[appraised.pk, at_council.pk, received.pk])
                .order_by("pk").values_list("due_on", flat=True)) == [
        D(2026, 12, 7), D(2026, 12, 22), D(2026, 12, 1)]


def test_a_new_draft_is_due_at_the_round_deadline_and_follows_a_change_of_it(tree, zone_officer,
                                                                            admin_user):
    from tests.factories import make_proposal, make_round
    from thidua.proposals import services

    round_ = make_round(tree.lam_dong, by=admin_user)
    draft = make_proposal(round_, tree.special_zone, by=zone_officer)
    assert draft.due_on == round_.submission_deadline
    later = round_.submission_deadline + datetime.timedelta(days=7)
    services.update_round(by=admin_user, round_=round_, submission_deadline=later)
    assert Proposal.objects.get(pk=draft.pk).due_on == later
