"""person_history_api: p95 of GET /api/v1/people/{id}/history for random people, with the
session of a provincial reviewer (200 requests after 20 warm-up requests). Goal < 50 ms.
Baseline: p95 of the sign-in page in the same run."""

from support import (
    Context,
    line,
    page_baseline,
    random_people,
    request_p95,
    signed_in_client,
    skipped,
)

NAME = "person_history_api"
ORDER = 30


def run(ctx: Context) -> list[str]:
    from django.urls import Resolver404, resolve

    try:
        resolve("/api/v1/people/1/history")
    except Resolver404:
        return [skipped(ctx.name(NAME), "/api/v1/people/{id}/history missing")]
    paths = [f"/api/v1/people/{pk}/history" for pk in random_people(ctx, 220)]
    value, wrong = request_p95(signed_in_client(ctx), paths)
    if wrong:
        return [skipped(ctx.name(NAME), f"the history API answered {wrong}")]
    baseline = page_baseline(ctx)
    return [line(ctx.name(NAME), value, "ms", baseline, "ms", value / baseline)]
