"""Helpers of the award register import tests."""

import pytest

from thidua.awards.import_writer import import_awards
from thidua.awards.models import Award, Decision, ImportBatch
from thidua.core.models import AuditEntry
from thidua.people.models import Person


def database_counts() -> dict[str, int]:
    return {"people": Person.objects.count(), "decisions": Decision.objects.count(),
            "awards": Award.objects.count(), "batches": ImportBatch.objects.count(),
            "audit": AuditEntry.objects.count()}


@pytest.fixture
def rejected():
    """Import a file that must be rejected; returns its error messages, having checked that
    nothing at all was written."""

    def run(path, **options) -> list[str]:
        before = database_counts()
        result = import_awards(by=options.pop("by", None), path=path, dry_run=False, **options)
        assert result.ok is False
        assert database_counts() == before
        return [str(issue) for issue in result.errors]

    return run
