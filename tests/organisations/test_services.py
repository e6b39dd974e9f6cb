import datetime

import pytest

from tests.factories import make_unit
from thidua.core.models import AuditEntry
from thidua.organisations import services
from thidua.organisations.choices import LineageKind, UnitKind
from thidua.organisations.models import LineageEvent


def test_create_unit_sets_path_depth_and_keys(db):
    province = make_unit("Tỉnh Bình Thuận", UnitKind.PROVINCE)
    commune = make_unit("UBND xã Tam Thanh", UnitKind.COMMUNE, province)
    assert province.path == f"/{province.pk}/"
    assert commune.path == f"/{province.pk}/{commune.pk}/"
    assert commune.depth == 1
    assert commune.name_folded == "ubnd xa tam thanh"
    assert AuditEntry.objects.filter(action="thidua.unit.created").count() == 2


def test_rename_opens_a_successor_and_keeps_the_old_name(db):
    old = make_unit("Phòng Nội vụ huyện Phú Quý", UnitKind.DIVISION)
    new = services.rename_unit(by=None, unit=old, new_name="Phòng Nội vụ đặc khu Phú Quý",
                               on=datetime.date(2025, 7, 1), new_code="pnv-dk-phu-quy")
    old.refresh_from_db()
    assert old.name == "Phòng Nội vụ huyện Phú Quý"
    assert old.valid_to == datetime.date(2025, 6, 30)
    assert new.valid_from == datetime.date(2025, 7, 1)
    event = LineageEvent.objects.get()
    assert event.kind == LineageKind.RENAME
    assert list(event.predecessors.all()) == [old]
    assert list(event.successors.all()) == [new]


def test_dissolve_needs_no_successor_but_merge_does(db):
    unit = make_unit("Tổ công tác tạm thời")
    services.record_lineage(by=None, kind=LineageKind.DISSOLVE, date=datetime.date(2025, 7, 1),
                            predecessors=[unit], successors=[])
    unit.refresh_from_db()
    assert unit.valid_to == datetime.date(2025, 6, 30)
    with pytest.raises(ValueError):
        services.record_lineage(by=None, kind=LineageKind.MERGE, date=datetime.date(2025, 7, 1),
                                predecessors=[unit], successors=[])


def test_collective_rating_is_one_per_year(db):
    unit = make_unit("Trường THCS Ngũ Phụng", UnitKind.SCHOOL)
    services.record_collective_rating(by=None, unit=unit, year=2024, level="HTT", member_count=30)
    services.record_collective_rating(by=None, unit=unit, year=2024, level="HTXS", member_count=31)
    assert list(unit.ratings.values_list("year", "level", "member_count")) == [(2024, "HTXS", 31)]
