"""Lines of a dossier: added, changed, removed, each checked by the eligibility engine and the
list checks on save, in scope only."""

import pytest
from django.utils import translation

from tests.factories import award_type, make_person
from tests.proposals.conftest import counts
from thidua.proposals import services
from thidua.proposals.services import DossierError


def test_an_eligible_line_gets_its_verdict_and_citations_on_save(dossier, rated, zone_officer,
                                                                  ldtt):
    line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa,
                                award_type=ldtt, summary="Hoàn thành tốt nhiệm vụ")
    assert (line.position, line.name, line.unit_name, line.verdict) == (
        1, "Nguyễn Thị Hoà", "UBND huyện Phú Quý", "ELIGIBLE")
    assert line.checked_at is not None
    assert all(reason["basis"] for reason in line.reasons)
    assert line.findings == []
    dossier.refresh_from_db()
    assert dossier.version == 2


def test_an_ineligible_line_says_why(dossier, rated, zone_officer, ldtt):
    line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.binh,
                                award_type=ldtt)
    assert line.verdict == "INELIGIBLE"
    failed = [reason for reason in line.reasons if reason["met"] is False]
    assert failed and all("Điều" in reason["basis"] for reason in failed)


def test_reasons_are_kept_in_the_records_language_whatever_the_users(dossier, rated,
                                                                     zone_officer, ldtt):
    """A check run from an English session stores the Vietnamese reasons everyone reads."""
    with translation.override("en"):
        line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.binh,
                                    award_type=ldtt)
    in_english_session = line.reasons
    with translation.override("vi"):
        services.check_nominees(dossier, by=zone_officer)
    line.refresh_from_db()
    assert in_english_session == line.reasons
    assert any("năm" in reason["message"] for reason in line.reasons)


def test_a_person_outside_the_units_scope_is_refused(dossier, rated, zone_officer, ldtt):
    before = counts()
    with pytest.raises(DossierError) as refused:
        services.add_nominee(by=zone_officer, proposal=dossier, person=rated.other,
                             award_type=ldtt)
    assert str(refused.value) == "Lê Thị Hòa không thuộc phạm vi của UBND đặc khu Phú Quý."
    assert counts() == before


def test_the_same_person_twice_for_one_title_is_refused(dossier, rated, zone_officer, ldtt):
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    with pytest.raises(DossierError):
        services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa,
                             award_type=ldtt)
    assert dossier.nominees.count() == 1


def test_a_namesake_with_the_same_birth_date_is_a_duplicate_finding(dossier, rated, tree,
                                                                    zone_officer, ldtt):
    twin = make_person("Nguyễn Thị Hoà", tree.tam_thanh, gender="female",
                       birth_date=rated.hoa.birth_date)
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    second = services.add_nominee(by=zone_officer, proposal=dossier, person=twin,
                                  award_type=ldtt)
    assert [item["check"] for item in second.findings] == ["duplicate"]
    first = dossier.nominees.get(position=1)
    assert [item["severity"] for item in first.findings] == ["error"]


def test_removing_a_line_renumbers_and_checks_again(dossier, rated, tree, zone_officer, ldtt):
    twin = make_person("Nguyễn Thị Hoà", tree.tam_thanh, gender="female",
                       birth_date=rated.hoa.birth_date)
    first = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa,
                                 award_type=ldtt)
    services.add_nominee(by=zone_officer, proposal=dossier, person=twin, award_type=ldtt)
    services.remove_nominee(by=zone_officer, nominee=first)
    assert list(dossier.nominees.values_list("position", "name", "findings")) == [
        (1, "Nguyễn Thị Hoà", [])]


def test_a_title_not_given_to_individuals_is_refused(dossier, rated, zone_officer):
    with pytest.raises(DossierError):
        services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa,
                             award_type=award_type("ttldtt"))


def test_a_collective_line_is_checked_with_its_members(dossier, rated, tree, zone_officer):
    line = services.add_nominee(by=zone_officer, proposal=dossier, collective=tree.special_zone,
                                award_type=award_type("ttldtt"))
    assert (line.subject_kind, line.name) == ("collective", "UBND đặc khu Phú Quý")
    assert line.verdict in {"INELIGIBLE", "NEEDS_HUMAN_REVIEW"}


def test_a_reviewer_may_not_edit_lines(dossier, rated, province_reviewer, ldtt):
    with pytest.raises(DossierError):
        services.add_nominee(by=province_reviewer, proposal=dossier, person=rated.hoa,
                             award_type=ldtt)


def test_the_reviewer_rechecks_and_it_is_audited(dossier, rated, zone_officer,
                                                 province_reviewer, ldtt):
    from thidua.core.models import AuditEntry

    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    found = services.check_nominees(dossier, by=province_reviewer)
    assert dict(found) == {"ELIGIBLE": 1}
    entry = AuditEntry.objects.filter(action="thidua.proposal.checked").get()
    assert (entry.actor, entry.after) == (province_reviewer, {"ELIGIBLE": 1})


def test_a_criterion_asserted_by_the_unit_counts_and_unknown_ones_are_dropped(
        tree, rated, zone_officer, admin_user):
    from tests.factories import make_proposal, make_round
    from thidua.proposals import verdicts

    provincial = make_round(tree.lam_dong, by=admin_user, name="Bằng khen năm 2025")
    dossier = make_proposal(provincial, tree.special_zone, by=zone_officer)
    line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa,
                                award_type=award_type("bk_bo_tinh_individual"))
    assert line.verdict == "INELIGIBLE"
    offered = [name for name, _text, held in verdicts.fact_checks(line)]
    assert offered[:3] == ["outstanding_in_ministry_or_province_movement",
                           "achievements_with_influence_in_managed_field",
                           "contribution_socioeconomic_science_charity"]
    line = services.update_nominee(by=zone_officer, nominee=line, facts={
        "outstanding_in_ministry_or_province_movement": True, "invented_fact": True})
    assert line.facts == {"outstanding_in_ministry_or_province_movement": True}
    assert line.verdict == "ELIGIBLE"


def test_the_same_person_in_two_dossiers_of_the_round_is_flagged_on_both(
        round_, dossier, rated, tree, zone_officer, ldtt):
    from tests.factories import make_proposal

    second = make_proposal(round_, tree.special_zone, by=zone_officer, title="Tờ trình bổ sung")
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    later = services.add_nominee(by=zone_officer, proposal=second, person=rated.hoa,
                                 award_type=ldtt)
    assert [(item["check"], item["severity"], item["message"]) for item in later.findings] == [
        ("duplicate_round", "warning", "Nguyễn Thị Hoà cũng được UBND đặc khu Phú Quý đề nghị "
         "Lao động tiên tiến trong đợt này")]
    counts = services.check_round(round_, by=round_.created_by)
    assert dict(counts) == {"ELIGIBLE": 2}
    first = dossier.nominees.get()
    assert [item["check"] for item in first.findings] == ["duplicate_round"]
