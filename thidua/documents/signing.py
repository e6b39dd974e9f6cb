"""Digital signatures of generated PDFs (PAdES, pyHanko), kept immutably.

`signer_from_pkcs12` loads a key and certificate from a PKCS#12 file (.p12/.pfx);
`sign_pdf` signs a PDF with any pyHanko signer and `store_signed` keeps the signed bytes once,
as a `SignedDocument` named by their SHA-256, with that hash in the audit log. A VGCA USB token
(PKCS#11) or a remote signing service is another pyHanko `Signer` passed to `sign_pdf`, or
signs elsewhere and its file is kept with `store_signed`: docs/documents.md, "Digital
signatures", says how."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import Signer

from thidua.core.services import log_action
from thidua.documents.models import SignedDocument

FIELD_NAME = "ChuKySo"


class SigningError(Exception):
    """The key material cannot be read, or the PDF cannot be signed (the message says why)."""


def signer_from_pkcs12(data: bytes, passphrase: str | None = None) -> Signer:
    """A signer holding the key and certificate chain of a PKCS#12 file's bytes."""
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=[], passphrase=passphrase.encode() if passphrase else None)
    except ValueError as error:
        raise SigningError(_("The PKCS#12 file cannot be read: wrong passphrase or not a "
                             "PKCS#12 file.")) from error


def subject_of(signer: Signer) -> str:
    return signer.signing_cert.subject.human_friendly if signer.signing_cert else ""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signed_bytes(pdf: bytes, signer: Signer, *, reason: str = "", location: str = "") -> bytes:
    """`pdf` with a PAdES baseline B signature appended (an incremental update: the signed
    bytes of the original are unchanged)."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", reason=reason or None,
        location=location or None, subfilter=fields.SigSeedSubFilter.PADES)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        return signers.sign_pdf(writer, meta, signer=signer).getvalue()
    except Exception as error:  # pyHanko raises many kinds; the caller gets one
        raise SigningError(_("The PDF could not be signed: %(error)s") % {"error": error}) \
            from error


def sign_pdf(*, by, pdf: bytes, signer: Signer, title: str, reason: str = "",
             location: str = "", obj=None) -> SignedDocument:
    """Sign `pdf` and keep the result (see `store_signed`). `obj` (optional) is the record the
    document belongs to (a batch, a decision…)."""
    content = signed_bytes(pdf, signer, reason=reason, location=location)
    return store_signed(by=by, content=content, title=title, source=pdf, obj=obj)


@transaction.atomic
def store_signed(*, by, content: bytes, title: str, source: bytes | None = None,
                 obj=None) -> SignedDocument:
    """Keep a signed PDF, signed here or elsewhere (an officer's USB token): written once
    under its SHA-256, never changed; the signer is read from its last signature. The audit
    entry holds both hashes and the signer's certificate subject."""
    signatures = embedded_signatures(content)
    if not signatures:
        raise SigningError(_("The file carries no digital signature."))
    digest = sha256(content)
    document = SignedDocument(
        title=title, sha256=digest, source_sha256=sha256(source) if source else "",
        signer_subject=signatures[-1].signer_cert.subject.human_friendly,
        signed_at=timezone.now(), signed_by=by if getattr(by, "pk", None) else None,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "")
    document.file.save(f"{digest}.pdf", ContentFile(content), save=False)
    document.save()
    log_action("thidua.document.signed", by=by, obj=document, summary=title,
               after={"sha256": digest, "source_sha256": document.source_sha256,
                      "signer": document.signer_subject, "bytes": len(content)})
    return document


def verify_stored(document: SignedDocument) -> bool:
    """The stored file still has the hash recorded when it was signed."""
    with document.file.open("rb") as stored:
        return sha256(stored.read()) == document.sha256


def embedded_signatures(pdf: bytes) -> list:
    """The signatures of a PDF, for checking them (pyHanko's EmbeddedPdfSignature)."""
    try:
        return list(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures)
    except Exception as error:  # a file that is no PDF at all
        raise SigningError(_("The file is not a readable PDF.")) from error
