"""`thidua certificates NUMBER --out FILE.pdf [--blank] [--date YYYY-MM-DD] [--zip FILE.zip]`
(contracts §4): the certificates of every award in force under decision NUMBER."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.documents.certificates import queries, services
from thidua.documents.certificates.render import RenderError


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("--date: “%(value)s” is not a date written YYYY-MM-DD.")
                           % {"value": value}) from None


class Command(BaseCommand):
    help = _("Print the certificates of every award in force under a decision, one page each, "
             "with their verification codes and QR codes, into one PDF.")

    def add_arguments(self, parser):
        parser.add_argument("number", help=_("the decision's number, e.g. 120/QĐ-UBND"))
        parser.add_argument("--out", required=True, metavar="FILE.pdf",
                            help=_("where to write the PDF"))
        parser.add_argument("--blank", action="store_true", help=_(
            "only the variable text, placed for printing onto pre-printed blanks"))
        parser.add_argument("--date", metavar="YYYY-MM-DD", default="", help=_(
            "the decision's date, when several decisions share the number"))
        parser.add_argument("--zip", metavar="FILE.zip", default="", help=_(
            "also write one PDF per certificate into this zip"))

    def handle(self, *args, number: str, out: str, blank: bool, date: str, zip: str, **options):
        try:
            decision = queries.decision_by_number(number, iso_date(date) if date else None)
            awards = list(queries.awards_to_print(decision))
            pdf = services.render_pdf(awards, by=None, blank=blank,
                                      title=services.pdf_title(decision))
        except (queries.DecisionNotFound, services.NothingToPrint, RenderError) as error:
            raise CommandError(str(error)) from None
        Path(out).write_bytes(pdf)
        if zip:
            Path(zip).write_bytes(services.split_into_zip(
                pdf, names=[services.file_name(a) for a in awards]))
        self.stdout.write(_("%(count)s certificates of decision %(number)s written to %(file)s.")
                          % {"count": len(awards), "number": decision.number, "file": out})
