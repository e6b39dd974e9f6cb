"""Shared helpers of the benchmarks: the context of a run, timing, percentiles and the line
every benchmark prints (contracts §1): `name: value unit (baseline: value unit, ratio X)`."""

import math
import os
import random
import time
from dataclasses import dataclass, field

DEFAULT_PERSONS = 70_000
YEARS = 20
SEED = 1


@dataclass
class Context:
    """What the benchmarks of one database share: the generated province is made once."""

    database: str  # "sqlite" or "postgresql"
    workdir: str
    persons: int = field(default_factory=lambda: int(os.environ.get("BENCH_PERSONS",
                                                                    DEFAULT_PERSONS)))
    years: int = YEARS
    seed: int = SEED
    rng: random.Random = field(default_factory=lambda: random.Random(20260101))
    cache: dict = field(default_factory=dict)

    def name(self, benchmark: str) -> str:
        return f"{benchmark}[{self.database}]"


def line(name: str, value: float, unit: str, baseline: float, baseline_unit: str,
         ratio: float) -> str:
    return (f"{name}: {number(value)} {unit} "
            f"(baseline: {number(baseline)} {baseline_unit}, ratio {ratio:.2f})")


def skipped(name: str, reason: str) -> str:
    return f"{name}: skipped ({reason})"


def number(value: float) -> str:
    """No thousands separators; one decimal below 100, whole numbers above."""
    return f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def request_p95(client, paths: list[str], *, warmup: int = 20, expect: int = 200
                ) -> tuple[float, int]:
    """p95 in milliseconds of GET on `paths` (the first `warmup` not measured), and the first
    unexpected status code (0 if none)."""
    samples, wrong = [], 0
    for index, path in enumerate(paths):
        seconds, response = timed(client.get, path)
        if response.status_code != expect and not wrong:
            wrong = response.status_code
        if index >= warmup:
            samples.append(seconds * 1000)
    return p95(samples), wrong


def page_baseline(ctx: Context) -> float:
    """p95 (ms) of the sign-in page, the trivial view every page benchmark compares with;
    measured once per run and database."""
    if "page_baseline" not in ctx.cache:
        from django.test import Client
        from django.urls import reverse

        path = reverse("accounts:login")
        ctx.cache["page_baseline"] = request_p95(Client(), [path] * 220)[0]
    return ctx.cache["page_baseline"]


def reviewer(ctx: Context):
    """A provincial reviewer of the generated province (sees all of it, with its history)."""
    if "reviewer" not in ctx.cache:
        from thidua.accounts.choices import Role
        from thidua.accounts.models import User
        from thidua.organisations.models import Unit

        unit = Unit.objects.filter(code__startswith=f"g{SEED}-1-", kind="department",
                                   valid_from__isnull=False).order_by("pk").first()
        ctx.cache["reviewer"] = User.objects.create_user(
            username="bench-reviewer", password="bench-pass-2026", role=Role.REVIEWER,
            unit=unit, full_name="Người đo hiệu năng")
    return ctx.cache["reviewer"]


def signed_in_client(ctx: Context):
    from django.test import Client

    client = Client()
    client.force_login(reviewer(ctx))
    return client


def random_people(ctx: Context, count: int) -> list[int]:
    from thidua.people.models import Person

    low = Person.objects.order_by("pk").values_list("pk", flat=True).first()
    high = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    return [ctx.rng.randint(low, high) for _ in range(count)]


def url_exists(name: str, *args) -> bool:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True
