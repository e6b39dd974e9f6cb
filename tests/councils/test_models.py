"""What the database itself refuses, whatever the code above it does."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from thidua.councils.models import Council, CouncilMember, Recusal, Vote


def refused_by_database(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_a_quorum_above_one_is_refused(tree):
    refused_by_database(lambda: Council.objects.create(
        name="Hội đồng sai", organiser=tree.lam_dong, quorum_numerator=4, quorum_denominator=3))
    assert Council.objects.count() == 0


def test_an_account_holds_one_open_seat_per_council(ballot):
    refused_by_database(lambda: CouncilMember.objects.create(
        council=ballot.council, user=ballot.users[1], full_name="Võ Văn Hải",
        valid_from=datetime.date(2026, 1, 1)))
    # Once the first seat is closed, the same account may be seated again.
    CouncilMember.objects.filter(pk=ballot.seats[1].pk).update(valid_to=datetime.date(2025, 12, 31))
    CouncilMember.objects.create(council=ballot.council, user=ballot.users[1],
                                 full_name="Võ Văn Hải", valid_from=datetime.date(2026, 1, 1))
    assert ballot.council.members.filter(user=ballot.users[1]).count() == 2


def test_a_recusal_names_a_nominee_or_a_proposal_not_both(ballot):
    refused_by_database(lambda: Recusal.objects.create(
        session=ballot.session, member=ballot.seats[1], nominee=ballot.hoa,
        proposal=ballot.phu_quy, reason="own_unit", recorded_by=ballot.secretary))
    refused_by_database(lambda: Recusal.objects.create(
        session=ballot.session, member=ballot.seats[1], reason="own_unit",
        recorded_by=ballot.secretary))
    assert Recusal.objects.count() == 0


def test_a_ballot_line_has_a_random_key_and_nothing_about_the_voter(ballot):
    first = Vote.objects.create(session=ballot.session, nominee=ballot.hoa, choice="yes",
                                receipt_hash="0" * 64)
    second = Vote.objects.create(session=ballot.session, nominee=ballot.hoa, choice="yes",
                                 receipt_hash="1" * 64)
    assert first.pk.version == 4 and first.pk != second.pk
    assert [f.name for f in Vote._meta.concrete_fields] == [
        "id", "session", "nominee", "choice", "receipt_hash"]
    assert Vote._meta.ordering == []
