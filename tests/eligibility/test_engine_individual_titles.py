"""Individual titles (Law 2022 Art. 21–24): each path passing and failing at its boundary."""

import pytest

from tests.eligibility.conftest import case, checks, ratings, titles, verdict

STAFF = {"kind": "individual", "group": "cbccvc_nld"}
WORKER = {"kind": "individual", "group": "direct_worker"}
SOLDIER = {"kind": "individual", "group": "armed_forces"}

LDTT_TABLE = [
    ("rated HTT", case("ldtt", ratings={"2025": "HTT"}), "ELIGIBLE",
     {"rating ≥ HTT in 2025": True}),
    ("rated HTXS", case("ldtt", ratings={"2025": "HTXS"}), "ELIGIBLE",
     {"rating ≥ HTT in 2025": True}),
    ("rated HT", case("ldtt", ratings={"2025": "HT"}), "INELIGIBLE",
     {"rating ≥ HTT in 2025": False}),
    ("not rated", case("ldtt", ratings={"2024": "HTXS"}), "INELIGIBLE",
     {"rating ≥ HTT in 2025": False}),
    ("conduct stated false", case("ldtt", ratings={"2025": "HTT"},
                                  facts={"self_reliant_united_active_in_emulation": False}),
     "INELIGIBLE", {"fact self_reliant_united_active_in_emulation": False}),
    ("not registered (G01)", case("ldtt", ratings={"2025": "HTT"},
                                  facts={"registered_for_emulation": False}),
     "INELIGIBLE", {"G01 registered_for_emulation": False}),
    ("already holds LĐTT 2025 (G02)", case("ldtt", ratings={"2025": "HTT"},
                                           awards=titles("ldtt", 2025)),
     "INELIGIBLE", {"G02 not already rewarded for 2025": False}),
    ("a thematic LĐTT 2025 is another achievement", case(
        "ldtt", ratings={"2025": "HTT"}, awards=titles("ldtt", 2025, kind="chuyen_de")),
     "ELIGIBLE", {"G02 not already rewarded for 2025": True}),
    ("disciplined during the year (G06)", case(
        "ldtt", ratings={"2025": "HTT"},
        discipline=[{"level": "khien_trach", "from": "2025-02-01", "to": "2025-07-31"}]),
     "INELIGIBLE", {"rating ≥ HTT in 2025": False, "G06 years counted from 2026": False}),
    ("discipline ended the year before", case(
        "ldtt", ratings={"2025": "HTT"},
        discipline=[{"level": "canh_cao", "from": "2024-01-15", "to": "2024-12-31"}]),
     "ELIGIBLE", {"rating ≥ HTT in 2025": True, "G06 years counted from 2025": True}),
    ("direct worker: no rating needed", case("ldtt", subject=WORKER), "ELIGIBLE",
     {"fact productive_and_active_in_movements": True}),
    ("direct worker variant for a civil servant", case("ldtt_direct_worker", subject=STAFF,
                                                      ratings={"2025": "HTXS"}),
     "INELIGIBLE", {"subject individual/cbccvc_nld": False}),
    ("armed forces: CSTT path of the LĐTT family", case("ldtt", subject=SOLDIER,
                                                        ratings={"2025": "HTT"}),
     "ELIGIBLE", {"rating ≥ HTT in 2025": True}),
    ("LĐTT is not for a collective", case("ldtt", subject={"kind": "collective"}),
     "INELIGIBLE", {"subject collective/cbccvc_nld": False}),
]


@pytest.mark.parametrize(("label", "data", "expected", "expected_checks"), LDTT_TABLE,
                         ids=[row[0] for row in LDTT_TABLE])
def test_ldtt(label, data, expected, expected_checks):
    answer = verdict(data)
    assert answer["verdict"] == expected
    assert {k: checks(answer)[k] for k in expected_checks} == expected_checks


def test_ldtt_lists_the_asserted_conduct_and_registration_to_confirm():
    answer = verdict(case("ldtt", ratings={"2025": "HTT"}))
    assert answer["to_confirm"] == ["self_reliant_united_active_in_emulation",
                                    "registered_for_emulation"]
    given = verdict(case("ldtt", ratings={"2025": "HTT"}, facts={
        "self_reliant_united_active_in_emulation": True, "registered_for_emulation": True}))
    assert given["to_confirm"] == []


