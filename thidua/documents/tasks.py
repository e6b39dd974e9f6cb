"""Background work of the documents app (django-tasks: inline in development and tests, a
database queue in production). Tasks take ids, reload, and call the writer."""

import logging
import tempfile
from functools import partial

from django.http import QueryDict
from django.utils.translation import gettext as _
from django_tasks import task

from thidua.documents import exports, services
from thidua.documents.models import ExportJob
from thidua.documents.xlsx import write_workbook

logger = logging.getLogger(__name__)


@task()
def run_export(job_id: int) -> str:
    """Write the export of `job_id` to a file the user downloads from its page."""
    job = ExportJob.objects.select_related("created_by").get(pk=job_id)
    try:
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as target:
            rows = write_export(job, target.name)
            services.finish_export(job, target.name, rows)
    except Exception:
        logger.exception("export %s failed", job_id)
        services.fail_export(job, _("The export stopped because of an unexpected error."))
        raise
    return job.status


def write_export(job: ExportJob, path: str) -> int:
    user = job.created_by  # exports are started from a page, by a signed-in user
    params = QueryDict(mutable=True)
    for key, values in job.params.items():
        params.setlist(key, values)
    awards, filters = exports.register_queryset(user, params)
    return write_workbook(path, exports.register_heading(user, filters),
                          [exports.register_sheet(awards)],
                          progress=partial(services.record_progress, job))
