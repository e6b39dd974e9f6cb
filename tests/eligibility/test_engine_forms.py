"""Giấy khen, Bằng khen and the Labour Orders (Law 2022 Art. 42–44, 73–75; ND 152 Art. 21)."""

import pytest

from tests.eligibility.conftest import case, checks, ratings, titles, verdict

STAFF = {"kind": "individual", "group": "cbccvc_nld"}
WORKER = {"kind": "individual", "group": "direct_worker"}
WOMAN = {"kind": "individual", "group": "cbccvc_nld", "gender": "female"}
UNIT = {"kind": "collective"}


BK_TABLE = [
    ("point d: two CSTĐCS and two initiatives", case(
        "bk_bo_tinh_individual", awards=titles("cstd_co_so", 2024, 2025),
        initiatives=[{"year": 2024, "scope": "co_so"}, {"year": 2025, "scope": "co_so"}]),
     "ELIGIBLE"),
    ("point d: one initiative only", case(
        "bk_bo_tinh_individual", awards=titles("cstd_co_so", 2024, 2025),
        initiatives=[{"year": 2025, "scope": "co_so"}]), "INELIGIBLE"),
    ("point d: initiative outside the two years", case(
        "bk_bo_tinh_individual", awards=titles("cstd_co_so", 2024, 2025),
        initiatives=[{"year": 2023, "scope": "co_so"}, {"year": 2025, "scope": "co_so"}]),
     "INELIGIBLE"),
    ("point d: two HTXS years and two initiatives", case(
        "bk_bo_tinh_individual", ratings=ratings(2024, 2025, "HTXS"),
        initiatives=[{"year": 2024, "scope": "co_so"}, {"year": 2025, "scope": "bo_tinh"}]),
     "ELIGIBLE"),
    ("point d as MOHA reads it: one CSTĐCS year and one HTXS year", case(
        "bk_bo_tinh_individual", ratings={"2024": "HTT", "2025": "HTXS"},
        awards=titles("cstd_co_so", 2024),
        initiatives=[{"year": 2024, "scope": "co_so"}, {"year": 2025, "scope": "co_so"}]),
     "ELIGIBLE"),
    ("point d: a year with neither", case(
        "bk_bo_tinh_individual", ratings={"2024": "HTT", "2025": "HTXS"},
        initiatives=[{"year": 2024, "scope": "co_so"}, {"year": 2025, "scope": "co_so"}]),
     "INELIGIBLE"),
    ("point a: outstanding in a provincial movement", case(
        "bk_bo_tinh_individual", facts={"outstanding_in_ministry_or_province_movement": True}),
     "ELIGIBLE"),
    ("direct worker: point đ through the general code", case(
        "bk_bo_tinh_individual", subject=WORKER, facts={
            "many_production_achievements_with_influence_in_commune_agency_or_enterprise": True}),
     "ELIGIBLE"),
    ("the worker variant is not for civil servants", case(
        "bk_bo_tinh_worker", subject=STAFF, facts={
            "many_production_achievements_with_influence_in_commune_agency_or_enterprise": True}),
     "INELIGIBLE"),
    ("collective: two HTXS years", case("bk_bo_tinh_collective", subject=UNIT,
                                        ratings=ratings(2024, 2025, "HTXS")), "ELIGIBLE"),
    ("collective: one HTXS year", case("bk_bo_tinh_collective", subject=UNIT,
                                       ratings={"2024": "HTT", "2025": "HTXS"}), "INELIGIBLE"),
    ("household: contributions", case("bk_bo_tinh_household", subject={"kind": "household"},
                                      facts={"many_contributions_of_labour_land_or_assets": True}),
     "ELIGIBLE"),
]


@pytest.mark.parametrize(("label", "data", "expected"), BK_TABLE, ids=[row[0] for row in BK_TABLE])
def test_bang_khen_bo_tinh(label, data, expected):
    assert verdict(data)["verdict"] == expected


def test_bk_with_several_paths_tags_each_reason_with_its_path():
    answer = verdict(case("bk_bo_tinh_individual", subject=WORKER))
    assert {r.get("rule") for r in answer["reasons"] if r["check"].startswith("fact")} == {
        "bk_bo_tinh_individual", "bk_bo_tinh_worker"}


@pytest.mark.parametrize(("received", "expected"), [("2026-09-20", "NEEDS_HUMAN_REVIEW"),
                                                     (None, "NEEDS_HUMAN_REVIEW")])
