"""Collective and community titles (Law 2022 Art. 25–31; Decree 86/2023)."""

import pytest

from tests.eligibility.conftest import case, checks, titles, verdict

UNIT = {"kind": "collective", "name": "Phòng Nội vụ"}


def members(total=25, rated=25, ldtt=18, cstd=2, disciplined=()):
    counts = {"total": total, "rated_ht_or_better": rated, "ldtt": ldtt, "cstd_co_so": cstd,
              "disciplined": [{"level": level} for level in disciplined]}
    return {"2025": {k: v for k, v in counts.items() if v is not None}}


def unit_case(code, rating="HTXS", **parts):
    parts.setdefault("members", members())
    return case(code, subject=UNIT, ratings={"2025": rating}, **parts)


TTLDTT_TABLE = [
    ("70 of 100 hold LĐTT", unit_case("ttldtt", members=members(100, 100, 70, 5)), "ELIGIBLE",
     {"members ldtt ≥ 70% in 2025": True}),
    ("69 of 100 hold LĐTT", unit_case("ttldtt", members=members(100, 100, 69, 5)), "INELIGIBLE",
     {"members ldtt ≥ 70% in 2025": False}),
    ("rated HT", unit_case("ttldtt", rating="HT"), "INELIGIBLE", {"rating ≥ HTT in 2025": False}),
    ("a member reprimanded (khiển trách) does not disqualify",
     unit_case("ttldtt", members=members(disciplined=["khien_trach"])), "ELIGIBLE",
     {"members none disciplined ≥ canh_cao in 2025": True}),
    ("a member warned (cảnh cáo) disqualifies",
     unit_case("ttldtt", members=members(disciplined=["khien_trach", "canh_cao"])), "INELIGIBLE",
     {"members none disciplined ≥ canh_cao in 2025": False}),
    ("LĐTT count unknown", unit_case("ttldtt", members=members(ldtt=None)), "NEEDS_HUMAN_REVIEW",
     {"members ldtt ≥ 70% in 2025": None}),
    ("discipline unknown", unit_case("ttldtt", members={"2025": {"total": 10, "ldtt": 9}}),
     "NEEDS_HUMAN_REVIEW", {"members none disciplined ≥ canh_cao in 2025": None}),
    ("an unknown count does not save a failing one",
     unit_case("ttldtt", rating="HT", members=members(ldtt=None)), "INELIGIBLE",
     {"rating ≥ HTT in 2025": False}),
    ("no members given for the year", unit_case("ttldtt", members={}), "NEEDS_HUMAN_REVIEW",
     {"members ldtt ≥ 70% in 2025": None}),
]


@pytest.mark.parametrize(("label", "data", "expected", "expected_checks"), TTLDTT_TABLE,
                         ids=[row[0] for row in TTLDTT_TABLE])
def test_ttldtt(label, data, expected, expected_checks):
    answer = verdict(data)
    assert answer["verdict"] == expected
    assert {k: checks(answer)[k] for k in expected_checks} == expected_checks


TTLDXS_TABLE = [
    ("every condition met", unit_case("ttldxs"), "ELIGIBLE"),
    ("rated HTT only", unit_case("ttldxs", rating="HTT"), "INELIGIBLE"),
    ("one member below HT", unit_case("ttldxs", members=members(rated=24)), "INELIGIBLE"),
    ("no member with CSTĐCS", unit_case("ttldxs", members=members(cstd=0)), "INELIGIBLE"),
    ("one member with CSTĐCS", unit_case("ttldxs", members=members(cstd=1)), "ELIGIBLE"),
    ("17 of 25 with LĐTT (68%)", unit_case("ttldxs", members=members(ldtt=17)), "INELIGIBLE"),
    ("an enterprise may hold it", case("ttldxs", subject={"kind": "enterprise"},
                                       ratings={"2025": "HTXS"}, members=members()), "ELIGIBLE"),
]


@pytest.mark.parametrize(("label", "data", "expected"), TTLDXS_TABLE,
                         ids=[row[0] for row in TTLDXS_TABLE])
def test_ttldxs(label, data, expected):
    assert verdict(data)["verdict"] == expected


def test_member_share_message_gives_the_numbers():
    answer = verdict(unit_case("ttldtt", members=members(25, 25, 17, 2)))
    reason = next(r for r in answer["reasons"] if r["check"] == "members ldtt ≥ 70% in 2025")
    assert reason["message"] == ("17/25 thành viên (68%) đạt Lao động tiên tiến năm 2025 "
                                 "(yêu cầu từ 70% trở lên)")
    assert reason["basis"] == "Luật Thi đua, khen thưởng 2022, Điều 28, khoản 1"


FLAG_FACTS = {"leads_cluster_or_block_in_year": True, "exceeded_targets_and_tasks": True,
              "party_and_mass_orgs_rated_htxs": True}

