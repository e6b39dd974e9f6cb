"""people_list: p95 of the filtered, paginated people list (people:list) signed in as a
provincial reviewer: an accent-free search ("nguyen thi") within a unit and its sub-units (the
Department of Education after 2025, with its upper-secondary schools), pages 1 to 5 in turn,
200 requests after 20 warm-up requests. Goal < 150 ms. Baseline: p95 of the sign-in page."""

from urllib.parse import urlencode

from support import (
    SEED,
    Context,
    line,
    page_baseline,
    request_p95,
    signed_in_client,
    skipped,
    url_exists,
)

NAME = "people_list"
ORDER = 40
SEARCH = "nguyen thi"


def run(ctx: Context) -> list[str]:
    from django.urls import reverse

    from thidua.organisations.models import Unit

    if not url_exists("people:list"):
        return [skipped(ctx.name(NAME), "people:list missing")]
    unit = Unit.objects.filter(code__startswith=f"g{SEED}-1-", valid_from__isnull=False,
                               name__startswith="Sở Giáo dục").first()
    if unit is None:
        return [skipped(ctx.name(NAME), "no generated province")]
    base = reverse("people:list")
    paths = [f"{base}?{urlencode({'q': SEARCH, 'unit': unit.pk, 'page': index % 5 + 1})}"
             for index in range(220)]
    value, wrong = request_p95(signed_in_client(ctx), paths)
    if wrong:
        return [skipped(ctx.name(NAME), f"people:list answered {wrong}")]
    baseline = page_baseline(ctx)
    return [line(ctx.name(NAME), value, "ms", baseline, "ms", value / baseline)]
