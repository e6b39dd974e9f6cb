"""The files a decision package carries for the receiving level (docs/packages.md): the decision
as a Word document (made by thidua.documents from the template in force for the issuer) and the
attachments of the dossiers it decided. Each is listed in the manifest's `files` with its size
and SHA-256, which `package.read_files` checks on import."""

import hashlib
import io
from functools import partial
from pathlib import PurePosixPath

from thidua.awards.models import Decision
from thidua.documents.choices import DocumentKind
from thidua.documents.queries import template_source
from thidua.documents.word.contexts import decision_context
from thidua.documents.word.render import render as render_docx
from thidua.proposals.models import Attachment, Proposal
from thidua.proposals.services.attachments import open_attachment

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def decision_files(decision: Decision, awards) -> tuple[list[dict], list[tuple]]:
    """(manifest lines, [(path, opener)]) of the decision's document and of the attachments of
    the dossiers whose nominees hold one of `awards` (what the exporter may see). Raises the
    documents app's TemplateProblem when the decision template cannot be filled."""
    document = render_docx(template_source(DocumentKind.DECISION, decision.issuer),
                           decision_context(decision))
    slug = "".join(ch if ch.isalnum() else "-" for ch in decision.number).strip("-")
    listed = [{"path": "files/0001.docx", "name": f"quyet-dinh-{slug or decision.pk}.docx",
               "sha256": hashlib.sha256(document).hexdigest(), "size": len(document),
               "content_type": DOCX, "kind": "decision", "dossier": None, "unit": None}]
    openers = [("files/0001.docx", partial(io.BytesIO, document))]
    dossiers = Proposal.objects.filter(decision=decision, nominees__award__in=awards).distinct()
    attachments = (Attachment.objects.filter(proposal__in=dossiers)
                   .select_related("proposal__unit").order_by("proposal_id", "uploaded_at", "pk"))
    for number, attachment in enumerate(attachments, start=2):
        suffix = PurePosixPath(attachment.original_name).suffix.lower()[:10]
        path = f"files/{number:04d}{suffix}"
        listed.append({"path": path, "name": attachment.original_name,
                       "sha256": attachment.sha256, "size": attachment.size,
                       "content_type": attachment.content_type, "kind": attachment.kind,
                       "dossier": attachment.proposal.number or str(attachment.proposal),
                       "unit": {"code": attachment.proposal.unit.code,
                                "name": attachment.proposal.unit.name}})
        openers.append((path, partial(open_attachment, attachment)))
    return listed, openers
