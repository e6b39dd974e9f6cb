"""`thidua demo`: load the demo province and print its accounts (contracts §1 and §5)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.demo import data
from thidua.demo.loader import DemoConflict, demo_accounts, load_demo
from thidua.organisations.models import Unit


class Command(BaseCommand):
    @property
    def help(self) -> str:  # translated when asked: argparse needs a plain string
        return _("Load the demo data (Bình Thuận province carried into Lâm Đồng in 2025) and "
                 "print the demo accounts.")

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help=_(
            "Load only when the database has no units; otherwise do nothing."))
        parser.add_argument("--accounts", action="store_true", help=_(
            "Print the demo accounts. Alone, it loads nothing."))
        parser.add_argument("--force", action="store_true", help=_(
            "Load even though the database already has units."))

    def handle(self, *args, if_empty=False, accounts=False, force=False, **options):
        if if_empty or force or not accounts:
            self.load(if_empty=if_empty, force=force)
        if accounts or not if_empty:
            self.print_accounts()

    def load(self, *, if_empty: bool, force: bool) -> None:
        if Unit.objects.exists():
            if if_empty:
                self.stdout.write(_("The database already has data: the demo was not loaded."))
                return
            if not force:
                raise CommandError(_(
                    "The database already has data: the demo was not loaded. Use --force to load "
                    "it anyway."))
        try:
            summary = load_demo()
        except DemoConflict as conflict:
            raise CommandError(_(
                "The demo cannot be loaded: %(count)s of its codes and usernames already exist "
                "(%(names)s).") % {"count": len(conflict.existing),
                                         "names": _shorten(conflict.existing)}) from conflict
        except ValidationError as error:
            raise CommandError(_("The demo cannot be loaded: %(errors)s")
                               % {"errors": "; ".join(error.messages)}) from error
        self.stdout.write(self.style.SUCCESS(_(
            "Demo loaded: %(units)s units, %(clusters)s clusters, %(people)s people, "
            "%(decisions)s decisions, %(awards)s awards, %(accounts)s accounts."
        ) % {"units": summary.units, "clusters": summary.clusters, "people": summary.people,
             "decisions": summary.decisions, "awards": summary.awards,
             "accounts": summary.accounts}))

    def print_accounts(self) -> None:
        users = demo_accounts()
        if not users:
            self.stdout.write(_("There are no demo accounts in this database."))
            return
        rows = [(_("Username"), _("Role"), _("Unit"), _("Password"))]
        rows += [(user.username, user.get_role_display(), user.unit.name if user.unit else "—",
                  data.DEMO_PASSWORD) for user in users]
        widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
        self.stdout.write(_("Demo accounts (sign in at /accounts/login/):"))
        for row in rows:
            cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())


def _shorten(names: list[str], limit: int = 6) -> str:
    shown = ", ".join(names[:limit])
    return shown + ", …" if len(names) > limit else shown
