"""`thidua decisions --json` (contracts §4): every decision with its awards in force."""

import datetime
import json

from django.core.management import call_command

from tests.factories import make_award, make_decision
from thidua.awards import services as award_services


def test_every_decision_with_the_count_of_awards_in_force(tree, people, capsys):
    given = make_decision("120/QĐ-UBND", datetime.date(2024, 12, 20), issuer=tree.phu_quy,
                          signer_name="Nguyễn Văn Ký", decided_by="unit_head")
    make_award("ldtt", person=people.hoa, year=2024, decision=given)
    revoked = make_award("ldtt", person=people.binh, year=2024, decision=given)
    revoking = make_decision("9/QĐ-UBND", datetime.date(2025, 3, 5),
                             issuer_name="UBND đặc khu Phú Quý")
    award_services.revoke_award(by=None, award=revoked, decision=revoking, reason="Sai")
    call_command("decisions", "--json")
    assert json.loads(capsys.readouterr().out) == [
        {"id": given.pk, "number": "120/QĐ-UBND", "date": "2024-12-20",
         "issuer": "UBND huyện Phú Quý", "issuer_code": "phu-quy", "decided_by": "unit_head",
         "signer": "Nguyễn Văn Ký", "awards": 1, "revoked": 1},
        {"id": revoking.pk, "number": "9/QĐ-UBND", "date": "2025-03-05",
         "issuer": "UBND đặc khu Phú Quý", "issuer_code": "", "decided_by": "",
         "signer": "", "awards": 0, "revoked": 0},
    ]


def test_no_decision_is_an_empty_array(db, capsys):
    call_command("decisions", "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_without_json_one_line_a_decision(tree, capsys):
    make_decision("5/QĐ-UBND", datetime.date(2025, 1, 2), issuer=tree.phu_quy)
    call_command("decisions")
    assert capsys.readouterr().out == "5/QĐ-UBND\t2025-01-02\tUBND huyện Phú Quý\t0\n"
