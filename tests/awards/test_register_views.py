import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_award, make_decision
from thidua.awards import services as award_services

AWARDS = reverse("awards:award_list")
DECISIONS = reverse("awards:decision_list")


@pytest.fixture
def register(tree, people):
    """A provincial decision for both districts, a Phú Quý decision, a Phan Thiết decision
    (must not leak to Phú Quý), and a Phú Quý decision revoking one award."""
    province = make_decision(
        "120/QĐ-UBND", datetime.date(2024, 12, 20), issuer=tree.province,
        signer_name="Nguyễn Văn Ký", signer_title="Chủ tịch", decided_by="provincial_chair",
        legal_basis="Luật Thi đua, khen thưởng ngày 15/6/2022", period="Năm 2024")
    district = make_decision("15/QĐ-UBND", datetime.date(2023, 12, 28), issuer=tree.phu_quy)
    city = make_decision("30/QĐ-UBND", datetime.date(2023, 12, 29), issuer=tree.phan_thiet)
    awards = SimpleNamespace(
        hoa_ldtt=make_award("ldtt", person=people.hoa, year=2023, decision=district),
        binh_ldtt=make_award("ldtt", person=people.binh, year=2023, decision=district),
        hoa_cstd=make_award("cstd_co_so", person=people.hoa, year=2024, decision=province),
        other_cstd=make_award("cstd_co_so", person=people.other, year=2024, decision=province),
        collective=make_award("ttldxs", collective=tree.phu_quy, year=2024, decision=province),
        other_giay_khen=make_award("giay_khen", person=people.other, year=2023, decision=city),
    )
    revoking = make_decision("9/QĐ-UBND", datetime.date(2025, 3, 5), issuer=tree.phu_quy)
    award_services.revoke_award(by=None, award=awards.binh_ldtt, decision=revoking,
                                reason="Kê khai không trung thực")
    return SimpleNamespace(province=province, district=district, city=city, revoking=revoking,
                           awards=awards)


def rows(response) -> list[tuple]:
    return [(a.awardee_name, a.award_type.code, a.year) for a in response.context["page"]]


def test_register_lists_visible_awards_newest_first(client, officer, register):
    client.force_login(officer)
    response = client.get(AWARDS)
    assert response.status_code == 200
    assert rows(response) == [
        ("UBND huyện Phú Quý", "ttldxs", 2024),
        ("Nguyễn Thị Hoà", "cstd_co_so", 2024),
        ("Trần Văn Bình", "ldtt", 2023),
        ("Nguyễn Thị Hoà", "ldtt", 2023),
    ]
    assertContains(response, "4 khen thưởng")
    assertNotContains(response, "Lê Thị Hòa")
    assertContains(response, '<td><span class="text-danger">Đã hủy bỏ</span><div class="small">'
                             "theo Quyết định số 9/QĐ-UBND ngày 05/03/2025</div></td>", html=True)
    assertContains(response, '<span class="td-revoked">Lao động tiên tiến</span>', html=True)


def test_register_filters(client, officer, tree, register):
    client.force_login(officer)
    assert rows(client.get(AWARDS, {"year": 2023})) == [
        ("Trần Văn Bình", "ldtt", 2023), ("Nguyễn Thị Hoà", "ldtt", 2023)]
    assert rows(client.get(AWARDS, {"code": "ttldxs"})) == [("UBND huyện Phú Quý", "ttldxs", 2024)]
    assert rows(client.get(AWARDS, {"unit": tree.tam_thanh.pk})) == [
        ("Trần Văn Bình", "ldtt", 2023)]
    assert rows(client.get(AWARDS, {"status": "revoked"})) == [("Trần Văn Bình", "ldtt", 2023)]
    assert rows(client.get(AWARDS, {"status": "in_force", "year": 2023})) == [
        ("Nguyễn Thị Hoà", "ldtt", 2023)]
    assert rows(client.get(AWARDS, {"decision": "120/qđ"})) == [
        ("UBND huyện Phú Quý", "ttldxs", 2024), ("Nguyễn Thị Hoà", "cstd_co_so", 2024)]
    make_award("bk_bo_tinh_individual", person=register.awards.hoa_ldtt.person, year=2024,
               kind="dot_xuat")
    assert rows(client.get(AWARDS, {"kind": "dot_xuat"})) == [
        ("Nguyễn Thị Hoà", "bk_bo_tinh_individual", 2024)]


def test_register_refuses_units_outside_the_scope(client, officer, tree, register):
    client.force_login(officer)
    response = client.get(AWARDS, {"unit": tree.phan_thiet.pk, "year": "hai nghìn"})
    assert response.status_code == 200
    assertContains(response, "<div>Đơn vị (gồm đơn vị trực thuộc): Đơn vị không tồn tại hoặc "
                             "nằm ngoài phạm vi của bạn.</div>", html=True)
    assertContains(response, "<div>Năm thành tích: Nhập năm bằng số, ví dụ 2024.</div>", html=True)
    assert len(rows(response)) == 4
    assertNotContains(response, "Lê Thị Hòa")


