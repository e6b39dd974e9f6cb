"""Many rows written at once, faster than bulk_create: one COPY on PostgreSQL, prepared or
multi-row INSERTs on SQLite's own cursor. Used where thousands of rows are written together:
the award register import, the certificate codes of a decision."""

import sqlite3
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone


def insert_rows(model, given: list[str], rows: Iterable[tuple], *,
                returning: bool = False) -> list[int]:
    """INSERT many rows at once; the other columns get their defaults (now for auto_now
    fields). Returns the new primary keys, in order, when `returning`.

    bulk_create builds a model instance and compiles each value of every row: for a 100,000-row
    register that was most of the import time. Here PostgreSQL gets one COPY and SQLite a few
    multi-row INSERTs. Values of `rows` must be ready for the database (dates through
    connection.ops.adapt_datefield_value, plain str rather than enum members)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    rest = [f for f in fields if f.attname not in given]
    now = timezone.now()
    tail = tuple(f.get_db_prep_save(now if getattr(f, "auto_now", False)
                                    or getattr(f, "auto_now_add", False) else f.get_default(),
                                    connection) for f in rest)
    by_name = {f.attname: f for f in fields}
    columns = [by_name[name].column for name in given] + [f.column for f in rest]
    if connection.vendor == "postgresql":
        return copy_rows(model, columns, [(*row, *tail) for row in rows], returning=returning)
    if returning and not connection.features.can_return_rows_from_bulk_insert:
        return insert_one_by_one(model, [*given, *(f.attname for f in rest)],
                                 [(*row, *tail) for row in rows])
    return insert_sqlite(model, columns, list(rows), returning=returning, tail=tail)


def copy_rows(model, columns: list[str], rows: list[tuple], *, returning: bool) -> list[int]:
    """PostgreSQL: ids taken from the table's sequence first when they are needed, then COPY."""
    quote = connection.ops.quote_name
    table, pk = model._meta.db_table, model._meta.pk.column
    ids: list[int] = []
    with connection.cursor() as cursor:
        if returning and rows:
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                           "FROM generate_series(1, %s)", [quote(table), pk, len(rows)])
            ids = [value for (value,) in cursor.fetchall()]
            columns, rows = [pk, *columns], [(i, *row) for i, row in zip(ids, rows, strict=True)]
        names = ", ".join(quote(column) for column in columns)
        # The driver's own cursor: its errors are turned into Django's (IntegrityError…) here.
        with connection.wrap_database_errors, cursor.cursor.copy(
                f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    return ids


def insert_sqlite(model, columns: list[str], rows: list[tuple], *, returning: bool,
                  tail: tuple = ()) -> list[int]:
    """SQLite, on the driver's own cursor (Django's wrapper rewrites every placeholder of a
    statement, which for 100,000 rows costs longer than SQLite takes to insert them): one
    prepared INSERT run for each row, or multi-row INSERT … RETURNING id when the new keys are
    needed, as many rows per statement as SQLite accepts parameters. The values of `tail`, the
    same for every row, end the prepared INSERT as literals (quoted by SQLite itself) rather
    than being copied into each row."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    insert = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES "
    with connection.cursor():  # make sure the connection is open
        cursor = connection.connection.cursor()
    try:
        with connection.wrap_database_errors:  # the driver's errors turned into Django's
            literals = [cursor.execute("SELECT quote(?)", [value]).fetchone()[0]
                        for value in tail]
            placeholder = f"({', '.join(['?'] * (len(columns) - len(tail)) + literals)})"
            if not returning:
                cursor.executemany(insert + placeholder, rows)
                return []
            ids: list[int] = []
            size = max(parameter_limit() // max(len(columns) - len(tail), 1), 1)
            for batch in (rows[start:start + size] for start in range(0, len(rows), size)):
                cursor.execute(f"{insert}{', '.join([placeholder] * len(batch))} RETURNING "
                               f"{quote(model._meta.pk.column)}",
                               [value for row in batch for value in row])
                ids += [pk for (pk,) in cursor.fetchall()]
            return ids
    finally:
        cursor.close()


def insert_one_by_one(model, names: list[str], rows: list[tuple]) -> list[int]:
    """For SQLite before 3.35, which has no INSERT … RETURNING: slower, same result."""
    return [model.objects.create(**dict(zip(names, row, strict=True))).pk for row in rows]


def parameter_limit() -> int:
    """Bound parameters one INSERT may carry: SQLite's own limit when it tells it."""
    with connection.cursor():  # make sure the connection is open
        raw = connection.connection
    if hasattr(raw, "getlimit"):
        return min(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), 32000)
    return connection.features.max_query_params or 32000

