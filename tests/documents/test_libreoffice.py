"""The Word documents open in LibreOffice as officers' offices open them: every built-in
template, filled, converted to PDF by headless LibreOffice in one call, comes out on A4 with
its header block, its title, its Vietnamese text and its signature intact.

`make test` installs LibreOffice (Debian's libreoffice-writer-nogui) as it installs Chromium.
Run by hand without it, the test is skipped; under CI it fails, so that CI never passes
without it."""

import io
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.documents.conftest import downloaded
from thidua.documents.choices import DocumentKind
from thidua.documents.word import builtin, render
from thidua.documents.word.layout import MOTTO, NATIONAL_TITLE
from thidua.documents.word.samples import SAMPLES

A4 = (595.3, 841.9)  # points


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice is not installed: `make office` installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def converted(files: dict[str, bytes], folder: Path) -> dict[str, str]:
    """Each .docx converted to PDF in one LibreOffice call; name -> the PDF's text (NFC)."""
    for name, content in files.items():
        (folder / f"{name}.docx").write_bytes(content)
    profile = folder / "profile"  # its own user profile: no clash with a running LibreOffice
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder),
                    *sorted(str(folder / f"{name}.docx") for name in files)],
                   check=True, capture_output=True, timeout=180)
    texts = {}
    for name in files:
        reader = PdfReader(io.BytesIO((folder / f"{name}.pdf").read_bytes()))
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert (round(width), round(height)) == (round(A4[0]), round(A4[1])), name
        texts[name] = unicodedata.normalize(
            "NFC", "\n".join(page.extract_text() for page in reader.pages))
    return texts


def flat(text: str) -> str:
    """The text with its line breaks and repeated spaces as single spaces."""
    return " ".join(text.split())


def test_every_document_opens_in_libreoffice(client, reviewer, decision, tmp_path):
    client.force_login(reviewer)
    response = client.get(reverse("documents:decision", args=[decision.pk]))
    downloaded(response)
    files = {"decision": response.content}
    for kind in DocumentKind:
        if kind != DocumentKind.DECISION:
            files[kind.value] = render.render(builtin.template_bytes(kind), SAMPLES[kind])
    texts = converted(files, tmp_path)

    for name, text in texts.items():
        if name not in (DocumentKind.REPORT_INDIVIDUAL, DocumentKind.REPORT_COLLECTIVE):
            assert NATIONAL_TITLE in text and MOTTO in text, name
    decision_text = flat(texts["decision"])
    assert "QUYẾT ĐỊNH Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in decision_text
    assert "Số: 05/QĐ-UBND" in decision_text
    assert "Bình Thuận, ngày 05 tháng 01 năm 2026" in decision_text
    # The annex: individuals in Vietnamese order by given name, the NFD/Ð name mended.
    order = [decision_text.index(name) for name in (
        "Lê Văn An", "Đặng Thị Ánh", "Trần Văn Bình", "Võ Thị Dung", "Nguyễn Văn Đức",
        "Nguyễn Thị Hoà")]
    assert order == sorted(order)
    assert "Nguyễn Văn Phong" in decision_text
    minutes = flat(texts[DocumentKind.VOTE_MINUTES])
    assert "BIÊN BẢN" in minutes and "Nguyễn Thị Hoà, UBND huyện Phú Quý" in minutes
    assert "93,3%" in minutes
    submission = flat(texts[DocumentKind.SUBMISSION])
    assert "TỜ TRÌNH" in submission
    report = flat(texts[DocumentKind.REPORT_INDIVIDUAL])
    assert "BÁO CÁO THÀNH TÍCH" in report and "Nguyễn Thị Hoà" in report
    assert "Chiến sĩ thi đua cơ sở" in report
