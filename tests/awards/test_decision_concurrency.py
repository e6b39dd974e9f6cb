"""Decisions issued at the same moment: numbers never repeat, a draft is issued once.

The workers are real threads with their own database connections. On PostgreSQL they share the
test database and wait on its row locks (SELECT … FOR UPDATE). The in-memory SQLite test
database shares one cache between connections and fails at once instead of waiting, so there
the test database is first copied to a file, which the workers open as separate processes
would, with the project's IMMEDIATE transactions and busy timeout."""

import datetime
import sqlite3
import threading
from collections.abc import Callable

import pytest
from django.db import IntegrityError, connection, connections, transaction

from tests.awards.decisions import make_dossier, make_round, nominate, rated
from tests.factories import make_decision, make_person
from thidua.awards import services as award_services
from thidua.awards.models import Decision, DecisionNumber, DecisionSequence
from thidua.awards.services import IssueError

pytestmark = pytest.mark.django_db(transaction=True)
WORKERS = 4


@pytest.fixture
def database(tmp_path):
    """The settings a worker connects with: the test database itself on PostgreSQL, a file
    copy of it on SQLite (taken when `snapshot()` is called, after the data is written)."""

    class Database:
        settings = None

        def snapshot(self) -> None:
            if connection.vendor != "sqlite":
                return
            target = tmp_path / "concurrent.sqlite3"
            connection.ensure_connection()
            copy = sqlite3.connect(target)
            connection.connection.backup(copy)
            # In WAL mode already, as a deployed database is: the workers' own PRAGMA
            # journal_mode=WAL, all at once, would each need the file to themselves.
            copy.execute("PRAGMA journal_mode=WAL")
            copy.close()
            self.settings = {**connection.settings_dict, "NAME": str(target)}
            self.wrapper = type(connections["default"])

    return Database()


def run_at_once(database, jobs: list[Callable]) -> list:
    """Run the jobs in threads released together; each result is a value or the exception."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def work(index: int, job: Callable) -> None:
        use(database)
        try:
            connections["default"].ensure_connection()  # connected before the race starts
            barrier.wait()
            results[index] = job()
        except Exception as error:
            barrier.abort()  # a worker that could not start releases the others at once
            results[index] = error
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=work, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def use(database) -> None:
    """In this thread, connect to the database the workers share."""
    if database.settings is not None:
        connections["default"] = database.wrapper(database.settings, alias="default")


def read(database, query: Callable):
    """Run a read where the workers wrote (the file copy on SQLite)."""
    return run_at_once(database, [query])[0]


@pytest.fixture
def drafts(tree, leader):
    """Four drafts of huyện Phú Quý for the same year, one dossier and one nominee each."""
    round_ = make_round(tree.phu_quy, deciding_level="unit")
    made = []
    for index in range(WORKERS):
        dossier = make_dossier(round_, tree.phu_quy, title=f"Hồ sơ {index}")
        person = rated(make_person(f"Nguyễn Văn Số {index}", tree.phu_quy,
                                   birth_date=datetime.date(1980, 1, index + 1)))
        nominate(dossier, "ldtt", person=person)
        made.append(award_services.draft_decision(
            by=None, round=round_, proposals=[dossier], issuer=tree.phu_quy,
            date=datetime.date(2025, 1, 10), decided_by="unit_head"))
    return made


@pytest.mark.parametrize("sequence_exists", [False, True], ids=["first-of-year", "later"])
def test_decisions_issued_at_once_get_distinct_consecutive_numbers(drafts, tree, leader, database,
                                                                   sequence_exists):
    """First of the year, the workers race to create the sequence row; later, to lock it."""
    if sequence_exists:
        DecisionSequence.objects.create(issuer=tree.phu_quy, year=2025, last_number=0)
    database.snapshot()
    results = run_at_once(database, [
        lambda draft=draft: award_services.issue_decision(by=leader, draft=draft).number
        for draft in drafts])
    assert sorted(results) == ["1/QĐ-UBND", "2/QĐ-UBND", "3/QĐ-UBND", "4/QĐ-UBND"]
    assert read(database, lambda: (
        sorted(DecisionNumber.objects.values_list("serial", flat=True)),
        list(DecisionSequence.objects.values_list("last_number", flat=True)))) == (
        [1, 2, 3, 4], [4])


def test_a_draft_issued_twice_at_once_is_issued_once(drafts, leader, database):
    database.snapshot()
    draft = drafts[0]
    results = run_at_once(database, [
        lambda: award_services.issue_decision(by=leader, draft=draft).number] * 2)
    numbers = [result for result in results if isinstance(result, str)]
    refusals = [result for result in results if isinstance(result, IssueError)]
    assert numbers == ["1/QĐ-UBND"]
    assert [error.messages for error in refusals] == [
        ["Dự thảo này đã được ban hành thành Quyết định số 1/QĐ-UBND."]]
    assert read(database, lambda: Decision.objects.count()) == 1


def test_the_database_refuses_a_number_given_twice(tree):
    first = make_decision("1/QĐ-UBND", datetime.date(2025, 1, 10), issuer=tree.phu_quy)
    second = make_decision("1/QĐ-CT", datetime.date(2025, 1, 11), issuer=tree.phu_quy)
    DecisionNumber.objects.create(issuer=tree.phu_quy, year=2025, serial=1, decision=first)
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionNumber.objects.create(issuer=tree.phu_quy, year=2025, serial=1, decision=second)
    assert DecisionNumber.objects.count() == 1
