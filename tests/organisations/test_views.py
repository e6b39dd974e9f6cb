import datetime

from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_award, make_decision, make_unit
from thidua.organisations import services as unit_services
from thidua.organisations.choices import UnitKind

TREE = reverse("organisations:tree")


def shape(nodes) -> list:
    """The displayed tree as (name, current, children), for exact comparison."""
    return [(node.unit.name, node.current, shape(node.children)) for node in nodes]


def test_officer_sees_own_subtree_greyed_with_its_dates(client, officer, tree):
    client.force_login(officer)
    response = client.get(TREE)
    assert response.status_code == 200
    assert shape(response.context["roots"]) == [
        ("UBND huyện Phú Quý", False, [("UBND xã Tam Thanh", False, [])]),
    ]
    assertContains(response, '<span class="small text-muted">(đến 30/06/2025)</span>', count=2,
                   html=True)
    assertNotContains(response, "Phan Thiết")
    assertNotContains(response, "Sở Nội vụ")


def test_successor_officer_sees_current_units_first(client, zone_officer, tree):
    client.force_login(zone_officer)
    response = client.get(TREE)
    assert shape(response.context["roots"]) == [
        ("UBND đặc khu Phú Quý", True, []),
        ("UBND huyện Phú Quý", False, [("UBND xã Tam Thanh", False, [])]),
    ]
    assertContains(response, f'<a href="/quan-ly/don-vi/{tree.special_zone.pk}/">'
                             "UBND đặc khu Phú Quý</a>", html=True)


def test_admin_tree_and_current_or_historical_filter(client, admin_user, tree):
    client.force_login(admin_user)
    assert shape(client.get(TREE).context["roots"]) == [
        ("Tỉnh Lâm Đồng", True, [("UBND đặc khu Phú Quý", True, [])]),
        ("Tỉnh Bình Thuận", False, [
            ("Sở Nội vụ tỉnh Bình Thuận", True, []),
            ("UBND thành phố Phan Thiết", True, [("UBND phường Phú Thủy", True, [])]),
            ("UBND huyện Phú Quý", False, [("UBND xã Tam Thanh", False, [])]),
        ]),
    ]
    historical = client.get(TREE, {"status": "historical"})
    assert shape(historical.context["roots"]) == [
        ("Tỉnh Bình Thuận", False, [("UBND huyện Phú Quý", False, [("UBND xã Tam Thanh", False, [])])]),
    ]
    assertContains(historical, "3 đơn vị phù hợp.")
    current = client.get(TREE, {"status": "current"})
    # The closed province stays as context above its current departments.
    assert shape(current.context["roots"]) == [
        ("Tỉnh Lâm Đồng", True, [("UBND đặc khu Phú Quý", True, [])]),
        ("Tỉnh Bình Thuận", False, [
            ("Sở Nội vụ tỉnh Bình Thuận", True, []),
            ("UBND thành phố Phan Thiết", True, [("UBND phường Phú Thủy", True, [])]),
        ]),
    ]
    assertContains(current, "5 đơn vị phù hợp.")


def test_search_by_name_without_accents_keeps_the_matches_in_place(client, admin_user, tree):
    client.force_login(admin_user)
    response = client.get(TREE, {"q": "PHU quy"})
    assert shape(response.context["roots"]) == [
        ("Tỉnh Lâm Đồng", True, [("UBND đặc khu Phú Quý", True, [])]),
        ("Tỉnh Bình Thuận", False, [("UBND huyện Phú Quý", False, [])]),
    ]
    matched = {n.unit.name: n.matched for root in response.context["roots"]
               for n in [root, *root.children]}
    assert matched == {"Tỉnh Lâm Đồng": False, "UBND đặc khu Phú Quý": True,
                       "Tỉnh Bình Thuận": False, "UBND huyện Phú Quý": True}
    assertContains(response, "2 đơn vị phù hợp.")
    assert shape(client.get(TREE, {"q": "khong co"}).context["roots"]) == []


def test_search_never_shows_units_outside_the_scope(client, officer, tree):
    client.force_login(officer)
    response = client.get(TREE, {"q": "phan thiet"})
    assert shape(response.context["roots"]) == []
    assertContains(response, "Không tìm thấy đơn vị nào.")


def test_unit_page_shows_kind_validity_parent_children_lineage_people(client, officer, tree,
                                                                      people):
    client.force_login(officer)
    response = client.get(reverse("organisations:detail", args=[tree.phu_quy.pk]))
    assert response.status_code == 200
    assertContains(response, '<dd class="col-sm-9">Huyện, thị xã, thành phố thuộc tỉnh '
                             "(trước 01/7/2025)</dd>", html=True)
    assertContains(response, '<dd class="col-sm-9">đến 30/06/2025</dd>', html=True)
    # The parent is outside the officer's scope: its name, no link.
    assertContains(response, '<dd class="col-sm-9">Tỉnh Bình Thuận</dd>', html=True)
    assertContains(response, f'<a href="/quan-ly/don-vi/{tree.tam_thanh.pk}/">UBND xã Tam Thanh'
                             "</a>", html=True)
    assert [(e.get_kind_display(), e.date) for e in response.context["events"]] == [
        ("Hợp nhất, sáp nhập", datetime.date(2025, 7, 1))]
    assertContains(response, f'<a href="/quan-ly/ca-nhan/?unit={tree.phu_quy.pk}">2 cá nhân '
                             "thuộc đơn vị và các đơn vị trực thuộc</a>", html=True)


