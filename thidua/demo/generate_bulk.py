"""Bulk writing for the data generator: rows go to the database in chunks, bypassing the ORM.

PostgreSQL gets `COPY … FROM STDIN` through psycopg 3; SQLite gets `executemany` inside the one
transaction the generator runs in. Rows are tuples of plain values (int, str, bool, None, dates
as ISO text, timestamps as `Bulk.now`), in the order of the columns named for their table.
"""

import datetime

from django.db import connection
from django.db.models import Model

CHUNK = 20_000


class Table:
    """Rows waiting to be written to one model's table."""

    def __init__(self, bulk: "Bulk", model: type[Model] | None, fields: list[str],
                 db_table: str = ""):
        """Fields are the model's field names; with `db_table` (and no model), column names."""
        self.bulk = bulk
        if model is None:
            self.db_table, self.columns = db_table, list(fields)
        else:
            self.db_table = model._meta.db_table
            self.columns = [model._meta.get_field(name).column for name in fields]
        self.rows: list[tuple] = []
        self.written = 0

    def add(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        """Write the rows, after those of every table declared before this one: parents are
        declared first, so no row reaches the database before a row it refers to (SQLite would
        otherwise search the child table for every parent row written later)."""
        for table in self.bulk.tables:
            if table is self:
                break
            table.write()
        self.write()

    def write(self) -> None:
        if self.rows:
            self.bulk.write(self, self.rows)
            self.written += len(self.rows)
            self.rows = []


class Bulk:
    """Writes chunks of rows on Django's default connection, inside the caller's transaction."""

    def __init__(self):
        self.vendor = connection.vendor
        self.tables: list[Table] = []
        stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        # Django stores aware datetimes on SQLite as naive UTC text.
        self.now = (stamp.isoformat() if self.vendor == "postgresql"
                    else stamp.replace(tzinfo=None).isoformat(" "))

    def table(self, model: type[Model] | None, fields: list[str], db_table: str = "") -> Table:
        table = Table(self, model, fields, db_table)
        self.tables.append(table)
        return table

    def write(self, table: Table, rows: list[tuple]) -> None:
        columns = ", ".join(f'"{c}"' for c in table.columns)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.copy(f'COPY "{table.db_table}" ({columns}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" * len(table.columns))
                # The raw sqlite3 cursor: Django's wrapper would rewrite every query.
                cursor.cursor.executemany(
                    f'INSERT INTO "{table.db_table}" ({columns}) VALUES ({marks})', rows)

    def flush_all(self) -> None:
        for table in self.tables:
            table.write()


def next_ids(models: list[type[Model]]) -> dict[type[Model], int]:
    """The first free primary key of each model's table (ids are assigned by the generator)."""
    result = {}
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f'SELECT MAX("id") FROM "{model._meta.db_table}"')
            result[model] = (cursor.fetchone()[0] or 0) + 1
    return result


def reset_sequences(models: list[type[Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids written explicitly (SQLite needs nothing)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


class BulkPragmas:
    """SQLite settings for a bulk load, restored afterwards; nothing on other databases.

    They must be set outside a transaction (SQLite refuses to change `synchronous` inside
    one), so they are skipped when the caller already holds one (tests)."""

    LOAD = {"synchronous": "OFF", "cache_size": "-262144", "temp_store": "MEMORY"}

    def __enter__(self):
        self.saved = {}
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            connection.ensure_connection()
            with connection.cursor() as cursor:
                for name, value in self.LOAD.items():
                    self.saved[name] = cursor.execute(f"PRAGMA {name}").fetchone()[0]
                    cursor.execute(f"PRAGMA {name}={value}")
        return self

    def __exit__(self, *exc):
        if self.saved:
            with connection.cursor() as cursor:
                for name, value in self.saved.items():
                    cursor.execute(f"PRAGMA {name}={value}")
        return False


class DeferredIndexes:
    """Drops the secondary indexes of the big tables (and, on PostgreSQL, their foreign keys)
    for the load and recreates them at the end, inside the caller's transaction.

    Building an index once from sorted data is several times faster than updating ten indexes
    row by row, and re-adding a foreign key checks every row in one join instead of one lookup
    per row at commit. DDL is transactional on both databases: if the load fails, the rollback
    brings the indexes back. Indexes that back a constraint (primary keys, unique constraints)
    stay in place."""

    def __init__(self, tables: list[str]):
        self.tables = tables
        self.indexes: list[tuple[str, str]] = []  # (name, CREATE statement)
        self.foreign_keys: list[tuple[str, str, str]] = []  # (table, name, definition)

    def __enter__(self):
        with connection.cursor() as cursor:
            for table in self.tables:
                if connection.vendor == "postgresql":
                    self.collect_postgresql(cursor, table)
                else:
                    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                   "AND tbl_name = %s AND sql IS NOT NULL", [table])
                    self.indexes += cursor.fetchall()
            if self.foreign_keys:
                # Deferred checks still pending from earlier writes in the same transaction
                # forbid ALTER TABLE: run them now.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table, name, _definition in self.foreign_keys:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            for name, _create in self.indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        return self

    def collect_postgresql(self, cursor, table: str) -> None:
        cursor.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass "
            "AND NOT x.indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)", [table])
        self.indexes += cursor.fetchall()
        cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE conrelid = %s::regclass AND contype = 'f'", [table])
        self.foreign_keys += [(table, name, definition) for name, definition in cursor.fetchall()]

    def __exit__(self, exc_type, *exc):
        if exc_type is None:
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                for _name, create in self.indexes:
                    cursor.execute(create)
                for table, name, definition in self.foreign_keys:
                    cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        return False


def analyze(tables: list[str]) -> None:
    """Fresh planner statistics after a bulk load (SQLite: a sampled ANALYZE)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for name in tables:
                cursor.execute(f'ANALYZE "{name}"')
        else:
            cursor.execute("PRAGMA analysis_limit=1000")
            for name in tables:
                cursor.execute(f'ANALYZE "{name}"')
