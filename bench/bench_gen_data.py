"""gen_data: wall time of `thidua gen-data --persons N --years 20` (goal ≤ 120 s at 70,000).

Baseline: writing the same number of rows, the same way (COPY on PostgreSQL, executemany in one
transaction on SQLite, in chunks of the same size), into a trivial three-column table. The ratio
is the price of generating realistic rows, building the indexes and checking the keys.
The province made here is the data of every later benchmark."""

from io import StringIO

from support import Context, line, timed

NAME = "gen_data"
ORDER = 10


def run(ctx: Context) -> list[str]:
    from django.core.management import call_command

    from thidua.core.models import AuditEntry

    seconds, _result = timed(call_command, "gen-data", persons=ctx.persons, years=ctx.years,
                             seed=ctx.seed, stdout=StringIO())
    counts = AuditEntry.objects.get(action="thidua.data.generated").after
    rows = sum(value for key, value in counts.items()
               if key not in {"seed", "persons", "years", "first_year", "last_year", "prefix",
                              "province", "successor"})
    ctx.cache["generated_rows"] = rows
    vacuum()
    baseline = trivial_insert(rows)
    return [line(ctx.name(NAME), seconds, "s", baseline, "s", seconds / baseline)]


def trivial_insert(rows: int) -> float:
    """Seconds to write `rows` rows of (id, number, text) with the generator's bulk writer."""
    from django.db import connection, transaction

    from thidua.demo import generate_bulk as bulk

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_trivial (id bigint PRIMARY KEY, n integer, t text)")

    def write() -> None:
        with bulk.BulkPragmas(), transaction.atomic():
            writer = bulk.Bulk()
            table = writer.table(None, ["id", "n", "t"], db_table="bench_trivial")
            for index in range(1, rows + 1):
                table.add((index, index % 1000, "x"))
            writer.flush_all()

    seconds, _result = timed(write)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_trivial")
    return seconds


def vacuum() -> None:
    """PostgreSQL: what autovacuum would soon do to freshly loaded tables (visibility map,
    statistics), and a checkpoint, so that the page benchmarks measure a settled database
    instead of competing with background writes for the CPU. Not timed."""
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        try:
            with transaction.atomic():
                cursor.execute("CHECKPOINT")
        except DatabaseError:
            pass  # not allowed for this role: the pages are measured without it
