"""The files of a decision package kept at the receiving end (docs/packages.md): the decision's
Word document and the decided dossiers' attachments, stored with the decision it created in the
same transaction, listed on the decision's page and served to those who see the decision."""

import errno
import hashlib
import io
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from tests.awards.decisions import make_draft, voted_round
from tests.awards.packages import PDF, opened, written
from tests.factories import UserFactory
from tests.proposals.test_package import PNG
from thidua.accounts.choices import Role
from thidua.awards import services as award_services
from thidua.awards.models import Decision, DecisionFile, PackageReceipt
from thidua.awards.package import PackageError, export_decision, import_package
from thidua.awards.package_files import DOCX
from thidua.proposals import services as proposal_services
from thidua.proposals.services.attachments import open_stored

# The number the decision bears at the receiving end, which has no decision of its own yet.
RECEIVED_NUMBER = "2150/QĐ-UBND"


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


@pytest.fixture
def package(tree, people, leader, reviewer, media, tmp_path):
    """The package of a decision of huyện Phú Quý deciding two dossiers, with a report of the
    commune's dossier and a photo of the district's, written to disk as another end receives
    it: there the decision bears its own number, so the import makes a fresh decision."""
    voted = voted_round(tree, people)
    proposal_services.add_attachment(by=reviewer, proposal=voted.commune, kind="report",
                                     upload=SimpleUploadedFile("Báo cáo thành tích.pdf", PDF))
    proposal_services.add_attachment(by=reviewer, proposal=voted.district, kind="evidence",
                                     upload=SimpleUploadedFile("Ảnh hoạt động.png", PNG))
    decision = award_services.issue_decision(by=leader, draft=make_draft(voted, tree.phu_quy))
    buffer = io.BytesIO()
    export_decision(decision, buffer, by=leader)
    data, files = opened(buffer.getvalue())
    data["decision"]["number"] = RECEIVED_NUMBER

    def write(name: str = "quyet-dinh.zip", changed: dict | None = None, **top) -> Path:
        return written(tmp_path / name, {**data, **top}, {**files, **(changed or {})},
                       listed=False)

    write.data, write.files, write.voted = data, files, voted
    return write


def received() -> Decision:
    return Decision.objects.get(number=RECEIVED_NUMBER)


def test_every_file_is_kept_with_the_decision_it_created(package, reviewer, media):
    before = stored_files(media)
    result = import_package(package(), by=reviewer, file_name="quyet-dinh.zip")
    assert result.counts["files"] == 3
    decision = received()
    receipt = PackageReceipt.objects.get()
    assert (result.object_id, receipt.object_id) == (str(decision.pk), str(decision.pk))
    voted = package.voted
    rows = list(decision.files.order_by("pk"))
    assert [(f.original_name, f.kind, f.dossier, f.content_type, f.receipt) for f in rows] == [
        ("quyet-dinh-1-QĐ-UBND.docx", "decision", "", DOCX, receipt),
        ("Ảnh hoạt động.png", "evidence", voted.district.number, "image/png", receipt),
        ("Báo cáo thành tích.pdf", "report", voted.commune.number, "application/pdf", receipt)]
    # Each stored under a random name of its own, beside the sending end's attachments.
    assert len(stored_files(media)) == len(before) + 3
    for row, item in zip(rows, package.data["files"], strict=True):
        assert row.stored_name.startswith("attachments/")
        assert row.original_name not in row.stored_name
        with open_stored(row.stored_name) as handle:
            content = handle.read()
        assert content == package.files[item["path"]]
        assert (row.size, row.sha256) == (len(content), hashlib.sha256(content).hexdigest())
    with open_stored(rows[0].stored_name) as handle:
        text = "\n".join(p.text for p in Document(handle).paragraphs)
    assert "QUYẾT ĐỊNH\nVề việc công nhận danh hiệu năm 2024" in text
    assert "THỦ TRƯỞNG ỦY BAN NHÂN DÂN HUYỆN PHÚ QUÝ" in text


def test_the_decision_page_lists_the_files_and_serves_them_in_scope(package, reviewer, client,
                                                                    officer, other_officer):
    import_package(package(), by=reviewer)
    decision = received()
    report = decision.files.get(kind="report")
    client.force_login(officer)  # Phú Quý: the decision gave awards in the district
    page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    html = page.content.decode()
    assert "Tệp nhận kèm gói" in html
    download = reverse("awards:decision_file", args=[decision.pk, report.pk])
    assert f'href="{download}">Báo cáo thành tích.pdf</a>' in html
    assert [row.original_name for row in page.context["received_files"]] == [
        "quyet-dinh-1-QĐ-UBND.docx", "Ảnh hoạt động.png", "Báo cáo thành tích.pdf"]
    table = html.split('id="received-file-table"')[1].split("</table>")[0]
    assert "<td>Tài liệu minh chứng</td>" in table and "<td>Quyết định (tệp Word)</td>" in table
    assert f"<td>{package.voted.commune.number}</td>" in table
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''B%C3%A1o%20c%C3%A1o%20th%C3%A0nh%20t%C3%ADch.pdf")
    assert b"".join(response.streaming_content) == PDF
    # Phan Thiết sees neither the decision nor its files; a file of another decision is not
    # reached through this one.
    client.force_login(other_officer)
    assert client.get(download).status_code == 404
    assert client.get(reverse("awards:decision_detail", args=[decision.pk])).status_code == 404
    client.force_login(officer)
    other = Decision.objects.get(number="1/QĐ-UBND")
    assert client.get(reverse("awards:decision_file",
                              args=[other.pk, report.pk])).status_code == 404


