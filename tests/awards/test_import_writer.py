"""The award register import: all or nothing, idempotent, audited, with its batch."""

import datetime
import io

from tests.awards.conftest import database_counts
from tests.awards.xlsx_builder import (
    BINH_ID,
    HOA_ID,
    binh,
    hoa,
    replace_in_workbook,
    write_register,
)
from tests.factories import make_decision, make_person
from thidua.awards.choices import ImportStatus, Source
from thidua.awards.import_writer import import_awards
from thidua.awards.models import Award, Decision, ImportBatch
from thidua.core.models import AuditEntry
from thidua.core.text import sort_key
from thidua.people.models import Person


def register(tmp_path, rows=None, name="so.xlsx"):
    return write_register(tmp_path / name, rows if rows is not None else [hoa(), binh()])


def test_writes_people_decisions_and_awards(tree, tmp_path):
    result = import_awards(by=None, path=register(tmp_path), dry_run=False)
    assert result.ok is True
    assert result.counts() == {"total_rows": 2, "created_people": 2, "created_decisions": 2,
                               "created_awards": 2, "skipped_rows": 0, "filled_ids": 0}
    hoa_person = Person.objects.get(personal_id=HOA_ID)
    assert (hoa_person.full_name, hoa_person.birth_date, hoa_person.gender, hoa_person.unit,
            hoa_person.name_folded, hoa_person.sort_key) == (
        "Nguyễn Thị Hoà", datetime.date(1985, 3, 2), "female", tree.phu_quy, "nguyen thi hoa",
        sort_key("Nguyễn Thị Hoà"))
    assert Person.objects.get(personal_id=BINH_ID).unit == tree.tam_thanh
    decision = Decision.objects.get(number="125/QĐ-UBND")
    assert (decision.date, decision.issuer, decision.issuer_name, decision.source) == (
        datetime.date(2023, 12, 20), tree.phu_quy, "UBND huyện Phú Quý", Source.IMPORT)
    award = Award.objects.get(person=hoa_person)
    assert (award.award_type.code, award.year, award.kind, award.decision, award.awardee_name,
            award.unit, award.unit_name, award.source, award.import_batch) == (
        "cstd_co_so", 2023, "cong_trang", decision, "Nguyễn Thị Hoà", tree.phu_quy,
        "UBND huyện Phú Quý", Source.IMPORT, result.batch)


def test_a_real_import_is_recorded_in_a_batch_and_audited(tree, admin_user, tmp_path):
    result = import_awards(by=admin_user, path=register(tmp_path), dry_run=False)
    batch = result.batch
    assert (batch.file_name, batch.dry_run, batch.status, batch.total_rows, batch.processed_rows,
            batch.created_people, batch.created_decisions, batch.created_awards,
            batch.created_by, len(batch.file_sha256)) == (
        "so.xlsx", False, ImportStatus.DONE, 2, 2, 2, 2, 2, admin_user, 64)
    entry = AuditEntry.objects.get(action="thidua.award.imported")
    assert (entry.actor, entry.object_type, entry.object_id, entry.summary, entry.after) == (
        admin_user, "awards.importbatch", str(batch.pk), "so.xlsx: đã nhập 2 khen thưởng",
        result.counts())


def test_importing_the_same_file_again_adds_nothing(tree, tmp_path):
    path = register(tmp_path)
    import_awards(by=None, path=path, dry_run=False)
    before = {"people": Person.objects.count(), "decisions": Decision.objects.count(),
              "awards": Award.objects.count()}
    again = import_awards(by=None, path=path, dry_run=False)
    assert again.ok is True
    assert again.counts() == {"total_rows": 2, "created_people": 0, "created_decisions": 0,
                              "created_awards": 0, "skipped_rows": 2, "filled_ids": 0}
    assert {"people": Person.objects.count(), "decisions": Decision.objects.count(),
            "awards": Award.objects.count()} == before


def test_the_natural_key_uses_the_decision_number(tree, tmp_path):
    import_awards(by=None, path=register(tmp_path, [hoa()]), dry_run=False)
    # The same award typed with another decision date is the same award.
    result = import_awards(by=None, dry_run=False, path=register(
        tmp_path, [hoa(**{"Ngày quyết định": "21/12/2023"})], name="lai.xlsx"))
    assert (result.created_awards, result.created_decisions, result.skipped_rows) == (0, 1, 1)
    assert Award.objects.count() == 1


def test_a_dry_run_writes_nothing(tree, tmp_path):
    before = database_counts()
    result = import_awards(by=None, path=register(tmp_path), dry_run=True)
    assert result.ok is True
    assert result.batch is None
    assert result.counts() == {"total_rows": 2, "created_people": 2, "created_decisions": 2,
                               "created_awards": 2, "skipped_rows": 0, "filled_ids": 0}
    assert database_counts() == before


def test_a_file_with_one_bad_row_writes_nothing(tree, tmp_path, rejected):
    path = register(tmp_path, [hoa(), binh(**{"Ngày sinh": "31/02/1979"})])
    assert rejected(path) == [
        "Trang tính “Danh sách”, dòng 3, cột Ngày sinh (C): Ngày 31/02/1979 không có thật."]


def test_an_error_found_in_the_database_writes_nothing(tree, people, officer, tmp_path,
                                                       rejected):
    path = register(tmp_path, [hoa(), hoa(**{
        "Họ và tên": "Lê Thị Hòa", "Ngày sinh": "15/01/1990", "Số định danh cá nhân": ""})])
    assert rejected(path, by=officer) == [
        "Trang tính “Danh sách”, dòng 3, cột Họ và tên (B): Lê Thị Hòa thuộc một đơn vị nằm "
        "ngoài phạm vi của bạn."]


