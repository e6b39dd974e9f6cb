"""CI gate: every Vietnamese catalogue is complete: no string in the code missing from it, none
empty, none fuzzy. Each app's strings are re-extracted with makemessages, checked, and the
committed catalogue is put back as it was.

Django merges the apps' catalogues into one, the app listed first winning, so a string translated
two ways in two apps would show one app's wording on the other's pages. Such clashes fail too: use
one wording, or a context (pgettext) where the meanings differ."""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
DJANGO_ADMIN = Path(sys.executable).parent / "django-admin"


def problems_in(path: Path) -> list[str]:
    rel = path.relative_to(ROOT)
    found = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(f"{rel}: fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural and not all(entry.msgstr_plural.values()):
            found.append(f"{rel}: untranslated plural: {entry.msgid!r}")
        elif not entry.msgid_plural and not entry.msgstr:
            found.append(f"{rel}: missing or untranslated: {entry.msgid!r}")
    return found


def check_app(app_dir: Path) -> list[str]:
    po_path = app_dir / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    original = po_path.read_bytes() if po_path.exists() else None
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings"}
    try:
        subprocess.run([str(DJANGO_ADMIN), "makemessages", "-l", "vi", "--no-obsolete",
                        "--no-location", "-v", "0"], cwd=app_dir, env=env, check=True)
        return problems_in(po_path) if po_path.exists() else []
    finally:
        if original is None:
            po_path.unlink(missing_ok=True)
        else:
            po_path.write_bytes(original)


def clashes(apps: list[Path]) -> list[str]:
    """Strings (with their context) translated differently in two or more apps."""
    wordings: dict[tuple[str | None, str], dict[str, list[str]]] = {}
    for app_dir in apps:
        po_path = app_dir / "locale" / "vi" / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            continue
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or entry.msgid_plural:
                continue
            by_text = wordings.setdefault((entry.msgctxt, entry.msgid), {})
            by_text.setdefault(entry.msgstr, []).append(app_dir.name)
    return [
        f"translated differently: {msgid!r}" + (f" (context {context!r})" if context else "") + ": "
        + "; ".join(f"{', '.join(names)}: {text!r}" for text, names in by_text.items())
        for (context, msgid), by_text in sorted(wordings.items(), key=lambda item: item[0][1])
        if len(by_text) > 1
    ]


apps = sorted(p.parent for p in ROOT.glob("thidua/*/apps.py"))
problems = [problem for app_dir in apps for problem in check_app(app_dir)] + clashes(apps)
if problems:
    print("Vietnamese translations incomplete:")
    print("\n".join(f"- {p}" for p in problems))
    sys.exit(1)
print(f"translations: {len(apps)} apps, Vietnamese catalogues complete")
