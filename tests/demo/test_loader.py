"""The curated demo: what `load_demo` writes, and what each demo account sees.

The demo is loaded once for this module (it takes a few seconds) inside a transaction that is
rolled back at the end; each test runs in its own savepoint on top of it."""

import datetime
import unicodedata

import pytest
from django.contrib.auth import authenticate
from django.db import models, transaction

from thidua.accounts.choices import Role
from thidua.accounts.models import User
from thidua.awards import queries as award_queries
from thidua.awards.models import Award, Decision, Initiative, Revocation
from thidua.demo import data
from thidua.demo.loader import DemoSummary, load_demo
from thidua.movements import queries as movement_queries
from thidua.movements.models import ChairHandover, Cluster, ClusterMember, ClusterYear
from thidua.organisations import queries as unit_queries
from thidua.organisations.models import CollectiveRating, LineageEvent, Unit
from thidua.people import queries as people_queries
from thidua.people.models import Discipline, Person, Position, Rating

REORG = datetime.date(2025, 7, 1)
CLUSTER_I = ["UBND huyện Hàm Thuận Nam", "UBND huyện Phú Quý", "UBND huyện Tuy Phong",
             "UBND thành phố Phan Thiết", "UBND thị xã La Gi"]
PHU_QUY_PEOPLE = {"Trương Minh Khoa", "Nguyễn Thị Hoà", "Lê Văn Tâm", "Huỳnh Văn Út",
                  "Nguyễn Thị Lài", "Đặng Văn Hùng", "Phan Thị Mỹ Hạnh", "Trần Văn Bình",
                  "Lê Thị Thu Sương", "Võ Thanh Long", "Nguyễn Thị Kim Yến"}