def test_register_pagination(client, officer, register, settings):
    settings.PAGE_SIZE = 3
    client.force_login(officer)
    first = client.get(AWARDS)
    assert len(rows(first)) == 3
    assertContains(first, '<a class="page-link" href="?page=2">Trang sau</a>', html=True)
    assert rows(client.get(AWARDS, {"page": 2})) == [("Nguyễn Thị Hoà", "ldtt", 2023)]


def test_register_query_count_does_not_grow(client, admin_user, people, register,
                                            django_assert_num_queries):
    client.force_login(admin_user)
    # session, user, catalogue, units for the filter, count, page (with awardee, decision
    # and revocation joined)
    with django_assert_num_queries(6):
        client.get(AWARDS)
    for year in range(2000, 2020):
        make_award("giay_khen", person=people.binh, year=year)
    with django_assert_num_queries(6):
        response = client.get(AWARDS)
    assert len(rows(response)) == 26


def test_decision_list_is_scoped_and_counts_only_visible_awards(client, officer, register):
    client.force_login(officer)
    response = client.get(DECISIONS)
    assert [(d.number, d.award_count) for d in response.context["page"]] == [
        ("9/QĐ-UBND", 0), ("120/QĐ-UBND", 2), ("15/QĐ-UBND", 2)]
    assertNotContains(response, "30/QĐ-UBND")
    assert [d.number for d in client.get(DECISIONS, {"number": "120"}).context["page"]] == [
        "120/QĐ-UBND"]
    assert [d.number for d in client.get(DECISIONS, {"year": 2023}).context["page"]] == [
        "15/QĐ-UBND"]


def test_decision_page_shows_its_details_and_only_awards_in_scope(client, officer, register):
    client.force_login(officer)
    response = client.get(reverse("awards:decision_detail", args=[register.province.pk]))
    assert response.status_code == 200
    assertContains(response, '<h1 class="h3 mb-0">Quyết định số 120/QĐ-UBND ngày 20/12/2024'
                             "</h1>", html=True)
    # The province is outside the officer's scope: the issuer's name, without a link.
    assertContains(response, '<dd class="col-sm-9">Tỉnh Bình Thuận</dd>', html=True)
    assertContains(response, '<dd class="col-sm-9">Nguyễn Văn Ký, Chủ tịch</dd>', html=True)
    assertContains(response, '<dd class="col-sm-9">Chủ tịch UBND tỉnh</dd>', html=True)
    assertContains(response, '<dd class="col-sm-9">Luật Thi đua, khen thưởng ngày 15/6/2022</dd>',
                   html=True)
    assertContains(response, '<dd class="col-sm-9">Năm 2024</dd>', html=True)
    assert rows(response) == [("Nguyễn Thị Hoà", "cstd_co_so", 2024),
                              ("UBND huyện Phú Quý", "ttldxs", 2024)]
    assertContains(response, "2 khen thưởng trong phạm vi của bạn.")
    assertNotContains(response, "Lê Thị Hòa")


def test_decision_page_lists_the_revocations_it_made(client, officer, tree, register):
    client.force_login(officer)
    response = client.get(reverse("awards:decision_detail", args=[register.revoking.pk]))
    assert [r.award.awardee_name for r in response.context["revocations"]] == ["Trần Văn Bình"]
    assertContains(response, f'<td><a href="/quan-ly/khen-thuong/quyet-dinh/{register.district.pk}/">'
                             "15/QĐ-UBND</a> · 28/12/2023</td>", html=True)
    assertContains(response, "<td>Kê khai không trung thực</td>", html=True)
    assertContains(response, f'<a href="/quan-ly/don-vi/{tree.phu_quy.pk}/">trang đơn vị</a>',
                   html=True)


def test_decision_outside_the_scope_is_not_found(client, officer, other_officer, register):
    client.force_login(officer)
    assert client.get(reverse("awards:decision_detail", args=[register.city.pk])
                      ).status_code == 404
    client.force_login(other_officer)
    response = client.get(reverse("awards:decision_detail", args=[register.province.pk]))
    assert rows(response) == [("Lê Thị Hòa", "cstd_co_so", 2024)]
    assert client.get(reverse("awards:decision_detail", args=[register.district.pk])
                      ).status_code == 404


def test_leader_reads_without_write_buttons(client, leader, register):
    client.force_login(leader)
    response = client.get(DECISIONS)
    assert response.status_code == 200
    assertNotContains(response, reverse("awards:import_start"))
    assert len(response.context["page"]) == 4
