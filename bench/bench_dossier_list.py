"""dossier_list: p95 of the dossier list (proposals:list) of a province holding 5,000 dossiers
in one round, signed in as a provincial reviewer: filtered by round (every other request also
by state and an accent-free text), pages 1 to 5 in turn, 200 requests after 20 warm-up
requests. Goal < 150 ms. Baseline: p95 of a plain SELECT of the same page (the round's 50
latest dossiers at that offset) through the same connection."""

import time

from dossiers import NoProvince, listed
from support import Context, line, p95, request_p95, signed_in_client, skipped, url_exists

NAME = "dossier_list"
ORDER = 42


def run(ctx: Context) -> list[str]:
    from urllib.parse import urlencode

    from django.urls import reverse

    if not url_exists("proposals:list"):
        return [skipped(ctx.name(NAME), "proposals:list missing")]
    try:
        round_ = listed(ctx)
    except NoProvince:
        return [skipped(ctx.name(NAME), "no generated province")]
    base = reverse("proposals:list")
    paths = []
    for index in range(220):
        query = {"round": round_.pk, "page": index % 5 + 1}
        if index % 2:
            query.update(state="submitted", q="to trinh de nghi")
        paths.append(f"{base}?{urlencode(query)}")
    value, wrong = request_p95(signed_in_client(ctx), paths)
    if wrong:
        return [skipped(ctx.name(NAME), f"proposals:list answered {wrong}")]
    baseline = select_p95(round_.pk)
    return [line(ctx.name(NAME), value, "ms", baseline, "ms for a plain SELECT of the page",
                 value / baseline)]


def select_p95(round_id: int) -> float:
    from django.db import connection

    from thidua.proposals.models import Proposal

    sql = (f"SELECT id, number, title, unit_name, state, submitted_at, due_on FROM "
           f"{Proposal._meta.db_table} WHERE round_id = %s ORDER BY created_at DESC, id DESC "
           f"LIMIT 50 OFFSET %s")
    samples = []
    with connection.cursor() as cursor:
        for index in range(220):
            started = time.perf_counter()
            cursor.execute(sql, [round_id, (index % 5) * 50])
            cursor.fetchall()
            if index >= 20:
                samples.append((time.perf_counter() - started) * 1000)
    return p95(samples)
