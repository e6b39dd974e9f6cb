"""Fail loudly when DATABASE_URL is set but the database cannot be reached."""

import sys
import time

import dj_database_url
import psycopg

url = dj_database_url.config()
params = {"host": url["HOST"], "port": url["PORT"] or 5432, "user": url["USER"],
          "password": url["PASSWORD"], "dbname": "postgres"}
for _attempt in range(10):
    try:
        with psycopg.connect(**params, connect_timeout=3) as conn:
            conn.execute("select 1")
        sys.exit(0)
    except psycopg.OperationalError as error:
        last = error
        time.sleep(1)
print(f"PostgreSQL at {params['host']}:{params['port']} is unreachable: {last}", file=sys.stderr)
sys.exit(1)
