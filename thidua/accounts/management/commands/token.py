"""`thidua token create|revoke|list`: API keys from the command line."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts import services
from thidua.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Create, revoke or list the API keys of an account."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a key; the key is printed only once.")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="What the key is for.")
        revoke = actions.add_parser("revoke", help="Revoke the key with this prefix.")
        revoke.add_argument("prefix")
        listing = actions.add_parser("list", help="List the keys of an account.")
        listing.add_argument("username")

    def handle(self, *args, action: str, **options):
        getattr(self, f"do_{action}")(**options)

    def do_create(self, *, username: str, name: str, **_options) -> None:
        try:
            token, raw_key = services.create_token(by=None, user=get_user(username), name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(_("API key %(name)s created for %(username)s. Copy it now: it is not "
                            "stored and cannot be shown again.")
                          % {"name": token.name, "username": username})
        self.stdout.write(raw_key)

    def do_revoke(self, *, prefix: str, **_options) -> None:
        token = get_active_token(prefix)
        services.revoke_token(by=None, token=token)
        self.stdout.write(_("API key %(token)s of %(username)s revoked.")
                          % {"token": token, "username": token.user.username})

    def do_list(self, *, username: str, **_options) -> None:
        tokens = get_user(username).api_tokens.order_by("created_at", "id")
        if not tokens:
            self.stdout.write(_("%(username)s has no API key.") % {"username": username})
        for token in tokens:
            self.stdout.write("\t".join([token.prefix, token.name, local(token.created_at),
                                         local(token.last_used_at) or "—", status(token)]))


def get_user(username: str) -> User:
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        message = _("There is no account %(username)s.") % {"username": username}
        raise CommandError(message) from None


def get_active_token(prefix: str) -> ApiToken:
    tokens = list(ApiToken.objects.select_related("user").filter(prefix=prefix,
                                                                 revoked_at__isnull=True))
    if not tokens:
        raise CommandError(_("No API key in use starts with %(prefix)s.") % {"prefix": prefix})
    if len(tokens) > 1:
        # 8 characters make a clash very unlikely, but never revoke someone else's key by chance.
        raise CommandError(_("Several API keys start with %(prefix)s: revoke them from the "
                             "admin.") % {"prefix": prefix})
    return tokens[0]


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def status(token: ApiToken) -> str:
    if token.revoked_at is None:
        return _("in use")
    return _("revoked on %(date)s") % {"date": local(token.revoked_at)}
