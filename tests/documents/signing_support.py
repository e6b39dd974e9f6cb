"""Throwaway key material for the signature tests, made in the test (never stored in git): a
self-signed signing certificate in a PKCS#12 file, and a time-stamping authority for pyHanko's
in-process DummyTimeStamper."""

import datetime

from asn1crypto import keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

PASSPHRASE = "mật-khẩu-thử"


def _certificate(name: str, key, usage: x509.ExtendedKeyUsage | None, *, ca: bool,
                 issuer: tuple[x509.Certificate, object] | None = None,
                 valid_days: tuple[float, float] = (0, 1)) -> x509.Certificate:
    """Valid for a day (or from and until `valid_days` days from now); self-signed, or
    signed by `issuer` (its certificate and key)."""
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND tỉnh Bình Thuận"),
                         x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder().subject_name(subject)
        .issuer_name(issuer[0].subject if issuer else subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now + datetime.timedelta(days=valid_days[0], minutes=-5))
        .not_valid_after(now + datetime.timedelta(days=valid_days[1]))
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=ca, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if usage is not None:
        builder = builder.add_extension(usage, critical=not ca)
    return builder.sign(issuer[1] if issuer else key, hashes.SHA256())


def throwaway_pkcs12(common_name: str = "Nguyễn Hồng Hải", *, with_key: bool = True,
                     valid_days: tuple[float, float] = (0, 1)) -> tuple[bytes, x509.Certificate]:
    """A key and a self-signed certificate valid for a day (or as `valid_days` says), in a
    PKCS#12 file; without `with_key`, the certificate alone."""
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _certificate(common_name, key,
                               x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), ca=True,
                               valid_days=valid_days)
    data = pkcs12.serialize_key_and_certificates(
        b"thidua", key if with_key else None, certificate, None,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()))
    return data, certificate


def dummy_timestamper() -> tuple[DummyTimeStamper, asn1_x509.Certificate]:
    """pyHanko's in-process time-stamping authority (RSA, as it requires), and its
    certificate (the trust root to validate its time stamps)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = _certificate("TSA thử nghiệm", key,
                               x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), ca=False)
    tsa_cert = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    tsa_key = keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return DummyTimeStamper(tsa_cert=tsa_cert, tsa_key=tsa_key), tsa_cert


def issued_pkcs12(common_name: str = "Nguyễn Hồng Hải"
                  ) -> tuple[bytes, x509.Certificate, x509.Certificate]:
    """A certificate authority (a stand-in for the VGCA's) and a signer's key and certificate
    issued by it, in a PKCS#12 file carrying the authority's certificate as its chain:
    (the file, the signer's certificate, the authority's certificate)."""
    authority_key = ec.generate_private_key(ec.SECP256R1())
    authority = _certificate("CA thử nghiệm – Ban Cơ yếu", authority_key,
                             x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _certificate(common_name, key, None, ca=False,
                               issuer=(authority, authority_key))
    data = pkcs12.serialize_key_and_certificates(
        b"thidua", key, certificate, [authority],
        serialization.BestAvailableEncryption(PASSPHRASE.encode()))
    return data, certificate, authority