def test_lineage_lists_the_events_with_kind_date_and_basis(client, zone_officer, tree):
    school = make_unit("Trường THCS Tam Thanh", UnitKind.SCHOOL, tree.tam_thanh,
                       valid_from=datetime.date(2001, 9, 1))
    renamed = unit_services.rename_unit(by=None, unit=school, new_name="Trường THCS Lê Lợi",
                                        on=datetime.date(2020, 8, 15), new_code="thcs-le-loi",
                                        basis="Quyết định 1234/QĐ-UBND ngày 10/8/2020")
    client.force_login(zone_officer)
    response = client.get(reverse("organisations:detail", args=[renamed.pk]))
    assert [(e.kind, e.date, e.basis) for e in response.context["events"]] == [
        ("rename", datetime.date(2020, 8, 15), "Quyết định 1234/QĐ-UBND ngày 10/8/2020")]
    assertContains(response, "<td>15/08/2020</td><td>Đổi tên</td>"
                             f'<td><div><a href="/quan-ly/don-vi/{school.pk}/">Trường THCS Tam Thanh'
                             "</a></div></td>"
                             f'<td><div><a href="/quan-ly/don-vi/{renamed.pk}/">Trường THCS Lê Lợi'
                             "</a></div></td><td>Quyết định 1234/QĐ-UBND ngày 10/8/2020</td>",
                   html=True)
    old = client.get(reverse("organisations:detail", args=[school.pk]))
    assertContains(old, '<dd class="col-sm-9">01/09/2001 – 14/08/2020</dd>', html=True)
    zone = client.get(reverse("organisations:detail", args=[tree.special_zone.pk]))
    assert [[u.name for u in e.predecessors.all()] for e in zone.context["events"]] == [
        ["UBND huyện Phú Quý", "UBND xã Tam Thanh"]]


def test_collective_ratings_and_awards_follow_lineage_within_scope(client, officer,
                                                                   zone_officer, tree):
    unit_services.record_collective_rating(by=None, unit=tree.phu_quy, year=2024, level="HTXS",
                                           member_count=42)
    make_award("ttldxs", collective=tree.phu_quy, year=2024,
               decision=make_decision("88/QĐ-UBND", datetime.date(2025, 1, 20)))
    make_award("co_thi_dua_bo_tinh", collective=tree.special_zone, year=2025,
               decision=make_decision("5/QĐ-UBND", datetime.date(2026, 1, 15),
                                      issuer_name="UBND tỉnh Lâm Đồng"))
    client.force_login(zone_officer)
    response = client.get(reverse("organisations:detail", args=[tree.special_zone.pk]))
    assert [(a.year, a.award_type.code, a.awardee_name) for a in response.context["awards"]] == [
        (2025, "co_thi_dua_bo_tinh", "UBND đặc khu Phú Quý"),
        (2024, "ttldxs", "UBND huyện Phú Quý"),
    ]
    client.force_login(officer)
    response = client.get(reverse("organisations:detail", args=[tree.phu_quy.pk]))
    # The successor lies outside the district officer's scope: its award is not shown.
    assert [(a.year, a.award_type.code) for a in response.context["awards"]] == [(2024, "ttldxs")]
    assertContains(response, "<tr><td>2024</td><td><abbr title=\"Hoàn thành xuất sắc nhiệm vụ\">"
                             "HTXS</abbr></td><td>42</td></tr>", html=True)


def test_unit_outside_the_scope_is_not_found(client, officer, other_officer, tree):
    client.force_login(officer)
    for unit in (tree.phan_thiet, tree.phu_thuy, tree.province, tree.special_zone):
        assert client.get(reverse("organisations:detail", args=[unit.pk])).status_code == 404
    client.force_login(other_officer)
    assert client.get(reverse("organisations:detail", args=[tree.phu_quy.pk])).status_code == 404


def test_tree_query_count_does_not_grow_with_units(client, admin_user, tree,
                                                   django_assert_num_queries):
    client.force_login(admin_user)
    with django_assert_num_queries(3):  # session, user, units
        client.get(TREE)
    for i in range(20):
        make_unit(f"Trường Tiểu học số {i}", UnitKind.SCHOOL, tree.phu_thuy)
    with django_assert_num_queries(3):
        client.get(TREE)
