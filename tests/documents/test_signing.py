"""PAdES signatures of generated certificates, with a throwaway self-signed certificate."""

import io

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import ValidationError
from django.utils import translation
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.signers import PdfTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from tests.documents.certificate_support import make_certified, page_texts
from tests.documents.signing_support import (
    PASSPHRASE,
    dummy_timestamper,
    issued_pkcs12,
    throwaway_pkcs12,
)
from thidua.core.models import AuditEntry
from thidua.documents import signing
from thidua.documents.certificates import services
from thidua.documents.models import SignedDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def certificate_pdf(tree) -> bytes:
    return services.decision_pdf(make_certified(tree).decision, by=None)


def test_a_certificate_is_signed_validly_and_stored_under_its_hash(certificate_pdf, admin_user):
    data, certificate = throwaway_pkcs12()
    signer = signing.signer_from_pkcs12(data, PASSPHRASE)

    document = signing.sign_pdf(by=admin_user, pdf=certificate_pdf, signer=signer,
                                title="Bằng khen – 120/QĐ-UBND", reason="Cấp bằng khen",
                                location="Bình Thuận")

    with document.file.open("rb") as stored:
        signed = stored.read()
    assert signed[:len(certificate_pdf)] == certificate_pdf  # an incremental update
    assert document.sha256 == signing.sha256(signed)
    assert document.source_sha256 == signing.sha256(certificate_pdf)
    assert document.signer_subject == signing.subject_of(signer)
    assert "Nguyễn Hồng Hải" in document.signer_subject
    assert signing.verify_stored(document) is True

    [signature] = signing.embedded_signatures(signed)
    trust = ValidationContext(trust_roots=[signer.signing_cert])
    status = validate_pdf_signature(signature, trust)
    assert (status.intact, status.valid, status.trusted) == (True, True, True)
    assert status.coverage.name == "ENTIRE_FILE"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert page_texts(signed) == page_texts(certificate_pdf)

    entry = AuditEntry.objects.get(action="thidua.document.signed")
    assert entry.actor == admin_user
    assert entry.after["sha256"] == document.sha256
    assert entry.after["source_sha256"] == document.source_sha256


def test_a_signed_document_is_never_changed(certificate_pdf):
    data, _certificate = throwaway_pkcs12()
    document = signing.sign_pdf(by=None, pdf=certificate_pdf, title="x",
                                signer=signing.signer_from_pkcs12(data, PASSPHRASE))
    document.title = "changed"
    with pytest.raises(ValidationError):
        document.save()
    assert SignedDocument.objects.get().title == "x"


def test_a_wrong_passphrase_is_a_clear_error():
    data, _certificate = throwaway_pkcs12()
    with pytest.raises(signing.SigningError, match="PKCS#12"):
        signing.signer_from_pkcs12(data, "sai")


def test_a_modified_file_no_longer_validates(certificate_pdf):
    data, _certificate = throwaway_pkcs12()
    signer = signing.signer_from_pkcs12(data, PASSPHRASE)
    signed = signing.signed_bytes(certificate_pdf, signer)
    # Change one byte inside the signed range (the first page's content), not the signature.
    index = signed.index(b"/MediaBox")
    tampered = signed[:index] + b"/MediaBoy" + signed[index + 9:]

    [signature] = signing.embedded_signatures(tampered)
    status = validate_pdf_signature(signature, ValidationContext(
        trust_roots=[signer.signing_cert]))
    assert status.intact is False


def test_a_file_signed_elsewhere_is_kept_with_its_signer(certificate_pdf, admin_user):
    data, _certificate = throwaway_pkcs12("Trần Thị Ký")
    signed = signing.signed_bytes(certificate_pdf, signing.signer_from_pkcs12(data, PASSPHRASE))

    document = signing.store_signed(by=admin_user, content=signed, title="Ký trên máy cán bộ")

    assert "Trần Thị Ký" in document.signer_subject
    assert document.source_sha256 == ""
    assert signing.verify_stored(document) is True


def test_an_unsigned_or_broken_file_is_refused(certificate_pdf):
    with pytest.raises(signing.SigningError):
        signing.store_signed(by=None, content=certificate_pdf, title="x")
    with pytest.raises(signing.SigningError):
        signing.store_signed(by=None, content=b"not a pdf", title="x")
    assert SignedDocument.objects.count() == 0


def test_a_file_holding_a_certificate_without_its_key_is_refused():
    data, _certificate = throwaway_pkcs12(with_key=False)
    with pytest.raises(signing.SigningError, match="PKCS#12") as raised:
        signing.signer_from_pkcs12(data, PASSPHRASE)
    assert not isinstance(raised.value, signing.WrongPassphrase)


@pytest.mark.parametrize(("valid_days", "says"), [((-30, -1), "expired on"),
                                                   ((2, 30), "valid only from")])
def test_a_certificate_outside_its_validity_period_signs_nothing(valid_days, says):
    data, _certificate = throwaway_pkcs12(valid_days=valid_days)
    with translation.override("en"), pytest.raises(signing.SigningError, match=says):
        signing.signer_from_pkcs12(data, PASSPHRASE)


def test_a_file_that_is_no_pkcs12_is_told_apart_from_a_wrong_passphrase():
    with pytest.raises(signing.SigningError, match="PKCS#12") as raised:
        signing.signer_from_pkcs12(b"%PDF-1.7 not a key", PASSPHRASE)
    assert not isinstance(raised.value, signing.WrongPassphrase)
    data, _certificate = throwaway_pkcs12()
    with pytest.raises(signing.WrongPassphrase):
        signing.signer_from_pkcs12(data, "sai")