def test_more_favourable_2026_draft_for_bk_goes_to_review(received, expected):
    """Two CSTĐCS without initiatives fail the 2022 text but pass the reported 2026 text: a
    more favourable claim (dossier received before 1/10/2026) or an unconfirmed rule decides."""
    data = case("bk_bo_tinh_individual", 2026, awards=titles("cstd_co_so", 2025, 2026),
                decision_date="2026-11-15")
    if received:
        data["propose"]["received_date"] = received
    assert verdict(data)["verdict"] == expected


def test_same_case_before_the_amendment_is_ineligible():
    data = case("bk_bo_tinh_individual", 2026, awards=titles("cstd_co_so", 2025, 2026),
                decision_date="2026-09-30")
    assert verdict(data)["verdict"] == "INELIGIBLE"


def bk_ttg_case(bk=None, year=2024, **changes):
    parts = {"ratings": ratings(2019, year), "awards": (bk if bk is not None else titles(
        "bk_bo_tinh_individual", 2019)) + titles("cstd_co_so", 2020, 2022, 2024)}
    parts.update(changes)
    return case("bk_ttg_individual", year, **parts)


BK_TTG_TABLE = [
    ("five HTT years after the BK, three CSTĐCS", bk_ttg_case(), "ELIGIBLE"),
    ("four years after the BK", bk_ttg_case(year=2024, awards=titles(
        "bk_bo_tinh_individual", 2020) + titles("cstd_co_so", 2021, 2022, 2024)), "INELIGIBLE"),
    ("a year rated HT inside the five", bk_ttg_case(ratings=ratings(2019, 2024, y2022="HT")),
     "INELIGIBLE"),
    ("a bad year before five good ones restarts the count", bk_ttg_case(
        year=2025, ratings=ratings(2018, 2025, y2020="HT"),
        awards=titles("bk_bo_tinh_individual", 2018) + titles("cstd_co_so", 2021, 2023, 2025)),
     "ELIGIBLE"),
    ("two CSTĐCS only", bk_ttg_case(awards=titles("bk_bo_tinh_individual", 2019)
                                    + titles("cstd_co_so", 2020, 2024)), "INELIGIBLE"),
    ("the BK was thematic (G03)", bk_ttg_case(bk=titles("bk_bo_tinh_individual", 2019,
                                                        kind="chuyen_de")), "INELIGIBLE"),
    ("the BK was one-off (G03)", bk_ttg_case(bk=titles("bk_bo_tinh_individual", 2019,
                                                       kind="dot_xuat")), "INELIGIBLE"),
    ("BK without achievement year is anchored at its decision year (G10)", bk_ttg_case(
        bk=[{"code": "bk_bo_tinh_individual", "decision_date": "2019-03-10"}]), "ELIGIBLE"),
    ("BK decided in 2020 without year: only four years (G10)", bk_ttg_case(
        bk=[{"code": "bk_bo_tinh_individual", "decision_date": "2020-01-15"}]), "INELIGIBLE"),
    ("discipline ending in 2020 cuts the window (G06)", bk_ttg_case(
        discipline=[{"level": "khien_trach", "from": "2020-02-01", "to": "2020-10-01"}]),
     "INELIGIBLE"),
    ("another point of Art. 73(1) stated", case("bk_ttg_individual",
                                                facts={"other_point_of_art_73_1_met": True}),
     "ELIGIBLE"),
]


@pytest.mark.parametrize(("label", "data", "expected"), BK_TTG_TABLE,
                         ids=[row[0] for row in BK_TTG_TABLE])
def test_bang_khen_thu_tuong(label, data, expected):
    assert verdict(data)["verdict"] == expected


def test_window_reason_names_the_anchor_and_the_run():
    answer = verdict(bk_ttg_case(ratings=ratings(2019, 2024, y2021="HT")))
    assert checks(answer)["window after 2019: ≥5 consecutive years up to 2024"] is False


@pytest.mark.parametrize(("code", "subject"), [("bk_ttg_collective", UNIT),
                                               ("bk_ttg_worker", WORKER),
                                               ("hcld_3_collective", UNIT),
                                               ("hcld_2_collective", UNIT),
                                               ("hcld_2_worker", WORKER),
                                               ("hcld_1_individual", STAFF)])
def test_unconfirmed_rules_always_need_review(code, subject):
    answer = verdict(case(code, subject=subject))
    assert answer["verdict"] == "NEEDS_HUMAN_REVIEW"
    assert answer["rule"]["status"] == "unconfirmed"


