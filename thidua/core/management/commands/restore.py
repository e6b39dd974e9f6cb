from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core.backup import BackupError, restore_backup
from thidua.core.services import log_action


class Command(BaseCommand):
    help = "Replace the database and stored files with a backup made by `thidua backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--yes", action="store_true",
                            help="Do not ask before replacing the current data.")

    def handle(self, *args, path: Path, yes: bool, **options):
        if not path.exists():
            raise CommandError(f"{path}: no such file")
        if not yes and input("Replace ALL current data with this backup? [y/N] ").lower() != "y":
            raise CommandError("Cancelled.")
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        log_action("thidua.data.restored", by=None, object_type="backup", object_id=str(path),
                   after={"created_at": manifest["created_at"]})
        self.stdout.write(f"restored {path} (made {manifest['created_at']})")
