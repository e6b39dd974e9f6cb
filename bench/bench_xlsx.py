"""xlsx: the award register exported to xlsx, 100,000 rows, through the shared writer (header
block, dates, formula-safe texts), rows read from the database in chunks. Goal ≥ 15,000
rows/s with flat memory. Three lines:

- `xlsx`: the whole export (database read included) against the baseline, openpyxl write-only
  with the same rows as raw values already in memory (the engine the writer had before);
- `xlsx_writer`: the writer alone on those same rows in memory, against the same baseline;
- `xlsx_memory`: the tracemalloc peak of a 100k export against a 10k one (streamed: ≈ 1).

`measure()` needs no database: give it an export function and rows."""

import dataclasses
import tempfile
import tracemalloc
from collections.abc import Callable

from support import Context, line, skipped, timed

NAME = "xlsx"
ORDER = 65
ROWS = 100_000


def run(ctx: Context) -> list[str]:
    from thidua.awards.models import Award
    from thidua.documents import exports

    if Award.objects.count() < ROWS:
        return [skipped(ctx.name(NAME), "fewer than 100000 awards")]
    ids = list(Award.objects.order_by("pk").values_list("pk", flat=True)[:ROWS])

    def awards(count: int):
        chosen = Award.objects.filter(pk__range=(ids[0], ids[count - 1])).order_by("-pk")
        return exports.award_queries.with_status(chosen)

    def export(count: int) -> int:
        return write(exports.register_sheet(awards(count)))

    rows = [list(values) for values in exports.register_rows(awards(ROWS))]
    return measure(ctx, export, rows)


def measure(ctx: Context, export: Callable[[int], int], rows: list[list]) -> list[str]:
    """The three lines; `export(count)` writes the first `count` rows of the register and
    returns how many it wrote; `rows` are the ROWS rows as values."""
    from thidua.documents import exports

    seconds, written = timed(export, ROWS)
    assert written == ROWS, written
    baseline, _ = timed(openpyxl_raw, rows)
    # The register's sheet (its rows are a generator, never started) with the rows in memory.
    sheet = dataclasses.replace(exports.register_sheet(None), rows=iter(rows))
    alone, _ = timed(write, sheet)
    peaks = [peak(export, count) for count in (10_000, ROWS)]
    return [line(ctx.name(NAME), ROWS / seconds, "rows/s", ROWS / baseline, "rows/s",
                 baseline / seconds),
            line(ctx.name(f"{NAME}_writer"), ROWS / alone, "rows/s", ROWS / baseline, "rows/s",
                 baseline / alone),
            line(ctx.name(f"{NAME}_memory"), peaks[1] / 2**20, "MiB peak at 100k", peaks[0] / 2**20,
                 "MiB peak at 10k", peaks[1] / peaks[0])]


def write(sheet) -> int:
    from thidua.documents.bodies import Body
    from thidua.documents.xlsx import Heading, write_workbook

    heading = Heading(Body("UBND TỈNH BÌNH THUẬN", "SỞ NỘI VỤ", "Bình Thuận"), "SỔ KHEN THƯỞNG")
    with tempfile.TemporaryFile() as target:
        return write_workbook(target, heading, [sheet])


def openpyxl_raw(rows: list[list]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("raw")
    for values in rows:
        sheet.append(values)
    with tempfile.TemporaryFile() as target:
        workbook.save(target)


def peak(function, count: int) -> int:
    tracemalloc.start()
    try:
        function(count)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
