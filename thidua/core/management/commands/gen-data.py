"""`thidua gen-data --persons N --years Y --seed S`: a synthetic province (contracts §4)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.demo.generate import GenerationRefused, generate


class Command(BaseCommand):
    help = _("Generate a synthetic province for benchmarks and load tests: units through the "
             "2025 reorganisation, clusters, people with Vietnamese names, ratings, initiatives "
             "and award histories.")

    def add_arguments(self, parser):
        parser.add_argument("--persons", type=int, default=70_000,
                            help=_("Number of people (default 70000)."))
        parser.add_argument("--years", type=int, default=20,
                            help=_("Number of years of history (default 20)."))
        parser.add_argument("--seed", type=int, default=1,
                            help=_("Random seed: the same seed gives the same data (default 1)."))
        parser.add_argument("--last-year", type=int, default=None,
                            help=_("Last year of history (default: the last full year)."))
        parser.add_argument("--force", action="store_true",
                            help=_("Add another province even if the database holds people."))

    def handle(self, *args, persons, years, seed, last_year, force, **options):
        log = self.progress if options["verbosity"] > 1 else lambda _stage, _count: None
        try:
            summary = generate(persons=persons, years=years, seed=seed, force=force,
                               last_year=last_year, log=log)
        except GenerationRefused as refusal:
            raise CommandError(refusal_message(refusal)) from refusal
        counts = summary.counts
        self.stdout.write(_(
            "%(province)s (from 01/07/2025: %(successor)s), %(first)s–%(last)s, seed %(seed)s: "
            "%(units)s units, %(people)s people, %(ratings)s ratings, %(decisions)s decisions, "
            "%(awards)s awards, %(initiatives)s initiatives, %(revocations)s revocations, "
            "%(clusters)s clusters in %(seconds).1f s."
        ) % {"province": summary.province, "successor": summary.successor,
             "first": summary.first_year, "last": summary.last_year, "seed": summary.seed,
             "units": counts["unit"], "people": counts["person"], "ratings": counts["rating"],
             "decisions": counts["decision"], "awards": counts["award"],
             "initiatives": counts["initiative"], "revocations": counts["revocation"],
             "clusters": counts["cluster"], "seconds": summary.seconds})

    def progress(self, stage: str, count: int) -> None:
        if stage == "units":
            self.stdout.write(_("%(count)s units generated.") % {"count": count})
        else:
            self.stdout.write(_("%(count)s people generated.") % {"count": count})


def refusal_message(refusal: GenerationRefused) -> str:
    messages = {
        "size": _("The number of people and of years must be at least 1."),
        "last_year": _("The last year must be %(year)s or later: the province is generated "
                       "through the reorganisation of 1 July 2025."),
        "people": _("The database already holds people. Use --force to add another generated "
                    "province."),
        "catalogue": _("The catalogue of titles and forms is missing: run migrate first."),
    }
    return messages[refusal.reason] % refusal.params
