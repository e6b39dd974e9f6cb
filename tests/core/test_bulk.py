"""Rows written in bulk (COPY on PostgreSQL, the driver's own cursor on SQLite): the new keys in
order, the defaults filled in, and the driver's errors raised as Django's."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from thidua.accounts.models import User
from thidua.core.bulk import insert_rows

pytestmark = pytest.mark.django_db


def test_rows_are_written_with_their_defaults_and_their_keys_in_order():
    ids = insert_rows(User, ["username", "full_name", "password"],
                      [("lan", "Phạm Thị Lan", "!"), ("binh", "Trần Văn Bình", "!")],
                      returning=True)
    users = [User.objects.get(pk=pk) for pk in ids]
    assert [(user.username, user.full_name) for user in users] == [
        ("lan", "Phạm Thị Lan"), ("binh", "Trần Văn Bình")]
    assert all(user.is_active and user.date_joined for user in users)  # defaults and now
    assert insert_rows(User, ["username", "password"], [("an", "!")]) == []
    assert User.objects.filter(username="an").exists()


@pytest.mark.parametrize("returning", [False, True])
def test_a_duplicate_raises_django_integrity_error_and_writes_nothing(returning):
    User.objects.create(username="lan")
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(User, ["username", "password"], [("hoa", "!"), ("lan", "!")],
                    returning=returning)
    assert list(User.objects.values_list("username", flat=True)) == ["lan"]


@pytest.mark.parametrize("returning", [False, True])
def test_the_defaults_are_those_the_orm_writes(returning):
    """On SQLite the defaults end the prepared INSERT as literals: the same values read back."""
    before = timezone.now()
    insert_rows(User, ["username", "password"], [("an", "!"), ("hoa", "!")], returning=returning)
    User.objects.create(username="binh", password="!")
    fields = [f.attname for f in User._meta.concrete_fields
              if f.attname not in {"id", "username", "date_joined"}]
    written = [User.objects.filter(username=name).values(*fields).get()
               for name in ("an", "hoa", "binh")]
    assert written[0] == written[1] == written[2]
    assert before <= User.objects.get(username="an").date_joined <= timezone.now()
