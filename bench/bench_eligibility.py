"""eligibility: the engine on the generated province (issue 3, Speed), three lines per database.

- `eligibility_province`: wall time of eligibility.province.check_people — every person
  checked for every code open to their group, for the last year of the generated history,
  verdicts kept as rows (goal < 3 s at 70,000 people). Baseline: running the same streaming
  queries and reading every row they return, doing nothing with them (goal ratio ≤ 2). Median
  of three runs after one warm-up run of each.
- `eligibility_person_p95`: p95 of one person, all codes, as the person's page asks for it:
  queries.facts_for_person, the case parsed, and engine.check_codes with reasons and
  earliest_year, for random people (20 warm-up, 200 measured; goal < 20 ms). Baseline: p95 of
  facts_for_person alone (reading the same rows).
- `eligibility_screen`: wall time of the batch screen (/quan-ly/xet-khen/) for the whole
  province, every code, as a provincial reviewer: eligibility.batch.run_batch (people through
  the province batch, collectives through facts_batch), the filters, and the reasons of the
  first page (its rows explained). Median of three runs after a warm-up. Baseline: the
  province batch alone over the same people (ratio = what the screen adds).
- `eligibility_batch_peak_memory`: peak resident memory (VmHWM) of a fresh process that runs
  the province check, Django included (goal < 1 GB). Baseline: the same for a process that
  only reads the rows.

Run by bench/run.py (after the generated province exists), or alone on the database of the
environment: `DATABASE_URL=… .venv/bin/python bench/bench_eligibility.py` (or SQLITE_PATH=…)."""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(BENCH_DIR)]

from support import Context, line, p95, random_people, reviewer, skipped, timed  # noqa: E402

NAME = "eligibility"
ORDER = 45  # after the page benchmarks, before `import` adds rows to the province
RUNS = 3


def run(ctx: Context) -> list[str]:
    year = proposal_year()
    if year is None:
        return [skipped(ctx.name(NAME), "no generated province")]
    return [province(ctx, year), person(ctx, year), screen(ctx, year), memory(ctx, year)]


def proposal_year() -> int | None:
    """The last year of the generated history (its audit entry), else the last rated year."""
    from django.db.models import Max

    from thidua.core.models import AuditEntry
    from thidua.people.models import Rating

    entry = AuditEntry.objects.filter(action="thidua.data.generated").order_by("-pk").first()
    if entry is not None and entry.after.get("last_year"):
        return int(entry.after["last_year"])
    return Rating.objects.aggregate(last=Max("year"))["last"]


# -- the province ----------------------------------------------------------------------------
def province(ctx: Context, year: int) -> str:
    from thidua.eligibility.province import check_people

    check_people(year)  # warm-up: compiled plans, database caches
    read_rows(year)
    checked, read = [], []
    for _ in range(RUNS):
        checked.append(timed(check_people, year)[0])
        read.append(timed(read_rows, year)[0])
    value, baseline = statistics.median(checked), statistics.median(read)
    return line(f"{NAME}_province[{ctx.database}]", value, "s", baseline,
                "s reading the same rows", value / baseline)


def read_rows(year: int) -> int:
    """The batch's own queries, every row read and dropped."""
    from thidua.eligibility.province import Batch, streaming

    batch, count = Batch(year), 0
    with streaming():
        for query in batch.queries().values():
            for _row in query.iterator(chunk_size=5_000) if query is not None else ():
                count += 1
    return count


# -- one person ------------------------------------------------------------------------------
def person(ctx: Context, year: int) -> str:
    from django.utils import translation

    from thidua.eligibility.cases import parse_case
    from thidua.eligibility.engine import check_codes
    from thidua.eligibility.queries import facts_for_person
    from thidua.eligibility.rules import registry
    from thidua.people.models import Person

    rules = registry()
    people = [found for pk in random_people(ctx, 220)
              if (found := Person.objects.select_related("unit").filter(pk=pk).first())]
    checked, read = [], []
    with translation.override("vi"):
        for index, someone in enumerate(people):
            started = time.perf_counter()
            case = parse_case(facts_for_person(someone, year, "ldtt"))
            codes = [family for family in rules.families
                     if rules.open_paths(family, case.subject)]
            check_codes(case, codes, explain=True, earliest=True)
            middle = time.perf_counter()
            facts_for_person(someone, year, "ldtt")
            ended = time.perf_counter()
            if index >= 20:
                checked.append((middle - started) * 1000)
                read.append((ended - middle) * 1000)
    value, baseline = p95(checked), p95(read)
    return line(f"{NAME}_person_p95[{ctx.database}]", value, "ms", baseline,
                "ms reading the same rows", value / baseline)


# -- the batch screen ------------------------------------------------------------------------
def screen(ctx: Context, year: int) -> str:
    from thidua.eligibility import batch
    from thidua.eligibility.province import check_people
    from thidua.organisations.models import Unit

    user = reviewer(ctx)
    root = Unit.objects.get(pk=int(user.unit.path.strip("/").split("/")[0]))
    people = batch.people_queries.visible_to(user).filter(
        unit__in=batch.unit_queries.subtree(root))
    first_page(user, root, year)  # warm-up
    shown, verdicts = [], []
    for _ in range(RUNS):
        shown.append(timed(first_page, user, root, year)[0])
        verdicts.append(timed(check_people, year, people=people)[0])
    value, baseline = statistics.median(shown), statistics.median(verdicts)
    return line(f"{NAME}_screen[{ctx.database}]", value, "s", baseline,
                "s for the province batch alone", value / baseline)


def first_page(user, root, year: int) -> int:
    """What the batch screen does for its first page: verdicts of every row, the filters (none
    here), and the reasons of the rows shown."""
    from django.conf import settings
    from django.core.paginator import Paginator

    from thidua.eligibility import batch

    found = batch.run_batch(user, root, year, None)
    page = Paginator(found.filtered(), settings.PAGE_SIZE).get_page(1)
    found.explain(page.object_list)
    return found.size


# -- memory ----------------------------------------------------------------------------------
def memory(ctx: Context, year: int) -> str:
    value, baseline = peak_of("check", year), peak_of("read", year)
    return line(f"{NAME}_batch_peak_memory[{ctx.database}]", value, "MB", baseline,
                "MB for reading the rows", value / baseline)


def peak_of(job: str, year: int) -> float:
    """Peak resident memory (MB) of a fresh process that runs `job` (same database)."""
    with tempfile.TemporaryFile(mode="w+") as output:
        subprocess.run([sys.executable, __file__, "--peak", job, str(year)], cwd=ROOT,
                       env={**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings"},
                       stdout=output, check=True)
        output.seek(0)
        return float(output.read().split()[-1])


def peak_child(job: str, year: int) -> None:
    from thidua.eligibility.province import check_people

    if job == "check":
        check_people(year)
    else:
        read_rows(year)
    print(peak_rss())


def peak_rss() -> float:
    """This program's peak resident memory in MB: VmHWM, which a new program starts afresh
    (ru_maxrss would keep the peak of the process that started it)."""
    status = Path("/proc/self/status")
    if status.exists():
        for text in status.read_text().splitlines():
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    if len(sys.argv) == 4 and sys.argv[1] == "--peak":
        peak_child(sys.argv[2], int(sys.argv[3]))
        return
    from django.db import connection

    with tempfile.TemporaryDirectory() as workdir:
        for text in run(Context(database=connection.vendor, workdir=workdir)):
            print(text, flush=True)


if __name__ == "__main__":
    main()
