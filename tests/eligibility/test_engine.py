"""Global guards, authority by date, verdict order, the contract's example, earliest_year."""

import json
from pathlib import Path

import pytest

from tests.eligibility.conftest import case, checks, ratings, titles, verdict
from thidua.eligibility.cases import parse_case
from thidua.eligibility.engine import check_case

CONTRACT_EXAMPLE = {
    "subject": {"kind": "individual", "group": "cbccvc_nld", "gender": "female",
                "name": "Nguyễn Thị An"},
    "ratings": {"2023": "HTXS", "2024": "HTT", "2025": "HTXS"},
    "awards": [
        {"code": "cstd_co_so", "year": 2024},
        {"code": "bk_bo_tinh_individual", "year": 2020, "kind": "cong_trang",
         "decision_date": "2021-03-10"},
    ],
    "initiatives": [{"year": 2025, "scope": "co_so", "recognised_by": "unit_head"}],
    "discipline": [{"level": "khien_trach", "from": "2022-03-01", "to": "2022-08-31"}],
    "members": {"2025": {"total": 25, "rated_ht_or_better": 25, "ldtt": 18, "cstd_co_so": 2,
                         "disciplined": [{"level": "khien_trach"}]}},
    "facts": {"discipline_under_consideration": False},
    "council": {"total": 15, "yes": 14, "no": 1, "absent_without_written_opinion": 0},
    "propose": {"code": "cstd_bo_tinh", "year": 2025, "decision_date": "2025-12-20",
                "decided_by": "provincial_chair"},
}


def test_the_contract_example_gives_the_contract_answer_shape():
    answer = verdict(CONTRACT_EXAMPLE)
    assert list(answer) == ["verdict", "code", "year", "rule", "reasons", "to_confirm",
                            "earliest_year"]
    assert (answer["verdict"], answer["code"], answer["year"]) == ("INELIGIBLE", "cstd_bo_tinh", 2025)
    assert answer["rule"] == {"id": "cstd_bo_tinh", "version": "2024", "status": "in_force"}
    assert answer["reasons"][0] == {
        "check": "consecutive cstd_co_so ×3 ending 2025", "met": False,
        "message": "Chưa đạt Chiến sĩ thi đua cơ sở 3 năm liên tục (thiếu năm 2023, 2025)",
        "basis": "Luật Thi đua, khen thưởng 2022, Điều 22, khoản 1, điểm a"}
    assert all(list(reason) == ["check", "met", "message", "basis"] for reason in answer["reasons"])
    assert answer["to_confirm"] == ["outstanding_among_peers"]
    # CSTĐCS 2025 and 2026 granted as the history goes on: 2024–2026 make the chain.
    assert answer["earliest_year"] == 2026
    assert json.loads(json.dumps(answer, ensure_ascii=False)) == answer


def test_an_array_gives_verdicts_in_the_same_order():
    ldtt = case("ldtt", ratings={"2025": "HTT"})
    answers = verdict([CONTRACT_EXAMPLE, ldtt, CONTRACT_EXAMPLE])
    assert [(a["code"], a["verdict"]) for a in answers] == [
        ("cstd_bo_tinh", "INELIGIBLE"), ("ldtt", "ELIGIBLE"), ("cstd_bo_tinh", "INELIGIBLE")]


# G12 on both sides of 1 July 2025: "Luật … Điều 80" before, "Nghị định 129/2025 … Điều 59" from.
AUTHORITY_TABLE = [
    ("district chair, 30/06/2025", "2025-06-30", "district_chair", "ELIGIBLE",
     "Luật Thi đua, khen thưởng 2022, Điều 80"),
    ("district chair, 01/07/2025", "2025-07-01", "district_chair", "INVALID_AUTHORITY",
     "Nghị định 129/2025/NĐ-CP, Điều 59"),
    ("commune chair, 30/06/2025 (Art. 80(3): LĐTT)", "2025-06-30", "commune_chair", "ELIGIBLE",
     "Luật Thi đua, khen thưởng 2022, Điều 80"),
    ("commune chair, 01/07/2025", "2025-07-01", "commune_chair", "ELIGIBLE",
     "Nghị định 129/2025/NĐ-CP, Điều 59"),
    ("provincial chair cannot give LĐTT", "2025-12-20", "provincial_chair", "INVALID_AUTHORITY",
     "Nghị định 129/2025/NĐ-CP, Điều 59"),
]


