"""The case gate: every unreadable input names its field (contracts §2, issue 3 "Bad input")."""

import datetime

import pytest
from django.utils import translation

from tests.eligibility.conftest import case
from thidua.eligibility.cases import CaseError, parse_case, parse_payload
from thidua.eligibility.facts import AwardFact, Council, Members, Proposal, Subject

MEMBERS = {"total": 25, "rated_ht_or_better": 25, "ldtt": 18, "cstd_co_so": 2}

BAD_INPUT = [
    ("not an object", [1], "cases[0]: must be an object"),
    ("no proposal", {"ratings": {}}, "propose: is required"),
    ("unknown proposed code", case("cstd_xyz"), "propose.code: unknown code 'cstd_xyz'"),
    ("unknown award code", case("ldtt", awards=[{"code": "ldtt", "year": 2024},
                                                {"code": "cstd_xyz", "year": 2024}]),
     "awards[1].code: unknown code 'cstd_xyz'"),
    ("rating outside the enum", case("ldtt", ratings={"2024": "XS"}),
     "ratings.2024: rating 'XS' is not one of HTXS, HTT, HT, KHT"),
    ("rating year not a year", case("ldtt", ratings={"20x4": "HTT"}),
     "ratings.20x4: '20x4' is not a year"),
    ("rating after the proposal year", case("ldtt", ratings={"2026": "HTT"}),
     "ratings.2026: year 2026 is after the proposal year 2025"),
    ("award after the proposal year", case("ldtt", awards=[{"code": "ldtt", "year": 2027}]),
     "awards[0].year: year 2027 is after the proposal year 2025"),
    ("award decided after the proposal year, no year", case(
        "ldtt", awards=[{"code": "ldtt", "decision_date": "2026-02-01"}]),
     "awards[0].decision_date: year 2026 is after the proposal year 2025"),
    ("initiative after the proposal year", case(
        "ldtt", initiatives=[{"year": 2026, "scope": "co_so"}]),
     "initiatives[0].year: year 2026 is after the proposal year 2025"),
    ("members after the proposal year", case("ttldtt", members={"2026": MEMBERS}),
     "members.2026: year 2026 is after the proposal year 2025"),
    ("award with neither year nor date", case("ldtt", awards=[{"code": "ldtt"}]),
     "awards[0]: needs a year or a decision_date"),
    ("award kind outside the enum", case("ldtt", awards=[{"code": "ldtt", "year": 2024,
                                                          "kind": "thematic"}]),
     "awards[0].kind: 'thematic' is not one of cong_trang, dot_xuat, chuyen_de, cong_hien, "
     "nien_han, doi_ngoai"),
    ("malformed date", case("ldtt", discipline=[{"level": "canh_cao", "from": "2024-13-01"}]),
     "discipline[0].from: '2024-13-01' is not a date written YYYY-MM-DD"),
    ("date in another format", case("ldtt", decision_date="20/12/2025"),
     "propose.decision_date: '20/12/2025' is not a date written YYYY-MM-DD"),
    ("discipline ends before it starts", case(
        "ldtt", discipline=[{"level": "canh_cao", "from": "2024-03-01", "to": "2024-02-28"}]),
     "discipline[0].to: 2024-02-28 is before the start date 2024-03-01"),
    ("position ends before it starts", case("hcld_3_cong_hien", positions=[
        {"post_group": "vu_truong_tuong_duong", "from": "2020-01-01", "to": "2019-01-01"}]),
     "positions[0].to: 2019-01-01 is before the start date 2020-01-01"),
    ("unknown discipline level", case("ldtt", discipline=[{"level": "phat", "from": "2024-03-01"}]),
     "discipline[0].level: 'phat' is not one of khien_trach, canh_cao, ha_bac_luong, cach_chuc, "
     "buoc_thoi_viec"),
    ("LĐTT more than the members", case("ttldtt", members={"2025": {**MEMBERS, "ldtt": 26}}),
     "members.2025.ldtt: 26 is more than total (25)"),
    ("CSTĐCS more than LĐTT", case("ttldtt", members={"2025": {**MEMBERS, "cstd_co_so": 19}}),
     "members.2025.cstd_co_so: 19 is more than ldtt (18)"),
    ("rated more than the members", case("ttldtt", members={"2025": {
        **MEMBERS, "rated_ht_or_better": 30}}),
     "members.2025.rated_ht_or_better: 30 is more than total (25)"),
    ("more disciplined than members", case("ttldtt", members={"2025": {
        "total": 1, "disciplined": [{"level": "canh_cao"}, {"level": "canh_cao"}]}}),
     "members.2025.disciplined: 2 is more than total (1)"),
    ("negative count", case("ttldtt", members={"2025": {"total": -1}}),
     "members.2025.total: must be at least 0"),
    ("count given as text", case("ttldtt", members={"2025": {"total": "25"}}),
     "members.2025.total: must be a whole number"),
    ("unknown fact", case("ldtt", facts={"leads_clustr": True}),
     "facts.leads_clustr: unknown fact 'leads_clustr'"),
    ("fact not a boolean", case("ldtt", facts={"investigation_open": "no"}),
     "facts.investigation_open: must be true or false"),
    ("votes more than the council", case("ldtt", council={"total": 15, "yes": 14, "no": 2}),
     "council.total: yes, no, abstain and absent members (16) are more than the total (15)"),
    ("council without yes", case("ldtt", council={"total": 15, "no": 2}),
     "council.yes: is required"),
    ("unknown authority", case("ldtt", decided_by="mayor"),
     "propose.decided_by: 'mayor' is not one of unit_head, department_head, commune_chair, "
     "district_chair, enterprise_director, minister, provincial_chair, "
     "provincial_peoples_committee, prime_minister, president"),
    ("unknown subject kind", case("ldtt", subject={"kind": "team"}),
     "subject.kind: 'team' is not one of individual, collective, household, enterprise"),
    ("year as text", {"propose": {"code": "ldtt", "year": "2025"}},
     "propose.year: must be a year (a whole number)"),
    ("year out of range", {"propose": {"code": "ldtt", "year": 1900}},
     "propose.year: 1900 is not a year between 1945 and 2100"),
    ("decision before the proposal year", case("ldtt", decision_date="2024-12-31"),
     "propose.decision_date: 2024-12-31 is before the proposal year 2025"),
    ("awards not a list", case("ldtt", awards={"code": "ldtt"}), "awards: must be a list"),
    ("initiative scope outside the enum", case("ldtt", initiatives=[{"year": 2024,
                                                                     "scope": "huyen"}]),
     "initiatives[0].scope: 'huyen' is not one of co_so, bo_tinh, toan_quoc"),
]


