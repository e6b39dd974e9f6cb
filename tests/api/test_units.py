import datetime

from thidua.organisations.services import close_unit


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


def test_an_officer_lists_only_the_units_of_their_subtree(api, officer, tree):
    response = api(officer, "/units")
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert sorted(names(response)) == ["UBND huyện Phú Quý", "UBND xã Tam Thanh"]


def test_the_special_zone_officer_also_sees_the_district_it_succeeded(api, zone_officer):
    assert sorted(names(api(zone_officer, "/units"))) == [
        "UBND huyện Phú Quý", "UBND xã Tam Thanh", "UBND đặc khu Phú Quý"]


def test_search_ignores_accents_and_case(api, admin_user, tree):
    response = api(admin_user, "/units", search="PHU quy")
    assert sorted(names(response)) == ["UBND huyện Phú Quý", "UBND đặc khu Phú Quý"]


def test_current_keeps_the_units_that_exist_today(api, admin_user, tree):
    current = names(api(admin_user, "/units", current="true", search="phu quy"))
    closed = names(api(admin_user, "/units", current="false", search="phu quy"))
    assert current == ["UBND đặc khu Phú Quý"]
    assert closed == ["UBND huyện Phú Quý"]


def test_parent_gives_the_direct_sub_units(api, admin_user, tree):
    assert names(api(admin_user, "/units", parent=tree.phan_thiet.pk)) == ["UBND phường Phú Thủy"]


def test_pagination_gives_count_limit_and_offset(api, admin_user, tree):
    first = api(admin_user, "/units", limit=3).json()
    second = api(admin_user, "/units", limit=3, offset=3).json()
    assert (first["count"], first["limit"], first["offset"]) == (8, 3, 0)
    assert (second["count"], second["limit"], second["offset"]) == (8, 3, 3)
    assert len(first["items"]) == 3
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


def test_a_unit_item_has_its_dates_and_parent(api, admin_user, tree):
    item = api(admin_user, "/units", search="tam thanh").json()["items"][0]
    assert item == {
        "id": tree.tam_thanh.pk, "code": "tam-thanh", "name": "UBND xã Tam Thanh",
        "short_name": "", "kind": "commune", "kind_label": "Xã",
        "parent": {"id": tree.phu_quy.pk, "code": "phu-quy", "name": "UBND huyện Phú Quý"},
        "depth": 2, "valid_from": None, "valid_to": "2025-06-30", "is_current": False,
    }


def test_the_parent_outside_the_scope_is_left_out(api, officer, tree):
    assert api(officer, f"/units/{tree.phu_quy.pk}").json()["parent"] is None


def test_unit_detail_gives_the_lineage_with_event_kind_and_date(api, zone_officer, tree):
    unit = api(zone_officer, f"/units/{tree.special_zone.pk}").json()
    assert unit["valid_from"] == "2025-07-01"
    assert sorted(unit["predecessors"], key=lambda link: link["unit"]["code"]) == [
        {"kind": "merge", "kind_label": "Hợp nhất, sáp nhập", "date": "2025-07-01", "basis": "",
         "unit": {"id": tree.phu_quy.pk, "code": "phu-quy", "name": "UBND huyện Phú Quý"}},
        {"kind": "merge", "kind_label": "Hợp nhất, sáp nhập", "date": "2025-07-01", "basis": "",
         "unit": {"id": tree.tam_thanh.pk, "code": "tam-thanh", "name": "UBND xã Tam Thanh"}},
    ]
    assert unit["successors"] == []
    district = api(zone_officer, f"/units/{tree.phu_quy.pk}").json()
    assert [link["unit"]["code"] for link in district["successors"]] == ["dac-khu-phu-quy"]


def test_lineage_links_outside_the_scope_are_left_out(api, officer, tree):
    """The district officer does not see the special zone that succeeded the district."""
    assert api(officer, f"/units/{tree.phu_quy.pk}").json()["successors"] == []


def test_a_unit_outside_the_scope_is_not_found(api, officer, tree):
    response = api(officer, f"/units/{tree.phan_thiet.pk}")
    assert response.status_code == 404
    assert response.json() == {
        "detail": f"Không tìm thấy đơn vị có mã số {tree.phan_thiet.pk} trong phạm vi bạn được xem."
    }


def test_collective_awards_follow_the_lineage(api, zone_officer, tree, register):
    response = api(zone_officer, f"/units/{tree.special_zone.pk}/awards")
    assert response.status_code == 200
    assert [(a["collective"]["code"], a["year"], a["code"]) for a in response.json()] == [
        ("phu-quy", 2022, "ttldtt"), ("dac-khu-phu-quy", 2025, "ttldtt")]


def test_collective_awards_of_units_outside_the_scope_never_show(api, officer, tree, register):
    response = api(officer, f"/units/{tree.phu_quy.pk}/awards")
    assert [a["collective"]["code"] for a in response.json()] == ["phu-quy"]
    assert api(officer, f"/units/{tree.phan_thiet.pk}/awards").status_code == 404


def test_a_unit_closed_today_is_no_longer_current(api, admin_user, tree):
    close_unit(by=None, unit=tree.phu_thuy, on=datetime.date.today())
    assert names(api(admin_user, "/units", parent=tree.phan_thiet.pk, current="true")) == []