CSTD_CO_SO_TABLE = [
    ("HTXS alone", case("cstd_co_so", ratings={"2025": "HTXS"}), "ELIGIBLE"),
    ("HTT with a grassroots initiative", case(
        "cstd_co_so", ratings={"2025": "HTT"}, initiatives=[{"year": 2025, "scope": "co_so"}]),
     "ELIGIBLE"),
    ("HTT with an initiative of an earlier year", case(
        "cstd_co_so", ratings={"2025": "HTT"}, initiatives=[{"year": 2024, "scope": "co_so"}]),
     "INELIGIBLE"),
    ("HTT with accepted research", case("cstd_co_so", ratings={"2025": "HTT"},
                                        facts={"research_accepted_in_year": True}), "ELIGIBLE"),
    ("HTT and nothing else", case("cstd_co_so", ratings={"2025": "HTT"}), "INELIGIBLE"),
    ("below the LĐTT standard", case("cstd_co_so", ratings={"2025": "HT"},
                                     initiatives=[{"year": 2025, "scope": "bo_tinh"}]),
     "INELIGIBLE"),
    ("a direct worker needs an initiative", case(
        "cstd_co_so", subject=WORKER, initiatives=[{"year": 2025, "scope": "co_so"}]),
     "ELIGIBLE"),
]


@pytest.mark.parametrize(("label", "data", "expected"), CSTD_CO_SO_TABLE,
                         ids=[row[0] for row in CSTD_CO_SO_TABLE])
def test_cstd_co_so(label, data, expected):
    assert verdict(data)["verdict"] == expected


def test_cstd_co_so_includes_the_ldtt_standard_and_its_article():
    answer = verdict(case("cstd_co_so", ratings={"2025": "HTXS"}))
    reasons = {r["check"]: r for r in answer["reasons"]}
    assert reasons["rating ≥ HTT in 2025"]["basis"] == "Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1"
    assert reasons["rating ≥ HTXS in 2025"]["basis"] == "Luật Thi đua, khen thưởng 2022, Điều 23"
    assert answer["to_confirm"] == ["self_reliant_united_active_in_emulation",
                                    "registered_for_emulation"]


@pytest.mark.parametrize(("yes", "expected", "met"), [(79, "INELIGIBLE", False),
                                                       (80, "ELIGIBLE", True)])
def test_cstd_co_so_ballot_needs_80_percent_of_all_members(yes, expected, met):
    council = {"total": 100, "yes": yes, "no": 100 - yes}
    answer = verdict(case("cstd_co_so", ratings={"2025": "HTXS"}, council=council))
    assert answer["verdict"] == expected
    assert checks(answer)["vote ≥80% of all members"] is met


def test_absent_members_without_written_opinion_still_count_in_the_total():
    council = {"total": 15, "yes": 11, "no": 0, "absent_without_written_opinion": 4}
    answer = verdict(case("cstd_co_so", ratings={"2025": "HTXS"}, council=council))
    assert answer["verdict"] == "INELIGIBLE"  # 11/15 = 73% < 80%


def test_without_a_council_the_vote_is_not_decidable_and_changes_nothing():
    answer = verdict(case("cstd_co_so", ratings={"2025": "HTXS"}))
    assert answer["verdict"] == "ELIGIBLE"
    assert checks(answer)["vote ≥80% of all members"] is None


# 1 October 2026: the amending law is in force but its criteria are unconfirmed.
AMENDMENT_TABLE = [
    ("before: HTT with initiative", "2026-09-30", None, "HTT", True, "ELIGIBLE"),
    ("from: HTT with initiative fails only the draft", "2026-10-01", None, "HTT", True,
     "NEEDS_HUMAN_REVIEW"),
    ("from: HTXS without initiative fails only the draft", "2026-10-01", None, "HTXS", False,
     "NEEDS_HUMAN_REVIEW"),
    ("from: HTXS with initiative passes both", "2026-10-01", None, "HTXS", True, "ELIGIBLE"),
    ("from: HT fails both", "2026-10-01", None, "HT", True, "INELIGIBLE"),
    ("from, dossier received before: the 2022 text", "2026-10-20", "2026-09-25", "HTT", True,
     "ELIGIBLE"),
    ("from, dossier received on the day: both could apply", "2026-10-20", "2026-10-01", "HTT",
     True, "NEEDS_HUMAN_REVIEW"),
]


