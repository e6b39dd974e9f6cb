"""A dossier's header and rounds: created by the right people, in scope, audited."""

import datetime

import pytest

from tests.factories import make_proposal
from tests.proposals.conftest import counts
from thidua.core.models import AuditEntry
from thidua.proposals import services
from thidua.proposals.services import DossierError


def test_a_dossier_is_created_audited_and_searchable(round_, tree, zone_officer):
    from thidua.proposals import queries

    proposal = make_proposal(round_, tree.special_zone, by=zone_officer,
                             title="Tờ trình đề nghị khen thưởng Đội tuần tra biển",
                             number="3/TTr-UBND")
    assert (proposal.state, proposal.version, proposal.created_by) == ("draft", 1, zone_officer)
    assert AuditEntry.objects.filter(action="thidua.proposal.created",
                                     object_id=str(proposal.pk)).count() == 1
    found = queries.filter_proposals(queries.visible_to(zone_officer), text="doi tuan tra")
    assert list(found) == [proposal]


def test_a_closed_unit_cannot_open_a_dossier(round_, tree, officer):
    before = counts()
    with pytest.raises(DossierError) as refused:
        make_proposal(round_, tree.phu_quy, by=officer)
    assert str(refused.value) == ("UBND huyện Phú Quý không còn tồn tại: đơn vị kế thừa lập hồ "
                                  "sơ đề nghị.")
    assert counts() == before


def test_an_officer_cannot_open_a_dossier_for_another_unit(round_, tree, zone_officer):
    with pytest.raises(DossierError):
        make_proposal(round_, tree.phan_thiet, by=zone_officer)


def test_the_header_changes_only_while_editable(dossier, zone_officer):
    changed = services.update_proposal(by=zone_officer, proposal=dossier, title="  Tờ trình  mới ",
                                       number="16/TTr-UBND", version=dossier.version)
    assert (changed.title, changed.number, changed.version) == ("Tờ trình mới", "16/TTr-UBND", 2)
    assert "to trinh moi" in changed.search_key


def test_only_the_appraising_level_opens_rounds(tree, zone_officer, province_reviewer):
    fields = {"name": "Đợt thử", "year": 2025, "organiser": tree.lam_dong,
              "opens_on": datetime.date(2026, 1, 5),
              "submission_deadline": datetime.date(2026, 2, 27)}
    with pytest.raises(DossierError):
        services.create_round(by=zone_officer, **fields)
    round_ = services.create_round(by=province_reviewer, **fields)
    assert round_.created_by == province_reviewer


def test_a_rounds_year_is_fixed_once_it_has_dossiers(round_, dossier, admin_user):
    with pytest.raises(DossierError):
        services.update_round(by=admin_user, round_=round_, year=2024)
    changed = services.update_round(by=admin_user, round_=round_, name="Đợt đổi tên")
    assert changed.name == "Đợt đổi tên"