@pytest.mark.parametrize(("label", "decided", "decider", "expected", "basis"), AUTHORITY_TABLE,
                         ids=[row[0] for row in AUTHORITY_TABLE])
def test_g12_authority_by_decision_date(label, decided, decider, expected, basis):
    answer = verdict(case("ldtt", ratings={"2025": "HTT"}, decision_date=decided,
                          decided_by=decider))
    assert answer["verdict"] == expected
    authority = answer["reasons"][-1]
    assert authority["check"] == f"G12 authority {decider} on {decided}"
    assert authority["basis"] == basis


@pytest.mark.parametrize(("decided", "decider", "expected"), [
    ("2025-06-30", "district_chair", "ELIGIBLE"),
    ("2025-06-30", "commune_chair", "INVALID_AUTHORITY"),
    ("2025-07-01", "commune_chair", "ELIGIBLE"),
    ("2025-07-01", "district_chair", "INVALID_AUTHORITY"),
])
def test_cstd_co_so_passes_from_the_district_to_the_commune_chair(decided, decider, expected):
    answer = verdict(case("cstd_co_so", ratings={"2025": "HTXS"}, decision_date=decided,
                          decided_by=decider))
    assert answer["verdict"] == expected


def test_invalid_authority_wins_over_every_other_verdict():
    answer = verdict(case("cstd_co_so", ratings={"2025": "HT"}, decided_by="president",
                          facts={"investigation_open": True}))
    assert answer["verdict"] == "INVALID_AUTHORITY"


def test_g12_message_explains_the_end_of_the_district_level():
    answer = verdict(case("ldtt", ratings={"2025": "HTT"}, decision_date="2025-08-01",
                          decided_by="district_chair"))
    assert answer["reasons"][-1]["message"] == (
        "Chủ tịch UBND cấp huyện (trước 01/7/2025) không có thẩm quyền quyết định Lao động tiên "
        "tiến vào ngày 01/08/2025; thẩm quyền thuộc: Chủ tịch UBND cấp xã; Giám đốc sở, thủ "
        "trưởng ban, ngành tỉnh; Giám đốc doanh nghiệp, hợp tác xã; Thủ trưởng cơ quan, đơn vị; "
        "từ 01/07/2025 không còn cấp huyện (thẩm quyền chuyển cho Chủ tịch UBND cấp xã)")


G05_TABLE = [
    ("discipline being considered", {"discipline_under_consideration": True}, "HTT", "DEFERRED"),
    ("investigation open", {"investigation_open": True}, "HTT", "DEFERRED"),
    ("complaint being verified", {"complaint_under_verification": True}, "HTT", "DEFERRED"),
    ("stated false", {"discipline_under_consideration": False}, "HTT", "ELIGIBLE"),
    ("pending but ineligible anyway", {"investigation_open": True}, "HT", "INELIGIBLE"),
]


@pytest.mark.parametrize(("label", "facts", "rating", "expected"), G05_TABLE,
                         ids=[row[0] for row in G05_TABLE])
def test_g05_defers_while_pending(label, facts, rating, expected):
    answer = verdict(case("ldtt", ratings={"2025": rating}, facts=facts))
    assert answer["verdict"] == expected
    assert checks(answer)["G05 nothing pending"] is (expected in ("ELIGIBLE",) or (
        expected == "INELIGIBLE" and not any(facts.values())))


def test_deferred_beats_needs_human_review():
    answer = verdict(case("hc_sao_vang", facts={"complaint_under_verification": True}))
    assert answer["verdict"] == "DEFERRED"


def test_g02_double_reward_stated_as_a_fact():
    answer = verdict(case("ldtt", ratings={"2025": "HTT"},
                          facts={"same_achievement_already_rewarded": True}))
    assert answer["verdict"] == "INELIGIBLE"
    assert checks(answer)["G02 not already rewarded for 2025"] is False


def test_g03_lists_the_awards_it_leaves_out():
    answer = verdict(case("ldtt", ratings={"2025": "HTT"}, awards=[
        {"code": "giay_khen", "year": 2024, "kind": "dot_xuat"}]))
    reason = next(r for r in answer["reasons"] if r["check"].startswith("G03"))
    assert reason == {"check": "G03 thematic and one-off awards not counted", "met": True,
                      "message": "Không tính làm căn cứ cho khen thưởng sau: Giấy khen 2024 "
                                 "(đột xuất)",
                      "basis": "Nghị định 152/2025/NĐ-CP, Điều 4, khoản 3"}


