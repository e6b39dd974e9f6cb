"""Who may call the JSON API: a bearer API key, or a signed-in officer's browser session."""

import datetime

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from thidua.accounts.models import ApiToken, User, hash_token

# last_used_at is a hint for administrators, not an access log: writing it on every call would
# turn each read into a write, so it moves at most once a minute.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


class ApiKeyAuth(HttpBearer):
    """`Authorization: Bearer td_…`: the token's user, or a 401 saying what is wrong with it."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        token_row = find_token(token.strip())
        if token_row is None:
            raise AuthenticationError(message=_("This API key is not valid."))
        if token_row.revoked_at is not None:
            raise AuthenticationError(message=_("This API key has been revoked."))
        if not token_row.user.is_active:
            raise AuthenticationError(message=_("The account of this API key is disabled."))
        touch(token_row)
        request.user = token_row.user
        return token_row.user


def find_token(raw_key: str) -> ApiToken | None:
    if not raw_key:
        return None
    return (ApiToken.objects.select_related("user", "user__unit")
            .filter(key_hash=hash_token(raw_key)).first())


def touch(token: ApiToken) -> None:
    """Record the use of a token, at most once per LAST_USED_RESOLUTION."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# Tried in order: a bearer key first, then the session cookie of a signed-in user.
API_AUTH = [ApiKeyAuth(), django_auth]
