"""Notifications to a unit's officers: sent by services (e.g. an issued decision), listed on
/quan-ly/thong-bao/, counted in the navigation bar until the page is opened."""

from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from thidua.core.models import AuditEntry, Notification
from thidua.core.services import notify

PAGE = reverse("core:notifications")
COUNT = reverse("core:notification_count")


def test_notify_sends_one_message_per_unit_and_audits_it(tree, reviewer):
    sent = notify(units=[tree.phu_quy, tree.tam_thanh, tree.phu_quy], by=reviewer,
                  text="  Quyết định  số 5/QĐ-UBND đã ban hành ", link="/quan-ly/khen-thuong/")
    assert [(n.unit, n.text, n.link, n.created_by) for n in sent] == [
        (tree.phu_quy, "Quyết định số 5/QĐ-UBND đã ban hành", "/quan-ly/khen-thuong/", reviewer),
        (tree.tam_thanh, "Quyết định số 5/QĐ-UBND đã ban hành", "/quan-ly/khen-thuong/",
         reviewer)]
    entry = AuditEntry.objects.get(action="thidua.notification.sent")
    assert (entry.actor, entry.after) == (
        reviewer, {"units": [tree.phu_quy.pk, tree.tam_thanh.pk],
                   "link": "/quan-ly/khen-thuong/"})


def test_the_page_lists_the_units_notifications_only(client, officer, tree):
    notify(units=[tree.phu_quy], text="Hồ sơ của đơn vị đã được quyết định", link="/x/")
    notify(units=[tree.phan_thiet], text="Thông báo cho Phan Thiết")
    notify(units=[tree.tam_thanh], text="Thông báo cho xã Tam Thanh")  # a sub-unit: not shown
    client.force_login(officer)
    response = client.get(PAGE)
    assertContains(response, '<a href="/x/">Hồ sơ của đơn vị đã được quyết định</a>', html=True)
    assertContains(response, '<span class="badge text-bg-danger">mới</span>', html=True)
    assertNotContains(response, "Phan Thiết</")
    assertNotContains(response, "Thông báo cho xã Tam Thanh")
    assert [n.text for n in response.context["page"]] == ["Hồ sơ của đơn vị đã được quyết định"]


def test_the_count_shows_until_the_page_is_opened(client, officer, tree):
    client.force_login(officer)
    assert client.get(COUNT).content.strip() == b""
    notify(units=[tree.phu_quy], text="Một")
    notify(units=[tree.phu_quy], text="Hai")
    assertContains(client.get(COUNT),
                   '<span class="badge text-bg-danger" id="unread-count" title="chưa xem">2'
                   "</span>", html=True)
    client.get(PAGE)
    assert client.get(COUNT).content.strip() == b""
    notify(units=[tree.phu_quy], text="Ba")
    assertContains(client.get(COUNT), ">1</span>")
    page = client.get(PAGE)
    assert [(n.text, n.created_at > page.context["seen"]) for n in page.context["page"]] == [
        ("Ba", True), ("Hai", False), ("Một", False)]


def test_the_navigation_bar_loads_the_count_after_the_page(client, officer):
    client.force_login(officer)
    response = client.get(reverse("core:dashboard"))
    assertContains(response, f'<span hx-get="{COUNT}" hx-trigger="load" hx-swap="outerHTML">'
                             "</span>", html=True)


def test_a_user_without_a_unit_has_no_notification(client, admin_user, tree):
    notify(units=[tree.province], text="Cho tỉnh")
    client.force_login(admin_user)
    assert list(client.get(PAGE).context["page"]) == []
    assert client.get(COUNT).content.strip() == b""
    assert Notification.objects.count() == 1
