"""person_page: p95 of GET people:detail for random people of the generated province, signed
in as a provincial reviewer (Django test client; 200 requests after 20 warm-up requests).
Goal < 50 ms. Baseline: p95 of the sign-in page in the same run."""

from support import (
    Context,
    line,
    page_baseline,
    random_people,
    request_p95,
    signed_in_client,
    skipped,
    url_exists,
)

NAME = "person_page"
ORDER = 20


def run(ctx: Context) -> list[str]:
    from django.urls import reverse

    if not url_exists("people:detail", 1):
        return [skipped(ctx.name(NAME), "people:detail missing")]
    paths = [reverse("people:detail", args=[pk]) for pk in random_people(ctx, 220)]
    value, wrong = request_p95(signed_in_client(ctx), paths)
    if wrong:
        return [skipped(ctx.name(NAME), f"people:detail answered {wrong}")]
    baseline = page_baseline(ctx)
    return [line(ctx.name(NAME), value, "ms", baseline, "ms", value / baseline)]