@pytest.mark.parametrize(("label", "decided", "received", "level", "initiative", "expected"),
                         AMENDMENT_TABLE, ids=[row[0] for row in AMENDMENT_TABLE])
def test_cstd_co_so_on_both_sides_of_1_october_2026(label, decided, received, level, initiative,
                                                    expected):
    data = case("cstd_co_so", 2026, ratings={"2026": level}, decision_date=decided,
                initiatives=[{"year": 2026, "scope": "co_so"}] if initiative else [])
    if received:
        data["propose"]["received_date"] = received
    answer = verdict(data)
    assert answer["verdict"] == expected
    assert answer["rule"] == {"id": "cstd_co_so", "version": "2024", "status": "in_force"}


def test_reasons_of_the_unconfirmed_version_are_tagged_with_it():
    answer = verdict(case("cstd_co_so", 2026, ratings={"2026": "HTT"}, decision_date="2026-11-02",
                          initiatives=[{"year": 2026, "scope": "co_so"}]))
    draft = [r for r in answer["reasons"] if r.get("version") == "2026-draft"]
    assert [(r["check"], r["met"]) for r in draft if r["check"].startswith("rating")] == [
        ("rating ≥ HTT in 2026", True), ("rating ≥ HTXS in 2026", False)]
    htxs = next(r for r in draft if r["check"] == "rating ≥ HTXS in 2026")
    assert htxs["basis"] == ("Luật 06/2026/QH16 sửa đổi, bổ sung Luật Thi đua, khen thưởng, "
                             "Điều 23 (theo dự thảo Bộ Nội vụ đã đưa tin)")


def cstd_bo_tinh_case(**changes):
    parts = {"ratings": ratings(2023, 2025, "HTXS"), "awards": titles("cstd_co_so", 2023, 2024, 2025),
             "initiatives": [{"year": 2024, "scope": "bo_tinh", "recognised_by": "provincial_chair"}],
             "decision_date": "2025-12-20", "decided_by": "provincial_chair"}
    parts.update(changes)
    return case("cstd_bo_tinh", **parts)


CSTD_BO_TINH_TABLE = [
    ("three CSTĐCS in a row", cstd_bo_tinh_case(), "ELIGIBLE",
     {"consecutive cstd_co_so ×3 ending 2025": True}),
    ("a broken chain", cstd_bo_tinh_case(awards=titles("cstd_co_so", 2022, 2023, 2025)),
     "INELIGIBLE", {"consecutive cstd_co_so ×3 ending 2025": False}),
    ("a thematic CSTĐCS is not a base (G03)", cstd_bo_tinh_case(
        awards=titles("cstd_co_so", 2023, 2025) + titles("cstd_co_so", 2024, kind="chuyen_de")),
     "INELIGIBLE", {"consecutive cstd_co_so ×3 ending 2025": False}),
    ("years already used for the previous CSTĐ tỉnh", cstd_bo_tinh_case(
        awards=titles("cstd_co_so", 2021, 2022, 2023, 2024, 2025) + titles("cstd_bo_tinh", 2023)),
     "INELIGIBLE", {"cstd_co_so years 2023–2025 not used for an earlier cstd_bo_tinh": False}),
    ("three new years after the previous CSTĐ tỉnh", cstd_bo_tinh_case(
        awards=titles("cstd_co_so", 2020, 2021, 2022, 2023, 2024, 2025) + titles("cstd_bo_tinh", 2022)),
     "ELIGIBLE", {"cstd_co_so years 2023–2025 not used for an earlier cstd_bo_tinh": True}),
    ("initiative only of grassroots scope", cstd_bo_tinh_case(
        initiatives=[{"year": 2025, "scope": "co_so"}]), "INELIGIBLE",
     {"count initiative ≥ bo_tinh ≥1 in 2023–2025": False}),
    ("provincial initiative three years back", cstd_bo_tinh_case(
        initiatives=[{"year": 2022, "scope": "bo_tinh"}]), "INELIGIBLE",
     {"count initiative ≥ bo_tinh ≥1 in 2023–2025": False}),
    ("research with provincial effect instead", cstd_bo_tinh_case(
        initiatives=[], facts={"research_with_ministry_or_province_wide_effect": True}),
     "ELIGIBLE", {"fact research_with_ministry_or_province_wide_effect": True}),
    ("discipline ending inside the first chain year", cstd_bo_tinh_case(
        discipline=[{"level": "khien_trach", "from": "2022-09-01", "to": "2023-02-28"}]),
     "INELIGIBLE", {"consecutive cstd_co_so ×3 ending 2025": False}),
    ("discipline ended on 31/12 before the chain", cstd_bo_tinh_case(
        discipline=[{"level": "khien_trach", "from": "2022-03-01", "to": "2022-12-31"}]),
     "ELIGIBLE", {"consecutive cstd_co_so ×3 ending 2025": True}),
    ("13 of 15 votes", cstd_bo_tinh_case(council={"total": 15, "yes": 13, "no": 2}),
     "INELIGIBLE", {"vote ≥90% of all members": False}),
    ("14 of 15 votes", cstd_bo_tinh_case(council={"total": 15, "yes": 14, "no": 1}),
     "ELIGIBLE", {"vote ≥90% of all members": True}),
    ("not outstanding among peers", cstd_bo_tinh_case(facts={"outstanding_among_peers": False}),
     "INELIGIBLE", {"fact outstanding_among_peers": False}),
]


