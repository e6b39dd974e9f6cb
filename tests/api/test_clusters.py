import datetime

import pytest

from tests.factories import UserFactory
from thidua.movements import services


@pytest.fixture
def cluster(tree):
    """Cụm thi đua số I: Phú Quý chairs 2017 and hands the chair to Phan Thiết for 2018."""
    cluster = services.create_cluster(by=None, code="cum-1", name="Cụm thi đua số I",
                                      organiser=tree.province)
    for year, chair in ((2017, tree.phu_quy), (2018, tree.phan_thiet)):
        services.set_cluster_year(by=None, cluster=cluster, year=year, chair=chair,
                                  members=[tree.phu_quy, tree.phan_thiet])
    services.hand_over_chair(by=None, cluster=cluster, for_year=2018,
                             date=datetime.date(2018, 1, 15), from_unit=tree.phu_quy,
                             to_unit=tree.phan_thiet)
    return cluster


def test_a_member_officer_sees_the_cluster_but_not_the_province_organising_it(api, officer,
                                                                             cluster):
    response = api(officer, "/clusters")
    assert response.status_code == 200
    assert response.json() == [{
        "id": cluster.pk, "code": "cum-1", "name": "Cụm thi đua số I", "kind": "cluster",
        "organiser": None, "managing_council": "", "valid_from": None, "valid_to": None}]


def test_cluster_detail_gives_members_and_chairs_year_by_year(api, officer, tree, cluster):
    detail = api(officer, f"/clusters/{cluster.pk}").json()
    assert [(y["year"], y["chair_name"]) for y in detail["years"]] == [
        (2017, "UBND huyện Phú Quý"), (2018, "UBND thành phố Phan Thiết")]
    assert sorted(m["unit_name"] for m in detail["years"][0]["members"]) == [
        "UBND huyện Phú Quý", "UBND thành phố Phan Thiết"]
    assert detail["handovers"] == [{
        "for_year": 2018, "date": "2018-01-15", "from_unit_id": tree.phu_quy.pk,
        "from_name": "UBND huyện Phú Quý", "to_unit_id": tree.phan_thiet.pk,
        "to_name": "UBND thành phố Phan Thiết", "note": ""}]


def test_a_cluster_without_a_member_in_the_scope_is_not_found(api, tree, cluster):
    outsider = UserFactory(role="officer", unit=tree.home_affairs)
    assert api(outsider, "/clusters").json() == []
    assert api(outsider, f"/clusters/{cluster.pk}").status_code == 404
