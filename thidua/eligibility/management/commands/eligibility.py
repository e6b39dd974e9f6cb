"""`thidua eligibility check FILE|-` (contracts §2): one case or an array of cases in, verdicts as
JSON on standard output; exit 0 whatever the verdicts, 2 with a message naming the field for
input that cannot be read. `thidua eligibility case person ID|unit CODE --year Y --code C`
prints the case built from the database, ready to be checked."""

import datetime
import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from thidua.core.ids import parse_id
from thidua.eligibility import queries
from thidua.eligibility.cases import CaseError
from thidua.eligibility.engine import check
from thidua.organisations.models import Unit
from thidua.people.models import Person

UNREADABLE = 2


class Command(BaseCommand):
    help = _("Check eligibility for titles and forms of commendation (contracts §2).")
    requires_system_checks = []  # a pure computation: nothing to check before it runs

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        checking = actions.add_parser("check", help=_(
            "check one case or a JSON array of cases and print the verdicts as JSON"))
        checking.add_argument("file", help=_("a JSON file; - reads standard input"))
        self.language_option(checking)
        case = actions.add_parser("case", help=_(
            "print the case of a person or a collective built from the database"))
        case.add_argument("subject", choices=["person", "unit"])
        case.add_argument("id", help=_("the person's number or the unit's code"))
        case.add_argument("--year", type=int, required=True, help=_("the proposal year"))
        case.add_argument("--code", required=True, help=_("the title or form proposed"))
        case.add_argument("--decision-date", default="", help=_("YYYY-MM-DD"))
        case.add_argument("--decided-by", default="", help=_("the authority code of the decider"))
        self.language_option(case)

    def language_option(self, parser) -> None:
        parser.add_argument("--language", default="vi",
                            choices=[code for code, _name in settings.LANGUAGES],
                            help=_("language of the messages (default: vi)"))

    def handle(self, *args, action: str, language: str, **options):
        with translation.override(language):
            if action == "check":
                self.check_file(options["file"])
            else:
                self.case(options)

    def check_file(self, file: str) -> None:
        try:
            verdicts = check(self.read(file))
        except CaseError as error:
            self.fail(str(error))
        self.stdout.write(json.dumps(verdicts, ensure_ascii=False, indent=2))

    def read(self, file: str):
        try:
            if file == "-":
                text = sys.stdin.buffer.read().decode("utf-8-sig")
            else:
                with open(file, encoding="utf-8-sig") as handle:
                    text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            self.fail(_("%(file)s: cannot be read: %(error)s") % {"file": file, "error": error})
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            self.fail(_("%(file)s: not valid JSON (line %(line)s, column %(column)s): %(error)s")
                      % {"file": file, "line": error.lineno, "column": error.colno,
                         "error": error.msg})

    def case(self, options: dict) -> None:
        decision_date = None
        if options["decision_date"]:
            try:
                decision_date = datetime.date.fromisoformat(options["decision_date"])
            except ValueError:
                self.fail(_("--decision-date: '%(value)s' is not a date written YYYY-MM-DD")
                          % {"value": options["decision_date"]})
        common = {"decision_date": decision_date, "decided_by": options["decided_by"]}
        if options["subject"] == "person":
            person = Person.objects.select_related("unit").filter(
                pk=parse_id(options["id"])).first()
            if person is None:
                self.fail(_("No person has the number %(id)s.") % {"id": options["id"]})
            case = queries.facts_for_person(person, options["year"], options["code"], **common)
        else:
            unit = Unit.objects.filter(code=options["id"]).first()
            if unit is None:
                self.fail(_("No unit has the code “%(code)s”.") % {"code": options["id"]})
            case = queries.facts_for_collective(unit, options["year"], options["code"], **common)
        self.stdout.write(json.dumps(case, ensure_ascii=False, indent=2))

    def fail(self, message: str) -> None:
        self.stderr.write(message)
        raise SystemExit(UNREADABLE)
