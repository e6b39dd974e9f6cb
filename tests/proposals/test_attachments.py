"""Attachments: the type told by content, the size cap, the zip-bomb guard, random names under
MEDIA_ROOT/attachments/, sha256 kept, nothing half-written on refusal."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from PIL import Image

from tests.proposals.conftest import counts
from thidua.proposals import filetypes, services
from thidua.proposals.services import DossierError

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Báo cáo"
    workbook.save(buffer)
    return buffer.getvalue()


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word package: content types naming the document's main part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_pdf_is_stored_under_a_random_name_with_its_sha256(dossier, zone_officer, media):
    attachment = services.add_attachment(by=zone_officer, proposal=dossier, kind="submission",
                                         upload=upload("To trinh 15.pdf", PDF))
    assert (attachment.original_name, attachment.content_type, attachment.size,
            attachment.sha256) == ("To trinh 15.pdf", "application/pdf", len(PDF),
                                   hashlib.sha256(PDF).hexdigest())
    stored = media / attachment.stored_name
    assert attachment.stored_name.startswith("attachments/")
    assert "To trinh" not in attachment.stored_name and stored.suffix == ""
    assert stored.read_bytes() == PDF


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("bao-cao.xlsx", xlsx_bytes(), "xlsx"), ("bao-cao.docx", docx_bytes(), "docx"),
    ("anh.png", png_bytes(), "png"),
])
def test_office_files_and_images_are_recognised_by_content(name, content, kind):
    assert filetypes.detect(io.BytesIO(content), name).key == kind


@pytest.mark.parametrize(("name", "content", "message"), [
    ("hoa-don.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200,
     "Chỉ đính kèm được tệp PDF, Word (.docx), Excel (.xlsx), JPEG và PNG; tệp này không "
     "thuộc loại nào trong số đó."),
    ("bao-cao.docx", xlsx_bytes(),
     "Tên tệp có đuôi “.docx” nhưng nội dung là tệp Excel (.xlsx): hãy đổi tên tệp hoặc đính "
     "kèm đúng tệp."),
    ("cat-ngang.pdf", PDF[:30], "Tệp PDF không đầy đủ hoặc bị hỏng."),
    ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "Ảnh bị hỏng hoặc quá lớn để mở."),
    ("nen.docx", b"PK\x03\x04" + b"\x00" * 100,
     "Tệp bị hỏng hoặc không phải tài liệu Word, Excel."),
])
def test_a_disguised_or_damaged_file_is_refused_and_nothing_is_written(
        dossier, zone_officer, media, name, content, message):
    before = counts()
    with pytest.raises(DossierError) as refused:
        services.add_attachment(by=zone_officer, proposal=dossier, kind="evidence",
                                upload=upload(name, content))
    assert str(refused.value) == message
    assert counts() == before
    assert not (media / "attachments").exists()


def test_a_zip_bomb_is_refused(dossier, zone_officer, media):
    bomb = docx_bytes({"word/media/padding.bin": b"\x00" * (30 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024
    before = counts()
    with pytest.raises(DossierError, match="bom zip"):
        services.add_attachment(by=zone_officer, proposal=dossier, kind="evidence",
                                upload=upload("bao-cao.docx", bomb))
    assert counts() == before


def test_an_oversized_file_is_refused(dossier, zone_officer, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    before = counts()
    with pytest.raises(DossierError) as refused:
        services.add_attachment(by=zone_officer, proposal=dossier, kind="evidence",
                                upload=upload("lon.pdf", PDF + b"%" * 2000))
    assert str(refused.value).startswith("Tệp có dung lượng 2,0")
    assert counts() == before


def test_after_submission_the_reviewer_attaches_and_the_officer_cannot(
        dossier, rated, zone_officer, province_reviewer, ldtt):
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    dossier.refresh_from_db()
    services.act(dossier, "submit", by=zone_officer, version=dossier.version)
    with pytest.raises(DossierError):
        services.add_attachment(by=zone_officer, proposal=dossier, kind="evidence",
                                upload=upload("bo-sung.pdf", PDF))
    report = services.add_attachment(by=province_reviewer, proposal=dossier, kind="minutes",
                                     upload=upload("bien-ban-tham-dinh.pdf", PDF))
    assert report.uploaded_by == province_reviewer


def test_removing_deletes_the_stored_file_after_commit(dossier, zone_officer, media,
                                                       django_capture_on_commit_callbacks):
    attachment = services.add_attachment(by=zone_officer, proposal=dossier, kind="evidence",
                                         upload=upload("minh-chung.pdf", PDF))
    stored = media / attachment.stored_name
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(by=zone_officer, attachment=attachment)
    assert not stored.exists()
    assert dossier.attachments.count() == 0
