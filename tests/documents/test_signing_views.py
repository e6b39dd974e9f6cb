"""The signing screen of a decision's certificates: sign a batch's PDF with an uploaded
PKCS#12 key, keep a PDF signed elsewhere, list and download the signed versions; every bad
input gets a message and writes nothing."""


import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from tests.documents.certificate_support import make_certified, page_texts
from tests.documents.signing_support import PASSPHRASE, issued_pkcs12, throwaway_pkcs12
from thidua.core.models import AuditEntry
from thidua.documents import signing
from thidua.documents.certificates import services
from thidua.documents.models import SignedDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SIGNING_TSA_URL = ""


@pytest.fixture
def batch(tree, reviewer):
    decision = make_certified(tree).decision
    return services.run_batch(services.start_batch(by=reviewer, decision=decision))


@pytest.fixture
def batch_pdf(batch) -> bytes:
    with batch.pdf.open("rb") as stored:
        return stored.read()


@pytest.fixture
def as_leader(client, leader):
    client.force_login(leader)
    return client


def key_file(data: bytes, name: str = "chu-ky.p12") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/x-pkcs12")


def sign(client, batch, data: bytes, passphrase: str = PASSPHRASE):
    return client.post(reverse("certificates:sign", args=[batch.decision_id]),
                       {"batch": batch.pk, "key_file": key_file(data),
                        "passphrase": passphrase})


def upload(client, decision_id: int, content: bytes, title: str = "Bản ký bằng USB token"):
    return client.post(reverse("certificates:upload_signed", args=[decision_id]),
                       {"title": title, "file": SimpleUploadedFile("ky.pdf", content,
                                                                   "application/pdf")})


def nothing_written() -> bool:
    return (not SignedDocument.objects.exists()
            and not AuditEntry.objects.filter(action="thidua.document.signed").exists())


def test_a_leader_signs_a_batch_and_downloads_the_signed_version(as_leader, batch, batch_pdf):
    data, certificate = throwaway_pkcs12()

    response = sign(as_leader, batch, data)

    assert response.status_code == 302
    document = SignedDocument.objects.get()
    assert document.signer_name == "Nguyễn Hồng Hải"
    assert document.source_sha256 == signing.sha256(batch_pdf)
    assert (document.object_type, document.object_id) == ("awards.decision",
                                                          str(batch.decision_id))
    page = as_leader.get(response["Location"]).content.decode()
    assert "Nguyễn Hồng Hải" in page and document.sha256 in page
    assert "Đã ký bởi Nguyễn Hồng Hải" in page

    download = as_leader.get(reverse("certificates:signed_file", args=[document.pk]))
    signed = b"".join(download.streaming_content)
    assert signing.sha256(signed) == document.sha256
    assert signed.startswith(batch_pdf)
    assert page_texts(signed) == page_texts(batch_pdf)
    [signature] = signing.embedded_signatures(signed)
    status = validate_pdf_signature(signature, ValidationContext(
        trust_roots=[signing.signer_from_pkcs12(data, PASSPHRASE).signing_cert]))
    assert (status.intact, status.valid, status.trusted) == (True, True, True)
    entry = AuditEntry.objects.get(action="thidua.document.signed")
    assert entry.after["sha256"] == document.sha256
    assert PASSPHRASE not in str(entry.after) and PASSPHRASE not in entry.summary


@pytest.mark.parametrize(("content", "passphrase", "message"), [
    ("key", "sai-mật-khẩu", "Mật khẩu không mở được tệp PKCS#12."),
    (b"%PDF-1.7 this is no key", PASSPHRASE, "Tệp không phải là tệp PKCS#12"),
    (b"", PASSPHRASE, "Tập tin được gửi là rỗng."),
])
def test_a_bad_key_or_passphrase_is_told_and_nothing_is_signed(as_leader, batch, content,
                                                               passphrase, message):
    data = throwaway_pkcs12()[0] if content == "key" else content
    response = sign(as_leader, batch, data, passphrase)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_written()


def test_a_too_large_key_file_is_refused_unread(as_leader, batch):
    response = sign(as_leader, batch, b"0" * (200 * 1024))
    assert response.status_code == 302
    page = as_leader.get(response["Location"]).content.decode()
    assert "lớn hơn 64 KB" in page
    assert nothing_written()


def test_a_pdf_signed_elsewhere_is_kept_after_checking(as_leader, batch, batch_pdf):
    data, _certificate = throwaway_pkcs12("Trần Thị Ký")
    signed = signing.signed_bytes(batch_pdf, signing.signer_from_pkcs12(data, PASSPHRASE))

    response = upload(as_leader, batch.decision_id, signed)

    assert response.status_code == 302
    document = SignedDocument.objects.get()
    assert (document.signer_name, document.title) == ("Trần Thị Ký", "Bản ký bằng USB token")
    assert document.sha256 == signing.sha256(signed)
    assert signing.verify_stored(document) is True
    assert AuditEntry.objects.get(action="thidua.document.signed").after["sha256"] == \
        document.sha256