@pytest.mark.parametrize(("label", "data", "expected", "expected_checks"), CSTD_BO_TINH_TABLE,
                         ids=[row[0] for row in CSTD_BO_TINH_TABLE])
def test_cstd_bo_tinh(label, data, expected, expected_checks):
    answer = verdict(data)
    assert answer["verdict"] == expected
    assert {k: checks(answer)[k] for k in expected_checks} == expected_checks


def test_cstd_bo_tinh_g01_is_answered_by_the_cstd_co_so_of_the_year():
    assert verdict(cstd_bo_tinh_case())["to_confirm"] == ["outstanding_among_peers"]


def cstd_toan_quoc_case(year=2025, **changes):
    parts = {"ratings": ratings(2019, year, "HTXS"),
             "awards": titles("cstd_co_so", *range(2019, 2025)) + titles("cstd_bo_tinh", 2021, 2024),
             "initiatives": [{"year": 2024, "scope": "toan_quoc", "recognised_by": "provincial_chair"}]}
    parts.update(changes)
    return case("cstd_toan_quoc", year, **parts)


CSTD_TOAN_QUOC_TABLE = [
    ("two CSTĐ tỉnh over six unbroken CSTĐCS years", cstd_toan_quoc_case(), "ELIGIBLE"),
    ("in the year of the second CSTĐ tỉnh", cstd_toan_quoc_case(2024), "ELIGIBLE"),
    ("a gap in the CSTĐCS chain", cstd_toan_quoc_case(
        awards=titles("cstd_co_so", 2019, 2020, 2021, 2023, 2024) + titles("cstd_bo_tinh", 2021, 2024)),
     "INELIGIBLE"),
    ("the two CSTĐ tỉnh are not consecutive", cstd_toan_quoc_case(
        awards=titles("cstd_co_so", *range(2018, 2025)) + titles("cstd_bo_tinh", 2020, 2024)),
     "INELIGIBLE"),
    ("too late: two years after the second CSTĐ tỉnh", cstd_toan_quoc_case(2026), "INELIGIBLE"),
    ("initiative of provincial scope only", cstd_toan_quoc_case(
        initiatives=[{"year": 2024, "scope": "bo_tinh"}]), "INELIGIBLE"),
]


@pytest.mark.parametrize(("label", "data", "expected"), CSTD_TOAN_QUOC_TABLE,
                         ids=[row[0] for row in CSTD_TOAN_QUOC_TABLE])
def test_cstd_toan_quoc(label, data, expected):
    assert verdict(data)["verdict"] == expected


def test_cstd_toan_quoc_deadline_uses_the_receipt_date():
    on_time = verdict(cstd_toan_quoc_case(decision_date="2026-03-01", received_date="2025-12-31"))
    late = verdict(cstd_toan_quoc_case(decision_date="2026-03-01", received_date="2026-01-02"))
    assert (on_time["verdict"], late["verdict"]) == ("ELIGIBLE", "INELIGIBLE")
    assert checks(late)["dossier deadline 2025-12-31"] is False
