import datetime

import pytest
from django.utils import timezone

from thidua.accounts.models import ApiToken
from thidua.accounts.services import create_token, revoke_token

NO_CREDENTIALS = ("Hãy đăng nhập, hoặc gửi khoá API trong tiêu đề "
                  "“Authorization: Bearer <khoá>”.")


def get(client, path: str, key: str | None = None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.get(f"/api/v1{path}", **headers)


@pytest.mark.parametrize("path", ["/units", "/units/1", "/units/1/awards", "/people",
                                  "/people/1", "/people/1/history", "/decisions", "/decisions/1",
                                  "/awards", "/catalogue", "/clusters", "/clusters/1"])
def test_every_endpoint_refuses_a_call_without_credentials(client, db, path):
    response = get(client, path)
    assert response.status_code == 401
    assert response.json() == {"detail": NO_CREDENTIALS}
    assert response["WWW-Authenticate"] == "Bearer"


def test_an_unknown_key_is_refused(client, db):
    response = get(client, "/units", "td_not-a-real-key")
    assert response.status_code == 401
    assert response.json() == {"detail": "Khoá API này không hợp lệ."}


def test_another_scheme_is_not_a_key(client, db):
    response = client.get("/api/v1/units", HTTP_AUTHORIZATION="Basic cGh1cXV5OnNlY3JldA==")
    assert response.status_code == 401
    assert response.json() == {"detail": NO_CREDENTIALS}


def test_a_valid_key_answers_as_its_user(client, officer):
    _token, key = create_token(by=None, user=officer, name="Báo cáo")
    response = get(client, "/units", key)
    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_a_revoked_key_is_refused(client, officer):
    token, key = create_token(by=None, user=officer, name="Báo cáo")
    revoke_token(by=None, token=token)
    response = get(client, "/units", key)
    assert response.status_code == 401
    assert response.json() == {"detail": "Khoá API này đã bị thu hồi."}


def test_the_key_of_a_disabled_account_is_refused(client, officer):
    _token, key = create_token(by=None, user=officer, name="Báo cáo")
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    response = get(client, "/units", key)
    assert response.status_code == 401
    assert response.json() == {"detail": "Tài khoản của khoá API này đã bị khoá."}


def test_last_use_is_recorded_at_most_once_a_minute(client, officer):
    token, key = create_token(by=None, user=officer, name="Báo cáo")
    assert token.last_used_at is None
    get(client, "/units", key)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    get(client, "/units", key)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first

    a_while_ago = timezone.now() - datetime.timedelta(minutes=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=a_while_ago)
    get(client, "/units", key)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > a_while_ago


def test_a_signed_in_browser_session_is_enough(client, officer):
    client.force_login(officer)
    response = client.get("/api/v1/people")
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_the_session_of_a_disabled_account_is_refused(client, officer):
    client.force_login(officer)
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    assert client.get("/api/v1/units").status_code == 401


def test_errors_follow_the_requested_language(client, db):
    response = client.get("/api/v1/units", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json() == {
        "detail": "Sign in, or send an API key in the header “Authorization: Bearer <key>”."}
