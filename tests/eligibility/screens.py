"""Records shared by the tests of the eligibility screens (facts_batch, batch, lists, views,
exports): people and collectives whose cases exercise every part of contracts §2."""

import datetime
from types import SimpleNamespace

from tests.factories import make_award, make_decision, make_person, make_unit
from thidua.awards import services as award_services
from thidua.organisations import services as unit_services
from thidua.organisations.choices import LineageKind, UnitKind
from thidua.people import services as people_services

D = datetime.date


def rate(person, **levels) -> None:
    """rate(person, y2024="HTT", y2025="HTXS")."""
    for key, level in levels.items():
        people_services.record_rating(by=None, person=person, year=int(key[1:]), level=level)


def varied_people(tree) -> SimpleNamespace:
    """People whose cases differ in every part: ratings after the year, revoked, thematic,
    later and undated awards, initiatives with and without a recognising authority, ended and
    running discipline, posts with and without a post group, groups, genders, provinces."""
    an = make_person("Nguyễn Thị An", tree.phu_quy, gender="female", birth_date=D(1980, 5, 4))
    rate(an, y2022="HTT", y2023="HTXS", y2024="HTXS", y2025="HTXS", y2026="HT")
    for year in (2023, 2024, 2025):
        make_award("cstd_co_so", person=an, year=year,
                   decision=make_decision(date=D(year, 12, 20), issuer=tree.phu_quy))
    revoked = make_award("bk_bo_tinh_individual", person=an, year=2021,
                         decision=make_decision(date=D(2022, 3, 1), issuer=tree.province))
    award_services.revoke_award(by=None, award=revoked, reason="Kê khai không đúng",
                                decision=make_decision(date=D(2023, 5, 2), issuer=tree.province))
    make_award("giay_khen", person=an, year=2024, kind="chuyen_de",
               decision=make_decision(date=D(2024, 9, 2), issuer=tree.phu_quy))
    make_award("ldtt", person=an, year=2026,
               decision=make_decision(date=D(2026, 12, 20), issuer=tree.phu_quy))
    award_services.record_initiative(by=None, person=an, title="Số hóa hồ sơ", year=2024,
                                     scope="bo_tinh", recognised_by="provincial_chair")
    people_services.record_discipline(by=None, person=an, level="khien_trach",
                                      start=D(2021, 3, 1), end=D(2021, 8, 31))
    people_services.add_position(by=None, person=an, unit=tree.phu_quy, title="Trưởng phòng",
                                 start=D(2019, 1, 1), post_group="truong_phong_tuong_duong")

    undated = make_person("Trần Văn Ba", tree.tam_thanh, group="direct_worker",
                          birth_date=D(1975, 1, 2))
    rate(undated, y2024="HT")
    # Undated awards (G10: anchored at the decision) sort where each database puts NULLs.
    make_award("giay_khen", person=undated, year=None,
               decision=make_decision(date=D(2024, 5, 6), issuer=tree.tam_thanh))
    make_award("giay_khen", person=undated, year=None,
               decision=make_decision(date=D(2026, 1, 6), issuer=tree.tam_thanh))
    make_award("ldtt", person=undated, year=2024,
               decision=make_decision(date=D(2024, 12, 1), issuer=tree.tam_thanh))
    award_services.record_initiative(by=None, person=undated, title="Cải tiến lưới", year=2025,
                                     scope="co_so")
    people_services.record_discipline(by=None, person=undated, level="canh_cao",
                                      start=D(2025, 2, 1))
    people_services.add_position(by=None, person=undated, unit=tree.tam_thanh, title="Tổ viên",
                                 start=D(2018, 1, 1))
    people_services.add_position(by=None, person=undated, unit=tree.tam_thanh,
                                 title="Tổ trưởng", start=D(2026, 2, 1),
                                 post_group="truong_phong_tuong_duong")

    soldier = make_person("Lê Văn Công", tree.special_zone, group="armed_forces",
                          birth_date=D(1990, 7, 7))
    rate(soldier, y2025="HTT")
    make_award("cstt", person=soldier, year=2025,
               decision=make_decision(date=D(2025, 12, 30), issuer=tree.special_zone))
    empty = make_person("Phạm Thị Dung", tree.phu_quy, gender="female")
    return SimpleNamespace(an=an, undated=undated, soldier=soldier, empty=empty)


