"""Background work of the award register importer (django-tasks: inline in development and
tests, a database queue in production). Tasks take ids, reload, and call the writer."""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from thidua.awards.choices import ImportStatus
from thidua.awards.import_writer import import_awards, stored_file
from thidua.awards.models import ImportBatch

logger = logging.getLogger(__name__)


@task()
def run_import(batch_id: int) -> str:
    """Check (dry run) or write the batch's file, as its `dry_run` flag says; returns the status."""
    batch = ImportBatch.objects.select_related("created_by", "default_unit").get(pk=batch_id)
    try:
        result = import_awards(by=batch.created_by, path=stored_file(batch),
                               dry_run=batch.dry_run, default_unit=batch.default_unit,
                               batch=batch)
    except Exception:
        # Leave a readable state for the page, then let the queue record the failure.
        logger.exception("award import %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(),
            report={"errors": [{"sheet": "", "row": None, "column": "", "message": _(
                "The import stopped because of an unexpected error; nothing was written.")}],
                "error_count": 1, "warnings": [], "warning_count": 0, "preview": []})
        raise
    return result.batch.status