@pytest.mark.parametrize(("label", "data", "message"), BAD_INPUT, ids=[row[0] for row in BAD_INPUT])
def test_bad_input_names_the_field(label, data, message):
    with translation.override("en"), pytest.raises(CaseError) as raised:
        parse_payload(data)
    assert str(raised.value) == message


def test_in_an_array_the_path_starts_with_the_case_index():
    good = case("ldtt")
    bad = case("ldtt", awards=[{"code": "ldtt", "year": 2024}, {"code": "cstd_xyz", "year": 2024}])
    with translation.override("en"), pytest.raises(CaseError) as raised:
        parse_payload([good, good, good, bad])
    assert str(raised.value) == "cases[3].awards[1].code: unknown code 'cstd_xyz'"


def test_messages_are_vietnamese_by_default():
    bad = case("ldtt", awards=[{"code": "cstd_xyz", "year": 2024}])
    with translation.override("vi"), pytest.raises(CaseError) as raised:
        parse_payload([bad])
    assert str(raised.value) == "cases[0].awards[0].code: mã không xác định 'cstd_xyz'"


def test_a_good_case_becomes_frozen_values_with_defaults():
    parsed = parse_case(case("ldtt", awards=[{"code": "bk_bo_tinh_worker", "year": 2020},
                                             {"code": "hcld_3_cong_hien", "year": 2024}],
                             members={"2025": {"total": 10}},
                             council={"total": 9, "yes": 5, "no": 4}, province="Bac-Ninh"))
    assert parsed.subject == Subject()
    assert parsed.propose == Proposal(code="ldtt", year=2025, province="bac_ninh",
                                      decision_date=datetime.date(2025, 12, 31))
    # A variant id is recorded under its catalogue code, with its own kind.
    assert parsed.awards == (AwardFact("bk_bo_tinh_individual", 2020, "cong_trang"),
                             AwardFact("hcld_3_individual", 2024, "cong_hien"))
    assert parsed.members == {2025: Members(total=10)}
    assert parsed.council == Council(total=9, yes=5, no=4)
    with pytest.raises(AttributeError):
        parsed.propose.year = 2026
