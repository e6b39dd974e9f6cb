"""The dossier package (docs/packages.md): a dossier with its nominees and files, exported for
the level above, and imported there as a dossier `submitted` in one of its rounds."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tests.awards.decisions import make_dossier, make_round, nominate
from tests.awards.packages import PDF, opened, written
from thidua.awards.models import PackageReceipt
from thidua.awards.package import import_package
from thidua.awards.package_format import PackageError
from thidua.core.models import AuditEntry
from thidua.proposals import deadlines
from thidua.proposals import services as proposal_services
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Attachment, Nominee, Proposal, Transition
from thidua.proposals.package import export_dossier


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    return buffer.getvalue()


PNG = png_bytes()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sent(tree, people, reviewer):
    """A voted dossier of xã Tam Thanh: Bình (with an ID number) and the commune itself, a
    report for the whole dossier and a photo of Bình's work."""
    people.binh.personal_id = "048079000456"
    people.binh.save(update_fields=["personal_id"])
    dossier = make_dossier(make_round(tree.phu_quy, deciding_level="unit"), tree.tam_thanh,
                           title="Đề nghị khen thưởng xã Tam Thanh")
    binh = nominate(dossier, "ldtt", person=people.binh, summary="Gương mẫu")
    nominate(dossier, "ttldtt", collective=tree.tam_thanh, verdict="NEEDS_HUMAN_REVIEW")
    proposal_services.add_attachment(by=reviewer, proposal=dossier, kind="report",
                                     upload=SimpleUploadedFile("Báo cáo thành tích.pdf", PDF))
    proposal_services.add_attachment(by=reviewer, proposal=dossier, kind="evidence",
                                     nominee=binh, upload=SimpleUploadedFile("anh.png", PNG))
    return Proposal.objects.get(pk=dossier.pk)


def package_of(dossier, **options) -> bytes:
    buffer = io.BytesIO()
    export_dossier(dossier, buffer, **options)
    return buffer.getvalue()


def test_the_package_holds_the_dossier_its_nominees_and_files(sent):
    data, files = opened(package_of(sent))
    assert data["kind"] == "dossier"
    assert data["issuing_body"] == {"code": "tam-thanh", "name": "UBND xã Tam Thanh"}
    assert data["dossier"] == {
        "number": sent.number, "title": "Đề nghị khen thưởng xã Tam Thanh",
        "unit": {"code": "tam-thanh", "name": "UBND xã Tam Thanh"},
        "unit_name": "UBND xã Tam Thanh", "state": "voted", "submitted_at": None,
        "round": {"name": "Khen thưởng năm 2024", "kind": "cong_trang", "year": 2024}}
    assert [(n["name"], n["code"], n["verdict"], n["person"] is not None,
             n["collective"]) for n in data["nominees"]] == [
        ("Trần Văn Bình", "ldtt", "ELIGIBLE", True, None),
        ("UBND xã Tam Thanh", "ttldtt", "NEEDS_HUMAN_REVIEW", False,
         {"code": "tam-thanh", "name": "UBND xã Tam Thanh"})]
    assert "personal_id" not in data["nominees"][0]["person"]
    assert data["files"] == [
        {"path": "files/0001.pdf", "name": "Báo cáo thành tích.pdf",
         "sha256": hashlib.sha256(PDF).hexdigest(), "size": len(PDF),
         "content_type": "application/pdf", "kind": "report", "nominee": None},
        {"path": "files/0002.png", "name": "anh.png", "sha256": hashlib.sha256(PNG).hexdigest(),
         "size": len(PNG), "content_type": "image/png", "kind": "evidence", "nominee": 0}]
    assert files == {"files/0001.pdf": PDF, "files/0002.png": PNG}


def test_id_numbers_go_out_only_when_asked(sent):
    data, _files = opened(package_of(sent, with_ids=True))
    assert data["nominees"][0]["person"]["personal_id"] == "048079000456"


@pytest.fixture
def province_round(tree):
    return make_round(tree.province, name="Bằng khen của Chủ tịch UBND tỉnh năm 2024")


def test_a_dossier_package_becomes_a_submitted_dossier_at_the_receiving_level(
        sent, tmp_path, province_round, people, tree, reviewer):
    path = tmp_path / "ho-so.zip"
    path.write_bytes(package_of(sent))
    result = import_package(path, by=reviewer, round_=province_round)
    assert dict(result.counts) == {"dossiers": 1, "nominees": 2, "files": 2}
    received = Proposal.objects.get(pk=int(result.object_id))
    assert (received.round, received.unit, received.state, received.title, received.version) == (
        province_round, tree.tam_thanh, State.SUBMITTED, "Đề nghị khen thưởng xã Tam Thanh", 1)
    assert list(received.nominees.values_list("name", "person", "collective", "outcome",
                                              "verdict")) == [
        ("Trần Văn Bình", people.binh.pk, None, Outcome.PENDING, "ELIGIBLE"),
        ("UBND xã Tam Thanh", None, tree.tam_thanh.pk, Outcome.PENDING, "NEEDS_HUMAN_REVIEW")]
    report, photo = received.attachments.order_by("pk")
    assert (report.original_name, report.kind, report.nominee) == (
        "Báo cáo thành tích.pdf", "report", None)
    assert photo.nominee == received.nominees.get(name="Trần Văn Bình")
    with proposal_services.open_attachment(photo) as stored:
        assert stored.read() == PNG
    assert Transition.objects.filter(proposal=received).values_list(
        "from_state", "to_state", "action", "actor").get() == (
        State.DRAFT, State.SUBMITTED, "import", reviewer.pk)
    assert AuditEntry.objects.filter(action="thidua.package.imported_dossier").count() == 1


