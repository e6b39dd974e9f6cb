import datetime
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import make_award, make_decision
from thidua.awards import services as award_services
from thidua.awards.models import Award, Revocation
from thidua.core.backup import BackupError, create_backup, restore_backup, verify_backup
from thidua.organisations.models import LineageEvent, Unit
from thidua.people.models import Person


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    (settings.MEDIA_ROOT / "imports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "imports" / "so-khen-thuong.xlsx").write_bytes(b"PK\x03\x04 demo")
    return settings.MEDIA_ROOT


@pytest.fixture
def history(people):
    award = make_award("bk_bo_tinh_individual", person=people.hoa, year=2022)
    award_services.revoke_award(by=None, award=award, reason="Sai thành tích",
                                decision=make_decision("7/QĐ-UBND", datetime.date(2025, 2, 1)))
    return award


def test_backup_then_restore_brings_back_every_row_and_file(history, media, tmp_path):
    archive = tmp_path / "sao-luu.zip"
    manifest = create_backup(archive)
    assert sorted(manifest["members"]) == ["data.jsonl", "files/imports/so-khen-thuong.xlsx"]

    Revocation.objects.all().delete()
    Award.objects.all().delete()
    Person.objects.filter(full_name="Nguyễn Thị Hoà").update(full_name="đã sửa")
    (media / "imports" / "so-khen-thuong.xlsx").unlink()

    restore_backup(archive)
    assert Person.objects.filter(full_name="Nguyễn Thị Hoà").count() == 1
    assert Award.objects.get().awardee_name == "Nguyễn Thị Hoà"
    assert Revocation.objects.get().reason == "Sai thành tích"
    assert LineageEvent.objects.count() == 2
    assert Unit.objects.get(code="dac-khu-phu-quy").name == "UBND đặc khu Phú Quý"
    assert (media / "imports" / "so-khen-thuong.xlsx").read_bytes() == b"PK\x03\x04 demo"


def test_a_damaged_archive_is_refused_before_anything_changes(history, media, tmp_path):
    archive = tmp_path / "sao-luu.zip"
    create_backup(archive)
    tampered = tmp_path / "hong.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "data.jsonl":
                data = data.replace("Nguyễn Thị Hoà".encode(), "Nguyễn Thị Hoa".encode())
            target.writestr(item, data)
    with pytest.raises(BackupError) as error:
        restore_backup(tampered)
    assert "data.jsonl" in str(error.value)
    assert Award.objects.count() == 1


def test_truncated_and_foreign_files_are_refused(tmp_path, db):
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BackupError):
        verify_backup(truncated)
    foreign = tmp_path / "other.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(BackupError):
        verify_backup(foreign)


def test_commands(history, media, tmp_path, capsys):
    archive = tmp_path / "b.zip"
    call_command("backup", str(archive))
    assert "verified" in capsys.readouterr().out
    call_command("restore", str(archive), "--yes")
    assert Award.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "missing.zip"), "--yes")
