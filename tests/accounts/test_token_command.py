import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from thidua.accounts.auth import find_token
from thidua.accounts.models import ApiToken
from thidua.accounts.services import create_token, revoke_token


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue().splitlines()


def test_create_prints_a_working_key_once(officer):
    lines = run("create", "phuquy", "--name", "Kết nối báo cáo")
    assert lines[0] == ("Đã tạo khoá API Kết nối báo cáo cho phuquy. Hãy sao chép ngay: khoá "
                        "không được lưu lại và sẽ không hiển thị lần nữa.")
    raw_key = lines[1]
    assert len(lines) == 2
    token = find_token(raw_key)
    assert (token.user, token.name) == (officer, "Kết nối báo cáo")
    assert raw_key not in str(list(ApiToken.objects.values()))


def test_create_for_an_unknown_account_fails_with_a_message(db):
    with pytest.raises(CommandError) as error:
        run("create", "khongco", "--name", "Thử")
    assert str(error.value) == "Không có tài khoản khongco."


def test_create_without_a_name_fails_with_a_message(officer):
    with pytest.raises(CommandError) as error:
        run("create", "phuquy", "--name", " ")
    assert str(error.value) == "Hãy đặt tên cho khoá API."


def test_revoke_by_prefix(officer):
    token, _raw_key = create_token(by=None, user=officer, name="Báo cáo")
    assert run("revoke", token.prefix) == [f"Đã thu hồi khoá API Báo cáo ({token.prefix}…) "
                                           f"của phuquy."]
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_revoke_an_unknown_or_revoked_prefix_fails(officer):
    token, _raw_key = create_token(by=None, user=officer, name="Báo cáo")
    revoke_token(by=None, token=token)
    with pytest.raises(CommandError) as error:
        run("revoke", token.prefix)
    assert str(error.value) == f"Không có khoá API nào đang dùng bắt đầu bằng {token.prefix}."


def test_list_shows_each_key_and_its_state(officer):
    first, _key = create_token(by=None, user=officer, name="Báo cáo")
    second, _key = create_token(by=None, user=officer, name="Cổng tỉnh")
    revoke_token(by=None, token=second)
    second.refresh_from_db()
    lines = run("list", "phuquy")
    assert [line.split("\t")[:2] for line in lines] == [
        [first.prefix, "Báo cáo"], [second.prefix, "Cổng tỉnh"]]
    assert lines[0].split("\t")[3:] == ["—", "đang dùng"]
    assert lines[1].split("\t")[4].startswith("đã thu hồi ngày ")


def test_list_says_when_there_is_no_key(officer):
    assert run("list", "phuquy") == ["phuquy chưa có khoá API nào."]
