"""Shared fixtures: a small province with two districts, and one persona per role.

`other_*` objects live in a unit the officer must never see: tests of scope use them as the data
that could leak."""

import datetime
import os
import shutil
from types import SimpleNamespace

import pytest

from tests.factories import UserFactory, make_person, make_unit
from thidua.accounts.choices import Role
from thidua.organisations import services as unit_services
from thidua.organisations.choices import LineageKind, UnitKind


@pytest.fixture(autouse=True)
def catalogue_rows(request):
    """Tests in transactions of their own (browser, concurrency) find the catalogue that the
    data migration awards/0002 wrote, the only data a migration writes.

    Why: pytest-django runs the transactional tests after the others, and each of them ends by
    emptying every table (Django's TransactionTestCase flushes instead of rolling back). The
    first one finds the migrated catalogue; every later one would find none. Django's remedy,
    `serialized_rollback=True`, reloads a copy of the whole test database before each such
    test; the catalogue is all there is to restore, so it is written again here instead.
    (Serialized rollback also reloads the content types that the flush's post_migrate has just
    created again, which failed now and then with a duplicate key: no test uses it.)"""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames or (
            (marker := request.node.get_closest_marker("django_db")) and
            marker.kwargs.get("transaction")):
        from thidua.awards.catalogue import sync
        from thidua.awards.models import AwardType

        request.getfixturevalue("transactional_db")
        if not AwardType.objects.exists():
            sync(AwardType)


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (`make browser` installs it), one for the
    whole run. Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    make themselves (fixtures) are ordinary synchronous ones, hence DJANGO_ALLOW_ASYNC_UNSAFE
    while a browser is open."""
    if not shutil.which(CHROMIUM):
        pytest.skip("Chromium is not installed: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", "--no-first-run"])
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def page(browser):
    """A fresh page in Vietnamese at a desktop's width (a test may resize it)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def tree(db):
    """Tỉnh Bình Thuận with Sở Nội vụ, huyện Phú Quý (→ đặc khu Phú Quý on 01/7/2025), and
    thành phố Phan Thiết, each with a commune or ward."""
    province = make_unit("Tỉnh Bình Thuận", UnitKind.PROVINCE, code="binh-thuan",
                         valid_to=datetime.date(2025, 6, 30))
    home_affairs = make_unit("Sở Nội vụ tỉnh Bình Thuận", UnitKind.DEPARTMENT, province,
                             code="so-noi-vu")
    phu_quy = make_unit("UBND huyện Phú Quý", UnitKind.DISTRICT, province, code="phu-quy")
    tam_thanh = make_unit("UBND xã Tam Thanh", UnitKind.COMMUNE, phu_quy, code="tam-thanh")
    phan_thiet = make_unit("UBND thành phố Phan Thiết", UnitKind.DISTRICT, province,
                           code="phan-thiet")
    phu_thuy = make_unit("UBND phường Phú Thủy", UnitKind.WARD, phan_thiet, code="phu-thuy")
    lam_dong = make_unit("Tỉnh Lâm Đồng", UnitKind.PROVINCE, code="lam-dong",
                         valid_from=datetime.date(2025, 7, 1))
    special_zone = make_unit("UBND đặc khu Phú Quý", UnitKind.SPECIAL_ZONE, lam_dong,
                             code="dac-khu-phu-quy", valid_from=datetime.date(2025, 7, 1))
    on = datetime.date(2025, 7, 1)
    unit_services.record_lineage(by=None, kind=LineageKind.MERGE, date=on,
                                 predecessors=[province], successors=[lam_dong])
    unit_services.record_lineage(by=None, kind=LineageKind.MERGE, date=on,
                                 predecessors=[phu_quy, tam_thanh], successors=[special_zone])
    return SimpleNamespace(province=province, home_affairs=home_affairs, phu_quy=phu_quy,
                           tam_thanh=tam_thanh, phan_thiet=phan_thiet, phu_thuy=phu_thuy,
                           lam_dong=lam_dong, special_zone=special_zone)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", role=Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def reviewer(tree):
    return UserFactory(username="sonoivu", role=Role.REVIEWER, unit=tree.home_affairs)


@pytest.fixture
def officer(tree):
    """The emulation officer of Phú Quý district (before the reorganisation)."""
    return UserFactory(username="phuquy", role=Role.OFFICER, unit=tree.phu_quy)


@pytest.fixture
def zone_officer(tree):
    """The officer of đặc khu Phú Quý, successor of the district."""
    return UserFactory(username="dackhu", role=Role.OFFICER, unit=tree.special_zone)


@pytest.fixture
def other_officer(tree):
    return UserFactory(username="phanthiet", role=Role.OFFICER, unit=tree.phan_thiet)


@pytest.fixture
def leader(tree):
    return UserFactory(username="lanhdao", role=Role.LEADER, unit=tree.province)


@pytest.fixture
def people(tree):
    """One person in Phú Quý, one in its commune, and one in Phan Thiết (must not leak)."""
    return SimpleNamespace(
        hoa=make_person("Nguyễn Thị Hoà", tree.phu_quy, gender="female",
                        birth_date=datetime.date(1985, 3, 2)),
        binh=make_person("Trần Văn Bình", tree.tam_thanh, birth_date=datetime.date(1979, 11, 30)),
        other=make_person("Lê Thị Hòa", tree.phu_thuy, gender="female",
                          birth_date=datetime.date(1990, 1, 15)),
    )
