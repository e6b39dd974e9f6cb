import datetime

from tests.factories import make_award, make_decision, make_person
from thidua.accounts.services import create_token
from thidua.awards import services as award_services
from thidua.people import services as people_services
from thidua.people.validators import make_personal_id


def full_names(response) -> list[str]:
    return [item["full_name"] for item in response.json()["items"]]


def test_an_officer_lists_the_people_of_their_subtree_in_vietnamese_order(api, officer, people):
    response = api(officer, "/people")
    assert response.status_code == 200
    assert response.json()["count"] == 2
    # Given name first: Bình before Hoà.
    assert full_names(response) == ["Trần Văn Bình", "Nguyễn Thị Hoà"]


def test_search_without_accents_finds_both_spellings_for_the_administrator(api, admin_user,
                                                                           people):
    # Same given name: the family name decides (Lê before Nguyễn).
    assert full_names(api(admin_user, "/people", search="thi hoa")) == [
        "Lê Thị Hòa", "Nguyễn Thị Hoà"]
    assert full_names(api(admin_user, "/people", search="NGUYEN thi hoa")) == ["Nguyễn Thị Hoà"]


def test_search_never_finds_a_person_outside_the_scope(api, officer, people):
    """Lê Thị Hòa of Phan Thiết matches "hoa" but lies outside the Phú Quý officer's scope."""
    assert full_names(api(officer, "/people", search="hoa")) == ["Nguyễn Thị Hoà"]


def test_unit_filter_covers_the_unit_and_its_sub_units(api, officer, tree, people):
    assert full_names(api(officer, "/people", unit=tree.tam_thanh.pk)) == ["Trần Văn Bình"]
    assert full_names(api(officer, "/people", unit=tree.phu_quy.pk)) == [
        "Trần Văn Bình", "Nguyễn Thị Hoà"]


def test_unit_filter_on_a_unit_outside_the_scope_finds_no_one(api, officer, tree, people):
    response = api(officer, "/people", unit=tree.phan_thiet.pk)
    assert response.json() == {"count": 0, "limit": 50, "offset": 0, "items": []}


def test_person_detail_shows_the_personal_id_to_an_officer(api, officer, tree):
    person = make_person("Phạm Thị Lan", tree.phu_quy, gender="female",
                         birth_date=datetime.date(1988, 4, 9),
                         personal_id=make_personal_id("060", "female", 1988, 123))
    people_services.add_position(by=None, person=person, unit=tree.tam_thanh,
                                 title="Công chức văn hoá", start=datetime.date(2015, 1, 1),
                                 end=datetime.date(2019, 12, 31))
    response = api(officer, f"/people/{person.pk}")
    assert response.status_code == 200
    assert response.json() == {
        "id": person.pk, "full_name": "Phạm Thị Lan", "gender": "female",
        "birth_date": "1988-04-09", "group": "cbccvc_nld",
        "unit": {"id": tree.phu_quy.pk, "code": "phu-quy", "name": "UBND huyện Phú Quý"},
        "title": "", "personal_id": "060188000123", "ethnicity": "",
        "positions": [{"unit_name": "UBND xã Tam Thanh", "title": "Công chức văn hoá",
                       "post_group": "", "is_leader": False, "is_direct_worker": False,
                       "start": "2015-01-01", "end": "2019-12-31"}],
    }


def test_the_personal_id_is_withheld_from_a_leader(api, leader, tree):
    person = make_person("Phạm Thị Lan", tree.phu_quy, gender="female",
                         birth_date=datetime.date(1988, 4, 9),
                         personal_id=make_personal_id("060", "female", 1988, 123))
    assert api(leader, f"/people/{person.pk}").json()["personal_id"] is None
    assert api(leader, "/people", search="lan").json()["items"][0]["personal_id"] is None


def test_a_role_that_may_not_see_ids_cannot_search_by_them(api, officer, leader, tree):
    personal_id = make_personal_id("060", "female", 1988, 123)
    make_person("Phạm Thị Lan", tree.phu_quy, gender="female",
                birth_date=datetime.date(1988, 4, 9), personal_id=personal_id)
    assert full_names(api(officer, "/people", search=personal_id)) == ["Phạm Thị Lan"]
    assert full_names(api(leader, "/people", search=personal_id)) == []


def test_a_person_outside_the_scope_is_not_found(api, officer, people):
    for path in (f"/people/{people.other.pk}", f"/people/{people.other.pk}/history"):
        response = api(officer, path)
        assert response.status_code == 404
        assert response.json() == {"detail": f"Không tìm thấy cá nhân có mã số "
                                             f"{people.other.pk} trong phạm vi bạn được xem."}


