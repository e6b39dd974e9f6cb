"""`thidua gen-data`: a synthetic province, the same for a seed, at the real proportions, with
derived fields equal to what the services compute."""

import datetime
import unicodedata
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import make_person
from thidua.awards.models import Award, Decision, Initiative, Revocation
from thidua.core.models import AuditEntry
from thidua.core.text import fold, sort_key, unit_sort_key
from thidua.demo.generate import TABLES, GenerationRefused, generate
from thidua.movements.models import ChairHandover, Cluster, ClusterYear
from thidua.organisations.models import CollectiveRating, LineageEvent, Unit
from thidua.people.models import Discipline, Person, Position, Rating
from thidua.people.services import prepare
from thidua.people.validators import personal_id_errors

REORG = datetime.date(2025, 7, 1)
TIMESTAMPS = {"created_at", "updated_at"}


def make(persons: int = 300, years: int = 6, seed: int = 7, **options):
    options.setdefault("last_year", 2025)
    return generate(persons=persons, years=years, seed=seed, **options)


def dump() -> dict[str, list[tuple]]:
    """Every generated row, timestamps left out."""
    return {
        key: list(model.objects.order_by("pk").values_list(
            *[name for name in fields if name not in TIMESTAMPS]))
        for key, (model, fields) in TABLES.items()
    }


def wipe() -> None:
    """Delete every generated row (children first), as on an empty database."""
    with connection.cursor() as cursor:
        for model, _fields in reversed(list(TABLES.values())):
            cursor.execute(f'DELETE FROM "{model._meta.db_table}"')
    AuditEntry.objects.all().delete()


def share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1)


# -- determinism ----------------------------------------------------------------------------
def test_the_same_seed_gives_exactly_the_same_rows(db):
    make()
    first = dump()
    wipe()
    make()
    assert dump() == first
    assert len(first["award"]) > 2_000


def test_another_seed_gives_other_people(db):
    make(seed=1)
    names = list(Person.objects.order_by("pk").values_list("full_name", flat=True))
    wipe()
    make(seed=2)
    assert list(Person.objects.order_by("pk").values_list("full_name", flat=True)) != names


# -- proportions ----------------------------------------------------------------------------
@pytest.fixture
def province(db):
    """3,000 people over 10 years (2016–2025)."""
    return make(persons=3_000, years=10, seed=11)


def test_counts_match_the_summary_and_the_database(province):
    assert province.counts["person"] == Person.objects.count() == 3_000
    assert province.counts["award"] == Award.objects.count()
    assert province.counts["rating"] == Rating.objects.count()
    assert province.counts["decision"] == Decision.objects.count()
    assert (province.first_year, province.last_year) == (2016, 2025)


def test_ratings_follow_the_real_distribution(province):
    levels = Counter(Rating.objects.values_list("level", flat=True))
    total = sum(levels.values())
    assert 14 <= share(levels["HTXS"], total) <= 16
    assert 57 <= share(levels["HTT"], total) <= 63
    assert 20 <= share(levels["HT"], total) <= 24
    assert 2 <= share(levels["KHT"], total) <= 4


def test_awards_follow_the_real_proportions(province):
    person_years = Rating.objects.count()
    good_years = Rating.objects.filter(level__in=["HTXS", "HTT"]).count()
    merit = Award.objects.filter(kind="cong_trang", person__isnull=False)
    titles = merit.filter(award_type__code__in=["ldtt", "cstt"]).count()
    assert 90 <= share(titles, good_years) <= 98  # LĐTT (CSTT in the armed forces)
    assert 12 <= share(merit.filter(award_type__code="cstd_co_so").count(), person_years) <= 15
    assert 22 <= share(merit.filter(award_type__code="giay_khen").count(), person_years) <= 28
    provincial = merit.filter(award_type__code="bk_bo_tinh_individual").count()
    assert 1.2 <= share(provincial, person_years) <= 3
    assert Award.objects.filter(kind="chuyen_de").exists()
    assert Award.objects.filter(kind="dot_xuat").exists()
    assert Award.objects.filter(collective__isnull=False, award_type__code="ttldtt").exists()
    assert CollectiveRating.objects.count() > 0


def test_people_follow_the_real_proportions(province):
    people = Person.objects.all()
    total = people.count()
    assert 77 <= share(people.exclude(personal_id="").count(), total) <= 83
    assert 12 <= share(people.filter(group="direct_worker").count(), total) <= 18
    families = Counter(name.split(" ")[0] for name in people.values_list("full_name", flat=True))
    assert 35 <= share(families["Nguyễn"], total) <= 42
    assert families.most_common(3)[0][0] == "Nguyễn"
    assert {"Trần", "Lê", "Phạm"} <= {name for name, _count in families.most_common(6)}
    genders = Counter(people.values_list("gender", flat=True))
    assert set(genders) == {"male", "female"}
    assert 0.5 <= share(Discipline.objects.count(), Rating.objects.count()) <= 1.6


