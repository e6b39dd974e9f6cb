import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from tests.factories import make_award, make_decision, make_person
from thidua.awards import services as award_services
from thidua.people import services as people_services
from thidua.people.validators import make_personal_id

LIST = reverse("people:list")


def names(response) -> list[str]:
    return [person.full_name for person in response.context["page"]]


@pytest.fixture
def more_people(tree, people):
    """Given names that exercise the Vietnamese alphabet: Ánh, Bình, Dung, Đức, Hoà, Hòa."""
    return {
        "anh": make_person("Lê Văn Ánh", tree.tam_thanh, birth_date=datetime.date(2001, 6, 1)),
        "duc": make_person("Phạm Đức", tree.phu_quy, birth_date=datetime.date(1970, 1, 1),
                           group="direct_worker"),
        "dung": make_person("Võ Thị Dung", tree.phu_quy, gender="female"),
        "hoa2": make_person("Nguyễn Thị Hòa", tree.tam_thanh, gender="female",
                            birth_date=datetime.date(1992, 8, 8)),
    }


def test_list_sorts_by_given_name_in_vietnamese_order_within_scope(client, officer, more_people):
    client.force_login(officer)
    response = client.get(LIST)
    assert response.status_code == 200
    assert names(response) == ["Lê Văn Ánh", "Trần Văn Bình", "Võ Thị Dung", "Phạm Đức",
                               "Nguyễn Thị Hoà", "Nguyễn Thị Hòa"]
    assertContains(response, "Tìm thấy 6 cá nhân")
    assertNotContains(response, "Lê Thị Hòa")


def test_search_ignores_accents_and_case(client, officer, people, more_people):
    client.force_login(officer)
    for text in ("nguyen thi hoa", "NGUYỄN thị HOÀ", "  nguyen   hoa "):
        response = client.get(LIST, {"q": text})
        assert names(response) == ["Nguyễn Thị Hoà", "Nguyễn Thị Hòa"], text
    assertContains(response, f'<a href="/quan-ly/ca-nhan/{people.hoa.pk}/">Nguyễn Thị Hoà</a>',
                   html=True)


def test_search_never_reaches_outside_the_scope(client, officer, other_officer, people):
    client.force_login(officer)
    assert names(client.get(LIST, {"q": "le thi hoa"})) == []
    assert names(client.get(LIST, {"q": "hoa"})) == ["Nguyễn Thị Hoà"]
    client.force_login(other_officer)
    assert names(client.get(LIST, {"q": "hoa"})) == ["Lê Thị Hòa"]


def test_search_by_personal_id_only_for_roles_that_see_it(client, officer, leader, people):
    number = make_personal_id("060", "female", 1985, 42)
    people_services.update_person(by=None, person=people.hoa, personal_id=number)
    client.force_login(officer)
    response = client.get(LIST, {"q": number})
    assert names(response) == ["Nguyễn Thị Hoà"]
    assertContains(response, f"<td>{number}</td>", html=True)
    assertContains(response, "<th>Số định danh cá nhân</th>", html=True)
    client.force_login(leader)
    response = client.get(LIST, {"q": number})
    assert names(response) == []
    response = client.get(LIST)
    assert names(response) == ["Trần Văn Bình", "Lê Thị Hòa", "Nguyễn Thị Hoà"]
    assertNotContains(response, number)
    assertNotContains(response, "Số định danh cá nhân")


def test_filters_unit_subtree_gender_group_and_birth_years(client, officer, tree, more_people):
    client.force_login(officer)
    assert names(client.get(LIST, {"unit": tree.tam_thanh.pk})) == [
        "Lê Văn Ánh", "Trần Văn Bình", "Nguyễn Thị Hòa"]
    assert names(client.get(LIST, {"unit": tree.phu_quy.pk})) == [
        "Lê Văn Ánh", "Trần Văn Bình", "Võ Thị Dung", "Phạm Đức", "Nguyễn Thị Hoà",
        "Nguyễn Thị Hòa"]
    assert names(client.get(LIST, {"gender": "female"})) == [
        "Võ Thị Dung", "Nguyễn Thị Hoà", "Nguyễn Thị Hòa"]
    assert names(client.get(LIST, {"group": "direct_worker"})) == ["Phạm Đức"]
    assert names(client.get(LIST, {"born_from": 1979, "born_to": 1990})) == [
        "Trần Văn Bình", "Nguyễn Thị Hoà"]
    assert names(client.get(LIST, {"born_from": 1990})) == ["Lê Văn Ánh", "Nguyễn Thị Hòa"]


def test_filter_by_award_code_counts_awards_in_force_only(client, officer, people, more_people):
    make_award("cstd_co_so", person=people.hoa, year=2023)
    revoked = make_award("cstd_co_so", person=people.binh, year=2023)
    award_services.revoke_award(by=None, award=revoked, reason="Hồ sơ không đúng",
                                decision=make_decision(date=datetime.date(2024, 3, 1)))
    client.force_login(officer)
    response = client.get(LIST, {"award": "cstd_co_so"})
    assert names(response) == ["Nguyễn Thị Hoà"]
    assert [(p.full_name, p.award_count) for p in client.get(LIST).context["page"]] == [
        ("Lê Văn Ánh", 0), ("Trần Văn Bình", 0), ("Võ Thị Dung", 0), ("Phạm Đức", 0),
        ("Nguyễn Thị Hoà", 1), ("Nguyễn Thị Hòa", 0)]


