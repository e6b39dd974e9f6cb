"""The demo's provincial council (thidua/demo/councils.py), loaded with the whole demo."""

from fractions import Fraction

import pytest
from django.db import transaction

from thidua.councils import queries
from thidua.councils.models import Council
from thidua.demo.loader import load_demo


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_the_provincial_council_seats_hoidong1_to_hoidong9(demo, db):
    council = Council.objects.get()
    assert (council.name, council.organiser.name, council.quorum) == (
        "Hội đồng Thi đua – Khen thưởng tỉnh", "Tỉnh Lâm Đồng", Fraction(2, 3))
    seats = list(council.members.order_by("user__username").values_list(
        "user__username", "full_name", "role"))
    assert seats[:4] == [("hoidong1", "Phạm Thị Thu Trang", "secretary"),
                         ("hoidong2", "Võ Văn Hải", "chair"),
                         ("hoidong3", "Đỗ Thị Minh Tâm", "vice_chair"),
                         ("hoidong4", "Nguyễn Quốc Bảo", "standing")]
    assert [seat[0] for seat in seats] == [f"hoidong{n}" for n in range(1, 10)]
    assert {seat[2] for seat in seats[4:]} == {"member"}


def test_hoidong1_runs_the_sessions_and_hoidong5_only_votes(demo, db):
    from thidua.accounts.models import User

    council = Council.objects.get()
    secretary, member = (User.objects.get(username=name) for name in ("hoidong1", "hoidong5"))
    assert (queries.can_run(secretary, council), queries.can_run(member, council)) == (True, False)
    assert list(queries.visible_to(member)) == [council]
