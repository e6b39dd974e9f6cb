"""The decision package (docs/packages.md): export, import at the receiving end, and every kind
of bad package refused with a message naming the entry or the JSON path, nothing written."""

import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from tests.awards.packages import damaged, opened, written
from tests.factories import make_award, make_decision
from thidua.awards import services as award_services
from thidua.awards.choices import Source
from thidua.awards.models import Award, Decision, PackageReceipt, Revocation
from thidua.awards.package import export_decision, import_package
from thidua.awards.package_files import DOCX
from thidua.awards.package_format import PackageError, content_digest
from thidua.core.models import AuditEntry
from thidua.people.models import Person


@pytest.fixture
def issued(tree, people):
    """Decision 120/QĐ-UBND of huyện Phú Quý: Hoà (with an ID number), Bình, the commune as a
    collective; Bình's award revoked by 9/QĐ-UBND."""
    people.hoa.personal_id = "048185000123"
    people.hoa.save(update_fields=["personal_id"])
    decision = make_decision("120/QĐ-UBND", datetime.date(2024, 12, 20), issuer=tree.phu_quy,
                             decided_by="unit_head", signer_name="Nguyễn Văn Ký",
                             signer_title="Chủ tịch", period="Năm 2024",
                             legal_basis="Căn cứ A;\nCăn cứ B.")
    make_award("ldtt", person=people.hoa, year=2024, decision=decision, register_number="1",
               summary="Hoàn thành tốt nhiệm vụ")
    binh = make_award("ldtt", person=people.binh, year=2024, decision=decision)
    make_award("ttldtt", collective=tree.tam_thanh, year=2024, decision=decision)
    award_services.revoke_award(
        by=None, award=binh, reason="Kê khai không trung thực",
        decision=make_decision("9/QĐ-UBND", datetime.date(2025, 3, 5), issuer=tree.phu_quy))
    return decision


def exported(decision, **options) -> tuple[dict, dict]:
    buffer = io.BytesIO()
    export_decision(decision, buffer, **options)
    return opened(buffer.getvalue())


def test_the_package_holds_the_decision_and_its_awards_without_id_numbers(issued, reviewer):
    data, files = exported(issued, by=reviewer)
    assert (data["schema"], data["version"], data["kind"], data["with_ids"]) == (
        "thidua-package", 1, "decision", False)
    assert data["exporter"] == {"system": "thidua", "user": "sonoivu", "name": str(reviewer),
                                "unit": "Sở Nội vụ tỉnh Bình Thuận"}
    assert data["issuing_body"] == {"code": "phu-quy", "name": "UBND huyện Phú Quý"}
    assert data["decision"] == {
        "number": "120/QĐ-UBND", "date": "2024-12-20",
        "issuer": {"code": "phu-quy", "name": "UBND huyện Phú Quý"},
        "decided_by": "unit_head", "signer_name": "Nguyễn Văn Ký", "signer_title": "Chủ tịch",
        "subject": "", "legal_basis": "Căn cứ A;\nCăn cứ B.", "period": "Năm 2024",
        "period_start_year": None, "period_end_year": None}
    assert data["awards"][0] == {
        "code": "ldtt", "year": 2024, "kind": "cong_trang", "register_number": "1",
        "summary": "Hoàn thành tốt nhiệm vụ", "unit_name": "UBND huyện Phú Quý",
        "awardee": {"type": "person", "full_name": "Nguyễn Thị Hoà", "birth_date": "1985-03-02",
                    "gender": "female", "group": "cbccvc_nld",
                    "unit_name": "UBND huyện Phú Quý"},
        "revoked": None}
    assert data["awards"][1]["revoked"] == {
        "number": "9/QĐ-UBND", "date": "2025-03-05", "issuer_name": "UBND huyện Phú Quý",
        "reason": "Kê khai không trung thực", "basis": ""}
    assert data["awards"][2]["awardee"] == {"type": "collective", "code": "tam-thanh",
                                            "name": "UBND xã Tam Thanh"}
    # The decision as a Word document, listed with its size and hash (no dossier decided it
    # here, so no dossier attachment).
    [document] = data["files"]
    content = files["files/0001.docx"]
    assert (list(files), document) == (["files/0001.docx"], {
        "path": "files/0001.docx", "name": "quyet-dinh-120-QĐ-UBND.docx",
        "sha256": hashlib.sha256(content).hexdigest(), "size": len(content),
        "content_type": DOCX, "kind": "decision", "dossier": None, "unit": None})
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "THỦ TRƯỞNG ỦY BAN NHÂN DÂN HUYỆN PHÚ QUÝ\nCăn cứ A;\nCăn cứ B." in text
    assert "048185000123" not in json.dumps(data)
    assert AuditEntry.objects.filter(action="thidua.package.exported_decision",
                                     actor=reviewer).count() == 1


