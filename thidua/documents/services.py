"""Writes of the documents app: replacing a Word template, and the background Excel exports.
Every write is audited (core.services.log_action)."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.services import log_action
from thidua.documents.choices import DocumentKind, ExportStatus
from thidua.documents.models import DocumentTemplate, ExportJob
from thidua.documents.word import render, samples

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


def check_template(kind: str, source: bytes) -> None:
    """Raise render.TemplateProblem (with a message naming what is wrong) unless `source` is a
    usable template of `kind`."""
    if len(source) > MAX_TEMPLATE_BYTES:
        raise render.TemplateProblem(_("The file is larger than 10 MB; a Word template is a "
                                       "few dozen kilobytes."))
    kind = DocumentKind(kind)
    render.check(source, fields=samples.fields(kind), required=samples.REQUIRED[kind],
                 sample=samples.SAMPLES[kind])


def upload_template(*, by, kind: str, unit, name: str, source: bytes) -> DocumentTemplate:
    """Check the template, then make it the one in force for `unit` (None: every unit); the
    one it replaces stays as an inactive record."""
    check_template(kind, source)
    with transaction.atomic():
        previous = DocumentTemplate.objects.filter(kind=kind, unit=unit, active=True).first()
        if previous is not None:
            previous.active = False
            previous.save(update_fields=["active"])
        template = DocumentTemplate(kind=kind, unit=unit, original_name=name[:255],
                                    uploaded_by=by if getattr(by, "pk", None) else None)
        template.file.save(f"{kind}.docx", ContentFile(source), save=False)
        template.save()
        log_action("thidua.document_template.uploaded", by=by, obj=template,
                   summary=str(template),
                   before={"template": previous.pk} if previous else None,
                   after={"kind": kind, "unit": unit.pk if unit else None, "file": name,
                          "sha256": hashlib.sha256(source).hexdigest()})
    return template


def retire_template(*, by, template: DocumentTemplate) -> None:
    """Stop using a replaced template: its unit goes back to the next one up (or built-in)."""
    with transaction.atomic():
        template.active = False
        template.save(update_fields=["active"])
        log_action("thidua.document_template.retired", by=by, obj=template,
                   summary=str(template), before={"active": True}, after={"active": False})


def start_export(*, by, kind: str, params: dict, file_name: str, total: int) -> ExportJob:
    job = ExportJob.objects.create(kind=kind, params=params, file_name=file_name,
                                   total_rows=total, created_by=by)
    log_action("thidua.export.started", by=by, obj=job, summary=file_name,
               after={"kind": kind, "rows": total})
    return job


def record_progress(job: ExportJob, rows: int) -> None:
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING, processed_rows=rows)


def finish_export(job: ExportJob, path, rows: int) -> None:
    """Store the written file with the job; `path` is the temporary file the writer filled."""
    with open(path, "rb") as handle:
        job.file.save(job.file_name, handle, save=False)
    job.status, job.processed_rows, job.finished_at = ExportStatus.DONE, rows, timezone.now()
    job.save(update_fields=["file", "status", "processed_rows", "finished_at"])


def fail_export(job: ExportJob, message: str) -> None:
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.FAILED, error=message[:500],
                                               finished_at=timezone.now())
