import datetime

from django.core.management.base import BaseCommand, CommandError

from thidua.proposals.services.reminders import Run, line, send_reminders


class Command(BaseCommand):
    help = ("E-mail the officers and reviewers about dossiers that are overdue or due within 3 "
            "working days (each dossier at most once a day); --dry-run only lists them.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="List who would be reminded of what; send and record nothing.")
        parser.add_argument("--today", help="Count from this day (YYYY-MM-DD) instead of today.")

    def handle(self, *args, dry_run: bool, today: str | None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError(f"--today {today!r}: expected YYYY-MM-DD") from error
        run = send_reminders(today=day, dry_run=dry_run)
        if dry_run:
            self._list(run)
        self.stdout.write(summary(run, dry_run))
        for email in run.failed:
            self.stderr.write(f"not sent: {email}")

    def _list(self, run: Run) -> None:
        for email, proposals in run.inbox.items():
            self.stdout.write(f"{email}:")
            for proposal in proposals:
                self.stdout.write(f"  {line(proposal, run.today)}")


def summary(run: Run, dry_run: bool) -> str:
    verb = "would send" if dry_run else "sent"
    sent = len(run.inbox) if dry_run else run.sent
    return (f"{run.today:%d/%m/%Y}: {len(run.due)} dossiers overdue or due soon, "
            f"{run.skipped} already reminded today, {len(run.unaddressed)} with no recipient; "
            f"{verb} {sent} e-mails, {len(run.failed)} failed")
