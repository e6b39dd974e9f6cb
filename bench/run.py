"""Run every benchmark (bench/bench_*.py) on SQLite and on PostgreSQL (`make bench`).

Each database gets a fresh store: SQLite in a temporary file, PostgreSQL in the database
`thidua_bench` (created and dropped here; BENCH_POSTGRES_URL changes the server). One child
process per database runs the migrations, generates the province once (`gen-data`, itself the
first benchmark) and then runs the others in order on the same data. Each benchmark prints one
line: `name[database]: value unit (baseline: value unit, ratio X)`.

Environment: BENCH_PERSONS (default 70000) scales the province down for a quick run;
BENCH_DATABASES (default "sqlite,postgresql") chooses the databases; BENCH_ONLY (a comma list of
benchmark names, e.g. "import,tally") runs only those, after `gen_data` which makes their data.
"""

import contextlib
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import psycopg

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
DATABASE_NAME = "thidua_bench"


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3])
    failed = False
    for database in os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(","):
        failed |= parent(database.strip()) != 0
    return 1 if failed else 0


# -- the parent: one fresh database and one child process per database --------------------
def parent(database: str) -> int:
    workdir = tempfile.mkdtemp(prefix=f"thidua-bench-{database}-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings", "DEBUG": "0",
           "VAR_DIR": workdir, "LOG_LEVEL": "ERROR"}
    env.pop("DATABASE_URL", None)
    try:
        if database == "postgresql":
            problem = recreate_postgres()
            if problem:
                print(f"bench[postgresql]: skipped ({problem})", flush=True)
                return 0
            env["DATABASE_URL"] = f"{POSTGRES_URL}/{DATABASE_NAME}"
        else:
            env["SQLITE_PATH"] = str(Path(workdir) / "bench.sqlite3")
        return subprocess.run([sys.executable, __file__, "--child", database, workdir],
                              env=env, cwd=ROOT, check=False).returncode
    finally:
        if database == "postgresql":
            drop_postgres()
        shutil.rmtree(workdir, ignore_errors=True)


def admin_connection():
    return psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True, connect_timeout=5)


def recreate_postgres() -> str:
    """Drop and create the benchmark database; the reason it cannot, or ""."""
    try:
        with admin_connection() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {DATABASE_NAME}")
    except (psycopg.Error, OSError) as error:
        return f"PostgreSQL not available: {error}".splitlines()[0]
    return ""


def drop_postgres() -> None:
    # Nothing to clean up when the server is gone.
    with contextlib.suppress(psycopg.Error, OSError), admin_connection() as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")


# -- the child: migrations, then every benchmark in order ---------------------------------
def child(database: str, workdir: str) -> int:
    sys.path[:0] = [str(ROOT), str(BENCH_DIR)]
    import django

    django.setup()
    import support
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    ctx = support.Context(database=database, workdir=workdir)
    status = 0
    for module in benchmarks():
        try:
            for text in module.run(ctx):
                print(text, flush=True)
        except Exception as error:  # a failing benchmark is reported; the others still run
            traceback.print_exc(file=sys.stderr)
            print(f"{ctx.name(module.NAME)}: failed ({type(error).__name__}: {error})"
                  .splitlines()[0], flush=True)
            status = 1
    return status


def benchmarks() -> list:
    modules = [importlib.import_module(path.stem) for path in BENCH_DIR.glob("bench_*.py")]
    only = {name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()}
    if only:
        modules = [module for module in modules if module.NAME in only | {"gen_data"}]
    return sorted(modules, key=lambda module: module.ORDER)


if __name__ == "__main__":
    sys.exit(main())