def test_bytes_added_after_signing_are_refused(certificate_pdf):
    data, _certificate = throwaway_pkcs12()
    signed = signing.signed_bytes(certificate_pdf, signing.signer_from_pkcs12(data, PASSPHRASE))
    with pytest.raises(signing.SigningError, match="whole file|toàn bộ tệp"):
        signing.store_signed(by=None, content=signed + b"\n% added later\n", title="x")
    assert SignedDocument.objects.count() == 0


def test_a_signature_with_a_time_stamp_validates_and_records_its_time(certificate_pdf,
                                                                      admin_user):
    data, _certificate = throwaway_pkcs12()
    signer = signing.signer_from_pkcs12(data, PASSPHRASE)
    stamper, tsa_certificate = dummy_timestamper()

    document = signing.sign_pdf(by=admin_user, pdf=certificate_pdf, signer=signer, title="x",
                                timestamper=stamper)

    with document.file.open("rb") as stored:
        [signature] = signing.embedded_signatures(stored.read())
    status = validate_pdf_signature(
        signature, ValidationContext(trust_roots=[signer.signing_cert]),
        ts_validation_context=ValidationContext(trust_roots=[tsa_certificate]))
    assert (status.intact, status.valid, status.trusted) == (True, True, True)
    stamp = status.timestamp_validity
    assert (stamp.intact, stamp.valid, stamp.trusted) == (True, True, True)
    assert document.timestamped_at is not None
    assert abs((document.timestamped_at - document.signed_at).total_seconds()) < 60
    entry = AuditEntry.objects.get(action="thidua.document.signed")
    assert entry.after["timestamp"] == document.timestamped_at.isoformat()


def test_without_a_time_stamp_none_is_recorded(certificate_pdf):
    data, _certificate = throwaway_pkcs12()
    document = signing.sign_pdf(by=None, pdf=certificate_pdf, title="x",
                                signer=signing.signer_from_pkcs12(data, PASSPHRASE))
    assert document.timestamped_at is None


def test_the_time_stamping_authority_comes_from_the_setting(settings):
    settings.SIGNING_TSA_URL = ""
    assert signing.timestamper() is None
    settings.SIGNING_TSA_URL = "http://tsa.example.vn/tsa"
    stamper = signing.timestamper()
    assert stamper.url == "http://tsa.example.vn/tsa"


def test_a_document_time_stamp_after_the_signature_is_kept_with_the_signer(certificate_pdf):
    """Remote signing services often add a document time stamp (PAdES B-LTA) after the
    signature: the signer is still the one named, and the time stamp must be intact too."""
    data, _certificate = throwaway_pkcs12("Trần Thị Ký")
    signed = signing.signed_bytes(certificate_pdf, signing.signer_from_pkcs12(data, PASSPHRASE))
    stamper, _tsa = dummy_timestamper()
    stamped = PdfTimeStamper(stamper).timestamp_pdf(
        IncrementalPdfFileWriter(io.BytesIO(signed)), "sha256").getvalue()

    document = signing.store_signed(by=None, content=stamped, title="x")

    assert document.signer_name == "Trần Thị Ký"
    with pytest.raises(signing.SigningError):
        signing.store_signed(by=None, content=stamped + b"\n% later\n", title="y")


# -- trust in the signer's certificate authority ---------------------------------------------
def write_roots(folder, *certificates, pem: bool = True) -> str:
    folder.mkdir()
    for number, certificate in enumerate(certificates, start=1):
        encoding = serialization.Encoding.PEM if pem else serialization.Encoding.DER
        (folder / f"root-{number}.{'pem' if pem else 'cer'}").write_bytes(
            certificate.public_bytes(encoding))
    (folder / "README.txt").write_text("not a certificate")
    return str(folder)


def test_a_signer_issued_by_a_trusted_authority_is_marked_trusted(certificate_pdf, settings,
                                                                  tmp_path):
    data, _certificate, authority = issued_pkcs12()
    settings.SIGNING_TRUST_ROOTS = write_roots(tmp_path / "roots", authority, pem=False)
    document = signing.sign_pdf(by=None, pdf=certificate_pdf, title="x",
                                signer=signing.signer_from_pkcs12(data, PASSPHRASE))
    assert document.trusted is True
    assert AuditEntry.objects.get(action="thidua.document.signed").after["trusted"] is True


def test_a_signer_of_another_authority_is_kept_but_marked_untrusted(certificate_pdf, settings,
                                                                    tmp_path):
    data, _certificate, _authority = issued_pkcs12()
    _other, _other_certificate, other_authority = issued_pkcs12("Người khác")
    settings.SIGNING_TRUST_ROOTS = write_roots(tmp_path / "roots", other_authority)
    signed = signing.signed_bytes(certificate_pdf, signing.signer_from_pkcs12(data, PASSPHRASE))
    document = signing.store_signed(by=None, content=signed, title="Ký bằng USB token")
    assert document.trusted is False
    assert signing.verify_stored(document) is True


def test_without_trust_roots_trust_is_not_judged(certificate_pdf, settings):
    settings.SIGNING_TRUST_ROOTS = ""
    data, _certificate, _authority = issued_pkcs12()
    document = signing.sign_pdf(by=None, pdf=certificate_pdf, title="x",
                                signer=signing.signer_from_pkcs12(data, PASSPHRASE))
    assert document.trusted is None