def test_people_are_found_by_id_or_by_name_and_birth_date(tree, people, tmp_path):
    known = make_person("Trần Văn Bình", tree.tam_thanh, personal_id=BINH_ID,
                        birth_date=datetime.date(1979, 11, 30))
    path = register(tmp_path, [binh(), hoa(**{"Số định danh cá nhân": ""})])
    result = import_awards(by=None, path=path, dry_run=False)
    assert (result.created_people, result.created_awards) == (0, 2)
    assert list(Award.objects.order_by("person__full_name").values_list("person", flat=True)) == [
        people.hoa.pk, known.pk]


def test_a_person_recorded_without_id_receives_it(tree, people, tmp_path):
    result = import_awards(by=None, path=register(tmp_path, [hoa()]), dry_run=False)
    assert (result.created_people, result.filled_ids) == (0, 1)
    people.hoa.refresh_from_db()
    assert people.hoa.personal_id == HOA_ID


def test_new_people_take_the_default_unit_when_theirs_is_unknown(tree, tmp_path):
    path = register(tmp_path, [hoa(**{"Đơn vị": "Trường THCS Ngũ Phụng"}), binh()])
    result = import_awards(by=None, path=path, dry_run=False, default_unit=tree.phu_thuy)
    assert Person.objects.get(personal_id=HOA_ID).unit == tree.phu_thuy
    assert Person.objects.get(personal_id=BINH_ID).unit == tree.tam_thanh
    award = Award.objects.get(person__personal_id=HOA_ID)
    assert (award.unit, award.unit_name) == (None, "Trường THCS Ngũ Phụng")
    assert [str(issue) for issue in result.warnings] == [
        "Trang tính “Danh sách”, dòng 2, cột Đơn vị (F): Hệ thống không có đơn vị nào tên "
        "“Trường THCS Ngũ Phụng”: tên được giữ nguyên như trong tệp."]


def test_without_a_default_unit_a_new_person_has_none(tree, tmp_path):
    import_awards(by=None, path=register(tmp_path, [hoa(**{"Đơn vị": ""})]), dry_run=False)
    assert Person.objects.get(personal_id=HOA_ID).unit is None


def test_an_existing_decision_is_reused_and_keeps_its_issuer(tree, tmp_path):
    decision = make_decision("125/QĐ-UBND", datetime.date(2023, 12, 20),
                             issuer_name="UBND huyện Phú Quý (cũ)")
    result = import_awards(by=None, path=register(tmp_path, [hoa()]), dry_run=False)
    assert result.created_decisions == 0
    assert Award.objects.get().decision == decision
    assert [str(issue) for issue in result.warnings] == [
        "Trang tính “Danh sách”, dòng 2, cột Cơ quan ban hành (K): Quyết định số 125/QĐ-UBND "
        "ngày 20/12/2023 đã được lưu với cơ quan ban hành “UBND huyện Phú Quý (cũ)”; tên này "
        "được giữ nguyên."]


def test_reads_a_binary_file_object(tree, tmp_path):
    content = register(tmp_path).read_bytes()
    upload = io.BytesIO(content)
    upload.name = "tai-len.xlsx"
    result = import_awards(by=None, file=upload, dry_run=False)
    assert (result.ok, result.file_name, result.created_awards) == (True, "tai-len.xlsx", 2)


def test_a_batch_follows_a_dry_run_then_the_import(tree, officer, tmp_path):
    path = register(tmp_path)
    batch = ImportBatch.objects.create(file_name="so.xlsx", file_sha256="0" * 64, dry_run=True,
                                       created_by=officer)
    import_awards(by=officer, path=path, dry_run=True, batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.total_rows, batch.processed_rows, batch.created_awards,
            batch.report["counts"]["created_awards"], batch.report["error_count"],
            [row["full_name"] for row in batch.report["preview"]]) == (
        ImportStatus.VALID, 2, 2, 0, 2, 0, ["Nguyễn Thị Hoà", "Trần Văn Bình"])
    result = import_awards(by=officer, path=path, dry_run=False, batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.created_people, batch.created_awards) == (ImportStatus.DONE, 2, 2)
    assert set(Award.objects.values_list("import_batch", flat=True)) == {batch.pk}
    assert result.batch == batch


def test_a_failed_batch_keeps_the_error_report(tree, officer, tmp_path):
    path = register(tmp_path, [hoa(Năm="abc")])
    batch = ImportBatch.objects.create(file_name="so.xlsx", file_sha256="0" * 64, dry_run=True,
                                       created_by=officer)
    import_awards(by=officer, path=path, dry_run=True, batch=batch)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED
    assert batch.report["errors"] == [{
        "sheet": "Danh sách", "row": 2, "column": "Năm (G)",
        "message": "“abc” không phải là năm."}]
    assert Award.objects.count() == 0


def test_invisible_control_characters_are_dropped(tree, tmp_path):
    path = register(tmp_path, [hoa(**{"Họ và tên": "Nguyễn Thị HoàXX", "Ghi chú": "ghiYYchú"})])
    replace_in_workbook(path, b"XX", b"_x0000_")
    replace_in_workbook(path, b"YY", b"_x0007_")
    result = import_awards(by=None, path=path, dry_run=False)
    assert result.ok is True
    award = Award.objects.get()
    assert (award.awardee_name, award.note) == ("Nguyễn Thị Hoà", "ghichú")