def test_a_dossier_file_goes_only_to_the_scope_of_its_unit(package, reviewer, client, tree):
    """xã Tam Thanh's officer sees the decision (it awarded the commune's people) with its own
    dossier's report, not the district's photo."""
    import_package(package(), by=reviewer)
    decision = received()
    photo, report = decision.files.get(kind="evidence"), decision.files.get(kind="report")
    assert (photo.unit, report.unit) == (tree.phu_quy, tree.tam_thanh)
    client.force_login(UserFactory(username="tamthanh", role=Role.OFFICER, unit=tree.tam_thanh))
    page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    assert [row.original_name for row in page.context["received_files"]] == [
        "quyet-dinh-1-QĐ-UBND.docx", "Báo cáo thành tích.pdf"]
    assert "Ảnh hoạt động.png" not in page.content.decode()
    assert client.get(reverse("awards:decision_file",
                              args=[decision.pk, report.pk])).status_code == 200
    assert client.get(reverse("awards:decision_file",
                              args=[decision.pk, photo.pk])).status_code == 404


def test_a_dossier_file_of_a_unit_unknown_here_goes_to_the_province_wide_roles(
        package, reviewer, officer, client):
    """A package made before files named their unit (or a unit this end does not have)."""
    listed = [{key: value for key, value in item.items() if key != "unit"}
              for item in package.data["files"]]
    import_package(package(files=listed), by=reviewer)
    decision = received()
    report = decision.files.get(kind="report")
    assert report.unit is None
    download = reverse("awards:decision_file", args=[decision.pk, report.pk])
    client.force_login(officer)
    assert client.get(download).status_code == 404
    page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    assert [row.original_name for row in page.context["received_files"]] == [
        "quyet-dinh-1-QĐ-UBND.docx"]
    client.force_login(reviewer)
    assert client.get(download).status_code == 200


def test_a_decision_without_received_files_shows_no_such_section(package, officer, client):
    client.force_login(officer)
    decision = Decision.objects.get(number="1/QĐ-UBND")
    page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    assert page.status_code == 200
    assert "Tệp nhận kèm gói" not in page.content.decode()


def test_a_dry_run_stores_nothing(package, media):
    before = stored_files(media)
    result = import_package(package(), dry_run=True)
    assert result.counts["files"] == 3
    assert (DecisionFile.objects.count(), PackageReceipt.objects.count()) == (0, 0)
    assert not Decision.objects.filter(number=RECEIVED_NUMBER).exists()
    assert stored_files(media) == before


def test_a_file_failing_its_hash_stores_nothing(package, media):
    before = stored_files(media)
    changed = {"files/0003.pdf": PDF.replace(b"%%EOF", b"%%EOX")}
    with pytest.raises(PackageError) as error:
        import_package(package("sai.zip", changed))
    assert error.value.messages == [
        "files[2].sha256: files/0003.pdf không khớp mã băm: tệp đã bị sửa hoặc bị hỏng"]
    assert (DecisionFile.objects.count(), PackageReceipt.objects.count()) == (0, 0)
    assert not Decision.objects.filter(number=RECEIVED_NUMBER).exists()
    assert stored_files(media) == before


def test_a_file_whose_content_is_not_its_type_is_refused(package, media):
    """The sending end is trusted no more than an upload: the type is told by the content."""
    data = package.data
    files = {**package.files, "files/0003.pdf": PNG}
    data = {**data, "files": [*data["files"][:2], {
        **data["files"][2], "size": len(PNG), "sha256": hashlib.sha256(PNG).hexdigest()}]}
    before = stored_files(media)
    with pytest.raises(PackageError) as error:
        import_package(written(media.parent / "gia.zip", data, files, listed=False))
    [message] = error.value.messages
    assert message.startswith("files[2]: ") and "“.pdf”" in message
    assert (DecisionFile.objects.count(), stored_files(media)) == (0, before)


def test_importing_the_same_package_again_adds_nothing(package, media):
    import_package(package())
    stored = stored_files(media)
    again = import_package(package("lai.zip", exported_at="2030-01-01T08:00:00+07:00"))
    assert again.already is True
    assert (DecisionFile.objects.count(), PackageReceipt.objects.count()) == (3, 1)
    assert stored_files(media) == stored


def test_another_package_of_the_same_decision_adds_only_the_files_it_lacks(package, media):
    import_package(package())
    stored = stored_files(media)
    # Another export of the same decision (here with ID numbers): a different package, whose
    # files the decision already holds.
    result = import_package(package("voi-so-dinh-danh.zip", with_ids=True))
    assert result.already is False
    assert "files" not in result.counts
    assert (DecisionFile.objects.count(), PackageReceipt.objects.count()) == (3, 2)
    assert stored_files(media) == stored


class FullDisk(FileSystemStorage):
    """A disk that fills up after `room` more files."""

    room = 0

    def _save(self, name, content):
        if FullDisk.room == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        FullDisk.room -= 1
        return super()._save(name, content)


def test_a_storage_failure_midway_leaves_no_row_and_no_file(package, settings, media):
    path = package()
    before = stored_files(media)
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "tests.awards.test_package_files.FullDisk"}}
    FullDisk.room = 2  # the decision and the photo are written, the report is not
    with pytest.raises(PackageError) as error:
        import_package(path)
    assert error.value.messages == [
        "Không lưu được các tệp của gói (No space left on device); không ghi gì vào sổ."]
    assert (DecisionFile.objects.count(), PackageReceipt.objects.count()) == (0, 0)
    assert not Decision.objects.filter(number=RECEIVED_NUMBER).exists()
    assert stored_files(media) == before