def test_id_numbers_go_out_only_when_asked(issued):
    data, _files = exported(issued, with_ids=True)
    assert data["with_ids"] is True
    assert data["awards"][0]["awardee"]["personal_id"] == "048185000123"


def test_the_same_decision_exported_twice_is_the_same_package(issued):
    first, _files = exported(issued)
    second, _files = exported(issued, with_ids=False)
    second["exported_at"] = "2030-01-01T00:00:00+07:00"
    assert content_digest(first) == content_digest(second)


# -- import -----------------------------------------------------------------------------------
@pytest.fixture
def received(tmp_path, tree, people):
    """A decision of UBND tỉnh Lâm Đồng as the national database would send it: Hoà known by
    her ID number, Bình by his name and date of birth, a newcomer, the commune as a
    collective, and an award revoked since."""

    def person(name, birth, gender="male", **more):
        return {"type": "person", "full_name": name, "birth_date": birth, "gender": gender,
                "group": "cbccvc_nld", "unit_name": "UBND xã Tam Thanh", **more}

    data = {
        "schema": "thidua-package", "version": 1, "kind": "decision",
        "exported_at": "2026-01-05T09:00:00+07:00",
        "exporter": {"system": "thidua", "user": "x", "name": "X", "unit": ""},
        "issuing_body": {"code": "lam-dong", "name": "UBND tỉnh Lâm Đồng"}, "with_ids": True,
        "decision": {"number": "2150/QĐ-UBND", "date": "2025-12-20",
                     "issuer": {"code": "lam-dong", "name": "Ủy ban nhân dân tỉnh Lâm Đồng"},
                     "decided_by": "provincial_chair", "signer_name": "Hồ Văn Mười",
                     "signer_title": "Chủ tịch", "subject": "Về việc tặng Bằng khen",
                     "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                     "period": "Năm 2025", "period_start_year": 2025, "period_end_year": 2025},
        "awards": [
            {"code": "bk_bo_tinh_individual", "year": 2025, "kind": "cong_trang",
             "register_number": "1", "summary": "Thành tích xuất sắc", "unit_name": "UBND xã "
             "Tam Thanh", "revoked": None,
             "awardee": person("Nguyễn Thị Hoà", "1985-03-02", "female",
                               personal_id="048185000123")},
            {"code": "bk_bo_tinh_individual", "year": 2025, "kind": "cong_trang",
             "register_number": "2", "summary": "", "unit_name": "UBND xã Tam Thanh",
             "revoked": None, "awardee": person("TRẦN VĂN BÌNH", "1979-11-30")},
            {"code": "bk_bo_tinh_individual", "year": 2025, "kind": "cong_trang",
             "register_number": "3", "summary": "", "unit_name": "UBND xã Tam Thanh",
             "awardee": person("Phan Văn Mới", "1992-07-01"),
             "revoked": {"number": "88/QĐ-UBND", "date": "2026-02-01",
                         "issuer_name": "UBND tỉnh Lâm Đồng", "reason": "Trùng khen thưởng",
                         "basis": "Điều 93"}},
            {"code": "bk_bo_tinh_collective", "year": 2025, "kind": "cong_trang",
             "register_number": "4", "summary": "", "unit_name": "", "revoked": None,
             "awardee": {"type": "collective", "code": "tam-thanh", "name": "UBND xã Tam Thanh"}},
        ],
        "files": [],
    }
    people.hoa.personal_id = "048185000123"
    people.hoa.save(update_fields=["personal_id"])
    return lambda name="quyet-dinh.zip", **changes: written(tmp_path / name, {**data, **changes})


def snapshot() -> dict[str, int]:
    return {"decisions": Decision.objects.count(), "awards": Award.objects.count(),
            "people": Person.objects.count(), "revocations": Revocation.objects.count(),
            "receipts": PackageReceipt.objects.count(), "audit": AuditEntry.objects.count()}


def test_a_decision_package_becomes_a_decision_with_its_awards(received, tree, people):
    result = import_package(received(), file_name="quyet-dinh.zip")
    assert dict(result.counts) == {"decisions": 2, "awards": 4, "people": 1, "revocations": 1}
    decision = Decision.objects.get(number="2150/QĐ-UBND")
    assert (decision.issuer, decision.issuer_name, decision.source, decision.signer_name) == (
        tree.lam_dong, "Ủy ban nhân dân tỉnh Lâm Đồng", Source.PACKAGE, "Hồ Văn Mười")
    assert list(decision.awards.order_by("register_number").values_list(
        "person", "collective", "award_type__code")) == [
        (people.hoa.pk, None, "bk_bo_tinh_individual"),
        (people.binh.pk, None, "bk_bo_tinh_individual"),
        (Person.objects.get(full_name="Phan Văn Mới").pk, None, "bk_bo_tinh_individual"),
        (None, tree.tam_thanh.pk, "bk_bo_tinh_collective")]
    newcomer = Person.objects.get(full_name="Phan Văn Mới")
    assert (newcomer.birth_date, newcomer.unit) == (datetime.date(1992, 7, 1), tree.tam_thanh)
    assert Revocation.objects.get().award.person == newcomer
    assert (result.object_type, result.object_id) == ("awards.decision", str(decision.pk))


def test_importing_the_same_package_again_adds_nothing(received):
    import_package(received())
    before = snapshot()
    result = import_package(received("again.zip", exported_at="2026-02-01T08:00:00+07:00"))
    assert result.already is True
    assert snapshot() == before


def test_a_dry_run_reports_and_writes_nothing(received):
    before = snapshot()
    result = import_package(received(), dry_run=True)
    assert dict(result.counts) == {"decisions": 2, "awards": 4, "people": 1, "revocations": 1}
    assert snapshot() == before


def refused(source) -> list[str]:
    before = snapshot()
    with pytest.raises(PackageError) as error:
        import_package(source)
    assert snapshot() == before
    return error.value.messages


def test_every_bad_value_is_named_by_its_json_path(received):
    path = received(decision={"number": "", "date": "20/12/2025", "issuer": {"name": "X"}},
                    awards=[{"code": "bang_khen_la", "year": "2025", "kind": "x",
                             "awardee": {"type": "person", "full_name": "A", "gender": "nu",
                                         "birth_date": "1990-02-30",
                                         "personal_id": "12345"}},
                            {"code": "ldtt", "awardee": {"type": "collective", "code": "khong",
                                                         "name": "UBND xã Không Có"}},
                            "not an object"])
    assert refused(path) == [
        "decision.number: là bắt buộc",
        "decision.date: “20/12/2025” không phải là ngày (YYYY-MM-DD)",
        "awards[0].code: mã “bang_khen_la” không có trong danh mục",
        "awards[0].year: phải là một số nguyên",
        "awards[0].kind: “x” không thuộc các giá trị cong_trang, dot_xuat, chuyen_de, "
        "cong_hien, nien_han, doi_ngoai",
        "awards[0].awardee.birth_date: “1990-02-30” không phải là ngày (YYYY-MM-DD)",
        "awards[0].awardee.gender: “nu” không thuộc các giá trị female, male",
        "awards[0].awardee.personal_id: Số định danh cá nhân phải có đúng 12 chữ số.",
        "awards[1].awardee: hệ thống không có đơn vị nào tên “UBND xã Không Có” (mã “khong”)",
        "awards[2]: phải là một đối tượng",
    ]


def test_an_unknown_schema_version_is_refused(received):
    assert refused(received(version=2)) == [
        "version: phiên bản 2 của định dạng gói chưa được hỗ trợ (hỗ trợ: 1)."]
    assert refused(received(schema="other")) == [
        "schema: “other” không phải là gói của thidua (cần “thidua-package”)."]
    assert refused(received(kind="report")) == [
        "kind: “report” không phải là loại gói (decision hoặc dossier)."]


def test_a_file_that_does_not_match_its_hash_is_refused(tmp_path, received):
    data, _files = opened(received().read_bytes())
    path = written(tmp_path / "sai.zip", {**data, "files": [
        {"path": "files/0001.pdf", "name": "a.pdf", "size": 3, "sha256": "0" * 64}]},
        {"files/0001.pdf": b"abc"}, listed=False)
    assert refused(path) == [
        "files[0].sha256: files/0001.pdf không khớp mã băm: tệp đã bị sửa hoặc bị hỏng"]


def test_a_damaged_entry_is_refused(tmp_path, received):
    data, _files = opened(received().read_bytes())
    path = damaged(written(tmp_path / "hong.zip", data, {"files/0001.pdf": b"ABCDEFGH" * 8}),
                   b"ABCDEFGH")
    assert refused(path) == [
        "files/0001.pdf: tệp trong gói bị hỏng (mã kiểm tra không khớp)."]


def test_files_not_listed_or_outside_the_package_are_refused(tmp_path, received):
    data, _files = opened(received().read_bytes())
    path = written(tmp_path / "thua.zip", data, {"files/x.pdf": b"x", "../etc/passwd": b"x"},
                   listed=False)
    assert refused(path) == ["../etc/passwd: không được phép dùng đường dẫn ra ngoài gói."]
    path = written(tmp_path / "thua2.zip", data, {"files/x.pdf": b"x"}, listed=False)
    assert refused(path) == ["files/x.pdf: tệp này không có trong danh mục của package.json."]


def test_what_is_not_a_package_is_refused(tmp_path, received):
    (tmp_path / "a.zip").write_bytes(b"PK\x03\x04 not really")
    assert refused(tmp_path / "a.zip") == [
        "Tệp không phải là gói hồ sơ (.zip) hoặc đã bị hỏng."]
    assert refused(written(tmp_path / "b.zip", {}, manifest=b"{not json")) == [
        "package.json: không phải JSON hợp lệ (dòng 1, cột 2)."]
    assert refused(written(tmp_path / "c.zip", {}, manifest=b"[1, 2]")) == [
        "package.json: phải là một đối tượng JSON."]
    with zipfile.ZipFile(tmp_path / "d.zip", "w") as archive:
        archive.writestr("files/a.pdf", b"x")
    assert refused(tmp_path / "d.zip") == ["Gói không có tệp package.json."]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, received):
    data, _files = opened(received().read_bytes())
    path = tmp_path / "bom.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("package.json", json.dumps(data))
        archive.writestr("files/bom.pdf", b"\0" * (20 * 1024 * 1024))
    assert refused(path) == [
        "files/bom.pdf: giải nén ra quá lớn (có thể là “bom zip”)."]