def test_g03_basis_before_1_july_2025_is_decree_98():
    answer = verdict(case("ldtt", ratings={"2025": "HTT"}, decision_date="2025-06-30", awards=[
        {"code": "giay_khen", "year": 2024, "kind": "chuyen_de"}]))
    reason = next(r for r in answer["reasons"] if r["check"].startswith("G03"))
    assert reason["basis"] == "Nghị định 98/2023/NĐ-CP, Điều 4, khoản 3"


def test_g06_discipline_still_in_force_counts_no_year():
    answer = verdict(case("ldtt", ratings={"2025": "HTXS"},
                          discipline=[{"level": "canh_cao", "from": "2025-03-01"}]))
    assert answer["verdict"] == "INELIGIBLE"
    assert checks(answer)["G06 discipline still in force"] is False
    assert "earliest_year" not in answer


def test_majority_vote_needs_more_yes_than_half_of_the_votes_cast():
    tie = verdict(case("ldtt", ratings={"2025": "HTT"}, council={
        "total": 9, "yes": 4, "no": 3, "abstain": 1}))
    more = verdict(case("ldtt", ratings={"2025": "HTT"}, council={
        "total": 9, "yes": 5, "no": 3, "abstain": 1}))
    assert (tie["verdict"], more["verdict"]) == ("INELIGIBLE", "ELIGIBLE")


def test_a_code_without_an_automatic_rule_needs_review():
    answer = verdict(case("anh_hung_lao_dong"))
    assert answer["verdict"] == "NEEDS_HUMAN_REVIEW"
    assert answer["rule"] is None
    assert answer["reasons"][0]["met"] is None
    assert answer["reasons"][0]["basis"] == ("Luật Thi đua, khen thưởng 2022, Điều 84 (hồ sơ đề "
                                             "nghị khen thưởng do cán bộ xem xét)")


def test_a_code_without_rule_still_checks_the_authority():
    assert verdict(case("hc_sao_vang", decided_by="provincial_chair"))["verdict"] == \
        "INVALID_AUTHORITY"
    assert verdict(case("hc_sao_vang", decided_by="president"))["verdict"] == "NEEDS_HUMAN_REVIEW"


@pytest.mark.parametrize(("decided", "expected"), [("2023-12-31", "NEEDS_HUMAN_REVIEW"),
                                                   ("2024-01-01", "ELIGIBLE")])
def test_decisions_before_2024_are_not_modelled(decided, expected):
    year = int(decided[:4])
    answer = verdict(case("ldtt", year, ratings={str(year): "HTT"}, decision_date=decided))
    assert answer["verdict"] == expected


EARLIEST_TABLE = [
    ("LĐTT rated HT this year: next year", case("ldtt", ratings={"2025": "HT"}), 2026),
    ("CSTĐ tỉnh with no CSTĐCS yet: three years of chain", case(
        "cstd_bo_tinh", ratings={"2025": "HT"}), 2028),
    ("BKTTg four years after the BK: one more year", case(
        "bk_ttg_individual", 2024, ratings=ratings(2020, 2024),
        awards=titles("bk_bo_tinh_individual", 2020) + titles("cstd_co_so", 2021, 2022, 2024)), 2025),
    ("BKTTg after a bad year: five good years again", case(
        "bk_ttg_individual", 2025, ratings=ratings(2019, 2025, y2023="HT"),
        awards=titles("bk_bo_tinh_individual", 2018)), 2028),
    ("discipline ending next year: the clock moves", case(
        "ldtt", ratings={"2025": "HTT"},
        discipline=[{"level": "khien_trach", "from": "2025-10-01", "to": "2026-03-31"}]), 2027),
    ("TTLĐTT with 60% LĐTT: next year", case(
        "ttldtt", subject={"kind": "collective"}, ratings={"2025": "HTT"},
        members={"2025": {"total": 10, "ldtt": 6, "disciplined": []}}), 2026),
]


@pytest.mark.parametrize(("label", "data", "expected"), EARLIEST_TABLE,
                         ids=[row[0] for row in EARLIEST_TABLE])
def test_earliest_year(label, data, expected):
    answer = verdict(data)
    assert answer["verdict"] == "INELIGIBLE"
    assert answer["earliest_year"] == expected


def test_no_earliest_year_when_only_a_fact_is_missing():
    answer = verdict(case("bk_bo_tinh_worker", subject={"kind": "individual",
                                                        "group": "direct_worker"}))
    assert answer["verdict"] == "INELIGIBLE"
    assert "earliest_year" not in answer