def test_bad_filters_give_a_vietnamese_message_and_no_leak(client, officer, tree, people):
    client.force_login(officer)
    response = client.get(LIST, {"unit": tree.phan_thiet.pk})
    assert response.status_code == 200
    assertContains(response, "<div>Đơn vị (gồm đơn vị trực thuộc): Đơn vị không tồn tại hoặc "
                             "nằm ngoài phạm vi của bạn.</div>", html=True)
    assert names(response) == ["Trần Văn Bình", "Nguyễn Thị Hoà"]
    response = client.get(LIST, {"born_from": 1990, "born_to": 1980, "unit": "abc"})
    assertContains(response, "<div>Sinh đến năm: Năm sinh cuối không được nhỏ hơn năm sinh "
                             "đầu.</div>", html=True)
    response = client.get(LIST, {"born_from": "năm ngoái", "page": "x"})
    assert response.status_code == 200
    assertContains(response, "<div>Sinh từ năm: Nhập năm bằng số, ví dụ 1985.</div>", html=True)


def test_pagination_keeps_the_filters(client, officer, tree, settings):
    settings.PAGE_SIZE = 2
    for given in ("An", "Bảo", "Cường", "Dũng", "Giang"):
        make_person(f"Hồ Văn {given}", tree.phu_quy)
    client.force_login(officer)
    first = client.get(LIST, {"q": "ho van"})
    assert names(first) == ["Hồ Văn An", "Hồ Văn Bảo"]
    assertContains(first, '<a class="page-link" href="?q=ho+van&amp;page=2">Trang sau</a>',
                   html=True)
    assertContains(first, '<span class="page-link">Trang 1/3</span>', html=True)
    assert names(client.get(LIST, {"q": "ho van", "page": 2})) == ["Hồ Văn Cường", "Hồ Văn Dũng"]
    assert names(client.get(LIST, {"q": "ho van", "page": 99})) == ["Hồ Văn Giang"]


def test_htmx_search_swaps_only_the_results(client, officer, people):
    client.force_login(officer)
    response = client.get(LIST, {"q": "hoa"}, headers={"HX-Request": "true"})
    assertTemplateUsed(response, "people/_results.html")
    assert not response.content.decode().lstrip().startswith("<!doctype")
    assert "<form" not in response.content.decode()
    assert names(response) == ["Nguyễn Thị Hoà"]
    assert response["Vary"] == "HX-Request, Accept-Language, Cookie"
    full = client.get(LIST, {"q": "hoa"})
    assertContains(full, 'hx-target="#people-results"')
    assertContains(full, '<div id="people-results" aria-live="polite">')


def test_list_query_count_does_not_grow_with_the_page(client, officer, tree,
                                                      django_assert_num_queries):
    client.force_login(officer)
    for i in range(12):
        person = make_person(f"Đặng Văn Số{i}", tree.phu_quy)
        make_award("ldtt", person=person, year=2020 + i % 5)
    # session, user, scope (unit, lineage walk, paths), catalogue, count, page, award counts
    # of the page, units for the filter
    with django_assert_num_queries(10):
        response = client.get(LIST)
    assert len(names(response)) == 12
    with django_assert_num_queries(9):  # the htmx table has no unit filter to fill
        client.get(LIST, {"q": "dang"}, headers={"HX-Request": "true"})


@pytest.fixture
def history(tree, people):
    """Hoà's record: ratings, titles, a revoked award, an initiative, a discipline period."""
    hoa = people.hoa
    people_services.add_position(by=None, person=hoa, unit=tree.tam_thanh, title="Công chức",
                                 start=datetime.date(2008, 9, 1), end=datetime.date(2015, 12, 31),
                                 is_direct_worker=True)
    people_services.add_position(by=None, person=hoa, unit=tree.phu_quy, title="Trưởng phòng",
                                 start=datetime.date(2016, 1, 1), is_leader=True)
    for year, level in ((2022, "HTT"), (2023, "HTXS"), (2024, "HTXS")):
        people_services.record_rating(by=None, person=hoa, year=year, level=level)
    province = make_decision("120/QĐ-UBND", datetime.date(2024, 12, 20))
    make_award("ldtt", person=hoa, year=2023, decision=make_decision(
        "15/QĐ-UBND", datetime.date(2023, 12, 28), issuer=tree.phu_quy))
    revoked = make_award("cstd_co_so", person=hoa, year=2024, decision=province)
    award_services.revoke_award(by=None, award=revoked, reason="Hồ sơ kê khai sai",
                                decision=make_decision("9/QĐ-UBND", datetime.date(2025, 3, 5)))
    make_award("bk_bo_tinh_individual", person=hoa, year=None, kind="dot_xuat",
               decision=make_decision("77/QĐ-UBND", datetime.date(2021, 8, 2)))
    award_services.record_initiative(by=None, person=hoa, title="Số hoá hồ sơ thi đua",
                                     year=2024, scope="co_so", recognised_by="district_chair",
                                     recognising_body=tree.phu_quy)
    people_services.record_discipline(by=None, person=hoa, level="khien_trach",
                                      start=datetime.date(2021, 3, 1),
                                      end=datetime.date(2022, 2, 28), decision="5/QĐ-KL")
    return hoa


