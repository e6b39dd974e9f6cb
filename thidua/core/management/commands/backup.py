from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core.backup import BackupError, create_backup
from thidua.core.services import log_action


class Command(BaseCommand):
    help = "Write a consistent, verified copy of the database and stored files to PATH (a zip)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            manifest = create_backup(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        log_action("thidua.data.backed_up", by=None, object_type="backup", object_id=str(path))
        self.stdout.write(f"{path}: {len(manifest['members'])} members, verified")
