"""Facts from the database: the same case format as the command line, through the same engine."""

import datetime

import pytest

from tests.eligibility.conftest import verdict
from tests.factories import make_award, make_decision, make_person, make_unit
from thidua.awards import services as award_services
from thidua.eligibility.queries import facts_for_collective, facts_for_person
from thidua.organisations import services as unit_services
from thidua.organisations.choices import LineageKind, UnitKind
from thidua.people import services as people_services

D = datetime.date


@pytest.fixture
def an(tree):
    """Nguyễn Thị An of Phú Quý: three CSTĐCS (one revoked and one thematic beside them), a
    provincial initiative, an old reprimand, a leadership post, and a rating of 2026 (after
    the proposal year, which the case must leave out)."""
    person = make_person("Nguyễn Thị An", tree.phu_quy, gender="female",
                         birth_date=D(1980, 5, 4))
    for year, level in ((2022, "HTT"), (2023, "HTXS"), (2024, "HTXS"), (2025, "HTXS"),
                        (2026, "HT")):
        people_services.record_rating(by=None, person=person, year=year, level=level)
    for year in (2023, 2024, 2025):
        make_award("cstd_co_so", person=person, year=year,
                   decision=make_decision(date=D(year, 12, 20), issuer=tree.phu_quy))
    revoked = make_award("bk_bo_tinh_individual", person=person, year=2021,
                         decision=make_decision(date=D(2022, 3, 1), issuer=tree.province))
    award_services.revoke_award(by=None, award=revoked, reason="Kê khai không đúng",
                                decision=make_decision(date=D(2023, 5, 2), issuer=tree.province))
    make_award("giay_khen", person=person, year=2024, kind="chuyen_de",
               decision=make_decision(date=D(2024, 9, 2), issuer=tree.phu_quy))
    make_award("ldtt", person=person, year=2026,
               decision=make_decision(date=D(2026, 12, 20), issuer=tree.phu_quy))
    award_services.record_initiative(by=None, person=person, title="Số hóa hồ sơ thi đua",
                                     year=2024, scope="bo_tinh", recognised_by="provincial_chair")
    people_services.record_discipline(by=None, person=person, level="khien_trach",
                                      start=D(2021, 3, 1), end=D(2021, 8, 31))
    people_services.add_position(by=None, person=person, unit=tree.phu_quy, title="Trưởng phòng",
                                 start=D(2019, 1, 1), post_group="truong_phong_tuong_duong")
    return person


def test_facts_for_a_person(an):
    case = facts_for_person(an, 2025, "cstd_bo_tinh", decision_date=D(2025, 12, 20),
                            decided_by="provincial_chair")
    assert case == {
        "subject": {"kind": "individual", "group": "cbccvc_nld", "gender": "female",
                    "name": "Nguyễn Thị An"},
        "ratings": {"2022": "HTT", "2023": "HTXS", "2024": "HTXS", "2025": "HTXS"},
        "awards": [
            {"code": "cstd_co_so", "year": 2023, "kind": "cong_trang", "decision_date": "2023-12-20"},
            {"code": "giay_khen", "year": 2024, "kind": "chuyen_de", "decision_date": "2024-09-02"},
            {"code": "cstd_co_so", "year": 2024, "kind": "cong_trang", "decision_date": "2024-12-20"},
            {"code": "cstd_co_so", "year": 2025, "kind": "cong_trang", "decision_date": "2025-12-20"},
        ],
        "initiatives": [{"year": 2024, "scope": "bo_tinh", "recognised_by": "provincial_chair"}],
        "discipline": [{"level": "khien_trach", "from": "2021-03-01", "to": "2021-08-31"}],
        "positions": [{"post_group": "truong_phong_tuong_duong", "from": "2019-01-01"}],
        "facts": {},
        "propose": {"code": "cstd_bo_tinh", "year": 2025, "decision_date": "2025-12-20",
                    "decided_by": "provincial_chair", "province": "binh_thuan"},
    }
    answer = verdict(case)
    assert answer["verdict"] == "ELIGIBLE"
    assert answer["to_confirm"] == ["outstanding_among_peers"]


