"""The bulk lookups behind a large import: people found by (name, birth date) however the
lookup is split into queries, and the order in which new people and awards are written."""

import datetime

from tests.awards.xlsx_builder import hoa, write_register
from tests.factories import make_person
from thidua.awards import importer
from thidua.awards.import_writer import import_awards
from thidua.awards.models import Award
from thidua.people.models import Person

FIRST_BIRTH = datetime.date(1960, 1, 1)


def without_id(name: str, birth: datetime.date, year: int = 2023) -> dict:
    return hoa(**{"Họ và tên": name, "Số định danh cá nhân": "", "Giới tính": "Nam",
                  "Ngày sinh": f"{birth:%d/%m/%Y}", "Năm": year})


def plan_of(path) -> importer.Plan:
    reading = importer.read(path)
    assert reading.errors == []
    return importer.plan(reading.rows, labels=reading.labels)


def test_a_namesake_is_matched_once_however_many_namesakes_the_file_has(tree, tmp_path):
    # 2,600 people named Lê Bình with their own birth dates need more than one lookup query on
    # SQLite; the recorded one is also born on the day of the first row (Lê An), so that a
    # lookup by names and by birth dates meets him twice.
    births = [FIRST_BIRTH + datetime.timedelta(days=day) for day in range(2600)]
    recorded = make_person("Lê Bình", tree.phu_quy, gender="male", birth_date=births[-1])
    make_person("Lê Bình", tree.phu_quy, gender="male", birth_date=datetime.date(1959, 6, 1))
    rows = [without_id("Lê An", births[-1])] + [without_id("Lê Bình", birth) for birth in births]
    plan = plan_of(write_register(tmp_path / "so.xlsx", rows))
    assert plan.errors == []
    assert plan.people == {("name", "le binh", births[-1]): recorded.pk}
    assert len(plan.new_people) == 2600
    assert ("name", "le an", births[-1]) in plan.new_people


def test_a_person_recorded_without_birth_date_or_id_gets_the_id_of_the_file(tree, tmp_path):
    recorded = make_person("Nguyễn Thị Hoà", tree.phu_quy, gender="female", birth_date=None)
    plan = plan_of(write_register(tmp_path / "so.xlsx", [hoa(**{"Ngày sinh": ""})]))
    assert plan.errors == []
    assert plan.id_fills == {recorded.pk: hoa()["Số định danh cá nhân"]}


def test_a_namesake_born_on_another_day_is_another_person(tree, tmp_path):
    make_person("Lê Bình", tree.phu_quy, gender="male", birth_date=datetime.date(1970, 1, 2))
    plan = plan_of(write_register(tmp_path / "so.xlsx", [
        without_id("Lê Bình", datetime.date(1970, 1, 3))]))
    assert plan.people == {}
    assert list(plan.new_people) == [("name", "le binh", datetime.date(1970, 1, 3))]


def test_new_namesakes_keep_the_order_of_the_file(tree, tmp_path):
    births = [datetime.date(1980, 5, 1), datetime.date(1970, 5, 1), datetime.date(1990, 5, 1)]
    rows = [without_id("Trần Văn Bình", births[0]), without_id("An Văn Ba", births[0]),
            without_id("Trần Văn Bình", births[1]), without_id("Trần Văn Bình", births[2])]
    result = import_awards(by=None, path=write_register(tmp_path / "so.xlsx", rows),
                           dry_run=False)
    assert result.ok is True
    assert list(Person.objects.filter(full_name="Trần Văn Bình").order_by("pk")
                .values_list("birth_date", flat=True)) == births
    assert list(Person.objects.values_list("full_name", "birth_date")) == [
        ("An Văn Ba", births[0]), *(("Trần Văn Bình", birth) for birth in births)]


def test_the_awards_of_one_person_keep_the_order_of_the_file(tree, tmp_path):
    birth = datetime.date(1980, 5, 1)
    rows = [without_id("Trần Văn Bình", birth, 2023),
            without_id("An Văn Ba", birth),
            without_id("Trần Văn Bình", birth, 2022)]
    result = import_awards(by=None, path=write_register(tmp_path / "so.xlsx", rows),
                           dry_run=False)
    assert result.ok is True
    assert list(Award.objects.filter(person__full_name="Trần Văn Bình").order_by("pk")
                .values_list("year", flat=True)) == [2023, 2022]
    assert Award.objects.count() == 3
