"""`thidua demo`: --if-empty, --accounts, --force, and refusing a database that has data."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from thidua.organisations.models import Unit


def run(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_if_empty_loads_once_then_changes_nothing(db):
    run("--if-empty")
    loaded = row_counts()
    assert loaded["organisations.Unit"] == 86
    assert loaded["accounts.User"] == 15
    run("--if-empty")
    assert row_counts() == loaded


def test_if_empty_leaves_a_database_with_units_alone(tree):
    before = row_counts()
    run("--if-empty")
    assert row_counts() == before


def test_refuses_a_database_that_already_has_data(tree):
    before = row_counts()
    with pytest.raises(CommandError) as error:
        run()
    assert error.value.returncode == 1
    assert "--force" in str(error.value)
    assert row_counts() == before


def test_force_loads_beside_other_units_but_never_twice(tree):
    run("--force")
    assert Unit.objects.count() == 8 + 86
    before = row_counts()
    with pytest.raises(CommandError) as error:
        run("--force")
    assert "bt, bt-bac-binh" in str(error.value)
    assert row_counts() == before


def test_plain_demo_loads_and_prints_every_account_with_its_unit_and_password(db):
    lines = run().splitlines()
    assert Unit.objects.count() == 86
    table = lines[lines.index(next(line for line in lines if line.startswith("admin "))) - 1:]
    assert [line.split("  ")[0] for line in table[1:]] == [
        "admin", "sonoivu", "phuquy", "phanthiet", "lanhdao",
        *[f"hoidong{n}" for n in range(1, 10)], "bientap"]
    phuquy = next(line for line in table if line.startswith("phuquy "))
    assert "UBND đặc khu Phú Quý" in phuquy
    assert phuquy.endswith("thidua-demo-2017")
    before = row_counts()
    assert run("--accounts").splitlines()[-16:] == table
    assert row_counts() == before


def test_accounts_alone_on_a_database_without_the_demo_loads_nothing(db):
    assert run("--accounts").strip() != ""
    assert Unit.objects.count() == 0


def test_help_describes_the_options(db):
    from thidua.core.management.commands.demo import Command

    text = Command().create_parser("thidua", "demo").format_help()
    assert all(option in text for option in ("--if-empty", "--accounts", "--force"))
