"""round_check: wall time of checking a provincial round of 2,000 nominees (100 dossiers × 20
people of the generated province, four titles and forms in turn): the eligibility engine with
reasons for every line, the list checks of each dossier (duplicates, G02, ratios, caps), the
duplicates across the round, and the verdicts written back (services.store_checks, as the
"check the whole round" button). Goal < 2 s. Baseline: reading the same rows — the facts of
the 2,000 people and the lines (verdicts.Subjects, the batch readers). Median of three runs
after one warm-up run of each."""

import statistics

from dossiers import NoProvince, checked_round
from support import Context, line, skipped, timed

NAME = "round_check"
ORDER = 44
RUNS = 3


def run(ctx: Context) -> list[str]:
    from thidua.proposals.models import Proposal

    try:
        round_ = checked_round(ctx)
    except NoProvince:
        return [skipped(ctx.name(NAME), "no generated province")]
    proposals = list(Proposal.objects.filter(round=round_).select_related("round", "unit"))
    if not proposals:
        return [skipped(ctx.name(NAME), "no dossier")]
    check(proposals)
    read(proposals)
    checked, reading = [], []
    for _ in range(RUNS):
        checked.append(timed(check, proposals)[0])
        reading.append(timed(read, proposals)[0])
    value, baseline = statistics.median(checked), statistics.median(reading)
    return [line(ctx.name(NAME), value, "s", baseline, "s reading the same rows",
                 value / baseline)]


def check(proposals) -> None:
    from django.db import transaction

    from thidua.proposals.services import store_checks

    with transaction.atomic():
        store_checks(proposals)


def read(proposals) -> None:
    from thidua.proposals.models import Nominee
    from thidua.proposals.verdicts import Subjects

    lines = list(Nominee.objects.filter(proposal__in=proposals)
                 .select_related("award_type", "person", "collective"))
    Subjects(lines, proposals[0].round)
