"""Certificates of awards and of whole decisions: codes issued, PDFs rendered, batches run.

Rendering writes nothing but the verification codes it needs (issued once, audited); a
batch also keeps its PDF and zip as files, with its progress for the page that follows it."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from thidua.awards.models import Award, Decision
from thidua.core.services import log_action
from thidua.documents import verification
from thidua.documents.certificates import layouts, queries, render
from thidua.documents.certificates.choices import BatchStatus
from thidua.documents.certificates.content import decision_lines, form_of, lines_of
from thidua.documents.models import CertificateBatch

PROGRESS_EVERY = 25  # pages between two progress writes while the zip is made


class NothingToPrint(Exception):
    """No award in force (in the user's scope) under the decision."""


def pages_of(awards: list[Award], *, by) -> list[dict]:
    """The data of each award's certificate, issuing the verification codes still missing."""
    codes = verification.issue_certificates(awards, by=by)
    prefix = verification.public_prefix()
    shared, numbers = {}, {}
    pages = []
    for award in awards:
        decision = award.decision
        if decision.pk not in shared:
            shared[decision.pk] = decision_lines(decision)
            numbers.update(queries.positions(decision))
        code = codes[award.pk]
        pages.append(render.page_data(
            lines_of(award, shared[decision.pk], position=numbers[award.pk]),
            code=verification.grouped(code), url=verification.public_url(code, prefix)))
    return pages


def render_pdf(awards: list[Award], *, by, blank: bool = False, title: str = "") -> bytes:
    """The certificates of `awards`, one page each: designed, or for pre-printed blanks."""
    if not awards:
        raise NothingToPrint(_("There is no award in force to print."))
    pages = pages_of(awards, by=by)
    title = title or _("Certificates")
    if not blank:
        return render.designed_pdf(pages, title=title)
    specs = {}
    for award, page in zip(awards, pages, strict=True):
        form, kind, issuer = form_of(award.award_type), layouts.kind_of(award), \
            award.decision.issuer
        key = f"{form}-{kind}-{issuer.pk}"
        if key not in specs:
            specs[key] = layouts.resolve(form, issuer, kind)
        page["layout"] = key
    return render.blank_pdf(pages, specs, title=title)


def decision_pdf(decision: Decision, *, by, blank: bool = False, user=None) -> bytes:
    """Every certificate of `decision` (in force; in `user`'s scope when given)."""
    awards = list(queries.awards_to_print(decision, user))
    return render_pdf(awards, by=by, blank=blank, title=pdf_title(decision))


def pdf_title(decision: Decision) -> str:
    return _("Certificates – decision %(number)s of %(date)s") % {
        "number": decision.number, "date": f"{decision.date:%d/%m/%Y}"}


def file_stem(decision: Decision, *, blank: bool = False) -> str:
    """ "chung-nhan-120-qd-ubnd-2024-12-20" (+ "-phoi" for blanks): ASCII, safe anywhere."""
    stem = slugify(f"chung nhan {decision.number.replace('Đ', 'D').replace('đ', 'd')} "
                   f"{decision.date:%Y-%m-%d}")
    return f"{stem}-phoi" if blank else stem


# -- batches --------------------------------------------------------------------------------
@transaction.atomic
def start_batch(*, by, decision: Decision, blank: bool = False) -> CertificateBatch:
    """A batch for the background task (`tasks.render_batch`) to fill."""
    batch = CertificateBatch.objects.create(decision=decision, blank=blank, created_by=by,
                                            total=queries.awards_to_print(decision, by).count())
    log_action("thidua.certificate_batch.started", by=by, obj=batch,
               after={"decision": decision.pk, "blank": blank, "total": batch.total})
    return batch


def run_batch(batch: CertificateBatch) -> CertificateBatch:
    """Render the batch's PDF (one compile), then split it into one PDF per certificate for
    the zip, keeping the progress up to date; the files are saved with the batch."""
    _update(batch, status=BatchStatus.RUNNING, done=0)
    awards = list(queries.awards_to_print(batch.decision, batch.created_by))
    if not awards:
        return _update(batch, status=BatchStatus.FAILED, total=0, finished_at=timezone.now(),
                       error=_("There is no award in force to print."))
    pdf = render_pdf(awards, by=batch.created_by, blank=batch.blank,
                     title=pdf_title(batch.decision))
    _update(batch, total=len(awards))
    archive = split_into_zip(pdf, names=[file_name(a) for a in awards],
                             progress=lambda done: _update(batch, done=done))
    stem = file_stem(batch.decision, blank=batch.blank)
    batch.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    batch.archive.save(f"{stem}.zip", ContentFile(archive), save=False)
    batch.status, batch.done, batch.finished_at = BatchStatus.DONE, len(awards), timezone.now()
    batch.save(update_fields=["pdf", "archive", "status", "done", "finished_at"])
    log_action("thidua.certificate_batch.done", by=batch.created_by, obj=batch,
               after={"pages": len(awards)})
    return batch


def fail_batch(batch_id: int, message: str) -> None:
    CertificateBatch.objects.filter(pk=batch_id).update(
        status=BatchStatus.FAILED, error=message[:500], finished_at=timezone.now())


def _update(batch: CertificateBatch, **values) -> CertificateBatch:
    for name, value in values.items():
        setattr(batch, name, value)
    batch.save(update_fields=list(values))
    return batch


def file_name(award: Award) -> str:
    return f"{award.pk:07d}-{slugify(award.awardee_name.replace('Đ', 'D').replace('đ', 'd'))}.pdf"


def split_into_zip(pdf: bytes, *, names: list[str], progress=None) -> bytes:
    """One PDF per page of `pdf`, named by `names`, in a zip (stored: PDFs are compressed)."""
    reader = PdfReader(io.BytesIO(pdf))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for index, (page, name) in enumerate(zip(reader.pages, names, strict=True), start=1):
            writer = PdfWriter()
            writer.add_page(page)
            single = io.BytesIO()
            writer.write(single)
            archive.writestr(name, single.getvalue())
            if progress and index % PROGRESS_EVERY == 0:
                progress(index)
    return buffer.getvalue()
