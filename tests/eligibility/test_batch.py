"""The codes each subject is checked for, and the reason that explains a verdict in the batch
table."""

import pytest

from thidua.eligibility import batch
from thidua.eligibility.facts import Subject


def reason(check: str, met: bool | None) -> dict:
    return {"check": check, "met": met, "message": check, "basis": "Điều 1"}


@pytest.mark.parametrize(("verdict", "reasons", "expected"), [
    ("ELIGIBLE", [reason("any_of first way", False), reason("rating", True)], None),
    ("INELIGIBLE", [reason("count initiative", False), reason("rating ≥ HTXS", True),
                    reason("G02 not already rewarded for 2025", False)],
     "G02 not already rewarded for 2025"),
    ("INELIGIBLE", [reason("rating ≥ HTT in 2025", None), reason("consecutive", False),
                    reason("vote majority", None)], "consecutive"),
    ("INELIGIBLE", [reason("rating", True), reason("vote ≥80% of all members", False)],
     "vote ≥80% of all members"),
    ("DEFERRED", [reason("research accepted", False), reason("G05 nothing pending", False)],
     "G05 nothing pending"),
    ("INVALID_AUTHORITY", [reason("rating", False), reason("G12 authority x on 2025", False)],
     "G12 authority x on 2025"),
    ("NEEDS_HUMAN_REVIEW", [reason("vote majority", None),
                            reason("standards delegated: giay_khen", None)],
     "standards delegated: giay_khen"),
    ("NEEDS_HUMAN_REVIEW", [reason("vote majority", None)], "vote majority"),
])
def test_the_reason_that_explains_a_verdict(verdict, reasons, expected):
    found = batch.first_unmet({"verdict": verdict, "reasons": reasons})
    assert (found["check"] if found else None) == expected


def test_the_codes_of_each_subject():
    assert batch.rule_codes(Subject(kind="individual", group="armed_forces")) == [
        "ldtt", "cstd_co_so", "cstd_bo_tinh", "cstd_toan_quoc", "giay_khen",
        "bk_bo_tinh_individual", "bk_ttg_individual", "hcld_3_individual", "hcld_2_individual",
        "hcld_1_individual"]
    assert batch.rule_codes(Subject(kind="enterprise"), "enterprise") == [
        "ttldtt", "ttldxs", "co_thi_dua_bo_tinh", "co_thi_dua_cp", "giay_khen",
        "bk_bo_tinh_collective", "bk_ttg_collective", "hcld_3_collective", "hcld_2_collective",
        "hcld_1_collective"]
    assert "thon_tdp_van_hoa" in batch.rule_codes(Subject(kind="collective"), "village")
    assert "xa_tieu_bieu" not in batch.rule_codes(Subject(kind="collective"), "village")
    advisory = batch.advisory_codes(Subject(kind="individual"))
    assert (len(advisory), advisory[0], "ldtt" in advisory) == (38, "hc_sao_vang", False)
    assert batch.advisory_codes(Subject(kind="enterprise"))[:2] == ["hc_sao_vang",
                                                                    "hc_ho_chi_minh"]


def test_the_codes_offered_once_each():
    groups = dict(batch.code_groups())
    assert [code for code, _name in groups["both"]] == ["giay_khen"]
    assert [code for code, _name in groups["individual"]][:2] == ["ldtt", "cstd_co_so"]
    assert [code for code, _name in groups["collective"]][-1] == "hcld_1_collective"
