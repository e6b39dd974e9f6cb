import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import make_person
from thidua.people import queries, services
from thidua.people.models import Person
from thidua.people.validators import make_personal_id


def test_names_are_stored_nfc_with_search_and_sort_keys(tree):
    person = make_person("Ngu\u0079\u0065\u0302\u0303n Thi\u0323 Ho\u0061\u0300  ", tree.phu_quy)
    assert person.full_name == "Nguyễn Thị Hoà"
    assert person.name_folded == "nguyen thi hoa"


def test_eth_is_replaced_by_d_stroke(tree):
    assert make_person("\u00d0ỗ Văn Nam", tree.phu_quy).full_name == "Đỗ Văn Nam"


def test_personal_id_is_validated_against_gender_and_birth_year(tree):
    with pytest.raises(ValidationError) as error:
        make_person("Trần Thị Lan", tree.phu_quy, gender="female",
                    birth_date=datetime.date(1990, 5, 5),
                    personal_id=make_personal_id("060", "male", 1990, 1))
    assert list(error.value.message_dict) == ["personal_id"]


def test_personal_id_is_unique_when_present_only(tree):
    make_person("A", tree.phu_quy)
    make_person("B", tree.phu_quy)  # two people without an ID are fine
    pid = make_personal_id("060", "male", 1980, 5)
    make_person("C", tree.phu_quy, personal_id=pid, birth_date=datetime.date(1980, 1, 1))
    with pytest.raises((ValidationError, IntegrityError)), transaction.atomic():
        make_person("D", tree.phu_quy, personal_id=pid, birth_date=datetime.date(1980, 1, 1))


def test_search_without_accents_finds_both_spellings(people):
    found = queries.search(Person.objects.all(), "nguyen thi hoa")
    assert list(found) == [people.hoa]
    both = queries.search(Person.objects.all(), "thi hoa")
    assert set(both) == {people.hoa, people.other}


def test_search_by_id_number(tree):
    pid = make_personal_id("060", "female", 1988, 42)
    person = make_person("Võ Thị Hạnh", tree.phu_quy, gender="female",
                         birth_date=datetime.date(1988, 2, 2), personal_id=pid)
    assert list(queries.search(Person.objects.all(), pid)) == [person]


def test_visible_to_officer_excludes_other_units(officer, people):
    assert set(queries.visible_to(officer)) == {people.hoa, people.binh}


def test_rating_is_one_per_year(people):
    services.record_rating(by=None, person=people.hoa, year=2024, level="HTT")
    services.record_rating(by=None, person=people.hoa, year=2024, level="HTXS")
    assert list(people.hoa.ratings.values_list("year", "level")) == [(2024, "HTXS")]


def test_discipline_period_must_be_ordered(people):
    with pytest.raises(ValidationError):
        services.record_discipline(by=None, person=people.hoa, level="khien_trach",
                                   start=datetime.date(2024, 5, 1), end=datetime.date(2024, 1, 1))


def test_update_person_is_audited_with_before_and_after(people):
    from thidua.core.models import AuditEntry

    services.update_person(by=None, person=people.hoa, title="Chuyên viên")
    entry = AuditEntry.objects.get(action="thidua.person.updated")
    assert (entry.before["title"], entry.after["title"]) == ("", "Chuyên viên")