def test_person_page_shows_identity_positions_and_timeline(client, officer, history):
    client.force_login(officer)
    response = client.get(reverse("people:detail", args=[history.pk]))
    assert response.status_code == 200
    timeline = [(y.year, y.rating.level if y.rating else None,
                 [a.award_type.code for a in y.awards], [i.title for i in y.initiatives],
                 [d.level for d in y.disciplines], [d.level for d in y.under_discipline])
                for y in response.context["years"]]
    assert timeline == [
        (2024, "HTXS", ["cstd_co_so"], ["Số hoá hồ sơ thi đua"], [], []),
        (2023, "HTXS", ["ldtt"], [], [], []),
        (2022, "HTT", [], [], [], ["khien_trach"]),
        (2021, None, ["bk_bo_tinh_individual"], [], ["khien_trach"], []),
    ]
    assertContains(response, '<dd class="col-sm-9">02/03/1985</dd>', html=True)
    assertContains(response, "<td>Trưởng phòng</td>", html=True)
    assertContains(response, "<td>nay</td>", html=True)
    assertContains(response, '<span class="td-revoked"><strong>Chiến sĩ thi đua cơ sở</strong> — '
                             "Quyết định số 120/QĐ-UBND ngày 20/12/2024 của UBND tỉnh Bình Thuận"
                             "</span>", html=True)
    assertContains(response, '<div class="small text-danger">Bị hủy bỏ theo Quyết định số '
                             "9/QĐ-UBND ngày 05/03/2025: Hồ sơ kê khai sai</div>", html=True)
    assertContains(response, "<strong>Lao động tiên tiến</strong>", html=True)
    assertContains(response, '<span class="badge text-bg-info">Đột xuất</span>', html=True)
    assertContains(response, "không ghi năm thành tích; xếp theo năm của quyết định")
    assertContains(response, "Sáng kiến: <em>Số hoá hồ sơ thi đua</em> — Cấp cơ sở, "
                             "UBND huyện Phú Quý")
    assertContains(response, "Kỷ luật: Khiển trách, 01/03/2021 – 28/02/2022 (5/QĐ-KL)")
    assertContains(response, '<span class="badge text-bg-warning">đang chịu kỷ luật '
                             "(Khiển trách)</span>", html=True)


def test_person_page_shows_the_id_only_to_roles_that_may_see_it(client, officer, leader, people):
    number = make_personal_id("060", "female", 1985, 7)
    people_services.update_person(by=None, person=people.hoa, personal_id=number)
    url = reverse("people:detail", args=[people.hoa.pk])
    client.force_login(officer)
    assertContains(client.get(url), f'<dd class="col-sm-9">{number}</dd>', html=True)
    client.force_login(leader)
    response = client.get(url)
    assert response.status_code == 200
    assertNotContains(response, number)
    assertNotContains(response, "Số định danh cá nhân")


def test_person_outside_the_scope_is_not_found(client, officer, other_officer, people):
    client.force_login(officer)
    assert client.get(reverse("people:detail", args=[people.other.pk])).status_code == 404
    assert client.get(reverse("people:detail", args=[999999])).status_code == 404
    client.force_login(other_officer)
    assert client.get(reverse("people:detail", args=[people.other.pk])).status_code == 200
    assert client.get(reverse("people:detail", args=[people.hoa.pk])).status_code == 404


def test_successor_officer_sees_people_of_the_predecessor(client, zone_officer, people):
    client.force_login(zone_officer)
    assert names(client.get(LIST)) == ["Trần Văn Bình", "Nguyễn Thị Hoà"]
    assert client.get(reverse("people:detail", args=[people.hoa.pk])).status_code == 200


def test_person_page_query_count_is_fixed(client, officer, history, django_assert_num_queries):
    client.force_login(officer)
    url = reverse("people:detail", args=[history.pk])
    # session, user, scope (unit, lineage walk, paths), person, positions, disciplines,
    # ratings, awards, initiatives, which position units may be opened
    with django_assert_num_queries(12):
        client.get(url)
    decision = make_decision("200/QĐ-UBND", datetime.date(2025, 1, 10))
    for year in range(1995, 2025):
        make_award("giay_khen", person=history, year=year, decision=decision)
    with django_assert_num_queries(12):
        response = client.get(url)
    assert sum(len(y.awards) for y in response.context["years"]) == 33


def test_pages_need_sign_in(client, people):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={LIST}"
