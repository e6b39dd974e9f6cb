import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import award_type, make_award, make_decision
from thidua.awards import queries, services
from thidua.awards.models import Award
from thidua.core.models import AuditEntry


def test_decision_keeps_the_issuer_name_of_its_time(tree):
    decision = make_decision("12/QĐ-UBND", datetime.date(2024, 1, 15), issuer=tree.phu_quy)
    tree.phu_quy.name = "changed later"
    assert decision.issuer_name == "UBND huyện Phú Quý"


def test_record_award_snapshots_awardee_and_unit(people, tree):
    award = make_award("cstd_co_so", person=people.hoa, year=2024)
    assert (award.awardee_name, award.unit_name, award.unit) == (
        "Nguyễn Thị Hoà", "UBND huyện Phú Quý", tree.phu_quy)
    assert award.kind == "cong_trang"
    assert AuditEntry.objects.filter(action="thidua.award.recorded").count() == 1


def test_collective_award_uses_the_parent_as_unit(tree):
    award = make_award("ttldtt", collective=tree.tam_thanh, year=2023)
    assert (award.awardee_name, award.unit_name) == ("UBND xã Tam Thanh", "UBND huyện Phú Quý")


def test_award_needs_exactly_one_awardee(people, tree):
    decision = make_decision()
    with pytest.raises(ValidationError):
        services.record_award(by=None, award_type=award_type("ldtt"), decision=decision)
    with pytest.raises(ValidationError):
        services.record_award(by=None, award_type=award_type("ldtt"), decision=decision,
                              person=people.hoa, collective=tree.phu_quy)


def test_natural_key_is_unique(people):
    award = make_award("ldtt", person=people.hoa, year=2024)
    with pytest.raises((IntegrityError, ValidationError)), transaction.atomic():
        make_award("ldtt", person=people.hoa, year=2024, decision=award.decision)


def test_revocation_is_a_new_record_and_the_award_stays_visible(people):
    award = make_award("bk_bo_tinh_individual", person=people.hoa, year=2022)
    later = make_decision("99/QĐ-UBND", datetime.date(2025, 3, 1))
    services.revoke_award(by=None, award=award, decision=later, reason="Kê khai không trung thực",
                          basis="Luật Thi đua, khen thưởng 2022, Điều 93")
    history = list(queries.history_of_person(people.hoa))
    assert [(a.award_type.code, a.revoked) for a in history] == [("bk_bo_tinh_individual", True)]
    assert queries.in_force(Award.objects.all()).count() == 0
    award.refresh_from_db()
    assert award.is_revoked is True
    with pytest.raises(ValidationError):
        services.revoke_award(by=None, award=award, decision=later, reason="again")


def test_revoking_decision_cannot_predate_the_award(people):
    award = make_award("ldtt", person=people.hoa, year=2024)
    earlier = make_decision("1/QĐ-UBND", datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError):
        services.revoke_award(by=None, award=award, decision=earlier, reason="x")


def test_collective_history_follows_lineage(tree):
    make_award("ttldtt", collective=tree.phu_quy, year=2023)
    make_award("ttldtt", collective=tree.special_zone, year=2025,
               decision=make_decision(date=datetime.date(2025, 12, 1)))
    codes_years = [(a.awardee_name, a.year) for a in queries.history_of_collective(tree.special_zone)]
    assert codes_years == [("UBND huyện Phú Quý", 2023), ("UBND đặc khu Phú Quý", 2025)]
    own = queries.history_of_collective(tree.special_zone, follow_lineage=False)
    assert [a.year for a in own] == [2025]


def test_award_scope_never_leaks(officer, people):
    mine = make_award("ldtt", person=people.hoa, year=2024)
    make_award("ldtt", person=people.other, year=2024)
    assert list(queries.visible_to(officer)) == [mine]


def test_decisions_visible_through_their_awards(officer, people, tree):
    provincial = make_decision("5/QĐ-UBND", issuer=tree.province)
    make_award("bk_bo_tinh_individual", person=people.hoa, decision=provincial)
    hidden = make_decision("6/QĐ-UBND", issuer=tree.province)
    make_award("bk_bo_tinh_individual", person=people.other, decision=hidden)
    assert list(queries.decisions_visible_to(officer)) == [provincial]


def test_initiative_keeps_the_recognising_body_name(people, tree):
    initiative = services.record_initiative(
        by=None, person=people.hoa, title="Số hóa hồ sơ thi đua", year=2024, scope="co_so",
        recognised_by="unit_head", recognising_body=tree.phu_quy)
    assert initiative.recognising_body_name == "UBND huyện Phú Quý"