def hcld3_case(year=2025, **changes):
    parts = {"ratings": ratings(year - 5, year, y2023="HTXS"),
             "awards": titles("bk_ttg_individual", year - 5)
             + titles("cstd_co_so", year - 4, year - 2, year)}
    parts.update(changes)
    return case("hcld_3_individual", year, **parts)


def test_hcld3_point_e_chain():
    assert verdict(hcld3_case())["verdict"] == "ELIGIBLE"
    no_htxs = verdict(hcld3_case(ratings=ratings(2020, 2025)))
    assert no_htxs["verdict"] == "INELIGIBLE"
    assert checks(no_htxs)["count rating HTXS ≥1 in 2021–2025"] is False


def test_hcld3_before_1_july_2025_leaves_the_unmodelled_length_of_service_path_to_an_officer():
    """Point (g) under ND 98 is not modelled: a failing chain alone cannot refuse HCLĐ3."""
    answer = verdict(hcld3_case(2024, ratings=ratings(2019, 2024)))
    assert answer["verdict"] == "NEEDS_HUMAN_REVIEW"
    assert checks(answer)["rule version of hcld_3_cong_hien in force on 2024-12-31"] is None


def cong_hien_case(years_from="2019-01-01", subject=STAFF, decision_date="2025-12-20", **parts):
    facts = parts.pop("facts", {"retiring_or_leaving_leadership_post": True})
    return case("hcld_3_cong_hien", 2025, subject=subject, decision_date=decision_date,
                positions=[{"post_group": "vu_truong_tuong_duong", "from": years_from}],
                facts=facts, **parts)


CONG_HIEN_TABLE = [
    ("vụ trưởng nearly 7 years", cong_hien_case(), "ELIGIBLE"),
    ("vụ trưởng 5.9 years", cong_hien_case("2020-01-20"), "INELIGIBLE"),
    ("vụ trưởng 10 years: a higher class", cong_hien_case("2015-12-01"), "INELIGIBLE"),
    ("a woman needs 2/3: 4.5 years", cong_hien_case("2021-06-01", subject=WOMAN), "ELIGIBLE"),
    ("a woman with a higher retirement age: full period", cong_hien_case(
        "2021-06-01", subject=WOMAN, facts={"retiring_or_leaving_leadership_post": True,
                                            "higher_statutory_retirement_age": True}),
     "INELIGIBLE"),
    ("not retiring or leaving the post", cong_hien_case(facts={}), "INELIGIBLE"),
    ("disciplined during the tenure", cong_hien_case(
        discipline=[{"level": "khien_trach", "from": "2021-03-01", "to": "2021-09-01"}]),
     "INELIGIBLE"),
    ("before 1 July 2025 no modelled version (ND 98)", cong_hien_case(decision_date="2025-06-30"),
     "NEEDS_HUMAN_REVIEW"),
    ("received before 1 July 2025 (ND 152 Art. 60)", case(
        "hcld_3_cong_hien", 2025, decision_date="2025-08-01", received_date="2025-06-20",
        positions=[{"post_group": "vu_truong_tuong_duong", "from": "2019-01-01"}],
        facts={"retiring_or_leaving_leadership_post": True}), "NEEDS_HUMAN_REVIEW"),
]


@pytest.mark.parametrize(("label", "data", "expected"), CONG_HIEN_TABLE,
                         ids=[row[0] for row in CONG_HIEN_TABLE])
def test_hcld3_length_of_service(label, data, expected):
    assert verdict(data)["verdict"] == expected


def test_short_time_in_a_higher_post_counts_for_the_next_lower_one():
    """ND 152 Art. 9(2): 2 years as tổng cục trưởng (short of 3) plus 3.5 as phó tổng cục
    trưởng make 5.5 years as phó tổng cục trưởng (5 to under 8)."""
    data = case("hcld_3_cong_hien", 2025, decision_date="2025-12-31", positions=[
        {"post_group": "pho_tong_cuc_truong_tuong_duong", "from": "2020-07-01", "to": "2023-12-31"},
        {"post_group": "tong_cuc_truong_tuong_duong", "from": "2024-01-01"}],
        facts={"retiring_or_leaving_leadership_post": True})
    answer = verdict(data, "en")
    assert answer["verdict"] == "ELIGIBLE"
    tenure = next(r for r in answer["reasons"] if r["check"] == "tenure in leadership post")
    assert tenure["message"].startswith("5,5 years as Deputy Director General")


def test_the_general_code_tries_the_length_of_service_path():
    data = cong_hien_case()
    data["propose"]["code"] = "hcld_3_individual"
    answer = verdict(data)
    assert answer["verdict"] == "ELIGIBLE"
    assert answer["rule"] == {"id": "hcld_3_cong_hien", "version": "2025", "status": "in_force"}