def test_no_earliest_year_when_only_the_vote_failed():
    answer = verdict(case("ldtt", ratings={"2025": "HTT"},
                          council={"total": 10, "yes": 3, "no": 7}))
    assert answer["verdict"] == "INELIGIBLE"
    assert "earliest_year" not in answer


def test_every_catalogue_and_rule_code_answers_for_every_subject_kind():
    """No code raises; every reason cites an article."""
    from thidua.eligibility.rules import registry

    for code in sorted(registry().known_codes):
        for kind in ("individual", "collective", "household", "enterprise"):
            answer = verdict(case(code, subject={"kind": kind}, ratings={"2025": "HTXS"}))
            assert answer["verdict"] in {"ELIGIBLE", "INELIGIBLE", "DEFERRED",
                                         "NEEDS_HUMAN_REVIEW", "INVALID_AUTHORITY"}
            assert all("Điều" in reason["basis"] for reason in answer["reasons"]), code


def test_docs_describe_every_rule():
    from thidua.eligibility.rules import registry

    text = (Path(__file__).resolve().parents[2] / "docs" / "eligibility.md").read_text("utf-8")
    assert [rule_id for rule_id in registry().rules if f"`{rule_id}`" not in text] == []


def test_a_wrong_subject_before_the_rule_exists_cites_no_version():
    answer = verdict(case("hcld_3_cong_hien", subject={"kind": "collective"},
                          decision_date="2025-03-01"))
    assert (answer["verdict"], answer["rule"]) == ("INELIGIBLE", None)
    assert answer["reasons"][0]["basis"] == ("Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1, "
                                             "điểm g; Nghị định 152/2025/NĐ-CP, Điều 21")


def test_g02_a_form_may_be_given_again_in_the_same_year_for_new_achievements():
    again = verdict(case("bk_bo_tinh_individual", awards=titles("bk_bo_tinh_individual", 2025),
                         facts={"outstanding_in_ministry_or_province_movement": True}))
    same = verdict(case("bk_bo_tinh_individual", awards=titles("bk_bo_tinh_individual", 2025),
                        facts={"outstanding_in_ministry_or_province_movement": True,
                               "same_achievement_already_rewarded": True}))
    assert (again["verdict"], same["verdict"]) == ("ELIGIBLE", "INELIGIBLE")


# -- votes: the general majority rule, and a province's own citation ---------------------------
LAW_MAJORITY = ("Luật Thi đua, khen thưởng 2022, Điều 90 (Hội đồng Thi đua – Khen thưởng biểu "
                "quyết theo đa số theo quy chế hoạt động của Hội đồng; số điều chưa xác nhận)")
BAC_NINH_MAJORITY = ("Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 8, khoản 4, điểm a (Hội đồng "
                     "Thi đua – Khen thưởng tỉnh biểu quyết theo đa số)")


@pytest.mark.parametrize(("province", "decided", "basis"), [
    ("", "2025-12-31", LAW_MAJORITY),
    ("lam_dong", "2025-12-31", LAW_MAJORITY),
    ("bac_ninh", "2025-12-14", LAW_MAJORITY),  # before Decision 86/2025 took effect
    ("bac_ninh", "2025-12-15", BAC_NINH_MAJORITY),
])
def test_a_majority_vote_cites_the_law_and_bac_ninh_only_its_own_regulation(province, decided,
                                                                             basis):
    answer = verdict(case("ldtt", ratings={"2025": "HTT"}, province=province,
                          decision_date=decided, council={"total": 9, "yes": 5, "no": 4}))
    (vote,) = [reason for reason in answer["reasons"] if reason["check"] == "vote majority"]
    assert (vote["met"], vote["basis"]) == (True, basis)


# -- caps named by the engine, counted by the list checks --------------------------------------
def test_a_capped_code_names_its_cap_without_changing_the_verdict():
    flag = case("co_thi_dua_cp", subject={"kind": "collective"}, ratings={"2025": "HTXS"},
                facts={"leads_cluster_of_central_council_in_year": True})
    answer = verdict(flag)
    cap = [reason for reason in answer["reasons"] if reason["check"].startswith("cap")]
    assert cap == [{
        "check": "cap co_thi_dua_cp", "met": None,
        "message": "Cờ thi đua của Chính phủ có giới hạn số lượng trong danh sách đề nghị năm "
                   "2025: giới hạn được kiểm tra khi kiểm tra danh sách (giới hạn chưa được xác "
                   "nhận: cần cán bộ xem xét)",
        "basis": "Luật Thi đua, khen thưởng 2022, Điều 25 (giới hạn 20% số tập thể đủ điều "
                 "kiện tặng Cờ thi đua cấp bộ, tỉnh theo Nghị định 91/2017/NĐ-CP; còn áp dụng "
                 "hay không chưa xác nhận)"}]
    assert answer["verdict"] == "ELIGIBLE"
    assert not any(r["check"].startswith("cap") for r in verdict(case(
        "ldtt", ratings={"2025": "HTT"}))["reasons"])


