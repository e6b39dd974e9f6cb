"""`thidua reminders`: who is told about which dossier, once a day, and the dry run."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import UserFactory
from tests.proposals.dossiers import make_dossier
from thidua.accounts.choices import Role
from thidua.core.models import AuditEntry
from thidua.proposals.choices import State
from thidua.proposals.services.reminders import send_reminders

D = datetime.date
TODAY = D(2026, 11, 25)  # Wednesday; 24/11 (Culture Day) is off


@pytest.fixture
def dossiers(tree):
    late_draft = make_dossier(tree.phu_quy, State.DRAFT, submission_deadline=D(2026, 11, 20))
    soon = make_dossier(tree.tam_thanh, State.RECEIVED, due_on=D(2026, 11, 30))
    make_dossier(tree.phu_quy, State.RECEIVED, due_on=D(2026, 12, 1))  # 4 working days away
    make_dossier(tree.phu_quy, State.DECIDED, due_on=D(2026, 11, 2))  # closed: never reminded
    other = make_dossier(tree.phan_thiet, State.RETURNED, due_on=D(2026, 11, 23))
    return late_draft, soon, other


@pytest.fixture
def people_to_mail(tree):
    return {
        "officer": UserFactory(role=Role.OFFICER, unit=tree.phu_quy, email="phuquy@example.vn"),
        "commune": UserFactory(role=Role.OFFICER, unit=tree.tam_thanh, email=""),
        "other": UserFactory(role=Role.OFFICER, unit=tree.phan_thiet, email="pt@example.vn"),
        "reviewer": UserFactory(role=Role.REVIEWER, unit=tree.home_affairs,
                                email="snv@example.vn"),
        "retired": UserFactory(role=Role.REVIEWER, unit=tree.home_affairs, email="old@x.vn",
                               is_active=False),
    }


def test_each_recipient_gets_one_email_with_their_dossiers(dossiers, people_to_mail):
    late_draft, soon, other = dossiers
    run = send_reminders(today=TODAY)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "phuquy@example.vn", "pt@example.vn", "snv@example.vn"]
    by_address = {message.to[0]: message for message in mail.outbox}
    reviewer_mail = by_address["snv@example.vn"]
    assert reviewer_mail.subject == "[thidua] 3 hồ sơ quá hạn hoặc sắp đến hạn"
    lines = reviewer_mail.body.splitlines()
    assert lines[0] == "Các hồ sơ sau đã quá hạn hoặc sẽ đến hạn trong 3 ngày làm việc tới:"
    assert lines[2].startswith(
        f"- {late_draft.title} (UBND huyện Phú Quý), {late_draft.get_state_display()}: "
        "quá hạn 2 ngày làm việc.")
    assert lines[3].startswith(f"- {other.title} (UBND thành phố Phan Thiết), ")
    assert ": quá hạn 1 ngày làm việc." in lines[3]
    assert lines[4].startswith(f"- {soon.title} (UBND xã Tam Thanh), ")
    assert ": đến hạn ngày 30/11/2026." in lines[4]
    assert by_address["phuquy@example.vn"].body.count("\n- ") == 1
    assert (run.sent, run.skipped, run.failed, run.unaddressed) == (3, 0, [], [])


def test_a_dossier_is_reminded_at_most_once_a_day(dossiers, people_to_mail):
    send_reminders(today=TODAY)
    entries = AuditEntry.objects.filter(action="thidua.proposal.reminded")
    assert entries.count() == 3
    late_draft = dossiers[0]
    assert entries.get(object_id=str(late_draft.pk)).after == {
        "day": "2026-11-25", "due": "2026-11-20", "recipients": 2}
    mail.outbox.clear()
    again = send_reminders(today=TODAY)
    assert (len(mail.outbox), again.skipped, again.sent) == (0, 3, 0)
    next_day = send_reminders(today=D(2026, 11, 26))
    assert (len(mail.outbox), next_day.skipped) == (3, 0)


def test_a_dossier_nobody_can_be_told_about_is_reported(tree):
    lonely = make_dossier(tree.phu_quy, State.DRAFT, submission_deadline=D(2026, 11, 20))
    run = send_reminders(today=TODAY)
    assert (run.unaddressed, run.sent, len(mail.outbox)) == ([lonely], 0, 0)
    assert not AuditEntry.objects.filter(action="thidua.proposal.reminded").exists()


def test_the_dry_run_lists_and_sends_nothing(dossiers, people_to_mail):
    out = io.StringIO()
    call_command("reminders", "--dry-run", "--today", "2026-11-25", stdout=out)
    printed = out.getvalue().splitlines()
    assert printed[0] == "phuquy@example.vn:"
    assert printed[-1] == ("25/11/2026: 3 dossiers overdue or due soon, 0 already reminded today, "
                           "0 with no recipient; would send 3 e-mails, 0 failed")
    assert mail.outbox == []
    assert not AuditEntry.objects.filter(action="thidua.proposal.reminded").exists()


def test_the_command_sends_and_summarises(dossiers, people_to_mail):
    out = io.StringIO()
    call_command("reminders", "--today", "2026-11-25", stdout=out)
    assert out.getvalue() == ("25/11/2026: 3 dossiers overdue or due soon, 0 already reminded "
                              "today, 0 with no recipient; sent 3 e-mails, 0 failed\n")
    assert len(mail.outbox) == 3


def test_a_bad_day_is_a_clear_error():
    with pytest.raises(CommandError, match="--today '25/11/2026': expected YYYY-MM-DD"):
        call_command("reminders", "--today", "25/11/2026")
