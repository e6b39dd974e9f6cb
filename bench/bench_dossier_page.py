"""dossier_page: p95 of a dossier page (proposals:detail) with 300 checked nominees (verdicts,
reasons and citations on every line), signed in as a provincial reviewer, 200 requests after
20 warm-up requests. Goal < 200 ms. Baseline: p95 of the sign-in page in the same run."""

from dossiers import NoProvince, big_dossier
from support import (
    Context,
    line,
    page_baseline,
    request_p95,
    signed_in_client,
    skipped,
    url_exists,
)

NAME = "dossier_page"
ORDER = 43


def run(ctx: Context) -> list[str]:
    from django.urls import reverse

    if not url_exists("proposals:detail", 1):
        return [skipped(ctx.name(NAME), "proposals:detail missing")]
    try:
        proposal = big_dossier(ctx)
    except NoProvince:
        return [skipped(ctx.name(NAME), "no generated province")]
    path = reverse("proposals:detail", args=[proposal.pk])
    value, wrong = request_p95(signed_in_client(ctx), [path] * 220)
    if wrong:
        return [skipped(ctx.name(NAME), f"proposals:detail answered {wrong}")]
    baseline = page_baseline(ctx)
    return [line(ctx.name(NAME), value, "ms", baseline, "ms", value / baseline)]