# -- derived fields, text and identifiers ---------------------------------------------------
def test_unit_fields_equal_what_the_service_computes(province):
    units = {unit.pk: unit for unit in Unit.objects.all()}
    for unit in units.values():
        parent = units.get(unit.parent_id)
        assert unit.path == f"{parent.path if parent else '/'}{unit.pk}/"
        assert unit.depth == (parent.depth + 1 if parent else 0)
        assert unit.name_folded == fold(unit.name)[:255]
        assert unit.sort_key == unit_sort_key(unit.name)


def test_person_fields_equal_what_the_service_computes(province):
    for person in Person.objects.all():
        again = prepare(Person(full_name=person.full_name, personal_id=person.personal_id,
                               gender=person.gender, birth_date=person.birth_date,
                               title=person.title, ethnicity=person.ethnicity))
        assert (person.full_name, person.name_folded, person.sort_key, person.title) == (
            again.full_name, again.name_folded, again.sort_key, again.title)
        assert person.sort_key == sort_key(person.full_name)


def test_personal_ids_are_valid_and_unique(province):
    people = Person.objects.exclude(personal_id="")
    for person in people:
        assert personal_id_errors(person.personal_id, gender=person.gender,
                                  birth_date=person.birth_date) == []
    ids = list(people.values_list("personal_id", flat=True))
    assert len(ids) == len(set(ids))


def test_all_text_is_nfc(province):
    texts = [
        *Person.objects.values_list("full_name", flat=True),
        *Person.objects.values_list("title", flat=True),
        *Unit.objects.values_list("name", flat=True),
        *Decision.objects.values_list("issuer_name", flat=True),
        *Decision.objects.values_list("signer_name", flat=True),
        *Initiative.objects.values_list("title", flat=True),
        *Award.objects.values_list("unit_name", flat=True).distinct(),
    ]
    assert [t for t in texts if not unicodedata.is_normalized("NFC", t)] == []
    assert "Nguyễn" in {name.split(" ")[0] for name in texts[:3_000]}


# -- the 2025 reorganisation ----------------------------------------------------------------
def test_units_have_lineage_through_the_reorganisation(province):
    kinds = Counter(LineageEvent.objects.values_list("kind", flat=True))
    assert {"merge", "rename", "dissolve"} <= set(kinds)
    old = Unit.objects.filter(valid_to=REORG - datetime.timedelta(days=1))
    new = Unit.objects.filter(valid_from=REORG)
    assert old.count() > 100
    assert new.count() > 50
    assert Unit.objects.filter(valid_to__isnull=False, valid_from__isnull=False).count() == 0
    # Every old unit ends in one lineage event; districts only in a dissolution.
    assert LineageEvent.predecessors.through.objects.filter(unit__in=old).count() == old.count()
    districts = old.filter(kind="district")
    assert districts.count() == 10
    assert set(LineageEvent.objects.filter(predecessors__in=districts)
               .values_list("kind", flat=True)) == {"dissolve"}
    assert new.filter(kind="special_zone").count() == 1


def test_names_are_those_of_their_time(province):
    for decision in Decision.objects.select_related("issuer").exclude(issuer=None):
        issuer = decision.issuer
        assert issuer.is_current(decision.date)
        assert decision.issuer_name in (issuer.name, "UBND t" + issuer.name[1:])
    early = Award.objects.filter(year__lte=2023).select_related("unit")
    assert early.exclude(unit__valid_to=REORG - datetime.timedelta(days=1)).count() == 0
    assert all(award.unit_name == award.unit.name for award in early[:500])
    late = Award.objects.filter(year=2025, kind="cong_trang").select_related("unit")
    assert late.exclude(unit__valid_from=REORG).count() == 0


def test_people_working_after_the_reorganisation_belong_to_new_units(province):
    working = Person.objects.filter(ratings__year=2025)
    assert working.exists()
    assert working.exclude(unit__valid_from=REORG).count() == 0
    in_new_units = Position.objects.filter(unit__valid_from=REORG)
    assert in_new_units.count() == working.count()
    assert in_new_units.filter(start__lt=REORG).count() == 0
    assert in_new_units.filter(start=REORG).count() > working.count() * 0.9