def test_hcld3_worker_and_enterprise_paths():
    worker = case("hcld_3_individual", subject=WORKER,
                  facts={"invention_or_work_high_effect_in_ministry_or_province_field": True})
    enterprise = case("hcld_3_collective", subject={"kind": "enterprise"},
                      facts={"outstanding_one_off_with_influence": True})
    assert verdict(worker)["verdict"] == "ELIGIBLE"
    assert verdict(enterprise)["verdict"] == "ELIGIBLE"
    assert verdict(enterprise)["rule"]["id"] == "hcld_3_enterprise"


def hcld2_case(kind="cong_trang", **changes):
    parts = {"ratings": ratings(2019, 2024, y2021="HTXS", y2023="HTXS"),
             "awards": titles("hcld_3_individual", 2019, kind=kind) + titles("cstd_bo_tinh", 2022)}
    parts.update(changes)
    return case("hcld_2_individual", 2024, **parts)


def test_hcld2_chain_and_its_unconfirmed_length_of_service_base():
    assert verdict(hcld2_case())["verdict"] == "ELIGIBLE"
    assert verdict(hcld2_case(kind="cong_hien"))["verdict"] == "NEEDS_HUMAN_REVIEW"
    one_htxs = hcld2_case(ratings=ratings(2019, 2024, y2021="HTXS"))
    assert verdict(one_htxs)["verdict"] == "INELIGIBLE"
    assert verdict(hcld2_case(kind="cong_hien", ratings=ratings(2019, 2024)))["verdict"] == \
        "INELIGIBLE"


def test_hcld1_collective_confirmed_points_and_unconfirmed_chain():
    stated = case("hcld_1_collective", subject=UNIT, facts={"big_contributions_nationwide": True})
    nothing = case("hcld_1_collective", subject=UNIT, ratings=ratings(2019, 2025, "HTXS"))
    chain = case("hcld_1_collective", subject=UNIT, ratings=ratings(2019, 2025, "HTXS"),
                 awards=titles("hcld_2_collective", 2019) + titles("co_thi_dua_cp", 2023))
    assert [verdict(d)["verdict"] for d in (stated, nothing, chain)] == [
        "ELIGIBLE", "INELIGIBLE", "NEEDS_HUMAN_REVIEW"]


GIAY_KHEN = {"exemplary_compliance": True, "achievements_reviewed_in_movement": True}


@pytest.mark.parametrize(("province", "decided", "rating", "expected"), [
    ("", "2025-12-20", "HTT", "NEEDS_HUMAN_REVIEW"),
    ("bac_ninh", "2025-12-14", "HTT", "NEEDS_HUMAN_REVIEW"),
    ("bac_ninh", "2025-12-15", "HTT", "ELIGIBLE"),
    ("bac_ninh", "2025-12-15", "HT", "INELIGIBLE"),
    ("lam_dong", "2025-12-15", "HTT", "NEEDS_HUMAN_REVIEW"),
])
def test_giay_khen_standards_come_from_the_province(province, decided, rating, expected):
    data = case("giay_khen", ratings={"2025": rating}, facts=GIAY_KHEN, decision_date=decided,
                province=province)
    assert verdict(data)["verdict"] == expected


def test_giay_khen_overlay_for_households_cites_the_provincial_article():
    data = case("giay_khen", subject={"kind": "household"}, province="bac-ninh", facts={
        "exemplary_compliance": True, "household_contributions_or_movement_achievements": True})
    answer = verdict(data)
    assert answer["verdict"] == "ELIGIBLE"
    assert {r["basis"] for r in answer["reasons"] if r["check"].startswith("fact")} == {
        "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 4, khoản 3"}


@pytest.mark.parametrize(("received", "expected", "met"), [
    ("2025-12-10", "ELIGIBLE", True), ("2025-12-11", "INELIGIBLE", False),
    (None, "ELIGIBLE", None)])
def test_provincial_deadline_of_10_december(received, expected, met):
    data = case("ttldxs", subject=UNIT, ratings={"2025": "HTXS"}, province="bac_ninh",
                decision_date="2025-12-25", members={"2025": {
                    "total": 10, "rated_ht_or_better": 10, "ldtt": 8, "cstd_co_so": 1,
                    "disciplined": []}})
    if received:
        data["propose"]["received_date"] = received
    answer = verdict(data)
    assert answer["verdict"] == expected
    assert checks(answer)["deadline 2025-12-10"] is met