PHAN_THIET_PEOPLE = {"Nguyễn Hoàng Nam", "Trần Minh Tuấn", "Lê Quốc Bảo", "Phạm Văn Đức",
                     "Võ Thị Bích Ngọc", "Đặng Thị Thu Thảo", "Lâm Thị Bảo Trân",
                     "Ngô Thị Thanh Xuân"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        summary = load_demo()
        yield summary
        transaction.set_rollback(True)


@pytest.fixture
def account(demo, db):
    """A demo account, read afresh (its scope is cached on the object)."""
    return lambda username: User.objects.select_related("unit").get(username=username)


def unit(name: str) -> Unit:
    return Unit.objects.get(name=name, valid_to__isnull=name != "Trường THPT Chuyên Trần Hưng Đạo")


def history(name: str) -> list[tuple]:
    return list(Award.objects.filter(person__full_name=name).order_by("year", "decision__date", "id")
                .values_list("award_type__code", "year", "kind", "decision__issuer_name"))


def test_summary_counts_what_is_in_the_database(demo, db):
    assert demo == DemoSummary(
        units=86, lineage_events=30, clusters=2, cluster_years=16, cluster_members=80,
        handovers=14, people=46, positions=100, ratings=442, disciplines=2, initiatives=11,
        decisions=243, awards=543, revocations=1, collective_ratings=109, accounts=15)
    assert [model.objects.count() for model in (
        Unit, LineageEvent, Cluster, ClusterYear, ClusterMember, ChairHandover, Person, Position,
        Rating, Discipline, Initiative, Decision, Award, Revocation, CollectiveRating, User,
    )] == [86, 30, 2, 16, 80, 14, 46, 100, 442, 2, 11, 243, 543, 1, 109, 15]


def test_binh_thuan_ends_on_30_june_2025_and_lam_dong_begins_the_next_day(demo, db):
    old = Unit.objects.get(name="Tỉnh Bình Thuận")
    new = Unit.objects.get(name="Tỉnh Lâm Đồng")
    assert set(Unit.objects.filter(path__startswith=old.path).values_list("valid_to", flat=True)) \
        == {datetime.date(2025, 6, 30)}
    assert set(Unit.objects.filter(path__startswith=new.path)
               .values_list("valid_from", "valid_to")) == {(REORG, None)}
    merger = LineageEvent.objects.get(successors=new)
    assert (merger.kind, merger.date, merger.basis) == ("merge", REORG, "Nghị quyết 202/2025/QH15")
    assert list(merger.predecessors.values_list("name", flat=True)) == ["Tỉnh Bình Thuận"]
    assert "tỉnh Đắk Nông" in merger.note


def test_phu_quy_district_and_its_communes_became_the_special_zone(demo, db):
    zone = unit("UBND đặc khu Phú Quý")
    event = LineageEvent.objects.get(successors=zone)
    assert (event.kind, event.date, event.basis) == (
        "merge", REORG, "Nghị quyết 202/2025/QH15; Nghị quyết 1671/NQ-UBTVQH15")
    assert sorted(event.predecessors.values_list("name", flat=True)) == [
        "UBND huyện Phú Quý", "UBND xã Long Hải", "UBND xã Ngũ Phụng", "UBND xã Tam Thanh"]
    assert zone.kind == "special_zone"
    names = Unit.objects.filter(pk__in=unit_queries.predecessor_ids([zone.pk])).values_list(
        "name", flat=True)
    assert sorted(names) == ["UBND huyện Phú Quý", "UBND xã Long Hải", "UBND xã Ngũ Phụng",
                             "UBND xã Tam Thanh", "UBND đặc khu Phú Quý"]


def test_phan_thiet_city_was_split_into_four_wards(demo, db):
    event = LineageEvent.objects.get(predecessors__name="UBND thành phố Phan Thiết")
    assert event.kind == "split"
    assert sorted(event.successors.values_list("name", flat=True)) == [
        "UBND phường Mũi Né", "UBND phường Phan Thiết", "UBND phường Phú Thủy",
        "UBND phường Tiến Thành"]


def test_every_district_hands_over_to_units_of_the_new_province(demo, db):
    districts = Unit.objects.filter(kind="district")
    assert districts.count() == 10
    for district in districts:
        event = LineageEvent.objects.get(predecessors=district)
        assert set(event.successors.values_list("valid_from", flat=True)) == {REORG}


def test_cluster_i_has_its_five_members_every_year_from_2017_to_2024(demo, db):
    clusters = Cluster.objects.order_by("code")
    assert [(c.name, c.managing_council) for c in clusters] == [
        ("Cụm thi đua số I", "Hội đồng Thi đua – Khen thưởng tỉnh Bình Thuận"),
        ("Cụm thi đua số II", "Hội đồng Thi đua – Khen thưởng tỉnh Bình Thuận")]
    years = list(movement_queries.years_of(clusters[0]))
    assert [y.year for y in years] == list(range(2017, 2025))
    assert {tuple(sorted(m.unit_name for m in y.members.all())) for y in years} == {
        tuple(CLUSTER_I)}
    assert sorted(ClusterMember.objects.filter(cluster_year__cluster=clusters[1], cluster_year__year=2024)
                  .values_list("unit_name", flat=True)) == [
        "UBND huyện Bắc Bình", "UBND huyện Hàm Thuận Bắc", "UBND huyện Hàm Tân",
        "UBND huyện Tánh Linh", "UBND huyện Đức Linh"]


def test_phu_quy_chaired_cluster_i_in_2017_and_handed_over_to_phan_thiet_for_2018(demo, db):
    years = ClusterYear.objects.filter(cluster__name="Cụm thi đua số I").order_by("year")
    assert [(y.year, y.chair_name, y.vice_chair_name) for y in years[:3]] == [
        (2017, "UBND huyện Phú Quý", "UBND thành phố Phan Thiết"),
        (2018, "UBND thành phố Phan Thiết", "UBND thị xã La Gi"),
        (2019, "UBND thị xã La Gi", "UBND huyện Tuy Phong")]
    handover = ChairHandover.objects.get(cluster__name="Cụm thi đua số I", for_year=2018)
    assert (handover.from_name, handover.to_name, handover.date) == (
        "UBND huyện Phú Quý", "UBND thành phố Phan Thiết", datetime.date(2018, 1, 15))


def test_each_handover_passes_the_chair_from_last_years_chair_early_in_the_year(demo, db):
    chairs = {(y.cluster_id, y.year): y.chair_id for y in ClusterYear.objects.all()}
    for handover in ChairHandover.objects.all():
        assert handover.from_unit_id == chairs[handover.cluster_id, handover.for_year - 1]
        assert handover.to_unit_id == chairs[handover.cluster_id, handover.for_year]
        assert (handover.date.year, handover.date.month) == (handover.for_year, 1)


def test_cluster_leaders_hold_the_provincial_flag(demo, db):
    flags = Award.objects.filter(award_type__code="co_thi_dua_bo_tinh")
    assert sorted(flags.filter(year=2017).values_list("awardee_name", "decision__issuer_name")) == [
        ("UBND huyện Phú Quý", "UBND tỉnh Bình Thuận"), ("UBND huyện Đức Linh", "UBND tỉnh Bình Thuận")]
    assert flags.count() == 16
    assert CollectiveRating.objects.get(unit__name="UBND huyện Phú Quý", year=2017).level == "HTXS"


def test_accounts_have_their_roles_and_units(demo, db):
    users = {u.username: (u.role, u.unit.name if u.unit else None, u.is_superuser, u.is_staff)
             for u in User.objects.select_related("unit")}
    home_affairs = "Sở Nội vụ tỉnh Lâm Đồng"
    assert users == {
        "admin": (Role.ADMIN, None, True, True),
        "sonoivu": (Role.REVIEWER, home_affairs, False, False),
        "phuquy": (Role.OFFICER, "UBND đặc khu Phú Quý", False, False),
        "phanthiet": (Role.OFFICER, "UBND phường Phan Thiết", False, False),
        "lanhdao": (Role.LEADER, "Tỉnh Lâm Đồng", False, False),
        **{f"hoidong{n}": (Role.COUNCIL_MEMBER, home_affairs, False, False) for n in range(1, 10)},
        "bientap": (Role.EDITOR, home_affairs, False, False),
    }
    assert "Thư ký Hội đồng" in User.objects.get(username="hoidong1").full_name


def test_accounts_sign_in_with_the_demo_password(demo, db):
    assert User.objects.values("password").distinct().count() == 1  # one hash for all of them
    for username in ("admin", "phuquy", "hoidong1"):
        assert authenticate(username=username, password="thidua-demo-2017").username == username
    assert authenticate(username="phuquy", password="wrong-password") is None


def test_stored_text_is_nfc(demo, db):
    for model in (Unit, LineageEvent, Cluster, ClusterYear, ClusterMember, ChairHandover, Person,
                  Position, Discipline, Initiative, Decision, Award, Revocation, User):
        names = [f.name for f in model._meta.concrete_fields
                 if isinstance(f, models.CharField | models.TextField)]
        for row in model.objects.values_list(*names):
            for value in row:
                assert value == unicodedata.normalize("NFC", value), (model.__name__, value)


def test_the_curated_data_itself_is_nfc():
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple | list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from strings(key)
                yield from strings(item)

    every = [*strings(data.UNITS), *strings(data.LINEAGE), *strings(data.CLUSTERS),
             *strings(data.DECISIONS), *strings(data.PEOPLE), *strings(data.COLLECTIVES),
             *strings(data.ACCOUNTS)]
    assert len(every) > 1000
    assert [s for s in every if s != unicodedata.normalize("NFC", s)] == []


def test_phu_quy_officer_sees_the_district_history_and_not_phan_thiet(account):
    officer = account("phuquy")
    people = set(people_queries.visible_to(officer).values_list("full_name", flat=True))
    assert people == PHU_QUY_PEOPLE
    # A person of the district who retired before 2025 still belongs to UBND huyện Phú Quý.
    assert Person.objects.get(full_name="Đặng Văn Hùng").unit.name == "UBND huyện Phú Quý"
    awards = award_queries.visible_to(officer)
    assert set(awards.values_list("person__full_name", flat=True)) - {None} == PHU_QUY_PEOPLE
    assert sorted(awards.filter(person__full_name="Đặng Văn Hùng")
                  .values_list("award_type__code", flat=True)) == [
        "bk_bo_tinh_individual", "hcld_3_individual"]
    assert sorted(awards.filter(award_type__code="co_thi_dua_bo_tinh")
                  .values_list("awardee_name", "year")) == [
        ("UBND huyện Phú Quý", 2017), ("UBND huyện Phú Quý", 2021), ("UBND huyện Phú Quý", 2024)]
    assert not awards.filter(person__full_name__in=PHAN_THIET_PEOPLE).exists()


def test_phan_thiet_officer_sees_the_city_history_and_not_the_other_new_wards(account):
    people = set(people_queries.visible_to(account("phanthiet")).values_list("full_name", flat=True))
    assert people == PHAN_THIET_PEOPLE


def test_home_affairs_reviewer_and_leader_see_everything_in_binh_thuan(account):
    for username in ("sonoivu", "lanhdao"):
        user = account(username)
        assert people_queries.visible_to(user).count() == Person.objects.count()
        assert award_queries.visible_to(user).count() == Award.objects.count()
        assert unit_queries.visible_to(user).count() == Unit.objects.count()


def test_two_different_hoa_are_found_without_accents(demo, db):
    found = people_queries.search(Person.objects.select_related("unit"), "nguyen thi hoa")
    assert sorted((p.full_name, p.unit.name) for p in found) == [
        ("Nguyễn Thị Hoà", "Văn phòng HĐND và UBND đặc khu Phú Quý"),
        ("Nguyễn Thị Hòa", "UBND phường Phú Thủy")]


def test_decisions_carry_the_issuer_name_of_their_time(demo, db):
    for decision in Decision.objects.filter(issuer__isnull=False).select_related("issuer"):
        assert decision.issuer.is_current(decision.date), decision
        assert decision.issuer_name == decision.issuer.name
    assert history("Trương Minh Khoa")[-4:] == [
        ("ldtt", 2024, "cong_trang", "UBND huyện Phú Quý"),
        ("cstd_co_so", 2024, "cong_trang", "UBND huyện Phú Quý"),
        ("ldtt", 2025, "cong_trang", "UBND đặc khu Phú Quý"),
        ("cstd_co_so", 2025, "cong_trang", "UBND đặc khu Phú Quý")]
    assert set(Decision.objects.filter(awards__person__full_name="Trương Minh Khoa", date__year=2025)
               .values_list("decided_by", flat=True)) == {"district_chair"}
    assert set(Decision.objects.filter(awards__person__full_name="Trương Minh Khoa", date__year=2026)
               .values_list("decided_by", flat=True)) == {"commune_chair"}


def test_awards_and_initiatives_name_units_that_existed_on_their_date(demo, db):
    for award in Award.objects.select_related("unit", "decision"):
        assert award.unit.is_current(award.decision.date), award
    for initiative in Initiative.objects.select_related("recognising_body"):
        assert initiative.recognising_body.is_current(initiative.decision_date), initiative


def test_yearly_titles_follow_ratings_and_initiatives():
    """LĐTT needs HTT or better (except direct workers); CSTĐCS also HTXS or an initiative."""
    for person in data.PEOPLE:
        ratings, titles = data.by_year(person.ratings), data.by_year(person.titles)
        idea_years = {idea.year for idea in person.ideas}
        for year, letter in titles.items():
            if person.group != "direct_worker":
                assert ratings[year] in ("HTT", "HTXS"), (person.name, year)
            if letter == "C":
                assert ratings[year] == "HTXS" or year in idea_years, (person.name, year)


def test_member_counts_of_fully_staffed_collectives_match_the_positions(demo, db):
    names = ["Ban Thi đua – Khen thưởng tỉnh Bình Thuận", "Phòng Nội vụ huyện Phú Quý",
             "Phòng Nội vụ thành phố Phan Thiết", "Văn phòng HĐND và UBND đặc khu Phú Quý",
             "Văn phòng HĐND và UBND phường Phan Thiết"]
    for rating in CollectiveRating.objects.filter(unit__name__in=names):
        year_end = datetime.date(rating.year, 12, 31)
        held = Position.objects.filter(unit=rating.unit, start__lte=year_end).exclude(
            end__lt=year_end)
        assert held.count() == rating.member_count, (rating.unit.name, rating.year)


def test_eligibility_paths_are_in_the_histories(demo, db):
    # CSTĐ tỉnh: CSTĐCS 2023–2025 and an initiative recognised by the provincial chair.
    assert list(Award.objects.filter(person__full_name="Trương Minh Khoa",
                                     award_type__code="cstd_co_so").values_list("year", flat=True)
                .order_by("year")) == [2020, 2023, 2024, 2025]
    assert list(Initiative.objects.filter(person__full_name="Trương Minh Khoa", scope="bo_tinh")
                .values_list("year", "recognised_by", "recognising_body_name")) == [
        (2025, "provincial_chair", "UBND tỉnh Lâm Đồng")]
    # Broken chain: CSTĐCS 2023 and 2024, not 2025.
    assert [year for code, year, *_ in history("Nguyễn Hoàng Nam") if code == "cstd_co_so"] == [2023, 2024]
    # BK tỉnh of kind chuyên đề; BKTTg on a merit BK tỉnh for 2019.
    assert ("bk_bo_tinh_individual", 2020, "chuyen_de", "UBND tỉnh Bình Thuận") in history("Lê Văn Tâm")
    assert ("bk_bo_tinh_individual", 2019, "cong_trang", "UBND tỉnh Bình Thuận") in history(
        "Phạm Quốc Việt")
    assert ("bk_ttg_individual", 2019, "cong_trang", "Thủ tướng Chính phủ") in history("Lê Hoàng Phúc")
    # Direct workers: no ratings, LĐTT from the cooperative's director.
    worker = Person.objects.get(full_name="Huỳnh Văn Út")
    assert (worker.group, worker.ratings.count()) == ("direct_worker", 0)
    assert set(worker.positions.values_list("is_direct_worker", flat=True)) == {True}
    assert set(Decision.objects.filter(awards__person=worker, awards__award_type__code="ldtt")
               .values_list("decided_by", flat=True)) == {"enterprise_director"}
    # A woman leader with 8 years as deputy director of a department (G09).
    leader = Person.objects.get(full_name="Trần Thị Kim Oanh")
    deputy = leader.positions.filter(post_group="pho_vu_truong_tuong_duong")
    assert (leader.gender, deputy.count(), deputy.first().start, deputy.last().end) == (
        "female", 2, datetime.date(2018, 1, 2), datetime.date(2025, 12, 31))
    # Discipline still in force, and one that ended.
    assert list(Discipline.objects.order_by("start").values_list(
        "person__full_name", "level", "end")) == [
        ("Phạm Văn Đức", "khien_trach", datetime.date(2022, 12, 19)),
        ("Lê Quốc Bảo", "canh_cao", None)]


def test_an_award_is_revoked_by_a_later_decision(demo, db):
    revocation = Revocation.objects.select_related("award__decision", "decision").get()
    assert (revocation.award.awardee_name, revocation.award.award_type.code,
            revocation.award.year) == ("Trần Minh Tuấn", "cstd_co_so", 2021)
    assert revocation.decision.date > revocation.award.decision.date
    assert revocation.decision.issuer_name == "UBND thành phố Phan Thiết"
    assert award_queries.in_force(Award.objects.filter(person__full_name="Trần Minh Tuấn",
                                                       year=2021)).count() == 1  # the LĐTT