def office(tree) -> SimpleNamespace:
    """Phòng Nội vụ of Phú Quý (renamed from Phòng Tổ chức in 2024, itself renamed from Phòng
    Tổ chức – Lao động in 2020): ten members in 2025 (one who moved out in March, one who
    left in 2024 not counted), an enterprise, and a unit with no member at all."""
    oldest = make_unit("Phòng Tổ chức – Lao động", UnitKind.DIVISION, tree.phu_quy,
                       code="phong-to-chuc-lao-dong")
    old = make_unit("Phòng Tổ chức", UnitKind.DIVISION, tree.phu_quy, code="phong-to-chuc",
                    valid_from=D(2020, 1, 1))
    unit = make_unit("Phòng Nội vụ", UnitKind.DIVISION, tree.phu_quy, code="phong-noi-vu",
                     valid_from=D(2024, 1, 1))
    unit_services.record_lineage(by=None, kind=LineageKind.RENAME, date=D(2020, 1, 1),
                                 predecessors=[oldest], successors=[old])
    unit_services.record_lineage(by=None, kind=LineageKind.RENAME, date=D(2024, 1, 1),
                                 predecessors=[old], successors=[unit])
    unit_services.record_collective_rating(by=None, unit=oldest, year=2019, level="HT")
    unit_services.record_collective_rating(by=None, unit=old, year=2023, level="HTXS")
    unit_services.record_collective_rating(by=None, unit=unit, year=2025, level="HTXS")
    make_award("ttldxs", collective=old, year=2023,
               decision=make_decision(date=D(2023, 12, 28), issuer=tree.province))
    make_award("ttldtt", collective=oldest, year=None,
               decision=make_decision(date=D(2019, 12, 28), issuer=tree.phu_quy))
    make_award("bk_bo_tinh_collective", collective=unit, year=2024,
               decision=make_decision(date=D(2025, 2, 3), issuer=tree.province))
    staff = [make_person(f"Trần Văn Số {i}", unit, birth_date=D(1980 + i, 1, 1))
             for i in range(9)]
    moved = make_person("Lê Thị Chuyển", tree.tam_thanh, gender="female")
    people_services.add_position(by=None, person=moved, unit=unit, title="Chuyên viên",
                                 start=D(2020, 1, 1), end=D(2025, 3, 31))
    left = make_person("Phạm Văn Đi", tree.tam_thanh)
    people_services.add_position(by=None, person=left, unit=unit, title="Chuyên viên",
                                 start=D(2020, 1, 1), end=D(2024, 6, 30))
    members = [*staff, moved]
    for i, person in enumerate(members):
        people_services.record_rating(by=None, person=person, year=2025,
                                      level="HT" if i == 0 else "HTT")
    decision = make_decision(date=D(2025, 12, 22), issuer=tree.phu_quy)
    for person in members[1:6]:
        make_award("ldtt", person=person, year=2025, decision=decision)
    make_award("cstd_co_so", person=members[6], year=2025, decision=decision)
    people_services.record_discipline(by=None, person=members[0], level="khien_trach",
                                      start=D(2025, 2, 1), end=D(2025, 5, 1))
    enterprise = make_unit("Công ty Cổ phần Cảng Phú Quý", UnitKind.ENTERPRISE, tree.phu_quy,
                           code="cang-phu-quy")
    unit_services.record_collective_rating(by=None, unit=enterprise, year=2025, level="HTT")
    empty = make_unit("Tổ Văn thư", UnitKind.DIVISION, tree.phu_quy, code="to-van-thu")
    return SimpleNamespace(unit=unit, old=old, oldest=oldest, staff=staff, moved=moved,
                           left=left, members=members, enterprise=enterprise, empty=empty)


def hoa_record(tree, hoa) -> None:
    """Nguyễn Thị Hoà of Phú Quý: rated excellent 2023–2025, LĐTT 2023 and CSTĐCS 2024."""
    rate(hoa, y2023="HTXS", y2024="HTXS", y2025="HTXS")
    make_award("ldtt", person=hoa, year=2023,
               decision=make_decision(date=D(2023, 12, 20), issuer=tree.phu_quy))
    make_award("cstd_co_so", person=hoa, year=2024,
               decision=make_decision(date=D(2024, 12, 20), issuer=tree.phu_quy))