def test_a_received_dossier_is_due_for_receiving_as_one_submitted_here(
        sent, tmp_path, province_round, reviewer):
    path = tmp_path / "ho-so.zip"
    path.write_bytes(package_of(sent))
    received = Proposal.objects.get(pk=int(import_package(path, by=reviewer,
                                                          round_=province_round).object_id))
    expected = deadlines.due_date(received, State.SUBMITTED, timezone.localdate())
    assert expected is not None
    assert received.due_on == expected


def test_the_one_round_of_the_year_and_kind_is_taken_when_none_is_given(sent, tmp_path):
    path = tmp_path / "ho-so.zip"
    path.write_bytes(package_of(sent))
    result = import_package(path)
    assert Proposal.objects.get(pk=int(result.object_id)).round == sent.round


def test_re_importing_adds_nothing_and_a_dry_run_stores_no_file(sent, tmp_path, province_round,
                                                                media):
    path = tmp_path / "ho-so.zip"
    path.write_bytes(package_of(sent))
    stored_before = sorted(p.name for p in media.rglob("*") if p.is_file())
    result = import_package(path, round_=province_round, dry_run=True)
    assert dict(result.counts) == {"dossiers": 1, "nominees": 2, "files": 2}
    assert sorted(p.name for p in media.rglob("*") if p.is_file()) == stored_before
    assert Proposal.objects.count() == 1
    import_package(path, round_=province_round)
    again = import_package(path, round_=province_round)
    assert again.already is True
    assert (Proposal.objects.count(), Attachment.objects.count(),
            PackageReceipt.objects.count()) == (2, 4, 1)


def test_a_file_disguised_by_its_name_is_refused(sent, tmp_path, province_round, media):
    data, files = opened(package_of(sent))
    data["files"] = []
    path = written(tmp_path / "gia.zip", data, {"files/0001.pdf": PNG})
    before = (Proposal.objects.count(), Nominee.objects.count(), Attachment.objects.count())
    with pytest.raises(PackageError) as error:
        import_package(path, round_=province_round)
    [message] = error.value.messages
    assert message.startswith("files[0]: ")
    assert "“.pdf”" in message
    assert (Proposal.objects.count(), Nominee.objects.count(),
            Attachment.objects.count()) == before


def test_bad_nominees_are_named_by_their_json_path(sent, tmp_path, province_round):
    data, files = opened(package_of(sent))
    data["nominees"][0]["code"] = "khong_co"
    data["nominees"][1]["subject_kind"] = "robot"
    data["nominees"].append(7)
    data["files"][1]["nominee"] = 5
    path = written(tmp_path / "sai.zip", data, files, listed=False)
    with pytest.raises(PackageError) as error:
        import_package(path, round_=province_round)
    assert error.value.messages == [
        "nominees[0].code: mã “khong_co” không có trong danh mục",
        "nominees[1].subject_kind: “robot” không thuộc các giá trị individual, collective, "
        "household, enterprise",
        "nominees[2]: phải là một đối tượng",
        "files[1].nominee: 5 nằm ngoài khoảng cho phép",
    ]


def test_a_dossier_without_a_single_round_at_this_end_asks_for_one(sent, tmp_path,
                                                                    province_round):
    path = tmp_path / "ho-so.zip"
    path.write_bytes(package_of(sent))
    with pytest.raises(PackageError) as error:
        import_package(path)
    assert error.value.messages == [
        "dossier.round: cấp nhận không có đúng một đợt cùng loại hình năm 2024 (tìm thấy "
        "nhiều đợt): hãy chọn đợt nhận hồ sơ"]


def test_the_commands_export_and_import_a_dossier(sent, tmp_path, province_round, capsys):
    out = tmp_path / "ho-so.zip"
    call_command("package", "export-dossier", str(sent.pk), "--out", str(out))
    assert capsys.readouterr().out == f"Đã ghi {out}: 2 dòng, 2 tệp kèm theo.\n"
    call_command("package", "import", str(out), "--round", str(province_round.pk))
    assert capsys.readouterr().out == (
        "Đã nhập gói: thêm 1 hồ sơ với 2 người, tập thể được đề nghị và 2 tệp.\n")
    assert Proposal.objects.filter(round=province_round, state=State.SUBMITTED).count() == 1


def test_the_dossier_page_links_its_package(client, sent, reviewer, other_officer):
    client.force_login(reviewer)
    page = client.get(reverse("proposals:detail", args=[sent.pk]))
    url = reverse("awards:dossier_package", args=[sent.pk])
    assert f'href="{url}"'.encode() in page.content
    response = client.get(url)
    assert response["Content-Disposition"] == f'attachment; filename="ho-so-{sent.pk}.zip"'
    assert opened(b"".join(response.streaming_content))[1]["files/0001.pdf"] == PDF
    client.force_login(other_officer)
    assert client.get(url).status_code == 404
