"""PAdES signatures of generated certificates, with a throwaway self-signed certificate."""

import datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.core.exceptions import ValidationError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from tests.documents.certificate_support import make_certified, page_texts
from thidua.core.models import AuditEntry
from thidua.documents import signing
from thidua.documents.certificates import services
from thidua.documents.models import SignedDocument

pytestmark = pytest.mark.django_db
PASSPHRASE = "mật-khẩu-thử"


def throwaway_pkcs12(common_name: str = "Nguyễn Hồng Hải") -> tuple[bytes, x509.Certificate]:
    """A key and a self-signed certificate valid for a day, in a PKCS#12 file."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND tỉnh Bình Thuận"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=True, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"thidua", key, certificate, None,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()))
    return data, certificate


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
