import datetime

from thidua.organisations import queries
from thidua.organisations.models import Unit


def test_lineage_follows_the_2025_reorganisation(tree):
    assert queries.predecessor_ids([tree.special_zone.pk]) == {
        tree.special_zone.pk, tree.phu_quy.pk, tree.tam_thanh.pk,
    }
    assert queries.successor_ids([tree.phu_quy.pk]) == {tree.phu_quy.pk, tree.special_zone.pk}
    assert queries.lineage_ids([tree.tam_thanh.pk]) == {tree.tam_thanh.pk, tree.special_zone.pk}


def test_predecessors_are_closed_the_day_before(tree):
    tree.phu_quy.refresh_from_db()
    assert tree.phu_quy.valid_to == datetime.date(2025, 6, 30)
    assert tree.special_zone.valid_to is None


def test_subtree_is_a_path_prefix(tree):
    names = set(queries.subtree(tree.phu_quy).values_list("name", flat=True))
    assert names == {"UBND huyện Phú Quý", "UBND xã Tam Thanh"}


def test_officer_sees_own_subtree_only(officer, tree):
    visible = set(queries.visible_to(officer).values_list("pk", flat=True))
    assert visible == {tree.phu_quy.pk, tree.tam_thanh.pk}


def test_successor_officer_inherits_the_history_of_predecessors(zone_officer, tree):
    visible = set(queries.visible_to(zone_officer).values_list("pk", flat=True))
    assert visible == {tree.special_zone.pk, tree.phu_quy.pk, tree.tam_thanh.pk}


def test_reviewer_sees_the_whole_province_with_its_history(reviewer, tree):
    visible = set(queries.visible_to(reviewer).values_list("pk", flat=True))
    assert visible == set(Unit.objects.filter(path__startswith=tree.province.path)
                          .values_list("pk", flat=True))


def test_reviewer_of_the_new_province_sees_the_old_one(tree):
    from tests.factories import UserFactory, make_unit

    home_affairs = make_unit("Sở Nội vụ tỉnh Lâm Đồng", parent=tree.lam_dong)
    reviewer = UserFactory(role="reviewer", unit=home_affairs)
    assert queries.visible_to(reviewer).count() == Unit.objects.count()


def test_admin_sees_everything_and_anonymous_nothing(admin_user, tree):
    from django.contrib.auth.models import AnonymousUser

    assert queries.visible_to(admin_user).count() == Unit.objects.count()
    assert queries.visible_to(AnonymousUser()).count() == 0


def test_officer_without_unit_sees_nothing(db):
    from tests.factories import UserFactory

    assert queries.visible_to(UserFactory(role="officer", unit=None)).count() == 0


def test_match_by_name_is_accent_insensitive_and_prefers_current(tree):
    assert queries.match_by_name("ubnd huyen phu quy") == tree.phu_quy
    assert queries.match_by_name("UBND ĐẶC KHU PHÚ QUÝ") == tree.special_zone
    assert queries.match_by_name("UBND huyện Không Có") is None


def test_a_unit_saved_without_its_place_in_the_tree_gives_no_scope(db):
    """Only a unit saved around the services has no path; its users see nothing, without an
    error, on every list (the dossiers' council scope included)."""
    from tests.factories import UserFactory
    from thidua.proposals.queries import proposal_paths

    stray = Unit.objects.create(code="lac", name="Đơn vị lạc", kind="department", path="")
    for role in ("reviewer", "officer", "council_member"):
        user = UserFactory(role=role, unit=stray)
        assert (queries.scope_paths(user), queries.visible_to(user).count()) == ([], 0)
        assert proposal_paths(user) == []
