"""`thidua import awards FILE.xlsx [--dry-run] [--unit CODE]` (contracts §3)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.awards.import_writer import ImportResult, import_awards
from thidua.organisations.models import Unit

SHOWN_ISSUES = 1000


class Command(BaseCommand):
    help = _("Import records into the system. `import awards FILE.xlsx` loads an award register.")

    def add_arguments(self, parser):
        targets = parser.add_subparsers(dest="target", required=True, title=_("what to import"))
        awards = targets.add_parser("awards", help=_(
            "a unit's historical award register (.xlsx): exit 0 when every row is valid and "
            "written, 1 with an error report and nothing written otherwise"))
        awards.add_argument("file", help=_("the register, an Excel workbook (.xlsx)"))
        awards.add_argument("--dry-run", action="store_true",
                            help=_("check the file and show what would be added; write nothing"))
        awards.add_argument("--unit", metavar="CODE", default="", help=_(
            "code of the unit given to new people whose unit (Đơn vị) matches no unit"))

    def handle(self, *args, target: str, file: str, dry_run: bool, unit: str, **options):
        default_unit = self.unit(unit)
        result = import_awards(by=None, path=file, dry_run=dry_run, default_unit=default_unit)
        self.show_warnings(result)
        if not result.ok:
            self.show_errors(result)
            raise SystemExit(1)
        self.stdout.write(self.summary(result))

    def unit(self, code: str) -> Unit | None:
        if not code:
            return None
        try:
            return Unit.objects.get(code=code)
        except Unit.DoesNotExist:
            raise CommandError(_("No unit has the code “%(code)s”.") % {"code": code}) from None

    def show_warnings(self, result: ImportResult) -> None:
        for issue in result.warnings[:SHOWN_ISSUES]:
            self.stderr.write(_("Warning: %(issue)s") % {"issue": issue})

    def show_errors(self, result: ImportResult) -> None:
        self.stderr.write(_("%(file)s: %(count)s errors; nothing was written.")
                          % {"file": result.file_name, "count": len(result.errors)})
        for issue in result.errors[:SHOWN_ISSUES]:
            self.stderr.write(f"- {issue}")
        if len(result.errors) > SHOWN_ISSUES:
            self.stderr.write(_("… and %(count)s more errors.")
                              % {"count": len(result.errors) - SHOWN_ISSUES})

    def summary(self, result: ImportResult) -> str:
        values = {"file": result.file_name, **result.counts()}
        if result.dry_run:
            return _("%(file)s is valid (dry run, nothing written): %(total_rows)s rows; would add "
                     "%(created_people)s people, %(created_decisions)s decisions and "
                     "%(created_awards)s awards; %(skipped_rows)s rows are already in the "
                     "register.") % values
        return _("%(file)s imported: %(total_rows)s rows; added %(created_people)s people, "
                 "%(created_decisions)s decisions and %(created_awards)s awards; "
                 "%(skipped_rows)s rows were already in the register.") % values
