"""The background task behind the certificate batch page (django-tasks: inline in development
and tests, a database queue in production). It takes an id, reloads, and calls the service."""

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from thidua.documents.certificates import services
from thidua.documents.models import CertificateBatch

logger = logging.getLogger(__name__)


@task()
def render_batch(batch_id: int) -> str:
    """Render the batch's certificates; returns its status."""
    batch = CertificateBatch.objects.select_related("decision", "created_by").get(pk=batch_id)
    try:
        return services.run_batch(batch).status
    except Exception:
        # Leave a readable state for the page, then let the queue record the failure.
        logger.exception("certificate batch %s failed", batch_id)
        services.fail_batch(batch_id, _("The certificates could not be made because of an "
                                        "unexpected error."))
        raise
