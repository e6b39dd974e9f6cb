"""Digital signatures of generated PDFs (PAdES, pyHanko), kept immutably.

`signer_from_pkcs12` loads a key and certificate from a PKCS#12 file (.p12/.pfx);
`sign_pdf` signs a PDF with any pyHanko signer and `store_signed` keeps the signed bytes once,
as a `SignedDocument` named by their SHA-256, with that hash in the audit log. A VGCA USB token
(PKCS#11) or a remote signing service is another pyHanko `Signer` passed to `sign_pdf`, or
signs elsewhere and its file is kept with `store_signed`: docs/documents.md, "Digital
signatures", says how."""

import datetime
import hashlib
import io
from functools import lru_cache
from pathlib import Path

from asn1crypto import pem, pkcs12, x509
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from thidua.core.services import log_action
from thidua.documents.models import SignedDocument

FIELD_NAME = "ChuKySo"


class SigningError(Exception):
    """The key material cannot be read, or the PDF cannot be signed (the message says why)."""


class WrongPassphrase(SigningError):
    """The file is a PKCS#12 file, but the passphrase does not open it."""


def signer_from_pkcs12(data: bytes, passphrase: str | None = None) -> Signer:
    """A signer holding the key and certificate chain of a PKCS#12 file's bytes. The key
    stays in memory, in the returned signer only."""
    if not is_pkcs12(data):
        raise SigningError(_("The file is not a PKCS#12 file (.p12 or .pfx) holding a "
                             "certificate and its key."))
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=[], passphrase=passphrase.encode() if passphrase else None)
    except ValueError as error:
        raise WrongPassphrase(_("The passphrase does not open the PKCS#12 file.")) from error
    except (AttributeError, TypeError):  # pyHanko, on a file that holds no private key
        signer = None
    if signer is None or signer.signing_cert is None:
        raise SigningError(_("The PKCS#12 file holds no certificate with its key."))
    check_validity(signer.signing_cert)
    return signer


def check_validity(certificate, now: datetime.datetime | None = None) -> None:
    """Refuse a certificate outside its validity period: a signature made with it is not
    valid, whatever the document."""
    now = now or timezone.now()
    if now > certificate.not_valid_after:
        raise SigningError(_("The signing certificate expired on %(date)s.")
                           % {"date": timezone.localtime(certificate.not_valid_after)
                              .strftime("%d/%m/%Y")})
    if now < certificate.not_valid_before:
        raise SigningError(_("The signing certificate is valid only from %(date)s.")
                           % {"date": timezone.localtime(certificate.not_valid_before)
                              .strftime("%d/%m/%Y")})


def is_pkcs12(data: bytes) -> bool:
    """The bytes are a PKCS#12 structure (whatever the passphrase)."""
    try:
        pfx = pkcs12.Pfx.load(data, strict=True)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in {
            "data", "signed_data"}
    except (ValueError, TypeError, KeyError):
        return False


def subject_of(signer: Signer) -> str:
    return signer.signing_cert.subject.human_friendly if signer.signing_cert else ""


def name_of(certificate) -> str:
    """The signer's name as the certificate gives it (its common name, else the subject)."""
    names = certificate.subject.native
    return names.get("common_name") or certificate.subject.human_friendly