def tampered(signed: bytes) -> bytes:
    index = signed.index(b"/MediaBox")
    return signed[:index] + b"/MediaBoy" + signed[index + 9:]


@pytest.mark.parametrize(("change", "message"), [
    ("unsigned", "Tệp không có chữ ký số nào."),
    ("tampered", "Một chữ ký của tệp bị hỏng"),
    ("appended", "Chữ ký cuối cùng không bao trùm toàn bộ tệp"),
    ("not a pdf", "Tệp không phải là tệp PDF đọc được."),
])
def test_an_unsigned_tampered_or_broken_upload_is_refused(as_leader, batch, batch_pdf, change,
                                                          message):
    data, _certificate = throwaway_pkcs12()
    signed = signing.signed_bytes(batch_pdf, signing.signer_from_pkcs12(data, PASSPHRASE))
    content = {"unsigned": batch_pdf, "tampered": tampered(signed),
               "appended": signed + b"\n% added\n", "not a pdf": b"GIF89a"}[change]
    response = upload(as_leader, batch.decision_id, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_written()


def test_a_too_large_upload_is_refused(as_leader, batch, batch_pdf, settings):
    settings.SIGNING_UPLOAD_MAX_BYTES = 1024 * 1024
    response = upload(as_leader, batch.decision_id, batch_pdf + b" " * (1024 * 1024))
    assert response.status_code == 400
    assert "Tệp lớn hơn 1 MB." in response.content.decode()
    assert nothing_written()


def test_an_officer_reads_the_list_but_does_not_sign(client, tree, batch):
    from tests.factories import UserFactory
    from thidua.accounts.choices import Role
    provincial_officer = UserFactory(username="canbo-tinh", role=Role.OFFICER, unit=tree.province)
    client.force_login(provincial_officer)
    page = client.get(reverse("certificates:signatures", args=[batch.decision_id]))
    assert page.status_code == 200
    assert 'id="sign-form"' not in page.content.decode()
    assert sign(client, batch, throwaway_pkcs12()[0]).status_code == 403
    assert nothing_written()


def test_a_decision_outside_the_scope_is_not_found(client, officer, batch):
    client.force_login(officer)  # Phú Quý's officer; the decision is the province's
    assert client.get(reverse("certificates:signatures",
                              args=[batch.decision_id])).status_code == 404


def test_the_time_stamp_choice_is_offered_only_with_a_tsa(as_leader, batch, settings):
    url = reverse("certificates:signatures", args=[batch.decision_id])
    assert 'name="timestamp"' not in as_leader.get(url).content.decode()
    settings.SIGNING_TSA_URL = "http://tsa.example.vn/tsa"
    assert 'name="timestamp"' in as_leader.get(url).content.decode()


def test_the_key_file_is_never_written_to_a_temporary_file(as_leader, batch, tmp_path,
                                                           settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    (tmp_path / "uploads").mkdir()
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # any other upload would go to that folder
    response = sign(as_leader, batch, throwaway_pkcs12()[0])
    assert response.status_code == 302
    assert list((tmp_path / "uploads").iterdir()) == []
    assert SignedDocument.objects.count() == 1


def test_the_list_says_whether_the_signer_is_from_a_trusted_authority(as_leader, batch,
                                                                      batch_pdf, settings,
                                                                      tmp_path):
    data, _certificate, authority = issued_pkcs12("Trần Thị Ký")
    stranger, _certificate, _authority = issued_pkcs12("Người lạ")  # of another authority
    settings.SIGNING_TRUST_ROOTS = str(tmp_path / "roots")
    (tmp_path / "roots").mkdir()
    (tmp_path / "roots" / "vgca.crt").write_bytes(authority.public_bytes(Encoding.PEM))
    upload(as_leader, batch.decision_id,
           signing.signed_bytes(batch_pdf, signing.signer_from_pkcs12(data, PASSPHRASE)),
           title="Bản ký của Ban Cơ yếu")
    upload(as_leader, batch.decision_id, signing.signed_bytes(
        batch_pdf, signing.signer_from_pkcs12(stranger, PASSPHRASE)), title="Bản ký của người lạ")
    page = as_leader.get(reverse("certificates:signatures", args=[batch.decision_id]))
    rows = {row.split("</td>")[0].split(">")[-1]: row
            for row in page.content.decode().split("<tr>")[2:]}
    assert ">tin cậy<" in rows["Bản ký của Ban Cơ yếu"]
    assert "không thuộc tổ chức tin cậy" in rows["Bản ký của người lạ"]