def test_the_database_case_and_its_json_give_the_same_verdict(an):
    from thidua.eligibility.cases import parse_case
    from thidua.eligibility.engine import check_case

    case = facts_for_person(an, 2025, "bk_ttg_individual")
    assert verdict(case) == check_case(parse_case(case))
    assert verdict(case)["verdict"] == "INELIGIBLE"  # the revoked BK is not a prior award


@pytest.fixture
def office(tree):
    """Phòng Nội vụ of Phú Quý, renamed in 2024; ten members in 2025, one who left in 2024."""
    old = make_unit("Phòng Tổ chức", UnitKind.DIVISION, tree.phu_quy, code="phong-to-chuc")
    office = make_unit("Phòng Nội vụ", UnitKind.DIVISION, tree.phu_quy, code="phong-noi-vu",
                       valid_from=D(2024, 1, 1))
    unit_services.record_lineage(by=None, kind=LineageKind.RENAME, date=D(2024, 1, 1),
                                 predecessors=[old], successors=[office])
    unit_services.record_collective_rating(by=None, unit=old, year=2023, level="HTXS")
    unit_services.record_collective_rating(by=None, unit=office, year=2025, level="HTXS")
    make_award("ttldxs", collective=old, year=2023,
               decision=make_decision(date=D(2023, 12, 28), issuer=tree.province))
    people = [make_person(f"Trần Văn Số {i}", office) for i in range(9)]
    moved = make_person("Lê Thị Chuyển", tree.tam_thanh)
    people_services.add_position(by=None, person=moved, unit=office, title="Chuyên viên",
                                 start=D(2020, 1, 1), end=D(2025, 3, 31))
    left = make_person("Phạm Văn Đi", tree.tam_thanh)
    people_services.add_position(by=None, person=left, unit=office, title="Chuyên viên",
                                 start=D(2020, 1, 1), end=D(2024, 6, 30))
    members = [*people, moved]
    for i, person in enumerate(members):
        people_services.record_rating(by=None, person=person, year=2025,
                                      level="HT" if i == 0 else "HTT")
    decision = make_decision(date=D(2025, 12, 22), issuer=tree.phu_quy)
    for person in members[1:8]:
        make_award("ldtt", person=person, year=2025, decision=decision)
    make_award("cstd_co_so", person=members[8], year=2025, decision=decision)
    people_services.record_discipline(by=None, person=members[0], level="khien_trach",
                                      start=D(2025, 2, 1), end=D(2025, 5, 1))
    people_services.record_discipline(by=None, person=members[0], level="canh_cao",
                                      start=D(2025, 6, 1))
    return office


def test_facts_for_a_collective_count_its_members(office):
    case = facts_for_collective(office, 2025, "ttldtt")
    assert case == {
        "subject": {"kind": "collective", "name": "Phòng Nội vụ"},
        "ratings": {"2023": "HTXS", "2025": "HTXS"},
        "awards": [{"code": "ttldxs", "year": 2023, "kind": "cong_trang",
                    "decision_date": "2023-12-28"}],
        "members": {"2025": {"total": 10, "rated_ht_or_better": 10, "ldtt": 8, "cstd_co_so": 1,
                             "disciplined": [{"level": "canh_cao"}]}},
        "facts": {},
        "propose": {"code": "ttldtt", "year": 2025, "province": "binh_thuan"},
    }
    answer = verdict(case)
    assert answer["verdict"] == "INELIGIBLE"  # a member warned (cảnh cáo) in 2025
    assert [r["check"] for r in answer["reasons"] if r["met"] is False] == [
        "members none disciplined ≥ canh_cao in 2025"]


def test_a_collective_without_recorded_members_has_unknown_counts(tree):
    empty = make_unit("Tổ Văn thư", UnitKind.DIVISION, tree.phu_quy, code="to-van-thu")
    unit_services.record_collective_rating(by=None, unit=empty, year=2025, level="HTT")
    case = facts_for_collective(empty, 2025, "ttldtt")
    assert case["members"] == {}
    assert verdict(case)["verdict"] == "NEEDS_HUMAN_REVIEW"


def test_the_command_prints_the_database_case(an, capsys):
    import json

    from django.core.management import call_command

    call_command("eligibility", "case", "person", str(an.pk), "--year", "2025",
                 "--code", "cstd_bo_tinh")
    printed = json.loads(capsys.readouterr().out)
    assert printed == facts_for_person(an, 2025, "cstd_bo_tinh")
