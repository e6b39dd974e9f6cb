import unicodedata

import pytest
from django.core.exceptions import ValidationError

from thidua.accounts.models import ApiToken, hash_token
from thidua.accounts.services import create_token, revoke_token, save_user
from thidua.core.models import AuditEntry


def test_create_token_stores_only_the_hash_and_returns_the_key_once(officer, admin_user):
    token, raw_key = create_token(by=admin_user, user=officer, name="  Báo cáo   tháng ")
    stored = ApiToken.objects.get()
    assert stored == token
    assert raw_key.startswith("td_")
    assert stored.key_hash == hash_token(raw_key)
    assert stored.prefix == raw_key[:8]
    assert stored.name == "Báo cáo tháng"
    assert (stored.user, stored.revoked_at, stored.last_used_at) == (officer, None, None)


def test_creating_a_token_is_audited_without_the_key(officer, admin_user):
    token, raw_key = create_token(by=admin_user, user=officer, name="Báo cáo")
    entry = AuditEntry.objects.get(action="thidua.api_token.created")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        admin_user, "accounts.apitoken", str(token.pk))
    assert entry.after == {"user_id": officer.pk, "name": "Báo cáo", "prefix": raw_key[:8],
                           "revoked_at": None}
    assert raw_key not in str(entry.after) + entry.summary
    assert token.key_hash not in str(entry.after)


def test_every_key_is_different(officer):
    keys = {create_token(by=None, user=officer, name=f"Khoá {n}")[1] for n in range(20)}
    assert len(keys) == 20


@pytest.mark.parametrize(("name", "message"), [
    ("   ", "Hãy đặt tên cho khoá API."),
    ("x" * 101, "Tên khoá API dài quá 100 ký tự."),
])
def test_a_token_needs_a_sensible_name(officer, name, message):
    with pytest.raises(ValidationError) as error:
        create_token(by=None, user=officer, name=name)
    assert error.value.messages == [message]
    assert ApiToken.objects.count() == 0


def test_a_disabled_account_gets_no_token(officer):
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    with pytest.raises(ValidationError) as error:
        create_token(by=None, user=officer, name="Báo cáo")
    assert error.value.messages == ["Tài khoản phuquy đã bị khoá."]


def test_revoke_token_keeps_the_row_and_audits(officer, admin_user):
    token, _raw_key = create_token(by=None, user=officer, name="Báo cáo")
    revoke_token(by=admin_user, token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None
    entry = AuditEntry.objects.get(action="thidua.api_token.revoked")
    assert entry.actor == admin_user
    assert entry.before["revoked_at"] is None
    assert entry.after["revoked_at"] == str(token.revoked_at)


def test_a_token_is_revoked_only_once(officer):
    token, _raw_key = create_token(by=None, user=officer, name="Báo cáo")
    revoke_token(by=None, token=token)
    with pytest.raises(ValidationError) as error:
        revoke_token(by=None, token=token)
    assert error.value.messages == ["Khoá API này đã bị thu hồi trước đó."]
    assert AuditEntry.objects.filter(action="thidua.api_token.revoked").count() == 1


def test_save_user_normalises_the_name_and_audits_the_change(officer, admin_user, tree):
    # Decomposed accents (NFD), an Icelandic eth for Đ and a double space, as pasted from Word.
    officer.full_name = unicodedata.normalize("NFD", "Nguyễn  Văn \u00d0ức")
    officer.unit = tree.phan_thiet
    save_user(by=admin_user, user=officer, created=False)
    officer.refresh_from_db()
    assert officer.full_name == "Nguyễn Văn Đức"
    entry = AuditEntry.objects.get(action="thidua.user.updated")
    assert entry.before["unit_id"] == tree.phu_quy.pk
    assert entry.after["unit_id"] == tree.phan_thiet.pk
    assert "password" not in entry.after