def test_clusters_have_members_chairs_and_handovers(province):
    assert Cluster.objects.filter(kind="cluster").count() >= 3
    first = ClusterYear.objects.filter(cluster__name__startswith="Cụm thi đua số I ",
                                       year=2016).get()
    assert first.members.count() == 5
    assert first.chair_id in set(first.members.values_list("unit_id", flat=True))
    assert ChairHandover.objects.filter(cluster=first.cluster).count() == 8  # 2017 … 2024


# -- chains: higher awards only after the lower ones ----------------------------------------
def merit_years(person_id: int, code: str) -> list[int]:
    return sorted(Award.objects.filter(person_id=person_id, award_type__code=code,
                                       kind="cong_trang").values_list("year", flat=True))


def test_higher_awards_follow_their_chains(province):
    provincial = Award.objects.filter(award_type__code="cstd_bo_tinh")
    for award in provincial:
        cstd = merit_years(award.person_id, "cstd_co_so")
        assert {award.year - 2, award.year - 1, award.year} <= set(cstd)
    for award in Award.objects.filter(award_type__code="bk_ttg_individual"):
        assert min(merit_years(award.person_id, "bk_bo_tinh_individual")) <= award.year - 5
    for award in Award.objects.filter(award_type__code="hcld_3_individual"):
        assert min(merit_years(award.person_id, "bk_ttg_individual")) <= award.year - 5


def test_cstd_co_so_needs_an_excellent_rating_or_an_initiative(province):
    ratings = {(r.person_id, r.year): r.level for r in Rating.objects.all()}
    initiatives = set(Initiative.objects.values_list("person_id", "year"))
    titles = set(Award.objects.filter(award_type__code__in=["ldtt", "cstt"])
                 .values_list("person_id", "year"))
    cstd = Award.objects.filter(award_type__code="cstd_co_so").values_list("person_id", "year")
    assert len(cstd) > 100
    for person_id, year in cstd:
        assert ratings[(person_id, year)] == "HTXS" or (person_id, year) in initiatives
        assert (person_id, year) in titles


def test_no_title_in_a_year_under_discipline(province):
    for discipline in Discipline.objects.all():
        blocked = Award.objects.filter(person_id=discipline.person_id, kind="cong_trang",
                                       year__gte=discipline.start.year,
                                       year__lte=discipline.end.year)
        assert blocked.count() == 0


def test_revocations_come_after_the_award(db):
    make(persons=20_000, years=3, seed=5)
    revocations = Revocation.objects.select_related("award__decision", "decision")
    assert revocations.count() >= 1
    for revocation in revocations:
        assert revocation.decision.date > revocation.award.decision.date


# -- refusing, forcing, the audit entry and the command -------------------------------------
def test_refuses_a_database_that_has_people(tree):
    make_person("Nguyễn Văn An", tree.phu_quy)
    with pytest.raises(GenerationRefused) as refusal:
        make()
    assert refusal.value.reason == "people"
    assert Person.objects.count() == 1


def test_refuses_to_stop_before_the_reorganisation(db):
    with pytest.raises(GenerationRefused) as refusal:
        make(last_year=2024)
    assert (refusal.value.reason, refusal.value.params) == ("last_year", {"year": 2025})
    assert Unit.objects.count() == 0


def test_force_adds_another_province(db):
    first = make(persons=100)
    second = make(persons=100, force=True)
    assert (first.prefix, second.prefix) == ("g7-1", "g7-2")
    assert Person.objects.count() == 200
    assert Unit.objects.filter(kind="province").count() == 4
    assert first.province != second.province
    ids = list(Person.objects.exclude(personal_id="").values_list("personal_id", flat=True))
    assert len(ids) == len(set(ids))


def test_one_audit_entry_sums_up_the_run(db):
    summary = make(persons=100)
    entry = AuditEntry.objects.get()
    assert entry.action == "thidua.data.generated"
    assert entry.after["award"] == summary.counts["award"]
    assert entry.after["person"] == 100
    assert entry.after["seed"] == 7


def test_the_command_prints_a_summary_and_refuses_to_run_twice(db):
    out = StringIO()
    call_command("gen-data", "--persons", "60", "--years", "3", "--seed", "3",
                 "--last-year", "2025", stdout=out)
    assert "60" in out.getvalue()
    assert "2023–2025" in out.getvalue()
    assert Person.objects.count() == 60
    with pytest.raises(CommandError) as error:
        call_command("gen-data", "--persons", "60", "--years", "3", stdout=StringIO())
    assert "--force" in str(error.value)
    call_command("gen-data", "--persons", "60", "--years", "3", "--force", stdout=StringIO())
    assert Person.objects.count() == 120
