"""`thidua package export-decision NUMBER --out F.zip`, `thidua package export-dossier ID --out
F.zip` and `thidua package import F.zip [--dry-run]`: the export packages of docs/packages.md."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from thidua.accounts.models import User
from thidua.awards.models import Decision
from thidua.awards.package import describe, export_decision, import_package
from thidua.awards.package_format import PackageError
from thidua.organisations.models import Unit
from thidua.proposals.models import Proposal, Round
from thidua.proposals.package import export_dossier

FAILED = 1


class Command(BaseCommand):
    help = _("Export a decision or a dossier as a package, or import a package "
             "(docs/packages.md).")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        decision = actions.add_parser("export-decision", help=_(
            "write the package of a decision and its awards"))
        decision.add_argument("number", help=_("the decision number, e.g. 123/QĐ-UBND"))
        decision.add_argument("--date", default="", help=_(
            "the decision date (YYYY-MM-DD), when several decisions have this number"))
        dossier = actions.add_parser("export-dossier", help=_(
            "write the package of a dossier, its nominees and attachments"))
        dossier.add_argument("id", type=int, help=_("the dossier's number in the system"))
        for export in (decision, dossier):
            export.add_argument("--out", required=True, help=_("the .zip file to write"))
            export.add_argument("--with-ids", action="store_true", help=_(
                "include the people's ID numbers (for the national database)"))
            export.add_argument("--user", default="", help=_("the exporting account"))
        received = actions.add_parser("import", help=_(
            "import a package: all or nothing; importing it again adds nothing"))
        received.add_argument("file", help=_("the package (.zip)"))
        received.add_argument("--dry-run", action="store_true", help=_(
            "check the package and show what would be added; write nothing"))
        received.add_argument("--round", type=int, default=None, help=_(
            "the round receiving a dossier (default: the one round of its year and kind)"))
        received.add_argument("--unit", default="", help=_(
            "code of the unit proposing a dossier (default: matched by code or name)"))
        received.add_argument("--user", default="", help=_("the importing account"))

    def handle(self, *args, action: str, **options):
        with translation.override("vi"):
            user = self.user(options["user"])
            if action == "import":
                self.receive(options, user)
            elif action == "export-decision":
                self.export(lambda out: export_decision(
                    self.decision(options["number"], options["date"]), out, by=user,
                    with_ids=options["with_ids"]), options["out"])
            else:
                self.export(lambda out: export_dossier(
                    self.dossier(options["id"]), out, by=user, with_ids=options["with_ids"]),
                    options["out"])

    def user(self, username: str) -> User | None:
        if not username:
            return None
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(_("No account is called “%(name)s”.") % {"name": username}) \
                from None

    def decision(self, number: str, date: str) -> Decision:
        decisions = Decision.objects.filter(number=number)
        if date:
            try:
                decisions = decisions.filter(date=datetime.date.fromisoformat(date))
            except ValueError:
                raise CommandError(_("--date: “%(value)s” is not a date (YYYY-MM-DD).")
                                   % {"value": date}) from None
        found = list(decisions[:2])
        if not found:
            raise CommandError(_("No decision has the number “%(number)s”.") % {"number": number})
        if len(found) > 1:
            raise CommandError(_("Several decisions have the number “%(number)s”: give its "
                                 "date with --date.") % {"number": number})
        return found[0]

    def dossier(self, pk: int) -> Proposal:
        try:
            return Proposal.objects.select_related("round", "unit").get(pk=pk)
        except Proposal.DoesNotExist:
            raise CommandError(_("No dossier has the number %(id)s.") % {"id": pk}) from None

    def export(self, write, out: str) -> None:
        with open(out, "wb") as target:
            data = write(target)
        count = len(data.get("awards", data.get("nominees", [])))
        self.stdout.write(_("%(file)s written: %(count)s lines, %(files)s attached files.")
                          % {"file": out, "count": count, "files": len(data["files"])})

    def receive(self, options: dict, user) -> None:
        round_ = self.round(options["round"])
        unit = self.unit(options["unit"])
        try:
            with open(options["file"], "rb") as source:
                result = import_package(source, by=user, dry_run=options["dry_run"],
                                        round_=round_, unit=unit, file_name=options["file"])
        except OSError as error:
            raise CommandError(str(error)) from None
        except PackageError as error:
            self.stderr.write(_("%(file)s: %(count)s errors; nothing was written.")
                              % {"file": options["file"], "count": len(error.messages)})
            for message in error.messages:
                self.stderr.write(f"- {message}")
            raise SystemExit(FAILED) from None
        self.stdout.write(describe(result))

    def round(self, pk: int | None) -> Round | None:
        if pk is None:
            return None
        try:
            return Round.objects.get(pk=pk)
        except Round.DoesNotExist:
            raise CommandError(_("No round has the number %(id)s.") % {"id": pk}) from None

    def unit(self, code: str) -> Unit | None:
        if not code:
            return None
        try:
            return Unit.objects.get(code=code)
        except Unit.DoesNotExist:
            raise CommandError(_("No unit has the code “%(code)s”.") % {"code": code}) from None