def timestamper() -> TimeStamper | None:
    """The time-stamping authority of setting SIGNING_TSA_URL (RFC 3161), None when unset."""
    url = settings.SIGNING_TSA_URL
    return HTTPTimeStamper(url, timeout=20) if url else None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signed_bytes(pdf: bytes, signer: Signer, *, reason: str = "", location: str = "",
                 timestamper: TimeStamper | None = None) -> bytes:
    """`pdf` with a PAdES signature appended (an incremental update: the signed bytes of the
    original are unchanged): baseline B, or B-T with a time stamp when a `timestamper` (a
    time-stamping authority, see `timestamper()`) is given."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", reason=reason or None,
        location=location or None, subfilter=fields.SigSeedSubFilter.PADES)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        return signers.sign_pdf(writer, meta, signer=signer,
                                timestamper=timestamper).getvalue()
    except Exception as error:  # pyHanko raises many kinds; the caller gets one
        raise SigningError(_("The PDF could not be signed: %(error)s") % {"error": error}) \
            from error


def sign_pdf(*, by, pdf: bytes, signer: Signer, title: str, reason: str = "",
             location: str = "", obj=None, timestamper: TimeStamper | None = None
             ) -> SignedDocument:
    """Sign `pdf` and keep the result (see `store_signed`). `obj` (optional) is the record the
    document belongs to (a batch, a decision…); `timestamper` adds an RFC 3161 time stamp."""
    content = signed_bytes(pdf, signer, reason=reason, location=location,
                           timestamper=timestamper)
    return store_signed(by=by, content=content, title=title, source=pdf, obj=obj)


@transaction.atomic
def store_signed(*, by, content: bytes, title: str, source: bytes | None = None,
                 obj=None) -> SignedDocument:
    """Keep a signed PDF, signed here or elsewhere (an officer's USB token): written once
    under its SHA-256, never changed; the signer is read from its last signature, which must
    be intact, valid and cover the whole file (`check_signed`). The audit entry holds both
    hashes and the signer's certificate subject. A file already kept is refused."""
    last, status = check_signed(content)
    trusted = status.trusted if trust_roots() else None
    digest = sha256(content)
    if SignedDocument.objects.filter(sha256=digest).exists():
        raise SigningError(_("This signed file has already been kept."))
    certificate = last.signer_cert
    document = SignedDocument(
        title=title, sha256=digest, source_sha256=sha256(source) if source else "",
        signer_subject=certificate.subject.human_friendly, signer_name=name_of(certificate),
        timestamped_at=status.timestamp_validity.timestamp if status.timestamp_validity else None,
        trusted=trusted,
        signed_at=timezone.now(), signed_by=by if getattr(by, "pk", None) else None,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "")
    document.file.save(f"{digest}.pdf", ContentFile(content), save=False)
    document.save()
    log_action("thidua.document.signed", by=by, obj=document, summary=title,
               after={"sha256": digest, "source_sha256": document.source_sha256,
                      "signer": document.signer_subject, "bytes": len(content),
                      "trusted": trusted,
                      "timestamp": document.timestamped_at.isoformat()
                      if document.timestamped_at else None})
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


def check_signed(content: bytes):
    """The last signer's signature of a PDF signed here or elsewhere, with its validation
    status, after checking with pyHanko that every signature and document time stamp is
    intact and cryptographically valid and that the last one covers the whole file (nothing
    added after signing). The status also says whether the signer's certificate chains to a
    root of SIGNING_TRUST_ROOTS (`trusted`); an untrusted signer is not refused, only marked.
    Raises SigningError saying what is wrong."""
    signatures = embedded_signatures(content)
    statuses = [_validated(signature) for signature in signatures]
    signed = [(signature, status) for signature, status in zip(signatures, statuses, strict=True)
              if signature.sig_object_type != DOCUMENT_TIMESTAMP]
    if not signed:
        raise SigningError(_("The file carries no digital signature."))
    if statuses[-1].coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise SigningError(_("The last signature does not cover the whole file: something "
                             "was added after signing."))
    return signed[-1]


DOCUMENT_TIMESTAMP = "/DocTimeStamp"  # a time stamp over the file (PAdES B-LTA), no signer


def trust_roots() -> list:
    """The certificates of the SIGNING_TRUST_ROOTS folder (the VGCA root and its CAs, each a
    .cer/.crt/.der/.pem file), read once per folder; empty when the setting is empty."""
    folder = getattr(settings, "SIGNING_TRUST_ROOTS", "")
    return list(_roots_in(str(folder))) if folder else []


@lru_cache(maxsize=4)
def _roots_in(folder: str) -> tuple:
    roots = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in {".cer", ".crt", ".der", ".pem"}:
            continue
        data = path.read_bytes()
        blocks = [der for _kind, _headers, der in pem.unarmor(data, multiple=True)] \
            if pem.detect(data) else [data]
        roots += [x509.Certificate.load(der) for der in blocks]
    return tuple(roots)


def _validated(signature):
    # Integrity and coverage always; trust only against the configured roots, without
    # fetching anything (revocation is judged "soft": not refused when it cannot be checked).
    context = ValidationContext(trust_roots=trust_roots(), allow_fetching=False)
    validate = validate_pdf_timestamp if signature.sig_object_type == DOCUMENT_TIMESTAMP \
        else validate_pdf_signature
    try:
        status = validate(signature, context)
    except Exception as error:  # a signature pyHanko cannot even parse
        raise SigningError(_("A signature of the file cannot be read.")) from error
    if not (status.intact and status.valid):
        raise SigningError(_("A signature of the file is broken: the file was changed after "
                             "signing, or the signature is not valid."))
    return status