def test_history_gives_ratings_awards_initiatives_and_discipline(api, officer, people,
                                                                 register):
    hoa = people.hoa
    people_services.record_rating(by=None, person=hoa, year=2020, level="HTT")
    people_services.record_rating(by=None, person=hoa, year=2021, level="HTXS", note="Tiêu biểu")
    award_services.record_initiative(by=None, person=hoa, title="Số hoá hồ sơ thi đua",
                                     year=2021, scope="co_so", recognised_by="unit_head",
                                     recognising_body_name="UBND huyện Phú Quý",
                                     decision_number="8/QĐ-UBND",
                                     decision_date=datetime.date(2021, 11, 2))
    people_services.record_discipline(by=None, person=hoa, level="khien_trach",
                                      start=datetime.date(2023, 3, 1),
                                      end=datetime.date(2023, 8, 31), decision="3/QĐ-KL",
                                      reason="Chậm báo cáo")
    response = api(officer, f"/people/{hoa.pk}/history")
    assert response.status_code == 200
    history = response.json()
    assert history["person"]["full_name"] == "Nguyễn Thị Hoà"
    assert history["ratings"] == [{"year": 2020, "level": "HTT", "note": ""},
                                  {"year": 2021, "level": "HTXS", "note": "Tiêu biểu"}]
    assert history["initiatives"] == [{
        "id": hoa.initiatives.get().pk, "title": "Số hoá hồ sơ thi đua", "year": 2021,
        "scope": "co_so", "recognised_by": "unit_head",
        "recognising_body_name": "UBND huyện Phú Quý", "decision_number": "8/QĐ-UBND",
        "decision_date": "2021-11-02"}]
    assert history["discipline"] == [{
        "level": "khien_trach", "level_label": "Khiển trách", "start": "2023-03-01",
        "end": "2023-08-31", "decision": "3/QĐ-KL", "reason": "Chậm báo cáo"}]
    assert [(a["code"], a["year"], a["status"]) for a in history["awards"]] == [
        ("ldtt", 2020, "in_force"), ("bk_bo_tinh_individual", 2022, "revoked")]


def test_history_gives_each_award_with_its_decision_snapshot_and_revocation(api, officer,
                                                                            people, register):
    awards = api(officer, f"/people/{people.hoa.pk}/history").json()["awards"]
    assert awards[1] == {
        "id": register.hoa_bk.pk, "code": "bk_bo_tinh_individual",
        "name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (cá nhân)",
        "category": "certificate", "level": "bo_tinh", "year": 2022, "kind": "cong_trang",
        "kind_label": "Công trạng", "person_id": people.hoa.pk, "collective_id": None,
        "awardee_name": "Nguyễn Thị Hoà", "unit_name": "UBND huyện Phú Quý",
        "register_number": "",
        "decision": {"id": register.province.pk, "number": "250/QĐ-UBND", "date": "2023-03-10",
                     "issuer_name": "Tỉnh Bình Thuận"},
        "status": "revoked",
        "revocation": {
            "decision": {"id": register.revoking.pk, "number": "99/QĐ-UBND",
                         "date": "2024-06-01", "issuer_name": "Tỉnh Bình Thuận"},
            "reason": "Thành tích không đúng sự thật", "basis": "Điều 93"},
    }
    assert awards[0]["status"] == "in_force"
    assert awards[0]["revocation"] is None


def test_history_takes_eight_queries_however_long_it_is(client, officer, people, register,
                                                         django_assert_num_queries):
    """Key (1), scope (2), person (1), then one query each for ratings, awards with their
    decisions and revocations, initiatives and discipline. The key's last use was just recorded,
    so it is not written again."""
    _token, key = create_token(by=None, user=officer, name="tests")
    path = f"/api/v1/people/{people.hoa.pk}/history"
    assert client.get(path, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    with django_assert_num_queries(8):
        client.get(path, HTTP_AUTHORIZATION=f"Bearer {key}")
    for year in range(2010, 2020):
        decision = make_decision(date=datetime.date(year + 1, 1, 10))
        make_award("ldtt", person=people.hoa, year=year, decision=decision)
        people_services.record_rating(by=None, person=people.hoa, year=year, level="HTT")
    with django_assert_num_queries(8):
        response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert len(response.json()["awards"]) == 12
    assert len(response.json()["ratings"]) == 10
