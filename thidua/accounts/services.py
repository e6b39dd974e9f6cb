"""Writes to accounts and API keys (actor as `by=`, audited)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import ApiToken, User, hash_token
from thidua.core.services import log_action, snapshot
from thidua.core.text import clean

TOKEN_FIELDS = ["user_id", "name", "prefix", "revoked_at"]
# The password hash never goes into the audit log.
USER_FIELDS = ["username", "full_name", "email", "role", "unit_id", "is_active", "is_staff",
               "is_superuser"]
NAME_MAX_LENGTH = ApiToken._meta.get_field("name").max_length


@transaction.atomic
def create_token(*, by, user: User, name: str) -> tuple[ApiToken, str]:
    """A new API key for `user`. Returns the token and the raw key, which is never stored:
    the caller shows it once."""
    name = clean(name)
    if not name:
        raise ValidationError(_("Give the API key a name."))
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(_("The API key name is longer than %(limit)s characters.")
                              % {"limit": NAME_MAX_LENGTH})
    if not user.is_active:
        raise ValidationError(_("The account %(username)s is disabled.")
                              % {"username": user.username})
    raw_key = ApiToken.new_raw_key()
    token = ApiToken.objects.create(user=user, name=name, prefix=raw_key[:8],
                                    key_hash=hash_token(raw_key))
    log_action("thidua.api_token.created", by=by, obj=token, summary=str(token),
               after=snapshot(token, TOKEN_FIELDS))
    return token, raw_key


@transaction.atomic
def revoke_token(*, by, token: ApiToken) -> ApiToken:
    """Stop a key from working. The row stays, for the audit trail."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(_("This API key has already been revoked."))
    before = snapshot(token, TOKEN_FIELDS)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    log_action("thidua.api_token.revoked", by=by, obj=token, summary=str(token), before=before,
               after=snapshot(token, TOKEN_FIELDS))
    return token


@transaction.atomic
def save_user(*, by, user: User, created: bool) -> User:
    """Save an account edited in the admin, with an audit entry (never the password hash)."""
    before = None if created else snapshot(User.objects.get(pk=user.pk), USER_FIELDS)
    user.full_name = clean(user.full_name)
    user.save()
    log_action("thidua.user.created" if created else "thidua.user.updated", by=by, obj=user,
               summary=user.username, before=before, after=snapshot(user, USER_FIELDS))
    return user


@transaction.atomic
def create_account(*, by, username: str, role: str, unit=None, full_name: str = "",
                   password: str | None = None, password_hash: str = "",
                   is_superuser: bool = False) -> User:
    """A new account. Pass `password` (hashed here) or an already made `password_hash`
    (the demo loader hashes its one published password once for all accounts)."""
    user = User(username=username, full_name=clean(full_name), role=role, unit=unit,
                is_staff=is_superuser, is_superuser=is_superuser)
    if password is not None:
        user.set_password(password)
    else:
        user.password = password_hash
    user.full_clean()
    user.save()
    log_action("thidua.user.created", by=by, obj=user, summary=user.username,
               after=snapshot(user, USER_FIELDS))
    return user