FLAG_TABLE = [
    ("annual path: leads its cluster", case("co_thi_dua_bo_tinh", subject=UNIT, facts=FLAG_FACTS),
     "ELIGIBLE"),
    ("annual path without the lead", case("co_thi_dua_bo_tinh", subject=UNIT, facts={
        **FLAG_FACTS, "leads_cluster_or_block_in_year": False}), "INELIGIBLE"),
    ("thematic path", case("co_thi_dua_bo_tinh", subject=UNIT, facts={
        "leads_thematic_movement_at_review": True, "movement_duration_meets_sector_minimum": True}),
     "ELIGIBLE"),
    ("ballot 12 of 15 (80%)", case("co_thi_dua_bo_tinh", subject=UNIT, facts=FLAG_FACTS,
                                   council={"total": 15, "yes": 12, "no": 3}), "ELIGIBLE"),
    ("ballot 11 of 15", case("co_thi_dua_bo_tinh", subject=UNIT, facts=FLAG_FACTS,
                             council={"total": 15, "yes": 11, "no": 4}), "INELIGIBLE"),
    ("government flag: standout cluster leader", case("co_thi_dua_cp", subject=UNIT, facts={
        "leads_cluster_of_ministry_or_province_in_year": True,
        "standout_among_cluster_leaders": True, "exceeded_targets_and_tasks": True}), "ELIGIBLE"),
    ("government flag: leader of a central-council cluster", case(
        "co_thi_dua_cp", subject=UNIT, facts={"leads_cluster_of_central_council_in_year": True}),
     "ELIGIBLE"),
    ("government flag: five-year PM movement", case(
        "co_thi_dua_cp", subject=UNIT, facts={"leads_pm_movement_of_5_years_or_more_at_review": True}),
     "ELIGIBLE"),
    ("government flag: nothing claimed", case("co_thi_dua_cp", subject=UNIT), "INELIGIBLE"),
]


@pytest.mark.parametrize(("label", "data", "expected"), FLAG_TABLE,
                         ids=[row[0] for row in FLAG_TABLE])
def test_flags(label, data, expected):
    assert verdict(data)["verdict"] == expected


def test_flag_conduct_facts_are_asserted_and_listed():
    answer = verdict(case("co_thi_dua_bo_tinh", subject=UNIT, facts=FLAG_FACTS))
    assert answer["to_confirm"] == ["united_thrift_anti_corruption", "registered_for_emulation"]


THON_FACTS = dict.fromkeys((
    "stable_developing_economic_life", "healthy_rich_cultural_life",
    "safe_friendly_clean_environment", "compliant_orderly_active_in_movements",
    "united_mutual_help_in_community"), True)
FAMILY_FACTS = {"family_law_abiding_and_civilised": True, "family_active_in_movements": True,
                "family_warm_progressive_happy_united": True}
HOUSEHOLD = {"kind": "household"}

COMMUNITY_TABLE = [
    ("thôn văn hóa meets Art. 30(1)", case("thon_tdp_van_hoa", subject=UNIT, facts=THON_FACTS),
     "ELIGIBLE"),
    ("thôn văn hóa without a healthy cultural life", case("thon_tdp_van_hoa", subject=UNIT, facts={
        **THON_FACTS, "healthy_rich_cultural_life": False}), "INELIGIBLE"),
    ("gia đình văn hóa", case("gia_dinh_van_hoa", subject=HOUSEHOLD, facts=FAMILY_FACTS),
     "ELIGIBLE"),
    ("gia đình văn hóa not claimed", case("gia_dinh_van_hoa", subject=HOUSEHOLD), "INELIGIBLE"),
    ("gia đình văn hóa is for households", case("gia_dinh_van_hoa", subject=UNIT,
                                                facts=FAMILY_FACTS), "INELIGIBLE"),
    ("xã tiêu biểu", case("xa_tieu_bieu", subject=UNIT,
                          facts={"meets_nd86_framework_standards": True}), "ELIGIBLE"),
    ("community titles start with Decree 86/2023 (30/01/2024)", case(
        "gia_dinh_van_hoa", 2024, subject=HOUSEHOLD, facts=FAMILY_FACTS,
        decision_date="2024-01-29"), "NEEDS_HUMAN_REVIEW"),
]


@pytest.mark.parametrize(("label", "data", "expected"), COMMUNITY_TABLE,
                         ids=[row[0] for row in COMMUNITY_TABLE])
def test_community_titles(label, data, expected):
    assert verdict(data)["verdict"] == expected


@pytest.mark.parametrize(("decided", "decider", "expected"), [
    ("2025-06-30", "district_chair", "ELIGIBLE"),
    ("2025-06-30", "commune_chair", "INVALID_AUTHORITY"),
    ("2025-07-01", "district_chair", "INVALID_AUTHORITY"),
    ("2025-07-01", "commune_chair", "ELIGIBLE"),
])
def test_thon_van_hoa_authority_moves_from_district_to_commune_on_1_july_2025(decided, decider,
                                                                              expected):
    answer = verdict(case("thon_tdp_van_hoa", subject=UNIT, facts=THON_FACTS,
                          decision_date=decided, decided_by=decider))
    assert answer["verdict"] == expected


def test_xa_tieu_bieu_unconfirmed_authority_asks_for_review_instead_of_refusing():
    answer = verdict(case("xa_tieu_bieu", subject=UNIT, decided_by="commune_chair",
                          facts={"meets_nd86_framework_standards": True}))
    assert answer["verdict"] == "NEEDS_HUMAN_REVIEW"
    assert checks(answer)["G12 authority commune_chair on 2025-12-31"] is None


def test_ttldxs_chain_titles_count_for_a_collective_certificate():
    data = case("bk_bo_tinh_collective", subject=UNIT, ratings={"2024": "HTT", "2025": "HTT"},
                awards=titles("ttldxs", 2024, 2025))
    assert verdict(data)["verdict"] == "ELIGIBLE"
