import datetime

from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_award, make_decision
from thidua.awards import services as award_services
from thidua.movements import services as cluster_services

DASHBOARD = reverse("core:dashboard")


def counts(response) -> dict:
    keys = ("unit_count", "person_count", "award_count", "revoked_count", "decision_count",
            "cluster_count")
    return {key: response.context[key] for key in keys}


def test_dashboard_counts_only_what_the_user_may_see(client, officer, admin_user, tree, people):
    mine = make_award("ldtt", person=people.hoa, year=2024,
                      decision=make_decision("11/QĐ-UBND", datetime.date(2024, 12, 1)))
    make_award("ldtt", person=people.other, year=2024,
               decision=make_decision("99/QĐ-UBND", datetime.date(2025, 1, 5)))
    award_services.revoke_award(by=None, award=mine, reason="Sai sót",
                                decision=make_decision("12/QĐ-UBND", datetime.date(2025, 2, 1),
                                                       issuer=tree.phu_quy))
    cluster = cluster_services.create_cluster(by=None, code="cum-1", name="Cụm thi đua số I",
                                              organiser=tree.province)
    cluster_services.set_cluster_year(by=None, cluster=cluster, year=2017,
                                      members=[tree.phu_quy, tree.phan_thiet])
    client.force_login(officer)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert counts(response) == {"unit_count": 2, "person_count": 2, "award_count": 1,
                                "revoked_count": 1, "decision_count": 2, "cluster_count": 1}
    assert [d.number for d in response.context["recent_decisions"]] == [
        "12/QĐ-UBND", "11/QĐ-UBND"]
    assertContains(response, '<div class="small text-muted">trong đó 1 bị hủy bỏ</div>', html=True)
    assertContains(response, "Phạm vi của bạn: UBND huyện Phú Quý")
    assertNotContains(response, "99/QĐ-UBND")
    client.force_login(admin_user)
    assert counts(client.get(DASHBOARD)) == {
        "unit_count": 8, "person_count": 3, "award_count": 2, "revoked_count": 1,
        "decision_count": 3, "cluster_count": 1}


def test_dashboard_searches_people_and_links_every_screen(client, officer, tree):
    client.force_login(officer)
    response = client.get(DASHBOARD)
    assertContains(response, '<form method="get" action="/quan-ly/ca-nhan/" class="row g-2 mb-4" '
                             'role="search">', count=1)
    for name in ("organisations:tree", "movements:cluster_list", "people:list",
                 "awards:decision_list", "awards:award_list"):
        assertContains(response, f'href="{reverse(name)}"')
    assertContains(response, reverse("awards:import_start"))
    assertContains(response, "Chưa có quyết định nào.")


def test_leader_dashboard_is_read_only(client, leader, tree):
    client.force_login(leader)
    response = client.get(DASHBOARD)
    assertContains(response, "Phạm vi của bạn: Tỉnh Bình Thuận · chỉ xem")
    assertNotContains(response, reverse("awards:import_start"))


def test_dashboard_needs_sign_in(client, db):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/quan-ly/"
