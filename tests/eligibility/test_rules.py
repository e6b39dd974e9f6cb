"""The rule base: complete, consistent with the catalogue, versions chosen by date."""

import datetime

import pytest
import yaml

from thidua.awards.catalogue import entries
from thidua.eligibility.conditions import RuleFileError
from thidua.eligibility.rules import NATIONAL_FILE, Registry, registry

D = datetime.date

# Issue 3, item 1: every individual and collective title and every form of the reference.
REQUIRED_RULES = [
    "ldtt", "ldtt_direct_worker", "cstt", "cstd_co_so", "cstd_bo_tinh", "cstd_toan_quoc",
    "ttldtt", "ttldxs", "co_thi_dua_bo_tinh", "co_thi_dua_cp", "giay_khen",
    "bk_bo_tinh_individual", "bk_bo_tinh_worker", "bk_bo_tinh_collective", "bk_bo_tinh_household",
    "bk_ttg_individual", "bk_ttg_worker", "bk_ttg_collective",
    "hcld_3_individual", "hcld_3_worker", "hcld_3_collective", "hcld_3_enterprise",
    "hcld_3_cong_hien", "hcld_2_individual", "hcld_2_worker", "hcld_2_collective",
    "hcld_1_individual", "hcld_1_collective",
    "xa_tieu_bieu", "thon_tdp_van_hoa", "gia_dinh_van_hoa",
]


def test_every_title_and_form_of_the_reference_has_a_rule():
    assert sorted(registry().rules) == sorted(REQUIRED_RULES)


def test_every_rule_grants_a_catalogue_code_and_every_catalogue_code_is_known():
    catalogue = {entry["code"] for entry in entries()}
    rules = registry()
    assert {rule.award_code for rule in rules.rules.values()} - catalogue == set()
    assert catalogue <= rules.known_codes


def test_every_version_is_dated_cited_and_labelled():
    for rule in registry().rules.values():
        for version in rule.versions:
            assert version.status in {"in_force", "historical", "unconfirmed"}
            assert version.confidence in {"HIGH", "MEDIUM", "LOW", "UNCONFIRMED"}
            assert "Điều" in version.basis.cite(version.start), (rule.id, version.version)
            assert version.end is None or version.end >= version.start


def test_families_group_the_paths_of_a_general_code():
    rules = registry()
    assert [r.id for r in rules.paths("ldtt")] == ["ldtt", "ldtt_direct_worker", "cstt"]
    assert [r.id for r in rules.paths("hcld_3_individual")] == [
        "hcld_3_individual", "hcld_3_cong_hien", "hcld_3_worker"]
    assert [r.id for r in rules.paths("ldtt_direct_worker")] == ["ldtt_direct_worker"]
    assert [r.id for r in rules.paths("hcld_3_enterprise")] == ["hcld_3_enterprise"]
    assert rules.paths("hc_sao_vang") == []


def versions(rule_id, decided, received=None):
    could, favourable = registry().applicable(registry().rules[rule_id], decided, received)
    return [v.version for v in could], [v.version for v in favourable]


@pytest.mark.parametrize(("decided", "received", "expected"), [
    (D(2026, 9, 30), None, (["2024"], [])),
    (D(2026, 10, 1), None, (["2024", "2026-draft"], [])),
    (D(2026, 10, 15), D(2026, 9, 30), (["2024"], ["2026-draft"])),
    (D(2026, 10, 15), D(2026, 10, 1), (["2024", "2026-draft"], [])),
])
def test_the_2026_draft_is_chosen_by_decision_or_receipt_date(decided, received, expected):
    assert versions("cstd_co_so", decided, received) == expected


@pytest.mark.parametrize(("decided", "received", "expected"), [
    (D(2025, 6, 30), None, ([], [])),
    (D(2025, 7, 1), None, (["2025"], [])),
    (D(2025, 8, 1), D(2025, 6, 30), ([], [])),
])
def test_length_of_service_follows_decree_152_by_receipt_date(decided, received, expected):
    assert versions("hcld_3_cong_hien", decided, received) == expected


def test_authority_sets_change_on_1_july_2025():
    ldtt = registry().rules["ldtt"].versions[0].authority
    before = {code for item in ldtt if item.covers(D(2025, 6, 30)) for code in item.codes}
    after = {code for item in ldtt if item.covers(D(2025, 7, 1)) for code in item.codes}
    assert before - after == {"district_chair"}
    assert "commune_chair" in after


def test_basis_by_date_cites_decree_98_before_and_152_after():
    g05 = registry().guards["G05_defer_while_pending"]
    assert g05.cite(D(2025, 6, 30)) == ("Nghị định 98/2023/NĐ-CP, Điều 4 (nguyên tắc khen thưởng; "
                                        "khoản tương ứng chưa xác nhận)")
    assert g05.cite(D(2025, 7, 1)) == "Nghị định 152/2025/NĐ-CP, Điều 4, khoản 4"


def test_a_broken_rule_file_names_the_place():
    national = yaml.safe_load(NATIONAL_FILE.read_text("utf-8"))
    national["rules"][0]["versions"][0]["conditions"] = {"all_of": [{"rating_above": {}}]}
    with pytest.raises(RuleFileError) as raised:
        Registry(national, [])
    assert str(raised.value) == "rule ldtt version 2024: unknown predicate 'rating_above'"


def test_an_overlay_for_an_unknown_rule_is_refused():
    national = yaml.safe_load(NATIONAL_FILE.read_text("utf-8"))
    overlay = {"province": "x", "entries": [{"rules": ["ldtt_x"], "effective_from": "2025-01-01",
                                            "basis": [{"doc": "LAW_2022", "article": 75}]}]}
    with pytest.raises(RuleFileError) as raised:
        Registry(national, [overlay])
    assert str(raised.value) == "overlay x entries[0]: unknown rules ['ldtt_x']"