# -- the command and the page -----------------------------------------------------------------
def test_the_command_exports_and_imports(tmp_path, issued, capsys):
    out = tmp_path / "qd.zip"
    call_command("package", "export-decision", "120/QĐ-UBND", "--out", str(out))
    assert capsys.readouterr().out == f"Đã ghi {out}: 3 dòng, 1 tệp kèm theo.\n"
    assert opened(out.read_bytes())[0]["decision"]["number"] == "120/QĐ-UBND"
    call_command("package", "import", str(out), "--dry-run")
    assert capsys.readouterr().out == (
        "Gói hợp lệ (chạy thử, không ghi gì): nếu nhập sẽ thêm 0 quyết định, 0 khen thưởng "
        "(3 đã có trong sổ), 0 cá nhân, 0 lần hủy bỏ, 1 tệp nhận kèm.\n")


def test_the_package_carries_the_attachments_of_the_decided_dossiers(tree, people, leader,
                                                                   reviewer, settings,
                                                                   tmp_path):
    from tests.awards.decisions import make_draft, voted_round
    from tests.proposals.test_attachments import PDF
    from thidua.proposals import services as proposal_services

    settings.MEDIA_ROOT = tmp_path / "media"
    voted = voted_round(tree, people)
    proposal_services.add_attachment(by=reviewer, proposal=voted.commune, kind="report",
                                     upload=SimpleUploadedFile("Báo cáo thành tích.pdf", PDF))
    decision = award_services.issue_decision(by=leader, draft=make_draft(voted, tree.phu_quy))
    data, files = exported(decision)
    assert [(item["path"], item["name"], item["kind"], item["dossier"], item["size"])
            for item in data["files"]] == [
        ("files/0001.docx", "quyet-dinh-1-QĐ-UBND.docx", "decision", None,
         len(files["files/0001.docx"])),
        ("files/0002.pdf", "Báo cáo thành tích.pdf", "report", voted.commune.number, len(PDF))]
    assert files["files/0002.pdf"] == PDF
    assert data["files"][1]["sha256"] == hashlib.sha256(PDF).hexdigest()
    # At the receiving end each file is checked against its hash.
    changed = {**files, "files/0002.pdf": PDF.replace(b"%%EOF", b"%%EOX")}
    path = written(tmp_path / "qd.zip", data, changed, listed=False)
    with pytest.raises(PackageError) as error:
        import_package(path, dry_run=True)
    assert "files[1].sha256: files/0002.pdf" in str(error.value)


