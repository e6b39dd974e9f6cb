"""Reads of the documents app: which Word template a unit uses, and the exports a user sees."""

from django.db.models import QuerySet

from thidua.accounts.choices import Role
from thidua.awards.models import Decision
from thidua.documents.certificates.choices import BatchStatus
from thidua.documents.models import CertificateBatch, DocumentTemplate, ExportJob, SignedDocument
from thidua.documents.word import builtin
from thidua.organisations.queries import in_scope, scope_paths


def is_admin(user) -> bool:
    return user.is_superuser or user.role == Role.ADMIN


def active_template(kind: str, unit) -> DocumentTemplate | None:
    """The template a document of `unit` is made from: the unit's own, else the nearest
    ancestor's, else the one set for every unit; None means the built-in one."""
    templates = {t.unit_id: t for t in DocumentTemplate.objects.filter(kind=kind, active=True)}
    while unit is not None:
        if unit.pk in templates:
            return templates[unit.pk]
        unit = unit.parent
    return templates.get(None)


def template_source(kind: str, unit) -> bytes:
    """The .docx bytes of the template in force for `unit` (see active_template)."""
    template = active_template(kind, unit)
    if template is None:
        return builtin.template_bytes(kind)
    with template.file.open("rb") as handle:
        return handle.read()


def templates_visible_to(user) -> QuerySet[DocumentTemplate]:
    """Every replaced template, for the administrators who manage them."""
    return DocumentTemplate.objects.select_related("unit", "uploaded_by").filter(active=True)


def exports_visible_to(user) -> QuerySet[ExportJob]:
    """Each user sees the exports they started; administrators see all."""
    jobs = ExportJob.objects.all()
    return jobs if is_admin(user) else jobs.filter(created_by=user)


def decisions_visible_to(user) -> QuerySet[Decision]:
    """Decisions whose whole text (every awardee of the annex) the user may read: those issued
    inside the user's scope. The register page shows an officer the in-scope lines of other
    decisions; their documents are for the issuing side."""
    return Decision.objects.filter(in_scope(scope_paths(user), "issuer__path"))


# -- digital signatures ------------------------------------------------------------------
DECISION = "awards.decision"


def signed_of(decision: Decision) -> QuerySet[SignedDocument]:
    """The signed versions kept for a decision's documents, newest first."""
    return SignedDocument.objects.filter(object_type=DECISION, object_id=str(decision.pk))


def batches_to_sign(decision: Decision) -> QuerySet[CertificateBatch]:
    """The finished certificate batches of a decision, whoever made them: the PDFs to sign."""
    return CertificateBatch.objects.filter(decision=decision, status=BatchStatus.DONE) \
        .exclude(pdf="").order_by("-created_at", "-pk")
