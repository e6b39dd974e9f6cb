import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.movements import queries, services


@pytest.fixture
def cluster(tree):
    return services.create_cluster(by=None, code="cum-1", name="Cụm thi đua số I",
                                   organiser=tree.province)


def test_year_members_chair_and_handover(cluster, tree):
    services.set_cluster_year(by=None, cluster=cluster, year=2017,
                              members=[tree.phu_quy, tree.phan_thiet], chair=tree.phu_quy,
                              vice_chair=tree.phan_thiet)
    services.set_cluster_year(by=None, cluster=cluster, year=2018,
                              members=[tree.phu_quy, tree.phan_thiet], chair=tree.phan_thiet)
    handover = services.hand_over_chair(by=None, cluster=cluster, for_year=2018,
                                        date=datetime.date(2018, 1, 15), from_unit=tree.phu_quy,
                                        to_unit=tree.phan_thiet)
    years = list(queries.years_of(cluster))
    assert [(y.year, y.chair_name) for y in years] == [
        (2017, "UBND huyện Phú Quý"), (2018, "UBND thành phố Phan Thiết")]
    assert sorted(m.unit_name for m in years[0].members.all()) == [
        "UBND huyện Phú Quý", "UBND thành phố Phan Thiết"]
    assert str(handover) == "UBND huyện Phú Quý → UBND thành phố Phan Thiết (2018)"


def test_chair_must_be_a_member(cluster, tree):
    with pytest.raises(ValidationError):
        services.set_cluster_year(by=None, cluster=cluster, year=2017, members=[tree.phu_quy],
                                  chair=tree.phan_thiet)


def test_setting_a_year_again_replaces_its_members(cluster, tree):
    services.set_cluster_year(by=None, cluster=cluster, year=2019,
                              members=[tree.phu_quy, tree.phan_thiet])
    year = services.set_cluster_year(by=None, cluster=cluster, year=2019, members=[tree.phu_quy])
    assert list(year.members.values_list("unit_name", flat=True)) == ["UBND huyện Phú Quý"]


def test_cluster_visible_to_member_officer_only(cluster, tree, officer):
    from tests.factories import UserFactory, make_unit

    services.set_cluster_year(by=None, cluster=cluster, year=2017, members=[tree.phu_quy])
    stranger = UserFactory(role="officer", unit=make_unit("Sở Y tế tỉnh Khác"))
    assert list(queries.visible_to(officer)) == [cluster]
    assert list(queries.visible_to(stranger)) == []
