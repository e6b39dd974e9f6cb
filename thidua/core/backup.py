"""`thidua backup` / `thidua restore`: a consistent, self-checking copy of the data and files.

The archive is a zip holding `data.jsonl` (every row, as Django's serializer writes it with
natural keys, so it restores into SQLite or PostgreSQL alike: a commune's laptop can move to the
province's server), the stored files under `files/`, and `manifest.json` with the SHA-256 of each
member. The copy is read back and checked after writing; restore refuses an archive whose
manifest, hashes or zip checksums do not match, before touching the database.
"""

import datetime
import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.core import management
from django.db import connection, transaction
from django.utils.translation import gettext as _

FORMAT = "thidua-backup-1"
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "django_tasks_database"]


class BackupError(Exception):
    """The archive cannot be written, or is damaged and cannot be restored."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def create_backup(target: Path) -> dict:
    """Write the archive to `target` (atomically, through a temporary file) and verify it."""
    target = Path(target)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.jsonl"
        # One read transaction: the dump is a consistent snapshot of the database.
        with transaction.atomic():
            management.call_command(
                "dumpdata", format="jsonl", output=str(data), exclude=EXCLUDED,
                use_natural_foreign_keys=True, verbosity=0,
            )
        members = {"data.jsonl": data}
        root = Path(settings.MEDIA_ROOT)
        members.update({f"files/{p.relative_to(root).as_posix()}": p for p in _media_files()})
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database_vendor": connection.vendor,
            "members": {name: _sha256(path) for name, path in members.items()},
        }
        partial = target.with_name(target.name + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, path in members.items():
                archive.write(path, name)
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        verify_backup(partial)
        partial.replace(target)
    return manifest


def verify_backup(path: Path) -> dict:
    """The manifest of a sound archive; BackupError naming the first problem otherwise."""
    try:
        with zipfile.ZipFile(path) as archive:
            broken = archive.testzip()
            if broken:
                raise BackupError(_("The archive is damaged: %(name)s fails its checksum.")
                                  % {"name": broken})
            manifest = json.loads(archive.read("manifest.json"))
            if manifest.get("format") != FORMAT:
                raise BackupError(_("This file is not a thidua backup."))
            names = set(archive.namelist()) - {"manifest.json"}
            if names != set(manifest["members"]):
                raise BackupError(_("The archive's contents do not match its manifest."))
            for name, expected in manifest["members"].items():
                digest = hashlib.sha256()
                with archive.open(name) as handle:
                    for block in iter(lambda h=handle: h.read(1 << 20), b""):
                        digest.update(block)
                if digest.hexdigest() != expected:
                    raise BackupError(_("The archive is damaged: %(name)s has changed.")
                                      % {"name": name})
            return manifest
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise BackupError(_("The file is not a readable thidua backup (%(error)s).")
                          % {"error": error}) from error


def restore_backup(path: Path) -> dict:
    """Replace the database contents and stored files with those of a verified archive."""
    manifest = verify_backup(path)
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(path) as archive:
        archive.extractall(tmp)
        with transaction.atomic():
            _set_constraints("IMMEDIATE")  # PostgreSQL cannot truncate with checks pending
            management.call_command("flush", interactive=False, verbosity=0)
            _set_constraints("DEFERRED")  # rows may arrive before the rows they point to
            management.call_command("loaddata", str(Path(tmp) / "data.jsonl"), verbosity=0)
        media = Path(settings.MEDIA_ROOT)
        if (Path(tmp) / "files").exists():
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(Path(tmp) / "files", media)
    return manifest


def _set_constraints(mode: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")