def test_the_command_reports_a_bad_package_and_exits_1(tmp_path, received, capsys):
    with pytest.raises(SystemExit) as exit_code:
        call_command("package", "import", str(received(version=3)))
    assert exit_code.value.code == 1
    assert capsys.readouterr().err == (
        f"{received(version=3)}: có 1 lỗi; không ghi gì vào sổ.\n"
        "- version: phiên bản 3 của định dạng gói chưa được hỗ trợ (hỗ trợ: 1).\n")


def test_the_decision_page_downloads_the_awards_the_user_may_see(client, officer, issued, tree,
                                                                people):
    make_award("giay_khen", person=people.other, year=2024, decision=issued)
    client.force_login(officer)
    response = client.get(reverse("awards:decision_package", args=[issued.pk]),
                          {"with_ids": "1"})
    assert response["Content-Disposition"] == 'attachment; filename="quyet-dinh-120-qd-ubnd.zip"'
    data, _files = opened(b"".join(response.streaming_content))
    assert [a["awardee"].get("full_name", a["awardee"].get("name")) for a in data["awards"]] == [
        "Nguyễn Thị Hoà", "Trần Văn Bình", "UBND xã Tam Thanh"]
    assert data["with_ids"] is True  # an officer may see ID numbers


def test_a_leader_gets_no_id_numbers(client, leader, issued):
    client.force_login(leader)
    response = client.get(reverse("awards:decision_package", args=[issued.pk]),
                          {"with_ids": "1"})
    assert opened(b"".join(response.streaming_content))[0]["with_ids"] is False


def test_the_import_page_imports_and_reports(client, reviewer, received):
    client.force_login(reviewer)
    url = reverse("awards:package_import")
    with open(received(), "rb") as upload:
        response = client.post(url, {"file": upload})
    assert response.context["summary"] == (
        "Đã nhập gói: thêm 2 quyết định, 4 khen thưởng (0 đã có trong sổ), 1 cá nhân, 1 lần "
        "hủy bỏ, 0 tệp nhận kèm.")
    with open(received(version=9), "rb") as upload:
        response = client.post(url, {"file": upload})
    assert response.context["errors"] == [
        "version: phiên bản 9 của định dạng gói chưa được hỗ trợ (hỗ trợ: 1)."]
    client.force_login(PackageReceipt.objects.get().received_by)
    assert PackageReceipt.objects.get().received_by == reviewer
