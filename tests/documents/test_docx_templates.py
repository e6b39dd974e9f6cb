"""Replacing a built-in Word template: checked on upload (a misspelled or missing placeholder,
a corrupt file are refused with a message naming the problem), then used for its unit."""

import io

from django.urls import reverse
from docx import Document

from tests.documents.conftest import cells, downloaded
from thidua.core.models import AuditEntry
from thidua.documents.choices import DocumentKind
from thidua.documents.models import DocumentTemplate
from thidua.documents.word import builtin

UPLOAD = reverse("documents:template_upload")


def edited(kind: str, old: str, new: str) -> bytes:
    """The built-in template with one text changed, as an administrator would in Word."""
    document = Document(io.BytesIO(builtin.template_bytes(kind)))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client, content: bytes, kind=DocumentKind.DECISION, unit=""):
    handle = io.BytesIO(content)
    handle.name = "mau-quyet-dinh.docx"
    return client.post(UPLOAD, {"kind": kind, "unit": unit, "file": handle})


def test_a_misspelled_placeholder_is_named(client, admin_user):
    client.force_login(admin_user)
    response = upload(client, edited(DocumentKind.DECISION, "{{ tham_quyen }}",
                                     "{{ tham_quyenn }}"))
    assert response.status_code == 400
    assert ("Mẫu dùng trường không có trong văn bản này: {{ tham_quyenn }} (có phải là "
            "{{ tham_quyen }}?).") in response.content.decode()
    assert DocumentTemplate.objects.count() == 0


def test_a_misspelled_field_of_a_list_item_is_named(client, admin_user):
    client.force_login(admin_user)
    response = upload(client, edited(DocumentKind.DECISION, "{{ dieu }}", "{{ dieu.noi_dung }}"))
    assert response.status_code == 400
    assert "Mẫu dùng trường “noi_dung”, không có trong văn bản này." in response.content.decode()


def test_a_missing_placeholder_and_a_broken_tag(client, admin_user):
    client.force_login(admin_user)
    response = upload(client, edited(DocumentKind.DECISION, "{{ trich_yeu }}", "Về việc"))
    assert "Mẫu không dùng {{ trich_yeu }}, trường bắt buộc của văn bản này." in (
        response.content.decode())
    response = upload(client, edited(DocumentKind.DECISION, "{{ trich_yeu }}", "{{ trich_yeu }"))
    assert response.status_code == 400
    assert "Một trường hoặc một lệnh của mẫu bị viết sai" in response.content.decode()


def test_a_corrupt_file_is_refused(client, admin_user):
    client.force_login(admin_user)
    for content in (b"not a word file", builtin.template_bytes(DocumentKind.DECISION)[:5000]):
        response = upload(client, content)
        assert response.status_code == 400
        assert "Tệp không phải là văn bản Word (.docx) hợp lệ" in response.content.decode()
    assert DocumentTemplate.objects.count() == 0


def test_a_unit_template_is_used_for_its_unit_and_below(client, admin_user, reviewer, tree,
                                                        decision):
    client.force_login(admin_user)
    content = edited(DocumentKind.DECISION, "QUYẾT ĐỊNH:", "QUYẾT ĐỊNH (MẪU RIÊNG):")
    assert upload(client, content, unit=tree.province.pk).status_code == 302
    template = DocumentTemplate.objects.get()
    assert (template.kind, template.unit, template.active) == ("decision", tree.province, True)
    assert AuditEntry.objects.filter(action="thidua.document_template.uploaded").count() == 1
    client.force_login(reviewer)
    url = reverse("documents:decision", args=[decision.pk])
    document = downloaded(client.get(url))
    assert "QUYẾT ĐỊNH (MẪU RIÊNG):" in [p.text for p in document.paragraphs]
    assert cells(document.tables[0])[1] == ["Số: 05/QĐ-UBND",
                                            "Bình Thuận, ngày 05 tháng 01 năm 2026"]
    # Retired: back to the built-in template.
    client.force_login(admin_user)
    client.post(reverse("documents:template_retire", args=[template.pk]))
    client.force_login(reviewer)
    assert "QUYẾT ĐỊNH:" in [p.text for p in downloaded(client.get(url)).paragraphs]


def test_only_administrators_replace_templates(client, officer):
    client.force_login(officer)
    response = upload(client, builtin.template_bytes(DocumentKind.DECISION))
    assert response.status_code == 403
    page = client.get(reverse("documents:templates")).content.decode()
    assert 'id="template-upload"' not in page
    assert reverse("documents:builtin_template", args=["decision"]) in page
    assert reverse("awards:import_template") in page


def test_every_built_in_template_downloads_and_passes_its_own_check(client, officer):
    from thidua.documents import services

    client.force_login(officer)
    for kind in DocumentKind.values:
        response = client.get(reverse("documents:builtin_template", args=[kind]))
        assert response.status_code == 200
        services.check_template(kind, response.content)
    assert client.get(reverse("documents:builtin_template", args=["x"])).status_code == 404