# -- G07: maternity leave counts as working time -----------------------------------------------
G07_BASIS = "Nghị định 152/2025/NĐ-CP, Điều 4, khoản 5"
MATERNITY = {"maternity_leave_in_year": True}


@pytest.mark.parametrize(("code", "history", "facts", "expected", "met"), [
    # No rating for 2025: without the fact LĐTT is refused; with it an officer decides.
    ("ldtt", {"ratings": {"2024": "HTT"}}, {}, "INELIGIBLE", "absent"),
    ("ldtt", {"ratings": {"2024": "HTT"}}, MATERNITY, "NEEDS_HUMAN_REVIEW", None),
    # A rating given for the year is taken as it is.
    ("ldtt", {"ratings": {"2025": "HT"}}, MATERNITY, "INELIGIBLE", True),
    ("ldtt", {"ratings": {"2025": "HTT"}}, MATERNITY, "ELIGIBLE", True),
    # Even a good 2025 rating would not give CSTĐ tỉnh (no CSTĐCS chain): still refused.
    ("cstd_bo_tinh", {"ratings": {"2024": "HTT"}}, MATERNITY, "INELIGIBLE", True),
    # A direct worker's LĐTT reads no rating at all.
    ("ldtt", {"subject": {"group": "direct_worker"}}, MATERNITY, "ELIGIBLE", True),
])
def test_g07_a_missing_rating_in_a_maternity_year_goes_to_an_officer(code, history, facts,
                                                                     expected, met):
    data = case(code, facts=facts, **history)
    answer = verdict(data)
    found = [r for r in answer["reasons"] if r["check"].startswith("G07")]
    assert answer["verdict"] == expected
    assert ([r["met"] for r in found], [r["basis"] for r in found]) == (
        ([], []) if met == "absent" else ([met], [G07_BASIS]))
    assert check_case(parse_case(data), explain=False)["verdict"] == expected


def test_g07_names_why_the_officer_decides():
    answer = verdict(case("ldtt", ratings={"2024": "HTT"}, facts=MATERNITY))
    assert checks(answer)["G07 maternity leave counted as working time"] is None
    assert [r["message"] for r in answer["reasons"] if r["check"].startswith("G07")] == [
        "Thời gian nghỉ thai sản năm 2025 được tính là thời gian công tác nhưng năm này chưa có "
        "kết quả đánh giá: đơn vị đánh giá như bình thường, cán bộ xem xét"]


# -- G11: an initiative is used once ----------------------------------------------------------
G11_BASIS = ("Luật Thi đua, khen thưởng 2022, Điều 5, khoản 2, điểm c (một sáng kiến chỉ dùng làm "
             "tiêu chuẩn một lần, theo hướng dẫn 5007/BNV-TĐKT năm 2023 của Bộ Nội vụ; hiệu lực "
             "theo Nghị định 152/2025/NĐ-CP chưa xác nhận)")
ON_INITIATIVE = {"ratings": {"2025": "HTT"},
                 "initiatives": [{"year": 2025, "scope": "co_so"}]}


@pytest.mark.parametrize(("code", "used", "expected", "met"), [
    ("cstd_co_so", None, "ELIGIBLE", "absent"),
    ("cstd_co_so", False, "ELIGIBLE", True),
    ("cstd_co_so", True, "NEEDS_HUMAN_REVIEW", None),  # LOW guard: never a refusal
    ("ldtt", True, "ELIGIBLE", "absent"),  # LĐTT counts no initiative
])
def test_g11_an_initiative_stated_as_already_used_goes_to_an_officer(code, used, expected, met):
    facts = {} if used is None else {"initiative_already_used": used}
    data = case(code, facts=facts, **ON_INITIATIVE)
    answer = verdict(data)
    found = [(r["met"], r["basis"]) for r in answer["reasons"] if r["check"].startswith("G11")]
    assert answer["verdict"] == expected
    assert found == ([] if met == "absent" else [(met, G11_BASIS)])
    assert check_case(parse_case(data), explain=False)["verdict"] == expected
