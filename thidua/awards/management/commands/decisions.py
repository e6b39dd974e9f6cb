"""`thidua decisions --json` (contracts §4): every decision as a JSON array of objects with
`number`, `date` (YYYY-MM-DD), `issuer` and `awards` (the count of awards in force under it)."""

import json

from django.core.management.base import BaseCommand
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from thidua.awards.models import Decision


class Command(BaseCommand):
    help = _("List every decision with the number of awards in force under it.")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help=_(
            "print a JSON array (contracts §4) instead of a table"))

    def handle(self, *args, **options):
        rows = decisions()
        if options["json"]:
            self.write_json(rows)
        else:
            for row in rows:
                self.stdout.write(f"{row['number']}\t{row['date']}\t{row['issuer']}\t"
                                  f"{row['awards']}")

    def write_json(self, rows) -> None:
        """One object a line inside the array: the register may hold many decisions."""
        self.stdout.write("[", ending="")
        for index, row in enumerate(rows):
            self.stdout.write(("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False),
                              ending="")
        self.stdout.write("\n]")


def decisions():
    """Every decision, oldest first, with its awards in force and revoked."""
    queryset = Decision.objects.select_related("issuer").annotate(
        in_force=Count("awards", filter=Q(awards__revocation__isnull=True)),
        revoked=Count("awards", filter=Q(awards__revocation__isnull=False)),
    ).order_by("date", "pk")
    for decision in queryset.iterator(chunk_size=2000):
        yield {"id": decision.pk, "number": decision.number, "date": decision.date.isoformat(),
               "issuer": decision.issuer_name,
               "issuer_code": decision.issuer.code if decision.issuer_id else "",
               "decided_by": decision.decided_by, "signer": decision.signer_name,
               "awards": decision.in_force, "revoked": decision.revoked}
