import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_unit
from thidua.movements import services
from thidua.organisations.choices import UnitKind


@pytest.fixture
def clusters(tree):
    """Cụm thi đua số I as in the demo (five district-level units, Phú Quý → Phan Thiết in
    2018), and a cluster II that Phú Quý is not part of."""
    district = UnitKind.DISTRICT
    tuy_phong = make_unit("UBND huyện Tuy Phong", district, tree.province)
    ham_thuan_nam = make_unit("UBND huyện Hàm Thuận Nam", district, tree.province)
    la_gi = make_unit("UBND thị xã La Gi", district, tree.province)
    bac_binh = make_unit("UBND huyện Bắc Bình", district, tree.province)
    ham_tan = make_unit("UBND huyện Hàm Tân", district, tree.province)
    first = services.create_cluster(by=None, code="cum-1", name="Cụm thi đua số I",
                                    organiser=tree.province,
                                    managing_council="Hội đồng Thi đua – Khen thưởng tỉnh")
    members = [tree.phu_quy, tuy_phong, ham_thuan_nam, la_gi, tree.phan_thiet]
    services.set_cluster_year(by=None, cluster=first, year=2017, members=members,
                              chair=tree.phu_quy, vice_chair=tree.phan_thiet,
                              covenant_signed_on=datetime.date(2017, 3, 10))
    services.set_cluster_year(by=None, cluster=first, year=2018, members=members,
                              chair=tree.phan_thiet, vice_chair=la_gi)
    services.hand_over_chair(by=None, cluster=first, for_year=2018,
                             date=datetime.date(2018, 1, 25), from_unit=tree.phu_quy,
                             to_unit=tree.phan_thiet)
    second = services.create_cluster(by=None, code="cum-2", name="Cụm thi đua số II",
                                     organiser=tree.phan_thiet)
    services.set_cluster_year(by=None, cluster=second, year=2017, members=[bac_binh, ham_tan],
                              chair=bac_binh)
    return SimpleNamespace(first=first, second=second, la_gi=la_gi)


def members(view) -> list[str]:
    return [member.unit_name for member in view.members]


def test_cluster_i_shows_its_five_members_and_the_chair_handover(client, officer, tree,
                                                                 clusters):
    client.force_login(officer)
    response = client.get(reverse("movements:cluster_detail", args=[clusters.first.pk]))
    assert response.status_code == 200
    # Vietnamese order of the names: huyện …, thành phố …, thị xã …
    five = ["UBND huyện Hàm Thuận Nam", "UBND huyện Phú Quý", "UBND huyện Tuy Phong",
            "UBND thành phố Phan Thiết", "UBND thị xã La Gi"]
    years = response.context["years"]
    assert [(v.year.year, v.year.chair_name, v.year.vice_chair_name, members(v)) for v in years] == [
        (2018, "UBND thành phố Phan Thiết", "UBND thị xã La Gi", five),
        (2017, "UBND huyện Phú Quý", "UBND thành phố Phan Thiết", five),
    ]
    assertContains(response, '<tr class="td-handover"><td>2018</td><td>UBND huyện Phú Quý</td>'
                             '<td aria-hidden="true">→</td><td>UBND thành phố Phan Thiết</td>'
                             "<td>25/01/2018</td></tr>", html=True)
    assertContains(response, '<p class="mb-2">UBND huyện Phú Quý bàn giao cụm trưởng cho '
                             "UBND thành phố Phan Thiết ngày 25/01/2018.</p>", html=True)
    assertContains(response, '<p class="mb-1 small text-muted">5 thành viên (tên gọi năm đó):</p>',
                   count=2, html=True)
    assertContains(response, "<span>Ký giao ước thi đua: 10/03/2017</span>", html=True)
    # Only the officer's own unit is a link; the other members are names.
    assertContains(response, f'<a href="/quan-ly/don-vi/{tree.phu_quy.pk}/">UBND huyện Phú Quý</a>',
                   count=3, html=True)
    assertNotContains(response, f'href="/quan-ly/don-vi/{tree.phan_thiet.pk}/"')


def test_member_names_are_those_of_the_year(client, admin_user, tree, clusters):
    tree.phan_thiet.name = "UBND phường Phan Thiết"  # a later name must not rewrite history
    tree.phan_thiet.save(update_fields=["name"])
    client.force_login(admin_user)
    response = client.get(reverse("movements:cluster_detail", args=[clusters.first.pk]))
    assert "UBND thành phố Phan Thiết" in members(response.context["years"][1])
    assertNotContains(response, "UBND phường Phan Thiết")


def test_cluster_list_is_scoped(client, officer, other_officer, admin_user, clusters):
    client.force_login(officer)
    response = client.get(reverse("movements:cluster_list"))
    assert [c.name for c in response.context["clusters"]] == ["Cụm thi đua số I"]
    assertContains(response, f'<a href="/quan-ly/cum-thi-dua/{clusters.first.pk}/">Cụm thi đua '
                             "số I</a>", html=True)
    assertContains(response, "<td>UBND thành phố Phan Thiết</td><td>5</td>", html=True)
    assertNotContains(response, "Cụm thi đua số II")
    client.force_login(other_officer)
    assert [c.name for c in client.get(reverse("movements:cluster_list")).context["clusters"]] == [
        "Cụm thi đua số I", "Cụm thi đua số II"]
    client.force_login(admin_user)
    assert len(client.get(reverse("movements:cluster_list")).context["clusters"]) == 2


def test_cluster_outside_the_scope_is_not_found_and_nothing_leaks(client, officer, people,
                                                                  clusters):
    client.force_login(officer)
    assert client.get(reverse("movements:cluster_detail", args=[clusters.second.pk])
                      ).status_code == 404
    response = client.get(reverse("movements:cluster_detail", args=[clusters.first.pk]))
    assertNotContains(response, people.other.full_name)
    assertNotContains(response, "Cụm thi đua số II")


def test_cluster_without_years(client, admin_user, tree):
    cluster = services.create_cluster(by=None, code="khoi-1", name="Khối thi đua các sở",
                                      organiser=tree.province, kind="block")
    client.force_login(admin_user)
    response = client.get(reverse("movements:cluster_detail", args=[cluster.pk]))
    assertContains(response, "Cụm chưa có dữ liệu năm nào.")
    assertContains(response, "Chưa ghi nhận việc bàn giao cụm trưởng.")
    assertContains(response, '<dd class="col-sm-9">Khối thi đua</dd>', html=True)


def test_cluster_page_query_count_is_fixed(client, admin_user, clusters,
                                           django_assert_num_queries):
    client.force_login(admin_user)
    url = reverse("movements:cluster_detail", args=[clusters.first.pk])
    # session, user, cluster, handovers, years, members, visible units among them
    with django_assert_num_queries(7):
        client.get(url)
    for year in range(2019, 2025):
        services.set_cluster_year(by=None, cluster=clusters.first, year=year,
                                  members=[clusters.la_gi])
    with django_assert_num_queries(7):
        client.get(url)
